"""PAdES approval signatures into existing empty fields, as incremental updates.

Several people sign one document in sequence; each signature is appended, so earlier ones
stay valid. B-T when a timestamp authority is configured, B-B otherwise; the organisation's
seal signature is B-LTA when validation data can be fetched.
"""

from __future__ import annotations

import enum
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields as hanko_fields
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko_certvalidator import errors as cv_errors

from signing.aio import run_sync
from signing.appearance import PersonAppearance, SealAppearance, stamp_style
from signing.certcheck import TrustSettings, async_check_certificate
from signing.errors import FieldError, SignatureCreationError
from signing.fields import FieldSpec, _list_fields, add_signature_fields, open_reader
from signing.keys import SigningKey

logger = logging.getLogger(__name__)

# Space for the CMS container, in hex digits. pyHanko's own estimate can fall short with a
# token and a timestamp authority (pyHanko issue 515), so reserve generously when either is
# involved: 32 KiB of hex holds 16 KiB of DER, room for a chain of four and a TSA token.
RESERVED_WITH_TSA_OR_TOKEN = 32 * 1024
# Without either, 16 KiB of hex; a fixed size also spares pyHanko a dry-run signature.
RESERVED_PLAIN = 16 * 1024
TSA_TIMEOUT_SECONDS = 10


class PadesLevel(enum.StrEnum):
    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"
    B_LTA = "B-LTA"


@dataclass(frozen=True)
class SignOptions:
    field_name: str
    appearance: PersonAppearance | SealAppearance | None = None
    tsa_url: str | None = None
    # When set, the certificate is checked before signing and an unfit one is refused.
    trust: TrustSettings | None = None
    # The organisation's seal signature: B-LTA when a TSA and trust settings are given.
    seal: bool = False
    reason: str | None = None
    location: str | None = None
    # Only for the command line: create this field first when it does not exist.
    new_field: FieldSpec | None = None

    @property
    def wanted_level(self) -> PadesLevel:
        if self.tsa_url is None:
            return PadesLevel.B_B
        if self.seal and self.trust is not None:
            return PadesLevel.B_LTA
        return PadesLevel.B_T


def _check_field(pdf: bytes, options: SignOptions) -> bytes:
    """Make sure the target field exists and is empty (creating it if asked to)."""
    infos = {info.name: info for info in _list_fields(open_reader(pdf))}
    info = infos.get(options.field_name)
    if info is None:
        if options.new_field is None:
            raise FieldError(
                f"The document has no signature field {options.field_name!r}",
                f"Văn bản không có ô ký {options.field_name!r}",
            )
        if options.new_field.name != options.field_name:
            raise FieldError(
                "The new field's name differs from the field to sign",
                "Tên ô ký mới khác tên ô cần ký",
            )
        return add_signature_fields(pdf, [options.new_field])
    if info.signed:
        raise FieldError(
            f"The field {options.field_name!r} is already signed",
            f"Ô ký {options.field_name!r} đã được ký",
        )
    return pdf


async def _sign_once(
    pdf: bytes, key: SigningKey, options: SignOptions, level: PadesLevel, is_token: bool
) -> bytes:
    lta = level == PadesLevel.B_LTA
    meta = PdfSignatureMetadata(
        field_name=options.field_name,
        md_algorithm="sha256",
        subfilter=hanko_fields.SigSeedSubFilter.PADES,
        reason=options.reason,
        location=options.location,
        embed_validation_info=lta,
        use_pades_lta=lta,
        validation_context=(
            options.trust.validation_context(other_certs=key.chain, fetch=True)
            if lta and options.trust is not None
            else None
        ),
    )
    timestamper = (
        HTTPTimeStamper(options.tsa_url, timeout=TSA_TIMEOUT_SECONDS)
        if level != PadesLevel.B_B and options.tsa_url
        else None
    )
    pdf_signer = PdfSigner(
        meta,
        key.signer,
        timestamper=timestamper,
        stamp_style=stamp_style(options.appearance) if options.appearance else None,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = io.BytesIO()
    reserve = RESERVED_WITH_TSA_OR_TOKEN if (timestamper or is_token) else RESERVED_PLAIN
    try:
        await pdf_signer.async_sign_pdf(
            writer, existing_fields_only=True, bytes_reserved=reserve, output=out
        )
    finally:
        if meta.validation_context is not None:
            await meta.validation_context.aclose()
    return out.getvalue()


async def async_sign_pdf(
    pdf: bytes, key: SigningKey, options: SignOptions, *, certificate_checked: bool = False
) -> bytes:
    """Sign `pdf` into `options.field_name`; returns the new bytes (the input plus one update,
    plus a validation-data/archive-timestamp update for B-LTA)."""
    pdf = _check_field(pdf, options)
    if options.trust is not None and not certificate_checked:
        await async_check_certificate(key.certificate, options.trust, other_certs=key.chain)
    level = options.wanted_level
    is_token = key.signer.__class__.__name__ == "PKCS11Signer"
    try:
        try:
            return await _sign_once(pdf, key, options, level, is_token)
        except (
            HankoSigningError,
            cv_errors.PathValidationError,
            cv_errors.PathBuildingError,
        ) as exc:
            if level != PadesLevel.B_LTA:
                raise
            # Validation data could not be gathered: fall back to a timestamped signature.
            logger.warning("B-LTA not possible (%s), signing at B-T", exc)
            return await _sign_once(pdf, key, options, PadesLevel.B_T, is_token)
    except TimestampRequestError as exc:
        raise SignatureCreationError(
            f"The timestamp authority did not answer: {exc}",
            f"Máy chủ cấp dấu thời gian không phản hồi: {exc}",
        ) from exc
    except (HankoSigningError, PdfError) as exc:
        raise SignatureCreationError(
            f"The signature could not be created: {exc}", f"Không tạo được chữ ký số: {exc}"
        ) from exc


def sign_pdf(pdf: bytes, key: SigningKey, options: SignOptions) -> bytes:
    """Blocking form of `async_sign_pdf` (not from inside a running event loop)."""
    return run_sync(async_sign_pdf(pdf, key, options))


async def async_sign_batch(
    documents: Sequence[tuple[bytes, SignOptions]], key: SigningKey
) -> list[bytes]:
    """Sign several documents with one opened key (one PIN entry); all or nothing."""
    checked: set[int] = set()
    results = []
    for pdf, options in documents:
        trust_id = id(options.trust)
        if options.trust is not None and trust_id not in checked:
            await async_check_certificate(key.certificate, options.trust, other_certs=key.chain)
            checked.add(trust_id)
        results.append(await async_sign_pdf(pdf, key, options, certificate_checked=True))
    return results


def sign_batch(documents: Sequence[tuple[bytes, SignOptions]], key: SigningKey) -> list[bytes]:
    return run_sync(async_sign_batch(documents, key))
