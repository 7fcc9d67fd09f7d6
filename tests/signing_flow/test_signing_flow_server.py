"""The signing workflow through real websockets: three people and the clerk's seal sign the
generated minutes in turn, on their "laptops"; the server refuses what it must."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from signing_flow_helpers import CERT_OF, Login, Minutes, signer_specs
from signing_flow_pki import FlowPki, FlowToken, sign_with_token

from ecabinet.net.client import Client, ServerError
from ecabinet.signing import service
from meetings import protocol_signing as ps
from signing.fields import list_signature_fields
from signing.validate import async_validate_pdf
from tests.support.sign_p12 import ORG, sign_p12

PEOPLE = {key: f"per_{key}" for key in ("secretary", "delegate", "chair", "clerk", "outsider")}


async def next_signing_event(client: Client, kind: type, request_id: str) -> ps.SigningRequestView:
    """The next event of `kind` about `request_id`, skipping meeting events and others."""
    for _ in range(50):
        event = await client.next_event(20)
        if isinstance(event, kind) and event.request.id == request_id:  # type: ignore[attr-defined]
            return event.request  # type: ignore[attr-defined]
    raise AssertionError(f"no {kind.__name__} event for {request_id}")


async def register(client: Client, pki: FlowPki, label: str) -> None:
    view = ps.CertificateView.model_validate(
        await client.call("signing.register_certificate", pem=pki.pem(label))
    )
    assert view.common_name == pki.cert(label).subject.native["common_name"]


def changed_content(pdf: bytes) -> bytes:
    """An incremental update painting over page 1: what a signer must not send."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stream = generic.StreamObject(stream_data=b"q 1 0 0 rg 50 50 200 100 re f Q")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


async def refused(call: object) -> ServerError:
    with pytest.raises(ServerError) as info:
        await call  # type: ignore[misc]
    return info.value


