"""Documents: chunked, resumable, checked uploads; chunked downloads; comments on drafts."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection as Db

from meetings import meeting as domain
from meetings import protocol as p
from meetings.documents import (
    Classification,
    Comment,
    DocumentMeta,
    check_comment,
    check_title,
    clean_filename,
)
from meetings.errors import BadRequest, ChecksumMismatch, Conflict, NotFound
from meetings.meeting import MeetingStatus
from meetings.permissions import Action, allowed, require_document
from server import chunks, views
from server.handlers import BinaryReply, handles
from server.handlers.common import MeetingView, caller, directory, load_view, new_id
from server.pdfcheck import count_pages
from server.store import audit_repo, directory_repo, documents_repo, meetings_repo
from server.store.clock import now, to_text

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

NO_UPLOAD = NotFound("No such upload.", "Không tìm thấy phiên tải lên.")


def _upload_view(app: AppState, row: dict[str, Any]) -> p.UploadView:
    return p.UploadView(
        upload_id=row["id"],
        size=row["size"],
        received=row["received"],
        chunk_size=app.config.limits.upload_chunk_bytes,
    )


@handles(p.BeginUpload)
async def begin_upload(app: AppState, conn: Connection, request: p.BeginUpload) -> p.UploadView:
    chunks.check_size(app, request.size)
    filename = clean_filename(request.filename)
    title = check_title(request.title)

    def transaction(db: Db) -> dict[str, Any]:
        view = load_view(db, conn, request.meeting_id, Action.DOCUMENT_UPLOAD)
        domain.require_not_archived(view.meeting)
        if request.item_id is not None:
            view.meeting.item(request.item_id)
        if request.replaces is not None:
            old = documents_repo.document(db, request.replaces)
            if old is None or old.meeting_id != request.meeting_id:
                raise BadRequest(
                    "The replaced document is not in this meeting.",
                    "Tài liệu được thay thế không thuộc cuộc họp này.",
                )
        existing = documents_repo.find_upload(
            db, view.person.id, request.meeting_id, request.sha256
        )
        if existing is not None:
            return existing  # resume where the dropped connection left off
        upload_id = new_id("upl")
        row: dict[str, Any] = {
            "id": upload_id,
            "person_id": view.person.id,
            "meeting_id": request.meeting_id,
            "filename": filename,
            "title": title,
            "size": request.size,
            "sha256": request.sha256,
            "classification": request.classification.value,
            "is_draft": request.is_draft,
            "replaces": request.replaces,
            "item_id": request.item_id,
            "received": 0,
            "created_at": to_text(now()),
        }
        documents_repo.insert_upload(db, row)
        audit_repo.record(
            db, view.person.id, "upload.begin", upload_id, filename=filename, size=request.size
        )
        return row

    return _upload_view(app, await app.store.write(transaction))


async def _own_upload(app: AppState, conn: Connection, upload_id: str) -> dict[str, Any]:
    row = await app.store.read(lambda db: documents_repo.upload(db, upload_id))
    if row is None or conn.person is None or row["person_id"] != conn.person.id:
        raise NO_UPLOAD
    return row


@handles(p.UploadChunk, binary=True)
async def upload_chunk(
    app: AppState, conn: Connection, request: p.UploadChunk, payload: bytes
) -> p.UploadView:
    row = await _own_upload(app, conn, request.upload_id)
    received = await chunks.receive(app, row, request.offset, payload, documents_repo.set_received)
    return _upload_view(app, {**row, "received": received})


@handles(p.UploadStatus)
async def upload_status(app: AppState, conn: Connection, request: p.UploadStatus) -> p.UploadView:
    return _upload_view(app, await _own_upload(app, conn, request.upload_id))


async def _discard(app: AppState, row: dict[str, Any], why: str) -> None:
    def forget(db: Db) -> None:
        documents_repo.delete_upload(db, row["id"])
        audit_repo.record(db, row["person_id"], "upload.refused", row["id"], reason=why)

    await app.store.write(forget)
    app.blobs.discard_part(row["id"])


@handles(p.FinishUpload)
async def finish_upload(app: AppState, conn: Connection, request: p.FinishUpload) -> p.DocumentView:
    row = await _own_upload(app, conn, request.upload_id)
    if row["received"] != row["size"]:
        raise BadRequest(
            f"The upload is incomplete: {row['received']} of {row['size']} bytes.",
            f"Tải lên chưa đủ: {row['received']}/{row['size']} byte.",
            details={"received": row["received"]},
        )
    loop = asyncio.get_running_loop()
    digest = await loop.run_in_executor(None, app.blobs.hash_part, row["id"])
    if digest != row["sha256"]:
        await _discard(app, row, "checksum")
        raise ChecksumMismatch(
            "The received bytes do not match the announced SHA-256; upload again.",
            "Dữ liệu nhận được không khớp SHA-256 đã khai báo, vui lòng tải lại.",
            details={"received_sha256": digest},
        )
    try:
        pages = await count_pages(app.blobs.part_path(row["id"]))
    except Exception as exc:
        await _discard(app, row, getattr(exc, "details", {}).get("reason", "invalid"))
        raise
    await loop.run_in_executor(None, app.blobs.adopt_part, row["id"], row["sha256"])

    def transaction(db: Db) -> tuple[MeetingView, DocumentMeta, Any]:
        view = load_view(db, conn, row["meeting_id"], Action.DOCUMENT_UPLOAD)
        document = DocumentMeta(
            id=new_id("doc"),
            meeting_id=row["meeting_id"],
            title=row["title"],
            filename=row["filename"],
            sha256=row["sha256"],
            size=row["size"],
            pages=pages,
            classification=Classification(row["classification"]),
            uploaded_by=view.person.id,
            uploaded_at=now(),
            is_draft=bool(row["is_draft"]),
            previous_id=row["replaces"],
        )
        documents_repo.insert_document(db, document)
        documents_repo.delete_upload(db, row["id"])
        meeting = before = view.meeting
        if meeting.status not in (MeetingStatus.ENDED, MeetingStatus.ARCHIVED):
            if row["replaces"]:
                meeting = domain.replace_document(meeting, row["replaces"], document.id)
            if row["item_id"]:
                meeting = domain.attach_document(meeting, row["item_id"], document.id)
            if meeting is not before:
                meetings_repo.save(db, meeting, before.version)
        audit_repo.record(
            db,
            view.person.id,
            "document.uploaded",
            document.id,
            title=document.title,
            sha256=document.sha256,
            size=document.size,
            pages=pages,
            replaces=row["replaces"],
        )
        return (
            replace(view, meeting=meeting, documents=[*view.documents, document]),
            document,
            before,
        )

    view, document, before = await app.store.write(transaction)
    app.hub.document_added(document, view.meeting, view.directory)
    app.hub.meeting_changed(view.meeting, view.documents, view.directory, "documents", before)
    return views.document(document)


async def _readable(app: AppState, conn: Connection, document_id: str) -> DocumentMeta:
    def read(db: Db) -> DocumentMeta:
        document = documents_repo.document(db, document_id)
        if document is None:
            raise NotFound("No such document.", "Không tìm thấy tài liệu.")
        person = caller(db, conn)
        meeting = meetings_repo.load(db, document.meeting_id)
        assert meeting is not None
        require_document(person, document, meeting, directory(db))
        return document

    return await app.store.read(read)


@handles(p.GetDocument)
async def get_document(app: AppState, conn: Connection, request: p.GetDocument) -> p.DocumentView:
    return views.document(await _readable(app, conn, request.document_id))


@handles(p.DownloadDocument)
async def download(app: AppState, conn: Connection, request: p.DownloadDocument) -> BinaryReply:
    # The check runs once per document and connection; later chunks reuse it.
    document = conn.readable_documents.get(request.document_id)
    if document is None:
        document = await _readable(app, conn, request.document_id)
        conn.readable_documents[document.id] = document
        person_id = conn.person.id if conn.person else None
        await app.store.write(
            lambda db: audit_repo.record(db, person_id, "document.download", document.id)
        )
    if request.offset > document.size:
        raise BadRequest("Offset past the end of the file.", "Vị trí vượt quá cuối tệp.")
    length = min(request.length, document.size - request.offset)
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, app.blobs.read, document.sha256, request.offset, length)
    header = p.DownloadResult(
        document_id=document.id, offset=request.offset, length=len(data), size=document.size
    )
    return BinaryReply(header, data)


@handles(p.AddComment)
async def add_comment(app: AppState, conn: Connection, request: p.AddComment) -> p.CommentView:
    def transaction(db: Db) -> tuple[p.CommentView, MeetingView]:
        document = documents_repo.document(db, request.document_id)
        if document is None:
            raise NotFound("No such document.", "Không tìm thấy tài liệu.")
        view = load_view(db, conn, document.meeting_id, Action.COMMENT_WRITE)
        require_document(view.person, document, view.meeting, view.directory)
        text = check_comment(view.meeting, document, request.text)
        comment_id = f"cmt_{request.client_id}" if request.client_id else new_id("cmt")
        existing = documents_repo.comment(db, comment_id)
        if existing is not None:
            if existing.author_id != view.person.id:
                raise Conflict("That comment id is taken.", "Mã góp ý đã được dùng.")
            return views.comment(existing, view.person.full_name), view  # replayed offline
        comment = Comment(
            id=comment_id,
            document_id=document.id,
            author_id=view.person.id,
            text=text,
            created_at=now(),
            page=request.page,
        )
        documents_repo.insert_comment(db, comment)
        audit_repo.record(db, view.person.id, "comment.added", comment.id, document=document.id)
        return views.comment(comment, view.person.full_name), view

    comment, view = await app.store.write(transaction)
    event = p.CommentAdded(meeting_id=view.meeting.id, comment=comment)
    for person in app.hub.people():
        if person.id == view.person.id or allowed(
            person, Action.COMMENT_READ_ALL, view.meeting, view.directory
        ):
            app.hub.send_to_person(person.id, event, except_conn=conn)
    return comment


@handles(p.ListComments)
async def list_comments(
    app: AppState, conn: Connection, request: p.ListComments
) -> list[p.CommentView]:
    def read(db: Db) -> list[p.CommentView]:
        document = documents_repo.document(db, request.document_id)
        if document is None:
            raise NotFound("No such document.", "Không tìm thấy tài liệu.")
        view = load_view(db, conn, document.meeting_id, Action.DOCUMENT_READ)
        require_document(view.person, document, view.meeting, view.directory)
        sees_all = allowed(view.person, Action.COMMENT_READ_ALL, view.meeting, view.directory)
        found = documents_repo.comments(db, document.id, None if sees_all else view.person.id)
        names = {
            x.id: x.full_name
            for x in directory_repo.people_by_ids(db, list({c.author_id for c in found}))
        }
        return [views.comment(c, names.get(c.author_id, "")) for c in found]

    return await app.store.read(read)
