"""The chair records the room: one Matroska file per site with its frames as they came."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import av
import pytest

from ecabinet.net.client import ServerError
from media.synthetic import HIGH_SIZE, read_pattern
from meetings import protocol as p
from meetings import protocol_call as pc
from server.app import RunningServer
from tests.call.conftest import Sites
from tests.call.peers import Progress


def read_recording(path: Path) -> tuple[list[int], int, str, str]:
    """Site numbers drawn in the decoded pictures, audio packets, and the two codecs."""
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        numbers = [read_pattern(frame).site for frame in container.decode(video)]
    with av.open(str(path)) as container:
        packets = sum(1 for p in container.demux(container.streams.audio[0]) if p.size)
    return numbers, packets, video.codec_context.name, audio.codec_context.name


async def test_the_chair_records_each_site_without_transcoding(
    new_site: Sites, meeting: dict[str, Any], progress: Progress, server: RunningServer
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await chair.join(meeting["id"])
    await ward.join(meeting["id"])
    with pytest.raises(ServerError) as refused:
        await ward.call("call.record", recording=True)
    assert refused.value.code == "forbidden"
    await chair.call("call.record", recording=True)
    await progress.wait_for(
        lambda: any(e.recording for e in ward.events_of(pc.CallRecording)), "call.recording"
    )
    got = chair.of(ward.site)
    seen = len(got.video)
    await progress.wait_for(lambda: len(got.video) >= seen + 30, "3 s of the ward")
    await chair.call("call.record", recording=False)
    listed = [pc.RecordingView.model_validate(r) for r in await chair.call("call.recordings")]
    assert sorted(r.site for r in listed) == sorted([chair.site, ward.site])
    directory = server.state.config.data_dir / "recordings" / meeting["id"]
    for view in listed:
        assert view.stopped_at is not None and view.size > 0
        numbers, audio, video_codec, audio_codec = read_recording(directory / view.filename)
        assert (video_codec, audio_codec) == ("vp8", "opus")
        assert len(numbers) >= 15 and set(numbers) == {1 if view.site == chair.site else 2}
        assert audio >= 50
    with av.open(str(directory / listed[0].filename)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == HIGH_SIZE


async def test_a_finished_recording_is_downloaded_by_those_who_may_list_it(
    new_site: Sites,
    meeting: dict[str, Any],
    progress: Progress,
    server: RunningServer,
    tmp_path: Path,
) -> None:
    chair = await new_site("chair", 1)
    ward = await new_site("room", 2)
    await chair.join(meeting["id"])
    await ward.join(meeting["id"])
    await chair.call("call.record", recording=True)
    got = chair.of(ward.site)
    seen = len(got.video)
    await progress.wait_for(lambda: len(got.video) >= seen + 20, "2 s of the ward")
    going = [pc.RecordingView.model_validate(r) for r in await chair.call("call.recordings")]
    with pytest.raises(ServerError) as still:
        await chair.client.download_recording(going[0], tmp_path / "early.mkv")
    assert still.value.code == "conflict"  # still being written
    await chair.call("call.record", recording=False)
    listed = [pc.RecordingView.model_validate(r) for r in await chair.call("call.recordings")]
    directory = server.state.config.data_dir / "recordings" / meeting["id"]
    steps: list[tuple[int, int]] = []
    for view in listed:
        target = tmp_path / view.filename
        await chair.client.download_recording(
            view, target, progress=lambda done, total: steps.append((done, total))
        )
        assert target.read_bytes() == (directory / view.filename).read_bytes()
        assert not target.with_name(target.name + ".part").exists()
    assert steps and all(done <= total for done, total in steps)
    # A ward may not list recordings, so it may not fetch them either; a made-up id is refused.
    with pytest.raises(ServerError) as refused:
        await ward.client.download_recording(listed[0], tmp_path / "ward.mkv")
    assert refused.value.code == "forbidden"
    missing = listed[0].model_copy(update={"id": "rec_0000000000000000"})
    with pytest.raises(ServerError) as unknown:
        await chair.client.download_recording(missing, tmp_path / "missing.mkv")
    assert unknown.value.code == "not_found"
    # A path for an id is refused by the server, whatever a client sends.
    hostile = json.dumps(
        {
            "type": "call.download_recording",
            "id": "x1",
            "meeting_id": meeting["id"],
            "recording_id": "../../../etc/passwd",
        }
    )
    reply = await chair.client._send_and_wait("x1", hostile, 10)
    assert isinstance(reply, p.Error) and reply.code == "bad_request"
