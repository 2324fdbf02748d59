"""Decoding: UTF-8, BOMs, UTF-16 with and without BOM, Windows-1252, and what is refused."""
import pytest

from newslens.corpus import SkipFile, decode

NEWS = ("Kyiv’s mayor said on Tuesday that “the city will hold” — despite 1,200 missiles fired "
        "at the café district. The naïve plan cost €4.5 million, officials said.")


@pytest.mark.parametrize("data, expected", [
    (NEWS.encode("utf-8"), NEWS),
    (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), NEWS),
    (NEWS.encode("utf-16"), NEWS),                       # with BOM
    (NEWS.encode("utf-16-le"), NEWS),                    # without BOM
    (NEWS.encode("utf-16-be"), NEWS),
    (NEWS.encode("cp1252"), NEWS),                       # not cp1250, which a detector guesses
    ("Der Kanzler äußerte sich über 14 Leopard-Panzer – „richtig“.".encode("cp1252"),
     "Der Kanzler äußerte sich über 14 Leopard-Panzer – „richtig“."),
    ("Министерство обороны заявило, что войска уничтожили 12 беспилотников над Белгородом.".encode("cp1251"),
     "Министерство обороны заявило, что войска уничтожили 12 беспилотников над Белгородом."),
    ("Café".encode("cp1252"), "Café"),                   # short: a detector said UTF-16
    ("– 10 °C, £20, 3×4 ½".encode("cp1252"), "– 10 °C, £20, 3×4 ½"),
    ("Zażółć gęślą jaźń, powiedział minister.".encode("cp1250"), "Zażółć gęślą jaźń, powiedział minister."),
    ("Ο υπουργός είπε ότι 12 drones καταρρίφθηκαν.".encode("cp1253"), "Ο υπουργός είπε ότι 12 drones καταρρίφθηκαν."),
    (b"line one\r\nline two\rline three", "line one\nline two\nline three"),  # universal newlines only
    ("10\u00a0900 troops and 10\u200b900 drones".encode("utf-8"), "10\u00a0900 troops and 10\u200b900 drones"),
])
def test_decode(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "no text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, "binary"),
    (bytes(range(1, 32)) * 200, "binary"),              # control bytes without NULs
])
def test_decode_refuses(data, reason):
    with pytest.raises(SkipFile, match=reason):
        decode(data)
