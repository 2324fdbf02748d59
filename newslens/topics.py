"""Sentence topic labels from the weighted term lexicon `lexicons/topics.yaml`.

One Aho-Corasick pass over the article finds every topic term; each sentence scores, per topic,
the summed weights of the distinct terms it holds, and gets the topic when the score reaches the
topic's threshold and its `requires_all` groups are present. A sentence that has at least half
the threshold on its own may borrow half the scores (and the required groups) of its neighbours,
so "He said the visit may not yield results" after a sentence about the delegation is labelled
with it.

Not done here: no topic model or embeddings, no article-level topics (the dashboard can
aggregate sentence labels), and chrome sentences always get no topics.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .lexicons import load_lexicon
from .model import Article, Sentence

_NORMALISE = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                            "\u00a0": " ", "\u2019": "'"})
NEIGHBOUR_SHARE = 0.5      # how much of a neighbour's score a half-sure sentence may borrow


@dataclass(frozen=True)
class _Topic:
    id: str
    label: str
    threshold: float
    n_groups: int


@dataclass(frozen=True)
class TopicMatcher:
    automaton: ahocorasick.Automaton
    topics: tuple[_Topic, ...]


def _norm_term(term: str) -> tuple[str, bool, bool]:
    """(match key, prefix match?, case-sensitive?) for one lexicon term."""
    prefix = term.endswith("*")
    term = term.rstrip("*").translate(_NORMALISE)
    return term, prefix, any(c.isupper() for c in term)


def build_topic_matcher(entries: Sequence[dict]) -> TopicMatcher:
    """Compile topic entries (as `load_lexicon("topics")` returns them)."""
    automaton = ahocorasick.Automaton()
    topics = []

    def add(term: str, payload: tuple) -> None:
        key, prefix, sensitive = _norm_term(term)
        lower = key.lower()
        items = automaton.get(lower) if lower in automaton else []
        items.append((*payload, prefix, sensitive, key))
        automaton.add_word(lower, items)

    for t, e in enumerate(entries):
        groups = e.get("requires_all") or []
        topics.append(_Topic(e["id"], e["label"], float(e.get("threshold") or 1.0), len(groups)))
        for term, weight in (e.get("terms") or {}).items():
            add(term, (t, float(weight), -1))
        for g, group in enumerate(groups):
            for term in group.split("|"):
                add(term.strip(), (t, 0.0, g))
    if len(automaton):
        automaton.make_automaton()
    return TopicMatcher(automaton, tuple(topics))


@lru_cache(maxsize=1)
def default_topic_matcher() -> TopicMatcher:
    return build_topic_matcher(load_lexicon("topics"))


def topic_labels() -> dict[str, str]:
    """Topic id -> human label, in lexicon order (for the dashboard)."""
    return {t.id: t.label for t in default_topic_matcher().topics}


TOPIC_LABELS: dict[str, str] = topic_labels()


@dataclass
class _Evidence:
    score: float
    groups: set[int]


def _sentence_evidence(text: str, spans: Sequence[tuple[int, int]],
                       matcher: TopicMatcher) -> list[dict[int, _Evidence]]:
    """Per sentence span: topic index -> summed weights of distinct terms, groups present."""
    norm = text.translate(_NORMALISE)
    lower = norm.lower()
    if len(lower) != len(norm):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    n = len(norm)
    starts = [s for s, _ in spans]
    seen: list[set] = [set() for _ in spans]
    out: list[dict[int, _Evidence]] = [{} for _ in spans]
    if not len(matcher.automaton):
        return out
    for last, items in matcher.automaton.iter(lower):
        for t, weight, group, prefix, sensitive, key in items:
            start, end = last - len(key) + 1, last + 1
            if start > 0 and norm[start - 1].isalnum():
                continue
            if not prefix and end < n and norm[end].isalnum():
                continue
            if sensitive and norm[start:end] != key:
                continue
            k = bisect.bisect_right(starts, start) - 1
            if k < 0 or end > spans[k][1]:
                continue
            if (t, key, group) in seen[k]:
                continue          # a term counts once per sentence
            seen[k].add((t, key, group))
            ev = out[k].setdefault(t, _Evidence(0.0, set()))
            if group >= 0:
                ev.groups.add(group)
            else:
                ev.score += weight
    return out


def label_spans(text: str, spans: Sequence[tuple[int, int]], *,
                skip: Sequence[bool] | None = None,
                matcher: TopicMatcher | None = None) -> list[list[str]]:
    """Topic ids for each (start, end) span of `text`; spans flagged in `skip` get []."""
    matcher = matcher or default_topic_matcher()
    skip = list(skip) if skip is not None else [False] * len(spans)
    evidence = _sentence_evidence(text, spans, matcher)
    for k, flag in enumerate(skip):
        if flag:
            evidence[k] = {}          # chrome lends no context either
    labels: list[list[str]] = []
    empty = _Evidence(0.0, set())
    for k, own in enumerate(evidence):
        if skip[k]:
            labels.append([])
            continue
        neighbours = [evidence[j] for j in (k - 1, k + 1) if 0 <= j < len(evidence)]
        found = []
        for t, ev in own.items():
            topic = matcher.topics[t]
            if ev.score >= topic.threshold and len(ev.groups) == topic.n_groups:
                found.append(t)
                continue
            if ev.score < topic.threshold / 2:
                continue
            near = [nb.get(t, empty) for nb in neighbours]
            score = ev.score + NEIGHBOUR_SHARE * sum(e.score for e in near)
            groups = ev.groups.union(*(e.groups for e in near))
            if score >= topic.threshold and len(groups) == topic.n_groups:
                found.append(t)
        labels.append([matcher.topics[t].id for t in sorted(found)])
    return labels


def label_sentences(article: Article, sentences: list[Sentence]) -> list[list[str]]:
    """Topic ids per sentence (lexicon order); chrome sentences get []."""
    return label_spans(article.text, [(s.start, s.end) for s in sentences],
                       skip=[s.chrome or article.in_chrome(s.start, s.end) for s in sentences])
