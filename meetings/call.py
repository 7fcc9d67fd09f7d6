"""The rules of a video room: who may join, what the chair controls, who receives what.

Plain data and functions, no I/O: the server's SFU keeps a :class:`RoomState`, passes every
command through the functions here, compares the old and new state to tell the clients what
changed, and turns :func:`plan` into forwarding decisions. A *site* is one joined participant
(a hall laptop, a ward hall's room PC, a remote delegate), named by its person id.

Who receives what (:func:`plan`):

* a hall site (someone of the organising unit) receives every other site;
* any other site receives the hall sites, the active speaker, the spotlighted site and the
  ``last_n`` loudest others;
* in each receiver's layout, the spotlighted site comes in high quality when the layout shows
  a spotlight, every other received site in low, hidden tiles get no video at all;
* a muted site's audio goes to nobody; a site never receives itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from meetings.errors import BadRequest, Forbidden, InvalidState, NotFound

MAX_SITES = 64
"""More than a city's 16 sites, less than what one server's full plan can carry."""
DEFAULT_LAST_N = 3


class Quality(StrEnum):
    """Which of a site's two video layers a receiver gets."""

    HIGH = "high"
    LOW = "low"


class MutedBy(StrEnum):
    CHAIR = "chair"
    SELF = "self"


class ControlAction(StrEnum):
    """What the chair may do; the wire values of ``call.control``'s ``action``."""

    GIVE_FLOOR = "give_floor"
    MUTE = "mute"
    UNMUTE = "unmute"
    MUTE_ALL = "mute_all"
    UNMUTE_ALL = "unmute_all"
    SPOTLIGHT = "spotlight"
    PIN = "pin"
    UNPIN = "unpin"
    LOCK = "lock"
    UNLOCK = "unlock"
    REMOVE = "remove"


# The actions that name a site.
TARGETED = frozenset(
    {
        ControlAction.GIVE_FLOOR,
        ControlAction.MUTE,
        ControlAction.UNMUTE,
        ControlAction.SPOTLIGHT,
        ControlAction.PIN,
        ControlAction.REMOVE,
    }
)


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    unit_id: str | None = None
    hall: bool = False
    """In the organising unit's hall: receives every site, and every site receives it."""
    controller: bool = False
    """May use the chair's controls (``call.control``)."""

    def __post_init__(self) -> None:
        if not self.id or not self.name.strip():
            raise BadRequest("A site needs an id and a name.", "Điểm cầu cần mã và tên.")


@dataclass(frozen=True, slots=True)
class Layout:
    """What one client shows: a large spotlight tile or not, and the tiles it hides."""

    spotlight: bool = True
    hidden: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if len(self.hidden) > MAX_SITES:
            raise BadRequest("Too many hidden tiles.", "Quá nhiều ô bị ẩn.")


@dataclass(frozen=True, slots=True)
class Subscription:
    """What one receiver gets of one site: a video layer (``None``: no video) and audio."""

    quality: Quality | None
    audio: bool


NOTHING = Subscription(quality=None, audio=False)


@dataclass(frozen=True, slots=True)
class RoomState:
    sites: tuple[Site, ...] = ()
    """In the order they joined."""
    layouts: Mapping[str, Layout] = field(default_factory=dict)
    muted: Mapping[str, MutedBy] = field(default_factory=dict)
    speaker: str | None = None
    """The active speaker, from audio levels."""
    chosen: str | None = None
    """The site the chair spotlighted or gave the floor, until the next speaker change."""
    chosen_after_speaker: bool = False
    pinned: str | None = None
    """A pinned site keeps the spotlight whoever speaks."""
    floor: str | None = None
    muted_before_floor: MutedBy | None = None
    """How the floor holder was muted before the floor was given: restored when it ends."""
    locked: bool = False
    removed: frozenset[str] = frozenset()
    """Sites the chair removed: they may not come back while the room lasts."""

    def site(self, site_id: str) -> Site:
        for site in self.sites:
            if site.id == site_id:
                return site
        raise NotFound("No such site in the call.", "Không có điểm cầu này trong phiên họp.")

    def has(self, site_id: str) -> bool:
        return any(site.id == site_id for site in self.sites)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(site.id for site in self.sites)

    @property
    def spotlight(self) -> str | None:
        """Pinned first; else the chair's choice if it came after the last speaker change."""
        if self.pinned is not None:
            return self.pinned
        if self.chosen is not None and (self.chosen_after_speaker or self.speaker is None):
            return self.chosen
        return self.speaker if self.speaker is not None else self.chosen


