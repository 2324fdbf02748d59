"""Every engine yields the same rows in the same order; the streaming writer is atomic."""
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newslens import engine
from newslens.corpus import load_corpus
from newslens.model import Article
from newslens.pipeline import SCHEMAS, TABLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_articles():
    articles, _ = load_corpus([ROOT / "seeds"])
    assert len(articles) == 5
    return articles


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def _assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def serial_tables(seed_articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    rows, failures, n = engine.build_tables(seed_articles, out, SCHEMAS, engine="serial")
    assert n == 5 and failures == []
    assert rows["articles"] == 5 and rows["sentences"] > 50
    return _tables(out)


@pytest.mark.parametrize("max_articles", [1, 2, 200])
def test_process_pool_matches_serial_whatever_the_chunking(seed_articles, serial_tables, tmp_path,
                                                           max_articles):
    # One article per chunk with two workers: chunks finish out of order, output must not.
    results = list(engine.run(seed_articles, engine="process", jobs=2, max_articles=max_articles))
    assert [a.doc_id for a, _, _ in results] == [a.doc_id for a in seed_articles]
    out = tmp_path / "pool"
    with engine.StreamingTableWriter(out, SCHEMAS) as writer:
        for _article, rows, _failures in results:
            writer.add(rows)
    _assert_same(serial_tables, _tables(out))


def test_dask_local_cluster_matches_serial(seed_articles, serial_tables, tmp_path):
    pytest.importorskip("distributed")
    # The engine starts its own LocalCluster of two worker processes, so articles and rows
    # really cross process boundaries (about 2 s).
    rows, failures, n = engine.build_tables(seed_articles, tmp_path / "dask", SCHEMAS,
                                            engine="dask", jobs=2, max_articles=2)
    assert n == 5 and failures == []
    _assert_same(serial_tables, _tables(tmp_path / "dask"))


def test_dask_scheduler_address_matches_serial(seed_articles, serial_tables):
    distributed = pytest.importorskip("distributed")
    # A threads-only cluster reached by its address, as a real cluster would be.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        results = list(engine.run(seed_articles, engine="dask", scheduler=cluster.scheduler_address,
                                  max_articles=1))
    assert [a.doc_id for a, _, _ in results] == [a.doc_id for a in seed_articles]
    sentences = [r for _, rows, _ in results for r in rows["sentences"]]
    assert len(sentences) == len(serial_tables["sentences"])
    assert [s["text"] for s in sentences] == serial_tables["sentences"]["text"].tolist()


def test_unknown_engine_is_refused(seed_articles):
    with pytest.raises(ValueError, match="unknown engine"):
        list(engine.run(seed_articles, engine="spark"))


@pytest.mark.parametrize("sizes, max_chars, max_articles, expected", [
    ([10, 10, 10], 1000, 2, [2, 1]),
    ([600, 600, 10], 1000, 50, [2, 1]),
    ([5000], 1000, 50, [1]),
    ([], 1000, 50, []),
])
def test_chunks_close_at_the_first_limit_and_keep_order(sizes, max_chars, max_articles, expected):
    articles = [Article(doc_id=f"d{i}", path="", text="x" * n) for i, n in enumerate(sizes)]
    chunks = list(engine.chunked(articles, max_chars=max_chars, max_articles=max_articles))
    assert [len(c) for c in chunks] == expected
    assert [a.doc_id for c in chunks for a in c] == [a.doc_id for a in articles]


SCHEMA = {"t": pa.schema([("doc_id", pa.string()), ("n", pa.int64()), ("text", pa.string())])}


def test_writer_appends_row_groups_fills_missing_columns_ignores_others(tmp_path):
    with engine.StreamingTableWriter(tmp_path, SCHEMA, flush_rows=3) as writer:
        for i in range(7):
            writer.add_rows("t", [{"doc_id": f"d{i}", "n": i, "not_a_column": "ignored"}])
    f = pq.ParquetFile(tmp_path / "t.parquet")
    assert f.metadata.num_rows == 7
    assert f.metadata.num_row_groups == 3          # 3 + 3 + the final 1
    table = f.read()
    assert table.column("n").to_pylist() == list(range(7))
    assert table.column("text").null_count == 7
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_writer_flushes_on_text_volume(tmp_path):
    with engine.StreamingTableWriter(tmp_path, SCHEMA, flush_rows=1000, flush_bytes=100) as writer:
        for i in range(4):
            writer.add_rows("t", [{"doc_id": f"d{i}", "n": i, "text": "y" * 60}])
    assert pq.ParquetFile(tmp_path / "t.parquet").metadata.num_row_groups == 2


def test_writer_with_no_rows_writes_an_empty_table_with_the_schema(tmp_path):
    with engine.StreamingTableWriter(tmp_path, SCHEMA):
        pass
    table = pq.read_table(tmp_path / "t.parquet")
    assert table.num_rows == 0 and table.schema.names == ["doc_id", "n", "text"]


