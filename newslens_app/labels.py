"""Human labels for topic ids, from newslens.topics when it offers them.

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
