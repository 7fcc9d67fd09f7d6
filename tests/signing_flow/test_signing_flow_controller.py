"""The client's signing logic with a fake view (no window): a wrong password writes
nothing, several documents go with one password entry, a decline reaches the sender."""

from __future__ import annotations

from signing_flow_helpers import Login, Minutes, signer_specs
from signing_flow_pki import FlowPki

from ecabinet.signing.controller import SigningController
from ecabinet.signing.keys import KeyFile
from meetings import protocol as p
from meetings import protocol_signing as ps

PEOPLE = {key: f"per_{key}" for key in ("secretary", "delegate", "chair", "clerk")}


class FakeView:
    def __init__(self, *secrets: str | None) -> None:
        self.secrets = list(secrets)
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.progress: list[tuple[int, int]] = []

    async def ask_secret(self, needs: str) -> str | None:
        self.asked.append(needs)
        return self.secrets.pop(0)

    def show_error(self, text: str) -> None:
        self.errors.append(text)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total))


async def test_controller_signs_in_one_go_refuses_a_wrong_password_and_declines(
    login: Login, minutes_doc: Minutes, flow_pki: FlowPki
) -> None:
    secretary, chair = await login("secretary"), await login("chair")
    await chair.call("signing.register_certificate", pem=flow_pki.pem("chair"))
    meeting = await secretary.call("meeting.get", meeting_id=minutes_doc.meeting_id)
    item = meeting["agenda"][0]["id"]
    await secretary.call(
        "agenda.attach",
        meeting_id=minutes_doc.meeting_id,
        item_id=item,
        document_id=minutes_doc.document_id,
    )
    specs = signer_specs(minutes_doc.rendered, PEOPLE)
    created = [
        await secretary.call(
            "signing.request",
            meeting_id=minutes_doc.meeting_id,
            document_id=minutes_doc.document_id,
            title=title,
            signers=[specs[2]],  # the chair alone
        )
        for title in ("Biên bản", "Kết luận", "Thông báo")
    ]
    me = p.PersonView.model_validate(await chair.call("me.get"))
    view = FakeView("sai-mat-khau", "pw-chair")
    controller = SigningController(view, lambda: chair, me)
    waiting = await controller.refresh()
    assert [w.id for w in waiting] == [c["id"] for c in reversed(created)]
    assert controller.tsa_url == flow_pki.tsa_url
    key = KeyFile(flow_pki.p12("chair"))

    assert await controller.sign(waiting[:2], key) == []
    assert view.errors == ["Sai mật khẩu của tệp khóa (hoặc tệp bị hỏng)"]
    assert len(await controller.refresh()) == 3  # nothing was sent

    done = await controller.sign(waiting[:2], key)
    assert view.asked == ["password", "password"]  # once per round, not per document
    assert [d.status for d in done] == ["completed", "completed"]
    assert view.progress[-1][0] == view.progress[-1][1]
    # Each signed file is a new version of the minutes; the agenda item that held the minutes
    # now holds the first signed one (the second request's original is no longer there).
    meeting = await secretary.call("meeting.get", meeting_id=minutes_doc.meeting_id)
    versions = [d for d in meeting["documents"] if d["previous_id"] == minutes_doc.document_id]
    assert len(versions) == 2
    assert meeting["agenda"][0]["document_ids"] == [versions[0]["id"]]
    left = await controller.refresh()
    assert [w.id for w in left] == [waiting[2].id]

    declined = await controller.decline(left[0], "Chưa đủ thành phần dự họp.")
    assert declined.status == "declined"
    seen = ps.SigningRequestView.model_validate(
        await secretary.call("signing.get", request_id=left[0].id)
    )
    assert seen.reason == "Chưa đủ thành phần dự họp." and seen.declined_by == PEOPLE["chair"]
    report = await controller.validate(done[0].id)
    assert report.all_valid and report.signatures[0].signer == "Nguyễn Văn An"
