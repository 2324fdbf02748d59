"""Streamlit helpers shared by dashboard.py and every page: loaders, sidebar filters, captions,
tables that open the article reader, CSV downloads and chart styling.

Pages call `context()` and render; they never read files or parse text. Loaders are cached
functions keyed on (table folder, data version[, filters]) passed as arguments, never a global.
"""
from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import streamlit as st

from newslens import query
from newslens.export import safe_csv_bytes

from . import corpora, views
from .safe import md
from .labels import topic_label
from .theme import UNKNOWN_OUTLET, category_colours, category_label, outlet_colours
from .views import Filters, Selection, Tables

APP_DIR = Path(__file__).resolve().parents[1]
READER_PAGE = APP_DIR / "pages" / "reader.py"
# (script, title, icon) of every page, in menu order
PAGES = (("overview", "Overview", ":material/dashboard:"), ("quotes", "Quotes", ":material/format_quote:"),
         ("figures", "Figures", ":material/numbers:"), ("weapons", "Weapons", ":material/rocket_launch:"),
         ("reader", "Article reader", ":material/article:"))
# Pages other helpers own, shown once their script exists (issue 5's upload/folder page).
OPTIONAL_PAGES = (("corpus", "Corpus", ":material/upload_file:"),)
TABLES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")
FILTER_KEYS = ("f_outlets", "f_docs", "f_topics", "f_dates", "f_undated", "f_speakers", "f_categories",
               "f_search")
MAX_ARTICLE_OPTIONS = 2000
# session-state key -> query parameter (the filters worth sharing as a URL)
QUERY_PARAMS = {"f_outlets": "outlet", "f_topics": "topic", "f_speakers": "speaker",
                "f_categories": "category", "f_docs": "article", "f_search": "q"}


# ---------------------------------------------------------------- loading

# Tables and views are cached with cache_resource, not cache_data: cache_data pickles the result
# and unpickles a fresh copy on every run, which at 10,000 articles cost 4.5 s a run (the sentence
# texts). The frames are shared read-only: pages and helpers only derive new frames from them
# (assign, merge, copy), never write into them. The key is still (folder, data version[, filters]).
@st.cache_resource(show_spinner=False, max_entries=4)
def load_tables(table_dir: str, version: str) -> Tables:
    """Every table except the article texts (the reader loads one text at a time)."""
    del version  # the cache key: new tables -> new version -> fresh load
    folder = Path(table_dir)
    tables: Tables = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if name == "articles":
            cols = [c for c in pq.read_schema(path).names if c not in ("text", "chrome")]
            tables[name] = pd.read_parquet(path, columns=cols)
        else:
            tables[name] = pd.read_parquet(path)
    return views.prepare(tables)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_store(table_dir: str, version: str) -> query.Store:
    """A DuckDB `Store` over the table folder, one per data version (its in-memory index is
    built on first use and shared by every session)."""
    del version
    return query.Store(table_dir)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_articles(table_dir: str, version: str) -> pd.DataFrame:
    """The articles table without texts, with the display columns `prepare` adds (small: one
    row per article), for the sidebar and titles when the other tables stay in Parquet."""
    del version
    path = Path(table_dir) / "articles.parquet"
    cols = [c for c in pq.read_schema(path).names if c not in ("text", "chrome")]
    arts = pd.read_parquet(path, columns=cols)
    untitled = arts.loc[~views.has_title(arts["title"]), "doc_id"].astype(str).tolist()
    opening: dict[str, str] = {}
    sentences = Path(table_dir) / "sentences.parquet"
    if untitled and sentences.exists():
        # only the untitled articles' sentences are read (their first words stand for the title)
        opening = views.openings(pd.read_parquet(sentences, columns=["doc_id", "sent_id", "text", "chrome"],
                                                 filters=[("doc_id", "in", untitled)]), untitled)
    return views.prepare_articles(arts, openings=opening)


def is_large(table_dir: str, version: str) -> bool:
    """Whether pages should query through DuckDB instead of loading whole tables (any table over
    `newslens.query.LARGE_ROWS` rows; footers only, no scan)."""
    return load_store(table_dir, version).is_large(query.LARGE_ROWS)


