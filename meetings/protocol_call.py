"""Wire messages of the video call: joining a meeting's room, negotiation, layout, controls.

Each site holds two peer connections with the server: one it offers to publish its audio and
its two video layers (``call.join``), and one the server offers to send it the sites its plan
needs (``call.offer`` events, answered with ``call.answer``). docs/protocol-call.md has it all.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from meetings.call import ControlAction, MutedBy
from meetings.protocol_base import MAX_CHUNK, Id, Model, Request

MAX_SDP = 64 * 1024
EndReason = Literal["removed", "failed", "replaced", "closing"]
TrackKind = Literal["audio", "video"]
Sdp = Annotated[str, Field(min_length=10, max_length=MAX_SDP)]


# --- shapes -----------------------------------------------------------------------------------


class SiteView(Model):
    site: str
    """The site's id: the person id of the account that joined."""
    name: str
    unit_id: str | None
    hall: bool
    muted: MutedBy | None = None


class TrackView(Model):
    """Which m-line of a ``call.offer`` carries what: ``kind`` is ``audio`` or ``video``."""

    mid: str
    site: str
    kind: TrackKind


class SiteStatsView(Model):
    site: str
    bitrate_kbps: float
    """Received from the site, all its tracks, since the previous statistics."""
    loss: float
    """Share of the site's packets lost on their way to the server (0..1)."""
    rtt_ms: float | None
    """Round-trip time between the server and the site's receiving connection."""
    frames_in: int
    frames_forwarded: int


class RecordingView(Model):
    id: str
    meeting_id: str
    site: str
    filename: str
    size: int
    started_at: str
    stopped_at: str | None


# --- requests ---------------------------------------------------------------------------------


class CallJoin(Request):
    """Join the meeting's video room with an SDP offer: audio, video high, video low."""

    type: Literal["call.join"]
    meeting_id: Id
    offer: Sdp
    muted: bool = False


class CallAnswer(Request):
    """The answer to a ``call.offer`` event of the same ``revision``."""

    type: Literal["call.answer"]
    meeting_id: Id
    revision: Annotated[int, Field(ge=1)]
    answer: Sdp


class CallLeave(Request):
    type: Literal["call.leave"]
    meeting_id: Id


class CallLayout(Request):
    """What this client shows: a large spotlight tile or not, and the tiles it hides."""

    type: Literal["call.layout"]
    meeting_id: Id
    spotlight: bool = True
    hidden: Annotated[list[Id], Field(max_length=64, default_factory=list)]


class CallMute(Request):
    """The site's own microphone button (it cannot undo a mute by the chair)."""

    type: Literal["call.mute"]
    meeting_id: Id
    muted: bool


class CallControl(Request):
    """The chair's controls; ``site`` names the target of the actions that need one."""

    type: Literal["call.control"]
    meeting_id: Id
    action: ControlAction
    site: Id | None = None


class CallRecord(Request):
    """Start or stop recording the room (the chair's)."""

    type: Literal["call.record"]
    meeting_id: Id
    recording: bool


class CallRecordings(Request):
    type: Literal["call.recordings"]
    meeting_id: Id


RecordingId = Annotated[str, Field(pattern=r"^rec_[0-9a-f]{16}$")]


class DownloadRecording(Request):
    """Answered by a binary frame: a `result` header (:class:`RecordingChunk`) and up to
    `length` bytes of a finished recording's file at `offset`."""

    type: Literal["call.download_recording"]
    meeting_id: Id
    recording_id: RecordingId
    offset: Annotated[int, Field(ge=0)] = 0
    length: Annotated[int, Field(gt=0, le=MAX_CHUNK)] = MAX_CHUNK


# --- replies ----------------------------------------------------------------------------------


class RecordingChunk(Model):
    recording_id: str
    offset: int
    length: int
    size: int


class CallJoined(Model):
    site: str
    answer: str
    sites: list[SiteView]
    speaker: str | None
    spotlight: str | None
    pinned: bool
    floor: str | None
    locked: bool
    recording: bool


# --- events -----------------------------------------------------------------------------------


class CallOffer(Model):
    """The server's offer for the site's receiving connection; answer with ``call.answer``.

    Revisions count up per site; a ``fresh`` offer is for a new connection, the others
    renegotiate the current one (new sites). M-lines whose site left are ``inactive``.
    """

    type: Literal["call.offer"] = "call.offer"
    meeting_id: str
    revision: int
    sdp: str
    tracks: list[TrackView]
    fresh: bool
    """For a new receiving connection: close the previous one, if any, and start anew."""


class CallParticipants(Model):
    type: Literal["call.participants"] = "call.participants"
    meeting_id: str
    sites: list[SiteView]


class CallSpeaker(Model):
    type: Literal["call.speaker"] = "call.speaker"
    meeting_id: str
    site: str | None


class CallSpotlight(Model):
    type: Literal["call.spotlight"] = "call.spotlight"
    meeting_id: str
    site: str | None
    pinned: bool


class CallMuted(Model):
    type: Literal["call.muted"] = "call.muted"
    meeting_id: str
    site: str
    muted: bool
    by: MutedBy | None


class CallFloor(Model):
    type: Literal["call.floor"] = "call.floor"
    meeting_id: str
    site: str | None


class CallLocked(Model):
    type: Literal["call.locked"] = "call.locked"
    meeting_id: str
    locked: bool


class CallStats(Model):
    """Per-site statistics, every few seconds, to the sites that may control the call."""

    type: Literal["call.stats"] = "call.stats"
    meeting_id: str
    sites: list[SiteStatsView]


class CallRecording(Model):
    type: Literal["call.recording"] = "call.recording"
    meeting_id: str
    recording: bool


class CallEnded(Model):
    """This site is out of the call: ``removed`` by the chair, ``failed`` connection,
    ``replaced`` by a join of the same account elsewhere, or the server is ``closing``."""

    type: Literal["call.ended"] = "call.ended"
    meeting_id: str
    reason: EndReason


REQUESTS: tuple[type[Request], ...] = (
    CallJoin,
    CallAnswer,
    CallLeave,
    CallLayout,
    CallMute,
    CallControl,
    CallRecord,
    CallRecordings,
    DownloadRecording,
)
EVENTS: tuple[type[Model], ...] = (
    CallOffer,
    CallParticipants,
    CallSpeaker,
    CallSpotlight,
    CallMuted,
    CallFloor,
    CallLocked,
    CallStats,
    CallRecording,
    CallEnded,
)
