"""Document distribution: 16 clients download a 50 MB dossier at once. Server CPU seconds per
MB served (target: under 10 ms/MB) and total wall time against a plain file copy of the same
bytes in the same run. Run with `python -m bench.distribution`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import cpu_seconds, seed_people
from ecabinet.net.client import Client
from server import launcher
from server.pdfgen import make_large_pdf

CLIENTS = 16
SIZE_MB = 50


async def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-dist-") as tmp:
        root = Path(tmp)
        tokens, secretary_token = seed_people(root / "data", CLIENTS)
        dossier = root / "ho-so.pdf"
        dossier.write_bytes(make_large_pdf(300, SIZE_MB * 1024 * 1024))
        size = dossier.stat().st_size
        server = launcher.start(root / "data")
        try:
            secretary = await Client.connect(server.url, pinned=server.fingerprint)
            await secretary.resume(secretary_token)
            meeting = await secretary.call(
                "meeting.create",
                title="Kỳ họp",
                organiser_unit_id="ubnd",
                starts_at="2026-12-01T08:00:00+07:00",
                ends_at="2026-12-01T11:00:00+07:00",
                hall="Hội trường",
                invited_unit_ids=["ubnd"],
            )
            document = await secretary.upload(meeting["id"], dossier, title="Hồ sơ kỳ họp")
            await secretary.call("agenda.add", meeting_id=meeting["id"], title="Hồ sơ")
            await secretary.call("meeting.transition", meeting_id=meeting["id"], to="published")
            clients = await asyncio.gather(
                *(Client.connect(server.url, pinned=server.fingerprint) for _ in tokens)
            )
            await asyncio.gather(*(c.resume(t) for c, t in zip(clients, tokens, strict=True)))
            cpu_before = cpu_seconds(server.process.pid)
            started = time.perf_counter()
            await asyncio.gather(
                *(c.download(document.id, root / f"client{i}.pdf") for i, c in enumerate(clients))
            )
            wall = time.perf_counter() - started
            cpu = cpu_seconds(server.process.pid) - cpu_before
            expected = hashlib.sha256(dossier.read_bytes()).hexdigest()
            assert all(
                hashlib.sha256((root / f"client{i}.pdf").read_bytes()).hexdigest() == expected
                for i in range(CLIENTS)
            )
            for c in [*clients, secretary]:
                await c.close()
        finally:
            server.stop()
        # The baseline: copying the same bytes to as many files on the same disk.
        started = time.perf_counter()
        for i in range(CLIENTS):
            shutil.copyfile(dossier, root / f"copy{i}.pdf")
        copy_wall = time.perf_counter() - started
    served_mb = CLIENTS * size / 2**20
    return {
        "clients": CLIENTS,
        "dossier_mb": size / 2**20,
        "served_mb": served_mb,
        "wall_s": wall,
        "server_cpu_s": cpu,
        "server_cpu_ms_per_mb": cpu * 1000 / served_mb,
        "plain_copy_wall_s": copy_wall,
        "wall_ratio_to_copy": wall / copy_wall,
        "throughput_mb_s": served_mb / wall,
    }


def main() -> None:
    r = asyncio.run(run())
    print(
        f"distribution: {r['clients']} clients x {r['dossier_mb']:.1f} MB "
        f"= {r['served_mb']:.0f} MB served"
    )
    print(
        f"  wall {r['wall_s']:.2f} s ({r['throughput_mb_s']:.0f} MB/s); plain copy "
        f"{r['plain_copy_wall_s']:.2f} s; ratio {r['wall_ratio_to_copy']:.1f}x"
    )
    print(
        f"  server CPU {r['server_cpu_s']:.2f} s = {r['server_cpu_ms_per_mb']:.2f} ms per MB "
        f"served (target < 10 ms/MB)"
    )
    Path("bench/out").mkdir(parents=True, exist_ok=True)
    Path("bench/out/distribution.json").write_text(json.dumps(r, indent=1))
    if "--json" in sys.argv:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
