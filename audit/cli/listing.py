"""Listings for scripts: `--format table|csv|json`, one writer for every listing command."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import typer

FORMATS = ("table", "csv", "json")
FormatOption = Annotated[str, typer.Option("--format", help="table, csv or json (for scripts).")]


def print_records(records: list[dict[str, Any]], fields: Sequence[str], fmt: str) -> None:
    """A listing as csv (texts never a formula) or json (numbers as numbers, dates as ISO
    text), on stdout, nothing else."""
    import csv
    import io
    import json

    from audit.core.cells import neutralise

    def plain(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not listed as JSON")

    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1, default=plain))
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in r.items()} for r in records)
    print(buffer.getvalue(), end="")
