"""The lexicon loader validates every file and names the file and entry at fault."""
import textwrap

import pytest
import yaml

from newslens.lexicons import LEXICON_DIR, LexiconError, load_lexicon, normalise, search_copy, search_key

SCHEMA = """
schema:
  key: canonical
  required: [canonical, category]
  fields:
    canonical: str
    category: {type: str, one_of: [missile, drone]}
    specific: {type: bool, default: true}
    aliases: {type: 'list[str]', default: []}
    patterns: {type: 'list[regex]', default: []}
    weights: {type: 'map[str,float]', default: {}}
  unique: [aliases]
entries:
"""


def write(tmp_path, body: str, name: str = "test.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(SCHEMA) + textwrap.dedent(body), encoding="utf-8")
    return path


def test_valid_file_fills_defaults(tmp_path):
    path = write(tmp_path, """
    - {canonical: HIMARS, category: missile, aliases: [HIMARS]}
    - {canonical: drone, category: drone, specific: false, weights: {a: 1, b: 0.5}}
    """)
    entries = load_lexicon("test", path=path)
    assert [e["canonical"] for e in entries] == ["HIMARS", "drone"]
    assert entries[0]["specific"] is True and entries[0]["patterns"] == []
    assert entries[1]["weights"] == {"a": 1, "b": 0.5}


@pytest.mark.parametrize("body, expected", [
    ("- {canonical: X, category: missle}", r"field 'category': 'missle' is not one of"),
    ("- {canonical: X}", r"missing required field 'category'"),
    ("- {canonical: X, category: drone, colour: red}", r"unknown field\(s\) \['colour'\]"),
    ("- {canonical: X, category: drone, specific: 'yes'}", r"field 'specific': expected true/false"),
    ("- {canonical: X, category: drone, aliases: X}", r"field 'aliases': expected a list"),
    ("- {canonical: X, category: drone, patterns: ['(']}", r"field 'patterns': item '\(': .*not a valid regular"),
    ("- {canonical: X, category: drone, weights: {a: high}}", r"field 'weights': value for 'a': expected a number"),
    ("- {canonical: X, category: drone, aliases: [a]}\n- {canonical: Y, category: drone, aliases: [a]}",
     r"aliases 'a' already used by entry #0 \('X'\)"),
    ("- {canonical: X, category: drone}\n- {canonical: X, category: missile}",
     r"canonical 'X' already used by entry #0"),
    ("- just a string", r"entry #0: expected a mapping"),
])
def test_malformed_entries_name_file_and_entry(tmp_path, body, expected):
    path = write(tmp_path, body, name="bad.yaml")
    with pytest.raises(LexiconError, match=r"^bad\.yaml: (?:entry #\d+ \('\w+'\): )?" + expected):
        load_lexicon("bad", path=path)


@pytest.mark.parametrize("text, expected", [
    ("entries: [", r"bad\.yaml: not valid YAML"),
    ("42", r"bad\.yaml: expected a list of entries"),
    ("entries: {a: 1}", r"bad\.yaml: 'entries' must be a list"),
    ("schema: {fields: {a: text}}\nentries: []", r"bad\.yaml: schema field 'a' has unknown type 'text'"),
    ("entires: []", r"bad\.yaml: no 'entries' list \(top-level keys: \['entires'\]\)"),
])
def test_malformed_files(tmp_path, text, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=expected):
        load_lexicon("bad", path=path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(LexiconError, match="nothere.yaml: lexicon file not found"):
        load_lexicon("nothere", path=tmp_path / "nothere.yaml")


def test_bare_list_and_caller_schema(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text("- {id: a, label: A}\n- {id: b}\n", encoding="utf-8")
    assert [e["id"] for e in load_lexicon("plain", path=path)] == ["a", "b"]
    schema = {"key": "id", "required": ["id", "label"], "fields": {"id": "str", "label": "str"}}
    with pytest.raises(LexiconError, match=r"plain\.yaml: entry #1 \('b'\): missing required field 'label'"):
        load_lexicon("plain", path=path, schema=schema)


def test_loads_are_cached(tmp_path):
    path = write(tmp_path, "- {canonical: X, category: drone}\n")
    assert load_lexicon("test", path=path) is load_lexicon("test", path=path)


def test_sections_with_their_own_schemas(tmp_path):
    path = tmp_path / "multi.yaml"
    path.write_text(textwrap.dedent("""
        schema:
          verbs: {key: lemma, fields: {lemma: str, forms: 'list[str]'}}
        verbs:
          - {lemma: say, forms: [says, said]}
          - {lemma: tell, forms: told}
        phrases:
          - {text: according to}
        """), encoding="utf-8")
    assert load_lexicon("multi", path=path, section="phrases") == ({"text": "according to"},)
    with pytest.raises(LexiconError, match=r"multi\.yaml \[verbs\]: entry #1 \('tell'\): field 'forms'"):
        load_lexicon("multi", path=path, section="verbs")
    with pytest.raises(LexiconError, match=r"no 'entries' list"):
        load_lexicon("multi", path=path)


def _entry_lists():
    """(file stem, section) for every list of mappings in the packaged lexicons."""
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(raw, list):
            yield path.stem, None
        elif isinstance(raw, dict):
            for key, value in raw.items():
                if key != "schema" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
                    yield path.stem, (None if key == "entries" else key)


@pytest.mark.parametrize("name, section", list(_entry_lists()))
def test_every_packaged_lexicon_is_valid(name, section):
    assert len(load_lexicon(name, section=section)) > 0


@pytest.mark.parametrize("text", ["Su\u201134 jets", "Kyiv\u00a0said", "Trump\u2019s team", "İstanbul drones"])
def test_normalise_keeps_length(text):
    norm, lower = normalise(text)
    assert len(norm) == len(lower) == len(text)


@pytest.mark.parametrize("form, prefix, text, hit", [
    ("tor", False, "the history of Tor", "Tor"),
    ("anti-aircraft", False, "new anti-aircraft guns", "anti-aircraft"),
    ("negotiat", True, "they were negotiating.", "negotiat"),
    ("u.s.", False, "the u.s. army", "u.s."),
])
def test_search_key_finds_whole_words_only(form, prefix, text, hit):
    key = search_key(form, prefix=prefix)
    copy = search_copy(text.lower())
    starts = []
    pos = copy.find(key)
    while pos != -1:
        starts.append(pos)                 # copy index of the key's leading space = text index
        pos = copy.find(key, pos + 1)
    assert [text[s:s + len(form)] for s in starts] == [hit]
