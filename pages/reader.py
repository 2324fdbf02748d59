"""Article reader: one article with its quotes, figures, weapons and dates highlighted in place."""
import streamlit as st

from newslens_app import highlight, scaled, ui, views
from newslens_app.safe import md

ctx = ui.context()
arts = ctx.articles    # the prepared articles table without texts, loaded in both modes
if arts.empty:
    ui.nothing_found(ctx, "articles")
    st.stop()

if ctx.large:
    # built once per data version (a dict of 100,000 titles took 0.18 CPU-s a run)
    titles = ui._doc_order(str(ctx.corpus.table_dir), ctx.version, arts)[0]
else:
    titles = dict(zip(arts["doc_id"], arts["title"]))
if ctx.large:
    # A large corpus: the filtered articles are one query, the highlights come from this
    # article's rows alone (newslens_app.scaled.article_tables), never whole tables.
    qf = ctx.query_filters()
    filtered = ui.derived(ctx, lambda: scaled.article_ids(ctx.store, qf, limit=ui.MAX_ARTICLE_OPTIONS),
                          key="r_big_articles")
else:
    filtered = ctx.view("articles")["doc_id"].head(ui.MAX_ARTICLE_OPTIONS).tolist()
wanted = st.query_params.get("doc")
if wanted in titles and st.session_state.get("reader_doc") is None:
    st.session_state["reader_doc"] = wanted
if st.session_state.get("reader_doc") not in titles:
    st.session_state["reader_doc"] = filtered[0] if filtered else arts["doc_id"].iloc[0]

ui.page_header("Article reader", "Check any row against its sentence: the article text with everything "
               "extracted from it highlighted in place. Hover a highlight for details.")
# the filtered articles (capped: a selectbox of 100k titles is slow) plus the one being read
listed = list(dict.fromkeys([st.session_state["reader_doc"], *filtered]))
doc_id = st.selectbox("Article", listed, key="reader_doc", format_func=lambda d: titles[d],
                      help="The articles that pass the sidebar filters.")
st.query_params["doc"] = doc_id
if ctx.large:
    article = ui.derived(ctx, lambda: scaled.article_record(ctx.store, doc_id), key=f"r_big_article_{doc_id}")
else:
    article = ui.load_article(str(ctx.corpus.table_dir), ctx.version, doc_id)
if article is None:
    st.info("This article is not in the tables any more; pick another one.")
    st.stop()

st.subheader(md(titles[doc_id]))  # titles, outlets and bylines come from the article: escaped
meta = [m for m in (article.get("outlet") or "Unknown outlet", article.get("published") or "date unknown",
                    article.get("byline") and f"by {article['byline']}", f"{article.get('n_words') or 0:,} words",
                    f"id {doc_id}") if m]   # the id to cite, since an untitled article's heading is its first words
st.markdown(" · ".join(md(m) for m in meta))
url = article.get("url") or ""
if url.startswith(("https://", "http://")):
    st.link_button("Open the original page", url, icon=":material/open_in_new:")

kinds = st.pills("Highlight", ["quotes", "figures", "weapons", "dates"], selection_mode="multi",
                 default=["quotes", "figures", "weapons", "dates"], key="reader_kinds",
                 format_func=lambda k: highlight.KIND_LABELS[k] + "s")
only_filtered = st.toggle("Only rows that match the sidebar filters", key="reader_only_filtered",
                          help="Off: everything extracted from this article. On: only the rows the other pages show.")
if ctx.large:
    one = ui.derived(ctx, lambda: scaled.article_tables(ctx.store, doc_id), key=f"r_big_doc_{doc_id}")
    tables, selection = one, views.select(one, ctx.filters)   # filters on one article: the same rows
else:
    tables, selection = ctx.tables, ctx.selection
marks, rows = highlight.marks_for(tables, selection, doc_id, kinds=kinds or [], only_filtered=only_filtered)

focus = None
clicked = st.session_state.get("reader_focus")  # (doc_id, start, end) of the row clicked on another page
at = st.query_params.get("at")                   # a shared link: ?doc=...&at=<start offset of the row>
if not clicked and at and at.isdigit() and st.query_params.get("doc") == doc_id:
    clicked = next(((doc_id, m.start, m.end) for m in marks if m.start == int(at) and m.kind != "speaker"), None)
picked = (st.session_state.get("reader_rows") or {}).get("selection", {}).get("rows", [])
if picked and picked[0] < len(rows):  # a row chosen in the table below (state from the last click)
    row = rows.iloc[picked[0]]
    focus = (int(row["start"]), int(row["end"]))
elif clicked and clicked[0] == doc_id and clicked[2] > clicked[1]:
    focus = (clicked[1], clicked[2])
    excerpt = article["text"][max(0, focus[0] - 80): focus[1] + 80]
    st.info(f"You opened this article from a table row: “…{md(excerpt.strip())}…” (outlined in orange below).",
            icon=":material/my_location:")

st.html(highlight.legend_html(focus=focus is not None))
st.html(highlight.render_article(article["text"], marks, chrome=[tuple(c) for c in (article.get("chrome") or [])],
                                 focus=tuple(focus) if focus else None))

st.subheader("Rows from this article")
if only_filtered:
    ui.filter_sentence(ctx, len(rows), "highlighted rows", one="highlighted row")
else:
    st.markdown(f"**{len(rows):,} rows** extracted from this article (all of them: switch on "
                "*Only rows that match the sidebar filters* to apply the filters here too).")
st.caption("Select a row to outline it in the text above.")
st.dataframe(rows, hide_index=True, key="reader_rows", width="stretch", on_select="rerun",
             selection_mode="single-row",
             column_order=["kind", "as_written", "detail", "start", "end"], column_config={
    "kind": st.column_config.TextColumn("Kind", width="small"),
    "as_written": st.column_config.TextColumn("Text", width="large"),
    "detail": st.column_config.TextColumn("Detail", width="medium"),
    "start": st.column_config.NumberColumn("Start", width="small"),
    "end": st.column_config.NumberColumn("End", width="small"),
})
ui.download_csv(ctx, rows, f"article-{doc_id}", key="dl_reader")
