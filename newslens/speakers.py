"""Speaker resolution inside one article: a quote's speaker mention ("he", "Sanders", "the
defence minister", "Moscow") to the canonical name or body it stands for.

Pronouns go to the most recent person subject whose gender evidence fits (given-name lexicon,
then he/she counted after the person's mentions); surnames and role noun phrases to the fullest
name in the article; capital cities to their governments (lexicons/cues.yaml); bodies are kept as
written. This module does NOT find quotations or their attribution clauses (newslens.quotes) and
does not merge spellings across articles (newslens.names does that corpus-wide).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from .lexicons import LexiconError, read_yaml
from .model import Article, Sentence
from .names import NameIndex, PersonMention, find_people, load_cues, looks_like_person, peel_title

CUES = load_cues()
_PRONOUNS = frozenset("he she they it we i you who".split())
_METONYMS = CUES.metonyms
_METONYM_LOWER = {k.lower(): v for k, v in _METONYMS.items()}
_HONORIFICS = frozenset(("Mr", "Mrs", "Ms", "Miss", "Mx"))
_ROLE_HEADS = frozenset(t.lower() for t in CUES.titles) | CUES.role_nouns
_NAME_PARTICLES = frozenset("de da di del della van von der den bin ibn al el la le dos das".split())


_GENDERED = re.compile(r"\b(?:(?P<m>he|him|his|himself|He|His|Mr\.?)|(?P<f>she|her|hers|herself|She|Her|Mrs\.?|Ms\.?|Miss))\b")


def _gender_evidence(text: str, people: Sequence[PersonMention]) -> dict[str, int]:
    """Per person, he/his minus she/her counted in the 120 characters after each mention that
    no other person mention interrupts (and the honorific right before it). Evidence, not
    certainty: 0 means unknown."""
    out: dict[str, int] = {}
    for k, p in enumerate(people):
        stop = min(p.end + 120, people[k + 1].start if k + 1 < len(people) else len(text))
        window = text[max(0, p.start - 6):p.start] + " " + text[p.end:stop]
        score = 0
        for m in _GENDERED.finditer(window):
            score += 1 if m.group("m") else -1
        if score:
            out[p.name] = out.get(p.name, 0) + (1 if score > 0 else -1)
    return out


def _load_given_names() -> dict[str, int]:
    doc = read_yaml(str(Path(__file__).parent / "lexicons" / "given_names.yaml"))
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k), list) for k in ("female", "male")):
        raise LexiconError("given_names.yaml: expected 'female' and 'male' lists of names")
    out = {str(n).lower(): -1 for n in doc["female"]}
    out.update({str(n).lower(): 1 for n in doc["male"]})
    return out


_GIVEN_NAMES = _load_given_names()


def given_name_gender(name: str) -> int:
    """+1 for a given name borne mostly by men, -1 mostly by women, 0 when unknown or ambiguous.
    Only names in the lexicon count; for every other name the article's he/she evidence decides."""
    first = name.split(maxsplit=1)[0].lower() if name and name.strip() else ""
    return _GIVEN_NAMES.get(first, 0)


