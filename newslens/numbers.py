"""Shared number parsing: digits with separators, number words, scale words.

The regex fragments here are building blocks for the figures and dates extractors; they are
compiled into those modules' combined patterns once, at import. This module does not decide
whether a number is a figure (that is `figures.py`) and does not read fractions ("two-thirds"),
vague plurals ("hundreds of") or European decimal commas ("8,3").
"""
from __future__ import annotations

import re

# Thin, narrow no-break, no-break and zero-width spaces are thousands separators in wire copy
# ("10 900 troops"); a plain space is not, because "in 2022 100 people" is two numbers.
GROUP_SEPARATORS = ",\u00a0\u202f\u2009\u200b"
_SEP = "[" + GROUP_SEPARATORS + "]\u200b?"

# 10,900 / 10 900 / 8.3 / 1000 / .5 is not read (a leading dot is usually a list or a typo).
DIGITS = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                            "trillion": 1e12}
# Abbreviated scales written after digits ("£2.5bn", "$100m", "5mln").
SCALE_ABBREVIATIONS: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9,
                                         "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}


def trie_regex(words) -> str:
    """One regex alternation for many literal words, factored by shared prefixes.

    Python's `re` tries the branches of a flat alternation one by one at every position; a
    prefix-factored pattern rejects a position after one character, which keeps a whole
    sentence scan fast. Longer words win over their prefixes ("sixteen" before "six").
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def _alt(words) -> str:
    return trie_regex(words)


# "two and a half million", "11 and a half years": the half belongs to the number only before a
# scale or a unit of time (not "two and a half-hour meetings", not "three and a half of them").
AND_A_HALF = (r"\s+and\s+a\s+half(?=\s+(?:thousand|million|billion|trillion|years?|months?|weeks?|days?|"
              r"hours?|minutes?|decades?|centuries)\b)")

_UNIT_WORD = _alt(UNITS)
_TENS_WORD = rf"(?:{_alt(TENS)})(?:[-\u2010\u2011 ](?:{_alt(k for k in UNITS if UNITS[k] < 10 and k != 'zero')}))?"
_SMALL = rf"(?:{_TENS_WORD}|{_UNIT_WORD})"
# "six", "twenty-five", "two hundred", "three hundred and twenty", "two million", "a dozen",
# "a million", "a hundred thousand". A leading "a"/"an" is only part of a number before a scale.
WORDS = (rf"(?:half\s+)?an?\s+dozen|half\s+an?\s+(?:hundred|thousand|million|billion|trillion)|(?:(?:{_SMALL})(?:{AND_A_HALF})?|an?(?=\s+(?:hundred|thousand|million|billion|trillion)\b))"
         rf"(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?"
         rf"(?:\s+(?:thousand|million|billion|trillion)(?:\s+(?:and\s+)?{_SMALL}(?!\s+(?:hundred|thousand|million|billion)))?)*"
         )
ORDINAL_WORD = rf"(?:(?:{_alt(TENS)})[-\u2010\u2011])?(?:{_alt(ORDINAL_WORDS)})"

_DIGITS_RE = re.compile(rf"^(?:{DIGITS})$")
_HALF_RE = re.compile(r"\s+and\s+a\s+half\b")
_DIGITS_HALF_RE = re.compile(rf"^({DIGITS})\s+and\s+a\s+half$", re.I)
_TOKEN_RE = re.compile(r"[a-z]+")


def parse_digits(text: str) -> float:
    """The value of a digit string with group separators: "10,900" -> 10900.0."""
    clean = re.sub("[" + GROUP_SEPARATORS + "]", "", text)
    return float(clean)


def parse_words(text: str) -> float | None:
    """The value of a number written in words ("twenty-five", "two million", "a dozen").

    Returns None when the words do not form a number (a bare "a"). Does not read ordinals
    ("fourth") or vague plurals ("hundreds").
    """
    low = _HALF_RE.sub(" halfmore ", text.lower())
    tokens = _TOKEN_RE.findall(low.replace("\u2010", "-").replace("\u2011", "-"))
    total, current, seen = 0.0, 0.0, False
    half = bool(tokens) and tokens[0] == "half"
    for tok in tokens[1:] if half else tokens:
        if tok in ("a", "an"):
            current = max(current, 1.0)
            continue
        if tok == "and":
            continue
        if tok == "halfmore":                    # "two and a half million"
            current += 0.5
            continue
        if tok == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in SCALES:
            total += (current or 1.0) * SCALES[tok]
            current = 0.0
            seen = True
        else:
            return None
    if not seen:
        return None
    return (total + current) * (0.5 if half else 1.0)


def parse_number(text: str) -> float | None:
    """Digits ("1,000", "8.3", "11 and a half") or words ("six", "two hundred", "two and a half
    million"); None when neither."""
    text = text.strip()
    if _DIGITS_RE.match(text):
        return parse_digits(text)
    half = _DIGITS_HALF_RE.match(text)
    if half:                                     # "11 and a half"
        return parse_digits(half.group(1)) + 0.5
    return parse_words(text)


def parse_ordinal(text: str) -> int | None:
    """"1,000th" -> 1000, "fourth" -> 4, "twenty-first" -> 21; None otherwise."""
    t = text.lower().strip()
    m = re.match(rf"^({DIGITS})(?:st|nd|rd|th)$", t)
    if m:
        return int(parse_digits(m.group(1)))
    parts = re.split(r"[-\u2010\u2011 ]", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return TENS[parts[0]] + ORDINAL_WORDS[parts[1]]
    return ORDINAL_WORDS.get(t)


def scale_value(word: str | None) -> float:
    """Multiplier of a scale word or abbreviation ("billion", "bn", "m"); 1 when absent."""
    if not word:
        return 1.0
    w = word.strip().lower().rstrip(".")
    return SCALES.get(w) or SCALE_ABBREVIATIONS.get(w) or 1.0
