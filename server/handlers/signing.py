"""The signing workflow: send a document for signature, list, follow, decline, cancel,
validate; signers register the certificate they sign with. Revision transfers live in
`signing_transfer.py`."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import meeting as meeting_rules
from meetings import protocol_signing as ps
from meetings import signing_flow as flow
from meetings.errors import BadRequest, Forbidden, NotFound
from meetings.people import Person
from meetings.permissions import Action, allowed
from meetings.signing_flow import SignatureRequest, Signer
from server import signing_trust, signing_views
from server.handlers import handles
from server.handlers.common import caller, directory, load_view, meeting_or_404, new_id
from server.store import audit_repo, directory_repo, documents_repo, signing_repo
from server.store.clock import now, to_text

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

NO_REQUEST = NotFound("No such signature request.", "Không tìm thấy yêu cầu ký.")


def pdf() -> ModuleType:
    """`server.signing_pdf` (pyHanko, pypdf), imported on the first request that needs it."""
    from server import signing_pdf

    return signing_pdf


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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document with its signature fields added: revision 0 of a request, stored as a blob
    (content-addressed, so preparing twice or not sending costs nothing)."""

    signers: tuple[Signer, ...]
    sha256: str
    size: int


async def prepare_fields(app: AppState, sha256: str, specs: list[ps.SignerSpec]) -> Prepared:
    work = pdf()
    loop = asyncio.get_running_loop()
    original = await loop.run_in_executor(None, app.blobs.path(sha256).read_bytes)
    sizes = await loop.run_in_executor(None, work.page_sizes, original)
    signers: tuple[Signer, ...] = tuple(work.place_fields(specs, sizes))
    flow.check_signers(signers)  # before the PDF work: a typed refusal for a bad order
    revision0 = await loop.run_in_executor(None, work.with_fields, original, list(signers))
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
    work = pdf()
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, app.blobs.path(sha256).read_bytes)
    # CPU work for pyHanko: on a worker thread, in a loop of its own (see signing_transfer).
    view: ps.ValidationView = await loop.run_in_executor(
        None, functools.partial(work.validation_view, data, trust, request.request_id, number)
    )
    return view


def _certificate_view(row: dict[str, object]) -> ps.CertificateView:
    return ps.CertificateView.model_validate(
        {k: row[k] for k in ("sha256", "subject", "common_name", "not_after", "registered_at")}
    )


@handles(ps.RegisterCertificate)
async def register_certificate(
    app: AppState, conn: Connection, request: ps.RegisterCertificate
) -> ps.CertificateView:
    work = pdf()
    cert = work.parse_pem(request.pem)
    trust = signing_trust.load(app.config.data_dir)
    checked = await asyncio.get_running_loop().run_in_executor(
        None, work.check_signing_certificate, cert, trust
    )
    status = checked.status

    def transaction(db: Db) -> dict[str, object]:
        person = caller(db, conn)
        row: dict[str, object] = {
            "person_id": person.id,
            "sha256": checked.sha256,
            "subject": status.subject,
            "common_name": checked.common_name,
            "not_after": to_text(status.not_after),
            "pem": checked.pem,
            "registered_at": to_text(now()),
        }
        signing_repo.save_certificate(db, row)
        audit_repo.record(
            db, person.id, "signing.certificate", checked.sha256, subject=status.subject
        )
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
