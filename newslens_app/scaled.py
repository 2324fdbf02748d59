"""Every page's numbers, chart data and rows from a `newslens.query.Store` (DuckDB), for
corpora too large to load into pandas. Each function returns the frame the pandas helper in
`views` returns for the same filters (same columns, same meaning), or the group counts behind
the same chart, so charts and row shaping are shared code.

No Streamlit here, and no whole table is loaded: counts and group counts come from SQL, a
table shows one page of rows read for just those rows, and a CSV of every filtered row is
written chunk by chunk only when asked (the overview's zip too, without the views too large
to hold in memory).
"""
from __future__ import annotations

import codecs
import dataclasses
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator

import numpy as np
import pandas as pd

from newslens.export import safe_csv_bytes
from newslens.query import Filters, Store

from . import views
from .labels import topic_label
from .theme import UNKNOWN_OUTLET, category_label
from .views import iso_to_timestamp

KINDS = ("quotes", "figures", "weapons", "dates")
ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "published", "byline", "url", "n_words", "path", "sha256")


def _source(outlets: pd.Series) -> pd.Series:
    """Outlet values as the dashboard shows them (missing or empty: "Unknown outlet")."""
    values = outlets.astype("object")
    return values.where(values.notna() & (values != ""), UNKNOWN_OUTLET).astype(str)


def _memo(store: Store, key: tuple, build: Callable[[], object], *, size: int = 256):
    """`build()` kept on the store itself, so it goes when the store does (a module-level
    cache would keep an old data version's store, and its index, alive). Oldest entries go
    first past `size`."""
    memo: dict = store.__dict__.setdefault("_scaled_memo", {})
    if key not in memo:
        if len(memo) >= size:
            memo.pop(next(iter(memo)))
        memo[key] = build()
    return memo[key]


def _by_outlet(store: Store, table: str, f: Filters) -> pd.DataFrame:
    """Rows of `table` per outlet under `f`, once per (store, table, filters): the headline
    counts and the rows-per-outlet chart are both sums of it (one query per table instead of
    two). Shared read-only."""
    return _memo(store, ("by_outlet", table, f), lambda: store.count_by(table, "outlet", f))


def counts(store: Store, f: Filters) -> dict[str, int]:
    """Filtered rows of articles and of each kind, plus `outlets`: distinct outlets among the
    filtered articles."""
    by_outlet = _by_outlet(store, "articles", f)
    out = {"articles": int(by_outlet["n"].sum()) if len(by_outlet) else 0}
    for kind in KINDS:
        c = _by_outlet(store, kind, f)
        out[kind] = int(c["n"].sum()) if len(c) else 0
    out["outlets"] = int(_source(by_outlet["outlet"]).nunique()) if len(by_outlet) else 0
    return out


def rows_per_source(store: Store, f: Filters) -> pd.DataFrame:
    """Long frame: source, rows, kind (as `views.rows_per_source`)."""
    parts = []
    for kind in KINDS:
        c = _by_outlet(store, kind, f)
        if len(c):
            c = (c.assign(source=_source(c["outlet"])).groupby("source", sort=False)["n"].sum()
                 .rename("rows").reset_index())
            c["kind"] = kind
            parts.append(c)
    if not parts:
        return pd.DataFrame(columns=["source", "rows", "kind"])
    return pd.concat(parts, ignore_index=True)


def topic_by_source(store: Store, f: Filters) -> pd.DataFrame:
    """Passing sentences per (topic label, source), as `views.topic_by_source`."""
    if "topics" not in store.columns("sentences"):
        return pd.DataFrame(columns=["topic", "source", "sentences"])
    c = store.count_topics("outlet", f)
    c = c.dropna(subset=["topics"])
    if not len(c):
        return pd.DataFrame(columns=["topic", "source", "sentences"])
    c = c.assign(topic=c["topics"].map(topic_label), source=_source(c["outlet"]))
    return c.groupby(["topic", "source"])["n"].sum().rename("sentences").reset_index()


