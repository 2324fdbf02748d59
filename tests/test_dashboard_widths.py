"""The row tables fit the page: every shown column has a width in pixels and together they fit the
main column at 1440 px (named sizes like "medium" pushed Role and Outlet off the right edge)."""
from __future__ import annotations

import json

import pytest

from test_dashboard_pages import app, env, data_dir  # noqa: F401 - fixtures

# main column at a 1440 px window with the sidebar open, measured on the e2e screenshots (~975 px),
# less the row-selection checkbox column
FITS = 975 - 35


@pytest.mark.parametrize("page, index, key", [
    ("pages/overview.py", None, "ov_articles"),
    ("pages/quotes.py", None, "q_table"),
    ("pages/figures.py", None, "f_table"),
    ("pages/figures.py", 0, None),          # the side-by-side comparison (no key: not clickable)
])
def test_table_columns_fit_the_page(env, page, index, key):
    at = app(page=page)
    assert not at.exception
    df = at.dataframe[index] if key is None else next(d for d in at.dataframe if d.key == key)
    config = json.loads(df.proto.columns)
    shown = list(df.proto.column_order)
    widths = {c: config.get(c, {}).get("width") for c in shown}
    assert all(isinstance(w, int) for w in widths.values()), widths
    assert sum(widths.values()) <= FITS, widths
