"""Real parts for the signing tests: a certomancer PKI served on loopback (OCSP, CRL, TSA)
and a SoftHSM2 token standing in for the signer's USB token."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pkcs11
import pytest
from asn1crypto import x509
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from signing_testdocs import REQUEST_FIELDS, minutes_pdf

from signing.certcheck import TrustSettings
from signing.fields import add_signature_fields

HERE = Path(__file__).resolve().parent
SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
KEY_LABELS = "root interm interm-ocsp tsa chair vice1 vice2 org expired revoked token-user".split()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


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

    def trust(self, **kwargs: bool) -> TrustSettings:
        return TrustSettings(roots=(self.root,), intermediates=(self.interm,), **kwargs)


def _write_keys(directory: Path) -> None:
    for label in KEY_LABELS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (directory / f"{label}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(b"secret"),
            )
        )


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackPki]:
    directory = tmp_path_factory.mktemp("pki")
    _write_keys(directory)
    holder: dict[str, Animator] = {}

    def app(environ: dict, start_response: object) -> object:
        return holder["app"](environ, start_response)  # type: ignore[operator]

    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    base_url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_file(
        str(HERE / "certomancer.yml"),
        key_search_dir=str(directory),
        external_url_prefix=base_url,
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


@dataclass(frozen=True)
class Token:
    module: str
    label: str
    pin: str
    key_label: str


@pytest.fixture(scope="session")
def softhsm_token(
    tmp_path_factory: pytest.TempPathFactory, test_pki: LoopbackPki
) -> Iterator[Token]:
    if shutil.which("softhsm2-util") is None or not Path(SOFTHSM_MODULE).exists():
        pytest.fail("SoftHSM2 is not installed (Debian package softhsm2)")
    directory = tmp_path_factory.mktemp("softhsm")
    (directory / "tokens").mkdir()
    conf = directory / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {directory / 'tokens'}\n"
        "objectstore.backend = file\nlog.level = ERROR\n"
    )
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    token = Token(SOFTHSM_MODULE, "ecabinet-test", "123456", "token-user")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def util(*args: str) -> None:
        subprocess.run(["softhsm2-util", *args], check=True, env=env, capture_output=True)

    util("--init-token", "--free", "--label", token.label, "--pin", token.pin, "--so-pin", "654321")
    key = serialization.load_pem_private_key(
        (test_pki.directory / "token-user.key.pem").read_bytes(), b"secret"
    )
    plain = directory / "token-user.pk8.pem"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    util(
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
    # softhsm2-util imports keys only; the certificates go in through PKCS#11 itself.
    lib = pkcs11.lib(SOFTHSM_MODULE)
    with lib.get_token(token_label=token.label).open(rw=True, user_pin=token.pin) as session:
        for label, cert, key_id in (
            (token.key_label, test_pki.cert("token-user"), b"\x01"),
            ("interm", test_pki.interm, b"\x02"),
        ):
            session.create_object(
                {
                    pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE,
                    pkcs11.Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                    pkcs11.Attribute.TOKEN: True,
                    pkcs11.Attribute.LABEL: label,
                    pkcs11.Attribute.ID: key_id,
                    pkcs11.Attribute.SUBJECT: cert.subject.dump(),
                    pkcs11.Attribute.VALUE: cert.dump(),
                }
            )
    try:
        yield token
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture(scope="session")
def request_pdf() -> bytes:
    """A three-page minutes document with all fields of the signing request already added."""
    return add_signature_fields(minutes_pdf(), REQUEST_FIELDS)
