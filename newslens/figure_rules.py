"""Second-pass rules over finished figure rows: drop numbers that are not figures, fix a few
values, spans and labels that the per-number rules of `figures.py` cannot see.

`refine_figures` runs once per article on the rows `extract_figures` built. Each rule is a
small predicate or adjuster over (article text, one row) that only looks at the characters
around the row, so the pass costs a few string tests per row. The rules:

  codes      numbers inside codes, names and markup: "9/11", "24/7", "401(k)", a tag's
             attribute value, digits glued to a letter ("GÃ1⁄4len"), "Group of Seven"
  ages       "when she was 21", "at age 78", "aged 54"
  ratios     "6 in 10 voters" is one percentage (60), not a count of 10; "outnumbered 15 to 1"
  birthdays  "his 27th birthday" is an age, not an ordinal of a measured thing
  money      money never counts people or land ("a $700m yacht seized" is not territory)
  verbs      a head-noun walk that ran past a verb: "38 countries cast votes" -> "38 countries"
  scale      "one or two million people": the low end of a range takes the high end's scale;
             "two dozen journalists" is 24
  hedges     "around 10,000 American and 200,000 Korean troops": the hedge covers both
  one        "one person calls", "one soldier said": "one" as an article, not a count
  deictic    "the three volunteers": a back-reference, not a new quantity
  rates      "seven days a week", "24 hours a day"; "one foot in front of the other"

This module does not find new figures and does not re-read what a number counts except for
money rows whose label cannot describe money and rows whose span it shortens.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .model import Figure, Sentence
from .numbers import SCALES, UNITS, parse_number

_NUM_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_SCALE_WORD = "(?i:dozen|hundred|thousand|million|billion|trillion)"
_LEAD_NUMBER = re.compile(rf"(?i:an?)\s+{_SCALE_WORD}|(?:\d[\d,]*(?:\.\d+)?|(?i:{_NUM_WORDS}))(?:\s+{_SCALE_WORD})?")
_NUMBER_AT = re.compile(rf"(?:\d[\d,]*(?:\.\d+)?|(?i:{_NUM_WORDS}))")

# --- codes, names and markup --------------------------------------------------------------
_SLASH_DIGIT = re.compile(r"[/⁄]\d")
_GROUP_OF = re.compile(r"\bGroup\s+of\s+$")

# --- ages -----------------------------------------------------------------------------------
_AGE_BEFORE = re.compile(
    r"(?:\b(?:when|since|until|before|after|because|as)\s+(?:he|she|they|i|we|you)\s+(?:was|were|turned|is|are)"
    r"|\b(?:at|by)\s+(?:the\s+)?ages?(?:\s+of)?|\baged|\bages)\s+$", re.I)

_AGE_ENDINGS = ("was ", "were ", "turned ", "is ", "are ", "age ", "ages ", "aged ", "of ",
                "Age ", "Aged ", "Ages ")

# --- ratios and proportions ------------------------------------------------------------------
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_PROPORTION_BEFORE = re.compile(
    rf"(?<![\w$£€.,])(?P<n>\d{{1,3}}|(?i:{_SMALL}))\s+(?P<link>in|out\s+of)\s+$")
_PROPORTION_AFTER = re.compile(
    rf"^\s+(?:in|out\s+of)\s+(?P<d>\d{{1,3}}(?![.,]?\d)|(?i:{_SMALL}|hundred)\b)"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)")
_RATIO_AFTER = re.compile(r"^(?:\s?[-–]\s?|\s)to(?:\s?[-–]\s?|\s)(?:1|one)\b(?![.,]?\d)|^\s?:\s?1\b(?![.,]?\d)", re.I)
_RATIO_BEFORE = re.compile(r"\d(?:\s?[-–]\s?|\s)to(?:\s?[-–]\s?|\s)$|\d\s?:\s?$")
_NAME_END = re.compile(r"[A-Z][\w-]*\s+$")
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|approximately|over|under|more\s+than|"
    r"less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|just\s+(?:over|under))\s+$", re.I)
# "out of" keeps its denominator as a count ("one out of six reactors", "141 out of 193
# votes") unless it is a round or tiny base, which reads as a proportion ("two out of three").
_PROPORTION_BASES = frozenset({3.0, 4.0, 5.0, 10.0, 100.0, 1000.0})

# --- birthdays ------------------------------------------------------------------------------
_PERSON_POSSESSIVE = re.compile(
    r"(?:\b(?:his|her|my|your|their|our)|\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w-]+['’]s)\s+(?:[\w-]+\s+)?$")

# --- money labels -----------------------------------------------------------------------------
# What a sum of money can never be: a count of people, a land area, a poll rating.
_NOT_MONEY = frozenset({"casualties", "population", "troops", "refugees", "territory",
                        "approval rating", "delegates"})
_AID_VERB = re.compile(r"to aid in\b", re.I)
_CLAUSE_END = re.compile(r"[;:.!?]\s|[;:]")

# --- head-noun walks that ran past a verb -----------------------------------------------------
_VERBS = frozenset("""
became become becomes cast exchanged shared said say says saying told tell tells wrote
show shows showed described describe quoted support supports supported seem seems seemed
looked claimed admitted were are was is have has had will would could can may might did do
hold holds held drew draw draws suggest suggests remains refuses rests face faces include
includes feel felt need needs
does voted want wants wanted back backs backed drives hardly matters remain remained
""".split())
_AFTER_NOUN = frozenset("overseas abroad ago here there today yesterday now again also already still "
                        "alone together each".split())
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")

# --- "one" as an article --------------------------------------------------------------------
_ONE_NEVER_BEFORE = re.compile(r"\b(?:no|any|every|each|the|this|which|just)\s+$", re.I)
_ONE_NEVER_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:or|and|to)\s+(?:another|the\s+other)\b|\s+another\b"
    r"|\s+(?:said|says|told|tells|admitted|claimed|wrote|writes|tweeted|described|explained|recalled|added|"
    r"put\s+it|could|would|can|might)\b)", re.I)
_CASUALTY = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|died|dies|dead|deaths?|wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|"
    r"hospitali[sz]ed|missing|arrested|detained|captured|rescued|evacuated|shot|executed|survived|"
    r"killing)\b", re.I)
_HAVE_BEFORE = re.compile(r"\b(?:has|have|had|having)\s+(?:only\s+)?$", re.I)
_LIST_NEIGHBOUR = re.compile(
    rf"(?:\d[\d,]*|\b(?:{_SMALL}))\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,|\band\b)\s*$", re.I)
# another plural count in the same sentence, joined by "and": "Two rounds landed in courtyards,
# and [one shell] fell", "lifting [one person] from the ruins, and carrying away two bodies"
_COUNT_THEN_AND = re.compile(rf"(?:\d[\d,]*|\b(?i:{_SMALL}|dozens|hundreds))\s+[a-z]+s\b[^.;:!?]*\band\s+$")
_AND_THEN_COUNT = re.compile(rf"^[^.;:!?]{{0,60}}?\band\s+(?:[a-z]+\s+){{0,3}}?(?:\d[\d,]*|(?i:{_SMALL}))\s+[a-z]+s\b")
_LIST_AFTER = re.compile(rf"^[\w\s-]{{0,30}}?(?:,|\band\b|\bto\b|\bor\b|\bfrom\b)\s+(?:\d|(?i:{_SMALL})\b)")

# --- deictic small numbers ------------------------------------------------------------------
_DEICTIC_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)
_OF_AFTER = re.compile(r"^\s+of\b")

# --- scale of a word range ------------------------------------------------------------------
_SCALED_HIGH = re.compile(rf"^\s?(?:-|–|to|or)\s?(?:[\d.]+|(?i:{_NUM_WORDS}))\s+(?P<s>(?i:{'|'.join(SCALES)}))\b")

_DOZENS = re.compile(rf"((?i:{_NUM_WORDS})|\d+)\s+dozen\b")

_OCLOCK_AFTER = re.compile(r"^\s*o\s?['’´`]?\s?clock\b", re.I)
_AND_A_HALF = re.compile(r"^\s+and\s+a\s+half\s+(?P<u>(?i:years?|months?|weeks?|days?|hours?|minutes?))\b")
_FRACTION_OF = re.compile(r"\b(?:(?P<k>(?i:a|one|two|three))\s+)?(?P<f>(?i:quarter|third|half))s?\s+of\s+$")
_TIME_COUNTS = frozenset({"seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years",
                          "decades", "centuries"})

# --- shared hedges --------------------------------------------------------------------------
_COORDINATED_HEDGE = re.compile(
    r"\b(?:about|around|roughly|approximately|some|nearly|almost|more\s+than|over|at\s+least|up\s+to)"
    r"\s+[\d][\d,.]*(?:\s+(?P<w>[A-Za-z-]+))?\s+(?:and|or)\s+$", re.I)

# --- rates and idioms -----------------------------------------------------------------------
_RATE_AFTER = re.compile(r"^\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b", re.I)
_BODY_PART = frozenset({"one foot", "one hand", "one eye", "one leg", "one arm"})
_LENGTH_AFTER = re.compile(r"^\s+(?:of|long|tall|high|deep|wide|thick|away|higher|deeper|taller)\b", re.I)


def refine_figures(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> list[Figure]:
    """The rows of one article with non-figures dropped and a few fields corrected, in order.

    `text` is the article text the rows point into; `sentences` are its sentences (only read
    for the sentence of a lone "one <noun>" row). Does not add rows, except that a proportion's
    denominator row becomes the proportion ("4 in 10" -> 40 percent)."""
    if not figures:
        return figures
    sent_by_id: dict[int, Sentence] | None = None
    out: list[Figure] = []
    for f in figures:
        before = text[max(0, f.start - 60):f.start]
        after = text[f.end:f.end + 60]
        if is_code(text, f.start, f.end) or (f.unit == "count" and is_age(before)):
            continue
        if f.unit == "ordinal" and is_personal_birthday(f, before):
            continue
        if f.unit in ("count", "percent"):
            prop = proportion(text, f, before)
            if prop is not None:
                if out and out[-1].start == prop.start:
                    out[-1] = prop               # the numerator row already read "4 in 10"
                else:
                    out.append(prop)
                continue
            if is_bare(f):
                if _RATIO_AFTER.match(after) or (f.value == 1 and _RATIO_BEFORE.search(before, len(before) - 12)):
                    continue                     # "outnumbered by [15] to 1", "15 to [1]"
                num = _PROPORTION_AFTER.match(after)
                if num:
                    prop = proportion_of_numerator(text, f, num)
                    if prop is not f:
                        if prop is not None:
                            out.append(prop)
                        continue
        if f.unit in ("count", "other", "money"):
            f = fraction_of_scale(text, f, before)
        if f.unit == "count":
            if is_bare(f) and _OCLOCK_AFTER.match(after):
                continue                         # "It was 2 o'clock in the morning": a time
            f = half_more(text, f, after)
            if f.unit != "count":
                out.append(f)
                continue
            if is_one_article(f, before, after):
                if sent_by_id is None:
                    sent_by_id = {s.sent_id: s for s in sentences}
                sent = sent_by_id.get(f.sent_id)
                lo, hi = (sent.start, sent.end) if sent else (f.start - len(before), f.end + len(after))
                if not one_is_counted(f, text[lo:f.start], text[f.end:hi]):
                    continue
            f = fix_dozens(f)
            f = cut_at_verb(f)
            if f is None or is_deictic_small(f, before, text[f.end:f.end + 60]):
                continue
            f = time_count_as_duration(f)
            f = share_hedge(f, before)
        if f.unit == "money" and (f.counts in _NOT_MONEY or (f.counts == "aid" and is_aid_verb_near(text, f))):
            f = replace(f, counts=money_measure(text, f.start, f.end))
        if f.unit in ("duration", "other") and is_rate_or_idiom(f, after):
            continue
        f = widen_range_scale(f, after)
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# Predicates
# ---------------------------------------------------------------------------------------------
def is_code(text: str, start: int, end: int) -> bool:
    """A number inside a code, name or markup: "9/11", "24/7", "$13-1/2", "401(k)", "G7"-like
    digits glued to a letter, mojibake ("GÃ1⁄4len"), a `<tag attr="…">` value, "Group of Seven".
    Does not judge labels after a capitalised word ("Leopard 2"); `figures.py` does."""
    first = text[start]
    if first.isdigit():
        if _SLASH_DIGIT.match(text, end) or (start >= 2 and text[start - 1] in "/⁄" and text[start - 2].isdigit()):
            return True
        if text.startswith("(k)", end):
            return True
        if start and (text[start - 1].isalpha() or text[start - 1] == "⁄"):
            return True
    lt = text.rfind("<", max(0, start - 300), start)
    if lt >= 0 and lt + 1 < len(text) and text[lt + 1].isalpha() and text.find(">", lt, start) < 0 \
            and text.find(">", start) >= 0:
        return True                              # inside <tweet tweet_id="694285415839330306">
    return text.startswith("of ", start - 3) and bool(_GROUP_OF.search(text, max(0, start - 12), start))


def is_bare(f: Figure) -> bool:
    """The row's surface is the number alone, with no noun or unit of its own."""
    s = f.surface
    return " " not in s and "-" not in s and _NUMBER_AT.fullmatch(s) is not None