# --- joining and leaving ----------------------------------------------------------------------


def join(state: RoomState, site: Site) -> RoomState:
    """Add ``site``; joining again (a reconnect) replaces the earlier join of the same id."""
    if site.id in state.removed:
        raise Forbidden(
            "The chair removed this site from the call.",
            "Chủ trì đã mời điểm cầu này rời phiên họp.",
        )
    if state.locked and not site.controller and not state.has(site.id):
        raise InvalidState("The call is locked.", "Phiên họp trực tuyến đã khóa.")
    others = tuple(s for s in state.sites if s.id != site.id)
    if len(others) >= MAX_SITES:
        raise InvalidState("The call is full.", "Phiên họp trực tuyến đã đủ người.")
    layouts = dict(state.layouts)
    layouts.setdefault(site.id, Layout())
    return replace(state, sites=(*others, site), layouts=layouts)


def leave(state: RoomState, site_id: str) -> RoomState:
    """Forget a site, and every role it held in the room (speaker, spotlight, floor)."""
    if not state.has(site_id):
        return state
    layouts = {k: v for k, v in state.layouts.items() if k != site_id}
    muted = {k: v for k, v in state.muted.items() if k != site_id}
    return replace(
        state,
        sites=tuple(s for s in state.sites if s.id != site_id),
        layouts=layouts,
        muted=muted,
        speaker=None if state.speaker == site_id else state.speaker,
        chosen=None if state.chosen == site_id else state.chosen,
        pinned=None if state.pinned == site_id else state.pinned,
        floor=None if state.floor == site_id else state.floor,
        muted_before_floor=None if state.floor == site_id else state.muted_before_floor,
    )


def set_layout(state: RoomState, site_id: str, layout: Layout) -> RoomState:
    state.site(site_id)
    return replace(state, layouts={**state.layouts, site_id: layout})


def speaker_changed(state: RoomState, site_id: str | None) -> RoomState:
    if site_id is not None and not state.has(site_id):
        return state
    return replace(state, speaker=site_id, chosen_after_speaker=False)


def self_mute(state: RoomState, site_id: str, muted: bool) -> RoomState:
    """A site's own microphone button: it may not unmute what the chair muted."""
    state.site(site_id)
    current = state.muted.get(site_id)
    if muted:
        if current is not None:
            return state
        return replace(state, muted={**state.muted, site_id: MutedBy.SELF})
    if current is MutedBy.CHAIR:
        raise Forbidden(
            "The chair muted this site; ask for the floor.",
            "Chủ trì đã tắt tiếng điểm cầu này; hãy xin phát biểu.",
        )
    return replace(state, muted={k: v for k, v in state.muted.items() if k != site_id})


# --- the chair's controls ---------------------------------------------------------------------


def control(
    state: RoomState, by: Site, action: ControlAction, target: str | None = None
) -> RoomState:
    """Apply a command of ``by`` (who need not be in the call); refused unless a controller."""
    if not by.controller:
        raise Forbidden(
            "Only the chair may control the call.",
            "Chỉ chủ trì được điều khiển phiên họp trực tuyến.",
        )
    if action in TARGETED:
        if target is None:
            raise BadRequest(f"{action} needs a site.", f"{action} cần chọn điểm cầu.")
        state.site(target)
    elif target is not None:
        raise BadRequest(f"{action} takes no site.", f"{action} không cần chọn điểm cầu.")
    match action:
        case ControlAction.GIVE_FLOOR:
            assert target is not None
            return give_floor(state, target)
        case ControlAction.MUTE:
            assert target is not None
            return replace(state, muted={**state.muted, target: MutedBy.CHAIR})
        case ControlAction.UNMUTE:
            return replace(state, muted={k: v for k, v in state.muted.items() if k != target})
        case ControlAction.MUTE_ALL:
            # Everyone but the controllers and whoever holds the floor.
            muted = dict(state.muted)
            for site in state.sites:
                if not site.controller and site.id != state.floor:
                    muted[site.id] = MutedBy.CHAIR
            return replace(state, muted=muted)
        case ControlAction.UNMUTE_ALL:
            return replace(state, muted={})
        case ControlAction.SPOTLIGHT:
            return replace(state, chosen=target, chosen_after_speaker=True)
        case ControlAction.PIN:
            return replace(state, pinned=target)
        case ControlAction.UNPIN:
            return replace(state, pinned=None)
        case ControlAction.LOCK:
            return replace(state, locked=True)
        case ControlAction.UNLOCK:
            return replace(state, locked=False, removed=frozenset())
        case ControlAction.REMOVE:
            assert target is not None
            if target == by.id:
                raise BadRequest("Leave the call instead.", "Hãy rời phiên họp.")
            gone = leave(state, target)
            return replace(gone, removed=state.removed | {target})
    raise BadRequest(f"Unknown action {action!r}.", "Thao tác không hợp lệ.")  # pragma: no cover


