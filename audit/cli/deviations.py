"""Commands on tracked deviations: deviations (list, or one with its trail), ack, resolve,
suppress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, choice, console, fail, wide
from audit.cli.listing import FORMATS, FormatOption, print_records
from audit.config import AuditConfig, load_config
from audit.core.parse import typed_date
from audit.errors import AuditError
from audit.models import Deviation

STATUSES = ("new", "recurring", "reopened", "resolved", "open")
STATES = ("acknowledged", "resolved", "suppressed", "expired", "still_found", "none")

IdArgument = Annotated[str, typer.Argument(help="The deviation id, e.g. D-8647b2a23f.")]
ByOption = Annotated[str, typer.Option("--by", help="Who responds (recorded in the trail).")]
NoteOption = Annotated[str, typer.Option("--note", help="Why, or what is being done.")]


def _matches(d: Deviation, status: str | None, owner: str | None, customer: str | None,
             rule: str | None, state: str | None, escalated: bool) -> bool:
    """Whether a deviation passes the filters of `contract-audit deviations`."""
    checks = [
        status is None or d.status == status or (status == "open" and d.status != "resolved"),
        owner is None or owner.lower() in f"{d.owner} {d.owner_email}".lower(),
        customer is None or customer.lower() in f"{d.customer_id} {d.customer_name}".lower(),
        rule is None or d.rule_id == rule,
        state is None or d.owner_state == ("" if state == "none" else state),
        not escalated or (d.escalated and d.status != "resolved"),
    ]
    return all(checks)


def _table(rows: list[Deviation]) -> Table:
    table = Table("id", "status", "customer", "rule", "kind", "sev", "owner", "first seen",
                  "months", "due", "esc", "response", "EUR")
    table.columns[0].no_wrap = True
    for d in rows:
        table.add_row(d.deviation_id, d.status, d.customer_id, d.rule_id, d.kind, d.severity,
                      d.owner, d.first_seen, str(d.months_open or ""),
                      d.due_date.isoformat() if d.due_date else "",
                      "yes" if d.escalated and d.status != "resolved" else "",
                      d.owner_state, "" if d.impact_eur is None else f"{d.impact_eur:,.2f}")
    return table


_FIELDS = _FIELDS = ("deviation_id", "status", "customer_id", "customer_name", "rule_id", "kind",
           "severity", "owner", "first_seen", "months_open", "due_date", "escalated",
           "owner_state", "impact_eur", "description")


def _record(d: Deviation) -> dict[str, Any]:
    """A deviation's listed fields (print_records writes numbers and dates)."""
    record = {name: getattr(d, name) for name in _FIELDS}
    record["deviation_id"] = d.deviation_id
    record["escalated"] = bool(d.escalated and d.status != "resolved")
    return record


def _print_rows(rows: list[Deviation], fmt: str) -> None:
    print_records([_record(d) for d in rows], _FIELDS, fmt)


def deviations(
    deviation_id: Annotated[str | None, typer.Argument(
        help="Show one deviation: its runs and its audit trail.")] = None,
    config: ConfigOption = DEFAULT_CONFIG,
    period: Annotated[str | None, typer.Option(help="The run of this period (YYYY-MM); "
                                               "default: the latest.")] = None,
    status: Annotated[str | None, typer.Option(help=f"One of {', '.join(STATUSES)}.")] = None,
    owner: Annotated[str | None, typer.Option(help="Part of the owner's name or email.")] = None,
    customer: Annotated[str | None, typer.Option(help="Customer id or part of its name.")] = None,
    rule: Annotated[str | None, typer.Option(help="Rule id, e.g. payment_term.")] = None,
    state: Annotated[str | None, typer.Option(
        help=f"Owner's response: {', '.join(STATES)}.")] = None,
    escalated: Annotated[bool, typer.Option("--escalated", help="Only escalated ones.")] = False,
    fmt: FormatOption = "table",
    verbose: VerboseOption = False,
) -> None:
    """List the tracked deviations of the latest run (filtered), or show one with its trail."""
    choice(fmt, FORMATS, "--format")
    choice(status, STATUSES, "--status")
    choice(state, STATES, "--state")
    try:
        from audit.pipeline import tracked

        cfg = load_config(config)
        if deviation_id:
            _show(cfg, deviation_id)
            return
        shown_period, rows = tracked(cfg, period)
    except AuditError as e:
        raise fail(e, verbose) from None
    rows = [d for d in rows if _matches(d, status, owner, customer, rule, state, escalated)]
    if shown_period is None:
        console.print(f"no completed run{' for ' + period if period else ''} in the database")
        return
    if fmt != "table":
        _print_rows(rows, fmt)
        return
    wide(_table(rows))
    console.print(f"{len(rows)} deviation(s) of the run for {shown_period}")


