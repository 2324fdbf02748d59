"""CSV and JSONL exports: one article per row, columns matched loosely, bad rows skipped alone."""
import json
from pathlib import Path

import pytest

from newslens.corpus import load_corpus
from newslens.table_reader import host_outlet, match_columns

UKRAINE = Path(__file__).resolve().parents[2] / "shared" / "data" / "ukraine-media"


@pytest.mark.parametrize("names, expected", [
    (["Date", "URL", "Title", "Text"], {"published": 0, "url": 1, "title": 2, "text": 3}),
    (["", "URL", "Date", "Title", "Text"], {"url": 1, "published": 2, "title": 3, "text": 4}),
    (["HEADLINE", "Body", "Published_At", "Source", "Author", "ID"],
     {"title": 0, "text": 1, "published": 2, "outlet": 3, "byline": 4, "key": 5}),
    (["content", "publisher", "link"], {"text": 0, "outlet": 1, "url": 2}),
    (["headline", "summary"], {"title": 0}),                       # no text column
    (["Text", "text"], {"text": 0}),                               # the first of equal names wins
])
def test_match_columns(names, expected):
    assert match_columns(names) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.dailymail.co.uk/wires/ap/article-1.html", "dailymail.co.uk"),
    ("https://WWW.BBC.com/news/x", "bbc.com"),
    ("http://news.example.org:8080/a", "news.example.org"),
    ("not a url", None), ("", None), (None, None), ("http://[::1", None),
])
def test_host_outlet(url, expected):
    assert host_outlet(url) == expected


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_rows_become_articles_with_stable_readable_ids(tmp_path):
    _write(tmp_path / "AP.csv",
           'Date,URL,Title,Text\n'
           '2022-08-28,https://www.dailymail.co.uk/wires/ap/a1.html,"Plant shelled","Russia and Ukraine, again."\n'
           '2022-08-29T10:00:00Z,https://apnews.com/b2,Second,"Line one.\r\nLine two."\n')
    articles, skipped = load_corpus([tmp_path])
    assert skipped == []
    assert [(a.doc_id, a.outlet, a.published, a.title) for a in articles] == [
        ("AP-0001", "dailymail.co.uk", "2022-08-28", "Plant shelled"),
        ("AP-0002", "apnews.com", "2022-08-29", "Second")]
    assert articles[0].text == "Russia and Ukraine, again."
    assert articles[1].text == "Line one.\nLine two."
    again, _ = load_corpus([tmp_path])
    assert [a.doc_id for a in again] == ["AP-0001", "AP-0002"]


def test_csv_id_and_outlet_columns_win(tmp_path):
    _write(tmp_path / "export.csv", "id;source;body;url\nx 1/a;Yonhap;Seoul said so.;https://www.bbc.com/x\n"
           .replace(";", ","))
    (art,), _ = load_corpus([tmp_path])
    assert (art.doc_id, art.outlet) == ("export-x-1-a", "Yonhap")


def test_malformed_csv_rows_are_skipped_with_reasons_and_the_rest_kept(tmp_path):
    path = _write(tmp_path / "feed.csv",
                  "Date,URL,Title,Text\n"
                  "2022-01-01,http://a.com/1,One,First story.\n"        # line 2 ok
                  "2022-01-02,http://a.com/2,Two\n"                      # line 3: 3 fields
                  "2022-01-03,http://a.com/3,Three,,\n"                  # line 4: no text
                  '2022-01-04,http://a.com/4,Four,"Never closes\n'       # line 5: runaway quote
                  "2022-01-05,http://a.com/5,Five,Fifth story.\n"        # line 6 ok
                  "2022-01-06,http://a.com/6,Six,Sixth story,extra\n"    # line 7: 5 fields
                  "\n"
                  '2022-01-07,http://a.com/7,Seven,"Multi\nline, with commas, inside."\n'  # lines 9-10 ok
                  "2022-01-08,http://a.com/8,Eight,Eighth story.,,\n")   # trailing empty cells: ok
    articles, skipped = load_corpus([tmp_path])
    assert [a.title for a in articles] == ["One", "Five", "Seven", "Eight"]
    assert articles[2].text == "Multi\nline, with commas, inside."
    assert skipped == [
        (f"{path} line 3", "malformed row: 3 fields, the header has 4"),
        (f"{path} line 4", "row has no text"),
        (f"{path} line 5", "a quote opened in this row never closes (it ran into line 6); row skipped"),
        (f"{path} line 7", "malformed row: 5 fields, the header has 4"),
    ]


def test_csv_without_text_column_is_skipped_whole(tmp_path):
    _write(tmp_path / "meta.csv", "Title,Author\nA,B\n")
    articles, skipped = load_corpus([tmp_path])
    assert articles == []
    assert skipped[0][1].startswith("no text column") and "Title, Author" in skipped[0][1]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_csv_encodings(tmp_path, encoding):
    _write(tmp_path / "enc.csv", "Title,Text\nCafé,“Quoted” – €5 naïve.\n", encoding)
    (art,), skipped = load_corpus([tmp_path])
    assert (art.title, art.text) == ("Café", "“Quoted” – €5 naïve.")


def test_many_bad_rows_are_summarised(tmp_path):
    path = _write(tmp_path / "bad.csv", "Title,Text\n" + "only-one-field\n" * 30 + "Good,Text here.\n")
    articles, skipped = load_corpus([tmp_path])
    assert [a.title for a in articles] == ["Good"]
    assert len(skipped) == 21 and skipped[-1] == (str(path), "and 10 more rows skipped")


