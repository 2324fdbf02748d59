"""Score built tables against hand annotations: `python -m newslens eval GOLD --pred DIR`.

Two gold formats are read:

- **brat standoff attributions** (PolNeAR layout: `GOLD/text/*.txt` + `GOLD/attributions/*.ann`,
  or `.ann` files beside their `.txt`). A gold quote is a quoted segment (text between
  double quotation marks “…” or "…", the marks the quote extractor reads by default) inside the Content span(s) of an
  attribution event, with that event's Source span. Every Content span of an event counts
  (an interrupted quote has several). A quote that runs over paragraphs is one segment per
  paragraph; a mark that never closes ends at its paragraph. When an article has several
  annotators' files (`doc_annotator.ann`), the first in name order is used.
- **JSON gold** in the format of the project's seed annotations (`{"doc": ..., "quotes": [...],
  "figures": [...], "dates": [...], "weapons": [...]}`, one file per article).

Matching rule (the same as the project's scorer): a predicted and a gold span match when they
overlap by at least half of the shorter one; pairs are formed one-to-one, largest overlap
first, within the same document. Scare quotes (no speaker) are not quote predictions.

This module does NOT build anything: run `python -m newslens build` first (or pass the folder
of an earlier build), and it does not judge speaker names beyond a lenient token comparison.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

Span = tuple[int, int]


# --- matching ------------------------------------------------------------------------------
def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def close_enough(a: Span, b: Span, ratio: float = 0.5) -> bool:
    """Spans match when their overlap covers `ratio` of the shorter one."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and overlap(a, b) >= ratio * shorter


def pair_up(gold: Sequence, pred: Sequence, gold_span: Callable, pred_span: Callable,
            doc: Callable) -> tuple[list[tuple], list, list]:
    """One-to-one pairs by largest overlap first, within a document.

    Returns (pairs, unmatched gold, unmatched predictions). Candidates are only compared
    inside one document, after sorting by start, so the cost grows with matches, not with
    gold x predictions."""
    by_doc: dict[str, tuple[list[int], list[int]]] = {}
    for i, g in enumerate(gold):
        by_doc.setdefault(doc(g), ([], []))[0].append(i)
    for j, p in enumerate(pred):
        by_doc.setdefault(doc(p), ([], []))[1].append(j)
    candidates: list[tuple[int, int, int]] = []
    for gi_list, pj_list in by_doc.values():
        preds = sorted(pj_list, key=lambda j: pred_span(pred[j])[0])
        pstarts = [pred_span(pred[j]) for j in preds]
        for i in gi_list:
            gs = gold_span(gold[i])
            for k, ps in enumerate(pstarts):
                if ps[0] >= gs[1]:
                    break
                if ps[1] > gs[0] and close_enough(gs, ps):
                    candidates.append((overlap(gs, ps), i, preds[k]))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return (pairs, [g for i, g in enumerate(gold) if i not in used_g],
            [p for j, p in enumerate(pred) if j not in used_p])


@dataclass
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<30} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
                f"  (tp={self.tp} fp={self.fp} fn={self.fn})")


_NAME_STOP = frozenset("the a an of at for in on and s mr ms mrs dr".split())


