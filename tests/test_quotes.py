"""Quote spans, kinds and speakers on small made-up articles."""
from __future__ import annotations


import pytest


from newslens.chrome import find_chrome
from newslens.model import Article
from newslens.quotes import clean_role, extract_quotes
from newslens.speakers import given_name_gender
from newslens.sentences import split_sentences


def quotes_of(text: str, *, chrome: bool = False):
    art = Article("t", "t.txt", text, chrome=tuple(find_chrome(text)) if chrome else ())
    return extract_quotes(art, split_sentences(art))


def only(text: str):
    qs = quotes_of(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, inner", [
    ("He said “we will win” today.", "we will win"),
    ('He said "we will win" today.', "we will win"),
    ("“It is over, done.” She left.", "It is over, done."),                  # punctuation inside
    ("The poll said “voters are angry\" on Monday.", "voters are angry"),     # mixed curly/straight
])
def test_span_is_everything_between_the_marks(text, inner):
    q = only(text)
    assert q.text == inner
    assert text[q.start:q.end] == inner


def test_typewriter_marks_are_quotes_only_when_asked():
    assert quotes_of("Of the 12'' guns he said ''we will win'' today.") == []
    text = "He said ''we will win'' today."
    article = Article("t", "t.txt", text)
    [q] = extract_quotes(article, split_sentences(article), typewriter_marks=True)
    assert (q.text, text[q.start:q.end]) == ("we will win", "we will win")


@pytest.mark.parametrize("text", [
    "Korea’s minister didn’t say it; the ’90s were different.",
    "It was rock ’n’ roll, the Smiths’ house, and the Joneses' car.",
    "Gov. O’Malley isn’t running, and that’s that.",
    '<tweet author="jack" datetime="2016-01-01">hello world</tweet>',   # markup attributes
])
def test_apostrophes_and_markup_are_not_quotes(text):
    assert quotes_of(text) == []


def test_single_quotes_are_quotes():
    q = only("The minister shared a ‘private’ view on Monday.")
    assert q.text == "private"


def test_unclosed_mark_ends_at_its_paragraph():
    text = "Lee said: “We will go on.\n\nThe next day was calm."
    q = only(text)
    assert q.text == "We will go on."
    assert q.end == text.index("\n")


def test_quote_over_paragraphs_is_one_row_per_paragraph_with_one_speaker():
    text = ("Kim Min-su, a lawyer, said: “The first part runs on.\n\n"
            "“The second part ends here,” he added later.\n\nOther news.")
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["The first part runs on.", "The second part ends here,"]
    assert {q.speaker for q in qs} == {"Kim Min-su"}


@pytest.mark.parametrize("text, mention, speaker, cue", [
    ("Jane Roe arrived early. “We are ready,” she said.", "she", "Jane Roe", "said"),
    ("“We are ready,” said Jane Roe, a senator from Ohio.", "Jane Roe", "Jane Roe", "said"),
    ("“We are ready,” said Jane Roe.", "Jane Roe", "Jane Roe", "said"),
    ("Jane Roe said: “We are ready for anything.”", "Jane Roe", "Jane Roe", "said"),
    ("“We are ready,” Jane Roe told reporters on Monday.", "Jane Roe", "Jane Roe", "told"),
    ("“We are ready,” according to Jane Roe.", "Jane Roe", "Jane Roe", "according to"),
    ("Senate Majority Leader Mitch McConnell said: “The bill is dead, and we move on.”",
     "Senate Majority Leader Mitch McConnell", "Mitch McConnell", "said"),
    ("“We are ready,” the ministry said in a statement.", "the ministry", "the ministry", "said"),
    ("“We are ready,” an official at the presidential office said.",
     "an official at the presidential office", "an official at the presidential office", "said"),
    ("“We are ready for whatever comes.” — Commissioner Ann Lee", "Commissioner Ann Lee", "Ann Lee", None),
])
def test_reporting_clause_orders(text, mention, speaker, cue):
    q = only(text)
    assert q.speaker_mention == mention
    assert text[q.speaker_start:q.speaker_end] == mention
    assert q.speaker == speaker
    assert q.cue == cue
    assert q.kind == "full"


def test_interrupted_quote_takes_the_middle_clause():
    text = "“The first half,” Jane Roe said, “and the second half.”"
    a, b = quotes_of(text)
    assert a.speaker == b.speaker == "Jane Roe"
    assert a.speaker_start == b.speaker_start


def test_appositive_gives_the_role_and_surname_resolves_later():
    text = ("Doo Jin-ho, a research fellow at the Korea Institute for Defense Analyses, said the talks "
            "were slow.\n\n“It will take time,” Doo said.")
    q = only(text)
    assert q.speaker == "Doo Jin-ho"
    assert q.speaker_mention == "Doo"


def test_pronoun_resolves_to_the_most_recent_person_subject_not_a_possessive():
    text = ("Mike Waltz, Trump's pick for adviser, spoke to Fox News. "
            "He also said that “the war must end.”")
    q = only(text)
    assert q.speaker == "Mike Waltz"
    assert q.speaker_mention == "He"


def test_role_noun_resolves_to_the_person_with_that_role():
    text = ("South Korea’s defence minister shared a “private” view on aid.\n\n"
            "South Korean defence minister Shin Won-sik spoke on Monday.")
    q = quotes_of(text)[0]
    assert q.speaker == "Shin Won-sik"
    assert q.speaker_mention == "South Korea’s defence minister"


def test_capital_city_stands_for_its_government():
    q = only("The sanctions prompted Moscow to designate the country as “unfriendly” at once.")
    assert q.speaker == "Russia"
    assert q.speaker_mention == "Moscow"
    assert q.kind == "partial"


@pytest.mark.parametrize("text, kind", [
    ("The delegation will present a “wish list” of hardware.", "scare"),
    ("The so-called “peace plan” was published.", "scare"),
    ("Mike Waltz called it “another step in the escalation ladder” on Fox.", "partial"),
    ("Kim Lee said it was “nonsensical” to do so.", "partial"),
    ("Kim Lee said that “the bill is dead” on Friday.", "partial"),
    ("“We will not send weapons to a country at war,” Kim Lee said.", "full"),
])
def test_kinds(text, kind):
    q = only(text)
    assert q.kind == kind
    assert (q.speaker is None) == (kind == "scare")


