"""The Overview's articles table order: newest first, undated last, ties by title."""
from __future__ import annotations

import pandas as pd
import pytest

from newslens_app.overview import newest_first


@pytest.mark.parametrize("rows, expected", [
    ([("old", "2024-11-20"), ("new", "2024-11-27")], ["new", "old"]),
    ([("undated", None), ("dated", "2023-01-01")], ["dated", "undated"]),                  # undated last
    ([("beta", "2024-11-20"), ("Alpha", "2024-11-20")], ["Alpha", "beta"]),                # ties by title, any case
    ([("garbled", "not a date"), ("dated", "2024-01-01")], ["dated", "garbled"]),          # unreadable = undated
    ([("with time", "2024-11-27T01:00:00+09:00"), ("day", "2024-11-26")], ["with time", "day"]),
])
def test_articles_are_listed_newest_first(rows, expected):
    arts = pd.DataFrame(rows, columns=["title", "published"])
    assert newest_first(arts)["title"].tolist() == expected
