"""The sending side: pre-encoded frames out of a sender, keyframe requests reaching it."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import weakref
from collections import deque
from collections.abc import Callable
from fractions import Fraction
from struct import pack_into
from typing import Any, ClassVar

import av
from aiortc import MediaStreamTrack, RTCDtlsTransport, RTCRtpSender
from aiortc.codecs.vpx import PACKET_MAX
from aiortc.mediastreams import MediaStreamError
from aiortc.rtcdtlstransport import State as DtlsState
from aiortc.rtcrtpparameters import RTCRtpCodecParameters
from aiortc.rtp import (
    RTP_HISTORY_SIZE,
    HeaderExtensionsMap,
    RtcpByePacket,
    RtcpSdesPacket,
    RtcpSenderInfo,
    RtcpSourceInfo,
    RtcpSrPacket,
    RtpPacket,
    wrap_rtx,
)
from aiortc.utils import random16, random32, uint16_add

from media.aiortc_hooks.compat import check_aiortc
from media.exceptions import AiortcIncompatibleError

VIDEO_TIME_BASE = Fraction(1, 90000)
AUDIO_TIME_BASE = Fraction(1, 48000)


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


# --- sending forwarded frames straight from the forwarder -----------------------------------

VP8 = "video/vp8"
OPUS = "audio/opus"
VP8_PAYLOAD_MAX = PACKET_MAX - 4
"""aiortc's VP8 packets: at most 1300 bytes of payload, 4 of them the descriptor."""
SEND_BUFFER_LIMIT = 256 * 1024
"""Bytes a socket may hold unsent before a stream counts as not keeping up."""
HISTORY_MASK = RTP_HISTORY_SIZE - 1
"""Packets kept for NACKs, as many as aiortc keeps (a power of two)."""
REPORT_GROUP = 12
"""Sender reports per RTCP datagram: 12 SRs and their SDES chunks stay under 1,200 bytes."""


NTP_OFFSET = 2208988800
"""Seconds from the NTP epoch (1900) to the Unix epoch."""


def ntp_now() -> int:
    """The wall clock as a 64-bit NTP timestamp, as ``aiortc.clock.current_ntp_time`` gives
    it but without building a datetime (sub-microsecond precision is lost; RTCP does not use
    it)."""
    return int((time.time() + NTP_OFFSET) * 4294967296)