def dates_per_month(store: Store, f: Filters) -> pd.DataFrame:
    """Dates mentioned per (month mentioned, source): columns month, source, dates. Dates
    without a year are left out, as on the pandas timeline."""
    c = store.count_by("dates", ["iso", "outlet"], f)
    if not len(c):
        return pd.DataFrame(columns=["month", "source", "dates"])
    when = {iso: iso_to_timestamp(iso)[0] for iso in c["iso"].unique()}   # once per distinct iso
    c = c.assign(date=pd.to_datetime(c["iso"].map(when), errors="coerce"), source=_source(c["outlet"]))
    c = c.dropna(subset=["date"])
    if not len(c):
        return pd.DataFrame(columns=["month", "source", "dates"])
    c["month"] = c["date"].dt.to_period("M").dt.to_timestamp()
    return c.groupby(["month", "source"])["n"].sum().rename("dates").reset_index()


def articles_page(store: Store, f: Filters, *, limit: int, articles: pd.DataFrame | None = None,
                  newest_first: bool = True) -> pd.DataFrame:
    """The first `limit` filtered articles, newest first with undated ones last and ties by title
    (the pandas overview's order, `views.newest_first_order`), with the `views.articles_view`
    columns plus one row count per kind in each (as `views.with_row_counts`). `articles` is the
    prepared articles table in file order (`ui.load_articles`): its readable titles are used,
    and the order needs no read of the file; without it an untitled article is named by its
    outlet and date. `newest_first=False` keeps table order (the zip's articles.csv, as pandas
    writes it). Does not page past `limit`."""
    cols = [c for c in ARTICLE_COLUMNS if c in store.columns("articles")]
    if newest_first:
        every = np.asarray(store.positions("articles", f), dtype="int64")
        if articles is not None:
            keys = articles.iloc[every]
        else:
            keys = store.rows_at("articles", every.tolist(), columns=[c for c in ("published", "title") if c in cols])
        published = keys["published"] if "published" in keys else pd.Series(None, index=keys.index, dtype=object)
        titles = keys["title"] if "title" in keys else pd.Series("", index=keys.index, dtype=object)
        positions = every[views.newest_first_order(published, titles.fillna(""))[:limit]].tolist()
    else:
        positions = store.positions("articles", f, limit=limit)
    page = store.rows_at("articles", positions, columns=cols)
    page = page.assign(source=_source(page["outlet"]) if "outlet" in page else UNKNOWN_OUTLET)
    if articles is not None:
        page["title"] = articles["title"].iloc[positions].astype(str).to_numpy()
    else:
        title = page["title"] if "title" in page else pd.Series(None, index=page.index, dtype=object)
        pub = page["published"] if "published" in page else [None] * len(page)
        page["title"] = [str(t) if ok else views.untitled_label(None, source=src, published=p)
                         for t, ok, src, p in zip(title, views.has_title(title), page["source"], pub)]
    shown = ["doc_id", "source", "title", "published", "byline", "url", "n_words", "path", "sha256"]
    page = page[[c for c in shown if c in page.columns]]
    if _keeps_whole_articles(f):
        # outlet, date and article filters keep every row of an article: its counts are the
        # unfiltered ones, counted once per store (0.13 of a filter change's 0.45 CPU-s at 100k)
        for kind in KINDS:
            page[kind] = _rows_per_article(store, kind)[positions] if positions else np.zeros(0, dtype="int64")
        return page
    # the page's articles are within f's, so counting inside them alone is the same count
    within = Filters(**{**f.__dict__, "doc_ids": tuple(page["doc_id"])}) if len(page) else f
    for kind in KINDS:
        n = store.count_by(kind, "doc_id", within) if len(page) else pd.DataFrame(columns=["doc_id", "n"])
        page[kind] = page["doc_id"].map(dict(zip(n["doc_id"], n["n"]))).fillna(0).astype("int64")
    return page


def _keeps_whole_articles(f: Filters) -> bool:
    """Whether `f` only chooses articles (outlet, dates, article ids), never rows inside one."""
    return not (f.topics or f.speakers or f.categories or f.search or f.equals or f.near)


def _rows_per_article(store: Store, kind: str) -> np.ndarray:
    """Unfiltered rows of `kind` per article position, one integer GROUP BY per store (0.09
    CPU-s for all four kinds at 100k; grouping on doc_id strings took 0.66)."""
    return _memo(store, ("rows_per_article", kind), lambda: store.rows_per_article(kind))