def same_name(a: str | None, b: str | None) -> bool:
    """Lenient name agreement: most of the smaller word set lies in the larger one."""
    def words(x: str | None) -> set[str]:
        toks = re.findall(r"[a-z0-9]+", (x or "").lower().replace("’s", "").replace("'s", ""))
        return {t for t in toks if t not in _NAME_STOP}
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small & big) >= max(1, (len(small) + 1) // 2)


# --- brat standoff gold --------------------------------------------------------------------
_TAG = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_OPENERS = ("“", '"', "''")
_CLOSERS = ("”", '"', "''")
_MARK = re.compile(r"[“”\"]")
_MARK_OR_TYPEWRITER = re.compile(r"''|[“”\"]")


@dataclass(frozen=True)
class GoldQuote:
    doc_id: str
    start: int
    end: int
    source: Span | None
    source_text: str | None


def quoted_segments(text: str, start: int, end: int, *, typewriter_marks: bool = False) -> list[Span]:
    """Inner spans of double-quoted segments in text[start:end] (see module docstring).

    `typewriter_marks` also reads '' as a mark, to score tables built with
    `quotes.extract_quotes(..., typewriter_marks=True)`.

    A segment ends at its closing mark; at a paragraph break first when the quote never closes
    or the next paragraph opens a fresh mark (news style for a quote running on)."""
    out: list[Span] = []
    pattern = _MARK_OR_TYPEWRITER if typewriter_marks else _MARK
    marks = [(m.start(), m.group()) for m in pattern.finditer(text, start, end)]
    k = 0
    while k < len(marks):
        pos, mark = marks[k]
        if mark not in _OPENERS:
            k += 1
            continue
        inner = pos + len(mark)
        close = next((n for n in range(k + 1, len(marks)) if marks[n][1] in _CLOSERS), None)
        close_pos = marks[close][0] if close is not None else -1
        stop, nxt_k = (close_pos, close + 1) if close is not None else (end, len(marks))
        para = text.find("\n", inner, end)
        if para != -1 and (close is None or para < close_pos):
            nxt = para
            while nxt < end and text[nxt].isspace():
                nxt += 1
            if close is None or text.startswith(_OPENERS, nxt):
                stop = para
                nxt_k = next((n for n in range(k + 1, len(marks)) if marks[n][0] >= nxt), len(marks))
        e = stop
        while e > inner and text[e - 1].isspace():
            e -= 1
        if e - inner >= 2:
            out.append((inner, e))
        k = nxt_k
    return out


def _spans(field: str) -> list[Span]:
    return [tuple(map(int, part.split())) for part in field.split(";")]  # type: ignore[misc]


def parse_ann(text: str) -> tuple[dict[str, tuple[str, list[Span]]], list[list[tuple[str, str]]]]:
    """(tags by id, events as (role, tag id) lists); a role keeps its index suffix."""
    tags: dict[str, tuple[str, list[Span]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.split("\n"):
        m = _TAG.match(line)
        if m:
            tags[m.group(1)] = (m.group(2), _spans(m.group(3)))
        elif line.startswith("E") and "\t" in line:
            args = [a.partition(":") for a in line.split("\t", 1)[1].split()]
            events.append([(role, ref) for role, _, ref in args if ref])
    return tags, events


def _brat_pairs(root: Path) -> list[tuple[str, Path, Path]]:
    """(doc_id, text file, ann file) for every annotated article under `root`."""
    if (root / "attributions").is_dir() and (root / "text").is_dir():
        anns, texts = sorted((root / "attributions").glob("*.ann")), root / "text"
    else:
        anns, texts = sorted(root.rglob("*.ann")), None
    out, seen = [], set()
    for ann in anns:
        folder = texts if texts is not None else ann.parent
        stem = ann.stem
        txt = folder / f"{stem}.txt"
        if not txt.exists() and "_" in stem:
            stem = stem[:stem.rfind("_")]          # doc_annotator.ann
            txt = folder / f"{stem}.txt"
        if not txt.exists() or stem in seen:
            continue
        seen.add(stem)
        out.append((stem, txt, ann))
    return out


def load_brat(root: Path) -> tuple[dict[str, str], list[GoldQuote]]:
    texts: dict[str, str] = {}
    gold: list[GoldQuote] = []
    for doc_id, txt, ann in _brat_pairs(root):
        text = txt.read_text(encoding="utf-8")
        texts[doc_id] = text
        tags, events = parse_ann(ann.read_text(encoding="utf-8"))
        seen: set[Span] = set()
        for ev in events:
            sources = [tags[r] for role, r in ev if role.startswith("Source") and r in tags]
            src = (sources[0][1][0][0], sources[0][1][-1][1]) if sources else None
            for role, ref in ev:
                if not role.startswith("Content") or ref not in tags:
                    continue
                for a, b in tags[ref][1]:
                    for seg in quoted_segments(text, a, b):
                        if seg in seen:
                            continue        # nested attributions share a segment: count it once
                        seen.add(seg)
                        gold.append(GoldQuote(doc_id, seg[0], seg[1], src,
                                              text[src[0]:src[1]] if src else None))
    return texts, gold


def score_brat(root: Path, pred: Path) -> list[str]:
    texts, gold = load_brat(root)
    quotes = _table(pred, "quotes")
    rows = [r for r in quotes.to_dict("records") if r["doc_id"] in texts and r.get("kind") != "scare"]
    pairs, fn, fp = pair_up(gold, rows, lambda g: (g.start, g.end),
                            lambda p: (int(p["start"]), int(p["end"])),
                            lambda x: x["doc_id"] if isinstance(x, dict) else x.doc_id)
    with_source = [(g, p) for g, p in pairs if g.source]
    right = [(g, p) for g, p in with_source if _speaker_overlaps(g.source, p)]
    lines = [f"brat gold {root}: {len(texts)} articles, {len(gold)} quoted segments, "
             f"{len(rows)} predicted quotes",
             PRF(len(pairs), len(fp), len(fn)).line("quotes: detection"),
             f"{'quotes: speaker mention':<30} {len(right) / max(1, len(with_source)):.3f}"
             f"  ({len(right)}/{len(with_source)} matched quotes with a source)",
             PRF(len(right), len(rows) - len(right), len(gold) - len(right)).line("quotes: quote+speaker")]
    return lines


def _speaker_overlaps(source: Span, p: dict) -> bool:
    s, e = p.get("speaker_start"), p.get("speaker_end")
    if s is None or e is None or pd.isna(s) or pd.isna(e):
        return False
    return overlap(source, (int(s), int(e))) > 0


# --- JSON gold -----------------------------------------------------------------------------
def load_json_gold(path: Path) -> dict[str, dict]:
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    docs: dict[str, dict] = {}
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(g, dict) and "doc" in g:
            docs[str(g["doc"])] = g
    return docs


def _gold_rows(docs: dict[str, dict], key: str) -> list[dict]:
    return [dict(item, doc_id=d) for d, g in docs.items() for item in g.get(key) or []]


def score_json(path: Path, pred: Path) -> list[str]:
    docs = load_json_gold(path)
    span = lambda x: (int(x["start"]), int(x["end"]))  # noqa: E731
    doc = lambda x: x["doc_id"]  # noqa: E731
    lines = [f"JSON gold {path}: {len(docs)} articles"]

    def detect(table: str, key: str, *, keep: Callable[[dict], bool] = lambda r: True):
        gold = _gold_rows(docs, key)
        df = _table(pred, table, required=False)
        rows = [r for r in df.to_dict("records") if r["doc_id"] in docs and keep(r)] if df is not None else []
        if df is None and not gold:
            return None
        pairs, fn, fp = pair_up(gold, rows, span, span, doc)
        lines.append(PRF(len(pairs), len(fp), len(fn)).line(f"{table}: detection"))
        return pairs

    def accuracy(name: str, pairs: list, ok: Callable[[dict, dict], bool],
                 which: Callable[[dict], bool] = lambda g: True) -> None:
        chosen = [(g, p) for g, p in pairs if which(g)]
        right = sum(ok(g, p) for g, p in chosen)
        lines.append(f"{name:<30} {right / max(1, len(chosen)):.3f}  ({right}/{len(chosen)})")

    pairs = detect("quotes", "quotes")
    if pairs is not None:
        accuracy("quotes: speaker", pairs, lambda g, p: same_name(g["speaker"], p.get("speaker")),
                 lambda g: bool(g.get("speaker")))
        accuracy("quotes: kind", pairs, lambda g, p: g.get("kind") == p.get("kind"))
    pairs = detect("figures", "figures")
    if pairs is not None:
        accuracy("figures: value", pairs, lambda g, p: abs(float(p["value"]) - float(g["value"]))
                 <= 1e-6 * max(1.0, abs(float(g["value"]))))
        accuracy("figures: unit", pairs, lambda g, p: g.get("unit") == p.get("unit"))
        accuracy("figures: counts", pairs, lambda g, p: same_name(g.get("counts"), p.get("counts")),
                 lambda g: g.get("unit") in ("count", "percent", "money"))
    pairs = detect("dates", "dates")
    if pairs is not None:
        accuracy("dates: iso", pairs, lambda g, p: g.get("iso") == p.get("iso"))
    pairs = detect("weapons", "weapons")
    if pairs is not None:
        accuracy("weapons: category", pairs, lambda g, p: g.get("category") == p.get("category"))
        accuracy("weapons: canonical", pairs, lambda g, p: same_name(g.get("canonical"), p.get("canonical")))
    return lines


# --- entry point ---------------------------------------------------------------------------
def _table(pred: Path, name: str, *, required: bool = True) -> pd.DataFrame | None:
    path = pred / f"{name}.parquet"
    if not path.exists():
        if required:
            raise FileNotFoundError(f"no {name} table in {pred} (run `python -m newslens build` first)")
        return None
    return pd.read_parquet(path)


def gold_kind(gold: Path) -> str:
    """'brat' or 'json', from what the folder (or file) holds."""
    if gold.is_file():
        return "json" if gold.suffix == ".json" else "brat"
    if (gold / "attributions").is_dir() or next(gold.rglob("*.ann"), None) is not None:
        return "brat"
    if next(gold.glob("*.json"), None) is not None:
        return "json"
    raise ValueError(f"{gold}: no .ann (brat) or .json gold files found")


def evaluate(gold: str | Path, pred: str | Path) -> list[str]:
    """Score the tables in `pred` against `gold`; returns the report lines."""
    gold, pred = Path(gold), Path(pred)
    if gold_kind(gold) == "brat":
        return score_brat(gold if gold.is_dir() else gold.parent, pred)
    return score_json(gold, pred)


def main(gold: str | Path, pred: str | Path, out: Callable[[str], None] = print) -> int:
    try:
        lines = evaluate(gold, pred)
    except (FileNotFoundError, ValueError) as exc:
        out(f"eval: {exc}")
        return 2
    for line in lines:
        out(line)
    return 0


__all__: Iterable[str] = ("evaluate", "main", "pair_up", "quoted_segments", "load_brat",
                          "load_json_gold", "same_name", "PRF")
