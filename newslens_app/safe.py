"""Article-derived text (titles, outlets, bylines, speaker names, search words) shown through
Streamlit's Markdown or Plotly's label markup must stay text.

`md` backslash-escapes every ASCII punctuation mark CommonMark lets one escape, which also
disarms Streamlit's extras (`$math$`, `:red[...]` directives, `[links](...)`, raw HTML).
`label` escapes &, < and > for Plotly, whose labels accept a few tags (<b>, <br>, <a href>).
Neither changes what the reader sees; neither is a substitute for `html.escape` in real HTML.
"""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=\"'&%^])")


def md(text: object) -> str:
    """`text` as Markdown that renders as exactly this text."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def label(text: object) -> str:
    """`text` as a Plotly label that renders as exactly this text."""
    return html.escape(str(text), quote=False)
