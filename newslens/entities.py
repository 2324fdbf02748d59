"""People, organisations and places mentioned in an article, with canonical names.

- Places: the gazetteer `lexicons/places.yaml` (countries, cities, regions of this war, with
  variants: Kiev -> Kyiv, U.S. -> United States), one Aho-Corasick pass, case-sensitive whole
  words.
- Organisations: the lexicon `lexicons/orgs.yaml` (same pass), plus two rules: a capitalised
  name ending in an organisation word ("Korea Institute for National Unification", "Russian
  Federation Council", "Ministry of Foreign Affairs"), and a name followed by its acronym in
  parentheses ("Korea Institute for Defense Analyses (KIDA)"), after which the bare acronym is
  that organisation for the rest of the article. An organisation word after "<Place>'s" gets the
  place in its canonical name ("Russia's Defense Ministry" -> "Defense Ministry (Russia)").
- People: `newslens.names.find_people` (title peeling, in-article coreference); corpus-wide
  spelling merges are `names.canonicalise_names`' job, not this module's.

Overlaps resolve longest first, then earliest. Not done here: lower-case descriptions ("the
presidential office", "the foreign ministry"), pronouns, and nationality adjectives ("Russian")
are not entity mentions; nothing is extracted from page chrome.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from .lexicons import load_lexicon, search_key
from .model import Article, Entity, Sentence
from .weapons import default_matcher

try:  # persons come from the names helper's module; entities still work without it
    from .names import find_people as _find_people
except ImportError:  # pragma: no cover - only while names.py is absent
    _find_people = None

ORG_HEADS = frozenset("""
Ministry Institute University College Academy Agency Council Service Services Party Assembly
Army Forces Force Command Office Committee Commission Bank Corporation Company Group Fund
Organization Organisation Union Alliance Foundation Center Centre Court Parliament Senate
Congress Department Bureau Guard Navy Fleet Brigade Regiment Division Battalion Corps
Directorate Staff Duma Authority Cabinet Police Society Association Network Industries
Aerospace Administration Secretariat Tribunal Inc Ltd Corp Co Bureau Chamber Board
""".split())
# Words that end a weapon's name, not an organisation's: "Multiple Launch Rocket System (MLRS)".
_NOT_ORG_LAST = frozenset("System Systems Missile Missiles Weapon Weapons Launcher Launchers "
                          "Vehicle Vehicles Rocket Rockets Munition Munitions Drone Drones".split())
_LEADING_NOISE = frozenset("""
The A An In On At According But And As For By From With After While Under If When This That
These Those Its His Her Their Our Meanwhile However Also Then Now Last Next Since Despite
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Photo Photos Read See Watch
One Two Three Four Five Six Seven Eight Nine Ten Several Many Some Both Other Former
Members Leaders Officials Head Heads Chief Director Spokesman Spokeswoman Representatives
""".split())
_TEMPORAL = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
_CONNECTORS = frozenset("of for and the de du".split())

# A capitalised word ("Ministry", "Kyiv-Mohyla"), an acronym ("NATO", "SBUs"), initials
# ("U.S."), an ordinal ("24th"). Written with one leading character class
# (the branch is chosen by a look-behind at that character) so the regex engine can skip to
# capitals and digits when it scans; same matches as the plain alternation, ~1.6x faster.
_CAPW = (r"(?:[A-Z\d](?:(?<=[A-Z])(?:[a-zà-ÿ]+(?:-[A-Za-z][a-zà-ÿ]*)*|[A-Z]+[a-z]?|\.(?:[A-Z]\.)+)"
         r"|(?<=\d)\d*(?:st|nd|rd|th)))")
_SEQ = re.compile(rf"{_CAPW}(?: +(?:(?:of|for|and|the|de|du) +)*{_CAPW})*")
_TOKEN = re.compile(rf"{_CAPW}|[a-z]+")
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z&]{1,9})\)")
_PAREN_ACRONYM = re.compile(r" \([A-Z][A-Za-z&]{1,9}\)")
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)['’]s $")


class _Cand(NamedTuple):
    """A candidate mention. A named tuple rather than a dataclass: tens of thousands are made,
    hashed and sorted per corpus, and a tuple does that in C (same fields, same equality)."""
    start: int
    end: int
    name: str
    type: str
    rank: int        # tie-break at equal length: lower wins (lexicon < person < rule)


@dataclass(frozen=True)
class _Gazetteer:
    automaton: ahocorasick.Automaton
    context: dict[str, re.Pattern]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Places and listed organisations in one case-sensitive automaton."""
    automaton = ahocorasick.Automaton()
    context: dict[str, re.Pattern] = {}
    for etype, lexicon in (("place", "places"), ("org", "orgs")):
        for e in load_lexicon(lexicon):
            if e.get("context"):
                context[e["name"]] = re.compile("|".join(f"(?:{p})" for p in e["context"]))
            for form in {e["name"], *(e.get("aliases") or [])}:
                if "(" in form:
                    continue                      # "Federation Council (Russia)" is a label only
                if form not in automaton or etype == "org":   # "Federation Council" stays an org
                    automaton.add_word(form, (len(form), e["name"], etype, form in ORG_HEADS))
    for head in ORG_HEADS:                        # anchors for the organisation rule, same pass
        if head not in automaton:
            automaton.add_word(head, (len(head), head, "head", True))
    automaton.make_automaton()
    return _Gazetteer(automaton, context)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Last words of listed places and organisations ("Germany", "Nato"): an "and" after one
    joins two names."""
    return frozenset(form.split()[-1] for lexicon in ("places", "orgs") for e in load_lexicon(lexicon)
                     for form in (e["name"], *(e.get("aliases") or [])) if "(" not in form)


def _bounded(text: str, start: int, end: int) -> bool:
    return ((start == 0 or not text[start - 1].isalnum())
            and (end == len(text) or not text[end].isalnum()))


def _lexicon_candidates(text: str, spans: Sequence[tuple[int, int]]
                        ) -> tuple[list[_Cand], list[tuple[int, int]]]:
    """Listed places and organisations, and (start, sentence index) of each org head word."""
    gaz = _gazetteer()
    starts = [s for s, _ in spans]
    out = []
    heads = []
    n = len(text)
    for last, (length, name, etype, is_head) in gaz.automaton.iter(text):
        start, end = last - length + 1, last + 1
        # `_bounded`, inline: this loop runs once per automaton hit
        if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > spans[k][1]:
            continue
        if is_head:
            heads.append((start, k))
            if etype == "head":
                continue
        ctx = gaz.context.get(name)
        if ctx and not ctx.search(text, spans[k][0], spans[k][1]):
            continue
        out.append(_Cand(start, end, name, etype, 0))
    return out, heads


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _CONNECTORS and w[0].isalpha()).upper()


def _segments(toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split a capitalised run where "and" joins two names ("MOD and British Army", "Ministry of
    Foreign Affairs and the Kyiv Polytechnic University"), not inside one ("Food and
    Agriculture Organisation")."""
    for i, (_, _, w) in enumerate(toks):
        if i and w in _TEMPORAL:          # "... Committee on Sunday", "Aug. 7"
            toks = toks[:i]
            break
    segments, current = [], []
    for i, tok in enumerate(toks):
        if tok[2] == "and" and current and i + 1 < len(toks):
            before = current[-1][2]
            left_head = any(w in ORG_HEADS for _, _, w in current)
            right_head = any(w in ORG_HEADS for _, _, w in toks[i + 1:])
            if before.isupper() or before in ORG_HEADS or before in _place_words() or (left_head and right_head):
                segments.append(current)
                current = []
                continue
        current.append(tok)
    segments.append(current)
    return segments


