"""Entities: places from the gazetteer, organisations from the lexicon and by rule, people."""
import pytest

from newslens.entities import extract_entities
from newslens.model import Article
from newslens.sentences import split_sentences


def entities(text, chrome=()):
    article = Article(doc_id="d", path="d.txt", text=text, chrome=tuple(chrome))
    rows = extract_entities(article, split_sentences(article))
    for r in rows:
        assert text[r.start:r.end] == r.surface
    return rows


def found(text, etype=None):
    return [(e.surface, e.name) for e in entities(text) if etype is None or e.type == etype]


@pytest.mark.parametrize("text, expected", [
    ("Shelling hit Kiev and Kharkov overnight.", [("Kiev", "Kyiv"), ("Kharkov", "Kharkiv")]),
    ("The U.S. and the US both back Ukraine.", [("U.S.", "United States"), ("US", "United States"),
                                               ("Ukraine", "Ukraine")]),
    ("Seoul, the ROK capital, spoke for the Republic of Korea.",
     [("Seoul", "Seoul"), ("ROK", "South Korea"), ("Republic of Korea", "South Korea")]),
    ("Troops fought near Chasiv Yar in the Donetsk region and in Kursk.",
     [("Chasiv Yar", "Chasiv Yar"), ("Donetsk region", "Donetsk region"), ("Kursk", "Kursk")]),
    # whole words, case-sensitive: demonyms and lower-case words are not places
    ("Russian and Ukrainian officials discussed it with us.", []),
    ("Ukraine’s Dnipro was hit.", [("Ukraine", "Ukraine"), ("Dnipro", "Dnipro")]),
    # a name that needs context
    ("Michael Jordan scored.", []),
])
def test_places(text, expected):
    assert found(text, "place") == expected


@pytest.mark.parametrize("text, expected", [
    ("NATO and the EU met at the UN Security Council.",
     [("NATO", "NATO"), ("EU", "European Union"), ("UN Security Council", "UN Security Council")]),
    # acronym in parentheses, then the bare acronym
    ("Du Jin-ho, a scholar at the Korea Institute of Defense Analyses (KIDA), spoke. KIDA disagreed.",
     [("Korea Institute of Defense Analyses", "Korea Institute for Defense Analyses"),
      ("KIDA", "Korea Institute for Defense Analyses"), ("KIDA", "Korea Institute for Defense Analyses")]),
    ("He joined the Pacific Forum for Maritime Studies (PFMS) in May. PFMS grew.",
     [("Pacific Forum for Maritime Studies", "Pacific Forum for Maritime Studies"),
      ("PFMS", "Pacific Forum for Maritime Studies"), ("PFMS", "Pacific Forum for Maritime Studies")]),
    # capitalised names ending in an organisation word
    ("A researcher at the Korea Institute for National Unification said so.",
     [("Korea Institute for National Unification", "Korea Institute for National Unification")]),
    ("The Slovenian Ministry of Foreign Affairs and the Kyiv Polytechnic University agreed.",
     [("Slovenian Ministry of Foreign Affairs", "Slovenian Ministry of Foreign Affairs"),
      ("Kyiv Polytechnic University", "Kyiv Polytechnic University")]),
    # the possessor goes into the canonical name
    ("Russia’s Defense Ministry said the strike failed.", [("Defense Ministry", "Defense Ministry (Russia)")]),
    # not organisations: a weapon's full name with its acronym, a lone head word, a date after it
    ("Ukraine fired Multiple Launch Rocket Systems (MLRS) again.", []),
    ("The Ministry said nothing.", []),
    ("The Investigative Committee of Russia on Sunday opened a case.",
     [("Investigative Committee of Russia", "Investigative Committee of Russia")]),
    ("Officials from the MOD and British Army spoke.", [("British Army", "British Army")]),
])
def test_orgs(text, expected):
    assert found(text, "org") == expected


def test_people_come_from_names_and_skip_weapon_names():
    text = "Defense Minister Rustem Umerov met Yoon Suk Yeol in Seoul. Umerov asked for Storm Shadow missiles."
    got = found(text, "person")
    assert ("Rustem Umerov", "Rustem Umerov") in got
    assert ("Umerov", "Rustem Umerov") in got
    assert all("Storm" not in s for s, _ in got)


def test_overlaps_keep_the_longest_and_document_order():
    rows = entities("The Korea Institute for National Unification is in Seoul, South Korea.")
    assert [(r.surface, r.type) for r in rows] == [
        ("Korea Institute for National Unification", "org"), ("Seoul", "place"), ("South Korea", "place")]
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_nothing_from_chrome():
    text = "Advertisement: fly to Paris with NATO Airlines\nKyiv was quiet."
    rows = entities(text, chrome=[(0, text.index("\n"))])
    assert [r.surface for r in rows] == ["Kyiv"]
    assert rows[0].sent_id >= 0


def test_bare_and_qualified_org_names_merge_within_an_article():
    rows = entities("The Defense Ministry said so. Later Russia’s Defense Ministry denied it.")
    assert [(r.surface, r.name) for r in rows if r.type == "org"] == [
        ("Defense Ministry", "Defense Ministry (Russia)"), ("Defense Ministry", "Defense Ministry (Russia)")]
