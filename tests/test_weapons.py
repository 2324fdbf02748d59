"""Weapon mentions: lexicon names and classes, case and boundary rules, one mention per name."""
import pytest

from newslens.lexicons import LexiconError
from newslens.model import Article
from newslens.sentences import split_sentences
from newslens.weapons import alias_variants, build_matcher, extract_weapons, find_arms_terms, find_weapons


def mentions(text):
    return [(text[h.start:h.end], h.canonical, h.category, h.specific) for h in find_weapons(text)]


def surfaces(text):
    return [text[h.start:h.end] for h in find_weapons(text)]


@pytest.mark.parametrize("text, expected", [
    # a named system with its class noun is one mention; counts and origin are not part of it
    ("Ukraine fired six U.S.-supplied ATACMS missiles.", [("ATACMS missiles", "ATACMS", "missile", True)]),
    ("London sent Storm Shadow cruise missiles.", [("Storm Shadow cruise missiles", "Storm Shadow", "missile", True)]),
    ("Seoul showed FA-50 fighter jets.", [("FA-50 fighter jets", "FA-50", "aircraft", True)]),
    # ... also through surveillance/interceptor modifiers
    ("Israel's costly Iron Dome interceptor missiles ran low.",
     [("Iron Dome interceptor missiles", "Iron Dome", "air_defense", True)]),
    ("The navy flew Scan Eagle surveillance drones.",
     [("Scan Eagle surveillance drones", "ScanEagle", "drone", True)]),
    ("Crews used Switchblade hand-launched drones and Patriot interceptors.",
     [("Switchblade hand-launched drones", "Switchblade", "drone", True),
      ("Patriot interceptors", "Patriot", "air_defense", True)]),
    ("Troops fire a 2S5 self-propelled 152mm howitzer.",
     [("2S5 self-propelled 152mm howitzer", "2S5 Giatsint-S", "artillery", True)]),
    # a full name and its acronym are two mentions
    ("It launched Army Tactical Missile Systems (ATACMS) at Russia.",
     [("Army Tactical Missile Systems", "ATACMS", "missile", True), ("ATACMS", "ATACMS", "missile", True)]),
    ("Russia fired an intermediate-range ballistic missile (IRBM) at Dnipro.",
     [("intermediate-range ballistic missile", "IRBM", "missile", False), ("IRBM", "IRBM", "missile", False)]),
    # ... and the class noun after an appositive acronym is the head of that name, not a mention
    ("It authorized the Army Tactical Missile System, or ATACMS, missiles on targets.",
     [("Army Tactical Missile System", "ATACMS", "missile", True), ("ATACMS", "ATACMS", "missile", True)]),
    # calibres
    ("Seoul lent 500,000 rounds of 155mm artillery shells.",
     [("155mm artillery shells", "155mm artillery shell", "ammunition", True)]),
    ("They need 155-millimeter shells and 152 mm rounds.",
     [("155-millimeter shells", "155mm artillery shell", "ammunition", True),
      ("152 mm rounds", "152mm artillery shell", "ammunition", True)]),
    # classes
    ("It wants anti-aircraft missiles and artillery systems.",
     [("anti-aircraft missiles", "anti-aircraft missile", "air_defense", False),
      ("artillery systems", "artillery", "artillery", False)]),
    ("Lists could include antiaircraft radars, interceptors and mortars.",
     [("antiaircraft radars", "air defense radar", "air_defense", False),
      ("interceptors", "interceptor", "air_defense", False), ("mortars", "mortar", "artillery", False)]),
    ("Russia launched 188 drones; a key air defense system was hit.",
     [("drones", "drone", "drone", False), ("air defense system", "air defense system", "air_defense", False)]),
    ("Pyongyang conducted missile tests and built nuclear weapons.",
     [("missile", "missile", "missile", False), ("nuclear weapons", "nuclear weapons", "nuclear", False)]),
    ("Manufacturers showed rocket launchers, tanks and howitzers.",
     [("rocket launchers", "rocket launcher", "artillery", False), ("tanks", "tank", "armor", False),
      ("howitzers", "howitzer", "artillery", False)]),
])
def test_mentions(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize("text, expected", [
    # generic arms words are not mentions
    ("Seoul may provide weapons, arms, lethal aid and military hardware.", []),
    ("The weaponry and equipment arrived.", []),
    # case: proper names match only as written
    ("The tor browser and the buk stall.", []),
    ("Russia moved Tor and Buk air defense systems.", ["Tor", "Buk air defense systems"]),
    # word boundaries and look-alikes
    ("A patriotic crowd passed the Patriot Act.", []),
    ("Ukraine asked for more Patriot batteries.", ["Patriot batteries"]),
    ("A think tank said a fuel tank leaked.", []),
    ("Tanks rolled in; a tank was hit.", ["Tanks", "tank"]),
    ("The Missile Technology Control Regime limits exports.", []),
    ("He spoke at the U.S. Missile Defense Agency.", []),
    ("Royal Dutch Shell shares fell.", []),
    # after a colon or an opening quote a capitalised class word starts a clause...
    ("It was too much for Ivanov: Rocket fire struck near his home.", ["Rocket"]),
    ('He said: "Missiles hit the city."', ["Missiles"]),
    ("She said “Tanks are coming” today.", ["Tanks"]),
    # ... unless the next word is capitalised too, which makes it a name again
    ("He said: Missile Defense Agency staff left.", []),
    ('It cited "Rocket Lab" and Tank Street.', []),
    ("They bought anti-tank weapons.", ["anti-tank weapons"]),
    ("It sent anti-tank systems and a Next Generation Light Anti-tank Weapon (NLAW).",
     ["anti-tank systems", "Next Generation Light Anti-tank Weapon", "NLAW"]),
    ("They held an anti-tank position near a next generation light weapon store.", []),
    ("Counter-drone teams and anti-drone guns deployed.", []),
    # names that are also surnames or words need context
    ("Stacey Abrams spoke in Atlanta.", []),
    ("Washington will send 31 Abrams to Kyiv, tank crews said.", ["Abrams", "tank"]),
    ("Berlin approved Abrams tanks and Leopard 2 tanks.", ["Abrams tanks", "Leopard 2 tanks"]),
    ("A study in The Lancet found more deaths.", []),
    ("A Lancet drone hit a howitzer.", ["Lancet drone", "howitzer"]),
    ("Neptune is the eighth planet.", []),
    ("The Moskva was hit by two Neptune anti-ship missiles.", ["Neptune anti-ship missiles"]),
    ("K2 is the world's second-highest mountain.", []),
    # a modifier with no class noun after it stays outside the name
    ("Iron Dome interceptor crews and Scan Eagle surveillance flights.", ["Iron Dome interceptor", "Scan Eagle"]),
    # British spellings of acronyms and plurals
    ("The UK sent Nlaws and Himars; Germany sent Iris-T.", ["Nlaws", "Himars", "Iris-T"]),
    ("Ukraine got F-16s and Shahed-136 drones hit Kyiv.", ["F-16s", "Shahed-136 drones"]),
    ("Air defences downed Su‑34 jets.", ["Air defences", "Su‑34 jets"]),   # non-breaking hyphen
    # bare class words with their look-alikes
    ("Russia shells Kharkiv again; shells fell on homes.", ["shells"]),
    ("Glide bombs and bombs hit the city; a car bomb and pipe bombs did not.", ["Glide bombs", "bombs"]),
    ("Russian jets struck; private jets and business jets left.", ["jets"]),
    ("He shells out cash for Shell.", []),
    # metaphors and names from politics pages
    ("It gave fresh ammunition to Republicans; the store went bricks and mortar.", []),
    ("He tried to torpedo the deal, said the Tea Party Patriots on SiriusXM Patriot.", []),
    ("Ukraine needs more ammunition and Patriot missiles; a Patriot battery arrived.",
     ["ammunition", "Patriot missiles", "Patriot battery"]),
    ("The Boston Marathon bomber was tried; Russian bombers flew.", ["bombers"]),
    # (audit rules)
    # a bare singular 'shell' or 'bomb' is the weapon after a determiner or a war adjective...
    ("A Russian shell fell on a house; one shell hit the school.", ["shell", "shell"]),
    ("The area was hit by a shell and an errant shell hit the dome.", ["shell", "shell"]),
    ("Russian forces dropped a bomb on the school; a bomb hit a hospital.", ["bomb", "bomb"]),
    ("Every Russian bomb that falls counts.", ["bomb"]),
    # ... not the verb, the husk, the company, the shelter or the terror bomb
    ("Russia continued to shell the city; they shell villages.", []),
    ("Only the shell of a home remained; their home is only a shell now.", []),
    ("Troops who shell Kharkiv; a shell company; shell-damaged flats.", []),
    ("People slept in a bomb shelter after a bomb threat.", []),
    ("A bomb planted in the car exploded; a bomb-ravaged hospital.", []),
    ("The Shell deal; Shell said profits rose.", []),
    # a capital after a full stop the splitter missed starts a clause; after "U.S." it does not
    ('"The blasts are strong. Ammunition is strewn around," he said.', ["Ammunition"]),
    ("He worked at the U.S. Missile Defense Agency.", []),
    # a class word aimed at an economy is a figure of speech
    ("Hungary called the ban an \"atomic bomb\" for its economy.", []),
    ("It compared the embargo to dropping a nuclear bomb on Hungary's economy.", []),
    ("Bombs fell on the market; Russia dropped an atomic bomb in the film.", ["Bombs", "atomic bomb"]),
    # a car's fuel tank is not armour
    ("Filling up the tank of a car costs more; a 55-litre tank of diesel; my car's tank.", []),
    ("Russia filled the field with tanks.", ["tanks"]),
    # designations are written with or without a hyphen
    ("South Korean K-9 self-propelled howitzers and K9 Thunder guns fired.",
     ["K-9 self-propelled howitzers", "K9 Thunder guns"]),
    # a name keeps its class noun through 'personnel', 'assault', 'coastal defence'
    ("They hit a BTR-80 armoured personnel carrier with a Kalashnikov assault rifle.",
     ["BTR-80 armoured personnel carrier", "Kalashnikov assault rifle"]),
    ("Two Harpoon coastal defence systems arrived.", ["Harpoon coastal defence systems"]),
    ("A sculpture of Mikhail Kalashnikov; the Kalashnikov Concern; old Kalashnikovs.", ["Kalashnikovs"]),
    # directed-energy weapons
    ("Russia claims laser weapons such as Zadira work; Israel's Iron Beam laser too.",
     ["laser weapons", "Zadira", "Iron Beam"]),
    ("Zadira is a village; Peresvet was a monk.", []),
    ("Tanks and infantry carriers rolled past a thermonuclear weapon.",
     ["Tanks", "infantry carriers", "thermonuclear weapon"]),
    # a class word with a capitalised word after it is a name, at a sentence's start too,
    # unless the whole sentence is a title-case headline
    ("Rocket Lab said; Putin alerted the Strategic Rocket Forces on Sunday.", []),
    ("Missile Defense Agency officials said so.", []),
    ("Drone Racing League events grew; Rocket Man played.", []),
    ("Missiles Hit Kyiv Overnight", ["Missiles"]),
    ("Drones, Ukraine said, hit Moscow.", ["Drones"]),
    ("Russia moved its rocket forces; rockets fell.", ["rockets"]),
    # idioms of political pages (PolNeAR check)
    ("The group became a shell of itself; he is a bomb-thrower.", []),
    ("She backed shotgun marriages and rode shotgun; he won an engraved shotgun.", ["shotgun"]),
    ("Helicopter parents, helicopter money and a helicopter shuttle service; a news helicopter.", []),
    ("Russian helicopters attacked; a helicopter was shot down.", ["helicopters", "helicopter"]),
    ("North Korea tested a hydrogen bomb, or H-bomb.", ["hydrogen bomb", "H-bomb"]),
    # named systems added from a list of what 2022-25 war news names; surnames and other
    # senses need a class word next to them or in the sentence
    ("Britain sent 95 Warrior armoured vehicles and Mastiff patrol vehicles.",
     ["Warrior armoured vehicles", "Mastiff patrol vehicles"]),
    ("Frédéric Leclerc-Imhoff died when shrapnel pierced the vehicle's armour.", []),
    ("France has Leclerc tanks; a Boxer won the fight.", ["Leclerc tanks"]),
    ("Israel fields David’s Sling, Arrow 3 and SM-3 interceptors.",
     ["David’s Sling", "Arrow 3", "SM-3 interceptors"]),
    ("Top Gun: Maverick opened; a spike in prices.", []),
    ("The US sent GMLRS rockets, Hellfire missiles and depleted uranium rounds.",
     ["GMLRS rockets", "Hellfire missiles", "depleted uranium rounds"]),
    ("Denmark sent Piranha III wheeled armoured personnel carriers and M270 tracked launchers.",
     ["Piranha III wheeled armoured personnel carriers", "M270 tracked launchers"]),
    ("The PM flew on a Chinook helicopter past a Black Hawk helicopter.",
     ["Chinook helicopter", "Black Hawk helicopter"]),
    ("North Korea fired a Scud and Nodong missiles; Iran showed the Kheibar Shekan.",
     ["Scud", "Nodong missiles", "Kheibar Shekan"]),
    ("China paraded DF-41 missiles and J-20 jets; B61 bombs are stored in Europe.",
     ["DF-41 missiles", "J-20 jets", "B61 bombs"]),
    ("He took the Sapsan train; a trident fork; Abdel Fattah el-Sisi; the S-70 route.", []),
    ("Ukraine fired its Sapsan ballistic missile and a Palianytsia missile-drone.",
     ["Sapsan ballistic missile", "Palianytsia missile-drone"]),
    # class acronyms and spelled-out classes; Humvees and MRAPs are not MaxxPros
    ("It tested an SLBM (submarine-launched ballistic missile), an ALCM and UCAVs.",
     ["SLBM", "submarine-launched ballistic missile", "ALCM", "UCAVs"]),
    ("It sent mine-resistant, ambush-protected vehicles known as MRAPs, and Humvees.",
     ["mine-resistant, ambush-protected vehicles", "MRAPs", "Humvees"]),
    # one system per canonical; a context word is never the alias itself
    ("Black Panther: Wakanda Forever opened; a Warthog grazed.", []),
    # a rocket beside NASA or astronauts is space flight; one "into space" is still news of a missile
    ("NASA lets astronauts keep riding Russian rockets.", []),
    ("North Korea launched a long-range rocket into space.", ["rocket"]),
    # two names of one system side by side are one mention; a comma or bracket makes two
    ("Ukraine used MGM-140 Army Tactical Missile Systems, also known as ATACMS.",
     ["MGM-140 Army Tactical Missile Systems", "ATACMS"]),
    ("The US sends the M142 High Mobility Artillery Rocket System (HIMARS) and the Armata T-14 tank.",
     ["M142 High Mobility Artillery Rocket System", "HIMARS", "Armata T-14 tank"]),
    ("It sent ATACMS, HIMARS and Storm Shadow SCALP missiles.", ["ATACMS", "HIMARS", "Storm Shadow", "SCALP missiles"]),
    # fourth sample: full names, bazookas, anti-aircraft vehicles, guided calibre shells, Su-33
    ("the Norwegian Advanced Surface-to-Air Missile System, or NASAMS",
     ["Norwegian Advanced Surface-to-Air Missile System", "NASAMS"]),
    ("It gave anti-aircraft vehicles and short-range anti-tank bazookas; Su-33 jets burned.",
     ["anti-aircraft vehicles", "anti-tank bazookas", "Su-33 jets"]),
    ("The Excalibur is a 155 mm precision-guided artillery shell.", ["Excalibur", "155 mm precision-guided artillery shell"]),
    # second audit: more modifiers and head nouns a name keeps; a name a longer class mention
    # overlaps keeps its bare span
    ("Berlin sends Gepard defensive tanks, not Marder offensive tanks.",
     ["Gepard defensive tanks", "Marder offensive tanks"]),
    ("The Caesar self-propelled artillery and 12 AS90 artillery pieces arrived.",
     ["Caesar self-propelled artillery", "AS90 artillery pieces"]),
    ("India bought the S-400 missile defence system.", ["S-400 missile defence system"]),
    ("M777 and FH70 howitzers fired Soviet 152mm standard shells.",
     ["M777", "FH70 howitzers", "152mm standard shells"]),
    ("Troops with a shotgun; long-range multiple launcher systems.", ["shotgun", "multiple launcher systems"]),
])
def test_rules_and_negatives(text, expected):
    assert surfaces(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a class modifier coordinated with the one that opens a mention shares its head noun;
    # spans stay contiguous, so the first mention is just the modifier
    ("Kyiv wants anti-tank and anti-aircraft missile systems.",
     [("anti-tank", "anti-tank missile", "missile"), ("anti-aircraft missile systems", "anti-aircraft missile", "air_defense")]),
    ("Russia fired ballistic and cruise missiles.",
     [("ballistic", "ballistic missile", "missile"), ("cruise missiles", "cruise missile", "missile")]),
    ("It sent anti-tank or surface-to-air missiles.",
     [("anti-tank", "anti-tank missile", "missile"), ("surface-to-air missiles", "anti-aircraft missile", "air_defense")]),
    # not a class modifier, or the lexicon has nothing for modifier + head: nothing added
    ("Pro-Russian and anti-aircraft missiles were seen.", [("anti-aircraft missiles", "anti-aircraft missile", "air_defense")]),
    ("Tanks and anti-aircraft missiles arrived.",
     [("Tanks", "tank", "armor"), ("anti-aircraft missiles", "anti-aircraft missile", "air_defense")]),
    ("Left-wing and anti-war groups marched past anti-aircraft guns.", [("anti-aircraft guns", "anti-aircraft gun", "air_defense")]),
    # (suspended hyphens)
    # a suspended first part ("short-") stands for its own compound with the shared head
    ("Russia fired short- and medium-range missiles.",
     [("short-", "missile", "missile"), ("medium-range missiles", "missile", "missile")]),
    ("It has short-, medium- and long-range missiles.",
     [("short-", "missile", "missile"), ("medium-", "missile", "missile"),
      ("long-range missiles", "missile", "missile")]),
    # a suspended part the lexicon cannot combine with the head adds nothing
    ("Low- and middle-income homes were hit by missiles.", [("missiles", "missile", "missile")]),
    ("Pro- and anti-aircraft guns.", [("anti-aircraft guns", "anti-aircraft gun", "air_defense")]),
    # a hyphenated class modifier before a head it cannot take stands for modifier + weapons
    ("They vowed to send artillery, anti-tank and air defence aid.",
     [("artillery", "artillery", "artillery"), ("anti-tank", "anti-tank missile", "missile"),
      ("air defence", "air defense system", "air_defense")]),
    ("Left-wing and air defence systems were debated.",
     [("air defence systems", "air defense system", "air_defense")]),
])
def test_coordinated_modifiers(text, expected):
    assert [(text[h.start:h.end], h.canonical, h.category) for h in find_weapons(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia moved T-62 tanks and MT-LB carriers; B-1B Lancer flights.",
     [("T-62 tanks", "T-62"), ("MT-LB carriers", "MT-LB"), ("B-1B Lancer", "B-1B Lancer")]),
    ("It fired a Kh-35 and Kh-31 missiles; a Gray Eagle and a Sea Baby flew.",
     [("Kh-35", "Kh-35"), ("Kh-31 missiles", "Kh-31"), ("Gray Eagle", "MQ-1C Gray Eagle"), ("Sea Baby", "Sea Baby")]),
    ("The US sent Humvees; Poland bought K2 Black Panther tanks.",
     [("Humvees", "Humvee"), ("K2 Black Panther tanks", "K2 Black Panther")]),
])
def test_canonical_is_the_system_named(text, expected):
    assert [(text[h.start:h.end], h.canonical) for h in find_weapons(text)] == expected


