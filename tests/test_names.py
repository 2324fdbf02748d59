"""Person names: title peeling, in-article resolution, corpus-wide spelling variants."""
from __future__ import annotations

import pytest

from newslens import names
from newslens.model import Article
from newslens.names import (LexiconError, canonical_map, canonical_person, canonicalise_names,
                            find_people, name_key, peel_title)
from newslens.sentences import split_sentences


@pytest.mark.parametrize("surface, name, title", [
    ("Senate Majority Leader Mitch McConnell", "Mitch McConnell", "Senate Majority Leader"),
    ("Russian Deputy Foreign Minister Andrey Rudenko", "Andrey Rudenko", "Russian Deputy Foreign Minister"),
    ("Ukraine’s President Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Ukraine’s President"),
    ("Sen. Bernie Sanders", "Bernie Sanders", "Sen."),
    ("Cho Han-bum", "Cho Han-bum", None),
    # an organisation's name, then a lowercase role: the whole is the title
    ("White House press secretary Josh Earnest", "Josh Earnest", "White House press secretary"),
    ("ACLU executive director Anthony Romero", "Anthony Romero", "ACLU executive director"),
    ("New York Times columnist David Brooks", "David Brooks", "New York Times columnist"),
    # no role word between the capitals: nothing to peel
    ("The New York Times", "The New York Times", None),
    ("Abraham Lincoln", "Abraham Lincoln", None),
    # British ranks and honorifics without a period, before a full name or a surname
    ("Prof O'Brien", "O'Brien", "Prof"),
    ("Lt Col Ru Streatfeild", "Ru Streatfeild", "Lt Col"),
    ("Capt Ivan Palamar", "Ivan Palamar", "Capt"),
    ("Sir Keir Starmer", "Keir Starmer", "Sir"),
    ("Mother-of-two Mrs Florek", "Florek", "Mother-of-two Mrs"),
    ("Seventeen-year-old Andrii", "Andrii", "Seventeen-year-old"),
    ("15-year-old Vlad", "Vlad", "15-year-old"),
    ("Business Secretary Mr Kwarteng", "Kwarteng", "Business Secretary Mr"),
    ("Deputy Treasury Secretary Wally Adeyemo", "Wally Adeyemo", "Deputy Treasury Secretary"),
    ("Journalist Vira Hyrch", "Vira Hyrch", "Journalist"),
    # a lowercase descriptor before the name, possibly after a possessive
    ("his wife Iryna", "Iryna", "his wife"),
    ("Ukraine's parliament speaker Ruslan Stefanchyk", "Ruslan Stefanchyk", "Ukraine's parliament speaker"),
    ("IMF director of research Pierre Gourinchas", "Pierre Gourinchas", "IMF director of research"),
    # a sentence adverb is dropped, not kept as a title
    ("Later Lavrov", "Lavrov", None),
    ("Certainly Donald Trump", "Donald Trump", None),
    ("Beverly Hills", "Beverly Hills", None),            # a name in -ly is not an adverb
    ("Now Prof Nott", "Nott", "Prof"),
    # names that hold title or descriptor words stay whole
    ("Lord Bew", "Lord Bew", None),                      # a peer is known by the title
    ("Son Heung-min", "Son Heung-min", None),            # a descriptor word only before a full name
    ("Marine Le Pen", "Marine Le Pen", None),
    ("Jonathan Leader Maynard", "Jonathan Leader Maynard", None),
    ("the wife of Mr Pinner", "the wife of Mr Pinner", None),   # the speaker is the wife, not Pinner
    ("The long-time leader of the nationalist Sweden Democrats",
     "The long-time leader of the nationalist Sweden Democrats", None),
    ("the Foreign Secretary Liz Truss", "Liz Truss", "the Foreign Secretary"),
    ("the UK's Defence Secretary Ben Wallace", "Ben Wallace", "the UK's Defence Secretary"),
    ("the President", "the President", None),             # a descriptor with no name: nothing peeled
    ("the New York Times", "the New York Times", None),
    # an organisation's name with of/and inside it before a lowercase role
    ("Central Bank of Russia head Elvira Nabiullina", "Elvira Nabiullina", "Central Bank of Russia head"),
    ("Czech Industry and Trade Minister Jozef Sikela", "Jozef Sikela", "Czech Industry and Trade Minister"),
    # the place or body a title belongs to, before the two-word name
    ("Prime Minister of Ukraine Denys Shmyhal", "Denys Shmyhal", "Prime Minister of Ukraine"),
    ("Minister of Foreign Affairs Dmytro Kuleba", "Dmytro Kuleba", "Minister of Foreign Affairs"),
    # negative: an organisation alone is not peeled
    ("House of Commons", "House of Commons", None),
])
def test_peel_title(surface, name, title):
    got_name, got_title, offset = peel_title(surface)
    assert (got_name, got_title) == (name, title)
    assert surface[offset:] == name


