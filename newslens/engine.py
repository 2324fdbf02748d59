"""Run the per-article function over a corpus: serially, on a process pool, or on Dask.

Every engine runs the same pure function, `newslens.pipeline.extract_article`, on the same
articles and yields `(article, rows, failures)` in the order the articles came in, so the tables
a build writes do not depend on the engine, the number of workers or the order in which workers
finish. Articles travel to workers in chunks (a few hundred thousand characters each) so that
inter-process traffic is amortised; at most a few chunks per worker are in flight, so a corpus
given as an iterator is never held in memory whole.

`StreamingTableWriter` appends rows to one Parquet file per table, a row group at a time, in a
temporary file beside the target, and moves every file into place only when the whole build
succeeded: memory stays flat however large the corpus, and an interrupted build leaves the
previous tables untouched.

This module does not load or decode files, decide which articles need re-extracting, or merge
names across articles: those are the corpus loader's and the pipeline's jobs.
"""
from __future__ import annotations

import itertools
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .model import Article

ENGINES = ("serial", "process", "dask")

Rows = dict[str, list[dict]]
Failures = list[tuple[str, str]]
Result = tuple[Article, Rows, Failures]

# A chunk closes at whichever limit it reaches first: enough text to make shipping it to a
# worker cheap relative to extracting it, few enough articles to keep progress reports lively.
CHUNK_CHARS = 400_000
CHUNK_ARTICLES = 200
# Chunks in flight per worker: enough to keep every worker busy while the parent writes.
IN_FLIGHT_PER_WORKER = 3


def default_jobs() -> int:
    """Cores this process may use (the affinity mask when the OS reports one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def extract_chunk(articles: list[Article]) -> list[tuple[Rows, Failures]]:
    """Run `pipeline.extract_article` on each article of a chunk (this is what workers execute).

    The pipeline is looked up at call time so that a worker always runs the current registry
    of extractors."""
    from .pipeline import extract_article
    return [extract_article(article) for article in articles]


def chunked(articles: Iterable[Article], *, max_chars: int = CHUNK_CHARS,
            max_articles: int = CHUNK_ARTICLES) -> Iterator[list[Article]]:
    """Consecutive runs of articles, each closed at `max_chars` of text or `max_articles`.

    Order is kept; it does not look ahead further than the chunk it is filling."""
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        chunk.append(article)
        chars += len(article.text)
        if chars >= max_chars or len(chunk) >= max_articles:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def run(articles: Iterable[Article], *, engine: str = "process", jobs: int | None = None,
        scheduler: str | None = None, client: Any = None,
        max_chars: int = CHUNK_CHARS, max_articles: int = CHUNK_ARTICLES) -> Iterator[Result]:
    """Yield `(article, rows, failures)` for every article, in input order.

    `engine` is "serial" (this process), "process" (a pool of `jobs` processes; default all
    cores; one job, or a corpus that fits in one chunk, runs here without a pool) or "dask" (a `distributed.LocalCluster` with
    `jobs` single-threaded workers, or the cluster at `scheduler`, or an existing `client`).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    jobs = jobs or default_jobs()
    chunks = chunked(articles, max_chars=max_chars, max_articles=max_articles)
    if engine == "process" and jobs > 1:
        # A corpus that fits in one chunk (the seeds, one upload) would only pay for starting
        # a pool; run it here. Dask is never second-guessed: its user asked for the cluster.
        head = list(itertools.islice(chunks, 2))
        if len(head) < 2:
            engine = "serial"
        chunks = itertools.chain(head, chunks)
    if engine == "serial" or (engine == "process" and jobs == 1):
        batches: Iterator[tuple[list[Article], list[tuple[Rows, Failures]]]] = (
            (chunk, extract_chunk(chunk)) for chunk in chunks)
    elif engine == "process":
        batches = _run_process_pool(chunks, jobs=jobs)
    else:
        batches = _run_dask(chunks, jobs=jobs, scheduler=scheduler, client=client)
    for chunk, results in batches:
        for article, (rows, failures) in zip(chunk, results):
            yield article, rows, failures


