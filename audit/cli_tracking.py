"""Commands that work on tracked deviations and emails: deviations, ack, resolve, suppress, send."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from audit.config import AuditConfig, load_config
from audit.errors import AuditError, ConfigError, NotifyError, Problem
from audit.models import Deviation
from audit.parse import typed_date
from audit.private import mask

if TYPE_CHECKING:
    from audit.store.db import Store

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
STATUSES = ("new", "recurring", "reopened", "resolved", "open")
STATES = ("acknowledged", "resolved", "suppressed", "expired", "still_found", "none")

ConfigOption = Annotated[
    Path, typer.Option("--config", "-c", help="The config file; paths in it are relative to it.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks.")]
IdArgument = Annotated[str, typer.Argument(help="The deviation id, e.g. D-8647b2a23f.")]
ByOption = Annotated[str, typer.Option("--by", help="Who responds (recorded in the trail).")]
NoteOption = Annotated[str, typer.Option("--note", help="Why, or what is being done.")]


def _wide(table: Table) -> None:
    """Print a table at full width: a pipe or a log gets 160 columns, not 80."""
    Console(width=None if console.is_terminal else 160).print(table)


def _fail(error: Exception, verbose: bool) -> typer.Exit:
    """Print `error: ...` (with --verbose the traceback) and return the exit to raise."""
    if verbose:
        err_console.print(traceback.format_exc(), markup=False, highlight=False)
    err_console.print(f"error: {mask(str(error))}", markup=False, highlight=False)
    return typer.Exit(getattr(error, "exit_code", 1))


def _store(config: Path) -> tuple[AuditConfig, Store]:
    """The config and its database (imported late, so the CLI starts fast)."""
    from audit.store.db import Store

    cfg = load_config(config)
    return cfg, Store(cfg.db_url)


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


def _choice(value: str | None, valid: tuple[str, ...], option: str) -> str | None:
    if value is not None and value not in valid:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(valid)}", param_hint=option)
    return value


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


FORMATS = ("table", "csv", "json")
_FIELDS = ("deviation_id", "status", "customer_id", "customer_name", "rule_id", "kind",
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


def print_records(records: list[dict[str, Any]], fields: Sequence[str], fmt: str) -> None:
    """A listing as csv (texts never a formula) or json (numbers as numbers, dates as ISO
    text), on stdout, nothing else."""
    import csv
    import io
    import json

    from audit.report.workbook import neutralise

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


def deviations(
    deviation_id: Annotated[str | None, typer.Argument(
        help="Show one deviation: its runs and its audit trail.")] = None,
    config: ConfigOption = Path("config.yaml"),
    period: Annotated[str | None, typer.Option(help="The run of this period (YYYY-MM); "
                                               "default: the latest.")] = None,
    status: Annotated[str | None, typer.Option(help=f"One of {', '.join(STATUSES)}.")] = None,
    owner: Annotated[str | None, typer.Option(help="Part of the owner's name or email.")] = None,
    customer: Annotated[str | None, typer.Option(help="Customer id or part of its name.")] = None,
    rule: Annotated[str | None, typer.Option(help="Rule id, e.g. payment_term.")] = None,
    state: Annotated[str | None, typer.Option(
        help=f"Owner's response: {', '.join(STATES)}.")] = None,
    escalated: Annotated[bool, typer.Option("--escalated", help="Only escalated ones.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (for scripts).")
                   ] = "table",
    verbose: VerboseOption = False,
) -> None:
    """List the tracked deviations of the latest run (filtered), or show one with its trail."""
    _choice(fmt, FORMATS, "--format")
    _choice(status, STATUSES, "--status")
    _choice(state, STATES, "--state")
    try:
        _, store = _store(config)
        if deviation_id:
            _show(store, deviation_id)
            return
        shown_period, rows = store.tracked(period)
    except AuditError as e:
        raise _fail(e, verbose) from None
    rows = [d for d in rows if _matches(d, status, owner, customer, rule, state, escalated)]
    if shown_period is None:
        console.print(f"no completed run{' for ' + period if period else ''} in the database")
        return
    if fmt != "table":
        _print_rows(rows, fmt)
        return
    _wide(_table(rows))
    console.print(f"{len(rows)} deviation(s) of the run for {shown_period}")


def _show(store: Store, deviation_id: str) -> None:
    """One deviation: what it is, its status per run, and who did what when."""
    d, trail, runs = store.trail(deviation_id)
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
    _wide(table)


def _respond(config: Path, deviation_id: str, action: str, by: str, note: str,
             until: date | None, verbose: bool) -> None:
    """Record an owner's response and confirm it."""
    if not by.strip():
        raise typer.BadParameter("say who responds", param_hint="--by")
    try:
        _, store = _store(config)
        d = store.respond(deviation_id, action, by.strip(), note.strip(), until)
    except AuditError as e:
        raise _fail(e, verbose) from None
    until_text = f" until {until.isoformat()}" if until else ""
    console.print(f"{d.deviation_id} {action.replace('_', ' ')} by {by}{until_text}"
                  f"{': ' + note if note else ''}", markup=False, highlight=False)
    if until is not None and until < date.today():
        console.print(f"note: {until.isoformat()} has passed; the suppression has no effect")