def test_later_phrases_of_one_reported_speech_share_its_speaker():
    text = "Ann Lee said Mr. Cruz is “a basket case” and “a liar.”"
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Ann Lee", "Ann Lee"]


@pytest.mark.parametrize("text, mention", [
    ("Guns are “a public health crisis” and “stunt children’s growth,” Ann Lee, the former governor, "
     "said on Monday.", "Ann Lee"),
    ("The plan is “faulty” and “patchy,” he said.", "he"),
    ("The White House views the comments as “appalling” and “alarming,” said John Kirby.", "John Kirby"),
])
def test_earlier_phrases_share_the_closing_reporting_clause(text, mention):
    # the comma that leads the reporting clause sits inside the last quotation's marks
    qs = quotes_of(text)
    assert [(q.kind, q.speaker_mention) for q in qs] == [("partial", mention)] * 2


@pytest.mark.parametrize("text, kind, mention", [
    # a one-word answer after "said," is said, not a title set off by a comma
    ("Asked whether he would fire the writer, Priebus said, “Probably.”", "full", "Priebus"),
    ("Norah Lee then asked, “Really?”", "full", "Norah Lee"),
    # the speech verb right before the mark wins over a reporting clause after it
    ("When someone in the crowd shouted, “Cruz,” Beck joked about it.", "full", "the crowd"),
    # a sign or a hat reading a slogan, and a title after a comma, stay labels
    ("He wore a hat reading, “Make Mexico Great Again.”", "scare", None),
    ("She wrote a book, “Who’s Who in the CIA,” that outed agents.", "scare", None),
])
def test_speech_verb_and_comma_before_a_short_capitalised_quotation(text, kind, mention):
    q = quotes_of(text)[0]
    assert (q.kind, q.speaker_mention) == (kind, mention)


def test_a_later_quotation_ending_on_a_comma_is_no_reporting_clause_for_a_term():
    text = "Fans watched “The Late Show,” which aired late, with friends."
    assert [q.kind for q in quotes_of(text)] == ["scare"]


@pytest.mark.parametrize("text", [
    "In an interview, Marcel Lehel, the hacker known as “Guccifer,” stated that he had access to the server.",
    "Fans shelter under the protection known as “Article 5” in the alliance.",
    "He tweeted about the blockbuster “Star Wars” sequel hitting the theaters, said Ann Lee.",
])
def test_names_and_titles_introduced_as_such_are_scare(text):
    assert [q.kind for q in quotes_of(text)][0] == "scare"


@pytest.mark.parametrize("role, cleaned", [
    ("spokesman, Ministry of Defence", "spokesman, Ministry of Defence"),
    ("the French president", "the French president"),
    ("lead singer, Russian band Little Big, speaking via Zoom", "lead singer, Russian band Little Big"),
    # not roles: a connective stuck to a title, relative clauses, participle phrases
    ("But Mr", None),
    ("who said he spent two months in captivity", None),
    ("reflecting bitterly on his three decades of work", None),
    (None, None),
])
def test_clean_role(role, cleaned):
    assert clean_role(role) == cleaned


@pytest.mark.parametrize("text", [
    "The bloc approved the candidacy — a decision that Russia said on Friday amounted to “hostile” steps.",
    "Officials differentiate between them and other refugees - a distinction that Grandi condemned as “racist”.",
])
def test_speaker_mention_never_ends_inside_a_word(text):
    q = quotes_of(text)[0]
    end = q.speaker_end
    assert q.speaker_mention and not (text[end - 1].isalpha() and text[end:end + 1].isalpha())


def test_attributive_alleged_is_no_reporting_verb():
    text = "Parliament passed a law that outlawed alleged disparaging of the army or the spread of “false information”."
    assert quotes_of(text)[0].kind == "scare"


def test_nested_single_quote_is_its_own_scare_row():
    text = "“We are moving into a so-called 'control mode' now,” he said."
    outer, inner = quotes_of(text)
    assert inner.text == "control mode" and inner.kind == "scare"
    assert inner.start > outer.start and inner.end < outer.end


def test_continued_quote_in_next_paragraph_keeps_the_speaker():
    text = ("“The first point,” Ann Lee said.\n\n"
            "“And a second point that runs long enough to be a clause.”\n\nUnrelated text here.")
    a, b = quotes_of(text)
    assert b.speaker == a.speaker == "Ann Lee"


def test_nothing_from_chrome_lines():
    text = ("Advertisement\n\nAnn Lee said the talks went well and that everyone was happy at the end "
            "of the day in Seoul.\n\nRead more: “A headline in quotes”\n")
    qs = quotes_of(text, chrome=True)
    assert all("headline" not in q.text for q in qs)


def test_rows_are_in_document_order_and_slice_exactly():
    text = "“One,” he said. “Two,” she said. Later, “three” appeared."
    qs = quotes_of(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    for q in qs:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, speaker", [
    ("Schilling told a radio host: “I replied to the post, I did not write it.”", "Schilling"),
    ("“We have seen worse before, much worse,” Ann Lee and Bo Kim wrote.", "Ann Lee and Bo Kim"),
    ("At a rally in Dover, N.H., on Tuesday, Ann Lee endorsed him, saying he would “make a great president.”",
     "Ann Lee"),
])
def test_subject_edge_cases(text, speaker):
    q = only(text)
    assert q.speaker == speaker


def test_unresolvable_pronoun_leaves_the_speaker_unknown_but_keeps_the_mention():
    q = only("“We will keep going no matter what happens,” they said.")
    assert q.speaker is None
    assert q.speaker_mention == "they"


def test_first_person_writer_is_never_a_body_named_before():
    text = ("The ministry said the talks were over. “But investigations are under way,” I said. "
            "“What if you saw the evidence?”")
    qs = quotes_of(text)
    assert [(q.speaker_mention, q.speaker) for q in qs[:1]] == [("I", None)]


