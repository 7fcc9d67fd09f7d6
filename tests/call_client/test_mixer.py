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


def test_mixes_sites_and_clips() -> None:
    mixer = Mixer("per_me", channels=1)
    mixer.push("per_a", pcm(1000, -2000, 30000, -30000))
    mixer.push("per_b", pcm(500, 500, 10000, -10000))
    assert samples(mixer.mix(4)) == [1500, -1500, 32767, -32768]
    # Consumed: what follows is silence.
    assert samples(mixer.mix(2)) == [0, 0]


def test_a_short_site_is_padded_with_silence() -> None:
    mixer = Mixer("per_me", channels=1)
    mixer.push("per_a", pcm(7, 7, 7))
    mixer.push("per_b", pcm(1))
    assert samples(mixer.mix(3)) == [8, 7, 7]


def test_own_site_is_never_mixed() -> None:
    mixer = Mixer("per_me", channels=1)
    mixer.push("per_a", pcm(100, 100))
    with pytest.raises(OwnAudioRefused):
        mixer.push("per_me", pcm(5000, 5000))
    assert samples(mixer.mix(2)) == [100, 100]
    assert mixer.sites() == ["per_a"]
    assert mixer.refused_own == 1


def test_buffer_is_bounded_oldest_dropped() -> None:
    mixer = Mixer("per_me", channels=1)
    limit = int(RATE * MAX_BUFFER_SECONDS)
    mixer.push("per_a", pcm(*([1] * limit)))
    mixer.push("per_a", pcm(*([2] * 10)))
    assert mixer.dropped_bytes == 20
    mixed = samples(mixer.mix(limit))
    assert mixed[-10:] == [2] * 10 and mixed[0] == 1


def test_stereo_frames_must_be_whole() -> None:
    mixer = Mixer("per_me")
    with pytest.raises(ValueError):
        mixer.push("per_a", pcm(1))
    assert level_dbfs(bytes(200)) == -100.0
    assert -4 < level_dbfs(pcm(*([32767, -32767] * 50))) <= 0
