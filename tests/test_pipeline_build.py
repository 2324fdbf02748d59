"""The build turns the bundled seeds into every table, with offsets that slice to surfaces."""
from pathlib import Path

import pandas as pd
import pytest

from newslens.pipeline import TABLES, build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    report = build([ROOT / "seeds"], out)
    assert report.articles == 5
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def test_build_writes_every_table(seed_tables):
    assert set(seed_tables) == set(TABLES)
    assert len(seed_tables["articles"]) == 5


def test_sentence_offsets_slice_to_their_text(seed_tables):
    texts = dict(zip(seed_tables["articles"].doc_id, seed_tables["articles"].text))
    for row in seed_tables["sentences"].itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_seed_manifest_supplies_outlet_and_date(seed_tables):
    arts = seed_tables["articles"].set_index("doc_id")
    assert arts.loc["002_75158f16aab19e85", "outlet"] == "The Korea Times"
    assert arts.loc["004_8244b1a7be382859", "published"] == "2024-11-27"


def test_build_reports_unsupported_files_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said 12 drones were shot down on Monday night.", encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4")
    report = build([folder], tmp_path / "out")
    assert report.articles == 1
    assert any("b.pdf" in path and "unsupported" in reason for path, reason in report.skipped)


def _tables(folder: Path) -> dict[str, list[dict]]:
    import pyarrow.parquet as pq
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}


def test_streamed_build_writes_what_the_load_first_build_writes(tmp_path):
    """No progress callback and nothing to reuse: articles stream to the engine. A progress
    callback makes the build load everything first. Same tables and report either way,
    duplicates, renamed doc_ids and skipped files included."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for src in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    first = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (folder / "sub" / "copy.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "sub" / first.name).write_text("Kyiv said 12 drones were shot down on March 3.", encoding="utf-8")
    (folder / "sub" / "notes.bin").write_bytes(b"\x00")
    streamed = build([folder], tmp_path / "streamed", reuse=False)
    loaded = build([folder], tmp_path / "loaded", reuse=False, progress=lambda *_: None)
    assert streamed.articles == loaded.articles == 3
    assert len(streamed.duplicates) == len(streamed.renamed) == 1
    assert (streamed.duplicates, streamed.renamed, streamed.skipped, streamed.rows) == \
        (loaded.duplicates, loaded.renamed, loaded.skipped, loaded.rows)
    assert _tables(tmp_path / "streamed") == _tables(tmp_path / "loaded")


def test_streamed_build_with_no_article_keeps_the_previous_tables(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said 12 drones were shot down on Monday night.", encoding="utf-8")
    build([folder], tmp_path / "out")
    report = build([tmp_path / "missing"], tmp_path / "out", reuse=False)
    assert report.articles == 0 and report.notes
    assert len(pd.read_parquet(tmp_path / "out" / "articles.parquet")) == 1
