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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
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
    when either bound is set. `topics` keeps rows whose sentence carries any of the topic ids
    (for articles: any sentence). `search` is a case-insensitive substring of the table's text
    columns. `equals` holds (column, allowed values) pairs on the queried table itself."""
    outlets: tuple[str | None, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    doc_ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    search: str | None = None
    equals: tuple[tuple[str, tuple], ...] = field(default=())

    @classmethod
    def make(cls, *, outlets: Iterable[str | None] = (), date_from: str | None = None,
             date_to: str | None = None, doc_ids: Iterable[str] = (), topics: Iterable[str] = (),
             search: str | None = None, equals: Mapping[str, Iterable] | None = None) -> Filters:
        """Build from any iterables (lists from widgets); the result is hashable for caches."""
        return cls(tuple(outlets), date_from or None, date_to or None, tuple(doc_ids), tuple(topics),
                   (search or "").strip() or None,
                   tuple((k, tuple(v)) for k, v in sorted((equals or {}).items())))


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """Read-only DuckDB queries over `folder/<table>.parquet`.

    Safe to share between threads (each query runs on its own cursor). Tables that are missing
    in the folder behave as empty. `memory_limit` and `threads` bound DuckDB's own use."""

    def __init__(self, folder: str | Path, *, memory_limit: str = "1GB", threads: int | None = None) -> None:
        self.folder = Path(folder)
        self._con = duckdb.connect(config={"memory_limit": memory_limit,
                                           **({"threads": threads} if threads else {})})
        # Parquet footers are read once per file, not once per query.
        self._con.execute("SET enable_object_cache = true")
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
        return pq.ParquetFile(self.paths[table]).metadata.num_rows

    def is_large(self, threshold: int = LARGE_ROWS) -> bool:
        return any(self.num_rows(t) > threshold for t in self.paths)

    def columns(self, table: str) -> list[str]:
        schema = self.schemas.get(table)
        return list(schema.names) if schema is not None else []

    # -- queries --------------------------------------------------------------------------
    def count(self, table: str, filters: Filters = Filters()) -> int:
        """Rows of `table` that pass `filters`."""
        if table not in self.paths:
            return 0
        sql, params = self._select(table, filters, "count(*)")
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
        exprs = [self._column_expr(table, k, unnest=True) for k in keys]
        measure = "count(DISTINCT t.\"doc_id\")" if distinct_docs else "count(*)"
        inner = ", ".join(f"{e} AS {_ident(k)}" for e, k in zip(exprs, keys))
        sql, params = self._select(table, filters, f"{inner}, t.\"doc_id\" AS __doc",
                                   join_articles=self._needs_articles(table, keys))
        group = ", ".join(_ident(k) for k in keys)
        measure = measure.replace('t."doc_id"', "__doc")
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
        select = ", ".join(f"{self._column_expr(table, c)} AS {_ident(c)}" for c in cols)
        direction = " DESC" if descending else ""
        order = ", ".join(f"{self._column_expr(table, k)}{direction}" for k in keys)
        order = f"{order}, t.file_row_number" if order else "t.file_row_number"
        sql, params = self._select(table, filters, select,
                                   join_articles=self._needs_articles(table, cols + keys),
                                   row_number=True)
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        params += [max(0, int(limit)), max(0, int(offset))]
        return self._run(sql, params).df()

    def distinct(self, table: str, column: str, filters: Filters = Filters()) -> list:
        """Sorted distinct non-null values of a column (list columns unnested): filter options."""
        if table not in self.paths:
            return []
        expr = self._column_expr(table, column, unnest=True)
        inner, params = self._select(table, filters, f"{expr} AS v",
                                     join_articles=self._needs_articles(table, [column]))
        sql = f"SELECT DISTINCT v FROM ({inner}) WHERE v IS NOT NULL ORDER BY v"
        return [r[0] for r in self._run(sql, params).fetchall()]

    def date_range(self) -> tuple[str | None, str | None]:
        """Earliest and latest `published` date in the articles table."""
        if "articles" not in self.paths:
            return None, None
        row = self._run('SELECT min("published"), max("published") FROM read_parquet(?)',
                        [self.paths["articles"]]).fetchone()
        return row[0], row[1]

    def rows_for_doc(self, table: str, doc_id: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Every row of one article (the reader's highlights), in table order."""
        return self.page(table, Filters(doc_ids=(doc_id,)), columns=columns, order_by=(),
                         limit=1_000_000)

    # -- SQL assembly ---------------------------------------------------------------------
    def _run(self, sql: str, params: list):
        cur = self._con.cursor()
        return cur.execute(sql, params)

    def _needs_articles(self, table: str, names: Iterable[str]) -> bool:
        own = set(self.columns(table))
        return table != "articles" and any(n not in own for n in names)

    def _column_expr(self, table: str, name: str, *, unnest: bool = False) -> str:
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

    def _select(self, table: str, filters: Filters, select: str, *, join_articles: bool = False,
                row_number: bool = False) -> tuple[str, list]:
        """`SELECT <select> FROM <table> t [JOIN articles a] WHERE <filters>` and its parameters."""
        params: list = [self.paths[table]]
        # file_row_number: the row's position in the file, a free and stable tie-breaker.
        sql_from = ("read_parquet(?, file_row_number = true) t" if row_number else "read_parquet(?) t")
        join = ""
        if join_articles:
            join = (' LEFT JOIN (SELECT "doc_id", ' +
                    ", ".join(_ident(c) for c in ARTICLE_COLUMNS if c in self.schemas["articles"].names) +
                    ' FROM read_parquet(?)) a ON a."doc_id" = t."doc_id"')
            params.append(self.paths["articles"])
        where, wparams = self._where(table, filters)
        sql = f"SELECT {select} FROM {sql_from}{join}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params + wparams

    def _where(self, table: str, f: Filters) -> tuple[list[str], list]:
        clauses: list[str] = []
        params: list = []
        own = set(self.columns(table))
        # Article-level filters: on the articles table directly, elsewhere as a semi-join on
        # doc_id (DuckDB reads only the three small article columns for it).
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
        if f.date_from:
            art.append('{p}"published" >= ?')
            art_params.append(f.date_from)
        if f.date_to:
            # A month or year as the upper bound ("2024-11") includes all of it.
            art.append('{p}"published" <= ?')
            art_params.append(f.date_to + ("-99" if len(f.date_to) <= 7 else ""))
        if art:
            if table == "articles":
                clauses.extend(c.format(p="t.") for c in art)
                params.extend(art_params)
            elif "articles" in self.paths:
                clauses.append('t."doc_id" IN (SELECT "doc_id" FROM read_parquet(?) WHERE '
                               + " AND ".join(c.format(p="") for c in art) + ")")
                params.append(self.paths["articles"])
                params.extend(art_params)
        if f.doc_ids:
            clauses.append('t."doc_id" = ANY(?)')
            params.append(list(f.doc_ids))
        if f.topics:
            topics = list(f.topics)
            if table == "sentences":
                clauses.append('list_has_any(t."topics", ?::VARCHAR[])')
                params.append(topics)
            elif "sentences" in self.paths and "sent_id" in own:
                clauses.append('EXISTS (SELECT 1 FROM read_parquet(?) s WHERE s."doc_id" = t."doc_id" '
                               'AND s."sent_id" = t."sent_id" AND list_has_any(s."topics", ?::VARCHAR[]))')
                params += [self.paths["sentences"], topics]
            elif "sentences" in self.paths:
                clauses.append('t."doc_id" IN (SELECT "doc_id" FROM read_parquet(?) '
                               'WHERE list_has_any("topics", ?::VARCHAR[]))')
                params += [self.paths["sentences"], topics]
        if f.search:
            cols = [c for c in SEARCH_COLUMNS.get(table, ()) if c in own]
            if cols:
                needle = f.search.lower()
                clauses.append("(" + " OR ".join(f"strpos(lower(t.{_ident(c)}), ?) > 0" for c in cols) + ")")
                params.extend([needle] * len(cols))
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