@st.cache_data(show_spinner=False, max_entries=64)
def load_article(table_dir: str, version: str, doc_id: str) -> dict | None:
    """One article's row with its text and chrome spans, read with a Parquet filter."""
    del version
    table = pq.read_table(Path(table_dir) / "articles.parquet", filters=[("doc_id", "==", doc_id)])
    rows = table.to_pylist()
    return rows[0] if rows else None


@st.cache_resource(show_spinner=False, max_entries=48)
def _view(table_dir: str, version: str, filters: Filters, name: str) -> pd.DataFrame:
    tables = load_tables(table_dir, version)
    return views.ALL_VIEWS[name](tables, views.select(tables, filters))


@st.cache_data(ttl=30, show_spinner=False)
def check_status(name: str, table_dir: str) -> corpora.Status:
    """Freshness of a corpus, re-checked at most every 30 s (a check stats every input file)."""
    del table_dir
    return corpora.status(corpora.get_corpus(name))


# ---------------------------------------------------------------- the run's context

@dataclass
class Context:
    corpus: corpora.Corpus
    version: str
    articles: pd.DataFrame      # the prepared articles table (no texts)
    filters: Filters
    outlet_colours: dict[str, str]
    large: bool = False         # query through `store` rather than whole pandas tables
    _views: dict[str, pd.DataFrame] = field(default_factory=dict)

    @functools.cached_property
    def tables(self) -> Tables:
        """Every table as pandas frames, loaded on first use (a large corpus's overview never
        asks for them)."""
        return load_tables(str(self.corpus.table_dir), self.version)

    @functools.cached_property
    def store(self) -> query.Store:
        return load_store(str(self.corpus.table_dir), self.version)

    def query_filters(self) -> query.Filters:
        """The sidebar filters as `newslens.query.Filters` (same meaning as `views.select`)."""
        return to_query_filters(self.filters)

    @functools.cached_property
    def selection(self) -> Selection:
        return views.select(self.tables, self.filters)

    def view(self, name: str) -> pd.DataFrame:
        """The filtered view `name` (quotes, figures...), cached per data version and filters."""
        if name not in self._views:
            self._views[name] = _view(str(self.corpus.table_dir), self.version, self.filters, name)
        return self._views[name]

    def title_of(self, doc_id: str) -> str:
        arts = self.articles
        hit = arts.loc[arts["doc_id"] == doc_id, "title"]
        return str(hit.iloc[0]) if len(hit) else doc_id

    def describe(self) -> str:
        """The filter sentence as Markdown (values escaped: they come from articles and users)."""
        return self.filters.describe(doc_title=self.title_of, quote=md)

    def slug(self) -> str:
        return self.filters.slug(doc_title=self.title_of)


def run_app(*, default: str = "overview") -> None:
    """The whole app: page config, navigation, corpus build check, sidebar filters, the page.

    `default` names the page opened at "/" (tests use it to open a page with its sidebar, as
    AppTest's switch_page does not re-run the entry script)."""
    st.set_page_config(page_title="newslens", page_icon=":material/newspaper:", layout="wide")
    listed = [*PAGES, *((name, title, icon) for name, title, icon in OPTIONAL_PAGES
                        if (APP_DIR / "pages" / f"{name}.py").is_file())]
    pages = [st.Page(APP_DIR / "pages" / f"{name}.py", title=title, icon=icon, url_path=name,
                     default=name == default) for name, title, icon in listed]
    page = st.navigation(pages)
    setup()
    page.run()