class RtpStream:
    """One outgoing stream of an ``RTCRtpSender``, sent by the caller's own call instead of the
    sender's task.

    aiortc's sender pulls each frame from its track in a task of its own, re-packetises it,
    builds an ``RtpPacket`` per packet and awaits three coroutines per packet on its way to the
    socket; it also sends a sender report per stream each second. For an SFU that forwards
    one frame to many subscribers that is most of its work. The stream takes the sender's
    place (``_run_rtp``, ``_run_rtcp`` and ``_retransmit`` on this sender instance): a frame is
    cut into packets from a header template (sequence number, timestamp, marker and
    abs-send-time patched in), protected and handed to the ICE pair's socket at once; the sent
    packets are kept for NACKs (RTX as aiortc does it); and one :class:`RtcpReports` per
    connection sends every active stream's sender report in a few compound datagrams.
    Nothing the remote side sees differs from aiortc's own sender: same codecs, header
    extensions, VP8 payload descriptor (a 15-bit picture ID), RTX, sender reports and BYE.
    """

    def __init__(self, sender: RTCRtpSender, *, on_ready: Callable[[], None] | None = None):
        check_aiortc()
        self.sender = sender
        self.ready = False
        self.packets = 0
        self.octets = 0
        self.last_rtp_timestamp = 0
        self.last_ntp_time = 0
        self.last_sent = 0.0
        self._on_ready = on_ready
        self._vp8 = False
        self._payload_type = 0
        self._sequence = random16()
        self._timestamp_origin = random32()
        self._picture_id = random16() & 0x7FFF
        self._header = bytearray()
        self._abs_send_time_at: int | None = None
        self._history: dict[int, bytes] = {}
        self._extensions_map: HeaderExtensionsMap | None = None
        self._dtls: Any = None
        self._protect: Callable[[bytes], bytes] = bytes
        self._nominated: dict[int, Any] = {}
        self._pair: Any = None
        self._route: tuple[Any, tuple[str, int]] | None = None
        sender._run_rtp = self._run_rtp  # type: ignore[method-assign]
        sender._run_rtcp = self._run_rtcp  # type: ignore[method-assign]
        sender._retransmit = self._retransmit  # type: ignore[method-assign]

    def send(self, data: bytes, timestamp: int) -> bool:
        """Send one encoded frame (``timestamp`` in the codec's clock, from 0); ``False`` if
        it could not go: not connected yet, or the socket is not keeping up."""
        if not self.ready or not data:
            return False
        dtls = self._dtls
        if dtls._state is not DtlsState.CONNECTED:
            return False
        pair = self._nominated.get(1)
        if pair is not self._pair:  # the first packet, or ICE nominated another pair
            self._pair = pair
            self._route = None if pair is None else (pair.protocol.transport, pair.remote_addr)
        if self._route is None:
            return False
        udp, address = self._route
        if udp.get_write_buffer_size() > SEND_BUFFER_LIMIT:
            return False
        protect = self._protect
        header = self._header
        rtp_timestamp = (self._timestamp_origin + timestamp) & 0xFFFFFFFF
        pack_into("!I", header, 4, rtp_timestamp)
        ntp = ntp_now()
        if self._abs_send_time_at is not None:
            at = self._abs_send_time_at
            header[at : at + 3] = ((ntp >> 14) & 0xFFFFFF).to_bytes(3, "big")
        if self._vp8:
            picture_id = self._picture_id
            self._picture_id = (picture_id + 1) & 0x7FFF
            tail = bytes((0x80 | (picture_id >> 8), picture_id & 0xFF))
            prefixes = (b"\x90\x80" + tail, b"\x80\x80" + tail)
            step = VP8_PAYLOAD_MAX
            chunks = [data[at : at + step] for at in range(0, len(data), step)]
        else:
            prefixes = (b"", b"")
            chunks = [data]
        last = len(chunks) - 1
        sequence = self._sequence
        history = self._history
        sent = 0
        for index, chunk in enumerate(chunks):
            header[1] = self._payload_type | (0x80 if index == last else 0)
            header[2] = sequence >> 8
            header[3] = sequence & 0xFF
            packet = b"".join((header, prefixes[index != 0], chunk))
            history[sequence & HISTORY_MASK] = packet
            protected = protect(packet)
            udp.sendto(protected, address)
            sent += len(protected)
            sequence = (sequence + 1) & 0xFFFF
        self._sequence = sequence
        self.packets += len(chunks)
        self.octets += len(data) + (4 * len(chunks) if self._vp8 else 0)
        self.last_rtp_timestamp = rtp_timestamp
        self.last_ntp_time = ntp
        self.last_sent = time.monotonic()
        dtls._RTCDtlsTransport__tx_bytes += sent
        dtls._RTCDtlsTransport__tx_packets += len(chunks)
        return True

    # -- the sender's own tasks, replaced ------------------------------------------------------

    async def _run_rtp(self, codec: RTCRtpCodecParameters) -> None:
        sender = self.sender
        sender._RTCRtpSender__rtp_started.set()  # type: ignore[attr-defined]
        try:
            if self._start(codec):
                self.ready = True
                if self._on_ready is not None:
                    self._on_ready()
            with contextlib.suppress(asyncio.CancelledError):  # the sender's stop() cancels
                await asyncio.get_running_loop().create_future()
        finally:
            self.ready = False
            sender._RTCRtpSender__rtp_exited.set()  # type: ignore[attr-defined]

    def _start(self, codec: RTCRtpCodecParameters) -> bool:
        mime = codec.mimeType.lower()
        if mime not in (VP8, OPUS) or codec.payloadType is None:
            return False  # the forwarder forces VP8 and Opus; anything else is not sent
        sender = self.sender
        self._vp8 = mime == VP8
        self._payload_type = codec.payloadType
        self._extensions_map = sender._RTCRtpSender__rtp_header_extensions_map  # type: ignore[attr-defined]
        template = RtpPacket(payload_type=codec.payloadType, ssrc=sender._ssrc)
        template.extensions.mid = sender._RTCRtpSender__mid  # type: ignore[attr-defined]
        template.extensions.abs_send_time = 0
        zeros = template.serialize(self._extensions_map)
        template.extensions.abs_send_time = 0xFFFFFF
        ones = template.serialize(self._extensions_map)
        differing = [i for i, (a, b) in enumerate(zip(zeros, ones, strict=True)) if a != b]
        if differing:
            at = differing[0]
            if differing != [at, at + 1, at + 2]:
                raise AiortcIncompatibleError("abs-send-time is not where RFC 5285 puts it")
            self._abs_send_time_at = at
        self._header = bytearray(zeros)
        # What every send needs, fixed once the sender has started (its DTLS is connected).
        self._dtls = sender.transport
        self._protect = self._dtls._tx_srtp.protect
        self._nominated = self._dtls.transport._connection._nominated
        return True

    async def _run_rtcp(self) -> None:
        sender = self.sender
        sender._RTCRtpSender__rtcp_started.set()  # type: ignore[attr-defined]
        reports = RtcpReports.of(sender.transport)
        reports.add(self)
        try:
            with contextlib.suppress(asyncio.CancelledError):  # the sender's stop() cancels
                await asyncio.get_running_loop().create_future()
        finally:
            reports.discard(self)
            bye = bytes(RtcpByePacket(sources=[sender._ssrc]))
            with contextlib.suppress(ConnectionError):
                await sender.transport._send_rtp(bye)
            sender._RTCRtpSender__rtcp_exited.set()  # type: ignore[attr-defined]

    async def _retransmit(self, sequence_number: int) -> None:
        packet_bytes = self._history.get(sequence_number & HISTORY_MASK)
        if packet_bytes is None or self._extensions_map is None:
            return
        if int.from_bytes(packet_bytes[2:4], "big") != sequence_number:
            return
        sender = self.sender
        rtx_payload_type = sender._RTCRtpSender__rtx_payload_type  # type: ignore[attr-defined]
        if rtx_payload_type is not None:
            packet = RtpPacket.parse(packet_bytes, self._extensions_map)
            rtx_sequence = sender._RTCRtpSender__rtx_sequence_number  # type: ignore[attr-defined]
            packet = wrap_rtx(
                packet,
                payload_type=rtx_payload_type,
                sequence_number=rtx_sequence,
                ssrc=sender._rtx_ssrc,
            )
            sender._RTCRtpSender__rtx_sequence_number = uint16_add(rtx_sequence, 1)  # type: ignore[attr-defined]
            packet_bytes = packet.serialize(self._extensions_map)
        with contextlib.suppress(ConnectionError):
            await sender.transport._send_rtp(packet_bytes)

    def sender_report(self) -> bytes:
        """This stream's RTCP SR, and the sender's counters brought up to date for its stats
        and for the round-trip time it works out from the receiver's reports."""
        sender = self.sender
        sender._RTCRtpSender__ntp_timestamp = self.last_ntp_time  # type: ignore[attr-defined]
        sender._RTCRtpSender__rtp_timestamp = self.last_rtp_timestamp  # type: ignore[attr-defined]
        sender._RTCRtpSender__packet_count = self.packets  # type: ignore[attr-defined]
        sender._RTCRtpSender__octet_count = self.octets  # type: ignore[attr-defined]
        sender._RTCRtpSender__lsr = (self.last_ntp_time >> 16) & 0xFFFFFFFF  # type: ignore[attr-defined]
        sender._RTCRtpSender__lsr_time = time.time()  # type: ignore[attr-defined]
        return bytes(
            RtcpSrPacket(
                ssrc=sender._ssrc,
                sender_info=RtcpSenderInfo(
                    ntp_timestamp=self.last_ntp_time,
                    rtp_timestamp=self.last_rtp_timestamp,
                    packet_count=self.packets & 0xFFFFFFFF,
                    octet_count=self.octets & 0xFFFFFFFF,
                ),
            )
        )

    def source_description(self) -> RtcpSourceInfo | None:
        cname = self.sender._RTCRtpSender__cname  # type: ignore[attr-defined]
        if cname is None:
            return None
        return RtcpSourceInfo(ssrc=self.sender._ssrc, items=[(1, cname.encode("utf8"))])


