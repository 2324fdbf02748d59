"""Hostile input: every bad file gets a one-line reason in the summary and the rest is built.

One folder holds every kind of bad input next to good articles; the build runs once over it
(through the real extractors) and each test checks one case.
"""
import os
from pathlib import Path

import pandas as pd
import pytest

from newslens import corpus
from newslens.cli import summary_lines
from newslens.pipeline import TABLES, build

GOOD = "Officials said on Monday that 12 drones were shot down over the capital region overnight.\n"
UNCLOSED = ("Kyiv under fire\n"
            "The mayor said “this will never end. Officials said 10,900 troops had been deployed.\n"
            "The ministry said 45 drones were downed on Monday.\n")
LEGACY = "Kyiv’s mayor said “the city will hold” — 1,200 missiles hit the café district. It cost €4.5 million.\n"
SPACES = "The ministry said 10\u00a0900 troops, 10\u200b900 drones and 10\u202f900 shells were counted.\n"
PAGE = ("<html><head><title>Strike</title><script>document.cookie='STOLEN'</script></head>"
        "<body onload=\"alert('LOAD')\"><p>Officials said 14 missiles were fired at Kharkiv on Sunday."
        "<img src=x onerror=\"alert('XSS')\"></p><script>alert('INLINE')</script>"
        "<p><a href=\"javascript:alert('JS')\" onclick=\"steal()\">Residents said</a> power was cut.</p>"
        "</body></html>")
HUGE_BYTES = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = {
        "good.txt": GOOD.encode(),
        "empty.txt": b"",
        "blank.txt": b"  \n\n ",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        "legacy.txt": LEGACY.encode("cp1252"),
        "utf16.txt": LEGACY.replace("1,200", "1,300").encode("utf-16"),
        "locked.txt": GOOD.replace("12", "13").encode(),
        "unclosed.txt": UNCLOSED.encode(),
        "nopunct.txt": (" ".join(["officials said twelve drones fell near the border again"] * 400)).encode(),
        "dup_a.txt": "Seoul said 40 shells were sent.\n".encode(),
        "dup_b.txt": "Seoul said 40 shells  were sent.\r\n\r\n".encode(),   # same text up to whitespace
        "spaces.txt": SPACES.encode(),
        "page.html": PAGE.encode(),
        "feed.csv": ("Date,URL,Title,Text\n"
                     "2022-01-01,https://www.bbc.com/news/1,One,First story about 3 tanks.\n"
                     "2022-01-02,https://www.bbc.com/news/2,Broken\n"
                     "2022-01-03,https://www.bbc.com/news/3,Three,Third story about 5 jets.\n").encode(),
        "notes.pdf": b"%PDF-1.4",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as fh:   # 20 MB of words, written in chunks
        chunk = b"Officials said 12 drones were shot down. " * 25_000
        while fh.tell() < HUGE_BYTES:
            fh.write(chunk)
        fh.truncate(HUGE_BYTES)
    locked = folder / "locked.txt"
    real_open = corpus._open_binary

    def refuse_locked(path):
        if Path(path) == locked:  # tests run as root here, where chmod 000 would not stop a read
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    mp = pytest.MonkeyPatch()
    mp.setattr(corpus, "_open_binary", refuse_locked)
    try:
        out = folder / "tables"
        report = build([folder], out)
    finally:
        mp.undo()
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}
    return {"folder": folder, "report": report, "tables": tables,
            "summary": summary_lines(report), "texts": dict(zip(tables["articles"].doc_id, tables["articles"].text))}


def test_the_rest_of_the_corpus_is_built(hostile):
    assert sorted(hostile["texts"]) == sorted([
        "good", "legacy", "utf16", "unclosed", "nopunct", "dup_a", "spaces", "page", "feed-0001", "feed-0003"])
    assert hostile["report"].articles == 10


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("blank.txt", "no text (only whitespace)"),
    ("binary.txt", "binary file (contains NUL bytes), not text"),
    ("locked.txt", "unreadable: permission denied"),
    ("huge.txt", "file too large (20 MB > 10 MB limit for one article; raise it with --max-file-mb)"),
    ("feed.csv line 3", "malformed row: 3 fields, the header has 4"),
    ("notes.pdf", "unsupported file type '.pdf'"),
])
def test_each_bad_input_has_a_one_line_reason_in_the_summary(hostile, name, reason):
    line = f"  skipped {hostile['folder'] / name}: {reason}"
    assert line in hostile["summary"]
    assert "\n" not in line


