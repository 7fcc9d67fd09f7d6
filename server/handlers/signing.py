"""The signing workflow: send a document for signature, list, follow, decline, cancel,
validate; signers register the certificate they sign with. Revision transfers live in
`signing_transfer.py`."""

from __future__ import annotations

import asyncio
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asn1crypto import pem, x509
from pypdf import PdfReader
from sqlalchemy import Connection as Db

from meetings import meeting as meeting_rules
from meetings import protocol_signing as ps
from meetings import signing_flow as flow
from meetings.errors import BadRequest, Forbidden, InvalidDocument, NotFound
from meetings.people import Person
from meetings.permissions import Action, allowed
from meetings.signing_flow import FieldBox, SignatureRequest, Signer, SignerRole
from server import signing_trust, signing_views
from server.handlers import handles
from server.handlers.common import caller, directory, load_view, meeting_or_404, new_id
from server.store import audit_repo, directory_repo, documents_repo, signing_repo
from server.store.clock import now, to_text
from signing.appearance import seal_box_for
from signing.certcheck import TrustSettings, check_certificate
from signing.errors import CertificateRefused, SigningError
from signing.fields import FieldSpec, add_signature_fields
from signing.keys import cert_sha256
from signing.validate import SignatureReport, validate_pdf

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

NO_REQUEST = NotFound("No such signature request.", "Không tìm thấy yêu cầu ký.")
# Default places when the sender gives no box: a grid at the bottom of the last page.
DEFAULT_BOX_W, DEFAULT_BOX_H, DEFAULT_MARGIN = 200.0, 100.0, 60.0


def visible_request(db: Db, person: Person, request_id: str) -> SignatureRequest:
    """The request if the person is part of it or may send documents of its meeting."""
    x = signing_repo.request(db, request_id)
    if x is None:
        raise NO_REQUEST
    if x.involves(person.id):
        return x
    meeting = meeting_or_404(db, x.meeting_id)
    if allowed(person, Action.SIGNING_REQUEST, meeting, directory(db)):
        return x
    raise NO_REQUEST


def _page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def place_fields(specs: list[ps.SignerSpec], sizes: list[tuple[float, float]]) -> list[Signer]:
    """Signers with their boxes: given ones checked against the page, missing ones placed in a
    two-column grid at the bottom of the last page, a seal over the left third of the
    previous signer's image."""
    signers: list[Signer] = []
    slot = 0
    for spec in specs:
        if spec.box is not None:
            box = FieldBox(spec.box.page, spec.box.x1, spec.box.y1, spec.box.x2, spec.box.y2)
        elif spec.role is SignerRole.SEAL and signers:
            prev = signers[-1].box
            x1, y1, x2, y2 = seal_box_for((prev.x1, prev.y1, prev.x2, prev.y2))
            box = FieldBox(prev.page, max(x1, 0), max(y1, 0), x2, y2)
        else:
            width, _ = sizes[-1]
            column, row = slot % 2, slot // 2
            x1 = DEFAULT_MARGIN if column == 0 else width - DEFAULT_MARGIN - DEFAULT_BOX_W
            y1 = DEFAULT_MARGIN + row * (DEFAULT_BOX_H + 10)
            box = FieldBox(len(sizes), x1, y1, x1 + DEFAULT_BOX_W, y1 + DEFAULT_BOX_H)
            slot += 1
        if box.page > len(sizes):
            raise BadRequest(
                f"Page {box.page} is outside 1-{len(sizes)}.",
                f"Trang {box.page} nằm ngoài 1-{len(sizes)}.",
            )
        width, height = sizes[box.page - 1]
        if box.x2 > width + 1 or box.y2 > height + 1:
            raise BadRequest(
                f"The field {spec.field_name} lies outside its page.",
                f"Ô ký {spec.field_name} nằm ngoài trang.",
            )
        signers.append(Signer(spec.person_id, spec.field_name, box, spec.role))
    return signers


def _with_fields(pdf: bytes, signers: list[Signer]) -> bytes:
    specs = [
        FieldSpec(s.field_name, s.box.page - 1, (s.box.x1, s.box.y1, s.box.x2, s.box.y2))
        for s in signers
    ]
    try:
        return add_signature_fields(pdf, specs)
    except SigningError as exc:
        raise InvalidDocument(exc.message_en, exc.message_vi) from exc


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document with its signature fields added: revision 0 of a request, stored as a blob
    (content-addressed, so preparing twice or not sending costs nothing)."""

    signers: tuple[Signer, ...]
    sha256: str
    size: int


async def prepare_fields(app: AppState, sha256: str, specs: list[ps.SignerSpec]) -> Prepared:
    loop = asyncio.get_running_loop()
    original = await loop.run_in_executor(None, app.blobs.path(sha256).read_bytes)
    try:
        sizes = await loop.run_in_executor(None, _page_sizes, original)
    except Exception as exc:
        raise InvalidDocument("The document is not a readable PDF.", "Không đọc được PDF.") from exc
    signers = tuple(place_fields(specs, sizes))
    flow.check_signers(signers)  # before the PDF work: a typed refusal for a bad order
    revision0 = await loop.run_in_executor(None, _with_fields, original, list(signers))
    revision_sha = await loop.run_in_executor(None, app.blobs.put, revision0)
    return Prepared(signers, revision_sha, len(revision0))


def insert_request(
    db: Db, by: Person, meeting_id: str, document_id: str, title: str, prepared: Prepared
) -> SignatureRequest:
    """Store a new request with its revision 0, in the caller's transaction."""
    at = now()
    x = flow.new_request(
        request_id=new_id("sig"),
        meeting_id=meeting_id,
        document_id=document_id,
        title=title,
        requested_by=by.id,
        signers=prepared.signers,
        at=at,
    )
    signing_repo.insert_request(db, x)
    signing_repo.add_revision(db, x.id, 0, prepared.sha256, prepared.size, None, None, at)
    audit_repo.record(
        db,
        by.id,
        "signing.requested",
        x.id,
        document=document_id,
        revision_sha256=prepared.sha256,
        signers=[[s.person_id, s.field_name, s.role.value] for s in prepared.signers],
    )
    return x


