"""CSV, TSV and JSONL exports to articles: one article per row (CSV) or per line (JSONL).

The separator (comma, semicolon, tab or pipe) is judged from the header line.

Columns are matched case-insensitively, ignoring spaces, dashes and underscores:
title/headline; text/body/content/article; date/published/...; url/link; outlet/source/
publisher/...; byline/author; and an optional id column. `doc_id` is the file stem plus a row key:
the id column's value when there is one ("AP-a1b2"), otherwise the record's number in the file,
zero-padded ("AP-0042"); both are stable across rebuilds of an unchanged file. The outlet is the
outlet column or, failing that, the URL's host without "www." ("dailymail.co.uk").

Files are streamed record by record (memory stays at one record), and a bad record never costs
the rest of the file: it is yielded as `Skipped` with its line number and the reason, and
reading resumes at the next line. This module does not deduplicate rows (the build does) and
does not change a text beyond universal newlines.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .corpus import (MAX_FILE_BYTES, MAX_TABLE_BYTES, RawDocument, SkipFile, Skipped, _looks_utf16,
                     _mostly_control, _mb, _open_binary, detect_legacy_encoding)

# Aliases in priority order for each field (normalised: lower case, letters and digits only).
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articletext", "fulltext", "article", "articlebody", "story"),
    "title": ("title", "headline", "heading"),
    "published": ("date", "published", "publishedat", "publishdate", "publicationdate", "pubdate",
                  "datepublished", "datetime"),
    "url": ("url", "link", "articleurl", "sourceurl", "href"),
    "outlet": ("outlet", "source", "publisher", "publication", "sitename", "site", "media", "newspaper"),
    "byline": ("byline", "author", "authors"),
    "key": ("id", "docid", "articleid", "guid", "uid", "key"),
}
MAX_SKIP_LINES = 20  # per file: past this the summary gets one "and N more" line


def _norm(name: object) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def match_columns(names: list[str]) -> dict[str, int | str]:
    """Field -> the matching column (its position in `names`, or the name itself for JSON keys
    when `names` are dict keys). Fields without a matching column are absent."""
    normed = {_norm(n): i for i, n in reversed(list(enumerate(names)))}
    out: dict[str, int | str] = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in normed:
                out[field] = normed[alias]
                break
    return out


def host_outlet(url: str | None) -> str | None:
    """"https://www.dailymail.co.uk/wires/..." -> "dailymail.co.uk"; None when there is no host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def slug(value: str, *, limit: int = 60) -> str:
    """A readable, file-name-safe row key."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value.strip()).strip("-.")[:limit]


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


def _document(path: Path, number: int, fields: dict[str, str | None]) -> RawDocument:
    key = slug(fields.get("key") or "") or f"{number:04d}"
    url = (fields.get("url") or "").strip() or None
    return RawDocument(
        doc_id=f"{path.stem}-{key}", path=str(path), text=fields["text"] or "",
        title=(fields.get("title") or "").strip() or None,
        published=(fields.get("published") or "").strip() or None,
        outlet=(fields.get("outlet") or "").strip() or host_outlet(url),
        url=url, byline=(fields.get("byline") or "").strip() or None)


def open_text_stream(path: Path, *, max_table_bytes: int = MAX_TABLE_BYTES) -> io.TextIOWrapper:
    """A text stream over `path` with its encoding detected from the first megabyte (BOM,
    UTF-16 without BOM, UTF-8, then a legacy code page). Raises SkipFile for empty, binary or
    oversized files. Newlines are left as they are (the CSV reader needs them)."""
    fh = _open_binary(path)
    try:
        size = path.stat().st_size
        if size > max_table_bytes:
            raise SkipFile(f"file too large ({_mb(size)} > {_mb(max_table_bytes)} limit)")
        sample = fh.read(1 << 20)
        if not sample.strip():
            raise SkipFile("empty file" if not sample else "no text (only whitespace)")
        if sample.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        elif b"\x00" in sample[:4096]:
            if not _looks_utf16(sample):
                raise SkipFile("binary file (contains NUL bytes), not text")
            encoding = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        else:
            try:
                codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < (1 << 20))
                encoding = "utf-8"
            except UnicodeDecodeError:
                encoding = detect_legacy_encoding(sample)
        if _mostly_control(sample.decode(encoding, errors="replace")):
            raise SkipFile("binary file (mostly control characters), not text")
        fh.seek(0)
        return io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="")
    except BaseException:
        fh.close()
        raise


class _Lines:
    """Physical lines for csv.reader, remembering the lines of the current record so a bad
    record can be skipped and its later lines read again as fresh records."""

    def __init__(self, stream: io.TextIOWrapper) -> None:
        self.stream = stream
        self.lineno = 0
        self.current: list[tuple[int, str]] = []
        self.replay: deque[tuple[int, str]] = deque()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.replay:
            item = self.replay.popleft()
        else:
            line = self.stream.readline()
            if not line:
                raise StopIteration
            self.lineno += 1
            item = (self.lineno, line)
        self.current.append(item)
        return item[1]

    def start_record(self) -> None:
        self.current = []

    def reread_from(self, index: int) -> None:
        """Read the current record's lines from `index` on again."""
        self.replay.extendleft(reversed(self.current[index:]))
        self.current = []


