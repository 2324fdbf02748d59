"""Second-pass figure rules (newslens.figure_rules) on small made-up sentences.

Each case builds the row the first pass would have emitted, runs `refine_figures` on it, and
checks what is left: dropped, kept unchanged, or corrected."""
from __future__ import annotations

import re

import pytest

from newslens.figure_rules import refine_figures
from newslens.model import Figure, Sentence


def _row(text: str, surface: str, value: float, unit: str = "count", counts: str | None = None,
         *, approx: bool = False, currency: str | None = None, nth: int = 0) -> Figure:
    # the surface as a whole number: "9" is not found inside "10,900" or "1" inside "13.63"
    hits = list(re.finditer(rf"(?<![\d,.]){re.escape(surface)}(?!\d|[,.]\d)", text))
    start = hits[nth].start()
    return Figure("d", 0, start, start + len(surface), surface, value, unit, counts, approx, currency)


def _refine(text: str, rows: list[Figure]) -> list[Figure]:
    out = refine_figures(text, [Sentence("d", 0, 0, len(text), text)], rows)
    for f in out:                                  # the contract: offsets point at the surface
        assert text[f.start:f.end] == f.surface
    return out


# (sentence, surface, value, unit, counts, kept?)
DROP_OR_KEEP = [
    # codes, names, markup
    ("Security was tightened after the 9/11 attacks.", "9", 9, "count", "prices", False),
    ("Volunteers are working 24/7 at the station.", "24", 24, "count", "refugees", False),
    ("Wheat hit $13.63-1/2 a bushel.", "1", 1, "money", None, False),
    ("Money in your 401(k) plans is at risk.", "401", 401, "count", "savings", False),
    ('<tweet tweet_id="694285415839330306">Taxes!</tweet>', "694285415839330306", 6.9e17, "count", "taxes", False),
    ("Donors tied to the GÃ1⁄4len movement gave money.", "1", 1, "count", "fundraising", False),
    ("Leaders of the Group of Seven nations met.", "Seven nations", 7, "count", "nations", False),
    ("Leaders of seven nations met in Berlin.", "seven nations", 7, "count", "nations", True),
    ("The shop sold 24 units in 7 days.", "24 units", 24, "count", "units", True),
    # ages
    ("She bought a flat in 2016, when she was 21.", "21", 21, "count", "prices", False),
    ("A bid at age 78 seems improbable.", "78", 78, "count", None, False),
    ("Voters aged 54 to 65 saved less.", "54", 54, "count", "revenue", False),
    ("When the shelling began, 21 residents fled.", "21 residents", 21, "count", "residents", True),
    # ratios
    ("China may outnumber them by 80 to 1, he said.", "80", 80, "count", "population", False),
    ("China may outnumber them by 80 to 1, he said.", "1", 1, "count", "population", False),
    ("Clinton leads Sanders, 1,428 to 1,153, among delegates.", "1,428", 1428, "count", "delegates", True),
    ("The vote passed by 141 out of 193 votes.", "141", 141, "count", "votes", True),
    ("The vote passed by 141 out of 193 votes.", "193 votes", 193, "count", "votes", True),
    ("Only one out of six nuclear reactors was working.", "six nuclear reactors", 6, "count", "nuclear reactors", True),
    # birthdays
    ("He was a month shy of his 27th birthday.", "27th birthday", 27, "ordinal", "birthday", False),
    ("The water tower will be rebuilt for the city's 240th birthday.", "240th birthday", 240, "ordinal", "birthday", True),
    # "one" as an article or pronoun
    ("What one person calls a choke strategy is new.", "one person calls", 1, "count", "calls", False),
    ("One soldier looked queasy as the medic worked.", "One soldier", 1, "count", "soldier", False),
    ("I am just one person, he said.", "one person", 1, "count", "person", False),
    ("Rubio and Bush are cannibalizing one another's voters.", "one another's voters", 1, "count", "voters", False),
    ("He saw the face of one soldier or another on posters.", "one soldier", 1, "count", "soldier", False),
    ("The strike killed one person and wounded 14.", "one person", 1, "count", "person", True),
    ("Officials said that one person was hospitalised.", "one person", 1, "count", "person", True),
    ("Some victims, including at least one child, burned to death.", "one child", 1, "count", "child", True),
    ("Prosecutors have details of 161 men, 73 women and one child.", "one child", 1, "count", "child", True),
    ("Together they had one child, a son.", "one child", 1, "count", "child", True),
    ("He cut hiring to one construction crew from two.", "one construction crew", 1, "count", "crew", True),
    ("Two rounds landed in courtyards, and one shell fell near a school.", "one shell", 1, "count", "shell", True),
    ("Rescuers lifted one person from the ruins and carried away two bodies.", "one person", 1, "count",
     "person", True),
    ("One shell squealed overhead and hit a house.", "One shell", 1, "count", "shell", False),
    ("The family of one fighter said he was brave.", "one fighter", 1, "count", "fighter", False),
    # deictic small numbers
    ("The three volunteers collected her from the village.", "three volunteers", 3, "count", "volunteers", False),
    ("Those two objectives are not the same.", "two objectives", 2, "count", "objectives", False),
    ("Three volunteers collected her from the village.", "Three volunteers", 3, "count", "volunteers", True),
    ("The four-person band had a hit.", "four-person band", 4, "count", "band members", True),
    ("Nato admitted the 32 members.", "32 members", 32, "count", "members", True),
    # rates and idioms
    ("We are working seven days a week.", "seven days", 7, "duration", "days", False),
    ("The city was shelled 24 hours a day.", "24 hours", 24, "duration", "hours", False),
    ("The siege lasted seven days in March.", "seven days", 7, "duration", "days", True),
    ("We put one foot in front of the other.", "one foot", 1, "other", "feet", False),
    ("The water rose one foot higher than before.", "one foot", 1, "other", "feet", True),
]


