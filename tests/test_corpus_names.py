"""Publication dates read from file names when neither the container nor the text gives one."""
from __future__ import annotations

import pytest

from newslens.corpus import RawDocument, date_in_name, make_article


@pytest.mark.parametrize("path, expected", [
    ("polnear/breitbart_2015-11-11_the-ninth-circle.txt", "2015-11-11"),
    ("2024-03-02 report.md", "2024-03-02"),
    ("2024-02-29_leap.txt", "2024-02-29"),
    ("2023-02-29_not-a-leap-year.txt", None),
    ("notes_2015-13-45.txt", None),                 # no such month or day
    ("id-20151111.txt", None),                      # compact digits: as often an id
    ("from_2015-11-11_to_2015-11-12.txt", None),    # two dates: which one is unknowable
    ("2015-11-11/story.txt", None),                 # folders are not read
    ("case-1-2015-11-11-7.txt", None),              # part of a longer dash-separated code
    ("story.txt", None),
])
def test_date_in_name(path, expected):
    assert date_in_name(path) == expected


def test_text_dateline_wins_over_the_file_name_and_the_name_fills_a_gap():
    dated = make_article(RawDocument("a", "x/cnn_2015-11-11_a.txt",
                                     "Title here\n\nPublished: 3 March 2016\n\nSeoul said on Monday it would."))
    assert dated.published == "2016-03-03"
    undated = make_article(RawDocument("b", "x/cnn_2015-11-11_b.txt", "Title here\n\nSeoul said on Monday it would."))
    assert undated.published == "2015-11-11"
    given = make_article(RawDocument("c", "x/cnn_2015-11-11_c.txt", "Title\n\nBody text.", published="2014-01-02"))
    assert given.published == "2014-01-02"
