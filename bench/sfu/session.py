"""The system under test: the eCabinet server (`main.py server`) in its own process.

Every site signs in with a session token made in the store, joins the meeting's call over the
websocket (`call.join` with its publishing offer, `call.offer` / `call.answer` for its receiving
connection) and taps what the server's plan sends it. The hall pins the first ward, so every
site receives that ward in high and the others in low, as `bench.sfu.sites.planned` says.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from bench.sfu.sites import SPOTLIGHT_INDEX, Source, add_sending, publish_tracks, site_names, tap
from bench.sfu.workers import SiteContext, System
from ecabinet.net.client import Client
from media.ice import LOOPBACK, rtc_configuration
from meetings import protocol_call as pc
from meetings.people import Role
from meetings.units import UnitKind
from server import directory_ops as ops
from server import launcher
from server.auth import Passwords, new_token
from server.config import AuthSettings
from server.store import directory_repo
from server.store.clock import now
from server.store.db import Store, migrate

FAST = AuthSettings(argon2_time_cost=1, argon2_memory_kib=8 * 1024, argon2_parallelism=1)


# --- the organisation and the meeting ---------------------------------------------------------


def seed(data: Path, wards: int) -> dict[str, str]:
    """The city committee's chair (the hall), a secretary and one room account per ward, each
    with a session token made in the store (the bench measures media, not argon2)."""
    data.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{data / 'ecabinet.sqlite3'}")
    migrate(store.engine)
    hashed = Passwords(FAST).hash("bench-password")

    def add(db: Any) -> dict[str, str]:
        ops.add_unit(db, "ubnd", "UBND thành phố", UnitKind.PEOPLES_COMMITTEE, None, "bench")
        people = [("secretary", "ubnd", Role.SECRETARY), ("hall", "ubnd", Role.CHAIR)]
        for index in range(1, wards + 1):
            unit = f"ward-{index}"
            ops.add_unit(db, unit, f"UBND phường {index}", UnitKind.WARD, "ubnd", "bench")
            people.append((f"ward{index}", unit, Role.ROOM))
        tokens = {}
        expires = now().replace(year=now().year + 1)
        for key, unit, role in people:
            person = ops.add_person(
                db, f"per_{key}", key, f"Điểm {key}", "", [(unit, role)], hashed, "bench"
            )
            token, token_hash = new_token()
            directory_repo.create_session(db, token_hash, person.id, now(), expires)
            tokens[key] = token
        return tokens

    try:
        return store.write_sync(add)
    finally:
        store.engine.dispose()


async def create_meeting(url: str, fingerprint: str, token: str, wards: int) -> str:
    client = await Client.connect(url, pinned=fingerprint)
    try:
        await client.resume(token)
        meeting = await client.call(
            "meeting.create",
            title="Phiên họp trực tuyến 16 điểm cầu",
            organiser_unit_id="ubnd",
            starts_at="2026-12-01T08:00:00+07:00",
            ends_at="2026-12-01T11:30:00+07:00",
            video=True,
            invited_unit_ids=["ubnd", *(f"ward-{i}" for i in range(1, wards + 1))],
        )
        await client.call("agenda.add", meeting_id=meeting["id"], title="Khai mạc")
        await client.call("meeting.transition", meeting_id=meeting["id"], to="published")
        return str(meeting["id"])
    finally:
        await client.close()


# --- one site in a worker ---------------------------------------------------------------------


def person(key: str) -> str:
    return f"per_{key}"


async def site_main(context: SiteContext) -> None:
    params = context.params
    key = context.key
    client = await Client.connect(params["url"], pinned=params["fingerprint"])
    publish: RTCPeerConnection | None = None
    receive: RTCPeerConnection | None = None
    try:
        await client.resume(params["tokens"][key])
        publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
        add_sending(publish, publish_tracks(context.clips, context.sent))
        await publish.setLocalDescription(await publish.createOffer())
        meeting = params["meeting"]
        joined = pc.CallJoined.model_validate(
            await client.call(
                "call.join", meeting_id=meeting, offer=publish.localDescription.sdp, timeout=60
            )
        )
        await publish.setRemoteDescription(RTCSessionDescription(sdp=joined.answer, type="answer"))
        if context.dropper is not None:
            context.dropper.install(publish)

        async def events() -> None:
            nonlocal receive
            for _ in range(10**7):
                event = await client.events.get()
                if not isinstance(event, pc.CallOffer):
                    continue
                if event.fresh or receive is None:
                    if receive is not None:
                        await receive.close()
                    receive = RTCPeerConnection(rtc_configuration(LOOPBACK))
                await receive.setRemoteDescription(
                    RTCSessionDescription(sdp=event.sdp, type="offer")
                )
                mids = {t.mid: t for t in event.tracks}
                for transceiver in receive.getTransceivers():
                    track = mids.pop(str(transceiver.mid), None)
                    if track is None or transceiver.receiver.track is None:
                        continue
                    site = track.site.removeprefix("per_")
                    source = Source(site, track.kind, context.clips_of(site), decode=False)
                    tap(transceiver.receiver, source, context.received)
                await receive.setLocalDescription(await receive.createAnswer())
                await client.call(
                    "call.answer",
                    meeting_id=meeting,
                    revision=event.revision,
                    answer=receive.localDescription.sdp,
                )

        reader = asyncio.get_running_loop().create_task(events())
        await context.control.barrier("published")
        if key == "hall":
            pinned = person(site_names(1)[SPOTLIGHT_INDEX])
            await client.call("call.control", meeting_id=meeting, action="pin", site=pinned)
        await context.control.barrier("receiving")
        await context.control.stopped.wait()
        reader.cancel()
        await asyncio.gather(reader, return_exceptions=True)
    finally:
        if publish is not None:
            await publish.close()
        if receive is not None:
            await receive.close()
        await client.close()


class Session:
    """The eCabinet server with a seeded city and a published video meeting."""

    def __init__(self, wards: int) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="bench-sfu-")
        data = Path(self._folder.name)
        tokens = seed(data, wards)
        self.server = launcher.start(data)
        try:
            meeting = asyncio.run(
                create_meeting(self.server.url, self.server.fingerprint, tokens["secretary"], wards)
            )
        except BaseException:
            self.close()
            raise
        self.system = System(
            name="eCabinet SFU",
            site_main=site_main,
            server_pid=self.server.process.pid,
            params={
                "url": self.server.url,
                "fingerprint": self.server.fingerprint,
                "tokens": tokens,
                "meeting": meeting,
            },
        )

    def close(self) -> None:
        self.server.stop()
        self._folder.cleanup()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
