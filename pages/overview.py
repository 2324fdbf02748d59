"""Overview: the corpus at a glance, under the sidebar filters (what it shows is computed in
newslens_app/overview.py, so the server can prepare it before the first visitor)."""
import streamlit as st

from newslens_app import overview, ui
from newslens_app.safe import md

ctx = ui.context()
ui.page_header("Corpus overview", f"{md(ctx.corpus.label)}: what was extracted from each outlet's articles. "
               "Every number, chart and download below follows the sidebar filters.")

n = overview.counts(ctx)
n_articles = n["articles"]
cols = st.columns(6)
cols[0].metric("Articles", f"{n_articles:,}")
cols[1].metric("Outlets", f"{n['outlets']:,}")
cols[2].metric("Quotes", f"{n['quotes']:,}")
cols[3].metric("Figures", f"{n['figures']:,}")
cols[4].metric("Weapon mentions", f"{n['weapons']:,}")
cols[5].metric("Dates mentioned", f"{n['dates']:,}")
if ctx.describe():
    st.markdown(f"Showing rows {ctx.describe()}.")

if not n_articles:
    ui.nothing_found(ctx, "articles")
    st.stop()

build = overview.figure_builders(ctx)
st.subheader("What each outlet's articles yielded")
st.caption("Rows extracted per outlet, split by kind. Hover a bar for its count.")
ui.chart(ctx, build["ov_rows"], key="ov_rows", missing="quotes, figures, weapons or dates")

st.subheader("Topics by outlet")
st.caption("How many sentences in each outlet's articles carry each topic (a sentence can carry several).")
ui.chart(ctx, build["ov_topics"], key="ov_topics", missing="sentences with a topic label")

st.subheader("Timeline of dates mentioned")
st.caption("Each dot is a date written in an article (not its publication date), placed on its day, month "
           "or year; hover for the sentence. When a few dates are much older, the chart opens on the recent ones: "
           "double-click it to see all. Dates without a year are in the zip's dates CSV only.")
ui.chart(ctx, build["ov_timeline"], key="ov_timeline", missing="dates with a year")

st.subheader("Articles")
ui.filter_sentence(ctx, n_articles, "articles")
st.caption("Newest first, undated articles last (click a column header to sort by it). "
           "Click a row to read it in its article, highlighted in place.")
arts = overview.articles(ctx)
if ctx.large and n_articles > len(arts):
    st.caption(f"Showing the newest {len(arts):,} of {n_articles:,} articles; the CSV holds all of them.")
# widths in pixels so all eight columns fit the page at 1440 px (named sizes cut off the last two)
ui.table(ctx, arts.assign(start=0, end=0), key="ov_articles", columns={
    "title": st.column_config.TextColumn("Title", width=330),
    "source": st.column_config.TextColumn("Outlet", width=200),
    "published": st.column_config.TextColumn("Published", width=90),
    "quotes": st.column_config.NumberColumn("Quotes", width=62, format="%d"),
    "figures": st.column_config.NumberColumn("Figures", width=62, format="%d"),
    "weapons": st.column_config.NumberColumn("Weapons", width=68, format="%d"),
    "dates": st.column_config.NumberColumn("Dates", width=56, format="%d", help="Dates mentioned in the text"),
    "n_words": st.column_config.NumberColumn("Words", width=62, format="%d"),
})
c1, c2 = st.columns(2)
with c1:
    if ctx.large:
        ui.download_csv(ctx, arts, "articles", key="dl_articles", label=f"Download these {n_articles:,} rows as CSV",
                        rows=lambda: overview.all_articles(ctx, n_articles))
    else:
        ui.download_csv(ctx, arts, "articles", key="dl_articles")
with c2:
    st.download_button("Download every filtered table (zip of CSVs)", data=lambda: ui.zip_of_views(ctx),
                       file_name=f"newslens_{ctx.corpus.name}_{ctx.slug()}.zip", mime="application/zip",
                       key="dl_zip", on_click="ignore", icon=":material/folder_zip:")
