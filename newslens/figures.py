"""The figures table: quantities a reader could chart or compare.

One compiled regex finds every number-like token in a sentence (digits with separators and
decimals, number words, ordinals, currency prefixes, scale words, "%"/"percent", "mm"); a short
rule chain then decides, per match, what the number is:

  money       "$61 billion", "£2.5bn", "61 billion dollars", "5 trillion won"
  percent     "8.3 percent", "12 per cent", "40%"
  caliber_mm  "152mm", "155-millimeter", "155 mm"
  duration    "two months", "five years", "a 10-year plan"
  ordinal     "1,000th day", "fourth-largest defense exporter"
  other       measures with a unit ("40 kilometres", "2 million tonnes")
  count       a number with a counted noun ("10,900 North Korean troops" -> troops), a
              "N-person delegation" (-> delegation members), or a bare number whose sentence
              says what it counts ("the toll rose to 45" -> casualties)

Ranges ("10,000-12,000 troops", "between 5 and 7 drones") give one figure per end, both sharing
the unit and what is counted. A hedge before the number ("about", "more than", "up to") sets
`approx`. What a number counts comes from its noun (modifiers skipped) or, for percentages,
money and bare numbers, from the nearest measure phrase of `lexicons/measures.yaml`.

Not figures: deictic small numbers ("the two countries", "one of", "two sides"), unit and
product names ("24th Mechanised Brigade", "Leopard 2", "F-16", "2S5", "G7"), dates, years and
times of day, list markers, "first time". This module does not read fractions ("two-thirds"),
vague plurals ("hundreds of", "dozens of") or ages ("a 41-year-old").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from .dates import date_spans, may_hold_dates
from .figure_rules import refine_figures
from .lexicons import load_lexicon, search_text
from .model import Article, Figure, Sentence
from .numbers import (AND_A_HALF, DIGITS, ORDINAL_WORD, ORDINAL_WORDS, SCALES, TENS, UNITS, WORDS, parse_number,
                      parse_ordinal, scale_value, trie_regex)


# ---------------------------------------------------------------------------------------------
# Lexicon (loaded once)
# ---------------------------------------------------------------------------------------------
def _phrases(kind: str) -> list[tuple[str, dict]]:
    return [(p.lower(), e) for e in load_lexicon("measures") if e["kind"] == kind for p in e["phrases"]]


def _word_alt(phrases) -> str:
    """A regex alternation of phrases, longest first, each escaped."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


_MEASURES = {p: e["canonical"] for p, e in _phrases("measure")}
# Matched on the lowercased sentence; the left word boundary is checked in Python so that
# the scan can skip to the first letters of the phrases.
_MEASURE_RE = re.compile(trie_regex(_MEASURES) + r"(?![\w-])")
_COUNT_NOUNS = {p: e for p, e in _phrases("count_noun")}
_COUNT_RE = re.compile(rf"(?:{_word_alt(_COUNT_NOUNS)})(?![\w-])", re.I)
_CONTAINERS = {p for p, _ in _phrases("container")}
_UNITS = {p: e for p, e in _phrases("unit")}
_UNIT_RE = re.compile(rf"[ \u00a0\u202f\u2009]?(?:{_word_alt(_UNITS)})(?![\w/])", re.I)
_TIME_UNITS = {p: e["canonical"] for p, e in _phrases("time_unit")}
# "two more months", "six further years": the added span is still a span of time.
_TIME_RE = re.compile(rf"\s+(?:(?:more|further|additional|extra)\s+)?(?P<u>{_word_alt(_TIME_UNITS)})\b"
                      rf"(?![-\u2010\u2011]old)", re.I)
_DEICTIC = {p for p, _ in _phrases("deictic")}
_MODIFIERS = {p for p, _ in _phrases("modifier")}
_CURRENCY = {p: e["canonical"] for p, e in _phrases("currency")}
_CURRENCY_WORD_RE = re.compile(
    rf"\s?(?:(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)\s)?"
    rf"(?P<word>{_word_alt(p for p in _CURRENCY if p[0].isalpha())})\b", re.I)
_MEMBERSHIP = {p for p, _ in _phrases("membership")}

# ---------------------------------------------------------------------------------------------
# The one scan per sentence
# ---------------------------------------------------------------------------------------------
_CUR_PREFIX = r"(?:US\$|A\$|C\$|HK\$|\$|£|€|¥|₴|₽|₩|(?:USD|EUR|GBP|UAH|RUB|KRW)\s?)"
_FIGURE_RE = re.compile(
    rf"""(?P<cur>{_CUR_PREFIX}\s?)?
    (?:
        (?P<ord>(?<![\w.,/:#])(?<![A-Za-z][-\u2010\u2011])(?:{DIGITS})(?:st|nd|rd|th)
               |\b(?i:{ORDINAL_WORD}))
      | (?P<num>(?<![\w.,/:#])(?<![A-Za-z][-\u2010\u2011])(?:{DIGITS})(?![,.\u00a0\u202f\u2009]\d)(?i:{AND_A_HALF})?
               |\b(?i:{WORDS}))
    )
    (?P<scale>[ \u00a0]?(?i:thousand|million|billion|trillion)\b
             |(?<=\d)(?:bn|mn|mln|bln|tn|trn|m|b|k)(?![\w]))?
    (?P<suf>[ \u00a0]?(?:%|(?i:percent|per[ \u00a0]?cent|percentage[ \u00a0]points?|pct)\b)|(?<=\d)pc\b
           |(?:[-\u2010\u2011]|[ \u00a0])?(?i:mm|millimet(?:er|re)s?)\b
           |(?P<gunit>(?<=\d)(?i:km|kms|kg|kgs|mph|kph|bcm|bpd|mw|gw|kw|mwh|gwh|kwh|ha|ft)))?
    (?![\w])""", re.X)