def proportion(text: str, f: Figure, before: str) -> Figure | None:
    """The denominator of "N in M" / "N out of M" as one percent row spanning "N in M", or None.

    "6 in 10 voters" -> 60 percent of voters; "one in 45 children" -> 2.2 percent. An "out of"
    with a base that is not round ("one out of six reactors", "141 out of 193 votes") stays a
    count. Does not read "N per cent" or fractions."""
    if not before.endswith(("in ", "of ")):
        return None
    m = _PROPORTION_BEFORE.search(before, len(before) - 25)
    if not m:
        return None
    num = _NUMBER_AT.match(f.surface)
    if not num:
        return None
    n, d = parse_number(m.group("n")), parse_number(num.group(0))
    if n is None or d is None or not 0 < n < d:
        return None
    if m.group("link") != "in" and d not in _PROPORTION_BASES:
        return None
    if m.group("n")[0].isupper() and _NAME_END.search(before, 0, m.start()):
        return None                              # "Uranium One in three transactions": a name
    start = f.start - (len(before) - m.start())
    end = f.start + num.end()
    noun = f.surface[num.end():].strip()
    approx = bool(_HEDGE.search(text, max(0, start - 40), start))
    return replace(f, start=start, end=end, surface=text[start:end], value=round(100 * n / d, 1),
                   unit="percent", counts=f.counts if noun else None, approx=approx, currency=None)


