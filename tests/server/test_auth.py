from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from ecabinet.net.client import CertificateChanged, Client, ServerError
from server.app import RunningServer, running
from server.config import ServerConfig
from tests.server import org
from tests.server.conftest import Login


async def test_login_returns_a_token_that_resumes_on_a_new_connection(
    server: RunningServer,
) -> None:
    first = await Client.connect(server.url, pinned=server.fingerprint)
    result = await first.login("thuky", org.PASSWORD)
    assert result.person.full_name == "Nguyễn Thị Thư"
    await first.close()
    second = await Client.connect(server.url, pinned=server.fingerprint)
    resumed = await second.resume(result.token)
    assert resumed.person.id == result.person.id
    assert (await second.call("me.get"))["username"] == "thuky"
    await second.close()


async def test_wrong_password_and_unknown_user_get_the_same_answer(server: RunningServer) -> None:
    client = await Client.connect(server.url, pinned=server.fingerprint)
    answers = []
    for username in ("thuky", "khongtontai"):
        with pytest.raises(ServerError) as caught:
            await client.login(username, "sai-mat-khau")
        answers.append((caught.value.code, caught.value.message))
    assert answers[0] == answers[1] == ("unauthenticated", "Wrong user name or password.")
    await client.close()


async def test_repeated_failures_are_throttled_even_with_the_right_password(
    server: RunningServer,
) -> None:
    client = await Client.connect(server.url, pinned=server.fingerprint)
    for _ in range(server.state.config.auth.free_failures):
        with pytest.raises(ServerError):
            await client.login("chutich", "sai")
    # The next failure starts a wait; during it even the right password is refused.
    with pytest.raises(ServerError):
        await client.login("chutich", "sai")
    with pytest.raises(ServerError) as caught:
        await client.login("chutich", org.PASSWORD)
    assert caught.value.code == "rate_limited"
    assert caught.value.details["retry_after"] >= 1
    await client.close()


async def test_requests_before_login_are_refused_but_the_connection_stays(
    server: RunningServer,
) -> None:
    client = await Client.connect(server.url, pinned=server.fingerprint)
    with pytest.raises(ServerError) as caught:
        await client.call("meetings.list")
    assert caught.value.code == "unauthenticated"
    assert "server_time" in await client.call("ping")
    await client.close()


async def test_logout_ends_the_session(login: Login, server: RunningServer) -> None:
    client = await Client.connect(server.url, pinned=server.fingerprint)
    token = (await client.login("daibieu", org.PASSWORD)).token
    await client.call("auth.logout")
    with pytest.raises(ServerError):
        await client.call("meetings.list")
    other = await Client.connect(server.url, pinned=server.fingerprint)
    with pytest.raises(ServerError) as caught:
        await other.resume(token)
    assert caught.value.code == "unauthenticated"
    await client.close()
    await other.close()


async def test_expired_sessions_cannot_resume(config: ServerConfig) -> None:
    short = replace(config, auth=replace(config.auth, session_ttl_seconds=0))
    async with running(short) as srv:
        client = await Client.connect(srv.url, pinned=srv.fingerprint)
        token = (await client.login("thuky", org.PASSWORD)).token
        with pytest.raises(ServerError) as caught:
            await client.resume(token)
        assert caught.value.code == "unauthenticated"
        await client.close()


async def test_a_session_survives_a_server_restart(config: ServerConfig) -> None:
    async with running(config) as srv:
        client = await Client.connect(srv.url, pinned=srv.fingerprint)
        token = (await client.login("thuky", org.PASSWORD)).token
        fingerprint = srv.fingerprint
    await asyncio.wait_for(client.closed.wait(), 10)  # the server closed every connection
    async with running(config) as srv:
        assert srv.fingerprint == fingerprint  # the certificate was kept in the data folder
        client = await Client.connect(srv.url, pinned=fingerprint)
        assert (await client.resume(token)).person.username == "thuky"
        await client.close()


async def test_a_changed_certificate_is_refused(config: ServerConfig, tmp_path: object) -> None:
    async with running(config) as srv:
        pinned = srv.fingerprint
    (config.data_dir / "tls" / "cert.pem").unlink()  # the server now makes a new certificate
    async with running(config) as srv:
        assert srv.fingerprint != pinned
        with pytest.raises(CertificateChanged):
            await Client.connect(srv.url, pinned=pinned)


async def test_audit_log_records_logins_and_is_for_admins_only(login: Login) -> None:
    admin = await login("admin")
    secretary = await login("secretary")
    actions = [e["action"] for e in await admin.call("audit.list", limit=50)]
    assert actions.count("auth.login") == 2
    with pytest.raises(ServerError) as caught:
        await secretary.call("audit.list")
    assert caught.value.code == "forbidden"


def test_plain_websocket_is_refused_off_loopback(tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(ValueError, match="loopback"):
        ServerConfig(data_dir=Path(str(tmp_path)), host="0.0.0.0", plain=True)
