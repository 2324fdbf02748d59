"""Streamlit pieces the pages use on a large corpus (`Context.large`): a page picker over a
filtered table with a caption saying which rows are on screen, and a CSV button that writes
every filtered row only when it is clicked.

The data comes from `newslens_app.scaled`; this module only draws. It does not decide when a
corpus is large (`ui.is_large` does) and does not cache (pages wrap their queries in
`ui.derived`, keyed on the data version and filters).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from . import scaled, ui


def page_offset(total: int, *, key: str, noun: str, rows: int | None = None) -> int:
    """A page number input when `total` rows do not fit on one page of `rows` (default
    `scaled.PAGE_ROWS`), and the caption "Showing rows a–b of N"; returns the offset of the
    first row to show."""
    rows = scaled.PAGE_ROWS if rows is None else rows
    pages = max(1, -(-total // rows))
    if pages == 1:
        return 0
    current = st.session_state.get(key)
    if not isinstance(current, int) or not 1 <= current <= pages:
        st.session_state[key] = 1      # a filter change shrank the table: back to page 1
    left, right = st.columns([1, 4], vertical_alignment="bottom")
    page = int(left.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key=key))
    first = (page - 1) * rows
    right.caption(f"Showing {noun} {first + 1:,}–{min(first + rows, total):,} of {total:,} ({rows:,} a page, "
                  "in corpus order). Charts and counts cover all of them; the CSV button below writes every one.")
    return first


def download_all(ctx: ui.Context, table: str, total: int, *, key: str, build: Callable[[], bytes],
                 label: str | None = None, limit: int | None = None) -> None:
    """A CSV of all `total` filtered rows, written by `build()` when clicked (not on every run);
    above `limit` rows a disabled button and a note on how to get them instead (a partial
    CSV that looks whole would be worse than none). `limit` defaults to `scaled.MAX_CSV_ROWS`."""
    limit = scaled.MAX_CSV_ROWS if limit is None else limit
    if total > limit:
        st.button(label or f"Download all {total:,} rows as CSV", key=key, disabled=True,
                  icon=":material/download:")
        st.caption(f"{total:,} rows match the filters: more than the {limit:,} one download holds here (the file is "
                   "built in the server's memory). Narrow the filters, e.g. to an outlet or a date range, to "
                   "download them; `python -m newslens export <tables> --to <folder>` writes whole tables as CSV.")
        return
    st.download_button(label or f"Download all {total:,} rows as CSV", data=build,
                       file_name=ui.csv_name(ctx, table), mime="text/csv", key=key, on_click="ignore",
                       icon=":material/download:",
                       help="Every row that matches the filters, not only this page, with the sentence and "
                            "article columns. A large table is written when you click and may take a while.")


def all_rows(ctx: ui.Context, table: str, rows: pd.DataFrame | None, total: int, *, key: str, noun: str,
             columns: Mapping[str, object], one: str | None = None,
             show: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> None:
    """The "All <noun>" section of a table page: the filter sentence, the reader hint, the
    table (`show` reshapes the shown frame only, not the CSV) and its CSV button. A small corpus
    shows `rows`, all `total` of them; a large one (where `rows` is not used) one page of them
    with a page picker, and writes the CSV on click. Widget keys are `key`_page, `key`_table and
    dl_`table`. Does not draw the subheader or decide what `total` counts."""
    ui.filter_sentence(ctx, total, noun, one=one)
    ui.reader_hint()
    if ctx.large:
        qf = ctx.query_filters()
        offset = page_offset(total, key=f"{key}_page", noun=noun)
        rows = ui.derived(ctx, lambda: scaled.view_page(ctx.store, ctx.articles, table, qf, offset=offset),
                          key=f"{key}_big_rows_{offset}")
    ui.table(ctx, show(rows) if show else rows, key=f"{key}_table", columns=columns)
    if ctx.large:
        download_all(ctx, table, total, key=f"dl_{table}",
                     build=lambda: scaled.view_csv(ctx.store, ctx.articles, table, qf))
    else:
        ui.download_csv(ctx, rows, table, key=f"dl_{table}")