# ---------------------------------------------------------------- row pages of the other pages

PAGE_ROWS = 500         # rows a large corpus's table shows at once (the CSV holds every one)
# Rows a page of the quotes and figures beside weapon mentions shows: they are scattered over the
# tables, so their sentences span many rows and cost by the span (500 of them: 0.06-0.09 CPU-s
# to read the sentences at 100k articles).
NEAR_PAGE_ROWS = 100
CSV_CHUNK = 50_000      # rows shaped and written at a time when a whole filtered table is exported
# Most rows one CSV download holds. The CSV is built in the server's memory before the browser
# gets it: all 808,414 quotes of the 100k-article corpus made a 468 MB CSV and took the process
# to 1.5 GB (43 CPU-s), past the dashboard's 2 GB budget next to its index. Up to this many rows
# the download is exact and whole; above it the page asks for narrower filters.
MAX_CSV_ROWS = 250_000
SHAPERS = {"quotes": views.shape_quotes, "figures": views.shape_figures, "weapons": views.shape_weapons,
           "dates": views.shape_dates}


def view_rows(store: Store, articles: pd.DataFrame, table: str, positions: list[int]) -> pd.DataFrame:
    """The view rows (the columns `views.<table>_view` gives) of the rows at these file
    positions: all the row's columns, its article's source/title/date from the prepared
    `articles`, and its sentence read for just these rows."""
    raw = store.rows_at(table, positions)
    if len(raw) and "sent_id" in raw.columns:
        sents = _sentence_rows(store, raw["doc_id"].tolist(), raw["sent_id"].tolist())
        text = sents["text"] if "text" in sents else [None] * len(raw)
        topics = sents["topics"] if "topics" in sents else [None] * len(raw)
        sentence = views.sentence_columns(list(text), list(topics))
    else:
        sentence = {c: pd.Series([], dtype=object) if not len(raw) else [None] * len(raw)
                    for c in ("sentence", "topic_names", "topic_ids")}
    return SHAPERS[table](views.enrich(raw, articles, sentence))


SENTENCE_CACHE = 20_000   # sentences (text, topics) kept per store for the pages' rows


def _sentence_rows(store: Store, doc_ids: list, sent_ids: list) -> pd.DataFrame:
    """`store.sentence_rows(doc_ids, sent_ids)` (text and topics), reading only the sentences not
    read lately for this store: the Weapons page's quotes and figures beside weapon mentions sit
    almost all in sentences its page of weapon rows has just read (0.02-0.03 CPU-s a page at 100k
    articles). A read of more than a quarter of `SENTENCE_CACHE` keys (a CSV chunk) is not kept.
    Does not cache keys without a sentence id (they read nothing)."""
    if "sentences" not in store.paths:
        return store.sentence_rows(doc_ids, sent_ids)
    cols = [c for c in ("text", "topics") if c in store.columns("sentences")]
    cache: dict = store.__dict__.setdefault("_scaled_sentences", {})
    sids = pd.to_numeric(pd.Series(list(sent_ids), dtype=object), errors="coerce")
    keys = [(str(d), int(x)) if pd.notna(x) and x >= 0 else None for d, x in zip(doc_ids, sids)]
    found = {k: cache[k] for k in keys if k is not None and k in cache}
    missing = list(dict.fromkeys(k for k in keys if k is not None and k not in found))
    if missing:
        got = store.sentence_rows([k[0] for k in missing], [k[1] for k in missing])
        fresh = dict(zip(missing, zip(*(got[c].tolist() for c in cols)))) if cols else dict.fromkeys(missing, ())
        found.update(fresh)
        if len(fresh) <= SENTENCE_CACHE // 4:
            while cache and len(cache) + len(fresh) > SENTENCE_CACHE:
                cache.pop(next(iter(cache)))     # oldest first
            cache.update(fresh)
    return pd.DataFrame({c: pd.Series([found[k][i] if k is not None else None for k in keys], dtype=object)
                         for i, c in enumerate(cols)})