def ack(deviation_id: IdArgument, by: ByOption, note: NoteOption = "",
        config: ConfigOption = Path("config.yaml"), verbose: VerboseOption = False) -> None:
    """Acknowledge a deviation: the owner has seen it and acts on it."""
    _respond(config, deviation_id, "acknowledged", by, note, None, verbose)


def resolve(deviation_id: IdArgument, by: ByOption, note: NoteOption = "",
            config: ConfigOption = Path("config.yaml"), verbose: VerboseOption = False) -> None:
    """Report a deviation resolved; the next run checks it (found again: 'still found')."""
    _respond(config, deviation_id, "marked_resolved", by, note, None, verbose)


def suppress(
    deviation_id: IdArgument, by: ByOption,
    reason: Annotated[str, typer.Option("--reason", help="Why it may be left alone.")],
    until: Annotated[str, typer.Option("--until", help="Last day of the suppression, "
                                       "31-12-2026, 31/12/2026 or 2026-12-31; after it the deviation is open "
                                       "again.")],
    config: ConfigOption = Path("config.yaml"), verbose: VerboseOption = False,
) -> None:
    """Suppress a deviation until a date: not emailed, not escalated, not counted as open."""
    try:
        last_day = typed_date(until)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--until") from None
    if not reason.strip():
        raise typer.BadParameter("say why", param_hint="--reason")
    _respond(config, deviation_id, "suppressed", by, reason, last_day, verbose)


def _outboxes(cfg: AuditConfig, period: str | None) -> list[Path]:
    output = cfg.path(cfg.output_dir)
    if period is not None:
        return [output / period / "outbox"]
    return sorted(p for p in output.glob("*/outbox") if p.is_dir())


def send(
    config: ConfigOption = Path("config.yaml"),
    period: Annotated[str | None, typer.Option(
        help="Only this period's outbox (YYYY-MM); default: every period's.")] = None,
    resend: Annotated[bool, typer.Option(
        "--resend", help="Send even an email that went out before.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Deliver the emails waiting in output/<period>/outbox/ (after an SMTP outage)."""
    from audit.lock import LOCK_FILE, AuditLock

    try:
        cfg, store = _store(config)
        if cfg.smtp is None:
            raise ConfigError("nothing can be sent: config.yaml has no smtp: section")
        cfg.smtp.check()
        with AuditLock(cfg.path(cfg.output_dir) / LOCK_FILE, purpose="send"):
            problems = sum(_send_folder(store, cfg, folder, resend)
                           for folder in _outboxes(cfg, period))
            problems += _report_lost(store, period)
    except AuditError as e:
        raise _fail(e, verbose) from None
    if problems:
        raise typer.Exit(NotifyError.exit_code)


def _send_folder(store: Store, cfg: AuditConfig, folder: Path, resend: bool) -> int:
    """Deliver one outbox, each email marked sent as soon as it is accepted; the problems."""
    from audit.notify.outbox import deliver_outbox, email_period

    assert cfg.smtp is not None
    result = deliver_outbox(
        folder, cfg.smtp,
        should_send=lambda e, p: resend or _unsent(store, email_period(e, p), e),
        on_sent=lambda e, p: store.record_sent(email_period(e, p), e.email, e.digest,
                                               _message_id(e)))
    _report_outbox(folder, len(result.sent), len(result.skipped), result.problems,
                   len(result.dry_run))
    return len(result.problems)


def _report_lost(store: Store, period: str | None) -> int:
    """Queued emails whose outbox file is gone (a run killed before writing them): say so."""
    lost = [e for e in store.pending_emails(period) if not Path(e["file"]).exists()]
    for e in lost:
        console.print(f"  error: {e['recipient']}: the email of {e['period']} was queued but its "
                      f"file {e['file']} is missing; run the audit of {e['period']} again to "
                      "rebuild and send it", markup=False, highlight=False)
    return len(lost)


def _message_id(email: Any) -> str:
    return str(email.message.get("Message-ID", "")).strip()


def _unsent(store: Store, period: str, email: Any) -> bool:
    """Whether an outbox email still has to go: its outbox row says pending (an email the
    outbox never recorded: it did not go out before)."""
    state = store.outbox_state(_message_id(email))
    if state is not None:
        return state == "pending"
    return not store.was_sent(period, email.email, email.digest)


def _report_outbox(folder: Path, sent: int, skipped: int, problems: list[Problem],
                   dry_run: int) -> None:
    """One line per outbox: what was sent, what had gone out before, what failed."""
    if dry_run:
        console.print(f"{folder}: {dry_run} email(s) of a dry run left alone (run the audit "
                      "without --dry-run to send)", markup=False, highlight=False)
    if not (sent or skipped or problems):
        if not dry_run:
            console.print(f"{folder}: nothing to send", markup=False, highlight=False)
        return
    console.print(f"{folder}: {sent} sent, {skipped} already sent before, {len(problems)} "
                  "not sent (still in the outbox)", markup=False, highlight=False)
    for problem in problems:
        console.print(f"  error: {problem}", markup=False, highlight=False)


COMMANDS: dict[str, Callable[..., None]] = {
    "deviations": deviations, "ack": ack, "resolve": resolve, "suppress": suppress, "send": send,
}


def register(app: typer.Typer) -> None:
    """Add the tracking commands to the main app."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
