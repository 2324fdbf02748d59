"""Run the extractors over a corpus and write the tables (one Parquet file per table).

Each article goes through one pure function, `extract_article`, so a build can be spread over
processes (or a cluster) without changing results. An extractor that fails on one article is
recorded in the build report and that article keeps its other tables.
"""
from __future__ import annotations

import itertools
import os
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, fields
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import dates, entities, figures, quotes, topics, weapons
from .corpus import MAX_FILE_BYTES, iter_raw_documents, load_corpus, make_article
from .engine import StreamingTableWriter, map_values
from .engine import run as run_engine
from .incremental import (Deduplicated, PreviousBuild, deduplicate, extractor_version, iter_deduplicated,
                          with_build_metadata, write_manifest)
from .model import Article, BuildReport, Sentence
from .names import canonical_map, person_name_counts
from .sentences import split_sentences

TABLES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("doc_id", pa.string()), ("path", pa.string()), ("outlet", pa.string()),
                           ("title", pa.string()), ("published", pa.string()), ("byline", pa.string()),
                           ("url", pa.string()), ("n_words", pa.int64()), ("sha256", pa.string()),
                           ("text", pa.string()), ("chrome", pa.list_(pa.list_(pa.int64())))]),
    "sentences": pa.schema([("doc_id", pa.string()), ("sent_id", pa.int64()), ("start", pa.int64()),
                            ("end", pa.int64()), ("text", pa.string()), ("para_id", pa.int64()),
                            ("chrome", pa.bool_()), ("topics", pa.list_(pa.string()))]),
    "quotes": pa.schema([("quote_id", pa.string()), ("doc_id", pa.string()), ("sent_id", pa.int64()),
                         ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                         ("kind", pa.string()), ("speaker", pa.string()), ("speaker_mention", pa.string()),
                         ("speaker_start", pa.int64()), ("speaker_end", pa.int64()),
                         ("speaker_role", pa.string()), ("cue", pa.string())]),
    "figures": pa.schema([("figure_id", pa.string()), ("doc_id", pa.string()), ("sent_id", pa.int64()),
                          ("start", pa.int64()), ("end", pa.int64()), ("surface", pa.string()),
                          ("value", pa.float64()), ("unit", pa.string()), ("counts", pa.string()),
                          ("approx", pa.bool_()), ("currency", pa.string())]),
    "dates": pa.schema([("date_id", pa.string()), ("doc_id", pa.string()), ("sent_id", pa.int64()),
                        ("start", pa.int64()), ("end", pa.int64()), ("surface", pa.string()),
                        ("iso", pa.string())]),
    "weapons": pa.schema([("mention_id", pa.string()), ("doc_id", pa.string()), ("sent_id", pa.int64()),
                          ("start", pa.int64()), ("end", pa.int64()), ("surface", pa.string()),
                          ("canonical", pa.string()), ("category", pa.string()), ("specific", pa.bool_())]),
    "entities": pa.schema([("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                           ("surface", pa.string()), ("name", pa.string()), ("type", pa.string()),
                           ("sent_id", pa.int64())]),
}
ID_COLUMN = {"quotes": ("quote_id", "q"), "figures": ("figure_id", "f"), "dates": ("date_id", "d"),
             "weapons": ("mention_id", "w")}

Extractor = Callable[[Article, list[Sentence]], list]
EXTRACTORS: dict[str, Extractor] = {
    "quotes": quotes.extract_quotes,
    "figures": figures.extract_figures,
    "dates": dates.extract_dates,
    "weapons": weapons.extract_weapons,
    "entities": entities.extract_entities,
}

Rows = dict[str, list[dict]]