@pytest.mark.parametrize("text,surface,value,unit,counts,kept", DROP_OR_KEEP)
def test_drop_or_keep(text, surface, value, unit, counts, kept):
    row = _row(text, surface, value, unit, counts)
    out = _refine(text, [row])
    assert (row in out) is kept


@pytest.mark.parametrize("text,surface,value,want_surface,want_value,want_counts,want_approx", [
    ("Nine in 10 Democratic voters say she could win.", "10 Democratic voters", 10,
     "Nine in 10", 90.0, "voters", False),
    ("About 4 in 10 registered voters like him.", "10 registered voters", 10, "4 in 10", 40.0, "voters", True),
    ("Six in 10 say he is decisive.", "10", 10, "Six in 10", 60.0, None, False),
    ("One survey shows one in six households use food banks.", "six households", 6,
     "one in six", 16.7, "households", False),
    ("But two out of three Americans feel it.", "three Americans", 3, "two out of three", 66.7, "americans", False),
])
def test_proportion_becomes_one_percent_row(text, surface, value, want_surface, want_value, want_counts,
                                            want_approx):
    counts = want_counts if surface != "10" else "approval rating"
    out = _refine(text, [_row(text, surface, value, "count", counts)])
    assert [(f.surface, f.value, f.unit, f.counts, f.approx) for f in out] == [
        (want_surface, want_value, "percent", want_counts, want_approx)]


def test_numerator_and_denominator_give_one_row():
    text = "More than 4 in 10 said Trump would be best."
    rows = [_row(text, "4", 4, "count", "gdp", approx=True), _row(text, "10", 10, "count", "gdp")]
    out = _refine(text, rows)
    assert [(f.surface, f.value, f.unit, f.approx) for f in out] == [("4 in 10", 40.0, "percent", True)]


def test_numerator_alone_becomes_the_proportion():
    text = "He won roughly 7 in 10 not registered as Democrats."
    out = _refine(text, [_row(text, "7", 7, "count", "approval rating")])
    assert [(f.surface, f.value, f.unit, f.approx) for f in out] == [("7 in 10", 70.0, "percent", True)]


def test_a_name_is_not_a_numerator():
    text = "Russia took control of Uranium One in three separate transactions."
    row = _row(text, "three separate transactions", 3, "count", "transactions")
    assert _refine(text, [row]) == [row]


@pytest.mark.parametrize("text,surface,counts,want_surface,want_counts", [
    ("Citizens living in 38 countries cast votes by mail.", "38 countries cast votes", "votes",
     "38 countries", "countries"),
    ("Only one of the 168 committee members publicly supports Trump.", "168 committee members publicly supports",
     "supports", "168 committee members", "members"),
    ("Only 19 support Sanders.", "19 support Sanders", "Sanders", "19", None),
    ("The 2 million internally displaced children need help.", "2 million internally displaced children",
     "children", "2 million internally displaced children", "children"),
    ("He made seven phone calls this morning.", "seven phone calls", "calls", "seven phone calls", "calls"),
    ("Eight buses carrying evacuees arrived.", "Eight buses carrying evacuees", "evacuees", "Eight buses", "buses"),
    ("Police sought 14 fugitives overseas.", "14 fugitives overseas", "overseas", "14 fugitives", "fugitives"),
    ("Polling across 10 European countries suggests a shift.", "10 European countries suggests", "suggests",
     "10 European countries", "countries"),
    ("Last year a dozen states held contests.", "a dozen states held contests", "contests", "a dozen states", "states"),
    ("It found 6,300 relevant weapons systems in use.", "6,300 relevant weapons systems", "systems",
     "6,300 relevant weapons systems", "systems"),
])
def test_noun_phrase_stops_at_a_verb(text, surface, counts, want_surface, want_counts):
    out = _refine(text, [_row(text, surface, 19.0, "count", counts)])
    assert [(f.surface, f.counts) for f in out] == [(want_surface, want_counts)]


