"""Quotes: who said what, in which outlet, on which topic."""
import streamlit as st

from newslens_app import charts, paged, scaled, ui

ctx = ui.context()
ui.page_header("Quotes", "Who said what: quoted speech with its speaker, as each outlet reported it. "
               "Full quotes are clauses attributed to a speaker, partial quotes short quoted phrases, "
               "scare quotes quoted terms with no speaker.")
if ctx.large:
    # A large corpus: counts and chart data are SQL GROUP BYs, the table one page of rows
    # (newslens_app.scaled); no whole table is loaded into pandas.
    qf = ctx.query_filters()
    total = ui.derived(ctx, lambda: ctx.store.count("quotes", qf), key="q_big_count")
    by_speaker = ui.derived(ctx, lambda: scaled.speaker_counts(ctx.store, qf), key="q_big_speakers")
    by_kind = ui.derived(ctx, lambda: scaled.kind_counts(ctx.store, qf), key="q_big_kinds")
    speakers_chart = lambda: charts.quotes_per_speaker(scaled.top_groups(by_speaker, "speaker"),  # noqa: E731
                                                       ctx.outlet_colours, weight="n")
    per_source_chart = lambda: charts.speakers_per_source(by_speaker, ctx.outlet_colours)  # noqa: E731
    kinds_chart = lambda: charts.quote_kinds(by_kind, weight="n")  # noqa: E731
else:
    quotes = ctx.view("quotes")
    total = len(quotes)
    speakers_chart = lambda: charts.quotes_per_speaker(quotes, ctx.outlet_colours)  # noqa: E731
    per_source_chart = lambda: charts.speakers_per_source(quotes, ctx.outlet_colours)  # noqa: E731
    kinds_chart = lambda: charts.quote_kinds(quotes)  # noqa: E731
if not total:
    ui.nothing_found(ctx, "quotes")
    st.stop()

st.subheader("Quotes per speaker")
st.caption("The 20 most quoted speakers, coloured by the outlet that quoted them.")
ui.chart(ctx, speakers_chart, key="q_speakers", missing="quotes with a named speaker")
left, right = st.columns(2)
with left:
    st.subheader("Speakers per outlet")
    st.caption("How many different people each outlet quoted; hover for their names.")
    ui.chart(ctx, per_source_chart, key="q_per_source", missing="quotes with a named speaker")
with right:
    st.subheader("Kinds of quote per outlet")
    st.caption("Full quotes, partial quotes and scare quotes in each outlet.")
    ui.chart(ctx, kinds_chart, key="q_kinds", missing="quotes")

st.subheader("All quotes")
# widths in pixels so the key columns (through Role) fit the page at 1440 px, as on the Overview
# (named sizes pushed Role and the rest off the right edge)
paged.all_rows(ctx, "quotes", None if ctx.large else quotes, total, key="q", noun="quotes", columns={
    "speaker": st.column_config.TextColumn("Speaker", width=130),
    "source": st.column_config.TextColumn("Outlet", width=160),
    "kind": st.column_config.TextColumn("Kind", width=58),
    "quote": st.column_config.TextColumn("Quote", width=290),
    "role": st.column_config.TextColumn("Role", width=140),
    "article": st.column_config.TextColumn("Article", width=80),
    "topics": st.column_config.TextColumn("Topics", width=70),
})
