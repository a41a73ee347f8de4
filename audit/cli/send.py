"""`contract-audit send`: deliver the emails waiting in the outboxes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import load_config
from audit.errors import AuditError, NotifyError

if TYPE_CHECKING:
    from audit.pipeline import OutboxDelivery


def send(
    config: ConfigOption = DEFAULT_CONFIG,
    period: Annotated[str | None, typer.Option(
        help="Only this period's outbox (YYYY-MM); default: every period's.")] = None,
    resend: Annotated[bool, typer.Option(
        "--resend", help="Send even an email that went out before.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Deliver the emails waiting in output/<period>/outbox/ (after an SMTP outage)."""
    from audit.pipeline import deliver_outbox

    try:
        done = deliver_outbox(load_config(config), period, resend)
    except AuditError as e:
        raise fail(e, verbose) from None
    _report(done)
    if done.failed:
        raise typer.Exit(NotifyError.exit_code)


def _report(done: OutboxDelivery) -> None:
    """One line per outbox: what was sent, what had gone out before, what failed; then the
    queued emails whose file is gone."""
    for folder, result in done.folders:
        sent, skipped, dry_run = len(result.sent), len(result.skipped), len(result.dry_run)
        if dry_run:
            console.print(f"{folder}: {dry_run} email(s) of a dry run left alone (run the audit "
                          "without --dry-run to send)", markup=False, highlight=False)
        if not (sent or skipped or result.problems):
            if not dry_run:
                console.print(f"{folder}: nothing to send", markup=False, highlight=False)
            continue
        console.print(f"{folder}: {sent} sent, {skipped} already sent before, "
                      f"{len(result.problems)} not sent (still in the outbox)", markup=False,
                      highlight=False)
        for problem in result.problems:
            console.print(f"  error: {problem}", markup=False, highlight=False)
    for e in done.lost:
        console.print(f"  error: {e['recipient']}: the email of {e['period']} was queued but its "
                      f"file {e['file']} is missing; run the audit of {e['period']} again to "
                      "rebuild and send it", markup=False, highlight=False)