def test_a_word_number_before_a_verb_is_dropped():
    text = "If two became NATO members, the alliance would grow."
    assert _refine(text, [_row(text, "two became NATO members", 2, "count", "members")]) == []


@pytest.mark.parametrize("text,surface,value,want", [
    ("Maybe one or two million people were deported.", "one", 1, 1e6),
    ("We can win seven or eight thousand votes.", "seven", 7, 7000),
    ("Exports of 23.9 to 40 million tonnes are possible.", "23.9", 2.39e7, 2.39e7),
    ("It sold one or two items a week.", "one", 1, 1),
    ("Nearly two dozen journalists have been killed.", "two dozen journalists", 2, 24),
    ("A dozen residences were damaged.", "A dozen residences", 12, 12),
])
def test_range_and_dozen_values(text, surface, value, want):
    out = _refine(text, [_row(text, surface, value, "count", "people")])
    assert [f.value for f in out] == [want]


@pytest.mark.parametrize("text,row,want", [
    ("Two soldiers were jailed for 11 and a half years.", ("11", 11, "count", "troops"),
     ("11 and a half years", 11.5, "duration", "years", False)),
    ("Only around a quarter of a million inhabitants stayed.", ("a million inhabitants", 1e6, "count", "inhabitants"),
     ("a quarter of a million inhabitants", 250000, "count", "inhabitants", True)),
    ("They owe nearly three quarters of a trillion dollars.", ("a trillion dollars", 1e12, "money", None),
     ("three quarters of a trillion dollars", 7.5e11, "money", None, True)),
    ("Gas prices dropped for 58 straight days.", ("58 straight days", 58, "count", "days"),
     ("58 straight days", 58, "duration", "days", False)),
    ("Six terawatt hours were saved.", ("Six terawatt hours", 6, "count", "hours"),
     ("Six terawatt hours", 6, "count", "hours", False)),
])
def test_fractions_halves_and_time_counts(text, row, want):
    out = _refine(text, [_row(text, *row)])
    assert [(f.surface, f.value, f.unit, f.counts, f.approx) for f in out] == [want]


def test_a_clock_time_is_not_a_count():
    text = "It was 2 o´clock in the morning and she was scared."
    assert _refine(text, [_row(text, "2", 2, "count", "refugees")]) == []


@pytest.mark.parametrize("text,surface,want", [
    ("Drills involved around 10,000 American and 200,000 Korean troops.", "200,000 Korean troops", True),
    ("Russia kept about 500 troops and 50 armoured vehicles there.", "50 armoured vehicles", False),
    ("Drills involved 10,000 American and 200,000 Korean troops.", "200,000 Korean troops", False),
])
def test_hedge_shared_by_coordinated_numbers(text, surface, want):
    out = _refine(text, [_row(text, surface, 1.0, "count", "troops")])
    assert [f.approx for f in out] == [want]


@pytest.mark.parametrize("text,surface,counts,want", [
    ("The futuristic $700m yacht was seized in Tuscany.", "$700m", "territory", None),
    ("The Senate voted to approve a new $40bn bill to provide military aid.", "$40bn", "approval rating", "military aid"),
    ("He fled with $100 sewn into his coat, like other refugees.", "$100", "refugees", None),
    ("The $40bn in military aid was approved.", "$40bn", "aid", "aid"),   # a money label stays
    ("A $4,000 detector to aid in clearing mines arrived.", "$4,000", "aid", None),
    ("Congress passed $40bn to aid Ukraine.", "$40bn", "aid", "aid"),
])
def test_money_never_counts_people_or_land(text, surface, counts, want):
    out = _refine(text, [_row(text, surface, 1.0, "money", counts, currency="USD")])
    assert [f.counts for f in out] == [want]


def test_rows_stay_in_order_and_unrelated_rows_are_untouched():
    text = "In 2022, 10,900 North Korean troops and 155mm shells arrived after the 9/11 anniversary."
    rows = [_row(text, "10,900 North Korean troops", 10900, "count", "troops", approx=True),
            _row(text, "155mm", 155, "caliber_mm", "shell caliber"),
            _row(text, "9", 9, "count", "prices")]
    assert _refine(text, rows) == rows[:2]


def test_a_second_pass_changes_nothing():
    """Rows that come out of refine_figures are final: "the two warring sides exchanged …" is cut
    to "two warring sides" and then found deictic in the same pass, not in a later one."""
    text = "Even as the two warring sides exchanged new accusations, 38 countries cast votes."
    rows = [_row(text, "two warring sides exchanged new accusations", 2, "count", "accusations"),
            _row(text, "38 countries cast votes", 38, "count", "votes")]
    once = _refine(text, rows)
    assert [f.surface for f in once] == ["38 countries"]
    assert _refine(text, once) == once
