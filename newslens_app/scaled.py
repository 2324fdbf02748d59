"""The overview's numbers, chart data and article rows from a `newslens.query.Store` (DuckDB),
for corpora too large to load into pandas. Each function returns the frame the pandas helper in
`views` returns for the same filters (same columns, same meaning), so the charts are shared.

No Streamlit here, and no whole table is loaded: only counts, group counts and one page of
article rows leave DuckDB. What this module does not do: the other pages' views (quotes,
figures, weapons still come from `views`), or the zip of every filtered table.
"""
from __future__ import annotations

import pandas as pd

from newslens.query import Filters, Store

from .labels import topic_label
from .theme import UNKNOWN_OUTLET
from .views import iso_to_timestamp

KINDS = ("quotes", "figures", "weapons", "dates")
ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "published", "byline", "url", "n_words", "path", "sha256")


def _source(outlets: pd.Series) -> pd.Series:
    """Outlet values as the dashboard shows them (missing or empty: "Unknown outlet")."""
    values = outlets.astype("object")
    return values.where(values.notna() & (values != ""), UNKNOWN_OUTLET).astype(str)


def counts(store: Store, f: Filters) -> dict[str, int]:
    """Filtered rows of articles and of each kind, plus `outlets`: distinct outlets among the
    filtered articles."""
    out = store.counts(f, ("articles", *KINDS))
    by_outlet = store.count_by("articles", "outlet", f) if "articles" in store.paths else pd.DataFrame()
    out["outlets"] = int(_source(by_outlet["outlet"]).nunique()) if len(by_outlet) else 0
    return out


def rows_per_source(store: Store, f: Filters) -> pd.DataFrame:
    """Long frame: source, rows, kind (as `views.rows_per_source`)."""
    parts = []
    for kind in KINDS:
        c = store.count_by(kind, "outlet", f)
        if len(c):
            c = (c.assign(source=_source(c["outlet"])).groupby("source", sort=False)["n"].sum()
                 .rename("rows").reset_index())
            c["kind"] = kind
            parts.append(c)
    if not parts:
        return pd.DataFrame(columns=["source", "rows", "kind"])
    return pd.concat(parts, ignore_index=True)


def topic_by_source(store: Store, f: Filters) -> pd.DataFrame:
    """Passing sentences per (topic label, source), as `views.topic_by_source`."""
    if "topics" not in store.columns("sentences"):
        return pd.DataFrame(columns=["topic", "source", "sentences"])
    c = store.count_by("sentences", ["topics", "outlet"], f)
    c = c.dropna(subset=["topics"])
    if not len(c):
        return pd.DataFrame(columns=["topic", "source", "sentences"])
    c = c.assign(topic=c["topics"].map(topic_label), source=_source(c["outlet"]))
    return c.groupby(["topic", "source"])["n"].sum().rename("sentences").reset_index()


def dates_per_month(store: Store, f: Filters) -> pd.DataFrame:
    """Dates mentioned per (month mentioned, source): columns month, source, dates. Dates
    without a year are left out, as on the pandas timeline."""
    c = store.count_by("dates", ["iso", "outlet"], f)
    if not len(c):
        return pd.DataFrame(columns=["month", "source", "dates"])
    when = {iso: iso_to_timestamp(iso)[0] for iso in c["iso"].unique()}   # once per distinct iso
    c = c.assign(date=pd.to_datetime(c["iso"].map(when), errors="coerce"), source=_source(c["outlet"]))
    c = c.dropna(subset=["date"])
    if not len(c):
        return pd.DataFrame(columns=["month", "source", "dates"])
    c["month"] = c["date"].dt.to_period("M").dt.to_timestamp()
    return c.groupby(["month", "source"])["n"].sum().rename("dates").reset_index()


def articles_page(store: Store, f: Filters, *, limit: int) -> pd.DataFrame:
    """The first `limit` filtered articles in table order with the `views.articles_view`
    columns plus one row count per kind in each (as `views.with_row_counts`)."""
    cols = [c for c in ARTICLE_COLUMNS if c in store.columns("articles")]
    page = store.page("articles", f, columns=cols, order_by=(), limit=limit)
    page = page.assign(source=_source(page["outlet"]) if "outlet" in page else UNKNOWN_OUTLET)
    title = page["title"].astype("object") if "title" in page else pd.Series(None, index=page.index)
    page["title"] = title.where(title.notna() & (title != ""), page["doc_id"]).astype(str)
    shown = ["doc_id", "source", "title", "published", "byline", "url", "n_words", "path", "sha256"]
    page = page[[c for c in shown if c in page.columns]]
    # the page's articles are within f's, so counting inside them alone is the same count
    within = Filters(**{**f.__dict__, "doc_ids": tuple(page["doc_id"])}) if len(page) else f
    for kind in KINDS:
        n = store.count_by(kind, "doc_id", within) if len(page) else pd.DataFrame(columns=["doc_id", "n"])
        page[kind] = page["doc_id"].map(dict(zip(n["doc_id"], n["n"]))).fillna(0).astype("int64")
    return page
