"""Fixtures for the report tests: the literal sample run."""

from __future__ import annotations

import pytest

from audit.models import AuditRun
from tests.report.sample_run import sample_run


@pytest.fixture
def run() -> AuditRun:
    """A fresh sample run per test."""
    return sample_run()
