"""Fixtures for the notify tests: the sample run, its emails and a real SMTP server."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from audit.config import SmtpConfig
from audit.models import AuditRun
from audit.notify.build import OwnerEmail, build_owner_emails
from tests.report.sample_run import sample_run

SENDER = "Contract audit <audit@example.nl>"
NOW = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)


@pytest.fixture
def run() -> AuditRun:
    """A fresh sample run per test."""
    return sample_run()


@pytest.fixture
def emails(run: AuditRun) -> list[OwnerEmail]:
    """The Dutch owner emails of the sample run, dated deterministically."""
    return build_owner_emails(run, SENDER, "nl", now=NOW)


@dataclass
class Received:
    """One message as the SMTP server received it."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Collector:
    """aiosmtpd handler: refuses the listed recipients, keeps every message it accepts."""

    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                bytes(envelope.original_content or envelope.content),
            )
        )
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def closed_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on: a mail server that is down."""
    return _free_port()


@pytest.fixture
def smtp_config() -> Callable[..., SmtpConfig]:
    """Make an SmtpConfig for the local test server: smtp_config(port, **settings)."""

    def make(port: int, **values: Any) -> SmtpConfig:
        return SmtpConfig.model_validate(
            {"host": "127.0.0.1", "port": port, "from": SENDER, "timeout": 5, **values}
        )

    return make


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[Collector, int]]]:
    """Start a real aiosmtpd server on a free port: start(refuse=(...), **smtp_options)."""
    controllers: list[Controller] = []

    def start(refuse: tuple[str, ...] = (), **options: Any) -> tuple[Collector, int]:
        handler = Collector(refuse=set(refuse))
        port = _free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        controllers.append(controller)
        return handler, port

    yield start
    for controller in controllers:
        controller.stop()
