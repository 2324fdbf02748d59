"""Recognise page chrome in plain-text article exports.

Chrome is what a web page puts around an article: advertisement labels, weather headers,
newsletter and "Top 10 Stories" widgets, related-article links, video durations, stray numbers,
section labels, and the second copy of a repeated photo caption. Chrome spans are kept in the
article text (offsets must stay faithful to the file) but nothing is extracted from them.

The rules look at whole lines. They do not try to judge a line's content: a related-article
headline is recognised by its shape (short, no final punctuation) and its place (after the body
has started), not by what it says. The one rule below the line is the repeated sentence: text
exported without line breaks (AP stories in CSV files) holds every caption copy inside one line.
"""
from __future__ import annotations

import re

from .model import Span
from .sentences import paragraphs, split_paragraph

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
    """Spans of page chrome in `text`, in order: whole lines, and repeated sentences inside
    lines (`repeated_sentences`)."""
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
    if len(lines) > 1 or len(text) >= 2 * _MIN_REPEAT:
        chrome.extend(repeated_sentences(text, [(s, e) for _pid, s, e in lines], chrome))
        chrome.sort()
    return chrome


# A repeated sentence must be this long (normalised) to be chrome: shorter ones ("He said no.",
# "Ukraine, Saturday, Aug. 27, 2022.") recur in real prose.
_MIN_REPEAT = 40
# A photo credit at the start of a sentence: the splitter glues the credit that closes one
# caption to the sentence after it ("(AP Photo/Evgeniy Maloletka) Volunteers attend ...").
_LEADING_CREDIT = re.compile(
    r"^(\((?:[^()]{0,80}\b(?:AP|Photo|Pool|File|via|Reuters|Getty|AFP|EPA|Handout)\b[^()]{0,40}"
    r"|[A-Z][\w.'’ -]{1,40}/[A-Z][^()]{0,60})\)(\s+|$))*"    # (Name/Agency) names a photographer
    r"(FILE\s*[-–—]\s*)?")
_FILE_TAG = re.compile(r"^file\s*[-–—]\s*")
# Folding for comparing copies (one character for one: AP mixes ´ and ' within a story).
_MARK_PAIRS = (("´", "'"), ("’", "'"), ("‘", "'"), ("`", "'"), ("“", '"'), ("”", '"'))
_QUOTE_MARKS = ("\"", "“", "”")
# Where a sentence may end once marks are folded: each end `sentences.split_paragraph` finds is
# one of these characters followed by a space. Splitting consumes the character.
_CHUNK_END = re.compile(r"[.!?…\"')\]»]\s+")
_ENDS = ".!?…\"')]»"
_ODD_SPACE = re.compile(r"[^\S \n]")      # a tab, no-break space...: one class, one fast scan
_SPACES = re.compile(r"[^\S\n]+")
# How far after a quoted repeat a caption's credit may come (a caption is a few sentences).
_CAPTION_REACH = 8


def _fold_marks(s: str) -> str:
    for mark, plain in _MARK_PAIRS:
        if mark in s:                  # replace() per mark: translate() is 50x slower here
            s = s.replace(mark, plain)
    return s


def _fold(s: str) -> str:
    return _fold_marks(" ".join(s.split()).lower())


def _sentence_key(sentence: str) -> tuple[str, str]:
    """(credit, body) of a sentence for comparing copies: case, spacing, apostrophe and quote
    styles folded; a leading photo credit and a 'FILE -' tag split off the body."""
    m = _LEADING_CREDIT.match(sentence)
    credit = m.group(0) if m else ""
    return _fold(credit), _fold(sentence[len(credit):])


def _may_repeat(text: str) -> bool:
    """A cheap test that `text` may hold a repeated sentence: cut at every place a sentence
    could end, it has a run of already-seen pieces longer than `_MIN_REPEAT`. Every sentence
    that `repeated_sentences` marks makes such a run (a piece loses at most its last character
    and the space after it, hence + 2), so False is final; True only means the sentences must
    be cut and compared. Most articles answer False."""
    folded = _fold_marks(text.lower())
    if "  " in folded or _ODD_SPACE.search(folded):
        folded = _SPACES.sub(" ", folded)
    seen: set[str] = set()
    for line in folded.split("\n"):
        line = line.strip()
        if line[-1:] in _ENDS:
            line = line[:-1]            # as the split would have taken it mid-line
        run = 0
        for piece in _CHUNK_END.split(line):
            if piece.startswith("file"):
                piece = _FILE_TAG.sub("", piece)
            if piece in seen:
                run += len(piece) + 2
                if run > _MIN_REPEAT:
                    return True
            else:
                run = 0
                seen.add(piece)
    return False


def repeated_sentences(text: str, lines: list[Span], chrome: list[Span]) -> list[Span]:
    """Spans of the second and later copies of a sentence within one article's text, outside
    the lines already in `chrome`: AP stories repeat a photo's caption after every copy of the
    photo, inside one paragraph. Sentences are cut as `sentences.split_paragraph` cuts them, so
    a span never takes a neighbouring sentence with it.

    Does NOT mark: a sentence shorter than `_MIN_REPEAT` characters (a leading credit not
    counted); the first copy (that is article text, as the seeds' gold reads a repeated
    caption); a repeated sentence carrying a quotation unless it lies in a caption copy (only
    copies between it and a photo credit), since a story may repeat its key quote; a credit
    standing alone unless the sentence before it is a marked copy (it closes that caption).
    """
    if not _may_repeat(text):
        return []
    return _repeat_spans(text, lines, chrome)


def _repeat_spans(text: str, lines: list[Span], chrome: list[Span]) -> list[Span]:
    """`repeated_sentences` without the cheap `_may_repeat` test first."""
    in_chrome = set(chrome)
    seen: set[str] = set()
    out: list[Span] = []
    for s, e in lines:
        if (s, e) in in_chrome:
            continue
        sents = split_paragraph(text, s, e)
        keys = [_sentence_key(text[a:b]) for a, b in sents]
        repeat = []
        for _credit, body in keys:
            repeat.append(bool(body) and body in seen)
            seen.add(body)
        marked = False                  # whether the sentence before was marked
        for i, ((a, b), (credit, body)) in enumerate(zip(sents, keys)):
            if not body:
                marked = marked and bool(credit)      # a credit closing a marked copy
            else:
                marked = repeat[i] and len(body) >= _MIN_REPEAT and (
                    not any(q in text[a:b] for q in _QUOTE_MARKS) or _caption_follows(keys, repeat, i))
            if marked:
                out.append((a, b))
    return out


def _caption_follows(keys: list[tuple[str, str]], repeat: list[bool], i: int) -> bool:
    """Whether sentence i lies in a caption copy: only repeated sentences lie between it and
    the next photo credit of its paragraph, a few sentences on at most."""
    for j in range(i + 1, min(len(keys), i + 1 + _CAPTION_REACH)):
        if keys[j][0]:
            return True
        if not repeat[j]:
            return False
    return False


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
