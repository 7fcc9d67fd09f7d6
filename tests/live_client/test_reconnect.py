"""A delegate whose laptop loses the connection while a vote opens still votes after the
automatic reconnection: the live state is fetched again and the ballot appears."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from ecabinet.net.connection import LinkState
from meetings.live.model import Choice
from tests.live.conftest import DELEGATES, Connect, running_meeting
from tests.live_client.conftest import OpenLive, click, live_view, until


async def test_a_delegate_who_reconnects_mid_vote_can_still_vote(
    qtbot: QtBot, live_window: OpenLive, connect: Connect, vietnamese: Any
) -> None:
    chair = await connect("chutich")
    meeting = await running_meeting(await connect("thuky"), chair)
    mid = meeting["id"]
    await chair.call("live.check_in", meeting_id=mid)
    for name in DELEGATES[1:7]:
        await (await connect(name)).call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    window, delegate = await live_window(DELEGATES[0], mid)
    click(qtbot, delegate.delegate.check_in_button)
    await until(lambda: live_view(delegate).quorum.present == 8, "the delegate checked in")

    # The link drops; reconnection is refused for now (the server is unreachable).
    connection = window.connection
    url = connection.url
    connection.url = url.rsplit(":", 1)[0] + ":1/ws"  # nothing listens on port 1
    await connection.client.ws.close()
    await until(lambda: connection.state is LinkState.RECONNECTING, "the link lost")
    await until(lambda: delegate.message.isVisible(), "the live screen says so")
    assert delegate.message.text() == ("Chưa kết nối máy chủ: điều hành cuộc họp cần có kết nối.")

    # Meanwhile the chair opens a vote: this laptop misses the event.
    vote = await chair.call("live.open_vote", meeting_id=mid, question="Thông qua tờ trình?")
    assert vote["eligible"] == 8
    assert not delegate.ballot.isVisible()

    # The network is back: the client reconnects, fetches the state, shows the ballot.
    connection.url = url
    await until(lambda: connection.state is LinkState.ONLINE, "reconnected", seconds=20)
    await until(lambda: delegate.ballot.isVisible(), "the ballot after the reconnection")
    assert not delegate.message.isVisible()
    click(qtbot, delegate.ballot.buttons[Choice.YES])
    await until(
        lambda: delegate.ballot.result.text() == "Bạn đã biểu quyết: Đồng ý", "the ballot counted"
    )
    state = await chair.call("live.state.get", meeting_id=mid)
    (counted,) = [v for v in state["votes"] if v["id"] == vote["id"]]
    assert counted["cast"] == 1 and counted["counts"] == {"yes": 1, "no": 0, "abstain": 0}
