"""What the Overview page shows (counts, the three figures, the articles table), computed apart
from drawing it, so the server can prepare the unfiltered overview before the first visitor
connects (`ui.warm_up`) and the page then finds everything in Streamlit's caches.

Every result goes through the caches of `ui` (keyed on data version and filters). Does not draw
anything and does not read the sidebar: the caller passes the context.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from . import charts, ui, views

KINDS = ("quotes", "figures", "weapons", "dates")
MAX_ROWS = 2000   # articles listed at once on a large corpus (the CSV has every one)


def _scaled():
    # DuckDB (newslens.query) is only needed for a large corpus; the seeds never import it
    from . import scaled
    return scaled


def kinds(ctx: ui.Context) -> dict[str, pd.DataFrame]:
    """The filtered quotes, figures, weapons and dates views (small corpus only)."""
    return {k: ctx.view(k) for k in KINDS}


def counts(ctx: ui.Context) -> dict[str, int]:
    """Articles, outlets and rows of each kind under the filters."""
    if ctx.large:
        qf = ctx.query_filters()
        return ui.derived(ctx, lambda: _scaled().counts(ctx.store, qf), key="ov_big_counts")
    arts = ctx.view("articles")
    return {"articles": len(arts), "outlets": int(arts["source"].nunique()),
            **{k: len(v) for k, v in kinds(ctx).items()}}


def figure_builders(ctx: ui.Context) -> dict[str, Callable]:
    """Chart key -> the function building its figure (or None when there is nothing to draw), in
    page order."""
    if ctx.large:
        scaled, qf = _scaled(), ctx.query_filters()
        return {
            "ov_rows": lambda: charts.rows_per_source(scaled.rows_per_source(ctx.store, qf), sorted(ctx.outlet_colours)),
            "ov_topics": lambda: charts.topic_heatmap(scaled.topic_by_source(ctx.store, qf)),
            "ov_timeline": lambda: charts.timeline_months(scaled.dates_per_month(ctx.store, qf), ctx.outlet_colours),
        }
    return {
        "ov_rows": lambda: charts.rows_per_source(views.rows_per_source(kinds(ctx)), sorted(ctx.outlet_colours)),
        "ov_topics": lambda: charts.topic_heatmap(views.topic_by_source(ctx.tables, ctx.view("sentences"))),
        "ov_timeline": lambda: charts.timeline(ctx.view("dates"), ctx.outlet_colours),
    }


def articles(ctx: ui.Context) -> pd.DataFrame:
    """The articles under the filters with their row counts (on a large corpus: the first
    MAX_ROWS of them)."""
    if ctx.large:
        qf = ctx.query_filters()
        return ui.derived(ctx, lambda: _scaled().articles_page(ctx.store, qf, limit=MAX_ROWS,
                                                                        articles=ctx.articles), key="ov_big_articles")
    return ui.derived(ctx, lambda: newest_first(views.with_row_counts(ctx.view("articles"), kinds(ctx))),
                      key="ov_counts")


def newest_first(arts: pd.DataFrame) -> pd.DataFrame:
    """Articles by publication date, newest first, undated ones last; ties by title (an analyst
    scans for the latest coverage first; input order means nothing to them)."""
    return arts.iloc[views.newest_first_order(arts["published"], arts["title"])].reset_index(drop=True)


def all_articles(ctx: ui.Context, n: int) -> pd.DataFrame:
    """Every filtered article of a large corpus (the CSV download, on click)."""
    return _scaled().articles_page(ctx.store, ctx.query_filters(), limit=n, articles=ctx.articles)


def prepare(ctx: ui.Context) -> None:
    """Compute everything the page shows into the caches (the warm-up at server start)."""
    if counts(ctx)["articles"]:
        for key, build in figure_builders(ctx).items():
            ui.figure(ctx, build, key=key)
        articles(ctx)