# Candidate starts for _scan: the first digit of a run, a currency prefix right before it, and
# number words (prefix-factored so that the scan skips most characters after one test).
_DIGIT_RUN = re.compile(r"\d+")
_CUR_BEFORE = re.compile(rf"{_CUR_PREFIX}\s?$")
_NUMBER_WORDS = trie_regex([*UNITS, *TENS, *SCALES, *ORDINAL_WORDS, "dozen"])
_WORD_CANDIDATE = re.compile(_NUMBER_WORDS + r"(?![a-z])")
# The same words after a space of the article's search copy (lexicons.search_text), where every
# character other than a-z, 0-9 and space is a space: the literal space lets the regex skip to
# word starts, about three times faster than trying every letter of the lowercased text.
_SPACED_WORD_CANDIDATE = re.compile(" " + _NUMBER_WORDS + r"(?![a-z])")
_SCALE_START = frozenset([*SCALES, "dozen"])
_A_BEFORE = re.compile(r"(?:half\s+)?\ban?\s+$")

_CURRENCY_SYMBOLS = {"us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "$": "USD", "£": "GBP",
                     "€": "EUR", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₩": "KRW", "usd": "USD",
                     "eur": "EUR", "gbp": "GBP", "uah": "UAH", "rub": "RUB", "krw": "KRW"}

_HEDGES = ("about", "approximately", "approx.", "nearly", "almost", "more than", "over", "less than",
           "fewer than", "under", "some", "up to", "at least", "at most", "around", "roughly",
           "an estimated", "estimated", "close to", "upwards of", "as many as", "as much as",
           "as few as", "just over", "just under", "well over", "circa", "no fewer than",
           "no less than", "no more than", "an approximate", "in excess of")


def _reversed_phrases(phrases) -> str:
    """An alternation of `phrases` written backwards, a space standing for any whitespace run."""
    return "|".join(re.escape(p[::-1]).replace(r"\ ", r"\s+") for p in phrases)


# Patterns that must end where the number starts ("about 40", "No. 1") are matched at the start
# of the reversed context: the same matches as `(?:...)\s*$` searched forwards, without trying
# every position of the 60 characters before each number (\b is symmetric, so it reverses to
# itself). Read `_HEDGE_BEFORE_REVERSED` as `\b(?:about|more\s+than|...)\s*$` or `~\s*$`.
_HEDGE_BEFORE_REVERSED = re.compile(rf"\s*(?:~|(?:{_reversed_phrases(_HEDGES)})\b)", re.I)
_HEDGE_AFTER = re.compile(r"^(?:\+|-plus\b|\s+or\s+so\b|\s+or\s+more\b|\s+odd\b)")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|these|those|both|all|its|their|our|his|her|my|your)|\w[’']s)\s+$", re.I)
_FORMATION = re.compile(r"^(?:[ \t][\w-]+){0,3}?[ \t](?:brigade|battalion|regiment|division|corps|army|fleet|"
                        r"squadron|platoon|company|detachment|district|congress|session|amendment|"
                        r"parliament|convocation|street|avenue|precinct|legion)s?\b", re.I)
_SELECTING = re.compile(r"\s+(?:[a-z]+est|main|other|previous|last|first|next|leading|top|key|major)\b")
_HIGH_LINK = re.compile(r"^\s?(?:-|–|—|to)\s?$")
_RANGE_LINK = re.compile(r"^\s?(?:-|–|—|to|or)\s?$|^\s+(?:and)\s+$")
_URL_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
# Vote tallies and scores are not two figures: "a 95-1 vote", "won 3-1".
_TALLY_RE = re.compile(r"\d(?<![\w.]\d)\d{0,2}\s?[-–]\s?\d{1,3}\s+(?:votes?|win|victory|defeat|loss|draw|score|"
                       r"decision|majority|ruling|split)\b"
                       # "The vote was 5 to 4", "voted 52-48", "by a vote of 7 to 2"
                       r"|\b(?:vote\s+was|voted|vote\s+of|ruled|margin\s+of)\s+\d{1,3}\s?(?:[-–]|to)\s?\d{1,3}\b", re.I)
_CONVERSION = re.compile(r"^[´'’]?\s*[(\[]\s*(?:about|some|roughly|around|nearly|approximately)?\s*$", re.I)
_CONVERSION_NEXT = re.compile(r"^\s*[;,/]\s*$")
_LIST_MARKER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")
_SUPERLATIVE = re.compile(
    r"[-\u2010\u2011 ](?:largest|biggest|highest|lowest|smallest|strongest|most|least|best|worst|"
    r"richest|poorest|busiest|deadliest|longest|fastest|greatest|leading)\b", re.I)
_ORDINAL_NOUNS = re.compile(
    r"\s+(?:(?:consecutive|straight|successive|full)\s+)?(?P<n>day|week|month|year|anniversary|round|wave|"
    r"package|tranche|attempt|term|session|night|time|summit|meeting)s?\b", re.I)
_MODEL_NUMBER = re.compile(r"[ \t\u00a0]+\d+[A-Za-z]*(?=[ \t\u00a0])")
# An initialism keeps its last dot ("1,000 U.K. personnel"), so the walk reads on past it.
_TAIL_TOKEN = re.compile(r"[ \t\u00a0\u202f]+(?P<t>(?:[A-Z]\.){2,}(?![\w\-\u2010\u2011])|[A-Za-z][A-Za-z0-9'’.\-\u2010\u2011]*[A-Za-z0-9](?:(?<=s)['’](?!\w))?|[A-Za-z])")
_STOPWORDS = frozenset("""
of in to from for on at by with and or but nor that who whom which whose where when while as than
is are was were be been being am has have had having will would could should may might must can do
does did not no so if then there here this these those it its their they them he she his her we
our you your i me my a an the per each every some any all both such into onto over under about
across after before since until during through between among against along around near toward
towards within without upon via including include includes included said say says told added
according say while because although though were also already still just only even more less
killed wounded injured died dead fired launched deployed sent struck hit shot destroyed lost
fell rose increased decreased dropped remain remained reported reportedly estimated allegedly
""".split())
_NAME_OK_BEFORE = frozenset("""
about approximately nearly almost more over some around roughly at up only just another all the
these those of in on for by with from to than and but or fewer less as least most estimated an a
its their his her our my your when after before since until while where although unlike killing
some last first next every each total than including among within another nearly exactly
also still perhaps maybe then now so yet today yesterday this that every altogether overall
fewer only since once if whereas meanwhile besides plus minus additionally between against
despite during like per via toward towards under into onto upon beyond throughout
monday tuesday wednesday thursday friday saturday sunday
""".split())
_SMALL_WORD = frozenset({"one", "two", "three", "four"})
# "No. 1", "Nos. 3", "#3", "number 5", "the top 10", "Top 10", "Seeded: 23" right before the
# number: `(?:\b[Nn]o\.|\b[Nn]os\.|#|\b[Nn]umber|\b[Tt]he\s+top|\bTop|\b[A-Z][a-z]+:)\s*$` reversed.
_NUMBER_SIGN_BEFORE_REVERSED = re.compile(r"\s*(?:\.o[Nn]\b|\.so[Nn]\b|#|rebmu[Nn]\b|pot\s+eh[Tt]\b|poT\b|:[a-z]+[A-Z]\b)")
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w’'.-]*)\s$")
# Words that make the number after them a name even in a title-case line ("Top 10 Stories").
_LABEL_WORDS = frozenset("""
top no number article section chapter resolution flight unit route highway block reactor room
stream type model mark phase stage level category class group page vol volume part line gate
terminal platform channel radio studio window version series round season episode
""".split())


# Small patterns the rules use (compiled once).
_EQUALS_BEFORE = re.compile(r"=\s*$")
_EQUALS_AFTER = re.compile(r"\s?=")
_OF_AFTER = re.compile(r"\s+of\b")
_PERCENT_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?")
_SHELL_NOUN = re.compile(r"shell|round|ammunition|munition|projectile|artillery", re.I)
_GUN_NOUN = re.compile(r"howitzer|gun|cannon|mortar", re.I)
_HYPHEN_WORD = re.compile(r"[-\u2010\u2011](?P<w>[A-Za-z]+)")
_OLD_AFTER_HYPHEN = re.compile(r"[-\u2010\u2011]old\b")
_OLD_AFTER = re.compile(r"\s+old\b")
_RANGE_HIGH = re.compile(rf"\s?(?:\d|(?i:{WORDS}))")
_FRACTION_AFTER = re.compile(r"\s+(?:times|thirds?|quarters?|halves|fifths?|tenths?)\b")
_MAIN_AFTER = re.compile(r"\s+(?:main|key)\b")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|these|those|them|whom|which)\b", re.I)
# "100 or more" is a hedge (see _HEDGE_AFTER), not the low end of a range.
_RANGE_LOW = re.compile(r"\s?[-–—]\s?\d|\s+(?:to|or)\s(?!(?:more|so|less|fewer)\b)")
_AND_AFTER = re.compile(r"\s+and\s")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s+)?$", re.I)
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z]+,\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
# "2000 troops" is a count although it looks like a year; "2021 WOMEN'S SINGLES" is not.
_LOWER_COUNT_AFTER = re.compile(rf"\s+(?=[a-z])(?:{_word_alt(_COUNT_NOUNS)})(?![\w-])")
_AGE_BEFORE = re.compile(r"\b(?:age|aged|ages)\s+(?:of\s+)?$", re.I)
# "six boys, aged between four and 14", "children between the ages of five and 15": ages, and
# "two of Russia's tank makers": a partitive, not a share of the noun before.
_AGE_WORDS = re.compile(r"\b(?:aged?|ages|between|years?\s+old)\b", re.I)
_ELIDED_NOT_AFTER = re.compile(r"\s+of\b|[-\u2010\u2011]|\s+years?\b")
_LIST_LINK = re.compile(r"\s*,\s*(?:(?:and|or)\s+(?:even\s+|perhaps\s+|possibly\s+)?)?"
                        r"|\s*,?\s+(?:and|or)\s+(?:even\s+|perhaps\s+|possibly\s+)?")
