"""The test PKI of the signing tests, served on loopback, and SoftHSM2 tokens.

certomancer builds the certificates from tests/signing/certomancer.yml and its animator serves
OCSP, CRL and an RFC 3161 timestamp authority on 127.0.0.1; SoftHSM2 stands in for the
signer's USB token.
"""

from __future__ import annotations

import subprocess
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

from signing.certcheck import TrustSettings

CERTOMANCER_YML = Path(__file__).resolve().parents[1] / "signing" / "certomancer.yml"
SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
KEY_LABELS = "root interm interm-ocsp tsa chair vice1 vice2 org expired revoked token-user".split()
KEY_PASSWORD = b"secret"


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """The OCSP, CRL and timestamp requests of a test are not worth a line each."""


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass(frozen=True)
class LoopbackPki:
    directory: Path
    base_url: str
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

    def trust(self, **kwargs: bool) -> TrustSettings:
        return TrustSettings(roots=(self.root,), intermediates=(self.interm,), **kwargs)

    def write_server_trust(self, data_dir: Path) -> None:
        """`[signing]` in the server's `server.toml`: this PKI's roots and timestamp authority."""
        root, interm = self.pem_file("root"), self.pem_file("interm")
        (data_dir / "server.toml").write_text(
            "[signing]\n"
            f'trust_roots = ["{root}"]\n'
            f'intermediates = ["{interm}"]\n'
            f'tsa_url = "{self.tsa_url}"\n'
        )


def _write_keys(directory: Path) -> None:
    for label in KEY_LABELS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (directory / f"{label}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(KEY_PASSWORD),
            )
        )


@contextmanager
def serve_pki(directory: Path) -> Iterator[LoopbackPki]:
    """Make the keys, build the PKI and serve its OCSP, CRL and TSA on a free loopback port."""
    _write_keys(directory)
    holder: dict[str, Animator] = {}

    def app(environ: dict, start_response: object) -> object:
        return holder["app"](environ, start_response)  # type: ignore[operator]

    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    base_url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_file(
        str(CERTOMANCER_YML), key_search_dir=str(directory), external_url_prefix=base_url
    )
    holder["app"] = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    arch = config.get_pki_arch(ArchLabel("ecabinet"))
    try:
        yield LoopbackPki(
            directory=directory,
            base_url=base_url,
            tsa_url=arch.service_registry.get_tsa_info("tsa").url,
            root=arch.get_cert(CertLabel("root")),
            interm=arch.get_cert(CertLabel("interm")),
            arch=arch,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def init_softhsm_token(
    directory: Path, pki: LoopbackPki, *, label: str, pin: str, so_pin: str, key_label: str
) -> Path:
    """A SoftHSM2 token in `directory` holding the key of `key_label`; returns its config file.

    Only the key goes in here (softhsm2-util imports keys only); callers add the certificates
    through PKCS#11 itself.
    """
    (directory / "tokens").mkdir(parents=True, exist_ok=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {directory / 'tokens'}\n"
        "objectstore.backend = file\nlog.level = ERROR\n"
    )
    env = {"SOFTHSM2_CONF": str(conf), "PATH": "/usr/bin:/bin:/usr/local/bin"}

    def util(*args: str) -> None:
        subprocess.run(
            ["softhsm2-util", *args], check=True, env=env, capture_output=True, timeout=60
        )

    util("--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", so_pin)
    key = serialization.load_pem_private_key(
        (pki.directory / f"{key_label}.key.pem").read_bytes(), KEY_PASSWORD
    )
    plain = directory / f"{key_label}.pk8.pem"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    try:
        util(
            "--import",
            str(plain),
            "--token",
            label,
            "--label",
            key_label,
            "--id",
            "01",
            "--pin",
            pin,
        )
    finally:
        plain.unlink()
    return conf
