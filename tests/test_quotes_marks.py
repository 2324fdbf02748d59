"""Which quoted spans are someone's words: titles, stray marks, single marks (made-up news)."""
from __future__ import annotations

import pytest

from newslens.model import Article
from newslens.quotes import extract_quotes
from newslens.sentences import split_sentences


def quotes_of(text: str):
    art = Article("t", "t.txt", text)
    return extract_quotes(art, split_sentences(art))


def kinds(text: str) -> dict[str, str]:
    return {q.text: q.kind for q in quotes_of(text)}


@pytest.mark.parametrize("text, inner, kind", [
    # a title of a work is a label at any length, not an unattributed quotation
    ('She will appear on "The View" and "The Late Show With Stephen Colbert Tonight," among others.',
     "The Late Show With Stephen Colbert Tonight,", "scare"),
    ("He starred in “The Long Road Home to Nowhere” last year.", "The Long Road Home to Nowhere", "scare"),
    # negative: a long unattributed sentence in quotation marks is still kept as a quotation
    ("The crowd waited.\n\n“We have been waiting here since early this morning for him,” the sign read.",
     "We have been waiting here since early this morning for him,", "full"),
    ("The report was blunt.\n\n“Nobody in this town has ever seen a winter quite like this one.”",
     "Nobody in this town has ever seen a winter quite like this one.", "full"),
])
def test_titles_are_labels_whatever_their_length(text, inner, kind):
    assert kinds(text)[inner] == kind


@pytest.mark.parametrize("text, expected", [
    # a straight mark glued to the word before it and followed by a space closes; it never opens
    ('VISITORS—A gallery will open, by Ann Lee: The buyers like art they can buy." http://x.co/1.',
     []),
    ('He said it was fine." Then he left and said "we are done" to us.', ["we are done"]),
    # negative: an opening straight mark after a space still opens
    ('Kim Lee said "we will win" today.', ["we will win"]),
    ('Kim Lee said:"we will win" today.', ["we will win"]),
])
def test_stray_closing_mark_does_not_open_a_quote(text, expected):
    assert [q.text for q in quotes_of(text)] == expected


@pytest.mark.parametrize("text, inner, kind", [
    # in a headline (the title line, or a line in capitals) single marks around a short phrase
    # are the headline's style, not a partial quotation
    ("Ryan calls Trump line 'racist' but backs him.\n\nThe speaker said more on Monday.", "racist", "scare"),
    ("Lee wins.\n\nKIM LEE SAYS HE GIVES ‘FULL SUPPORT’ TO AID.", "FULL SUPPORT", "scare"),
    # negative: the same marks in the body, after a speaker, are a partial quotation
    ("Lee wins.\n\nKim Lee says he gives ‘full support’ to aid.", "full support", "partial"),
    ("Lee wins.\n\nThe defence minister shared a ‘private’ view on aid.", "private", "partial"),
    # negative: a full clause with a speaker between single marks is a quotation, headline or not
    ("Kim Lee: ‘We are going to win so much more than anyone expected.’",
     "We are going to win so much more than anyone expected.", "full"),
    # negative: a short phrase between double marks in a headline stays a partial quotation
    ("Paul Ryan called the line “racist” on Monday.", "racist", "partial"),
])
def test_single_marks_around_a_short_phrase_in_a_headline_are_a_term(text, inner, kind):
    assert kinds(text)[inner] == kind


@pytest.mark.parametrize("text, inner, kind", [
    # '' is not read as a mark by default, but single marks after an odd count are inside it
    ("''I hate the term 'Manhattan poor,' '' she said.", "Manhattan poor,", "scare"),
    ("''When Twitter says, 'We can't do this,' I don't believe that,'' said Ann Lee.",
     "We can't do this,", "scare"),
    # negative: after the '' quotation has closed, a single-quoted clause is not nested
    ("''It is done,'' she said. Kim Lee: 'We are going to win so much more than anyone expected.'",
     "We are going to win so much more than anyone expected.", "full"),
])
def test_single_marks_inside_typewriter_quotes_are_nested(text, inner, kind):
    assert kinds(text)[inner] == kind