def _ordered_window(chunks: Iterator[list[Article]], submit: Callable[[list[Article]], Any],
                    result: Callable[[Any], list], window: int) -> Iterator[tuple[list[Article], list]]:
    """Keep up to `window` chunks submitted; hand results back strictly in submission order."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            head, future = pending.popleft()
            yield head, result(future)
    while pending:
        head, future = pending.popleft()
        yield head, result(future)


def _mp_context():
    import multiprocessing as mp
    import threading
    methods = mp.get_all_start_methods()
    # fork is cheapest and needs no `if __name__ == "__main__"` guard in the caller's script
    # (workers inherit imported modules and loaded lexicons), but forking a process that runs
    # other threads (the dashboard) can deadlock a worker on a lock held at fork time; there,
    # forkserver gives each worker a clean, preloaded single-threaded parent.
    # forkserver re-imports the caller's main script in the server; a main that is not a file
    # (code piped on stdin) cannot be, so such callers fork as Python's own default does.
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    main_unloadable = bool(main_file) and not os.path.isfile(main_file)
    if "fork" in methods and (threading.active_count() == 1 or main_unloadable):
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["newslens.pipeline"])
        return ctx
    return mp.get_context("spawn")  # pragma: no cover - Windows


def _run_process_pool(chunks: Iterator[list[Article]], *, jobs: int):
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context()) as pool:
        yield from _ordered_window(chunks, lambda c: pool.submit(extract_chunk, c),
                                   lambda f: f.result(), jobs * IN_FLIGHT_PER_WORKER)


def _run_dask(chunks: Iterator[list[Article]], *, jobs: int, scheduler: str | None, client: Any):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise RuntimeError("--engine dask needs the dask extra: pip install 'newslens[dask]'") from exc
    owned = []
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            owned.append(cluster)
            client = Client(cluster)
        owned.append(client)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        # pure=False: two chunks with equal articles are still two tasks (no result sharing
        # keyed on a hash of the whole chunk, which would cost a full pass over the text).
        yield from _ordered_window(chunks, lambda c: client.submit(extract_chunk, c, pure=False),
                                   lambda f: f.result(), n_workers * IN_FLIGHT_PER_WORKER)
    finally:
        for thing in reversed(owned):
            thing.close()


class StreamingTableWriter:
    """One Parquet file per table, appended a row group at a time, published atomically.

    Rows are buffered per table and flushed as a row group every `flush_rows` rows (or
    `flush_bytes` of string data, whichever first), so memory is bounded by one row group per
    table. Files are written as hidden temporaries in `out` and moved into place by `commit`;
    `abort` (or leaving the `with` block with an exception) deletes them and leaves the previous
    tables as they were. It does not validate rows beyond what the Arrow schema enforces.
    """

    def __init__(self, out: str | Path, schemas: Mapping[str, pa.Schema], *,
                 flush_rows: int = 50_000, flush_bytes: int = 32 * 1024 * 1024) -> None:
        self.out = Path(out)
        self.schemas = dict(schemas)
        self.flush_rows = flush_rows
        self.flush_bytes = flush_bytes
        self.rows_written: dict[str, int] = {name: 0 for name in self.schemas}
        self._buffers: dict[str, list[dict]] = {name: [] for name in self.schemas}
        self._buffered_bytes: dict[str, int] = {name: 0 for name in self.schemas}
        self._tmp: dict[str, str] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.out.mkdir(parents=True, exist_ok=True)
        try:
            for name, schema in self.schemas.items():
                fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".parquet.tmp", dir=self.out)
                os.close(fd)
                self._tmp[name] = tmp
                self._writers[name] = pq.ParquetWriter(tmp, schema)
        except BaseException:
            self.abort()
            raise

    def __enter__(self) -> StreamingTableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()

    def add_rows(self, name: str, rows: list[dict]) -> None:
        """Queue rows (dicts keyed by column name; missing columns are null) for table `name`."""
        if not rows:
            return
        buf = self._buffers[name]
        buf.extend(rows)
        # Only long strings matter for memory; article text dominates, so estimate from it.
        self._buffered_bytes[name] += sum(len(r.get("text") or "") for r in rows)
        if len(buf) >= self.flush_rows or self._buffered_bytes[name] >= self.flush_bytes:
            self._flush(name)

    def add_table(self, name: str, table: pa.Table) -> None:
        """Append an Arrow table (e.g. rows kept from a previous build) to table `name`."""
        if table.num_rows == 0:
            return
        self._flush(name)
        table = table.select(self.schemas[name].names).cast(self.schemas[name])
        self._writers[name].write_table(table)
        self.rows_written[name] += table.num_rows

    def add(self, rows: Mapping[str, list[dict]]) -> None:
        """Queue one article's rows for every table it has rows for."""
        for name, table_rows in rows.items():
            if name in self._buffers:
                self.add_rows(name, table_rows)

    def _flush(self, name: str) -> None:
        buf = self._buffers[name]
        if not buf:
            return
        # from_pylist: missing keys become nulls, keys outside the schema are ignored; it is
        # about twice as fast as building the column lists here.
        self._writers[name].write_table(pa.Table.from_pylist(buf, schema=self.schemas[name]))
        self.rows_written[name] += len(buf)
        self._buffers[name] = []
        self._buffered_bytes[name] = 0

    def rewrite(self, name: str, transform: Callable[[pa.Table], pa.Table]) -> None:
        """Pass every row already written to table `name` through `transform`, a row group at a
        time (memory stays one row group), before the build is committed. For corpus-level
        passes that can only run once every article is extracted (one spelling per person
        name): collect what they need while streaming, then rewrite. `transform` must keep the
        number of rows and the columns; rows added afterwards are appended as usual."""
        self._flush(name)
        self._writers.pop(name).close()
        source = self._tmp[name]
        fd, target = tempfile.mkstemp(prefix=f".{name}-", suffix=".parquet.tmp", dir=self.out)
        os.close(fd)
        self._tmp[name] = target
        schema = self.schemas[name]
        self._writers[name] = writer = pq.ParquetWriter(target, schema)
        try:
            parquet = pq.ParquetFile(source)
            for i in range(parquet.num_row_groups):
                group = parquet.read_row_group(i)
                changed = transform(group)
                if changed.num_rows != group.num_rows:
                    raise ValueError(f"rewrite of {name} changed the number of rows")
                writer.write_table(changed.select(schema.names).cast(schema))
        finally:
            os.unlink(source)

    def commit(self) -> dict[str, int]:
        """Flush, close and move every table into place; returns rows written per table."""
        try:
            for name in self.schemas:
                self._flush(name)
                self._writers.pop(name).close()
        except BaseException:
            self.abort()
            raise
        for name in self.schemas:
            os.replace(self._tmp.pop(name), self.out / f"{name}.parquet")
        return dict(self.rows_written)

    def abort(self) -> None:
        """Close and delete the temporaries; the previous tables stay untouched."""
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - cleaning up after a failure already reported
                pass
        self._writers.clear()
        for tmp in self._tmp.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
        self._tmp.clear()


