"""Which aiortc and aioice the hooks were written for, and the check that they still fit.

Each entry of ``_SOURCE_CHECKS`` names a private part a hook relies on and a fragment of its
source; :func:`check_aiortc` compares versions and sources once per process and every hook
calls it first.
"""

from __future__ import annotations

import inspect

import aioice
import aioice.ice
import aioice.turn
import aiortc
from aiortc import RTCDtlsTransport, RTCIceTransport, RTCRtpReceiver, RTCRtpSender
from aiortc.codecs.vpx import Vp8Encoder
from aiortc.rate import RateCounter, RemoteBitrateEstimator
from aiortc.rtcdtlstransport import RtpRouter

from media.exceptions import AiortcIncompatibleError

AIORTC_VERSION = "1.16.0"
AIOICE_VERSIONS = ("0.13.",)

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
    # RtpStream: the sender's tasks it replaces, and what it reads to send in their place.
    (RTCRtpSender, "send", "self.__rtp_task = asyncio.ensure_future(self._run_rtp("),
    (RTCRtpSender, "send", "self.__rtcp_task = asyncio.ensure_future(self._run_rtcp())"),
    (RTCRtpSender, "stop", "self.__rtp_exited.wait(), self.__rtcp_exited.wait()"),
    (RTCRtpSender, "_handle_rtcp_packet", "await self._retransmit(seq)"),
    (RTCRtpSender, "_handle_rtcp_packet", "if self.__lsr == report.lsr and report.dlsr:"),
    (RTCRtpSender, "_retransmit", "sequence_number=self.__rtx_sequence_number,"),
    (RTCRtpSender, "_run_rtp", "packet.extensions.abs_send_time = ("),
    (RTCRtpSender, "_run_rtcp", "ntp_timestamp=self.__ntp_timestamp,"),
    (RTCRtpSender, "getStats", "packetsSent=self.__packet_count,"),
    (RTCDtlsTransport, "_send_rtp", "data = self._tx_srtp.protect(data)"),
    (RTCIceTransport, "__init__", "self._send = self._connection.send"),
    (aioice.ice.Connection, "sendto", "active_pair = self._nominated.get(component)"),
    (aioice.ice.StunProtocol, "send_data", "self.transport.sendto(data, addr)"),
    (Vp8Encoder, "_packetize", "PACKET_MAX - len(descr_bytes)"),
    # receive_rtp_at_once: what _recv_next does with an SRTP packet, done in its place.
    (aioice.ice.Connection, "data_received", "self._queue.put_nowait((data, component))"),
    (aioice.ice.StunProtocol, "datagram_received", "self.receiver.data_received(data"),
    (RTCDtlsTransport, "_recv_next", "data = self._rx_srtp.unprotect(data)"),
    (RTCDtlsTransport, "_recv_next", "await self._handle_rtp_data(data, arrival_time_ms="),
    (RTCDtlsTransport, "_recv_next", "self.__rx_bytes += len(data)"),
    # ThrottledEstimator
    (RTCRtpReceiver, "_handle_rtp_packet", "remb = self.__remote_bitrate_estimator.add("),
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
            "media/aiortc_hooks does not fit the installed aiortc: " + "; ".join(problems)
        )
    _checked = True