def proportion_of_numerator(text: str, f: Figure, after: re.Match) -> Figure | None:
    """A bare numerator row of "N in M" as the percent row spanning "N in M" (the denominator's
    row, if there is one, replaces it with a version that knows the noun); None when N >= M;
    `f` itself when "out of" has a base that is not round ("141 out of 193 votes")."""
    d = parse_number(after.group("d"))
    n = parse_number(f.surface)
    if d is None or n is None or not 0 < n < d:
        return None
    if "out" in after.group(0) and d not in _PROPORTION_BASES:
        return f
    end = f.end + after.end()
    return replace(f, end=end, surface=text[f.start:end], value=round(100 * n / d, 1), unit="percent",
                   counts=None, approx=bool(_HEDGE.search(text, max(0, f.start - 40), f.start)),
                   currency=None)


def is_age(before: str) -> bool:
    """The number right after `before` is an age: "when she was 21", "at age 78", "aged 54"."""
    return (before.endswith(_AGE_ENDINGS)
            and _AGE_BEFORE.search(before, max(0, len(before) - 36)) is not None)


def is_personal_birthday(f: Figure, before: str) -> bool:
    """"his 27th birthday", "Mr. Clinton's 65th birthday": an age. "the city's 240th birthday"
    stays an ordinal."""
    return (f.counts or "").startswith("birthday") and bool(_PERSON_POSSESSIVE.search(before))


