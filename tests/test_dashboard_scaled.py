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

from _dashboard_data import pin_data_dir as _pin
from newslens import query
from newslens_app import charts, corpora, overview, scaled, ui, views
from newslens_app.theme import UNKNOWN_OUTLET
from newslens_app.views import Filters


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scaled-data")
    with pytest.MonkeyPatch.context() as mp:
        _pin(mp, folder)
        corpora.build_corpus(corpora.get_corpus(None))
    return folder


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

        # same rows in the same order as the pandas overview: newest first, undated last
        page = scaled.articles_page(store, qf, limit=1000, articles=t["articles"])
        want = overview.newest_first(views.with_row_counts(arts, kinds))
        assert list(page.columns) == list(want.columns)
        pd.testing.assert_frame_equal(_plain(page), _plain(want))
        # without the prepared table (it lends untitled articles their readable titles, which
        # break ties among undated ones) the dated articles still come first, newest first,
        # and no title is a file id
        bare = scaled.articles_page(store, qf, limit=1000)
        dated = want["published"].notna().sum()
        assert list(bare["doc_id"].head(dated)) == list(want["doc_id"].head(dated))
        assert not set(bare["title"]) & set(bare["doc_id"]), "an untitled article is named by its file id"


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
    # the articles are listed in the same order (newest first, undated last) on both paths
    assert list(shown["doc_id"]) == list(next(df for df in small.dataframe if df.key == "ov_articles").value["doc_id"])
    assert {c.key for c in big.get("plotly_chart")} == {c.key for c in small.get("plotly_chart")}


def test_date_bounds_translate_to_iso_strings():
    f = ui.to_query_filters(Filters(outlets=(UNKNOWN_OUTLET, "A"), date_from=date(2024, 1, 2), include_undated=False))
    assert f.outlets == (None, "A") and f.date_from == "2024-01-02" and f.date_to is None
    assert not f.include_undated
    assert ui.to_query_filters(Filters(include_undated=False)).date_from == "0"
    assert ui.to_query_filters(Filters()).date_from is None


# ---------------------------------------------------------------- the other pages' large mode

def _more_filters(t) -> list[Filters]:
    """`_filters` plus the two that only the weapons and quotes pages read on the row itself."""
    category = sorted(t["weapons"]["category"].dropna().unique())[0]
    return _filters(t) + [Filters(categories=(category,)), Filters(categories=(category,), search="the")]


@pytest.mark.parametrize("kind", ["quotes", "figures", "weapons", "dates"])
def test_view_pages_and_chunks_are_the_pandas_view(both, kind):
    t, store = both
    for f in _more_filters(t):
        want = views.ALL_VIEWS[kind](t, views.select(t, f))
        qf = ui.to_query_filters(f)
        assert store.count(kind, qf) == len(want), f
        whole = scaled.view_page(store, t["articles"], kind, qf, limit=10**6)
        pd.testing.assert_frame_equal(_plain(whole), _plain(want))
        page = scaled.view_page(store, t["articles"], kind, qf, offset=2, limit=3)
        pd.testing.assert_frame_equal(_plain(page), _plain(want.iloc[2:5].reset_index(drop=True)))
        chunks = list(scaled.view_chunks(store, t["articles"], kind, qf, chunk=4))
        assert sum(len(c) for c in chunks) == len(want)
        if len(want):
            pd.testing.assert_frame_equal(_plain(pd.concat(chunks, ignore_index=True)), _plain(want))


def test_chunked_csv_is_the_csv_of_the_whole_view(both):
    from newslens.export import safe_csv_bytes
    t, store = both
    want = views.quotes_view(t, views.select(t, Filters()))
    assert len(want) > 5
    got = scaled.csv_bytes(scaled.view_chunks(store, t["articles"], "quotes", query.Filters(), chunk=3))
    assert got == safe_csv_bytes(want)
    empty = scaled.view_csv(store, t["articles"], "quotes", query.Filters.make(outlets=["no such outlet"]))
    assert empty == safe_csv_bytes(want.iloc[0:0])