_OF_BEFORE = re.compile(r"\bof\s+$")
_LIST_UNITS = frozenset({"count", "duration", "other"})
_ELIDED_GAP = re.compile(r"[^;:.!?()\[\]\d]{0,80}?\b(?:and|but|while|whereas)\s+(?:(?:another|a\s+further|only|just|"
                         r"some|about|nearly|almost|around|more\s+than|at\s+least)\s+)?")
# "the number of polling places", "the number of combat personnel": up to three words, ending
# before a preposition, verb or punctuation.
_NUMBER_OF = re.compile(r"\b(?:[Tt]he|[Aa]|[Tt]otal)\s+number\s+of\s+(?:(?:its|their|the|his|her|our)\s+)?"
                        r"(?P<n>(?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*(?<!ly))"
                        r"(?=\s+(?:in|on|at|by|to|from|for|with|of|was|is|has|had|were|are|rose|fell|grew|"
                        r"reached|stood|stands|still|now|pass|passes|hit|hits|tops|that|which|who|being|been)\b"
                        r"|\s+[a-z]+ed\b|\s*[,;:])")
# "increasing his country's armed forces by 137,000", "cut its staff by 300": what changes by
# the number. Hedges between "by" and the number are allowed.
_CHANGE_BY = re.compile(
    r"\b(?:increas|rais|boost|expand|cut|reduc|swell|grow|enlarg|shrink|trim)[a-z]*\s+"
    r"(?:the\s+(?:size|number|strength)\s+of\s+)?(?:(?:the|its|their|his|her|our|[A-Za-z]+['’]s)\s+){0,2}"
    r"(?P<n>(?:[a-z][a-z-]*\s+)?[a-z][a-z-]*)\s+by\s+(?:(?:about|some|nearly|almost|roughly|around|"
    r"more\s+than|over|up\s+to)\s+)?$")
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s")
# "5 more than", "two more times": "more" compares or multiplies, it does not add things.
_TITLES = frozenset("Mr Mrs Ms Dr Gov Sen Rep Gen Col Lt Sgt Prof St".split())
_NOT_A_SHARE = frozenset("what how all them whatever everything anything something".split())
# Third-person verbs that look like plural nouns to the head-noun walk.
_VERB_LIKE = frozenset("comes goes makes takes gives seems remains stays says sits".split())
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
_MORE_ENDS = re.compile(r"\s+(?:than|times)\b", re.I)
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s?[-–]$")


@dataclass
class _Raw:
    """A regex hit and what the rules made of it (None: not a figure)."""
    m: re.Match
    value: float | None = None
    unit: str | None = None
    counts: str | None = None
    currency: str | None = None
    end: int = 0
    approx: bool = False
    needs_borrow: bool = False
    bare: bool = False          # no unit word or noun of its own (a measure phrase at most)
    conversion: bool = False    # a parenthetical conversion of the figure before it
    elliptic: float | None = None  # the value of a bare number that may share the noun before it
    factor: float = 1.0          # "cents", "pence": the value in whole currency units


