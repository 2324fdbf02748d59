"""The overview's DuckDB path (newslens_app.scaled, used when a corpus is large) gives the same
numbers, chart data and article rows as the pandas views, for the same sidebar filters; and the
overview page in that mode shows the same metrics and sidebar options as in pandas mode.

The seed tables are built once into a temporary folder; the large mode is forced by lowering
`newslens.query.LARGE_ROWS`.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from newslens import query
from newslens_app import charts, corpora, scaled, ui, views
from newslens_app.theme import UNKNOWN_OUTLET
from newslens_app.views import Filters


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scaled-data")
    with pytest.MonkeyPatch.context() as mp:
        _pin(mp, folder)
        corpora.build_corpus(corpora.get_corpus(None))
    return folder


def _pin(mp: pytest.MonkeyPatch, folder: Path) -> None:
    mp.setenv("NEWSLENS_DATA_DIR", str(folder))
    mp.delenv("NEWSLENS_CORPUS", raising=False)
    mp.setattr(corpora, "code_fingerprint", lambda: "pinned-for-tests")


@pytest.fixture(scope="module")
def both(seeds):
    """(pandas tables, Store) over the seed tables."""
    folder = next(p.parent for p in seeds.rglob("articles.parquet"))
    tables = {n: pd.read_parquet(folder / f"{n}.parquet") for n in views.ALL_VIEWS}
    tables["articles"] = tables["articles"].drop(columns=["text", "chrome"], errors="ignore")
    return views.prepare(tables), query.Store(folder)


def _filters(t) -> list[Filters]:
    arts = t["articles"]
    first_outlet = sorted(arts["source"].unique())[0]
    topic = sorted({x for ids in t["sentences"]["topics"] for x in ids})[0]
    speaker = sorted(t["quotes"]["speaker"].dropna().unique())[0]
    dated = arts["published_date"].dropna().sort_values()
    return [Filters(), Filters(outlets=(first_outlet,)), Filters(topics=(topic,)), Filters(speakers=(speaker,)),
            Filters(docs=(arts["doc_id"].iloc[0],)), Filters(search="the"), Filters(outlets=("no such outlet",)),
            Filters(date_from=dated.iloc[1].date(), date_to=dated.iloc[-1].date()),
            Filters(include_undated=False), Filters(outlets=(UNKNOWN_OUTLET, first_outlet))]


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values as Python objects, missing as None (DuckDB and pandas spell missing differently)."""
    out = df.astype(object)
    return out.where(out.notna(), None)


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.sort_values(keys).reset_index(drop=True)


def test_scaled_matches_the_pandas_views(both):
    t, store = both
    for f in _filters(t):
        sel = views.select(t, f)
        qf = ui.to_query_filters(f)
        kinds = {k: views.ALL_VIEWS[k](t, sel) for k in scaled.KINDS}
        arts = views.articles_view(t, sel)
        got = scaled.counts(store, qf)
        assert got["articles"] == len(arts), f
        assert got["outlets"] == arts["source"].nunique(), f
        assert {k: got[k] for k in scaled.KINDS} == {k: len(v) for k, v in kinds.items()}, f

        want = views.rows_per_source(kinds)
        have = scaled.rows_per_source(store, qf)
        pd.testing.assert_frame_equal(_sorted(have, ["kind", "source"]), _sorted(want, ["kind", "source"]),
                                      check_dtype=False)

        want = views.topic_by_source(t, views.sentences_view(t, sel))
        have = scaled.topic_by_source(store, qf)
        pd.testing.assert_frame_equal(_sorted(have, ["topic", "source"]), _sorted(want, ["topic", "source"]),
                                      check_dtype=False)

        page = scaled.articles_page(store, qf, limit=1000)
        want = views.with_row_counts(arts, kinds)
        assert list(page.columns) == list(want.columns)
        pd.testing.assert_frame_equal(_plain(page), _plain(want))


def test_dates_per_month_counts_what_the_timeline_counts(both):
    t, store = both
    dates = views.dates_view(t, views.select(t, Filters()))
    per = scaled.dates_per_month(store, query.Filters())
    assert per["dates"].sum() == dates["date"].notna().sum() > 0
    assert charts.timeline_months(per, {}) is not None
    assert charts.timeline_months(per.iloc[0:0], {}) is None


def _overview(monkeypatch, seeds, *, large: bool, **state) -> AppTest:
    _pin(monkeypatch, seeds)
    if large:
        monkeypatch.setattr(query, "LARGE_ROWS", 0)

        def no_whole_tables(*args):
            raise AssertionError("the large overview loaded whole tables")
        monkeypatch.setattr(ui, "load_tables", no_whole_tables)
    at = AppTest.from_string("from newslens_app.ui import run_app\nrun_app(default='overview')", default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


@pytest.mark.parametrize("state", [{}, {"f_search": "said"}, {"f_undated": False}])
def test_overview_in_large_mode_shows_what_pandas_mode_shows(monkeypatch, seeds, state):
    small = _overview(monkeypatch, seeds, large=False, **state)
    big = _overview(monkeypatch, seeds, large=True, **state)
    assert not small.exception and not big.exception
    assert [m.value for m in big.metric] == [m.value for m in small.metric]
    for key in ("f_outlets", "f_docs", "f_topics", "f_speakers", "f_categories"):
        assert big.multiselect(key=key).options == small.multiselect(key=key).options, key
    shown = next(df for df in big.dataframe if df.key == "ov_articles").value
    assert len(shown) == int(small.metric[0].value.replace(",", ""))
    assert {c.key for c in big.get("plotly_chart")} == {c.key for c in small.get("plotly_chart")}


def test_date_bounds_translate_to_iso_strings():
    f = ui.to_query_filters(Filters(outlets=(UNKNOWN_OUTLET, "A"), date_from=date(2024, 1, 2), include_undated=False))
    assert f.outlets == (None, "A") and f.date_from == "2024-01-02" and f.date_to is None
    assert not f.include_undated
    assert ui.to_query_filters(Filters(include_undated=False)).date_from == "0"
    assert ui.to_query_filters(Filters()).date_from is None
