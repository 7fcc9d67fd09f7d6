"""The test PKI of tests/signing (same certomancer.yml) served on loopback, and a SoftHSM2
token prepared and used in child processes: the "laptop" with the USB token is another
process, and a PKCS#11 module reads its token directory once per process."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support.pki import SOFTHSM_MODULE, LoopbackPki, init_softhsm_token

HERE = Path(__file__).resolve().parent
LAPTOP = HERE / "token_laptop.py"
FlowPki = LoopbackPki


@dataclass(frozen=True)
class FlowToken:
    conf: Path
    label: str = "ecabinet-flow"
    pin: str = "246810"
    key_label: str = "token-user"

    def env(self) -> dict[str, str]:
        import os

        return {**os.environ, "SOFTHSM2_CONF": str(self.conf)}


def make_token(directory: Path, pki: FlowPki) -> FlowToken:
    token = FlowToken(directory / "softhsm2.conf")
    init_softhsm_token(
        directory,
        pki,
        label=token.label,
        pin=token.pin,
        so_pin="13579",
        key_label=token.key_label,
    )
    env = token.env()

    def run(*args: str) -> None:
        subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)

    run(
        sys.executable,
        str(LAPTOP),
        "setup",
        SOFTHSM_MODULE,
        token.label,
        token.pin,
        str(pki.pem_file("token-user")),
        str(pki.pem_file("interm")),
    )
    return token


async def sign_with_token(
    token: FlowToken, pdf: bytes, field: str, tsa_url: str, work: Path, *, pin: str | None = None
) -> bytes:
    """Sign on the "laptop" (a child process) with the SoftHSM2 token."""
    source, target = work / f"{field}-in.pdf", work / f"{field}-out.pdf"
    source.write_bytes(pdf)
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        str(LAPTOP),
        "sign",
        SOFTHSM_MODULE,
        token.label,
        pin or token.pin,
        token.key_label,
        field,
        tsa_url,
        str(source),
        str(target),
        env=token.env(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(child.communicate(), 90)
    if child.returncode != 0:
        raise RuntimeError(f"token signing failed: {err.decode()[-2000:]}")
    return target.read_bytes()