@pytest.mark.parametrize("text", [
    # a noun phrase that is no person does not take a quoted phrase in its predicate
    "Large numbers of millionaires are also expected to move to “safe havens” this year.",
    "Direct payments provided “a lifeline” to farmers.",
    # a noun after "a declarative" is no reporting verb of a final clause
    "Asked by the reporter if Clinton “gets” race, Sharpton avoided a declarative answer.",
])
def test_no_speaker_from_a_noun_phrase_that_is_no_person(text):
    q = quotes_of(text)[0]
    assert q.speaker_mention in (None, "Clinton") and q.speaker_mention != "Sharpton avoided a declarative"


@pytest.mark.parametrize("text, mention", [
    ("A “living wage” for a single adult is about $12 an hour, according to calculations by Amy Glasmeier.",
     "calculations by Amy Glasmeier"),
    ("The department gave an “inaccurate and incomplete” response, according to a report from the inspector "
     "general to be released Thursday.", "a report from the inspector general"),
    ("According to legal experts, evidence has been “transformed” by videos.", "legal experts"),
    ("Choosing a place can be “tricky”, according to Sara Nathan, who has hosted refugees.", "Sara Nathan"),
])
def test_according_to_that_opens_or_closes_the_sentence_covers_its_phrases(text, mention):
    q = only(text)
    assert (q.kind, q.speaker_mention) == ("partial", mention)


def test_cue_inside_a_comma_closed_subordinate_clause_is_not_the_reporting_verb():
    text = ("Later in the show, after the Sanders interview concluded, Maher stated of the scandal that the "
            "report “wasn’t good.”")
    assert only(text).speaker_mention == "Maher"


def test_long_appositive_between_the_speaker_and_the_cue():
    text = ("“Very good reporter, this guy,” Trump, the 2016 GOP presidential frontrunner nationally and current "
            "polling leader in South Carolina by a wide margin after winning New Hampshire, said on Monday.")
    assert only(text).speaker_mention == "Trump"


@pytest.mark.parametrize("text, mention, cue", [
    ("“This is a big political win for me,” Ann Lee confessed.", "Ann Lee", "confessed"),
    ("“That is simply false,” the senator shot back.", "the senator", "shot back"),
    ("“We never agreed to that,” Kim Lee objected.", "Kim Lee", "objected"),
])
def test_less_common_reporting_verbs(text, mention, cue):
    q = only(text)
    assert (q.speaker_mention, q.cue) == (mention, cue)


def test_dash_credit_line_after_a_quotation():
    text = "“The economy is not working for most people in this country.”\n\n- Ann Lee.\n"
    q = only(text)
    assert q.speaker == "Ann Lee"


def test_intervening_sentence_names_the_next_speaker():
    text = ("“We are going to build a wall,” Trump added. He then had a question for the crowd.\n\n"
            "“Who’s going to pay for it?”\n\n“Mexico!” the audience screamed back.\n")
    a, b, c = quotes_of(text)
    assert b.speaker_mention == "He" and b.speaker == "Trump"
    assert c.speaker == "the audience"


from hypothesis import given, settings, strategies as st  # noqa: E402