def mention(text: str, inner: str) -> str | None:
    return next(q.speaker_mention for q in quotes_of(text) if q.text == inner)


@pytest.mark.parametrize("text, inner, expected", [
    # an embedded-looking quotation whose own comma or question mark hands it to the clause after it
    ("Moscow strongly denies it — “why wouldn’t you want to raise it?” asked Ann Dunn, a partner.",
     "why wouldn’t you want to raise it?", "Ann Dunn"),
    ("Kim Lee said the order was meant to “avoid hurting the outcome of the vote,” according to the report.",
     "avoid hurting the outcome of the vote,", "the report"),
    # negative: a comma hands an embedded phrase on only to an "according to" source
    ("Ann Lee expressed hope that the two sides “will come up with countermeasures to threats,” "
     "the presidential office said.", "will come up with countermeasures to threats,", "Ann Lee"),
    # negative: a pronoun after the quotation is the subject of a new clause about the same person
    ("Although Weiner admitted that the two had “been friends for some time?” he claimed they never met.",
     "been friends for some time?", "Weiner"),
    # negative: a participle after the quotation is not an attribution
    ("At the same time, Obama remarked that there is still “more work to do!” noting weak growth in China.",
     "more work to do!", "Obama"),
])
def test_embedded_quote_with_its_own_attribution_after_it(text, inner, expected):
    assert mention(text, inner) == expected


@pytest.mark.parametrize("text, inner, expected", [
    # after a leading participle phrase the main clause's verb may be irregular ("went", "took")
    ("Speaking at a town hall in Salem, New Hampshire, Ann Lee went after Bush, calling him “a total stiff.”",
     "a total stiff.", "Ann Lee"),
    ("Standing on a stage in Austin, Texas, Ann Lee took aim at Bush, calling him “a total stiff.”",
     "a total stiff.", "Ann Lee"),
    # a regular -ed verb still marks the main clause
    ("Speaking at a town hall in Salem, New Hampshire, Ann Lee attacked Bush, calling him “a total stiff.”",
     "a total stiff.", "Ann Lee"),
])
def test_main_clause_after_a_participle_phrase_with_an_irregular_verb(text, inner, expected):
    assert mention(text, inner) == expected


@pytest.mark.parametrize("words, text", [
    (["say", "says", "said", "saying", "sa"], "He says, she said; saying sa say sayings."),
    (["call", "called", "call for", "calls"], "They call for it, called it, calls, recall it."),
    (["a", "ab", "abc"], "abc ab a abcd xab"),
    # negative: text with none of the words gives no match either way
    (["told", "tell"], "nothing to see here"),
])
def test_trie_alternation_matches_like_the_flat_longest_first_list(words, text):
    import re

    from newslens.quotes import trie_alternation
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    edge = r"(?![\w’'-])"
    assert [m.span() for m in re.finditer(rf"\b(?:{trie_alternation(words)}){edge}", text)] == \
        [m.span() for m in re.finditer(rf"\b(?:{flat}){edge}", text)]


@pytest.mark.parametrize("text, ranges, nested, expected", [
    ("ab “cd ef” gh", [(4, 9)], [False], "ab “     ” gh"),
    ("“a\nb” c", [(1, 4)], [False], "“ \n ” c"),                # line breaks stay
    ("abcdefgh", [(1, 5), (3, 7)], [False, False], "a      h"),   # overlapping spans: their union
    # negative: a nested span (a term inside someone's words) is not blanked on its own
    ("ab ‘cd’ ef", [(4, 6)], [True], "ab ‘cd’ ef"),
    ("no quotes here", [], [], "no quotes here"),
])
def test_masked_blanks_quotation_contents_and_keeps_length(text, ranges, nested, expected):
    from newslens.quotes import _masked, _Span
    spans = [_Span(max(0, s - 1), s, e, e, True, nested=n) for (s, e), n in zip(ranges, nested)]
    out = _masked(text, spans)
    assert out == expected and len(out) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("Trump’s team didn’t say it’s over, the ’90s’ style.", []),     # only ’: nothing opens
    ("The minister’s ‘private’ view didn’t change.", ["private"]),
    ("The minister's 'private' view didn't change.", ["private"]),
    ("Trump’s team said 'no deal' today.", ["no deal"]),
])
def test_single_quotations_among_apostrophes(text, expected):
    assert [q.text for q in quotes_of(text)] == expected


