"""A real server on loopback that trusts the test PKI, the people of tests/server/org.py
logged in, and a meeting with generated minutes whose signature blocks give the fields."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from signing_flow_helpers import Login, Minutes, minutes
from signing_flow_pki import FlowPki, FlowToken, make_token

from ecabinet.net.client import Client
from server.app import RunningServer, running
from server.config import ServerConfig
from tests.server import org
from tests.server.conftest import FAST_AUTH, seed_data_dir
from tests.server.meeting_helpers import published_meeting
from tests.support.pki import serve_pki


@pytest.fixture(scope="session")
def flow_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlowPki]:
    with serve_pki(tmp_path_factory.mktemp("flow-pki")) as pki:
        yield pki


@pytest.fixture(scope="session")
def flow_token(tmp_path_factory: pytest.TempPathFactory, flow_pki: FlowPki) -> FlowToken:
    return make_token(tmp_path_factory.mktemp("flow-softhsm"), flow_pki)


@pytest.fixture
def data_dir(tmp_path: Path, flow_pki: FlowPki) -> Path:
    data = tmp_path / "data"
    seed_data_dir(data)
    flow_pki.write_server_trust(data)
    return data


@pytest.fixture
async def server(data_dir: Path) -> AsyncIterator[RunningServer]:
    async with running(ServerConfig(data_dir=data_dir, port=0, auth=FAST_AUTH)) as srv:
        yield srv


@pytest.fixture
async def login(server: RunningServer) -> AsyncIterator[Login]:
    clients: list[Client] = []

    async def connect_as(key: str) -> Client:
        account = next(a for a in org.ACCOUNTS if a.key == key)
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login(account.username, org.PASSWORD)
        clients.append(client)
        return client

    yield connect_as
    for client in clients:
        await client.close()


@pytest.fixture
async def minutes_doc(login: Login, tmp_path: Path) -> Minutes:
    secretary = await login("secretary")
    meeting = await published_meeting(secretary)
    rendered = minutes()
    path = tmp_path / "bien-ban.pdf"
    path.write_bytes(rendered.pdf)
    document = await secretary.upload(meeting["id"], path, title="Biên bản phiên họp")
    return Minutes(meeting["id"], document.id, rendered)
