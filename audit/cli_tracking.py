"""Commands that work on tracked deviations and emails: deviations, ack, resolve, suppress, send."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the tracking commands to the main app."""
