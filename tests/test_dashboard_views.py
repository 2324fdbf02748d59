"""The dashboard's filtered views: which rows each filter keeps, the filter sentence, the
measure comparison, and the CSV the analyst downloads."""
from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from _dashboard_data import write_tables
from test_dashboard_pages import data_dir, env  # noqa: F401 - fixtures
from newslens.export import safe_csv_bytes
from newslens_app import views
from newslens_app.views import Filters

TABLES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = write_tables(tmp_path_factory.mktemp("made-up"))
    raw = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    return views.prepare(raw)


def ids(df: pd.DataFrame, column: str) -> set[str]:
    return set(df[column])


@pytest.mark.parametrize("filters, view, id_column, expected", [
    (Filters(), "quotes", "quote_id", {"alpha1:q0", "beta1:q0", "gamma1:q0", "hostile:q0"}),
    (Filters(outlets=("Alpha Times",)), "quotes", "quote_id", {"alpha1:q0"}),
    (Filters(outlets=("Unknown outlet",)), "figures", "figure_id", {"gamma1:f0"}),
    (Filters(docs=("beta1",)), "dates", "date_id", {"beta1:d0", "beta1:d1"}),
    (Filters(topics=("drones",)), "figures", "figure_id", {"alpha1:f1", "gamma1:f0", "hostile:f0"}),
    (Filters(topics=("drones",)), "quotes", "quote_id", set()),
    (Filters(speakers=("Kim Min-ji",)), "quotes", "quote_id", {"alpha1:q0", "gamma1:q0"}),
    # other tables keep rows in the sentences quoting the speaker
    (Filters(speakers=("Kim Min-ji",)), "weapons", "mention_id", {"alpha1:w0"}),
    (Filters(categories=("missile",)), "weapons", "mention_id", {"alpha1:w0"}),
    (Filters(categories=("missile",)), "quotes", "quote_id", {"alpha1:q0"}),
    (Filters(categories=("drone",), topics=("north_korean_troops",)), "weapons", "mention_id", set()),
    (Filters(search="patriot"), "quotes", "quote_id", {"beta1:q0"}),
    (Filters(search="TROOPS"), "figures", "figure_id", {"alpha1:f0", "beta1:f0"}),
    (Filters(search="no such words anywhere"), "weapons", "mention_id", set()),
    (Filters(date_from=date(2024, 11, 26)), "figures", "figure_id", {"beta1:f0", "gamma1:f0"}),
    (Filters(date_from=date(2024, 11, 25), include_undated=False), "figures", "figure_id",
     {"beta1:f0", "hostile:f0"}),
    (Filters(date_to=date(2024, 11, 21), include_undated=False), "quotes", "quote_id", {"alpha1:q0"}),
])
def test_filter_keeps_exactly_these_rows(tables, filters, view, id_column, expected):
    got = views.ALL_VIEWS[view](tables, views.select(tables, filters))
    assert ids(got, id_column) == expected


def test_articles_view_keeps_articles_with_a_matching_sentence(tables):
    got = views.articles_view(tables, views.select(tables, Filters(speakers=("Rustem Umerov",))))
    assert list(got["doc_id"]) == ["beta1"]


def test_views_carry_the_columns_an_analyst_cites(tables):
    quotes = views.quotes_view(tables, views.select(tables, Filters()))
    row = quotes[quotes["quote_id"] == "alpha1:q0"].iloc[0]
    assert row["article"] == "Seoul weighs arms for Kyiv"
    assert row["source"] == "Alpha Times"
    assert row["sentence"] == "\"We will not send ATACMS,\" said Kim Min-ji."
    figures = views.figures_view(tables, views.select(tables, Filters()))
    # no title: the article reads as its first words, and its doc_id stays beside it for citing
    untitled = figures.loc[figures["figure_id"] == "gamma1:f0"].iloc[0]
    assert untitled["article"] == "Drones over the border (no title)" and untitled["doc_id"] == "gamma1"


