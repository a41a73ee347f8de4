"""`contract-audit runs`: the recorded runs."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, choice, console, fail
from audit.cli.listing import FORMATS, FormatOption, print_records
from audit.config import load_config
from audit.errors import AuditError

RUN_FIELDS = ("run", "period", "started_at", "seconds", "status", "deviations", "problems",
              "error")


def runs(config: ConfigOption = DEFAULT_CONFIG,
         limit: Annotated[int, typer.Option(help="How many runs to show.")] = 20,
         fmt: FormatOption = "table",
         verbose: VerboseOption = False) -> None:
    """List the recorded runs: period, start, duration, status, counts, error."""
    from audit.pipeline import recorded_runs

    choice(fmt, FORMATS, "--format")
    try:
        rows = [_record(r) for r in recorded_runs(load_config(config), limit)]
    except AuditError as e:
        raise fail(e, verbose) from None
    if fmt != "table":
        print_records(rows, RUN_FIELDS, fmt)
        return
    table = Table("run", "period", "started (UTC)", "seconds", "status", "deviations", "problems",
                  "error")
    for r in rows:
        table.add_row(str(r["run"]), r["period"], f"{r['started_at']:%Y-%m-%d %H:%M:%S}",
                      "" if r["seconds"] is None else f"{r['seconds']:.1f}", r["status"],
                      "" if r["deviations"] is None else str(r["deviations"]),
                      str(r["problems"]), (r["error"] or "")[:400])  # the reason must show
    console.print(table)


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """One run as listed: how long it took, its deviation count (None for a failed run)."""
    finished, started = row["finished_at"], row["started_at"]
    seconds = round((finished - started).total_seconds(), 1) if finished else None
    return {"run": row["id"], "period": row["period"], "started_at": started,
            "seconds": seconds, "status": row["status"],
            "deviations": row["stats"].deviations if row["stats"] else None, "problems": row["problems"],
            "error": row["error"]}
