"""The one CSV writer every CSV we produce goes through (CLI export, dashboard downloads).

Spreadsheet programs run a cell that begins with `=`, `+`, `-` or `@` as a formula, and a leading
tab or carriage return can hide such a cell from a naive check (CSV/formula injection, OWASP).
Article text is untrusted input, so every text cell that starts with one of those characters gets
a leading apostrophe, which spreadsheets show as plain text. Real numbers (int/float columns)
are left alone, so "-3" stays the number -3 in a numeric column; a *string* "-3" taken from an
article is neutralised like any other text, because we cannot know how a spreadsheet will read it.

This module does not escape HTML and does not alter Parquet tables: only what goes to CSV.
"""
from __future__ import annotations

import io
import numbers
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """`value` made safe for a spreadsheet: strings starting with a formula trigger get a leading
    apostrophe; numbers, booleans, None and NaN come back unchanged.

    Lists and other containers (e.g. a sentence's topic ids) are first joined/turned into text,
    since CSV has no list type and their text form could itself start with a trigger."""
    if value is None or isinstance(value, (bool, numbers.Number, np.bool_)):
        return value
    if isinstance(value, (list, tuple, np.ndarray)):
        value = ";".join(_item(v) for v in value)
    elif not isinstance(value, str):
        if value is pd.NA or value is pd.NaT:
            return value
        value = str(value)
    if value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def _item(value: Any) -> str:
    """One element of a list cell: spans such as [120, 134] read "120-134"."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "-".join(str(v) for v in value)
    return str(value)


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every non-numeric column passed through `neutralise_cell`.

    Numeric and boolean columns are kept as they are so they stay numbers in the CSV."""
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        out[col] = series.map(neutralise_cell)
    # A column *name* is a cell too.
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def safe_csv_bytes(df: pd.DataFrame) -> bytes:
    """`df` as UTF-8 CSV bytes (with a BOM so Excel reads the accents), formula triggers
    neutralised, no index column."""
    buf = io.StringIO()
    neutralise_frame(df).to_csv(buf, index=False, lineterminator="\r\n")
    return buf.getvalue().encode("utf-8-sig")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_safe_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write `safe_csv_bytes(df)` to `path` atomically: a temporary file in the same folder,
    then `os.replace`, so a crash never leaves a half-written CSV where an old one was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = safe_csv_bytes(df)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".csv.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a CSV is meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
