"""Wire messages of the live meeting (docs/protocol-live.md): roll call, the floor, votes,
the current item, presenting, and the minutes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from meetings.live.minutes_notes import MAX_CONCLUSION, MAX_DISCUSSION
from meetings.live.model import Choice, Presence, VoteKind, VoteStatus
from meetings.protocol_base import Id, Model, Request, ShortText

Seconds = Annotated[int, Field(ge=5, le=24 * 60 * 60)]

# ---------------------------------------------------------------------------------------------
# Views


class AttendeeView(Model):
    person_id: str
    full_name: str
    member: bool  # counts for quorum and votes
    site: bool  # a ward hall's room account
    presence: Presence | None  # None: not checked in yet
    reason: str = ""


class QuorumView(Model):
    members: int
    present: int
    required: int
    reached: bool
    numerator: int
    denominator: int
    strict: bool  # "more than" (True) or "at least" (False) numerator/denominator


class QueueEntryView(Model):
    person_id: str
    full_name: str
    item_id: str
    asked_at: AwareDatetime


class SpeechView(Model):
    person_id: str
    full_name: str
    item_id: str
    started_at: AwareDatetime
    limit_seconds: int
    deadline: AwareDatetime
    ended_at: AwareDatetime | None
    seconds: int  # how long it lasted, once ended


class NamedBallotView(Model):
    person_id: str
    full_name: str
    choice: Choice


class VoteView(Model):
    id: str
    item_id: str
    kind: VoteKind
    question: str
    status: VoteStatus
    opened_at: AwareDatetime
    closes_at: AwareDatetime | None
    closed_at: AwareDatetime | None
    eligible: int
    cast: int  # ballots so far
    counts: dict[Choice, int] | None  # None for a secret vote until it closes
    by_name: list[NamedBallotView] | None  # named votes only


class BallotReceipt(Model):
    """The reply to a ballot: it is counted. `counts` as the caller may see them now (None for
    a secret vote while it is open)."""

    vote_id: str
    choice: Choice
    cast: int
    counts: dict[Choice, int] | None


class PresentationView(Model):
    presenter_id: str
    document_id: str
    page: int


class LiveStateView(Model):
    meeting_id: str
    version: int
    current_item: str | None
    speaking_seconds: int
    attendance: list[AttendeeView]
    quorum: QuorumView
    queue: list[QueueEntryView]  # for the current item, in order
    floor: SpeechView | None
    speeches: list[SpeechView]
    votes: list[VoteView]
    presentation: PresentationView | None
    voted: list[str]  # the votes the caller has voted in


# ---------------------------------------------------------------------------------------------
# Requests


class GetLiveState(Request):
    type: Literal["live.state.get"]
    meeting_id: Id


class CheckIn(Request):
    """The caller is present, in the hall or online. Repeating it (a reconnect) is harmless."""

    type: Literal["live.check_in"]
    meeting_id: Id
    presence: Literal[Presence.HALL, Presence.ONLINE] = Presence.HALL


class MarkAttendance(Request):
    """The secretary records someone's attendance; an absence needs a reason."""

    type: Literal["live.mark"]
    meeting_id: Id
    person_id: Id
    presence: Presence
    reason: ShortText = ""


class ConfigureLive(Request):
    type: Literal["live.configure"]
    meeting_id: Id
    quorum_numerator: Annotated[int, Field(ge=0, le=100)] | None = None
    quorum_denominator: Annotated[int, Field(ge=1, le=100)] | None = None
    quorum_strict: bool | None = None
    speaking_seconds: Annotated[int, Field(ge=10, le=3 * 60 * 60)] | None = None


class AskFloor(Request):
    type: Literal["live.ask_floor"]
    meeting_id: Id


class WithdrawFloor(Request):
    type: Literal["live.withdraw_floor"]
    meeting_id: Id


class GiveFloor(Request):
    type: Literal["live.give_floor"]
    meeting_id: Id
    person_id: Id
    limit_seconds: Annotated[int, Field(ge=10, le=3 * 60 * 60)] | None = None


class EndFloor(Request):
    type: Literal["live.end_floor"]
    meeting_id: Id
    speaker_id: Id | None = None  # who the chair believes has the floor


