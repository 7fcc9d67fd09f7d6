"""Real aiortc peers on 127.0.0.1 around a Forwarder: publishers, the server, subscribers.

Signalling is a direct hand-over of descriptions in the same process; everything else (ICE,
DTLS, SRTP, RTP/RTCP) is real and runs over loopback UDP.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from aiortc import MediaStreamTrack, RTCPeerConnection, RTCRtpReceiver, RTCRtpSender
from aiortc.rtp import RtpPacket

from media.aiortc_hooks import on_keyframe_request
from media.forwarding import Feed, Forwarder, Layer, Publisher, TrackKind
from media.ice import LOOPBACK, force_codecs, rtc_configuration
from media.synthetic import LOW_SIZE, SyntheticAudioTrack, SyntheticVideoTrack
from tests.support.progress import Progress
from tests.support.received import Received, read_audio, read_video, watch_keyframes

TIMEOUT = 20.0


def new_pc() -> RTCPeerConnection:
    return RTCPeerConnection(rtc_configuration(LOOPBACK))


async def negotiate(offerer: RTCPeerConnection, answerer: RTCPeerConnection) -> None:
    await offerer.setLocalDescription(await offerer.createOffer())
    await answerer.setRemoteDescription(offerer.localDescription)
    await answerer.setLocalDescription(await answerer.createAnswer())
    await offerer.setRemoteDescription(answerer.localDescription)


async def wait_connected(*pcs: RTCPeerConnection) -> None:
    async def one(pc: RTCPeerConnection) -> None:
        done = asyncio.Event()

        @pc.on("connectionstatechange")
        def changed() -> None:
            if pc.connectionState in ("connected", "failed", "closed"):
                done.set()

        if pc.connectionState not in ("connected", "failed", "closed"):
            await done.wait()
        assert pc.connectionState == "connected", pc.connectionState

    async with asyncio.timeout(TIMEOUT):
        await asyncio.gather(*(one(pc) for pc in pcs))


@dataclass
class PublisherPeers:
    site: str
    number: int
    client: RTCPeerConnection
    server: RTCPeerConnection
    publisher: Publisher
    senders: dict[TrackKind, RTCRtpSender]
    keyframe_requests: dict[TrackKind, int] = field(default_factory=dict)

    async def close(self) -> None:
        await self.client.close()
        await self.server.close()


async def publish(
    forwarder: Forwarder,
    progress: Progress,
    site: str,
    number: int,
    *,
    fps: int = 15,
    before_connect: Callable[[PublisherPeers], None] | None = None,
) -> PublisherPeers:
    client, server = new_pc(), new_pc()
    tracks: dict[TrackKind, MediaStreamTrack] = {
        TrackKind.AUDIO: SyntheticAudioTrack(),
        TrackKind.VIDEO_HIGH: SyntheticVideoTrack(number, fps=fps),
        TrackKind.VIDEO_LOW: SyntheticVideoTrack(number, LOW_SIZE, fps=fps),
    }
    senders = {}
    for kind, track in tracks.items():
        transceiver = client.addTransceiver(track, direction="sendonly")
        force_codecs(transceiver)
        senders[kind] = transceiver.sender
    # The server's transceivers exist before the offer arrives, so its codec choice applies.
    server_transceivers = {
        kind: server.addTransceiver("audio" if kind is TrackKind.AUDIO else "video", "recvonly")
        for kind in tracks
    }
    for transceiver in server_transceivers.values():
        force_codecs(transceiver)
    publisher = forwarder.add_publisher(site)
    peers = PublisherPeers(site, number, client, server, publisher, senders)
    for kind, sender in senders.items():
        if kind is not TrackKind.AUDIO:
            peers.keyframe_requests[kind] = 0

            def count(kind: TrackKind = kind) -> None:
                peers.keyframe_requests[kind] += 1
                progress.notify()

            on_keyframe_request(sender, count, keep_default=True)
    await client.setLocalDescription(await client.createOffer())
    await server.setRemoteDescription(client.localDescription)
    for kind, transceiver in server_transceivers.items():
        publisher.attach(kind, transceiver.receiver)
    if before_connect is not None:
        before_connect(peers)
    await server.setLocalDescription(await server.createAnswer())
    await client.setRemoteDescription(server.localDescription)
    await wait_connected(client, server)
    return peers


@dataclass
class SubscriberPeers:
    name: str
    client: RTCPeerConnection
    server: RTCPeerConnection
    feeds: dict[str, Feed]
    received: dict[str, Received]
    tasks: list[asyncio.Task[None]]

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.client.close()
        await self.server.close()


@dataclass
class Dropper:
    """Drops a share of the RTP packets (retransmissions included) reaching receivers."""

    rate: float
    rng: random.Random
    seen: int = 0
    dropped: int = 0

    def install(self, receiver: RTCRtpReceiver) -> None:
        handle = receiver._handle_rtp_packet

        async def handle_rtp_packet(packet: RtpPacket, arrival_time_ms: int) -> None:
            self.seen += 1
            if self.rng.random() < self.rate:
                self.dropped += 1
                return
            await handle(packet, arrival_time_ms)

        receiver._handle_rtp_packet = handle_rtp_packet  # type: ignore[method-assign]


async def subscribe(
    forwarder: Forwarder,
    progress: Progress,
    name: str,
    layers: dict[str, Layer | None],
    *,
    read: bool = True,
) -> SubscriberPeers:
    """Connect a subscriber receiving ``layers`` (site -> layer) and start reading its media."""
    server, client = new_pc(), new_pc()
    feeds: dict[str, Feed] = {}
    for site, layer in layers.items():
        feed = forwarder.add_feed(name, site, layer=layer)
        audio = server.addTransceiver(feed.audio, direction="sendonly")
        video = server.addTransceiver(feed.video, direction="sendonly")
        force_codecs(audio)
        force_codecs(video)
        feed.bind_senders(audio=audio.sender, video=video.sender)
        feeds[site] = feed
    await negotiate(server, client)
    received = {site: Received() for site in layers}
    tasks = []
    transceivers = client.getTransceivers()
    for index, site in enumerate(layers):
        audio_track = transceivers[2 * index].receiver.track
        video_track = transceivers[2 * index + 1].receiver.track
        received[site].audio_track, received[site].video_track = audio_track, video_track
        watch_keyframes(transceivers[2 * index + 1].receiver, received[site], progress)
        if read:
            loop = asyncio.get_running_loop()
            tasks.append(loop.create_task(read_audio(audio_track, received[site], progress)))
            tasks.append(loop.create_task(read_video(video_track, received[site], progress)))
    peers = SubscriberPeers(name, client, server, feeds, received, tasks)
    await wait_connected(server, client)
    return peers
