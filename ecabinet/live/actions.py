"""The live requests, one thin method each: send, hand the reply to the state, and tell the
person what went wrong in their language. Live actions need the connection and say so."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject

from ecabinet.live.state import LiveState, server_text
from ecabinet.net.client import Disconnected, ServerError
from ecabinet.net.connection import Connection
from meetings import protocol_live as pl
from meetings import protocol_signing as ps
from meetings.errors import ErrorCode
from meetings.live.model import Choice, Presence, QuorumRule, VoteKind


class MessageView(Protocol):
    def show_message(self, text: str) -> None: ...


class LiveActions(QObject):
    def __init__(
        self, connection: Connection, state: LiveState, view: MessageView, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.state = state
        self.view = view
        self.meeting_id = state.meeting_id

    async def _call(self, kind: str, /, **fields: Any) -> Any:
        """The reply's data, or None after telling the person why not."""
        try:
            return await self.connection.call(kind, meeting_id=self.meeting_id, **fields)
        except Disconnected:
            self.view.show_message(
                self.tr("Not connected to the server: live actions need the connection.")
            )
        except ServerError as exc:
            if exc.code == ErrorCode.CONFLICT and kind == "live.next_item":
                # A double click or a second chair: the first click moved the meeting.
                self.view.show_message(self.tr("The meeting already moved on."))
            else:
                self.view.show_message(server_text(exc))
        return None

    async def _state_call(self, kind: str, /, **fields: Any) -> bool:
        data = await self._call(kind, **fields)
        if data is None:
            return False
        self.state.take_state(data)
        return True

    # -- everyone on the roster -----------------------------------------------------------

    async def check_in(self, presence: Presence = Presence.HALL) -> bool:
        return await self._state_call("live.check_in", presence=presence.value)

    async def ask_floor(self) -> bool:
        return await self._state_call("live.ask_floor")

    async def withdraw_floor(self) -> bool:
        return await self._state_call("live.withdraw_floor")

    async def cast(self, vote_id: str, choice: Choice) -> pl.BallotReceipt | None:
        data = await self._call("live.cast", vote_id=vote_id, choice=choice.value)
        if data is None:
            return None
        receipt = pl.BallotReceipt.model_validate(data)
        self.state.take_receipt(receipt)
        return receipt

    # -- the secretary's roll call ---------------------------------------------------------

    async def mark(self, person_id: str, presence: Presence, reason: str = "") -> bool:
        return await self._state_call(
            "live.mark", person_id=person_id, presence=presence.value, reason=reason
        )

    # -- the chair -------------------------------------------------------------------------

    async def configure(self, rule: QuorumRule, speaking_seconds: int) -> bool:
        return await self._state_call(
            "live.configure",
            quorum_numerator=rule.numerator,
            quorum_denominator=rule.denominator,
            quorum_strict=rule.strict,
            speaking_seconds=speaking_seconds,
        )

    async def next_item(self, expected_item_id: str | None) -> bool:
        return await self._state_call("live.next_item", expected_item_id=expected_item_id)

    async def give_floor(self, person_id: str, limit_seconds: int) -> bool:
        return await self._state_call(
            "live.give_floor", person_id=person_id, limit_seconds=limit_seconds
        )

    async def end_floor(self, speaker_id: str | None) -> bool:
        return await self._state_call("live.end_floor", speaker_id=speaker_id)

    async def open_vote(
        self, question: str, kind: VoteKind, seconds: int | None
    ) -> pl.VoteView | None:
        fields: dict[str, Any] = {"question": question, "kind": kind.value}
        if seconds:
            fields["seconds"] = seconds
        data = await self._call("live.open_vote", **fields)
        if data is None:
            return None
        vote = pl.VoteView.model_validate(data)
        self.state.take_vote(vote)
        return vote

    async def close_vote(self, vote_id: str) -> pl.VoteView | None:
        data = await self._call("live.close_vote", vote_id=vote_id)
        if data is None:
            return None
        vote = pl.VoteView.model_validate(data)
        self.state.take_vote(vote)
        return vote

    # -- presenting and the minutes --------------------------------------------------------

    async def present(self, document_id: str | None, page: int = 1) -> bool:
        return await self._state_call("live.present", document_id=document_id, page=page)

    async def generate_minutes(self) -> dict[str, Any] | None:
        data = await self._call("live.generate_minutes")
        return data if isinstance(data, dict) else None

    async def send_for_signing(self) -> list[ps.SigningRequestView] | None:
        """Send the latest minutes and conclusion notice into the signing workflow
        (`live.send_for_signing`); the requests made (one is left out when it is already
        out for signature)."""
        try:
            data = await self.connection.call("live.send_for_signing", meeting_id=self.meeting_id)
        except Disconnected:
            self.view.show_message(
                self.tr("Not connected to the server: live actions need the connection.")
            )
            return None
        except ServerError as exc:
            self.view.show_message(server_text(exc))
            return None
        # {"minutes": SigningRequestView, "conclusions": SigningRequestView}, either left out
        return [
            ps.SigningRequestView.model_validate(data[k])
            for k in ("minutes", "conclusions")
            if k in data
        ]