def ensure_built(corpus: corpora.Corpus) -> corpora.Status:
    """Build the corpus's tables if missing or stale, with a progress bar; stop the page if the
    build cannot produce tables."""
    status = check_status(corpus.name, str(corpus.table_dir))
    if status.fresh:
        return status
    status = corpora.status(corpus)  # the cached answer may be 30 s old
    if status.fresh:
        return status
    if not corpus.inputs:
        st.error(f"**{md(corpus.label)}** cannot be shown: {md(status.reason)}.")
        st.stop()
    rebuild_key = f"_nl_rebuild_{corpus.name}"
    built_with = corpora.read_manifest(corpus.table_dir).get("version")
    if (status.reason == "the extraction code changed" and corpus.name != corpora.DEFAULT_NAME
            and built_with and not st.session_state.get(rebuild_key)):
        # a user's corpus may take minutes to rebuild: keep showing it and let them choose when
        st.warning(f"**{md(corpus.label)}** was built with an older version of the extractors; its "
                   "rows may differ from a fresh build.", icon=":material/update:")
        st.button("Rebuild it now", key="rebuild_code", on_click=st.session_state.__setitem__,
                  args=(rebuild_key, True))
        return corpora.Status(True, "", built_with)
    st.session_state.pop(rebuild_key, None)
    box = st.empty()
    with box.container():
        st.info(f"Building the tables for **{md(corpus.label)}** ({md(status.reason)}). This happens once; "
                "later visits open straight away.")
        bar = st.progress(0.0, text="Reading articles…")

        def progress(done: int, total: int, doc_id: str) -> None:
            bar.progress(done / max(1, total), text=f"Extracting {done} of {total} articles ({doc_id})")

        try:
            report = corpora.build_corpus(corpus, progress=progress, current=status)
        except Exception as exc:  # noqa: BLE001 - shown to the user, not raised at them
            st.error(f"The build failed: {type(exc).__name__}: {md(exc)}")
            st.stop()
    box.empty()
    check_status.clear()
    if not report.articles:
        st.warning("No article could be read from this corpus. Files skipped: "
                   + "; ".join(md(f"{Path(p).name} ({r})") for p, r in report.skipped[:10]))
        st.stop()
    if report.skipped or report.failures:
        st.toast(f"Built {report.articles} articles; {len(report.skipped)} file(s) skipped, "
                 f"{len(report.failures)} extractor failure(s).")
    return corpora.status(corpus)


def setup() -> Context:
    """Run by dashboard.py before the page: corpus selector, build if needed, sidebar filters."""
    corpus = corpus_selector()
    status = ensure_built(corpus)
    folder = str(corpus.table_dir)
    try:
        large = is_large(folder, status.version)
        if large:
            articles = load_articles(folder, status.version)
            options = load_options(folder, status.version)
        else:
            tables = load_tables(folder, status.version)
            articles, options = tables["articles"], _table_options(tables)
    except Exception as exc:  # noqa: BLE001 - a damaged table folder gets a message and a way out
        st.error(f"The tables of **{md(corpus.label)}** cannot be read ({type(exc).__name__}: {md(exc)}).")
        if corpus.inputs:
            st.button("Rebuild them from the inputs", key="rebuild", type="primary",
                      on_click=_forget_build, args=(corpus,))
        st.stop()
    filters = sidebar_filters(articles, options, cache_key=(folder, status.version))
    st.session_state["_nl_ctx"] = (corpus.name, status.version, filters)
    return _context(corpus, status.version, filters)


def warm_up() -> None:
    """Prepare the default corpus's unfiltered overview in this process's caches: status,
    tables, sidebar options, counts, figures, the articles table. dashboard.py runs it in a
    thread when the server starts, so the first visitor's run finds it done. Does not build
    tables (a missing or stale corpus is built in the visitor's session, with its progress bar)
    and does not raise: a failure here only means a cold first run."""
    from . import overview  # imports plotly; the pages import it anyway

    corpus = corpora.get_corpus(None)
    status = check_status(corpus.name, str(corpus.table_dir))
    if not status.fresh:
        return
    folder = str(corpus.table_dir)
    if is_large(folder, status.version):
        _doc_order(folder, status.version, load_articles(folder, status.version))
        load_options(folder, status.version)
    else:
        tables = load_tables(folder, status.version)
        _doc_order(folder, status.version, tables["articles"])
    overview.prepare(_context(corpus, status.version, Filters()))