@pytest.mark.parametrize("opening, source, published, expected", [
    ("Ukraine's Defense Minister Rustem Umerov is set to visit Seoul this week.", "Unknown outlet", None,
     "Ukraine's Defense Minister Rustem Umerov is set to … (no title)"),
    ("  Drones   over\nthe border ", "Alpha Times", "2024-11-20", "Drones over the border (no title)"),
    (None, "Alpha Times", "2024-11-20", "Untitled article (Alpha Times, 2024-11-20)"),
    ("", "Unknown outlet", None, "Untitled article (Unknown outlet, undated)"),
    ("   ", "", "", "Untitled article (Unknown outlet, undated)"),
])
def test_untitled_label(opening, source, published, expected):
    assert views.untitled_label(opening, source=source, published=published) == expected


def test_prepare_articles_names_untitled_articles_by_their_opening_not_their_file_id():
    arts = pd.DataFrame({"doc_id": ["a1", "b2", "c3", "d4"], "outlet": ["X", None, "Y", "Z"],
                         "title": ["Real title", None, "  ", "Kept"], "published": [None, "2024-01-02", None, None]})
    sents = pd.DataFrame({"doc_id": ["b2", "b2", "b2", "a1"], "sent_id": [2, 0, 1, 0],
                          "text": ["third", "Menu Home", "Body starts here", "x"], "chrome": [False, True, False, False]})
    got = views.prepare_articles(arts, openings=views.openings(sents, ["b2", "c3"]))
    assert list(got["title"]) == ["Real title", "Body starts here (no title)", "Untitled article (Y, undated)", "Kept"]
    assert list(got["doc_id"]) == ["a1", "b2", "c3", "d4"]


@pytest.mark.parametrize("filters, expected", [
    (Filters(), ""),
    (Filters(outlets=("The Korea Times",), topics=("zz_made_up_topic",)),
     "where outlet is The Korea Times and topic is zz made up topic"),
    (Filters(outlets=("A", "B")), "where outlet is A or B"),
    (Filters(speakers=("Kim Min-ji",), search=" ATACMS "), 'where speaker is Kim Min-ji and text contains "ATACMS"'),
    (Filters(categories=("air_defense",)), "where weapon category is air defence"),
    (Filters(date_from=date(2024, 11, 1), date_to=date(2024, 11, 30)), "where published 01 Nov 2024 to 30 Nov 2024"),
])
def test_filters_describe_themselves_in_a_sentence(filters, expected):
    assert filters.describe() == expected


@pytest.mark.parametrize("filters, expected", [
    (Filters(), "all"),
    (Filters(outlets=("The Korea Times",)), "outlet-the-korea-times"),
    (Filters(search="../../etc/passwd"), "text-etc-passwd"),
])
def test_filter_slug_is_a_safe_file_name(filters, expected):
    assert filters.slug() == expected


def test_filter_slug_is_bounded():
    assert len(Filters(search="word " * 100).slug()) <= 80


def test_measure_comparison_flags_outlets_that_disagree(tables):
    figures = views.figures_view(tables, views.select(tables, Filters()))
    summary, points = views.measure_comparison(figures)
    troops = summary.set_index("measure").loc["troops"]
    assert troops["disagree"]
    assert "10,000 vs 10,900" in troops["verdict"]
    assert "Alpha Times: 10,000" in troops["values"] and "Beta Post: 10,900" in troops["values"]
    assert set(points["measure"]) == set(summary["measure"])
    assert "155" not in set(summary["measure"])  # a measure from one outlet only is not compared


def test_measure_comparison_agrees_within_tolerance():
    frame = pd.DataFrame({"counts": ["troops", "Troops "], "unit": ["count", "count"], "value": [1000.0, 1000.0],
                          "source": ["A", "B"], "sentence": ["s1", "s2"]})
    summary, _ = views.measure_comparison(frame)
    assert list(summary["disagree"]) == [False]
    assert summary["verdict"].iloc[0].startswith("✓")


def test_measure_comparison_of_nothing_is_empty(tables):
    empty = views.figures_view(tables, views.select(tables, Filters(search="nothing like this")))
    summary, points = views.measure_comparison(empty)
    assert summary.empty and points.empty