def is_one_article(f: Figure, before: str, after: str) -> bool:
    """A count row that reads "one <noun>": "one" may be an article or a pronoun."""
    return f.value == 1 and f.surface[:4].lower() == "one " and f.currency is None


def one_is_counted(f: Figure, before: str, after: str) -> bool:
    """Whether "one <noun>" is a count, given the text of its sentence before and after it:
    never after "no/any/every/the …" or before "another" or a speech verb ("one official
    said"); kept in a sentence about casualties ("killing one person"), after a hedge ("at least
    one child"), after "has/had" ("they had one child"), or beside other counts ("161 men, 73
    women and one child", "two rounds landed …, and one shell fell")."""
    if _ONE_NEVER_BEFORE.search(before, max(0, len(before) - 12)) or _ONE_NEVER_AFTER.match(after) \
            or " another" in f.surface:
        return False
    if f.approx or _HAVE_BEFORE.search(before, max(0, len(before) - 20)):
        return True
    if _CASUALTY.search(before) or _CASUALTY.search(after):
        return True
    return bool(_LIST_NEIGHBOUR.search(before[-60:]) or _LIST_AFTER.match(after)
                or _COUNT_THEN_AND.search(before[-120:]) or _AND_THEN_COUNT.match(after))


def is_deictic_small(f: Figure, before: str, after: str) -> bool:
    """"the three volunteers", "these two types": a small word number after the/these/those is
    a back-reference, whatever the noun (unless "of" follows: "the two of them" is handled by
    figures.py). Hyphenated compounds ("the four-person band") stay."""
    word = f.surface.split(" ", 1)[0]
    if word not in ("two", "three", "four") or " " not in f.surface or f.value > 4:
        return False
    return bool(_DEICTIC_BEFORE.search(before)) and not _OF_AFTER.match(after)


