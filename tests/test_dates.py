"""Dates: each pattern and the year resolution on small made-up sentences, negatives included."""
from datetime import date

import pytest

from newslens.dates import date_spans, extract_dates, find_dates, resolve_year
from newslens.figures import find_figures
from newslens.model import Article
from newslens.sentences import split_sentences


def dates(text, published=None):
    return [(text[s:e], iso) for s, e, iso in find_dates(text, published=published)]


@pytest.mark.parametrize("text, published, expected", [
    ("In a press conference on Nov. 7, Yoon spoke.", "2024-11-27", [("Nov. 7", "2024-11-07")]),
    ("He spoke on Oct. 29 by phone.", "2024-11-27", [("Oct. 29", "2024-10-29")]),
    ("Dated Wednesday, November 27, 2024, the memo leaked.", None, [("November 27, 2024", "2024-11-27")]),
    ("They met on September 13, 2023.", "2024-11-27", [("September 13, 2023", "2023-09-13")]),
    ("Signed on 29 January 2024 in Kyiv.", None, [("29 January 2024", "2024-01-29")]),
    ("The invasion began on 24 February.", "2022-06-03", [("24 February", "2022-02-24")]),
    ("Celebrations fell on the 24th of February.", None, [("24th of February", "--02-24")]),
    ("The war began in February 2022.", None, [("February 2022", "2022-02")]),
    ("The paper reported in December that stocks fell.", None, [("December", "--12")]),
    ("Troops trained in Ukraine on January 29.", None, [("January 29", "--01-29")]),
    ("Fighting eased in mid-March.", "2022-06-01", [("March", "2022-03")]),
    ("Ties go back to 1990 when Moscow recognised Seoul.", None, [("1990", "1990")]),
    ("Sanctions have applied since 2014.", None, [("2014", "2014")]),
    ("After the 2014 annexation of Crimea, talks stalled.", None, [("2014", "2014")]),
    ("Fighting raged between 2014 and 2022.", None, [("2014", "2014"), ("2022", "2022")]),
    ("The file is dated 2024-11-27.", None, [("2024-11-27", "2024-11-27")]),
    ("Posted 2024-11-27T10:00 by the ministry.", None, [("2024-11-27", "2024-11-27")]),
    ("The decree of 27.11.2024 takes effect.", None, [("27.11.2024", "2024-11-27")]),
    ("Talks ran between Feb. 24 and March 3, 2022.", None,
     [("Feb. 24", "2022-02-24"), ("March 3, 2022", "2022-03-03")]),
])
def test_dates_and_iso(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text", [
    "On Tuesday, officials met again.",
    "Last week the talks collapsed.",
    "Yesterday the minister resigned.",
    "The blast came at 9:05 p.m. local time.",
    "They may meet soon, he said.",
    "Troops march on the capital.",
    "In 2000 troops were sent.",
    "The Euro 2024 final was played.",
    "Music of the 1990s is back.",
    "Seoul sent 2024 shells.",
    "He said this month would be decisive.",
])
def test_not_dates(text):
    assert dates(text, "2024-11-27") == []


@pytest.mark.parametrize("month, day, published, future, year", [
    (10, 29, date(2024, 11, 27), False, 2024),     # a month back
    (9, None, date(2024, 11, 20), False, 2024),    # no future cue: news looks back
    (1, None, date(2024, 11, 20), False, 2024),    # January is 10 months back, still the past
    (1, None, date(2024, 11, 20), True, 2025),     # "will ... in January"
    (12, None, date(2024, 11, 20), False, 2024),   # last December is too far back: the coming one
    (1, 3, date(2024, 12, 20), False, 2025),       # the past one is too far back
    (2, None, date(2022, 11, 2), False, 2022),     # "invaded in February", written in November
    (11, 27, date(2024, 11, 27), False, 2024),
    (5, None, None, False, None),                  # no publication date: no year
])
def test_resolve_year(month, day, published, future, year):
    assert resolve_year(month, day, published, future=future) == year


def test_future_cue_and_deadline_pick_the_coming_month():
    assert dates("Seoul will decide in December.", "2024-11-20") == [("December", "2024-12")]
    assert dates("It agreed to stop imports by mid-August.", "2022-05-31") == [("August", "2022-08")]


def test_date_spans_cover_times_for_the_figures_extractor():
    text = "At 9:05 p.m. on Nov. 7 the blast came."
    covered = [text[s:e] for s, e in date_spans(text)]
    assert "9:05 p.m." in covered and "Nov. 7" in covered


