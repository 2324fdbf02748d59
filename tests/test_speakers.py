"""Speaker resolution inside one article (newslens.speakers.SpeakerResolver): titles, descriptors
with a name in apposition, role noun phrases, pronouns. Each case is a small made-up article and
a mention at a given occurrence; the quote grammar is not involved."""
from __future__ import annotations

import pytest

from newslens.model import Article
from newslens.quotes import _WHO_ANTECEDENT
from newslens.sentences import split_sentences
from newslens.speakers import SpeakerResolver


def _resolver(text: str) -> SpeakerResolver:
    art = Article("d", "d.txt", text)
    return SpeakerResolver(art, split_sentences(art), who_antecedent=_WHO_ANTECEDENT)


def _pos(text: str, mention: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(mention, pos + 1)
    return pos


@pytest.mark.parametrize("text, mention, speaker", [
    # titles, ranks and descriptors are not part of the canonical name
    ("Luhansk Gov. Serhiy Haidai said the city held.", "Luhansk Gov. Serhiy Haidai", "Serhiy Haidai"),
    ("Brigadier Justin Stenhouse said the line held.", "Brigadier Justin Stenhouse", "Justin Stenhouse"),
    ("Ukraine's parliament speaker Ruslan Stefanchyk said it mattered.",
     "Ukraine's parliament speaker Ruslan Stefanchyk", "Ruslan Stefanchyk"),
    ("Tobias Ellwood MP said it was late.", "Tobias Ellwood MP", "Tobias Ellwood"),
    # a title with a surname is the full name the article uses
    ("Phillips O'Brien is a professor. Later Prof O'Brien says more.", "Prof O'Brien", "Phillips O'Brien"),
    ("Iryna Abramova lost her husband. His wife Iryna said he was taken.", "His wife Iryna", "Iryna Abramova"),
    ("Sergei Lavrov arrived. Later Lavrov said the talks failed.", "Later Lavrov", "Sergei Lavrov"),
    # bodies and noun phrases that are not one person stay as written
    ("The ministry said the plan was ready.", "The ministry", "The ministry"),
    ("The family of Mr Pinner said he was a hero.", "The family of Mr Pinner", "The family of Mr Pinner"),
    ("The UK's former Brexit minister said no.", "The UK's former Brexit minister", "The UK's former Brexit minister"),
])
def test_mention_to_canonical_name(text, mention, speaker):
    r = _resolver(text)
    assert r.resolve(mention, _pos(text, mention))[0] == speaker


@pytest.mark.parametrize("text, mention, speaker, role", [
    ("The city’s mayor, Oleksandr Striuk, confirmed that troops had advanced.",
     "The city’s mayor", "Oleksandr Striuk", "The city’s mayor"),
    ("Senegal's president, Macky Sall, who chairs the union, said the worst was ahead.",
     "Senegal's president", "Macky Sall", "Senegal's president"),
    ("Her nephew, 15-year-old Vlad, said he thinks a lot.", "Her nephew", "Vlad", "Her nephew"),
    ("The Ukrainian mayor of Melitopol, Ivan Fedorov, said it was over.", "The Ukrainian mayor of Melitopol",
     "Ivan Fedorov", "The Ukrainian mayor of Melitopol"),
    ("Her Finnish counterpart, Sanna Marin, agreed.", "Her Finnish counterpart", "Sanna Marin",
     "Her Finnish counterpart"),
    # a body in apposition is no person
    ("The company, Gazprom Neft, said it would pay.", "The company", "The company", None),
    ("It means everything, said the surgeon, Yuriy Shylenko. He smiled.", "the surgeon", "Yuriy Shylenko",
     "the surgeon"),
    # no name in apposition: the descriptor stays the speaker
    ("The city’s mayor, who was elected in May, said the troops had advanced.",
     "The city’s mayor", "The city’s mayor", None),
    ("The ministry, Ukraine said, was wrong.", "The ministry", "The ministry", None),
])
def test_appositive_name_is_the_speaker_and_the_descriptor_the_role(text, mention, speaker, role):
    r = _resolver(text)
    # the attribution clause hands the appositive in as its role, as newslens.quotes does
    appositive = text[text.index(",") + 2:].split(",")[0] if speaker != mention else None
    got_speaker, got_role = r.attribute(mention, _pos(text, mention), appositive)
    assert got_speaker == speaker
    if role is not None:
        assert got_role == role


@pytest.mark.parametrize("text, mention, speaker", [
    ("Russian President Vladimir Putin met US President Joe Biden. Later the Russian president said no.",
     "the Russian president", "Vladimir Putin"),
    ("US President Joe Biden spoke. The president added that nothing was off the table.",
     "The president", "Joe Biden"),
    ("British Foreign Secretary Liz Truss flew in. The foreign secretary said it was time.",
     "The foreign secretary", "Liz Truss"),
    # a modifier no role carries: not the other president
    ("US President Joe Biden spoke. Senegal's president said food was short.",
     "Senegal's president", "Senegal's president"),
    # a body's own name is not a role
    ("Dmitry Medvedev is deputy chairman of the Security Council. The Security Council said no.",
     "Security Council", "Security Council"),
    # vague or plural heads are not resolved to one named person
    ("Jane Smith, an official at the ministry, spoke. The official said it was over.",
     "The official", "The official"),
    ("Defence Minister Oleksii Reznikov spoke. The ministers said little.", "The ministers", "The ministers"),
])
def test_role_noun_phrase_resolution(text, mention, speaker):
    r = _resolver(text)
    assert r.resolve(mention, _pos(text, mention))[0] == speaker


@pytest.mark.parametrize("text, nth, speaker", [
    # the object of "according to" is a new candidate, and gender rules out the last speaker
    ("Councillor James Jamieson said it was hard. Choosing a town is tricky, according to Sara Nathan, "
     "who hosted refugees. People want cities, she says.", 0, "Sara Nathan"),
    # an inverted "said X," introduces X
    ("The war is long, said Frank Ledwidge, a visiting fellow. It will go on, he said.", 0, "Frank Ledwidge"),
    # a descriptor subject of a speech verb
    ("Rebecca Nicol said they were safe. A Scottish government spokesman said it was working with "
     "councils. A small group volunteered, he said.", 0, "A Scottish government spokesman"),
    # a possessive descriptor before the name does not hide the subject
    ("In one dramatic moment, the victim's widow Kateryna Shelipova confronted him. Why, she asked.",
     0, "Kateryna Shelipova"),
    # a given name alone as a subject, of the pronoun's gender, beats an earlier speaker
    ("Anatoly Petrov said it was loud. Valya has lived next to the site since she was born. "
     "The blast knocked her down. I was so scared, she told us.", 0, "Valya"),
    ("Olena Kovalenko said it was loud. Valya has lived next to the site for years. "
     "I was so scared, he said.", 0, None),
    # no person of that gender in reach: no guess
    ("Hillary Clinton spoke on Monday. The plan is fine, he said.", 0, None),
    # a sentence-initial adverb with "I" is not a person
    ("Now I know the truth, he said.", 0, None),
])
def test_pronoun_antecedents(text, nth, speaker):
    r = _resolver(text)
    pronoun = next(p for p in (" she ", " he ") if p in text).strip()
    assert r.resolve(pronoun, _pos(text, " " + pronoun + " ", nth) + 1)[0] == speaker


def test_said_before_a_clause_does_not_make_its_subject_a_candidate():
    text = ("Prime Minister Ranil Wickremesinghe said Sri Lanka would buy oil. "
            "We may have to go to Russia again, he said.")
    r = _resolver(text)
    assert r.resolve("he", _pos(text, " he ") + 1)[0] == "Ranil Wickremesinghe"


def test_photo_credit_name_is_not_an_antecedent():
    text = ("Urmas Reinsalu spoke on Tuesday. (AP Photo/Sergei Grits) They have to wake up, he said.")
    r = _resolver(text)
    assert r.resolve("he", _pos(text, " he ") + 1)[0] == "Urmas Reinsalu"


def test_attribute_records_speakers_for_later_pronouns():
    text = "Gen Mark Milley said it mattered. It is important, he said."
    r = _resolver(text)
    speaker, role = r.attribute("Gen Mark Milley", 0)
    assert (speaker, role) == ("Mark Milley", "Gen")
    assert r.speakers[-1][1] == "Mark Milley"
    assert r.resolve("he", _pos(text, " he ") + 1)[0] == "Mark Milley"


def test_attribute_drops_honorifics_from_roles():
    text = "Labour leader Sir Keir Starmer said it was wrong. Ms Jane Doe agreed."
    r = _resolver(text)
    assert r.attribute("leader Sir Keir Starmer", _pos(text, "leader")) == ("Keir Starmer", "leader")
    assert r.attribute("Ms Jane Doe", _pos(text, "Ms Jane")) == ("Jane Doe", None)


@pytest.mark.parametrize("text, mention, speaker", [
    # a bare definite descriptor refers back like a pronoun when no recorded role fits
    ("Boris Bondarev resigned on Monday. In the letter, the 41-year-old said the war was witless.",
     "the 41-year-old", "Boris Bondarev"),
    ("Dmitry Muratov was attacked on a train. My eyes are burning, said the editor.", "the editor",
     "Dmitry Muratov"),
    # an office refers back to the one person named just before (newslens.speakers._nearby_person)
    ("Relations are beyond repair, Boris Johnson has said. The prime minister said he saw no way back.",
     "The prime minister", "Boris Johnson"),
    ("Mr Mason said the price had risen. Sean Mason grows potatoes. It is colossal, the farmer said.",
     "the farmer", "Sean Mason"),
    ("An elderly resident, Oleksandr Lyakhovets, lost his flat. It is a horror, the 67-year-old said.",
     "the 67-year-old", "Oleksandr Lyakhovets"),
    # kin and youth nouns are someone's relation, often unnamed
    ("Seventeen-year-old Andrii Petrenko has waited two months. I feel forgotten, said the teenager.",
     "the teenager", "the teenager"),
    # "the woman", "the man": too often someone new; someone introduced without a name is meant
    ("Olena Kovalenko fled in March. It is hard, the woman said.", "the woman", "the woman"),
    ("Marco Rubio spoke. At a drugstore, a middle-aged cashier was shaken. It is bad, said the teenager.",
     "the teenager", "the teenager"),
    # an unnamed source introduced just before stays unnamed
    ("Joe Biden spoke on Monday. A White House spokesperson said later that talks went on. "
     "We are concerned, said the spokesperson.", "the spokesperson", "the spokesperson"),
    # a modifier the roles do not carry, and vague nouns, are not guessed
    ("US President Joe Biden spoke on Monday. The Ukrainian president said no.", "The Ukrainian president",
     "The Ukrainian president"),
    ("Joe Biden spoke on Monday. The official said no.", "The official", "The official"),
    # a photo credit is no speaker
    ("A man walks by. (AP Photo) It was cold, AP Photo said.", "AP Photo", None),
])
def test_anaphoric_descriptors(text, mention, speaker):
    r = _resolver(text)
    assert r.resolve(mention, _pos(text, mention))[0] == speaker


def test_particle_surname_is_a_form_of_the_full_name():
    text = "Ursula von der Leyen arrived. Von der Leyen said the EU was ready."
    r = _resolver(text)
    assert r.resolve("Von der Leyen", _pos(text, "Von der"))[0] == "Ursula von der Leyen"


@pytest.mark.parametrize("text, name, sign", [
    # a pronoun right after a quotation is its speaker's, not the name's before it
    ("Xi Jinping, China's president, “will not stop threatening Taiwan,” she said.", "Xi Jinping", 0),
    ("Xi Jinping spoke on Monday and he said little.", "Xi Jinping", 1),
    ("Susan Collins arrived and she spoke first.", "Susan Collins", -1),
])
def test_gender_evidence_skips_pronouns_after_a_quotation(text, name, sign):
    r = _resolver(text)
    assert r.gender.get(name, 0) == sign


def test_honorific_settles_gender_over_pronouns_counted_nearby():
    text = ("Lilya fled with her son. She got in contact with Rhodri Cotterell and she was relieved. "
            "Mr Cotterell asked for help. This family has suffered, he said.")
    r = _resolver(text)
    assert r.resolve("he", _pos(text, " he ") + 1)[0] == "Rhodri Cotterell"


@pytest.mark.parametrize("text, speaker", [
    # a name inside the quotation is not the descriptor's antecedent
    ("Melania Trump spoke about her husband Donald J. Trump on Monday. She praised him at length.\n"
     "“Donald is, and always has been, an amazing leader,” said the 46-year-old.", "Melania Trump"),
    # an age given with a name settles who "the 46-year-old" is
    ("Donald Trump spoke first. Melania Trump, 46, followed him on stage.\n"
     "“He is an amazing leader,” said the 46-year-old.", "Melania Trump"),
])
def test_age_descriptors(text, speaker):
    from newslens.quotes import extract_quotes
    from newslens.sentences import split_sentences
    art = Article("t", "t", text)
    assert extract_quotes(art, split_sentences(art))[-1].speaker == speaker
