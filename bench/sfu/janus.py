"""The Janus baseline: the Debian package's `janus` with its videoroom plugin, on loopback.

Janus runs as a child process with a configuration folder written here:

* ICE-lite, no STUN or TURN server, no mDNS, candidates on one interface (`ice_enforce_list`);
* the videoroom plugin only; the HTTP transport only, bound to 127.0.0.1, admin API off;
* no event handlers and no external loggers.

Janus never gathers ICE candidates on a loopback interface (`janus_ice_setup_local` skips
`IFF_LOOPBACK`, and libnice then falls back to every other address of the machine), so it
cannot be limited to 127.0.0.1. It runs instead in a private network namespace made for it
(`unshare -n`): its own loopback and a veth pair whose ends both stay in it, `janus0` with
10.255.255.1 and `janus1` (so that `janus0` is up and running), and Janus is limited to
`janus0`. Nothing in that namespace can reach any network: it has no route but its own local
addresses, and packets to a local address are delivered through the namespace's loopback
device. The sites of this baseline join the namespace (`setns`) before opening any socket
and gather on 10.255.255.1 (Janus's replies from 10.255.255.1 to 127.0.0.1 never reached
aiortc, although a plain socket's do: something in libnice's sending path, not found here).
Making the namespace needs root (CAP_SYS_ADMIN).

The same synthetic sites drive it through its HTTP API (aiohttp, with one long poll per
session). Janus 1.x videorooms are multistream, which maps the eCabinet layout directly: a
site publishes one feed (its feed id is the site's number) carrying audio, the high layer and
the low layer as three m-lines (mids 0, 1, 2, as aiortc numbers them), and subscribes with one
subscriber handle to exactly the streams its plan needs: `{feed, mid}` for each received
site's audio and for the video mid of the layer the plan gives it. A layer switch would be a
`switch` request; the bench keeps the plan fixed, as in the eCabinet run. Janus forwards the
RTP payload as it came, so the sites recognise the frames by their bytes as with the eCabinet
server.

When Janus cannot be used (not installed, no namespace without root, does not start),
`Janus()` raises `Unavailable` saying why, and the bench skips this baseline and says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import aiohttp
from aiortc import RTCPeerConnection, RTCSessionDescription

from bench.sfu.sites import Source, add_sending, connected, publish_tracks, tap
from bench.sfu.workers import SiteContext, System, join_namespace
from media.ice import LOOPBACK, rtc_configuration

JANUS = "janus"
ADDRESS = "10.255.255.1"
"""The address of `janus0` in the private namespace: Janus's candidates and the sites'."""
LIBRARIES = Path("/usr/lib/x86_64-linux-gnu/janus")
ROOM = 1234
MIDS = {"0": "audio", "1": "high", "2": "low"}
REQUEST_TIMEOUT = 30.0
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=60)
"""Longer than Janus's 30 s long poll."""
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def libraries() -> Path | None:
    """Where the Debian package put the plugins (the multiarch folder of this machine)."""
    for candidate in (LIBRARIES, *Path("/usr/lib").glob("*/janus")):
        if (candidate / "plugins" / "libjanus_videoroom.so").exists():
            return candidate
    return None


def write_config(folder: Path, port: int, lib: Path) -> Path:
    plugins = [p.name for p in (lib / "plugins").glob("libjanus_*.so")]
    transports = [p.name for p in (lib / "transports").glob("libjanus_*.so")]
    loggers = [p.name for p in (lib / "loggers").glob("libjanus_*.so")]
    events = [p.name for p in (lib / "events").glob("libjanus_*.so")]

    def others(names: list[str], keep: str) -> str:
        return ",".join(sorted(n for n in names if n != keep))

    (folder / "janus.jcfg").write_text(
        f"""general: {{
	configs_folder = "{folder}"
	plugins_folder = "{lib / "plugins"}"
	transports_folder = "{lib / "transports"}"
	events_folder = "{lib / "events"}"
	loggers_folder = "{lib / "loggers"}"
	debug_level = 3
	server_name = "bench"
	session_timeout = 120
	admin_secret = "{secrets.token_hex(16)}"
}}
media: {{
	rtp_port_range = "20000-40000"
}}
nat: {{
	ice_lite = true
	ice_enforce_list = "janus0"
	ignore_mdns = true
	nice_debug = false
}}
plugins: {{
	disable = "{others(plugins, "libjanus_videoroom.so")}"
}}
transports: {{
	disable = "{others(transports, "libjanus_http.so")}"
}}
loggers: {{
	disable = "{others(loggers, "")}"
}}
events: {{
	broadcast = false
	disable = "{others(events, "")}"
}}
"""
    )
    (folder / "janus.transport.http.jcfg").write_text(
        f"""general: {{
	json = "compact"
	base_path = "/janus"
	http = true
	port = {port}
	ip = "127.0.0.1"
	https = false
}}
admin: {{
	admin_http = false
	admin_https = false
}}
"""
    )
    (folder / "janus.plugin.videoroom.jcfg").write_text(
        """general: {
	string_ids = false
}
"""
    )
    return folder / "janus.jcfg"


