"""Plotly Express figures for the pages, built from the same filtered views as the tables.

Every function takes a view (and the fixed colour maps) and returns a figure, or None when there
is nothing to draw, so pages can show a friendly message instead. Bars hover with their counts;
points hover with their sentence. No Streamlit here.
"""
from __future__ import annotations

import html
import re
import textwrap

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .labels import measure_label
from .safe import label as _label
from .theme import KIND_COLOURS, QUOTE_KIND_COLOURS, QUOTE_KIND_LABELS

KIND_NAMES = {"quotes": "Quotes", "figures": "Figures", "weapons": "Weapon mentions", "dates": "Dates"}


_LINE = re.compile(r"\S.{0,69}(?=\s|$)|\S.{69}")  # up to 70 characters ending at a space


def hover_text(text: object, lines: int = 8) -> str:
    """Sentence for a hover label: escaped, wrapped at about 70 characters with <br> (plotly
    labels do not wrap), cut after `lines` lines. One regex pass: textwrap took 7 s for the
    29,000 dates of a 10,000-article corpus."""
    if not isinstance(text, str) or not text:
        return ""
    short = text[: 70 * lines + 1]
    wrapped = _LINE.findall(html.escape(short))
    out = "<br>".join(w.rstrip() for w in wrapped[:lines])
    return out + ("<br>…" if len(text) > len(short) or len(wrapped) > lines else "")


def wrap_label(text: object, width: int = 18) -> str:
    """Axis label broken over lines (<br>) so long outlet or topic names do not collide; the
    pieces are escaped (labels come from articles)."""
    return "<br>".join(_label(p) for p in textwrap.wrap(str(text), width)) or _label(text)


def _esc(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """Copy of `df` with text columns escaped for Plotly labels (outlet, speaker, weapon names
    come from articles; Plotly renders a few tags in labels, <a href> among them)."""
    return df.assign(**{c: df[c].map(lambda v: v if v is None or v != v else _label(v)) for c in cols if c in df})


def _esc_map(colours: dict[str, str]) -> dict[str, str]:
    return {_label(k): v for k, v in colours.items()}


def _height(n_bars: int, *, per: int = 28, base: int = 140, low: int = 260, high: int = 900) -> int:
    return max(low, min(high, base + per * n_bars))


def rows_per_source(counts: pd.DataFrame, outlet_order: list[str]) -> go.Figure | None:
    """Stacked bars: rows per source, one colour per kind of row."""
    if counts.empty:
        return None
    df = _esc(counts.assign(kind=counts["kind"].map(KIND_NAMES)), "source")
    order = [_label(o) for o in outlet_order if _label(o) in set(df["source"])]
    fig = px.bar(df, y="source", x="rows", color="kind", orientation="h",
                 color_discrete_map={KIND_NAMES[k]: c for k, c in KIND_COLOURS.items()},
                 category_orders={"source": order, "kind": list(KIND_NAMES.values())},
                 labels={"source": "", "rows": "rows extracted", "kind": ""},
                 hover_data={"rows": True}, height=_height(len(order), per=48))
    fig.update_layout(legend=dict(orientation="h", y=1.12, x=0), barmode="stack")
    _integer_ticks(fig, df.groupby("source")["rows"].sum().max())
    return fig


def topic_heatmap(counts: pd.DataFrame) -> go.Figure | None:
    """Topic x source: how many sentences of each outlet carry each topic."""
    if counts.empty:
        return None
    grid = _esc(counts, "topic").pivot_table(index="topic", columns="source", values="sentences", fill_value=0,
                                             aggfunc="sum")
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False).index]
    grid.columns = [wrap_label(c) for c in grid.columns]
    fig = px.imshow(grid, text_auto=True, aspect="auto", color_continuous_scale="Blues",
                    labels={"x": "", "y": "", "color": "sentences"}, height=_height(len(grid), per=34))
    fig.update_traces(hovertemplate="%{y}<br>%{x}<br><b>%{z} sentences</b><extra></extra>")
    fig.update_xaxes(side="top", tickangle=0)
    fig.update_coloraxes(showscale=False)
    return fig


def timeline(dates: pd.DataFrame, colours: dict[str, str]) -> go.Figure | None:
    """Dates mentioned in the articles, one point per mention, by source; hover shows the sentence."""
    df = dates.dropna(subset=["date"])
    if df.empty:
        return None
    if len(df) > MAX_POINTS:
        return _timeline_by_month(df, colours)
    df = _esc(df.assign(hover=df["sentence"].map(hover_text)), "source", "as_written")
    fig = px.strip(df, x="date", y="source", color="source", color_discrete_map=_esc_map(colours),
                   hover_data={"as_written": True, "iso": True, "hover": True, "source": False, "date": False},
                   labels={"date": "date mentioned", "source": "", "as_written": "as written",
                           "iso": "resolved", "hover": "sentence"},
                   height=_height(df["source"].nunique(), per=60, low=220))
    fig.update_traces(marker=dict(size=11, opacity=.8, line=dict(width=1, color="white")), jitter=.35)
    fig.update_layout(showlegend=False)
    window = recent_window(df["date"])
    if window:
        fig.update_xaxes(range=list(window))
    return fig


