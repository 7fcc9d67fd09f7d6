"""The mixer alone: sums the sites, clips, keeps latency bounded, never takes its own site."""

from __future__ import annotations

from array import array

import pytest

from ecabinet.call.audio import MAX_BUFFER_SECONDS, RATE, Mixer, OwnAudioRefused, level_dbfs


def pcm(*values: int) -> bytes:
    return array("h", values).tobytes()


def samples(data: bytes) -> list[int]:
    out = array("h")
    out.frombytes(data)
    return out.tolist()


def test_mixes_pads_and_clips() -> None:
    mixer = Mixer("per_me", channels=1)
    mixer.push("per_a", pcm(1000, -2000, 30000, -30000))
    mixer.push("per_b", pcm(500, 500, 10000, -10000))
    assert samples(mixer.mix(4)) == [1500, -1500, 32767, -32768]
    assert samples(mixer.mix(2)) == [0, 0]  # consumed: silence follows
    mixer.push("per_a", pcm(7, 7, 7))
    mixer.push("per_b", pcm(1))  # shorter: padded with silence
    assert samples(mixer.mix(3)) == [8, 7, 7]
    assert level_dbfs(bytes(200)) == -100.0
    assert -4 < level_dbfs(pcm(*([32767, -32767] * 50))) <= 0


def test_own_site_is_never_mixed() -> None:
    mixer = Mixer("per_me", channels=1)
    mixer.push("per_a", pcm(100, 100))
    with pytest.raises(OwnAudioRefused):
        mixer.push("per_me", pcm(5000, 5000))
    assert samples(mixer.mix(2)) == [100, 100]
    assert mixer.sites() == ["per_a"]
    assert mixer.refused_own == 1


def test_buffer_is_bounded_and_frames_whole() -> None:
    mixer = Mixer("per_me", channels=1)
    limit = int(RATE * MAX_BUFFER_SECONDS)
    mixer.push("per_a", pcm(*([1] * limit)))
    mixer.push("per_a", pcm(*([2] * 10)))
    assert mixer.dropped_bytes == 20  # the oldest went
    mixed = samples(mixer.mix(limit))
    assert mixed[-10:] == [2] * 10 and mixed[0] == 1
    with pytest.raises(ValueError):
        Mixer("per_me").push("per_a", pcm(1))  # stereo needs pairs