def test_chart_group_counts_match_the_pandas_rows(both):
    t, store = both
    for f in _more_filters(t):
        sel = views.select(t, f)
        qf = ui.to_query_filters(f)
        q, fi, w = views.quotes_view(t, sel), views.figures_view(t, sel), views.weapons_view(t, sel)

        def sizes(df, keys):     # missing keys spelled alike on both sides (NaN != NaN in a dict)
            return df.astype({k: object for k in keys}).fillna({k: "<na>" for k in keys}).groupby(keys).size().to_dict()

        def sums(df, keys):
            df = df.astype({k: object for k in keys}).fillna({k: "<na>" for k in keys})
            return {k: v for k, v in df.groupby(keys)["n"].sum().to_dict().items() if v}

        assert sums(scaled.speaker_counts(store, qf), ["speaker", "source"]) == sizes(q, ["speaker", "source"]), f
        assert sums(scaled.kind_counts(store, qf), ["kind", "source"]) == sizes(q, ["kind", "source"]), f
        counted = fi.fillna({"counts": "(not stated)"})
        assert sums(scaled.counted_by_source(store, qf), ["counts", "source"]) == sizes(counted, ["counts", "source"])
        for keys in (["canonical", "category"], ["outlet", "category"], ["canonical", "outlet"]):
            shown = ["source" if k == "outlet" else k for k in keys]
            assert sums(scaled.weapon_counts(store, keys, qf), shown) == sizes(w, shown), (f, keys)
        assert sums(scaled.weapon_topics(store, qf), ["topic", "category"]) == \
            sizes(views.explode_topics(w), ["topic", "category"]), f


def test_measure_comparison_in_sql_is_the_pandas_comparison(both):
    t, store = both
    figures = views.figures_view(t, views.select(t, Filters()))
    # a second outlet reporting the first measure with another value makes one disagreement
    for f in [Filters()] + _filters(t)[1:3]:
        want, want_points = views.measure_comparison(views.figures_view(t, views.select(t, f)))
        have, points, behind = scaled.measure_comparison(store, ui.to_query_filters(f))
        pd.testing.assert_frame_equal(_plain(have), _plain(want))
        assert behind == len(want_points)
        if len(want_points):
            dots = want_points.groupby(["measure", "unit", "source", "value"]).size()
            assert points.set_index(["measure", "unit", "source", "value"])["n"].to_dict() == dots.to_dict()
            assert points["sentence"].notna().all()
    assert len(figures)


def test_weapon_neighbours_are_the_pandas_same_sentences(both):
    t, store = both
    for f in _more_filters(t):
        sel = views.select(t, f)
        same = views.same_sentences(views.weapons_view(t, sel),
                                    {"quotes": views.quotes_view(t, sel), "figures": views.figures_view(t, sel)})
        qf = ui.to_query_filters(f)
        for kind in ("quotes", "figures"):
            near = scaled.near_weapons(qf)
            assert store.count(kind, near) == len(same[kind]), (f, kind)
            rows = scaled.with_weapon_names(store, qf, scaled.view_page(store, t["articles"], kind, near, limit=10**6))
            pd.testing.assert_frame_equal(_plain(rows), _plain(same[kind]))


def test_one_article_tables_give_the_reader_the_same_rows(both):
    from newslens_app import highlight
    t, store = both
    doc = t["quotes"]["doc_id"].iloc[0]
    one = scaled.article_tables(store, doc)
    for f in _filters(t)[:4]:
        for only in (False, True):
            want = highlight.marks_for(t, views.select(t, f), doc, kinds=list(scaled.KINDS), only_filtered=only)
            have = highlight.marks_for(one, views.select(one, f), doc, kinds=list(scaled.KINDS), only_filtered=only)
            assert have[0] == want[0], (f, only)
            pd.testing.assert_frame_equal(_plain(have[1]), _plain(want[1]))


