"""Signature fields: add every field of a signing request in one update, and list them."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import (
    SigFieldSpec,
    append_signature_field,
    ensure_sig_flags,
    enumerate_sig_fields,
)

from signing.errors import FieldError, PdfInputError

Box = tuple[float, float, float, float]
# Field names end up in the PDF and in the protocol: keep them plain.
_NAME_RE = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


@dataclass(frozen=True)
class FieldSpec:
    """A field to create: `page` is 0-based, `box` is (x1, y1, x2, y2) in PDF points."""

    name: str
    page: int
    box: Box

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise FieldError(
                f"Invalid field name {self.name!r}: use 1-64 letters, digits, '-' or '_'",
                f"Tên ô ký {self.name!r} không hợp lệ: chỉ dùng 1-64 chữ cái, chữ số, '-' hoặc '_'",
            )
        if self.page < 0:
            raise FieldError(
                f"Page index must be 0 or more, not {self.page}",
                f"Số thứ tự trang phải từ 0 trở lên, không phải {self.page}",
            )
        x1, y1, x2, y2 = self.box
        if not (x2 > x1 and y2 > y1):
            raise FieldError(
                f"Field box {self.box} must have x2 > x1 and y2 > y1",
                f"Khung ô ký {self.box} phải có x2 > x1 và y2 > y1",
            )


@dataclass(frozen=True)
class FieldInfo:
    """A signature field found in a PDF: `page` is 0-based, `signed` tells if it is filled."""

    name: str
    page: int | None
    box: Box | None
    signed: bool


def open_reader(pdf: bytes) -> PdfFileReader:
    """Parse PDF bytes with pyHanko, turning its errors into our typed one."""
    if not pdf.startswith(b"%PDF-"):
        raise PdfInputError("The data is not a PDF file", "Dữ liệu không phải là tệp PDF")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        _ = reader.root["/Pages"]
    except (PdfError, KeyError, ValueError) as exc:
        raise PdfInputError(
            f"The PDF file cannot be read: {exc}", f"Không đọc được tệp PDF: {exc}"
        ) from exc
    return reader


def page_count(reader: PdfFileReader) -> int:
    return int(reader.root["/Pages"]["/Count"])


def add_signature_fields(pdf: bytes, specs: Sequence[FieldSpec]) -> bytes:
    """Append all `specs` as empty signature fields in a single incremental update."""
    if not specs:
        raise FieldError("No signature field to add", "Không có ô ký nào để thêm")
    names = [spec.name for spec in specs]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise FieldError(
            f"Duplicate field names: {', '.join(duplicates)}",
            f"Tên ô ký bị trùng: {', '.join(duplicates)}",
        )
    reader = open_reader(pdf)
    existing = {info.name for info in _list_fields(reader)}
    clash = sorted(existing.intersection(names))
    if clash:
        raise FieldError(
            f"Fields already exist: {', '.join(clash)}", f"Ô ký đã có: {', '.join(clash)}"
        )
    pages = page_count(reader)
    for spec in specs:
        if spec.page >= pages:
            raise FieldError(
                f"Field {spec.name} is on page index {spec.page}, the document has {pages} pages",
                f"Ô ký {spec.name} ở trang {spec.page + 1}, văn bản chỉ có {pages} trang",
            )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for spec in specs:
        append_signature_field(
            # pyHanko annotates the box as ints; fractional points work and keep placement exact.
            writer,
            SigFieldSpec(sig_field_name=spec.name, on_page=spec.page, box=spec.box),  # type: ignore[arg-type]
        )
    # Set SigFlags to "signatures exist, append only" now, as signing would: the server's
    # revision check then sees the first signature change nothing but its own field.
    ensure_sig_flags(writer, lock_sig_flags=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def list_signature_fields(pdf: bytes) -> list[FieldInfo]:
    """All signature fields of `pdf`, in document order."""
    return _list_fields(open_reader(pdf))


def _list_fields(reader: PdfFileReader) -> list[FieldInfo]:
    page_numbers = _page_numbers(reader)
    found = []
    for name, value, field_ref in enumerate_sig_fields(reader):
        field = field_ref.get_object()
        widget = field
        if "/Rect" not in field and "/Kids" in field:
            widget = field["/Kids"][0].get_object()
        box: Box | None = None
        if "/Rect" in widget:
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        page = None
        page_ref = widget.get_value_as_reference("/P", optional=True)
        if page_ref is not None:
            page = page_numbers.get(page_ref.idnum)
        found.append(FieldInfo(name=name, page=page, box=box, signed=value is not None))
    return found


def _page_numbers(reader: PdfFileReader) -> dict[int, int]:
    """Map a page object's number to its 0-based index."""
    numbers = {}
    for index in range(page_count(reader)):
        page_ref = reader.find_page_for_modification(index)[0]
        if isinstance(page_ref, generic.IndirectObject | generic.Reference):
            numbers[page_ref.idnum] = index
    return numbers
