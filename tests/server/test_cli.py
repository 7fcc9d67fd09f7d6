"""The shell commands: `main.py admin` and `main.py server` with its TLS choices."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ecabinet.net.client import Client
from server import launcher
from server.tls import ensure_self_signed, fingerprint

ROOT = Path(__file__).resolve().parents[2]


def admin(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "admin", "--data", str(data), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


async def test_admin_creates_people_resets_passwords_and_merges_units(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert (
        admin(
            data, "add-unit", "ubnd", "--name", "UBND thành phố", "--kind", "peoples_committee"
        ).returncode
        == 0
    )
    for ward, name in (("phu-cuong", "Phú Cường"), ("hiep-thanh", "Hiệp Thành")):
        done = admin(
            data,
            "add-unit",
            ward,
            "--name",
            f"UBND phường {name}",
            "--kind",
            "ward",
            "--parent",
            "ubnd",
        )
        assert done.returncode == 0, done.stderr
    done = admin(
        data,
        "add-person",
        "thuky.ht",
        "--name",
        "Lê Thị Thu",
        "--title",
        "Thư ký",
        "--role",
        "hiep-thanh:secretary",
        "--password-stdin",
        stdin="mat-khau-ban-dau\n",
    )
    assert done.returncode == 0, done.stderr
    refused = admin(
        data,
        "add-person",
        "thuky.ht",
        "--name",
        "X",
        "--password-stdin",
        stdin="mat-khau-ban-dau\n",
    )
    assert refused.returncode == 1 and "exists" in refused.stderr
    assert (
        admin(
            data, "reset-password", "thuky.ht", "--password-stdin", stdin="mat-khau-moi-2026\n"
        ).returncode
        == 0
    )
    # The 2025 merger: Hiệp Thành joins Phú Cường and its secretary moves with it.
    assert admin(data, "merge-unit", "hiep-thanh", "phu-cuong").returncode == 0
    units = admin(data, "list-units").stdout
    assert "merged into phu-cuong" in units
    server = launcher.start(data)
    try:
        client = await Client.connect(server.url, pinned=server.fingerprint)
        await client.login("thuky.ht", "mat-khau-moi-2026")
        me = await client.call("me.get")
        assert me["memberships"] == [{"unit_id": "phu-cuong", "role": "secretary"}]
        history = (await client.call("units.list"))["history"]
        assert [(h["unit_id"], h["kind"]) for h in history][-1] == ("hiep-thanh", "merged")
        await client.close()
    finally:
        server.stop()


async def test_a_configured_certificate_replaces_the_self_signed_one(tmp_path: Path) -> None:
    own = tmp_path / "own"
    cert, key = ensure_self_signed(own, "127.0.0.1")
    data = tmp_path / "data"
    data.mkdir()
    (data / "server.toml").write_text(
        f'[server]\ntls_cert = "{cert}"\ntls_key = "{key}"\n', encoding="utf-8"
    )
    server = launcher.start(data)
    try:
        assert server.fingerprint == fingerprint(cert.read_bytes())
        assert not (data / "tls").exists()  # no self-signed certificate was made
        client = await Client.connect(server.url, pinned=server.fingerprint)
        assert "server_time" in await client.call("ping")
        await client.close()
    finally:
        server.stop()


def test_plain_websocket_off_loopback_is_refused_at_the_command_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "server",
            "--data",
            str(tmp_path),
            "--host",
            "0.0.0.0",
            "--plain",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "loopback" in done.stdout