def _forget_build(corpus: corpora.Corpus) -> None:
    """Callback: drop the manifest so the next run rebuilds the tables."""
    (corpus.table_dir / corpora.MANIFEST).unlink(missing_ok=True)
    check_status.clear()
    load_tables.clear()
    load_store.clear()
    load_articles.clear()
    load_options.clear()


def context() -> Context:
    """The context for a page script (set up by dashboard.py in the same run)."""
    name, version, filters = st.session_state.get("_nl_ctx", (None, None, Filters()))
    corpus = corpora.get_corpus(name)
    if version is None:
        version = ensure_built(corpus).version
    return _context(corpus, version, filters)


def _context(corpus, version, filters) -> Context:
    folder = str(corpus.table_dir)
    large = is_large(folder, version)
    articles = load_articles(folder, version) if large else load_tables(folder, version)["articles"]
    colours = outlet_colours(articles["source"].unique())
    return Context(corpus, version, articles, filters, colours, large)


def to_query_filters(f: Filters) -> query.Filters:
    """`views.Filters` (what the sidebar holds) -> `newslens.query.Filters`. The unknown outlet
    is a missing one; leaving undated articles out without a date range is a lower bound every
    ISO date passes."""
    date_from = f.date_from.isoformat() if f.date_from else None
    if not f.include_undated and not (f.date_from or f.date_to):
        date_from = "0"
    return query.Filters.make(
        outlets=[None if o == UNKNOWN_OUTLET else o for o in f.outlets], date_from=date_from,
        date_to=f.date_to.isoformat() if f.date_to else None, doc_ids=f.docs, topics=f.topics,
        search=f.search, speakers=f.speakers, categories=f.categories, include_undated=f.include_undated)


# ---------------------------------------------------------------- sidebar

def corpus_selector() -> corpora.Corpus:
    available = corpora.list_corpora()
    names = [c.name for c in available]
    labels = {c.name: c.label for c in available}
    if "corpus" not in st.session_state or st.session_state["corpus"] not in names:
        wanted = st.query_params.get("corpus")
        st.session_state["corpus"] = wanted if wanted in names else names[0]
    if len(names) > 1:
        st.sidebar.selectbox("Corpus", names, key="corpus", format_func=labels.get,
                             help="The bundled seeds, or a corpus you built from your own files.",
                             on_change=clear_filters)
    return corpora.get_corpus(st.session_state["corpus"])


def clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)


def _options(series: pd.Series) -> list[str]:
    return sorted({str(v) for v in series.dropna().unique() if str(v).strip()})


def _restore(key: str, options: list[str]) -> None:
    """Before a widget is created: take its value from the URL on the session's first run, and
    drop values that are not options any more (another corpus, a rebuilt table)."""
    param = QUERY_PARAMS.get(key)
    if key not in st.session_state and param and not st.session_state.get("_nl_from_url"):
        values = st.query_params.get_all(param)
        if values:
            st.session_state[key] = [v for v in values if v in options]
    if key in st.session_state and isinstance(st.session_state[key], list):
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _table_options(tables: Tables) -> dict[str, list[str]]:
    """Sidebar option lists from whole pandas tables: topic ids, speakers, weapon categories."""
    return {"topics": sorted({t for ids in tables["sentences"]["topics"] for t in ids}, key=topic_label),
            "speakers": _options(tables["quotes"]["speaker"]),
            "categories": _options(tables["weapons"]["category"])}


@st.cache_resource(show_spinner=False, max_entries=4)
def load_options(table_dir: str, version: str) -> dict[str, list[str]]:
    """`_store_options` once per data version (three DISTINCT scans, 0.1-0.3 s at 100k
    articles, were paid on every run and so on every filter change)."""
    return _store_options(load_store(table_dir, version))


def _store_options(store: query.Store) -> dict[str, list[str]]:
    """The same option lists through DuckDB (distinct values, no table loaded)."""
    def opts(table: str, column: str) -> list[str]:
        if column not in store.columns(table):
            return []
        return sorted({str(v) for v in store.distinct(table, column) if str(v).strip()})
    return {"topics": sorted(opts("sentences", "topics"), key=topic_label),
            "speakers": opts("quotes", "speaker"), "categories": opts("weapons", "category")}