@pytest.mark.parametrize("a, b, same", [
    ("Du Jin-ho", "Doo Jin-ho", True),
    ("Yoon Suk-yeol", "Yoon Suk Yeol", True),
    ("Yoon Suk yeol", "Yoon Suk-yeol", True),
    ("Zelensky", "Zelenskyy", True),
    ("Rustem Umerov", "Rustem Umierov", True),
    ("Kim Jong-un", "Kim Joon-hyung", False),
    ("Kim Jong-un", "Kim Jong-il", False),
])
def test_name_key_folds_spelling_not_identity(a, b, same):
    assert (name_key(a) == name_key(b)) == same


def test_canonical_person_picks_the_fullest_known_form():
    known = ["Hillary Clinton", "Bill Clinton", "Doo Jin-ho"]
    assert canonical_person("Doo", known) == "Doo Jin-ho"
    assert canonical_person("Sen. Doo Jin-ho", known) == "Doo Jin-ho"
    assert canonical_person("Clinton", known) == "Bill Clinton"          # the last (most recent) wins
    assert canonical_person("Nobody", known) == "Nobody"


def test_find_people_resolves_surnames_and_keeps_offsets():
    text = ("Defense Minister Rustem Umerov met officials. Umerov later spoke with Cho Han-bum, "
            "a senior researcher at the Korea Institute for National Unification. Cho said little.")
    art = Article("d", "d.txt", text)
    people = find_people(art, split_sentences(art))
    got = [(p.surface, p.name) for p in people]
    assert ("Rustem Umerov", "Rustem Umerov") in got
    assert ("Umerov", "Rustem Umerov") in got
    assert ("Cho", "Cho Han-bum") in got
    assert not any("Korea Institute" in p.name for p in people)
    for p in people:
        assert text[p.start:p.end] == p.surface
    roles = {p.name: p.role for p in people if p.role}
    assert roles["Rustem Umerov"] == "Defense Minister"


def test_canonical_map_merges_variants_and_prefers_the_frequent_spelling():
    counts = {"Doo Jin-ho": 3, "Du Jin-ho": 1, "Volodymyr Zelensky": 2, "Zelenskyy": 1,
              "Kim Jong-un": 2, "Kim Joon-hyung": 1}
    m = canonical_map(counts, counts=counts)
    assert m["Du Jin-ho"] == "Doo Jin-ho"
    assert m["Zelenskyy"] == "Volodymyr Zelensky"
    assert m["Kim Joon-hyung"] == "Kim Joon-hyung"        # same surname, different person


def test_canonical_map_uses_the_alias_file():
    m = canonical_map(["Moammar Gadhafi", "Muammar Qaddafi"])
    assert m["Moammar Gadhafi"] == m["Muammar Qaddafi"] == "Muammar Gaddafi"


