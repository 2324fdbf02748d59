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
from .sentences import chrome_flags

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


# What one sentence holds of one topic: [summed weights of its distinct terms, required groups
# present]. A two-item list rather than a small class: one is made per sentence and topic, and
# a list is several times cheaper to create; groups stay the shared empty frozenset until one
# is found (most topics require none).
_SCORE, _GROUPS = 0, 1
_NO_GROUPS: frozenset[int] = frozenset()


def _sentence_evidence(text: str, spans: Sequence[tuple[int, int]],
                       matcher: TopicMatcher) -> list[dict[int, list]]:
    """Per sentence span: topic index -> summed weights of distinct terms, groups present.

    Spans must be sorted and not overlap (sentences are). Weights are added in the order the
    automaton reports terms, so scores are the same floats whatever the loop's shape."""
    out: list[dict[int, list]] = [{} for _ in spans]
    if not len(matcher.automaton) or not spans:
        return out
    norm, lower, copy = search_text(text)
    k, last_k = 0, len(spans) - 1
    span_start, span_end = spans[0]
    seen: set[int] = set()                    # key ids already counted in sentence k
    for last, (key_id, klen, variants) in matcher.automaton.iter(copy):
        start = last - klen + 1               # key = " " + form [+ " "]; copy = " " + text
        if span_end <= start and k < last_k:
            while k < last_k and spans[k][1] <= start:
                k += 1                        # hits arrive in order of their end
            span_start, span_end = spans[k]
            seen = set()                      # k never goes back: older sentences are done
        if start < span_start or key_id in seen:
            continue                          # between sentences, or a term seen in this one
        for form, sensitive, must_compare, items in variants:
            end = start + len(form)
            if end > span_end:
                continue
            if must_compare and (norm[start:end] if sensitive else lower[start:end]) != (
                    form if sensitive else form.lower()):
                continue                      # same words, other case or punctuation
            seen.add(key_id)
            evidence = out[k]
            for t, weight, group in items:
                ev = evidence.get(t)
                if ev is None:
                    ev = evidence[t] = [0.0, _NO_GROUPS]
                if group >= 0:
                    if ev[_GROUPS] is _NO_GROUPS:
                        ev[_GROUPS] = set()
                    ev[_GROUPS].add(group)
                else:
                    ev[_SCORE] += weight
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
    empty = [0.0, _NO_GROUPS]
    for k, own in enumerate(evidence):
        if not own or skip[k]:
            labels.append([])         # no term of its own: borrowing needs half a threshold
            continue
        neighbours = [evidence[j] for j in (k - 1, k + 1) if 0 <= j < len(evidence)]
        found = []
        for t, (own_score, own_groups) in own.items():
            topic = matcher.topics[t]
            if own_score >= topic.threshold and len(own_groups) == topic.n_groups:
                found.append(t)
                continue
            if own_score < topic.threshold / 2:
                continue
            near = [nb.get(t, empty) for nb in neighbours]
            score = own_score + NEIGHBOUR_SHARE * sum(e[_SCORE] for e in near)
            groups = own_groups.union(*(e[_GROUPS] for e in near))
            if score >= topic.threshold and len(groups) == topic.n_groups:
                found.append(t)
        labels.append([matcher.topics[t].id for t in sorted(found)])
    return labels


def label_sentences(article: Article, sentences: list[Sentence]) -> list[list[str]]:
    """Topic ids per sentence (lexicon order); chrome sentences get []."""
    spans = [(s.start, s.end) for s in sentences]
    in_chrome = chrome_flags(article.chrome, spans)
    return label_spans(article.text, spans,
                       skip=[s.chrome or flag for s, flag in zip(sentences, in_chrome)])