class Janus:
    """A janus process with the bench's configuration and one videoroom."""

    def __init__(self, wards: int) -> None:
        lib = libraries()
        if shutil.which(JANUS) is None or lib is None:
            raise Unavailable("the janus package is not installed (make bench-deps)")
        self._folder = tempfile.TemporaryDirectory(prefix="bench-janus-")
        folder = Path(self._folder.name)
        port = free_port()
        config = write_config(folder, port, lib)
        self.log = folder / "janus.log"
        self.url = f"http://127.0.0.1:{port}/janus"
        # A private network namespace with its loopback and one dummy interface (see above).
        script = (
            "ip link set lo up && ip link add janus0 type veth peer name janus1 && "
            f"ip addr add {ADDRESS}/32 dev janus0 && "
            "ip link set janus1 up && ip link set janus0 up && "
            f'exec {JANUS} -C "{config}" -F "{folder}" -o'
        )
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                ["unshare", "--net", "--", "sh", "-c", script],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.namespace = f"/proc/{self.process.pid}/ns/net"
        try:
            self._wait_exec()
            in_namespace(self.namespace, self._wait_ready)
            in_namespace(self.namespace, lambda: asyncio.run(create_room(self.url, wards)))
        except BaseException:
            self.close()
            raise
        self.system = System(
            name="Janus videoroom",
            site_main=site_main,
            server_pid=self.process.pid,
            params={"url": self.url, "netns": self.namespace, "ice_address": ADDRESS},
        )

    def _wait_exec(self) -> None:
        """Until janus runs, its pid may still be `unshare` or `sh`, not yet in the namespace."""
        comm = Path(f"/proc/{self.process.pid}/comm")
        for _ in range(200):
            if self.process.poll() is not None:
                raise Unavailable(f"could not start janus in a network namespace: {self.tail()}")
            with contextlib.suppress(OSError):
                if comm.read_text().strip() == JANUS:
                    return
            time.sleep(0.05)
        raise Unavailable("janus did not start within 10 s")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Unavailable(f"janus exited at start: {self.tail()}")
            with contextlib.suppress(urllib.error.URLError, OSError):
                with urllib.request.urlopen(f"{self.url}/info", timeout=2) as reply:
                    if reply.status == 200:
                        return
            time.sleep(0.2)
        raise Unavailable(f"janus did not answer on {self.url}: {self.tail()}")

    def tail(self) -> str:
        lines = self.log.read_text(errors="replace").splitlines() if self.log.exists() else []
        return " | ".join(lines[-5:])

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._folder.cleanup()

    def __enter__(self) -> Janus:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Unavailable(RuntimeError):
    """Janus cannot be used on this machine; the bench skips its baseline and says why."""


