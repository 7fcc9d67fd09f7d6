"""The receiving side: encoded frames handed over instead of decoded, RTX routed by SSRC."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine, Generator
from typing import Any

import pylibsrtp
from aiortc import RTCDtlsTransport, RTCRtpReceiver
from aiortc.clock import current_ms
from aiortc.rate import RemoteBitrateEstimator
from aiortc.rtcdtlstransport import State as DtlsState
from aiortc.rtcrtpparameters import RTCRtpReceiveParameters
from aiortc.rtp import RtpPacket

from media.aiortc_hooks.compat import check_aiortc
from media.frame_assembly import (
    AssemblySettings,
    AssemblyStats,
    AudioAssembler,
    EncodedFrame,
    VideoAssembler,
    vp8_flags,
)

log = logging.getLogger(__name__)


class ReceiveTap:
    """Stands in for a receiver's jitter buffer and hands complete encoded frames over.

    ``on_frame`` and ``on_keyframe_needed`` run synchronously in the event loop, inside
    aiortc's packet handling, so they must be quick and must not await.
    """

    def __init__(
        self,
        receiver: RTCRtpReceiver,
        kind: str,
        on_frame: Callable[[EncodedFrame], None],
        on_keyframe_needed: Callable[[], None],
        settings: AssemblySettings | None,
        clock: Callable[[], float],
    ) -> None:
        self.receiver = receiver
        self.kind = kind
        self.media_ssrc: int | None = None
        self._clock = clock
        self._tasks: set[asyncio.Task[None]] = set()
        self._video: VideoAssembler | None = None
        self._audio: AudioAssembler | None = None
        if kind == "video":
            self._video = VideoAssembler(on_frame, on_keyframe_needed, self._send_nack, settings)
        else:
            self._audio = AudioAssembler(on_frame)

    @property
    def capacity(self) -> int:
        # Read by nothing in aiortc 1.16; kept so the tap looks like a JitterBuffer.
        return self._video.settings.capacity if self._video else 1

    @property
    def stats(self) -> AssemblyStats:
        assembler = self._video or self._audio
        assert assembler is not None
        return assembler.stats

    def add(self, packet: RtpPacket) -> tuple[bool, None]:
        """Called by ``RTCRtpReceiver._handle_rtp_packet`` for every media packet."""
        self.media_ssrc = packet.ssrc
        data: bytes = getattr(packet, "_data", b"")
        now = self._clock()
        if self._video is not None:
            start, keyframe = vp8_flags(packet.payload, data)
            self._video.push(
                packet.sequence_number,
                packet.timestamp,
                bool(packet.marker),
                start,
                keyframe,
                data,
                now,
            )
        elif self._audio is not None:
            level = packet.extensions.audio_level
            self._audio.push(
                packet.sequence_number,
                packet.timestamp,
                data,
                None if level is None else int(level[1]),
                now,
            )
        # Never hand a frame to aiortc's decoder, never ask aiortc to send a PLI itself.
        return False, None

    def request_keyframe(self) -> bool:
        """Send an RTCP PLI to the publisher; ``False`` if no media has arrived yet."""
        if self.media_ssrc is None:
            return False
        self._spawn(self.receiver._send_rtcp_pli(self.media_ssrc))
        return True

    def _send_nack(self, lost: list[int]) -> None:
        if self.media_ssrc is not None:
            self._spawn(self.receiver._send_rtcp_nack(self.media_ssrc, lost))

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def tap_receiver(
    receiver: RTCRtpReceiver,
    on_frame: Callable[[EncodedFrame], None],
    on_keyframe_needed: Callable[[], None],
    *,
    settings: AssemblySettings | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> ReceiveTap:
    """Make ``receiver`` hand over encoded frames instead of decoding them.

    Call it before media flows (right after ``setRemoteDescription`` of the publisher's offer).
    The receiver's ``track`` still ends when the receiver stops or the publisher says BYE.
    """
    check_aiortc()
    route_retransmissions()
    kind = receiver.track.kind if receiver.track is not None else None
    if kind not in ("audio", "video"):
        raise ValueError("the receiver has no audio or video track yet")
    tap = ReceiveTap(receiver, kind, on_frame, on_keyframe_needed, settings, clock)
    receiver._RTCRtpReceiver__jitter_buffer = tap  # type: ignore[attr-defined]
    receive_rtp_at_once(receiver.transport)
    estimator = receiver._RTCRtpReceiver__remote_bitrate_estimator  # type: ignore[attr-defined]
    if estimator is not None:
        receiver._RTCRtpReceiver__remote_bitrate_estimator = ThrottledEstimator(estimator)  # type: ignore[attr-defined]
    return tap


REMB_MIN_INTERVAL_MS = 500
"""At most two REMB reports a second per receiver (aiortc's own interval is 0.2-1 s)."""
GROUP_TICKS = 1311
"""5 ms in abs-send-time units (24 bits, 18 of them fractions of a second): the burst length
within which aiortc's ``InterArrival``, like WebRTC's, counts packets as one group."""


class ThrottledEstimator:
    """A receiver's ``RemoteBitrateEstimator``, fed once per packet group, whose REMB reports
    come at most every :data:`REMB_MIN_INTERVAL_MS`.

    The estimator works on groups of packets sent within 5 ms of each other (a video frame's
    packets): the delay gradient between groups, from each group's last send time, last
    arrival and total size. aiortc feeds it every packet, which made it the largest part of
    the server's receive path; here a group's packets are summed and handed over as one when
    the next group begins, which gives the estimator the same group values. aiortc also sends
    a REMB whenever the estimator says so, which is on every packet while it judges the link
    overused (a busy server's own loop delays look like that); those are spaced out. The
    estimate itself is aiortc's.
    """

    def __init__(
        self, estimator: RemoteBitrateEstimator, min_interval_ms: int = REMB_MIN_INTERVAL_MS
    ) -> None:
        self.estimator = estimator
        self.min_interval_ms = min_interval_ms
        self.suppressed = 0
        self.groups = 0
        self._last_ms: int | None = None
        self._group_start = 0
        self._pending: tuple[int, int, int, int] | None = None

    def add(
        self, arrival_time_ms: int, abs_send_time: int, payload_size: int, ssrc: int
    ) -> tuple[int, list[int]] | None:
        pending = self._pending
        if pending is not None and (abs_send_time - self._group_start) & 0xFFFFFF <= GROUP_TICKS:
            self._pending = (arrival_time_ms, abs_send_time, pending[2] + payload_size, ssrc)
            return None
        self._group_start = abs_send_time
        self._pending = (arrival_time_ms, abs_send_time, payload_size, ssrc)
        if pending is None:
            return None
        self.groups += 1
        remb = self.estimator.add(
            arrival_time_ms=pending[0],
            abs_send_time=pending[1],
            payload_size=pending[2],
            ssrc=pending[3],
        )
        if remb is None:
            return None
        if self._last_ms is not None and arrival_time_ms - self._last_ms < self.min_interval_ms:
            self.suppressed += 1
            return None
        self._last_ms = arrival_time_ms
        return remb


def send_pli(receiver: RTCRtpReceiver, media_ssrc: int) -> asyncio.Task[None]:
    """Send a PLI from any receiver (a subscriber asking the server for a keyframe)."""
    check_aiortc()
    return asyncio.get_running_loop().create_task(receiver._send_rtcp_pli(media_ssrc))


def remote_ssrcs(receiver: RTCRtpReceiver) -> list[int]:
    """The media SSRCs a receiver has heard from (public aiortc API, here for symmetry)."""
    return [source.source for source in receiver.getSynchronizationSources()]


# --- routing retransmissions -----------------------------------------------------------------

_original_register_rtp_receiver = RTCDtlsTransport._register_rtp_receiver


def _register_rtp_receiver(
    self: RTCDtlsTransport, receiver: RTCRtpReceiver, parameters: RTCRtpReceiveParameters
) -> None:
    _original_register_rtp_receiver(self, receiver, parameters)
    rtx = [e.rtx.ssrc for e in parameters.encodings if e.rtx is not None]
    if rtx:
        self._rtp_router.register_receiver(receiver, ssrcs=rtx, payload_types=[])


def route_retransmissions() -> None:
    """Route RTX packets by their SSRC (process-wide, idempotent); see the module's notes."""
    check_aiortc()
    RTCDtlsTransport._register_rtp_receiver = _register_rtp_receiver  # type: ignore[method-assign,assignment]


def routes_retransmissions() -> bool:
    return RTCDtlsTransport._register_rtp_receiver is _register_rtp_receiver


# --- RTP handled as it arrives, without the receive queue ------------------------------------


def receive_rtp_at_once(dtls: RTCDtlsTransport) -> None:
    """Handle each SRTP packet on ``dtls`` in the socket's own callback (idempotent).

    aioice puts every datagram in a queue that the DTLS transport's task reads: each packet
    wakes that task and resumes five nested coroutines before aiortc looks at it. Once DTLS is
    connected, an SRTP packet (not RTCP) goes straight to what ``RTCDtlsTransport._recv_next``
    does with it: count it, unprotect it and run ``_handle_rtp_data``, which completes without
    waiting (the tap and the RTCP it may send do not wait). Should it wait after all, a task
    carries it on. DTLS, RTCP, anything before the handshake and anything while the queue
    still holds datagrams take the queue, so packets are unprotected in the order they came.
    """
    check_aiortc()
    connection = dtls.transport._connection
    if getattr(connection, "_rtp_at_once", False):
        return
    queue = connection.data_received
    pending = connection._queue
    counters = dtls  # the transport's own statistics (bytesReceived, packetsReceived)

    def data_received(data: bytes, component: int) -> None:
        srtp = dtls._rx_srtp
        if (
            srtp is None
            or len(data) < 12
            or not 127 < data[0] < 192
            or 192 <= data[1] <= 208  # RTCP: the queue, as before
            or dtls._state is not DtlsState.CONNECTED
            or pending.qsize()  # keep the order: SRTP's replay window drops stragglers
        ):
            queue(data, component)
            return
        counters._RTCDtlsTransport__rx_bytes += len(data)  # type: ignore[attr-defined]
        counters._RTCDtlsTransport__rx_packets += 1  # type: ignore[attr-defined]
        arrival_time_ms = current_ms()
        try:
            plain = srtp.unprotect(data)
        except pylibsrtp.Error:
            return  # what aiortc does: a packet that does not authenticate is dropped
        run_now(dtls._handle_rtp_data(plain, arrival_time_ms=arrival_time_ms))

    connection.data_received = data_received  # type: ignore[method-assign]
    connection._rtp_at_once = True  # type: ignore[attr-defined]


def run_now(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run ``coroutine`` here; if it waits, a task carries it on from where it waits."""
    try:
        waiting_on = coroutine.send(None)
    except StopIteration:
        return
    except Exception:
        log.exception("handling an RTP packet failed")
        return
    task = asyncio.get_running_loop().create_task(_carry_on(coroutine, waiting_on))
    _carried.add(task)
    task.add_done_callback(_carried.discard)


_carried: set[asyncio.Task[None]] = set()


async def _carry_on(coroutine: Coroutine[Any, Any, None], waiting_on: Any) -> None:
    try:
        await _Resumed(coroutine, waiting_on)
    except Exception:
        log.exception("handling an RTP packet failed")


class _Resumed:
    """Awaitable that hands a started coroutine's pending wait to the awaiting task."""

    def __init__(self, coroutine: Coroutine[Any, Any, None], waiting_on: Any) -> None:
        self.coroutine = coroutine
        self.waiting_on = waiting_on

    def __await__(self) -> Generator[Any, Any, None]:
        value = self.waiting_on
        while True:
            try:
                sent = yield value
            except GeneratorExit:
                self.coroutine.close()
                raise
            except BaseException as exc:  # thrown in by the task (cancellation): pass it on
                try:
                    value = self.coroutine.throw(exc)
                except StopIteration:
                    return
            else:
                try:
                    value = self.coroutine.send(sent)
                except StopIteration:
                    return