# A text whose paragraph breaks were lost: each paragraph of a long quotation opens with a fresh
# straight mark and the previous one never closes.
_COLLAPSED = ('Her host, Serena Last, said: "There are three children in one house, so the noise has '
              'gone up. "It is lovely when they are playing; it is a noisy household now." After the '
              'visas were sorted, Ms Last said there was "all the other stress" of paperwork.')


def test_fresh_straight_mark_after_a_sentence_opens_a_new_quotation():
    qs = quotes_of(_COLLAPSED)
    assert [q.text for q in qs] == [
        "There are three children in one house, so the noise has gone up.",
        "It is lovely when they are playing; it is a noisy household now.",
        "all the other stress"]
    assert [q.speaker_mention for q in qs] == ["Her host", "Her host", "Ms Last"]


@pytest.mark.parametrize("text, inner", [
    # a quotation nested in another after a word is not a fresh opening
    ('He said: "So if somebody walks in and says, "I want 10,000 rounds," you would worry."',
     'So if somebody walks in and says, '),
    # curly marks nest: “ inside “…” does not end the outer quotation
    ("Jack noted that “many of those elected from his “list” are undecided.”",
     "many of those elected from his “list"),
])
def test_nested_marks_are_not_fresh_openings(text, inner):
    assert quotes_of(text)[0].text == inner


def test_sentences_split_after_a_quotation_whose_paragraph_break_was_lost():
    art = Article("t", "t.txt", _COLLAPSED)
    sents = [s.text for s in split_sentences(art)]
    assert sents[-1].startswith("After the visas were sorted")
    assert len(sents) == 2


@pytest.mark.parametrize("text, inner", [
    # wire copy closing a "-opened quotation with a doubled acute accent or apostrophe
    ('He spoke. "That is why China is so confident,´´ Ai said. "They cannot live without China."',
     ["That is why China is so confident,", "They cannot live without China."]),
    ("He spoke. \"It is about who has the right to do what,'' he said.", ["It is about who has the right to do what,"]),
    # negative: '' not glued to a word, or with no open quotation, is not a mark
    ("He bought 12'' guns and said \"fine\".", ["fine"]),
])
def test_doubled_accent_or_apostrophe_closes_an_open_quotation(text, inner):
    assert [q.text for q in quotes_of(text) if q.kind != "scare" or q.text == "fine"] == inner


@pytest.mark.parametrize("text, sentences", [
    # a closing quotation mark glued to the next sentence
    ("“It should be condemned.”On Monday, Dominic Raab said the office will act.",
     ["“It should be condemned.”", "On Monday, Dominic Raab said the office will act."]),
    # a photo credit closes its caption
    ("Firefighters work at a school in Nikopol. (AP Photo/Jane Doe) The school had 400 pupils.",
     ["Firefighters work at a school in Nikopol.", "(AP Photo/Jane Doe)", "The school had 400 pupils."]),
    ("Leaders meet in Bormes, Aug. 19, 2022. (Eric Gaillard, Pool via AP) The talks went on.",
     ["Leaders meet in Bormes, Aug. 19, 2022.", "(Eric Gaillard, Pool via AP)", "The talks went on."]),
    # negative: an ordinary parenthesis is not a credit
    ("He met the minister (the second time this year) Monday in Kyiv.",
     ["He met the minister (the second time this year) Monday in Kyiv."]),
])
def test_sentence_ends_at_glued_quote_marks_and_photo_credits(text, sentences):
    art = Article("t", "t.txt", text)
    assert [s.text for s in split_sentences(art)] == sentences
