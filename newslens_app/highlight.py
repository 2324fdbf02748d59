"""The article reader's HTML: the article text, escaped, with marks for quotes, figures, weapons
and dates, and page chrome dimmed.

Safety: every piece of article text goes through `html.escape` before any markup is added, and
tooltips (speaker names, canonical names) are escaped with quotes too, so no markup or script
from an article can reach the page. Marks may overlap or nest (a figure inside a quote): the text
is cut at every mark boundary and each piece carries the classes of all marks covering it, so the
markup is always well nested. Does not interpret offsets beyond slicing `text[start:end]`.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from . import views
from .theme import KIND_COLOURS, KIND_LABELS, category_label


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str          # quotes | figures | weapons | dates | speaker
    note: str = ""     # tooltip text, e.g. "quote by Doo Jin-ho"


CSS = """
<style>
.nl-article {white-space: pre-wrap; font-family: Georgia, 'Times New Roman', serif; font-size: 1.02rem;
  line-height: 1.65; color: #1f2933; max-width: 48rem;}
.nl-gap {display: block; height: .55em;}
.nl-chrome {color: #9aa5b1; font-style: italic; font-size: .9em;}
.nl-quotes {background: #FDF0B5;}
.nl-speaker {text-decoration: underline dotted #b7791f 2px; text-underline-offset: 3px;}
.nl-figures {color: #1e4e9c; font-weight: 700; border-bottom: 2px solid #3969AC;}
.nl-weapons {color: #b0144f; font-weight: 700; border-bottom: 2px solid #E73F74;}
.nl-dates {color: #0b7a57; font-weight: 700; border-bottom: 2px dashed #11A579;}
.nl-focus {outline: 3px solid #F97316; outline-offset: 1px; border-radius: 2px;}
.nl-legend span.nl-key {display: inline-block; margin: 0 .9rem .3rem 0; padding: 0 .35rem; border-radius: 3px;}
</style>
"""


PARAGRAPH_GAP = '<span class="nl-gap"></span>'


def legend_html(*, focus: bool = False) -> str:
    keys = [f'<span class="nl-key nl-{kind}">{html.escape(KIND_LABELS[kind])}</span>' for kind in KIND_COLOURS]
    keys.append('<span class="nl-key nl-speaker">Speaker (as named in the attribution)</span>')
    keys.append('<span class="nl-key nl-chrome">Page chrome (ads, captions, links: not analysed)</span>')
    if focus:
        keys.append('<span class="nl-key nl-focus">The row you clicked</span>')
    return CSS + '<div class="nl-legend">' + "".join(keys) + "</div>"


def render_article(text: str, marks: Iterable[Mark], *, chrome: Iterable[tuple[int, int]] = (),
                   focus: tuple[int, int] | None = None) -> str:
    """`text` as escaped HTML with a <span> per run of text covered by the same marks."""
    n = len(text)
    spans: list[tuple[int, int, str, str]] = []
    for m in marks:
        s, e = max(0, int(m.start)), min(n, int(m.end))
        if s < e:
            spans.append((s, e, f"nl-{m.kind}", m.note))
    for s, e in chrome:
        s, e = max(0, int(s)), min(n, int(e))
        if s < e:
            spans.append((s, e, "nl-chrome", "page chrome: not analysed"))
    if focus is not None:
        s, e = max(0, int(focus[0])), min(n, int(focus[1]))
        if s < e:
            spans.append((s, e, "nl-focus", ""))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    # Each piece between consecutive cuts is covered by a fixed set of spans; with a few hundred
    # marks per article a sweep over sorted starts keeps this linear-ish.
    starts = sorted(spans)
    active: list[tuple[int, int, str, str]] = []
    out: list[str] = []
    j = 0
    for a, b in zip(cuts, cuts[1:]):
        while j < len(starts) and starts[j][0] <= a:
            active.append(starts[j])
            j += 1
        active = [sp for sp in active if sp[1] > a]
        # a small gap after each line break, so paragraphs read as paragraphs (adds no text)
        piece = html.escape(text[a:b], quote=True).replace("\n", "\n" + PARAGRAPH_GAP)
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({sp[2] for sp in active}))
        notes = "; ".join(dict.fromkeys(sp[3] for sp in active if sp[3]))
        focus_id = ' id="nl-focus"' if focus is not None and a == max(0, int(focus[0])) else ""
        title = f' title="{html.escape(notes, quote=True)}"' if notes else ""
        out.append(f'<span class="{classes}"{title}{focus_id}>{piece}</span>')
    return CSS + '<div class="nl-article">' + "".join(out) + "</div>"


def marks_for(tables, selection, doc_id: str, *, kinds, only_filtered: bool = False):
    """(marks, rows) for one article: the highlights to draw and the same rows as a small table
    (kind, as_written, detail, start, end). Reads the prepared tables; does not touch the text."""
    wanted = list(kinds)
    marks: list[Mark] = []
    rows: list[dict] = []
    sources = {"quotes": views.quotes_view, "figures": views.figures_view, "weapons": views.weapons_view,
               "dates": views.dates_view}
    for kind in wanted:
        if only_filtered:
            df = sources[kind](tables, selection)
            df = df[df["doc_id"] == doc_id]
        else:
            raw = tables[kind]
            df = raw[raw["doc_id"] == doc_id]
        for r in df.to_dict("records"):
            text, detail = _describe(kind, r)
            marks.append(Mark(int(r["start"]), int(r["end"]), kind, detail))
            rows.append({"kind": KIND_LABELS[kind], "as_written": text, "detail": detail,
                         "start": int(r["start"]), "end": int(r["end"]), "doc_id": doc_id,
                         "sent_id": int(r["sent_id"])})
            s, e = r.get("speaker_start"), r.get("speaker_end")
            if kind == "quotes" and _is_int(s) and _is_int(e) and e > s:
                marks.append(Mark(int(s), int(e), "speaker", f"speaker of a quote: {r.get('speaker') or '?'}"))
    frame = pd.DataFrame(rows, columns=["kind", "as_written", "detail", "start", "end", "doc_id", "sent_id"])
    sents = tables["sentences"][["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    arts = tables["articles"][["doc_id", "title", "source"]].rename(columns={"title": "article"})
    frame = frame.merge(sents, on=["doc_id", "sent_id"], how="left").merge(arts, on="doc_id", how="left")
    return marks, frame.sort_values(["start", "end"]).reset_index(drop=True)


def _is_int(v) -> bool:
    try:
        return v is not None and v == v and int(v) >= 0
    except (TypeError, ValueError):
        return False


def _clean(r: dict) -> dict:
    """Row values with pandas' missing markers (NaN, NA) turned into None."""
    return {k: (None if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)) else v) for k, v in r.items()}


def _describe(kind: str, r: dict) -> tuple[str, str]:
    r = _clean(r)
    if kind == "quotes":
        text = r.get("text") or r.get("quote") or ""
        if r.get("kind") == "scare" or not r.get("speaker"):
            return text, f"{r.get('kind') or ''} quote, no speaker".strip()
        role = f" ({r['speaker_role']})" if r.get("speaker_role") else ""
        return text, f"{r.get('kind')} quote by {r['speaker']}{role}"
    if kind == "figures":
        counts = r.get("counts") or "not stated"
        approx = "about " if r.get("approx") else ""
        value = r.get("value")
        shown = f"{value:,.10g}" if isinstance(value, (int, float)) and value == value else "?"
        return (r.get("surface") or r.get("as_written") or "",
                f"{approx}{shown} ({r.get('unit')}), counts: {counts}")
    if kind == "weapons":
        return r.get("surface") or r.get("as_written") or "", f"{r.get('canonical')} ({category_label(r.get('category'))})"
    return r.get("surface") or r.get("as_written") or "", f"date: {r.get('iso')}"
