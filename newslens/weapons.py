"""Weapon mentions from the YAML lexicon `lexicons/weapons.yaml`.

One Aho-Corasick pass over a lower-cased copy of the article finds every alias (plus one
combined regex pass for calibre patterns such as "155-millimeter shells"); each hit is then
checked for word boundaries, letter case (aliases with capitals match only as written), the
entry's context and exclusion rules, and a named system absorbs the class noun that follows it
("Storm Shadow missiles", "FA-50 fighter jets", "2S5 self-propelled 152mm howitzer"). Overlaps
resolve longest first, then earliest.

Not done here: generic arms-policy words ("weapons", "arms", "lethal aid") are never weapon
mentions; `find_arms_terms` counts them separately. Counts ("six ATACMS") and origin
modifiers ("U.S.-supplied") are not part of a mention. Nothing is extracted from page chrome.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .lexicons import LexiconError, load_lexicon, normalise as _normalise, search_key, search_text
from .model import Article, Sentence, WeaponMention

CATEGORIES = ("missile", "artillery", "ammunition", "air_defense", "aircraft", "drone", "armor",
              "naval", "nuclear", "generic")

# Same-length character normalisation, so offsets into the normalised copy are offsets into the
# original text: typographic hyphens and non-breaking spaces behave like their ASCII forms.
_SPELLING = (("defense", "defence"), ("armored", "armoured"), ("armor", "armour"),
             ("millimeter", "millimetre"))

# What a named system may carry after its name and still be one mention: modifiers, then one
# class noun ("Patriot air defense systems", "M777 155mm howitzers", "Iron Dome interceptor
# missiles", "Scan Eagle surveillance drones").
_TAIL = re.compile(r"""
    (?:[ -](?:self[ -]propelled|\d{2,3}(?:\.\d)?[ -]?(?:mm|millimet(?:er|re))|artillery
        |air[ -]defen[cs]e|anti-?aircraft|surface-to-air|anti-?tank|anti-?ship|ballistic|cruise
        |tactical|guided|hypersonic|fighter|main[ -]battle|battle|infantry[ -]fighting
        |armou?red|multiple[ -]launch|multiple|rocket|kamikaze|attack|combat|loitering
        |long-range|short-range|medium-range|missile|mobile|towed|heavy|jet|strike|precision
        |surveillance|reconnaissance|interceptor|hand-launched|long-endurance|personnel|assault|sniper
        |coastal[ -]defen[cs]e|missile[ -]defen[cs]e|defensive|offensive|wheeled|tracked|patrol))*
    [ -](?:missiles?|rockets?|howitzers?|guns?|cannons?|launchers?|systems?|jets?|fighters?
        |planes?|aircraft|tanks?|vehicles?|drones?|UAVs?|shells?|rounds?|munitions?
        |interceptors?|batter(?:y|ies)|helicopters?|bombers?|warheads?|IFVs?|APCs?|MLRS
        |units?|complex(?:es)?|platforms?|carriers?|rifles?|artillery|pieces?)\b""", re.IGNORECASE | re.VERBOSE)

_DESIGNATION = re.compile(r"^([A-Z]{1,3})(\d)")
_ACRONYM = re.compile(r"^[A-Z]{4,}(?:-[A-Z0-9]+)*$")  # "HIMARS", "IRIS-T": also "Himars", "Iris-T"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_NEGATING_PREFIX = re.compile(r"(?:anti|counter|non)-$", re.IGNORECASE)
# "Army Tactical Missile System, or ATACMS, missiles" / "(ATACMS) missiles": the class noun is
# the head of the name just given, not a mention of its own.
_APPOSITIVE_HEAD = re.compile(r"(?:,\s+or\s+|\()$")
_APPOSITIVE_GAP = re.compile(r"^(?:,|\))\s+$")


@dataclass(frozen=True)
class _Entry:
    canonical: str
    category: str
    specific: bool
    templated: bool                      # canonical holds "{n}" (a calibre)
    context: re.Pattern | None
    not_preceded_by: re.Pattern | None
    not_followed_by: re.Pattern | None
    guard_before: re.Pattern | None = None   # a `guarded_aliases` hit needs these words before
    not_in_sentence: re.Pattern | None = None  # words whose presence in the sentence rule a hit out


@dataclass(frozen=True)
class Matcher:
    """A compiled lexicon: the automaton, the calibre regex and the entries they point to."""
    automaton: ahocorasick.Automaton
    patterns: re.Pattern | None
    entries: tuple[_Entry, ...]
    pattern_needs: tuple[re.Pattern, ...] | None = None   # run `patterns` only if one matches


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    canonical: str
    category: str
    specific: bool


def _any_of(patterns: Sequence[str], template: str) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(template.format("|".join(f"(?:{p})" for p in patterns)), re.IGNORECASE)


def alias_variants(alias: str, *, plural: bool = True) -> set[str]:
    """Spellings one alias stands for: hyphen as hyphen/space/nothing, US/UK spelling, plural."""
    forms = {alias}
    for us, uk in _SPELLING:
        forms |= {f.replace(us, uk) for f in forms} | {f.replace(uk, us) for f in forms}
    for _ in range(alias.count("-")):
        grown = set(forms)
        for f in forms:
            for m in re.finditer(r"(?<=[^\W_])-(?=[^\W_])", f):
                for sub in (" ", ""):
                    grown.add(f[:m.start()] + sub + f[m.end():])
        forms = grown
    # a designation of letters then digits is also written with a hyphen: "K9" = "K-9"
    forms |= {_DESIGNATION.sub(r"\1-\2", f) for f in forms if _DESIGNATION.match(f)}
    if plural:
        forms |= {f + "s" for f in forms if f[-1].isalnum() and not f.endswith(("s", "S"))}
    return forms


def build_matcher(entries: Iterable[dict], *, source: str = "weapons.yaml") -> Matcher:
    """Compile lexicon entries (as `load_lexicon("weapons")` returns them) into a Matcher."""
    automaton = ahocorasick.Automaton()
    owners: dict[tuple[str, bool], int] = {}
    compiled: list[_Entry] = []
    regex_parts: list[str] = []
    needs: list[str] | None = []
    for i, e in enumerate(entries):
        compiled.append(_Entry(
            canonical=e["canonical"], category=e["category"], specific=bool(e.get("specific", True)),
            templated="{n}" in e["canonical"],
            context=_any_of(e.get("context") or [], "{}"),
            not_preceded_by=_any_of(e.get("not_preceded_by") or [], r"\b(?:{})[\s-]*$"),
            not_followed_by=_any_of(e.get("not_followed_by") or [], r"^[\s-]*(?:{})"),
            guard_before=_any_of(e.get("guard_before") or [], r"(?<![\w-])(?:{})\s+$"),
            not_in_sentence=_any_of(e.get("not_in_sentence") or [], r"\b(?:{})\b")))
        # a guarded alias is a word with other senses ("shell", "bomb"): written as its singular,
        # never pluralised, and kept only after `guard_before` (checked in find_weapons)
        plural = e.get("plural", True)
        for alias, guarded in [*((a, False) for a in e.get("aliases") or []),
                               *((a, True) for a in e.get("guarded_aliases") or [])]:
            sensitive = any(c.isupper() for c in alias)
            forms = alias_variants(alias, plural=plural and not guarded)
            if e.get("title_case", True) and _ACRONYM.match(alias):
                forms |= alias_variants(alias.title(), plural=plural and not guarded)
            for form in sorted(forms):
                key = (form if sensitive else form.lower(), sensitive)
                prior = owners.setdefault(key, i)
                if prior != i:
                    raise LexiconError(f"{source}: entry #{i} ({e['canonical']!r}): alias form "
                                       f"{form!r} already belongs to entry #{prior} "
                                       f"({compiled[prior].canonical!r})")
                word_key = search_key(form)
                payload = automaton.get(word_key) if word_key in automaton else []
                item = (i, form, sensitive, len(word_key), guarded)
                if item not in payload:
                    payload.append(item)
                automaton.add_word(word_key, payload)
        for j, pattern in enumerate(e.get("patterns") or []):
            regex_parts.append(f"(?P<e{i}_{j}>{pattern})")
        if e.get("patterns"):
            if e.get("needs") and needs is not None:
                needs.extend(e["needs"])
            else:
                needs = None        # an entry without `needs` makes the regex run on every text
    if len(automaton):
        automaton.make_automaton()
    patterns = re.compile("|".join(regex_parts)) if regex_parts else None
    # separate simple regexes, not one alternation: each then scans at C speed
    gate = tuple(re.compile(n) for n in dict.fromkeys(needs)) if needs else None
    return Matcher(automaton, patterns, tuple(compiled), gate)


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher for the packaged lexicon, built once per process."""
    return build_matcher(load_lexicon("weapons"))


