"""The desktop client's figures (`python -m bench.client`), each against a baseline measured in
the same run. Printed, not asserted; docs/client.md keeps the last ones.

1. Cold start to the calendar drawn (a new process that signs in to a local demo server),
   against a bare QApplication showing one window. Target: under 1.5 s.
2. Opening a 300-page PDF to its first page drawn, against a 1-page PDF. Target: under 300 ms.
3. Syncing a 100 MB dossier into the encrypted cache, against a plain `Client.download` of the
   same bytes, with each process's peak memory (the sync must stream).

The server runs in this process; every client runs in a child process of its own, so its
start-up and its memory are its alone.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROUNDS = 3
DOSSIER_MB = 100
DOSSIER_FILES = 4
OUT = Path(__file__).resolve().parent / "out" / "client.json"


# -- children: each prints one JSON line and exits -----------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss
    over from the forked parent (the bench server) across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: kB or B


def child_bare() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(["bench"])
    window = QLabel("eCabinet")
    window.resize(1280, 800)
    window.show()
    window.repaint()
    app.processEvents()
    return {"peak_mb": _peak_mb()}


def child_calendar(
    url: str, fingerprint: str, username: str, password: str, folder: str
) -> dict[str, Any]:
    import qasync

    from ecabinet.app import make_application, prepare
    from ecabinet.core.settings import Settings
    from ecabinet.net.connection import Connection
    from ecabinet.shell.window import MainWindow

    app = make_application([])
    settings = Settings(Path(folder) / "ecabinet.ini")
    settings.cache_dir = Path(folder) / "cache"
    settings.pin_fingerprint(url, fingerprint)
    translations = prepare(app, settings)

    async def run() -> int:
        window = MainWindow(settings, Connection())
        window.translations = translations
        window.show()
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def drawn() -> None:
            if not ready.done():
                ready.set_result(None)

        window.ready.connect(drawn)
        window.login.submitted.emit(url, username, password)
        await asyncio.wait_for(ready, 30)
        assert window.workspace is not None
        window.workspace.week.repaint()  # drawn, not only built
        cards = len(window.workspace.week.cards)
        await window.close_async()
        return cards

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        cards = runner.run(run())
    return {"cards": cards, "peak_mb": _peak_mb()}


def child_pdf(path: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from ecabinet.documents.viewer import PdfViewer

    app = QApplication(["bench"])
    data = Path(path).read_bytes()
    timings = []
    for _ in range(ROUNDS):
        viewer = PdfViewer()
        viewer.resize(1280, 800)
        viewer.show()
        app.processEvents()
        started = time.perf_counter()
        viewer.load_bytes(data)
        for _ in range(1000):  # loading from memory finishes within a few event rounds
            if viewer.page_count:
                break
            app.processEvents()
        viewer.view.viewport().repaint()  # the first page, drawn
        timings.append(time.perf_counter() - started)
        pages = viewer.page_count
        viewer.close()
        viewer.deleteLater()
        app.processEvents()
    return {"pages": pages, "seconds": statistics.median(timings)}


async def _login(url: str, fingerprint: str, username: str, password: str) -> Any:
    from ecabinet.net.client import Client

    client = await Client.connect(url, pinned=fingerprint, open_timeout=10)
    await client.login(username, password)
    return client


def child_download(
    url: str, fingerprint: str, username: str, password: str, folder: str, ids: str
) -> dict[str, Any]:
    async def run() -> float:
        client = await _login(url, fingerprint, username, password)
        started = time.perf_counter()
        for document_id in ids.split(","):
            await client.download(document_id, Path(folder) / f"{document_id}.pdf")
        elapsed = time.perf_counter() - started
        await client.close()
        return elapsed

    return {"seconds": asyncio.run(run()), "peak_mb": _peak_mb()}


def child_sync(
    url: str, fingerprint: str, username: str, password: str, folder: str
) -> dict[str, Any]:
    import qasync
    from PySide6.QtWidgets import QApplication

    from ecabinet.core.settings import Settings
    from ecabinet.data.meeting_store import MeetingStore
    from ecabinet.net.connection import Connection
    from ecabinet.offline.sync import DocumentSync
    from ecabinet.offline.user_cache import open_vault

    app = QApplication(["bench"])
    settings = Settings(Path(folder) / "ecabinet.ini")
    settings.cache_dir = Path(folder) / "cache"

    async def run() -> tuple[float, int]:
        connection = Connection()
        await connection.open(url, fingerprint)
        await connection.login(username, password)
        vault = open_vault(settings, url, username, password, online=True)
        store = MeetingStore()
        await store.refresh(connection)
        sync = DocumentSync(connection, store, vault)
        started = time.perf_counter()
        fetched = await sync.run()
        elapsed = time.perf_counter() - started
        await connection.close()
        return elapsed, fetched

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        elapsed, fetched = runner.run(run())
    return {"seconds": elapsed, "documents": fetched, "peak_mb": _peak_mb()}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "bare": child_bare,
    "calendar": child_calendar,
    "pdf": child_pdf,
    "download": child_download,
    "sync": child_sync,
}


# -- the parent: a server, then the children --------------------------------------------------


async def spawn(*args: str) -> tuple[float, dict[str, Any]]:
    """Run a child; returns its wall time from launch to exit and its JSON line."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.client",
        "--child",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 600)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed:\n{err.decode()[-2000:]}")
    return elapsed, json.loads(out.decode().strip().splitlines()[-1])


