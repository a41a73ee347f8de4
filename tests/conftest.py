"""Shared fixtures: a real SMTP server on 127.0.0.1 (aiosmtpd), the bundled samples' config, the
sample audit run once per session (shared by the xdist workers), and a database that already
holds what that run read."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

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


@dataclass(frozen=True)
class SampleAudit:
    """`contract-audit run --period 2026-10 --dry-run` on the bundled samples, as it ended."""

    folder: Path  # holds config.yaml and output/
    code: int
    output: str  # what the command printed

    @property
    def out(self) -> Path:
        """The period's output folder."""
        return self.folder / "output" / "2026-10"


@pytest.fixture(scope="session")
def sample_audit(tmp_path_factory: pytest.TempPathFactory) -> SampleAudit:
    """The sample audit's dry run, once per test session: for tests that only read its outputs.
    A test that changes them copies the folder first. The xdist workers share it: the first to
    ask runs it under a file lock in the session's temporary folder, the others wait for it and
    read what it left (the run is 14 PDFs read on every core: once, not once per worker)."""
    from audit.cli import app

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's own
    folder, ended = shared / "sample-audit", shared / "sample-audit.json"
    with (shared / "sample-audit.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ended.exists():
            folder.mkdir()
            config = write_sample_config(folder)
            result = CliRunner().invoke(app, ["run", "--config", str(config), "--period",
                                              "2026-10", "--dry-run"])
            ended.write_text(json.dumps({"code": result.exit_code, "output": result.output}),
                             encoding="utf-8")
        run = json.loads(ended.read_text(encoding="utf-8"))
    return SampleAudit(folder, run["code"], run["output"])


CacheRows = list[dict[str, Any]]


@pytest.fixture(scope="session")
def reading_cache(sample_audit: SampleAudit) -> CacheRows:
    """What the session's sample audit read and found (the contract and terms cache rows)."""
    from audit.config import load_config
    from audit.store.db import Store
    from audit.store.tables import ContractCacheRow

    assert sample_audit.code == 0, sample_audit.output
    store = Store(load_config(sample_audit.folder / "config.yaml").db_url)
    with Session(store.engine) as s:
        rows = [{"key": r.key, "file": r.file, "read_at": r.read_at, "content": r.content}
                for r in s.scalars(select(ContractCacheRow))]
    store.engine.dispose()
    assert rows, "the sample audit cached its readings"
    return rows


def stored_deviations(url: str, run_id: int) -> int:
    """How many deviation rows a run stored in the database at `url` (a failed run: none)."""
    from sqlalchemy import create_engine, func

    from audit.store.tables import DeviationRow

    engine = create_engine(url)
    try:
        with Session(engine) as s:
            return int(s.scalar(select(func.count()).where(DeviationRow.run_id == run_id)) or 0)
    finally:
        engine.dispose()


def seed_reading_cache(config: Path, rows: CacheRows) -> Path:
    """Put the sample readings in the database `config` names (created at the latest schema),
    so its runs read no sample PDF again: for tests about what happens after the reading."""
    from audit.config import load_config
    from audit.store.db import Store
    from audit.store.tables import ContractCacheRow

    store = Store(load_config(config).db_url)
    with Session(store.engine) as s, s.begin():
        s.add_all(ContractCacheRow(**row) for row in rows)
    store.engine.dispose()
    return config


@pytest.fixture
def sample_audit_copy(sample_audit: SampleAudit, tmp_path: Path) -> Path:
    """The session's sample audit copied to tmp_path (its outputs, its database with the dry run
    and the readings): a test that goes on from that run changes only the copy. Returns the
    copy's config."""
    shutil.copytree(sample_audit.folder / "output", tmp_path / "output")
    return write_sample_config(tmp_path)


@pytest.fixture
def warm_sample_config(tmp_path: Path, reading_cache: CacheRows) -> Callable[..., Path]:
    """Like sample_config, with the sample contracts already in the database's reading cache:
    make(**overrides)."""
    return lambda **overrides: seed_reading_cache(write_sample_config(tmp_path, **overrides),
                                                  reading_cache)
