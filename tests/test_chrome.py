"""Photo-caption credits are recognised at the end of a line, however long the line."""
import pytest

from newslens.chrome import _is_caption, find_chrome


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
    body = "Officials said the strikes continued overnight. " * 20_000   # ~1 MB, one line
    assert not _is_caption(body)
    assert _is_caption(body + "Photo by staff. AP")
    assert find_chrome(body.strip()) == []


from newslens.model import Article  # noqa: E402
from newslens.sentences import chrome_flags  # noqa: E402


@pytest.mark.parametrize("chrome, spans", [
    ((), [(0, 5), (5, 9)]),
    (((10, 20),), [(0, 10), (9, 11), (20, 25), (12, 15)]),
    (((30, 40), (0, 5)), [(4, 6), (5, 30), (39, 50), (41, 60)]),      # chrome given out of order
    (((0, 50), (10, 12)), [(20, 30), (50, 51)]),                        # one span inside another
    (((8, 8),), [(7, 9), (8, 9), (0, 8)]),                              # an empty chrome span
])
def test_chrome_flags_answer_what_in_chrome_answers(chrome, spans):
    article = Article("d", "d.txt", "x" * 80, chrome=chrome)
    assert chrome_flags(chrome, spans) == [article.in_chrome(s, e) for s, e in spans]
