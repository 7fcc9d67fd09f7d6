"""The SFU's packet paths against real aiortc peers: sending (media.aiortc_hooks.RtpStream)
and receiving without aioice's queue (receive_rtp_at_once).

The stream takes over three of an RTCRtpSender's private methods; these tests check that what
the remote side gets is what aiortc's own sender would give it: the very frames, cut into
packets that its receiver reassembles; retransmissions as RTX when it asks; sender reports it
reads; and the BYE that ends its track.
"""

import asyncio
import functools
import random
from collections.abc import Callable

import aiortc
import pytest
from aiortc import RTCPeerConnection, RTCRtpSender
from aiortc.rtp import RtpPacket
from aiortc.stats import (
    RTCRemoteInboundRtpStreamStats,
    RTCRemoteOutboundRtpStreamStats,
    RTCTransportStats,
)
from sfu_peers import Dropper, new_pc, wait_connected

from media.aiortc_hooks import PacketTrack, RtcpReports, RtpStream, tap_receiver
from media.aiortc_hooks.receiving import run_now
from media.aiortc_hooks.sending import REPORT_GROUP, VP8_PAYLOAD_MAX
from media.frame_assembly import EncodedFrame
from media.ice import force_codecs
from media.synthetic import HIGH_SIZE, encode_video_clip
from tests.support.progress import Progress

TIMEOUT = 20
RTX_PAYLOAD_TYPE = 98  # what aiortc 1.16 numbers RTX for VP8


class Pair:
    """A server-side connection whose senders are RtpStreams, and a receiving peer whose
    receivers are tapped (they hand over the frames as they arrive, undecoded)."""

    def __init__(self) -> None:
        self.server: RTCPeerConnection = new_pc()
        self.site: RTCPeerConnection = new_pc()
        self.streams: list[RtpStream] = []
        self.senders: list[RTCRtpSender] = []
        self.received: list[list[EncodedFrame]] = []
        self.ready = 0
        self.progress = Progress()

    def add(self, kind: str) -> RtpStream:
        transceiver = self.server.addTransceiver(PacketTrack(kind, maxsize=4), "sendonly")
        force_codecs(transceiver)
        stream = RtpStream(transceiver.sender, on_ready=self._ready)
        self.streams.append(stream)
        self.senders.append(transceiver.sender)
        return stream

    def _ready(self) -> None:
        self.ready += 1
        self.progress.notify()

    def _frame(self, index: int, frame: EncodedFrame) -> None:
        self.received[index].append(frame)
        self.progress.notify()

    async def connect(self) -> None:
        await self.server.setLocalDescription(await self.server.createOffer())
        await self.site.setRemoteDescription(self.server.localDescription)
        for index, transceiver in enumerate(self.site.getTransceivers()):
            self.received.append([])
            tap_receiver(transceiver.receiver, functools.partial(self._frame, index), lambda: None)
        await self.site.setLocalDescription(await self.site.createAnswer())
        await self.server.setRemoteDescription(self.site.localDescription)
        await wait_connected(self.server, self.site)
        await self.until(lambda: self.ready == len(self.streams), "the streams to start")

    async def until(self, condition: Callable[[], bool], what: str) -> None:
        await self.progress.wait_for(condition, what, TIMEOUT)

    async def close(self) -> None:
        await self.server.close()
        await self.site.close()


async def test_frames_arrive_unchanged_and_the_bye_ends_the_remote_track() -> None:
    clip = encode_video_clip(3, HIGH_SIZE, frames=20, gop=10)
    assert max(map(len, clip.frames)) > 2 * VP8_PAYLOAD_MAX, "keyframes span several packets"
    pair = Pair()
    video, audio = pair.add("video"), pair.add("audio")
    try:
        assert not video.send(clip.frames[0], 0), "nothing goes out before the connection"
        await pair.connect()
        opus = [f"opus {i}".encode() for i in range(20)]
        for index, data in enumerate(clip.frames):
            assert video.send(data, index * 3000)
            assert audio.send(opus[index], index * 960)
            await asyncio.sleep(0.005)
        await pair.until(
            lambda: len(pair.received[0]) == len(clip.frames) and len(pair.received[1]) == 20,
            "every frame",
        )
        got_video, got_audio = pair.received
        assert [f.data for f in got_video] == list(clip.frames)
        assert [f.keyframe for f in got_video] == [i % 10 == 0 for i in range(20)]
        first = got_video[0].timestamp
        assert [(f.timestamp - first) % 2**32 for f in got_video] == [i * 3000 for i in range(20)]
        assert [f.data for f in got_audio] == opus
        assert video.packets > len(clip.frames) and audio.packets == 20
        remote = pair.site.getTransceivers()[0].receiver.track
        await pair.senders[0].stop()
        async with asyncio.timeout(TIMEOUT):
            with pytest.raises(aiortc.mediastreams.MediaStreamError):
                await remote.recv()  # the stream's BYE ended it
        assert not video.ready and not video.send(clip.frames[0], 0)
    finally:
        await pair.close()