def test_extract_dates_skips_chrome_and_slices_exactly():
    text = "Wednesday, November 27, 2024\nYoon spoke on Nov. 7 in Seoul about the plan for his visit.\n"
    article = Article(doc_id="d", path="d.txt", text=text, published="2024-11-27", chrome=((0, 28),))
    found = extract_dates(article, split_sentences(article))
    assert [(d.surface, d.iso) for d in found] == [("Nov. 7", "2024-11-07")]
    assert all(text[d.start:d.end] == d.surface for d in found)


from hypothesis import given, settings, strategies as st

_PIECES = st.sampled_from(["Nov. 7", "November", "May", "29", " 2024", "1990", "in ", "since ", "the ",
                           "between ", " and ", "-", "February 30", "31", ",", ".", " ", "mid-", "24th of ",
                           "2024-02-30", "2024-11-27", "9:05 p.m.", "Tuesday", "last "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.sampled_from([None, "2024-11-27", "2024-02-29", "bad"]))
def test_any_text_gives_valid_iso_rows(text, published):
    article = Article(doc_id="d", path="d.txt", text=text, published=published)
    for d in extract_dates(article, split_sentences(article)):
        assert text[d.start:d.end] == d.surface
        iso = d.iso
        if iso.startswith("--"):
            month = int(iso[2:4])
            assert 1 <= month <= 12
        else:
            year, *rest = iso.split("-")
            assert len(year) == 4 and all(len(x) == 2 for x in rest)
            if len(rest) == 2:
                date(int(year), int(rest[0]), int(rest[1]))   # a real calendar day


@pytest.mark.parametrize("text, start, end, holds", [
    ("Kyiv said so. It rained in March. Then it stopped.", 14, 33, True),     # a month name
    ("Kyiv said so. It rained in March. Then it stopped.", 0, 13, False),     # neither
    ("Kyiv said so. Since 2014 the war. Then it stopped.", 14, 33, True),     # a year
    ("Kyiv said so. The 12 drones fell. Then it stopped.", 14, 33, False),    # a number, no year
    ("Kyiv said so.March 3 it rained. Then it stopped.", 14, 31, True),       # no space before: the sentence decides
])
def test_may_hold_dates_rules_out_sentences_without_a_month_or_year(text, start, end, holds):
    from newslens.dates import may_hold_dates
    assert may_hold_dates(text, start, end) is holds
    if not holds:
        assert find_dates(text[start:end], published="2024-11-27") == []


# A year between a possessive or determiner and a singular noun names a time; before a count
# noun it is a count, and then the figures table (not the dates table) has it. Neither table
# claims a year before some other plural or a capitalised name.
@pytest.mark.parametrize("text, year, owner", [
    ("Donors kept her 2008 campaign going.", "2008", "date"),
    ("His 2016 election surprised pollsters.", "2016", "date"),
    ("Obama's 2012 race was close.", "2012", "date"),
    ("The party lost its 1998 majority.", "1998", "date"),
    ("A 2019 study found the same.", "2019", "date"),
    ("They repeated their 2016 elections.", "2016", "date"),      # a plural event noun
    ("They sent their 2000 troops north.", "2000", "figure"),     # a count noun
    ("She thanked her 2000 volunteers.", "2000", "figure"),
    ("He lost his 2008 votes to fraud.", "2008", "figure"),
    ("They sold a 2000 drone batch.", "2000", "figure"),
    ("We met our 2000 cousins.", "2000", None),                   # another plural: no date
    ("Her 1850 novel sold well.", "1850", None),                  # before 1900: not this rule
    ("Her 2008 Campaign Fund paid.", "2008", None),               # no lowercase noun after it
])
def test_year_after_possessive_or_determiner(text, year, owner):
    start = text.index(year)
    is_date = (start, start + 4, year) in find_dates(text, published="2024-11-27")
    is_figure = any(f[0] == start for f in find_figures(text))
    assert (is_date, is_figure) == (owner == "date", owner == "figure")


@pytest.mark.parametrize("text, month_rows", [
    ("She began her March trip early.", 1),                  # a possessive, a month, a noun: that March
    ("It followed his June meeting with Putin.", 1),
    ("They backed her May plan.", 0),                        # "May" after a possessive: a name
    ("It was all her March.", 0),                            # no noun after the month
    ("It took place in March.", 1),
])
def test_possessive_determiners_admit_a_month_before_a_noun(text, month_rows):
    assert len(find_dates(text, published="2024-11-27")) == month_rows


@pytest.mark.parametrize("text, surfaces", [
    ('<tweet id="67213" author="@x" datetime="2015-12-02">Scanner: the fire began Dec. 1.</tweet>',
     ["Dec. 1"]),
    ('<tweet tweet-author="@y" tweet-date="February 16, 2016">PREACH! Since 2014 it grew.</tweet>',
     ["2014"]),
    ("Prices rose 3 < 4 since 2014 and fell > 2 later.", ["2014"]),   # comparison signs, no tag
    ("<p>On 2015-12-02 the fire began.</p>", ["2015-12-02"]),         # between tags: text
])
def test_dates_inside_markup_tags_are_not_rows(text, surfaces):
    article = Article(doc_id="d", path="d.txt", text=text, published="2016-02-20")
    assert [d.surface for d in extract_dates(article, split_sentences(article))] == surfaces


# --- recall classes found on real news (h1 audit) --------------------------------------------
@pytest.mark.parametrize("text, published, expected", [
    ("He was freed in an April prisoner swap.", "2022-08-09", [("April", "2022-04")]),
    ("Fans loved November's World Cup.", "2022-12-20", [("November", "2022-11")]),
    ("The plan covers the November election.", "2016-04-15", [("November", "2016-11")]),
    ("Turnout in the November election was low.", "2016-12-10", [("November", "2016-11")]),
    ("Prices fell after the February invasion.", "2022-08-01", [("February", "2022-02")]),
    ("It will supply more in July and August.", "2022-06-02", [("July", "2022-07"), ("August", "2022-08")]),
    ("Ads run in December and January.", "2015-11-27", [("December", "2015-12"), ("January", "2016-01")]),
    ("Polls in February and October agreed.", "2016-05-12", [("February", "2016-02"), ("October", "2015-10")]),
    ("We would be plunged back into 1992.", None, [("1992", "1992")]),
    ("It was the final tournament of 2022.", None, [("2022", "2022")]),
    ("Turnout beat the primary of 2008.", None, [("2008", "2008")]),
    ("He defended the 2012 Deferred Action program.", None, [("2012", "2012")]),
    ("The order goes into effect Jan. 1.", "2022-08-25", [("Jan. 1", "2023-01-01")]),
])
def test_recall_classes(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text", [
    "The glass split into 2000 pieces.",          # "into" before a count
    "The 2000 Marines landed at dawn.",           # a count before a capitalised noun
    "They marched to the March of Dimes.",        # a name, not a month
    "It beat last December's forecast.",          # "last December": relative, like "last week"
    "Critics said May's plan failed.",            # Theresa May's
    "A budget of 2000 was set.",                  # "of" after a non-event noun
])
def test_recall_class_negatives(text):
    assert dates(text, "2022-06-05") == []


