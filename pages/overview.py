"""Overview: the corpus at a glance, under the sidebar filters."""
import streamlit as st

from newslens_app import charts, ui, views
from newslens_app.safe import md

ctx = ui.context()
ui.page_header("Corpus overview", f"{md(ctx.corpus.label)}: what was extracted from each outlet's articles. "
               "Every number, chart and download below follows the sidebar filters.")

arts = ctx.view("articles")
kinds = {k: ctx.view(k) for k in ("quotes", "figures", "weapons", "dates")}
cols = st.columns(6)
cols[0].metric("Articles", f"{len(arts):,}")
cols[1].metric("Outlets", f"{arts['source'].nunique():,}")
cols[2].metric("Quotes", f"{len(kinds['quotes']):,}")
cols[3].metric("Figures", f"{len(kinds['figures']):,}")
cols[4].metric("Weapon mentions", f"{len(kinds['weapons']):,}")
cols[5].metric("Dates", f"{len(kinds['dates']):,}")
if ctx.describe():
    st.markdown(f"Showing rows {ctx.describe()}.")

if arts.empty:
    ui.nothing_found(ctx, "articles")
    st.stop()

st.subheader("What each outlet's articles yielded")
st.caption("Rows extracted per outlet, split by kind. Hover a bar for its count.")
ui.chart(ctx, lambda: charts.rows_per_source(views.rows_per_source(kinds), sorted(ctx.outlet_colours)),
         key="ov_rows", missing="quotes, figures, weapons or dates")

st.subheader("Topics by outlet")
st.caption("How many sentences in each outlet's articles carry each topic (a sentence can carry several).")
ui.chart(ctx, lambda: charts.topic_heatmap(views.topic_by_source(ctx.tables, ctx.view("sentences"))),
         key="ov_topics", missing="sentences with a topic label")

st.subheader("Timeline of dates mentioned")
st.caption("Each dot is a date written in an article (not its publication date), placed on its day, month "
           "or year; hover for the sentence. When a few dates are much older, the chart opens on the recent ones: "
           "double-click it to see all. Dates without a year are in the zip's dates CSV only.")
ui.chart(ctx, lambda: charts.timeline(kinds["dates"], ctx.outlet_colours), key="ov_timeline",
         missing="dates with a year")

st.subheader("Articles")
ui.filter_sentence(ctx, len(arts), "articles")
ui.reader_hint()
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
    ui.download_csv(ctx, arts, "articles", key="dl_articles")
with c2:
    st.download_button("Download every filtered table (zip of CSVs)", data=lambda: ui.zip_of_views(ctx),
                       file_name=f"newslens_{ctx.corpus.name}_{ctx.slug()}.zip", mime="application/zip",
                       key="dl_zip", on_click="ignore", icon=":material/folder_zip:")
