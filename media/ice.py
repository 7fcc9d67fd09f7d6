"""Which addresses ICE uses, which servers it asks, and which codecs every leg speaks.

Nothing here contacts a STUN or TURN server unless the configuration names one: aiortc's
default is a public Google STUN server, so ``iceServers`` is always given, empty by default.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from aiortc import (
    RTCBundlePolicy,
    RTCConfiguration,
    RTCIceServer,
    RTCRtpReceiver,
    RTCRtpTransceiver,
)

from media import aiortc_hooks

# The codecs forwarded unchanged on every leg, publisher to server to subscriber.
VIDEO_CODEC = "video/vp8"
AUDIO_CODEC = "audio/opus"
_RTX = "video/rtx"


@dataclass(frozen=True, slots=True)
class IceServer:
    """One STUN or TURN server, as configured."""

    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = None

    def __post_init__(self) -> None:
        if not self.urls:
            raise ValueError("an ICE server needs at least one URL")
        for url in self.urls:
            if not url.startswith(("stun:", "stuns:", "turn:", "turns:")):
                raise ValueError(f"not a STUN or TURN URL: {url!r}")


@dataclass(frozen=True, slots=True)
class IceSettings:
    """ICE configuration of one process (server, client, test or bench).

    ``addresses``: the local addresses to gather host candidates on; empty leaves the choice
    to aioice (every address but loopback). ``public_address``: the address to advertise
    instead of the first of ``addresses`` when the server sits behind a 1:1 NAT.
    """

    addresses: tuple[str, ...] = ()
    ice_servers: tuple[IceServer, ...] = ()
    public_address: str | None = None

    def __post_init__(self) -> None:
        for address in (*self.addresses, *filter(None, [self.public_address])):
            try:
                ipaddress.ip_address(address)
            except ValueError:
                raise ValueError(f"not an IP address: {address!r}") from None
        if self.public_address is not None and not self.addresses:
            raise ValueError("a public address needs the local address it stands for")


LOOPBACK = IceSettings(addresses=("127.0.0.1",))
"""Tests, benches and the demo: gather on 127.0.0.1 only, no STUN, no TURN."""


def rtc_configuration(settings: IceSettings) -> RTCConfiguration:
    """``RTCConfiguration`` with the configured ICE servers (none by default) and max-bundle.

    Max-bundle matters: with aiortc's default policy only the first video of a connection
    flows (aiortc issue 1414). Building the configuration also makes aiortc route
    retransmissions by SSRC (:func:`media.aiortc_hooks.route_retransmissions`), without which
    NACK recovery fails on any connection carrying two videos, and keeps video receivers'
    bitrate counters out of the garbage collector's way
    (:func:`media.aiortc_hooks.compact_rate_counters`).
    """
    aiortc_hooks.route_retransmissions()
    aiortc_hooks.compact_rate_counters()
    return RTCConfiguration(
        iceServers=[
            RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
            for s in settings.ice_servers
        ],
        bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
    )


def apply_host_addresses(settings: IceSettings) -> None:
    """Make every peer connection of this process gather on ``settings.addresses`` only."""
    aiortc_hooks.set_host_addresses(settings.addresses or None)


_CANDIDATE = re.compile(r"^(a=candidate:\S+ \d+ \S+ \d+ )(\S+)( \d+ typ host.*)$", re.MULTILINE)


def advertise_public_address(sdp: str, settings: IceSettings) -> str:
    """Rewrite host candidates on the NATed local address to the public one (1:1 NAT)."""
    if settings.public_address is None:
        return sdp
    local = settings.addresses[0]
    public = settings.public_address

    def replace(match: re.Match[str]) -> str:
        if match.group(2) != local:
            return match.group(0)
        return f"{match.group(1)}{public}{match.group(3)}"

    return _CANDIDATE.sub(replace, sdp).replace(f"c=IN IP4 {local}", f"c=IN IP4 {public}")


def force_codecs(transceiver: RTCRtpTransceiver) -> None:
    """Offer or accept only VP8 (with RTX for retransmissions) or only Opus.

    Frames are forwarded as they are, so every leg must carry the same codec.
    """
    kind = transceiver.kind
    capabilities = RTCRtpReceiver.getCapabilities(kind)
    if capabilities is None:
        raise ValueError(f"no codecs for {kind!r}")
    wanted = (VIDEO_CODEC, _RTX) if kind == "video" else (AUDIO_CODEC,)
    chosen = [c for c in capabilities.codecs if c.mimeType.lower() in wanted]
    if not any(c.mimeType.lower() == wanted[0] for c in chosen):
        raise ValueError(f"aiortc offers no {wanted[0]}")
    transceiver.setCodecPreferences(chosen)


__all__ = [
    "AUDIO_CODEC",
    "LOOPBACK",
    "VIDEO_CODEC",
    "IceServer",
    "IceSettings",
    "advertise_public_address",
    "apply_host_addresses",
    "force_codecs",
    "rtc_configuration",
]
