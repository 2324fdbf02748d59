"""The packaged lexicons' data, on small made-up sentences: what an entry adds and what it keeps out.

These pin down decisions made in the YAML (newslens/lexicons/*.yaml), not the extractors' code:
which class a word belongs to, which neighbouring words turn a weapon word into something else,
which measure phrase names what a sum of money or a percentage is about, and which group nouns a
small number after "the" only points back to.
"""
import pytest

from newslens.figures import find_figures
from newslens.weapons import find_weapons


def mentions(text):
    return [(text[h.start:h.end], h.canonical, h.category) for h in find_weapons(text)]


def figures(text):
    """(surface, value, unit, counts) of each figure in one sentence."""
    return [(text[s:e], v, u, c) for s, e, v, u, c, _a, _cur in find_figures(text)]


# ---------------------------------------------------------------------------------------------
# weapons.yaml
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # bombers are their own class, not fighter jets; a suicide bomber is a person
    ("Russia used long-range bombers and fighter jets.",
     [("long-range bombers", "bomber", "aircraft"), ("fighter jets", "fighter jet", "aircraft")]),
    ("Giant bombers thundered overhead.", [("bombers", "bomber", "aircraft")]),
    ("Two suicide bombers struck the market.", []),
    # writers who do not capitalise a system's full name still name that system
    ("The US will send high mobility artillery rocket systems to Kyiv.",
     [("high mobility artillery rocket systems", "HIMARS", "artillery")]),
    ("It may get army tactical missile systems next.", [("army tactical missile systems", "ATACMS", "missile")]),
    ("They sent the High Mobility Artillery Rocket System (HIMARS).",
     [("High Mobility Artillery Rocket System", "HIMARS", "artillery"), ("HIMARS", "HIMARS", "artillery")]),
    # an anti-aircraft system or weapon is air defence in general, not a gun
    ("Slovakia got an American-made anti-aircraft system.", [("anti-aircraft system", "air defense system", "air_defense")]),
    ("Kyiv needs anti-aircraft weapons.", [("anti-aircraft weapons", "air defense system", "air_defense")]),
    ("They fired anti-aircraft guns.", [("anti-aircraft guns", "anti-aircraft gun", "air_defense")]),
    # drones that share a name with an armoured vehicle
    ("It includes hand-launched Puma drones and Puma infantry fighting vehicles.",
     [("Puma drones", "RQ-20 Puma", "drone"), ("Puma infantry fighting vehicles", "Puma", "armor")]),
    ("The package includes 15 ScanEagles.", [("ScanEagles", "ScanEagle", "drone")]),
    # biological weapons are not chemical weapons
    ("It accused Kyiv of developing biological weapons.", [("biological weapons", "biological weapons", "generic")]),
    ("Sarin and other chemical weapons were banned.",
     [("Sarin", "chemical weapons", "generic"), ("chemical weapons", "chemical weapons", "generic")]),
    ("The guided-missile cruiser sank.", [("guided-missile cruiser", "warship", "naval")]),
    # radars that find enemy guns belong to artillery warfare; anti-aircraft radars to air defence
    ("It sent counter-artillery radars and antiaircraft radars.",
     [("counter-artillery radars", "counter-battery radar", "artillery"),
      ("antiaircraft radars", "air defense radar", "air_defense")]),
    # irregular plurals and spellings the automatic plural does not make
    ("Japan held off on more anti-missile batteries and air defence batteries.",
     [("anti-missile batteries", "air defense system", "air_defense"),
      ("air defence batteries", "air defense system", "air_defense")]),
    ("A fire caused ammunitions to explode.", [("ammunitions", "ammunition", "ammunition")]),
    ("They dropped firebombs and submunitions under machine-gun fire.",
     [("firebombs", "bomb", "ammunition"), ("submunitions", "cluster munition", "ammunition"),
      ("machine-gun", "small arms", "generic")]),
    ("The US sent anti-radar missiles.", [("anti-radar missiles", "missile", "missile")]),
])
def test_weapon_classes(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize("text", [
    # a formation named after a weapon is not a mention of it
    "He served in a tank division near Kharkiv.",
    "The 64th separate motorised rifle brigade was accused of killing civilians.",
    "A commander of the 150th motor rifle division was killed.",
    "They trained with their tank unit.",
    # a storage tank
    "A Russian airstrike hit a nitric acid tank at the chemical plant.",
    # people named after a weapon
    "The BBC spoke to a Ukrainian air defence officer.",
    # a headline metaphor
    "Trump Just Fired A 5-Word Missile Directly At Hillary.",
    "He launched a six-word missile at his rival.",
])
def test_weapon_words_that_are_not_mentions(text):
    assert mentions(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russian tanks and a tank crew were hit.", ["tanks", "tank"]),
    ("Kalashnikov rifles were on sale.", ["Kalashnikov rifles"]),   # a named rifle with its class noun
    ("Ukraine's air defence shot down two drones.", ["air defence", "drones"]),
    ("The missile hit a school.", ["missile"]),
])
def test_weapon_words_that_stay_mentions(text, expected):
    assert [m[0] for m in mentions(text)] == expected