def test_canonicalise_names_rewrites_person_rows_only():
    rows = {"quotes": [{"speaker": "Du Jin-ho"}, {"speaker": "Doo Jin-ho"}, {"speaker": "Doo Jin-ho"},
                       {"speaker": "the ministry"}, {"speaker": None}],
            "entities": [{"type": "person", "name": "Du Jin-ho"}, {"type": "org", "name": "Du Jin-ho"}]}
    canonicalise_names(rows)
    assert [r["speaker"] for r in rows["quotes"]] == ["Doo Jin-ho", "Doo Jin-ho", "Doo Jin-ho",
                                                      "the ministry", None]
    assert rows["entities"][0]["name"] == "Doo Jin-ho"
    assert rows["entities"][1]["name"] == "Du Jin-ho"


@pytest.mark.parametrize("filename, content, loader, message", [
    # the file and the entry are named
    ("cues.yaml", "verbs:\n  - {lemma: say, kind: shout, forms: [said]}\n", "load_cues", r"cues\.yaml.*verbs entry 0"),
    ("name_words.yaml", "titles: [Prof]\npeerage: Lord\n", "load_name_words", r"name_words\.yaml.*lists of strings"),
])
def test_malformed_lexicon_names_file_and_entry(tmp_path, monkeypatch, filename, content, loader, message):
    (tmp_path / filename).write_text(content, encoding="utf-8")
    monkeypatch.setattr(names, "LEXICON_DIR", tmp_path)
    load = getattr(names, loader)
    load.cache_clear()
    try:
        with pytest.raises(LexiconError, match=message):
            load()
    finally:
        monkeypatch.undo()
        load.cache_clear()


@pytest.mark.parametrize("a, b, merged", [
    ("Mykhailo Podolyak", "Mykhaylo Podolyak", True),
    ("Serhiy Haidai", "Serhai Haidai", True),
    ("Aleksandar Vulin", "Aleksandar Vucic", False),     # same first name, different person
    ("Inna Shevchenko", "Taras Shevchenko", False),
    ("Martin Luther King Jr.", "Vladimir Kara-Murza Jr.", False),   # a shared suffix is not a name
])
def test_canonical_map_merges_spellings_not_people(a, b, merged):
    m = canonical_map([a, b])
    assert (m[a] == m[b]) == merged


def test_canonical_map_never_expands_a_country_to_a_person_run():
    got = canonical_map(["Poland", "Poland Mariusz Blaszczak", "Doo", "Doo Jin-ho"])
    assert got["Poland"] == "Poland" and got["Doo"] == "Doo Jin-ho"


def test_bodies_and_possessive_phrases_are_not_canonicalised():
    rows = {"quotes": [{"speaker": "Iran's foreign minister"}, {"speaker": "Latvia's foreign minister"},
                       {"speaker": "Russia’s defence ministry"}]}
    canonicalise_names(rows)
    assert [r["speaker"] for r in rows["quotes"]] == ["Iran's foreign minister", "Latvia's foreign minister",
                                                      "Russia’s defence ministry"]


@pytest.mark.parametrize("run, name", [
    ("Quentin Sommerville We", "Quentin Sommerville"),     # the next clause's pronoun
    ("Mariupol Now", "Mariupol"),
    ("Tass. But", "Tass"),                                 # the next sentence's conjunction
    ("Sanders Is Not", "Sanders"),
    ("Tobias Ellwood MP", "Tobias Ellwood"),
    ("Newark MP", "Newark MP"),                            # nothing but the post-nominal would be left
    ("Judicial Watch", "Judicial Watch"),                  # a noun of a name, not a clause start
    ("Rush Limbaugh Explains Why She", ""),                 # a title-case headline: no name
    ("Wall.", "Wall"),                                     # "Mrs Wall." at a sentence end
    ("Independence Day.", "Independence Day."),
    ("Martin Luther King Jr.", "Martin Luther King Jr."),
])
def test_trim_name(run, name):
    assert names.trim_name(run) == name