def view_page(store: Store, articles: pd.DataFrame, table: str, f: Filters, *, offset: int = 0,
              limit: int | None = None) -> pd.DataFrame:
    """Rows offset..offset+limit (default `PAGE_ROWS`) of the filtered view, in table order
    (the order the pandas view has, so page 1 is its first rows)."""
    limit = PAGE_ROWS if limit is None else limit
    return view_rows(store, articles, table, store.positions(table, f, offset=offset, limit=limit))


def view_chunks(store: Store, articles: pd.DataFrame, table: str, f: Filters, *,
                chunk: int = CSV_CHUNK) -> Iterator[pd.DataFrame]:
    """Every filtered view row, `chunk` rows at a time (at least one frame, maybe empty)."""
    positions = store.positions(table, f)
    for i in range(0, max(1, len(positions)), chunk):
        yield view_rows(store, articles, table, positions[i:i + chunk])


def csv_bytes(frames: Iterable[pd.DataFrame]) -> bytes:
    """One CSV (the shared safe writer's format: BOM, header, formula triggers neutralised)
    from frames with the same columns, written one frame at a time so only one chunk of rows
    is ever a DataFrame."""
    parts: list[bytes] = []
    for frame in frames:
        data = safe_csv_bytes(frame)
        if parts:   # drop the BOM and the header line of every frame after the first
            data = data[len(codecs.BOM_UTF8):].split(b"\r\n", 1)[1]
        parts.append(data)
    return b"".join(parts)