def extract_figures(article: Article, sentences: list[Sentence]) -> list[Figure]:
    """Figures in the non-chrome sentences of `article`, in document order."""
    text = article.text
    starts = _candidate_starts(text)             # one scan of the whole article
    out: list[Figure] = []
    i = 0
    for sent in sentences:
        lo = bisect_left(starts, sent.start, lo=i)
        hi = bisect_left(starts, sent.end, lo=lo)
        i = hi
        if lo == hi or sent.chrome:
            continue
        local = [p - sent.start for p in starts[lo:hi]]
        date_free = not may_hold_dates(text, sent.start, sent.end)
        for s, e, value, unit, counts, approx, currency in find_figures(sent.text, starts=local,
                                                                        date_free=date_free):
            start, end = sent.start + s, sent.start + e
            if article.in_chrome(start, end):
                continue
            out.append(Figure(article.doc_id, sent.sent_id, start, end, text[start:end],
                              value, unit, counts, approx, currency))
    return refine_figures(text, sentences, out)    # second pass: codes, ages, ratios, 'one' ...


def _candidate_starts(text: str) -> list[int]:
    """Sorted positions where a figure may start: the first digit of a run (or the currency
    prefix right before it) and number words. Two cheap scans; the lowercased copy lets the
    word scan skip to the first letters of number words."""
    lower = text.lower()
    starts: list[int] = []
    for m in _DIGIT_RUN.finditer(text):
        p = m.start()
        cur = _CUR_BEFORE.search(text, max(0, p - 5), p)
        starts.append(cur.start() if cur else p)
    for p in _word_starts(text, lower):
        if p and (lower[p - 1].isalnum() or lower[p - 1] in "-\u2010\u2011"):
            continue                          # inside a word ("someone") or a compound's tail
        m = _WORD_CANDIDATE.match(lower, p)
        if m.group(0) in _SCALE_START:
            back = _A_BEFORE.search(lower, max(0, p - 10), p)
            if back:
                p = back.start()
        starts.append(p)
    return sorted(set(starts))


def _word_starts(text: str, lower: str) -> list[int]:
    """Where a number word starts in `lower` (= text.lower()) after a character that is not
    a-z or 0-9: the `_WORD_CANDIDATE` hits that such a character precedes. Every hit that
    `_candidate_starts` keeps is one of them (it drops hits inside a word)."""
    if len(lower) != len(text):               # "İ" lower-cases to two characters: no shared copy
        return [m.start() for m in _WORD_CANDIDATE.finditer(lower)]
    copy = search_text(text)[2]               # copy index i + 1 is text index i
    return [m.start() for m in _SPACED_WORD_CANDIDATE.finditer(copy)]


def _scan(text: str, starts: list[int] | None = None) -> list[re.Match]:
    """Every _FIGURE_RE hit in `text`, left to right, without overlaps.

    Equivalent to `_FIGURE_RE.finditer` but fast: the full pattern is only tried at candidate
    starts (computed here unless given)."""
    hits: list[re.Match] = []
    end = -1
    for p in (_candidate_starts(text) if starts is None else starts):
        if p < end or p < 0:
            continue
        m = _FIGURE_RE.match(text, p)
        if m and m.end() > m.start():
            hits.append(m)
            end = m.end()
    return hits


def find_figures(text: str, *, starts: list[int] | None = None, date_free: bool = False,
                 ) -> list[tuple[int, int, float, str, str | None, bool, str | None]]:
    """(start, end, value, unit, counts, approx, currency) of each figure in one sentence.

    `starts` are candidate positions from `_candidate_starts` when the caller already has
    them; `date_free` says the caller knows the text names no month or year
    (`dates.may_hold_dates`). Does not know about chrome; `extract_figures` filters it."""
    hits = _scan(text, starts)
    if not hits:
        return []
    blocked = date_spans(text, date_free=date_free) + [m.span() for m in _TALLY_RE.finditer(text)]
    if "@" in text or "://" in text or "www." in text:
        blocked += [m.span() for m in _URL_RE.finditer(text)]
    measures: list[tuple[int, int, str]] | None = None

    def measure_near(start: int, end: int) -> str | None:
        nonlocal measures
        if measures is None:
            lower = text.lower()
            measures = [(m.start(), m.end(), _MEASURES[m.group(0)]) for m in _MEASURE_RE.finditer(lower)
                        if not m.start() or not (lower[m.start() - 1].isalnum() or lower[m.start() - 1] == "-")]
        best, best_gap = None, 90.0
        for ms, me, canon in measures:
            if ms >= end:
                gap = ms - end
            elif me <= start:
                gap = (start - me) * 1.3      # what follows a number usually names it
            else:
                continue
            if gap < best_gap:
                best, best_gap = canon, gap
        return best

    raws = [_Raw(m) for m in hits]
    for i, raw in enumerate(raws):
        m = raw.m
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        _classify(text, raw, measure_near)
    # Ranges: the low end takes unit and counts from the high end ("10,000-12,000 troops").
    for i in range(len(raws) - 2, -1, -1):
        low, high = raws[i], raws[i + 1]
        link = text[low.m.end():high.m.start()]
        if high.unit is None or not _RANGE_LINK.match(link) or low.m.group("ord"):
            continue
        if link.strip() == "and" and not _BETWEEN_BEFORE.search(text, 0, low.m.start()):
            continue
        if not low.needs_borrow:
            continue                              # a year, a label or a figure of its own
        low_scale = (low.m.group("scale") or "").strip().lower()
        if low_scale in ("m", "b", "k") and low_scale != (high.m.group("scale") or "").strip().lower():
            continue                              # "500m to 1km": metres, not millions
        base = parse_number(low.m.group("num") or "")
        if base is None:
            continue
        scale = low.m.group("scale") or high.m.group("scale")
        low.value = _scaled(base, scale) if high.unit in ("money", "count", "other") else base
        low.value = round(low.value * high.factor, 6) if high.factor != 1 else low.value
        low.unit, low.counts, low.currency = high.unit, high.counts, high.currency
        low.end = low.m.end()
        high.approx = high.approx or low.approx
    # Lists: "three, four and even five hours", "groups of 10, 20, 30 or 50 people": a bare number
    # takes unit and counts from the next item when only a comma or and/or lies between.
    for i in range(len(raws) - 2, -1, -1):
        low, high = raws[i], raws[i + 1]
        if (low.unit is not None or low.elliptic is None or high.unit not in _LIST_UNITS
                or not _LIST_LINK.fullmatch(text, low.m.end(), high.m.start())
                or _AGE_WORDS.search(text, max(0, low.m.start() - 40), low.m.start())
                or ("," not in text[low.m.end():high.m.start()] and _OF_BEFORE.search(text, 0, low.m.start()))):
            continue                              # "a girl of 26 and two boys of 22": not one list
        low.value = round(low.elliptic * high.factor, 6) if high.factor != 1 else low.elliptic
        low.unit, low.counts, low.currency, low.end = high.unit, high.counts, high.currency, low.m.end()
    # ... and a bare high end takes them from the low end ("from 790 million tonnes to 784 million").
    for low, high in zip(raws, raws[1:]):
        if (low.unit in ("money", "count", "other", "percent") and not low.bare and high.bare
                and _HIGH_LINK.match(text[low.end:high.m.start()])):
            base = parse_number(high.m.group("num") or "")
            if base is not None:
                scale = high.m.group("scale") or low.m.group("scale")
                high.value = _scaled(base, scale) if low.unit != "percent" else base
                high.unit, high.counts, high.currency = low.unit, low.counts, low.currency
                high.end = high.m.end()
    _share_elided_nouns(text, raws)
    out = []
    prev: _Raw | None = None
    for raw in raws:
        if raw.unit is None or raw.value is None:
            continue
        if prev is not None and raw.unit == prev.unit and raw.unit in ("money", "other"):
            gap = text[prev.end:raw.m.start()]
            # "10 km (six miles)", "€9 (£7.50; $9.50)": the same quantity again
            if _CONVERSION.match(gap) or (prev.conversion and _CONVERSION_NEXT.match(gap)):
                raw.conversion = True
                prev = raw
                continue
        prev = raw
        start = raw.m.start() if raw.m.group("cur") else raw.m.start("ord") if raw.m.group("ord") else raw.m.start("num")
        out.append((start, raw.end, raw.value, raw.unit, raw.counts, raw.approx, raw.currency))
    return out