async def test_three_signers_and_the_seal_in_turn(
    login: Login,
    minutes_doc: Minutes,
    flow_pki: FlowPki,
    flow_token: FlowToken,
    tmp_path: Path,
) -> None:
    secretary, delegate = await login("secretary"), await login("delegate")
    chair, clerk = await login("chair"), await login("clerk")
    for client, key in (
        (secretary, "secretary"),
        (delegate, "delegate"),
        (chair, "chair"),
        (clerk, "clerk"),
    ):
        await register(client, flow_pki, CERT_OF[key])

    created = ps.SigningRequestView.model_validate(
        await secretary.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            signers=signer_specs(minutes_doc.rendered, PEOPLE),
        )
    )
    assert created.status == "waiting" and created.turn_person_id == PEOPLE["secretary"]
    assert [r.number for r in created.revisions] == [0]
    turn = await next_signing_event(secretary, ps.SigningTurn, created.id)
    assert turn.id == created.id

    # Revision 0 holds every field, empty, added before anyone signs; the upload is unchanged.
    number, revision0 = await service.fetch_revision(secretary, created.id)
    assert number == 0
    fields = list_signature_fields(revision0)
    assert [(f.name, f.signed) for f in fields] == [
        ("thu_ky", False),
        ("pho_chu_tich", False),
        ("chu_tich", False),
        ("con_dau", False),
    ]
    assert revision0.startswith(minutes_doc.rendered.pdf)

    # The secretary signs with a key file.
    assert [w.id for w in await service.waiting(secretary)] == [created.id]
    assert await service.waiting(delegate) == []
    signed1 = await sign_p12(flow_pki, "vice1", revision0, "thu_ky")
    after1 = await service.submit(secretary, created.id, 0, signed1)
    assert after1.status == "signing" and after1.turn_person_id == PEOPLE["delegate"]
    await next_signing_event(delegate, ps.SigningTurn, created.id)

    # The delegate signs with the SoftHSM2 token on their "laptop".
    _, current = await service.fetch_revision(delegate, created.id)
    assert current == signed1
    signed2 = await sign_with_token(flow_token, current, "pho_chu_tich", flow_pki.tsa_url, tmp_path)
    after2 = await service.submit(delegate, created.id, 1, signed2)
    assert after2.turn_person_id == PEOPLE["chair"]
    await next_signing_event(chair, ps.SigningTurn, created.id)

    # The server refuses what the chair must not send, and keeps revision 2 current.
    _, current = await service.fetch_revision(chair, created.id)
    wrong_field = await sign_p12(flow_pki, "chair", current, "con_dau")
    error = await refused(service.submit(chair, created.id, 2, wrong_field))
    assert error.code == "invalid_document" and error.details["problem"] == "wrong-field"
    edited = await sign_p12(flow_pki, "chair", changed_content(current), "chu_tich")
    error = await refused(service.submit(chair, created.id, 2, edited))
    assert error.details["problem"] == "changed-content"
    someone_else = await sign_p12(flow_pki, "vice2", current, "chu_tich")
    error = await refused(service.submit(chair, created.id, 2, someone_else))
    assert error.details["problem"] == "wrong-signer"
    assert "Người ký" in error.message_vi
    error = await refused(service.submit(clerk, created.id, 2, someone_else))
    assert error.code == "invalid_state"  # not the clerk's turn yet
    still = await service.get(chair, created.id)
    assert still.current_revision == 2 and still.turn_person_id == PEOPLE["chair"]

    signed3 = await sign_p12(flow_pki, "chair", current, "chu_tich")
    error = await refused(service.submit(chair, created.id, 1, signed3))
    assert error.code == "conflict"  # signed an outdated revision
    await service.submit(chair, created.id, 2, signed3)
    await next_signing_event(clerk, ps.SigningTurn, created.id)

    # The clerk seals last (B-LTA), sending the file in chunks.
    _, current = await service.fetch_revision(clerk, created.id)
    sealed = await sign_p12(flow_pki, "org", current, "con_dau", seal=True)
    progress: list[int] = []
    done = await service.submit(
        clerk,
        created.id,
        3,
        sealed,
        chunk_threshold=16 * 1024,
        progress=lambda sent, total: progress.append(sent),
    )
    assert len(progress) > 1 and progress[-1] == len(sealed)
    assert done.status == "completed" and done.turn_person_id is None
    assert [r.number for r in done.revisions] == [0, 1, 2, 3, 4]
    assert [r.signed_by for r in done.revisions[1:]] == [
        PEOPLE["secretary"],
        PEOPLE["delegate"],
        PEOPLE["chair"],
        PEOPLE["clerk"],
    ]
    assert all(s.signed_at is not None for s in done.signers)
    completed = await next_signing_event(secretary, ps.SigningUpdated, created.id)
    while completed.status != "completed":
        completed = await next_signing_event(secretary, ps.SigningUpdated, created.id)

    # The final file, as downloaded, validates with the test roots, here and on the server.
    number, final = await service.fetch_revision(secretary, created.id)
    assert number == 4 and final == sealed
    report = await async_validate_pdf(final, [flow_pki.root], other_certs=[flow_pki.interm])
    signatures = [s for s in report.signatures if not s.is_document_timestamp]
    assert [s.field_name for s in signatures] == ["thu_ky", "pho_chu_tich", "chu_tich", "con_dau"]
    assert report.all_valid, report.summary_en()
    panel = ps.ValidationView.model_validate(
        await delegate.call("signing.validate", request_id=created.id)
    )
    assert panel.all_valid and panel.revision == 4
    assert [s.signer for s in panel.signatures if not s.is_document_timestamp] == [
        "Trần Thị Bình",
        "Võ Văn Phúc",
        "Nguyễn Văn An",
        ORG,
    ]
    assert "HỢP LỆ" in panel.summary_vi and "KHÔNG HỢP LỆ" not in panel.summary_vi

    # The signed file joins the meeting as the new version of the minutes.
    meeting = await secretary.call("meeting.get", meeting_id=minutes_doc.meeting_id)
    (archived,) = [d for d in meeting["documents"] if d["previous_id"] == created.document_id]
    assert archived["sha256"] == done.revisions[-1].sha256 and archived["size"] == len(final)
    assert archived["title"].endswith("(đã ký số)")

    # A finished request is read-only.
    error = await refused(secretary.call("signing.decline", request_id=created.id, reason="x"))
    assert error.code == "invalid_state"
    admin = await login("admin")
    actions = [e["action"] for e in await admin.call("audit.list", limit=200)]
    assert actions.count("signing.signed") == 4 and actions.count("signing.refused") == 3
    assert "signing.requested" in actions and "signing.completed" in actions


