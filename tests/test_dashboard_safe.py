"""Text from articles shown through Markdown or Plotly labels stays text."""
from __future__ import annotations

import pytest

from newslens_app.safe import label, md


@pytest.mark.parametrize("text, expected", [
    ("The Korea Times", "The Korea Times"),
    ("**bold**", r"\*\*bold\*\*"),
    ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
    ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
    ("$x^2$ and :red[alarm]", r"\$x\^2\$ and \:red\[alarm\]"),
    ("# heading\nnext line", r"\# heading next line"),
    ("Kim Min-ji", r"Kim Min\-ji"),
])
def test_markdown_escape(text, expected):
    assert md(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Korea Times", "The Korea Times"),
    ('<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'),
    ("AT&T", "AT&amp;T"),
])
def test_plotly_label_escape(text, expected):
    assert label(text) == expected
