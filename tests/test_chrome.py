"""Photo-caption credits are recognised at the end of a line, however long the line; the second
and later copies of a repeated sentence inside one article are chrome, the first copy is not."""
import random

import pytest

from newslens.chrome import _is_caption, _may_repeat, _repeat_spans, find_chrome
from newslens.sentences import paragraphs, split_paragraph


@pytest.mark.parametrize("line, expected", [
    ("Soldiers fire a howitzer near Bakhmut. Photo: Bloomberg", True),
    ("Credit : Ministry of Defence", True),
    ("President Yoon speaks in Seoul on Tuesday. AP-Yonhap", True),
    ("A launcher on display in Seoul. [MINISTRY OF NATIONAL DEFENSE]", True),
    ("Rescuers search the rubble in Dnipro. (AP)", True),
    ("Rescuers search the rubble in Dnipro. Getty Images.", True),
    ("Rescuers search the rubble in Dnipro, Reuters", True),
    ("He said the photo was taken in Kyiv.", False),
    ("The deal was reported by Reuters and others.", False),
    ("He worked for CNAP", False),                      # AP inside a word is no credit
    ("The unit moved to the NATO-Russia border", False),  # two capitals after the dash
    ("[Seoul] Officials met on Monday", False),
    ("", False),
])
def test_caption_credit(line, expected):
    assert _is_caption(line) is expected


def test_caption_credit_at_the_end_of_a_very_long_line():
    body = "".join(f"Officials said {i} strikes continued overnight. " for i in range(20_000))
    assert not _is_caption(body)                                       # ~1 MB, one line
    assert _is_caption(body + "Photo by staff. AP")
    assert find_chrome(body.strip()) == []


def test_a_very_long_line_of_one_repeated_sentence():
    body = ("Officials said the strikes continued overnight. " * 20_000).strip()
    chrome = find_chrome(body)
    assert len(chrome) == 19_999 and chrome[0][0] > 0                  # all but the first copy
    assert all(body[s:e] == "Officials said the strikes continued overnight." for s, e in chrome)


STORY = ("Russian forces shelled the city of Nikopol overnight, the regional governor said. "
         "Three people were wounded and a school was damaged, officials reported on Sunday. ")
CAPTION = "Firefighters work at a damaged school in Nikopol, Ukraine, Sunday, Aug. 28, 2022."
QUOTED = 'A soldier stands guard near a sign reading "Nikopol is Ukraine" in the city centre.'
CREDIT = "(AP Photo/Jane Doe)"


def _sentence_flags(text: str) -> list[tuple[str, bool]]:
    """Each sentence (as the pipeline cuts them) with whether it lies in chrome."""
    chrome = find_chrome(text)
    return [(text[s:e], any(a < e and s < b for a, b in chrome))
            for _p, ps, pe in paragraphs(text) for s, e in split_paragraph(text, ps, pe)]


@pytest.mark.parametrize("text, expected", [
    # AP export: one line, the caption and its credit repeated after the story (a credit is a
    # sentence of its own: the splitter ends a sentence before and after it)
    (f"{STORY}{CAPTION} {CREDIT} The school had 400 pupils before the war. {CAPTION} {CREDIT}",
     [False, False, False, False, False, True, True]),
    # a copy carrying a quotation is chrome when a credit closes it
    (f"{STORY}{QUOTED} {CREDIT} Officials counted the damage on Monday morning. {QUOTED} {CREDIT}",
     [False, False, False, False, False, True, True]),
    # near-verbatim copies: spacing, case of nothing else, ´ for ', a FILE tag
    (f"{STORY}Ukraine´s  army   holds the line near the Dnieper river, officials say. "
     "Ukraine's army holds the line near the Dnieper river, officials say.",
     [False, False, False, True]),
    (f"{STORY}{CAPTION} {CREDIT} FILE - {CAPTION}", [False, False, False, False, True]),
    # the copy is on its own line, the first inside a paragraph
    (f"{STORY}{CAPTION}\n\nA new paragraph about the war starts here and goes on.\n\n{CAPTION}",
     [False, False, False, False, True]),
    # negatives: a short repeated sentence, a repeated quotation of the story, a new caption
    (f"{STORY}He refused. Then the talks resumed in Geneva on Monday. He refused.",
     [False, False, False, False, False]),
    (f'{STORY}“We will rebuild the school,” the mayor said on Sunday afternoon. Crews arrived. '
     '“We will rebuild the school,” the mayor said on Sunday afternoon.',
     [False, False, False, False, False]),
    (f"{STORY}{CAPTION} {CREDIT} A volunteer clears rubble outside the school, Sunday, Aug. 28, 2022. "
     f"{CREDIT}", [False, False, False, False, False, False]),
    (STORY + STORY.replace("Three", "Four"), [False, False, True, False]),
])
def test_repeated_sentences_are_chrome_after_the_first_copy(text, expected):
    flags = _sentence_flags(text)
    assert [f for _s, f in flags] == expected, flags


# Pieces near the bounds of the cheap test: many cuts in a sentence just over 40 characters,
# spacing inside a copy, ´ for ', FILE tags and credits before a copy.
PIECES = [CAPTION, QUOTED, CREDIT, "FILE -", "(AP Photo/Jane Doe, File)", "He left!", "Why?",
          "Dr. J. R. Smith met Gen. A. B. Jones in Kyiv.", "The mayor visited the ruined school today.",
          "The mayor visited  the ruined\tschool today.", "U.S. troops left the base at Rzeszow, Poland.",
          "“Hold on,” he said. “We are nearly there.”", "Ukraine´s army held the line at the river all week.",
          "Ukraine's army held the line at the river all week.", "\n"]


def test_the_cheap_repeat_test_never_hides_a_repeat():
    """`_may_repeat` False must mean `_repeat_spans` finds nothing, however copies are spaced,
    credited, tagged or punctuated (random articles made of PIECES)."""
    found = 0
    for seed in range(300):
        rng = random.Random(seed)
        text = "".join(rng.choice(PIECES) + rng.choice([" ", "  ", "\t", " \xa0", "\n"])
                       for _ in range(rng.randint(2, 14)))
        spans = _repeat_spans(text, [(s, e) for _p, s, e in paragraphs(text)], [])
        found += bool(spans)
        assert _may_repeat(text) or not spans, text
    assert found > 50              # the articles do repeat sentences: the test has something to test