def in_namespace(namespace: str, work: Callable[[], T]) -> T:
    """Run ``work`` in a thread that joined the network namespace (``setns`` is per thread)."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            join_namespace(namespace)
            outcome.append(("ok", work()))
        except BaseException as error:  # handed back to the caller
            outcome.append(("error", error))

    thread = threading.Thread(target=run, name="janus-netns")
    thread.start()
    thread.join()
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return cast(T, value)


# --- the Janus API over HTTP ------------------------------------------------------------------


class JanusError(RuntimeError):
    pass


class JanusSession:
    """One Janus session: requests by transaction, events from a long poll."""

    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self.http = http
        self.url = url
        self.id: int | None = None
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._poller: asyncio.Task[None] | None = None

    async def _post(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        transaction = secrets.token_hex(8)
        async with self.http.post(url, json={**body, "transaction": transaction}) as reply:
            answer: dict[str, Any] = await reply.json(content_type=None)
        if answer.get("janus") == "error":
            raise JanusError(str(answer.get("error")))
        return answer

    async def create(self) -> None:
        answer = await self._post(self.url, {"janus": "create"})
        self.id = int(answer["data"]["id"])
        self._poller = asyncio.get_running_loop().create_task(self._poll())

    async def attach(self) -> int:
        answer = await self._post(
            f"{self.url}/{self.id}", {"janus": "attach", "plugin": "janus.plugin.videoroom"}
        )
        return int(answer["data"]["id"])

    async def message(
        self, handle: int, body: dict[str, Any], jsep: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """A plugin request; waits for its event when Janus answers it asynchronously."""
        transaction = secrets.token_hex(8)
        request: dict[str, Any] = {"janus": "message", "body": body, "transaction": transaction}
        if jsep is not None:
            request["jsep"] = jsep
        waiter = asyncio.get_running_loop().create_future()
        self._waiting[transaction] = waiter
        try:
            async with self.http.post(f"{self.url}/{self.id}/{handle}", json=request) as reply:
                answer: dict[str, Any] = await reply.json(content_type=None)
            if answer.get("janus") == "success":
                return answer
            if answer.get("janus") != "ack":
                raise JanusError(str(answer.get("error") or answer))
            async with asyncio.timeout(REQUEST_TIMEOUT):
                event = await waiter
        finally:
            self._waiting.pop(transaction, None)
        data = event.get("plugindata", {}).get("data", {})
        if "error" in data:
            raise JanusError(str(data["error"]))
        return event

    async def trickle_done(self, handle: int) -> None:
        await self._post(
            f"{self.url}/{self.id}/{handle}", {"janus": "trickle", "candidate": {"completed": True}}
        )

    async def _poll(self) -> None:
        for _ in range(10**7):
            async with self.http.get(f"{self.url}/{self.id}", params={"maxev": "10"}) as reply:
                events = await reply.json(content_type=None)
            for event in events if isinstance(events, list) else [events]:
                waiter = self._waiting.get(str(event.get("transaction")))
                if waiter is not None and not waiter.done() and event.get("janus") == "event":
                    waiter.set_result(event)

    async def destroy(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        if self.id is not None:
            with contextlib.suppress(aiohttp.ClientError, JanusError):
                await self._post(f"{self.url}/{self.id}", {"janus": "destroy"})


async def create_room(url: str, wards: int) -> None:
    async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as http:
        session = JanusSession(http, url)
        await session.create()
        try:
            handle = await session.attach()
            await session.message(
                handle,
                {
                    "request": "create",
                    "room": ROOM,
                    "publishers": wards + 1,
                    "audiocodec": "opus",
                    "videocodec": "vp8",
                    "bitrate": 0,
                    "fir_freq": 0,
                    "notify_joining": False,
                },
            )
        finally:
            await session.destroy()


# --- one site in a worker ---------------------------------------------------------------------


async def site_main(context: SiteContext) -> None:
    numbers = {site: clips.number for site, clips in context.everyone.items()}
    names = {number: site for site, number in numbers.items()}
    publish = RTCPeerConnection(rtc_configuration(LOOPBACK))
    receive = RTCPeerConnection(rtc_configuration(LOOPBACK))
    async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as http:
        session = JanusSession(http, context.params["url"])
        try:
            await session.create()
            publisher = await session.attach()
            await session.message(
                publisher,
                {
                    "request": "join",
                    "ptype": "publisher",
                    "room": ROOM,
                    "id": context.number,
                    "display": context.key,
                },
            )
            add_sending(publish, publish_tracks(context.clips, context.sent))
            await publish.setLocalDescription(await publish.createOffer())
            answer = await session.message(
                publisher,
                {"request": "publish"},
                {"type": "offer", "sdp": publish.localDescription.sdp},
            )
            await publish.setRemoteDescription(
                RTCSessionDescription(sdp=answer["jsep"]["sdp"], type="answer")
            )
            await session.trickle_done(publisher)
            # Janus lists a feed for subscribers once its connection is up.
            await connected(publish)
            if context.dropper is not None:
                context.dropper.install(publish)
            await context.control.barrier("published")

            wanted = {"high": "1", "low": "2"}
            streams = []
            for site, layer in context.plan.items():
                streams.append({"feed": numbers[site], "mid": "0"})
                streams.append({"feed": numbers[site], "mid": wanted[layer]})
            subscriber = await session.attach()
            offer = await session.message(
                subscriber,
                {"request": "join", "ptype": "subscriber", "room": ROOM, "streams": streams},
            )
            mapping = {
                str(s["mid"]): (names[int(s["feed_id"])], MIDS[str(s["feed_mid"])])
                for s in offer["plugindata"]["data"]["streams"]
                if s.get("feed_id") is not None
            }
            await receive.setRemoteDescription(
                RTCSessionDescription(sdp=offer["jsep"]["sdp"], type="offer")
            )
            for transceiver in receive.getTransceivers():
                found = mapping.get(str(transceiver.mid))
                if found is None or transceiver.receiver.track is None:
                    continue
                site, kind = found
                source = Source(site, kind, context.clips_of(site), decode=False)
                tap(transceiver.receiver, source, context.received)
            await receive.setLocalDescription(await receive.createAnswer())
            await session.message(
                subscriber,
                {"request": "start"},
                {"type": "answer", "sdp": receive.localDescription.sdp},
            )
            await session.trickle_done(subscriber)
            await context.control.barrier("receiving")
            await context.control.stopped.wait()
        finally:
            await publish.close()
            await receive.close()
            await session.destroy()
