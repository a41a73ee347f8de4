"""`contract-audit run`: one period's audit, with progress bars and the summary after it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from audit.cli.common import (
    DEFAULT_CONFIG,
    ConfigOption,
    VerboseOption,
    console,
    err_console,
    fail,
    setup_logging,
)
from audit.cli.startup import collector_paused
from audit.config import load_config
from audit.errors import AuditError, NotifyError
from audit.models import AuditRun, Period


def run(
    config: ConfigOption = DEFAULT_CONFIG,
    period: Annotated[str | None, typer.Option(
        help="Month to audit, YYYY-MM. Default: the previous calendar month.")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Write the emails to output/<period>/outbox/ instead of sending.")] = False,
    resend: Annotated[bool, typer.Option(
        "--resend", help="Send emails again even when the same email went out before.")] = False,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Re-read every contract instead of using the reading cache.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Run the audit for one period: read, check, report, email the owners."""
    with collector_paused(freeze=True):  # then frozen: the audit's passes skip the modules
        from audit.pipeline import RunOptions, run_audit
    try:
        cfg = load_config(config)
        setup_logging(cfg)
        the_period = parse_period(period, cfg.lookback_months)
        with _progress() as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            result = run_audit(cfg, the_period, RunOptions(dry_run, resend, refresh, progress))
    except AuditError as e:
        raise fail(e, verbose) from None
    except Exception as e:  # recorded as a failed run; the user gets one line, not a traceback
        raise fail(RuntimeError(f"the audit failed: {type(e).__name__}: {e} (run with "
                                 "--verbose for the traceback)"), verbose) from None
    _summary(result, cfg.path(cfg.output_dir) / the_period.label, cfg.language)
    if result.stats.emails.undelivered:
        raise typer.Exit(NotifyError.exit_code)  # recorded, but not every owner has the email


def parse_period(text: str | None, lookback_months: int, today: date | None = None) -> Period:
    """--period '2026-10' -> Period; not given -> the previous calendar month."""
    if text is None:
        return Period.before(today or date.today(), lookback_months)
    try:
        return Period.parse(text, lookback_months)
    except ValueError as e:
        raise AuditError(f"--period must look like YYYY-MM, got '{text}'") from e


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=False)


def _summary(run: AuditRun, out: Path, lang: str) -> None:
    """The run's summary on the console, in the configured language."""
    from audit.core.i18n import format_date, format_eur, label, label_value

    stats = run.stats
    period = run.period
    heading = label(lang, "run_heading").format(
        period=period.label, start=format_date(period.lookback_start, lang),
        end=format_date(period.end, lang))
    console.print(f"[bold]{heading}[/bold]")
    console.print(label(lang, "run_counts").format(
        customers=stats.customers, contracts=stats.contracts, pages=stats.pages,
        terms=stats.terms))
    table = Table(label(lang, "owner").lower(), label(lang, "run_deviations"),
                  title=label(lang, "run_by_owner"), title_justify="left")
    for owner, count in sorted(stats.by_owner.items()):
        table.add_row(owner, str(count))
    console.print(table)
    console.print(label(lang, "run_money").format(
        forgone=format_eur(stats.impact_forgone, lang),
        owed=format_eur(-stats.impact_owed, lang)))
    emails = stats.emails
    preview = label(lang, "run_preview").format(
        n=emails.preview, folder=out / "preview") if emails.preview else ""
    console.print(label(lang, "run_emails").format(
        sent=emails.sent, outbox=emails.outbox, skipped=emails.skipped, preview=preview),
        markup=False, highlight=False)
    if run.problems:
        console.print("[yellow]" + label(lang, "run_problems").format(n=len(run.problems))
                      + "[/yellow]")
        for problem in run.problems:
            console.print(f"  {label_value(lang, problem.severity)}: {problem.render(lang)}",
                          markup=False, highlight=False)
    console.print(label(lang, "run_outputs").format(folder=out), markup=False, highlight=False)