def _org_rule_candidates(text: str, spans: Sequence[tuple[int, int]], heads: list[tuple[int, int]]
                         ) -> tuple[list[_Cand], dict[str, str]]:
    """Organisations by shape (head word) and by 'Full Name (ACRONYM)'; returns acronym map.

    Only the capitalised runs around an anchor (a head word found by the gazetteer pass, or a
    parenthesised acronym) are examined: most capitalised runs are names and places."""
    anchors = list(heads)
    starts = [s for s, _ in spans]
    for m in _PAREN_ACRONYM.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= spans[k][1]:
            anchors.append((m.start() - 1, k))        # the last letter before " ("
    out: list[_Cand] = []
    acronyms: dict[str, str] = {}
    done: set[tuple[int, int]] = set()
    for pos, k in sorted(anchors):
        s_start, s_end = spans[k]
        lo = max(s_start, pos - 160)
        if lo > s_start:
            lo = text.find(" ", lo, pos) + 1 or pos   # start the window at a word
        for m in _SEQ.finditer(text, lo, min(s_end, pos + 160)):
            if m.start() <= pos < m.end() and (m.start(), m.end()) not in done:
                done.add((m.start(), m.end()))
                toks = [(t.start(), t.end(), t.group(0)) for t in _TOKEN.finditer(text, m.start(), m.end())]
                for seg in _segments(toks):
                    out.extend(_org_from_tokens(text, s_start, seg, acronyms))
    return out, acronyms