# A class word aimed at an abstract target is a figure of speech: "compared an oil ban to
# dropping a nuclear bomb on its economy", "an \"atomic bomb\" for Hungary's economy",
# "ammunition against inflation". Places ("bombs on the market") are not in the list.
_METAPHOR_AFTER = re.compile(r"""["”’]?(?:\s+(?:dropped|aimed|fired|used|launched))?
    \s+(?:on|for|against|at|to)\s+(?:(?:the|its|their|our|his|her|[A-Z][\w.-]*(?:'s|’s|´s))\s+)?
    (?:[a-z]+\s+)?(?:econom(?:y|ies)|inflation|prices|budget|finances|reputation|credibility
    |democracy|ego|morale|career|campaign)\b""", re.VERBOSE)

# After "Zhdanov: " or an opening quotation mark a capital starts a new clause, not a name; so
# does a capital after a full stop that the sentence splitter did not take as a boundary
# ('"The detonations are strong. Ammunition is strewn all over," he said').
_CLAUSE_OPENING = re.compile(r"(?::\s+|[\"“‘]\s*|[a-z\d][.!?][\"”’]?\s+)$")
_NEXT_WORD_CAPITALISED = re.compile(r"[\s-]+[A-Z]")


def _sentence_initial(norm: str, sent_start: int, start: int, end: int) -> bool:
    """No word before `start` in its sentence, or a colon, opening quote or full stop just before it,
    and the next word not capitalised too.

    A capitalised next word makes the two a name wherever they stand: "Missile Defense Agency",
    "U.S. Missile Defense Agency", "Rocket Lab said" (headlines in title case are let through
    by the caller's title-case test, not here).
    """
    if _NEXT_WORD_CAPITALISED.match(norm, end):
        return False
    return (not any(c.isalnum() for c in norm[sent_start:start])
            or bool(_CLAUSE_OPENING.search(norm, max(sent_start, start - 6), start)))


