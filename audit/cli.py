"""The contract-audit command: parse arguments, call the pipeline, print, exit code."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from audit.config import AuditConfig, load_config
from audit.errors import AuditError, NotifyError
from audit.models import AuditRun
from audit.private import PrivateRotatingFileHandler, mask

app = typer.Typer(
    help="Contract-compliance audit: contract PDFs + ERP exports -> each owner's deviations.",
    no_args_is_help=True,
    add_completion=False,
)
rules_app = typer.Typer(help="Work with the rule files (rules/*.yaml).", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
console = Console(soft_wrap=True)  # long problem lines stay whole: users grep them
err_console = Console(stderr=True, soft_wrap=True)

ConfigOption = Annotated[
    Path, typer.Option("--config", "-c", help="The config file; paths in it are relative to it.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks.")]


def _fail(error: Exception, verbose: bool) -> typer.Exit:
    """Print `error: ...` (with --verbose the traceback) and return the exit to raise."""
    if verbose:
        err_console.print(traceback.format_exc(), markup=False, highlight=False)
    err_console.print(f"error: {mask(str(error))}", markup=False, highlight=False)
    return typer.Exit(getattr(error, "exit_code", 1))


@app.command()
def run(
    config: ConfigOption = Path("config.yaml"),
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
    from audit.pipeline import RunOptions, parse_period, run_audit  # spaCy loads only here

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
        raise _fail(e, verbose) from None
    except Exception as e:  # recorded as a failed run; the user gets one line, not a traceback
        raise _fail(RuntimeError(f"the audit failed: {type(e).__name__}: {e} (run with "
                                 "--verbose for the traceback)"), verbose) from None
    _summary(result, cfg.path(cfg.output_dir) / the_period.label, cfg.language)
    if result.stats.get("emails", {}).get("undelivered"):
        raise typer.Exit(NotifyError.exit_code)  # recorded, but not every owner has the email


@app.command()
def terms(
    config: ConfigOption = Path("config.yaml"),
    customer: Annotated[str | None, typer.Option(help="Only this customer id.")] = None,
    below: Annotated[float, typer.Option(
        help="Flag terms with a confidence below this for review.")] = 0.75,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Re-read every contract instead of using the reading cache.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (for scripts).")
                   ] = "table",
    verbose: VerboseOption = False,
) -> None:
    """List the agreements read from every linked contract, with source and confidence."""
    from audit.cli_tracking import FORMATS, _choice
    from audit.pipeline import read_agreements

    _choice(fmt, FORMATS, "--format")

    coverage: list[dict] = []
    try:
        settings = load_config(config)
        found, problems = read_agreements(settings, refresh=refresh, coverage=coverage)
    except AuditError as e:
        raise _fail(e, verbose) from None
    found = [t for t in found if customer is None or t.customer_id == customer]
    if fmt != "table":
        _print_terms(found, below, fmt)
        return
    from audit.i18n import format_value
    table = Table("customer", "rule", "value", "source", "conf.", "review",
                  title="Agreements read from the contracts", title_justify="left")
    for t in sorted(found, key=lambda t: (t.customer_id, t.rule_id, t.subject)):
        values = "; ".join(f"{v.parameter}{f'[{t.subject}]' if t.subject else ''}="
                           f"{format_value(v.value, settings.language)}" for v in t.values)
        where = f"{t.clause.file} p.{t.clause.page} art. {t.clause.article}"
        flag = ("override" if t.override else "") or ("LOW" if t.confidence < below else "")
        flag += " OCR" if t.source == "ocr" else ""
        table.add_row(t.customer_id, t.rule_id, values, where, f"{t.confidence:.2f}",
                      flag.strip())
    console.print(table)
    low = sum(1 for t in found if t.confidence < below and not t.override)
    console.print(f"{len(found)} agreements; {low} below {below:.2f} to review — correct a "
                  "misread one in terms_overrides.yaml (see the README)")
    _print_coverage(coverage)
    for problem in problems:
        console.print(f"  {problem.severity}: {problem}", markup=False, highlight=False)


TERM_FIELDS = ("customer_id", "rule_id", "subject", "parameter", "value", "unit", "file", "page",
               "article", "confidence", "review")


def _print_terms(found: list, below: float, fmt: str) -> None:
    """The agreements as one record per value (print_records writes numbers and dates)."""
    from datetime import date
    from decimal import Decimal

    from audit.cli_tracking import print_records
    from audit.report.tables import render_value

    def plain(value: object) -> object:
        return value if isinstance(value, int | Decimal | date) else render_value(value)

    records = [
        {"customer_id": t.customer_id, "rule_id": t.rule_id, "subject": t.subject,
         "parameter": v.parameter, "value": plain(v.value), "unit": v.unit,
         "file": t.clause.file, "page": t.clause.page, "article": t.clause.article,
         "confidence": round(t.confidence, 2),
         "review": bool(t.confidence < below and not t.override)}
        for t in sorted(found, key=lambda t: (t.customer_id, t.rule_id, t.subject))
        for v in t.values]
    print_records(records, TERM_FIELDS, fmt)


def _print_coverage(coverage: list[dict]) -> None:
    """Per document: how well it was read (a thin reading is also listed as a problem)."""
    console.print("How each contract was read:")
    for row in coverage:
        gaps = f", no structure on pages {row['unstructured_pages']}" \
            if row["unstructured_pages"] else ""
        rules = f" ({row['per_rule']})" if row["per_rule"] else ""
        console.print(f"  {row['file']}: {row['pages']} pages, {row['clauses']} clauses, "
                      f"{row['headings']} headings, longest clause {row['longest']} characters "
                      f"({row['longest_at']}){gaps}; {row['agreements']} agreements{rules}",
                      markup=False, highlight=False)


@app.command()
def schedule(config: ConfigOption = Path("config.yaml"), verbose: VerboseOption = False) -> None:
    """Run the monthly audit on its schedule, in the foreground (for systemd or a terminal)."""
    from audit.schedule import next_run, run_forever, start_scheduler

    try:
        cfg = load_config(config)
        setup_logging(cfg, console=True)
        scheduler = start_scheduler(cfg, config.resolve())
    except AuditError as e:
        raise _fail(e, verbose) from None
    console.print(f"scheduler started; next audit: {next_run(scheduler)}; Ctrl-C or SIGTERM stops")
    run_forever(scheduler)


@app.command()
def runs(config: ConfigOption = Path("config.yaml"),
         limit: Annotated[int, typer.Option(help="How many runs to show.")] = 20,
         verbose: VerboseOption = False) -> None:
    """List the recorded runs: period, start, duration, status, counts, error."""
    from audit.store.db import Store

    try:
        rows = Store(load_config(config).db_url).runs(limit)
    except AuditError as e:
        raise _fail(e, verbose) from None
    table = Table("run", "period", "started (UTC)", "seconds", "status", "deviations", "problems",
                  "error")
    for r in rows:
        took = (r["finished_at"] - r["started_at"]).total_seconds() if r["finished_at"] else None
        table.add_row(str(r["id"]), r["period"], f"{r['started_at']:%Y-%m-%d %H:%M:%S}",
                      "" if took is None else f"{took:.1f}", r["status"],
                      str(r["stats"].get("deviations", "")), str(r["problems"]),
                      (r["error"] or "")[:400])  # the reason must show, wrapped
    console.print(table)


def setup_logging(cfg: AuditConfig, console: bool = False) -> None:
    """Log to a rotating file in the output folder (audit.log), and to the console when asked
    (the scheduler; an ad-hoc run shows progress and a summary instead)."""
    folder = cfg.path(cfg.output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [PrivateRotatingFileHandler(
        folder / cfg.schedule.log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8")]
    if console:
        handlers.append(logging.StreamHandler())
    for name in ("audit", "apscheduler"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        for old in [h for h in logger.handlers if getattr(h, "audit_handler", False)]:
            logger.removeHandler(old)
            old.close()
        for handler in handlers:
            handler.setFormatter(logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handler.audit_handler = True  # type: ignore[attr-defined]
            logger.addHandler(handler)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=False)


def _summary(run: AuditRun, out: Path, lang: str) -> None:
    """The run's summary on the console, in the configured language."""
    from audit.i18n import format_date, format_eur, label

    stats = run.stats
    period = run.period
    heading = label(lang, "run_heading").format(
        period=period.label, start=format_date(period.lookback_start, lang),
        end=format_date(period.end, lang))
    console.print(f"[bold]{heading}[/bold]")
    console.print(label(lang, "run_counts").format(
        customers=stats["customers"], contracts=stats["contracts"], pages=stats["pages"],
        terms=stats["terms"]))
    table = Table(label(lang, "owner").lower(), label(lang, "run_deviations"),
                  title=label(lang, "run_by_owner"), title_justify="left")
    for owner, count in sorted(stats["by_owner"].items()):
        table.add_row(owner, str(count))
    console.print(table)
    console.print(label(lang, "run_money").format(
        forgone=format_eur(stats["impact_forgone"], lang),
        owed=format_eur(-stats["impact_owed"], lang)))
    emails = stats.get("emails", {})
    preview = label(lang, "run_preview").format(
        n=emails["preview"], folder=out / "preview") if emails.get("preview") else ""
    console.print(label(lang, "run_emails").format(
        sent=emails.get("sent", 0), outbox=emails.get("outbox", 0),
        skipped=emails.get("skipped", 0), preview=preview), markup=False, highlight=False)
    if run.problems:
        console.print("[yellow]" + label(lang, "run_problems").format(n=len(run.problems))
                      + "[/yellow]")
        for problem in run.problems:
            # the problem texts are English yet; their severity stays so beside them
            console.print(f"  {problem.severity}: {problem}", markup=False, highlight=False)
    console.print(label(lang, "run_outputs").format(folder=out), markup=False, highlight=False)


@rules_app.command("check")
def rules_check(config: ConfigOption = Path("config.yaml"), verbose: VerboseOption = False) -> None:
    """Validate the rule files without running an audit."""
    from audit.checks import CHECKS
    from audit.pipeline import check_rules
    from audit.rules.matching import TermReader

    try:
        cfg = load_config(config)
        rules = check_rules(cfg)  # each of a known kind
        TermReader(rules)  # spaCy validates the token patterns
    except AuditError as e:
        raise _fail(e, verbose) from None
    for rule_id, rule in sorted(rules.items()):
        side = CHECKS[rule.check_kind]
        checked = "checked" if side.registered or side.executed else "read only (no check yet)"
        console.print(f"ok  {rule_id:<22} {rule.title.en} — {checked}")
    console.print(f"{len(rules)} rule files valid")


from audit import cli_check, cli_tracking  # noqa: E402 - the deviation-tracking commands (ack, resolve...)

cli_tracking.register(app)
cli_check.register(app)  # contract-audit check: the ERP exports, without an audit


def main() -> None:
    """Entry point for python -m audit."""
    app()
