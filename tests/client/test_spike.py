import asyncio
from pathlib import Path
from ecabinet.net.client import Client
from server.app import running
from server.config import ServerConfig
from tests.server.conftest import FAST_AUTH, seed_data_dir
from tests.server import org

async def test_spike(tmp_path: Path, qtbot) -> None:
    seed_data_dir(tmp_path / "d")
    async with running(ServerConfig(data_dir=tmp_path / "d", port=0, auth=FAST_AUTH)) as srv:
        c = await Client.connect(srv.url)
        r = await c.login("thuky", org.PASSWORD)
        print(type(asyncio.get_running_loop()), r.person.full_name)
        await c.close()

async def test_spike2(tmp_path: Path) -> None:
    await asyncio.sleep(0.01)
    print(type(asyncio.get_running_loop()))
