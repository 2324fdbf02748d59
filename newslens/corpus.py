"""Loading articles: read bytes, decode, find page chrome, infer metadata.

A loader never raises for one bad file: it reports `(path, reason)` and goes on, so one
unreadable file never costs the user the rest of the corpus.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .chrome import _BYLINE, _DATE_LINE, _is_caption, find_chrome
from .model import Article
from .sentences import paragraphs

TEXT_SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = ("sources.csv",)
# One file that holds one article (.txt, .md, .html): a news story is 5-100 KB (a saved web page
# may be 3x this, for inline images; see html_reader). Past this the file is skipped with a reason
# instead of being built: the extractors are linear, but a 20 MB "article" is almost always a
# log, a dump or a concatenation, and its rows would drown the dashboard. Override per build
# (`--max-file-mb`). Containers of many articles (CSV, JSONL) are streamed row by row instead, so
# for them this limit applies to each row's text, and MAX_TABLE_BYTES to the whole file.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TABLE_BYTES = 2 * 1024 * 1024 * 1024
# Files that document a folder rather than being one of its articles.
_FOLDER_DOCS = re.compile(r"^(readme|license|licence|changelog|contributing|notice)(\.[\w.]+)?$", re.I)


class SkipFile(Exception):
    """A file that cannot become an article; the message is the one-line reason shown to users."""


@dataclass(frozen=True)
class Skipped:
    """A part of a file (a CSV row, a JSONL line) that was left out, yielded by a reader in place
    of a document so the rest of the file is still read. `where` names the file and row."""
    where: str
    reason: str


@dataclass(frozen=True)
class RawDocument:
    """One article's text and whatever metadata its container supplied."""
    doc_id: str
    path: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None