def test_oversized_csv_row_is_skipped_and_the_rest_kept(tmp_path):
    big = "word " * 3000
    _write(tmp_path / "big.csv", f'Title,Text\nBig,"{big}"\nSmall,Short text.\n')
    articles, skipped = load_corpus([tmp_path], max_bytes=1000)
    assert [a.title for a in articles] == ["Small"]
    assert "too large" in skipped[0][1]


def test_jsonl_lines_become_articles_and_bad_lines_are_skipped(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"Headline": "Drones", "content": "12 drones fell.", "link": "https://www.reuters.com/x"}),
             "{not json",
             json.dumps(["a", "list"]),
             json.dumps({"title": "No text"}),
             "",
             json.dumps({"id": 77, "text": "Second story.", "publisher": "AP", "date": "2022-03-01"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = load_corpus([tmp_path])
    assert [(a.doc_id, a.title, a.outlet, a.published) for a in articles] == [
        ("wire-0001", "Drones", "reuters.com", None), ("wire-77", "Second story.", "AP", "2022-03-01")]  # title inferred from the text
    assert [(w.rsplit(" ", 1)[-1], r.split(":")[0]) for w, r in skipped] == [
        ("2", "malformed JSON"), ("3", "not a JSON object but a list"),
        ("4", "object has no text (looked for text, body, content, ...)")]


def test_sources_manifest_and_readme_are_not_articles(tmp_path):
    _write(tmp_path / "a.txt", "Officials said 12 drones were shot down.")
    _write(tmp_path / "sources.csv", "file,outlet\na.txt,Yonhap\n")
    _write(tmp_path / "README.md", "# About this folder\n")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git" / "x.txt", "hidden folders are not read")
    articles, skipped = load_corpus([tmp_path])
    assert [(a.doc_id, a.outlet) for a in articles] == [("a", "Yonhap")]
    assert skipped == [(str(tmp_path / "README.md"), "folder documentation (README/LICENSE), not an article")]


@pytest.mark.skipif(not UKRAINE.is_dir(), reason="shared ukraine-media data not present")
def test_ukraine_media_csvs_load_every_story():
    articles, skipped = load_corpus([UKRAINE])
    assert len(articles) == 1476
    assert all(reason.startswith("folder documentation") for _, reason in skipped)
    assert len({a.doc_id for a in articles}) == 1476
    by_id = {a.doc_id: a for a in articles}
    assert by_id["AP-0001"].outlet == "dailymail.co.uk" and by_id["AP-0001"].published == "2022-08-28"
    assert by_id["bbc-0001"].outlet == "bbc.com" and by_id["bbc-0001"].title


@pytest.mark.parametrize("name, content", [
    ("semi.csv", "title;text;source\nEins;Kyiv sagte, 12 Drohnen; abgeschossen.;Spiegel\n"),   # too many fields
    ("semi2.csv", 'title;text;source\nEins;"Kyiv sagte, 12 Drohnen abgeschossen.";Spiegel\n'),
    ("tabs.tsv", "title\ttext\tsource\nEins\tKyiv sagte, 12 Drohnen abgeschossen.\tSpiegel\n"),
    ("pipes.csv", "\n\ntitle|text|source\nEins|Kyiv sagte, 12 Drohnen abgeschossen.|Spiegel\n"),
])
def test_separator_is_judged_from_the_header(tmp_path, name, content):
    _write(tmp_path / name, content)
    articles, skipped = load_corpus([tmp_path])
    if name == "semi.csv":
        assert articles == [] and "malformed row: 4 fields, the header has 3" in skipped[0][1]
    else:
        assert [(a.title, a.text, a.outlet) for a in articles] == [
            ("Eins", "Kyiv sagte, 12 Drohnen abgeschossen.", "Spiegel")]


def test_a_runaway_quote_in_the_first_row_is_caught_too(tmp_path):
    path = _write(tmp_path / "feed.csv",
                  "Date,URL,Title,Text\n"
                  '2022-01-01,http://a.com/1,One,"Never closes\n'
                  "2022-01-02,http://a.com/2,Two,Second story.\n"
                  '2022-01-03,http://a.com/3,Three,"Paragraph one.\nParagraph two, with commas, and more."\n')
    articles, skipped = load_corpus([tmp_path])
    assert [a.title for a in articles] == ["Two", "Three"]
    assert skipped == [(f"{path} line 2",
                        "a quote opened in this row never closes (it ran into line 3); row skipped")]


def test_multi_paragraph_texts_are_not_mistaken_for_runaway_quotes(tmp_path):
    _write(tmp_path / "t.csv", 'Title,Text\nOne,"First paragraph.\nHowever, officials said more."\n'
                               'Two,"Second.\nStill, it went on."\n')
    articles, skipped = load_corpus([tmp_path])
    assert skipped == []
    assert [a.text for a in articles] == ["First paragraph.\nHowever, officials said more.",
                                          "Second.\nStill, it went on."]


@pytest.mark.skipif(not UKRAINE.is_dir(), reason="shared ukraine-media data not present")
def test_a_ukraine_media_csv_builds_end_to_end_from_the_cli(tmp_path, capsys):
    import pandas as pd

    from newslens.cli import main

    out = tmp_path / "um"
    assert main(["build", str(UKRAINE / "Reuters.csv"), "--out", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"built 61 articles into {out}") and "skipped" not in printed
    arts = pd.read_parquet(out / "articles.parquet")
    assert arts.doc_id.tolist()[:2] == ["Reuters-0001", "Reuters-0002"] and set(arts.outlet) == {"reuters.com"}
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert len(sentences) > 61 and set(sentences.doc_id) == set(arts.doc_id)