@pytest.mark.parametrize("text, published, expected", [
    ("Ruins in Nikopol, Ukraine, on Monday, Aug, 22, 2022.", None, [("Aug, 22, 2022", "2022-08-22")]),
    ("Dhaka, Bangladesh, Tuesday, Aug.23, 2022.", None, [("Aug.23, 2022", "2022-08-23")]),
    ("The holiday marks Ukraine´s 1991 declaration.", None, [("1991", "1991")]),
    ("The upgrade followed his June meeting with Putin.", "2022-08-01", [("June", "2022-06")]),
    ("Gas was paid for April in full.", "2022-05-01", [("April", "2022-04")]),
    ("The trial is set for November.", "2016-05-29", [("November", "2016-11")]),
    ("The 2022 U.S. Open begins Monday.", None, [("2022", "2022")]),
    ("He was a patriot since the Orange Revolution of 2004.", None, [("2004", "2004")]),
    ("Sales trebled from the same period of 2021.", None, [("2021", "2021")]),
    ("She ran in 2010, 2014 and 2019.", None, [("2010", "2010"), ("2014", "2014"), ("2019", "2019")]),
    ("A document dated 2006 was found.", None, [("2006", "2006")]),
])
def test_recall_classes_second_pass(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("In Aug, 22 people died.", []),                        # a comma after the month needs ", <year>" later
    ("In 2014, 2000 troops came.", [("2014", "2014")]),     # a year after a comma only continues a list
    ("Support for May was waning.", []),                    # "for May": a name
])
def test_recall_class_negatives_second_pass(text, expected):
    assert dates(text, "2022-06-05") == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Her account in 2008 of coming under fire was wrong.", None, [("2008", "2008")]),
    ("It came before Biden’s July visit to the region.", "2022-08-30", [("July", "2022-07")]),
    ("In 2000 of the villages, people left.", None, []),      # "of the": a count of villages
    ("It was Theresa May's plan.", None, []),
])
def test_held_out_classes(text, published, expected):
    assert dates(text, published) == expected
