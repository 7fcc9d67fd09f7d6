"""Signing benchmark: our signing path against bare pyHanko on the same 10 MB, 50-page PDF,
validation time, and a batch of 20 documents signed with one file key.

Run with `python -m bench.signing`. Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Callable

from asn1crypto import x509
from cryptography.hazmat.primitives.serialization import Encoding
from fpdf import FPDF
from PIL import Image
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields as hanko_fields
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, SimpleSigner

from server.pdfgen.fonts import output_and_close
from signing import pki
from signing.appearance import FONT_DIR, PersonAppearance
from signing.certcheck import TrustSettings
from signing.demo_images import demo_signature_png
from signing.fields import FieldSpec, add_signature_fields
from signing.keys import load_pkcs12_data
from signing.sign import SignOptions, sign_batch, sign_pdf
from signing.validate import validate_pdf

ROUNDS = 5
BOX = (320.0, 560.0, 540.0, 690.0)


def big_pdf(pages: int = 50, target_mb: float = 10.0) -> bytes:
    """A 50-page Vietnamese document padded to ~10 MB with incompressible scans."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("NotoSerif", "", str(FONT_DIR / "NotoSerif-Regular.ttf"))
    side = int((target_mb * 1024 * 1024 / pages / 3) ** 0.5)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("NotoSerif", "", 12)
        pdf.multi_cell(0, 16, f"Trang {page + 1}: Biên bản họp UBND thành phố Thủ Dầu Một. " * 8)
        noise = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        pdf.image(noise, x=70, y=300, w=300)
    return output_and_close(pdf)


def small_pdf(number: int) -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("NotoSerif", "", str(FONT_DIR / "NotoSerif-Regular.ttf"))
    for page in range(3):
        pdf.add_page()
        pdf.set_font("NotoSerif", "", 12)
        pdf.multi_cell(0, 16, f"Văn bản số {number}, trang {page + 1}. " * 20)
    return output_and_close(pdf)


def median_seconds(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ca = pki.create_ca("Bench CA", "eCabinet")
    p12 = pki.issue_person(ca, "Nguyễn Văn An", organisation="UBND", password="pw")
    root = x509.Certificate.load(ca.certificate.public_bytes(Encoding.DER))
    trust = TrustSettings(roots=(root,), fetch_revocation=False)
    key = load_pkcs12_data(p12, "pw")
    bare_signer = SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=b"pw")

    document = add_signature_fields(big_pdf(), [FieldSpec("chair", 49, BOX)])
    size_mb = len(document) / 1024 / 1024

    def bare() -> bytes:
        meta = PdfSignatureMetadata(
            field_name="chair",
            md_algorithm="sha256",
            subfilter=hanko_fields.SigSeedSubFilter.PADES,
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(document), strict=False)
        out = io.BytesIO()
        PdfSigner(meta, bare_signer).sign_pdf(writer, existing_fields_only=True, output=out)
        return out.getvalue()

    ours_options = SignOptions("chair", trust=trust)
    appearance = PersonAppearance("Chủ tịch", "Nguyễn Văn An", demo_signature_png("An"))
    visible_options = SignOptions("chair", trust=trust, appearance=appearance)

    # Interleave to spread any warm-up and cache effects evenly over both paths.
    bare()
    sign_pdf(document, key, ours_options)
    t_bare = median_seconds(bare)
    t_ours = median_seconds(lambda: sign_pdf(document, key, ours_options))
    t_visible = median_seconds(lambda: sign_pdf(document, key, visible_options))
    signed = sign_pdf(document, key, visible_options)
    t_validate = median_seconds(lambda: validate_pdf(signed, [root]))

    batch_docs = [
        (add_signature_fields(small_pdf(i), [FieldSpec("chair", 2, BOX)]), visible_options)
        for i in range(20)
    ]
    start = time.perf_counter()
    results = sign_batch(batch_docs, key)
    t_batch = time.perf_counter() - start
    assert len(results) == 20

    print(f"document: {size_mb:.1f} MB, 50 pages; median of {ROUNDS} rounds")
    print(f"bare pyHanko sign (invisible, B-B):        {t_bare * 1000:8.1f} ms")
    print(f"signing.sign_pdf (invisible, B-B, check):  {t_ours * 1000:8.1f} ms")
    print(f"  overhead ratio ours/bare:                {t_ours / t_bare:8.2f}")
    print(f"signing.sign_pdf with Decree 30 appearance:{t_visible * 1000:8.1f} ms")
    print(f"validate_pdf (1 signature, 10 MB):         {t_validate * 1000:8.1f} ms")
    print(f"batch of 20 documents, one file key:       {t_batch:8.2f} s")


if __name__ == "__main__":
    main()
