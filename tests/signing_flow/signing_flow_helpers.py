"""Shared by the signing workflow tests: the minutes document and the request made of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ecabinet.net.client import Client
from server.pdfgen import (
    AdministrativeDocument,
    DocumentKind,
    IssuingBody,
    Paragraph,
    RenderedDocument,
    SignatureBlock,
    Span,
    render,
)

Login = Callable[[str], Awaitable[Client]]
# Who holds which test certificate (labels of tests/signing/certomancer.yml).
CERT_OF = {"secretary": "vice1", "delegate": "token-user", "chair": "chair", "clerk": "org"}


def minutes() -> RenderedDocument:
    """Minutes signed by the meeting's secretary, a vice chair and the chair, sealed."""
    return render(
        AdministrativeDocument(
            issuer=IssuingBody("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT", parent="TỈNH BÌNH DƯƠNG"),
            kind=DocumentKind.BIEN_BAN,
            symbol="BB-UBND",
            place="Thủ Dầu Một",
            date=dt.date(2026, 12, 1),
            summary="Phiên họp thường kỳ tháng 12 năm 2026",
            body=(
                Paragraph((Span("Ủy ban nhân dân thành phố họp thường kỳ tháng 12."),)),
                Paragraph((Span("Các đại biểu thống nhất thông qua kế hoạch năm 2027."),)),
            ),
            signatures=(
                SignatureBlock("Thư ký", "Nguyễn Thị Thư", seal=False),
                SignatureBlock("Phó Chủ tịch", "Lê Văn Đại", seal=False),
                SignatureBlock("Chủ tịch", "Trần Văn Chủ", authority="TM. Ủy ban nhân dân"),
            ),
        )
    )


@dataclass(frozen=True)
class Minutes:
    meeting_id: str
    document_id: str
    rendered: RenderedDocument


def signer_specs(rendered: RenderedDocument, people: dict[str, str]) -> list[dict[str, Any]]:
    """The request of the tests: three people in the order of the blocks, then the seal."""
    boxes = rendered.signature_boxes
    seal = rendered.seal_boxes[2]
    assert seal is not None

    def box(b: Any) -> dict[str, float]:
        return {"page": b.page + 1, "x1": b.x1, "y1": b.y1, "x2": b.x2, "y2": b.y2}

    return [
        {"person_id": people["secretary"], "field_name": "thu_ky", "box": box(boxes[0])},
        {"person_id": people["delegate"], "field_name": "pho_chu_tich", "box": box(boxes[1])},
        {"person_id": people["chair"], "field_name": "chu_tich", "box": box(boxes[2])},
        {"person_id": people["clerk"], "field_name": "con_dau", "role": "seal", "box": box(seal)},
    ]
