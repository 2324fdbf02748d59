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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .lexicons import load_lexicon, normalise, search_key, search_text
from .model import Article, Sentence

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
    """(the term as it must appear, prefix match?, case-sensitive?) for one lexicon term."""
    prefix = term.endswith("*")
    term, _ = normalise(term.rstrip("*"))
    return term, prefix, any(c.isupper() for c in term)


def build_topic_matcher(entries: Sequence[dict]) -> TopicMatcher:
    """Compile topic entries (as `load_lexicon("topics")` returns them).

    Each automaton key maps to (key id, key length, variants); a variant is (form, case
    sensitive?, must compare the text?, [(topic, weight, group or -1)])."""
    automaton = ahocorasick.Automaton()
    topics = []
    keys: dict[str, tuple] = {}

    def add(term: str, item: tuple) -> None:
        form, prefix, sensitive = _norm_term(term)
        key = search_key(form, prefix=prefix)
        if key not in keys:
            keys[key] = (len(keys), len(key), [])
        variants = keys[key][2]
        for v in variants:
            if v[0] == form and v[1] == sensitive:
                v[3].append(item)
                return
        # the key already guarantees letters and digits; compare only case or punctuation
        must_compare = sensitive or any(not (c.isalnum() or c == " ") for c in form)
        variants.append((form, sensitive, must_compare, [item]))

    for t, e in enumerate(entries):
        groups = e.get("requires_all") or []
        topics.append(_Topic(e["id"], e["label"], float(e.get("threshold") or 1.0), len(groups)))
        for term, weight in (e.get("terms") or {}).items():
            add(term, (t, float(weight), -1))
        for g, group in enumerate(groups):
            for term in group.split("|"):
                add(term.strip(), (t, 0.0, g))
    for key, value in keys.items():
        automaton.add_word(key, value)
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
    """Per sentence span: topic index -> summed weights of distinct terms, groups present.

    Spans must be sorted and not overlap (sentences are)."""
    out: list[dict[int, _Evidence]] = [{} for _ in spans]
    if not len(matcher.automaton) or not spans:
        return out
    norm, lower, copy = search_text(text)
    seen: set[tuple[int, int]] = set()
    k, last_k = 0, len(spans) - 1
    for last, (key_id, klen, variants) in matcher.automaton.iter(copy):
        start = last - klen + 1               # key = " " + form [+ " "]; copy = " " + text
        while k < last_k and spans[k][1] <= start:
            k += 1                            # hits arrive in order of their end
        if start < spans[k][0] or (k, key_id) in seen:
            continue                          # between sentences, or a term seen in this one
        for form, sensitive, must_compare, items in variants:
            if must_compare:
                end = start + len(form)
                if end > spans[k][1] or (norm[start:end] if sensitive else lower[start:end]) != (
                        form if sensitive else form.lower()):
                    continue                  # same words, other case or punctuation
            elif start + len(form) > spans[k][1]:
                continue
            seen.add((k, key_id))
            evidence = out[k]
            for t, weight, group in items:
                ev = evidence.get(t)
                if ev is None:
                    ev = evidence[t] = _Evidence(0.0, set())
                if group >= 0:
                    ev.groups.add(group)
                else:
                    ev.score += weight
            break
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