def give_floor(state: RoomState, site_id: str) -> RoomState:
    """The site speaks: unmuted and spotlighted (a pin still wins)."""
    state.site(site_id)
    ended = end_floor(state)
    muted = {k: v for k, v in ended.muted.items() if k != site_id}
    return replace(
        ended,
        floor=site_id,
        muted=muted,
        muted_before_floor=ended.muted.get(site_id),
        chosen=site_id,
        chosen_after_speaker=True,
    )


def end_floor(state: RoomState) -> RoomState:
    """The floor returns to the chair: a site the chair had muted before it spoke is muted
    again, and the spotlight goes back to the active speaker."""
    holder = state.floor
    if holder is None:
        return state
    muted = dict(state.muted)
    if state.muted_before_floor is MutedBy.CHAIR and holder not in muted:
        muted[holder] = MutedBy.CHAIR
    return replace(
        state,
        floor=None,
        muted=muted,
        muted_before_floor=None,
        chosen=None if state.chosen == holder else state.chosen,
    )


def follow_hall_floor(state: RoomState, speaker: str | None) -> RoomState:
    """The live meeting's floor (`live.give_floor`, `live.end_floor`, a speech's time limit)
    carried into the call: the speaker's site, if it is in the call, gets the floor."""
    if speaker is not None and state.has(speaker):
        return state if state.floor == speaker else give_floor(state, speaker)
    return end_floor(state)


# --- who receives what ------------------------------------------------------------------------


def audible(state: RoomState, viewer: str, loudness: Mapping[str, float], last_n: int) -> set[str]:
    """The sites ``viewer`` receives at all (before its layout and mutes are applied)."""
    me = state.site(viewer)
    others = [s for s in state.sites if s.id != viewer]
    if me.hall:
        return {s.id for s in others}
    chosen = {s.id for s in others if s.hall}
    for special in (state.speaker, state.spotlight, state.floor):
        if special is not None and special != viewer:
            chosen.add(special)
    rest = [s for s in others if s.id not in chosen]
    # The loudest first, muted sites last; equally loud ones in the order they joined.
    order = {s.id: i for i, s in enumerate(state.sites)}
    rest.sort(key=lambda s: (s.id in state.muted, -loudness.get(s.id, -math.inf), order[s.id]))
    chosen.update(s.id for s in rest[: max(0, last_n)])
    return chosen


def plan(
    state: RoomState, loudness: Mapping[str, float], last_n: int = DEFAULT_LAST_N
) -> dict[str, dict[str, Subscription]]:
    """For every receiver, what it gets of every other site (:data:`NOTHING` if nothing).

    ``loudness`` is each site's smoothed level in dBov (higher is louder; absent is silent).
    """
    spotlight = state.spotlight
    result: dict[str, dict[str, Subscription]] = {}
    for viewer in state.sites:
        layout = state.layouts.get(viewer.id, Layout())
        receives = audible(state, viewer.id, loudness, last_n)
        row: dict[str, Subscription] = {}
        for site in state.sites:
            if site.id == viewer.id:
                continue
            if site.id not in receives:
                row[site.id] = NOTHING
                continue
            quality: Quality | None = Quality.LOW
            if site.id in layout.hidden:
                quality = None
            elif layout.spotlight and site.id == spotlight:
                quality = Quality.HIGH
            row[site.id] = Subscription(quality=quality, audio=site.id not in state.muted)
        result[viewer.id] = row
    return result
