"""Figures: which numbers were reported, and where outlets disagree on the same measure."""
import streamlit as st

from newslens_app import charts, paged, scaled, ui, views
from newslens_app.labels import measure_label, unit_label

ctx = ui.context()
ui.page_header("Figures", "Numbers an analyst could chart or compare (troops, drones, money, percentages, "
               "durations), with what each one counts.")
if ctx.large:
    # A large corpus: the comparison and chart data are grouped in SQL, the table is one page
    # of rows (newslens_app.scaled); no whole table is loaded into pandas.
    qf = ctx.query_filters()
    total = ui.derived(ctx, lambda: ctx.store.count("figures", qf), key="f_big_count")
else:
    figures = ctx.view("figures")
    total = len(figures)
if not total:
    ui.nothing_found(ctx, "figures")
    st.stop()

st.subheader("Same measure, different outlets")
st.caption("Figures that count the same thing (same wording of what is counted, same unit) in two or more "
           "outlets. ⚠ marks measures where the outlets' numbers differ, e.g. 10,000 vs 10,900 troops.")
if ctx.large:
    summary, points, n_behind = ui.derived(
        ctx, lambda: scaled.measure_comparison(ctx.store, qf, panels=charts.MAX_PANELS), key="f_big_comparison")
else:
    summary, points = ui.derived(ctx, lambda: views.measure_comparison(figures), key="f_comparison")
if summary.empty:
    st.info("No measure is reported by two or more outlets under the current filters, so there is nothing "
            "to compare side by side.", icon=":material/compare_arrows:")
else:
    ui.filter_sentence(ctx, len(summary), "shared measures", one="shared measure")
    n_diff = int(summary["disagree"].sum())
    if n_diff:
        st.warning(f"{n_diff} of {len(summary)} shared measures differ between outlets.", icon=":material/warning:")
    # one readable label per measure ("shell caliber (mm)"), not the measure beside a raw unit id
    shown = summary.assign(label=[measure_label(m, u) for m, u in zip(summary["measure"], summary["unit"])])
    st.dataframe(shown, hide_index=True, key="f_compare", width="stretch",
                 column_order=["label", "verdict", "spread_pct", "values", "sources"],
                 column_config={
                     "label": st.column_config.TextColumn("What is counted", width=160),
                     "verdict": st.column_config.TextColumn("Do outlets agree?", width=170),
                     "spread_pct": st.column_config.NumberColumn("Spread", format="%.1f%%", width=64,
                                                                 help="(highest - lowest) / highest"),
                     "values": st.column_config.TextColumn("Values by outlet", width=460),
                     "sources": st.column_config.NumberColumn("Outlets", width=64),
                 })
    st.caption("Each panel is one measure on its own scale; hover a dot for the sentence it comes from."
               + (f" The {charts.MAX_PANELS} measures at the top of the table are drawn; the table lists all "
                  f"{len(summary):,}." if len(summary) > charts.MAX_PANELS else "")
               + (" On this large corpus a dot stands for every figure an outlet gave with that value; its "
                  "sentence is the first of them." if ctx.large else ""))
    ui.chart(ctx, lambda: charts.measure_points(points, ctx.outlet_colours, measures=list(summary["measure"])),
             key="f_points", missing="figures")
    if ctx.large:
        paged.download_all(ctx, "figure-comparison", n_behind, key="dl_compare",
                           label=f"Download the {n_behind:,} figures behind this comparison as CSV",
                           build=lambda: scaled.comparison_csv(ctx.store, ctx.articles, qf, summary))
    else:
        behind = points.merge(summary[["measure", "unit", "verdict"]], on=["measure", "unit"], how="left")
        ui.download_csv(ctx, behind, "figure-comparison", key="dl_compare",
                        label=f"Download the {len(behind):,} figures behind this comparison as CSV")

st.subheader("What the figures count, by outlet")
st.caption("The 20 most frequent things counted; bars are split by the outlet that reported them.")
if ctx.large:
    counted = ui.derived(ctx, lambda: scaled.counted_by_source(ctx.store, qf), key="f_big_counted")
    counts_chart = lambda: charts.count_bars(counted, y="counts", color="source",  # noqa: E731
                                             colours=ctx.outlet_colours, x_label="figures", weight="n")
else:
    counts_chart = lambda: charts.count_bars(figures.fillna({"counts": "(not stated)"}), y="counts",  # noqa: E731
                                             color="source", colours=ctx.outlet_colours, x_label="figures")
ui.chart(ctx, counts_chart, key="f_counts", missing="figures")

st.subheader("All figures")
# widths in pixels so every column through Outlet fits the page at 1440 px, as on the Overview
paged.all_rows(ctx, "figures", None if ctx.large else figures, total, key="f", noun="figures",
               show=lambda df: df.assign(unit=df["unit"].map(unit_label)), columns={
    "value": st.column_config.NumberColumn("Value", width=72, format="localized"),
    "unit": st.column_config.TextColumn("Unit", width=90),
    "counts": st.column_config.TextColumn("What it counts", width=130),
    "as_written": st.column_config.TextColumn("As written", width=110),
    "approx": st.column_config.CheckboxColumn("Approx.", width=60),
    "source": st.column_config.TextColumn("Outlet", width=170),
    "sentence": st.column_config.TextColumn("Sentence", width=298),
})