def map_values(table: pa.Table, column: str, mapping: Mapping[str, str], *,
               where: pa.ChunkedArray | pa.Array | None = None) -> pa.Table:
    """`table` with the values of a string column replaced through `mapping` (values not in
    it, and rows where the boolean mask `where` is false, keep theirs). Vectorised: no Python
    loop over rows. A helper for `StreamingTableWriter.rewrite`."""
    import pyarrow.compute as pc
    if not mapping or table.num_rows == 0:
        return table
    col = table[column]
    keys = pa.array(list(mapping.keys()), type=pa.string())
    values = pa.array(list(mapping.values()), type=pa.string())
    index = pc.index_in(col, value_set=keys)
    replace = pc.is_valid(index)
    if where is not None:
        replace = pc.and_(replace, pc.fill_null(where, False))
    new = pc.if_else(replace, pc.take(values, pc.fill_null(index, 0)), col)
    return table.set_column(table.schema.get_field_index(column), column, new)


def build_tables(articles: Iterable[Article], out: str | Path, schemas: Mapping[str, pa.Schema], *,
                 engine: str = "process", jobs: int | None = None, scheduler: str | None = None,
                 client: Any = None, on_article: Callable[[Article, Rows, Failures], None] | None = None,
                 max_chars: int = CHUNK_CHARS, max_articles: int = CHUNK_ARTICLES,
                 ) -> tuple[dict[str, int], Failures, int]:
    """Extract every article with `run` and stream its rows into `out` (committed at the end).

    Returns (rows per table, extractor failures, articles processed). `on_article` sees each
    article's rows before they are written (progress bars, corpus-level passes that only need
    a small table in memory)."""
    failures: Failures = []
    n = 0
    with StreamingTableWriter(out, schemas) as writer:
        for article, rows, fails in run(articles, engine=engine, jobs=jobs, scheduler=scheduler,
                                        client=client, max_chars=max_chars, max_articles=max_articles):
            n += 1
            failures.extend(fails)
            if on_article is not None:
                on_article(article, rows, fails)
            writer.add(rows)
    return dict(writer.rows_written), failures, n
