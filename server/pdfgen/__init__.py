"""Vietnamese administrative documents as PDFs: the model, the Decree 30 renderer, the demo
city's agenda documents and a generator of large PDFs for benches.

    from server.pdfgen import render, demo_documents
    rendered = render(doc)          # RenderedDocument: pdf bytes, pages, signature/seal boxes
"""

from server.pdfgen.demo import DemoDocument, DemoMeeting, demo_documents
from server.pdfgen.demo_people import DEMO_PEOPLE, WARDS, DemoPerson
from server.pdfgen.errors import DocumentError
from server.pdfgen.large import make_large_pdf
from server.pdfgen.model import (
    AdministrativeDocument,
    Align,
    Block,
    BulletList,
    Column,
    DocumentKind,
    HeaderVariant,
    Heading,
    IssuingBody,
    NumberedList,
    NumberStyle,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Span,
    Table,
    bold,
    italic,
)
from server.pdfgen.render import render
from server.pdfgen.rendered import PageBox, RenderedDocument
from server.pdfgen.vn_format import number_line, place_date_line, vn_number, vn_percent

__all__ = [
    "DEMO_PEOPLE",
    "WARDS",
    "AdministrativeDocument",
    "Align",
    "Block",
    "BulletList",
    "Column",
    "DemoDocument",
    "DemoMeeting",
    "DemoPerson",
    "DocumentError",
    "DocumentKind",
    "HeaderVariant",
    "Heading",
    "IssuingBody",
    "NumberStyle",
    "NumberedList",
    "PageBox",
    "PageBreak",
    "Paragraph",
    "RenderedDocument",
    "SignatureBlock",
    "Span",
    "Table",
    "bold",
    "demo_documents",
    "italic",
    "make_large_pdf",
    "number_line",
    "place_date_line",
    "render",
    "vn_number",
    "vn_percent",
]
