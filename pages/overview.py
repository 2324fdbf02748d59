"""Overview: the corpus at a glance, under the sidebar filters."""
import streamlit as st

from newslens_app import charts, scaled, ui, views
from newslens_app.safe import md

MAX_ROWS = 2000   # articles listed at once on a large corpus (the CSV has every one)

ctx = ui.context()
ui.page_header("Corpus overview", f"{md(ctx.corpus.label)}: what was extracted from each outlet's articles. "
               "Every number, chart and download below follows the sidebar filters.")

if ctx.large:
    # A large corpus: numbers, chart data and one page of articles come from DuckDB queries
    # (newslens.query via newslens_app.scaled); no whole table is loaded into pandas.
    qf = ctx.query_filters()
    n = ui.derived(ctx, lambda: scaled.counts(ctx.store, qf), key="ov_big_counts")
    n_articles, n_outlets = n["articles"], n["outlets"]
else:
    arts = ctx.view("articles")
    kinds = {k: ctx.view(k) for k in ("quotes", "figures", "weapons", "dates")}
    n = {k: len(v) for k, v in kinds.items()}
    n_articles, n_outlets = len(arts), arts["source"].nunique()
cols = st.columns(6)
cols[0].metric("Articles", f"{n_articles:,}")
cols[1].metric("Outlets", f"{n_outlets:,}")
cols[2].metric("Quotes", f"{n['quotes']:,}")
cols[3].metric("Figures", f"{n['figures']:,}")
cols[4].metric("Weapon mentions", f"{n['weapons']:,}")
cols[5].metric("Dates", f"{n['dates']:,}")
if ctx.describe():
    st.markdown(f"Showing rows {ctx.describe()}.")

if not n_articles:
    ui.nothing_found(ctx, "articles")
    st.stop()

st.subheader("What each outlet's articles yielded")
st.caption("Rows extracted per outlet, split by kind. Hover a bar for its count.")
ui.chart(ctx, lambda: charts.rows_per_source(scaled.rows_per_source(ctx.store, qf) if ctx.large
                                              else views.rows_per_source(kinds), sorted(ctx.outlet_colours)),
         key="ov_rows", missing="quotes, figures, weapons or dates")

st.subheader("Topics by outlet")
st.caption("How many sentences in each outlet's articles carry each topic (a sentence can carry several).")
ui.chart(ctx, lambda: charts.topic_heatmap(scaled.topic_by_source(ctx.store, qf) if ctx.large
                                           else views.topic_by_source(ctx.tables, ctx.view("sentences"))),
         key="ov_topics", missing="sentences with a topic label")

st.subheader("Timeline of dates mentioned")
st.caption("Each dot is a date written in an article (not its publication date), placed on its day, month "
           "or year; hover for the sentence. When a few dates are much older, the chart opens on the recent ones: "
           "double-click it to see all. Dates without a year are in the zip's dates CSV only.")
ui.chart(ctx, lambda: (charts.timeline_months(scaled.dates_per_month(ctx.store, qf), ctx.outlet_colours)
                      if ctx.large else charts.timeline(kinds["dates"], ctx.outlet_colours)), key="ov_timeline",
         missing="dates with a year")

st.subheader("Articles")
ui.filter_sentence(ctx, n_articles, "articles")
ui.reader_hint()
if ctx.large:
    arts = ui.derived(ctx, lambda: scaled.articles_page(ctx.store, qf, limit=MAX_ROWS), key="ov_big_articles")
    if n_articles > len(arts):
        st.caption(f"Showing the first {len(arts):,} of {n_articles:,} articles; the CSV holds all of them.")
else:
    arts = ui.derived(ctx, lambda: views.with_row_counts(arts, kinds), key="ov_counts")
ui.table(ctx, arts.assign(start=0, end=0), key="ov_articles", columns={
    "title": st.column_config.TextColumn("Title", width="large"),
    "source": st.column_config.TextColumn("Outlet", width="medium"),
    "published": st.column_config.TextColumn("Published", width="small"),
    "quotes": st.column_config.NumberColumn("Quotes", width="small", format="%d"),
    "figures": st.column_config.NumberColumn("Figures", width="small", format="%d"),
    "weapons": st.column_config.NumberColumn("Weapons", width="small", format="%d"),
    "dates": st.column_config.NumberColumn("Dates", width="small", format="%d"),
    "n_words": st.column_config.NumberColumn("Words", width="small", format="%d"),
})
c1, c2 = st.columns(2)
with c1:
    if ctx.large:
        ui.download_csv(ctx, arts, "articles", key="dl_articles", label=f"Download these {n_articles:,} rows as CSV",
                        rows=lambda: scaled.articles_page(ctx.store, qf, limit=n_articles))
    else:
        ui.download_csv(ctx, arts, "articles", key="dl_articles")
with c2:
    st.download_button("Download every filtered table (zip of CSVs)", data=lambda: ui.zip_of_views(ctx),
                       file_name=f"newslens_{ctx.corpus.name}_{ctx.slug()}.zip", mime="application/zip",
                       key="dl_zip", on_click="ignore", icon=":material/folder_zip:")
