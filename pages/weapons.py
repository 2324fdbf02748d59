"""Weapons: which systems were named, by whom, and what was said and counted alongside."""
import streamlit as st

from newslens_app import charts, ui, views

ctx = ui.context()
ui.page_header("Weapons", "Weapon systems and classes named in the articles (ATACMS, Storm Shadow, 155mm "
               "shells, drones…), grouped by canonical name and category.")
weapons = ctx.view("weapons")
if weapons.empty:
    ui.nothing_found(ctx, "weapon mentions")
    st.stop()

cat_colours = ui.category_colours(weapons["category"])
st.subheader("Mentions by weapon")
st.caption("The 20 most mentioned weapons, coloured by category.")
ui.chart(ctx, lambda: charts.count_bars(weapons, y="canonical", color="category", colours=cat_colours,
                                        x_label="mentions"), key="w_canonical", missing="weapon mentions")
st.subheader("Categories by outlet")
st.caption("Mentions per outlet, split by weapon category.")
ui.chart(ctx, lambda: charts.count_bars(weapons, y="source", color="category", colours=cat_colours,
                                        x_label="mentions", per=44, wrap=40), key="w_sources", missing="weapon mentions")

st.subheader("Weapons by outlet")
st.caption("Mentions of each weapon (rows) in each outlet (columns); darker means more.")
ui.chart(ctx, lambda: charts.heat(weapons, rows="canonical", cols="source", value_label="mentions"),
         key="w_heat_source", missing="weapon mentions")
st.subheader("Weapon categories by topic")
st.caption("Mentions of each category (columns) in sentences labelled with each topic (rows); a sentence "
           "with several topics counts once for each.")
ui.chart(ctx, lambda: charts.heat(views.explode_topics(weapons), rows="topic", cols="category",
                                  value_label="mentions"), key="w_heat_topic", missing="weapon mentions")

st.subheader("All weapon mentions")
ui.filter_sentence(ctx, len(weapons), "weapon mentions", one="weapon mention")
ui.reader_hint()
ui.table(ctx, weapons, key="w_table", columns={
    "canonical": st.column_config.TextColumn("Weapon", width="medium"),
    "category": st.column_config.TextColumn("Category", width="small"),
    "as_written": st.column_config.TextColumn("As written", width="medium"),
    "source": st.column_config.TextColumn("Outlet", width="medium"),
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
})
ui.download_csv(ctx, weapons, "weapons", key="dl_weapons")

st.subheader("Said and counted in the same sentences")
st.caption("Quotes and figures that share a sentence with one of the weapon mentions above.")
with_weapons = ui.derived(ctx, lambda: views.same_sentences(
    weapons, {"quotes": ctx.view("quotes"), "figures": ctx.view("figures")}), key="w_same_sentences")
tab_q, tab_f = st.tabs([f"Quotes ({len(with_weapons['quotes'])})", f"Figures ({len(with_weapons['figures'])})"])
with tab_q:
    ui.filter_sentence(ctx, len(with_weapons["quotes"]), "quotes next to these weapon mentions",
                       one="quote next to these weapon mentions")
    if with_weapons["quotes"].empty:
        st.info("No quote shares a sentence with these weapon mentions.")
    else:
        ui.table(ctx, with_weapons["quotes"], key="w_quotes", columns={
            "weapons": st.column_config.TextColumn("Weapons in the sentence", width="medium"),
            "speaker": st.column_config.TextColumn("Speaker", width="medium"),
            "quote": st.column_config.TextColumn("Quote", width="large"),
            "source": st.column_config.TextColumn("Outlet", width="medium"),
        })
        ui.download_csv(ctx, with_weapons["quotes"], "weapon-quotes", key="dl_w_quotes")
with tab_f:
    ui.filter_sentence(ctx, len(with_weapons["figures"]), "figures next to these weapon mentions",
                       one="figure next to these weapon mentions")
    if with_weapons["figures"].empty:
        st.info("No figure shares a sentence with these weapon mentions.")
    else:
        ui.table(ctx, with_weapons["figures"], key="w_figures", columns={
            "weapons": st.column_config.TextColumn("Weapons in the sentence", width="medium"),
            "as_written": st.column_config.TextColumn("Figure", width="small"),
            "counts": st.column_config.TextColumn("What it counts", width="medium"),
            "source": st.column_config.TextColumn("Outlet", width="medium"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
        })
        ui.download_csv(ctx, with_weapons["figures"], "weapon-figures", key="dl_w_figures")
