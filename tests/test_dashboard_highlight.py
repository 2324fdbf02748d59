"""The article reader's HTML: escaped text, well-nested highlight marks, dimmed chrome."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from newslens_app.highlight import Mark, render_article


class Tags(HTMLParser):
    """Collects the tags and attributes a browser would build, and the text it would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.depth = 0
        self.in_article = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "div" and ("class", "nl-article") in attrs:
            self.in_article = True

    def handle_data(self, data):
        if self.in_article:
            self.text.append(data)


def parse(markup: str) -> Tags:
    p = Tags()
    p.feed(markup)
    return p


HOSTILE = "<script>alert('x')</script>\nSaid 500 <img src=x onerror=\"alert(1)\"> drones. <a href=javascript:1>x</a>"


@pytest.mark.parametrize("marks", [
    [],
    [Mark(0, 8, "quotes", "quote by <script>x</script>")],
    [Mark(34, 37, "figures", "\"><img src=x onerror=alert(2)>")],
    [Mark(0, len(HOSTILE), "quotes", ""), Mark(34, 37, "figures", "500 count")],
])
def test_article_markup_never_reaches_the_page(marks):
    markup = render_article(HOSTILE, marks, chrome=[(0, 28)])
    tags = parse(markup)
    names = {t for t, _ in tags.tags}
    assert names <= {"style", "div", "span"}
    assert not any(k.startswith("on") or k == "href" for _, attrs in tags.tags for k in attrs)
    assert "".join(tags.text) == HOSTILE  # shown as text, character for character
    assert "&lt;script&gt;" in markup


def test_nested_marks_cover_their_text_and_nest_properly():
    text = "He said \"we need 10,000 shells now\" on Monday."
    q0, q1 = text.index("we"), text.index(" now") + 4
    f0 = text.index("10,000")
    markup = render_article(text, [Mark(q0, q1, "quotes", "quote"), Mark(f0, f0 + 6, "figures", "figure")])
    tags = parse(markup)
    assert "".join(tags.text) == text
    spans = [attrs.get("class", "") for t, attrs in tags.tags if t == "span" and attrs.get("class") != "nl-gap"]
    assert "nl-figures nl-quotes" in spans      # the figure inside the quote carries both
    assert spans.count("nl-quotes") == 2        # the quote before and after the figure
    assert markup.count("<span") == markup.count("</span>")


def test_chrome_is_dimmed_and_focus_is_outlined():
    text = "Advertisement\nReal news here."
    markup = render_article(text, [], chrome=[(0, 13)], focus=(14, 18))
    tags = parse(markup)
    classes = [attrs.get("class") for t, attrs in tags.tags if t == "span" and attrs.get("class") != "nl-gap"]
    assert classes == ["nl-chrome", "nl-focus"]
    assert any(attrs.get("id") == "nl-focus" for _, attrs in tags.tags)


@pytest.mark.parametrize("mark", [Mark(-5, 3, "quotes"), Mark(10, 999, "weapons"), Mark(4, 4, "dates"),
                                  Mark(8, 2, "figures")])
def test_offsets_out_of_range_are_clipped_not_raised(mark):
    text = "short text"
    tags = parse(render_article(text, [mark]))
    assert "".join(tags.text) == text


def test_tooltips_are_escaped_attributes():
    markup = render_article("abc", [Mark(0, 3, "quotes", 'x" onmouseover="alert(1)')])
    assert html.escape('x" onmouseover="alert(1)', quote=True) in markup
    tags = parse(markup)
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)


def test_marks_for_an_article_list_its_rows_in_order_with_details(tmp_path):
    import pandas as pd

    from _dashboard_data import write_tables
    from newslens_app import views
    from newslens_app.highlight import marks_for

    folder = write_tables(tmp_path / "t")
    tables = views.prepare({n: pd.read_parquet(folder / f"{n}.parquet") for n in
                            ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")})
    sel = views.select(tables, views.Filters())
    marks, rows = marks_for(tables, sel, "beta1", kinds=["quotes", "weapons", "dates"])
    assert list(rows["start"]) == sorted(rows["start"])
    assert "full quote by Rustem Umerov" in set(rows["detail"])
    assert "Patriot (air defence)" in set(rows["detail"])
    assert {m.kind for m in marks} == {"quotes", "speaker", "weapons", "dates"}
    assert set(rows["article"]) == {"Kyiv asks for air defence"} and rows["sentence"].notna().all()
    _, none = marks_for(tables, sel, "beta1", kinds=[])
    assert none.empty
