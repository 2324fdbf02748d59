"""Speaker resolution through the quote extractor: small made-up articles whose last quotation
is attributed to a descriptor, a pronoun or a body, and the `speaker` it must resolve to (or
stay as written, when the text does not settle who it is)."""
from __future__ import annotations

import pytest

from newslens.model import Article
from newslens.quotes import extract_quotes
from newslens.sentences import split_sentences


def last_speaker(text: str) -> str | None:
    art = Article("t", "t.txt", text)
    quotes = extract_quotes(art, split_sentences(art))
    assert quotes, text
    return quotes[-1].speaker


@pytest.mark.parametrize("text, speaker", [
    # (descriptor refers to the one person named before)
    # an office or trade descriptor refers back to the one person named just before
    ("Emmanuel Macron spoke in Paris on Monday. “We must not humiliate Russia,” the French president said.",
     "Emmanuel Macron"),
    ("Liz Truss flew to Berlin on Monday. “Sanctions are working,” the foreign secretary said.", "Liz Truss"),
    ("Rafael Grossi visited the plant. Mr Grossi said the IAEA would stay. “It is alarming,” the IAEA head said.",
     "Rafael Grossi"),
    ("German Chancellor Olaf Scholz met voters. “This is about justice,” the German leader said.", "Olaf Scholz"),
    # two persons fit: no guess
    ("Volodymyr Zelensky met Boris Johnson in Kyiv. “We will win,” the prime minister said.", "the prime minister"),
    # a recorded role names another country, or another office
    ("US President Joe Biden spoke on Monday. “Talks must go on,” the Ukrainian president said.",
     "the Ukrainian president"),
    ("Foreign Minister Sergei Lavrov arrived on Monday. “There will be no talks,” the president said.",
     "the president"),
    # an organisation modifier nothing ties to the person
    ("Olena Kovalenko spoke on Monday. “It is alarming,” the U.N. nuclear chief said.", "the U.N. nuclear chief"),
    # a name inside the quotation is what is said, not who says it
    ("The talks ended. “Vladimir Putin has isolated himself,” the French president said.", "the French president"),
    # a judge or a reporter in a scene is mostly someone new
    ("Oleksandr Shelipov was shot in March. “Do you accept your guilt?” the judge asked.", "the judge"),
    # someone introduced without a name is who the noun means
    ("Dmytro Kuleba spoke. A dog trainer from Kent joined the convoy. “I know my parents worry,” says the dog "
     "trainer.", "the dog trainer"),
    # (pronoun antecedent is not an object)
    # the object of a preposition or a verb is not the antecedent of a later "he"
    ("Mark Browder spoke on Monday, citing an attack by Sen. Ted Cruz. “It is wrong,” he said.", "Mark Browder"),
    ("Muiz Avghonzoda told the German broadcaster DW that he had the papers. “He is a victim,” he said.",
     "Muiz Avghonzoda"),
    # a name after a quoted modifier is inside the clause ('lies used by "madman" President Putin')
    ('Alexei Navalny said the rulings were lies used by "madman" President Vladimir Putin and state TV. '
     '"You will suffer a defeat," he said.', "Alexei Navalny"),
    # "of" inside an organisation's name does not govern the name after it
    ("Justin Trudeau spoke on Monday. There are reasons to act, said University of Waterloo economist Mikal "
     "Skuterud. “Newcomers may struggle,” he said.", "Mikal Skuterud"),
    # a passive's agent, the subject of a "with X doing" clause, a title's place and a fronted topic
    # are still antecedents
    ("The aim was set out by President Vladimir Putin during a speech. “We will help,” he said.", "Vladimir Putin"),
    ("Sergei Shoigu claimed the land, with Prof Michael Clarke of King's College London telling Sky News so. "
     "“The Russians have finished,” he said.", "Michael Clarke"),
    ("Spokesman John Kirby became emotional. But Russia's ambassador to the US Anatoly Antonov has rejected "
     "the accusation. “It is offensive,” he said.", "Anatoly Antonov"),
    ("Yuriy Boiko spoke on Monday. To Prof David Nott, the scenes are familiar. “It is the same as Syria,” he "
     "says.", "David Nott"),
    # (it refers to a body subject)
    # "it said" after a body that was the subject of a speech verb, though no quotation was its
    ("Gazprom said it had found leaks in four turbines. “The risks remain,” it said.", "Gazprom"),
    ("Ukraine’s nuclear energy company Energoatom also warned of a missile. “It flew critically low,” it said.",
     "Ukraine’s nuclear energy company Energoatom"),
    ("The Institute for the Study of War, a US thinktank, suggested that attacks would grow. “Russian authorities "
     "expect pressure,” it said.", "The Institute for the Study of War"),
    ("Moscow said the ban was a response to sanctions. “It is their campaign,” it added.", "Russia"),
    # a person, a plural, or the subject of a relative clause is not that body
    ("Rafael Grossi said the plant was damaged. “It is alarming,” it said.", None),
    ("Officials said four missiles were destroyed. “The city is safe,” it said.", None),
    ("The Azov regiment, which Kyiv says is reformed, is a focus. “A special operation,” it said.", None),
    # (age and indefinite descriptors)
    # a person named after an indefinite introduction is who the descriptor means
    ("A bomb disposal specialist has been training troops. Chris Garrett, from Peel, is volunteering with the "
     "guard. “I have been here before,” the 38-year-old said.", "Chris Garrett"),
    # an indefinite thing is no unnamed person ("a Russian missile had struck his flat")
    ("An elderly resident, Oleksandr Lyakhovets, said a Russian missile had struck his flat. “It is a horror,” the "
     "67-year-old said.", "Oleksandr Lyakhovets"),
    # an age makes any noun a person's description
    ("Rhys Davies travelled with his wife from Canada. “I was lucky,” said the 37-year-old electrician.",
     "Rhys Davies"),
    # an indefinite inside a quotation introduces no one
    ("Kira Rudik spoke on Monday. “One of our goals is to win,” Rudik said. “We need weapons,” the 36-year-old "
     "said.", "Kira Rudik"),
    # someone unnamed stays unnamed
    ("Olena Kovalenko spoke. Later a man walked by the gate. “It is cold,” the 50-year-old said.", "the 50-year-old"),
    # (age with a lone given name)
    # an age given with a lone given name settles "the N-year-old"
    ("Petro Ivanenko spoke first. Oksana, 36, fled Kharkiv in March. “We had nothing,” the 36-year-old said.",
     "Oksana"),
    ("Petro Ivanenko spoke first. 36-year-old Oksana fled Kharkiv in March. “We had nothing,” the 36-year-old "
     "said.", "Oksana"),
    # the age belongs to someone unnamed: no guess
    ("Petro Ivanenko spoke first. His wife, 36, fled Kharkiv in March. “We had nothing,” the 36-year-old said.",
     "the 36-year-old"),
    # another age: not her
    ("Petro Ivanenko spoke first. Oksana, 41, fled Kharkiv in March. “We had nothing,” the 36-year-old said.",
     "the 36-year-old"),
    # (gendered indefinite subject)
    # a gendered indefinite subject between the pronoun and an earlier name is who speaks
    ("Mariia Petrenko lived in the basement. One evening a drunk woman interrupts the gossip. “Treat yourself,” "
     "she says.", "a drunk woman"),
    ("Mariia Petrenko lived in the basement. A woman in a red coat sat down. “Treat yourself,” she says.",
     "A woman"),
    # of the other gender: not her
    ("Mariia Petrenko lived in the basement. A man in a red coat sat down. “Treat yourself,” she says.",
     "Mariia Petrenko"),
    # (lone given name subject)
    # a lone given name as the subject after an opening phrase, or after an age
    ("Yuliia Petrenko spoke first. At one refugee centre, Liubov, aged 61, was waiting with her son. “We had no "
     "water,” she said.", "Liubov"),
    ("Petro Ivanenko spoke first. After handing over his papers, Oleh jumped out of the car. “It was scary,” he "
     "said.", "Oleh"),
    ("Holly King spoke first. One of them, 12-year-old Nina who lives nearby, joined the class. “It is amazing,” "
     "she said.", "Nina"),
    # someone's relation named in apposition inside a clause is not the subject
    ("Yuliia Petrenko found out that Ernest's mother, Liubov, was a champion. “I did not know,” she said.",
     "Yuliia Petrenko"),
    # (quotation topic is not the pronoun antecedent)
    # the person a quotation is about, in its own sentence, is not the "she" who says it
    ("Marsha Blackburn met Tsai Ing-wen on Friday. Xi Jinping, China's president, “will not stop threatening "
     "Taiwan,” she said.", "Marsha Blackburn"),
    # nor a name inside the quotation
    ('Uzi Rubin, a missile defence expert, disagreed on Monday. "Zelensky is right - it is no wonder weapon," he '
     'told the BBC.', "Uzi Rubin"),
    # the subject of a reporting verb before the quotation is its speaker
    ("Giuseppe Conte spoke first. Often shouting, Giorgia Meloni proclaimed that the right is “ready to answer the "
     "country” for years. “The EU has failed,” she said.", "Giorgia Meloni"),
    # (reporting verb subject over its clause subject)
    # the subject of the reporting verb goes on speaking, not the subject of its clause
    ("Andrei Illarionov suggested that President Vladimir Putin was prepared to endure a hit. “His ambitions "
     "matter more,” he said.", "Andrei Illarionov"),
    ("Judge Serhiy Agafonov said Vadim Shishimarin had carried out an order. “The court sees no other "
     "sentence,” he said.", "Serhiy Agafonov"),
    # the object of a verb that takes a person is not a clause's subject
    ("Sergei Lavrov spoke first. Steve Rosenberg questioned Foreign Minister Sergei Lavrov about the weapons. "
     "“They are neo-Nazis,” he said.", "Sergei Lavrov"),
    # (descriptor subject of a reporting verb)
    # an indefinite descriptor subject of any reporting verb of the cue lexicon
    ("Joe Biden spoke on Monday. A senior western official revealed the tension later. “Russia cannot win,” he "
     "said.", "A senior western official"),
    # not of a verb that reports nothing
    ("Joe Biden spoke on Monday. A senior western official walked out later. “Russia cannot win,” he said.",
     "Joe Biden"),
    # (they refers to a plural subject)
    # "they said" after a plural subject of a reporting verb
    ("Russia received drones, three U.S. officials told NBC News. “It is part of a plan,” they said.",
     "three U.S. officials"),
    # a singular body is no "they"
    ("Gazprom said it had found leaks. “The risks remain,” they said.", None),
    # (place run is no pronoun antecedent)
    # a capitalised run holding a place name is no he/she unless something says it is a person
    ("Ukrainian President Volodymyr Zelensky mocked the claim, comparing it to weapons that Nazi Germany claimed "
     "to build. “There was propaganda about a wonder weapon,” he said.", "Volodymyr Zelensky"),
    # a given name that is also a country's name is still a person
    ("Ivan Petrov spoke first. Jordan Lee followed later. “It is over,” he said.", "Jordan Lee"),
    # (organisation after a name is not the subject)
    # "X from Y said": the person, not the organisation after "from", is the subject
    ("Among them is an NGO called Truth Hounds. Roman Koval from Truth Hounds said they had gathered accounts. "
     "“They knew this city was full of civilians,” he said.", "Roman Koval"),
    # a name followed by its speech verb is still a subject
    ("Olena Kovalenko spoke first. Director of operations Alison Parkinson said there were issues. “There is "
     "a delay,” she said.", "Alison Parkinson"),
    # (the one asked answers)
    # the one asked answers
    ("On Friday, Frank Gardner asked Ukrainian President Volodymyr Zelensky what the minimum concession would "
     "be. “A return of Russian forces,” he said.", "Volodymyr Zelensky"),
    # (body speaker is no pronoun antecedent)
    # a body a quotation was attributed to ("Ukraine's military") is no he/she antecedent
    ("Hanna Maliar, the deputy defence minister, spoke. Ukraine's military said it was “carrying out joint "
     "efforts”. But “the position was untenable,” she said.", "Hanna Maliar"),
    # (office descriptor subject as pronoun antecedent)
    # an office descriptor as a subject stands for its person as a he/she antecedent
    ("Boris Johnson visited Kyiv to meet President Volodymyr Zelensky. Taking questions, the prime minister said "
     "the assault could continue. He said: “Putin has a huge army.”", "Boris Johnson"),
    # not as an object
    ("Emmanuel Macron spoke to Vladimir Putin. Macron has grown critical of the Russian president. He warned: "
     "“The crisis is not over.”", "Emmanuel Macron"),
])
def test_resolved_speaker_of_the_last_quotation(text, speaker):
    assert last_speaker(text) == speaker