def recent_window(dates: pd.Series, *, years: int = 10, share: float = 0.75) -> tuple | None:
    """The x range a timeline opens on when a few dates are much older than the rest ("in 1990"
    beside 2022-2024 would squeeze those into a sliver): the dates within `years` of the latest,
    padded, when they are at least `share` of all; None (show everything) otherwise. The old
    points stay in the figure, one drag or double-click away."""
    hi = dates.max()
    recent = dates[dates >= hi - pd.DateOffset(years=years)]
    if len(recent) == len(dates) or len(recent) < share * len(dates):
        return None
    lo = recent.min()
    pad = pd.Timedelta(days=max(30, (hi - lo).days // 10))
    return lo - pad, hi + pad


MAX_POINTS = 3000   # above this a chart of points becomes a chart of counts (a browser chokes on more)


def _timeline_by_month(df: pd.DataFrame, colours: dict[str, str]) -> go.Figure:
    """Too many dates for one dot each: mentions per month and outlet, stacked."""
    per = (df.assign(month=df["date"].dt.to_period("M").dt.to_timestamp())
             .groupby(["month", "source"]).size().rename("dates").reset_index())
    return timeline_months(per, colours)


def timeline_months(per: pd.DataFrame, colours: dict[str, str]) -> go.Figure | None:
    """Dates mentioned per month and outlet (columns month, source, dates), stacked bars; the
    form a large corpus's timeline takes when its counts come from a query."""
    if per.empty:
        return None
    per = _esc(per, "source")
    fig = px.bar(per, x="month", y="dates", color="source", color_discrete_map=_esc_map(colours),
                 labels={"month": "month mentioned", "dates": "dates mentioned", "source": ""}, height=380)
    fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), bargap=0.1)
    return fig


def count_bars(df: pd.DataFrame, *, y: str, color: str, colours: dict[str, str], top: int = 20,
               y_label: str = "", x_label: str = "rows", order: list[str] | None = None,
               per: int = 28, wrap: int | None = None, weight: str | None = None) -> go.Figure | None:
    """Horizontal stacked bars: rows per `y` (top `top` by total), split by `color`; `wrap`
    breaks long `y` labels (outlet names) over lines of that many characters. `weight` names a
    column of counts when `df` is already grouped (a large corpus's SQL counts)."""
    if df.empty:
        return None
    grouped = df.groupby([y, color], dropna=False)
    counts = (grouped[weight].sum() if weight else grouped.size()).rename("n").reset_index()
    counts[y] = counts[y].fillna("(unknown)")
    counts = _esc(counts, y, color)
    if wrap:
        counts[y] = counts[y].map(lambda v: "<br>".join(textwrap.wrap(v, wrap)) or v)
    colours = _esc_map(colours)
    order = [_label(o) for o in order] if order else None
    totals = counts.groupby(y)["n"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    counts = counts[counts[y].isin(keep)]
    fig = px.bar(counts, y=y, x="n", color=color, orientation="h", color_discrete_map=colours,
                 category_orders={y: keep, **({color: order} if order else {})},
                 labels={y: y_label, "n": x_label, color: ""}, height=_height(len(keep), per=per))
    fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0))
    _integer_ticks(fig, counts.groupby(y)["n"].sum().max())
    return fig


def _integer_ticks(fig: go.Figure, top: float, axis: str = "x") -> None:
    """Counts are whole numbers: no 0.5 ticks on short axes."""
    if top <= 12:
        (fig.update_xaxes if axis == "x" else fig.update_yaxes)(dtick=1, tick0=0)


def quotes_per_speaker(quotes: pd.DataFrame, colours: dict[str, str], *, top: int = 20,
                       weight: str | None = None) -> go.Figure | None:
    named = quotes.dropna(subset=["speaker"])
    return count_bars(named, y="speaker", color="source", colours=colours, top=top, x_label="quotes", weight=weight)


def speakers_per_source(quotes: pd.DataFrame, colours: dict[str, str]) -> go.Figure | None:
    named = quotes.dropna(subset=["speaker"])
    if named.empty:
        return None
    g = named.groupby("source")["speaker"].agg(speakers="nunique",
                                               names=lambda s: "<br>".join(_label(n) for n in sorted(set(s))[:15]))
    g = _esc(g.reset_index().sort_values("speakers", ascending=False), "source")
    g["outlet"] = g["source"].map(lambda v: "<br>".join(textwrap.wrap(v, 24)) or v)
    fig = px.bar(g, y="outlet", x="speakers", color="source", orientation="h", color_discrete_map=_esc_map(colours),
                 custom_data=["names"], labels={"outlet": "", "speakers": "different speakers quoted"},
                 height=_height(len(g), per=48, low=200))
    fig.update_traces(hovertemplate="<b>%{y}</b><br>%{x} speakers:<br>%{customdata[0]}<extra></extra>")
    fig.update_layout(showlegend=False, bargap=0.45)
    _integer_ticks(fig, g["speakers"].max())
    return fig


