import pytest
from aiortc import RTCBundlePolicy
from sfu_peers import negotiate, new_pc

from media.ice import (
    LOOPBACK,
    IceServer,
    IceSettings,
    advertise_public_address,
    force_codecs,
    rtc_configuration,
)


def test_no_ice_server_unless_configured() -> None:
    configuration = rtc_configuration(IceSettings())
    assert configuration.iceServers == []  # aiortc's default would be a public STUN server
    assert configuration.bundlePolicy is RTCBundlePolicy.MAX_BUNDLE
    turn = IceServer(urls=("turn:10.0.0.1:3478",), username="u", credential="p")
    configured = rtc_configuration(IceSettings(ice_servers=(turn,)))
    assert [s.urls for s in configured.iceServers or []] == [["turn:10.0.0.1:3478"]]


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        IceSettings(addresses=("not-an-address",))
    with pytest.raises(ValueError):
        IceSettings(public_address="203.0.113.5")
    with pytest.raises(ValueError):
        IceServer(urls=("http://example.invalid",))


async def test_only_vp8_and_opus_are_negotiated() -> None:
    offerer, answerer = new_pc(), new_pc()
    force_codecs(offerer.addTransceiver("audio"))
    force_codecs(offerer.addTransceiver("video"))
    try:
        await negotiate(offerer, answerer)
        for pc in (offerer, answerer):
            rtpmaps = {
                line.split(" ", 1)[1].split("/")[0]
                for line in pc.localDescription.sdp.splitlines()
                if line.startswith("a=rtpmap:")
            }
            assert rtpmaps == {"opus", "VP8", "rtx"}
    finally:
        await offerer.close()
        await answerer.close()


def test_a_public_address_replaces_the_nated_one() -> None:
    settings = IceSettings(addresses=("10.0.0.5",), public_address="203.0.113.5")
    sdp = (
        "m=audio 5000 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 10.0.0.5\r\n"
        "a=candidate:abc 1 udp 2130706431 10.0.0.5 5000 typ host\r\n"
        "a=candidate:def 1 udp 2130706431 10.0.0.6 5002 typ host\r\n"
    )
    rewritten = advertise_public_address(sdp, settings)
    assert "a=candidate:abc 1 udp 2130706431 203.0.113.5 5000 typ host" in rewritten
    assert "10.0.0.6 5002" in rewritten
    assert "c=IN IP4 203.0.113.5" in rewritten
    assert advertise_public_address(sdp, LOOPBACK) == sdp