def check_signers_exist(db: Db, specs: Sequence[ps.SignerSpec]) -> None:
    wanted = {s.person_id for s in specs}
    found = {p.id for p in directory_repo.people_by_ids(db, list(wanted)) if p.active}
    if wanted - found:
        raise BadRequest(
            f"Unknown signers: {', '.join(sorted(wanted - found))}.",
            "Có người ký không tồn tại hoặc đã bị khóa.",
        )


@handles(ps.CreateSigningRequest)
async def create_request(
    app: AppState, conn: Connection, request: ps.CreateSigningRequest
) -> ps.SigningRequestView:
    def check(db: Db) -> tuple[str, str]:
        view = load_view(db, conn, request.meeting_id, Action.SIGNING_REQUEST)
        meeting_rules.require_not_archived(view.meeting)
        document = documents_repo.document(db, request.document_id)
        if document is None or document.meeting_id != request.meeting_id:
            raise NotFound("No such document in this meeting.", "Không có tài liệu này.")
        check_signers_exist(db, request.signers)
        return document.sha256, request.title or document.title

    sha256, title = await app.store.read(check)
    prepared = await prepare_fields(app, sha256, list(request.signers))

    def transaction(db: Db) -> tuple[SignatureRequest, ps.SigningRequestView]:
        view = load_view(db, conn, request.meeting_id, Action.SIGNING_REQUEST)
        x = insert_request(
            db, view.person, request.meeting_id, request.document_id, title, prepared
        )
        return x, signing_views.load_view(db, x)

    x, result = await app.store.write(transaction)
    signing_views.notify(app.hub, x, result, "created")
    return result


@handles(ps.ListSigning)
async def list_requests(
    app: AppState, conn: Connection, request: ps.ListSigning
) -> ps.SigningListView:
    tsa_url = signing_trust.load(app.config.data_dir).tsa_url

    def read(db: Db) -> ps.SigningListView:
        person = caller(db, conn)
        found = signing_repo.involving(db, person.id)
        views = {x.id: signing_views.load_view(db, x) for x in found}
        return ps.SigningListView(
            waiting_for_me=[views[x.id] for x in found if x.waiting_for(person.id)],
            requested_by_me=[views[x.id] for x in found if x.requested_by == person.id],
            involving_me=[
                views[x.id] for x in found if any(s.person_id == person.id for s in x.signers)
            ],
            tsa_url=tsa_url,
        )

    return await app.store.read(read)


@handles(ps.GetSigning)
async def get_request(
    app: AppState, conn: Connection, request: ps.GetSigning
) -> ps.SigningRequestView:
    def read(db: Db) -> ps.SigningRequestView:
        return signing_views.load_view(
            db, visible_request(db, caller(db, conn), request.request_id)
        )

    return await app.store.read(read)


@handles(ps.DeclineSigning)
async def decline(
    app: AppState, conn: Connection, request: ps.DeclineSigning
) -> ps.SigningRequestView:
    def transaction(db: Db) -> tuple[SignatureRequest, ps.SigningRequestView]:
        person = caller(db, conn)
        x = visible_request(db, person, request.request_id)
        after = flow.decline(x, person.id, request.reason, now())
        signing_repo.save_request(db, after, x.version)
        audit_repo.record(db, person.id, "signing.declined", x.id, reason=after.reason)
        return after, signing_views.load_view(db, after)

    x, view = await app.store.write(transaction)
    signing_views.notify(app.hub, x, view, "declined")
    return view


@handles(ps.CancelSigning)
async def cancel(
    app: AppState, conn: Connection, request: ps.CancelSigning
) -> ps.SigningRequestView:
    def transaction(db: Db) -> tuple[SignatureRequest, ps.SigningRequestView]:
        person = caller(db, conn)
        x = visible_request(db, person, request.request_id)
        meeting = meeting_or_404(db, x.meeting_id)
        if person.id != x.requested_by and not allowed(
            person, Action.SIGNING_REQUEST, meeting, directory(db)
        ):
            raise Forbidden(
                "Only the sender or the meeting's organisers may cancel.",
                "Chỉ người gửi hoặc người tổ chức cuộc họp được hủy yêu cầu ký.",
            )
        after = flow.cancel(x, request.reason, now())
        signing_repo.save_request(db, after, x.version)
        audit_repo.record(db, person.id, "signing.cancelled", x.id, reason=after.reason)
        return after, signing_views.load_view(db, after)

    x, view = await app.store.write(transaction)
    signing_views.notify(app.hub, x, view, "cancelled")
    return view