def test_writer_appends_arrow_tables_in_order(tmp_path):
    kept = pa.table({"text": ["old"], "n": [1], "doc_id": ["a"]})  # columns in another order
    with engine.StreamingTableWriter(tmp_path, SCHEMA) as writer:
        writer.add_rows("t", [{"doc_id": "z", "n": 0}])
        writer.add_table("t", kept)
        writer.add_rows("t", [{"doc_id": "b", "n": 2}])
    assert pq.read_table(tmp_path / "t.parquet").column("doc_id").to_pylist() == ["z", "a", "b"]


def test_failed_build_leaves_previous_tables_untouched(tmp_path):
    with engine.StreamingTableWriter(tmp_path, SCHEMA) as writer:
        writer.add_rows("t", [{"doc_id": "old", "n": 1}])
    with pytest.raises(RuntimeError):
        with engine.StreamingTableWriter(tmp_path, SCHEMA, flush_rows=1) as writer:
            writer.add_rows("t", [{"doc_id": "new", "n": 2}])   # already flushed to the temp file
            raise RuntimeError("interrupted")
    assert pq.read_table(tmp_path / "t.parquet").column("doc_id").to_pylist() == ["old"]
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


@pytest.mark.parametrize("max_articles, uses_pool", [(200, False), (1, True)])
def test_process_engine_skips_the_pool_for_a_single_chunk(seed_articles, monkeypatch, max_articles,
                                                          uses_pool):
    calls = []
    real = engine._run_process_pool

    def spy(chunks, *, jobs):
        calls.append(jobs)
        yield from real(chunks, jobs=jobs)

    monkeypatch.setattr(engine, "_run_process_pool", spy)
    results = list(engine.run(seed_articles, engine="process", jobs=2, max_articles=max_articles))
    assert len(results) == len(seed_articles)
    assert bool(calls) is uses_pool


@pytest.mark.parametrize("argv, expected", [
    ([], {"engine": "process", "jobs": None, "scheduler": None}),
    (["--jobs", "3"], {"engine": "process", "jobs": 3, "scheduler": None}),
    (["--engine", "serial"], {"engine": "serial", "jobs": None, "scheduler": None}),
    (["--scheduler", "tcp://10.0.0.5:8786"], {"engine": "dask", "jobs": None, "scheduler": "tcp://10.0.0.5:8786"}),
])
def test_cli_passes_engine_options_to_build(monkeypatch, tmp_path, argv, expected):
    from newslens import cli
    from newslens.model import BuildReport
    seen = {}

    def fake_build(inputs, out, **kwargs):
        seen.update({k: kwargs.get(k) for k in expected})
        return BuildReport(articles=1)

    monkeypatch.setattr(cli, "build", fake_build)
    assert cli.main(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "-q", *argv]) == 0
    assert seen == expected


def test_cli_refuses_zero_jobs(tmp_path):
    from newslens import cli
    with pytest.raises(SystemExit):
        cli.main(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--jobs", "0"])


def test_rewrite_maps_written_rows_and_keeps_appending(tmp_path):
    import pyarrow.compute as pc
    schema = {"t": pa.schema([("doc_id", pa.string()), ("n", pa.int64()), ("text", pa.string())])}
    with engine.StreamingTableWriter(tmp_path, schema, flush_rows=2) as writer:
        writer.add_rows("t", [{"doc_id": d, "n": i, "text": t} for i, (d, t) in
                              enumerate([("a", "Zelensky"), ("b", "Zelenskyy"), ("c", "Umerov"), ("d", None)])])
        writer.rewrite("t", lambda tb: engine.map_values(tb, "text", {"Zelensky": "Zelenskyy", "Umerov": "Umierov"},
                                                         where=pc.not_equal(tb["doc_id"], "c")))
        writer.add_rows("t", [{"doc_id": "e", "n": 9, "text": "Zelensky"}])     # after the rewrite: as given
    table = pq.read_table(tmp_path / "t.parquet")
    assert table.column("text").to_pylist() == ["Zelenskyy", "Zelenskyy", "Umerov", None, "Zelensky"]
    assert table.column("n").to_pylist() == [0, 1, 2, 3, 9]
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


def test_rewrite_refuses_to_drop_rows(tmp_path):
    with pytest.raises(ValueError, match="number of rows"):
        with engine.StreamingTableWriter(tmp_path, SCHEMA) as writer:
            writer.add_rows("t", [{"doc_id": "a", "n": 1}, {"doc_id": "b", "n": 2}])
            writer.rewrite("t", lambda tb: tb.slice(0, 1))
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("threads, main_file, expected", [
    (1, __file__, "fork"),                 # single-threaded: fork, cheapest
    (3, __file__, "forkserver"),           # threads (the dashboard): a clean preloaded server
    (3, "/nonexistent/<stdin>", "fork"),   # a main that cannot be re-imported: fork
])
def test_process_start_method(monkeypatch, threads, main_file, expected):
    import sys
    import threading
    import types
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    monkeypatch.setitem(sys.modules, "__main__", types.SimpleNamespace(__file__=main_file))
    assert engine._mp_context().get_start_method() == expected
