"""Corpus registry and freshness: tables are rebuilt when the inputs' content changes, not
when a file is merely touched; prebuilt table folders are used as they are."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from _dashboard_data import register_prebuilt
from newslens import cli, incremental
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
    monkeypatch.setattr(incremental, "extractor_version", lambda: "extractors-v2")  # what the CLI checks
    now = corpora.status(corpus)
    assert not now.fresh and now.reason == "the extraction code changed"


def test_code_fingerprint_follows_the_package_source():
    assert corpora.code_fingerprint() == corpora.code_fingerprint()
    assert len(corpora.code_fingerprint()) == 16


def test_tables_without_a_manifest_or_build_log_are_rebuilt(data_dir):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    (corpus.table_dir / "manifest.json").unlink()
    (corpus.table_dir / "build.json").unlink()
    assert "manifest" in corpora.status(corpus).reason


def _cli_build(inputs: Path, out: Path) -> None:
    assert cli.main(["build", str(inputs), "--out", str(out), "--quiet", "--jobs", "1"]) == 0


def _edit_input(data_dir: Path, monkeypatch) -> None:
    (data_dir / "inputs" / "b.txt").write_text("Officials said 13 drones were shot down.\n", encoding="utf-8")


def _add_input(data_dir: Path, monkeypatch) -> None:
    (data_dir / "inputs" / "c.txt").write_text("A third article about 5 tanks.\n", encoding="utf-8")


def _new_extractors(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(incremental, "extractor_version", lambda: "extractors-v2")


def _other_build_id(data_dir: Path, monkeypatch) -> None:
    # a log that does not describe these tables (another build wrote it, or the tables)
    path = Path(os.environ["NEWSLENS_DATA_DIR"]) / "build.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "build_id": "another-build"}))


@pytest.mark.parametrize("after_cli_build, fresh", [
    (None, True),                      # built by the CLI from these very inputs: used as it is
    (_edit_input, False),              # an input's content changed since
    (_add_input, False),               # an input was added since
    (_new_extractors, False),          # the extractors changed since
    (_other_build_id, False),          # the log is not the tables' build
])
def test_a_cli_build_is_trusted_only_when_its_content_matches(data_dir, monkeypatch, after_cli_build, fresh):
    corpus = corpora.get_corpus(None)
    _cli_build(data_dir / "inputs", corpus.table_dir)
    built = {p.name: p.stat().st_mtime_ns for p in corpus.table_dir.glob("*.parquet")}
    if after_cli_build:
        after_cli_build(data_dir, monkeypatch)
    state = corpora.status(corpus)
    assert state.fresh is fresh
    # trusted means no rebuild: the tables are the CLI's files, untouched
    assert {p.name: p.stat().st_mtime_ns for p in corpus.table_dir.glob("*.parquet")} == built
    manifest = corpora.read_manifest(corpus.table_dir)
    assert (manifest.get("adopted_from") == "build.json") is fresh
    if fresh:
        assert corpora.status(corpus).fresh and manifest["version"] == state.version


def test_a_cli_build_from_a_relative_path_is_trusted(data_dir, monkeypatch):
    corpus = corpora.get_corpus(None)
    monkeypatch.chdir(data_dir)
    _cli_build(Path("inputs"), corpus.table_dir)
    assert corpora.status(corpus).fresh


def test_a_cli_rebuild_over_a_dashboard_build_is_checked_again(data_dir, monkeypatch):
    corpus = corpora.get_corpus(None)
    corpora.build_corpus(corpus)
    other = data_dir / "other"
    other.mkdir()
    (other / "x.txt").write_text("Kyiv received 40 drones.\n", encoding="utf-8")
    _cli_build(other, corpus.table_dir)           # same folder, other inputs: not this corpus any more
    state = corpora.status(corpus)
    assert not state.fresh and "rebuilt outside the dashboard" in state.reason
    _cli_build(data_dir / "inputs", corpus.table_dir)   # this corpus again, by the CLI
    assert corpora.status(corpus).fresh


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