def extract_article(article: Article) -> tuple[Rows, list[tuple[str, str]]]:
    """All table rows for one article, and (doc_id, error) for any extractor that failed."""
    failures: list[tuple[str, str]] = []
    sentences = split_sentences(article)
    try:
        sentence_topics = topics.label_sentences(article, sentences)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the build
        failures.append((article.doc_id, f"topics: {type(exc).__name__}: {exc}"))
        sentence_topics = [[] for _ in sentences]
    rows: Rows = {
        "articles": [article_row(article)],
        "sentences": [dict(record_row(s), topics=list(t)) for s, t in zip(sentences, sentence_topics)],
    }
    for name, extract in EXTRACTORS.items():
        try:
            records = extract(article, sentences)
        except Exception as exc:  # noqa: BLE001
            failures.append((article.doc_id, f"{name}: {type(exc).__name__}: {exc}"))
            records = []
        table_rows = [record_row(r) for r in records]
        if name in ID_COLUMN:
            col, prefix = ID_COLUMN[name]
            for i, r in enumerate(table_rows):
                r[col] = f"{article.doc_id}:{prefix}{i}"
        rows[name] = table_rows
    return rows, failures


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_DICT_IS_ROW: dict[type, bool] = {}


def record_row(record) -> dict:
    """A record's fields as a row dict: a shallow copy. dataclasses.asdict deep-copies every
    value recursively and cost more than some extractors; records hold only scalars (and
    tuples/lists of scalars the writer reads without mutating), so a shallow copy is enough.
    When a record class's instance dict is exactly its fields in order (plain and frozen
    dataclasses), that dict is copied in one C call instead of reading each field."""
    cls = type(record)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
        _DICT_IS_ROW[cls] = tuple(getattr(record, "__dict__", ())) == names
    if _DICT_IS_ROW[cls]:
        d = record.__dict__
        if len(d) == len(names):
            return d.copy()
    return {name: getattr(record, name) for name in names}


def article_row(article: Article) -> dict:
    return {"doc_id": article.doc_id, "path": article.path, "outlet": article.outlet,
            "title": article.title, "published": article.published, "byline": article.byline,
            "url": article.url, "n_words": len(article.text.split()), "sha256": article.sha256,
            "text": article.text, "chrome": [list(s) for s in article.chrome]}