def _title_case(norm: str, s: int, e: int, start: int, end: int) -> bool:
    """A headline-style sentence: most of its longer words outside the match are capitalised."""
    words = [w for part in (norm[s:start], norm[end:e]) for w in _WORD.findall(part) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def find_weapons(text: str, *, spans: Sequence[tuple[int, int]] | None = None,
                 matcher: Matcher | None = None) -> list[Hit]:
    """Weapon mentions in `text`, in document order, overlaps resolved.

    `spans` are the sentence spans used for context rules (default: the whole text is one
    sentence). Does NOT know about page chrome: `extract_weapons` drops those hits.
    """
    matcher = matcher or default_matcher()
    norm, lower, copy = search_text(text)
    n = len(norm)
    spans = list(spans) if spans else [(0, n)]
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        return spans[k] if k >= 0 else (0, n)

    # start, end, entry index, lower-case alias, guarded alias
    candidates: list[tuple[int, int, int, bool, bool]] = []
    if len(matcher.automaton):
        for last, payload in matcher.automaton.iter(copy):
            for i, form, sensitive, klen, guarded in payload:
                start = last - klen + 1             # key = " " + form [+ " "]; copy = " " + text
                end = start + len(form)
                if (norm[start:end] if sensitive else lower[start:end]) != (form if sensitive else form.lower()):
                    continue                        # same words, other case or punctuation
                candidates.append((start, end, i, not sensitive, guarded))
    if matcher.patterns is not None and (matcher.pattern_needs is None
                                         or any(g.search(lower) for g in matcher.pattern_needs)):
        for m in matcher.patterns.finditer(norm):
            i = int(m.lastgroup[1:].split("_")[0])
            candidates.append((m.start(), m.end(), i, False, False))

    accepted: list[tuple[int, int, int]] = []
    for start, end, i, lowercase_alias, guarded in candidates:
        entry = matcher.entries[i]
        if (start > 0 and norm[start - 1].isalnum()) or (end < n and norm[end].isalnum()):
            continue
        if start > 0 and norm[start - 1] == "-" and _NEGATING_PREFIX.search(norm[max(0, start - 9):start]):
            continue    # "anti-tank weapons", "counter-drone" name the defence, not the weapon
        if entry.not_preceded_by and entry.not_preceded_by.search(norm[max(0, start - 40):start]):
            continue
        if entry.not_followed_by and entry.not_followed_by.search(norm[end:end + 40]):
            continue
        if guarded and not (entry.guard_before and entry.guard_before.search(norm[max(0, start - 40):start])):
            continue    # "a shell fell" is the weapon; "continue to shell" is the verb
        if not entry.specific and _METAPHOR_AFTER.match(norm, end):
            continue    # "an atomic bomb for Hungary's economy", "ammunition against inflation"
        sent_start, sent_end = sentence_of(start)
        if entry.not_in_sentence and entry.not_in_sentence.search(norm, sent_start, sent_end):
            continue    # "astronauts riding Russian rockets" is space flight
        if (lowercase_alias and norm[start].isupper()
                and not _sentence_initial(norm, sent_start, start, end)
                and not _title_case(norm, sent_start, sent_end, start, end)):
            continue    # a class word inside a proper name: "Missile Defense Agency", "Shell"
        if entry.specific and not entry.templated:
            tail = _TAIL.match(norm, end)
            if tail:
                # the bare name too, in case a longer class mention takes the tail's words
                # ("AS90 artillery pieces": "artillery pieces" wins, "AS90" stays)
                accepted.append((start, end, i))
                end = tail.end()
            elif entry.context and not entry.context.search(norm, sent_start, sent_end):
                continue
        accepted.append((start, end, i))

    chosen = _resolve(accepted)
    hits: list[Hit] = []
    for k, (start, end, i) in enumerate(chosen):
        entry = matcher.entries[i]
        if not entry.specific and hits and hits[-1].specific:
            prev = hits[-1]
            if (_APPOSITIVE_GAP.match(norm[prev.end:start])
                    and _APPOSITIVE_HEAD.search(norm[max(0, prev.start - 6):prev.start])):
                continue
        canonical = entry.canonical
        if entry.templated:
            num = _NUMBER.search(norm, start, end)
            canonical = canonical.replace("{n}", num.group(0) if num else "")
        if (entry.specific and not entry.templated and hits and hits[-1].canonical == canonical
                and hits[-1].specific and norm[hits[-1].end:start] == " "):
            # two names of one system side by side are one mention: "MGM-140 Army Tactical
            # Missile Systems" (a comma or bracket between them makes two: "..., or ATACMS")
            hits[-1] = Hit(hits[-1].start, end, canonical, entry.category, entry.specific)
            continue
        hits.append(Hit(start, end, canonical, entry.category, entry.specific))
    return _coordinated(norm, hits, matcher) if _COORDINATION_CUE.search(lower) else hits


# "anti-tank and anti-aircraft missiles", "ballistic and cruise missiles": a class modifier
# coordinated with the modifier that opens a mention shares that mention's head noun.
_MODIFIER = r"(?:[A-Za-z]+(?:-[A-Za-z]+)+|ballistic|cruise|tactical|hypersonic|guided|armou?red" \
            r"|attack|combat|reconnaissance|surveillance|kamikaze|loitering)"
_LEAD_MODIFIER = re.compile(_MODIFIER + r"(?=\s)", re.IGNORECASE)
_COORDINATED = re.compile(r"(?<![\w-])(" + _MODIFIER + r")(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$",
                          re.IGNORECASE)
# "short- and medium-range missiles": a suspended first part stands for the whole compound
_SUSPENDED = re.compile(r"(?<![\w-])([A-Za-z]+)-(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_COORDINATION_CUE = re.compile(r"\s(?:and|or)\s")


def _coordinated(norm: str, hits: list[Hit], matcher: Matcher) -> list[Hit]:
    """Add a mention for each class modifier coordinated before a mention that opens with one.

    The added mention spans only the modifier ("anti-tank"), since spans are contiguous; its
    canonical and category are what the lexicon gives for modifier + the shared head. A
    suspended first part ("short- and medium-range missiles") spans its word and hyphen
    ("short-") and stands for that word + the rest of the compound ("short-range missiles"). A
    hyphenated modifier before a mention whose head it cannot take ("anti-tank and air defence
    aid") stands for modifier + "weapons". Does NOT add anything for a modifier the lexicon
    cannot combine with either.
    """
    taken = [(h.start, h.end) for h in hits]
    extra: list[Hit] = []
    for hit in hits:
        lead = _LEAD_MODIFIER.match(norm, hit.start, hit.end)
        head = norm[lead.end():hit.end] if lead else None
        hyphen = norm.find("-", lead.start(), lead.end()) if lead else -1
        anchor = hit.start
        while True:
            m = _COORDINATED.search(norm, max(0, anchor - 60), anchor)
            suspended = None if m or hyphen < 0 else _SUSPENDED.search(norm, max(0, anchor - 60), anchor)
            if not (m or suspended):
                break
            if m:
                start, end = m.span(1)
                modifier = norm[start:end]
                # "anti-tank and air defence aid": a hyphenated class modifier whose head the
                # next mention does not share names the weapons it is against
                phrases = ([modifier + head] if head else []) + ([modifier + " weapons"] if "-" in modifier else [])
            else:
                start, end = suspended.start(1), suspended.end(1) + 1
                phrases = [suspended.group(1) + norm[hyphen:hit.end]]
            if any(s < end and start < e for s, e in taken):
                break
            inner = [h for phrase in phrases for h in find_weapons(phrase, matcher=matcher)
                     if h.start == 0 and h.end > end - start][:1]
            if not inner:
                break
            extra.append(Hit(start, end, inner[0].canonical, inner[0].category, inner[0].specific))
            taken.append((start, end))
            anchor = start
    return sorted(hits + extra, key=lambda h: (h.start, h.end)) if extra else hits


def _resolve(cands: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping candidates: longest first, then earliest, then lexicon order."""
    order = sorted(set(cands), key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, int, int]] = []
    for c in order:
        k = bisect.bisect_right(starts, c[0])
        if k > 0 and ends[k - 1] > c[0]:
            continue
        if k < len(starts) and starts[k] < c[1]:
            continue
        starts.insert(k, c[0])
        ends.insert(k, c[1])
        kept.append(c)
    return sorted(kept)


def extract_weapons(article: Article, sentences: list[Sentence]) -> list[WeaponMention]:
    """Weapon mention rows for one article, in document order, none from page chrome."""
    spans = [(s.start, s.end) for s in sentences]
    starts = [s.start for s in sentences]
    rows: list[WeaponMention] = []
    for hit in find_weapons(article.text, spans=spans):
        k = bisect.bisect_right(starts, hit.start) - 1
        if k < 0 or hit.end > sentences[k].end:
            continue     # outside every sentence: whitespace or a span the splitter dropped
        sent = sentences[k]
        if sent.chrome or article.in_chrome(hit.start, hit.end):
            continue
        rows.append(WeaponMention(doc_id=article.doc_id, sent_id=sent.sent_id, start=hit.start,
                                  end=hit.end, surface=article.text[hit.start:hit.end],
                                  canonical=hit.canonical, category=hit.category,
                                  specific=hit.specific))
    return rows


@lru_cache(maxsize=1)
def _arms_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for entry in load_lexicon("arms_terms"):
        for alias in entry["aliases"] or [entry["term"]]:
            for form in alias_variants(alias, plural=False):
                automaton.add_word(form.lower(), (len(form), entry["term"]))
    automaton.make_automaton()
    return automaton


def find_arms_terms(text: str) -> list[tuple[int, int, str]]:
    """Generic arms-policy words ("weapons", "lethal aid") as (start, end, term), longest first.

    These are not weapon mentions and are not written to the weapons table; the dashboard may
    count them as a measure of how much an article talks about arming in general.
    """
    norm, lower = _normalise(text)
    n = len(norm)
    cands = []
    for last, (length, term) in _arms_automaton().iter(lower):
        start, end = last - length + 1, last + 1
        if (start > 0 and norm[start - 1].isalnum()) or (end < n and norm[end].isalnum()):
            continue
        cands.append((start, end, term))
    terms = {(s, e): t for s, e, t in cands}
    return [(s, e, terms[(s, e)]) for s, e, _ in _resolve([(s, e, 0) for s, e, _ in cands])]
