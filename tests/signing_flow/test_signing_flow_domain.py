"""The rules of a signature request, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from meetings.errors import BadRequest, Forbidden, InvalidState
from meetings.signing_flow import (
    FieldBox,
    RequestStatus,
    SignatureRequest,
    Signer,
    SignerRole,
    cancel,
    decline,
    new_request,
    record_signature,
    require_turn,
)

AT = datetime(2026, 12, 1, 3, tzinfo=UTC)
BOX = FieldBox(1, 100, 100, 300, 200)


def signers(*people: str, seal: str | None = None) -> tuple[Signer, ...]:
    found = [Signer(p, f"f_{p}", BOX) for p in people]
    if seal:
        found.append(Signer(seal, "seal", BOX, SignerRole.SEAL))
    return tuple(found)


def request(*people: str, seal: str | None = "clerk") -> SignatureRequest:
    return new_request(
        request_id="sig_1",
        meeting_id="m",
        document_id="d",
        title=" Biên bản ",
        requested_by="secretary",
        signers=signers(*people, seal=seal),
        at=AT,
    )


def test_signers_sign_in_order_then_the_seal_completes_it() -> None:
    x = request("secretary", "vice", "chair")
    assert x.title == "Biên bản" and x.status is RequestStatus.WAITING
    order = []
    for step, person in enumerate(["secretary", "vice", "chair", "clerk"]):
        assert x.turn is not None and x.turn.person_id == person and x.step == step
        assert x.waiting_for(person) and not x.waiting_for("someone")
        order.append(x.turn.field_name)
        x = record_signature(x, person, AT + timedelta(minutes=step))
        assert x.revision == step + 1 and x.signers[step].signed
    assert order == ["f_secretary", "f_vice", "f_chair", "seal"]
    assert x.status is RequestStatus.COMPLETED and x.turn is None and x.read_only
    assert x.version == 5
    with pytest.raises(InvalidState):
        record_signature(x, "clerk", AT)


def test_only_the_signer_whose_turn_it_is_may_sign() -> None:
    x = request("secretary", "chair")
    with pytest.raises(InvalidState) as info:
        record_signature(x, "chair", AT)
    assert info.value.details == {"turn": "secretary"}
    with pytest.raises(Forbidden):
        require_turn(x, "outsider")


def test_decline_needs_a_reason_and_ends_the_request() -> None:
    x = request("chair")
    with pytest.raises(BadRequest):
        decline(x, "chair", "   ", AT)
    with pytest.raises(InvalidState):
        decline(x, "clerk", "not my turn", AT)
    after = decline(x, "chair", " Sai số liệu ", AT)
    assert after.status is RequestStatus.DECLINED and after.reason == "Sai số liệu"
    assert after.declined_by == "chair" and after.read_only and after.turn is None
    with pytest.raises(InvalidState):
        cancel(after, "late", AT)


def test_cancel_an_open_request() -> None:
    after = cancel(record_signature(request("chair"), "chair", AT), "Đã thay văn bản", AT)
    assert after.status is RequestStatus.CANCELLED and after.revision == 1


@pytest.mark.parametrize(
    "bad",
    [
        (),
        (Signer("clerk", "seal", BOX, SignerRole.SEAL), Signer("chair", "c", BOX)),
        (Signer("a", "same", BOX), Signer("b", "same", BOX)),
        (Signer("a", "x", BOX), Signer("a", "y", BOX)),
        (Signer("a", "bad name", BOX),),
        tuple(Signer(f"p{i}", f"f{i}", BOX) for i in range(21)),
    ],
    ids=["none", "seal-first", "same-field", "same-person", "field-name", "too-many"],
)
def test_bad_signer_lists_are_refused(bad: tuple[Signer, ...]) -> None:
    with pytest.raises(BadRequest):
        new_request(
            request_id="s",
            meeting_id="m",
            document_id="d",
            title="t",
            requested_by="x",
            signers=bad,
            at=AT,
        )


@pytest.mark.parametrize("args", [(0, 1, 1, 2, 2), (1, 5, 1, 5, 2), (1, -1, 1, 2, 2)])
def test_boxes_are_checked(args: tuple[int, float, float, float, float]) -> None:
    with pytest.raises(BadRequest):
        FieldBox(*args)
