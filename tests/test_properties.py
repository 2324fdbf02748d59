"""Property tests: on arbitrary Unicode the loader and every extractor never raise, and every
offset pair slices exactly to its surface."""
import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslens.corpus import RawDocument, SkipFile, decode, load_corpus, make_article
from newslens.export import neutralise_cell, safe_csv_bytes
from newslens.pipeline import extract_article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the extractors actually fire, mixed with arbitrary characters, so the
# properties are tested on matches (quotes, figures, dates, weapons, names), not only on noise.
NEWSY = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", " said", " told reporters", " according to", "\n", "\n\n",
    ". ", ", ", "12", "10,900", "10\u00a0900", "10\u200b900", "4.5", "$1.2 billion", "8.3 percent",
    "155mm", "1,000th", "six", " troops", " drones", " ATACMS", " Storm Shadow", " tanks", " shells",
    " Nov. 7", " February 2022", " in December", " 1990", " on Tuesday", " Volodymyr Zelenskyy",
    " President Yoon Suk Yeol", " he", " Seoul", " Kyiv", " the Defense Ministry", " officials",
    "-", "—", "(", ")", ":", "%", "\u00ad", "\ufeff", "\u202f", "\u2028", "\t", "\r\n",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=6)), max_size=80).map("".join),
)

SURFACE = {"sentences": "text", "quotes": "text", "figures": "surface", "dates": "surface",
           "weapons": "surface", "entities": "surface"}


def _check_offsets(text: str, rows: dict) -> None:
    for table, col in SURFACE.items():
        for row in rows.get(table, []):
            start, end = row["start"], row["end"]
            assert 0 <= start <= end <= len(text), (table, row)
            assert text[start:end] == row[col], (table, row)
    for q in rows.get("quotes", []):
        if q.get("speaker_start") is not None or q.get("speaker_end") is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"], q


@SETTINGS
@given(TEXT)
def test_extractors_never_raise_and_offsets_slice_to_surfaces(text):
    article = make_article(RawDocument("doc", "doc.txt", text))
    rows, failures = extract_article(article)
    assert failures == []
    _check_offsets(article.text, rows)


@SETTINGS
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
def test_decode_round_trips_or_gives_a_reason(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
        encoding = "utf-8"
    try:
        decoded = decode(data)
    except SkipFile as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    # A legacy code page is a guess, and so is UTF-16 without a BOM unless the text is ASCII
    # (the NUL-byte pattern is the only clue); NUL characters make any text look binary.
    guessed = encoding == "cp1252" or (encoding == "utf-16-le" and not text.isascii())
    if not guessed and "\x00" not in text:
        if encoding in ("utf-8", "utf-16-le") and text.startswith("\ufeff"):
            text = text[1:]  # encoded without a BOM, a leading U+FEFF *is* a BOM
        assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(st.binary(max_size=600))
def test_decode_of_arbitrary_bytes_returns_text_or_a_reason(data):
    try:
        assert isinstance(decode(data), str)
    except SkipFile as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=0, max_size=6), max_size=8),
       st.sampled_from([".csv", ".jsonl", ".txt", ".html"]), st.binary(max_size=200))
def test_loader_never_raises_on_any_file(rows, suffix, noise):
    buf = io.StringIO()
    csv.writer(buf).writerows([["Title", "Text", "URL"], *rows])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"table{suffix}").write_text(buf.getvalue(), encoding="utf-8")
        (folder / f"noise{suffix}").write_bytes(noise)
        articles, skipped = load_corpus([folder])
        for article in articles:
            rows_, failures = extract_article(article)
            assert failures == []
            _check_offsets(article.text, rows_)
        for where, reason in skipped:
            assert reason and "\n" not in reason


@SETTINGS
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=False), st.none()))
def test_no_csv_cell_starts_with_a_formula_trigger(value):
    safe = neutralise_cell(value)
    if isinstance(value, str):
        assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert safe in (value, "'" + value)
    else:
        assert safe == value
    import pandas as pd
    data = safe_csv_bytes(pd.DataFrame({"cell": [str(value)]})).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(data, newline="")):
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)


# Control characters are left out: a file made of them is rightly refused as binary.
CELL = st.one_of(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40), st.sampled_from(
    ["2022-01-02", "12", "a,b", 'say "hi"', "line\nbreak", "2022-01-03,x,y,z", "\n2022-01-04,u,t,x\n", "x\r\ny"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=8), st.sampled_from([",", ";", "\t"]))
def test_well_formed_csv_rows_all_come_back(rows, delimiter):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["date", "title", "text"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        articles, skipped = load_corpus([path])
    def norm(t):
        return t.replace("\r\n", "\n").replace("\r", "\n")
    # every row with text comes back, in order; blank rows and rows without text are the only skips
    expected = [norm(text) for date, title, text in rows
                if norm(text).strip() and any(c.strip() for c in (date, title, text))]
    assert [a.text for a in articles] == expected
    assert all(reason == "row has no text" for _, reason in skipped)
