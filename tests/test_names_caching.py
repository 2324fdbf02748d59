"""The caches and indexes that make person-name finding fast must not change what it finds:
nothing carries over from one article to the next, and lookups agree with a plain scan."""
from __future__ import annotations

import pytest

from newslens import names
from newslens.model import Article
from newslens.names import NameIndex, find_people
from newslens.sentences import split_sentences


def _people(doc_id: str, text: str) -> list[tuple[str, str, str | None]]:
    art = Article(doc_id, f"{doc_id}.txt", text)
    return [(p.surface, p.name, p.role) for p in find_people(art, split_sentences(art))]


@pytest.mark.parametrize("first, second, surname, expected", [
    # the same surname means someone else in the next article (same doc_id, new text)
    ("Anna Kovalenko spoke first. Kovalenko left.", "Petro Kovalenko arrived. Kovalenko stayed.",
     "Kovalenko", "Petro Kovalenko"),
    # a surname that had a full name in the previous article has none here: not a person
    ("Maria Lopez spoke. Lopez left.", "Lopez Street was closed. Lopez was quiet.", "Lopez", None),
])
def test_find_people_keeps_nothing_from_the_previous_article(first, second, surname, expected):
    _people("same-id", first)
    got = {name for surface, name, _ in _people("same-id", second) if surface == surname}
    assert got == ({expected} if expected else set())


def test_find_people_gives_the_same_answer_with_warm_or_cleared_caches():
    text = ("Defense Minister Rustem Umerov met Sen. Bernie Sanders. Umerov, a former lawmaker, "
            "said little. Sanders spoke later. Ukraine's Rustem Umerov left.")
    warm = _people("w1", text)
    for cached in (names.peel_title, names.looks_like_person, names._peeled, names._index_parts):
        cached.cache_clear()
    names._PEOPLE_CACHE.clear()
    assert _people("w2", text) == warm
    assert ("Umerov", "Rustem Umerov", "a former lawmaker") in warm
    assert ("Bernie Sanders", "Bernie Sanders", "Sen.") in warm


def _scan_lookup(full: list[tuple[int, str]], name: str, pos: int) -> str:
    """Reference: the most recent fitting full name at or before pos, else the first after."""
    toks = name.split()
    fits = [(p, f) for p, f in full
            if (len(toks) == 1 and toks[0] in (f.split()[0], f.split()[-1]))
            or (len(toks) > 1 and name in f)]
    before = [(p, f) for p, f in fits if p <= pos]
    if before:
        if len(toks) == 1:
            top = max(p for p, _ in before)
            return next(f for p, f in before if p == top)
        return max(before, key=lambda pf: (len(pf[1].split()), pf[0]))[1]
    after = [(p, f) for p, f in fits if p > pos]
    if not after:
        return name
    if len(toks) == 1:
        return min(after)[1]
    return max(after, key=lambda pf: len(pf[1].split()))[1]


FULL = [(10, "Anna Kovalenko"), (50, "Petro Kovalenko"), (90, "Anna Maria Kovalenko"),
        (130, "Petro Kovalenko")]


@pytest.mark.parametrize("order", ["document", "reversed"])
@pytest.mark.parametrize("name, pos", [
    ("Kovalenko", 5), ("Kovalenko", 10), ("Kovalenko", 60), ("Kovalenko", 200),
    ("Anna", 0), ("Anna", 95), ("Petro", 20), ("Smith", 60),
    ("Anna Kovalenko", 0), ("Anna Kovalenko", 100), ("Petro Kovalenko", 140),
])
def test_name_index_lookup_matches_a_plain_scan(order, name, pos):
    full = FULL if order == "document" else FULL[::-1]
    index = NameIndex(full)
    assert index.lookup(name, pos) == _scan_lookup(full, name, pos)
    assert index.lookup(name, pos) == index.lookup(name, pos)      # the per-name memo agrees
