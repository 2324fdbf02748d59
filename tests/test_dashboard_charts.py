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
    assert [a.text for a in fig.layout.annotations] == ["<b>drones (count)</b>", "<b>troops (count)</b>"]
    assert fig.layout.xaxis2.range[0] < 10000 < 10900 < fig.layout.xaxis2.range[1]