def _share_elided_nouns(text: str, raws: list[_Raw]) -> None:
    """"900 hospitals were damaged and another 123 destroyed", "56,000 people leaving and 37,000
    returning": a bare number right after "and" (or "but", "while") takes what the count before it
    in the sentence counts. Not across digits, brackets or a clause end; not for "one"."""
    last: _Raw | None = None
    for raw in raws:
        if raw.unit == "count" and raw.counts and not raw.bare:
            last = raw
        elif raw.unit is None and raw.elliptic is not None and last is not None:
            if (_ELIDED_GAP.fullmatch(text, last.end, raw.m.start())
                    and not _AGE_WORDS.search(text, last.end, raw.m.start())
                    and not _ELIDED_NOT_AFTER.match(text, raw.m.end())):
                raw.value, raw.unit, raw.counts, raw.end = raw.elliptic, "count", last.counts, raw.m.end()
                raw.approx = raw.approx or bool(_HEDGE_BEFORE_REVERSED.match(text[max(0, raw.m.start() - 60):raw.m.start()][::-1]))


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------
@dataclass
class _Ctx:
    """What the rules read about one hit: the text around it and its parsed parts."""
    m: re.Match
    before: str                  # up to 60 characters before the hit
    tail: str                    # up to 120 characters after it
    num: str
    value: float
    is_word: bool                # written in words ("six"), not digits
    scale: str | None
    suf: str                     # "%", "percent", "mm", a glued unit ... lowercased, or ""
    measure_near: Callable[[int, int], str | None]

    @property
    def small_word(self) -> bool:
        return self.is_word and self.num.lower() in _SMALL_WORD


def _classify(text: str, raw: _Raw, measure_near) -> None:
    """Fill raw.value/unit/counts/end when the hit is a figure; leave unit None otherwise.

    The rule families are tried in a fixed order; each returns True when it has decided (a
    figure, or a firm "not a figure")."""
    m = raw.m
    if m.group("ord") and parse_ordinal(m.group("ord")) in (None, 1):
        return                                   # "first", "1st": never a figure (see _ordinal);
                                                 # a third of ordinal hits, decided before any context
    before = text[max(0, m.start() - 60):m.start()]
    tail = text[m.end():m.end() + 120]
    if _is_label(text, m, before):
        return
    raw.approx = bool(_HEDGE_BEFORE_REVERSED.match(before[::-1]) or _HEDGE_AFTER.match(tail))
    if _EQUALS_BEFORE.search(before) or _EQUALS_AFTER.match(tail):
        return                                   # exchange-rate notes: "($1 = 0.87 pounds)"
    if m.group("ord"):
        _ordinal(text, raw, tail)
        return
    num = m.group("num")
    value = parse_number(num)
    if value is None:
        return
    is_word = not num[0].isdigit()
    if not is_word and _looks_like_year(num, m) and not _LOWER_COUNT_AFTER.match(tail):
        return
    ctx = _Ctx(m, before, tail, num, value, is_word, m.group("scale"),
               (m.group("suf") or "").strip().lower(), measure_near)
    raw.end = m.end()
    if _money(raw, ctx):
        return
    if ctx.scale and ctx.scale.strip().lower() in ("m", "b", "k"):
        head = _head_noun(tail)                  # "100m" alone is metres or a typo
        if not head or head[0] is None:
            raw.needs_borrow = bool(_RANGE_LOW.match(tail) or _AND_AFTER.match(tail))
            return                               # ... unless a range ends in a unit: "5m and 6m tonnes"
    ctx.value = _scaled(value, ctx.scale)
    for rule in (_glued_unit, _percent, _calibre, _compound, _duration, _measure_unit):
        if rule(raw, ctx):
            return
    if _FRACTION_AFTER.match(tail):
        return                                   # multipliers and fractions: "three times", "two thirds"
    _count(raw, ctx)