@pytest.mark.parametrize("alias, expected", [
    ("anti-aircraft missile", {"anti-aircraft missile", "anti aircraft missile", "antiaircraft missile"}),
    ("air defense", {"air defense", "air defence"}),
    ("K9", {"K9", "K-9"}),
    ("M777", {"M777", "M-777"}),
])
def test_alias_variants(alias, expected):
    assert expected <= alias_variants(alias, plural=False)
    assert {f + "s" for f in expected} <= alias_variants(alias, plural=True)


def test_overlaps_resolve_longest_then_earliest():
    entries = [{"canonical": "a b", "category": "drone", "specific": False, "aliases": ["a b"]},
               {"canonical": "b c", "category": "drone", "specific": False, "aliases": ["b c"]},
               {"canonical": "b c d", "category": "drone", "specific": False, "aliases": ["b c d"]}]
    m = build_matcher(entries)
    text = "x a b c d y a b c y"
    got = [(h.start, text[h.start:h.end]) for h in find_weapons(text, matcher=m)]
    # "b c d" beats the overlapping "a b" (longer); "a b" beats "b c" (same length, earlier)
    assert got == [(4, "b c d"), (12, "a b")]


def test_same_alias_in_two_entries_is_rejected():
    entries = [{"canonical": "X", "category": "drone", "aliases": ["Foo-1"]},
               {"canonical": "Y", "category": "drone", "aliases": ["Foo 1"]}]
    with pytest.raises(LexiconError, match=r"entry #1 \('Y'\): alias form 'Foo 1' already belongs to entry #0"):
        build_matcher(entries)


def test_extract_skips_chrome_and_slices_exactly():
    text = "Ukraine fired ATACMS missiles.\nAdvertisement: buy drones now\nTanks moved."
    ad = text.index("Advertisement")
    article = Article(doc_id="d", path="d.txt", text=text, chrome=((ad, text.index("\nTanks")),))
    rows = extract_weapons(article, split_sentences(article))
    assert [r.surface for r in rows] == ["ATACMS missiles", "Tanks"]
    for r in rows:
        assert text[r.start:r.end] == r.surface
    assert rows[0].sent_id < rows[1].sent_id


@pytest.mark.parametrize("text, expected", [
    ("Seoul may send defensive weapons and lethal aid, not arms.",
     ["defensive weapons", "lethal aid", "arms"]),
    ("No weaponry.", ["weaponry"]),
    ("The firearms and warmth.", []),
])
def test_arms_terms(text, expected):
    assert [t for _, _, t in find_arms_terms(text)] == expected
