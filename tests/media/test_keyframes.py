import asyncio

import pytest

from media.keyframes import KeyframeReason, KeyframeRequester


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_requests_are_throttled_and_a_throttled_one_is_sent_later() -> None:
    clock = Clock()
    fired = asyncio.Event()
    sends: list[float] = []

    def send() -> bool:
        sends.append(clock.now)
        fired.set()
        return True

    requester = KeyframeRequester(send, min_interval=0.05, clock=clock)
    requester.request(KeyframeReason.NEW_SUBSCRIBER)
    assert sends == [100.0]
    fired.clear()
    clock.now += 0.01
    requester.request(KeyframeReason.SUBSCRIBER_PLI)
    requester.request(KeyframeReason.SUBSCRIBER_PLI)
    assert len(sends) == 1, "inside the interval: deferred"
    async with asyncio.timeout(5):
        await fired.wait()
    assert len(sends) == 2, "the two deferred requests became one"
    assert requester.requested == {
        KeyframeReason.NEW_SUBSCRIBER: 1,
        KeyframeReason.SUBSCRIBER_PLI: 2,
    }
    clock.now += 1
    requester.request(KeyframeReason.LOSS)
    assert len(sends) == 3 and requester.sent == 3
    requester.close()


async def test_a_request_before_any_media_is_not_counted_as_sent() -> None:
    requester = KeyframeRequester(lambda: False, min_interval=0.3)
    requester.request(KeyframeReason.NEW_SUBSCRIBER)
    assert requester.sent == 0
    requester.close()


def test_interval_must_be_positive() -> None:
    with pytest.raises(ValueError):
        KeyframeRequester(lambda: True, min_interval=0)