def _money(raw: _Raw, ctx: _Ctx) -> bool:
    """"$61 billion", "£2.5bn", "61 billion dollars", "1.2 trillion won"."""
    cur = ctx.m.group("cur")
    currency = _CURRENCY_SYMBOLS.get(cur.strip().lower()) if cur else None
    scale = ctx.scale
    cw = None if currency or ctx.suf else _CURRENCY_WORD_RE.match(ctx.tail)
    if cw:
        word = cw.group("word").lower()
        if word == "won" and not (scale or cw.group("scale")):
            cw = None                            # "Biden won 306 votes": a verb
        elif word in ("pounds", "pound") and _OF_AFTER.match(ctx.tail, cw.end()):
            cw = None                            # "500 pounds of explosives": a weight
        if cw:
            currency = _CURRENCY[word]
            scale = scale or cw.group("scale")
            raw.end = ctx.m.end() + cw.end()
    if not currency:
        return False
    if scale and scale.strip().lower() in ("m", "b", "k") and ctx.is_word:
        return True
    raw.value = _scaled(ctx.value, scale)
    if cw and cw.group("word").lower().endswith(("cents", "pence")):
        raw.factor = 0.01
        raw.value = round(raw.value * raw.factor, 6)   # "30 U.S. cents" is $0.30
    raw.unit, raw.currency = "money", currency
    raw.counts = ctx.measure_near(ctx.m.start(), raw.end)
    return True


def _glued_unit(raw: _Raw, ctx: _Ctx) -> bool:
    """Units glued to the digits: "64km", "10kg", "5GW"."""
    if not ctx.m.group("gunit"):
        return False
    entry = _UNITS[ctx.m.group("gunit").lower()]
    raw.value, raw.unit, raw.counts = ctx.value, entry["unit"], entry["canonical"]
    return True


def _percent(raw: _Raw, ctx: _Ctx) -> bool:
    """"8.3 percent", "12 per cent", "40%": counts is the noun after "of" ("60% of its grain
    imports", "40% of EU gas"), else the nearest measure phrase ("8.3 percent increase in its
    financial contribution" -> cost share)."""
    if not ctx.suf.startswith(("%", "per", "pct", "pc")):
        return False
    raw.value, raw.unit = ctx.value, "percent"
    head = last = None
    of = _PERCENT_OF.match(ctx.tail)
    if of:
        rest = ctx.tail[of.end() - 1:]
        head = _head_noun(rest)
        if not (head and head[0]):
            last = _head_noun(rest, last=True)   # "40% of EU gas"
    # The noun after "of" says what the share is of ("60% of its grain", "90% of Russian oil
    # imports"); a measure phrase nearby is only a guess ("energy" from a sentence about prices).
    if last and last[0] in _NOT_A_SHARE:
        last = None                               # "50% of what they earn"
    raw.counts = ((head[0] if head and head[0] else None) or (last[0] if last else None)
                  or ctx.measure_near(ctx.m.start(), ctx.m.end()))
    return True


def _calibre(raw: _Raw, ctx: _Ctx) -> bool:
    """"152mm", "155-millimeter", "155 mm": a calibre, never a count."""
    if not ctx.suf:
        return False
    raw.value, raw.unit = ctx.value, "caliber_mm"
    head = _head_noun(ctx.tail)
    window = ((head[0] or "") if head else "") + ctx.tail[:40]
    gun = _GUN_NOUN.search(window)
    raw.counts = ("shell caliber" if _SHELL_NOUN.search(window)
                  else f"{gun.group(0).lower()} caliber" if gun else "caliber")
    return True


def _compound(raw: _Raw, ctx: _Ctx) -> bool:
    """Hyphenated compounds: "10-person delegation" (members), "five-year plan" (duration),
    "1,300-km border", "12-point plan"; "a 41-year-old" is an age and "10,000-12,000" a range."""
    hy = _HYPHEN_WORD.match(ctx.tail)
    if not hy:
        return False
    w = hy.group("w").lower()
    after = ctx.tail[hy.end():]
    end = ctx.m.end() + hy.end()
    if w in _MEMBERSHIP:
        head = _head_noun(after, first=True)
        if head and head[0]:
            raw.value, raw.unit = ctx.value, "count"
            raw.counts = f"{head[0]} members" if w not in ("nation", "country") else "countries"
            raw.end = end + head[1]
    elif w in _TIME_UNITS:
        if not _OLD_AFTER_HYPHEN.match(after):   # "a 41-year-old" is an age
            raw.value, raw.unit, raw.counts, raw.end = ctx.value, "duration", _TIME_UNITS[w], end
    elif w in _UNITS:
        raw.value, raw.unit, raw.counts, raw.end = ctx.value, _UNITS[w]["unit"], _UNITS[w]["canonical"], end
    elif w == "point":
        raw.value, raw.unit, raw.counts, raw.end = ctx.value, "count", "points", end
    elif _RANGE_HIGH.match(ctx.tail, 1):
        raw.needs_borrow = True                  # a range: "10,000-12,000 troops"
    return True


def _duration(raw: _Raw, ctx: _Ctx) -> bool:
    """"two months", "five years", "four decades"; not "one day" (an idiom) or "five years old"."""
    tu = _TIME_RE.match(ctx.tail)
    if not tu:
        return False
    word = tu.group("u").lower()
    if ctx.is_word and ctx.num.lower() == "one" and word in ("day", "night"):
        return True
    if tu.group("u")[0].isupper() and _LOWER_WORD.search(ctx.before):
        return True                              # "The programme was 60 Minutes": a title in running text
    if _OLD_AFTER.match(ctx.tail, tu.end()):
        return True
    raw.value, raw.unit, raw.counts = ctx.value, "duration", _TIME_UNITS[word]
    raw.end = ctx.m.end() + tu.end()
    return True


def _measure_unit(raw: _Raw, ctx: _Ctx) -> bool:
    """Other units of measure after the number: "40 kilometres", "2 million tonnes"."""
    un = _UNIT_RE.match(ctx.tail)
    if not un or (ctx.is_word and un.group(0).strip().lower() in ("t", "mi", "ft", "m")):
        return False
    entry = _UNITS[un.group(0).strip().lower()]
    raw.value, raw.unit, raw.counts = ctx.value, entry["unit"], entry["canonical"]
    raw.end = ctx.m.end() + un.end()
    return True


