"""Frame assembly without a network: packets in, frames, keyframe needs and NACKs out."""

import pytest

from media.frame_assembly import (
    AssemblySettings,
    AudioAssembler,
    EncodedFrame,
    Unwrapper,
    VideoAssembler,
    vp8_flags,
)

SETTINGS = AssemblySettings(max_wait=0.2, nack_interval=0.05)


class Recorder:
    def __init__(self) -> None:
        self.frames: list[EncodedFrame] = []
        self.keyframe_needs = 0
        self.nacks: list[list[int]] = []
        self.assembler = VideoAssembler(
            self.frames.append, self.need_keyframe, self.nacks.append, SETTINGS
        )

    def need_keyframe(self) -> None:
        self.keyframe_needs += 1

    def frame(
        self,
        first_seq: int,
        timestamp: int,
        parts: int,
        *,
        keyframe: bool = False,
        now: float = 0.0,
        skip: tuple[int, ...] = (),
    ) -> None:
        """Push a frame of ``parts`` packets, leaving out the packet indexes in ``skip``."""
        for index in range(parts):
            if index not in skip:
                self.packet(first_seq + index, timestamp, index, parts, keyframe, now)

    def packet(
        self, seq: int, timestamp: int, index: int, parts: int, keyframe: bool, now: float
    ) -> None:
        self.assembler.push(
            seq % 65536,
            timestamp % (1 << 32),
            index == parts - 1,
            index == 0,
            keyframe and index == 0,
            f"{timestamp}:{index};".encode(),
            now,
        )

    @property
    def timestamps(self) -> list[int]:
        return [f.timestamp for f in self.frames]


def test_a_frame_is_released_on_its_marker_packet() -> None:
    r = Recorder()
    r.frame(100, 9000, 3, keyframe=True)
    assert len(r.frames) == 1, "no waiting for the next frame's first packet"
    assert r.frames[0].data == b"9000:0;9000:1;9000:2;"
    assert r.frames[0].keyframe and r.frames[0].timestamp == 0
    r.frame(103, 12000, 2)
    assert r.timestamps == [0, 3000]
    assert r.keyframe_needs == 0 and r.nacks == []


def test_frames_behind_a_gap_wait_for_it_and_come_out_in_order() -> None:
    r = Recorder()
    r.frame(0, 0, 2, keyframe=True)
    r.frame(2, 3000, 3, skip=(1,), now=0.01)
    r.frame(5, 6000, 2, now=0.02)
    assert r.timestamps == [0]
    r.packet(3, 3000, 1, 3, False, now=0.03)  # the retransmission
    assert r.timestamps == [0, 3000, 6000]
    assert r.keyframe_needs == 0


def test_an_open_gap_is_asked_for_again_then_given_up_for_the_next_keyframe() -> None:
    r = Recorder()
    r.frame(0, 0, 2, keyframe=True)
    r.frame(2, 3000, 2, skip=(0,), now=0.0)
    r.frame(4, 6000, 2, now=0.06)
    assert r.nacks == [[2]], "asked again after nack_interval"
    r.frame(6, 9000, 2, now=0.08)
    assert r.nacks == [[2]], "not more often than nack_interval"
    r.frame(8, 12000, 2, now=0.25)  # past max_wait: give up the frame at 3000
    assert r.keyframe_needs >= 1
    assert r.timestamps == [0], "delta frames after a loss are useless to a decoder"
    r.frame(10, 15000, 2, keyframe=True, now=0.3)
    r.frame(12, 18000, 2, now=0.33)
    assert r.timestamps == [0, 15000, 18000]
    assert r.assembler.stats.gaps_given_up == 1


def test_sequence_numbers_and_timestamps_wrap() -> None:
    r = Recorder()
    r.frame(65534, (1 << 32) - 3000, 2, keyframe=True)
    r.frame(65536, (1 << 32), 3)
    r.frame(65539, (1 << 32) + 3000, 1)
    assert r.timestamps == [0, 3000, 6000]


def test_late_and_duplicate_packets_are_ignored() -> None:
    r = Recorder()
    r.frame(10, 0, 2, keyframe=True)
    r.frame(10, 0, 2, keyframe=True)
    assert len(r.frames) == 1
    assert r.assembler.stats.late_packets == 2


def test_a_stream_joined_mid_frame_starts_at_a_keyframe() -> None:
    r = Recorder()
    r.packet(5, 0, 1, 2, False, 0.0)  # the second half of a frame
    r.frame(6, 3000, 2)  # a delta frame
    r.frame(8, 6000, 2, keyframe=True)
    assert r.timestamps == [0]  # counted from the first frame handed over
    assert r.frames[0].keyframe


def test_audio_is_passed_on_at_once() -> None:
    frames: list[EncodedFrame] = []
    audio = AudioAssembler(frames.append)
    audio.push(1, 960, b"a", 30, now=0.0)
    assert [f.data for f in frames] == [b"a"]
    audio.push(3, 2880, b"c", 40, now=0.02)  # 2 is lost: no waiting for it
    audio.push(2, 1920, b"b", 40, now=0.03)  # too late, dropped
    assert [(f.data, f.timestamp, f.audio_level) for f in frames] == [
        (b"a", 0, 30),
        (b"c", 1920, 40),
    ]


def test_vp8_flags() -> None:
    assert vp8_flags(bytes([0x10]) + b"\x00", b"\x00") == (True, True)
    assert vp8_flags(bytes([0x10]) + b"\x01", b"\x01") == (True, False)
    assert vp8_flags(bytes([0x00]) + b"\x00", b"\x00") == (False, False)
    assert vp8_flags(b"", b"") == (False, False)


def test_unwrapper_goes_both_ways_around_the_wrap() -> None:
    u = Unwrapper(1 << 16)
    first = u.unwrap(65535)
    assert u.unwrap(0) == first + 1
    assert u.unwrap(65534) == first - 1


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        AssemblySettings(max_wait=0.1, nack_interval=0.2)
    with pytest.raises(ValueError):
        AssemblySettings(capacity=4)
