"""`contract-audit send`: deliver the emails waiting in the outboxes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.cli.deviations import _store
from audit.config import AuditConfig
from audit.errors import AuditError, ConfigError, NotifyError, Problem

if TYPE_CHECKING:
    from audit.store.db import Store


def _outboxes(cfg: AuditConfig, period: str | None) -> list[Path]:
    output = cfg.path(cfg.output_dir)
    if period is not None:
        return [output / period / "outbox"]
    return sorted(p for p in output.glob("*/outbox") if p.is_dir())


def send(
    config: ConfigOption = DEFAULT_CONFIG,
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
        raise fail(e, verbose) from None
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
