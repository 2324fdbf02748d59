"""Saved web pages: main text without scripts, styles or boilerplate; metadata from the page."""
import pytest

from newslens.corpus import SkipFile, load_corpus
from newslens.html_reader import decode_html, extract_html

PAGE = """<!doctype html><html><head><title>Seoul weighs arms | Korea Times</title>
<meta charset="utf-8">
<meta property="og:title" content="Seoul weighs sending arms to Ukraine">
<meta property="article:published_time" content="2024-11-07T10:00:00+09:00">
<meta name="author" content="Kim Min-ji">
<meta property="og:site_name" content="The Korea Times">
<script>var secret = "STEAL-COOKIE"; document.write('x')</script>
<style>.lead { color: red }</style></head>
<body onload="alert('BODYLOAD')">
<nav><a href="/">Home</a> <a href="javascript:alert('NAVJS')">World</a></nav>
<article><h1>Seoul weighs sending arms to Ukraine</h1>
<p>South Korea said on Thursday it could send 155mm shells to Ukraine, officials said.</p>
<p><img src=x onerror="alert('IMGERR')">The defence ministry said 10,900 troops had been deployed.</p>
<script>alert('INLINE-SCRIPT')</script><noscript>NOSCRIPT-TEXT</noscript>
<p onclick="steal()">Analysts said the move would anger Pyongyang, which called it a provocation.</p>
</article>
<footer>Copyright 2024 The Korea Times. All rights reserved.</footer></body></html>"""


def test_main_text_and_metadata():
    page = extract_html(PAGE)
    assert "155mm shells" in page["text"] and "10,900 troops" in page["text"]
    assert page["title"] == "Seoul weighs sending arms to Ukraine"
    assert page["published"] == "2024-11-07"
    assert page["outlet"] == "The Korea Times"
    assert page["byline"] == "Kim Min-ji"


@pytest.mark.parametrize("fragment", ["STEAL-COOKIE", "alert", "onerror", "onload", "onclick", "steal()",
                                      "INLINE-SCRIPT", "NOSCRIPT", "color: red", "javascript:", "<", "Home"])
def test_no_script_style_handler_or_navigation_reaches_the_text(fragment):
    assert fragment not in extract_html(PAGE)["text"]


def test_short_page_falls_back_to_body_text():
    page = extract_html("<html><body><script>x()</script><p>Officials said 12 drones fell.</p></body></html>")
    assert page["text"].strip() == "Officials said 12 drones fell."
    assert page["published"] is None


@pytest.mark.parametrize("html", ["<html><head><script>alert(1)</script></head><body></body></html>",
                                  "<html><body><style>p{}</style></body></html>"])
def test_page_without_text_is_skipped(html):
    with pytest.raises(SkipFile, match="no article text"):
        extract_html(html)


@pytest.mark.parametrize("declared, encoding", [("windows-1252", "cp1252"), ("ISO-8859-1", "cp1252"),
                                               ("utf-16", "utf-8"), ("bogus-charset", "utf-8")])
def test_declared_charset_is_read_as_browsers_do(declared, encoding):
    html = f'<html><head><meta charset="{declared}"></head><body><p>Café “news” – 5 €.</p></body></html>'
    assert "Café “news” – 5 €." in decode_html(html.encode(encoding))


def test_declared_legacy_charset_is_used():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Café “news” – 5 €.</p></body></html>'
    assert "Café “news” – 5 €." in decode_html(html.encode("cp1252"))


def test_html_files_become_articles_with_extracted_text(tmp_path):
    (tmp_path / "seoul.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.htm").write_bytes(b"")
    articles, skipped = load_corpus([tmp_path])
    assert [a.doc_id for a in articles] == ["seoul"]
    art = articles[0]
    assert art.text.startswith("Seoul weighs sending arms to Ukraine\nSouth Korea said")
    assert (art.title, art.published, art.outlet) == ("Seoul weighs sending arms to Ukraine", "2024-11-07",
                                                     "The Korea Times")
    assert skipped == [(str(tmp_path / "empty.htm"), "empty file")]


def test_inline_assets_may_make_a_page_bigger_than_its_text_limit(tmp_path):
    image = "data:image/png;base64," + "A" * 6000
    (tmp_path / "single-file.html").write_text(
        f"<html><body><img src='{image}'><p>Officials said 12 drones were shot down.</p></body></html>",
        encoding="utf-8")
    (tmp_path / "long.html").write_text("<html><body>" + "<p>Officials said 12 drones fell.</p>" * 200
                                        + "</body></html>", encoding="utf-8")
    articles, skipped = load_corpus([tmp_path], max_bytes=4000)
    assert [a.doc_id for a in articles] == ["single-file"]
    assert skipped == [(str(tmp_path / "long.html"),
                        "article text too large (6 KB > 4 KB limit for one article; raise it with --max-file-mb)")]
