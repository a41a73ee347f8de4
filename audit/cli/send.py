"""`contract-audit send`: deliver the emails waiting in the outboxes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import load_config
from audit.core.messages import render
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
        cfg = load_config(config)
        done = deliver_outbox(cfg, period, resend)
    except AuditError as e:
        raise fail(e, verbose) from None
    _report(done, cfg.language)
    if done.failed:
        raise typer.Exit(NotifyError.exit_code)


def _report(done: OutboxDelivery, lang: str) -> None:
    """One line per outbox, in the configured language: what was sent, what had gone out
    before, what failed; then the queued emails whose file is gone."""
    def say(code: str, **params: object) -> None:
        console.print(render(code, params, lang), markup=False, highlight=False)

    for folder, result in done.folders:
        sent, skipped, dry_run = len(result.sent), len(result.skipped), len(result.dry_run)
        if dry_run:
            say("send.dry_run_left", folder=folder, n=dry_run)
        if not (sent or skipped or result.problems):
            if not dry_run:
                say("send.nothing", folder=folder)
            continue
        say("send.summary", folder=folder, sent=sent, skipped=skipped,
            failed=len(result.problems))
        for problem in result.problems:
            say("send.error", problem=problem.render(lang))
    for e in done.lost:
        say("send.lost", recipient=e["recipient"], period=e["period"], file=e["file"])
