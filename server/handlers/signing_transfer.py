"""Revisions of a document under signature: download one, submit the signed next one (whole
in one binary frame, or chunked and resumable), and the acceptance check that guards it."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection as Db

from meetings import meeting as meeting_rules
from meetings import protocol_signing as ps
from meetings import signing_flow as flow
from meetings.documents import DocumentMeta
from meetings.errors import BadRequest, ChecksumMismatch, Conflict, InvalidState, NotFound
from meetings.meeting import Meeting, MeetingStatus
from meetings.permissions import Directory
from meetings.signing_flow import SignatureRefused, SignatureRequest
from server import chunks, signing_trust, signing_views
from server.handlers import BinaryReply, handles
from server.handlers.common import caller, directory, new_id
from server.handlers.signing import pdf, visible_request
from server.store import audit_repo, documents_repo, meetings_repo, signing_repo
from server.store.clock import now, to_text

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

NO_UPLOAD = NotFound("No such upload.", "Không tìm thấy phiên tải lên.")


class _Turn(NamedTuple):
    request: SignatureRequest
    person_id: str
    previous_sha256: str
    fingerprints: tuple[str, ...]
    field_name: str


@handles(ps.DownloadRevision)
async def download(app: AppState, conn: Connection, request: ps.DownloadRevision) -> BinaryReply:
    def read(db: Db) -> dict[str, Any]:
        x = visible_request(db, caller(db, conn), request.request_id)
        number = x.revision if request.revision is None else request.revision
        for r in signing_repo.revisions(db, x.id):
            if r["number"] == number:
                return r
        raise NotFound("No such revision.", "Không có phiên bản này.")

    row = await app.store.read(read)
    if request.offset == 0 and conn.person is not None:
        person_id = conn.person.id  # one entry per download, not per chunk
        await app.store.write(
            lambda db: audit_repo.record(
                db, person_id, "signing.download", request.request_id, revision=row["number"]
            )
        )
    if request.offset > row["size"]:
        raise BadRequest("Offset past the end of the file.", "Vị trí vượt quá cuối tệp.")
    length = min(request.length, row["size"] - request.offset)
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, app.blobs.read, row["sha256"], request.offset, length)
    header = ps.SigningDownloadResult(
        request_id=request.request_id,
        revision=row["number"],
        sha256=row["sha256"],
        offset=request.offset,
        length=len(data),
        size=row["size"],
    )
    return BinaryReply(header, data)


async def accept(
    app: AppState, conn: Connection, request_id: str, base_revision: int, uploaded: bytes
) -> ps.SigningRequestView:
    """Check `uploaded` against the current revision; store it and move to the next signer,
    or refuse with the reason and keep the current revision."""

    def read(db: Db) -> _Turn:
        person = caller(db, conn)
        x = visible_request(db, person, request_id)
        turn = flow.require_turn(x, person.id)
        if base_revision != x.revision:
            raise Conflict(
                f"Revision {base_revision} is no longer current; the current one is "
                f"{x.revision}. Download it and sign again.",
                "Văn bản đã có phiên bản mới, vui lòng tải lại và ký lại.",
                details={"current_revision": x.revision},
            )
        current = next(r for r in signing_repo.revisions(db, x.id) if r["number"] == x.revision)
        certs = signing_repo.certificates(db, person.id)
        if not certs:
            raise InvalidState(
                "Register the certificate you sign with first (signing.register_certificate).",
                "Bạn cần đăng ký chứng thư số dùng để ký trước.",
            )
        return _Turn(
            x, person.id, current["sha256"], tuple(c["sha256"] for c in certs), turn.field_name
        )

    x, person_id, previous_sha, fingerprints, field_name = await app.store.read(read)
    loop = asyncio.get_running_loop()
    previous = await loop.run_in_executor(None, app.blobs.path(previous_sha).read_bytes)
    trust = signing_trust.load(app.config.data_dir)
    work = pdf()
    try:
        # pyHanko's checks are CPU work (~0.1-0.3 s for a file with a few signatures): they run
        # on a worker thread, in a loop of their own, so other meetings' clients are not held up.
        started = time.perf_counter()
        report = await loop.run_in_executor(
            None,
            functools.partial(
                work.accept_revision, previous, uploaded, field_name, fingerprints, trust
            ),
        )
    except SignatureRefused as exc:
        problem = exc.problem
        await app.store.write(
            lambda db: audit_repo.record(
                db, person_id, "signing.refused", request_id, problem=problem, field=field_name
            )
        )
        raise
    app.log.info(
        "signing %s: revision of %d bytes accepted for %s in %.0f ms",
        request_id,
        len(uploaded),
        field_name,
        (time.perf_counter() - started) * 1000,
    )
    sha256 = await loop.run_in_executor(None, app.blobs.put, uploaded)

    def transaction(
        db: Db,
    ) -> tuple[SignatureRequest, ps.SigningRequestView, _Archived | None]:
        current = signing_repo.request(db, request_id)
        assert current is not None
        if current.version != x.version:
            raise Conflict(
                "The request changed while the signature was checked.",
                "Yêu cầu ký vừa thay đổi trong lúc kiểm tra chữ ký.",
            )
        at = now()
        after = flow.record_signature(current, person_id, at)
        signing_repo.save_request(db, after, current.version)
        signing_repo.add_revision(
            db, request_id, after.revision, sha256, len(uploaded), person_id, field_name, at
        )
        audit_repo.record(
            db,
            person_id,
            "signing.signed",
            request_id,
            revision=after.revision,
            field=field_name,
            sha256=sha256,
            cert_sha256=report.cert_sha256,
            level=report.level.value if report.level else None,
        )
        archived = None
        if after.status is flow.RequestStatus.COMPLETED:
            archived = _archive_signed(db, after, sha256, len(uploaded), person_id)
            audit_repo.record(
                db,
                person_id,
                "signing.completed",
                request_id,
                sha256=sha256,
                document=archived.document.id,
            )
        return after, signing_views.load_view(db, after), archived

    after, view, archived = await app.store.write(transaction)
    reason = "completed" if after.status is flow.RequestStatus.COMPLETED else "signed"
    signing_views.notify(app.hub, after, view, reason)
    if archived is not None:
        app.hub.document_added(archived.document, archived.meeting, archived.directory)
        app.hub.meeting_changed(
            archived.meeting, archived.documents, archived.directory, "documents", archived.before
        )
    return view


@dataclass(frozen=True)
class _Archived:
    document: DocumentMeta
    meeting: Meeting
    before: Meeting
    documents: list[DocumentMeta]
    directory: Directory


def _archive_signed(
    db: Db, x: SignatureRequest, sha256: str, size: int, person_id: str
) -> _Archived:
    """The fully signed file joins the meeting's documents as the new version of the one sent
    for signature (a document's bytes never change); agenda items point at it while the
    meeting is still open."""
    original = documents_repo.document(db, x.document_id)
    meeting = meetings_repo.load(db, x.meeting_id)
    assert original is not None and meeting is not None
    stem = original.filename.removesuffix(".pdf").removesuffix(".PDF")
    document = replace(
        original,
        id=new_id("doc"),
        title=f"{original.title} (đã ký số)"[:300],
        filename=f"{stem}-da-ky.pdf",
        sha256=sha256,
        size=size,
        uploaded_by=person_id,
        uploaded_at=now(),
        is_draft=False,
        previous_id=original.id,
    )
    documents_repo.insert_document(db, document)
    before = meeting
    if meeting.status not in (MeetingStatus.ENDED, MeetingStatus.ARCHIVED) and any(
        original.id in item.document_ids for item in meeting.agenda
    ):
        meeting = meeting_rules.replace_document(meeting, original.id, document.id)
        meetings_repo.save(db, meeting, before.version)
    return _Archived(
        document, meeting, before, documents_repo.of_meeting(db, x.meeting_id), directory(db)
    )


@handles(ps.SubmitRevision, binary=True)
async def submit(
    app: AppState, conn: Connection, request: ps.SubmitRevision, payload: bytes
) -> ps.SigningRequestView:
    if hashlib.sha256(payload).hexdigest() != request.sha256:
        raise ChecksumMismatch(
            "The received bytes do not match the announced SHA-256; send again.",
            "Dữ liệu nhận được không khớp SHA-256 đã khai báo, vui lòng gửi lại.",
        )
    return await accept(app, conn, request.request_id, request.base_revision, payload)


def _upload_view(app: AppState, row: dict[str, Any]) -> ps.SigningUploadView:
    return ps.SigningUploadView(
        upload_id=row["id"],
        request_id=row["request_id"],
        size=row["size"],
        received=row["received"],
        chunk_size=app.config.limits.upload_chunk_bytes,
    )


@handles(ps.BeginRevisionUpload)
async def begin_upload(
    app: AppState, conn: Connection, request: ps.BeginRevisionUpload
) -> ps.SigningUploadView:
    chunks.check_size(app, request.size)

    def transaction(db: Db) -> dict[str, Any]:
        person = caller(db, conn)
        x = visible_request(db, person, request.request_id)
        flow.require_turn(x, person.id)
        existing = signing_repo.find_upload(db, person.id, x.id, request.sha256)
        if existing is not None:
            return existing  # resume where the dropped connection left off
        upload_id = new_id("supl")
        row: dict[str, Any] = {
            "id": upload_id,
            "request_id": x.id,
            "person_id": person.id,
            "base_revision": request.base_revision,
            "size": request.size,
            "sha256": request.sha256,
            "received": 0,
            "created_at": to_text(now()),
        }
        signing_repo.insert_upload(db, row)
        audit_repo.record(db, person.id, "signing.upload", upload_id, request=x.id)
        return row

    return _upload_view(app, await app.store.write(transaction))


async def _own_upload(app: AppState, conn: Connection, upload_id: str) -> dict[str, Any]:
    row = await app.store.read(lambda db: signing_repo.upload(db, upload_id))
    if row is None or conn.person is None or row["person_id"] != conn.person.id:
        raise NO_UPLOAD
    return row


@handles(ps.RevisionChunk, binary=True)
async def upload_chunk(
    app: AppState, conn: Connection, request: ps.RevisionChunk, payload: bytes
) -> ps.SigningUploadView:
    row = await _own_upload(app, conn, request.upload_id)
    received = await chunks.receive(app, row, request.offset, payload, signing_repo.set_received)
    return _upload_view(app, {**row, "received": received})


@handles(ps.FinishRevisionUpload)
async def finish_upload(
    app: AppState, conn: Connection, request: ps.FinishRevisionUpload
) -> ps.SigningRequestView:
    row = await _own_upload(app, conn, request.upload_id)
    if row["received"] != row["size"]:
        raise BadRequest(
            f"The upload is incomplete: {row['received']} of {row['size']} bytes.",
            f"Tải lên chưa đủ: {row['received']}/{row['size']} byte.",
            details={"received": row["received"]},
        )
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, app.blobs.part_path(row["id"]).read_bytes)

    async def forget() -> None:
        await app.store.write(lambda db: signing_repo.delete_upload(db, row["id"]))
        app.blobs.discard_part(row["id"])

    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        await forget()
        raise ChecksumMismatch(
            "The received bytes do not match the announced SHA-256; upload again.",
            "Dữ liệu nhận được không khớp SHA-256 đã khai báo, vui lòng tải lại.",
        )
    try:
        return await accept(app, conn, row["request_id"], row["base_revision"], data)
    finally:
        await forget()