def quote_kinds(quotes: pd.DataFrame, *, weight: str | None = None) -> go.Figure | None:
    if quotes.empty:
        return None
    df = quotes.assign(kind=quotes["kind"].map(lambda k: QUOTE_KIND_LABELS.get(k, k)))
    colours = {QUOTE_KIND_LABELS[k]: c for k, c in QUOTE_KIND_COLOURS.items()}
    return count_bars(df, y="source", color="kind", colours=colours, x_label="quotes",
                      order=list(QUOTE_KIND_LABELS.values()), per=48, wrap=24, weight=weight)


MAX_PANELS = 12   # small multiples beyond this are unreadable (and slow: 800 panels took a minute)


def measure_points(points: pd.DataFrame, colours: dict[str, str], *,
                   measures: list[str] | None = None) -> go.Figure | None:
    """One small panel per compared measure, each on its own value axis (so 10,000 vs 10,900
    troops stays visible beside 150 vs 155 mm); one row per outlet that reported it, one dot per
    reported value; hover shows the sentence. `measures` picks and orders the panels (default:
    alphabetical); at most MAX_PANELS are drawn."""
    if points.empty:
        return None
    chosen = (measures or sorted(points["measure"].unique()))[:MAX_PANELS]
    points = points[points["measure"].isin(chosen)]
    df = points.assign(hover=points["sentence"].map(hover_text),
                       label=[measure_label(m, u) for m, u in zip(points["measure"], points["unit"])])
    df = _esc(df, "label", "source", "as_written")
    colours = _esc_map(colours)
    order = {m: i for i, m in enumerate(chosen)}
    groups = sorted(((label, g) for label, g in df.groupby("label", sort=True)),
                    key=lambda lg: order.get(lg[1]["measure"].iloc[0], len(order)))
    heights = [max(1, g["source"].nunique()) + 1.2 for _, g in groups]
    fig = make_subplots(rows=len(groups), cols=1, subplot_titles=[f"<b>{label}</b>" for label, _ in groups],
                        row_heights=heights, vertical_spacing=min(0.25, 0.9 / len(groups)) if len(groups) > 1 else 0)
    seen: set[str] = set()
    for i, (_name, g) in enumerate(groups, start=1):
        for source, sg in g.groupby("source", sort=True):
            fig.add_trace(go.Scatter(
                x=sg["value"], y=sg["source"], mode="markers", name=source, legendgroup=source,
                showlegend=source not in seen,
                marker=dict(size=14, color=colours.get(source, "#777"), line=dict(width=1, color="white")),
                customdata=sg[["as_written", "hover"]].to_numpy(),
                hovertemplate="<b>%{y}</b>: %{x:,}<br>as written: %{customdata[0]}<br>%{customdata[1]}<extra></extra>"),
                row=i, col=1)
            seen.add(source)
        lo, hi = float(g["value"].min()), float(g["value"].max())
        pad = (hi - lo) * 0.15 or max(abs(hi) * 0.05, 1)
        fig.update_xaxes(range=[lo - pad, hi + pad], tickformat=",", row=i, col=1)
    for annotation in fig.layout.annotations:
        annotation.update(x=0, xanchor="left", font_size=13)
    fig.update_yaxes(automargin=True)
    fig.update_layout(height=int(120 + 34 * sum(heights)), showlegend=False)
    return fig


def heat(df: pd.DataFrame, *, rows: str, cols: str, value_label: str, top: int = 25,
         weight: str | None = None) -> go.Figure | None:
    """Count heatmap of `rows` x `cols` (e.g. weapon x source), largest rows first; `weight`
    names a column of counts when `df` is already grouped."""
    if df.empty:
        return None
    df = _esc(df, rows)
    grid = (pd.crosstab(df[rows].fillna("(none)"), df[cols].fillna("(none)"), values=df[weight], aggfunc="sum")
            .fillna(0).astype("int64") if weight else pd.crosstab(df[rows].fillna("(none)"), df[cols].fillna("(none)")))
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False).index[:top]]
    grid.columns = [wrap_label(c) for c in grid.columns]
    fig = px.imshow(grid, text_auto=True, aspect="auto", color_continuous_scale="Reds",
                    labels={"x": "", "y": "", "color": value_label}, height=_height(len(grid), per=30))
    fig.update_traces(hovertemplate="%{y}<br>%{x}<br><b>%{z} " + value_label + "</b><extra></extra>")
    fig.update_xaxes(side="top", tickangle=0)
    fig.update_coloraxes(showscale=False)
    return fig
