"""Every place where the project reaches into aiortc's or aioice's private parts.

aiortc is pinned (``aiortc==1.16.0``, which pulls ``aioice 0.13``); its private parts change
between releases, so each hook below names what it relies on and :func:`check_aiortc` checks
all of it, by version and by looking at the source (``compat.py``). ``tests/media/
test_aiortc_hooks.py`` and ``tests/media/test_rtp_stream.py`` run the check and exercise each
hook with real peers, so an upgrade that breaks one fails loudly. The hooks live in
``sending.py``, ``receiving.py`` and ``process.py`` (process-wide settings); this package
is the one place that reaches into aiortc.

The hooks:

* :class:`PacketTrack` -- an outgoing track whose ``recv()`` returns ``av.Packet``. Relies on
  ``RTCRtpSender._next_encoded_frame`` calling ``encoder.pack(packet)`` instead of encoding
  when the track yields a packet (the sender then only re-packetises; no encoder is built).
* :class:`RtpStream` -- the SFU's sending path. It replaces ``_run_rtp``, ``_run_rtcp`` and
  ``_retransmit`` on one ``RTCRtpSender`` instance: the forwarder hands each frame to it and
  it packetises (aiortc's VP8 descriptor with a 15-bit picture ID), protects with
  ``RTCDtlsTransport._tx_srtp`` and writes to the nominated ICE pair's socket
  (``aioice.ice.Connection._nominated``) at once, keeping the sent packets for NACKs (RTX as
  aiortc builds it) and the sender's counters for its stats and round-trip time. One
  :class:`RtcpReports` per connection sends the sender reports of the streams that sent
  lately, a dozen to a datagram, instead of one datagram per sender and second.
* :func:`tap_receiver` -- the receiving side hands over encoded frames instead of decoding
  them. Relies on ``RTCRtpReceiver._RTCRtpReceiver__jitter_buffer`` being called as
  ``add(packet) -> (pli_flag, frame | None)`` from ``_handle_rtp_packet`` after aiortc has
  unwrapped RTX, sent its NACK and set ``packet._data`` to the depayloaded bytes. The tap takes
  that place, assembles frames itself (:mod:`media.frame_assembly`) and never returns one, so
  aiortc's decoder thread (``decoder_worker``) starts but stays idle, builds no decoder, and
  still ends the receiver's track when the receiver stops or an RTCP BYE arrives. The tap
  also spaces the receiver's REMB reports (:class:`ThrottledEstimator`): aiortc sends one per
  packet while its estimator judges the link overused.
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

from media.aiortc_hooks.compat import AIOICE_VERSIONS, AIORTC_VERSION, check_aiortc
from media.aiortc_hooks.process import (
    CompactRateCounter,
    compact_rate_counters,
    compacts_rate_counters,
    enlarge_receive_buffers,
    host_addresses,
    receive_buffer,
    set_host_addresses,
)
from media.aiortc_hooks.receiving import (
    ReceiveTap,
    ThrottledEstimator,
    remote_ssrcs,
    route_retransmissions,
    routes_retransmissions,
    send_pli,
    tap_receiver,
)
from media.aiortc_hooks.sending import (
    PacketTrack,
    RtcpReports,
    RtpStream,
    on_keyframe_request,
)

__all__ = [
    "AIOICE_VERSIONS",
    "AIORTC_VERSION",
    "CompactRateCounter",
    "PacketTrack",
    "ReceiveTap",
    "RtcpReports",
    "RtpStream",
    "ThrottledEstimator",
    "check_aiortc",
    "compact_rate_counters",
    "compacts_rate_counters",
    "enlarge_receive_buffers",
    "host_addresses",
    "on_keyframe_request",
    "receive_buffer",
    "remote_ssrcs",
    "route_retransmissions",
    "routes_retransmissions",
    "send_pli",
    "set_host_addresses",
    "tap_receiver",
]