def _titles_sorted(arts: pd.DataFrame) -> tuple[dict[str, str], list[str]]:
    """doc_id -> title, and the doc_ids ordered by title (case-insensitive)."""
    doc_titles = dict(zip(arts["doc_id"], arts["title"]))
    return doc_titles, sorted(doc_titles, key=lambda d: doc_titles[d].lower())


@st.cache_resource(show_spinner=False, max_entries=4)
def _doc_order(table_dir: str, version: str, _arts: pd.DataFrame) -> tuple[dict[str, str], list[str]]:
    """`_titles_sorted` once per data version (sorting 100,000 titles took 0.2 s a run)."""
    return _titles_sorted(_arts)


def sidebar_filters(arts: pd.DataFrame, options: Mapping[str, list[str]], *,
                    cache_key: tuple[str, str] | None = None) -> Filters:
    """The sidebar's widgets; `arts` is the prepared articles table, `options` the topic,
    speaker and category lists; `cache_key` (table folder, data version) lets per-version
    work such as the title order be computed once."""
    sb = st.sidebar
    head, clear = sb.columns([3, 2], vertical_alignment="center")
    head.markdown("### Filters")
    clear.button("Clear all", key="f_clear", on_click=clear_filters, width="stretch",
                 help="Remove every filter below.")

    outlets = _options(arts["source"])
    _restore("f_outlets", outlets)
    sb.multiselect("Outlet", outlets, key="f_outlets", placeholder="All outlets")

    doc_titles, docs = _doc_order(*cache_key, arts) if cache_key else _titles_sorted(arts)
    _restore("f_docs", docs)
    shown_docs = docs
    if len(docs) > MAX_ARTICLE_OPTIONS:
        # a widget with 100k options is slow in the browser: offer the articles of the chosen
        # outlets (or the first ones by title) plus whatever is already selected
        chosen = set(st.session_state.get("f_outlets") or ())
        of_outlets = set(arts.loc[arts["source"].isin(chosen), "doc_id"]) if chosen else None
        pool = [d for d in docs if of_outlets is None or d in of_outlets]
        shown_docs = list(dict.fromkeys([*(st.session_state.get("f_docs") or []), *pool[:MAX_ARTICLE_OPTIONS]]))
    sb.multiselect("Article", shown_docs, key="f_docs", format_func=lambda d: _short(doc_titles.get(d, d)),
                   placeholder="All articles",
                   help=None if shown_docs is docs else
                   f"Listing {len(shown_docs):,} of {len(docs):,} articles: choose an outlet to list its articles.")

    topic_ids = options["topics"]
    _restore("f_topics", topic_ids)
    sb.multiselect("Topic", topic_ids, key="f_topics", format_func=topic_label,
                   placeholder="All topics" if topic_ids else "No topics labelled yet",
                   disabled=not topic_ids, help="Keeps rows whose sentence carries one of these topics.")

    dated = arts["published_date"].dropna()
    date_from = date_to = None
    if len(dated):
        lo, hi = dated.min().date(), dated.max().date()
        if lo < hi:
            if "f_dates" in st.session_state:
                v = st.session_state["f_dates"]
                if not isinstance(v, (tuple, list)) or any(not isinstance(x, date) or x < lo or x > hi for x in v):
                    del st.session_state["f_dates"]
            sb.date_input("Published between", value=(lo, hi), min_value=lo, max_value=hi, key="f_dates",
                          format="YYYY-MM-DD")
            chosen = st.session_state.get("f_dates") or (lo, hi)
            if len(chosen) == 2 and tuple(chosen) != (lo, hi):
                date_from, date_to = chosen
    undated = int(arts["published_date"].isna().sum())
    include_undated = True
    if undated:
        include_undated = sb.checkbox(f"Include undated articles ({undated})", value=True, key="f_undated")

    speakers = options["speakers"]
    _restore("f_speakers", speakers)
    sb.multiselect("Speaker", speakers, key="f_speakers",
                   placeholder="All speakers" if speakers else "No quotes yet", disabled=not speakers,
                   help="Quotes by these speakers; on other pages, rows in the sentences quoting them.")

    categories = options["categories"]
    _restore("f_categories", categories)
    sb.multiselect("Weapon category", categories, key="f_categories", format_func=category_label,
                   placeholder="All categories" if categories else "No weapons found yet", disabled=not categories,
                   help="Weapon mentions of these categories; on other pages, rows in the same sentences.")

    if "f_search" not in st.session_state and not st.session_state.get("_nl_from_url"):
        st.session_state["f_search"] = st.query_params.get("q", "")
    sb.text_input("Search the text", key="f_search", placeholder="e.g. ATACMS, troops, Umerov",
                  help="Case-insensitive; matches the sentence and the row's own text.")
    st.session_state["_nl_from_url"] = True

    _mirror_query_params()
    ss = st.session_state
    return Filters(
        outlets=tuple(ss.get("f_outlets") or ()), docs=tuple(ss.get("f_docs") or ()),
        topics=tuple(ss.get("f_topics") or ()), date_from=date_from, date_to=date_to,
        include_undated=include_undated,
        speakers=tuple(ss.get("f_speakers") or ()), categories=tuple(ss.get("f_categories") or ()),
        search=str(ss.get("f_search") or "").strip())