async def test_a_signer_declines_and_the_secretary_sees_why(
    login: Login, minutes_doc: Minutes, flow_pki: FlowPki
) -> None:
    secretary, chair = await login("secretary"), await login("chair")
    delegate = await login("delegate")
    created = ps.SigningRequestView.model_validate(
        await secretary.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            signers=[
                {"person_id": PEOPLE["chair"], "field_name": "chu_tich"},
                {"person_id": PEOPLE["clerk"], "field_name": "con_dau", "role": "seal"},
            ],
        )
    )
    # Without boxes, the fields go to the bottom of the last page, the seal over the chair's.
    chair_box, seal_box = created.signers[0].box, created.signers[1].box
    assert chair_box.page == minutes_doc.rendered.pages == seal_box.page
    assert seal_box.x1 < chair_box.x1 < seal_box.x2
    assert [w.id for w in await service.waiting(chair)] == [created.id]

    error = await refused(delegate.call("signing.decline", request_id=created.id, reason="Không"))
    assert error.code == "not_found"  # not part of it: it does not exist for them
    reason = "Số liệu mục 2 chưa khớp với báo cáo, đề nghị sửa lại."
    declined = ps.SigningRequestView.model_validate(
        await chair.call("signing.decline", request_id=created.id, reason=reason)
    )
    assert declined.status == "declined" and declined.declined_by == PEOPLE["chair"]
    seen = await next_signing_event(secretary, ps.SigningUpdated, created.id)
    while seen.status != "declined":
        seen = await next_signing_event(secretary, ps.SigningUpdated, created.id)
    assert seen.reason == reason
    listing = ps.SigningListView.model_validate(await secretary.call("signing.list"))
    assert [x.status for x in listing.requested_by_me] == ["declined"]
    assert listing.tsa_url == flow_pki.tsa_url
    assert await service.waiting(chair) == []
    error = await refused(service.submit(chair, created.id, 0, b"%PDF-1.7 not signed"))
    assert error.code == "invalid_state"


async def test_who_may_send_and_which_certificates_count(
    login: Login, minutes_doc: Minutes, flow_pki: FlowPki
) -> None:
    delegate, clerk = await login("delegate"), await login("clerk")
    signers = [{"person_id": PEOPLE["chair"], "field_name": "chu_tich"}]
    error = await refused(
        delegate.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            signers=signers,
        )
    )
    assert error.code == "forbidden"
    secretary = await login("secretary")
    bad_order = [
        {"person_id": PEOPLE["clerk"], "field_name": "con_dau", "role": "seal"},
        *signers,
    ]
    error = await refused(
        secretary.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            signers=bad_order,
        )
    )
    assert error.code == "bad_request" and "sau cùng" in error.message_vi
    error = await refused(clerk.call("signing.register_certificate", pem=flow_pki.pem("expired")))
    assert error.details["problem"] == "expired"
    error = await refused(clerk.call("signing.register_certificate", pem=flow_pki.pem("root")))
    assert error.details["problem"] == "ca-certificate"
    await register(clerk, flow_pki, "org")
    listed = await clerk.call("signing.certificates")
    assert [c["common_name"] for c in listed] == [ORG]


async def test_without_a_registered_certificate_nothing_is_accepted_and_cancel_ends_it(
    login: Login, minutes_doc: Minutes, flow_pki: FlowPki
) -> None:
    secretary, delegate = await login("secretary"), await login("delegate")
    created = ps.SigningRequestView.model_validate(
        await secretary.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            signers=[signer_specs(minutes_doc.rendered, PEOPLE)[1]],
        )
    )
    _, revision0 = await service.fetch_revision(delegate, created.id, 0)
    signed = await sign_p12(flow_pki, "token-user", revision0, "pho_chu_tich")
    error = await refused(service.submit(delegate, created.id, 0, signed))
    assert error.code == "invalid_state" and "đăng ký chứng thư" in error.message_vi
    panel = ps.ValidationView.model_validate(
        await delegate.call("signing.validate", request_id=created.id, revision=0)
    )
    assert panel.signatures == [] and not panel.all_valid
    error = await refused(delegate.call("signing.cancel", request_id=created.id, reason="Không"))
    assert error.code == "forbidden"  # a signer may decline, not cancel
    cancelled = ps.SigningRequestView.model_validate(
        await secretary.call("signing.cancel", request_id=created.id, reason="Đã thay văn bản.")
    )
    assert cancelled.status == "cancelled" and cancelled.turn_person_id is None
    await delegate.call("signing.register_certificate", pem=flow_pki.pem("token-user"))
    error = await refused(service.submit(delegate, created.id, 0, signed))
    assert error.code == "invalid_state"  # cancelled: read-only
