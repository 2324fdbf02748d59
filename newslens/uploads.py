"""Saving user-uploaded files into a corpus folder: allowlisted types, size limits, safe names.

The dashboard's Corpus page hands over what the browser sent (name, bytes); nothing a user
types or uploads decides where a file lands beyond a sanitised base name inside `dest`.
This module does not decode or parse files (the corpus loader does, with its own skip
reasons) and does not build tables.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".csv", ".tsv", ".jsonl")
MAX_UPLOAD_BYTES = 50 * 1024 * 1024     # per file; a CSV export of a few thousand stories fits
MAX_NAME_CHARS = 100
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.I)


def safe_filename(name: str) -> str:
    """A base name that is safe to create in any folder: no directories (`/`, `\\`, `..`), no
    leading dot (hidden files), no control or shell characters, at most MAX_NAME_CHARS with the
    suffix kept. Returns "" when nothing usable is left. Does not check the suffix."""
    name = unicodedata.normalize("NFKC", name or "")
    name = re.split(r"[\\/]", name)[-1]                       # the browser may send a path
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[\s_]+", "_", _UNSAFE.sub("_", name)).strip(" ._")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = suffix[:12]
    stem = (stem[:MAX_NAME_CHARS - len(suffix) - 1] if suffix else stem[:MAX_NAME_CHARS]).strip(" ._-")
    if not stem:
        return ""
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    return f"{stem}.{suffix}" if suffix else stem


def corpus_name(name: str) -> str:
    """A folder name for a corpus ("Ukraine media / 2022" -> "Ukraine_media_2022"); "" if none."""
    return safe_filename(re.sub(r"[./\\]+", " ", name or ""))


def _unique(dest: Path, name: str, taken: set[str]) -> str:
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 2
    while candidate.lower() in taken or (dest / candidate).exists():
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(candidate.lower())
    return candidate


def save_uploads(files: Iterable[tuple[str, bytes]], dest: str | Path, *,
                 allowed: tuple[str, ...] = ALLOWED_SUFFIXES, max_bytes: int = MAX_UPLOAD_BYTES,
                 overwrite: bool = False) -> tuple[list[Path], list[tuple[str, str]]]:
    """Write each (name, bytes) under `dest` and return (saved paths, (name, reason) rejected).

    A file is rejected, with a one-line reason, when its suffix is not in `allowed`, it is empty
    or larger than `max_bytes`, or its name has nothing usable left after sanitising. Names that
    clash (with each other or, unless `overwrite`, with files already in `dest`) get "-2", "-3".
    Each file is written to a temporary and moved into place, so a failed upload leaves no
    half-written file for a build to read."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    root = dest.resolve()
    saved: list[Path] = []
    rejected: list[tuple[str, str]] = []
    taken: set[str] = set()
    allowed_lower = tuple(s.lower() for s in allowed)
    for raw_name, data in files:
        shown = (raw_name or "")[:200]
        name = safe_filename(raw_name)
        suffix = os.path.splitext(name)[1].lower()
        if not name:
            rejected.append((shown, "no usable file name"))
            continue
        if suffix not in allowed_lower:
            rejected.append((shown, f"file type '{suffix or 'none'}' not accepted "
                                    f"(accepted: {', '.join(allowed_lower)})"))
            continue
        if not data:
            rejected.append((shown, "empty file"))
            continue
        if len(data) > max_bytes:
            rejected.append((shown, f"file too large ({len(data) / 1024 / 1024:.1f} MB > "
                                    f"{max_bytes / 1024 / 1024:.0f} MB limit)"))
            continue
        name = name if overwrite and name.lower() not in taken else _unique(dest, name, taken)
        taken.add(name.lower())
        target = (dest / name).resolve()
        if target.parent != root:  # defence in depth: sanitising already removed separators
            rejected.append((shown, "file name points outside the corpus folder"))
            continue
        fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=root)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        saved.append(target)
    return saved, rejected
