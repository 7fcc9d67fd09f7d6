"""Joining and leaving many times leaves no peer connection, task or thread behind."""

import asyncio
import gc
import threading
import weakref

from sfu_peers import Progress, publish, subscribe

from media.forwarding import Forwarder, Layer

JOINS = 50
PUBLISHER_JOINS = 5


def decoder_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name.endswith("-decoder"))


async def settle(baseline: set[asyncio.Task[object]]) -> set[asyncio.Task[object]]:
    """Let tasks that aiortc ends on its own finish; return the ones that stay."""
    extra = asyncio.all_tasks() - baseline - {asyncio.current_task()}
    if extra:
        await asyncio.wait(extra, timeout=10)
    return {t for t in asyncio.all_tasks() - baseline if not t.done()} - {asyncio.current_task()}


async def test_fifty_joins_and_leaves_leak_nothing(progress: Progress) -> None:
    forwarder = Forwarder()
    pub = await publish(forwarder, progress, "hall", 1)
    try:
        tasks = asyncio.all_tasks()
        threads = decoder_threads()
        connections: list[weakref.ref[object]] = []
        for index in range(JOINS):
            name = f"guest-{index}"
            sub = await subscribe(forwarder, progress, name, {"hall": Layer.LOW}, read=False)
            got = sub.received["hall"]
            await progress.wait_for(lambda got=got: bool(got.keyframes), "a keyframe")
            connections += [weakref.ref(sub.client), weakref.ref(sub.server)]
            await forwarder.remove_subscriber(name)
            await sub.close()
            del sub, got
        # Sites that publish come and go too, with someone watching them.
        watcher = await subscribe(forwarder, progress, "watcher", {"hall": Layer.LOW}, read=False)
        for index in range(PUBLISHER_JOINS):
            site = f"ward-{index}"
            other = await publish(forwarder, progress, site, 10 + index)
            viewer = await subscribe(forwarder, progress, f"viewer-{index}", {site: Layer.LOW})
            got = viewer.received[site]
            await progress.wait_for(lambda got=got: len(got.video) >= 2, "frames")
            connections += [weakref.ref(c) for c in (other.client, other.server)]
            connections += [weakref.ref(c) for c in (viewer.client, viewer.server)]
            await other.close()
            await progress.wait_for(lambda got=got: got.video_ended, "the site's end")
            await forwarder.remove_subscriber(f"viewer-{index}")
            await viewer.close()
            del other, viewer, got
        await forwarder.remove_subscriber("watcher")
        await watcher.close()
        del watcher
        assert list(forwarder.feeds) == []
        assert list(forwarder.publishers) == ["hall"]
        left = await settle(tasks)
        assert not left, f"{len(left)} tasks left: {sorted(repr(t.get_coro()) for t in left)}"
        gc.collect()
        alive = [ref for ref in connections if ref() is not None]
        assert not alive, f"{len(alive)} of {len(connections)} peer connections still alive"
        assert decoder_threads() == threads
    finally:
        await pub.close()
        await forwarder.close()
