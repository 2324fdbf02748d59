"""The dates table: calendar dates named in an article, resolved to ISO.

Recognised: "Nov. 7", "November 27, 2024", "29 January 2024", "the 24th of February",
"February 2022", a month after a time preposition ("in December", "since mid-March"), a year in
a time context ("in 1990", "since 2014", "back to 1990", "the 2014 annexation", "her 2008
campaign" - but not "their 2000 troops", a count), ISO dates
("2024-11-27", "2024-11-27T10:00") and European day.month.year ("27.11.2024"). Each is resolved
to as much of YYYY-MM-DD as the text and the article's publication date support; a date without
a year takes the year nearest the publication date (looking back unless the sentence points
forward), and keeps no year at all ("--01-29", "--12") when the article has none.

Not recognised, by design: weekday names ("on Tuesday"), relative phrases ("last week",
"yesterday", "this month", "next March"), times of day, decades ("the 1990s"), and numeric
dates whose day/month order is ambiguous ("11/07/2024"). Nothing is read from page chrome or
from inside a markup tag (`<tweet datetime="2016-01-01">`).
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from .lexicons import load_lexicon
from .model import Article, DateMention, Sentence, Span
from .numbers import trie_regex

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
# "November's World Cup", "March's attack": a month's possessive names that month ("May's" is
# usually Theresa May's).
_MONTH_POSSESSIVE = (r"(?:January|February|March|April|June|July|August|September|October|November|"
                     r"December)")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Words after which a lone month or year names a time ("in December", "since 2014").
_TIME_PREP = (r"(?:in|In|since|Since|until|Until|till|by|By|from|From|through|throughout|during|During|"
              r"before|Before|after|After|early|Early|late|Late|mid|Mid|between|Between|and|or|of|to|"
              r"around|circa|summer|spring|autumn|fall|winter|Summer|Spring|Autumn|Winter|"
              r"end|start|beginning|the|The|[’'´]s|into|dated)")
# Possessives and determiners before "<year> <noun>" ("her 2008 campaign", "a 2019 study"):
# only for the year branch (a month after them is not a date: "her March trip" is rare, "a May" a
# name), and only with a singular, non-count noun after the year (see `_year_context_ok`).
# Possessive determiners before a month and a noun: "his June meeting", "her February arrest".
_MONTH_DET = r"(?:his|His|her|Her|its|Its|their|Their|our|Our)"
_YEAR_DET = r"(?:his|His|her|Her|its|Its|their|Their|our|Our|my|My|your|Your|this|This|that|That|a|A)"

DATE_RE = re.compile(
    rf"""(?P<iso>\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d))
       |(?P<dotted>\b(?P<dot_d>0?[1-9]|[12]\d|3[01])\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR})(?!\d))
       |(?P<mdy>\b(?P<mdy_m>{_MONTH})(?:\s|(?<=\.)(?=\d)|,\s(?=\d{{1,2}},\s{_YEAR}))(?P<mdy_d>{_DAY})\b
            (?![:.]\d|\s*(?:%|percent|per\s?cent))
            (?:,?\s(?P<mdy_y>{_YEAR})\b)?)
       |(?P<dmy>\b(?:the\s)?(?P<dmy_d>{_DAY})\s(?:of\s)?(?P<dmy_m>{_MONTH})(?![\w])
            (?:,?\s(?P<dmy_y>{_YEAR})\b)?)
       |(?P<my>\b(?P<my_m>{_MONTH})(?:\sof)?,?\s(?P<my_y>{_YEAR})\b)
       |(?P<mo>(?P<mo_p>\b(?:{_TIME_PREP}|an?|An?|for|For|{_MONTH_DET}))[\s-]+(?P<mo_m>{_MONTH})(?!\w)(?!\.?,?\s+\d))
       |(?P<mp>(?<!\blast\s)(?<!\bnext\s)(?<!\bthis\s)(?<!\bLast\s)(?<!\bNext\s)(?<!\bThis\s)
            \b(?P<mp_m>{_MONTH_POSSESSIVE})(?=['’]s\b))
       |(?P<yl>(?<=\d,\s)(?P<yl_y>{_YEAR})\b(?![,.]?\d|\s*(?:%|percent)))
       |(?P<yr>(?P<yr_p>(?:\b|(?<=[’'´]))(?:back\sto|{_TIME_PREP}|{_YEAR_DET}))[\s-]+(?P<yr_y>{_YEAR})\b(?![,.]?\d|-[01]\d-|\s*(?:%|percent)))
    """, re.X)

# Window seeds for _scan: prefix-factored literals, so the scan skips most characters fast.
_MONTH_CANDIDATE = re.compile(trie_regex([n for n in calendar.month_name if n]
                                         + [n for n in calendar.month_abbr if n] + ["Sept"]))
_YEAR_CANDIDATE = re.compile(r"(?:1[89]|20)\d\d")

# Times of day: not rows here, and never figures.
# Each branch starts after one shared digit (and a look-behind for the character before it),
# so the scan can skip to digits.
TIME_RE = re.compile(r"\d(?<![\w.]\d)(?:\d?(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?|\d?\s*(?:[ap]\.m\.|[ap]m\b)"
                     r"|\d?\s+o['’]clock\b"
                     r"|(?<=[0-2])\d[0-5]\d\s*(?:\(?[ap]\.?m\.?\)?|GMT|UTC|hrs\b|hours\s+(?:GMT|UTC|local)))", re.I)
# A lone month after "the" is usually an event name or noun ("the March decision" is still a
# month, "the May 9 parade" is handled by mdy) - accept only these nouns after "the <year>".
_YEAR_NOUN_AFTER_THE = re.compile(r"\s+[a-z][a-z-]+")
_QUANTITY_AFTER_YEAR = re.compile(
    r"\s+(?:troops|soldiers|people|civilians|men|women|children|residents|units|tanks|drones|missiles|"
    r"shells|rounds|km|kilometers|kilometres|miles|tons|tonnes|dollars|euros|pounds|votes|cases|"
    r"deaths|casualties|prisoners|refugees|homes|buildings|vehicles|times|of(?!\s+[a-z]+ing\b))\b")
_YEAR_NAME_AFTER_THE = re.compile(r"\s+(?:[A-Z][a-z]+|(?:[A-Z]\.){2,})")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_DET_PREPS = frozenset(w.lower() for w in _YEAR_DET.strip("(?:)").split("|"))
# After a possessive or determiner the year must be 19xx/20xx and the next word a lowercase
# noun that is not a count the figures table claims ("their 2000 members", "a 2000 drone")
# and not some other plural ("our 2000 cousins"): there the number is a count, not a year.
_DET_YEAR = re.compile(r"(?:19|20)\d\d")
_DET_NOUN_AFTER = re.compile(r"\s+(?P<w>[a-z][a-z-]*)(?![\w-])")
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:" + "|".join(re.escape(p) for p in sorted(
        {p.lower() for e in load_lexicon("measures") if e["kind"] == "count_noun" for p in e["phrases"]},
        key=len, reverse=True)) + r")(?![\w-])")
_COUNT_NOUN_AFTER_ANY_CASE = re.compile(_COUNT_NOUN_AFTER.pattern, re.I)
# Plural event nouns that still name a year's event ("her 2008 memoirs" stays out).
_EVENT_PLURALS = frozenset({"elections", "olympics", "games", "primaries", "midterms", "protests",
                            "negotiations", "accords", "hearings", "floods", "riots"})


def resolve_year(month: int, day: int | None, published: date | None, *,
                 future: bool = False) -> int | None:
    """The year that puts month/day nearest `published`, news usually looking back.

    Without a future cue in the sentence (`future`), the latest past occurrence wins when it
    lies within ~10 months before publication; otherwise the closest occurrence either side.
    """
    if published is None:
        return None
    gaps: list[tuple[int, int]] = []      # (signed gap in days: negative = before, year)
    for year in (published.year - 1, published.year, published.year + 1):
        if day is not None:
            try:
                first = last = date(year, month, day)
            except ValueError:
                continue
        else:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        if first <= published <= last:
            return year
        gap = (first - published).days if first > published else (last - published).days
        gaps.append((gap, year))
    if not gaps:
        return None
    past = [(g, y) for g, y in gaps if g < 0]
    if not future and past:
        g, y = max(past)
        if -g <= _LOOK_BACK_DAYS:
            return y
    return min(gaps, key=lambda gy: abs(gy[0]))[1]


_LOOK_BACK_DAYS = 300
# "by mid-August", "until June": deadlines point forward as often as back.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+(?:(?:mid|early|late)[-\s]+|the\s+end\s+of\s+)?$",
                              re.I)
_FUTURE_CUE = re.compile(r"\b(?:will|shall|next|upcoming|plans?\s+to|planned|expected\s+to|scheduled|"
                         r"is\s+due|are\s+due|to\s+be\s+held|set\s+(?:to|for)|ahead\s+of|deadline|"
                         r"(?:goes|go|come|comes|enters?)\s+into\s+(?:effect|force)|takes?\s+effect)\b", re.I)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}" if year else None
    if day is not None:
        try:
            date(year or 2000, month, day)    # 2000 is a leap year: Feb 29 stays valid
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_RANGE_LINK = re.compile(r"^\s*(?:-|–|—|to|and|until|till|through)\s*$")


def find_dates(text: str, *, published: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, iso) of each date in `text`, in order. Does not skip chrome."""
    found = date_matches(text)
    if not found:
        return []
    pub = _parse_published(published)
    out = []
    future = bool(_FUTURE_CUE.search(text)) if pub and any(f[2] is None for f in found) else False
    prev: tuple[int, int | None, int | None, bool] | None = None     # (end, year, month, year inferred)
    for start, end, y, mo, d in found:
        inferred = y is None and mo is not None
        if inferred:
            if d is None and pub and _FORWARD_EVENT.match(text, end):
                y = next_occurrence(mo, pub)     # "the November election" is usually ahead
            else:
                deadline = bool(_DEADLINE_BEFORE.search(text[max(0, start - 30):start]))
                y = resolve_year(mo, d, pub, future=future or deadline)
            if (y is not None and prev and prev[3] and prev[1] is not None and prev[2] is not None
                    and _PAIR_LINK.fullmatch(text, prev[0], start)):
                y = pair_year(prev[1], prev[2], y, mo)
        iso = _iso(y, mo, d)
        if iso:
            out.append((start, end, iso))
        prev = (end, y, mo, inferred)
    return out


# The link between the two months of a pair ("July and August", "March or April", "June, July").
_PAIR_LINK = re.compile(r"\s*(?:,|and|or|to|through|-|–)\s*(?:(?:early|mid|late)[-\s]+)?")
# Events that a bare month before them names ahead of time: "the November election", "a June
# referendum", "November's crunch election", "the November ballot". Past events ("the February invasion") keep resolve_year.
_FORWARD_EVENT = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?"
                            r"(?:elections?|ballot|vote|polls|referendum|runoff|matchup|showdown)\b", re.I)
_RECENT_PAST_DAYS = 60


def pair_year(first_year: int, first_month: int, year: int, month: int) -> int:
    """The year of the second month of a pair ("July and August", "December and January",
    "February and October") whose own resolution put it more than six months from the first:
    the year that puts it nearest the first month. Within six months `year` stands, so a list
    that runs backwards ("polls in February and October", written in May) keeps its years."""
    def index(y: int, m: int) -> int:
        return 12 * y + m
    first = index(first_year, first_month)
    if abs(index(year, month) - first) <= 6:
        return year
    return min((first_year - 1, first_year, first_year + 1), key=lambda y: abs(index(y, month) - first))


def next_occurrence(month: int, published: date) -> int:
    """The year of `month` at or after `published`, unless that month ended within the last
    ~two months (then its year): "the November election" in April 2016 is November 2016, in
    December 2016 it is still November 2016."""
    year = published.year
    if month < published.month:
        last_day = date(year, month, calendar.monthrange(year, month)[1])
        if (published - last_day).days > _RECENT_PAST_DAYS:
            year += 1
    return year


# The dates and figures extractors both read the dates of the same sentences (figures to skip
# the numbers inside them); the cache lets the second one reuse the first one's scan. The
# sentence text is the key (its hash is cached on the string), so the result is the same as
# without the cache.
@lru_cache(maxsize=4096)
def date_matches(text: str) -> tuple[tuple[int, int, int | None, int | None, int | None], ...]:
    """(start, end, year, month, day) of each date pattern in `text` that its context allows,
    before any year is inferred from a publication date (year None: not written). A range's
    first end takes the second end's year ("between Feb. 24 and March 3, 2022"). Does not
    resolve years or build ISO strings: `find_dates` does."""
    found: list[list] = []          # [start, end, year, month, day, explicit_year]
    matches = _scan(text)
    if not matches:
        return ()
    for m in matches:
        kind = next(k for k in ("iso", "dotted", "mdy", "dmy", "my", "mo", "mp", "yl", "yr") if m.group(k))
        if kind == "iso":
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            found.append([m.start(), m.end(), y, mo, d, True])
        elif kind == "dotted":                     # European day.month.year: "27.11.2024"
            found.append([m.start(), m.end(), int(m.group("dot_y")), int(m.group("dot_m")),
                          int(m.group("dot_d")), True])
        elif kind == "mdy":
            y = m.group("mdy_y")
            found.append([m.start(), m.end(), int(y) if y else None, _month(m.group("mdy_m")),
                          _day(m.group("mdy_d")), bool(y)])
        elif kind == "dmy":
            y = m.group("dmy_y")
            found.append([m.start("dmy_d"), m.end(), int(y) if y else None, _month(m.group("dmy_m")),
                          _day(m.group("dmy_d")), bool(y)])
        elif kind == "my":
            found.append([m.start(), m.end(), int(m.group("my_y")), _month(m.group("my_m")), None, True])
        elif kind == "mo":
            if not _month_context_ok(text, m):
                continue
            found.append([m.start("mo_m"), m.end("mo_m"), None, _month(m.group("mo_m")), None, False])
        elif kind == "mp":
            found.append([m.start(), m.end(), None, _month(m.group("mp_m")), None, False])
        elif kind == "yl":
            # "in 2010, 2014 and 2019": a year after a comma only continues a list of years
            if not (found and found[-1][3] is None and found[-1][2] is not None
                    and text[found[-1][1]:m.start()] == ", " and _LIST_GOES_ON.match(text, m.end())):
                continue
            found.append([m.start(), m.end(), int(m.group("yl_y")), None, None, True])
        else:
            if not _year_context_ok(text, m):
                continue
            found.append([m.start("yr_y"), m.end("yr_y"), int(m.group("yr_y")), None, None, True])
    # "between Feb. 24 and March 3, 2022": the first end takes the second end's year.
    for a, b in zip(found, found[1:]):
        if a[2] is None and b[5] and a[3] and _RANGE_LINK.match(text[a[1]:b[0]]):
            a[2] = b[2] if (b[3] or 13) >= a[3] else b[2] - 1
    return tuple((f[0], f[1], f[2], f[3], f[4]) for f in found)


def _scan(text: str) -> list[re.Match]:
    """DATE_RE matches in `text`, tried only in windows around a month name or a year.

    Same result as `DATE_RE.finditer` for dates that fit their window (a date starts at most
    ~30 characters before its month or year), at a fraction of the cost on long texts.
    """
    windows: list[list[int]] = []
    for cand in (_MONTH_CANDIDATE, _YEAR_CANDIDATE):
        for m in cand.finditer(text):
            windows.append([max(0, m.start() - 32), min(len(text), m.end() + 16)])
    if not windows:
        return []
    windows.sort()
    merged = [windows[0]]
    for w in windows[1:]:
        if w[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], w[1])
        else:
            merged.append(w)
    out: list[re.Match] = []
    last = -1
    for ws, we in merged:
        for m in DATE_RE.finditer(text, ws, we):
            if m.start() >= last:
                out.append(m)
                last = m.end()
    return out


def _month_context_ok(text: str, m: re.Match) -> bool:
    """A lone month counts after a time preposition, not after "last/next/this" (relative); after
    "the"/"a"/"an" only before a lowercase noun ("the November election", "an April swap"); after
    "and"/"or" only in a range or a pair of months ("in July and August")."""
    prep = m.group("mo_p").lower()
    month = m.group("mo_m")
    if month == "May" and prep in ("the", "’s", "'s", "´s", "and", "or", "to", "a", "an", "for",
                                   "his", "her", "its", "their", "our"):
        return False                 # "the May elections" is fine but "to May" is often a name
    if prep in ("the", "a", "an", "his", "her", "its", "their", "our", "’s", "'s", "´s"):
        noun = _NOUN_AFTER_MONTH.match(text, m.end())
        return bool(noun) and noun.group("w") not in _NOT_EVENT_NOUNS
    if prep in ("and", "or") and _MONTH_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return True
    if prep == "and":
        return bool(re.search(r"\bbetween\s+\S+\s*$", text[:m.start()]))
    if prep == "to":
        return bool(re.search(r"\bfrom\s+\S+\s*$", text[:m.start()]))
    return True


# "the November election", "an April prisoner swap": a lowercase noun after the month.
# What may follow a year in a list of years: the next item or the list's end ("2014, 2000 troops" is
# a year and a count).
_LIST_GOES_ON = re.compile(r"\s*(?:,|;|\.|\)|\band\b|\bor\b|$)")
_NOUN_AFTER_MONTH = re.compile(r"\s+(?P<w>[a-z][a-z-]{2,})\b")
_NOT_EVENT_NOUNS = frozenset("of for and but to in on at with by from is was are were has had have will "
                             "would that which who than".split())
# "in July and August", "in May or June": the second month of a pair after a first one.
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}(?:\s+{_YEAR})?\s+$")


def _year_context_ok(text: str, m: re.Match) -> bool:
    """A year in a time context, not a quantity ("in 2000 troops") or a title ("Euro 2024")."""
    after = text[m.end():m.end() + 30]
    if _QUANTITY_AFTER_YEAR.match(after):
        return False
    prep = m.group("yr_p").lower()
    before = text[:m.start()]
    if prep in _DET_PREPS:
        noun = _DET_NOUN_AFTER.match(after)
        if not noun or not _DET_YEAR.fullmatch(m.group("yr_y")) or _COUNT_NOUN_AFTER.match(after):
            return False
        w = noun.group("w")
        return w in _EVENT_PLURALS or not (w.endswith("s") and not w.endswith(("ss", "us", "is")))
    if prep in ("the", "’s", "'s", "´s"):
        # "the 2014 annexation", "Russia's 2022 invasion": a lowercase noun must follow, or a
        # capitalised name that is not a count ("the 2012 Deferred Action program", "the 2016
        # Democratic convention"; not "the 2000 Marines").
        if _YEAR_NOUN_AFTER_THE.match(after):
            return True
        return (bool(_YEAR_NAME_AFTER_THE.match(after)) and bool(_DET_YEAR.fullmatch(m.group("yr_y")))
                and not _COUNT_NOUN_AFTER_ANY_CASE.match(after))
    if prep == "into":
        return not _PLURAL_AFTER.match(after)  # "back into 1992", not "split into 2000 pieces"
    if prep == "and":
        return bool(re.search(r"\bbetween\s+\S+\s*$", before)) or bool(
            re.search(r"\b(?:in|since|of|between)\s+" + _YEAR + r"\s*$", before)) or bool(
            re.search(r"\b" + _YEAR + r",\s+" + _YEAR + r",?\s+$", before))    # "in 2010, 2014 and 2019"
    if prep == "to":
        return prep == "back to" or bool(re.search(r"\bfrom\s+\S+\s*$", before))
    if prep == "or":
        return bool(re.search(r"\bin\s+" + _YEAR + r"\s*$", before))
    if prep in ("end", "start", "beginning"):
        return False                          # "end 2023" is rare; "the end of 2023" uses "of"
    if prep == "of":
        # "the end of 2023", "the summer of 2022", "spring of 1990" - not "a budget of 2000".
        return bool(re.search(r"\b(?:end|start|beginning|middle|summer|spring|autumn|fall|winter|"
                              r"half|quarter|part|months?|years?|class|election|elections|primary|primaries|"
                              r"caucus(?:es)?|campaign|war|crisis|revolution|invasion|annexation|uprising|"
                              r"tournament|championships?|season|games|olympics|summit|referendum|census|"
                              r"agreements?|accords?|treaty|treaties|protests|attacks?|talks|period)\s+$",
                              before, re.I))
    return True


def date_spans(text: str, *, date_free: bool = False) -> list[Span]:
    """Spans of dates and times of day in `text`: numbers there are not figures.

    `date_free` says the caller knows `text` holds no month name or year (see `may_hold_dates`):
    only times of day are looked for then."""
    # as find_dates(text) without a publication date: no year is inferred, so a day that
    # exists in no year (Feb. 30) is no date, and Feb. 29 is one
    spans = [] if date_free else [(s, e) for s, e, y, mo, d in date_matches(text) if _iso(y, mo, d)]
    spans += [m.span() for m in TIME_RE.finditer(text)]
    return sorted(spans)


@lru_cache(maxsize=8)
def _seed_starts(text: str) -> tuple[int, ...]:
    """Sorted starts of the month names and year-like numbers every date is found around
    (`_scan`'s window seeds), over a whole article: two scans instead of two per sentence."""
    return tuple(sorted([m.start() for m in _MONTH_CANDIDATE.finditer(text)]
                        + [m.start() for m in _YEAR_CANDIDATE.finditer(text)]))


def may_hold_dates(text: str, start: int, end: int) -> bool:
    """False when `text[start:end]` (a sentence of the article `text`) certainly holds no date:
    no month name or year-like number starts inside it. Seeds are letters or digits, so with
    whitespace (or the text's edge) on both sides none can straddle the span and the answer is
    exactly whether the span's own scan would find one; otherwise it answers True and lets
    the sentence's own scan decide. Does not look for times of day."""
    if (start > 0 and not text[start - 1].isspace()) or (end < len(text) and not text[end].isspace()):
        return True
    seeds = _seed_starts(text)
    k = bisect_left(seeds, start)
    return k < len(seeds) and seeds[k] < end


# A markup tag's opening: "<tweet", "</tweet", "<a". Its attributes hold no text a reader sees.
_TAG_OPEN = re.compile(r"<[A-Za-z/]")
_TAG_LOOKBACK = 1000


def in_markup_tag(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` lies inside a markup tag (`<tweet datetime="2016-01-01">`):
    a '<' opening a tag comes after the last '>' before `start`, and a '>' closes it at or after
    `end` with no '<' between. Looks back at most ~1000 characters; does not parse HTML."""
    lt = text.rfind("<", max(0, start - _TAG_LOOKBACK), start)
    if lt < 0 or text.rfind(">", lt, start) >= 0 or not _TAG_OPEN.match(text, lt):
        return False
    gt = text.find(">", end, end + _TAG_LOOKBACK)
    return gt >= 0 and text.find("<", end, gt) < 0


def extract_dates(article: Article, sentences: list[Sentence]) -> list[DateMention]:
    """Date mentions in the non-chrome sentences of `article`, in document order. Dates inside
    a markup tag's attributes (`<tweet datetime="2016-01-01">`) are not rows: no reader sees them."""
    out: list[DateMention] = []
    for sent in sentences:
        if sent.chrome or not may_hold_dates(article.text, sent.start, sent.end):
            continue                  # most sentences name no month or year: skip them at once
        for s, e, iso in find_dates(sent.text, published=article.published):
            start, end = sent.start + s, sent.start + e
            if article.in_chrome(start, end) or in_markup_tag(article.text, start, end):
                continue
            out.append(DateMention(article.doc_id, sent.sent_id, start, end, article.text[start:end], iso))
    return out