class RtcpReports:
    """The sender reports of every :class:`RtpStream` on one DTLS transport (one connection):
    once every 0.5-1.5 s, as aiortc's sender does, but only for streams that sent in the last
    two intervals (RFC 3550 counts a source as a sender for that long), and a dozen to a
    compound datagram (SR, SR, ..., SDES) instead of one datagram per stream."""

    _by_transport: ClassVar[weakref.WeakKeyDictionary[RTCDtlsTransport, RtcpReports]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, transport: RTCDtlsTransport) -> None:
        # Weakly: the transport is this object's key in _by_transport.
        self._transport = weakref.ref(transport)
        self.streams: set[RtpStream] = set()
        self.datagrams = 0
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def of(cls, transport: RTCDtlsTransport) -> RtcpReports:
        reports = cls._by_transport.get(transport)
        if reports is None:
            reports = cls._by_transport[transport] = cls(transport)
        return reports

    def add(self, stream: RtpStream) -> None:
        self.streams.add(stream)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    def discard(self, stream: RtpStream) -> None:
        self.streams.discard(stream)
        if not self.streams and self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            while self.streams:
                await asyncio.sleep(0.5 + random.random())
                await self.send_now()

    async def send_now(self) -> None:
        """Send the reports of the streams that sent lately."""
        recent = time.monotonic() - 3.0
        active = sorted(
            (s for s in self.streams if s.packets and s.last_sent >= recent),
            key=lambda s: s.sender._ssrc,
        )
        for start in range(0, len(active), REPORT_GROUP):
            group = active[start : start + REPORT_GROUP]
            chunks = [c for c in (s.source_description() for s in group) if c is not None]
            payload = b"".join(s.sender_report() for s in group)
            if chunks:
                payload += bytes(RtcpSdesPacket(chunks=chunks))
            transport = self._transport()
            if transport is None:
                return
            try:
                await transport._send_rtp(payload)
            except ConnectionError:
                return
            self.datagrams += 1
