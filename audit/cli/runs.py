"""`contract-audit runs`: the recorded runs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import load_config
from audit.errors import AuditError


def runs(config: ConfigOption = DEFAULT_CONFIG,
         limit: Annotated[int, typer.Option(help="How many runs to show.")] = 20,
         verbose: VerboseOption = False) -> None:
    """List the recorded runs: period, start, duration, status, counts, error."""
    from audit.store.db import Store

    try:
        rows = Store(load_config(config).db_url).runs(limit)
    except AuditError as e:
        raise fail(e, verbose) from None
    table = Table("run", "period", "started (UTC)", "seconds", "status", "deviations", "problems",
                  "error")
    for r in rows:
        took = (r["finished_at"] - r["started_at"]).total_seconds() if r["finished_at"] else None
        table.add_row(str(r["id"]), r["period"], f"{r['started_at']:%Y-%m-%d %H:%M:%S}",
                      "" if took is None else f"{took:.1f}", r["status"],
                      str(r["stats"].get("deviations", "")), str(r["problems"]),
                      (r["error"] or "")[:400])  # the reason must show, wrapped
    console.print(table)