def test_exact_duplicates_are_kept_once_and_flagged(hostile):
    assert "  duplicate: dup_b has the same text as dup_a; kept once" in hostile["summary"]
    assert "dup_b" not in hostile["texts"]


@pytest.mark.parametrize("doc_id, expected", [
    ("legacy", LEGACY),
    ("utf16", LEGACY.replace("1,200", "1,300")),
    ("spaces", SPACES),              # nothing normalised away: offsets stay faithful to the file
])
def test_legacy_encodings_are_decoded_and_text_kept_exact(hostile, doc_id, expected):
    assert hostile["texts"][doc_id] == expected


def test_nothing_of_scripts_or_handlers_reaches_the_article_text(hostile):
    text = hostile["texts"]["page"]
    assert "14 missiles" in text and "power was cut" in text
    for fragment in ("STOLEN", "alert", "onerror", "onload", "onclick", "steal", "javascript", "<", ">"):
        assert fragment not in text


def test_an_unclosed_quote_does_not_swallow_the_figures_after_it(hostile):
    figures = hostile["tables"]["figures"]
    quotes = hostile["tables"]["quotes"]
    text = hostile["texts"]["unclosed"]
    mine = figures[figures.doc_id == "unclosed"]
    assert {"10,900 troops", "45 drones"} <= set(mine.surface), mine.surface.tolist()
    for q in quotes[quotes.doc_id == "unclosed"].itertuples():
        assert "\n" not in text[q.start:q.end]           # an unclosed mark ends at its paragraph


@pytest.mark.parametrize("surface", ["10\u00a0900 troops", "10\u200b900 drones", "10\u202f900 shells"])
def test_spaces_inside_numbers_give_one_figure(hostile, surface):
    figures = hostile["tables"]["figures"]
    rows = figures[(figures.doc_id == "spaces") & (figures.surface == surface)]
    assert rows.value.tolist() == [10900.0]


def test_text_without_punctuation_is_built(hostile):
    sentences = hostile["tables"]["sentences"]
    assert (sentences.doc_id == "nopunct").sum() >= 1


def test_every_offset_slices_to_its_surface(hostile):
    texts, tables = hostile["texts"], hostile["tables"]
    for name, col in [("sentences", "text"), ("quotes", "text"), ("figures", "surface"),
                      ("dates", "surface"), ("weapons", "surface"), ("entities", "surface")]:
        for row in tables[name].itertuples():
            assert texts[row.doc_id][row.start:row.end] == getattr(row, col), (name, row)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path):
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    report = build([tmp_path], tmp_path / "out")
    assert report.articles == 1
    assert (str(locked), "unreadable: permission denied") in report.skipped


def test_a_larger_limit_builds_a_big_file(tmp_path):
    (tmp_path / "big.txt").write_text("Officials said 12 drones were shot down. " * 3_000, encoding="utf-8")
    assert build([tmp_path], tmp_path / "a", max_bytes=100_000).articles == 0
    assert build([tmp_path], tmp_path / "b", max_bytes=200_000).articles == 1


def test_a_broken_sources_manifest_is_reported_and_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(b"file,outlet\na.txt,\xff\xfe\xfa broken\n")
    articles, skipped = corpus.load_corpus([tmp_path])
    assert [a.doc_id for a in articles] == ["a"]
    assert skipped[0][0] == str(tmp_path / "sources.csv") and skipped[0][1].startswith("metadata file ignored")


def test_deeply_nested_html_is_skipped_or_read_never_raised(tmp_path):
    depth = 20_000
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * depth + "<p>Officials said 3 drones fell.</p>"
                                        + "</div>" * depth + "</body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    articles, skipped = corpus.load_corpus([tmp_path])
    assert "a" in [a.doc_id for a in articles]
    assert len(articles) + len(skipped) == 2


def test_a_reader_bug_costs_only_its_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")

    def broken(path, *, max_bytes):
        raise RuntimeError("surprise\nover two lines")

    monkeypatch.setitem(corpus.READERS, ".jsonl", broken)
    articles, skipped = corpus.load_corpus([tmp_path])
    assert [a.doc_id for a in articles] == ["a"]
    assert skipped == [(str(tmp_path / "b.jsonl"), "could not be read (RuntimeError: surprise over two lines)")]