def test_rows_per_source_counts_every_kind(tables):
    sel = views.select(tables, Filters())
    counts = views.rows_per_source({k: views.ALL_VIEWS[k](tables, sel) for k in ("quotes", "figures", "weapons", "dates")})
    by = counts.set_index(["source", "kind"])["rows"]
    assert by[("Alpha Times", "weapons")] == 3
    assert by[("Beta Post", "dates")] == 2


def test_topic_by_source_counts_sentences(tables):
    sel = views.select(tables, Filters())
    counts = views.topic_by_source(tables, views.sentences_view(tables, sel))
    by = counts.set_index(["topic", "source"])["sentences"]
    assert by[("north korean troops", "Alpha Times")] == 1
    assert by[("drones", "Beta Post")] == 1


@pytest.mark.parametrize("iso, expected", [
    ("2024-11-07", (pd.Timestamp("2024-11-07"), "day")),
    ("2022-02", (pd.Timestamp("2022-02-01"), "month")),
    ("1990", (pd.Timestamp("1990-01-01"), "year")),
    ("--01-29", (None, "no year")),
    ("2024-13-40", (None, "unreadable")),
    (None, (None, "no year")),
])
def test_iso_to_timestamp_keeps_the_precision(iso, expected):
    assert views.iso_to_timestamp(iso) == expected


def test_downloaded_csv_neutralises_formulas_and_keeps_numbers(tables):
    quotes = views.quotes_view(tables, views.select(tables, Filters(docs=("hostile",))))
    rows = list(csv.DictReader(io.StringIO(safe_csv_bytes(quotes).decode("utf-8-sig"))))
    assert rows[0]["quote"] == "'=HYPERLINK(1)"
    assert rows[0]["speaker"] == "'-Mallory"
    assert rows[0]["start"] == "98"  # numbers stay numbers
    figures = views.figures_view(tables, views.select(tables, Filters()))
    values = {r["figure_id"]: r["value"] for r in csv.DictReader(io.StringIO(safe_csv_bytes(figures).decode("utf-8-sig")))}
    assert values["alpha1:f0"] == "10000.0"


def test_same_sentences_pairs_weapons_with_quotes(tables):
    sel = views.select(tables, Filters())
    pairs = views.same_sentences(views.weapons_view(tables, sel), {"quotes": views.quotes_view(tables, sel)})
    assert ids(pairs["quotes"], "quote_id") == {"alpha1:q0", "beta1:q0"}
    assert set(pairs["quotes"]["weapons"]) == {"ATACMS", "Patriot"}


def test_articles_carry_their_row_counts_under_the_filters(tables):
    sel = views.select(tables, Filters(categories=("drone",)))
    kinds = {k: views.ALL_VIEWS[k](tables, sel) for k in ("quotes", "weapons")}
    got = views.with_row_counts(views.articles_view(tables, sel), kinds).set_index("doc_id")
    assert got.loc["gamma1", "weapons"] == 2 and got.loc["gamma1", "quotes"] == 0
    assert got.loc["alpha1", "weapons"] == 1


def test_article_picker_never_shows_a_file_id(env, monkeypatch):
    """The seeds hold an untitled article (000_...): the sidebar picker shows its first words."""
    import re

    from newslens_app import ui
    from test_dashboard_pages import app
    # every article listed (another test's app script lowers this module global for good)
    monkeypatch.setattr(ui, "MAX_ARTICLE_OPTIONS", 2000)
    at = app(page="pages/overview.py")
    options = at.multiselect(key="f_docs").options
    assert options and not any(re.fullmatch(r"\d{3}_[0-9a-f]{16}", o) for o in options), options
    assert any(o.endswith("(no title)") for o in options), options


def test_reader_names_the_article_id_beside_its_readable_title(env, monkeypatch):
    from newslens_app import ui
    from test_dashboard_pages import app, texts
    monkeypatch.setattr(ui, "MAX_ARTICLE_OPTIONS", 2000)
    at = app(page="pages/reader.py")
    doc = at.session_state["reader_doc"]
    assert not at.exception and doc and f"id {doc}".replace("_", "\\_") in texts(at)
