"""Quotes: who said what, in which outlet, on which topic."""
import streamlit as st

from newslens_app import charts, ui

ctx = ui.context()
ui.page_header("Quotes", "Who said what: quoted speech with its speaker, as each outlet reported it. "
               "Full quotes are clauses attributed to a speaker, partial quotes short quoted phrases, "
               "scare quotes quoted terms with no speaker.")
quotes = ctx.view("quotes")
if quotes.empty:
    ui.nothing_found(ctx, "quotes")
    st.stop()

st.subheader("Quotes per speaker")
st.caption("The 20 most quoted speakers, coloured by the outlet that quoted them.")
ui.chart(ctx, lambda: charts.quotes_per_speaker(quotes, ctx.outlet_colours), key="q_speakers",
         missing="quotes with a named speaker")
left, right = st.columns(2)
with left:
    st.subheader("Speakers per outlet")
    st.caption("How many different people each outlet quoted; hover for their names.")
    ui.chart(ctx, lambda: charts.speakers_per_source(quotes, ctx.outlet_colours), key="q_per_source",
             missing="quotes with a named speaker")
with right:
    st.subheader("Kinds of quote per outlet")
    st.caption("Full quotes, partial quotes and scare quotes in each outlet.")
    ui.chart(ctx, lambda: charts.quote_kinds(quotes), key="q_kinds", missing="quotes")

st.subheader("All quotes")
ui.filter_sentence(ctx, len(quotes), "quotes")
ui.reader_hint()
ui.table(ctx, quotes, key="q_table", columns={
    "speaker": st.column_config.TextColumn("Speaker", width="medium"),
    "source": st.column_config.TextColumn("Outlet", width="medium"),
    "kind": st.column_config.TextColumn("Kind", width="small"),
    "quote": st.column_config.TextColumn("Quote", width="large"),
    "role": st.column_config.TextColumn("Role", width="medium"),
    "topics": st.column_config.TextColumn("Topics", width="medium"),
    "article": st.column_config.TextColumn("Article", width="medium"),
})
ui.download_csv(ctx, quotes, "quotes", key="dl_quotes")
