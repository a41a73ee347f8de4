"""Fixtures for the notify tests: the sample run and its emails (the SMTP server: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from audit.config import SmtpConfig
from audit.delivery import owner_workbooks
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
    return build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"), now=NOW)


@pytest.fixture
def smtp_config() -> Callable[..., SmtpConfig]:
    """Make an SmtpConfig for the local test server: smtp_config(port, **settings)."""

    def make(port: int, **values: Any) -> SmtpConfig:
        return SmtpConfig.model_validate(
            {"host": "127.0.0.1", "port": port, "from": SENDER, "timeout": 5, **values}
        )

    return make
