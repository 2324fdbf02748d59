"""Person names: detection, title peeling, in-article coreference, corpus-wide variant merging.

Public API (kept small; newslens.entities and newslens.quotes use it):

- `find_people(article, sentences) -> list[PersonMention]`: person-name mentions in document
  order, titles peeled off, each resolved to the fullest name the article uses for that person
  ("Doo" -> "Doo Jin-ho", "Sen. Sanders" -> "Bernie Sanders").
- `peel_title(surface) -> (name, title, offset)`: "Senate Majority Leader Mitch McConnell" ->
  ("Mitch McConnell", "Senate Majority Leader", 23).
- `canonical_person(name, known_names) -> str`: the fullest of `known_names` that this (possibly
  partial) name refers to, or the name itself.
- `name_key(name) -> str`: spelling-insensitive key (case, hyphens, accents, romanisation).
- `canonicalise_names(rows) -> None`: corpus-level pass over built table rows; every person
  name in quotes.speaker and entities.name (type person) is rewritten to one spelling per person.
  A streaming build uses the two halves: `person_name_counts(rows)` per article, then
  `canonical_map(names, counts=...)` once (pipeline.canonicalise_person_names).
- `load_cues()`: the attribution lexicon (lexicons/cues.yaml); `load_aliases()`: the editable
  alias file (lexicons/aliases.yaml, canonical name -> variants).

What this module does NOT do: it does not find organisations or places (newslens.entities
does), it does not use a statistical model, and it does not try to tell apart two different
people who share a full name.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .lexicons import LEXICON_DIR, LexiconError, load_lexicon, read_yaml


def load_yaml(name: str) -> object:
    """A lexicon file of this package, parsed once (newslens.lexicons.read_yaml, libyaml loader)."""
    path = LEXICON_DIR / name
    try:
        return read_yaml(str(path))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc


@dataclass(frozen=True)
class Cues:
    """The attribution lexicon (lexicons/cues.yaml), validated."""
    verbs: dict[str, tuple[str, str]]        # form -> (lemma, kind)
    phrases: dict[str, bool]                 # phrase -> inverted (speaker follows)
    titles: frozenset[str]
    role_nouns: frozenset[str]
    metonyms: dict[str, str]


@lru_cache(maxsize=None)
def load_cues(name: str = "cues.yaml") -> Cues:
    data = load_yaml(name)
    where = LEXICON_DIR / name
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping with verbs, phrases, titles, role_nouns, metonyms")
    verbs: dict[str, tuple[str, str]] = {}
    for i, entry in enumerate(data.get("verbs") or []):
        if not (isinstance(entry, dict) and isinstance(entry.get("lemma"), str)
                and entry.get("kind") in ("speech", "label", "thought")
                and isinstance(entry.get("forms"), list) and entry["forms"]):
            raise LexiconError(f"{where}: verbs entry {i} ({entry!r}) needs lemma, kind "
                               "(speech|label|thought) and a non-empty list of forms")
        for form in entry["forms"]:
            verbs.setdefault(str(form).lower(), (entry["lemma"], entry["kind"]))
    phrases: dict[str, bool] = {}
    for i, entry in enumerate(data.get("phrases") or []):
        if not (isinstance(entry, dict) and isinstance(entry.get("cue"), str)):
            raise LexiconError(f"{where}: phrases entry {i} ({entry!r}) needs a cue string")
        phrases[entry["cue"].lower()] = bool(entry.get("inverted", False))
    for key in ("titles", "role_nouns"):
        if not all(isinstance(x, str) for x in data.get(key) or []):
            raise LexiconError(f"{where}: every {key} entry must be a string")
    metonyms = data.get("metonyms") or {}
    if not (isinstance(metonyms, dict) and all(isinstance(k, str) and isinstance(v, str)
                                               for k, v in metonyms.items())):
        raise LexiconError(f"{where}: metonyms must map a place name to a country or body")
    return Cues(verbs, phrases, frozenset(data.get("titles") or []),
                frozenset(x.lower() for x in data.get("role_nouns") or []), dict(metonyms))


@lru_cache(maxsize=None)
def load_aliases(name: str = "aliases.yaml") -> dict[str, str]:
    """variant (lower case) -> canonical name."""
    data = load_yaml(name) or {}
    where = LEXICON_DIR / name
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected 'Canonical Name: [variant, ...]' entries")
    out: dict[str, str] = {}
    for canon, variants in data.items():
        if not isinstance(canon, str) or not isinstance(variants, list) or \
                not all(isinstance(v, str) for v in variants):
            raise LexiconError(f"{where}: entry {canon!r} must map a name to a list of variant strings")
        out[canon.lower()] = canon
        for v in variants:
            out[v.lower()] = canon
    return out


@dataclass(frozen=True)
class NameWords:
    """Words around names that are not part of them (lexicons/name_words.yaml), validated."""
    titles: frozenset[str]              # "Prof", "Capt", "Cllr": peeled like cues.yaml titles
    peerage: frozenset[str]             # "Sir", "Lord": peeled only before a full name
    descriptors: frozenset[str]         # lowercase: "journalist", "wife", "coach"
    not_name_starts: frozenset[str]     # "Now", "Later", "Related": never begin a name
    post_nominals: frozenset[str]       # "MP", "QC": written after a name
    credit_words: frozenset[str]        # "Images", "Handout": a run holding one is no person


@lru_cache(maxsize=None)
def load_name_words(name: str = "name_words.yaml") -> NameWords:
    data = load_yaml(name)
    where = LEXICON_DIR / name
    keys = ("titles", "peerage", "descriptors", "not_name_starts", "post_nominals", "credit_words")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) and
                                             all(isinstance(x, str) for x in data[k]) for k in keys):
        raise LexiconError(f"{where}: expected lists of strings under {', '.join(keys)}")
    return NameWords(frozenset(data["titles"]), frozenset(data["peerage"]),
                     frozenset(x.lower() for x in data["descriptors"]),
                     frozenset(data["not_name_starts"]), frozenset(data["post_nominals"]),
                     frozenset(data["credit_words"]))


@lru_cache(maxsize=None)
def load_given_names(name: str = "given_names.yaml") -> dict[str, int]:
    """Given name (lower case) -> +1 borne mostly by men, -1 mostly by women (lexicons/given_names.yaml)."""
    doc = load_yaml(name)
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k), list) for k in ("female", "male")):
        raise LexiconError(f"{LEXICON_DIR / name}: expected 'female' and 'male' lists of names")
    out = {str(n).lower(): -1 for n in doc["female"]}
    out.update({str(n).lower(): 1 for n in doc["male"]})
    return out


# --- name shapes ---------------------------------------------------------------------------
UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOW = "a-zß-öø-ÿā-ž"
# One capitalised word of a name: "O’Malley", "Jin-ho", "McConnell", an initial "J.".
# A period belongs to a word only for initials and short abbreviations ("J.", "Sen.", "Jr."), so
# a name never runs across a sentence end ("Libya. He").
# The three alternatives (initials "U.S.", an abbreviation "Sen.", a word) share their first
# character, written once so that the regex engine can skip to capitals when it scans a text
# (an alternation of character classes makes it try every position: twice as slow).
NAME_WORD = rf"(?:[{UP}](?:\.(?:[{UP}]\.)+|[{LOW}]{{0,3}}\.(?![\w’'-])|(?:[{LOW}{UP}]|['’\-](?=[{LOW}{UP}]))*))"
PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|bin|ibn|al|el|la|le|dos|das)"
# Words of a name are one space (or tab) apart: a wider gap is a layout break, as between a
# photo credit and the caption or text after it ("Getty Images   Ksienich said").
NAME_RE = rf"{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}){{0,5}}"
_NAME = re.compile(NAME_RE)

# Capitalised words that never start or make up a person's name on their own.
_NOT_NAME = frozenset("""
The A An This That These Those It Its He She They We I You His Her Their Our My Your In On At
For From By With Without Of To And But Or Nor So Yet As If When While After Before Since
Until Although Though Because However Meanwhile Still Also Even Just Only Then There Here
What Who Whom Whose Which Why How Where Mr Mrs Ms Dr Sen Rep Gov Gen Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Republican Republicans Democrat Democrats Democratic GOP God Christmas Easter Despite Unlike
Like Amid Among Against Following During Through Under Over Per Via Without Within Asked Said
Says Speaking Writing Told Added According
""".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Words that mark an organisation or a place, not a person.
_ORG_WORDS = frozenset("""
Institute University College School Academy Ministry Department Office Agency Service Council
Committee Commission Party Assembly House Senate Congress Court Army Navy Force Forces Guard
Corps Command Bank Fund Group Company Corporation Corp Inc Ltd Association Foundation Center
Centre Times Post News Herald Journal Daily Tribune Press Network Channel Radio TV Television
Korea Korean Russia Russian Ukraine Ukrainian China Chinese Japan Japanese America American
United States Kingdom Union Nations Republic Federation Kremlin Pentagon White Street Avenue
North South East West National International Federal State City County Province Region Island
Islands Peninsula Sea Ocean River Mountain Airport Station Hospital Church Club Team League
Cup Games Olympics Summit Conference Forum Initiative Program Programme Project Act Law Bill
Treaty Accord Agreement War Battle Operation Campaign Iowa Hampshire Carolina Texas Florida
York California Ohio Virginia Washington Seoul Moscow Kyiv Beijing Pyongyang Tokyo London Paris
Twitter Facebook Fox CNN MSNBC NBC ABC CBS AP Reuters Yonhap Breitbart Google Apple Microsoft
Association Coalition Alliance Organization Organisation Council Capitol Tower Square
Europe European Asia Asian Africa African Middle Street Affairs Security Defense Defence Intelligence
Administration Studies Authority Directorate Inspectorate Bureau Regiment Battalion Brigade Division
Communications Transport Infrastructure
""".split())
_DEMONYMS = frozenset("""
U.S. US UK U.K. EU E.U. U.N. UN NATO American British Russian Ukrainian Chinese Japanese Korean South North
French German Italian Spanish Polish Israeli Iranian Turkish Indian Pakistani Syrian Iraqi
Canadian Australian Mexican Brazilian Belarusian Hungarian Czech Swedish Finnish Norwegian
Danish Dutch Belgian Swiss Austrian Greek Romanian Saudi Egyptian Afghan Taiwanese European
Republican Democratic Democrat GOP Conservative Labour Liberal Independent Former former then
Then ex Ex Kremlin Pentagon Vatican Western
""".split())


_WORDS = load_name_words()


_INNER_OK = frozenset("""Mr Mrs Ms Miss Dr Prof Capt Maj Col Lt Sgt Gen Brig Cllr Sir Dame Rev MP PM Colonel
Lieutenant Sergeant Corporal Admiral Commander Brigadier""".split())
_INNER_OFFICES = frozenset("""Minister Secretary President Governor Senator Chancellor Ambassador
Commissioner Chairman Chairwoman Mayor Spokesman Spokeswoman Spokesperson Premier""".split())


def _title_words() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """All titles, the pattern of a run of them at the start of a string, and the pattern of
    a capitalised title inside a capitalised run ("Business Secretary Mr Kwarteng")."""
    cues = load_cues()
    every = cues.titles | _WORDS.titles
    titles = sorted(every, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    pat = re.compile(r"^(?:(?:" + alt + r")(?:\s+|$))+")
    # inside a run only titles that are never a given name or surname ("Jonathan Leader Maynard",
    # "John Major" hold title words): abbreviations, honorifics and offices
    caps = "|".join(re.escape(t) for t in titles if t[:1].isupper() and (
        t.endswith(".") or t in _INNER_OK or t.split()[-1] in _INNER_OFFICES))
    inner = re.compile(rf"^(?:{NAME_WORD} )+?(?:(?:{caps}) )+(?={NAME_WORD}$|{NAME_WORD} )")
    return frozenset(every), pat, inner


_TITLES, _TITLE_PREFIX, _INNER_TITLE = _title_words()
# "Seventeen-year-old Andrii", "Mother-of-two Mrs Florek", "Soviet-era Grad": a compound
# modifier, not a first name ("Jin-ho", "Jean-Luc" have one hyphen and no such ending).
_COMPOUND_MODIFIER = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+){2,}$|^[A-Z][a-z]+-(?:old|era|made|based|born|"
                                r"backed|led|style|owned|run|flagged|controlled|year)$")
# Sentence adverbs recognised by their ending ("Hopefully", "Mentally", "Unfortunately").
_ADVERB = re.compile(rf"^[{UP}][{LOW}]{{2,}}(?:ally|ously|ently|antly|ately|ively|fully|ibly|ably|edly|ingly|ssly|ainly|arly)$")


# "Condemning Vladimir Putin's war": a participle before a full name (never a single surname:
# "Manning", "Fleming" stay names)
_PARTICIPLE = re.compile(r"^(?!(?:Sterling|Irving|Channing|Fleming|Browning|Harding|Manning|Golding)$)[A-Z][a-z]{2,}ing$")


def not_name_start(word: str) -> bool:
    """A capitalised word that begins a sentence but never a name ("Later", "Hopefully")."""
    return word in _WORDS.not_name_starts or bool(_ADVERB.match(word)) or bool(_COMPOUND_MODIFIER.match(word))


# "director of research", "head of security": a role's lowercase complement
# (one bare noun: "leader of the nationalist Sweden Democrats" names an organisation after it)
_ROLE_OF = r"(?:\s+(?:of|for)\s+(?!(?:the|a|an)\s)[a-z][\w-]*)?"


# After a title, the place or body it belongs to, before a two-word name that ends the mention.
_OF_PLACE_AFTER_TITLE = re.compile(r"(?:of|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+"
                                   r"(?=[A-Z][\w’'-]+\s+[A-Z][\w’'-]+$)")


def _org_role_prefix() -> re.Pattern:
    """"White House press secretary ", "ACLU executive director ", "Central Bank of Russia head ":
    an organisation's capitalised name (of/for/and inside it), then lowercase words ending in a
    title or role noun."""
    cues = load_cues()
    roles = sorted({t.lower() for t in cues.titles if t[:1].islower() or " " not in t} | cues.role_nouns
                   | _WORDS.descriptors, key=len, reverse=True)
    role = "|".join(re.escape(r) for r in roles)
    return re.compile(rf"^(?:[A-Z][\w.&’'-]*\s+(?:(?:of|for|and|de)\s+(?=[A-Z]))?){{1,5}}(?:[a-z][\w-]*\s+){{0,2}}"
                      rf"(?i:{role}){_ROLE_OF}\s+(?=[A-Z])")


def _lower_role_prefix() -> re.Pattern:
    """"his wife ", "parliament speaker ", "former footballer ": lowercase words ending in a
    title, role noun or descriptor, right before a capitalised word."""
    cues = load_cues()
    roles = sorted({t for t in cues.titles if t[:1].islower()} | cues.role_nouns | _WORDS.descriptors,
                   key=len, reverse=True)
    role = "|".join(re.escape(r) for r in roles)
    det = r"(?:(?:The|A|An|His|Her|Their|Its|Our|My)\s+)?"      # capitalised at a sentence start
    return re.compile(rf"^{det}(?:(?:[a-z][\w’'-]*\s+){{0,4}}?(?:{role}){_ROLE_OF}|(?:(?:a|an|the)\s+)?"
                      rf"(?:\d+|[a-z]+)-year-old)\s+(?=[{UP}])")


_ORG_ROLE_PREFIX = _org_role_prefix()
_LOWER_DET = re.compile(r"(?:the|a|an)\s+(?=[A-Z])")
# lowercase words that make the words before a name its role ("the German chancellor Helmut
# Schmidt"); plural role nouns ("officials Smith and Jones") are not one person's role
_LOWER_ROLES = frozenset(t.lower() for t in _TITLES if " " not in t) | frozenset(
    w for w in _WORDS.descriptors if w.isalpha())
_LOWER_ROLE_PREFIX = _lower_role_prefix()
_POSSESSIVE_PREFIX = re.compile(rf"^(?:{NAME_WORD}\s+)*{NAME_WORD}['’]s\s+")


# Reporting verbs in the present tense, capitalised inside a title-case headline ("Dean Tells
# Convention", "Obama Calls Trump Unfit"): never a word of a person's name. Forms that are also
# plural nouns ("United States", "Notes", "Reports") are left out.
_HEADLINE_VERBS = frozenset(f for f in load_cues().verbs if f.endswith("s") and " " not in f) - frozenset(
    "states reports comments notes lists questions thanks terms reads finds sees wants hopes cries quotes "
    "stress stresses remarks counters answers brands labels chants reacts".split())


@lru_cache(maxsize=1 << 16)
def peel_title(surface: str) -> tuple[str, str | None, int]:
    """Split a leading title (and nationality, possessive) from a name.

    Returns (name, title or None, offset of the name inside `surface`). Does NOT decide whether
    the remainder is a person's name. A pure function of the string, cached: the same surfaces
    recur in every article and in each extractor."""
    offset = 0
    parts: list[str] = []
    changed = True
    while changed:
        changed = False
        rest = surface[offset:]
        d = _LOWER_DET.match(rest)
        after = rest[d.end():] if d and not parts else ""
        t = after and (_TITLE_PREFIX.match(after) or _POSSESSIVE_PREFIX.match(after))
        if t and 0 < t.end() < len(after):
            # "the Foreign Secretary Liz Truss", "the UK's Defence Secretary Ben Wallace"
            parts.append(d.group().strip())
            offset += d.end()
            rest = surface[offset:]
        m = _POSSESSIVE_PREFIX.match(rest)
        if m and m.end() < len(rest):
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
            continue
        m = _TITLE_PREFIX.match(rest)
        if m and m.end() < len(rest) and m.end() > 0:
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
            continue
        m = _LOWER_ROLE_PREFIX.match(rest)
        if m and (len(rest[m.end():].split()) >= 2 or not re.search(r"\s(?:of|for)\s", m.group())):
            # ("the head of annexed Crimea": after "of", a single word belongs to the complement)
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
            continue
        m = _OF_PLACE_AFTER_TITLE.match(rest) if parts else None
        if m:                     # "Prime Minister" + "of Ukraine" + "Denys Shmyhal"
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
            continue
        m = _ORG_ROLE_PREFIX.match(rest) if not parts else None
        if m and len(rest[m.end():].split()) >= 2:
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
            continue
        first, _, tail = rest.partition(" ")
        if not tail:
            break
        n_tail = len(tail.split())
        if first in _DEMONYMS or _COMPOUND_MODIFIER.match(first) or \
                (n_tail >= 2 and (first in _WORDS.peerage or first.lower() in _WORDS.descriptors)):
            # "Sir Keir Starmer", "Journalist Vira Hyrch": the honour or noun goes only before a
            # full name ("Lord Bew", "Son Heung-min", "Mother Teresa" stay whole)
            parts.append(first)
            offset += len(first) + 1
            changed = True
            continue
        if first in _WORDS.not_name_starts or _ADVERB.match(first) or (n_tail >= 2 and _PARTICIPLE.match(first)):
            offset += len(first) + 1            # "Later Lavrov", "Now Prof Nott": not a title either
            changed = True
            continue
        m = _INNER_TITLE.match(rest)
        if m:
            # "Business Secretary Mr Kwarteng", "Cabinet Secretary Hirokazu Matsuno"
            parts.append(rest[:m.end()].strip())
            offset += m.end()
            changed = True
    title = " ".join(parts) or None
    return surface[offset:], title, offset


# A name's last word with the sentence's period on it ("Wall.", "Anna."), not an initial
# ("J.") or an abbreviation a name ends in ("Jr.").
_SENTENCE_END_WORD = re.compile(r"(?:^|(?<= ))(?!(?:Jr|Sr|St)\.$)[A-Z][a-z]{2,3}\.$")
_STOP_INSIDE = frozenset("I It He She We They You The Why What How Where When Who But And So Yet".split())
# Inside a run, words that can only start the next clause: time adverbs and auxiliaries
# ("Mariupol Now", "Sanders Is Not"), not nouns or verbs of names ("Judicial Watch").
_CLAUSE_START = frozenset("""Now Later Earlier Overnight Today Tonight Yesterday Tomorrow Recently
Instead Indeed Perhaps Maybe Already Again Always Never Sometimes Often Usually Meanwhile However
Is Are Was Were Did Does Has Have Had Can Could Would Should Shall Must Might""".split())


@lru_cache(maxsize=1 << 16)
def trim_name(name: str) -> str:
    """A peeled name without what follows it in a capitalised run but is not part of it: a
    pronoun or article that starts the next clause ("Quentin Sommerville We ...", "Lviv It
    was") and post-nominals ("Tobias Ellwood MP"). Does NOT peel titles (`peel_title`)."""
    words = name.split(" ")
    for i, w in enumerate(words[1:], 1):
        if w in _STOP_INSIDE or w in _CLAUSE_START or _ADVERB.match(w):
            if i >= 3 and len(words) >= 5:
                return ""                   # "Rush Limbaugh Explains Why She ...": a title-case headline
            words = words[:i]
            break
    while len(words) > 2 and words[-1] in _WORDS.post_nominals:     # ("Newark MP" stays)
        words.pop()
    out = name if len(words) == len(name.split(" ")) else " ".join(words)
    if " " not in out and _SENTENCE_END_WORD.match(out):
        out = out[:-1]                      # "Mrs Wall." at a sentence end: the period is not hers
        # (a longer run keeps it, and `looks_like_person` rejects it: "Independence Day.")
    return out


@lru_cache(maxsize=1 << 16)
def looks_like_person(name: str, *, titled: bool = False) -> bool:
    """Shape test for a peeled capitalised sequence: a person's name rather than an org/place.

    A single word passes only when `titled` (it followed a title such as "Sen."); for two or
    more words `titled` makes no difference. Cached (a pure function of its arguments)."""
    words = name.split()
    if not words or words[0].rstrip(".") in _NOT_NAME or words[0] in _DEMONYMS:
        return False
    if not_name_start(words[0]) and (len(words) > 1 or not titled):
        return False                        # "Hopefully I", "Later" (but "Ms Last": titled)
    if any(w in _WEEKDAYS or (w in _NOT_NAME and w.lower() in ("the", "and", "of", "said", "says"))
           for w in words[1:]):
        return False                        # "Asked Tuesday", "Trump Wednesday" (but "Theresa May")
    if any(w.lower() in _HEADLINE_VERBS for w in words[1:]):
        return False                        # "Howard Dean Tells Democratic Convention": a title-case headline
    if len(words[0]) > 6 and words[0].endswith(("ed", "ing")) and len(words) <= 2:
        return False                        # "Understated Perez": a participle, not a first name
    if any(w.rstrip(".") in _ORG_WORDS or w in _WORDS.credit_words for w in words):
        return False
    if words[-1] in _INNER_OFFICES or words[-1] == "PM":
        return False                        # "Prime Minister", "Trade Secretary", "Irish PM": an office
    if any(w.isupper() and len(w) > 2 for w in words):
        return False                        # acronyms and shouted headlines
    if len(words) == 1:
        return titled and len(name) > 1
    return len(words) <= 5 and not words[-1].endswith(".") or (len(words) >= 2 and words[-1] in ("Jr.", "Sr."))


@dataclass(frozen=True)
class PersonMention:
    start: int            # offsets of `surface` in article.text
    end: int
    surface: str          # the name as written, title peeled off ("Umierov", "Mitch McConnell")
    name: str             # fullest in-article form ("Rustem Umierov")
    role: str | None = None   # title peeled off, if any ("Defense Minister")


def name_tokens(name: str) -> list[str]:
    return name.split()


def _edge_tokens(name: str) -> set[str]:
    """First and last word: Western surnames come last, East Asian family names first."""
    toks = name_tokens(name)
    toks = [t for t in toks if t not in ("Jr.", "Sr.", "II", "III")]
    return {toks[0], toks[-1]} if toks else set()


def canonical_person(name: str, known_names: Iterable[str]) -> str:
    """The fullest known name that `name` is a shorter form of, else `name`.

    "Doo" with known ["Doo Jin-ho"] -> "Doo Jin-ho"; "Sanders" -> "Bernie Sanders". When several
    known names fit, the last one in `known_names` wins (pass them in order of appearance, up to
    the mention, for "most recent")."""
    peeled, _, _ = peel_title(name)
    key = peeled.strip()
    best = key
    n = len(name_tokens(key))
    for known in known_names:
        kt = name_tokens(known)
        if len(kt) <= n:
            if name_key(known) == name_key(key):
                best = known
            continue
        if n == 1 and key in _edge_tokens(known):
            best = known
        elif n > 1 and " ".join(name_tokens(key)) in " ".join(kt):
            best = known
    return best


_ROLE_WORD = re.compile(r"[\w’'.-]+")
_ROLE_LEAD = re.compile(r"^(?:(?:and|or|but|with|by|of|to|from|for|as|the|a|an|then|former|said|says|told|added)\s+)+")
_ARTICLE_START = re.compile(r"(?:a|an|the|former)\s")
_POSSESSIVE_END = re.compile(r"['’]s$")
_APPOSITIVE_AFTER = re.compile(r",\s+((?:a|an|the|former|then)\s+[^,;:“”\"()]{3,90}?|[a-z][^,;:“”\"()]{3,90}?)(?=,|\.|\s+(?:said|says|told)\b)")


def _role_around(text: str, name_start: int, name_end: int, lo: int, hi: int) -> str | None:
    """A lowercase role right before a name ("defence minister Shin Won-sik") or an appositive
    right after it ("Doo Jin-ho, a research fellow at X,"). Does NOT look past the sentence."""
    # Cheap tests first (the character before, the last word alone) because most names have
    # neither a title before them nor a comma after them.
    if name_start > lo and text[name_start - 1] in " \t":
        window = text[max(lo, name_start - 80):name_start]
        last = window.rsplit(None, 1)
        if last and (last[-1] in _TITLES or last[-1] in _LOWER_ROLES):
            words = window.split()
            take: list[str] = []
            for w in reversed(words[-5:]):
                if not _ROLE_WORD.fullmatch(w) or w.endswith("."):
                    break
                take.append(w)
            role = _ROLE_LEAD.sub("", " ".join(reversed(take)))
            return role or None
    if name_end >= hi or text[name_end] != ",":
        return None
    m = _APPOSITIVE_AFTER.match(text, name_end, hi)
    if m and (_ARTICLE_START.match(m.group(1))
              or any(w in _TITLES or w.lower() in _TITLES for w in m.group(1).split())):
        return m.group(1)
    return None


def find_people(article, sentences: Sequence) -> list["PersonMention"]:
    """See `_find_people`; the last few results are cached so that the quote and entity
    extractors share one pass over the same article."""
    key = (article.doc_id, article.sha256 or hash(article.text), len(sentences))
    hit = _PEOPLE_CACHE.get(key)
    if hit is None:
        hit = _find_people(article, sentences)
        if len(_PEOPLE_CACHE) >= 8:
            _PEOPLE_CACHE.pop(next(iter(_PEOPLE_CACHE)))
        _PEOPLE_CACHE[key] = hit
    return list(hit)


_PEOPLE_CACHE: dict[tuple, list] = {}


def _find_people(article, sentences: Sequence) -> list["PersonMention"]:
    """Person mentions in document order (outside page chrome), resolved in-article.

    Full names are recognised by shape (capitalised words, no organisation/place words) or
    after a title; single words count only when they are a first or last word of a full name
    seen in the article, or follow a title. Does NOT resolve pronouns (newslens.quotes does, for
    speakers) and does NOT merge spellings across articles (`canonical_map`)."""
    text = article.text
    raw: list[tuple[int, tuple, int, int]] = []     # (match start, _peeled(surface), sentence)
    for s in sentences:
        if getattr(s, "chrome", False):
            continue
        lo, hi = s.start, s.end
        for m in _NAME.finditer(text, lo, hi):
            peeled = _peeled(m.group())
            if peeled is not None:
                raw.append((m.start(), peeled, lo, hi))
    # Only full names that look like a person enter the index; the role found around a
    # mention is needed only for the mentions that are kept.
    index = NameIndex((m_start + p[2], p[0]) for m_start, p, _, _ in raw if p[4] and p[5])
    edges = index._split
    out: list[PersonMention] = []
    for m_start, (name, title, off, by_title, multi, person), lo, hi in raw:
        start = m_start + off
        end = start + len(name)
        if multi:
            if not person:
                # "State Antony Blinken" (from "Secretary of State Antony Blinken"): a run that
                # starts with organisation words holds a person the article names elsewhere
                rest = org_stripped(name)
                if rest is None or not (index.has_full(rest) or rest.split()[0].lower() in load_given_names()):
                    continue
                start += len(name) - len(rest)
                end = start + len(rest)
                name, title = rest, None
            resolved = index.lookup(name, start, anywhere=True)
            role = title if by_title else _role_around(text, m_start, end, lo, hi)
        else:
            # a single word resolves only through a full name it begins or ends
            resolved = index.lookup(name, start, anywhere=True) if name in edges else name
            if by_title:
                role = title
                if resolved == name and not person:
                    continue
            elif resolved != name:
                role = _role_around(text, m_start, end, lo, hi)
            else:
                # unresolved and no title: kept only after a role word right before it
                if off or not person:
                    continue
                role = _role_around(text, m_start, end, lo, hi)
                if role is None:
                    continue
        out.append(PersonMention(start, end, name, resolved, role))
    return out


@lru_cache(maxsize=1 << 16)
def _peeled(surface: str) -> tuple[str, str | None, int, bool, bool, bool] | None:
    """(name, title, offset, title holds a title word, name has two or more words, name
    looks like a person's if titled) for a capitalised run: `peel_title` with a possessive
    "'s" dropped. Cached: a pure function of the surface. Does NOT look at the text around
    the run (`_role_around` does). For two or more words `titled` does not change
    `looks_like_person`.

    None when the run can never be a person mention: nothing is left after peeling, or it
    is a single word that fails `looks_like_person` even after a title and that no full
    person name can contain ("Ukraine", "NATO", "Monday"), so no full name resolves it."""
    name, title, off = peel_title(surface)
    name = trim_name(_POSSESSIVE_END.sub("", name))
    if not name or (not title and " " not in name and not_name_start(name)):
        return None                         # "Later, a woman ...": no name at all
    multi = len(name.split()) >= 2
    person = looks_like_person(name, titled=True)
    if not multi and not person and _never_in_full_name(name):
        return None
    by_title = bool(title) and any(w in _TITLES or w.lower() in _TITLES
                                   for w in title.replace("’s", " ").split())
    return name, title, off, by_title, multi, person


def _never_in_full_name(word: str) -> bool:
    """True when `looks_like_person` rejects every name of two or more words holding `word`,
    wherever it stands (these words are all in _NOT_NAME, which rejects a first word)."""
    return (word in _WEEKDAYS or word.rstrip(".") in _ORG_WORDS or (word.isupper() and len(word) > 2)
            or (word in _NOT_NAME and word.lower() in ("the", "and", "of", "said", "says")))


def org_stripped(name: str) -> str | None:
    """`name` without leading organisation/place words ("State Antony Blinken" -> "Antony
    Blinken"), if at least two words that look like a person's name are left; else None. Does
    NOT decide that the rest is a person the article knows (`NameIndex.has_full` does)."""
    words = name.split(" ")
    k = 0
    while k < len(words) - 2 and (words[k].rstrip(".") in _ORG_WORDS or words[k] in _DEMONYMS):
        k += 1
    if k == 0:
        return None
    rest = " ".join(words[k:])
    if any(w in _TITLES for w in words[k:]):
        return None                         # "UN High Commissioner": an office, not a name
    return rest if looks_like_person(rest) else None


@lru_cache(maxsize=1 << 16)
def _index_parts(name: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """(words, words joined by single spaces, first and last word) of a full name, cached:
    every article's index holds each mention of its people."""
    ft = tuple(name_tokens(name))
    return ft, " ".join(ft), tuple(_edge_tokens(name))


class NameIndex:
    """Full person names of one article, indexed by their first and last word, for resolving
    shorter mentions ("Doo", "Sen. Sanders") in time proportional to the few candidates."""

    def __init__(self, full: Iterable[tuple[int, str]]):
        self.by_edge: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.longest: dict[str, str] = {}
        # the same entries with their words split once, for `lookup`
        self._split: dict[str, list[tuple[int, str, tuple[str, ...], str]]] = defaultdict(list)
        self._fits: dict[str, tuple | None] = {}     # name -> `_fitting(name)`
        for pos, name in full:
            ft, joined, edges = _index_parts(name)
            entry = (pos, name, ft, joined)
            for w in edges:
                self.by_edge[w].append((pos, name))
                self._split[w].append(entry)

    def has_full(self, name: str) -> bool:
        """Whether `name` itself is one of the indexed full names."""
        toks = name_tokens(name)
        return bool(toks) and any(full == name for _, full in self.by_edge.get(toks[-1], ()))

    def lookup(self, name: str, pos: int, *, anywhere: bool = True) -> str:
        """The fullest name `name` is a form of: the most recent one before `pos` among the
        full names sharing its first or last word, else (with `anywhere`) the first after."""
        fits = self._fits.get(name, False)
        if fits is False:
            fits = self._fits[name] = self._fitting(name)
        if fits is None:
            return name
        single, positions, ranks, fulls, lengths = fits
        if positions is not None:
            # a single word over names indexed in document order: the latest at or before
            # `pos` (the first indexed of equals), else the earliest after it
            i = bisect_right(positions, pos)
            if i:
                return fulls[bisect_left(positions, positions[i - 1])]
            return fulls[0] if anywhere else name
        best_before, best_after = None, None
        for rank, full, n in zip(ranks, fulls, lengths):
            # single words: the most recent full name; longer mentions: the longest form
            if rank[-1] <= pos:
                if best_before is None or rank > best_before[0]:
                    best_before = (rank, full)
            elif best_after is None or (single and rank < best_after[0]) or \
                    (not single and n > best_after[0][0]):
                best_after = (rank, full)
        if best_before:
            return best_before[1]
        if best_after and anywhere:
            return best_after[1]
        return name

    def _fitting(self, name: str) -> tuple | None:
        """(single word?, sorted positions for a single word or None, ranks, full names,
        their lengths) of the indexed full names `name` can be a form of, in index order;
        None when there are none. Computed once per name and index."""
        toks = name_tokens(name)
        split = self._split
        if not toks or (toks[-1] not in split and toks[0] not in split):
            return None                     # most capitalised words: no full name shares them
        single = len(toks) == 1
        key = " ".join(toks)
        cands = split.get(toks[-1], []) + (split.get(toks[0], []) if not single else [])
        ranks: list[tuple[int, ...]] = []
        fulls: list[str] = []
        lengths: list[int] = []
        for p, full, ft, joined in cands:
            if len(ft) < len(toks):
                continue
            if single:
                ok = toks[0] in (ft[0], ft[-1])
            else:
                # ("Von der Leyen" is a form of "Ursula von der Leyen")
                ok = key in joined or name_key(full) == name_key(name) or \
                    (toks[0].lower() in _PARTICLES and " " + key.lower() in " " + joined.lower())
            if ok:
                ranks.append((p,) if single else (len(ft), p))
                fulls.append(full)
                lengths.append(len(ft))
        if not fulls:
            return None
        positions = None
        if single:
            ps = [r[0] for r in ranks]
            if all(a <= b for a, b in zip(ps, ps[1:])):
                positions = ps
        return single, positions, ranks, fulls, lengths


# --- corpus-wide spelling variants ---------------------------------------------------------
_ROMANISATION = [("yy", "y"), ("iy", "y"), ("ie", "e"), ("oo", "u"), ("ou", "u"), ("ey", "ei"),
                 ("kh", "h"), ("ck", "k"), ("ph", "f"), ("dzh", "j"), ("zh", "j"), ("j", "y"),
                 ("w", "v"), ("ii", "i"), ("i", "y")]


def _fold(s: str) -> str:
    if not s.isascii():                     # ASCII has nothing to decompose or strip
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spelling-insensitive key: case, accents, hyphens/spaces and romanisation pairs folded.

    "Yoon Suk-yeol", "Yoon Suk Yeol" and "Yoon Suk yeol" share a key; so do "Zelensky" and
    "Zelenskyy", "Du Jin-ho" and "Doo Jin-ho". Does NOT fold different first names."""
    # only a-z, ' and spaces survive the first step, so dropping spaces removes all whitespace
    s = _KEY_DROP.sub("", _fold(name).replace("-", "")).replace(" ", "")
    for a, b in _ROMANISATION:
        s = s.replace(a, b)
    return _KEY_REPEAT.sub(_first_group, s)


_KEY_DROP = re.compile(r"[^a-z' ]")
_KEY_REPEAT = re.compile(r"(.)\1+")


def _first_group(m: re.Match) -> str:
    # a function rather than the template r"\1": re re-parses a template on every call
    return m.group(1)


_SUFFIXES = frozenset(("jr.", "sr.", "jr", "sr", "ii", "iii", "iv"))


@lru_cache(maxsize=1 << 16)
def _word_keys(name: str) -> tuple[str, ...]:
    """Keys of the words of a name, its title and generational suffix left out. Cached: the
    corpus pass compares each name with every other sharing a surname."""
    words = [w for w in peel_title(name)[0].split() if w.lower() not in _SUFFIXES]
    return tuple(name_key(w) for w in words) or (name_key(name),)


def _edit_distance(a: str, b: str, limit: int = 2) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _close_variants(a: str, b: str) -> bool:
    """Two multi-word names sharing a first or last word: every other word must be a close
    spelling of its counterpart (same initial, allowing a dropped h; at most one edit in a
    short word, two in a long one). "Aleksandar Vulin" / "Aleksandar Vucic" are different."""
    wa, wb = _word_keys(a), _word_keys(b)
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if x.lstrip("h")[:1] != y.lstrip("h")[:1]:
            return False
        if _edit_distance(x, y, 2) > (1 if min(len(x), len(y)) < 7 else 2):
            return False
    return True


def _hyphen_score(name: str) -> tuple[int, int]:
    return (name.count("-"), len(name))


@lru_cache(maxsize=1)
def _given_name_keys() -> frozenset[str]:
    """`name_key` of every given name in the lexicon: spellings of one name match ("Valeriia",
    "Valeriya")."""
    return frozenset(name_key(n) for n in load_given_names())


@lru_cache(maxsize=1)
def one_word_places() -> frozenset[str]:
    """One-word names of the places lexicon ("Poland", "Kyiv"): a speaker that is a place is a
    body, never the first word of a person named elsewhere in the corpus."""
    return frozenset(w for e in load_lexicon("places") for w in (e["name"], *(e.get("aliases") or [])) if " " not in w)


def canonical_map(names: Iterable[str], *, counts: Counter | None = None) -> dict[str, str]:
    """Map every name to one canonical spelling per person.

    Names group when they share a `name_key`, when the alias file joins them, or when they share
    a surname (first or last word key) and the rest differs by a small edit distance. A single
    word maps to the one multi-word name whose first or last word it is, if exactly one exists.
    The canonical spelling is the most frequent one, ties broken by the most hyphenated, then
    the longest. Does NOT merge names whose given names differ ("Kim Jong-un" / "Kim Yo-jong")."""
    counts = Counter(counts or {})
    names = list(dict.fromkeys(n for n in names if n))
    for n in names:
        counts.setdefault(n, 0)
    aliases = load_aliases()
    parent: dict[str, str] = {n: n for n in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    by_key: dict[str, str] = {}
    for n in names:
        k = aliases.get(n.lower())
        k = name_key(k) if k else name_key(n)
        if k in by_key:
            union(n, by_key[k])
        else:
            by_key[k] = n
    # same surname (first or last word), small difference in the rest
    multi = [n for n in names if len(n.split()) >= 2]
    by_edge: dict[str, list[str]] = defaultdict(list)
    for n in multi:
        wk = _word_keys(n)
        for k in {wk[0], wk[-1]}:
            by_edge[k].append(n)
    for group in by_edge.values():
        if len(group) < 2 or len(group) > 50:
            continue
        for i, a in enumerate(group):
            ka = name_key(a)
            for b in group[i + 1:]:
                kb = name_key(b)
                if find(a) != find(b) and len(ka) >= 6 and _close_variants(a, b):
                    union(a, b)
    # single words -> the unique multi-word person with that first/last word; never a known
    # given name ("Valeriia", "Vladimir"): a first name alone is someone interviewed by first
    # name in one article (a full name in that article was resolved there), not a namesake
    # that a full name names elsewhere in the corpus
    given = _given_name_keys()
    places = one_word_places()
    for n in names:
        if len(n.split()) != 1 or name_key(n) in given or n in places or n in _DEMONYMS:
            continue              # (nor a country: "Poland" is no "Poland Mariusz Blaszczak")
        cands = {find(m) for m in by_edge.get(name_key(n), [])}
        if len(cands) == 1:
            union(n, cands.pop())
    # "Von der Leyen" -> the one longer name it ends ("Ursula von der Leyen")
    for n in multi:
        first = n.split()[0]
        if first[:1].isupper() and first.lower() in _PARTICLES:
            tail = " " + n.lower()
            cands = {find(m) for m in by_edge.get(_word_keys(n)[-1], []) if m != n and m.lower().endswith(tail)}
            if len(cands) == 1:
                union(n, cands.pop())
    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[find(n)].append(n)
    out: dict[str, str] = {}
    for members in groups.values():
        canon_alias = next((aliases[m.lower()] for m in members if m.lower() in aliases), None)
        multi_members = [m for m in members if len(m.split()) >= 2] or members
        best = canon_alias or max(multi_members, key=lambda m: (counts[m], *_hyphen_score(m)))
        for m in members:
            out[m] = best
    return out


_PRONOUN_OR_BODY = re.compile(r"^(?:[a-z]|I$|We$|They$|He$|She$|It$)")


_PARTICLES = frozenset("de da di del della van von der den bin ibn al el la le dos das".split())


def _is_person_speaker(name: str | None) -> bool:
    """A proper person name: capitalised words (particles and initials allowed), no
    possessive, not a body ("Russia's defence ministry") or a pronoun."""
    if not name or _PRONOUN_OR_BODY.match(name) or "’s" in name or "'s" in name:
        return False
    words = name.split()
    if any(not (w[:1].isupper() or w in _PARTICLES) for w in words):
        return False
    return looks_like_person(name, titled=True)


def person_name_counts(rows: Mapping[str, Iterable[Mapping]]) -> Counter:
    """How often each person name occurs as a quote speaker (quotes.speaker) or a person entity
    (entities.name where type == "person"). Bodies and pronouns are not counted."""
    counts: Counter = Counter()
    for r in rows.get("quotes", ()):
        sp = r.get("speaker")
        if _is_person_speaker(sp):
            counts[sp] += 1
    for r in rows.get("entities", ()):
        if r.get("type") == "person" and r.get("name"):
            counts[r["name"]] += 1
    return counts


def canonicalise_names(rows: dict[str, list[dict]]) -> None:
    """Corpus-level pass: rewrite quotes.speaker and person entities.name to one spelling each.

    Works in place on built rows (table name -> list of row dicts), after every article has
    been extracted. Only names that look like person names take part; bodies ("the ministry")
    and pronouns are left alone. No I/O, no global state. (A streaming build computes
    `canonical_map(person_name_counts(...))` while it writes and rewrites the two columns.)"""
    counts = person_name_counts(rows)
    mapping = canonical_map(counts, counts=counts)
    for r in rows.get("quotes", []):
        sp = r.get("speaker")
        if sp in mapping:
            r["speaker"] = mapping[sp]
    for r in rows.get("entities", []):
        if r.get("type") == "person" and r.get("name") in mapping:
            r["name"] = mapping[r["name"]]
