"""Human labels for topic ids (from newslens.topics when it offers them) and for figure units.

The topic labeller is written by another module owner; whichever of `TOPIC_LABELS` (mapping),
`LABELS` (mapping) or `topic_label(id)` (function) it exposes is used, and a readable fallback
("long_range_strikes" -> "long range strikes") covers the rest. Never raises.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping


def _source() -> tuple[Mapping[str, str], Callable[[str], str] | None]:
    try:
        from newslens import topics
    except Exception:  # noqa: BLE001 - a broken topics module must not break the dashboard
        return {}, None
    mapping: Mapping[str, str] = {}
    for name in ("TOPIC_LABELS", "LABELS"):
        candidate = getattr(topics, name, None)
        if isinstance(candidate, Mapping):
            mapping = candidate
            break
    if not mapping:
        try:
            loader = getattr(topics, "topic_labels", None)
            if callable(loader):
                got = loader()
                if isinstance(got, Mapping):
                    mapping = got
        except Exception:  # noqa: BLE001
            mapping = {}
    fn = getattr(topics, "topic_label", None)
    return mapping, fn if callable(fn) else None


_MAPPING, _FN = _source()


def topic_label(topic_id: str) -> str:
    """Readable label for one topic id."""
    if topic_id in _MAPPING:
        value = _MAPPING[topic_id]
        if isinstance(value, str) and value:
            return value
        label = getattr(value, "label", None) or (value.get("label") if isinstance(value, Mapping) else None)
        if label:
            return str(label)
    if _FN is not None:
        try:
            got = _FN(topic_id)
            if got:
                return str(got)
        except Exception:  # noqa: BLE001
            pass
    return topic_id.replace("_", " ").replace("-", " ").strip()


# What an analyst reads for each unit id of the figures table (newslens.model.Figure.unit).
# The short form goes after a measure ("shell caliber (mm)"); units whose measure already names
# what is counted (count, duration: "troops", "years") add nothing there.
_UNITS = {"count": ("count", ""), "percent": ("percent", "%"), "money": ("money", "money"),
          "caliber_mm": ("mm (calibre)", "mm"), "duration": ("duration", ""), "ordinal": ("rank / ordinal", ""),
          "other": ("other", "")}


def unit_label(unit: object) -> str:
    """Readable name of one unit id for a table's Unit column ("caliber_mm" -> "mm (calibre)");
    an unknown id is shown with its underscores as spaces. Does not convert values."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    return _UNITS.get(unit, (unit.replace("_", " ").strip(), ""))[0]


def measure_label(measure: object, unit: object) -> str:
    """One label for a measure (what is counted) and its unit, e.g. ("shell caliber", "caliber_mm")
    -> "shell caliber (mm)", ("troops", "count") -> "troops": the unit is added only when it tells
    something the measure does not already say. Does not merge or rename measures."""
    name = measure.strip() if isinstance(measure, str) else ""
    if not isinstance(unit, str) or not unit.strip():
        return name
    short = _UNITS.get(unit, ("", unit.replace("_", " ").strip()))[1]
    if not name:
        return unit_label(unit)
    if not short or short.lower() in name.lower().split():
        return name
    return f"{name} ({short})"
