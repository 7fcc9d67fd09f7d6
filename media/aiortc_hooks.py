"""Every place where the project reaches into aiortc's or aioice's private parts.

aiortc is pinned (``aiortc==1.16.0``, which pulls ``aioice 0.13``); its private parts change
between releases, so each hook below names what it relies on and :func:`check_aiortc` checks
all of it, by version and by looking at the source. ``tests/media/test_aiortc_hooks.py`` runs
the check and exercises each hook with real peers, so an upgrade that breaks one fails loudly.

The hooks:

* :class:`PacketTrack` -- an outgoing track whose ``recv()`` returns ``av.Packet``. Relies on
  ``RTCRtpSender._next_encoded_frame`` calling ``encoder.pack(packet)`` instead of encoding
  when the track yields a packet (the sender then only re-packetises; no encoder is built).
* :func:`tap_receiver` -- the receiving side hands over encoded frames instead of decoding
  them. Relies on ``RTCRtpReceiver._RTCRtpReceiver__jitter_buffer`` being called as
  ``add(packet) -> (pli_flag, frame | None)`` from ``_handle_rtp_packet`` after aiortc has
  unwrapped RTX, sent its NACK and set ``packet._data`` to the depayloaded bytes. The tap takes
  that place, assembles frames itself (:mod:`media.frame_assembly`) and never returns one, so
  aiortc's decoder thread (``decoder_worker``) starts but stays idle, builds no decoder, and
  still ends the receiver's track when the receiver stops or an RTCP BYE arrives.
* :meth:`ReceiveTap.request_keyframe` / NACK re-sending -- ``RTCRtpReceiver._send_rtcp_pli``
  and ``RTCRtpReceiver._send_rtcp_nack``.
* :func:`on_keyframe_request` -- ``RTCRtpSender._handle_rtcp_packet`` turns a PLI or FIR into
  ``self._send_keyframe()``, which only sets a flag that the pre-encoded path never reads; the
  hook replaces that method on one sender instance with a typed callback.
* :func:`route_retransmissions` -- a fix: ``RTCDtlsTransport._register_rtp_receiver`` tells the
  ``RtpRouter`` a receiver's media SSRC but not its RTX SSRC, so RTX packets are routed by
  payload type alone, which fails as soon as one bundled connection carries two video tracks
  (they share the RTX payload type): every retransmission was silently dropped. The fix
  registers the RTX SSRCs too, process-wide.
* :func:`set_host_addresses` -- ``aioice.ice.get_host_addresses`` chooses which local addresses
  ICE gathers on and always leaves 127.0.0.1 out; the hook replaces it process-wide.
* :func:`compact_rate_counters` -- a fix for garbage-collection pauses: every video
  ``RTCRtpReceiver`` (also on a send-only transceiver, which never receives) builds a
  ``RemoteBitrateEstimator`` whose ``RateCounter(1000, 8000)`` keeps 1000 ``RateBucket``
  objects. An SFU has hundreds of video receivers, so these were half of the server's
  garbage-collected objects, and every full collection walked them all. The hook makes
  ``aiortc.rate.RateCounter`` a :class:`CompactRateCounter` (same arithmetic, the buckets in two
  lists of ints), process-wide.
* :func:`enlarge_receive_buffers` -- ``aioice.ice.Connection.get_component_candidates``
  sets each ICE socket's receive buffer to ``aioice.turn.UDP_SOCKET_BUFFER_SIZE`` (256 KiB,
  about half a second of one site's packets: a server whose loop stalls longer than that,
  with other work on the machine, loses packets from every site instead of delaying them);
  the hook sets that module value, process-wide.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections import deque
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import aioice
import aioice.ice
import aioice.turn
import aiortc
import aiortc.rate
import av
from aiortc import MediaStreamTrack, RTCDtlsTransport, RTCRtpReceiver, RTCRtpSender
from aiortc.mediastreams import MediaStreamError
from aiortc.rate import RateCounter, RemoteBitrateEstimator
from aiortc.rtcdtlstransport import RtpRouter
from aiortc.rtcrtpparameters import RTCRtpReceiveParameters
from aiortc.rtp import RtpPacket

from media.exceptions import AiortcIncompatibleError
from media.frame_assembly import (
    AssemblySettings,
    AssemblyStats,
    AudioAssembler,
    EncodedFrame,
    VideoAssembler,
    vp8_flags,
)

AIORTC_VERSION = "1.16.0"
AIOICE_VERSIONS = ("0.13.",)
VIDEO_TIME_BASE = Fraction(1, 90000)
AUDIO_TIME_BASE = Fraction(1, 48000)

# (object, attribute, fragment its source must contain): what the hooks rely on.
_SOURCE_CHECKS: tuple[tuple[object, str, str], ...] = (
    (RTCRtpReceiver, "__init__", "self.__jitter_buffer = JitterBuffer("),
    (RTCRtpReceiver, "_handle_rtp_packet", "packet._data = depayload(codec, packet.payload)"),
    (
        RTCRtpReceiver,
        "_handle_rtp_packet",
        "pli_flag, encoded_frame = self.__jitter_buffer.add(packet)",
    ),
    (RTCRtpReceiver, "_send_rtcp_pli", "RTCP_PSFB_PLI"),
    (RTCRtpReceiver, "_send_rtcp_nack", "RTCP_RTPFB_NACK"),
    (RTCRtpSender, "_handle_rtcp_packet", "self._send_keyframe()"),
    (RTCRtpSender, "_next_encoded_frame", "self.__encoder.pack(data)"),
    (aioice.ice.Connection, "gather_candidates", "addresses = get_host_addresses("),
    (RTCDtlsTransport, "_register_rtp_receiver", "ssrcs.add(encoding.ssrc)"),
    (RtpRouter, "route_rtp", "len(pt_receivers) == 1"),
    (RtpRouter, "register_receiver", "self.ssrc_table[ssrc] = receiver"),
    (RemoteBitrateEstimator, "__init__", "self.incoming_bitrate = RateCounter(1000, 8000)"),
    (RateCounter, "reset", "self._buckets = [RateBucket() for i in range(self._window_size)]"),
    (aioice.ice.Connection, "get_component_candidates", "turn.UDP_SOCKET_BUFFER_SIZE"),
)
_checked = False


def check_aiortc() -> None:
    """Raise :class:`AiortcIncompatibleError` unless every private part used here is present."""
    global _checked
    if _checked:
        return
    problems: list[str] = []
    if aiortc.__version__ != AIORTC_VERSION:
        problems.append(f"aiortc {aiortc.__version__} is installed, hooks need {AIORTC_VERSION}")
    if not aioice.__version__.startswith(AIOICE_VERSIONS):
        problems.append(f"aioice {aioice.__version__} is installed, the hooks need 0.13")
    for owner, name, fragment in _SOURCE_CHECKS:
        function = getattr(owner, name, None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            source = ""
        if fragment not in source:
            owner_name = getattr(owner, "__name__", repr(owner))
            problems.append(f"{owner_name}.{name} no longer does {fragment!r}")
    if not callable(getattr(aioice.ice, "get_host_addresses", None)):
        problems.append("aioice.ice.get_host_addresses is gone")
    if problems:
        raise AiortcIncompatibleError(
            "media/aiortc_hooks.py does not fit the installed aiortc: " + "; ".join(problems)
        )
    _checked = True


# --- sending pre-encoded frames -------------------------------------------------------------


class PacketTrack(MediaStreamTrack):
    """An outgoing track fed with encoded frames; ``RTCRtpSender`` only re-packetises them.

    The queue is bounded: :meth:`put` returns ``False`` when it is full, and the caller
    decides what to drop (see ``media.forwarding``).
    """

    def __init__(self, kind: str, *, maxsize: int) -> None:
        check_aiortc()
        super().__init__()
        if kind not in ("audio", "video"):
            raise ValueError(f"unknown track kind {kind!r}")
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.kind = kind
        self._time_base = VIDEO_TIME_BASE if kind == "video" else AUDIO_TIME_BASE
        self._maxsize = maxsize
        self._frames: deque[tuple[bytes, int, bool]] = deque()
        self._waiter: asyncio.Future[None] | None = None

    @property
    def queued(self) -> int:
        return len(self._frames)

    def put(self, data: bytes, pts: int, keyframe: bool) -> bool:
        """Queue one frame (``pts`` in the codec clock); ``False`` if the queue is full."""
        if self.readyState != "live" or len(self._frames) >= self._maxsize:
            return False
        self._frames.append((data, pts, keyframe))
        self._wake()
        return True

    def clear(self) -> int:
        """Drop every queued frame and say how many were dropped."""
        count = len(self._frames)
        self._frames.clear()
        return count

    async def recv(self) -> av.Packet:
        # Waits for as long as the track lives; stop() wakes it up to end the sender.
        while not self._frames:
            if self.readyState != "live":
                raise MediaStreamError
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        if self.readyState != "live":
            raise MediaStreamError
        data, pts, keyframe = self._frames.popleft()
        packet = av.Packet(data)
        packet.pts = pts
        packet.time_base = self._time_base
        packet.is_keyframe = keyframe
        return packet

    def stop(self) -> None:
        super().stop()
        self._frames.clear()
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)


# --- receiving encoded frames ---------------------------------------------------------------


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
    return tap


def send_pli(receiver: RTCRtpReceiver, media_ssrc: int) -> asyncio.Task[None]:
    """Send a PLI from any receiver (a subscriber asking the server for a keyframe)."""
    check_aiortc()
    return asyncio.get_running_loop().create_task(receiver._send_rtcp_pli(media_ssrc))


def remote_ssrcs(receiver: RTCRtpReceiver) -> list[int]:
    """The media SSRCs a receiver has heard from (public aiortc API, here for symmetry)."""
    return [source.source for source in receiver.getSynchronizationSources()]


# --- keyframe requests reaching a sender ----------------------------------------------------


def on_keyframe_request(
    sender: RTCRtpSender, callback: Callable[[], None], *, keep_default: bool = False
) -> None:
    """Call ``callback`` whenever the remote side sends a PLI or FIR for ``sender``'s stream.

    With ``keep_default`` aiortc's own behaviour (encode the next frame as a keyframe) is kept,
    which is what an encoding client wants; a sender of pre-encoded frames ignores it.
    """
    check_aiortc()
    default = sender._send_keyframe

    def send_keyframe() -> None:
        if keep_default:
            default()
        callback()

    sender._send_keyframe = send_keyframe  # type: ignore[method-assign]


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


# --- bitrate counters without a thousand objects each --------------------------------------


class CompactRateCounter:
    """``aiortc.rate.RateCounter`` with its 1 ms buckets held in two lists of ints.

    The arithmetic is aiortc 1.16's, step for step (``tests/media/test_aiortc_hooks.py``
    compares the two on random traffic); only the storage differs: ints are not tracked by
    the garbage collector, ``RateBucket`` objects are. A gap longer than the window clears the
    buckets at once instead of one millisecond at a time.
    """

    def __init__(self, window_size: int, scale: int = 8000) -> None:
        self._origin_index = 0
        self._origin_ms: int | None = None
        self._scale = scale
        self._window_size = window_size
        self.reset()

    def add(self, value: int, now_ms: int) -> None:
        if self._origin_ms is None:
            self._origin_ms = now_ms
        else:
            self._erase_old(now_ms)
        index = (self._origin_index + now_ms - self._origin_ms) % self._window_size
        self._counts[index] += 1
        self._values[index] += value
        self._total_count += 1
        self._total_value += value

    def rate(self, now_ms: int) -> int | None:
        if self._origin_ms is not None:
            self._erase_old(now_ms)
            active_window_size = now_ms - self._origin_ms + 1
            if self._total_count > 0 and active_window_size > 1:
                return round(self._scale * self._total_value / active_window_size)
        return None

    def reset(self) -> None:
        self._counts = [0] * self._window_size
        self._values = [0] * self._window_size
        self._origin_index = 0
        self._origin_ms = None
        self._total_count = 0
        self._total_value = 0

    def _erase_old(self, now_ms: int) -> None:
        assert self._origin_ms is not None
        new_origin_ms = now_ms - self._window_size + 1
        steps = new_origin_ms - self._origin_ms
        if steps <= 0:
            return
        if steps >= self._window_size:
            # Every bucket falls out of the window: what aiortc's loop ends with.
            self._counts = [0] * self._window_size
            self._values = [0] * self._window_size
            self._total_count = self._total_value = 0
            self._origin_index = (self._origin_index + steps) % self._window_size
        else:
            for _ in range(steps):
                index = self._origin_index
                self._total_count -= self._counts[index]
                self._total_value -= self._values[index]
                self._counts[index] = 0
                self._values[index] = 0
                self._origin_index = (index + 1) % self._window_size
        self._origin_ms = new_origin_ms


def compact_rate_counters() -> None:
    """Make every ``RemoteBitrateEstimator`` built from now on use :class:`CompactRateCounter`
    (process-wide, idempotent); see the module's notes."""
    check_aiortc()
    aiortc.rate.RateCounter = CompactRateCounter  # type: ignore[misc,assignment]