def _page(monkeypatch, seeds, page: str, *, large: bool, **state) -> AppTest:
    _pin(monkeypatch, seeds)
    # charts and derived frames are cached per data version and filters, not per mode: start
    # empty so each mode draws its own
    ui._figure.clear()
    ui._derived.clear()
    if large:
        monkeypatch.setattr(query, "LARGE_ROWS", 0)
        monkeypatch.setattr(scaled, "PAGE_ROWS", 3)         # several pages even on the seeds
        monkeypatch.setattr(scaled, "NEAR_PAGE_ROWS", 3)

        def no_whole_tables(*args):
            raise AssertionError("a large page loaded whole tables")
        monkeypatch.setattr(ui, "load_tables", no_whole_tables)
    at = AppTest.from_string(f"from newslens_app.ui import run_app\nrun_app(default={page!r})", default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


TABLE_KEYS = {"quotes": ["q_table"], "figures": ["f_table"], "weapons": ["w_table", "w_quotes", "w_figures"],
              "reader": ["reader_rows"]}


@pytest.mark.parametrize("page", ["quotes", "figures", "weapons", "reader"])
@pytest.mark.parametrize("state", [{}, {"f_search": "said"}])
def test_pages_in_large_mode_show_what_pandas_mode_shows(monkeypatch, seeds, page, state):
    small = _page(monkeypatch, seeds, page, large=False, **state)
    big = _page(monkeypatch, seeds, page, large=True, **state)
    assert not small.exception and not big.exception, big.exception
    assert [m.value for m in big.markdown] == [m.value for m in small.markdown]   # the "N rows where ..." lines
    assert {c.key for c in big.get("plotly_chart")} == {c.key for c in small.get("plotly_chart")}
    for key in TABLE_KEYS[page]:
        have = [df.value for df in big.dataframe if df.key == key]
        want = [df.value for df in small.dataframe if df.key == key]
        assert len(have) == len(want), key
        if have:
            n = len(have[0])
            assert n <= (3 if page != "reader" else len(want[0]))
            pd.testing.assert_frame_equal(_plain(have[0].reset_index(drop=True)),
                                          _plain(want[0].iloc[:n].reset_index(drop=True)), check_dtype=False)
    downloads = {b.key for b in big.get("download_button")}
    assert downloads == {b.key for b in small.get("download_button")}


def test_a_later_page_and_an_oversized_download(monkeypatch, seeds):
    small = _page(monkeypatch, seeds, "quotes", large=False)     # first: large mode's patches stay
    want = next(df.value for df in small.dataframe if df.key == "q_table").iloc[3:6].reset_index(drop=True)
    assert len(want) == 3
    first = _page(monkeypatch, seeds, "quotes", large=True)
    assert first.number_input(key="q_page").value == 1
    second = first.number_input(key="q_page").set_value(2).run()
    have = next(df.value for df in second.dataframe if df.key == "q_table")
    pd.testing.assert_frame_equal(_plain(have.reset_index(drop=True)), _plain(want), check_dtype=False)
    monkeypatch.setattr(scaled, "MAX_CSV_ROWS", 2)
    capped = _page(monkeypatch, seeds, "quotes", large=True)
    assert "dl_quotes" not in {b.key for b in capped.get("download_button")}
    assert capped.button(key="dl_quotes").disabled
    assert any("more than the 2 one download holds" in c.value for c in capped.caption)


@pytest.mark.parametrize("n", [1, 3, 50])
def test_top_groups_keep_the_largest_totals_and_every_tie(both, n):
    t, store = both
    counts = scaled.speaker_counts(store, query.Filters())
    top = scaled.top_groups(counts, "speaker", n)
    totals = counts.dropna(subset=["speaker"]).groupby("speaker")["n"].sum().sort_values(ascending=False)
    kept = top.groupby("speaker")["n"].sum()
    cut = totals.iloc[min(n, len(totals)) - 1]
    assert set(kept.index) == set(totals[totals >= cut].index)
    assert top["speaker"].notna().all() and (kept == totals[kept.index]).all()


def test_article_record_is_what_the_reader_loads_in_pandas_mode(seeds):
    import pyarrow.parquet as pq
    folder = next(p.parent for p in seeds.rglob("articles.parquet"))
    store = query.Store(folder)
    ids = pq.read_table(folder / "articles.parquet", columns=["doc_id"])["doc_id"].to_pylist()
    for doc in ids:
        want = pq.read_table(folder / "articles.parquet", filters=[("doc_id", "==", doc)]).to_pylist()[0]
        want["chrome"] = [tuple(c) for c in want["chrome"] or []]
        assert scaled.article_record(store, doc) == want
    assert scaled.article_record(store, "no such article") is None


def test_zip_of_views_holds_the_pandas_csvs_and_says_what_it_left_out(both, monkeypatch):
    import io
    import zipfile

    from newslens.export import safe_csv_bytes
    t, store = both
    f = Filters(search="the")
    sel = views.select(t, f)
    want = {name: views.ALL_VIEWS[name](t, sel) for name in views.ALL_VIEWS}
    monkeypatch.setattr(scaled, "MAX_CSV_ROWS", len(want["figures"]) - 1)   # figures: one row too many
    data = scaled.zip_of_views(store, t["articles"], ui.to_query_filters(f), names=views.ALL_VIEWS,
                               csv_name=lambda name: f"{name}.csv", readme="extract")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        files = set(zf.namelist())
        readme = zf.read("README.txt").decode()
        for name in ("articles", "quotes", "weapons", "dates"):
            if len(want[name]) <= scaled.MAX_CSV_ROWS:
                assert zf.read(f"{name}.csv") == safe_csv_bytes(want[name]), name
    assert "figures.csv" not in files and f"figures: {len(want['figures']):,} rows match" in readme
    assert {"sentences.csv", "entities.csv"}.isdisjoint(files) and "sentences: not exported" in readme
    assert readme.startswith("extract\n") and "articles.csv" in files


def test_aggregates_are_kept_per_store_and_go_with_it(seeds):
    import gc
    import weakref
    folder = next(p.parent for p in seeds.rglob("articles.parquet"))
    store = query.Store(folder)
    first = scaled.counts(store, query.Filters())
    assert scaled.counts(store, query.Filters()) == first and store._scaled_memo     # answered from the memo
    gone = weakref.ref(store)
    del store
    gc.collect()
    assert gone() is None          # no module-level cache keeps an old store (and its index) alive


@pytest.mark.parametrize("by", [["canonical", "category"], ["outlet", "category"], ["canonical", "outlet"],
                                ["category"], ["outlet"], ["canonical", "category", "outlet"]])
def test_weapon_counts_from_one_grouping_are_the_direct_query(seeds, monkeypatch, by):
    folder = next(p.parent for p in seeds.rglob("articles.parquet"))
    store = query.Store(folder)
    t = views.prepare({n: pd.read_parquet(folder / f"{n}.parquet") for n in views.ALL_VIEWS})
    calls = []
    real = store.count_by
    monkeypatch.setattr(store, "count_by", lambda *a, **k: calls.append(a) or real(*a, **k))
    for f in _more_filters(t):
        qf = ui.to_query_filters(f)
        want = scaled._grouped(query.Store(folder), "weapons", by, qf)
        if "category" in want:
            want["category"] = want["category"].map(scaled.category_label)
        before = len(calls)
        got = scaled.weapon_counts(store, by, qf)
        pd.testing.assert_frame_equal(_plain(got), _plain(want))   # same rows, same order
        scaled.weapon_counts(store, [k for k in scaled.WEAPON_KEYS if k not in by] or by, qf)
        assert len(calls) - before <= 1, f     # one GROUP BY serves every key set of these filters


@pytest.mark.parametrize("cache", [4, 10_000])
def test_sentences_read_once_are_what_the_store_reads(seeds, monkeypatch, cache):
    folder = next(p.parent for p in seeds.rglob("articles.parquet"))
    store = query.Store(folder)
    sents = pd.read_parquet(folder / "sentences.parquet", columns=["doc_id", "sent_id"])
    doc, other = sents["doc_id"].iloc[0], sents["doc_id"].iloc[-1]
    asks = [([doc, doc, other], [0, 1, int(sents["sent_id"].iloc[-1])]),
            ([doc, doc, doc, "no such doc"], [1, -1, None, 0]),       # a repeat, no sentence id, no article
            ([other, doc, doc], [int(sents["sent_id"].iloc[-1]), 0, 2]),
            ([], [])]
    monkeypatch.setattr(scaled, "SENTENCE_CACHE", cache)
    read = []
    real = store.sentence_rows
    monkeypatch.setattr(store, "sentence_rows", lambda d, s, **k: read.append(list(d)) or real(d, s, **k))
    for docs, ids in asks:
        want = real(docs, ids)
        got = scaled._sentence_rows(store, docs, ids)
        pd.testing.assert_frame_equal(_plain(got), _plain(want))
        assert len(store.__dict__.get("_scaled_sentences", {})) <= cache
    if cache > 4:      # the later asks found their sentences kept: only new keys were read
        assert [len(r) for r in read] == [3, 1, 1]
    else:              # a read of more than a quarter of the cache is not kept
        assert [len(r) for r in read] == [3, 2, 3]
