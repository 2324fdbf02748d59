"""Rebuilds reuse unchanged articles, never mix builds, and never lose the previous tables."""
import json

import pandas as pd
import pytest

from newslens import incremental, pipeline
from newslens.cli import main
from newslens.incremental import deduplicate, text_fingerprint
from newslens.model import Article
from newslens.pipeline import TABLES, build

A = "Officials said on Monday that 12 drones were shot down over Kyiv.\n"
B = "The ministry said 300 tanks and 45 howitzers were sent in 2023.\n"
C = "Seoul said it would send 155mm shells to Ukraine in December.\n"


def _tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def _folder(tmp_path, files):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_rebuild_reuses_unchanged_articles_and_gives_the_same_tables(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    first = build([folder], out)
    assert first.unchanged == 0
    fresh = _tables(out)
    extracted = []
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda art: extracted.append(art.doc_id) or real(art))
    (folder / "c.txt").write_text(C, encoding="utf-8")
    (folder / "b.txt").write_text(B.replace("300", "310"), encoding="utf-8")
    second = build([folder], out)
    assert second.unchanged == 1 and extracted == ["b", "c"]
    again = _tables(out)
    a_rows = {n: again[n][again[n].doc_id == "a"].reset_index(drop=True) for n in TABLES}
    for name in TABLES:
        pd.testing.assert_frame_equal(a_rows[name], fresh[name][fresh[name].doc_id == "a"].reset_index(drop=True))
    assert "310 tanks" in set(again["figures"].surface)
    assert sorted(again["articles"].doc_id) == ["a", "b", "c"]
    manifest = json.loads((out / "build.json").read_text())
    assert manifest["extractor_version"] == incremental.extractor_version()
    assert manifest["unchanged"] == 1


def test_summary_says_how_many_articles_were_reused(tmp_path, capsys):
    folder = _folder(tmp_path, {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "-q"]) == 0
    assert main(["build", str(folder), "--out", str(out), "-q"]) == 0
    assert "  2 unchanged articles reused (same content hash)" in capsys.readouterr().out.splitlines()
    assert main(["build", str(folder), "--out", str(out), "-q", "--no-reuse"]) == 0
    assert "unchanged" not in capsys.readouterr().out


def test_changed_metadata_or_extractor_version_invalidates_reuse(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {"a.txt": A})
    out = tmp_path / "out"
    build([folder], out)
    (folder / "sources.csv").write_text("file,published\na.txt,2024-11-07\n", encoding="utf-8")
    assert build([folder], out).unchanged == 0          # the date resolves relative dates: rebuild
    assert build([folder], out).unchanged == 1
    monkeypatch.setattr(incremental, "extractor_version", lambda: "other-code")
    assert build([folder], out).unchanged == 0


def test_tables_from_different_builds_are_never_mixed(tmp_path):
    folder = _folder(tmp_path, {"a.txt": A})
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    build([folder], out1)
    build([folder], out2)
    (out1 / "quotes.parquet").write_bytes((out2 / "quotes.parquet").read_bytes())  # a torn replace
    assert build([folder], out1).unchanged == 0


def test_a_failing_build_leaves_the_previous_tables_intact(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    build([folder], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "c.txt").write_text(C, encoding="utf-8")

    def explode(article):
        raise MemoryError("simulated crash in the middle of a build")

    monkeypatch.setattr(pipeline, "extract_article", explode)
    with pytest.raises(MemoryError):
        build([folder], out, reuse=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before   # same files, same bytes, no temps


def test_a_build_that_finds_nothing_keeps_the_previous_tables(tmp_path):
    folder = _folder(tmp_path, {"a.txt": A})
    out = tmp_path / "out"
    build([folder], out)
    before = (out / "articles.parquet").read_bytes()
    (folder / "a.txt").write_bytes(b"")
    report = build([folder], out)
    assert report.articles == 0 and "previous tables" in report.notes[0]
    assert (out / "articles.parquet").read_bytes() == before


@pytest.mark.parametrize("texts, kept, dups", [
    (["x y", "x  y\n", "z"], ["d0", "d2"], [("d1", "d0")]),
    (["x", "y"], ["d0", "d1"], []),
    (["x", "X"], ["d0", "d1"], []),                      # case matters: not the same text
])
def test_deduplicate(texts, kept, dups):
    arts = [Article(doc_id=f"d{i}", path=f"d{i}.txt", text=t) for i, t in enumerate(texts)]
    result = deduplicate(arts)
    assert [a.doc_id for a in result.articles] == kept
    assert result.duplicates == dups


def test_clashing_doc_ids_are_renamed_not_dropped(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "story.txt").write_text(A, encoding="utf-8")
    (tmp_path / "two" / "story.txt").write_text(B, encoding="utf-8")
    report = build([tmp_path / "one", tmp_path / "two"], tmp_path / "out")
    assert report.articles == 2
    assert report.renamed == [("story", "story~2", str(tmp_path / "two" / "story.txt"))]
    assert sorted(_tables(tmp_path / "out")["articles"].doc_id) == ["story", "story~2"]


def test_fingerprint_ignores_only_whitespace():
    assert text_fingerprint("a  b\n") == text_fingerprint("a b")
    assert text_fingerprint("a b") != text_fingerprint("a b.")


def test_an_incremental_build_equals_a_full_build(tmp_path):
    import shutil
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    folder = tmp_path / "in"
    shutil.copytree(seeds, folder)
    changed = sorted(folder.glob("*.txt"))[3]
    changed.chmod(0o644)
    build([folder], tmp_path / "inc", jobs=1)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMinister Umierov said the talks would go on.\n",
                       encoding="utf-8")
    assert build([folder], tmp_path / "inc", jobs=1).unchanged == 4
    build([folder], tmp_path / "full", jobs=1, reuse=False)
    inc, full = _tables(tmp_path / "inc"), _tables(tmp_path / "full")
    for name in TABLES:
        order = ["doc_id"] + [c for c in ("start", "end", "sent_id") if c in inc[name].columns]
        cols = [c for c in inc[name].columns if c not in ("topics", "chrome")]
        a = inc[name].sort_values(order)[cols].reset_index(drop=True)
        b = full[name].sort_values(order)[cols].reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, obj=name)