def write_table(rows: list[dict], schema: pa.Schema, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then an os.replace."""
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    table = pa.Table.from_pydict(columns, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".parquet.tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --- corpus-level pass: one spelling per person across articles (see names.canonical_map) ---
NAME_TABLES = {"quotes": ["speaker"], "entities": ["name", "type"]}


def canonicalise_person_names(writer: StreamingTableWriter, counts: Counter) -> None:
    """Rewrite quotes.speaker and person entities.name to one canonical spelling per person
    ("Du Jin-ho" / "Doo Jin-ho", "Zelensky" / "Zelenskyy"), once every article is written.
    A pure mapping over the collected names; does not touch any other column."""
    mapping = {k: v for k, v in canonical_map(counts, counts=counts).items() if k != v}
    if not mapping:
        return
    import pyarrow.compute as pc
    writer.rewrite("quotes", lambda t: map_values(t, "speaker", mapping))
    writer.rewrite("entities", lambda t: map_values(t, "name", mapping, where=pc.equal(t["type"], "person")))


def build(inputs: Iterable[str | Path], out: str | Path,
          progress: Callable[[int, int, str], None] | None = None, *,
          max_bytes: int = MAX_FILE_BYTES, reuse: bool = True,
          engine: str = "process", jobs: int | None = None, scheduler: str | None = None) -> BuildReport:
    """Build every table for the articles under `inputs` into the folder `out`.

    Same-text articles are built once (the others are reported as duplicates). Articles whose
    doc_id, text and metadata are unchanged since the last build in `out` (by the same extractor
    version) keep their previous rows instead of being extracted again (`reuse=False` turns that
    off); their rows come first in each table, then the newly extracted ones in input order.
    Tables are written to temporaries and moved into place only when everything succeeded, so a
    failing build leaves the previous tables as they were; a build that finds no article at all
    does not replace existing tables either. Raises only for failures outside one article
    (disk full, interrupted); an extractor failing on one article is recorded in the report.

    `engine`/`jobs`/`scheduler` choose where extraction runs (see `engine.run`): by default a
    process pool over all cores (a corpus of one chunk runs in this process); the tables are
    the same whichever engine runs. When nothing can be reused and no `progress` callback
    wants a total, articles stream from the files to the engine instead of being loaded first
    (loading overlaps extraction; memory holds the chunks in flight, not the corpus)."""
    out = Path(out)
    inputs = list(inputs)
    previous = PreviousBuild.load(out, SCHEMAS) if reuse else None
    if progress is None and previous is None:
        # Nothing to reuse and no progress total to report: articles stream from the files
        # through the workers to the tables, never all in memory at once (same tables).
        return _build_streaming(inputs, out, max_bytes=max_bytes, engine=engine, jobs=jobs,
                                scheduler=scheduler)
    articles, skipped = load_corpus(inputs, max_bytes=max_bytes)
    unique = deduplicate(articles)
    articles = unique.articles
    report = BuildReport(skipped=list(skipped), duplicates=unique.duplicates, renamed=unique.renamed,
                         articles=len(articles))
    if not articles and (out / "articles.parquet").exists():
        report.notes.append(f"nothing could be built; the previous tables in {out} were left as they were")
        return report
    reused = {a.doc_id for a in articles if previous is not None and previous.reusable(a)}
    fresh = [a for a in articles if a.doc_id not in reused]
    report.unchanged = len(reused)
    build_id = uuid.uuid4().hex
    name_counts = Counter()  # corpus-level name pass (names.py), applied before commit
    with StreamingTableWriter(out, with_build_metadata(SCHEMAS, build_id)) as writer:
        if previous is not None and reused:
            for name in TABLES:
                for table in previous.kept_rows(name, reused):
                    writer.add_table(name, table)
                    if name in NAME_TABLES:
                        name_counts.update(person_name_counts({name: table.select(NAME_TABLES[name]).to_pylist()}))
            if progress:
                progress(len(reused), len(articles), f"{len(reused)} unchanged articles reused")
        for i, (article, rows, failures) in enumerate(
                run_engine(fresh, engine=engine, jobs=jobs, scheduler=scheduler), start=len(reused) + 1):
            report.failures.extend(failures)
            writer.add(rows)
            name_counts.update(person_name_counts(rows))
            if progress:
                progress(i, len(articles), article.doc_id)
        canonicalise_person_names(writer, name_counts)
    report.rows = dict(writer.rows_written)
    write_manifest(out, {"build_id": build_id, "extractor_version": extractor_version(),
                         "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "inputs": [str(p) for p in inputs],
                         **asdict(report)})
    return report


def _build_streaming(inputs: list, out: Path, *, max_bytes: int, engine: str, jobs: int | None,
                     scheduler: str | None) -> BuildReport:
    """`build` for a folder with nothing to reuse and no progress callback: each article is
    read, deduplicated and handed to the engine as the engine asks for more, so loading
    overlaps extraction and memory holds the chunks in flight, not the corpus. Writes the same
    tables and report as the path that loads everything first."""
    skipped: list[tuple[str, str]] = []
    unique = Deduplicated([])
    docs = iter_raw_documents(inputs, skipped, max_bytes=max_bytes)
    stream = iter_deduplicated((make_article(doc) for doc in docs), unique)
    first = next(stream, None)

    def report_now(n: int) -> BuildReport:
        return BuildReport(skipped=list(skipped), duplicates=unique.duplicates, renamed=unique.renamed,
                           articles=n)

    if first is None and (out / "articles.parquet").exists():
        report = report_now(0)
        report.notes.append(f"nothing could be built; the previous tables in {out} were left as they were")
        return report
    build_id = uuid.uuid4().hex
    name_counts = Counter()  # corpus-level name pass (names.py), applied before commit
    failures: list[tuple[str, str]] = []
    n = 0
    articles = itertools.chain([first], stream) if first is not None else iter(())
    with StreamingTableWriter(out, with_build_metadata(SCHEMAS, build_id)) as writer:
        for _article, rows, fails in run_engine(articles, engine=engine, jobs=jobs, scheduler=scheduler):
            n += 1
            failures.extend(fails)
            writer.add(rows)
            name_counts.update(person_name_counts(rows))
        canonicalise_person_names(writer, name_counts)
    report = report_now(n)
    report.failures = failures
    report.rows = dict(writer.rows_written)
    write_manifest(out, {"build_id": build_id, "extractor_version": extractor_version(),
                         "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "inputs": [str(p) for p in inputs],
                         **asdict(report)})
    return report
