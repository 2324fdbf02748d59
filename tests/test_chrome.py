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
