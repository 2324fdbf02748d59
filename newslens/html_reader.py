"""Saved web pages (.html, .htm) to articles: main text, title, date, site name, author.

The main text is extracted by trafilatura: actively maintained, widely used for news and
web-corpus work, and among the best-scoring open-source main-content extractors in published
comparisons (it needs `lxml_html_clean`, split out of lxml 5.2). It drops scripts, styles, navigation, footers and comment
sections, and reads title, date (htmldate), site name and author from the page's metadata
(<title>, OpenGraph, JSON-LD, <meta>). We never parse HTML with regexes.

The text stored for the article (and every offset) is the extracted text, not the HTML.
This module does not fetch URLs and does not keep any markup: attributes such as `onerror=`
never reach the text, and script bodies are removed before text extraction.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .corpus import MAX_FILE_BYTES, RawDocument, SkipFile, _mb, decode, read_limited

# Only the charset declaration is looked up in the raw bytes, never any content.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}  # metadata only, not body text


def _whatwg_label(label: str) -> str:
    """The codec browsers use for a declared charset: Latin-1 and ASCII labels mean Windows-1252,
    and a UTF-16/32 declaration in a page without a BOM means UTF-8 (WHATWG Encoding)."""
    label = label.strip().lower()
    if label in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "x-user-defined"):
        return "cp1252"
    if label.startswith(("utf-16", "utf16", "utf-32", "utf32")):
        return "utf-8"
    return label


def decode_html(data: bytes) -> str:
    """Page bytes to text: a BOM, then the page's declared <meta charset>, then `corpus.decode`.

    Raises SkipFile for empty or binary files (via `corpus.decode`)."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                text = data.decode(_whatwg_label(m.group(1).decode("ascii")))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall back to detection
            else:
                return decode(text.encode("utf-8"))
    return decode(data)


def extract_html(html: str, *, source: str = "") -> dict[str, str | None]:
    """Main text and metadata of one page: keys text, title, published, outlet, byline, url.

    Falls back to trafilatura's baseline (all paragraph text of the body) when the main-content
    heuristics find nothing, as happens on very short pages. Raises SkipFile when no text is
    left at all."""
    import trafilatura  # imported here: loading it costs ~0.5 s and plain-text builds never need it

    meta: dict[str, str | None] = {}
    text = ""
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception:  # noqa: BLE001 - a page the extractor chokes on still gets the baseline
        doc = None
    if doc is not None:
        text = doc.text or ""
        meta = {"title": doc.title, "published": doc.date, "outlet": doc.sitename,
                "byline": doc.author, "url": doc.url}
    if not text.strip():
        try:
            _tree, text, _n = trafilatura.baseline(html)
        except Exception as exc:  # noqa: BLE001
            raise SkipFile(f"HTML page could not be parsed ({type(exc).__name__})") from exc
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("HTML page has no article text")
    return {"text": text, **{k: (v.strip() if isinstance(v, str) and v.strip() else None)
                             for k, v in meta.items()}}


# A page saved as a single file inlines its images and fonts as base64, so its markup can be many
# times its text: the page may be this many times the one-article limit, its text may not.
HTML_MARKUP_FACTOR = 3


def read_html_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument]:
    """One article from a saved web page; doc_id is the file name without extension."""
    page = extract_html(decode_html(read_limited(path, max_bytes * HTML_MARKUP_FACTOR)), source=str(path))
    size = len((page["text"] or "").encode("utf-8"))
    if size > max_bytes:
        raise SkipFile(f"article text too large ({_mb(size)} > {_mb(max_bytes)} limit for one article; "
                       f"raise it with --max-file-mb)")
    yield RawDocument(doc_id=path.stem, path=str(path), text=page["text"] or "",
                      title=page.get("title"), published=page.get("published"),
                      outlet=page.get("outlet"), url=page.get("url"), byline=page.get("byline"))