# ---------------------------------------------------------------------------------------------
# measures.yaml
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, surface, unit, counts", [
    # what a sum of money is about
    ("I got $660 billion in tax increases for the wealthy in the deal.", "$660 billion", "money", "taxes"),
    ("The UK imposed a £5bn windfall tax on oil producers.", "£5bn", "money", "taxes"),
    ("Clinton has raised $2.7 million from tech donors.", "$2.7 million", "money", "fundraising"),
    ("The average donation was $27.16.", "$27.16", "money", "fundraising"),
    ("The group has spent more than $1.1 million supporting him.", "$1.1 million", "money", "spending"),
    ("Hosts are offered a monthly payment of £350.", "£350", "money", "payments"),
    ("The plan would save a typical household €450 a year.", "€450", "money", "savings"),
    ("The house was bought in 2012 for £27.5m by a company.", "£27.5m", "money", "prices"),
    ("The village of Windlesham was bought for £27.5m.", "£27.5m", "money", "prices"),
    ("Students from families with incomes above $125,000 may borrow.", "$125,000", "money", "income"),
    ("Workers there earn $12 per hour.", "$12", "money", "salary"),
    ("He left college owing more than $90,000.", "$90,000", "money", "loans"),
    ("He drives to save 40 quid a week on fuel.", "40 quid", "money", "savings"),
    # a poll's "dead heat" is not a death toll
    ("Sanders came from 50 percentage points behind to a dead heat in Iowa.",
     "50 percentage points", "percent", "approval rating"),
    # what a percentage is about
    ("The poll has a margin of error of three percentage points.", "three percentage points", "percent", "margin of error"),
    ("The city's unemployment rate is 4.6 percent.", "4.6 percent", "percent", "unemployment"),
    ("Clinton is underwater at 41 percent favorable.", "41 percent", "percent", "approval rating"),
    ("He would need to win 65 percent of the remaining delegates.", "65 percent", "percent", "delegates"),
    ("The pledge was to reduce emissions 26 percent by 2025.", "26 percent", "percent", "emissions"),
    ("Russia's consumer price index rose 0.07% in the week.", "0.07%", "percent", "inflation"),
    ("Occidental shares rose more than 3.5% on Tuesday.", "3.5%", "percent", "shares"),
    # ... and what a bare number next to its measure counts
    ("Ted Cruz has 370 delegates and Kasich has 129.", "129", "count", "delegates"),
    # units of measure
    ("The larger ones are perhaps as big as 100 kilotons.", "100 kilotons", "other", "kilotons"),
    ("The bomb had a yield of 50 megatons.", "50 megatons", "other", "megatons"),
    ("She rents a 15,000 square-foot office.", "15,000 square-foot", "other", "square feet"),
    ("They lived in a 28 sq m room.", "28 sq m", "other", "square metres"),
])
def test_measures_name_what_a_figure_is_about(text, surface, unit, counts):
    found = [f for f in figures(text) if f[0] == surface]
    assert found and found[0][2:] == (unit, counts), figures(text)


@pytest.mark.parametrize("text, surface", [
    # words that look like a measure but are not one here
    ("Temperatures hovered near 100 degrees, and the heat index reached 109.", "109"),
    ("The US army has 2,645 tanks, and 44 of the army's stock are being upgraded.", "44"),
    ("With 35 at stake, Clinton will gain at least 18.", "35"),
    ("They played for nearly an hour, about 10,000 in an hour.", "10,000"),
])
def test_words_that_do_not_name_a_measure(text, surface):
    found = [f for f in figures(text) if f[0] == surface]
    assert found == [] or found[0][3] is None, found


@pytest.mark.parametrize("text", [
    # a small number after "the"/"these"/a possessive only points back to a group already named
    "The two regions make up the Donbas.",
    "The two cities sit on either side of the river.",
    "Neither of the two finalists agreed.",
    "Kyiv condemned the trial of the two Britons.",
    "The three suspects denied the charge.",
    "Obama won new voters in his two campaigns.",
    "The contest between the two campaigns will be decided by delegates.",
])
def test_small_numbers_that_point_back_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, surface", [
    # ... but the same nouns with a count of their own are figures
    ("Moscow put two Britons, Aiden and Shaun, on trial.", "two Britons"),
    ("Russia struck 12 cities overnight.", "12 cities"),
    ("The 40 regions reported losses.", "40 regions"),
    ("Three suspects were arrested.", "Three suspects"),
])
def test_counted_group_nouns_stay_figures(text, surface):
    assert [f[0] for f in figures(text)] == [surface]