def _count(raw: _Raw, ctx: _Ctx) -> None:
    """A count: the head noun after the number, a partitive ("300 of them" with a measure), or
    a bare number whose sentence names what it counts ("the toll rose to 45")."""
    m, before, tail, value = ctx.m, ctx.before, ctx.tail, ctx.value
    if ctx.small_word and (_DETERMINER_BEFORE.search(before) or _MAIN_AFTER.match(tail)) \
            and _SELECTING.match(tail):
        return                                   # "the two largest importers", "the two main parties"
    hedge = _HEDGE_AFTER.match(tail)             # "the 25 or so locals", "1,000 or more employees"
    skip = hedge.end() if hedge else 0
    head = _head_noun(tail[skip:])
    if head and head[0]:
        noun, length, known = head
        length += skip
        if ctx.is_word and ctx.num.lower() == "one" and not known:
            return
        if ctx.small_word and noun.lower() in _DEICTIC and (
                _DETERMINER_BEFORE.search(before) or noun.lower() in ("sides", "koreas") or ctx.num.lower() == "one"):
            return                               # "the two countries", "two sides"
        raw.value, raw.unit, raw.counts = value, "count", noun
        raw.end = m.end() + length
        return
    of = _PARTITIVE.match(tail)
    if of:
        if ctx.is_word and (ctx.small_word or value < 10):
            return                               # "one of", "two of the"
        after = _head_noun(tail[of.end():])
        counts = (after[0] if after and after[0] else None) or ctx.measure_near(m.start(), m.end())
        if counts:
            raw.value, raw.unit, raw.counts = value, "count", counts
        return
    if _RANGE_LOW.match(tail) or (_AND_AFTER.match(tail) and _BETWEEN_BEFORE.search(before)):
        raw.needs_borrow = True                  # the low end of a range: the high end decides
        return
    if ctx.is_word and ctx.value < 1000:
        if ctx.value > 1:
            raw.elliptic = ctx.value             # "... children, four biological and ten adopted"
        return                                   # a bare "two" with no noun is not a figure
    if (_NAME_COMMA_BEFORE.search(before) and _COMMA_AFTER.match(tail)) or _AGE_BEFORE.search(before):
        return                                   # "Anna, 37, fled", "died at age 43": an age
    if _YEAR_RANGE_BEFORE.search(before):
        return                                   # "the 1954-62 war": the end of a year range
    raw.bare = True
    changed = _CHANGE_BY.search(before)
    counts = (_number_of(m.string, m.start()) or (changed.group("n").lower() if changed else None)
              or ctx.measure_near(m.start(), m.end()))
    if counts:
        raw.value, raw.unit, raw.counts = ctx.value, "count", counts
    elif value > 1:
        raw.elliptic = ctx.value


def _number_of(sentence: str, pos: int) -> str | None:
    """What "the number of <noun>" names when it comes at most ~100 characters before a bare
    number at `pos` ("cut the number of polling places from 400" -> polling places). Does not
    look past a sentence or clause end."""
    found = None
    for found in _NUMBER_OF.finditer(sentence, max(0, pos - 100), pos):
        pass
    if found is None or _CLAUSE_BREAK.search(sentence, found.end(), pos):
        return None
    words = found.group("n").lower().split()
    while len(words) > 1 and (words[0] in ("total", "overall") or words[0].endswith("ly")):
        words.pop(0)                             # "total refugees", "retroactively classified emails"
    return " ".join(words)


def _ordinal(text: str, raw: _Raw, tail: str) -> None:
    m = raw.m
    word = m.group("ord")
    value = parse_ordinal(word)
    if value is None or value == 1:
        return                                    # "first time", "first step"
    sup = _SUPERLATIVE.match(tail)
    if sup:
        rest = tail[sup.end():]
        head = _head_noun(rest, last=True)
        raw.value, raw.unit = float(value), "ordinal"
        if head and head[0]:
            raw.counts = f"{head[0]} rank"
            raw.end = m.end() + sup.end() + head[1]
        else:
            raw.counts = "rank"
            raw.end = m.end() + sup.end()
        return
    if word[0].isdigit():
        nxt = _TAIL_TOKEN.match(tail)
        if (not nxt or not nxt.group("t")[0].islower() or nxt.group("t").lower().startswith("centur")
                or _FORMATION.search(tail[:50])):
            return                                # "24th Mechanised Brigade", "20th century",
                                                  # "64th motorised infantry brigade"
        noun = nxt.group("t").lower()
        if noun in _STOPWORDS:
            return
        counts = noun
        of = re.match(r"\s+of\s+(?:the\s+)?(?P<n>[a-z]+)", tail[nxt.end():])
        if of and of.group("n") not in _STOPWORDS:
            counts = f"{noun} of {of.group('n')}"
        raw.value, raw.unit, raw.counts = float(value), "ordinal", counts
        raw.end = m.end() + nxt.end()
        return
    on = _ORDINAL_NOUNS.match(tail)
    if on and on.group("n").lower() not in ("time",):
        raw.value, raw.unit, raw.counts = float(value), "ordinal", on.group("n").lower()
        raw.end = m.end() + on.end()


def _is_label(text: str, m: re.Match, before: str) -> bool:
    """Numbers that name rather than count: "Top 10", "Article 5", "Leopard 2", "No. 1", list
    markers, and numbers glued to a model designation ("Su-25", "2S5")."""
    if m.start() == 0 and _LIST_MARKER.match(text):
        return True
    if m.group("cur"):
        return False
    sign = _NUMBER_SIGN_BEFORE_REVERSED.match(before[::-1])
    percent = bool(m.group("suf")) and m.group("suf").strip()[:1] in "%pP"
    if sign and not (percent and sign.group(0).lstrip().startswith(":")):
        return True                               # "No. 1", "#3", "top 10", "Seeded: 23"
    if percent:
        return False                              # "Clinton 44 percent", "Millennials: 89%"
    prev = _WORD_BEFORE.search(before)
    if prev:
        word = prev.group(1)
        if (word.lower() in _NAME_OK_BEFORE or word.endswith(("’s", "'s", "s’", "s'"))
                or (word.isupper() and len(word) <= 4)):      # "the US 500,000 rounds"
            return False
        if not m.group("num") or word.lower() in _LABEL_WORDS:
            return True
        # A name and then a span of time is not a label: "moved from Germany 30 years ago";
        # nor is a count in a title-case headline: "North Korea Sends 10,000 Troops to Russia".
        if _TIME_RE.match(text, m.end()):
            return False
        nxt = _TAIL_TOKEN.match(text, m.end())
        return not (nxt and nxt.group("t")[0].isupper() and _COUNT_RE.fullmatch(nxt.group("t")))
    return False


