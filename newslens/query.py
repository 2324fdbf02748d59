"""Filtered counts, aggregations and row pages over a folder of built tables, through DuckDB.

For large corpora the dashboard must not load whole tables into pandas: DuckDB reads only the
Parquet columns a query names and skips row groups whose statistics rule a filter out, so a
count over millions of rows costs milliseconds and a page of 100 rows costs a page of 100 rows.

Every value that comes from a user (outlets, dates, search text, topic ids, column values,
page offsets) is passed as a bound parameter; the only names placed into SQL text are table
names from `TABLES` and column names checked against the table's Parquet schema, quoted. File
paths are parameters too (`read_parquet(?)`).

What this module does not do: parse article text, cache results (the dashboard decides what
to cache, keyed on the data version), or build tables.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")

# Columns a free-text search looks in, per table (only those present in the file are used).
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("title", "text"),
    "sentences": ("text",),
    "quotes": ("text", "speaker", "speaker_mention"),
    "figures": ("surface", "counts"),
    "dates": ("surface", "iso"),
    "weapons": ("surface", "canonical"),
    "entities": ("surface", "name"),
}
# Article columns a query on another table can use (joined on doc_id), plus derived periods.
ARTICLE_COLUMNS = ("outlet", "published", "title", "byline", "url", "path", "n_words")
DERIVED = {"month": "substr(a.\"published\", 1, 7)", "year": "substr(a.\"published\", 1, 4)"}

# Above this many rows in any table the dashboard should query through DuckDB, not pandas.
LARGE_ROWS = 200_000


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the corpus to; every field is optional (empty means no filter).

    `outlets` may include None for articles without a known outlet. Dates are ISO strings
    compared with the article's `published` (inclusive); articles without a date are excluded
    when either bound is set, unless `include_undated`. `topics`, `speakers` and `categories`
    keep sentences: rows whose sentence carries one of the topic ids, holds a quote by one of the
    speakers, or names a weapon of one of the categories (a quote's own speaker and a weapon
    mention's own category decide for those tables; articles pass when any sentence does).
    `search` is a case-insensitive substring of the row's own text columns or of its sentence.
    `equals` holds (column, allowed values) pairs on the queried table itself. `near` names
    another table: keep only rows whose sentence holds a row of it passing the same filters
    (but not `equals`), e.g. the quotes in sentences that name a weapon."""
    outlets: tuple[str | None, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    doc_ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    search: str | None = None
    equals: tuple[tuple[str, tuple], ...] = field(default=())
    speakers: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    include_undated: bool = False
    near: str | None = None

    @classmethod
    def make(cls, *, outlets: Iterable[str | None] = (), date_from: str | None = None,
             date_to: str | None = None, doc_ids: Iterable[str] = (), topics: Iterable[str] = (),
             search: str | None = None, equals: Mapping[str, Iterable] | None = None,
             speakers: Iterable[str] = (), categories: Iterable[str] = (),
             include_undated: bool = False, near: str | None = None) -> Filters:
        """Build from any iterables (lists from widgets); the result is hashable for caches."""
        return cls(tuple(outlets), date_from or None, date_to or None, tuple(doc_ids), tuple(topics),
                   (search or "").strip() or None,
                   tuple((k, tuple(v)) for k, v in sorted((equals or {}).items())),
                   tuple(speakers), tuple(categories), bool(include_undated), near or None)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Columns kept in memory per table for filters, counts and aggregations (small values only;
# long text, ids and offsets stay in Parquet and are read for the rows of a page).
INDEX_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("doc_id", "outlet", "published", "title", "byline", "url", "path", "n_words"),
    "sentences": ("sent_id", "para_id", "chrome", "topics"),
    "quotes": ("sent_id", "kind", "speaker", "speaker_role", "cue"),
    "figures": ("sent_id", "unit", "counts", "value", "approx", "currency"),
    "dates": ("sent_id", "iso"),
    "weapons": ("sent_id", "canonical", "category", "specific"),
    "entities": ("sent_id", "name", "type"),
}
# Sentence-level filters: kind -> (table, column, condition on {c}); the value is a parameter.
_SENTENCE_FILTERS = {
    "topics": ("sentences", "topics", "list_has_any({c}, ?::VARCHAR[])"),
    "speakers": ("quotes", "speaker", "{c} = ANY(?)"),
    "categories": ("weapons", "category", "{c} = ANY(?)"),
    "search": ("sentences", "text", "strpos(lower({c}), ?) > 0"),
}
# Row reads: positions closer than this are read as one span; more spans than this, and the
# reads go row group by row group instead.
_CLUSTER_GAP = 4096
_MAX_CLUSTERS = 8
_SENT_SHIFT = 1 << 24     # sent_key = doc_num * _SENT_SHIFT + sent_id: one integer per sentence


@dataclass(frozen=True)
class _Source:
    """Where a query reads a table: the Parquet file, or the in-memory index built from it."""
    table_sql: str          # FROM clause for the table, aliased t
    params: list
    articles_sql: str       # FROM clause for article columns, aliased by the caller
    articles_params: list
    doc: str                # the column joining t to articles (t.doc_id or t.doc_num)
    art_doc: str            # the same key in the articles source
    row: str                # the row's position in the Parquet file
    sent: str | None        # a per-sentence key expression on t (None: table has no sent_id)
    indexed: bool


class Store:
    """Read-only DuckDB queries over `folder/<table>.parquet`.

    By default (`index=True`) the first query on a table copies its small columns
    (`INDEX_COLUMNS`, with articles numbered so joins are on integers) into DuckDB's memory;
    filters, counts, aggregations and page ordering then run there, and a page's remaining
    columns are read from Parquet for just its rows. Queries that need other columns (a text
    search) read the Parquet files directly. Safe to share between threads (each query runs on
    its own cursor; index building is locked). Missing tables behave as empty."""

    def __init__(self, folder: str | Path, *, memory_limit: str = "1500MB", threads: int | None = None,
                 index: bool = True) -> None:
        self.folder = Path(folder)
        self._con = duckdb.connect(config={"memory_limit": memory_limit,
                                           **({"threads": threads} if threads else {})})
        # Parquet footers are read once per file, not once per query.
        self._con.execute("SET enable_object_cache = true")
        self.index = index
        self._lock = threading.Lock()
        self._indexed: set[str] = set()
        self._selections: dict[tuple[str, ...], str] = {}
        self._selection_counter = 0
        self._files: dict[str, pq.ParquetFile] = {}
        self.paths: dict[str, str] = {}
        self.schemas: dict[str, pa.Schema] = {}
        for name in TABLES:
            path = self.folder / f"{name}.parquet"
            if path.is_file():
                self.paths[name] = str(path)
                self.schemas[name] = pq.read_schema(path)

    # -- metadata -------------------------------------------------------------------------
    def num_rows(self, table: str) -> int:
        """Rows in a table from the Parquet footer (no scan)."""
        if table not in self.paths:
            return 0
        return self._file(table).metadata.num_rows

    def is_large(self, threshold: int = LARGE_ROWS) -> bool:
        return any(self.num_rows(t) > threshold for t in self.paths)

    def columns(self, table: str) -> list[str]:
        schema = self.schemas.get(table)
        return list(schema.names) if schema is not None else []

    def warm(self, tables: Sequence[str] = TABLES) -> None:
        """Build the in-memory index of `tables` now (e.g. behind a spinner) instead of on
        first use."""
        if self.index:
            for t in tables:
                if t in self.paths:
                    self._ensure_index(t)

    # -- queries --------------------------------------------------------------------------
    def count(self, table: str, filters: Filters = Filters()) -> int:
        """Rows of `table` that pass `filters`."""
        if table not in self.paths:
            return 0
        src = self._source(table, [], filters)
        sql, params = self._select(table, src, filters, "count(*)")
        return int(self._run(sql, params).fetchone()[0])

    def counts(self, filters: Filters = Filters(), tables: Sequence[str] = TABLES) -> dict[str, int]:
        """`count` for several tables at once (the overview's headline numbers)."""
        return {t: self.count(t, filters) for t in tables}

    def count_by(self, table: str, by: str | Sequence[str], filters: Filters = Filters(), *,
                 limit: int | None = None, distinct_docs: bool = False) -> pd.DataFrame:
        """Rows per value of `by` (columns of the table, article columns such as "outlet", or
        "month"/"year" of publication; list columns such as sentence topics are unnested),
        as columns `by... , n`, largest first. `distinct_docs` counts articles instead of rows."""
        keys = [by] if isinstance(by, str) else list(by)
        if table not in self.paths:
            return pd.DataFrame(columns=[*keys, "n"])
        src = self._source(table, keys, filters)
        exprs = [self._column_expr(table, k, src, unnest=True) for k in keys]
        inner = ", ".join(f"{e} AS {_ident(k)}" for e, k in zip(exprs, keys))
        sql, params = self._select(table, src, filters, f"{inner}, {src.doc} AS __doc",
                                   join_articles=self._needs_articles(table, keys))
        group = ", ".join(_ident(k) for k in keys)
        measure = "count(DISTINCT __doc)" if distinct_docs else "count(*)"
        sql = (f"SELECT {group}, {measure} AS n FROM ({sql}) GROUP BY {group} "
               f"ORDER BY n DESC, {group}")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._run(sql, params).df()

    def page(self, table: str, filters: Filters = Filters(), *, columns: Sequence[str] | None = None,
             order_by: Sequence[str] = ("doc_id",), descending: bool = False,
             offset: int = 0, limit: int = 100) -> pd.DataFrame:
        """One page of filtered rows. `columns` may name article columns ("outlet", "published",
        "title"), joined on doc_id; ordering keys likewise. Ties are broken by the table's own
        row order so pages are stable."""
        if table not in self.paths:
            return pd.DataFrame(columns=list(columns or []))
        cols = list(columns) if columns else self.columns(table)
        keys = list(order_by)
        src = self._source(table, keys, filters)
        available = [c for c in cols if self._available(table, c, src)]
        rest = [c for c in cols if c not in available]
        select = ", ".join([f"{src.row} AS __row"] +
                           [f"{self._column_expr(table, c, src)} AS {_ident(c)}" for c in available])
        direction = " DESC" if descending else ""
        order = ", ".join(f"{self._column_expr(table, k, src)}{direction}" for k in keys)
        order = f"{order}, {src.row}" if order else src.row
        sql, params = self._select(table, src, filters, select,
                                   join_articles=self._needs_articles(table, available + keys))
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        params += [max(0, int(limit)), max(0, int(offset))]
        frame = self._run(sql, params).df()
        if rest:
            fetched = self._rows_at(table, frame["__row"].tolist(), rest)
            for c in rest:
                frame[c] = fetched[c]
        return frame[cols].reset_index(drop=True)

    def distinct(self, table: str, column: str, filters: Filters = Filters()) -> list:
        """Sorted distinct non-null values of a column (list columns unnested): filter options."""
        if table not in self.paths:
            return []
        src = self._source(table, [column], filters)
        expr = self._column_expr(table, column, src, unnest=True)
        inner, params = self._select(table, src, filters, f"{expr} AS v",
                                     join_articles=self._needs_articles(table, [column]))
        sql = f"SELECT DISTINCT v FROM ({inner}) WHERE v IS NOT NULL ORDER BY v"
        return [r[0] for r in self._run(sql, params).fetchall()]

    def date_range(self) -> tuple[str | None, str | None]:
        """Earliest and latest `published` date in the articles table."""
        if "articles" not in self.paths:
            return None, None
        src = self._source("articles", ["published"], Filters())
        row = self._run(f'SELECT min(t."published"), max(t."published") FROM {src.table_sql}',
                        list(src.params)).fetchone()
        return row[0], row[1]

    def rows_for_doc(self, table: str, doc_id: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Every row of one article (the reader's highlights), in table order."""
        return self.page(table, Filters(doc_ids=(doc_id,)), columns=columns, order_by=(),
                         limit=1_000_000)

    def positions(self, table: str, filters: Filters = Filters(), *, offset: int = 0,
                  limit: int | None = None) -> list[int]:
        """File positions of the filtered rows in table order (`offset`, `limit` page them): the
        rows `rows_at` reads. Does not read any column beyond those the filters need."""
        if table not in self.paths:
            return []
        src = self._source(table, [], filters)
        sql, params = self._select(table, src, filters, f"{src.row} AS __row")
        sql += f" ORDER BY {src.row}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        if offset:
            sql += " OFFSET ?"
            params.append(max(0, int(offset)))
        return [int(r[0]) for r in self._run(sql, params).fetchall()]

    def rows_at(self, table: str, rows: Sequence[int], *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Every (or the named) column of the rows at these file positions, in the order given,
        with the dtypes `pandas.read_parquet` gives (read through pyarrow, row group by row
        group: only the row groups holding one of the rows are decoded)."""
        return self._rows_at(table, list(rows), list(columns) if columns else self.columns(table))

    def rows_per_article(self, table: str) -> np.ndarray:
        """Rows of `table` in each article, unfiltered, indexed by the article's position in
        the articles file (what `positions("articles", ...)` returns); rows whose article is
        missing from it are not counted."""
        n = self.num_rows("articles")
        out = np.zeros(n, dtype=np.int64)
        if table not in self.paths or table == "articles" or not n:
            return out
        if self.index:
            self._ensure_index(table)
            sql, params = (f"SELECT doc_num, count(*) AS n FROM idx_{table} WHERE doc_num IS NOT NULL "
                           "GROUP BY doc_num"), []
        else:
            sql = ('SELECT a.file_row_number AS doc_num, count(*) AS n FROM read_parquet(?) t '
                   'JOIN read_parquet(?, file_row_number = true) a ON a."doc_id" = t."doc_id" GROUP BY 1')
            params = [self.paths[table], self.paths["articles"]]
        got = self._run(sql, params).fetchnumpy()
        out[np.asarray(got["doc_num"], dtype=np.int64)] = np.asarray(got["n"], dtype=np.int64)
        return out

    def doc_rows(self, table: str, doc_id: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Every row of one article straight from Parquet, in table order, with the dtypes
        `pandas.read_parquet` gives. Needs no in-memory index: tables are written in article
        order, so the doc_id statistics leave one row group or two to read (0.01-0.04 CPU-s at
        100k articles, where building the indexes for the reader took 0.8 CPU-s and 0.3 GB)."""
        cols = list(columns) if columns else self.columns(table)
        if table not in self.paths:
            return pd.DataFrame(columns=cols)
        for c in cols:
            if c not in self.columns(table):
                raise KeyError(f"unknown column {c!r} for table {table!r}")
        select = ", ".join(_ident(c) for c in cols)
        return self._con.cursor().sql(
            f'SELECT {select} FROM read_parquet($path, file_row_number = true) WHERE "doc_id" = $doc '
            "ORDER BY file_row_number", params={"path": self.paths[table], "doc": str(doc_id)}
        ).to_arrow_table().to_pandas()

    def sentence_rows(self, doc_ids: Sequence[str], sent_ids: Sequence, *,
                      columns: Sequence[str] = ("text", "topics")) -> pd.DataFrame:
        """The sentences (`columns`) at these (doc_id, sent_id) keys, one row per key in the
        order given; keys without a sentence (sent_id missing or -1) give missing values."""
        cols = [c for c in columns if c in self.columns("sentences")]
        n = len(doc_ids)
        empty = pd.DataFrame({c: pd.Series([None] * n, dtype=object) for c in cols})
        if "sentences" not in self.paths or not n:
            return empty
        sids = pd.to_numeric(pd.Series(list(sent_ids), dtype=object), errors="coerce")
        ok = sids.notna() & (sids >= 0)
        keys = [(i, str(d), int(x)) for i, (d, x, good) in enumerate(zip(doc_ids, sids, ok)) if good]
        if not keys:
            return empty
        idx, docs, sents = (list(v) for v in zip(*keys))
        unnest = ("(SELECT unnest(?::BIGINT[]) AS i, unnest(?::VARCHAR[]) AS doc_id, "
                  "unnest(?::BIGINT[]) AS sent_id) k")
        if self.index:
            self._ensure_index("sentences")
            sql = (f"SELECT k.i, s.__row FROM {unnest} JOIN idx_articles d ON d.\"doc_id\" = k.doc_id "
                   f"JOIN idx_sentences s ON s.__sent = d.doc_num::BIGINT * {_SENT_SHIFT} + k.sent_id")
            params = [idx, docs, sents]
        else:
            sql = (f"SELECT k.i, s.file_row_number FROM {unnest} JOIN read_parquet(?, file_row_number = true) s "
                   "ON s.\"doc_id\" = k.doc_id AND s.\"sent_id\" = k.sent_id")
            params = [idx, docs, sents, self.paths["sentences"]]
        found = self._run(sql, params).fetchall()
        if not found:
            return empty
        where = dict(found)
        rows = [where[i] for i in idx if i in where]
        fetched = self._rows_at("sentences", rows, cols)
        out = empty.copy()
        at = [i for i in idx if i in where]
        for c in cols:
            values = out[c].to_numpy(dtype=object, copy=True)
            values[at] = fetched[c].to_numpy(dtype=object)
            out[c] = pd.Series(values, dtype=object)     # missing stays None (no str inference)
        return out

    def count_by_topic(self, table: str, by: str | Sequence[str], filters: Filters = Filters()) -> pd.DataFrame:
        """Rows per (`by`..., topic of the row's sentence): a row counts once for each topic its
        sentence carries, and once with topic missing when it carries none (or has no
        sentence). Columns `by..., topic, n`, largest first."""
        keys = [by] if isinstance(by, str) else list(by)
        if table not in self.paths:
            return pd.DataFrame(columns=[*keys, "topic", "n"])
        src = self._source(table, keys, filters)
        exprs = [self._column_expr(table, k, src) for k in keys]
        inner = ", ".join(f"{e} AS {_ident(k)}" for e, k in zip(exprs, keys))
        group = ", ".join(f"x.{_ident(k)}" for k in keys)
        has_topics = self._has("sentences", "topics") and "sent_id" in self.columns(table)
        if src.indexed and has_topics:
            self._ensure_index("sentences")
            sql, params = self._select(table, src, filters, f"{inner}, {src.sent} AS __sent",
                                       join_articles=self._needs_articles(table, keys))
            topics = "LEFT JOIN idx_topics tp ON tp.__sent = x.__sent"
        elif has_topics:
            sql, params = self._select(table, src, filters, f'{inner}, t."doc_id" AS __doc, t."sent_id" AS __sid',
                                       join_articles=self._needs_articles(table, keys))
            topics = ('LEFT JOIN (SELECT "doc_id", "sent_id", unnest("topics") AS topic FROM read_parquet(?)) tp '
                      'ON tp."doc_id" = x.__doc AND tp."sent_id" = x.__sid')
            params.append(self.paths["sentences"])
        else:
            sql, params = self._select(table, src, filters, inner, join_articles=self._needs_articles(table, keys))
            topics = "LEFT JOIN (SELECT NULL::VARCHAR AS topic) tp ON FALSE"
        sql = (f"SELECT {group}, tp.topic AS topic, count(*) AS n FROM ({sql}) x {topics} "
               f"GROUP BY {group}, tp.topic ORDER BY n DESC, {group}, tp.topic")
        return self._run(sql, params).df()

    def count_topics(self, by: str | Sequence[str] = (), filters: Filters = Filters()) -> pd.DataFrame:
        """Passing sentences per (topic, `by`... article columns such as "outlet"): what
        `count_by("sentences", ["topics", *by])` answers, read from the index's one row per
        (sentence, topic) instead of unnesting every passing sentence's list (0.016 against
        0.04 CPU-s for one outlet at 100k articles). Columns topics, by..., n."""
        keys = [by] if isinstance(by, str) else list(by)
        usable = (self.index and not filters.equals and self._has("sentences", "topics")
                  and all(k in ARTICLE_COLUMNS or k in DERIVED for k in keys))
        if not usable:
            return self.count_by("sentences", ["topics", *keys], filters)
        self._ensure_index("sentences")
        src = _Source("idx_topics t", [], "idx_articles", [], "t.doc_num", "doc_num", "t.__row", "t.__sent", True)
        # the topic filter keeps whole sentences (all their topics), so it goes through the
        # sentence selection, not a test on this row's topic
        clauses, params = self._where("sentences", src, dataclasses.replace(filters, topics=()))
        if filters.topics:
            clause, cparams = self._sentence_filter("sentences", src, "topics", list(filters.topics))
            clauses.append(clause)
            params += cparams
        exprs = [self._column_expr("sentences", k, src) for k in keys]
        select = ", ".join(["t.topic AS topics", *(f"{e} AS {_ident(k)}" for e, k in zip(exprs, keys))])
        group = ", ".join(["topics", *(_ident(k) for k in keys)])
        join = " LEFT JOIN idx_articles a ON a.doc_num = t.doc_num" if keys else ""
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = (f"SELECT {select}, count(*) AS n FROM idx_topics t{join}{where} GROUP BY {group} "
               f"ORDER BY n DESC, {group}")
        return self._run(sql, params).df()

    def measures(self, filters: Filters = Filters(), *, unknown: str = "", min_sources: int = 2) -> pd.DataFrame:
        """The same measure across sources, aggregated in SQL: one row per (measure, unit,
        source) for the measures (what a figure counts, trimmed and lower-cased, with its unit)
        that `min_sources` or more sources reported under `filters`: columns measure, unit,
        source, values (sorted distinct), low, high, n. A missing or empty outlet is the source
        `unknown`. Figures without a unit or without what they count are left out. Does not
        judge agreement (the caller does, with the same code for every corpus size)."""
        cols = ["measure", "unit", "source", "values", "low", "high", "n"]
        if not (self._has("figures", "counts") and self._has("figures", "unit")):
            return pd.DataFrame(columns=cols)
        sql, params = self._measure_select(filters, unknown=unknown)
        sql = (f"WITH f AS (SELECT * FROM ({sql}) WHERE measure IS NOT NULL AND measure <> '' AND unit IS NOT NULL), "
               "m AS (SELECT measure, unit FROM f GROUP BY measure, unit HAVING count(DISTINCT source) >= ?) "
               "SELECT f.measure, f.unit, f.source, list(DISTINCT f.value ORDER BY f.value) "
               "FILTER (WHERE f.value IS NOT NULL) AS \"values\", min(f.value) AS low, max(f.value) AS high, "
               "count(*) AS n FROM f JOIN m ON m.measure = f.measure AND m.unit = f.unit "
               "GROUP BY f.measure, f.unit, f.source ORDER BY f.measure, f.unit, f.source")
        params.append(int(min_sources))
        out = self._run(sql, params).df()
        out["values"] = out["values"].map(lambda v: [float(x) for x in v] if v is not None else [])
        return out[cols]

    def _measure_select(self, filters: Filters, *, unknown: str, row: bool = False) -> tuple[str, list]:
        """The filtered figures as (measure, unit, source, value[, __row]) rows, the SELECT that
        `measures` and `measure_points` aggregate: measure is what a figure counts, trimmed and
        lower-cased; source its outlet, `unknown` when missing or empty (or when there is no
        articles table). Does not drop figures without a measure or unit (the callers do)."""
        src = self._source("figures", ["counts", "unit", "value", "outlet"], filters)
        sql, params = self._select(
            "figures", src, filters,
            'lower(trim(t."counts")) AS measure, t."unit" AS unit, '
            'coalesce(nullif(a."outlet", \'\'), ?) AS source, t."value" AS value'
            + (f", {src.row} AS __row" if row else ""),
            join_articles="articles" in self.paths)
        if "articles" not in self.paths:
            sql = sql.replace('coalesce(nullif(a."outlet", \'\'), ?)', "?::VARCHAR")
        params.insert(0, unknown)     # the SELECT list comes first in the text
        return sql, params

    def measure_points(self, filters: Filters, pairs: Sequence[tuple[str, str]], *, unknown: str = "") -> pd.DataFrame:
        """One point per (measure, unit, source, value) among `pairs` (measure, unit): how many
        figures gave it, and the first of them (doc_id, sent_id, as written) as an example.
        Columns measure, unit, source, value, n, doc_id, sent_id, as_written."""
        cols = ["measure", "unit", "source", "value", "n", "doc_id", "sent_id", "as_written"]
        if not pairs or not self._has("figures", "counts"):
            return pd.DataFrame(columns=cols)
        sql, params = self._measure_select(filters, unknown=unknown, row=True)
        sql = (f"SELECT p.measure, p.unit, p.source, p.value, count(*) AS n, min(p.__row) AS __row FROM ({sql}) p "
               "JOIN (SELECT unnest(?::VARCHAR[]) AS measure, unnest(?::VARCHAR[]) AS unit) w "
               "ON w.measure = p.measure AND w.unit = p.unit "
               "GROUP BY p.measure, p.unit, p.source, p.value ORDER BY p.measure, p.unit, p.source, p.value")
        params += [[m for m, _ in pairs], [u for _, u in pairs]]
        out = self._run(sql, params).df()
        first = self._rows_at("figures", out["__row"].tolist(), ["doc_id", "sent_id", "surface"])
        out["doc_id"], out["sent_id"], out["as_written"] = first["doc_id"], first["sent_id"], first["surface"]
        return out[cols]

    # -- the in-memory index --------------------------------------------------------------
    def _file(self, table: str) -> pq.ParquetFile:
        if table not in self._files:
            self._files[table] = pq.ParquetFile(self.paths[table])
        return self._files[table]

    def _index_columns(self, table: str) -> list[str]:
        own = set(self.columns(table))
        return [c for c in INDEX_COLUMNS.get(table, ()) if c in own]

    def _ensure_index(self, table: str) -> None:
        if table in self._indexed:
            return
        with self._lock:
            if table in self._indexed:
                return
            if table != "articles" and "articles" in self.paths:
                self._ensure_index_locked("articles")
            self._ensure_index_locked(table)

    def _ensure_index_locked(self, table: str) -> None:
        if table in self._indexed:
            return
        cols = ", ".join(f"t.{_ident(c)}" for c in self._index_columns(table))
        cols = f", {cols}" if cols else ""
        if table == "articles":
            sql = (f"CREATE TABLE idx_articles AS SELECT t.file_row_number::INTEGER AS doc_num, "
                   f"t.file_row_number AS __row{cols} FROM read_parquet(?, file_row_number = true) t")
            params = [self.paths[table]]
        else:
            has_docs = "articles" in self.paths
            sent = (f", d.doc_num::BIGINT * {_SENT_SHIFT} + t.\"sent_id\" AS __sent"
                    if "sent_id" in self.columns(table) else "")
            join = (' LEFT JOIN idx_articles d ON d."doc_id" = t."doc_id"' if has_docs
                    else " LEFT JOIN (SELECT NULL::INTEGER AS doc_num) d ON FALSE")
            sql = (f"CREATE TABLE idx_{table} AS SELECT d.doc_num{sent}, t.file_row_number AS __row{cols} "
                   f"FROM read_parquet(?, file_row_number = true) t{join}")
            params = [self.paths[table]]
        self._con.execute(sql, params)
        if table == "sentences" and "topics" in self._index_columns(table):
            # One row per (sentence, topic): a topic filter is then an equality scan, not a
            # list search over every sentence, for each table it narrows.
            self._con.execute("CREATE TABLE idx_topics AS SELECT __sent, doc_num, __row, unnest(topics) AS topic "
                              "FROM idx_sentences WHERE len(topics) > 0")
        self._indexed.add(table)

    def _has(self, table: str, column: str) -> bool:
        return table in self.paths and column in self.columns(table)

    def _sentence_filter(self, table: str, src: _Source, kind: str, value) -> tuple[str, list]:
        """Clause keeping rows of `table` whose sentence passes a sentence-level filter (for
        tables without sent_id: whose article has such a sentence)."""
        source, column, _ = _SENTENCE_FILTERS[kind]
        if not self._has(source, column):
            return "FALSE", []
        has_sent = "sent_id" in self.columns(table)
        if src.indexed:
            selection = self._selection(kind, value)
            if has_sent:
                return f"{src.sent} IN (SELECT s.__sent FROM {selection} s)", []
            return f"{src.doc} IN (SELECT s.doc_num FROM {selection} s)", []
        cond = _SENTENCE_FILTERS[kind][2].replace("{c}", f"s.{_ident(column)}")
        if has_sent:
            return ('EXISTS (SELECT 1 FROM read_parquet(?) s WHERE s."doc_id" = t."doc_id" '
                    f'AND s."sent_id" = t."sent_id" AND {cond})', [self.paths[source], value])
        return f't."doc_id" IN (SELECT s."doc_id" FROM read_parquet(?) s WHERE {cond})', [self.paths[source], value]

    def _selection(self, kind: str, value) -> str:
        """Name of an in-memory table of the sentences (keys and article numbers) passing a
        sentence-level filter, made once per filter value and kept for the next queries (a
        page asks about every table in turn). The name is ours (a counter), never derived
        from user input; the values are parameters."""
        key = (kind, tuple(sorted(set(value))) if isinstance(value, list) else value)
        source, column, cond = _SENTENCE_FILTERS[kind]
        self._ensure_index("articles" if kind == "search" else source)   # outside the lock
        with self._lock:
            name = self._selections.get(key)
            if name is None:
                self._selection_counter += 1
                name = f"sel_{self._selection_counter}"
                if kind == "topics":
                    sql = "SELECT DISTINCT __sent, doc_num FROM idx_topics WHERE topic = ANY(?)"
                    params = [list(key[1])]
                elif kind == "search":
                    # sentence text is not in memory: scan it once for this search
                    sql = (f"SELECT DISTINCT d.doc_num::BIGINT * {_SENT_SHIFT} + s.\"sent_id\" AS __sent, "
                           f"d.doc_num FROM read_parquet(?) s JOIN idx_articles d ON d.\"doc_id\" = s.\"doc_id\" "
                           f"WHERE {cond.replace('{c}', 's.' + _ident(column))}")
                    params = [self.paths[source], value]
                else:
                    sql = (f"SELECT DISTINCT __sent, doc_num FROM idx_{source} "
                           f"WHERE {cond.replace('{c}', _ident(column))}")
                    params = [list(key[1])]
                self._con.execute(f"CREATE TABLE {name} AS {sql}", params)
                self._selections[key] = name
                if len(self._selections) > 16:      # keep the memory of old selections bounded
                    old_key = next(iter(self._selections))
                    self._con.execute(f"DROP TABLE IF EXISTS {self._selections.pop(old_key)}")
            return name

    def _near(self, table: str, src: _Source, f: Filters) -> tuple[str, list]:
        """Clause keeping rows whose sentence holds a row of `f.near` passing `f` (without its
        `equals`, which name columns of the queried table)."""
        other = f.near
        if not (self._has(other, "sent_id") and "sent_id" in self.columns(table)):
            return "FALSE", []
        inner_f = dataclasses.replace(f, near=None, equals=())
        if src.indexed:
            nsrc = self._source(other, [], inner_f)     # indexed too: the store indexes
            sql, params = self._select(other, nsrc, inner_f, f"{nsrc.sent} AS __sent")
            return f"{src.sent} IN ({sql})", params
        nsrc = self._parquet_source(other)
        sql, params = self._select(other, nsrc, inner_f, 't."doc_id" AS __doc, t."sent_id" AS __sid')
        return ('EXISTS (SELECT 1 FROM (' + sql + ') n WHERE n.__doc = t."doc_id" AND n.__sid = t."sent_id")',
                params)

    def _available(self, table: str, name: str, src: _Source) -> bool:
        """Whether `name` can be read from `src` (index columns, article columns, periods)."""
        if not src.indexed:
            return True
        if name in self._index_columns(table) or name in DERIVED:
            return True
        return (table != "articles" and name in ARTICLE_COLUMNS
                and name in self._index_columns("articles")) or (table == "articles" and name == "doc_id")

    def _source(self, table: str, names: Iterable[str], filters: Filters) -> _Source:
        names = list(names) + [c for c, _ in filters.equals]
        use_index = self.index
        if use_index:
            probe = _Source("", [], "", [], "", "", "", None, True)
            use_index = all(self._available(table, n, probe) for n in names)
        has_sent = "sent_id" in self.columns(table)
        if use_index:
            self._ensure_index(table)
            if table == "articles":
                return _Source("idx_articles t", [], "idx_articles", [], "t.doc_num", "doc_num",
                               "t.__row", None, True)
            return _Source(f"idx_{table} t", [], "idx_articles", [], "t.doc_num", "doc_num", "t.__row",
                           "t.__sent" if has_sent else None, True)
        return self._parquet_source(table)

    def _parquet_source(self, table: str) -> _Source:
        has_sent = "sent_id" in self.columns(table)
        art_cols = ", ".join(_ident(c) for c in ARTICLE_COLUMNS
                             if "articles" in self.schemas and c in self.schemas["articles"].names)
        articles_sql = (f'(SELECT "doc_id"{", " + art_cols if art_cols else ""} FROM read_parquet(?))'
                        if "articles" in self.paths else "")
        return _Source("read_parquet(?, file_row_number = true) t", [self.paths[table]], articles_sql,
                       [self.paths["articles"]] if "articles" in self.paths else [],
                       't."doc_id"', '"doc_id"', "t.file_row_number",
                       't."doc_id", t."sent_id"' if has_sent else None, False)

    def _rows_at(self, table: str, rows: list[int], columns: list[str]) -> pd.DataFrame:
        """Columns of the rows at these file positions, in the order given (repeats allowed),
        with the dtypes `pandas.read_parquet` gives. Rows that sit close together (a page in
        table order, one article) are read by DuckDB over their span of row numbers, which
        decodes only that span (500 quotes: 0.01 CPU-s, against 0.06-0.1 to decode their whole
        row group); rows scattered over the file are read one row group at a time with pyarrow
        (a DuckDB scan filtered on row numbers alone decoded every row group: 0.7 s for 100
        sentences of a 2.5M-row table)."""
        meta = self._file(table).metadata
        want = np.asarray(rows, dtype=np.int64)
        if not len(want):
            return self._file(table).schema_arrow.empty_table().select(columns).to_pandas()
        if (want < 0).any() or (want >= meta.num_rows).any():
            raise IndexError(f"row position outside {table}")
        unique = np.unique(want)
        breaks = np.flatnonzero(np.diff(unique) > _CLUSTER_GAP) + 1
        clusters = np.split(unique, breaks)
        if len(clusters) <= _MAX_CLUSTERS:
            cols = ", ".join(_ident(c) for c in columns)
            pieces = [self._con.cursor().sql(
                f"SELECT {cols} FROM read_parquet($path, file_row_number = true) WHERE file_row_number "
                "BETWEEN $lo AND $hi AND file_row_number = ANY($rows) ORDER BY file_row_number",
                params={"path": self.paths[table], "lo": int(c[0]), "hi": int(c[-1]),
                        "rows": c.tolist()}).to_arrow_table() for c in clusters]
        else:
            starts = self._starts(table)
            groups = np.searchsorted(starts, unique, side="right") - 1
            # a ParquetFile per call (reusing the parsed footer): readers are not shared across threads
            reader = pq.ParquetFile(self.paths[table], metadata=meta)
            pieces = [reader.read_row_group(int(g), columns=columns).take(pa.array(unique[groups == g] - starts[g]))
                      for g in np.unique(groups)]
        got = pa.concat_tables([p.cast(pieces[0].schema) for p in pieces]) if len(pieces) > 1 else pieces[0]
        return got.take(pa.array(np.searchsorted(unique, want))).to_pandas()

    def _starts(self, table: str) -> np.ndarray:
        """First file position of each row group."""
        meta = self._file(table).metadata
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        return np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)

    # -- SQL assembly ---------------------------------------------------------------------
    def _run(self, sql: str, params: list):
        cur = self._con.cursor()
        return cur.execute(sql, params)

    def _needs_articles(self, table: str, names: Iterable[str]) -> bool:
        own = set(self.columns(table))
        return table != "articles" and any(n not in own for n in names)

    def _column_expr(self, table: str, name: str, src: _Source, *, unnest: bool = False) -> str:
        schema = self.schemas[table]
        if name in schema.names:
            expr = f"t.{_ident(name)}"
            if unnest and pa.types.is_list(schema.field(name).type):
                expr = f"unnest({expr})"
            return expr
        if table != "articles" and "articles" in self.schemas:
            if name in DERIVED:
                return DERIVED[name]
            if name in self.schemas["articles"].names and name in ARTICLE_COLUMNS:
                return f"a.{_ident(name)}"
        elif name in DERIVED:
            return DERIVED[name].replace("a.", "t.")
        raise KeyError(f"unknown column {name!r} for table {table!r}")

    def _select(self, table: str, src: _Source, filters: Filters, select: str, *,
                join_articles: bool = False) -> tuple[str, list]:
        """`SELECT <select> FROM <table> t [JOIN articles a] WHERE <filters>` and its parameters."""
        params: list = list(src.params)
        join = ""
        if join_articles:
            join = f" LEFT JOIN {src.articles_sql} a ON a.{src.art_doc} = {src.doc}"
            params += src.articles_params
        where, wparams = self._where(table, src, filters)
        sql = f"SELECT {select} FROM {src.table_sql}{join}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params + wparams

    def _where(self, table: str, src: _Source, f: Filters) -> tuple[list[str], list]:
        clauses: list[str] = []
        params: list = []
        own = set(self.columns(table))
        # Article-level filters: on the articles table directly, elsewhere as a semi-join on
        # the article key (an integer in the index; DuckDB reads only small columns for it).
        art: list[str] = []
        art_params: list = []
        if f.outlets:
            named = [o for o in f.outlets if o is not None]
            parts = []
            if named:
                parts.append('{p}"outlet" = ANY(?)')
                art_params.append(named)
            if None in f.outlets:
                parts.append('{p}"outlet" IS NULL')
            art.append("(" + " OR ".join(parts) + ")")
        dated: list[str] = []
        if f.date_from:
            dated.append('{p}"published" >= ?')
            art_params.append(f.date_from)
        if f.date_to:
            # A month or year as the upper bound ("2024-11") includes all of it.
            dated.append('{p}"published" <= ?')
            art_params.append(f.date_to + ("-99" if len(f.date_to) <= 7 else ""))
        if dated:
            both = " AND ".join(dated)
            art.append(f'({{p}}"published" IS NULL OR ({both}))' if f.include_undated else f"({both})")
        if f.doc_ids:
            art.append('{p}"doc_id" = ANY(?)')
            art_params.append(list(f.doc_ids))
        if art:
            if table == "articles":
                clauses.extend(c.format(p="t.") for c in art)
                params.extend(art_params)
            elif src.articles_sql:
                clauses.append(f"{src.doc} IN (SELECT {src.art_doc} FROM {src.articles_sql} WHERE "
                               + " AND ".join(c.format(p="") for c in art) + ")")
                params += src.articles_params + art_params
            elif f.doc_ids and not (f.outlets or f.date_from or f.date_to):
                clauses.append('t."doc_id" = ANY(?)')
                params.append(list(f.doc_ids))
            else:
                clauses.append("FALSE")     # no articles table: no article passes a metadata filter
        own_shortcut = {("sentences", "topics"): 'list_has_any(t."topics", ?::VARCHAR[])',
                        ("quotes", "speakers"): 't."speaker" = ANY(?)',
                        ("weapons", "categories"): 't."category" = ANY(?)'}
        for kind, values in (("topics", list(f.topics)), ("speakers", list(f.speakers)),
                             ("categories", list(f.categories))):
            if not values:
                continue
            if (table, kind) in own_shortcut and self._has(table, _SENTENCE_FILTERS[kind][1]):
                clauses.append(own_shortcut[(table, kind)])
                params.append(values)
                continue
            clause, cparams = self._sentence_filter(table, src, kind, values)
            clauses.append(clause)
            params += cparams
        if f.search:
            needle = f.search.lower()
            cols = [c for c in SEARCH_COLUMNS.get(table, ()) if c in own]
            parts: list[str] = []
            if cols:
                condition = " OR ".join(f"strpos(lower(x.{_ident(c)}), ?) > 0" for c in cols)
                if src.indexed:
                    parts.append(f"{src.row} IN (SELECT x.file_row_number FROM "
                                 f"read_parquet(?, file_row_number = true) x WHERE {condition})")
                    params.append(self.paths[table])
                else:
                    parts.append("(" + condition.replace("x.", "t.") + ")")
                params.extend([needle] * len(cols))
            if table not in ("articles", "sentences") and "sentences" in self.paths:
                clause, cparams = self._sentence_filter(table, src, "search", needle)
                parts.append(clause)
                params += cparams
            clauses.append("(" + " OR ".join(parts) + ")" if parts else "FALSE")
        if f.near and f.near != table:
            clause, nparams = self._near(table, src, f)
            clauses.append(clause)
            params += nparams
        for column, values in f.equals:
            if column not in own:
                raise KeyError(f"unknown column {column!r} for table {table!r}")
            named = [v for v in values if v is not None]
            parts = []
            if named:
                parts.append(f"t.{_ident(column)} = ANY(?)")
                params.append(named)
            if None in values:
                parts.append(f"t.{_ident(column)} IS NULL")
            clauses.append("(" + " OR ".join(parts) + ")" if parts else "FALSE")
        return clauses, params
