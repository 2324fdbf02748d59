"""What a build can keep from the previous one, and which articles it must not build twice.

Incremental rebuilds: every table a build writes carries, in its Parquet schema metadata, the
build's id and the `extractor_version` (a hash of the newslens source files and lexicons).
An article is reused, meaning its rows are copied from the previous tables instead of being
extracted again, only when all of these hold: the previous tables all come from the same build
(an interrupted replace cannot mix two builds), they were made by the same extractor version (a
code or lexicon change invalidates everything), and the article's doc_id, text hash and the
metadata the extractors can see (title, outlet, published, byline, url, chrome) are unchanged.

Duplicates: two articles whose texts are equal up to whitespace are one story; the first one
(in input order) is kept and the others are reported. Two different articles with the same
doc_id (x.txt in two folders) are both kept; the later one is renamed "x~2".

This module reads previous tables in row-group batches (memory stays flat) and never writes
tables; the pipeline does.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .export import _umask
from .model import Article

PACKAGE = Path(__file__).resolve().parent
BUILD_LOG = "build.json"  # not manifest.json: the dashboard keeps its freshness manifest there
BUILD_KEY = b"newslens_build"
VERSION_KEY = b"newslens_extractor_version"
# Article fields the extractors may read, besides the text (covered by sha256).
_META_FIELDS = ("path", "outlet", "title", "published", "byline", "url")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short hash of every newslens source file and lexicon: any code or data change gives
    a new version, so rows made by older code are never reused."""
    digest = hashlib.sha256()
    files = sorted(p for p in PACKAGE.rglob("*")
                   if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".json", ".txt")
                   and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def text_fingerprint(text: str) -> str:
    """Hash of the text with runs of whitespace collapsed (the duplicate test)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class Deduplicated:
    articles: list[Article]
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (dropped doc_id, kept doc_id)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (old id, new id, path)


def deduplicate(articles: Iterable[Article]) -> Deduplicated:
    """Keep the first of each set of same-text articles; make clashing doc_ids unique."""
    out = Deduplicated([])
    out.articles.extend(iter_deduplicated(articles, out))
    return out


def iter_deduplicated(articles: Iterable[Article], report: Deduplicated) -> Iterator[Article]:
    """`deduplicate` one article at a time: yields each kept article (renamed when its doc_id
    clashes) as soon as it is read and records duplicates and renames in `report` as it goes.
    Holds one fingerprint and one doc_id per kept article, not the articles, so a corpus can
    stream through it. Does not append to `report.articles`."""
    by_text: dict[str, str] = {}
    ids: set[str] = set()
    for article in articles:
        fp = text_fingerprint(article.text)
        if fp in by_text:
            report.duplicates.append((article.doc_id, by_text[fp]))
            continue
        if article.doc_id in ids:
            n = 2
            while f"{article.doc_id}~{n}" in ids:
                n += 1
            new_id = f"{article.doc_id}~{n}"
            report.renamed.append((article.doc_id, new_id, article.path))
            article = replace(article, doc_id=new_id)
        ids.add(article.doc_id)
        by_text[fp] = article.doc_id
        yield article


def _meta_key(values: dict) -> tuple:
    chrome = values.get("chrome") or []
    return (values.get("sha256"), *(values.get(f) or None for f in _META_FIELDS),
            tuple(tuple(int(x) for x in span) for span in chrome))


def article_key(article: Article) -> tuple:
    """What must be unchanged for an article's previous rows to be reused."""
    return _meta_key({"sha256": article.sha256, "chrome": [list(s) for s in article.chrome],
                      **{f: getattr(article, f) for f in _META_FIELDS}})


def table_metadata(build_id: str) -> dict[bytes, bytes]:
    return {BUILD_KEY: build_id.encode(), VERSION_KEY: extractor_version().encode()}


def with_build_metadata(schemas: dict[str, pa.Schema], build_id: str) -> dict[str, pa.Schema]:
    """The table schemas stamped with this build's id and the extractor version."""
    meta = table_metadata(build_id)
    return {name: schema.with_metadata({**(schema.metadata or {}), **meta}) for name, schema in schemas.items()}


class PreviousBuild:
    """The tables of the last successful build in a folder, when they can be reused."""

    def __init__(self, out: Path, schemas: dict[str, pa.Schema], keys: dict[str, tuple]) -> None:
        self.out, self.schemas, self.keys = out, schemas, keys

    @classmethod
    def load(cls, out: str | Path, schemas: dict[str, pa.Schema]) -> PreviousBuild | None:
        """None when there is nothing reusable: no tables, tables from different builds or
        another extractor version, or a table that lacks a column the current schema has."""
        out = Path(out)
        builds = set()
        try:
            for name, schema in schemas.items():
                prev = pq.read_schema(out / f"{name}.parquet")
                meta = prev.metadata or {}
                if meta.get(VERSION_KEY) != extractor_version().encode():
                    return None
                if not set(schema.names) <= set(prev.names):
                    return None
                builds.add(meta.get(BUILD_KEY))
            if len(builds) != 1 or None in builds:
                return None
            cols = ["doc_id", "sha256", "chrome", *_META_FIELDS]
            table = pq.read_table(out / "articles.parquet", columns=cols)
        except (OSError, pa.ArrowException, KeyError):
            return None
        keys = {row["doc_id"]: _meta_key(row) for row in table.to_pylist()}
        return cls(out, schemas, keys)

    def reusable(self, article: Article) -> bool:
        return self.keys.get(article.doc_id) == article_key(article)

    def kept_rows(self, name: str, doc_ids: set[str]) -> Iterator[pa.Table]:
        """The previous rows of table `name` for `doc_ids`, batch by batch, in the current schema."""
        if not doc_ids:
            return
        schema = self.schemas[name]
        value_set = pa.array(sorted(doc_ids), type=pa.string())
        pf = pq.ParquetFile(self.out / f"{name}.parquet")
        for batch in pf.iter_batches(columns=schema.names):
            table = pa.Table.from_batches([batch])
            table = table.filter(pc.is_in(table["doc_id"], value_set=value_set))
            if table.num_rows:
                yield table.select(schema.names).cast(schema.remove_metadata())


def write_manifest(out: str | Path, content: dict) -> Path:
    """`build.json` (what the last build did, with its extractor_version), written atomically."""
    out = Path(out)
    path = out / BUILD_LOG
    fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".json.tmp", dir=out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(content, fh, indent=1, ensure_ascii=False, default=str)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the manifest is not secret
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
