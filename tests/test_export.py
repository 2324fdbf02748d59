"""The shared CSV writer neutralises formula triggers in text and leaves numbers as numbers."""
import csv
import io

import numpy as np
import pandas as pd
import pytest

from newslens.export import neutralise_cell, safe_csv_bytes, write_safe_csv


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
    ("+1-555-0100", "'+1-555-0100"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("plain text", "plain text"),
    ("a = b", "a = b"),            # a trigger later in the cell is harmless
    ("", ""),
    ("'already quoted", "'already quoted"),
    (-3, -3),                      # real numbers stay numbers
    (-2.5, -2.5),
    (np.int64(-7), np.int64(-7)),
    (True, True),
    (None, None),
    (["-x", "y"], "'-x;y"),        # list cells become text and are checked as text
    (["a", "b"], "a;b"),
    ([[0, 12], [40, 52]], "0-12;40-52"),       # chrome spans
    (np.array([np.array([3, 9])], dtype=object), "3-9"),
])
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_safe_csv_bytes_neutralises_text_and_keeps_numbers():
    df = pd.DataFrame({"surface": ["=cmd|' /C calc'!A0", "10 900 troops"],
                       "value": [-12.5, 10900.0], "start": [-1, 4], "approx": [True, False]})
    rows = _rows(safe_csv_bytes(df))
    assert rows[0] == ["surface", "value", "start", "approx"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-12.5", "-1", "True"]
    assert rows[2] == ["10 900 troops", "10900.0", "4", "False"]


def test_safe_csv_bytes_checks_header_and_object_columns():
    df = pd.DataFrame({"=evil": ["@x", None], "topics": [["-war", "aid"], []]})
    rows = _rows(safe_csv_bytes(df))
    assert rows[0] == ["'=evil", "topics"]
    assert rows[1] == ["'@x", "'-war;aid"]
    assert rows[2] == ["", ""]


def test_write_safe_csv_replaces_atomically(tmp_path):
    target = tmp_path / "out" / "quotes.csv"
    write_safe_csv(pd.DataFrame({"text": ["old"]}), target)
    write_safe_csv(pd.DataFrame({"text": ["+new"]}), target)
    assert _rows(target.read_bytes()) == [["text"], ["'+new"]]
    assert [p.name for p in target.parent.iterdir()] == ["quotes.csv"]  # no temp file left


def test_cli_export_writes_one_safe_csv_per_table(tmp_path):
    from newslens.cli import main
    from newslens.pipeline import TABLES

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text('=HYPERLINK("http://evil.example","click")\n'
                                     "-Officials said 12 drones were shot down on Monday.\n", encoding="utf-8")
    out, csvs = tmp_path / "tables", tmp_path / "csv"
    assert main(["build", str(folder), "--out", str(out), "-q"]) == 0
    assert main(["export", str(out), "--to", str(csvs)]) == 0
    assert sorted(p.name for p in csvs.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    sentences = _rows((csvs / "sentences.csv").read_bytes())
    header = sentences[0]
    texts = [row[header.index("text")] for row in sentences[1:]]
    assert texts[0].startswith("'=HYPERLINK(") and texts[1].startswith("'-Officials")
    assert sentences[1][header.index("start")] == "0"           # numbers stay numbers, ints stay ints
    for data in (p.read_bytes() for p in csvs.iterdir()):
        for row in _rows(data):
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_cli_export_without_tables_fails_cleanly(tmp_path, capsys):
    from newslens.cli import main
    assert main(["export", str(tmp_path), "--to", str(tmp_path / "csv")]) == 1
    assert "no tables" in capsys.readouterr().err
