"""The server's REMB estimates: aiortc's estimator, fed once per packet group.

ThrottledEstimator sums each group's packets (a frame's, sent within 5 ms) and hands them to
aiortc's RemoteBitrateEstimator as one; these tests feed the same simulated video to the
plain estimator, packet by packet, and check that the estimates agree, on a clear link and on
one whose queue grows.
"""

import itertools
import random

from aiortc.rate import RemoteBitrateEstimator

from media.aiortc_hooks import ThrottledEstimator

ABS_SEND_TIME_PER_MS = (1 << 18) / 1000


def video(seconds: float, growing_delay_ms: float, seed: int) -> list[tuple[int, int, int]]:
    """(arrival ms, abs-send-time, size) of 30 fps video, three 1,200-byte packets a frame
    sent 1 ms apart, arriving after a jittered delay that grows by ``growing_delay_ms`` a
    frame (a queue filling up)."""
    rng = random.Random(seed)
    packets = []
    delay = 20.0
    for frame in range(int(seconds * 30)):
        sent = 1_000 + frame * 1000 / 30
        delay += growing_delay_ms
        for index in range(3):
            send_ms = sent + index
            arrival = send_ms + delay + rng.uniform(0, 1.5)
            abs_send_time = round(send_ms * ABS_SEND_TIME_PER_MS) & 0xFFFFFF
            packets.append((round(arrival), abs_send_time, 1200))
    return packets


def estimates(packets: list[tuple[int, int, int]], grouped: bool) -> tuple[list[int], int]:
    """The REMB bitrates each way, and how many times aiortc's estimator ran."""
    plain = RemoteBitrateEstimator()
    calls = 0
    original = plain.add

    def counted(**kwargs: int) -> tuple[int, list[int]] | None:
        nonlocal calls
        calls += 1
        return original(**kwargs)

    plain.add = counted  # type: ignore[method-assign,assignment]
    estimator = ThrottledEstimator(plain, min_interval_ms=0) if grouped else plain
    bitrates = []
    for arrival, abs_send_time, size in packets:
        remb = estimator.add(
            arrival_time_ms=arrival, abs_send_time=abs_send_time, payload_size=size, ssrc=7
        )
        if remb is not None:
            bitrates.append(remb[0])
            assert remb[1] == [7]
    return bitrates, calls


def test_on_a_clear_link_the_grouped_estimate_follows_the_per_packet_one() -> None:
    packets = video(20, 0, seed=1)
    per_packet, packet_calls = estimates(packets, grouped=False)
    per_group, group_calls = estimates(packets, grouped=True)
    assert packet_calls == len(packets) and group_calls == len(packets) // 3 - 1
    assert per_packet and per_group
    # Both climb from aiortc's starting estimate; they end within 5 % of each other.
    assert per_group[-1] > per_group[0]
    assert abs(per_group[-1] - per_packet[-1]) <= 0.05 * per_packet[-1]


def test_on_a_filling_queue_both_estimates_stop_climbing_alike() -> None:
    clear = video(12, 0, seed=2)
    filling = video(4, 0, seed=2) + [
        (arrival + 4000 + 40, abs_send_time, size)
        for arrival, abs_send_time, size in video(8, 5.0, seed=3)[120 * 3 :]
    ]
    for grouped in (False, True):
        on_clear, _ = estimates(clear, grouped)
        on_filling, _ = estimates(filling, grouped)
        assert on_filling[-1] < 0.95 * on_clear[-1]
        assert on_filling[-1] == on_filling[-2]  # held at the measured rate, not climbing
    per_packet, _ = estimates(filling, grouped=False)
    per_group, _ = estimates(filling, grouped=True)
    assert abs(per_group[-1] - per_packet[-1]) <= 0.05 * per_packet[-1]


def test_remb_reports_are_spaced_out() -> None:
    packets = video(10, 0, seed=4)
    throttled = ThrottledEstimator(RemoteBitrateEstimator(), min_interval_ms=500)
    sent = [
        arrival
        for arrival, abs_send_time, size in packets
        if throttled.add(
            arrival_time_ms=arrival, abs_send_time=abs_send_time, payload_size=size, ssrc=7
        )
    ]
    assert len(sent) >= 10
    assert all(b - a >= 500 for a, b in itertools.pairwise(sent))
