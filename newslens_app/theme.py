"""Fixed colours and human labels, so the same outlet or category looks the same everywhere.

Outlet colours are assigned from the corpus's full outlet list (not the filtered one), so a
filter never repaints a bar. Categories and kinds have fixed colours that also drive the
article reader's highlights and legend.
"""
from __future__ import annotations

from collections.abc import Iterable

# Okabe-Ito / Tol-like, colour-blind safe, distinct on white.
OUTLET_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288",
                  "#117733", "#882255", "#44AA99", "#999933", "#AA4499")
UNKNOWN_OUTLET = "Unknown outlet"
UNKNOWN_COLOUR = "#9E9E9E"

# What the reader highlights, with the colour used for that kind in charts and the legend.
KIND_COLOURS = {"quotes": "#F2B701", "figures": "#3969AC", "weapons": "#E73F74", "dates": "#11A579"}
KIND_LABELS = {"quotes": "Quote", "figures": "Figure", "weapons": "Weapon", "dates": "Date"}

QUOTE_KIND_COLOURS = {"full": "#3969AC", "partial": "#7F3C8D", "scare": "#A5AA99"}
QUOTE_KIND_LABELS = {"full": "full quote", "partial": "partial quote", "scare": "scare quote"}

CATEGORY_COLOURS = {
    "missile": "#E73F74", "artillery": "#7F3C8D", "ammunition": "#F2B701", "air_defense": "#3969AC",
    "aircraft": "#80BA5A", "drone": "#11A579", "armor": "#E68310", "naval": "#008695",
    "nuclear": "#CF1C90", "generic": "#A5AA99",
}
CATEGORY_LABELS = {"air_defense": "air defence", "armor": "armour"}

def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """{outlet: colour}, stable for a given set of outlets (sorted, then the palette in order)."""
    names = sorted({o for o in outlets if o and o != UNKNOWN_OUTLET})
    colours = {name: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, name in enumerate(names)}
    colours[UNKNOWN_OUTLET] = UNKNOWN_COLOUR
    return colours


def category_label(category: str | None) -> str:
    if not category:
        return "uncategorised"
    return CATEGORY_LABELS.get(category, category.replace("_", " "))


def category_colours(categories: Iterable[str] = ()) -> dict[str, str]:
    """Colours keyed by the *label* shown in charts; unknown categories get palette colours."""
    out = {category_label(k): v for k, v in CATEGORY_COLOURS.items()}
    extra = [c for c in sorted(set(categories)) if category_label(c) not in out]
    for i, c in enumerate(extra):
        out[category_label(c)] = OUTLET_PALETTE[(i + 5) % len(OUTLET_PALETTE)]
    return out
