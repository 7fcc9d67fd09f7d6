"""The first checks of a client's description, before aiortc sees it."""

from __future__ import annotations

import pytest

from server.sfu.sdp import InvalidSdp, check_answer, check_publish_offer

TRANSPORT = "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdef01234567\r\na=fingerprint:sha-256 AA\r\n"


def offer(kinds: tuple[str, ...] = ("audio", "video", "video"), direction: str = "sendonly") -> str:
    head = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n" + TRANSPORT
    return head + "".join(f"m={kind} 9 UDP/TLS/RTP/SAVPF 96\r\na={direction}\r\n" for kind in kinds)


def test_a_publishing_offer_has_audio_then_two_videos_all_sent() -> None:
    check_publish_offer(offer())
    check_publish_offer(offer(direction="sendrecv"))


@pytest.mark.parametrize(
    ("sdp", "problem"),
    [
        ("x=1\r\n" + "y" * 20, "v=0"),
        ("v=0\r\n\x07bell", "control"),
        (offer(("video", "audio", "video")), "in that order"),
        (offer(("audio", "video")), "in that order"),
        (offer(("audio", "video", "video", "video")), "in that order"),
        (offer(direction="recvonly"), "sent"),
        (offer().replace("a=fingerprint:sha-256 AA\r\n", ""), "fingerprint"),
        (offer().replace("a=ice-pwd", "a=ice-pass"), "ice-pwd"),
    ],
)
def test_unusable_offers_are_refused_with_the_problem(sdp: str, problem: str) -> None:
    with pytest.raises(InvalidSdp) as refused:
        check_publish_offer(sdp)
    assert problem in refused.value.details["problem"]
    assert refused.value.code == "bad_request"


def test_an_answer_needs_its_transport_too() -> None:
    check_answer(offer())
    with pytest.raises(InvalidSdp):
        check_answer(offer().replace("a=ice-ufrag:abcd\r\n", ""))