def _mirror_query_params() -> None:
    """Write the shareable filters into the URL (only what changed, so no needless reruns)."""
    qp = st.query_params
    for key, param in QUERY_PARAMS.items():
        value = st.session_state.get(key)
        values = [value] if isinstance(value, str) and value else list(value or []) if not isinstance(value, str) else []
        if qp.get_all(param) != values:
            if values:
                qp[param] = values
            elif param in qp:
                del qp[param]
    corpus = st.session_state.get("corpus")
    if corpus and corpus != corpora.DEFAULT_NAME:
        qp["corpus"] = corpus
    elif "corpus" in qp:
        del qp["corpus"]


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- page furniture

def page_header(title: str, caption: str) -> None:
    st.title(title)
    st.caption(caption)


def filter_sentence(ctx: Context, n: int, noun: str, *, one: str | None = None) -> None:
    """"**12 quotes** where outlet is The Korea Times" above a table; `one` is the singular
    ("quote"), by default `noun` without its final s."""
    what = f"**{n:,} {noun if n != 1 else (one or noun.removesuffix('s'))}**"
    described = ctx.describe()
    st.markdown(f"{what} {described}" if described else f"{what} (no filters: the whole corpus)")


def nothing_found(ctx: Context, noun: str) -> None:
    if ctx.filters.active():
        st.info(f"No {noun} {ctx.describe()}. Loosen a filter in the sidebar (or press **Clear all**).",
                icon=":material/filter_alt_off:")
    else:
        st.info(f"This corpus has no {noun} yet. The extractor may not have found any, or it has "
                "not been written yet; the other pages still work.", icon=":material/info:")


def csv_name(ctx: Context, table: str) -> str:
    return f"newslens_{ctx.corpus.name}_{table}_{ctx.slug()}.csv"


def download_csv(ctx: Context, df: pd.DataFrame, table: str, *, key: str, label: str | None = None,
                 rows: Callable[[], pd.DataFrame] | None = None) -> None:
    """CSV of exactly these rows (formula triggers neutralised by the shared writer); `rows`,
    when given, fetches the rows on click instead (a large corpus shows a page of `df` only)."""
    # deferred: the CSV is written when the button is clicked, not on every run (80,000 quotes
    # took 3 s a run to neutralise and encode)
    st.download_button(label or f"Download these {len(df):,} rows as CSV",
                       data=lambda: safe_csv_bytes(rows() if rows is not None else df),
                       file_name=csv_name(ctx, table), mime="text/csv", key=key, on_click="ignore",
                       icon=":material/download:")


