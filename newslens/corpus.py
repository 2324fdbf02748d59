"""Loading articles: read bytes, decode, find page chrome, infer metadata.

A loader never raises for one bad file: it reports `(path, reason)` and goes on, so one
unreadable file never costs the user the rest of the corpus.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .chrome import _BYLINE, _DATE_LINE, _is_caption, find_chrome
from .model import Article
from .sentences import paragraphs

TEXT_SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = ("sources.csv",)
MAX_FILE_BYTES = 50 * 1024 * 1024


class SkipFile(Exception):
    """A file that cannot become an article; the message is the one-line reason shown to users."""


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
    return text


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even_nuls, odd_nuls) > 0.3 * half and min(even_nuls, odd_nuls) < 0.05 * half


def _decode_legacy(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except ImportError:  # pragma: no cover - charset-normalizer is a declared dependency
        pass
    return data.decode("cp1252", errors="replace")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text_file(path: Path) -> Iterator[RawDocument]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SkipFile(f"file too large ({size / 1e6:.0f} MB > {MAX_FILE_BYTES / 1e6:.0f} MB limit)")
    yield RawDocument(path.stem, str(path), decode(path.read_bytes()))


# Readers by file suffix; other modules (HTML, CSV, JSONL) register theirs here.
READERS: dict[str, object] = {suffix: read_text_file for suffix in TEXT_SUFFIXES}


def discover(inputs: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under `inputs` (files or folders), and inputs that cannot be read."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    if child.suffix.lower() in READERS:
                        files.append(child)
                    elif child.name not in MANIFEST_NAMES:
                        skipped.append((str(child), f"unsupported file type '{child.suffix or child.name}'"))
        elif path.is_file():
            if path.suffix.lower() in READERS:
                files.append(path)
            else:
                skipped.append((str(path), f"unsupported file type '{path.suffix or path.name}'"))
        else:
            skipped.append((str(path), "no such file or folder"))
    return files, skipped


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


def iter_raw_documents(inputs: Iterable[str | Path], skipped: list[tuple[str, str]]) -> Iterator[RawDocument]:
    files, bad = discover(inputs)
    skipped.extend(bad)
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for path in files:
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
        reader = READERS[path.suffix.lower()]
        try:
            for doc in reader(path):  # type: ignore[operator]
                meta = manifests[folder].get(doc.doc_id, {})
                if meta:
                    doc = replace(doc, title=meta.get("title") or doc.title,
                                  published=meta.get("published") or doc.published,
                                  outlet=meta.get("outlet") or doc.outlet,
                                  url=meta.get("url") or doc.url)
                yield doc
        except SkipFile as exc:
            skipped.append((str(path), str(exc)))
        except (OSError, UnicodeError, ValueError, csv.Error) as exc:
            skipped.append((str(path), f"unreadable: {type(exc).__name__}: {exc}"))


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
            if len(line.split()) <= 30 and ". " not in line:
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


def make_article(doc: RawDocument) -> Article:
    chrome = find_chrome(doc.text)
    meta = infer_metadata(doc.text, chrome)
    return Article(
        doc_id=doc.doc_id, path=doc.path, text=doc.text,
        outlet=doc.outlet or None,
        title=doc.title or meta["title"],
        published=normalise_iso_date(doc.published) or meta["published"],
        byline=doc.byline or meta["byline"],
        url=doc.url or None,
        chrome=tuple(chrome),
        sha256=sha256(doc.text),
    )


def load_corpus(inputs: Iterable[str | Path]) -> tuple[list[Article], list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    articles = [make_article(doc) for doc in iter_raw_documents(inputs, skipped)]
    return articles, skipped
