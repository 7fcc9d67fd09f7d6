"""The hooks into aiortc's private parts, checked against the pinned aiortc with real peers.

If one of these fails after an aiortc upgrade, read media/aiortc_hooks: it says which
private part each hook relies on.
"""

import asyncio
import random
import socket
from pathlib import Path

import aioice
import aiortc
import pytest
from aiortc import RTCPeerConnection
from aiortc.rtp import RtpPacket
from sfu_peers import Dropper, negotiate, new_pc, wait_connected

from media import aiortc_hooks
from media.aiortc_hooks import (
    PacketTrack,
    check_aiortc,
    on_keyframe_request,
    routes_retransmissions,
    tap_receiver,
)
from media.exceptions import AiortcIncompatibleError
from media.frame_assembly import EncodedFrame
from media.ice import force_codecs
from media.synthetic import LOW_SIZE, PreEncodedTrack, SyntheticVideoTrack, encode_video_clip

TIMEOUT = 20
RTX_PAYLOAD_TYPE = 98  # what aiortc 1.16 numbers RTX for VP8


def test_the_installed_aiortc_is_the_one_the_hooks_were_written_for() -> None:
    assert aiortc.__version__ == aiortc_hooks.AIORTC_VERSION, (
        f"aiortc {aiortc.__version__} is installed but media/aiortc_hooks was written "
        f"for {aiortc_hooks.AIORTC_VERSION}: re-check every hook listed there"
    )
    check_aiortc()


def test_the_check_fails_loudly_on_another_aiortc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aiortc_hooks.compat, "_checked", False)
    monkeypatch.setattr(aiortc, "__version__", "9.9.9")
    with pytest.raises(AiortcIncompatibleError, match=r"aiortc 9\.9\.9 is installed"):
        check_aiortc()


def test_the_check_fails_loudly_when_a_private_part_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def _handle_rtcp_packet(self: object, packet: object) -> None:
        """A future aiortc that handles PLI some other way."""

    monkeypatch.setattr(aiortc_hooks.compat, "_checked", False)
    monkeypatch.setattr(aiortc.RTCRtpSender, "_handle_rtcp_packet", _handle_rtcp_packet)
    with pytest.raises(AiortcIncompatibleError, match="_send_keyframe"):
        check_aiortc()


async def _tapped_pair(
    sender_track: aiortc.MediaStreamTrack,
    frames: list[EncodedFrame],
    got_frame: asyncio.Event,
    wanted: int,
    keyframe_needs: list[int],
) -> tuple[RTCPeerConnection, RTCPeerConnection, aiortc_hooks.ReceiveTap]:
    sender_pc, receiver_pc = new_pc(), new_pc()
    force_codecs(sender_pc.addTransceiver(sender_track, direction="sendonly"))
    await sender_pc.setLocalDescription(await sender_pc.createOffer())
    await receiver_pc.setRemoteDescription(sender_pc.localDescription)

    def on_frame(frame: EncodedFrame) -> None:
        frames.append(frame)
        if len(frames) >= wanted:
            got_frame.set()

    tap = tap_receiver(
        receiver_pc.getTransceivers()[0].receiver, on_frame, lambda: keyframe_needs.append(1)
    )
    await receiver_pc.setLocalDescription(await receiver_pc.createAnswer())
    await sender_pc.setRemoteDescription(receiver_pc.localDescription)
    await wait_connected(sender_pc, receiver_pc)
    return sender_pc, receiver_pc, tap


async def test_encoded_frames_cross_unchanged_from_a_packet_track_to_a_tap() -> None:
    clip = encode_video_clip(3, LOW_SIZE, frames=30, gop=10)
    track = PacketTrack("video", maxsize=len(clip.frames))
    for index, data in enumerate(clip.frames):
        assert track.put(data, index * 3000, keyframe=index % 10 == 0)
    assert not track.put(b"x", 0, keyframe=False), "the queue is bounded"
    frames: list[EncodedFrame] = []
    done = asyncio.Event()
    sender_pc, receiver_pc, tap = await _tapped_pair(track, frames, done, len(clip.frames), [])
    try:
        async with asyncio.timeout(TIMEOUT):
            await done.wait()
        # The sender only re-packetised: the receiver got the very bytes that were put in.
        assert [f.data for f in frames] == list(clip.frames)
        assert [f.keyframe for f in frames] == [i % 10 == 0 for i in range(len(clip.frames))]
        assert [f.timestamp for f in frames] == [i * 3000 for i in range(len(clip.frames))]
        assert tap.stats.frames == len(clip.frames)
        # aiortc's decoder thread got nothing to decode.
        remote = receiver_pc.getTransceivers()[0].receiver.track
        assert remote._queue.empty()  # type: ignore[attr-defined]
    finally:
        await sender_pc.close()
        await receiver_pc.close()


