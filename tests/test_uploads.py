"""Uploads: allowlisted types, size limits, sanitised names, nothing outside the corpus folder."""
import pytest

from newslens.uploads import corpus_name, safe_filename, save_uploads


@pytest.mark.parametrize("name, expected", [
    ("story.txt", "story.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\evil.csv", "evil.csv"),
    ("/abs/path/a.html", "a.html"),
    (".hidden.txt", "hidden.txt"),
    ("..", ""),
    ("", ""),
    ("my story (final) #2.txt", "my_story_final_2.txt"),
    ("rm -rf $(x);.txt", "rm_-rf_x.txt"),
    ("new\nline\x00.txt", "newline.txt"),
    ("Ｓｔｏｒｙ.TXT", "Story.TXT"),                     # NFKC folds full-width letters
    ("기사.txt", "기사.txt"),                            # letters of any script are kept
    ("CON.txt", "_CON.txt"),
    ("a" * 300 + ".jsonl", "a" * 94 + ".jsonl"),
])
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize("name, expected", [("Ukraine media / 2022", "Ukraine_media_2022"),
                                            ("../seeds", "seeds"), ("...", "")])
def test_corpus_name(name, expected):
    assert corpus_name(name) == expected


def test_save_uploads_saves_allowed_and_rejects_the_rest_with_reasons(tmp_path):
    dest = tmp_path / "corpus"
    saved, rejected = save_uploads([
        ("a.txt", b"Officials said 12 drones fell."),
        ("../../escape.txt", b"still lands inside"),
        ("a.txt", b"a second a.txt"),
        ("feed.CSV", b"Title,Text\nT,Body.\n"),
        ("tool.exe", b"MZ\x90\x00"),
        ("noext", b"x"),
        ("empty.md", b""),
        ("big.html", b"x" * 2000),
        ("", b"x"),
    ], dest, max_bytes=1000)
    assert [p.name for p in saved] == ["a.txt", "escape.txt", "a-2.txt", "feed.CSV"]
    assert all(p.parent == dest.resolve() for p in saved)
    assert (dest / "a-2.txt").read_bytes() == b"a second a.txt"
    assert rejected == [
        ("tool.exe", "file type '.exe' not accepted (accepted: .txt, .md, .html, .htm, .csv, .tsv, .jsonl)"),
        ("noext", "file type 'none' not accepted (accepted: .txt, .md, .html, .htm, .csv, .tsv, .jsonl)"),
        ("empty.md", "empty file"),
        ("big.html", "file too large (0.0 MB > 0 MB limit)"),
        ("", "no usable file name"),
    ]
    assert sorted(p.name for p in dest.iterdir()) == ["a-2.txt", "a.txt", "escape.txt", "feed.CSV"]  # no temps


def test_existing_files_are_kept_unless_overwrite(tmp_path):
    save_uploads([("a.txt", b"one")], tmp_path)
    save_uploads([("a.txt", b"two")], tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"one" and (tmp_path / "a-2.txt").read_bytes() == b"two"
    save_uploads([("a.txt", b"three")], tmp_path, overwrite=True)
    assert (tmp_path / "a.txt").read_bytes() == b"three"