def _org_from_tokens(text: str, s_start: int, toks: list[tuple[int, int, str]],
                     acronyms: dict[str, str]) -> list[_Cand]:
    while toks and (toks[0][2] in _LEADING_NOISE or toks[0][2] in _CONNECTORS):
        toks = toks[1:]
    while toks and toks[-1][2] in _CONNECTORS:
        toks = toks[:-1]
    if not toks:
        return []
    words = [t[2] for t in toks]
    start, end = toks[0][0], toks[-1][1]
    acr = _ACRONYM_AFTER.match(text, end)
    if (acr and len(words) >= 2 and _initials(words) == acr.group(1).upper()
            and words[-1] not in _NOT_ORG_LAST):
        full = text[start:end]
        acronyms.setdefault(acr.group(1), full)
        return [_Cand(start, end, full, "org", 2), _Cand(acr.start(1), acr.end(1), full, "org", 2)]
    heads = [i for i, w in enumerate(words) if w in ORG_HEADS]
    if not heads:
        return []
    h = heads[-1]
    cut = len(words) if h + 1 < len(words) and words[h + 1] in ("of", "for") else h + 1
    while cut > 0 and words[cut - 1] in _CONNECTORS:
        cut -= 1
    if sum(w not in _CONNECTORS for w in words[:cut]) < 2:
        return []
    end = toks[cut - 1][1]
    name = text[start:end]
    owner = _POSSESSOR.search(text, max(s_start, start - 40), start)
    if owner:
        who = _owner_name(owner.group(1))
        if who:
            name = f"{name} ({who})"
    return [_Cand(start, end, name, "org", 2)]


def _owner_name(run: str) -> str | None:
    """The possessor in "Later Russia's Defense Ministry": the longest known place or
    organisation at the end of the capitalised run, else the run without leading noise."""
    words = run.split()
    known = _gazetteer().automaton
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if known.exists(tail) and known.get(tail)[2] in ("place", "org"):
            return tail
    while words and words[0] in _LEADING_NOISE:
        words = words[1:]
    return " ".join(words) or None


def _acronym_candidates(text: str, spans: Sequence[tuple[int, int]],
                        acronyms: dict[str, str]) -> list[_Cand]:
    if not acronyms:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
                         + r")\b")
    out = []
    for s_start, s_end in spans:
        for m in pattern.finditer(text, s_start, s_end):
            out.append(_Cand(m.start(), m.end(), acronyms[m.group(0)], "org", 2))
    return out