@pytest.mark.parametrize("text, present, absent", [
    # a photo credit and the caption or text after it are not one name
    ("Volodymyr Ksienich fought in 2014. Photograph: Getty Images   Ksienich said he was ready.",
     {"Volodymyr Ksienich"}, {"Getty Images   Ksienich", "Getty Images"}),
    # sentence adverbs and quantifiers never start a name
    ("Sergei Lavrov flew in. Later Lavrov said talks failed. Now I know more.",
     {"Sergei Lavrov"}, {"Later Lavrov", "Now I", "Later"}),
    ("Later, a woman photographed at the scene died.", set(), {"Later"}),
    ("Both Andrey Kurkov and Serhiy Zhadan wrote.", {"Andrey Kurkov", "Serhiy Zhadan"}, {"Both Andrey Kurkov"}),
    # titles are peeled from people before they are indexed
    ("Brigadier Justin Stenhouse spoke. Prof Sands and Philippe Sands agreed.",
     {"Justin Stenhouse", "Philippe Sands"}, {"Brigadier Justin Stenhouse", "Prof Sands"}),
    # media and campaign roles are descriptors, not first names
    ("Co-anchor Norah O’Donnell asked. Pollster Ann Selzer agreed.",
     {"Norah O’Donnell", "Ann Selzer"}, {"Co-anchor Norah O’Donnell", "Pollster Ann Selzer"}),
    # a title-case headline's verb ends the run, which is then no person
    ("Guns A Crisis, Howard Dean Tells Democratic Convention\n\nHoward Dean spoke on Monday.",
     {"Howard Dean"}, {"Howard Dean Tells Democratic Convention"}),
    ("Obama Calls Trump Unfit\n\nBarack Obama spoke.", {"Barack Obama"}, {"Obama Calls Trump Unfit"}),
    # plural nouns of the same spelling are not headline verbs
    ("John Adams and Mary Notes arrived.", {"John Adams"}, set()),
])
def test_find_people_skips_credits_adverbs_and_titles(text, present, absent):
    art = Article("d", "d.txt", text)
    got = {p.name for p in find_people(art, split_sentences(art))}
    assert present <= got
    assert not (absent & got)


@pytest.mark.parametrize("names_in, short, full", [
    (["Von der Leyen", "Ursula von der Leyen"], "Von der Leyen", "Ursula von der Leyen"),
    (["De Lima", "Leila de Lima", "Van Gogh"], "Van Gogh", "Van Gogh"),       # no longer name to join
])
def test_canonical_map_joins_a_particle_surname_to_its_full_name(names_in, short, full):
    assert canonical_map(names_in)[short] == full


@pytest.mark.parametrize("text, present, absent", [
    # organisation words before a name the article gives elsewhere ("Secretary of State Antony Blinken")
    ("Antony Blinken flew in. Secretary of State Antony Blinken said so.", {"Antony Blinken"}, set()),
    # ... but not an organisation's own name that no person shares
    ("Ukraine Family Scheme opened. London Stock Exchange fell.", set(), {"Family Scheme", "Stock Exchange"}),
])
def test_find_people_after_organisation_words(text, present, absent):
    art = Article("d", "d.txt", text)
    people = find_people(art, split_sentences(art))
    got = {p.name for p in people}
    assert present <= got and not (absent & got)
    for p in people:
        assert text[p.start:p.end] == p.surface
    if present:
        assert sum(p.name == "Antony Blinken" for p in people) == 2


@pytest.mark.parametrize("names, lone, expected", [
    # a first name alone (someone interviewed by first name in one article) keeps its own name
    (["Valeriia", "Valeriya Kiselyova"], "Valeriia", "Valeriia"),
    (["Vladimir", "Vladimir Putin"], "Vladimir", "Vladimir"),
    # a surname alone still joins its full name, and a family name written first (Korean) too
    (["Zelensky", "Volodymyr Zelensky"], "Zelensky", "Volodymyr Zelensky"),
    (["Yoon", "Yoon Suk Yeol"], "Yoon", "Yoon Suk Yeol"),
])
def test_canonical_map_does_not_join_a_lone_given_name_to_a_namesake(names, lone, expected):
    from newslens.names import canonical_map
    assert canonical_map(names)[lone] == expected
