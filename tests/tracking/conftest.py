"""Fixtures for the tracking tests: both databases, and a mail server with STARTTLS and login."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.store.databases import BACKENDS, database

USER, PASSWORD, PASSWORD_ENV = "audit", "s3cret-for-tests", "AUDIT_TEST_SMTP_PASSWORD"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: sqlite, then postgresql."""
    with database(request.param, tmp_path) as url:
        yield url


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    x509 = pytest.importorskip("cryptography.x509", reason="cryptography makes the test cert")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                   auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def secure_smtp(smtp_server: Callable[..., tuple[Any, int]], tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Callable[[], tuple[Any, int]]:
    """Start a real SMTP server that requires STARTTLS and login; the client trusts its
    certificate (SSL_CERT_FILE) and finds the password in AUDIT_TEST_SMTP_PASSWORD."""
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def start() -> tuple[Any, int]:
        return smtp_server(tls_context=context, require_starttls=True,
                           authenticator=_authenticator, auth_require_tls=True)

    return start


def smtp_settings(port: int) -> dict[str, Any]:
    """The config's smtp: section for the secure test server on `port`."""
    return {"host": "127.0.0.1", "port": port, "from": "Contract audit <audit@example.nl>",
            "username": USER, "password_env": PASSWORD_ENV, "starttls": True, "timeout": 10}
