"""Render the demo documents once per test session: every test reads the same bytes."""

from __future__ import annotations

import pytest

from server.pdfgen import DemoDocument, RenderedDocument, demo_documents, render


@pytest.fixture(scope="session")
def rendered_demo() -> list[tuple[DemoDocument, RenderedDocument]]:
    return [(d, render(d.document)) for m in demo_documents() for d in m.documents]