def is_rate_or_idiom(f: Figure, after: str) -> bool:
    """"seven days a week", "24 hours a day" (a rate, not a duration); "one foot in front of the
    other" (a body part, not a length)."""
    if f.unit == "duration" and (f.counts or "") in ("days", "hours") and _RATE_AFTER.match(after):
        return True
    return f.unit == "other" and f.surface.lower() in _BODY_PART and not _LENGTH_AFTER.match(after)


# ---------------------------------------------------------------------------------------------
# Adjusters
# ---------------------------------------------------------------------------------------------
def cut_at_verb(f: Figure) -> Figure | None:
    """Shorten a count whose noun phrase ran past its plural head: "38 countries cast votes" ->
    "38 countries"; "168 … members publicly supports" -> "… members". A number followed directly by
    a verb ("19 support Sanders") keeps the number alone with no label (a word number such as
    "two became" is dropped). Returns None for a dropped row. Does not touch one-word phrases."""
    if f.surface.count(" ") < 2:
        return f
    first = _LEAD_NUMBER.match(f.surface)
    if first is None:
        return f
    words = list(_WORD.finditer(f.surface, first.end()))
    if not words:
        return f
    if words[0].group(0).lower() in _VERBS:
        if not f.surface[0].isdigit():
            return None
        return replace(f, end=f.start + first.end(), surface=f.surface[:first.end()], counts=None)
    for i, w in enumerate(words[:-1]):
        if _plural(w.group(0)):
            if _ends_noun_phrase(words[i + 1].group(0).lower()):
                cut = w.end()
                return replace(f, end=f.start + cut, surface=f.surface[:cut], counts=w.group(0).lower())
            return f
    return f


def _ends_noun_phrase(low: str) -> bool:
    """A word after a plural noun that cannot continue its noun phrase: a verb ("cast",
    "suggests"), an adverb ("publicly", "overseas"), a participle ("buses carrying evacuees",
    "clubs awarded grants") or another number ("four debutants two years ago")."""
    return (low in _VERBS or low in _AFTER_NOUN or low in UNITS
            or (len(low) > 4 and low.endswith(("ly", "ed"))) or (len(low) > 5 and low.endswith("ing")))


def _plural(word: str) -> bool:
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def share_hedge(f: Figure, before: str) -> Figure:
    """"around 10,000 American and 200,000 Korean troops": the hedge before the first number of
    two coordinated numbers that share one noun covers the second too. Not when the first has a
    plural noun of its own ("about 500 troops and 50 vehicles")."""
    if f.approx or not before.endswith(("and ", "or ")):
        return f
    m = _COORDINATED_HEDGE.search(before)
    if not m or (m.group("w") and _plural(m.group("w"))):
        return f
    return replace(f, approx=True)


