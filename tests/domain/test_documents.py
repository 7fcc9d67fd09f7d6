from __future__ import annotations

import pytest

from meetings.documents import Rect, check_sha256, clean_filename
from meetings.errors import BadRequest


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "a/b.pdf",
        "a\\b.pdf",
        "bad\x00name.pdf",
        "",
        "..",
        "note.exe",
        "x" * 300 + ".pdf",
    ],
)
def test_file_names_with_paths_or_control_characters_are_refused(name: str) -> None:
    with pytest.raises(BadRequest):
        clean_filename(name)


def test_vietnamese_file_names_are_kept() -> None:
    assert clean_filename("Báo cáo 9 tháng.pdf") == "Báo cáo 9 tháng.pdf"


def test_notes_stay_on_the_page() -> None:
    Rect(0.5, 0.5, 0.5, 0.5)
    for args in ((1.2, 0.0), (0.5, 0.5, 0.6, 0.1), (-0.1, 0.2)):
        with pytest.raises(BadRequest):
            Rect(*args)


def test_sha256_format() -> None:
    check_sha256("a" * 64)
    with pytest.raises(BadRequest):
        check_sha256("A" * 64)