def _scaled(value: float, scale: str | None) -> float:
    """value x scale without float noise: 4.1 billion is 4100000000.0, not 4099999999.9999995."""
    mult = scale_value(scale)
    return value if mult == 1 else round(value * mult, 6)


def _looks_like_year(num: str, m: re.Match) -> bool:
    return (len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100
            and not m.group("scale") and not m.group("suf") and not m.group("cur"))


def _noun_follows(tail: str, pos: int) -> bool:
    """A lowercase plural noun comes within two words after `pos`: the known noun before it is
    a modifier of a compound ("bomb threats", "rocket launch systems")."""
    for _ in range(2):
        t = _TAIL_TOKEN.match(tail, pos)
        if not t:
            return False
        w = t.group("t")
        if not w.islower() or w in _STOPWORDS or w in _VERB_LIKE or w.endswith(("ed", "ing")):
            return False
        if _COUNT_RE.fullmatch(w) or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return True
        pos = t.end()
    return False


def _head_noun(tail: str, *, last: bool = False, first: bool = False) -> tuple[str | None, int, bool] | None:
    """What a number counts, read from the words after it, skipping modifiers.

    Returns (noun, length of the text consumed, known) or None when no word follows. `known`
    says the noun came from the lexicon. With `last` the final word before a stop is taken
    (superlatives: "fourth-largest defense exporter"); with `first` the first lowercase word
    ("10-person delegation, including"). Does not look past punctuation or a
    function word.
    """
    pos, tokens = 0, []
    for _ in range(7):
        t = _TAIL_TOKEN.match(tail, pos)
        if not t:
            if tokens and tokens[-1][0][0].isupper():
                model = _MODEL_NUMBER.match(tail, pos)
                if model:                         # "14 Leopard 2 tanks": a model number
                    pos = model.end()
                    continue
            break
        word = t.group("t")
        tok_end = t.end()
        low = word.lower()
        if low in UNITS or low in TENS:
            break                                 # another number: "137 stacked inside two carriages"
        if low in _STOPWORDS or low.rstrip(".") in _STOPWORDS:
            if not tokens and low == "more" and not _MORE_ENDS.match(tail, t.end()):
                pos = t.end()                     # "three more people": "more" adds, it does not end
                continue
            if low.endswith("ed") and not tokens and _noun_follows(tail, t.end()):
                tokens.append((word, tok_end))    # "eight reported incidents", "40 injured people"
                pos = t.end()
                continue
            break
        if first and word.islower():
            return word.rstrip("."), t.end(), False
        cn = _COUNT_RE.match(tail, t.start("t"))
        if cn and not (last or first) and _noun_follows(tail, cn.end()):
            cn = None                             # "60 bomb threats", "rocket launch systems"
            tokens.append((word, tok_end))
            pos = t.end()
            continue
        if cn and not (last or first):
            phrase = cn.group(0).lower()
            entry = _COUNT_NOUNS[phrase]
            end = cn.end()
            if phrase in _CONTAINERS:
                inner = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]*\d[\w.-]*\s+)*", tail[end:])
                if inner:
                    rest = " " + tail[end + inner.end():]
                    sub = _head_noun(rest)
                    if not (sub and sub[0]):
                        sub = _head_noun(rest, last=True)     # "rounds of ammunition."
                    if sub and sub[0]:
                        return sub[0], end, True
            noun = cn.group(0) if entry["as_written"] else entry["canonical"]
            noun = noun if noun.isupper() else noun.lower()
            prev = tokens[-1][0].lower() if tokens else None
            prev2 = " ".join(x[0].lower() for x in tokens[-2:]) if len(tokens) >= 2 else None
            if prev2 in _MODIFIERS:
                noun = f"{prev2} {noun}"
            elif prev in _MODIFIERS and entry["as_written"]:
                noun = f"{prev} {noun}"
            return noun, end, True
        if word.endswith(("s’", "s'")):
            nxt = _TAIL_TOKEN.match(tail, t.end())
            if not nxt or nxt.group("t").lower() in _STOPWORDS:
                word, tok_end = word[:-1], tok_end - 1   # "‘Two Instances’ where": a closing quote
            else:
                pos = t.end()                     # "Sanders' voters": a plural possessive
                continue
        if word.endswith(("’s", "'s")):
            pos = t.end()                         # "of the country's farmland": a determiner
            continue
        if word in _TITLES and tail.startswith(".", t.end()):
            pos = t.end() + 1                     # "30 percent of Mr. Sanders's backers"
            continue
        if word.endswith(".") and not re.search(r"\w\.\w", word):
            tokens.append((word.rstrip("."), tok_end))
            break
        tokens.append((word, tok_end))
        pos = t.end()
    if not tokens:
        return None
    if last:
        while len(tokens) > 1 and (tokens[-1][0].endswith(("ed", "ing")) or tokens[-1][0].lower() in _VERB_LIKE):
            tokens.pop()                          # "fifth-largest grain exporter used to"
        word, end = tokens[-1]
        return word.lower().removesuffix("’s").removesuffix("'s"), end, False
    # Unknown nouns: a capitalised plural before a past-tense verb ("367 Republicans caucused"),
    # the last plural-looking lowercase word ("45 residences were ..."), or a capitalised plural
    # that ends the phrase ("two Britons, Aiden Aslin and ...").
    if (len(tokens) >= 2 and _plural_looking(tokens[0][0]) and tokens[0][0][0].isupper()
            and tokens[0][0][1:].islower() and tokens[1][0].islower() and tokens[1][0].endswith("ed")):
        return tokens[0][0], tokens[0][1], False
    for k, (word, end) in enumerate(reversed(tokens)):
        if word.lower() in _VERB_LIKE:
            continue                              # "15% of Dutch gas comes from Russia"
        if _plural_looking(word) and (word.islower() or (k == 0 and word[0].isupper() and word[1:].islower())):
            return word, end, False
    return None, 0, False


def _plural_looking(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
