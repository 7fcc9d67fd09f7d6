import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_testdocs import CHAIR_BOX, minutes_pdf

from signing.errors import FieldError, PdfInputError
from signing.fields import FieldSpec, add_signature_fields, list_signature_fields


def _revisions(pdf: bytes) -> int:
    import io

    return PdfFileReader(io.BytesIO(pdf)).xrefs.total_revisions


def test_all_fields_added_in_one_incremental_update(request_pdf: bytes) -> None:
    original = minutes_pdf()
    assert _revisions(request_pdf) == _revisions(original) + 1
    infos = list_signature_fields(request_pdf)
    assert [i.name for i in infos] == ["secretary", "vice", "chair", "seal"]
    chair = infos[2]
    assert chair.page == 2 and chair.box == CHAIR_BOX and not chair.signed


def test_duplicate_or_existing_names_are_refused(request_pdf: bytes) -> None:
    with pytest.raises(FieldError):
        add_signature_fields(
            minutes_pdf(), [FieldSpec("a", 0, (1, 1, 50, 50)), FieldSpec("a", 1, (1, 1, 50, 50))]
        )
    with pytest.raises(FieldError) as info:
        add_signature_fields(request_pdf, [FieldSpec("chair", 0, (1, 1, 50, 50))])
    assert "chair" in info.value.message_vi


def test_bad_page_box_and_name_are_refused() -> None:
    with pytest.raises(FieldError):
        add_signature_fields(minutes_pdf(pages=1), [FieldSpec("x", 3, (1, 1, 50, 50))])
    with pytest.raises(FieldError):
        FieldSpec("x", 0, (50, 50, 10, 10))
    with pytest.raises(FieldError):
        FieldSpec("tên có dấu", 0, (1, 1, 50, 50))


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(PdfInputError):
        list_signature_fields(b"hello")
    with pytest.raises(PdfInputError):
        list_signature_fields(b"%PDF-1.7\n garbage")