def _summary(s: SignatureReport) -> ps.SignatureSummaryView:
    return ps.SignatureSummaryView(
        field_name=s.field_name,
        is_document_timestamp=s.is_document_timestamp,
        signer=s.signer_common_name,
        cert_sha256=s.cert_sha256,
        signing_time=s.signing_time,
        ok=s.ok,
        intact=s.intact,
        trusted=s.trusted,
        revoked=s.revoked,
        tampered=s.tampered,
        level=s.level.value if s.level else None,
        summary_vi=s.summary_vi(),
        summary_en=s.summary_en(),
    )


@handles(ps.ValidateRevision)
async def validate(
    app: AppState, conn: Connection, request: ps.ValidateRevision
) -> ps.ValidationView:
    def read(db: Db) -> tuple[int, str]:
        x = visible_request(db, caller(db, conn), request.request_id)
        number = x.revision if request.revision is None else request.revision
        for r in signing_repo.revisions(db, x.id):
            if r["number"] == number:
                return number, r["sha256"]
        raise NotFound("No such revision.", "Không có phiên bản này.")

    number, sha256 = await app.store.read(read)
    trust = signing_trust.load(app.config.data_dir)
    pdf = await asyncio.get_running_loop().run_in_executor(None, app.blobs.path(sha256).read_bytes)
    # CPU work for pyHanko: on a worker thread, in a loop of its own (see signing_transfer).
    report = await asyncio.get_running_loop().run_in_executor(
        None,
        functools.partial(
            validate_pdf,
            pdf,
            trust.require_roots(),
            other_certs=trust.intermediates,
            allow_fetching=trust.fetch_revocation,
        ),
    )
    return ps.ValidationView(
        request_id=request.request_id,
        revision=number,
        all_valid=report.all_valid,
        signatures=[_summary(s) for s in report.signatures],
        summary_vi=report.summary_vi(),
        summary_en=report.summary_en(),
    )


def _certificate_view(row: dict[str, object]) -> ps.CertificateView:
    return ps.CertificateView.model_validate(
        {k: row[k] for k in ("sha256", "subject", "common_name", "not_after", "registered_at")}
    )


def _parse_pem(text: str) -> x509.Certificate:
    data = text.encode()
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        cert = x509.Certificate.load(data)
        _ = cert.subject.human_friendly  # parse now: bad bytes fail here, not later
    except (ValueError, TypeError) as exc:
        raise BadRequest(
            "That is not a PEM certificate.", "Đây không phải chứng thư số dạng PEM."
        ) from exc
    return cert


@handles(ps.RegisterCertificate)
async def register_certificate(
    app: AppState, conn: Connection, request: ps.RegisterCertificate
) -> ps.CertificateView:
    cert = _parse_pem(request.pem)
    if cert.ca:
        raise BadRequest(
            "A CA certificate is not a signing certificate.",
            "Chứng thư của tổ chức chứng thực (CA) không dùng để ký văn bản.",
            details={"problem": "ca-certificate"},
        )
    trust = signing_trust.load(app.config.data_dir)
    settings = TrustSettings(
        roots=trust.require_roots(),
        intermediates=trust.intermediates,
        fetch_revocation=trust.fetch_revocation,
    )
    try:
        status = await asyncio.get_running_loop().run_in_executor(
            None, check_certificate, cert, settings
        )
    except CertificateRefused as exc:
        raise BadRequest(
            exc.message_en, exc.message_vi, details={"problem": exc.problem.value}
        ) from exc
    common_name = str(cert.subject.native.get("common_name", status.subject))

    def transaction(db: Db) -> dict[str, object]:
        person = caller(db, conn)
        fingerprint = cert_sha256(cert)
        row: dict[str, object] = {
            "person_id": person.id,
            "sha256": fingerprint,
            "subject": status.subject,
            "common_name": common_name,
            "not_after": to_text(status.not_after),
            "pem": pem.armor("CERTIFICATE", cert.dump()).decode(),
            "registered_at": to_text(now()),
        }
        signing_repo.save_certificate(db, row)
        audit_repo.record(db, person.id, "signing.certificate", fingerprint, subject=status.subject)
        return row

    return _certificate_view(await app.store.write(transaction))


@handles(ps.ListCertificates)
async def list_certificates(
    app: AppState, conn: Connection, request: ps.ListCertificates
) -> list[ps.CertificateView]:
    def read(db: Db) -> list[ps.CertificateView]:
        person = caller(db, conn)
        return [_certificate_view(r) for r in signing_repo.certificates(db, person.id)]

    return await app.store.read(read)