def decode(data: bytes) -> str:
    """Bytes to text: BOM-declared encodings, then UTF-8, then a detected legacy encoding.

    Universal newlines are applied (\\r\\n and \\r become \\n) and nothing else is changed, so
    offsets into the result are offsets into what the user sees in an editor."""
    if not data:
        raise SkipFile("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:4096]:
            if _looks_utf16(data):
                text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
            else:
                raise SkipFile("binary file (contains NUL bytes), not text")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_legacy(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("no text (only whitespace)")
    if _mostly_control(text):
        raise SkipFile("binary file (mostly control characters), not text")
    return text


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even_nuls, odd_nuls) > 0.3 * half and min(even_nuls, odd_nuls) < 0.05 * half


# Non-ASCII characters that Western European news written in Windows-1252 is made of: accented
# Latin letters, typographic quotes and dashes, currency and a few symbols. Text in another code
# page (Cyrillic cp1251, Polish cp1250) read as Windows-1252 gives mostly-non-ASCII gibberish or
# symbols such as ¹ ³ ¿ in the middle of words, and fails this test. The Icelandic letters
# Ð ð Ý ý Þ þ are left out: they are where Turkish cp1254 differs (Ş ş İ ı Ğ ğ).
_WESTERN = re.compile("[\u00c0-\u00cf\u00d1-\u00d6\u00d8-\u00dc\u00df-\u00ef\u00f1-\u00f6\u00f8-\u00fc\u00ff\u0152\u0153\u0160\u0161\u0178"
                      "\u017d\u017e\u0192\u2018-\u201e\u2013\u2014\u2026\u2022\u20ac\u2122"
                      "\u00a0\u00a3\u00a5\u00a7\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u00bd\u00bc\u00be\u00d7]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plausible_western(text: str) -> bool:
    """Mostly ASCII, and its other characters are ones Western European text uses."""
    sample = text[:100_000]
    others = len(_NON_ASCII.findall(sample))
    if others == 0:
        return True
    return others <= 0.4 * len(sample) and len(_WESTERN.findall(sample)) >= 0.9 * others


def detect_legacy_encoding(data: bytes) -> str:
    """The encoding of bytes that are not UTF-8 (a sample is enough): Windows-1252 when the
    bytes are valid for it and read as plausible Western text (a detector is unreliable on short
    texts: "Café" came back as UTF-16, and English with curly quotes as cp1250), otherwise the
    detector's guess (Cyrillic, Greek, Turkish, Central European, CJK...)."""
    try:
        if _plausible_western(data[:100_000].decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    guess = None
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
        guess = best.encoding if best is not None else None
    except ImportError:  # pragma: no cover - charset-normalizer is a declared dependency
        pass
    return guess or "cp1252"


def _decode_legacy(data: bytes) -> str:
    return data.decode(detect_legacy_encoding(data), errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def _mostly_control(text: str) -> bool:
    """Decoded text that is more than 10% control characters or replacement marks is binary
    (an image or archive without NUL bytes in its first 4 KB)."""
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) > 0.1 * len(sample)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _mb(n: int) -> str:
    """A size for a reason line: "850 KB", "2.5 MB", "20 MB"."""
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:.0f} MB"


def _open_binary(path: Path):
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, or SkipFile when it is larger than `max_bytes` (checked before
    reading, so an oversized file never enters memory)."""
    with _open_binary(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise SkipFile(f"file too large ({_mb(size)} > {_mb(max_bytes)} limit for one article; "
                           f"raise it with --max-file-mb)")
        return fh.read(max_bytes + 1)


def os_reason(exc: OSError) -> str:
    """A one-line reason for a file the system would not let us read."""
    if isinstance(exc, PermissionError):
        return "unreadable: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "unreadable: the file disappeared before it could be read"
    return f"unreadable: {exc.strerror or type(exc).__name__}"


def read_text_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument]:
    yield RawDocument(path.stem, str(path), decode(read_limited(path, max_bytes)))


def _read_html(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | Skipped]:
    from .html_reader import read_html_file  # imported late: html_reader imports this module
    return read_html_file(path, max_bytes=max_bytes)


def _read_csv(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | Skipped]:
    from .table_reader import read_csv_file
    return read_csv_file(path, max_bytes=max_bytes)


def _read_jsonl(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | Skipped]:
    from .table_reader import read_jsonl_file
    return read_jsonl_file(path, max_bytes=max_bytes)


# Readers by file suffix: `reader(path, *, max_bytes) -> Iterator[RawDocument | Skipped]`.
# A reader raises SkipFile (or OSError) for a file it cannot read at all and yields Skipped for a
# part of a file it leaves out; `max_bytes` limits one article's bytes.
READERS: dict[str, object] = {suffix: read_text_file for suffix in TEXT_SUFFIXES}
READERS.update({".html": _read_html, ".htm": _read_html, ".csv": _read_csv, ".tsv": _read_csv,
                ".jsonl": _read_jsonl})


def discover(inputs: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under `inputs` (files or folders), and inputs that cannot be read."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.name not in MANIFEST_NAMES:
                    _classify(child, files, skipped)
        elif path.is_file():
            _classify(path, files, skipped)
        else:
            skipped.append((str(path), "no such file or folder"))
    return files, skipped


def _classify(path: Path, files: list[Path], skipped: list[tuple[str, str]]) -> None:
    if _FOLDER_DOCS.match(path.name):
        skipped.append((str(path), "folder documentation (README/LICENSE), not an article"))
    elif path.suffix.lower() in READERS:
        files.append(path)
    else:
        skipped.append((str(path), f"unsupported file type '{path.suffix or path.name}'"))


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """`sources.csv` beside the articles: file, outlet, title, published, url (all optional)."""
    path = folder / "sources.csv"
    if not path.is_file():
        return {}
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            name = row.get("file") or row.get("doc_id")
            if name:
                out[Path(name).stem] = {k: v for k, v in row.items() if v}
    return out


def _skip(skipped: list[tuple[str, str]], where: str, reason: object) -> None:
    """Record a skip with its reason squeezed onto one line (parser messages may span several)."""
    skipped.append((where, " ".join(str(reason).split())))


def iter_raw_documents(inputs: Iterable[str | Path], skipped: list[tuple[str, str]], *,
                       max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument]:
    """Documents under `inputs`; every file or row left out is appended to `skipped` as
    (where, one-line reason). Never raises for a bad file."""
    files, bad = discover(inputs)
    skipped.extend(bad)
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for path in files:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = read_manifest(folder)
            except (OSError, UnicodeError, ValueError, csv.Error) as exc:
                manifests[folder] = {}
                _skip(skipped, str(folder / "sources.csv"),
                      f"metadata file ignored ({os_reason(exc) if isinstance(exc, OSError) else exc})")
        reader = READERS[path.suffix.lower()]
        try:
            for doc in reader(path, max_bytes=max_bytes):  # type: ignore[operator]
                if isinstance(doc, Skipped):
                    _skip(skipped, doc.where, doc.reason)
                    continue
                meta = manifests[folder].get(doc.doc_id, {})
                if meta:
                    doc = replace(doc, title=meta.get("title") or doc.title,
                                  published=meta.get("published") or doc.published,
                                  outlet=meta.get("outlet") or doc.outlet,
                                  url=meta.get("url") or doc.url)
                yield doc
        except SkipFile as exc:
            _skip(skipped, str(path), str(exc))
        except OSError as exc:
            _skip(skipped, str(path), os_reason(exc))
        except (UnicodeError, ValueError, csv.Error) as exc:
            _skip(skipped, str(path), f"unreadable: {type(exc).__name__}: {exc}")
        except (RecursionError, MemoryError) as exc:  # e.g. HTML nested thousands of levels deep
            _skip(skipped, str(path), f"unreadable: too deeply nested or too big ({type(exc).__name__})")
        except Exception as exc:  # noqa: BLE001 - a reader's bug must not cost the rest of the corpus
            _skip(skipped, str(path), f"could not be read ({type(exc).__name__}: {str(exc)[:200]})")


MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def parse_date_line(line: str) -> str | None:
    """ISO date of a dateline such as "Wednesday, November 27, 2024" or "27 Nov 2024"."""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", line)
    if m:
        return m.group(0)
    m = re.search(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", line)
    if m and m.group(1).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})", line)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


_PUBLISHED = re.compile(r"^(published|posted|updated|date)\s*:?\s*(.+)$", re.I)


def infer_metadata(text: str, chrome: list[tuple[int, int]]) -> dict[str, str | None]:
    """Title, byline and date from what the text itself says (no manifest).

    The title is the first short line before the body that is not chrome, a caption or a byline;
    the date comes from a dateline or a "Published:" line near the top."""
    chrome_set = set(chrome)
    title = byline = published = None
    for i, (_pid, s, e) in enumerate(paragraphs(text)):
        line = text[s:e].strip()
        if i > 15:
            break
        if published is None and (_DATE_LINE.match(line) or _PUBLISHED.match(line)):
            published = parse_date_line(line)
            continue
        if byline is None and _BYLINE.match(line):
            byline = re.sub(r"^(by|written\s+by|reporting\s+by)\s+", "", line, flags=re.I)
            byline = re.sub(r"\s*\[[^\]]*\]\s*$", "", byline).strip()
            continue
        if (s, e) in chrome_set or _is_caption(line) or line.startswith(("•", "-", "*")):
            continue
        if title is None:
            # maxsplit: a whole article on one line is not split into all its words
            if len(line.split(None, 30)) <= 30 and ". " not in line:
                title = line.lstrip("# ").strip()
            break
    if byline is None:
        for _pid, s, e in paragraphs(text):
            if _BYLINE.match(text[s:e].strip()):
                byline = re.sub(r"^(by|written\s+by|reporting\s+by)\s+", "", text[s:e].strip(), flags=re.I)
                byline = re.sub(r"\s*\[[^\]]*\]\s*$", "", byline).strip()
    return {"title": title, "byline": byline, "published": published}


def normalise_iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return parse_date_line(value)


# An ISO date standing alone in a file name (`outlet_2015-11-11_slug.txt`, `2024-03-02 report.md`):
# exports and scrapers often name files so, and without a publication date "on Monday" or
# "March 3" in the text cannot be given a year. Compact forms (20151111) are not read: they are as
# often ids or counters.
_NAME_DATE = re.compile(r"(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])")


def date_in_name(path: str) -> str | None:
    """The ISO date in a file's name (not its folders), when there is exactly one valid one.

    Does not look at the text (see `infer_metadata`, which wins when it finds a dateline)."""
    stem = Path(path).name
    found = {m.group(0) for m in _NAME_DATE.finditer(stem) if _is_real_date(m)}
    return found.pop() if len(found) == 1 else None


def _is_real_date(m: re.Match) -> bool:
    """Whether year-month-day groups name a calendar day (no 2015-13-45, no 2023-02-29)."""
    try:
        date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


def make_article(doc: RawDocument) -> Article:
    """An Article from one raw document: metadata its container gave wins, then what the text
    says (title, byline, dateline), then a date in the file name."""
    chrome = find_chrome(doc.text)
    meta = infer_metadata(doc.text, chrome)
    return Article(
        doc_id=doc.doc_id, path=doc.path, text=doc.text,
        outlet=doc.outlet or None,
        title=doc.title or meta["title"],
        published=normalise_iso_date(doc.published) or meta["published"] or date_in_name(doc.path),
        byline=doc.byline or meta["byline"],
        url=doc.url or None,
        chrome=tuple(chrome),
        sha256=sha256(doc.text),
    )


def load_corpus(inputs: Iterable[str | Path], *,
                max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Article], list[tuple[str, str]]]:
    """Articles under `inputs` and (where, reason) for everything left out. Does not remove
    duplicates or rename clashing doc_ids: the build does that, so it can report them."""
    skipped: list[tuple[str, str]] = []
    articles = [make_article(doc) for doc in iter_raw_documents(inputs, skipped, max_bytes=max_bytes)]
    return articles, skipped
