"""The live meeting of the headless tour (`ecabinet/demo_tour.py`): the chair starts a meeting
the tour creates for itself, delegates check in, a ward hall gets the floor, a named vote, the
secretary's note and the minutes; then the video session on the chair's screen with two
synthetic ward halls and a room PC in ward-hall mode. Screenshots with captions.

The demo's data folder is kept between runs, so the meeting is the tour's own (its title ends
with `TOUR_MARK`), ended and archived when the tour is done: the seeded meetings are never
changed. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from ecabinet.app import prepare
from ecabinet.call.controller import site_number
from ecabinet.call.model import Phase
from ecabinet.call.sources import SyntheticSpec, synthetic_source
from ecabinet.call.stamps import render_text
from ecabinet.call.view import CallView
from ecabinet.call.ward_hall import WardHallMode
from ecabinet.core.settings import Settings
from ecabinet.demo_site import SyntheticSite
from ecabinet.live.screen import LiveScreen
from ecabinet.login.demo_accounts import load_demo_accounts
from ecabinet.net.client import Client, Disconnected, ServerError
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow
from meetings.live.model import Choice, VoteStatus
from meetings.meeting import MeetingStatus

SECRETARY, DELEGATE, CHAIR = "thuky", "phochutich1", "chutich"
# The live meeting's title ends with this; server/demo/tour.py knows it too.
TOUR_MARK = "(phiên trình diễn)"
TOUR_TITLE = f"Giao ban UBND thành phố {TOUR_MARK}"
TOUR_ITEMS = (
    "Tình hình kinh tế - xã hội tháng này",
    "Tờ trình về kế hoạch chuyển đổi số",
    "Kết luận của chủ trì",
)
# Delegates of the city committee who check in from their laptops (plain protocol clients);
# the ward hall of Phú Cường asks for the floor.
HALL_DELEGATES = ("phochutich2", "phochutich3", "tp.taichinh", "tp.noivu")
WARD_HALL = "diemcau.phucuong"
# Ward halls invited by name that join the video as sites with synthetic pictures (no screen);
# the room PC of Phú Cường joins too, in ward-hall mode. Invited by name, a room account takes
# part without making its ward's people members (the quorum stays the city committee's).
VIDEO_HALLS = ("diemcau.hiepthanh", "diemcau.chanhnghia")
VIETNAM = dt.timezone(dt.timedelta(hours=7))
WAIT = 30.0  # seconds, the longest any one step of the live meeting may take


def is_tour_meeting(title: str) -> bool:
    return title.endswith(TOUR_MARK)


def shot(
    widget: QWidget, out_dir: Path, name: str, shots: list[tuple[str, str]], caption: str
) -> None:
    path = out_dir / f"{len(shots) + 1:02d}-{name}.png"
    widget.grab().save(str(path))
    shots.append((path.name, caption))


# -- the live meeting ----------------------------------------------------------------------


async def until(predicate: Callable[[], bool], what: str, seconds: float = WAIT) -> None:
    """Let Qt and the clients run until `predicate` holds, for `seconds` at most."""
    step = 0.02
    for _turn in range(int(seconds / step) + 1):
        if predicate():
            return
        await asyncio.sleep(step)
    raise TimeoutError(f"waited {seconds:.0f} s for {what}")


class _Clients:
    """Plain protocol clients for the people whose screens the tour does not show."""

    def __init__(self, url: str, fingerprint: str | None, password: str) -> None:
        self.url, self.fingerprint, self.password = url, fingerprint, password
        self.open: list[Client] = []

    async def sign_in(self, username: str) -> Client:
        client = await Client.connect(self.url, pinned=self.fingerprint)
        self.open.append(client)
        await asyncio.wait_for(client.login(username, self.password), WAIT)
        return client

    async def close(self) -> None:
        for client in self.open:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)


async def _call(client: Client, kind: str, /, **fields: Any) -> Any:
    return await client.call(kind, timeout=WAIT, **fields)


async def _tour_meeting(secretary: Client) -> str:
    """A published video meeting of the city committee for the live part: left over from a
    run that stopped before starting it (brought up to date), or new. Leftovers already
    started are closed first."""
    people = await _call(secretary, "people.list")
    halls = [str(x["id"]) for x in people if x["username"] in VIDEO_HALLS]
    for meeting in await _call(secretary, "meetings.list"):
        if not is_tour_meeting(meeting["title"]):
            continue
        if meeting["status"] == MeetingStatus.PUBLISHED.value:
            await _call(
                secretary,
                "meeting.update",
                meeting_id=meeting["id"],
                video=True,
                invited_unit_ids=["ubnd", "phu-cuong"],
                invited_person_ids=halls,
            )
            return str(meeting["id"])
        await _put_away(secretary, meeting["id"], MeetingStatus(meeting["status"]))
    now = dt.datetime.now(VIETNAM).replace(second=0, microsecond=0)
    starts = now - dt.timedelta(minutes=now.minute % 15)
    created = await _call(
        secretary,
        "meeting.create",
        title=TOUR_TITLE,
        organiser_unit_id="ubnd",
        starts_at=starts.isoformat(),
        ends_at=(starts + dt.timedelta(hours=1)).isoformat(),
        hall="Phòng họp số 2, UBND thành phố",
        video=True,
        description="Phiên họp ngắn do chuyến tham quan của bản trình diễn tạo ra.",
        invited_unit_ids=["ubnd", "phu-cuong"],
        invited_person_ids=halls,
    )
    meeting_id = str(created["id"])
    for title in TOUR_ITEMS:
        await _call(secretary, "agenda.add", meeting_id=meeting_id, title=title)
    await _call(secretary, "meeting.transition", meeting_id=meeting_id, to="published")
    return meeting_id


async def _put_away(secretary: Client, meeting_id: str, status: MeetingStatus) -> None:
    """End and archive a tour meeting, whatever state it was left in."""
    if status == MeetingStatus.IN_PROGRESS:
        await _call(secretary, "meeting.transition", meeting_id=meeting_id, to="ended")
        status = MeetingStatus.ENDED
    if status == MeetingStatus.ENDED:
        await _call(secretary, "meeting.transition", meeting_id=meeting_id, to="archived")


async def _window(
    home: Path, url: str, fingerprint: str | None, username: str, password: str
) -> MainWindow:
    settings = Settings(home / username / "ecabinet.ini")
    settings.cache_dir = home / username / "cache"
    if fingerprint:
        settings.pin_fingerprint(url, fingerprint)
    window = MainWindow(settings, Connection(), load_demo_accounts())
    window.resize(1366, 768)  # a hall laptop
    window.show()
    signed = await asyncio.wait_for(window.login_controller.sign_in(url, username, password), WAIT)
    if signed is None:
        raise RuntimeError(f"{username} could not sign in: {window.login.message.text()}")
    await asyncio.wait_for(window.enter(signed), WAIT)
    return window


async def _open_live(window: MainWindow, meeting_id: str) -> LiveScreen:
    """The meeting's page, then its live screen, as "Live meeting" on the page opens it;
    awaited to the end of its first load (the state, and the notes for the minutes)."""
    workspace = window.workspace
    assert workspace is not None
    page = await asyncio.wait_for(workspace.open_meeting(meeting_id), WAIT)
    if page is None or not page.live_button.isVisible():
        raise RuntimeError(f"no live meeting on the page of {meeting_id}")
    screen = await asyncio.wait_for(workspace.open_live(meeting_id), WAIT)
    if screen is None or screen.state.view is None:
        raise RuntimeError(f"the live screen of {meeting_id} did not load")
    return screen


class _LiveTour:
    """The live meeting, step by step; the screens and the shots of it."""

    def __init__(
        self,
        home: Path,
        url: str,
        fingerprint: str | None,
        password: str,
        out_dir: Path,
        shots: list[tuple[str, str]],
    ) -> None:
        self.home, self.url, self.fingerprint = home, url, fingerprint
        self.password, self.out_dir = password, out_dir
        self.clients = _Clients(url, fingerprint, password)
        self.windows: list[MainWindow] = []
        self.shots = shots  # the tour's list: the live shots are numbered after the others
        self.notes: list[str] = []

    def shot(self, widget: QWidget, name: str, caption: str) -> None:
        shot(widget, self.out_dir, name, self.shots, caption)

    async def window(self, username: str) -> MainWindow:
        window = await _window(self.home, self.url, self.fingerprint, username, self.password)
        self.windows.append(window)
        return window

    async def run(self) -> None:
        secretary = await self.clients.sign_in(SECRETARY)
        meeting_id = await _tour_meeting(secretary)
        try:
            await self._meeting(meeting_id)
        finally:
            detail = await _call(secretary, "meeting.get", meeting_id=meeting_id)
            await _put_away(secretary, meeting_id, MeetingStatus(detail["status"]))

    async def _meeting(self, meeting_id: str) -> None:
        # The chair starts the meeting from its page, then opens the live screen.
        chair_window = await self.window(CHAIR)
        workspace = chair_window.workspace
        assert workspace is not None
        page = await asyncio.wait_for(workspace.open_meeting(meeting_id), WAIT)
        if page is None or not page.start_button.isVisible():
            raise RuntimeError("the chair has no Start button on the tour's meeting")
        self.shot(
            chair_window,
            "chair-start",
            f"Chair: “{page.meeting.title}”, published, with "
            f"“{page.start_button.text().replace('&', '')}”",
        )
        page.start_button.click()
        await until(lambda: page.meeting.status == MeetingStatus.IN_PROGRESS, "the start")
        chair = await _open_live(chair_window, meeting_id)

        # Delegates check in: one at a laptop window, others from theirs, the ward hall online.
        delegate_window = await self.window(DELEGATE)
        delegate = await _open_live(delegate_window, meeting_id)
        delegate.delegate.check_in_button.click()
        chair.delegate.check_in_button.click()
        others = {name: await self.clients.sign_in(name) for name in HALL_DELEGATES}
        for client in others.values():
            await _call(client, "live.check_in", meeting_id=meeting_id)
        ward = await self.clients.sign_in(WARD_HALL)
        await _call(ward, "live.check_in", meeting_id=meeting_id, presence="online")
        await until(lambda: chair.quorum.reached is True, "the quorum on the chair's screen")
        quorum = chair.state.view.quorum if chair.state.view else None
        if quorum is not None:
            self.notes.append(
                f"Live meeting “{TOUR_TITLE}”: {quorum.present} of {quorum.members} members "
                f"checked in ({quorum.required} needed), the ward hall of Phú Cường online"
            )

        # The first item; the ward hall asks for the floor, then a delegate; the chair gives
        # the floor to the first in the queue.
        chair.agenda.next_button.click()
        await until(
            lambda: chair.state.view is not None and chair.state.view.current_item is not None,
            "the first item",
        )
        await _call(ward, "live.ask_floor", meeting_id=meeting_id)
        await _call(others["tp.taichinh"], "live.ask_floor", meeting_id=meeting_id)
        await until(lambda: chair.floor.queue.rowCount() == 2, "two in the queue")
        chair.floor.queue_view.setCurrentIndex(chair.floor.queue.index(0))
        chair.floor.give_button.click()
        await until(
            lambda: chair.state.view is not None and chair.state.view.floor is not None,
            "the floor given",
        )
        await asyncio.sleep(2.2)  # the countdown ticks down a little
        await until(lambda: bool(chair.floor.countdown.text()), "the countdown")
        self.shot(
            chair_window,
            "chair-floor",
            f"Chair's screen: {chair.floor.speaker.text()} ({chair.floor.countdown.text()} "
            "left); one more in the queue; quorum badge green",
        )
        chair.floor.end_button.click()
        await until(
            lambda: chair.state.view is not None and chair.state.view.floor is None,
            "the floor ended",
        )

        # A named vote: opened by the chair, cast on the delegate's ballot and elsewhere.
        chair.vote_control.question.setText("Thông qua Tờ trình về kế hoạch chuyển đổi số?")
        chair.vote_control.kind.setCurrentIndex(0)  # named
        chair.vote_control.open_button.click()
        await until(lambda: delegate.ballot.isVisible(), "the ballot on the delegate's screen")
        self.shot(
            delegate_window,
            "delegate-ballot",
            f"Delegate ({DELEGATE}): the ballot “{delegate.ballot.question.text()}”",
        )
        delegate.ballot.buttons[Choice.YES].click()
        vote = chair.state.view.votes[-1] if chair.state.view else None
        if vote is None:
            raise RuntimeError("the vote did not open")
        choices = ("yes", "yes", "no", "abstain")
        for client, choice in zip(others.values(), choices, strict=True):
            await _call(client, "live.cast", meeting_id=meeting_id, vote_id=vote.id, choice=choice)
        chair.ballot.buttons[Choice.YES].click()

        def cast() -> int:
            view = chair.state.view
            return next((v.cast for v in view.votes if v.id == vote.id), 0) if view else 0

        await until(lambda: cast() == 6, "six ballots on the chair's screen")
        chair.vote_control.close_button.click()
        await until(
            lambda: (
                chair.state.view is not None
                and any(
                    v.id == vote.id and v.status is VoteStatus.CLOSED
                    for v in chair.state.view.votes
                )
            ),
            "the vote closed",
        )
        chair.side.setCurrentIndex(0)
        counts = ", ".join(
            f"{chair.results.bar_labels[c].text()} {chair.results.bars[c].value()}"
            for c in (Choice.YES, Choice.NO, Choice.ABSTAIN)
        )
        self.shot(
            chair_window,
            "chair-vote",
            f"Chair's screen: the named vote closed, {chair.results.status.text()}: {counts}",
        )
        self.notes.append(f"Named vote “{vote.question}”: {counts}")

        # The secretary writes a note on the item and generates the minutes.
        secretary_window = await self.window(SECRETARY)
        secretary = await _open_live(secretary_window, meeting_id)
        minutes = secretary.minutes
        secretary.side.setCurrentWidget(minutes)
        item = chair.state.view.current_item if chair.state.view else None
        await until(lambda: minutes.notes.item_id() == item, "the notes on the current item")
        minutes.notes.discussion.setPlainText(
            "Điểm cầu phường Phú Cường báo cáo tình hình; các đại biểu thống nhất với báo cáo."
        )
        minutes.notes.conclusion.setPlainText(
            "Giao Văn phòng UBND tổng hợp ý kiến, hoàn thiện báo cáo trước ngày 30."
        )
        minutes.notes.save_button.click()
        try:
            await until(lambda: item in minutes.notes.notes, "the note saved")
        except TimeoutError:
            raise RuntimeError(f"the note was not saved: {minutes.notes.status.text()}") from None
        before = (
            len(secretary_window.workspace.document_tabs()) if secretary_window.workspace else 0
        )
        minutes.generate_button.click()
        tabs = secretary_window.workspace
        assert tabs is not None
        await until(lambda: len(tabs.document_tabs()) >= before + 2, "the minutes opened")
        await asyncio.sleep(0.5)  # let the renderer draw the page before the picture
        made = minutes.made.get("minutes")
        if made is not None:
            self.shot(
                secretary_window,
                "minutes-pdf",
                f"Secretary: the generated minutes “{made.filename}”, {made.pages} pages",
            )
            self.notes.append(f"Minutes generated: {made.filename}, {made.pages} pages")
        tabs.setCurrentWidget(secretary)
        self.shot(
            secretary_window,
            "secretary-minutes",
            "Secretary's Minutes tab: the note on the item, the record (attendance, the speech, "
            "the vote) and the two generated documents",
        )

        # The video session on the chair's screen, and a ward hall's room PC.
        workspace.setCurrentWidget(chair)
        await self._video(meeting_id, chair_window, chair)

        # The chair ends the meeting from its page.
        workspace.setCurrentWidget(page)
        page.end_button.click()
        await until(lambda: page.meeting.status == MeetingStatus.ENDED, "the end")
        self.notes.append("The chair ended the meeting; the tour archived it.")

    async def _video(self, meeting_id: str, chair_window: MainWindow, chair: LiveScreen) -> None:
        """The chair joins the video from the live screen, two ward halls join with synthetic
        pictures, the chair gives one the floor (the spotlight moves to it); then the room PC
        of Phú Cường in ward-hall mode. Everyone has left the call when this returns."""
        if chair.video_button.isHidden():
            raise RuntimeError("no video button on the chair's live screen")
        chair.video_button.click()
        await until(lambda: isinstance(chair.video, CallView), "the call on the chair's screen")
        view = chair.video
        assert isinstance(view, CallView)
        sites: list[SyntheticSite] = []
        mode: WardHallMode | None = None
        try:
            await until(lambda: view.session.phase is Phase.JOINED, "the chair in the call")
            secretary = self.clients.open[0]
            people = {x["username"]: x for x in await _call(secretary, "people.list")}
            sites = [
                self._synthetic_site(name, people[name]["full_name"], people[name]["id"])
                for name in VIDEO_HALLS
            ]
            joined = await asyncio.gather(*(s.join(meeting_id) for s in sites))

            def shown(site: str) -> int:
                tile = view.tile(site)
                return tile.pictures if tile is not None else 0

            await until(lambda: all(shown(site) > 0 for site in joined), "the ward halls' pictures")
            chair_site = view.session.site
            await until(
                lambda: all(s.frames.get(chair_site, 0) > 0 for s in sites),
                "the chair's picture at the ward halls",
            )
            if not view.may_control:
                raise RuntimeError("the chair's call view has no chair's controls")
            # Hiệp Thành asks for the floor; the chair gives it on the live screen and the
            # call follows the hall (the site holds the call's floor, in the spotlight). The
            # chair pins it from the tile's menu: every synthetic site sends the same tone, and
            # the next change of loudest speaker would take the spotlight back.
            floor_site, floor_hall = joined[0], sites[0]
            await floor_hall.call("live.ask_floor", meeting_id=meeting_id)
            queue = chair.floor.queue
            name = people[VIDEO_HALLS[0]]["full_name"]

            def queued() -> int | None:
                rows = (queue.index(r) for r in range(queue.rowCount()))
                return next((i.row() for i in rows if name in str(i.data())), None)

            await until(lambda: queued() is not None, "the ward hall in the queue")
            chair.floor.queue_view.setCurrentIndex(queue.index(queued() or 0))
            chair.floor.give_button.click()
            room = view.session.room
            # Only the floor is waited for: the spotlight it brings may already have gone to
            # the next loudest site, which the pin then undoes.
            await until(lambda: room.floor == floor_site, "the floor on the ward hall")
            _menu_action(view, floor_site, "Pin").trigger()
            await until(
                lambda: room.pinned and room.spotlight == floor_site, "the ward hall pinned"
            )
            given = shown(floor_site)
            await until(lambda: shown(floor_site) > given + 5, "the spotlight's pictures")
            names = [room.sites[site].name for site in joined]
            await until(lambda: bool(chair.floor.countdown.text()), "the countdown")
            self.shot(
                chair_window,
                "chair-video",
                f"Chair's screen in the video session: {len(room.sites)} sites; "
                f"{names[0]} holds the floor ({chair.floor.speaker.text()}), pinned in the "
                f"spotlight, {names[1]} beside it",
            )
            self.notes.append(
                f"Video: the chair and {len(joined)} ward halls with synthetic pictures "
                f"({', '.join(names)}), each receiving the chair's picture; the chair gave "
                f"the floor to {names[0]}"
            )

            # The room PC of Phú Cường, in ward-hall mode, on the same meeting.
            hall_window = await self.window(WARD_HALL)
            me = hall_window.connection.me
            summary = hall_window.store.summaries.get(meeting_id)
            if me is None or summary is None:
                raise RuntimeError("the ward hall does not see the tour's meeting")
            mode = WardHallMode(hall_window.store, hall_window.connection, me, full_screen=False)
            hall = await asyncio.wait_for(mode.open(summary), WAIT)
            hall.resize(1280, 720)
            try:
                await until(
                    lambda: (
                        hall.big_site == floor_site
                        and hall.big.pictures > 0
                        and hall.self_view.pictures > 0
                    ),
                    "the ward hall's screen",
                )
            except TimeoutError:
                raise RuntimeError(
                    f"the ward hall's screen shows {hall.big_site} large ({hall.big.pictures} "
                    f"pictures, {hall.self_view.pictures} of its own), not {floor_site}; "
                    f"{hall.status.text()}"
                ) from None
            self.shot(
                hall,
                "ward-hall-video",
                f"Ward hall of Phú Cường (room PC, ward-hall mode): {names[0]} "
                "large, the room itself small, the raise-hand button",
            )
        finally:
            if mode is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(mode.close(), WAIT)
            for site in sites:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(site.leave(), WAIT)
            if chair.video is view:
                await asyncio.wait_for(view.leave(), WAIT)

    def _synthetic_site(self, username: str, name: str, person_id: str) -> SyntheticSite:
        """A ward hall joining with the call client's synthetic pictures (its name drawn in
        them, rendered here in the GUI thread) at 10 frames a second."""
        spec = SyntheticSpec(site_number(person_id), name, fps=10)
        source = synthetic_source(spec, render_text)
        tracks = [source.audio, source.high, source.low]
        return SyntheticSite(self.url, self.fingerprint, username, self.password, tracks)

    async def close(self) -> None:
        for window in self.windows:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(window.close_async(), 10)
            window.close()
        await self.clients.close()


def _menu_action(view: CallView, site: str, text: str) -> QAction:
    """The action of a tile's menu whose (translated) text is ``text``'s."""
    wanted = view.tr(text)
    for action in view.tile_actions(site):
        if action.text() == wanted:
            return action
    raise RuntimeError(f"no “{wanted}” in the menu of {site}")


async def live_meeting(
    app: QApplication,
    home: Path,
    url: str,
    fingerprint: str | None,
    password: str,
    out_dir: Path,
    shots: list[tuple[str, str]],
) -> list[str]:
    """The live part of the tour: its notes; its shots go into `shots`. A step that fails or
    takes too long ends the live part with a note; the tour's meeting is put away in any
    case."""
    tour = _LiveTour(home, url, fingerprint, password, out_dir, shots)
    translations = prepare(app, Settings(home / "live.ini"))
    try:
        await tour.run()
    except (TimeoutError, RuntimeError, ServerError, Disconnected, OSError) as exc:
        tour.notes.append(f"The live meeting stopped early: {exc}")
    finally:
        await tour.close()
        translations.switch("en")
    return tour.notes
