"""Figures: which numbers were reported, and where outlets disagree on the same measure."""
import streamlit as st

from newslens_app import charts, ui, views

ctx = ui.context()
ui.page_header("Figures", "Numbers an analyst could chart or compare (troops, drones, money, percentages, "
               "durations), with what each one counts.")
figures = ctx.view("figures")
if figures.empty:
    ui.nothing_found(ctx, "figures")
    st.stop()

st.subheader("Same measure, different outlets")
st.caption("Figures that count the same thing (same wording of what is counted, same unit) in two or more "
           "outlets. ⚠ marks measures where the outlets' numbers differ, e.g. 10,000 vs 10,900 troops.")
summary, points = ui.derived(ctx, lambda: views.measure_comparison(figures), key="f_comparison")
if summary.empty:
    st.info("No measure is reported by two or more outlets under the current filters, so there is nothing "
            "to compare side by side.", icon=":material/compare_arrows:")
else:
    ui.filter_sentence(ctx, len(summary), "shared measures", one="shared measure")
    n_diff = int(summary["disagree"].sum())
    if n_diff:
        st.warning(f"{n_diff} of {len(summary)} shared measures differ between outlets.", icon=":material/warning:")
    st.dataframe(summary, hide_index=True, key="f_compare", width="stretch",
                 column_order=["measure", "unit", "verdict", "spread_pct", "values", "sources"],
                 column_config={
                     "measure": st.column_config.TextColumn("What is counted", width="medium"),
                     "unit": st.column_config.TextColumn("Unit", width="small"),
                     "verdict": st.column_config.TextColumn("Do outlets agree?", width="medium"),
                     "spread_pct": st.column_config.NumberColumn("Spread", format="%.1f%%", width="small",
                                                                 help="(highest - lowest) / highest"),
                     "values": st.column_config.TextColumn("Values by outlet", width="large"),
                     "sources": st.column_config.NumberColumn("Outlets", width="small"),
                 })
    st.caption("Each panel is one measure on its own scale; hover a dot for the sentence it comes from."
               + (f" The {charts.MAX_PANELS} measures at the top of the table are drawn; the table lists all "
                  f"{len(summary):,}." if len(summary) > charts.MAX_PANELS else ""))
    ui.chart(ctx, lambda: charts.measure_points(points, ctx.outlet_colours, measures=list(summary["measure"])),
             key="f_points", missing="figures")
    behind = points.merge(summary[["measure", "unit", "verdict"]], on=["measure", "unit"], how="left")
    ui.download_csv(ctx, behind, "figure-comparison", key="dl_compare",
                    label=f"Download the {len(behind):,} figures behind this comparison as CSV")

st.subheader("What the figures count, by outlet")
st.caption("The 20 most frequent things counted; bars are split by the outlet that reported them.")
ui.chart(ctx, lambda: charts.count_bars(figures.fillna({"counts": "(not stated)"}), y="counts", color="source",
                                colours=ctx.outlet_colours, x_label="figures"), key="f_counts", missing="figures")

st.subheader("All figures")
ui.filter_sentence(ctx, len(figures), "figures")
ui.reader_hint()
ui.table(ctx, figures, key="f_table", columns={
    "value": st.column_config.NumberColumn("Value", width="small", format="localized"),
    "unit": st.column_config.TextColumn("Unit", width="small"),
    "counts": st.column_config.TextColumn("What it counts", width="medium"),
    "as_written": st.column_config.TextColumn("As written", width="small"),
    "approx": st.column_config.CheckboxColumn("Approx.", width="small"),
    "source": st.column_config.TextColumn("Outlet", width="medium"),
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
})
ui.download_csv(ctx, figures, "figures", key="dl_figures")