def people(role: str, unit: str) -> str:
    from server.demo.seed import city_data

    for person in city_data()["people"]:
        if [unit, role] in person["roles"]:
            return str(person["username"])
    raise LookupError(f"no {role} of {unit} in the demo city")


async def prepare_dossier(url: str, fingerprint: str, password: str, folder: Path) -> list[str]:
    """A published meeting tomorrow with 100 MB of PDFs, uploaded by the UBND secretary."""
    from server.pdfgen.large import make_large_pdf

    client = await _login(url, fingerprint, people("secretary", "ubnd"), password)
    starts = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).replace(microsecond=0)
    meeting = await client.call(
        "meeting.create",
        title="Hồ sơ 100 MB",
        organiser_unit_id="ubnd",
        starts_at=starts.isoformat(),
        ends_at=(starts + dt.timedelta(hours=2)).isoformat(),
        hall="Hội trường A",
        invited_unit_ids=["ubnd"],
    )
    await client.call(
        "agenda.add",
        meeting_id=meeting["id"],
        title="Báo cáo",
        planned_minutes=30,
        presenter_name="",
    )
    ids = []
    size = DOSSIER_MB * 1024 * 1024 // DOSSIER_FILES
    for index in range(DOSSIER_FILES):
        path = folder / f"ho-so-{index}.pdf"
        path.write_bytes(make_large_pdf(50, size, seed=index))
        document = await client.upload(meeting["id"], path, title=f"Hồ sơ {index}")
        ids.append(document.id)
    await client.call("meeting.transition", meeting_id=meeting["id"], to="published")
    await client.close()
    return ids


async def documents_to_sync(url: str, fingerprint: str, username: str, password: str) -> list[str]:
    """What the sync will copy (every document of the upcoming meetings), so the plain
    download fetches the same bytes."""
    client = await _login(url, fingerprint, username, password)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    ids = []
    for meeting in await client.call("meetings.list"):
        if dt.datetime.fromisoformat(meeting["ends_at"]) >= since:
            detail = await client.call("meeting.get", meeting_id=meeting["id"])
            ids += [d["id"] for d in detail["documents"]]
    await client.close()
    return ids


async def main() -> dict[str, Any]:
    from server.app import running
    from server.config import AuthSettings, ServerConfig
    from server.demo.seed import seed_demo
    from server.pdfgen.large import make_large_pdf

    fast = AuthSettings(argon2_time_cost=1, argon2_memory_kib=8 * 1024, argon2_parallelism=1)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ecabinet-bench-client-") as tmp:
        root = Path(tmp)
        city = seed_demo(root / "server", auth=fast)
        config = ServerConfig(data_dir=root / "server", port=0, auth=fast)
        async with running(config) as server:
            url, fp = server.url, str(server.fingerprint)
            delegate = people("delegate", "ubnd")

            bare = [(await spawn("bare"))[0] for _ in range(ROUNDS)]
            calendar = []
            for round_ in range(ROUNDS):
                elapsed, found = await spawn(
                    "calendar", url, fp, delegate, city.password, str(root / f"laptop-{round_}")
                )
                calendar.append(elapsed)
            results["start"] = {
                "bare_s": statistics.median(bare),
                "calendar_s": statistics.median(calendar),
                "ratio": statistics.median(calendar) / statistics.median(bare),
                "cards": found["cards"],
                "target_s": 1.5,
            }
            print(
                f"cold start to the calendar drawn: {results['start']['calendar_s']:.2f} s "
                f"(bare QApplication with one window: {results['start']['bare_s']:.2f} s, "
                f"×{results['start']['ratio']:.1f}; target < 1.5 s)",
                flush=True,
            )

            big, small = root / "300.pdf", root / "1.pdf"
            big.write_bytes(make_large_pdf(300))
            small.write_bytes(make_large_pdf(1))
            _, opened = await spawn("pdf", str(big))
            _, one = await spawn("pdf", str(small))
            results["pdf"] = {
                "pages": opened["pages"],
                "seconds": opened["seconds"],
                "one_page_s": one["seconds"],
                "target_s": 0.3,
            }
            print(
                f"300-page PDF to the first page drawn: {opened['seconds'] * 1000:.0f} ms "
                f"(1-page PDF: {one['seconds'] * 1000:.0f} ms; target < 300 ms)",
                flush=True,
            )

            await prepare_dossier(url, fp, city.password, root)
            ids = await documents_to_sync(url, fp, delegate, city.password)
            (root / "plain").mkdir()
            _, plain = await spawn(
                "download", url, fp, delegate, city.password, str(root / "plain"), ",".join(ids)
            )
            _, synced = await spawn("sync", url, fp, delegate, city.password, str(root / "synced"))
            results["sync"] = {
                "megabytes": DOSSIER_MB,
                "documents": synced["documents"],
                "sync_s": synced["seconds"],
                "download_s": plain["seconds"],
                "ratio": synced["seconds"] / plain["seconds"],
                "sync_peak_mb": synced["peak_mb"],
                "download_peak_mb": plain["peak_mb"],
            }
            print(
                f"sync of a {DOSSIER_MB} MB dossier (with the demo's, {synced['documents']} "
                f"documents, {len(ids)} in the plain download) into "
                f"the encrypted cache: {synced['seconds']:.2f} s against a plain download "
                f"{plain['seconds']:.2f} s (×{results['sync']['ratio']:.2f}); peak memory "
                f"{synced['peak_mb']:.0f} MB against {plain['peak_mb']:.0f} MB",
                flush=True,
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(CHILDREN[sys.argv[2]](*sys.argv[3:])), flush=True)
    else:
        asyncio.run(main())
