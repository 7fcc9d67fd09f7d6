"""The live meeting's state, as frozen values that the command functions replace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from meetings.errors import BadRequest, NotFound

MAX_SPEAKING_SECONDS = 3 * 60 * 60
DEFAULT_SPEAKING_SECONDS = 5 * 60


class Presence(StrEnum):
    HALL = "hall"  # có mặt tại hội trường
    ONLINE = "online"  # tham dự trực tuyến (a ward hall or a remote delegate)
    ABSENT = "absent"  # vắng mặt, with a reason the secretary notes


class Choice(StrEnum):
    YES = "yes"  # Đồng ý
    NO = "no"  # Không đồng ý
    ABSTAIN = "abstain"  # Không biểu quyết


CHOICE_VI = {Choice.YES: "Đồng ý", Choice.NO: "Không đồng ý", Choice.ABSTAIN: "Không biểu quyết"}


class VoteKind(StrEnum):
    NAMED = "named"  # biểu quyết công khai: who chose what is kept and shown
    SECRET = "secret"  # bỏ phiếu kín: only who voted, and the counts


class VoteStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Aspect(StrEnum):
    """What an event says changed; the server sends the matching part of the state."""

    ATTENDANCE = "attendance"  # attendance and quorum
    FLOOR = "floor"  # the queue and who holds the floor
    VOTE_OPENED = "vote_opened"
    VOTE_TALLY = "vote_tally"
    VOTE_CLOSED = "vote_closed"
    ITEM = "item"  # the current agenda item
    PRESENTATION = "presentation"
    SETTINGS = "settings"


@dataclass(frozen=True, slots=True)
class Event:
    aspect: Aspect
    vote_id: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who may take part: a member (counts for quorum, may vote) or a site (a ward
    hall's room account: present, may ask to speak, does not vote)."""

    person_id: str
    full_name: str
    member: bool
    site: bool = False


@dataclass(frozen=True, slots=True)
class Attendee:
    person_id: str
    presence: Presence
    reason: str = ""  # why absent
    marked_by: str | None = None  # the secretary who marked it; None when checked in oneself


@dataclass(frozen=True, slots=True)
class QuorumRule:
    """Present members must be more than (strict) or at least numerator/denominator of all
    members. The default, more than half, is the usual rule of a People's Committee session."""

    numerator: int = 1
    denominator: int = 2
    strict: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.numerator <= self.denominator or self.denominator < 1:
            raise BadRequest(
                "A quorum is a fraction between 0 and 1.", "Tỷ lệ túc số phải từ 0 đến 1."
            )

    def required(self, members: int) -> int:
        """The fewest present members that make a quorum."""
        share = members * self.numerator
        if self.strict:
            return share // self.denominator + 1
        return -(-share // self.denominator)


@dataclass(frozen=True, slots=True)
class Quorum:
    members: int
    present: int
    required: int

    @property
    def reached(self) -> bool:
        return self.members > 0 and self.present >= self.required


@dataclass(frozen=True, slots=True)
class FloorRequest:
    person_id: str
    item_id: str
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Speech:
    person_id: str
    item_id: str
    started_at: datetime
    limit_seconds: int
    ended_at: datetime | None = None

    @property
    def deadline(self) -> datetime:
        return self.started_at + timedelta(seconds=self.limit_seconds)

    @property
    def seconds(self) -> int:
        """How long the speech lasted (0 while it goes on)."""
        if self.ended_at is None:
            return 0
        return max(0, round((self.ended_at - self.started_at).total_seconds()))


@dataclass(frozen=True, slots=True)
class Vote:
    """A vote on an agenda item. `voters` is the roll of who voted; `counts` the totals; for a
    named vote `choices` maps voter to choice, for a secret vote it stays empty."""

    id: str
    item_id: str
    kind: VoteKind
    question: str
    eligible: frozenset[str]
    opened_by: str
    opened_at: datetime
    closes_at: datetime | None = None
    status: VoteStatus = VoteStatus.OPEN
    closed_at: datetime | None = None
    voters: frozenset[str] = frozenset()
    counts: tuple[tuple[Choice, int], ...] = tuple((c, 0) for c in Choice)
    choices: tuple[tuple[str, Choice], ...] = ()

    def count(self, choice: Choice) -> int:
        return dict(self.counts)[choice]

    @property
    def is_open(self) -> bool:
        return self.status is VoteStatus.OPEN


@dataclass(frozen=True, slots=True)
class Presentation:
    presenter_id: str
    document_id: str
    page: int


@dataclass(frozen=True, slots=True)
class LiveState:
    meeting_id: str
    item_ids: tuple[str, ...]  # the agenda, in order
    roster: tuple[Participant, ...] = ()
    rule: QuorumRule = field(default_factory=QuorumRule)
    speaking_seconds: int = DEFAULT_SPEAKING_SECONDS
    attendance: tuple[Attendee, ...] = ()
    current_item: str | None = None
    queue: tuple[FloorRequest, ...] = ()
    floor: Speech | None = None
    speeches: tuple[Speech, ...] = ()
    votes: tuple[Vote, ...] = ()
    presentation: Presentation | None = None
    version: int = 0  # bumped by every change; commands may name the version they expect

    def participant(self, person_id: str) -> Participant | None:
        return next((x for x in self.roster if x.person_id == person_id), None)

    def attendee(self, person_id: str) -> Attendee | None:
        return next((a for a in self.attendance if a.person_id == person_id), None)

    def is_present(self, person_id: str) -> bool:
        found = self.attendee(person_id)
        return found is not None and found.presence is not Presence.ABSENT

    def vote(self, vote_id: str) -> Vote:
        for vote in self.votes:
            if vote.id == vote_id:
                return vote
        raise NotFound("No such vote.", "Không có cuộc biểu quyết này.")

    @property
    def open_votes(self) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.is_open)

    @property
    def members(self) -> tuple[Participant, ...]:
        return tuple(x for x in self.roster if x.member)

    def quorum(self) -> Quorum:
        members = self.members
        present = sum(1 for m in members if self.is_present(m.person_id))
        return Quorum(len(members), present, self.rule.required(len(members)))

    def waiting(self, item_id: str | None = None) -> tuple[FloorRequest, ...]:
        """The queue for an item (the current one by default), in order."""
        wanted = self.current_item if item_id is None else item_id
        return tuple(r for r in self.queue if r.item_id == wanted)
