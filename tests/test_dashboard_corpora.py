"""Corpus registry and freshness: tables are rebuilt when the inputs' content changes, not
when a file is merely touched; prebuilt table folders are used as they are."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from _dashboard_data import register_prebuilt
from newslens_app import corpora

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    # Other work may edit newslens/ while the suite runs; pin the code version so only the
    # inputs decide freshness here (the code-change case has its own test).
    monkeypatch.setattr(corpora, "code_fingerprint", lambda: "code-v1")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(ROOT / "seeds" / "002_75158f16aab19e85.txt", inputs / "a.txt")
    (inputs / "b.txt").write_text("Officials said 12 drones were shot down on Monday night.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSLENS_CORPUS", str(inputs))
    return tmp_path


def test_missing_tables_are_stale_and_a_build_makes_them_fresh(data_dir):
    corpus = corpora.get_corpus(None)
    before = corpora.status(corpus)
    assert not before.fresh and before.reason == "no tables yet"
    report = corpora.build_corpus(corpus)
    assert report.articles == 2
    after = corpora.status(corpus)
    assert after.fresh and after.version == before.version
    manifest = json.loads((corpus.table_dir / "manifest.json").read_text())
    assert len(manifest["files"]) == 2 and manifest["version"] == after.version


def test_changed_content_makes_tables_stale(data_dir):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    (data_dir / "inputs" / "b.txt").write_text("Officials said 13 drones were shot down.\n", encoding="utf-8")
    now = corpora.status(corpus)
    assert not now.fresh and now.reason == "1 input file(s) changed"


def test_touching_a_file_without_changing_it_keeps_tables_fresh(data_dir):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    path = data_dir / "inputs" / "b.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert corpora.status(corpus).fresh


def test_a_new_input_file_makes_tables_stale(data_dir):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    (data_dir / "inputs" / "c.txt").write_text("A third article about 5 tanks.\n", encoding="utf-8")
    assert not corpora.status(corpus).fresh


def test_changed_extraction_code_makes_tables_stale(data_dir, monkeypatch):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    monkeypatch.setattr(corpora, "code_fingerprint", lambda: "code-v2")
    now = corpora.status(corpus)
    assert not now.fresh and now.reason == "the extraction code changed"


def test_code_fingerprint_follows_the_package_source():
    assert corpora.code_fingerprint() == corpora.code_fingerprint()
    assert len(corpora.code_fingerprint()) == 16


def test_tables_without_a_manifest_are_rebuilt(data_dir):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    (corpus.table_dir / "manifest.json").unlink()
    assert "manifest" in corpora.status(corpus).reason


def test_registered_corpora_are_listed_after_the_default(data_dir):
    other = data_dir / "other"
    other.mkdir()
    (other / "x.txt").write_text("Kyiv received 40 drones.\n", encoding="utf-8")
    made = corpora.register_corpus("My uploads", [other], label="My uploads")
    names = [c.name for c in corpora.list_corpora()]
    assert names[0] == corpora.DEFAULT_NAME and "My-uploads" in names
    assert made.table_dir.parent == Path(os.environ["NEWSLENS_DATA_DIR"]) / "corpora"
    assert corpora.build_corpus(made).articles == 1
    assert corpora.status(corpora.get_corpus("My-uploads")).fresh


@pytest.mark.parametrize("name, expected", [("../../etc", "etc"), ("My uploads!", "My-uploads"), ("", "corpus"),
                                            ("a/b\\c", "a-b-c")])
def test_corpus_names_cannot_escape_the_corpora_folder(name, expected):
    assert corpora.safe_name(name) == expected


def test_prebuilt_tables_are_used_as_they_are(data_dir):
    register_prebuilt(Path(os.environ["NEWSLENS_DATA_DIR"]))
    corpus = corpora.get_corpus("made-up")
    state = corpora.status(corpus)
    assert corpus.inputs == () and state.fresh and state.version.startswith("tables-")


def test_prebuilt_folder_without_tables_says_why(data_dir):
    folder = Path(os.environ["NEWSLENS_DATA_DIR"]) / "corpora" / "empty"
    folder.mkdir(parents=True)
    (folder / "corpus.json").write_text(json.dumps({"inputs": []}))
    state = corpora.status(corpora.get_corpus("empty"))
    assert not state.fresh and "no inputs" in state.reason