def compacts_rate_counters() -> bool:
    return aiortc.rate.RateCounter is CompactRateCounter


# --- the ICE sockets' receive buffers -------------------------------------------------------

_AIOICE_RECEIVE_BUFFER = aioice.turn.UDP_SOCKET_BUFFER_SIZE


def enlarge_receive_buffers(size: int | None) -> None:
    """Every ICE socket opened from now on asks for ``size`` bytes of receive buffer (the
    kernel caps it at ``net.core.rmem_max``); ``None`` restores aioice's own size."""
    check_aiortc()
    aioice.turn.UDP_SOCKET_BUFFER_SIZE = _AIOICE_RECEIVE_BUFFER if size is None else size


def receive_buffer() -> int | None:
    """The size asked for by :func:`enlarge_receive_buffers`, or None for aioice's own."""
    size = int(aioice.turn.UDP_SOCKET_BUFFER_SIZE)
    return None if size == _AIOICE_RECEIVE_BUFFER else size


# --- which addresses ICE gathers on ---------------------------------------------------------

_original_get_host_addresses = aioice.ice.get_host_addresses


def set_host_addresses(addresses: Iterable[str] | None) -> None:
    """Gather host candidates on exactly ``addresses`` (process-wide); ``None`` restores aioice.

    aioice always leaves 127.0.0.1 out of what it gathers, and gathers on every other address
    of the machine; a server names its addresses, and tests name 127.0.0.1 alone.
    """
    check_aiortc()
    if addresses is None:
        aioice.ice.get_host_addresses = _original_get_host_addresses
        return
    chosen = tuple(addresses)
    if not chosen:
        raise ValueError("give at least one address, or None for aioice's own choice")

    def get_host_addresses(use_ipv4: bool, use_ipv6: bool) -> list[str]:
        return [a for a in chosen if (":" in a and use_ipv6) or (":" not in a and use_ipv4)]

    aioice.ice.get_host_addresses = get_host_addresses


def host_addresses() -> tuple[str, ...] | None:
    """The addresses set by :func:`set_host_addresses`, or ``None`` when aioice chooses."""
    current = aioice.ice.get_host_addresses
    if current is _original_get_host_addresses:
        return None
    return tuple(current(True, True))
