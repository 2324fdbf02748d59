"""Small hand-made tables for the dashboard tests, written with the pipeline's own schemas.

They do not depend on any extractor's quality: every row is made up here, with offsets that
slice to their surfaces, so a test can say exactly which rows a filter must keep. One article is
hostile (markup and event handlers in its text and in its extracted rows).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newslens.pipeline import SCHEMAS, write_table
from newslens_app import corpora

ARTICLES = [
    # doc_id, outlet, title, published, text
    ("alpha1", "Alpha Times", "Seoul weighs arms for Kyiv", "2024-11-20",
     "Seoul weighs arms for Kyiv\n"
     "Officials said 10,000 North Korean troops were in Kursk. "
     "\"We will not send ATACMS,\" said Kim Min-ji. "
     "Ukraine wants 155mm shells and drones.\n"
     "Advertisement\n"),
    ("beta1", "Beta Post", "Kyiv asks for air defence", "2024-11-27",
     "Kyiv asks for air defence\n"
     "Intelligence put the number at 10,900 North Korean troops. "
     "\"Patriot batteries are urgent,\" said Rustem Umerov on 27 November. "
     "The talks ended on 26 November.\n"),
    ("gamma1", None, None, None,
     "Drones over the border\n"
     "Analysts counted 40 drones near the border. "
     "\"It is a wish list,\" said Kim Min-ji.\n"),
    ("hostile", "Beta Post", "<b>Hostile</b> page", "2024-11-25",
     "<script>alert('x')</script>\n"
     "The ministry said 500 drones arrived. <img src=x onerror=\"alert(1)\"> "
     "\"=HYPERLINK(1)\" said -Mallory.\n"),
]

# topic ids per sentence, chosen by words so the table stays readable
TOPIC_WORDS = {"north_korean_troops": "North Korean", "air_defense": "Patriot|air defence",
               "drones": "drones|Drones"}


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _sentences(doc_id: str, text: str) -> list[dict]:
    rows = []
    for m in re.finditer(r"[^\n]+?(?:[.!?](?=\s|$)|(?=\n)|$)", text):
        if not m.group().strip():
            continue
        s, e = m.start(), m.end()
        while text[s] == " ":
            s += 1
        body = text[s:e]
        topics = [t for t, pat in TOPIC_WORDS.items() if re.search(pat, body)]
        rows.append({"doc_id": doc_id, "sent_id": len(rows), "start": s, "end": e, "text": body,
                     "para_id": text.count("\n", 0, s), "chrome": body == "Advertisement", "topics": topics})
    return rows


def _sent_of(sents: list[dict], start: int) -> int:
    return max(r["sent_id"] for r in sents if r["start"] <= start)


def write_tables(out: Path, *, outlet_and_title: dict[str, str] | None = None) -> Path:
    """Write all seven tables into `out` and return it; `outlet_and_title` replaces the outlet and
    the title of the given doc_ids (to test hostile metadata)."""
    out.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict]] = {k: [] for k in SCHEMAS}
    for doc_id, outlet, title, published, text in ARTICLES:
        if outlet_and_title and doc_id in outlet_and_title:
            outlet = title = outlet_and_title[doc_id]
        chrome = [list(_find(text, "Advertisement"))] if "Advertisement" in text else []
        tables["articles"].append({"doc_id": doc_id, "path": f"/made/up/{doc_id}.txt", "outlet": outlet,
                                   "title": title, "published": published, "byline": None, "url": None,
                                   "n_words": len(text.split()), "sha256": doc_id * 4, "text": text,
                                   "chrome": chrome})
        sents = _sentences(doc_id, text)
        tables["sentences"].extend(sents)

        def add(table: str, needle: str, **fields):
            s, e = _find(text, needle)
            n = sum(1 for r in tables[table] if r["doc_id"] == doc_id)
            id_col = {"quotes": "quote_id", "figures": "figure_id", "dates": "date_id", "weapons": "mention_id"}[table]
            row = {id_col: f"{doc_id}:{table[0]}{n}", "doc_id": doc_id, "sent_id": _sent_of(sents, s),
                   "start": s, "end": e, **fields}
            if table != "quotes":
                row["surface"] = needle
            else:
                row["text"] = needle
            tables[table].append(row)

        for m in re.finditer(r"\"([^\"]+)\" said ([^.]+?)(?: on |\.)", text):
            add("quotes", m.group(1), kind="full", speaker=m.group(2), speaker_mention=m.group(2),
                speaker_start=m.start(2), speaker_end=m.end(2), speaker_role=None, cue="said")
        if "wish list" in text:
            tables["quotes"][-1]["kind"] = "partial"
        for needle, value, counts in (("10,000 North Korean troops", 10000, "troops"),
                                      ("10,900 North Korean troops", 10900, "troops"),
                                      ("40 drones", 40, "drones"), ("500 drones", 500, "drones"),
                                      ("155mm", 155, None)):
            if needle in text:
                add("figures", needle, value=float(value), unit="caliber_mm" if counts is None else "count",
                    counts=counts, approx=False, currency=None)
        for needle, canonical, category in (("ATACMS", "ATACMS", "missile"), ("155mm shells", "155mm shell", "ammunition"),
                                            ("drones", "drone", "drone"), ("Drones", "drone", "drone"),
                                            ("Patriot batteries", "Patriot", "air_defense")):
            if needle in text:
                add("weapons", needle, canonical=canonical, category=category, specific=canonical[0].isupper())
        for needle, iso in (("27 November", "2024-11-27"), ("26 November", "2024-11-26")):
            if needle in text:
                add("dates", needle, iso=iso)
    for name, schema in SCHEMAS.items():
        write_table(tables[name], schema, out / f"{name}.parquet")
    return out


def register_prebuilt(data_dir: Path, name: str = "made-up") -> Path:
    """Make the hand-made tables a prebuilt corpus (no inputs) under data_dir/corpora/<name>/."""
    folder = write_tables(data_dir / "corpora" / name)
    (folder / "corpus.json").write_text(json.dumps({"label": "Made-up corpus", "inputs": []}), encoding="utf-8")
    return folder


def pin_data_dir(mp: pytest.MonkeyPatch, folder: Path) -> None:
    """Point the dashboard at `folder` (no corpus chosen by the environment)."""
    mp.setenv("NEWSLENS_DATA_DIR", str(folder))
    mp.delenv("NEWSLENS_CORPUS", raising=False)
    # other work may edit newslens/ while the suite runs: a pinned code version keeps the
    # session's seed tables fresh instead of rebuilding them mid-test
    mp.setattr(corpora, "code_fingerprint", lambda: "pinned-for-tests")
