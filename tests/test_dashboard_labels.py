"""Readable labels for figure units and measures: one clean label per measure, never a raw unit id
("caliber_mm") or a unit nested in another ("shell caliber (calibre (mm))")."""
from __future__ import annotations

import json

import pytest

from newslens_app.labels import measure_label, unit_label
from test_dashboard_pages import app, env, data_dir, table_rows  # noqa: F401 - fixtures


@pytest.mark.parametrize("unit, expected", [
    ("caliber_mm", "mm (calibre)"),
    ("percent", "percent"),
    ("count", "count"),
    ("ordinal", "rank / ordinal"),
    ("new_unit_id", "new unit id"),   # an id the dashboard does not know yet still reads as words
    ("", ""),
    (None, ""),
])
def test_unit_label(unit, expected):
    assert unit_label(unit) == expected


@pytest.mark.parametrize("measure, unit, expected", [
    ("shell caliber", "caliber_mm", "shell caliber (mm)"),
    ("troops", "count", "troops"),             # a count adds nothing to what is counted
    ("years", "duration", "years"),
    ("cost share", "percent", "cost share (%)"),
    ("barrel length mm", "caliber_mm", "barrel length mm"),   # the measure already names its unit
    ("aid", "money", "aid (money)"),
    ("widgets", "new_unit", "widgets (new unit)"),
    ("", "caliber_mm", "mm (calibre)"),
    ("troops", None, "troops"),
])
def test_measure_label(measure, unit, expected):
    assert measure_label(measure, unit) == expected


def test_figures_page_shows_no_raw_unit_ids(env):
    at = app(page="pages/figures.py")
    assert not at.exception
    units = set(table_rows(at, "f_table")["unit"])
    assert units and not any("_" in u for u in units), units
    compare = at.dataframe[0].value
    labels = list(compare["label"])
    assert labels and all(label.count("(") <= 1 and "_" not in label for label in labels), labels
    chart_titles = [a["text"] for c in at.get("plotly_chart")
                    for a in json.loads(c.proto.spec)["layout"].get("annotations", [])]
    assert chart_titles and not any("calibre (mm)" in t or t.count("(") > 1 for t in chart_titles), chart_titles