async def test_a_tap_requests_keyframes_that_reach_the_sender_as_a_callback() -> None:
    clip = encode_video_clip(4, LOW_SIZE, frames=60, gop=30)
    track = PreEncodedTrack(clip)
    frames: list[EncodedFrame] = []
    started = asyncio.Event()
    sender_pc, receiver_pc, tap = await _tapped_pair(track, frames, started, 3, [])
    requested = asyncio.Event()
    sender = sender_pc.getTransceivers()[0].sender

    def on_request() -> None:
        track.request_keyframe()
        requested.set()

    on_keyframe_request(sender, on_request)
    try:
        async with asyncio.timeout(TIMEOUT):
            await started.wait()
            seen = len(frames)
            assert tap.request_keyframe()
            await requested.wait()
            # The pre-encoded source jumps to its next keyframe at once.
            while not any(f.keyframe for f in frames[seen + 1 :]):
                started.clear()
                await started.wait()
        assert frames[0].keyframe
        ended = receiver_pc.getTransceivers()[0].receiver.track
        await sender_pc.close()
        async with asyncio.timeout(TIMEOUT):
            with pytest.raises(aiortc.mediastreams.MediaStreamError):
                await ended.recv()  # the publisher's BYE ends the tapped receiver's track
    finally:
        await sender_pc.close()
        await receiver_pc.close()


async def test_retransmissions_reach_the_right_one_of_two_video_receivers() -> None:
    sender_pc, receiver_pc = new_pc(), new_pc()
    assert routes_retransmissions(), "building the configuration installs the fix"
    for size in ((640, 360), LOW_SIZE):
        force_codecs(sender_pc.addTransceiver(SyntheticVideoTrack(5, size), "sendonly"))
    await sender_pc.setLocalDescription(await sender_pc.createOffer())
    await receiver_pc.setRemoteDescription(sender_pc.localDescription)
    retransmitted = [0, 0]
    for index, transceiver in enumerate(receiver_pc.getTransceivers()):
        receiver = transceiver.receiver
        Dropper(0.1, random.Random(index)).install(receiver)
        handle = receiver._handle_rtp_packet

        async def count(
            packet: RtpPacket, arrival_time_ms: int, index: int = index, handle=handle
        ) -> None:
            if packet.payload_type == RTX_PAYLOAD_TYPE:
                retransmitted[index] += 1
                if min(retransmitted) >= 3:
                    enough.set()
            await handle(packet, arrival_time_ms)

        receiver._handle_rtp_packet = count
    enough = asyncio.Event()
    await receiver_pc.setLocalDescription(await receiver_pc.createAnswer())
    await sender_pc.setRemoteDescription(receiver_pc.localDescription)
    assert f"a=rtpmap:{RTX_PAYLOAD_TYPE} rtx/90000" in receiver_pc.localDescription.sdp
    try:
        await wait_connected(sender_pc, receiver_pc)
        async with asyncio.timeout(TIMEOUT):
            await enough.wait()
    finally:
        await sender_pc.close()
        await receiver_pc.close()


async def test_gathering_stays_on_the_configured_address() -> None:
    assert aiortc_hooks.host_addresses() == ("127.0.0.1",)
    offerer, answerer = new_pc(), new_pc()
    offerer.addTransceiver("audio")
    try:
        await negotiate(offerer, answerer)
        for pc in (offerer, answerer):
            lines = [x for x in pc.localDescription.sdp.splitlines() if x.startswith("a=candidate")]
            assert lines
            assert all(line.split()[4] == "127.0.0.1" for line in lines), lines
            assert all(" typ host" in line for line in lines), "no STUN, no TURN"
    finally:
        await offerer.close()
        await answerer.close()


def test_host_addresses_can_be_handed_back_to_aioice() -> None:
    aiortc_hooks.set_host_addresses(None)
    assert aiortc_hooks.host_addresses() is None
    with pytest.raises(ValueError):
        aiortc_hooks.set_host_addresses([])


RMEM_MAX = Path("/proc/sys/net/core/rmem_max")


async def test_ice_sockets_get_the_receive_buffer_asked_for() -> None:
    """The kernel reports twice what it grants, and grants at most net.core.rmem_max."""
    limit = int(await asyncio.to_thread(RMEM_MAX.read_text))
    asked = 1024 * 1024

    async def buffers() -> list[int]:
        connection = aioice.Connection(ice_controlling=True)
        await connection.gather_candidates()
        try:
            return [
                p.transport.get_extra_info("socket").getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
                for p in connection._protocols  # aioice's private list of its sockets
            ]
        finally:
            await connection.close()

    before = aiortc_hooks.receive_buffer()  # an SFU earlier in this process may have set one
    aiortc_hooks.enlarge_receive_buffers(None)
    try:
        default = await buffers()
        aiortc_hooks.enlarge_receive_buffers(asked)
        assert aiortc_hooks.receive_buffer() == asked
        enlarged = await buffers()
        aiortc_hooks.enlarge_receive_buffers(None)
        assert aiortc_hooks.receive_buffer() is None
        assert await buffers() == default
    finally:
        aiortc_hooks.enlarge_receive_buffers(before)
    assert default and enlarged
    assert all(size >= 2 * min(asked, limit) for size in enlarged), (default, enlarged, limit)
