"""Every dashboard page through Streamlit's AppTest: renders without exception on the seeds and on
a hand-made corpus; charts, tables, filters and downloads are there; each sidebar filter changes
the rows shown; empty results and empty tables give a friendly message; article markup stays text.

The seed tables are built once per session into a temporary folder (never the repo's data/).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from _dashboard_data import pin_data_dir as _pin
from _dashboard_data import register_prebuilt, write_tables
from newslens import incremental, query
from newslens_app import charts, corpora, ui

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
PAGES = {"pages/overview.py": "Corpus overview", "pages/quotes.py": "Quotes", "pages/figures.py": "Figures",
         "pages/weapons.py": "Weapons", "pages/reader.py": "Article reader"}


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    """Seeds built once (with their manifest, so the app finds them fresh) + the made-up corpus."""
    folder = tmp_path_factory.mktemp("dashboard-data")
    with pytest.MonkeyPatch.context() as mp:
        _pin(mp, folder)
        corpora.build_corpus(corpora.get_corpus(None))
        register_prebuilt(folder)
    return folder


@pytest.fixture
def env(data_dir, monkeypatch):
    _pin(monkeypatch, data_dir)
    return data_dir


def app(corpus: str | None = None, page: str | None = None, **state) -> AppTest:
    """The dashboard (what dashboard.py runs for each visitor: `run_app()`) opened on `page`.

    The app runs from a string, not from dashboard.py's path: AppTest sees the pages/ folder beside
    dashboard.py, assumes the legacy folder mode, and on every rerun skips the entry script (and
    with it the sidebar). A real `streamlit run` does not; the browser test covers that path."""
    name = Path(page or "overview").stem
    at = AppTest.from_string(f"from newslens_app.ui import run_app\nrun_app(default={name!r})",
                             default_timeout=60)
    if corpus:
        at.session_state["corpus"] = corpus
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def table_rows(at: AppTest, key: str):
    return next(df for df in at.dataframe if df.key == key).value


def test_dashboard_script_opens_on_the_overview(env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Corpus overview"
    assert at.metric[0].value == "5"


@pytest.mark.parametrize("page, title", PAGES.items())
def test_page_renders_on_the_seeds(env, page, title):
    at = app(page=page)
    assert not at.exception
    assert at.title[0].value == title
    assert at.multiselect(key="f_outlets") is not None and at.text_input(key="f_search") is not None


@pytest.mark.parametrize("page, charts, tables, downloads", [
    ("pages/overview.py", 3, ["ov_articles"], 2),
    ("pages/quotes.py", 3, ["q_table"], 1),
    ("pages/figures.py", 2, ["f_compare", "f_table"], 2),
    ("pages/weapons.py", 4, ["w_table", "w_quotes", "w_figures"], 3),
    ("pages/reader.py", 0, ["reader_rows"], 1),
])
def test_page_shows_charts_tables_filters_and_downloads(env, page, charts, tables, downloads):
    at = app("made-up", page)
    assert not at.exception
    assert len(at.get("plotly_chart")) == charts
    assert [df.key for df in at.dataframe if df.key] == [t for t in tables if t != "f_compare"]
    assert len(at.dataframe) == len(tables)
    assert len(at.get("download_button")) == downloads
    for key in ("f_outlets", "f_docs", "f_topics", "f_speakers", "f_categories"):
        assert at.multiselect(key=key).label
    assert at.date_input(key="f_dates").label and at.text_input(key="f_search").label


@pytest.mark.parametrize("page, table, set_filter, column, expected", [
    ("pages/quotes.py", "q_table", lambda at: at.multiselect(key="f_outlets").set_value(["Alpha Times"]),
     "source", {"Alpha Times"}),
    ("pages/quotes.py", "q_table", lambda at: at.multiselect(key="f_speakers").set_value(["Kim Min-ji"]),
     "speaker", {"Kim Min-ji"}),
    ("pages/figures.py", "f_table", lambda at: at.multiselect(key="f_topics").set_value(["drones"]),
     "counts", {"drones", None}),
    ("pages/figures.py", "f_table", lambda at: at.text_input(key="f_search").input("troops"),
     "counts", {"troops"}),
    ("pages/weapons.py", "w_table", lambda at: at.multiselect(key="f_categories").set_value(["missile"]),
     "canonical", {"ATACMS"}),
    ("pages/weapons.py", "w_table", lambda at: at.multiselect(key="f_docs").set_value(["gamma1"]),
     "source", {"Unknown outlet"}),
    ("pages/overview.py", "ov_articles",
     lambda at: at.date_input(key="f_dates").set_value((date(2024, 11, 26), date(2024, 11, 27))),
     "doc_id", {"beta1", "gamma1"}),
    ("pages/overview.py", "ov_articles", lambda at: at.checkbox(key="f_undated").uncheck(),
     "doc_id", {"alpha1", "beta1", "hostile"}),
])
def test_changing_a_filter_changes_the_rows_shown(env, page, table, set_filter, column, expected):
    at = app("made-up", page)
    before = table_rows(at, table)
    set_filter(at)
    at.run()
    assert not at.exception
    after = table_rows(at, table)
    assert 0 < len(after) < len(before)
    assert {None if v == "" else v for v in after[column]} == expected
    assert "where " in texts(at)  # the filter sentence above the table


def test_filter_sentence_names_the_outlet_and_the_csv(env):
    at = app("made-up", "pages/quotes.py")
    at.multiselect(key="f_outlets").set_value(["Alpha Times"]).run()
    assert "**1 quote** where outlet is Alpha Times" in texts(at)
    assert at.query_params.get("outlet") in ("Alpha Times", ["Alpha Times"])


def test_url_query_params_preset_the_filters(env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["corpus"] = "made-up"
    at.query_params["outlet"] = "Beta Post"
    at.query_params["q"] = "troops"
    at.run()
    assert at.multiselect(key="f_outlets").value == ["Beta Post"]
    assert at.text_input(key="f_search").value == "troops"


def test_filters_are_shared_across_pages(env):
    at = app("made-up", "pages/overview.py")
    at.multiselect(key="f_outlets").set_value(["Beta Post"]).run()
    at.switch_page(str(ROOT / "pages" / "weapons.py")).run()
    assert not at.exception
    assert set(table_rows(at, "w_table")["source"]) == {"Beta Post"}


@pytest.mark.parametrize("page", PAGES)
def test_no_matching_rows_gives_a_friendly_message(env, page):
    at = app("made-up", page, f_search="words that appear nowhere at all")
    assert not at.exception
    if page != "pages/reader.py":
        assert any("No " in i.value for i in at.info)


def test_clear_all_removes_every_filter(env):
    at = app("made-up", "pages/quotes.py", f_outlets=["Alpha Times"], f_search="ATACMS")
    at.button(key="f_clear").click().run()
    assert at.multiselect(key="f_outlets").value == [] and at.text_input(key="f_search").value == ""
    assert len(table_rows(at, "q_table")) == 4


def test_reader_escapes_article_markup(env):
    at = app("made-up", "pages/reader.py", reader_doc="hostile")
    assert not at.exception
    article = next(h.value for h in at.html if '<div class="nl-article">' in h.value)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in article
    assert "<script" not in article and "<img" not in article
    assert "nl-quotes" in article and "nl-figures" in article and "nl-weapons" in article


def test_reader_outlines_the_row_it_was_opened_for(env):
    at = app("made-up", "pages/reader.py", reader_doc="beta1", reader_focus=("beta1", 86, 115))
    article = next(h.value for h in at.html if '<div class="nl-article">' in h.value)
    assert 'id="nl-focus"' in article
    assert any("You opened this article from a table row" in i.value for i in at.info)


def test_reader_highlight_choice_and_filtered_rows(env):
    at = app("made-up", "pages/reader.py", reader_doc="alpha1", f_categories=["missile"])
    assert len(table_rows(at, "reader_rows")) == 6           # everything in the article by default
    at.toggle(key="reader_only_filtered").set_value(True).run()
    kinds = list(table_rows(at, "reader_rows")["kind"])
    assert kinds == ["Quote", "Weapon"]                       # only rows passing the filter


def test_first_run_builds_missing_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.setenv("NEWSLENS_CORPUS", str(ROOT / "seeds"))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert (tmp_path / "fresh" / "manifest.json").is_file()
    assert at.metric[0].value == "5"


def test_corpus_with_empty_tables_still_renders_everywhere(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "plain.txt").write_text("Nothing much happened here today.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSLENS_CORPUS", str(inputs))
    for page in PAGES:
        at = app(page=page)
        assert not at.exception, page
        assert at.info or at.html, page


EVIL = "**Evil** [x](javascript:alert(1)) <b>b</b>"


def test_outlet_and_title_markup_from_articles_stays_text(env, tmp_path, monkeypatch):
    folder = tmp_path / "data" / "corpora" / "evil"
    write_tables(folder, outlet_and_title={"hostile": EVIL})
    (folder / "corpus.json").write_text('{"label": "Evil", "inputs": []}', encoding="utf-8")
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "data"))
    at = app("evil", "pages/quotes.py", f_outlets=[EVIL])
    assert not at.exception
    sentence = texts(at)
    assert r"outlet is \*\*Evil\*\* \[x\]\(javascript\:alert\(1\)\) \<b\>b\</b\>" in sentence
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert specs and all("<b>b" not in spec for spec in specs)  # plotly would render <b> (and <a href>)
    assert any("&lt;b&gt;b&lt;" in spec for spec in specs)
    at = app("evil", "pages/reader.py", reader_doc="hostile")
    assert at.subheader[0].value == r"\*\*Evil\*\* \[x\]\(javascript\:alert\(1\)\) \<b\>b\</b\>"


def test_a_shared_reader_link_outlines_its_row(env):
    at = AppTest.from_string("from newslens_app.ui import run_app\nrun_app(default='reader')", default_timeout=60)
    at.session_state["corpus"] = "made-up"
    at.query_params["doc"] = "beta1"
    at.query_params["at"] = "86"
    at.run()
    assert at.selectbox(key="reader_doc").value == "beta1"
    article = next(h.value for h in at.html if '<div class="nl-article">' in h.value)
    assert 'id="nl-focus"' in article


def test_article_pickers_list_a_capped_number_of_articles(env, monkeypatch):
    from newslens_app import ui
    # AppTest runs the script in this process: patch through monkeypatch so the cap is restored
    # for the tests that follow.
    monkeypatch.setattr(ui, "MAX_ARTICLE_OPTIONS", 2)
    at = AppTest.from_string("from newslens_app import ui\nui.run_app(default='reader')",
                             default_timeout=60)
    at.session_state["corpus"] = "made-up"
    at.run()
    assert len(at.multiselect(key="f_docs").options) == 2
    assert len(at.selectbox(key="reader_doc").options) == 2
    at.multiselect(key="f_outlets").set_value(["Beta Post"]).run()
    assert sorted(at.multiselect(key="f_docs").options) == ["<b>Hostile</b> page", "Kyiv asks for air defence"]


def test_damaged_tables_get_a_message_and_a_rebuild_button(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with pytest.MonkeyPatch.context() as mp:
        _pin(mp, data)
        corpora.build_corpus(corpora.get_corpus(None))
    (data / "quotes.parquet").write_bytes(b"not parquet at all")
    _pin(monkeypatch, data)
    at = app()
    assert not at.exception
    assert "cannot be read" in at.error[0].value
    at.button(key="rebuild").click().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Corpus overview"


def test_corpus_selector_lists_registered_corpora(env):
    at = app()
    box = at.selectbox(key="corpus")
    assert box.options == ["Bundled seeds", "Made-up corpus"]
    box.set_value("made-up").run()
    assert not at.exception
    assert at.metric[0].value == "4"


def test_a_users_corpus_built_with_older_extractors_is_shown_with_a_rebuild_button(env, tmp_path, monkeypatch):
    inputs = tmp_path / "mine"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Officials said 40 drones were shot down over Kyiv.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "data"))  # not the session's folder
    made = corpora.register_corpus("mine", [inputs])
    corpora.build_corpus(made)
    monkeypatch.setattr(corpora, "code_fingerprint", lambda: "newer-extractors")
    monkeypatch.setattr(incremental, "extractor_version", lambda: "newer-extractors")  # the build log's check
    at = app("mine")
    assert not at.exception
    assert "older version of the extractors" in at.warning[0].value
    assert at.metric[0].value == "1"
    at.button(key="rebuild_code").click().run()
    assert not at.exception and not at.warning
    assert corpora.status(made).fresh


OVERVIEW_CHARTS = ("rows_per_source", "topic_heatmap", "timeline", "timeline_months")


def _count_builds(monkeypatch) -> list[str]:
    built: list[str] = []
    for name in OVERVIEW_CHARTS:
        def counted(*args, _build=getattr(charts, name), _name=name, **kwargs):
            built.append(_name)
            return _build(*args, **kwargs)
        monkeypatch.setattr(charts, name, counted)
    for cached in (ui._figure, ui._derived, ui._view, ui.load_tables, ui.check_status, ui.load_store,
                   ui.load_articles, ui.load_options, ui._doc_order):
        cached.clear()
    return built


@pytest.mark.parametrize("large, expected", [
    (False, ["rows_per_source", "timeline", "topic_heatmap"]),
    (True, ["rows_per_source", "timeline_months", "topic_heatmap"]),   # the DuckDB overview
])
def test_warm_up_prepares_the_overview_so_the_first_visit_builds_nothing(env, monkeypatch, large, expected):
    built = _count_builds(monkeypatch)
    if large:
        monkeypatch.setattr(query, "LARGE_ROWS", 0)
    ui.warm_up()                       # what dashboard.py's server runs in a thread at start
    assert sorted(built) == expected
    at = app()
    assert not at.exception and len(at.get("plotly_chart")) == 3
    assert sorted(built) == expected   # every figure came from the cache
    for cached in (ui._figure, ui._derived, ui.load_store):   # nothing of the large mode stays cached
        cached.clear()


def test_warm_up_leaves_a_corpus_without_tables_to_the_visitor(tmp_path, monkeypatch):
    built = _count_builds(monkeypatch)
    monkeypatch.setenv("NEWSLENS_DATA_DIR", str(tmp_path / "data"))
    ui.warm_up()                       # no build behind the visitor's back, and no progress bar to show
    assert built == [] and not (tmp_path / "data" / "articles.parquet").exists()
