"""`newslens eval`: matching rule, brat and JSON gold, on small made-up files."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from newslens.cli import main as cli_main
from newslens.eval import evaluate, load_brat, pair_up, quoted_segments, same_name

TEXT = ("“We will win,” Ann Lee said.\n\n"
        "Bo Kim called it “a disaster” and left.\n\n"
        "“Part one runs on\n\n“and part two ends,” he said.\n")


def write_quotes(folder, rows):
    cols = ["doc_id", "start", "end", "kind", "speaker", "speaker_start", "speaker_end"]
    pd.DataFrame(rows, columns=cols).to_parquet(folder / "quotes.parquet")


def span_of(text, inner):
    s = text.index(inner)
    return s, s + len(inner)


@pytest.mark.parametrize("gold, pred, pairs", [
    ([(0, 10)], [(0, 10)], 1),
    ([(0, 10)], [(4, 30)], 1),          # overlap 6 >= half of the shorter (10)
    ([(0, 10)], [(6, 30)], 0),          # overlap 4 < 5
    ([(0, 10)], [(0, 10), (1, 9)], 1),  # one-to-one: the larger overlap wins
    ([(0, 10), (20, 30)], [(0, 30)], 1),
])
def test_pair_up_overlap_rule(gold, pred, pairs):
    got, fn, fp = pair_up(gold, pred, lambda g: g, lambda p: p, lambda x: "d")
    assert len(got) == pairs
    assert len(fn) == len(gold) - pairs and len(fp) == len(pred) - pairs


def test_pair_up_prefers_largest_overlap():
    got, _, _ = pair_up([(0, 10)], [(0, 6), (0, 10)], lambda g: g, lambda p: p, lambda x: "d")
    assert got == [((0, 10), (0, 10))]


def test_pairs_never_cross_documents():
    got, fn, fp = pair_up([("a", 0, 10)], [("b", 0, 10)], lambda g: g[1:], lambda p: p[1:], lambda x: x[0])
    assert not got and fn and fp


@pytest.mark.parametrize("text, expected", [
    ("x “ab cd” y", ["ab cd"]),
    ('x "ab" and "cd ef" y', ["ab", "cd ef"]),
    ("x ''ab cd'' y", []),                      # typewriter marks: only when asked (below)
    ("“one\n\n“two” end", ["one", "two"]),
    ("“never closes\nnext line", ["never closes"]),
    ("no marks here", []),
])
def test_quoted_segments(text, expected):
    assert [text[s:e] for s, e in quoted_segments(text, 0, len(text))] == expected


def test_quoted_segments_read_typewriter_marks_when_asked():
    text = "x ''ab cd'' y “ef”"
    got = quoted_segments(text, 0, len(text), typewriter_marks=True)
    assert [text[s:e] for s, e in got] == ["ab cd", "ef"]


def test_same_name_is_lenient_but_not_blind():
    assert same_name("Government of South Korea", "South Korea")
    assert same_name("Doo Jin-ho", "Du Jin-ho")
    assert not same_name("Ann Lee", "Bo Kim")
    assert not same_name(None, "Bo Kim")


@pytest.fixture
def brat_gold(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    src = span_of(TEXT, "Ann Lee")
    content = (0, TEXT.index(" Ann Lee"))
    src2 = span_of(TEXT, "Bo Kim")
    c2 = span_of(TEXT, "“a disaster”")
    ann = (f"T1\tSource {src[0]} {src[1]}\tAnn Lee\n"
           f"T2\tContent {content[0]} {content[1]}\tx\n"
           f"T3\tCue 1 2\tsaid\n"
           f"E1\tAttribution:T3 Source:T1 Content:T2 Cue:T3\n"
           f"T4\tSource {src2[0]} {src2[1]}\tBo Kim\n"
           f"T5\tContent {c2[0]} {c2[1]}\tx\n"
           f"E2\tSource:T4 Content:T5\n")
    (tmp_path / "attributions" / "doc1_ann1.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "doc1_ann2.ann").write_text("", encoding="utf-8")  # second annotator
    return tmp_path


def test_load_brat_reads_first_annotator_and_sources(brat_gold):
    texts, gold = load_brat(brat_gold)
    assert list(texts) == ["doc1"]
    assert [TEXT[g.start:g.end] for g in gold] == ["We will win,", "a disaster"]
    assert [g.source_text for g in gold] == ["Ann Lee", "Bo Kim"]


def test_brat_scores_detection_and_speaker(brat_gold, tmp_path):
    pred = tmp_path / "pred"
    pred.mkdir()
    q1, s1 = span_of(TEXT, "We will win,"), span_of(TEXT, "Ann Lee")
    q2 = span_of(TEXT, "a disaster")
    q3 = span_of(TEXT, "Part one runs on")
    write_quotes(pred, [
        ("doc1", *q1, "full", "Ann Lee", *s1),            # right quote, right speaker
        ("doc1", *q2, "partial", "Ann Lee", *s1),         # right quote, wrong speaker
        ("doc1", *q3, "full", None, None, None),          # not in the gold: a false positive
        ("doc1", 0, 3, "scare", None, None, None),        # scare quotes are not predictions
    ])
    lines = evaluate(brat_gold, pred)
    text = "\n".join(lines)
    assert "quotes: detection              P=0.667 R=1.000" in text
    assert "(1/2 matched quotes with a source)" in text
    assert "quotes: quote+speaker          P=0.333 R=0.500" in text


def test_json_gold_scores_each_extractor(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    q = span_of(TEXT, "We will win,")
    (gold / "doc1.json").write_text(json.dumps({
        "doc": "doc1",
        "quotes": [{"start": q[0], "end": q[1], "kind": "full", "speaker": "Ann Lee"}],
        "figures": [{"start": 0, "end": 2, "value": 2.0, "unit": "count", "counts": "troops"}],
        "dates": [], "weapons": []}), encoding="utf-8")
    pred = tmp_path / "pred"
    pred.mkdir()
    write_quotes(pred, [("doc1", *q, "full", "Lee", 0, 1)])
    pd.DataFrame([{"doc_id": "doc1", "start": 0, "end": 2, "value": 3.0, "unit": "count",
                   "counts": "troops"}]).to_parquet(pred / "figures.parquet")
    lines = "\n".join(evaluate(gold, pred))
    assert "quotes: detection              P=1.000 R=1.000 F1=1.000" in lines
    assert "quotes: speaker                1.000  (1/1)" in lines
    assert "figures: value                 0.000  (0/1)" in lines
    assert "figures: unit                  1.000  (1/1)" in lines
    assert "weapons" not in lines            # no gold and no table: not reported


def test_cli_eval_reports_and_fails_cleanly(brat_gold, tmp_path, capsys):
    pred = tmp_path / "pred"
    pred.mkdir()
    write_quotes(pred, [])
    assert cli_main(["eval", str(brat_gold), "--pred", str(pred)]) == 0
    assert "quotes: detection" in capsys.readouterr().out
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert cli_main(["eval", str(brat_gold), "--pred", str(empty)]) == 2
    assert "no quotes table" in capsys.readouterr().out
