"""Sentence splitting with exact character offsets.

Rules (no model): a paragraph is a line of the article; inside a paragraph a sentence ends at
`.`, `!` or `?` (plus any closing quotes or brackets) followed by whitespace and a character
that can open a sentence. A period does not end a sentence after a known abbreviation (Dr.,
Nov., Gen.), an initial (J. R. R.), or a country abbreviation such as "U.S." unless the next
word is a typical sentence opener. We never split inside an open quotation: a quote of several
sentences stays in the sentence that carries its attribution, which is what a reader checking a
quote wants to see. This splitter does not try to split headlines or bullet lists that lack
final punctuation: each such line is one sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from .model import Article, Sentence, Span

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt st ste mt ft rev
jr sr inc corp co ltd bros dept univ assn est approx vs etc al fig no nos vol pp
jan feb mar apr jun jul aug sep sept oct nov dec
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
nev okla ore pa tenn tex va vt wash wis wyo
""".split())

# Abbreviations written with inner periods (U.S., U.N., e.g.): they end a sentence only when a
# typical sentence opener follows.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_OPENERS = frozenset("""
The A An He She It They We I You This That These Those There But And Yet So In On At For
Its His Her Their Our As If When While After Before However Meanwhile Still Some Many Most
""".split())

_OPEN_MARKS = "“‘«\"'"
_CLOSE_AFTER_STOP = "”’»\"')]"
_BOUNDARY = re.compile(r"[.!?…]+[”’»\"')\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9À-ÖØ-Þ])")
# Rarer ends, searched only in a paragraph that can hold them (as alternatives of _BOUNDARY they
# made every paragraph's scan 40% slower): a closing quotation mark glued to the next sentence
# ("condemned.”On Monday"), a photo credit closing a caption ("(AP Photo/Evgeniy Maloletka) …").
_RARE_BOUNDARY = re.compile(r"[.!?…]+[”»\"]+(?=[A-Z][a-z])"
                            r"|(?:\((?:AP|Reuters|AFP|Getty)\s+Photo[^()]{0,60}\)|\([^()]{2,60}\s+via\s+AP\))"
                            r"(?=\s+[\"“‘(]?[A-Z0-9])")
_GLUED_CLOSE = re.compile(r"[.!?…][”»\"]+[A-Z]")


def _boundaries(segment: str) -> list[re.Match]:
    """Candidate sentence ends in one paragraph, in text order."""
    found = list(_BOUNDARY.finditer(segment))
    if "Photo" in segment or "via AP)" in segment or _GLUED_CLOSE.search(segment):
        found = sorted(found + list(_RARE_BOUNDARY.finditer(segment)), key=lambda m: m.start())
    return found


_TOKEN_BEFORE = re.compile(r"([A-Za-z.]+)$")
_NEXT_WORD = re.compile(r"\W*(\w+)")


def paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """(para_id, start, end) of each non-blank line, stripped of surrounding whitespace."""
    pos, para_id = 0, 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        start = lstart + (len(line) - len(line.lstrip()))
        yield para_id, start, start + len(stripped)
        para_id += 1


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    """True when the period at `dot` closes an abbreviation rather than a sentence."""
    m = _TOKEN_BEFORE.search(text[max(0, dot - 12):dot + 1])
    if not m:
        return False
    token = m.group(1)
    word = token.rstrip(".")
    if _DOTTED.search(token):
        nxt = _NEXT_WORD.match(text, after)   # match at an offset: no copy of the rest of the text
        return not (nxt and nxt.group(1) in _OPENERS)
    if "." in word:
        word = word.rsplit(".", 1)[-1]
    if len(word) == 1 and word.isupper():
        return True                       # an initial: "George W. Bush"
    return word.lower() in ABBREVIATIONS


_SENTENCE_END_BEFORE = re.compile(r"[.!?…][)\]’']?\s+$")
_FRESH_CANDIDATE = re.compile(r"[.!?…][)\]’']?\s+\"")


def fresh_straight_opening(text: str, pos: int, lo: int, hi: int) -> bool:
    """Whether the straight " at `pos` opens a new sentence's quotation: after a sentence's end
    and a space, before a capital or digit (“… long term. "This means"), looking no further
    than text[lo:hi]. Met while a straight quotation is open, it means that one never closed: a
    quotation over several paragraphs in a text whose paragraph breaks were lost. A closing mark
    is glued to its last word and a nested quotation follows a word ('says, "I'd like'), so
    neither counts. Shared by the sentence splitter and the quote extractor."""
    if pos + 1 >= hi or not (text[pos + 1].isupper() or text[pos + 1].isdigit()):
        return False
    return _SENTENCE_END_BEFORE.search(text, max(lo, pos - 4), pos) is not None


def _quote_state(text: str, lo: int, hi: int, open_: bool, straight: int) -> tuple[bool, int]:
    """Quote state after text[lo:hi], given the state before it: whether a curly double quote is
    open (the last curly double mark decides) and how many straight double quotes were seen
    (a fresh opening mark while one is open closes that one and opens its own: parity kept)."""
    last_open, last_close = text.rfind("“", lo, hi), text.rfind("”", lo, hi)
    if last_open != last_close:             # at least one of them occurs
        open_ = last_open > last_close
    n = text.count('"', lo, hi)
    if not n or _FRESH_CANDIDATE.search(text, max(0, lo - 4), hi) is None:
        return open_, straight + n          # no mark after a sentence's end: plain counting
    pos = text.find('"', lo, hi)
    while pos != -1:
        if not (straight % 2 and fresh_straight_opening(text, pos, 0, hi)):
            straight += 1
        pos = text.find('"', pos + 1, hi)
    return open_, straight


def split_paragraph(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    cur = start
    # Quote state of text[cur:scanned], carried forward so each character is scanned once
    # (rescanning from `cur` at every candidate boundary was quadratic in a long paragraph
    # with an unclosed quote).
    open_, straight, scanned = False, 0, start
    segment = text[start:end]
    for m in _boundaries(segment):
        stop = start + m.end()
        dot = start + m.start()
        if text[dot] == "." and _is_abbreviation(text, dot, stop):
            continue
        open_, straight = _quote_state(text, scanned, stop, open_, straight)
        scanned = stop
        if open_ or straight % 2:
            continue                         # never split inside an open quotation
        spans.append((cur, stop))
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        cur = nxt
        open_, straight, scanned = False, 0, nxt
    if cur < end:
        spans.append((cur, end))
    return spans


def split_sentences(article: Article) -> list[Sentence]:
    text = article.text
    spans = [(s, e, para_id) for para_id, pstart, pend in paragraphs(text)
             for s, e in split_paragraph(text, pstart, pend)]
    flags = chrome_flags(article.chrome, spans)
    doc_id = article.doc_id
    return [Sentence(doc_id, i, s, e, text[s:e], para_id, flag)
            for i, ((s, e, para_id), flag) in enumerate(zip(spans, flags))]


def chrome_flags(chrome: Sequence[Span], spans: Sequence[Sequence[int]]) -> list[bool]:
    """For each (start, end, ...) of `spans`, whether it overlaps a chrome span: what
    `Article.in_chrome(start, end)` answers, with one binary search per span instead of a scan
    of every chrome span. Neither list needs to be sorted."""
    if not chrome:
        return [False] * len(spans)
    ordered = sorted(chrome)
    starts = [s for s, _ in ordered]
    reach, furthest = [], -1                  # reach[i]: the largest end among ordered[:i + 1]
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)
    flags = []
    for span in spans:
        start, end = span[0], span[1]
        k = bisect_left(starts, end)          # chrome spans that start before `end`
        flags.append(k > 0 and reach[k - 1] > start)
    return flags


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset` (binary search; sentences are in text order)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
