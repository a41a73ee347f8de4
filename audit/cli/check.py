"""`contract-audit check`: load every ERP dataset and show what was read, without an audit.

The first thing a new user runs against their own exports: per dataset the file(s), the rows
read and rejected, the mapping (ERP column -> our field, with one sample value each) and what
is missing; then every problem the loader found. Exit 7 when a configured dataset did not load.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import DATASETS, load_config
from audit.errors import AuditError, InputError
from audit.models import ErpData


def check(config: ConfigOption = DEFAULT_CONFIG,
          verbose: VerboseOption = False) -> None:
    """Load every ERP dataset and show rows, mapping and what is missing, without an audit."""
    try:
        from audit.pipeline import check_exports

        cfg = load_config(config)
        exports = check_exports(cfg)
    except AuditError as e:
        raise fail(e, verbose) from None
    failed = []
    erp = exports.erp
    for name in (n for n in DATASETS if n in exports.fields):
        if name not in cfg.erp.datasets:
            console.print(f"[bold]{name}[/bold]: not configured — the checks that need it are off")
        elif name in erp.frames:
            show_dataset(name, erp.frames[name], exports.fields[name])
            if name in exports.transactional and erp.frames[name].empty:
                failed.append(name)  # the run stops on it too: nothing to audit the period with
        else:
            failed.append(name)
            console.print(f"[bold]{name}[/bold]: [red]not loaded[/red]")
    show_problems(erp)
    if failed:
        err = InputError(f"dataset(s) not usable: {', '.join(failed)} (the reasons are above)")
        raise fail(err, False)


def show_dataset(name: str, frame: pd.DataFrame, fields: tuple[str, ...]) -> None:
    """One dataset: files, rows read/kept/rejected, mapping with a sample each, what is absent."""
    files = ", ".join(frame.attrs.get("files", []))
    read = int(frame.attrs.get("rows_read", len(frame)))
    console.print(f"[bold]{name}[/bold]: {files} — {read} rows read, {len(frame)} kept, "
                  f"{read - len(frame)} rejected", highlight=False)
    columns: dict[str, str] = frame.attrs.get("erp_columns", {})
    mapped = [f for f in fields if f in columns]
    fullest = frame[mapped].notna().sum(axis=1).idxmax() if len(frame) and mapped else None
    for field in mapped:
        one = frame.loc[[fullest], field] if fullest is not None else frame[field]
        shown = sample(one) if one.notna().any() else sample(frame[field])
        console.print(f"  {columns[field]!r:<28} -> {field:<22} {shown}", markup=False,
                      highlight=False)
    absent = [f for f in fields if f not in columns]
    if absent:
        console.print("  not in the export (optional): " + ", ".join(absent),
                      markup=False, highlight=False)


def sample(values: pd.Series) -> str:
    """One value of a column as the checks will see it (empty when the column has none)."""
    present = values[values.notna()] if len(values) else values
    if present.empty:
        return "(no values)"
    value = present.iloc[0]
    if isinstance(value, pd.Timestamp | datetime | np.datetime64):
        return str(pd.Timestamp(value).date())
    if isinstance(value, Decimal | date):
        return str(value)
    return repr(str(value)) if isinstance(value, str) else str(value)


def show_problems(erp: ErpData) -> None:
    """Every problem the loader found; a dataset that did not load says why."""
    if not erp.problems:
        console.print("no problems: every configured dataset loaded cleanly")
        return
    console.print(f"problems ({len(erp.problems)}):")
    for problem in erp.problems:
        console.print(f"  {problem.severity}: {problem}", markup=False, highlight=False)

