"""First checks of a client's SDP, before aiortc sees it: shape, size and media lines."""

from __future__ import annotations

from meetings.errors import BadRequest

# A site's publishing offer: its audio, then its video in high and in low quality.
PUBLISH_MEDIA = ("audio", "video", "video")
SENDING = ("a=sendonly", "a=sendrecv")
REQUIRED = ("ice-ufrag", "ice-pwd", "fingerprint")


class InvalidSdp(BadRequest):
    """A description the server cannot use; nothing was changed."""

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"Invalid session description: {problem}.",
            "Mô tả phiên (SDP) không hợp lệ.",
            details={"problem": problem},
        )


def media_sections(sdp: str) -> list[list[str]]:
    """The lines of each m= section (the session part left out)."""
    sections: list[list[str]] = []
    for line in sdp.splitlines():
        if line.startswith("m="):
            sections.append([line])
        elif sections:
            sections[-1].append(line)
    return sections


def check_text(sdp: str) -> None:
    if not sdp.startswith("v=0"):
        raise InvalidSdp("it does not start with v=0")
    if any(ord(c) < 32 and c not in "\r\n\t" for c in sdp):
        raise InvalidSdp("it holds control characters")


def check_publish_offer(sdp: str) -> None:
    """The offer of ``call.join``: audio, video, video, each sent by the client."""
    check_text(sdp)
    sections = media_sections(sdp)
    kinds = tuple(section[0][2:].split(" ", 1)[0] for section in sections)
    if kinds != PUBLISH_MEDIA:
        raise InvalidSdp("an offer carries audio, video (high) and video (low), in that order")
    for section in sections:
        if not any(line.strip() in SENDING for line in section):
            raise InvalidSdp("every track of the offer must be sent (sendonly)")
    check_transport(sdp)


def check_transport(sdp: str) -> None:
    """ICE credentials and a DTLS fingerprint: without them no connection can come up."""
    for attribute in REQUIRED:
        if f"\na={attribute}:" not in sdp.replace("\r\n", "\n"):
            raise InvalidSdp(f"a={attribute} is missing")


def check_answer(sdp: str) -> None:
    check_text(sdp)
    check_transport(sdp)
