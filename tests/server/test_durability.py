"""Every acknowledged write survives a SIGKILL of the server process."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

from ecabinet.net.client import Client
from server import launcher
from tests.server import org
from tests.server.conftest import seed_data_dir
from tests.server.meeting_helpers import create_meeting
from tests.support import pdfs


async def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed_data_dir(data)
    server = launcher.start(data)
    try:
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login("thuky", org.PASSWORD)
        meeting = await create_meeting(client)
        for number in range(1, 31):
            await client.call("agenda.add", meeting_id=meeting["id"], title=f"Mục {number}")
        pdf = pdfs.vietnamese_pdf(2)
        upload = await client.call(
            "upload.begin",
            meeting_id=meeting["id"],
            filename="a.pdf",
            title="A",
            size=len(pdf),
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
        await client.call_binary(
            "upload.chunk", pdf[:4096], upload_id=upload["upload_id"], offset=0
        )
        await client.call("meeting.transition", meeting_id=meeting["id"], to="published")
        # The last acknowledgement is in; kill without any chance to flush or clean up.
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait()
        await client.closed.wait()
    finally:
        server.stop()

    server = launcher.start(data)
    try:
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login("thuky", org.PASSWORD)
        again = await client.call("meeting.get", meeting_id=meeting["id"])
        assert again["status"] == "published"
        assert [i["title"] for i in again["agenda"]] == [f"Mục {n}" for n in range(1, 31)]
        state = await client.call("upload.status", upload_id=upload["upload_id"])
        assert state["received"] == 4096
        # The upload goes on from there and finishes.
        await client.call_binary(
            "upload.chunk", pdf[4096:], upload_id=upload["upload_id"], offset=4096
        )
        document = await client.call("upload.finish", upload_id=upload["upload_id"])
        assert document["pages"] == 2
        await client.close()
    finally:
        server.stop()
