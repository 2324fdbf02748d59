"""Overlap resolution of entity candidates: resolving runs of overlapping candidates one run at
a time must choose exactly what one longest-first pass over all candidates chooses."""
from __future__ import annotations

import pytest

from newslens.entities import _Cand, _resolve


def _one_pass(cands: list[_Cand]) -> list[_Cand]:
    """Reference: longest first, then rank, then earliest, over every candidate at once."""
    kept: list[_Cand] = []
    for c in sorted(set(cands), key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def C(start: int, end: int, name: str = "X", rank: int = 0, type: str = "org") -> _Cand:
    return _Cand(start, end, name, type, rank)


@pytest.mark.parametrize("cands", [
    [],
    [C(0, 5), C(10, 15), C(20, 25)],                               # nothing overlaps
    [C(0, 10, "Kyiv Polytechnic"), C(0, 4, "Kyiv", type="place")],  # nested: the longer wins
    [C(0, 6), C(4, 12), C(10, 14)],                                 # a chain: 4-12 beats both ends
    [C(0, 6), C(4, 10), C(8, 14), C(30, 34), C(32, 40)],             # two separate runs
    [C(0, 5, "A", rank=2), C(0, 5, "B", rank=1, type="person")],     # same span: lower rank wins
    [C(0, 5), C(5, 9), C(9, 12)],                                    # touching spans all stay
    [C(0, 4), C(0, 4), C(2, 6, rank=1)],                             # duplicates count once
])
def test_resolve_matches_one_longest_first_pass(cands):
    got = _resolve(cands)
    assert got == _one_pass(cands)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))     # no overlaps, in order
