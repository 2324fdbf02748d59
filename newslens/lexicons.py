"""One validating loader for every YAML lexicon in `newslens/lexicons/`.

A lexicon file is YAML data that describes its own shape:

```yaml
schema:
  key: canonical                 # field that names an entry; must be a unique string
  required: [canonical, category]
  fields:                        # every allowed field and its type (unknown fields are errors)
    canonical: str
    aliases: list[str]
    category: {type: str, one_of: [missile, drone]}
    specific: {type: bool, default: true}
  unique: [aliases]              # values that may not repeat across entries
entries:
  - canonical: HIMARS
    category: artillery
```

Types: `str`, `bool`, `int`, `float` (ints accepted), `regex` (a string that compiles),
`list[str]`, `list[regex]`, `map[str,float]`, `map[str,str]`. A file may also be a bare list of
mappings (then only the mapping shape is checked), or a mapping of several named lists read
one at a time with `section=`; a caller may pass `schema=` to check a file that carries none. Every error names the file and the entry (index and key) at fault.

Lexicons are read once per process (cached); `load_lexicon` does NOT watch files for changes —
call `load_lexicon.cache_clear()` after editing one in a long-lived process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

_TYPES = ("str", "bool", "int", "float", "regex", "list[str]", "list[regex]",
          "map[str,float]", "map[str,str]")


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message names the file and the entry."""


def load_lexicon(name: str, *, section: str | None = None, path: str | Path | None = None,
                 schema: dict | None = None) -> tuple[dict, ...]:
    """The validated entries of lexicon `name` (`newslens/lexicons/<name>.yaml`), defaults filled.

    `section` picks one list from a file of several (`verbs:`, `phrases:` ...), whose `schema:`
    may then map section names to schemas. `path` loads a file elsewhere (tests, user lexicons);
    `schema` replaces the file's own schema. Returns a tuple of plain dicts shared by every
    caller: treat them as read-only.
    """
    file = Path(path) if path is not None else LEXICON_DIR / f"{name}.yaml"
    frozen = _freeze(schema) if schema is not None else None
    return _load(str(file), section, frozen)


def _freeze(obj: Any) -> Any:
    """A hashable copy of a schema so that the cache can key on it."""
    if isinstance(obj, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in obj.items()))
    if isinstance(obj, list):
        return ("__list__",) + tuple(_freeze(v) for v in obj)
    return obj


def _thaw(obj: Any) -> Any:
    if isinstance(obj, tuple):
        if obj and obj[0] == "__list__":
            return [_thaw(v) for v in obj[1:]]
        return {k: _thaw(v) for k, v in obj}
    return obj


# libyaml's C loader parses the lexicons about ten times faster than the pure-Python one; the
# build imports every lexicon at start-up, in every worker process.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def read_yaml(file: str) -> Any:
    """The parsed YAML document in `file`, parsed once per process (several sections share it)."""
    return yaml.load(Path(file).read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - safe loader


@lru_cache(maxsize=None)
def _load(file: str, section: str | None, frozen_schema: Any) -> tuple[dict, ...]:
    where = Path(file).name + (f" [{section}]" if section else "")
    try:
        raw = read_yaml(file)
    except FileNotFoundError as exc:
        raise LexiconError(f"{where}: lexicon file not found ({file})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: not valid YAML: {exc}") from exc
    file_schema = None
    if isinstance(raw, list) and section is None:
        entries = raw
    elif isinstance(raw, dict):
        key = section or "entries"
        if key not in raw:
            sections = sorted(k for k in raw if k != "schema")
            raise LexiconError(f"{where}: no {key!r} list (top-level keys: {sections})")
        entries, file_schema = raw[key], raw.get("schema")
        if isinstance(file_schema, dict) and "fields" not in file_schema:
            file_schema = file_schema.get(key)      # one schema per section
        if not isinstance(entries, list):
            raise LexiconError(f"{where}: {key!r} must be a list of mappings")
    else:
        raise LexiconError(f"{where}: expected a list of entries or a mapping with 'entries'")
    schema = _thaw(frozen_schema) if frozen_schema is not None else file_schema
    spec = _check_schema(where, schema) if schema is not None else None
    return tuple(_validate(where, entries, spec))


def _check_schema(where: str, schema: Any) -> dict:
    """Normalise a schema to {key, required, fields: {name: (type, one_of, default)}, unique}."""
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), dict):
        raise LexiconError(f"{where}: schema must be a mapping with a 'fields' mapping")
    fields = {}
    for fname, ftype in schema["fields"].items():
        one_of, default = None, None
        if isinstance(ftype, dict):
            one_of, default = ftype.get("one_of"), ftype.get("default")
            ftype = ftype.get("type")
        if ftype not in _TYPES:
            raise LexiconError(f"{where}: schema field {fname!r} has unknown type {ftype!r} "
                               f"(one of {', '.join(_TYPES)})")
        fields[fname] = (ftype, tuple(one_of) if one_of else None, default)
    key = schema.get("key")
    required = list(schema.get("required", []))
    if key and key not in required:
        required.append(key)
    for fname in required + list(schema.get("unique", [])):
        if fname not in fields:
            raise LexiconError(f"{where}: schema names field {fname!r} that 'fields' lacks")
    return {"key": key, "required": required, "fields": fields,
            "unique": list(schema.get("unique", []))}


def _label(i: int, entry: Any, key: str | None) -> str:
    name = None
    if isinstance(entry, dict):
        for k in (key, "id", "canonical", "name"):
            if k and isinstance(entry.get(k), str):
                name = entry[k]
                break
    return f"entry #{i}" + (f" ({name!r})" if name else "")