def zip_of_views(ctx: Context) -> bytes:
    readme = ("newslens extract: " + (ctx.describe() or "the whole corpus")
              + f"\ncorpus: {ctx.corpus.label}\nversion: {ctx.version}\n")
    if ctx.large:   # never the whole tables in pandas (4 GB at 100k articles): DuckDB, chunk by chunk
        from . import scaled
        return scaled.zip_of_views(ctx.store, ctx.articles, ctx.query_filters(), names=views.ALL_VIEWS,
                                   csv_name=lambda name: csv_name(ctx, name), readme=readme.rstrip("\n"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in views.ALL_VIEWS:
            zf.writestr(csv_name(ctx, name), safe_csv_bytes(ctx.view(name)))
        zf.writestr("README.txt", readme)
    return buf.getvalue()


def table(ctx: Context, df: pd.DataFrame, *, key: str, columns: Mapping[str, object],
          height: int | str = "auto") -> None:
    """A read-only table showing `columns` (name -> st.column_config); clicking a row opens that
    row in the article reader. `df` must carry doc_id, start and end."""
    shown = df.copy()
    for col in columns:  # empty text cells read better blank than "None"
        if col in shown.columns and not pd.api.types.is_numeric_dtype(shown[col]) \
                and not pd.api.types.is_bool_dtype(shown[col]):
            shown[col] = shown[col].astype("object").where(shown[col].notna(), "")
    event = st.dataframe(shown, key=key, hide_index=True, column_order=list(columns), column_config=dict(columns),
                         on_select="rerun", selection_mode="single-row", height=height, width="stretch")
    rows = event.selection.rows if event is not None else []
    if rows:
        row = df.iloc[rows[0]]
        open_in_reader(str(row["doc_id"]), int(row["start"]), int(row["end"]), came_from=key)


def open_in_reader(doc_id: str, start: int | None = None, end: int | None = None, *, came_from: str = "") -> None:
    st.session_state["reader_doc"] = doc_id
    st.session_state["reader_focus"] = (doc_id, start, end) if start is not None and end is not None else None
    st.session_state["reader_from"] = came_from
    params = {"doc": doc_id}
    if start is not None:
        params["at"] = str(start)
    st.switch_page(READER_PAGE, query_params=params)


def reader_hint() -> None:
    st.caption("Click a row to read it in its article, highlighted in place.")


# ---------------------------------------------------------------- charts

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def _styled(fig):
    if fig is not None:
        fig.update_layout(margin=dict(l=10, r=10, t=40, b=10), legend_title_text="",
                          font=dict(size=13), hoverlabel=dict(font_size=13, align="left"))
    return fig


# Figures are cached as objects, not through cache_data: cache_data pickles, and unpickling a
# plotly Figure re-validates every property (40-50 ms a chart, as long as building it). A cached
# figure is never mutated after it is built, and the key holds the data version and the filters.
@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(table_dir: str, version: str, filters: Filters, key: str, _build: Callable):
    return _styled(_build())


@st.cache_resource(show_spinner=False, max_entries=64)
def _derived(table_dir: str, version: str, filters: Filters, key: str, _build: Callable):
    return _build()


def derived(ctx: Context, build: Callable, *, key: str):
    """`build()` (a summary computed from views, e.g. the figure comparison), cached per data
    version, filters and `key`; the result is shared read-only like the views."""
    return _derived(str(ctx.corpus.table_dir), ctx.version, ctx.filters, key, build)


def figure(ctx: Context, build: Callable, *, key: str):
    """The styled figure `build()` returns (None: nothing to draw), cached per data version,
    filters and `key`; does not draw it."""
    return _figure(str(ctx.corpus.table_dir), ctx.version, ctx.filters, key, build)


def chart(ctx: Context, build: Callable, *, key: str, missing: str) -> None:
    """Show the figure `build()` returns (cached per data version, filters and `key`), or the
    friendly empty message naming what is `missing` when it returns None."""
    fig = figure(ctx, build, key=key)
    if fig is None:
        nothing_found(ctx, missing)
    else:
        st.plotly_chart(fig, key=key, config=CHART_CONFIG, width="stretch")

