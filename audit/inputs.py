"""Before a run: are the exports fit for the period? (What a run used: provenance.py.)"""

from __future__ import annotations

import pandas as pd

from audit.config import AuditConfig
from audit.erp.loader import unusable
from audit.errors import InputError, Problem
from audit.models import ErpData, Period

TRANSACTION_DATES = {"order_lines": "order_date", "deliveries": "delivery_date",
                     "invoices": "invoice_date"}


def check_inputs(config: AuditConfig, erp: ErpData, period: Period,
                 problems: list[Problem]) -> None:
    """Every configured export loaded and reaches into the period; else fail before emailing."""
    missing = [name for name in config.erp.datasets if name not in erp.frames]
    stale = []
    for name, column in TRANSACTION_DATES.items():
        frame = erp.get(name)
        latest = frame[column].max() if frame is not None and len(frame) else None
        if frame is not None and (latest is None or pd.isna(latest)
                                  or latest < pd.Timestamp(period.start)):
            shown = "no rows" if latest is None or pd.isna(latest) else f"latest {latest:%Y-%m-%d}"
            stale.append(f"{name} ({shown})")
    if "invoices" not in config.erp.datasets and erp.get("order_lines") is not None:
        problems.append(Problem.of("erp", "erp.no_invoices", severity="warning"))
    if missing or stale:
        parts = ([f"missing or unreadable: {', '.join(_why(n, problems) for n in missing)}"]
                 if missing else []) + (
            [f"older than the period {period.label}: {', '.join(stale)}"] if stale else [])
        raise InputError(f"the ERP exports are not fit for this period ({'; '.join(parts)})"
                         "; no deviations were emailed")


def _why(name: str, problems: list[Problem]) -> str:
    """A dataset that did not load, with the loader's reason (file, row, what is wrong)."""
    ending = str(unusable("*")).split("'*'")[0]  # datasets read from one file share the message
    reasons = [str(p).split(f"; {ending}")[0] for p in problems if p.stage == "erp"
               and ending in p.message and f"'{name}'" in p.message.split(ending)[-1]]
    return f"{name} — {'; '.join(reasons)}" if reasons else name
