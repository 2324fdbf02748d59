"""Weapons: which systems were named, by whom, and what was said and counted alongside."""
import streamlit as st

from newslens_app import charts, paged, scaled, ui, views

ctx = ui.context()
ui.page_header("Weapons", "Weapon systems and classes named in the articles (ATACMS, Storm Shadow, 155mm "
               "shells, drones…), grouped by canonical name and category.")
if ctx.large:
    # A large corpus: chart data are SQL GROUP BYs, tables one page of rows (newslens_app.scaled).
    qf = ctx.query_filters()
    total = ui.derived(ctx, lambda: ctx.store.count("weapons", qf), key="w_big_count")
    by_name = ui.derived(ctx, lambda: scaled.weapon_counts(ctx.store, ["canonical", "category"], qf),
                         key="w_big_names")
    by_source = ui.derived(ctx, lambda: scaled.weapon_counts(ctx.store, ["outlet", "category"], qf),
                           key="w_big_sources")
    name_source = ui.derived(ctx, lambda: scaled.weapon_counts(ctx.store, ["canonical", "outlet"], qf),
                             key="w_big_name_source")
    by_topic = ui.derived(ctx, lambda: scaled.weapon_topics(ctx.store, qf), key="w_big_topics")
    categories, weight = by_name["category"], "n"
else:
    weapons = ctx.view("weapons")
    total = len(weapons)
    by_name = by_source = name_source = weapons
    categories, weight = weapons["category"], None
if not total:
    ui.nothing_found(ctx, "weapon mentions")
    st.stop()

cat_colours = ui.category_colours(categories)
st.subheader("Mentions by weapon")
st.caption("The 20 most mentioned weapons, coloured by category.")
ui.chart(ctx, lambda: charts.count_bars(by_name, y="canonical", color="category", colours=cat_colours,
                                        x_label="mentions", weight=weight), key="w_canonical",
         missing="weapon mentions")
st.subheader("Categories by outlet")
st.caption("Mentions per outlet, split by weapon category.")
ui.chart(ctx, lambda: charts.count_bars(by_source, y="source", color="category", colours=cat_colours,
                                        x_label="mentions", per=44, wrap=40, weight=weight), key="w_sources",
         missing="weapon mentions")

st.subheader("Weapons by outlet")
st.caption("Mentions of each weapon (rows) in each outlet (columns); darker means more.")
ui.chart(ctx, lambda: charts.heat(name_source, rows="canonical", cols="source", value_label="mentions",
                                  weight=weight), key="w_heat_source", missing="weapon mentions")
st.subheader("Weapon categories by topic")
st.caption("Mentions of each category (columns) in sentences labelled with each topic (rows); a sentence "
           "with several topics counts once for each.")
ui.chart(ctx, lambda: (charts.heat(by_topic, rows="topic", cols="category", value_label="mentions", weight="n")
                       if ctx.large else charts.heat(views.explode_topics(weapons), rows="topic", cols="category",
                                                     value_label="mentions")),
         key="w_heat_topic", missing="weapon mentions")

st.subheader("All weapon mentions")
paged.all_rows(ctx, "weapons", None if ctx.large else weapons, total, key="w", noun="weapon mentions",
               one="weapon mention", columns={
    "canonical": st.column_config.TextColumn("Weapon", width="medium"),
    "category": st.column_config.TextColumn("Category", width="small"),
    "as_written": st.column_config.TextColumn("As written", width="medium"),
    "source": st.column_config.TextColumn("Outlet", width="medium"),
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
})

st.subheader("Said and counted in the same sentences")
st.caption("Quotes and figures that share a sentence with one of the weapon mentions above.")
if ctx.large:
    near = scaled.near_weapons(qf)
    n_near = ui.derived(ctx, lambda: {k: ctx.store.count(k, near) for k in ("quotes", "figures")}, key="w_big_near")
else:
    with_weapons = ui.derived(ctx, lambda: views.same_sentences(
        weapons, {"quotes": ctx.view("quotes"), "figures": ctx.view("figures")}), key="w_same_sentences")
    n_near = {k: len(v) for k, v in with_weapons.items()}


def _near_rows(kind: str, key: str):
    """This kind's rows beside the weapon mentions: all of them, or on a large corpus one page."""
    if not ctx.large:
        return with_weapons[kind]
    rows = scaled.NEAR_PAGE_ROWS
    offset = paged.page_offset(n_near[kind], key=f"{key}_page", noun=kind, rows=rows)
    return ui.derived(ctx, lambda: scaled.with_weapon_names(
        ctx.store, qf, scaled.view_page(ctx.store, ctx.articles, kind, near, offset=offset, limit=rows)),
        key=f"w_big_near_{kind}_{offset}_{rows}")


def _near_download(kind: str, rows, key: str, table: str) -> None:
    if ctx.large:
        paged.download_all(ctx, table, n_near[kind], key=key, build=lambda: scaled.csv_bytes(
            scaled.with_weapon_names(ctx.store, qf, chunk)
            for chunk in scaled.view_chunks(ctx.store, ctx.articles, kind, near)))
    else:
        ui.download_csv(ctx, rows, table, key=key)


tab_q, tab_f = st.tabs([f"Quotes ({n_near['quotes']:,})", f"Figures ({n_near['figures']:,})"])
with tab_q:
    ui.filter_sentence(ctx, n_near["quotes"], "quotes next to these weapon mentions",
                       one="quote next to these weapon mentions")
    if not n_near["quotes"]:
        st.info("No quote shares a sentence with these weapon mentions.")
    else:
        rows = _near_rows("quotes", "w_quotes")
        ui.table(ctx, rows, key="w_quotes", columns={
            "weapons": st.column_config.TextColumn("Weapons in the sentence", width="medium"),
            "speaker": st.column_config.TextColumn("Speaker", width="medium"),
            "quote": st.column_config.TextColumn("Quote", width="large"),
            "source": st.column_config.TextColumn("Outlet", width="medium"),
        })
        _near_download("quotes", rows, "dl_w_quotes", "weapon-quotes")
with tab_f:
    ui.filter_sentence(ctx, n_near["figures"], "figures next to these weapon mentions",
                       one="figure next to these weapon mentions")
    if not n_near["figures"]:
        st.info("No figure shares a sentence with these weapon mentions.")
    else:
        rows = _near_rows("figures", "w_figures")
        ui.table(ctx, rows, key="w_figures", columns={
            "weapons": st.column_config.TextColumn("Weapons in the sentence", width="medium"),
            "as_written": st.column_config.TextColumn("Figure", width="small"),
            "counts": st.column_config.TextColumn("What it counts", width="medium"),
            "source": st.column_config.TextColumn("Outlet", width="medium"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
        })
        _near_download("figures", rows, "dl_w_figures", "weapon-figures")