def fix_dozens(f: Figure) -> Figure:
    """"two dozen journalists" is 24, not 2 ("a dozen" is already 12)."""
    m = _DOZENS.match(f.surface) if "dozen" in f.surface else None
    if not m:
        return f
    base = parse_number(m.group(1))
    if base is None or f.value != base:
        return f
    return replace(f, value=base * 12)


def half_more(text: str, f: Figure, after: str) -> Figure:
    """"jailed for 11 and a half years": one duration of 11.5 years, not a count of 11."""
    m = _AND_A_HALF.match(after) if is_bare(f) else None
    if not m:
        return f
    end = f.end + m.end()
    unit = m.group("u").lower()
    counts = unit if unit.endswith("s") else unit + "s"
    return replace(f, end=end, surface=text[f.start:end], value=f.value + 0.5, unit="duration", counts=counts)


def fraction_of_scale(text: str, f: Figure, before: str) -> Figure:
    """"a quarter of a million inhabitants" is 250,000 (the row read "a million inhabitants");
    the span takes in the fraction. Only quarters, thirds and halves of "a <scale>"."""
    if not before.endswith("of ") or not f.surface[:2].lower() == "a ":
        return f
    m = _FRACTION_OF.search(before, max(0, len(before) - 30))
    if not m:
        return f
    k = {"a": 1, "one": 1, "two": 2, "three": 3}[(m.group("k") or "a").lower()]
    frac = {"quarter": 0.25, "third": 1 / 3, "half": 0.5}[m.group("f").lower()]
    start = f.start - (len(before) - m.start())
    approx = f.approx or bool(_HEDGE.search(text, max(0, start - 30), start))
    return replace(f, start=start, surface=text[start:f.end], value=round(f.value * frac * k, 6), approx=approx)


def time_count_as_duration(f: Figure) -> Figure:
    """"58 straight days", "18 long months": a count of time units is a duration."""
    if f.counts not in _TIME_COUNTS or "watt" in f.surface.lower():
        return f
    return replace(f, unit="duration")


def widen_range_scale(f: Figure, after: str) -> Figure:
    """"one or two million people": the low end of a range gets the scale of the high end when
    it has none of its own."""
    if f.unit not in ("count", "money", "other") or not is_bare(f):
        return f
    m = _SCALED_HIGH.match(after)
    if not m:
        return f
    base = parse_number(f.surface)
    if base is None or f.value != base:
        return f
    return replace(f, value=base * SCALES[m.group("s").lower()])


def money_measure(text: str, start: int, end: int) -> str | None:
    """What a sum of money measures, from the measure phrases of its clause that can describe
    money: the nearest one after the number within 80 characters, else the nearest before
    within 60; None when there is none. Does not look past ";", ":" or a sentence end."""
    lo = max(0, start - 60)
    hi = min(len(text), end + 80)
    left = text[lo:start]
    cut = None
    for cut in _CLAUSE_END.finditer(left):
        pass
    if cut:
        lo += cut.end()
    right = _CLAUSE_END.search(text, end, hi)
    if right:
        hi = right.start()
    best_after = best_before = None
    measures, measure_re = _measure_table()
    for m in measure_re.finditer(text.lower(), lo, hi):
        canon = measures[m.group(0)]
        if canon in _NOT_MONEY or (m.start() and text[m.start() - 1].isalnum()):
            continue
        if _AID_VERB.match(text, max(0, m.start() - 3)):
            continue                             # "a metal detector to aid in clearing mines": a verb
        if m.start() >= end and best_after is None:
            best_after = canon
        elif m.end() <= start:
            best_before = canon
    return best_after or best_before


def is_aid_verb_near(text: str, f: Figure) -> bool:
    """"to aid in" (a verb: "to help in") within the 80 characters after a sum or the 60 before
    it, which the first pass may have read as the measure "aid"."""
    return "aid in" in text[max(0, f.start - 60):f.end + 80] and bool(
        _AID_VERB.search(text, max(0, f.start - 60), f.end + 80))


def _measure_table() -> tuple[dict[str, str], re.Pattern]:
    """figures.py's measure phrases (lower case -> canonical) and their regex, reused rather
    than rebuilt from the lexicon. Imported here, not at the top: figures imports this module."""
    from .figures import _MEASURE_RE, _MEASURES
    return _MEASURES, _MEASURE_RE
