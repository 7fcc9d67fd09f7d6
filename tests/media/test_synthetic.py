import asyncio

import av
import pytest
from aiortc.rtp import compute_audio_level_dbov

from media.exceptions import PatternError
from media.synthetic import (
    HIGH_SIZE,
    LOW_SIZE,
    PreEncodedTrack,
    SyntheticAudioTrack,
    SyntheticVideoTrack,
    draw_pattern,
    encode_audio_clip,
    encode_video_clip,
    read_pattern,
)


@pytest.mark.parametrize("size", [HIGH_SIZE, LOW_SIZE])
def test_the_pattern_survives_vp8_at_a_low_bitrate(size: tuple[int, int]) -> None:
    clip = encode_video_clip(201, size, frames=20, gop=10, bitrate=250_000)
    decoder = av.CodecContext.create("libvpx", "r")
    read = []
    for data in clip.frames:
        for frame in decoder.decode(av.Packet(data)):
            assert (frame.width, frame.height) == size
            read.append(read_pattern(frame))
    assert [(p.site, p.counter) for p in read] == [(201, i) for i in range(20)]


def test_a_picture_without_the_pattern_is_refused() -> None:
    frame = draw_pattern(1, 1, *LOW_SIZE, texture=False)
    for plane in frame.planes:
        plane.update(bytes([128]) * plane.buffer_size)
    with pytest.raises(PatternError):
        read_pattern(frame)
    with pytest.raises(ValueError):
        draw_pattern(256, 0, *LOW_SIZE)


def test_the_counter_wraps_at_twenty_bits() -> None:
    assert read_pattern(draw_pattern(9, (1 << 20) + 5, *LOW_SIZE)).counter == 5


async def test_the_video_track_counts_frames() -> None:
    track = SyntheticVideoTrack(12, LOW_SIZE, fps=60)
    frames = [await track.recv() for _ in range(3)]
    assert [read_pattern(f).counter for f in frames] == [0, 1, 2]
    assert [f.pts for f in frames] == [0, 1500, 3000]
    track.stop()


async def test_the_tone_has_the_level_it_was_asked_for() -> None:
    track = SyntheticAudioTrack(440, level_dbov=-20)
    frame = await track.recv()
    assert frame.samples == 960 and frame.sample_rate == 48000
    assert compute_audio_level_dbov(frame) == -20
    track.stop()


async def test_a_pre_encoded_track_jumps_to_a_keyframe_when_asked() -> None:
    clip = encode_video_clip(3, LOW_SIZE, frames=20, gop=5, fps=60)
    track = PreEncodedTrack(clip)
    packets = [await track.recv() for _ in range(3)]
    assert [p.is_keyframe for p in packets] == [True, False, False]
    track.request_keyframe()
    jumped = await track.recv()
    assert jumped.is_keyframe and bytes(jumped) == clip.frames[5]
    assert jumped.pts == 3 * 1500, "the clock keeps running"
    track.stop()


async def test_the_audio_clip_replays_opus() -> None:
    clip = encode_audio_clip()
    assert len(clip.frames) >= 45
    track = PreEncodedTrack(clip)
    packets = [await asyncio.wait_for(track.recv(), 5) for _ in range(2)]
    assert [p.pts for p in packets] == [0, 960]
    track.stop()
