"""Chart builders: empty input gives None, labels and hovers are escaped, big inputs aggregate."""
from __future__ import annotations

import pandas as pd
import pytest

from newslens_app import charts


@pytest.mark.parametrize("text, expected", [
    ("short sentence.", "short sentence."),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("word " * 20, "word " * 13 + "word<br>" + "word " * 5 + "word"),
    (None, ""),
])
def test_hover_text_is_escaped_and_wrapped(text, expected):
    assert charts.hover_text(text) == expected.strip()


def test_hover_text_is_cut_after_eight_lines():
    out = charts.hover_text("word " * 500)
    assert out.count("<br>") == 8 and out.endswith("…")


@pytest.mark.parametrize("build", [
    lambda empty: charts.count_bars(empty, y="speaker", color="source", colours={}),
    lambda empty: charts.heat(empty, rows="speaker", cols="source", value_label="n"),
    lambda empty: charts.quotes_per_speaker(empty, {}),
    lambda empty: charts.speakers_per_source(empty, {}),
])
def test_empty_input_draws_nothing(build):
    assert build(pd.DataFrame(columns=["speaker", "source", "kind"])) is None


def _dates(n: int) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", periods=n, freq="h")
    return pd.DataFrame({"date": days, "source": ["A", "<b>B</b>"] * (n // 2), "as_written": "x", "iso": "2024",
                         "sentence": "s"})


def test_timeline_draws_points_then_monthly_counts_when_large():
    small = charts.timeline(_dates(10), {"A": "#000"})
    assert small.data[0].type == "box" or small.data[0].mode == "markers"
    big = charts.timeline(_dates(charts.MAX_POINTS + 2), {"A": "#000"})
    assert {t.type for t in big.data} == {"bar"}
    assert "&lt;b&gt;B&lt;/b&gt;" in {t.name for t in big.data}


def test_measure_points_draw_one_panel_per_measure():
    points = pd.DataFrame({"measure": ["troops", "troops", "drones", "drones"], "unit": ["count"] * 4,
                           "value": [10000.0, 10900.0, 40.0, 500.0], "source": ["A", "B", "A", "B"],
                           "as_written": ["10,000", "10,900", "40", "500"], "sentence": ["s"] * 4})
    fig = charts.measure_points(points, {"A": "#111", "B": "#222"})
    # a count adds nothing to what is counted: the panel title is the measure alone
    assert [a.text for a in fig.layout.annotations] == ["<b>drones</b>", "<b>troops</b>"]
    assert fig.layout.xaxis2.range[0] < 10000 < 10900 < fig.layout.xaxis2.range[1]


@pytest.mark.parametrize("dates, opens_from", [
    # one 1990 date beside 2022-2024: open on 2022-2024 (padded), keep 1990 in the data
    (["1990-01-01", "2022-02-01", "2023-09-13", "2024-10-29", "2024-11-07", "2024-11-21"], "2021-06-01"),
    (["2015-01-01", "2020-06-01", "2024-11-21"], None),                         # all within ten years
    (["1990-01-01", "1995-01-01", "2000-01-01", "2024-01-01", "2024-06-01"], None),   # old dates are many
])
def test_timeline_opens_on_the_recent_dates_when_a_few_are_much_older(dates, opens_from):
    df = pd.DataFrame({"date": pd.to_datetime(dates), "source": "A", "as_written": "x", "iso": "x",
                       "sentence": "s"})
    fig = charts.timeline(df, {"A": "#000"})
    shown = fig.layout.xaxis.range
    if opens_from is None:
        assert shown is None
    else:
        assert pd.Timestamp(opens_from) < pd.Timestamp(shown[0]) < pd.Timestamp("2022-02-01")
        assert pd.Timestamp(shown[1]) > pd.Timestamp("2024-11-21")
    assert sum(len(t.x) for t in fig.data) == len(dates)          # no date is dropped, only framed
