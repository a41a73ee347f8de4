"""The fault suite's tools: a real SMTP server that counts what it accepts and can kill the audit
at a chosen moment, the audit as a real process, and what every owner received."""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine

from audit.store import migrate
from tests.audit_csv import read_audit_csv
from tests.conftest import ROOT, CacheRows, seed_reading_cache, serve, write_sample_config


@dataclass
class Counting:
    """aiosmtpd handler: keeps what it accepts (250); `kill_at` names the n-th DATA (1-based) at
    which it kills the audit process instead of answering, `kill_on_ehlo` kills at the greeting,
    `drop_at` answers the n-th DATA with 421 and closes the connection."""

    accepted: list[email.message.EmailMessage] = field(default_factory=list)
    victim: int | None = None  # the audit's pid
    kill_at: int | None = None
    kill_on_ehlo: bool = False
    drop_at: int | None = None
    seen: int = 0

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        if self.kill_on_ehlo and self.victim:
            os.kill(self.victim, signal.SIGKILL)
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.seen += 1
        if self.kill_at == self.seen and self.victim:
            os.kill(self.victim, signal.SIGKILL)  # before the 250: this one is not delivered
            return "451 4.3.0 the client went away"
        if self.drop_at == self.seen:
            self.drop_at = None
            server.transport.close()  # the line drops in the middle of the conversation
            return "421 4.3.2 closing"
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=policy.default)
        self.accepted.append(message)
        return "250 accepted"

    def per_owner(self) -> Counter[str]:
        """How many emails each owner address received."""
        return Counter(str(m["To"].addresses[0].addr_spec) for m in self.accepted)


@pytest.fixture
def mail_server() -> Iterator[Callable[..., tuple[Counting, int]]]:
    """Start a counting SMTP server on 127.0.0.1: start(**handler settings) -> (handler, port)."""
    controllers: list[Controller] = []

    def start(port: int | None = None, **settings: Any) -> tuple[Counting, int]:
        handler = Counting(**settings)
        return handler, serve(handler, controllers, port)

    yield start
    for controller in controllers:
        controller.stop()


def smtp(port: int) -> dict[str, Any]:
    """The smtp: section for a local server without login."""
    return {"host": "127.0.0.1", "port": port, "from": "audit@example.nl", "timeout": 5}


def sample_config(folder: Path, **overrides: Any) -> Path:
    """The bundled samples, outputs and database under `folder`."""
    return write_sample_config(folder, **overrides)


@pytest.fixture
def warm_config(reading_cache: CacheRows) -> Callable[..., Path]:
    """sample_config(folder, **overrides) whose database already holds the sample contracts as
    the session read them: a run reads no sample PDF again (call it once per folder)."""
    return lambda folder, **overrides: seed_reading_cache(sample_config(folder, **overrides),
                                                          reading_cache)


def audit_process(config: Path, *args: str, env: dict[str, str] | None = None
                  ) -> subprocess.Popen[str]:
    """`contract-audit run` (or another command) as a real process of its own."""
    command = [sys.executable, "-m", "audit", *(args or ("run",)), "--config", str(config)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})


def owners_of(output: Path, period: str) -> set[str]:
    """The owner addresses the period's deviations.csv names: each must get one email."""
    frame = read_audit_csv(output / period / "deviations.csv", keep_default_na=False)
    return set(frame.loc[frame["status"] != "resolved", "owner_email"]) - {""}


def at_head(url: str) -> bool:
    """Whether the database is at the latest schema revision."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return migrate.current(connection) == migrate.head()
    finally:
        engine.dispose()