_ALPHABET = st.sampled_from(list("ab Cd.,;:!?\n“”\"'‘’—-") + ["''", " said ", " He ", " Ann Lee ", "according to "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_exact_offsets_and_valid_rows(text):
    for q in quotes_of(text):
        assert text[q.start:q.end] == q.text and q.start < q.end
        assert q.kind in ("full", "partial", "scare")
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.kind == "scare":
            assert q.speaker is None and q.speaker_mention is None


def test_particle_surname_resolves_and_honorific_is_not_a_role():
    text = ("Ursula von der Leyen visited Kyiv. Ms von der Leyen, speaking in Brussels, said the move "
            "was “unjustified and unacceptable” on Wednesday.")
    q = only(text)
    assert q.speaker == "Ursula von der Leyen"
    assert q.speaker_mention == "Ms von der Leyen"
    assert q.speaker_role is None


@pytest.mark.parametrize("text, mention", [
    # a long subject phrase after the quotation's comma: the first person named in it speaks
    ("“Tritium would help,” nuclear experts Ann Lee and Bo Park of the Institute for Science wrote "
     "in May.", "Ann Lee"),
    ("“We can only wonder,” state Senate leader Phil Berger and House Speaker Tim Moore, both "
     "Republicans, said in a statement.", "Phil Berger"),
    ("“It intends to search them” that would respond to requests, Justice Department senior trial "
     "counsel Caroline Lewis Wolverton wrote in a court filing.", "Caroline Lewis Wolverton"),
    # after a determiner an -ing word is a modifier, not a participle
    ("“It was very nice,” the gambling tycoon told Reuters in a rare interview.", "the gambling tycoon"),
    # negatives: a clause is not a subject phrase; an -ing word right after the quote is no subject
    ("“We will win,” the bill that Sen. John Smith wrote said.", None),
    ("“It was very nice,” adding that the official said.", None),
])
def test_long_and_modified_subjects_after_the_quote(text, mention):
    q = only(text)
    if mention is None:
        assert q.speaker_mention is None
        return
    # the mention may keep a title word before the name ("leader Phil Berger")
    assert q.speaker_mention is not None and q.speaker_mention.endswith(mention)
    assert text[q.speaker_start:q.speaker_end] == q.speaker_mention


@pytest.mark.parametrize("text, expected", [
    # No he/she evidence in the article: the given name decides whom the pronoun can mean.
    ("Hillary Clinton spoke first at the rally. Bernie Sanders followed later.\n"
     "“We will win this,” he said.\n", "Bernie Sanders"),
    ("Bernie Sanders spoke first at the rally. Hillary Clinton followed later.\n"
     "“We will win this,” he said.\n", "Bernie Sanders"),
    ("Bernie Sanders spoke first at the rally. Hillary Clinton followed later.\n"
     "“We will win this,” she said.\n", "Hillary Clinton"),
    # An ambiguous or unknown given name gives no prior: the nearest subject stands.
    ("Ivan Petrov spoke first. Jordan Lee followed later.\n“It is over,” he said.\n", "Jordan Lee"),
])
def test_pronoun_takes_a_person_whose_given_name_fits(text, expected):
    article = Article("t", "t", text)
    quotes = extract_quotes(article, split_sentences(article))
    assert [q.speaker for q in quotes] == [expected]


@pytest.mark.parametrize("name, expected", [
    ("Hillary Clinton", -1), ("Volodymyr Zelensky", 1), ("Maria Zakharova", -1),
    ("Jordan Lee", 0), ("Cho Han-bum", 0), ("", 0),
])
def test_given_name_gender_is_a_prior_from_the_first_word(name, expected):
    assert given_name_gender(name) == expected


@pytest.mark.parametrize("text, mention, speaker", [
    # a reporting clause set off by commas attributes the sentence it interrupts
    ("White House press secretary Josh Earnest spoke on Tuesday. Cost estimates, he added, were "
     "“based on a prototype facility.”", "he", "Josh Earnest"),
    ("The paradox of the job, says Carl Anthony, a historian at the library, is that she was "
     "“one of the most powerful first ladies.”", "Carl Anthony", "Carl Anthony"),
    # an inner reporting clause after the parenthetical keeps its own speaker
    ("As the crowd cheered, reporter Robert Costa noted, his wife Jane Sanders whispered to him: "
     "“They're still with you.”", "his wife Jane Sanders", "Jane Sanders"),
])
def test_parenthetical_reporting_clause(text, mention, speaker):
    q = quotes_of(text)[-1]
    assert q.speaker_mention == mention and q.speaker.endswith(speaker)


@pytest.mark.parametrize("text, kind", [
    # a quoted predicate completes the sentence's own words: partial, whoever the clause names
    ("The soldiers who killed him “did not ask him anything”, his wife Iryna said.", "partial"),
    ("Russian ground troops are “exhausted,” the defense ministry said on Monday.", "partial"),
    # negative: a whole quoted clause with its reporting clause after it stays full
    ("“They did not ask him anything,” his wife Iryna said.", "full"),
    ("Her answer was plain: “we did not ask anything of them at all,” she said.", "full"),
])
def test_quoted_predicate_with_a_trailing_clause_is_partial(text, kind):
    assert quotes_of(text)[0].kind == kind


@pytest.mark.parametrize("text, mention, kind", [
    # the possessor of a speech noun framing the quotation is its speaker
    ("It is the persistent pull of Obama's “if you like your plan, you can keep it” promise.", "Obama", "partial"),
    ("Trump’s “Make America Great Again” slogan was everywhere.", "Trump", "partial"),
    ("The event moved because, in Forbes’ words, “they are the most entrepreneurial places on earth.”",
     "Forbes", "partial"),
    ("Mr Putin's accusations of the West attempting to “destroy Russia” were rejected.", "Mr Putin", "partial"),
    ("Trump's past statements, including his promise to be “neutral” in talks, caused concern.", "his", "partial"),
    ("Mr Zelensky's reference to “wonder weapons” was clear.", "Mr Zelensky", "partial"),
    # negative: a possessor of any other noun does not speak ("book"), nor one labelled by another
    ("Trump’s book “The Art of the Deal” sold well.", None, "scare"),
    ("In declaring the senator's statements as “not Christian,” the pope stirred a row.", None, "scare"),
])
def test_possessor_of_a_speech_noun_is_the_speaker(text, mention, kind):
    q = quotes_of(text)[0]
    assert (q.speaker_mention, q.kind) == (mention, kind)


def test_mistyped_closer_does_not_swallow_the_next_quotation():
    qs = quotes_of("“We will win here,“ said Jim Clyburn. “We always do.”")
    assert [q.text for q in qs] == ["We will win here,", "We always do."]


@pytest.mark.parametrize("text, mentions", [
    ("“Would it be negotiable?” Hannity pressed.", ["Hannity"]),
    ('"People are afraid of wasting their votes," he surmised.', ["he"]),
    # an agreeing sentence introduces the quotation after it, not the one before
    ('"These are empty words," said Eugen Fedchenko, an editor.\n\nMykhailo agrees. "Most people see it."',
     ["Eugen Fedchenko", "Mykhailo"]),
])
def test_pressed_surmised_and_agreeing(text, mentions):
    assert [q.speaker_mention for q in quotes_of(text)] == mentions


@pytest.mark.parametrize("text, kinds", [
    # a quoted nickname between a given name and a surname is a name, not anyone's words
    ('Players included Earvin "Magic" Johnson and Gov. C.L. "Butch" Otter, who spoke.',
     [("Magic", "scare", None), ("Butch", "scare", None)]),
    # negative: a quoted word after a verb with a weekday after it is reported speech
    ('Trump said "Sad" Thursday and Clinton replied "Wrong" Monday.',
     [("Sad", "partial", "Trump"), ("Wrong", "partial", "Clinton")]),
])
def test_nicknames_and_weekdays(text, kinds):
    assert [(q.text, q.kind, q.speaker_mention) for q in quotes_of(text)] == kinds


@pytest.mark.parametrize("text, mention, speaker, role", [
    # a descriptor with a proper name in apposition: the name speaks, the descriptor is the role
    ("The city’s mayor, Oleksandr Striuk, confirmed that Russian troops had “advanced a few blocks.”",
     "The city’s mayor", "Oleksandr Striuk", "The city’s mayor"),
    ("Senegal’s president, Macky Sall, who chairs the union, said “the worst is perhaps ahead of us” then.",
     "Senegal’s president", "Macky Sall", "Senegal’s president"),
])
def test_appositive_name_is_the_speaker_and_descriptor_the_role(text, mention, speaker, role):
    q = quotes_of(text)[0]
    assert (q.speaker_mention, q.speaker, q.speaker_role) == (mention, speaker, role)


@pytest.mark.parametrize("text, mention", [
    # more attribution shapes
    ("“We have had better conventions than this one,” Texas delegate Bill Eastland, wearing "
     "“Ted Cruz” pins, said as confetti fell.", "Texas delegate Bill Eastland"),
    ("“If she wants to be president, she should act like one,” the editorial read.", "the editorial"),
    ("“Interviewers feel they are getting useful information,” concluded a 2013 article in a journal.",
     "a 2013 article"),
    # relative and subordinate clause speakers
    # a relative pronoun with auxiliaries before a label cue in -ed: the relative clause speaks
    ("Beck, who has in the past described Trump as “a pathological sociopath,” disagrees.", "who"),
    # a participle after a subordinate clause takes that clause's subject
    ("The first incident came during a speech, when the protesters interrupted her, shouting "
     "“she wins, we lose!”", "the protesters"),
    # negatives: the main clause's subject when there is no subordinate clause
    ("The protesters interrupted her speech, shouting “she wins, we lose!”", "The protesters"),
    # participles after documents and adverbials
    # a participle after a document noun phrase speaks for the document's issuer
    ("After the attacks, Lee released a new radio ad calling it “dangerous” that the plan failed.", "Lee"),
    ("In Washington, President Lee released a statement Thursday night condemning “a horrific attack.”",
     "President Lee"),
    ("Mayor Ann Lee wrote a letter to the attorney general asking for a probe of the “fiasco.”", "Mayor Ann Lee"),
    # an adverbial between the comma and the participle: the clause subject speaks
    ("He has battled with the council over money, at one point calling the mayor a “liar.”", "He"),
    # negative: a non-document noun phrase right before the participle keeps it
    ("Reporters saw many marchers chanting “we are here” in the street.", "many marchers"),
    # subject after a leading participle phrase
    # after a leading participle phrase the subject is the phrase a finite verb follows
    ("Donald Trump spoke on Monday. Introduced by Joe Arpaio, the Arizona sheriff and hard-liner, Trump "
     "launched into a lament for the “countless Americans” hurt by crime.", "Trump"),
    ("Speaking at a rally in Ohio, the senator blamed the “rigged economy” for the loss.", "the senator"),
    # negative: without a leading participle the sentence's own first subject stays
    ("The senator, at a rally in Ohio, blamed the “rigged economy” for the loss.", "The senator"),
    # states as a cue and as a noun
    ("“It has not worked,” Smith states in the report.", "Smith"),
    # a plural noun followed by its verb is a subject, not a cue
    ("Setting aside taxes, states have different rules, and there would be “immediate” concerns.", None),
    # subordinate clause with its own speaker
    # a subordinate clause with a new subject and its own speech verb holds the quotation
    ("Clinton weighed in on Tuesday evening, hours after Sanders said he was “encouraged” by the plan.",
     "Sanders"),
    ("Kasich is assuring voters he is tough after a woman in Worcester told him he is “too nice” to win.",
     "a woman in Worcester"),
    # negative: a pronoun subject there is usually the outer speaker again
    ("Clinton said that she called Sanders after the primaries to praise what she called “an extraordinary "
     "campaign.”", "Clinton"),
    # more clause shapes
    # a parenthesised acronym between the final subject and its verb
    ('The donations will provide "vital support" to firefighters, the National Fire Chiefs Council (NFCC) said.',
     "the National Fire Chiefs Council"),
    # "family" is a noun, not an adverb in -ly
    ("Pinner’s family described him as “funny, much-loved, well-intentioned” in a statement.", "Pinner’s family"),
    # a label verb after a relative pronoun and its subject is finite
    ('Moldova summoned the envoy over the comments, which its foreign ministry described as "deeply concerning".',
     "its foreign ministry"),
    ("“It was extremely careless,” as described by FBI Director James Comey.", "FBI Director James Comey"),
    # negative: a participle naming something is not a speaker's verb
    ("A policy described as “reckless” by critics was dropped.", None),
    # coordinated names and bare plural subjects
    # "and" between names (or a pronoun and a name) joins subjects, not clauses
    ('Back then he said that only people such as David and Charles Koch wanted "open borders."', "he"),
    ('Rubio pushed back, saying the bill was sound and arguing that he and Cruz shared "almost all the same '
     'views."', "Rubio"),
    # a bare plural subject after what/that/which
    ("Trump University is what former employees have called a “fraudulent scheme” in court.", "former employees"),
    # negative: a verb in -s and its object are not a subject
    ('The document includes a clause that requires staffers to promise "never to disparage" the firm.',
     "The document"),
    # label verbs with objects and coordinated cues
    # a label verb with an object before the quotation is finite, whoever stands before it
    ("The break was complete when Trump in his speech called undocumented immigrants “rapists” loudly.", "Trump"),
    ("Kasich had a strong night, when many commentators called him “the grownup on the stage” again.",
     "many commentators"),
    ("His friend is Joel Benenson, whom one Obama insider described as “his brother.”", "one Obama insider"),
    ('Walter Hewlett sniped that Fiorina, a first-time chief executive, was "learning on the job."', "Walter Hewlett"),
    # a coordinated reporting verb shares the subject of the one before it
    ("Sanders thanked its members warmly on Sunday and called the union “one of the sponsors of my campaign.”",
     "Sanders"),
    # negative: an article alone is not an object ("a tax loophole called an “inversion”")
    ("They slammed the tax loophole called an “inversion” in which a company moves abroad.", "They"),
    # subject is the head of a prepositional phrase
    # the subject before the cue is the head of a prepositional phrase, not its object
    ('Arfon Williams of RSPB Cymru said the birds were "in real danger".', "Arfon Williams"),
    ('Sheep farmer Gwawr Parry from Llanfair Caereinion in Powys said prices were "frightening".',
     "Gwawr Parry"),
    ('House Speaker Paul D. Ryan of Wisconsin lamented the "disheartened" state of the campaign.',
     "House Speaker Paul D. Ryan"),
    # negative: a bare title is no head to climb to
    ('Prime Minister of Ukraine Denys Shmyhal said the grid was "holding".', "Ukraine Denys Shmyhal"),
    # acute accent apostrophe
    # AP copy writes the apostrophe as an acute accent
    ('China´s Foreign Ministry on Friday announced it was suspending "all forms of interaction" with her.',
     "China´s Foreign Ministry"),
    ('On Saturday, the country´s economy formally stopped being under "enhanced surveillance" by creditors.', None),
    # relative clause cue in the subject
    # the first cue sits in the subject's relative clause: the clause after the quote reports
    ('Nothing the president said "will assuage people\'s fears," the Florida senator said.', "the Florida senator"),
    # negative: an outer speech clause before the phrase keeps it
    ('Obama said he expected that Americans will say "no," the senator said.', "Obama"),
    # (subordinate clauses addressees and titled subjects)
    # a reporting clause after the quotation beats a cue inside a leading subordinate clause
    ("When Sanders said at a rally that he would not want it, he “grabbed ahold of the mood” said Drew Heiserman, "
     "a union member.", "Drew Heiserman"),
    # ... but not a speech verb and its comma right before the mark
    ("When someone in the crowd shouted, “Cruz,” Beck joked about it.", "the crowd"),
    # a name after "to the Dutch newspaper" before the colon is the addressee
    ("Jeb Bush explained what was wrong to the Dutch newspaper NRC Handelsblad: “It was so insensitive.”",
     "Jeb Bush"),
    # a capitalised modifier and a role before the name make one subject
    ("Former Republican presidential candidate Jeb Bush broke down what was wrong to the Dutch newspaper "
     "NRC Handelsblad: “It was so insensitive.”", "Former Republican presidential candidate Jeb Bush"),
    # (noun uses claim owners and appositives)
    # "goes on" speaks only when it goes on to say something
    ("By contrast, Sen. Marco Rubio said that once the Senate goes on recess, “I intend to help.”",
     "Sen. Marco Rubio"),
    ("“It would end all the kinds of health care we know,” she went on.", "she"),
    # "broadcast" after a determiner is a noun
    ("In a statement broadcast on state TV, Mr Lavrov described the decision as “unprecedented”.", "Mr Lavrov"),
    # the owner of a claim that frames the phrase, under a sentence verb that is no speech verb
    ("Mike Pence blamed the media for making an issue of Donald Trump’s claim that Obama “founded ISIS,” "
     "saying they were nitpicking.", "Donald Trump"),
    # ... but not under a speech verb: the claim is inside the speaker's own words
    ("Spokeswoman Catherine Frazier said that Rubio's claim that Cruz favours it is “simply not true.”",
     "Spokeswoman Catherine Frazier"),
    # "and" opens no appositive
    ("In an article posted on the website, the Paper, and widely circulated online, Shen Xincheng, a doctoral "
     "candidate, urged people not to rush, even if observers see Trump as “crazy and stupid.”", "Shen Xincheng"),
])
def test_speaker_mention_of_the_first_quotation(text, mention):
    assert quotes_of(text)[0].speaker_mention == mention


@pytest.mark.parametrize("text, mention", [
    # cue words used as modifiers and nouns
    # an -ing cue word before a content noun is a modifier ("speaking fees"), not the cue
    ("Challenged by Diane Sawyer on her post-administration speaking fees, Clinton said that her family "
     "“came out of the White House dead broke.”", "Clinton"),
    # a plural cue noun before "of" is a noun ("to chants of")
    ("Walking into the office to chants of support, the senator said his campaign was “closing strong.”",
     "the senator"),
    # negative: after a document noun, "saying" with a name or "that" after it is the cue
    ("Mayor Ann Lee released a statement saying Trump had “done his best” this year.", "Mayor Ann Lee"),
    # datelines and relative clause cues
    # a dateline with a day number is not the clause subject
    ("WASHINGTON, Dec. 8 (UPI) — In response to the plan, Hillary Clinton’s right-hand woman rallied "
     "supporters, saying: “We have to be ready.”", "Hillary Clinton’s right-hand woman"),
    # a cue inside a relative clause on the passive agent does not take over
    ("Lee was asked by host Bill Maher, who has previously dismissed the story, “Now, are you tired of it?”",
     "host Bill Maher"),
    # negative: a later independent clause's cue does take over
    ("Lee said it was over, and Kim called it “a disaster.”", "Kim"),
    # addressees mistyped closers and documents
    # an attribution-only sentence after a question: "asked" with its addressee
    ("NBC’s Chuck Todd called him. “Did you know it was Mussolini?” Todd asked the real estate mogul.", "Todd"),
    # a closing mark typed as an opening one, glued to the last stop
    ("“That could create new and real problems for her here,“ said Jim Clyburn, a congressman.", "Jim Clyburn"),
    # a document noun right before 'states' is its subject
    ('She showed a document. "Family medical leave is granted after a year," the document states, in bold.',
     "the document"),
    # participles campaigns and presenters
    # a participle after the closing mark takes an object, never a speaker
    ("Donald Trump delivered a defense of “New York values,” saying the city embodied the “heart of America.”",
     "Donald Trump"),
    ("Here’s Clinton in December 1992: “Our new direction must rest on the new realities of competition.”",
     "Clinton"),
    # next sentence with its own report is not an attribution
    # a sentence after a quotation that reports content of its own is not its attribution
    ('"English is the key," she said. "It helps them feel safe." Wera Hobhouse said language was a barrier.',
     "she"),
    # negative: circumstances after the cue keep it an attribution-only sentence
    ('"It is over." Smith said on Monday as he launched the process.', "Smith"),
    ("“It looks bad, who knows?” Trump told Britain’s ITV station in an interview aired on Monday.", "Trump"),
    # attributive participles as clauses and dash asides
    # an attributive participle after a possessive is no reporting verb
    ('Kirby dismissed Mr Putin\'s stated justifications as "lies" - adding: "It is hard to square that."', "Kirby"),
    # a subordinate "as" clause with a new named subject holds the phrase
    ("The sanctions were announced as Ukraine’s foreign minister, Dmytro Kuleba, said he was “grateful” for them.",
     "Ukraine’s foreign minister"),
    # a dash-enclosed aside between the subject and its verb
    ('China - the largest producer of wheat for its huge population - said the harvest was "poor".', "China"),
    # (subject noun phrases before the cue)
    # a bare plural subject after a subordinator or conjunction
    ("That is why critics say he had proposed to “dismantle” the law.", "critics"),
    # a reporting clause of its own between two quotations starts a new speech
    ("Asked about it, Ann Lee said “not too likely” and Kim Park said “not at all likely.”", "Kim Park"),
    # a noun phrase governed by "in" is not the subject of the coordinated verb
    ("The employee first said he did not recall it, but in a later interview said he had an “oh no” moment.",
     "The employee"),
    # the noun phrase is read to its head, not cut at a modifier or widened over its verb
    ("The Trayvon Martin Foundation did not want to talk, telling Fox that it is focused on “ending violence.”",
     "The Trayvon Martin Foundation"),
    ("A former British soldier helping to clear mines in Ukraine said his work was a “dangerous game”.",
     "A former British soldier"),
    ("Welsh soldiers based in Estonia say they are “ready” to deter any attack.", "Welsh soldiers"),
    ("The defence secretary went on to say that “we will not stop”.", "The defence secretary"),
    # an appositive that ends in a possessive does not turn the verb after it into a noun
    ("Columnist Ann Lee, a speechwriter in George Bush's White House, calls Cruz “a chameleon.”",
     "Columnist Ann Lee"),
    # (clause subjects of participles and coordinated verbs)
    # a main clause before the first comma is not an introductory phrase to skip
    ("Sen. Ann Lee visited NBC to discuss her rival, Kim Park, saying “on her worst day” she'd be better.",
     "Sen. Ann Lee"),
    ("Hours later, she issued a statement calling on the country “to redouble our efforts.”", "she"),
    ("Shortly after the call ended, Rubio’s campaign sent out a release saying Murphy owes “an explanation.”",
     "Rubio’s campaign"),
    # a title quoted earlier in the sentence does not cut the clause the participle hangs on
    ("Later on Sunday, Carson shared a syllabus for a class called “Perception” on his Facebook page, "
     "writing “Allow me to do the research for the reporter.”", "Carson"),
    # a label participle and its object right before the mark beat an earlier speech verb
    ("Ann Lee’s office slammed a lawsuit filed by a staffer alleging that she broke the law, calling it "
     "“meritless” on Monday.", "Ann Lee’s office"),
    # two participles joined by "and" share their subject
    ("She has pushed back, saying he has been a pioneer in promoting women and calling him “a feminist.”", "She"),
    # an auxiliary or adverb between the subject and the verb is not part of the subject
    ("In what might be a first, the BLM group is calling on Ann Lee to “stop pimping black votes.”", "the BLM group"),
    ("Ukraine's President Zelensky has already said the region has been “completely destroyed”.",
     "Ukraine's President Zelensky"),
    # a noun after a determiner and two modifiers is no reporting verb
    ("Trump tweaked his now-familiar campaign promise when he announced his running mate, calling Mike Pence "
     "“my partner.”", "he"),
    # (clause windows and coordination)
    # a short quoted term earlier in the clause does not cut the clause the colon closes
    ("In an attempt to make its point, the Daily News focuses on how many the gunmen–armed with “assault "
     "weapons”–were able to kill in a 30-minute shooting spree: “In taking 129 lives, they showed it.”",
     "the Daily News"),
    # "in X:" opens its clause, or names words: "in Obama’s word:"
    ("It is a blind faith in Obama’s word: “As we have explained before, the figure is wrong.”", "Obama"),
    # a participle after an event noun hangs on the clause subject
    ("Sanders started out their ninth debate saying “of course” Clinton has the qualifications.", "Sanders"),
    # a participle coordinated with an earlier one after a comma hangs on the clause subject
    ("In his dispatches, Santilli wears a tie in videos he calls “Consumer TV,” pointing to bottles of cola "
     "and telling viewers that syrup is “destroying America.”", "Santilli"),
    # a pronoun opening the first verb's reported clause keeps the coordinated subject
    ("Mr Lee said “it is over”. Tory chief whip Mark Harper said he was “proud” to be included and "
     "suggested “Russia really hates being called out”.", "Mark Harper"),
    # (sources named around the quotation)
    # a sentence opening with a reporting participle goes on with the last speaker
    ("Ann Lee said the report “wasn’t good.” Adding, “Now, what they do is never that bad.”", "Ann Lee"),
    # a sentence after a standalone quotation naming where it came from
    ("“I would rather have a sister there than a brother in the FBI.” That quote from Commissioner Thomas "
     "Krebs appeared on the front page.", "Commissioner Thomas Krebs"),
    # a long "according to" source is read down to the person in it
    ("According to a 2013 study by economists Peter Schott and Justin Pierce, the recession is partly to "
     "blame, but so is this “major change in trade policy.”", "Peter Schott"),
])
def test_speaker_mention_of_the_last_quotation(text, mention):
    assert quotes_of(text)[-1].speaker_mention == mention


@pytest.mark.parametrize("text, mention", [
    # attribution sentence with circumstances
    # an attribution-only next sentence may carry circumstances after the telling cue's addressee
    ("“Who knows?” Trump told Britain’s ITV television station in an interview aired on Monday "
     "when asked about it.", "Trump"),
    ("“Is it over?” Lee asked reporters at a news conference on Monday in the lobby of his tower.", "Lee"),
    # negatives: the cue has content of its own, so the quotation is not its speech
    ("“Is it over?” Lee said the plan was finished and that the campaign would go on without him.", None),
    ("“Is it over?” Lee told reporters the plan was finished and that the campaign would go on.", None),
    # said of and barked
    ("“Who do they think they are?” Lee said of the company in February, when it balked at the order.", "Lee"),
    ("“Go back to your seat,” Lee barked and a guard escorted the man out.", "Lee"),
    # negative: a content clause after the cue is the cue's own speech
    ("“Who do they think they are?” Lee said the company would balk at the order in February.", None),
    # subject governed by a preposition
    # a noun phrase governed by a preposition is not the subject of the cue after it
    ("Lee responded to the question on Facebook writing, “Yes, I will.”", "Lee"),
    ("Another intelligence source speaking to Fox News said, “The agents are looking.”",
     "Another intelligence source"),
    # negatives: an introductory phrase with a preposition, and a plain subject
    ("In a letter to Congress, the director said, “We are done.”", "the director"),
    ("Officials close to Fox News said, “We are done.”", "Officials"),
    # ing cue after a noun is a participle
    # "-ing" cue words after a noun are participles ("a statement saying"), right after a
    # determiner they are nouns ("his writing")
    ("Mayor Ann Lee released a statement saying that the city had “done its best” this year.", "Mayor Ann Lee"),
    ("In his writing “the end is near” appears twice.", None),
    # coordinated cues and leading subordinate clauses
    # a clause-opening subject pronoun is the subject of a coordinated cue ("… and said")
    ("Last month, when I asked Lee if he would run, he looked into the camera, smiled and said, "
     "“I'm gonna endorse you!”", "he"),
    # a speech cue inside a leading "When …," clause is not the outer reporting clause
    ("When Lee accused Kim of being too soft, she said “I stood up to the banks” for years.", "she"),
    # after a leading subordinate clause the main clause's subject speaks
    ("When told Kim was in the cabinet, Lee thought for a moment and said, “It is an advantage.”", "Lee"),
    # negatives: a pronoun inside reported speech is not a clause subject
    ("Lee said he would win and added, “We will see.”", "Lee"),
    ("Lee said he responded: “We will see.”", "Lee"),
    # determiner subjects after the quote
    # two heads joined by "and" after a determiner are one subject
    ("“North Korea is run by a lunatic,” the Florida senator and Republican candidate said in a statement.",
     "the Florida senator and Republican candidate"),
    # a demonstrative determiner opens a subject
    ("“I have such great respect for them,” this Trump look-alike declared in Mexico City.", "this Trump look-alike"),
    ("“The kids do not like him,” this source told the Post.", "this source"),
    # a long subject with a symbol in it still names its person
    ("“They care about schools,” Fight for $15 organizing director Kendall Fells told Fox News 6.", "Kendall Fells"),
    # negatives: a time phrase is not a subject; "and then" starts a second clause
    ("“The kids do not like him,” this week said the chairman.", None),
    ("“It is over,” the senator and then his aides said.", None),
    # sentence final clause is the outer speech
    # a sentence-final reporting clause is the outer speech of an embedded phrase
    ("Nothing the president said “will assuage fears” in the region, the senator said.", "the senator"),
    ("Guns are “the ultimate public health crisis” and must be curbed, Howard Dean said on Monday.",
     "Howard Dean"),
    # negative: without a final reporting clause the inner cue's subject keeps the phrase
    ("Lee said the plan was “a disaster” and would fail.", "Lee"),
    # final inverted clause needs a finite cue
    # a participle with its object at the sentence end is not an inverted reporting clause
    ("The minister said he saw a need to offer “full support” to Ukraine, warning Russia against it.",
     "The minister"),
    # an inverted finite cue at the sentence end still is
    ("The plan offers “full support” to Ukraine, said Kim Min-su, a lawmaker.", "Kim Min-su"),
    # subject heads that look like cues
    # a first cue word that heads the subject ("report") gives way to the verb after it
    ("“Even the computer had been hacked,” the congressional report said.", "the congressional report"),
    # an adverb may follow a telling cue's addressee before the circumstances
    ("“You think I'm going to change?” Lee asked reporters rhetorically during a news conference.", "Lee"),
    # negative: no verb after the subject's head, no attribution
    ("“Even the computer had been hacked,” the congressional report on the matter.", None),
    # (as clause after the quotation names the speaker)
    ("Still, the fact that the race “is a dead heat right now,” as Cruz said on Monday, is good news.", "Cruz"),
    ("She is popular everywhere, not just a “regional” candidate, as Sanders’ campaign manager suggested.",
     "Sanders’ campaign manager"),
    ("The economy is “a disaster,” as Trump put it.", "Trump"),
    # (as clause that names no source)
    ("He wants a “strong” economy as soon as possible.", "He"),
    # a temporal "as" clause or a verb with its own object names no source
    ("Pope Francis said the invasion was “perhaps provoked” as he recalled a conversation.", "Pope Francis"),
    ("It could turn to “more drastic means” as the war continues.", None),
    # (final reporting clause with and without an object)
    # a final clause whose verb has its own object does not attribute the phrases before it
    ("After Trump compared immigrants to “criminals”, actress America Ferrera wrote a viral blog against him.",
     None),
    # a time adverbial after the verb is no object
    ("The loss “is unlikely to be the crux” of the campaign, a western official said this week.",
     "a western official"),
    # (coordination inside new and subordinate clauses)
    # a verb coordinated inside a new clause (", and the League denounced … and said") takes that clause's subject
    ("A group of rabbis called for a boycott, and the civil rights organization strongly denounced his "
     "rhetoric and said it would “redirect” his donations.", "the civil rights organization"),
    # an infinitive cue is no finite verb for a participle to hang on; a "though" clause is subordinate
    ("Obama has been criticized for using the term to describe his gains, though in a news conference he "
     "used stronger language, saying the group “must be destroyed.”", "he"),
    # "can be heard asking" between the subject and the cue
    ("“Should there be a database of them?” a reporter can be heard asking Trump after the event.", "a reporter"),
    # a phrase that cannot be the subject ("On Monday", a sentence adverb) lets the search go on
    ("On Monday, the Kremlin’s official spokesperson, Dmitry Peskov, insisted that “nothing has changed”.",
     "Dmitry Peskov"),
    ("Often shouting, Meloni proclaimed that the right is “ready to govern”.", "Meloni"),
    ("Of Carson, Levine, who has given money to Rubio, said, “He is flat-out scary.”", "Levine"),
    ("Some chanted “USA! USA!”", "Some"),
    # a bare plural subject keeps its first conjunct; a determiner-led noun after "and" does not take one
    ("With many marchers and spectators chanting “We are Orlando” the parade went on.", "many marchers and spectators"),
    ("The university and colleges said they would give support “where necessary”.", "The university and colleges"),
    ("Senegal avoided taking sides in the conflict and the Senegalese leader also said food should be “free”.",
     "the Senegalese leader"),
    # (capitalised modifier of a plural subject is not the speaker)
    ("Nuclear proliferation experts have speculated that it may boost its “explosive yield.”",
     "Nuclear proliferation experts"),
    ("Clinton supporters responded with chants of “I’m with her.”", "Clinton supporters"),
    ("Russian defence officials said its objectives had been “generally accomplished.”", "Russian defence officials"),
    # a name subject stays a name; an object after a verb is not its head
    ("Clinton always says “we will win.”", "Clinton"),
    ("The Vermont senator emailed supporters saying: “The struggle continues.”", "The Vermont senator"),
])
def test_speaker_mention_of_the_only_quotation(text, mention):
    assert only(text).speaker_mention == mention
