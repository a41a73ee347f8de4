"""Shared fixtures: a real SMTP server on 127.0.0.1 (aiosmtpd), the bundled samples' config."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]


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
def smtp_server() -> Iterator[Callable[..., tuple[Collector, int]]]:
    """Start a real aiosmtpd server on a free port: start(refuse=(...), **smtp_options)."""
    controllers: list[Controller] = []

    def start(refuse: tuple[str, ...] = (), **options: Any) -> tuple[Collector, int]:
        handler = Collector(refuse=set(refuse))
        return handler, serve(handler, controllers, **options)

    yield start
    for controller in controllers:
        controller.stop()


def serve(handler: Any, controllers: list[Controller], port: int | None = None,
          **options: Any) -> int:
    """Run a real aiosmtpd server with `handler` on 127.0.0.1 (a free port unless given);
    the controller is added to `controllers` to be stopped. Returns the port."""
    port = port or _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    controllers.append(controller)
    return port


def write_sample_config(folder: Path, **overrides: Any) -> Path:
    """A config for the bundled samples whose outputs go to `folder`."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    data["contracts_dir"] = str(ROOT / "contracts_sample")
    data["rules_dir"] = str(ROOT / "rules")
    data["output_dir"] = str(folder / "output")
    for source in data["erp"]["datasets"].values():
        source["path"] = str(ROOT / source["path"])
    data.update(overrides)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def sample_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a config for the bundled samples whose outputs go to tmp_path: make(**overrides)."""
    return lambda **overrides: write_sample_config(tmp_path, **overrides)