def _validate(where: str, entries: list, spec: dict | None) -> list[dict]:
    out: list[dict] = []
    seen: dict[str, dict[Any, str]] = {}
    for i, entry in enumerate(entries):
        label = _label(i, entry, spec["key"] if spec else None)
        if not isinstance(entry, dict):
            raise LexiconError(f"{where}: {label}: expected a mapping, got {type(entry).__name__}")
        if spec is None:
            out.append(dict(entry))
            continue
        for fname in spec["required"]:
            if entry.get(fname) in (None, "", []):
                raise LexiconError(f"{where}: {label}: missing required field {fname!r}")
        unknown = set(entry) - set(spec["fields"])
        if unknown:
            raise LexiconError(f"{where}: {label}: unknown field(s) {sorted(unknown)}")
        clean = {}
        for fname, (ftype, one_of, default) in spec["fields"].items():
            if fname not in entry or entry[fname] is None:
                clean[fname] = default
                continue
            value = entry[fname]
            problem = _type_problem(value, ftype)
            if problem:
                raise LexiconError(f"{where}: {label}: field {fname!r}: {problem}")
            if one_of and value not in one_of:
                raise LexiconError(f"{where}: {label}: field {fname!r}: {value!r} is not one of "
                                   f"{list(one_of)}")
            clean[fname] = value
        for fname in spec["unique"] + ([spec["key"]] if spec["key"] else []):
            values = clean.get(fname)
            values = values if isinstance(values, list) else [values]
            for v in values:
                if v is None:
                    continue
                prior = seen.setdefault(fname, {}).get(v)
                if prior is not None:
                    raise LexiconError(f"{where}: {label}: {fname} {v!r} already used by {prior}")
                seen[fname][v] = label
        out.append(clean)
    return out


def _type_problem(value: Any, ftype: str) -> str | None:
    """Why `value` is not of schema type `ftype`, or None when it is."""
    if ftype == "str":
        return None if isinstance(value, str) else f"expected a string, got {value!r}"
    if ftype == "bool":
        return None if isinstance(value, bool) else f"expected true/false, got {value!r}"
    if ftype == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"expected an integer, got {value!r}"
    if ftype == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"expected a number, got {value!r}"
    if ftype == "regex":
        return _regex_problem(value)
    if ftype.startswith("list["):
        if not isinstance(value, list):
            return f"expected a list, got {value!r}"
        inner = ftype[5:-1]
        for item in value:
            problem = _type_problem(item, inner)
            if problem:
                return f"item {item!r}: {problem}"
        return None
    if ftype.startswith("map["):
        if not isinstance(value, dict):
            return f"expected a mapping, got {value!r}"
        vtype = ftype[4:-1].split(",")[1]
        for k, v in value.items():
            if not isinstance(k, str):
                return f"key {k!r}: expected a string"
            problem = _type_problem(v, vtype)
            if problem:
                return f"value for {k!r}: {problem}"
        return None
    return f"unknown type {ftype!r}"


def _regex_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected a regular expression string, got {value!r}"
    try:
        re.compile(value)
    except re.error as exc:
        return f"{value!r} is not a valid regular expression: {exc}"
    return None


load_lexicon.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


# --- matching helpers shared by the lexicon-driven extractors ----------------------------------
# Same-length character normalisation, so offsets into the normalised copy are offsets into the
# original text: typographic hyphens, dashes and non-breaking spaces behave like ASCII.
_NORMALISE = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2043": "-",
              "\u00ad": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'",
              "\t": " "}
_SPECIAL = re.compile("[" + "".join(_NORMALISE) + "]")
# ASCII classes on purpose: a regex of ASCII ranges runs ~4x faster than \W; lexicon keys are
# ASCII, and a hit next to a non-ASCII letter is still rejected by the callers' boundary checks.
_NON_WORD = re.compile(r"[^a-z0-9 ]")


def normalise(text: str) -> tuple[str, str]:
    """(normalised text, its lower-cased copy), both exactly as long as `text`."""
    norm = _SPECIAL.sub(lambda m: _NORMALISE[m.group(0)], text) if _SPECIAL.search(text) else text
    lower = norm.lower()
    if len(lower) != len(norm):  # a few characters (İ) lower-case to two: keep those as they are
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    return norm, lower


def search_copy(lower: str) -> str:
    """What an automaton of `search_key`s runs over: non-word characters as spaces, padded with
    one space at each end, so index i of the copy is index i - 1 of the text. Keys carry the
    spaces, so only whole-word hits come back (not every "tor" inside "history")."""
    return " " + _NON_WORD.sub(" ", lower) + " "


@lru_cache(maxsize=8)
def search_text(text: str) -> tuple[str, str, str]:
    """(normalised text, its lower-cased copy, its search copy) of `text`: `normalise` and
    `search_copy` in one call, cached for the last few texts because the topic, weapon and
    figure extractors all scan the same article. The strings are immutable, so sharing them
    cannot change a result; it does not make either function faster on a new text."""
    norm, lower = normalise(text)
    return norm, lower, search_copy(lower)


def search_key(form: str, *, prefix: bool = False) -> str:
    """Automaton key for a lexicon form: lower case, non-word characters as spaces, a space
    before and (unless `prefix` or the form ends in punctuation) after. A hit of this key
    ending at copy index `last` starts at text index last - len(key) + 1."""
    form = form.translate(str.maketrans(_NORMALISE))
    key = " " + _NON_WORD.sub(" ", form.lower())
    return key if prefix or not form[-1:].isalnum() else key + " "