def _person_candidates(article: Article, sentences: list[Sentence]) -> list[_Cand]:
    """People from names.find_people, minus names that are weapon names ("Storm Shadow")."""
    if _find_people is None:
        return []
    return [_Cand(p.start, p.end, p.name, "person", 1) for p in _find_people(article, sentences)
            if not _is_weapon_name(p.name)]


_WEAPON_NAMES: dict[str, bool] = {}
_WEAPON_AUTOMATON: list = [None]


def _is_weapon_name(name: str) -> bool:
    """Whether the weapon lexicon lists `name` ("Storm Shadow"); remembered per name for the
    current weapon matcher (a person's name recurs in many articles)."""
    automaton = default_matcher().automaton
    if _WEAPON_AUTOMATON[0] is not automaton:     # a reloaded lexicon: forget the answers
        _WEAPON_AUTOMATON[0] = automaton
        _WEAPON_NAMES.clear()
    hit = _WEAPON_NAMES.get(name)
    if hit is None:
        if len(_WEAPON_NAMES) >= 1 << 16:
            _WEAPON_NAMES.clear()
        hit = _WEAPON_NAMES[name] = bool(automaton.exists(search_key(name)))
    return hit


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then rank, then earliest.

    Candidates are first grouped into runs that overlap one another; a candidate alone in its
    run is kept as it is, and only the runs of two or more go through the longest-first
    choice (`_choose`). Choices in one run never depend on another run, so this gives the
    same result as one choice over all candidates, in time spent mostly on the few overlaps."""
    uniq = sorted(set(cands), key=_span)        # stable: equal spans keep the set's order
    kept: list[_Cand] = []
    i, n = 0, len(uniq)
    while i < n:
        reach = uniq[i].end
        j = i + 1
        while j < n and uniq[j].start < reach:
            if uniq[j].end > reach:
                reach = uniq[j].end
            j += 1
        if j == i + 1:
            kept.append(uniq[i])
        else:
            kept.extend(_choose(uniq[i:j]))
        i = j
    return sorted(kept, key=_span)


def _span(c: _Cand) -> tuple[int, int]:
    return c.start, c.end


def _choose(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then rank, then earliest: the candidates that overlap none chosen before."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.rank, c.start))
    starts: list[int] = []
    ends: list[int] = []
    kept = []
    for c in order:
        k = bisect.bisect_right(starts, c.start)
        if (k > 0 and ends[k - 1] > c.start) or (k < len(starts) and starts[k] < c.end):
            continue
        starts.insert(k, c.start)
        ends.insert(k, c.end)
        kept.append(c)
    return kept


def extract_entities(article: Article, sentences: list[Sentence]) -> list[Entity]:
    """Entity rows (person, org, place) in document order, none from page chrome."""
    text = article.text
    live = [s for s in sentences if not s.chrome]
    spans = [(s.start, s.end) for s in live]
    listed, heads = _lexicon_candidates(text, spans)
    rule_orgs, acronyms = _org_rule_candidates(text, spans, heads)
    cands = (listed + rule_orgs
             + _acronym_candidates(text, spans, acronyms) + _person_candidates(article, live))
    starts = [s.start for s in live]
    chosen = _resolve(cands)
    # "24th Mechanised Brigade" and, later, "Ukraine's 24th Mechanised Brigade": one organisation
    qualified: dict[str, set[str]] = {}
    for c in chosen:
        if c.type == "org" and c.name.endswith(")") and " (" in c.name:
            qualified.setdefault(c.name.rsplit(" (", 1)[0], set()).add(c.name)
    rows = []
    ends = [s.end for s in live]
    doc_id, chrome = article.doc_id, article.chrome
    for start, end, name, etype, _ in chosen:
        if qualified and etype == "org" and len(qualified.get(name, ())) == 1:
            name = next(iter(qualified[name]))
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > ends[k] or (chrome and article.in_chrome(start, end)):
            continue
        rows.append(Entity(doc_id=doc_id, start=start, end=end, surface=text[start:end], name=name,
                           type=etype, sent_id=live[k].sent_id))
    return rows