def view_csv(store: Store, articles: pd.DataFrame, table: str, f: Filters, *,
             keep: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> bytes:
    """Every filtered row of the view as CSV (what the pandas page downloads), `keep`
    narrowing or extending each chunk."""
    frames = view_chunks(store, articles, table, f)
    return csv_bytes(keep(c) for c in frames) if keep else csv_bytes(frames)


# ---------------------------------------------------------------- chart data (SQL GROUP BY)

def _grouped(store: Store, table: str, by: list[str], f: Filters) -> pd.DataFrame:
    """count_by with the outlet shown as `source` and rows merged when two outlet spellings
    show the same (missing and empty both read "Unknown outlet"); column `n` counts rows."""
    c = store.count_by(table, by, f)
    if "outlet" in by:
        c = c.assign(source=_source(c["outlet"])) if len(c) else c.assign(source=pd.Series(dtype=str))
        keys = ["source" if k == "outlet" else k for k in by]
        c = c.groupby(keys, dropna=False, sort=False)["n"].sum().reset_index()
    return c


def speaker_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Quotes per (speaker, source): columns speaker, source, n. Feeds the speaker bars
    (weight n) and, as distinct pairs, the speakers-per-outlet bars."""
    return _grouped(store, "quotes", ["speaker", "outlet"], f)


def top_groups(counts: pd.DataFrame, key: str, n: int = 20) -> pd.DataFrame:
    """The rows of `counts` (grouped, column `n`) for the `n` non-missing values of `key` with
    the largest totals: what a top-n bar chart draws, without escaping and grouping the long
    tail (31,573 speaker-outlet pairs at 100k articles) on every run."""
    named = counts.dropna(subset=[key])
    keep = named.groupby(key)["n"].sum().nlargest(n, keep="all").index
    return named[named[key].isin(keep)]


def kind_counts(store: Store, f: Filters) -> pd.DataFrame:
    """Quotes per (kind, source)."""
    return _grouped(store, "quotes", ["kind", "outlet"], f)


def counted_by_source(store: Store, f: Filters) -> pd.DataFrame:
    """Figures per (what they count, source), "(not stated)" for figures without it."""
    c = _grouped(store, "figures", ["counts", "outlet"], f)
    return c.fillna({"counts": "(not stated)"})


WEAPON_KEYS = ("canonical", "category", "outlet")


def _weapon_groups(store: Store, by: list[str], f: Filters) -> pd.DataFrame:
    """count_by("weapons", by, f) summed from one memoised GROUP BY over every `WEAPON_KEYS`
    per (store, filters): the page's three weapon charts cost one query instead of three.
    Rows come largest first, ties by the keys (missing last), as count_by orders them. Does
    not serve keys outside `WEAPON_KEYS` (those query directly)."""
    whole = _memo(store, ("weapon_groups", f), lambda: store.count_by("weapons", list(WEAPON_KEYS), f))
    c = whole.groupby(by, dropna=False, sort=False)["n"].sum().reset_index()
    c = c[c["n"] > 0].sort_values(["n", *by], ascending=[False] + [True] * len(by), na_position="last",
                                  kind="stable")
    return c.reset_index(drop=True).astype({"n": whole["n"].dtype})


def weapon_counts(store: Store, by: list[str], f: Filters) -> pd.DataFrame:
    """Weapon mentions per `by` (canonical, category, outlet), category shown by its label."""
    if by and len(set(by)) == len(by) and set(by) <= set(WEAPON_KEYS) and "weapons" in store.paths:
        c = _weapon_groups(store, list(by), f)
        if "outlet" in by:    # outlet shown as source, spellings merged, as _grouped does
            c = c.assign(source=_source(c["outlet"])) if len(c) else c.assign(source=pd.Series(dtype=str))
            keys = ["source" if k == "outlet" else k for k in by]
            c = c.groupby(keys, dropna=False, sort=False)["n"].sum().reset_index()
    else:
        c = _grouped(store, "weapons", by, f)
    if "category" in c.columns:
        c["category"] = c["category"].map(category_label)
    return c


def weapon_topics(store: Store, f: Filters) -> pd.DataFrame:
    """Weapon mentions per (topic label of their sentence, category label), as
    `views.explode_topics` counts them: once per topic, "no topic" when none."""
    c = store.count_by_topic("weapons", "category", f)
    c = c.assign(topic=[topic_label(t) if isinstance(t, str) else "no topic" for t in c["topic"]],
                 category=c["category"].map(category_label))
    return c.groupby(["topic", "category"], dropna=False, sort=False)["n"].sum().reset_index()


# ---------------------------------------------------------------- the same measure across sources

def measure_comparison(store: Store, f: Filters, *, panels: int = 12,
                       tolerance: float = 0.005) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(summary, points, behind) as `views.measure_comparison` gives the first two, grouped in
    SQL, and `behind` the number of figures behind the comparison (the rows of its CSV): the summary
    is the same table (same code judges agreement); the points are one per (measure, source,
    value) of the first `panels` measures, with how many figures gave it and one example
    sentence, instead of one per figure (a measure can have thousands)."""
    groups = store.measures(f, unknown=UNKNOWN_OUTLET)
    summary = views.measure_summary(groups, tolerance=tolerance)
    pairs = list(zip(summary["measure"].head(panels), summary["unit"].head(panels)))
    points = store.measure_points(f, pairs, unknown=UNKNOWN_OUTLET)
    sents = store.sentence_rows(points["doc_id"].tolist(), points["sent_id"].tolist(), columns=("text",))
    points = points.assign(sentence=sents["text"].to_numpy(dtype=object) if "text" in sents else None)
    return summary, points, int(groups["n"].sum())


def comparison_csv(store: Store, articles: pd.DataFrame, f: Filters, summary: pd.DataFrame) -> bytes:
    """Every figure behind the comparison (figure rows whose measure is in `summary`) with its
    measure and verdict, as the pandas page's CSV."""
    verdicts = summary[["measure", "unit", "verdict"]]
    pairs = set(zip(verdicts["measure"], verdicts["unit"]))

    def behind(chunk: pd.DataFrame) -> pd.DataFrame:
        counted = chunk["counts"].notna() & (chunk["counts"].astype(str).str.strip() != "")
        c = chunk[counted].copy()
        c["measure"] = c["counts"].astype(str).str.strip().str.lower()
        c = c[[p in pairs for p in zip(c["measure"], c["unit"])]].reset_index(drop=True)
        return c.merge(verdicts, on=["measure", "unit"], how="left")
    return view_csv(store, articles, "figures", f, keep=behind)


# ---------------------------------------------------------------- quotes and figures beside weapons

def near_weapons(f: Filters) -> Filters:
    """`f` keeping only rows in sentences that hold a weapon mention passing `f`."""
    return dataclasses.replace(f, near="weapons")


def with_weapon_names(store: Store, f: Filters, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` (view rows in sentences naming a weapon under `f`) plus `weapons`: the canonical
    names of the filtered mentions in each row's sentence, as `views.same_sentences` adds."""
    if not len(rows):
        return rows.assign(weapons=pd.Series(dtype=str))
    docs = set(rows["doc_id"])
    within = dataclasses.replace(f, near=None, doc_ids=tuple(sorted(docs & set(f.doc_ids) if f.doc_ids else docs)))
    w = store.rows_at("weapons", store.positions("weapons", within), columns=["doc_id", "sent_id", "canonical"])
    names = w.groupby(views.KEY)["canonical"].agg(lambda s: ", ".join(dict.fromkeys(s))).rename("weapons")
    return rows.merge(names.reset_index(), on=views.KEY, how="inner")


# ---------------------------------------------------------------- the article reader

def article_tables(store: Store, doc_id: str) -> views.Tables:
    """Every table's rows of one article (entities left empty: the reader does not show
    them), prepared as `views.prepare` prepares whole tables (the reader then runs the pandas
    selection and highlighting on one article)."""
    out: views.Tables = {}
    for name in ("articles", "sentences", "quotes", "figures", "dates", "weapons"):
        cols = [c for c in store.columns(name) if not (name == "articles" and c in ("text", "chrome"))]
        out[name] = store.doc_rows(name, doc_id, columns=cols) if cols else pd.DataFrame(columns=["doc_id", "sent_id"])
    # the reader never shows entities; an empty table keeps `prepare`'s contract
    out["entities"] = pd.DataFrame(columns=["doc_id", "sent_id"])
    return views.prepare(out)


def article_record(store: Store, doc_id: str) -> dict | None:
    """One article's row with its text and chrome spans, as `ui.load_article` gives it (missing
    values None, chrome a list of (start, end)), read through the doc_id statistics: 0.02 CPU-s
    at 100k articles where a pyarrow filtered read took 0.3."""
    rows = store.doc_rows("articles", doc_id)
    if not len(rows):
        return None
    record = {k: (None if not hasattr(v, "__len__") and pd.isna(v) else v) for k, v in rows.iloc[0].to_dict().items()}
    chrome = record.get("chrome")
    record["chrome"] = [(int(c[0]), int(c[1])) for c in chrome] if chrome is not None else []
    return record


def article_ids(store: Store, f: Filters, *, limit: int) -> list[str]:
    """The first `limit` filtered articles' doc_ids, in table order."""
    return store.page("articles", f, columns=["doc_id"], order_by=(), limit=limit)["doc_id"].tolist()


# ---------------------------------------------------------------- the overview's zip

def zip_of_views(store: Store, articles: pd.DataFrame, f: Filters, *, names: Iterable[str],
                 csv_name: Callable[[str], str], readme: str) -> bytes:
    """The overview's zip on a large corpus: one CSV per view in `names`, each exactly the rows
    the pandas zip holds, written chunk by chunk. A view over `MAX_CSV_ROWS` filtered rows, or
    one this module cannot shape (sentences, entities: millions of rows at 100k articles), is
    left out and README.txt says which and why; a partial CSV would pass for a whole one."""
    buf = io.BytesIO()
    left_out: list[str] = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            if name != "articles" and name not in SHAPERS:
                left_out.append(f"{name}: not exported from a corpus this large; "
                                "`python -m newslens export` writes the whole table")
                continue
            n = store.count(name, f)
            if n > MAX_CSV_ROWS:
                left_out.append(f"{name}: {n:,} rows match, more than the {MAX_CSV_ROWS:,} one download holds; "
                                "narrow the filters")
                continue
            if name == "articles":
                # table order and readable titles, as the pandas zip's articles.csv
                page = articles_page(store, f, limit=n, articles=articles, newest_first=False).drop(columns=list(KINDS))
                data = safe_csv_bytes(page)
            else:
                data = view_csv(store, articles, name, f)
            zf.writestr(csv_name(name), data)
        notes = "".join(f"\nleft out: {line}" for line in left_out)
        zf.writestr("README.txt", readme + notes + "\n")
    return buf.getvalue()
