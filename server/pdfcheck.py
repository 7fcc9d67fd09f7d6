"""Open an uploaded PDF in a separate, limited process and count its pages.

A hostile PDF can make a parser loop or eat memory; a child process with a time limit and a
memory cap keeps that away from the server. Run as `python -m server.pdfcheck FILE`: prints
{"pages": N} or {"error": "...", "reason": "..."} as JSON.
"""

from __future__ import annotations

import asyncio
import json
import logging
import resource
import sys
import warnings
from pathlib import Path

from meetings.errors import InvalidDocument

TIME_LIMIT_SECONDS = 60
MEMORY_LIMIT_BYTES = 2 * 1024**3

REASONS = {
    "not_pdf": ("The file is not a PDF.", "Tệp không phải là PDF."),
    "encrypted": (
        "The PDF is encrypted or password-protected.",
        "Tệp PDF bị mã hóa hoặc có mật khẩu.",
    ),
    "corrupt": ("The PDF is damaged and cannot be read.", "Tệp PDF bị hỏng, không đọc được."),
    "empty": ("The PDF has no pages.", "Tệp PDF không có trang nào."),
    "timeout": ("The PDF took too long to read.", "Đọc tệp PDF quá lâu."),
}


def inspect(path: Path) -> dict[str, object]:
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        return {"error": "not_pdf"}  # a ZIP, an image, a Word file renamed to .pdf...
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return {"error": "encrypted"}
        pages = len(reader.pages)
        for page in reader.pages:
            _ = page.mediabox  # every page object must resolve
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as exc:
        return {"error": "corrupt", "reason": f"{type(exc).__name__}: {exc}"[:300]}
    if pages == 0:
        return {"error": "empty"}
    return {"pages": pages}


def _limit() -> None:
    # Set by the child itself: a preexec_fn is unsafe in a server that runs threads.
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


async def count_pages(path: Path) -> int:
    """Pages of the PDF at `path`; raises InvalidDocument with the reason otherwise."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "server.pdfcheck",
        str(path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        out, _ = await asyncio.wait_for(process.communicate(), TIME_LIMIT_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        result: dict[str, object] = {"error": "timeout"}
    else:
        try:
            result = json.loads(out or b"{}")
        except ValueError:
            result = {}
        if "pages" not in result and "error" not in result:
            result = {"error": "corrupt", "reason": f"checker exited with {process.returncode}"}
    if "pages" in result:
        return int(result["pages"])  # type: ignore[call-overload]
    kind = str(result["error"])
    english, vietnamese = REASONS.get(kind, REASONS["corrupt"])
    raise InvalidDocument(
        english, vietnamese, details={"reason": kind, "detail": result.get("reason", "")}
    )


if __name__ == "__main__":
    _limit()
    print(json.dumps(inspect(Path(sys.argv[1]))))