_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(lines: _Lines, *, default: str) -> str:
    """The field separator, judged from the first non-blank line (the header): the most frequent
    of comma, semicolon (European spreadsheet exports), tab and pipe outside quotes. The line
    is put back to be read again as the header."""
    for line in lines:
        if line.strip():
            break
    first = lines.current
    lines.reread_from(0)
    header = re.sub(r'"[^"]*"', "", first[-1][1]) if first else ""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


def _shape(value: str) -> str:
    """"2022-06-11" -> "9-9-9", "17" -> "9": the kind of value a column holds."""
    return re.sub(r"9+", "9", re.sub(r"a+", "a", re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "a", value))))


def _well_formed(lines: list[tuple[int, str]], delimiter: str) -> bool:
    """Whether a multi-line record is properly quoted (every quoted field closed, and closed
    right before a separator or the line end). A quote that ran away never passes: it ends at
    a later row's opening quote, followed by text, or at the end of the file."""
    try:
        for _ in csv.reader(io.StringIO("".join(line for _, line in lines), newline=""),
                            delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def _runaway_line(lines: list[tuple[int, str]], width: int, shapes: set[str], *,
                  delimiter: str = ",") -> int | None:
    """Index of a line inside a multi-line record that is itself a complete row of this file:
    a quote opened in the record never closed and swallowed the rows after it. A row is
    recognised by its field count and by its first value having the shape of a first value of
    this file (a date, a number: `shapes`), which ordinary paragraph lines do not have."""
    if not shapes:
        return None
    for i in range(1, len(lines)):
        try:
            fields = next(csv.reader([lines[i][1]], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(fields) == width and 0 < len(fields[0]) <= 60 and _shape(fields[0]) in shapes:
            return i
    return None


class _SkipLog:
    """Row-level skips of one file, capped so a broken export cannot flood the summary."""

    def __init__(self, path: Path) -> None:
        self.path, self.count = path, 0

    def skip(self, line: int, reason: str) -> Iterator[Skipped]:
        self.count += 1
        if self.count <= MAX_SKIP_LINES:
            yield Skipped(f"{self.path} line {line}", reason)

    def close(self) -> Iterator[Skipped]:
        if self.count > MAX_SKIP_LINES:
            yield Skipped(str(self.path), f"and {self.count - MAX_SKIP_LINES} more rows skipped")


def read_csv_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | Skipped]:
    """One document per CSV row. Rows with the wrong number of fields, no text, text over
    `max_bytes`, or a quote that never closes are yielded as Skipped; the rest are read."""
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    with open_text_stream(path) as stream:
        lines = _Lines(stream)
        log = _SkipLog(path)
        delimiter = _delimiter(lines, default="\t" if path.suffix.lower() == ".tsv" else ",")
        reader = csv.reader(lines, delimiter=delimiter)
        header: list[str] | None = None
        cols: dict[str, int | str] = {}
        first_shape: str | None = None
        number = 0
        while True:
            lines.start_record()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                where = lines.current[0][0] if lines.current else lines.lineno
                reason = ("row text too large (over the limit for one article)" if "field larger" in str(exc)
                          else f"malformed row ({exc})")
                yield from log.skip(where, reason)
                lines.reread_from(1)
                reader = csv.reader(lines, delimiter=delimiter)  # a fresh parser state after the error
                continue
            if not row or not any(cell.strip() for cell in row):
                continue  # blank line
            where = lines.current[0][0]
            if header is None:
                header = [h.strip() for h in row]
                cols = match_columns(header)
                if "text" not in cols:
                    raise SkipFile(f"no text column (looked for {', '.join(COLUMNS['text'][:4])}, ...); "
                                   f"columns are: {', '.join(header)[:200]}")
                continue
            number += 1
            width = len(header)
            if len(lines.current) > 1 and not _well_formed(lines.current, delimiter):
                # Shapes of this row's own first value (when the quote opened later in the row)
                # and of the last good row's. Only shapes with digits (dates, ids) are distinctive:
                # a title-like "Word" would match every paragraph that starts "However, ...".
                shapes = {sh for sh in (first_shape, _shape(row[0]) if row and "\n" not in row[0]
                                        and 0 < len(row[0]) <= 60 else None) if sh and "9" in sh}
                runaway = _runaway_line(lines.current, width, shapes, delimiter=delimiter)
                if runaway is not None:
                    yield from log.skip(where, "a quote opened in this row never closes (it ran into "
                                        f"line {lines.current[runaway][0]}); row skipped")
                    lines.reread_from(runaway)
                    continue
            if len(row) > width and not any(c.strip() for c in row[width:]):
                row = row[:width]  # trailing empty cells, as spreadsheets often write
            if len(row) != width:
                yield from log.skip(where, f"malformed row: {len(row)} fields, the header has {width}")
                if len(lines.current) > 1:
                    lines.reread_from(1)
                continue
            fields = {f: _clean(row[i]) for f, i in cols.items()}  # type: ignore[index]
            if not fields.get("text"):
                yield from log.skip(where, "row has no text")
                continue
            if len(fields["text"]) > max_bytes:
                yield from log.skip(where, "row text too large (over the limit for one article)")
                continue
            first_shape = _shape(row[0]) if row[0].strip() else first_shape
            yield _document(path, number, fields)
        if header is None:
            raise SkipFile("no rows (not even a header)")
        yield from log.close()


def read_jsonl_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | Skipped]:
    """One document per JSON Lines object. Lines that are not JSON objects, have no text or are
    over `max_bytes` are yielded as Skipped; the rest are read."""
    with open_text_stream(path) as stream:
        log = _SkipLog(path)
        lineno = number = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                break
            lineno += 1
            if len(line) > max_bytes and not line.endswith("\n"):
                while line and not line.endswith("\n"):  # drop the rest of the oversized line
                    line = stream.readline(max_bytes + 1)
                yield from log.skip(lineno, "line too large (over the limit for one article)")
                continue
            if not line.strip():
                continue
            number += 1
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield from log.skip(lineno, f"malformed JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                yield from log.skip(lineno, f"not a JSON object but a {type(obj).__name__}")
                continue
            keys = list(obj)
            cols = match_columns(keys)
            fields = {f: _clean(obj[keys[i]]) for f, i in cols.items()}  # type: ignore[index]
            if "text" not in cols or not fields.get("text"):
                yield from log.skip(lineno, "object has no text (looked for text, body, content, ...)")
                continue
            yield _document(path, number, fields)
        yield from log.close()