class OpenVote(Request):
    type: Literal["live.open_vote"]
    meeting_id: Id
    item_id: Id | None = None  # the current item when left out
    kind: VoteKind = VoteKind.NAMED
    question: ShortText
    seconds: Seconds | None = None  # closes by itself after this long; None: by the chair


class CastBallot(Request):
    type: Literal["live.cast"]
    meeting_id: Id
    vote_id: Id
    choice: Choice


class CloseVote(Request):
    type: Literal["live.close_vote"]
    meeting_id: Id
    vote_id: Id


class NextItem(Request):
    """Move to the next item, or to `to_item_id`; `expected_item_id` is the current item as the
    chair saw it (null before the first), so that a double click moves once."""

    type: Literal["live.next_item"]
    meeting_id: Id
    expected_item_id: Id | None
    to_item_id: Id | None = None


class PresentPage(Request):
    """Show a document's page on every screen; a null document stops presenting."""

    type: Literal["live.present"]
    meeting_id: Id
    document_id: Id | None
    page: Annotated[int, Field(ge=1, le=100_000)] = 1


class GenerateMinutes(Request):
    """Build the minutes and the conclusion notice from the record; both are stored as
    documents of the meeting and returned."""

    type: Literal["live.generate_minutes"]
    meeting_id: Id


class SendMinutesForSigning(Request):
    """Send the latest generated minutes and conclusion notice into the signing workflow,
    with the fields on their signature blocks: the secretary and the chair sign, the clerk
    seals last."""

    type: Literal["live.send_for_signing"]
    meeting_id: Id


class WriteMinutesNote(Request):
    """The secretary's note on one agenda item: the discussion in brief and the conclusion.
    `expected_version` is the version being replaced (0 for a first note)."""

    type: Literal["live.write_minutes"]
    meeting_id: Id
    item_id: Id
    discussion: Annotated[str, Field(max_length=MAX_DISCUSSION)] = ""
    conclusion: Annotated[str, Field(max_length=MAX_CONCLUSION)] = ""
    expected_version: Annotated[int, Field(ge=0)]


class ListMinutesNotes(Request):
    type: Literal["live.minutes_notes"]
    meeting_id: Id


REQUESTS: tuple[type[Request], ...] = (
    GetLiveState,
    CheckIn,
    MarkAttendance,
    ConfigureLive,
    AskFloor,
    WithdrawFloor,
    GiveFloor,
    EndFloor,
    OpenVote,
    CastBallot,
    CloseVote,
    NextItem,
    PresentPage,
    GenerateMinutes,
    SendMinutesForSigning,
    WriteMinutesNote,
    ListMinutesNotes,
)

# ---------------------------------------------------------------------------------------------
# Events, pushed to everyone connected who may see the meeting


class AttendanceChanged(Model):
    type: Literal["live.attendance"] = "live.attendance"
    meeting_id: str
    version: int
    attendance: list[AttendeeView]
    quorum: QuorumView


class FloorChanged(Model):
    type: Literal["live.floor"] = "live.floor"
    meeting_id: str
    version: int
    current_item: str | None
    speaking_seconds: int
    queue: list[QueueEntryView]
    floor: SpeechView | None
    last_speech: SpeechView | None  # the one that just ended, if any


class VoteChanged(Model):
    type: Literal["live.vote"] = "live.vote"
    meeting_id: str
    reason: Literal["opened", "tally", "closed"]
    vote: VoteView


class ItemChanged(Model):
    type: Literal["live.item"] = "live.item"
    meeting_id: str
    version: int
    current_item: str | None


class PresentationChanged(Model):
    type: Literal["live.presentation"] = "live.presentation"
    meeting_id: str
    presentation: PresentationView | None


class MinutesNoteView(Model):
    meeting_id: str
    item_id: str
    discussion: str
    conclusion: str
    version: int
    written_by: str
    written_by_name: str
    written_at: AwareDatetime


class MinutesNoteChanged(Model):
    """To the people who may write the minutes (`live.minutes`) only."""

    type: Literal["live.minutes_note"] = "live.minutes_note"
    note: MinutesNoteView


EVENTS: tuple[type[Model], ...] = (
    AttendanceChanged,
    FloorChanged,
    VoteChanged,
    ItemChanged,
    PresentationChanged,
    MinutesNoteChanged,
)