def _show(cfg: AuditConfig, deviation_id: str) -> None:
    """One deviation: what it is, its status per run, and who did what when."""
    from audit.pipeline import trail as deviation_trail

    d, trail, runs = deviation_trail(cfg, deviation_id)
    console.print(f"[bold]{d.deviation_id}[/bold] {d.customer_id} {d.customer_name} · "
                  f"{d.rule_id} · {d.kind} · {d.severity}", highlight=False)
    console.print(d.description, markup=False, highlight=False)
    console.print(f"owner: {d.owner} <{d.owner_email}>   due: {d.due_date or '-'}   "
                  f"first seen: {d.first_seen or '-'}", markup=False, highlight=False)
    console.print("runs: " + ", ".join(f"{p} {s}" for p, s in runs), highlight=False)
    table = Table("when (UTC)", "who", "what", "why", "until", title="audit trail",
                  title_justify="left")
    for e in trail:
        table.add_row(f"{e['at']:%Y-%m-%d %H:%M}", str(e["actor"]), str(e["action"]),
                      str(e["note"]), str(e["until"] or ""))
    wide(table)


def _respond(config: Path, deviation_id: str, action: str, by: str, note: str,
             until: date | None, verbose: bool) -> None:
    """Record an owner's response and confirm it."""
    if not by.strip():
        raise typer.BadParameter("say who responds", param_hint="--by")
    try:
        from audit.pipeline import respond

        d = respond(load_config(config), deviation_id, action, by.strip(), note.strip(), until)
    except AuditError as e:
        raise fail(e, verbose) from None
    until_text = f" until {until.isoformat()}" if until else ""
    console.print(f"{d.deviation_id} {action.replace('_', ' ')} by {by}{until_text}"
                  f"{': ' + note if note else ''}", markup=False, highlight=False)
    if until is not None and until < date.today():
        console.print(f"note: {until.isoformat()} has passed; the suppression has no effect")


def ack(deviation_id: IdArgument, by: ByOption, note: NoteOption = "",
        config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False) -> None:
    """Acknowledge a deviation: the owner has seen it and acts on it."""
    _respond(config, deviation_id, "acknowledged", by, note, None, verbose)


def resolve(deviation_id: IdArgument, by: ByOption, note: NoteOption = "",
            config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False) -> None:
    """Report a deviation resolved; the next run checks it (found again: 'still found')."""
    _respond(config, deviation_id, "marked_resolved", by, note, None, verbose)


def suppress(
    deviation_id: IdArgument, by: ByOption,
    reason: Annotated[str, typer.Option("--reason", help="Why it may be left alone.")],
    until: Annotated[str, typer.Option("--until", help="Last day of the suppression, "
                                       "31-12-2026, 31/12/2026 or 2026-12-31; after it the deviation is open "
                                       "again.")],
    config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False,
) -> None:
    """Suppress a deviation until a date: not emailed, not escalated, not counted as open."""
    try:
        last_day = typed_date(until)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--until") from None
    if not reason.strip():
        raise typer.BadParameter("say why", param_hint="--reason")
    _respond(config, deviation_id, "suppressed", by, reason, last_day, verbose)