async def test_lost_packets_are_sent_again_as_rtx() -> None:
    clip = encode_video_clip(4, HIGH_SIZE, frames=60, gop=30)
    pair = Pair()
    video = pair.add("video")
    rtx = 0
    try:
        await pair.server.setLocalDescription(await pair.server.createOffer())
        await pair.site.setRemoteDescription(pair.server.localDescription)
        # A tenth of what reaches the site's receiver is dropped (retransmissions too); the
        # RTX packets among what arrives are counted.
        receiver = pair.site.getTransceivers()[0].receiver
        Dropper(0.1, random.Random(7)).install(receiver)
        handle = receiver._handle_rtp_packet

        async def count(packet: RtpPacket, arrival_time_ms: int) -> None:
            nonlocal rtx
            if packet.payload_type == RTX_PAYLOAD_TYPE:
                rtx += 1
            await handle(packet, arrival_time_ms)

        receiver._handle_rtp_packet = count  # type: ignore[method-assign]
        pair.received.append([])
        tap_receiver(receiver, lambda frame: pair._frame(0, frame), lambda: None)
        await pair.site.setLocalDescription(await pair.site.createAnswer())
        await pair.server.setRemoteDescription(pair.site.localDescription)
        await wait_connected(pair.server, pair.site)
        await pair.until(lambda: pair.ready == 1, "the stream to start")
        for index, data in enumerate(clip.frames):
            assert video.send(data, index * 3000)
            await asyncio.sleep(0.01)
        await pair.until(lambda: len(pair.received[0]) >= 55, "the frames, repaired")
        assert rtx >= 3
        # Every frame that arrived arrived whole: its bytes are one of the clip's frames.
        assert {f.data for f in pair.received[0]} <= set(clip.frames)
    finally:
        await pair.close()


async def remote_outbound(
    pc: RTCPeerConnection, count: int
) -> list[RTCRemoteOutboundRtpStreamStats]:
    """What the first ``count`` receivers of ``pc`` read from the sender reports."""
    found = []
    for transceiver in pc.getTransceivers()[:count]:
        stats = await transceiver.receiver.getStats()
        found += [s for s in stats.values() if isinstance(s, RTCRemoteOutboundRtpStreamStats)]
    return found


async def test_sender_reports_go_a_dozen_to_a_datagram_and_give_round_trip_times() -> None:
    pair = Pair()
    streams = [pair.add("audio") for _ in range(REPORT_GROUP + 2)]
    pair.add("audio")  # never sends: no report for it
    try:
        await pair.connect()
        reports = RtcpReports.of(pair.senders[0].transport)
        assert reports.streams == set(pair.streams)
        for step in range(5):
            for stream in streams:
                assert stream.send(b"opus", step * 960)
        before = reports.datagrams
        await reports.send_now()
        assert reports.datagrams - before == 2  # 14 active streams, 12 to a datagram
        read: list[RTCRemoteOutboundRtpStreamStats] = []
        async with asyncio.timeout(TIMEOUT):
            for _ in range(1000):  # a poll: aiortc signals no event for a report read
                read = await remote_outbound(pair.site, len(streams))
                if len(read) == len(streams):
                    break
                await asyncio.sleep(0.05)
        assert [s.packetsSent for s in read] == [5] * len(streams)
        assert await remote_outbound(pair.site, len(pair.streams)) == read  # none for the idle

        # The site's receiver reports answer the sender reports: the server's senders work out
        # the round-trip time from them, as aiortc's own senders do.
        async def round_trip() -> float | None:
            stats = await pair.senders[0].getStats()
            times = [
                s.roundTripTime
                for s in stats.values()
                if isinstance(s, RTCRemoteInboundRtpStreamStats)
            ]
            return times[0] if times else None

        async with asyncio.timeout(TIMEOUT):
            while (rtt := await round_trip()) is None:
                for stream in streams:
                    stream.send(b"opus", 5 * 960)
                await reports.send_now()
                await asyncio.sleep(0.2)
        assert 0 <= rtt < 1
    finally:
        await pair.close()


async def test_rtp_is_handled_as_it_arrives_not_through_the_queue() -> None:
    """receive_rtp_at_once: after the handshake no SRTP packet waits in aioice's queue, and the
    transport's statistics still count every packet."""
    clip = encode_video_clip(5, HIGH_SIZE, frames=10, gop=10)
    pair = Pair()
    video = pair.add("video")
    try:
        await pair.connect()
        dtls = pair.site.getTransceivers()[0].receiver.transport
        queue = dtls.transport._connection._queue
        queued: list[bytes] = []
        put = queue.put_nowait

        def recording_put(item: tuple[bytes, int] | None) -> None:
            if item is not None:
                queued.append(item[0])
            put(item)

        queue.put_nowait = recording_put  # type: ignore[method-assign]
        before = await transport_bytes(pair.site)
        for index, data in enumerate(clip.frames):
            assert video.send(data, index * 3000)
            await asyncio.sleep(0.005)
        await pair.until(lambda: len(pair.received[0]) == len(clip.frames), "every frame")
        rtp = [d for d in queued if 127 < d[0] < 192 and not 192 <= d[1] <= 208]
        assert rtp == [], f"{len(rtp)} RTP packets went through the queue"
        assert await transport_bytes(pair.site) - before >= sum(map(len, clip.frames))
    finally:
        await pair.close()


async def transport_bytes(pc: RTCPeerConnection) -> int:
    stats = await pc.getStats()
    return sum(s.bytesReceived for s in stats.values() if isinstance(s, RTCTransportStats))


async def test_a_handler_that_waits_is_carried_on_by_a_task() -> None:
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    steps: list[str] = []

    async def handler() -> None:
        steps.append("started")
        await gate
        steps.append("finished")

    run_now(handler())
    assert steps == ["started"]
    gate.set_result(None)
    for _ in range(3):
        await asyncio.sleep(0)
    assert steps == ["started", "finished"]
