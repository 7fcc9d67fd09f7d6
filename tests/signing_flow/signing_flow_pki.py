"""The test PKI of tests/signing (same certomancer.yml) served on loopback, and a SoftHSM2
token prepared and used in child processes: the "laptop" with the USB token is another
process, and a PKCS#11 module reads its token directory once per process."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from asn1crypto import pem, x509
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HERE = Path(__file__).resolve().parent
CERTOMANCER_YML = HERE.parent / "signing" / "certomancer.yml"
LAPTOP = HERE / "token_laptop.py"
SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
KEY_LABELS = "root interm interm-ocsp tsa chair vice1 vice2 org expired revoked token-user".split()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass(frozen=True)
class FlowPki:
    directory: Path
    tsa_url: str
    root: x509.Certificate
    interm: x509.Certificate
    arch: object

    def p12(self, label: str) -> Path:
        """The PKCS#12 file of `label`, protected by the password `pw-<label>`."""
        path = self.directory / f"{label}.p12"
        if not path.exists():
            data = self.arch.package_pkcs12(  # type: ignore[attr-defined]
                CertLabel(label), password=f"pw-{label}".encode()
            )
            path.write_bytes(data)
        return path

    def cert(self, label: str) -> x509.Certificate:
        return self.arch.get_cert(CertLabel(label))  # type: ignore[attr-defined]

    def pem(self, label: str) -> str:
        return pem.armor("CERTIFICATE", self.cert(label).dump()).decode()

    def pem_file(self, label: str) -> Path:
        path = self.directory / f"{label}.crt.pem"
        path.write_text(self.pem(label))
        return path


@contextmanager
def serve_pki(directory: Path) -> Iterator[FlowPki]:
    for label in KEY_LABELS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (directory / f"{label}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(b"secret"),
            )
        )
    holder: dict[str, Animator] = {}

    def app(environ: dict, start_response: object) -> object:
        return holder["app"](environ, start_response)  # type: ignore[operator]

    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    config = CertomancerConfig.from_file(
        str(CERTOMANCER_YML),
        key_search_dir=str(directory),
        external_url_prefix=f"http://127.0.0.1:{server.server_port}",
    )
    holder["app"] = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    arch = config.get_pki_arch(ArchLabel("ecabinet"))
    try:
        yield FlowPki(
            directory=directory,
            tsa_url=arch.service_registry.get_tsa_info("tsa").url,
            root=arch.get_cert(CertLabel("root")),
            interm=arch.get_cert(CertLabel("interm")),
            arch=arch,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


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
    (directory / "tokens").mkdir(parents=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {directory / 'tokens'}\n"
        "objectstore.backend = file\nlog.level = ERROR\n"
    )
    token = FlowToken(conf)
    env = token.env()

    def run(*args: str) -> None:
        subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)

    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        token.label,
        "--pin",
        token.pin,
        "--so-pin",
        "13579",
    )
    key = serialization.load_pem_private_key(
        (pki.directory / "token-user.key.pem").read_bytes(), b"secret"
    )
    plain = directory / "token-user.pk8.pem"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    run(
        "softhsm2-util",
        "--import",
        str(plain),
        "--token",
        token.label,
        "--label",
        token.key_label,
        "--id",
        "01",
        "--pin",
        token.pin,
    )
    plain.unlink()
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
