"""The websocket drops with the server still up: the call says so, joins again by itself,
and the others' pictures come back."""

from __future__ import annotations

from typing import Any

from ecabinet.call.controller import CallController
from ecabinet.call.media_thread import MediaThread
from ecabinet.call.model import Phase
from tests.call_client.conftest import Connect, Sites
from tests.call_client.helpers import image_pattern, open_call
from tests.support.progress import Progress


async def test_call_rejoins_after_the_link_drops(
    connect: Connect,
    new_site: Sites,
    remote: MediaThread,
    meeting: dict[str, Any],
    progress: Progress,
    vietnamese: Any,
    calls: list[CallController],
) -> None:
    connection = await connect("chair")
    controller = open_call(connection, meeting["id"], progress)
    calls.append(controller)
    said: list[str] = []
    controller.on_change.append(lambda _what: said.append(controller.phase_text()))
    pictures: list[tuple[int, int | None]] = []  # (rejoins so far, site number read back)
    ward = await new_site("room", 2)
    await remote.run(ward.join(meeting["id"]))
    session = controller.session

    def got(site: str, image: Any) -> None:
        if site == ward.site:
            pictures.append((session.rejoins, image_pattern(image)))

    controller.on_picture.append(got)
    assert await controller.start()
    await progress.wait_for(lambda: (0, 2) in pictures, "the ward's picture")
    first_site = session.site
    seen_by_ward = len(ward.of(first_site).video)

    # The network drops the websocket (the server stays up and lets the site go).
    connection.client.ws.transport.abort()
    await progress.wait_for(lambda: "Đang kết nối lại…" in said, "'Reconnecting…' shown")
    await progress.wait_for(
        lambda: session.phase is Phase.JOINED and session.rejoins == 1, "joined again"
    )
    # The session joins on the media thread; the window hears of it a moment later.
    await progress.wait_for(lambda: "Đã kết nối lại" in said, "'Reconnected' shown")
    await progress.wait_for(lambda: (1, 2) in pictures, "the ward's picture after rejoining")
    # The ward sees this site again too.
    await progress.wait_for(
        lambda: len(ward.of(session.site).video) > seen_by_ward + 10, "the ward sees the client"
    )
    assert set(session.room.sites) == {ward.site, session.site}
