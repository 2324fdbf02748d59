"""Record types shared by the corpus loader, the extractors and the pipeline.

Every record that points into an article carries `start`/`end` character offsets into
`Article.text` (end exclusive) such that `article.text[start:end]` is exactly its surface.
"""
from __future__ import annotations

from dataclasses import dataclass, field


Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    doc_id: str
    path: str
    text: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    byline: str | None = None
    url: str | None = None
    chrome: tuple[Span, ...] = ()  # page chrome: nothing is extracted from these spans
    sha256: str = ""

    def in_chrome(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.chrome)


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    para_id: int = 0          # index of the paragraph (newline-separated line) holding it
    chrome: bool = False      # the sentence lies in page chrome


@dataclass(frozen=True)
class Quote:
    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    kind: str                        # full | partial | scare
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Figure:
    doc_id: str
    sent_id: int
    start: int
    end: int
    surface: str
    value: float
    unit: str                        # count | percent | money | caliber_mm | duration | ordinal | other
    counts: str | None = None
    approx: bool = False
    currency: str | None = None


@dataclass(frozen=True)
class DateMention:
    doc_id: str
    sent_id: int
    start: int
    end: int
    surface: str
    iso: str


@dataclass(frozen=True)
class WeaponMention:
    doc_id: str
    sent_id: int
    start: int
    end: int
    surface: str
    canonical: str
    category: str
    specific: bool


@dataclass(frozen=True)
class Entity:
    doc_id: str
    start: int
    end: int
    surface: str
    name: str
    type: str                        # person | org | place
    sent_id: int = -1


@dataclass
class BuildReport:
    """What a build did, for the CLI summary and the dashboard."""
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)
    unchanged: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, duplicate of)
    failures: list[tuple[str, str]] = field(default_factory=list)    # (doc_id, extractor error)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (doc_id, new doc_id, path)
    notes: list[str] = field(default_factory=list)                   # other one-line remarks