class SpeakerResolver:
    """In-article resolution of a speaker mention to a canonical name or body.

    `who_antecedent` finds the noun phrase a relative "who" refers back to ("Smith, who said"):
    the quote extractor's subject grammar, passed in so that this module does not depend on it."""

    def __init__(self, article: Article, sentences: Sequence[Sentence], *, who_antecedent: re.Pattern):
        self.who_antecedent = who_antecedent
        self.text = article.text
        self.people: list[PersonMention] = find_people(article, sentences)
        self.starts = [p.start for p in self.people]
        self.index = NameIndex((p.start, p.name) for p in self.people if len(p.name.split()) >= 2)
        self.roles: list[tuple[int, str, str]] = []       # (pos, role lower, name)
        for p in self.people:
            if p.role:
                self.roles.append((p.start, p.role.lower(), p.name))
        self.speakers: list[tuple[int, str, bool]] = []   # (pos, speaker, is_person)
        self.role_of: dict[str, str] = {}
        self.gender = _gender_evidence(article.text, self.people)
        for p in self.people:
            if p.role and p.role.rstrip(".") not in _HONORIFICS and \
                    p.role.split()[-1].lower() in _ROLE_HEADS:
                self.role_of.setdefault(p.name, p.role)

    def note_role(self, pos: int, role: str | None, name: str) -> None:
        if role:
            self.roles.append((pos, role.lower(), name))
            self.role_of.setdefault(name, role)

    def role_for(self, name: str | None) -> str | None:
        return self.role_of.get(name) if name else None

    def _gender_ok(self, name: str, pronoun: str | None) -> bool:
        # The given name first: the he/she counted after a mention may belong to someone else
        # (often the very pronoun being resolved), while "Hillary" is not a "he".
        g = given_name_gender(name) or self.gender.get(name, 0)
        return pronoun is None or g == 0 or (g > 0) == (pronoun == "he")

    def _person_before(self, pos: int, pronoun: str | None = None) -> str | None:
        i = bisect_right(self.starts, pos - 1)
        best_p, best = -1, None
        for j in range(i - 1, max(-1, i - 12), -1):
            p = self.people[j]
            if p.end > pos:
                continue
            if self._subject_like(p.start, p.end) and self._gender_ok(p.name, pronoun):
                best_p, best = p.start, p.name
                break
        for sp_pos, sp, is_person in reversed(self.speakers):
            if sp_pos < pos and is_person and self._gender_ok(sp, pronoun):
                if sp_pos > best_p:
                    best = sp
                break
        if best is None and i > 0:
            best = self.people[i - 1].name
        return best

    def _subject_like(self, start: int, end: int) -> bool:
        if self.text.startswith(("’s", "'s"), end):
            return False                                  # "Trump’s pick": a possessive
        before = self.text[max(0, start - 40):start]
        before = re.sub(r"(?:(?:[A-Z][\w’'.-]*|[a-z]+)\s+){0,4}$", lambda m: m.group(0) if
                        any(w in CUES.titles for w in m.group(0).split()) else m.group(0), before)
        tail = before.rstrip()
        if not tail or tail[-1] in ".!?\n“\",;:—(":
            return True
        last = tail.split()[-1].lower() if tail.split() else ""
        if last in ("and", "but", "that", "as", "when", "while", "because", "though", "although"):
            return True
        if last in CUES.titles or last.endswith(("’s", "'s")) or last[:1].isupper():
            return True
        return False

    def resolve(self, mention: str, pos: int) -> tuple[str | None, str | None]:
        """(speaker, role) for a mention starting at `pos`; speaker None when a pronoun has
        no antecedent in the article."""
        m = mention.strip()
        low = m.lower()
        if low in _PRONOUNS:
            if low in ("he", "she"):
                return self._person_before(pos, low), None
            if low == "who":
                seg = self.text[max(0, pos - 160):pos]
                seg = seg[seg.rfind("\n") + 1:]
                w = self.who_antecedent.search(seg)
                if w:
                    base = pos - len(seg)
                    return self.resolve(w.group("subj"), base + w.start("subj"))
                return self._person_before(pos), None
            for sp_pos, sp, is_person in reversed(self.speakers):
                if sp_pos < pos and not is_person and sp.lower() not in _PRONOUNS:
                    return sp, None
            return None, None           # "they", "I" with no body to stand for: unknown speaker
        if m in _METONYMS:
            return _METONYMS[m], None
        if low in _METONYM_LOWER:
            return _METONYM_LOWER[low], None
        name, title, _ = peel_title(m)
        name = re.sub(r"['’]s$", "", name)
        if name and (name[:1].isupper() or name.split()[0] in _NAME_PARTICLES) and \
                looks_like_person(name, titled=True):
            return self.index.lookup(name, pos), title
        # A role noun phrase ("South Korea’s defence minister") -> the person with that role.
        head = " ".join(re.findall(r"[a-z][\w-]*", low)[-2:])
        if head and len(head) > 3:
            cands = [(abs(p - pos), n) for p, r, n in self.roles if r.endswith(head)]
            if cands and (head.split()[-1] in CUES.role_nouns or head in CUES.titles):
                return min(cands)[1], m
        if m[:1].isupper() and m in _METONYMS:
            return _METONYMS[m], None
        return m, None

    def is_person(self, speaker: str | None) -> bool:
        return bool(speaker) and speaker[:1].isupper() and looks_like_person(speaker, titled=True) and \
            speaker not in _METONYMS.values()


# --- the extractor -------------------------------------------------------------------------
