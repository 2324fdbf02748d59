"""Recognise page chrome in plain-text article exports.

Chrome is what a web page puts around an article: advertisement labels, weather headers,
newsletter and "Top 10 Stories" widgets, related-article links, video durations, stray numbers,
section labels, and the second copy of a repeated photo caption. Chrome spans are kept in the
article text (offsets must stay faithful to the file) but nothing is extracted from them.

The rules look at whole lines. They do not try to judge a line's content: a related-article
headline is recognised by its shape (short, no final punctuation) and its place (after the body
has started), not by what it says.
"""
from __future__ import annotations

import re

from .model import Span
from .sentences import paragraphs

_WIDGET = re.compile(
    r"""^[-–—•·|\s]*(
        advertisements?|advert|sponsored(\s+content)?|promoted|
        top\s+\d+\s+(stories|news|articles)|most\s+(read|popular|viewed)|trending(\s+now)?|
        sign\s+up(\s+for\b.*)?|subscribe(\b.*)?|get\s+more\s+with\b.*|learn\s+more|read\s+more\b.*|
        (also\s+)?read\s+also\b.*|see\s+also\b.*|related(\s+(articles?|stories|news|content|topics|coverage))?:?|
        more\s+(from|by)\s+(the\s+)?author|more\s+stories|you\s+may\s+also\s+like|recommended(\s+for\s+you)?|
        share(\s+this(\s+article)?)?|share\s+on\b.*|follow\s+us\b.*|click\s+here\b.*|
        letters?|newsletter|e-?newsletter|watch:?|video|listen(\s+to\s+this\s+article)?|
        skip\s+to\s+(main\s+)?content|cookie\s+(policy|settings)|accept\s+cookies|
        \(?\s*photo|getty(\s+images)?|x|facebook|twitter|linkedin|whatsapp|email|print|comments?
    )[-–—:.\s]*$""", re.I | re.X)
# Everything after one of these closing widgets is chrome.
_TAIL = re.compile(r"^[-–—\s]*(more\s+(from|by)\s+(the\s+)?author|related\s+(articles|stories|posts)|"
                   r"you\s+may\s+also\s+like|recommended\s+(for\s+you|stories)|most\s+read|"
                   r"read\s+next|more\s+on\s+this\s+story)[:.\s]*$", re.I)
_WEATHER = re.compile(r"^-?\d{1,3}(\.\d)?\s*°?\s*[FC]$")
_DURATION = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_STRAY_NUMBER = re.compile(r"^[\d\s.,:/-]{1,8}$")
_DATE_LINE = re.compile(
    r"^((Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2})"
    r"(\s*(,|at)?\s*\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?$", re.I)
_BYLINE = re.compile(r"^(by|written\s+by|reporting\s+by)\s+[A-Z][\w.'’-]*(\s+[\w.'’@\[\]-]+){0,8}$", re.I)
_TERMINAL = ".!?…:;\"”’'»)]"


def _words(line: str) -> int:
    return len(line.split())


def _is_sentence_like(line: str, words: int | None = None) -> bool:
    """A body paragraph: ends in sentence punctuation and is more than a handful of words.
    `words` is `_words(line)` when the caller has already counted them."""
    return line.rstrip()[-1:] in _TERMINAL and (_words(line) if words is None else words) >= 8


def _is_headline_like(line: str, words: int | None = None) -> bool:
    """Short and without final punctuation: a title, a section label or a related-story link."""
    return (line.rstrip()[-1:] not in _TERMINAL and (_words(line) if words is None else words) <= 20
            and ". " not in line)


def is_widget_line(line: str) -> bool:
    s = line.strip()
    return bool(_WIDGET.match(s) or _WEATHER.match(s) or _DURATION.match(s)
                or _STRAY_NUMBER.match(s))


def find_chrome(text: str) -> list[Span]:
    """Spans (whole lines) of page chrome in `text`."""
    lines = list(paragraphs(text))
    chrome: list[Span] = []
    seen: set[str] = set()
    body_started = False
    tail = False
    for i, (_pid, s, e) in enumerate(lines):
        line = text[s:e]
        parts = line.split()                 # split once: the word count is read several times
        n_words = len(parts)
        key = " ".join(parts).lower()
        if tail:
            chrome.append((s, e))
            continue
        if body_started and _TAIL.match(line):
            tail = True
            chrome.append((s, e))
            continue
        # The second copy of a repeated caption or headline; a repeated body paragraph that
        # carries a quotation stays text (live blogs repeat running tallies and quotes).
        repeated = len(key) >= 20 and key in seen and (
            _is_caption(line) or _is_headline_like(line, n_words) or not any(q in line for q in "\"“”"))
        seen.add(key)
        if repeated or is_widget_line(line):
            chrome.append((s, e))
            continue
        if not body_started and _DATE_LINE.match(line.strip()):
            chrome.append((s, e))          # dateline header; used for metadata, not extracted
            continue
        if n_words <= 3 and line.rstrip()[-1:] not in _TERMINAL and not _BYLINE.match(line):
            # Lone labels: section names, place headers ("Los Angeles"), "LETTER".
            if not (not body_started and i == 0 and n_words >= 2 and not _looks_like_label(line)):
                chrome.append((s, e))
                continue
        if body_started and _is_headline_like(line, n_words) and not _BYLINE.match(line):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            # A related-story link or pull quote sits between body paragraphs; a trailing
            # short line at the very end of the text is also chrome.
            if nxt is None or not text[nxt[1]:nxt[2]].lstrip().startswith(("•", "-", "*")):
                chrome.append((s, e))
                continue
        if _is_sentence_like(line, n_words) and (n_words >= 20 or ". " in line) and not _is_caption(line):
            body_started = True
    return chrome


def _looks_like_label(line: str) -> bool:
    return _words(line) <= 2


_CREDIT_LABEL = re.compile(r"(Photo|Image|Picture|Credit|File photo)\s*:")
# The credits that end a caption, written reversed and matched at the start of the reversed
# line: the same matches as `...$` patterns, but without trying every position of a long line
# (whole articles are often one line). \b is symmetric, so it reverses to itself.
_CREDIT_END_REVERSED = re.compile(r"[a-z]+[A-Z][-/][A-Z]{2,}|\][A-Z .'’-]+\[|"
                                  r"\.?\)?(PA|PFA|sretueR|segamI ytteG|pahnoY|APE|grebmoolB)\b")


def _is_caption(line: str) -> bool:
    """Photo captions end with a credit ("Photo: Bloomberg", "AP-Yonhap", "[MINISTRY ...]")."""
    line = line.strip()
    return bool((":" in line and _CREDIT_LABEL.search(line)) or _CREDIT_END_REVERSED.match(line[::-1]))


def find_bylines(text: str) -> list[Span]:
    return [(s, e) for _pid, s, e in paragraphs(text) if _BYLINE.match(text[s:e])]
