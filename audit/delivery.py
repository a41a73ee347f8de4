"""The end of a run, in the order that loses nothing and sends nothing twice: outputs written
(each complete or absent), the run recorded with its emails queued (one commit), then the emails
sent one by one, each marked sent the moment the server accepts it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audit.config import AuditConfig
from audit.core.atomic import atomic_write_bytes
from audit.errors import AuditError, Location, Problem
from audit.models import AuditRun, EmailCounts
from audit.notify.build import OwnerEmail, attached, build_owner_emails, mark_dry_run
from audit.notify.outbox import move_to_sent
from audit.notify.send import outbox_names, send_emails, write_outbox
from audit.report.html import render_report_html
from audit.report.tables import (
    PLAIN_CSV,
    CsvDialect,
    csv_dialect,
    deviations_xlsx_bytes,
    write_deviations_csv,
    write_deviations_xlsx,
    write_terms_csv,
)
from audit.store.db import COMPLETED, DRY_RUN, Store
from audit.store.outbox import Queued

OUTBOX, PREVIEW = "outbox", "preview"  # a dry run's emails never mix with those waiting to go
log = logging.getLogger("audit")


@dataclass
class Plan:
    """A run's emails: those to send (not sent before), and where their files go."""

    emails: list[OwnerEmail]
    todo: list[OwnerEmail]
    folder: Path
    dry_run: bool

    def queued(self) -> list[Queued]:
        """The rows the outbox records before anything is sent."""
        names = outbox_names(self.todo)
        return [Queued(e.email, e.digest, message_id(e), str(self.folder / name))
                for e, name in zip(self.todo, names, strict=True)]


def message_id(email: OwnerEmail) -> str:
    return str(email.message.get("Message-ID", "")).strip()


def plan(run: AuditRun, config: AuditConfig, store: Store, out: Path, dry_run: bool,
         resend: bool) -> Plan:
    """Build each owner's digest; a dry run previews all, a real run sends the ones not sent."""
    sender = config.smtp.sender if config.smtp else f"audit@{_domain(config)}"
    copies = [p.email for p in (config.controller, config.escalation) if p and p.email]
    emails = build_owner_emails(run, sender, config.language,
                                owner_workbooks(run, config.language), copy_to=copies)
    if dry_run:
        mark_dry_run(emails)
        return Plan(emails, emails, out / PREVIEW, True)
    todo = [e for e in emails if resend or not store.was_sent(run.period.label, e.email, e.digest)]
    return Plan(emails, todo, out / OUTBOX, False)


def owner_workbooks(run: AuditRun, lang: str) -> dict[str, bytes]:
    """Per owner address, the xlsx its email attaches (notify says which deviations; report/
    writes the workbook)."""
    return {address: deviations_xlsx_bytes(deviations, lang)
            for address, deviations in attached(run.deviations).items()}


def write_outputs(run: AuditRun, out: Path, lang: str, history: list[dict[str, Any]],
                  csv: CsvDialect = PLAIN_CSV) -> None:
    """deviations.csv/.xlsx, terms.csv and report.html under output/<period>/, each written
    aside and renamed into place."""
    out.mkdir(parents=True, exist_ok=True)
    write_deviations_csv(run.deviations, out / "deviations.csv", csv)
    write_deviations_xlsx(run.deviations, out / "deviations.xlsx", lang)
    write_terms_csv(run.terms, out / "terms.csv", csv, lang)
    write_report(run, out, lang, history)


def write_report(run: AuditRun, out: Path, lang: str, history: list[dict[str, Any]]) -> None:
    """report.html, atomically."""
    html = render_report_html(run, lang, history)
    atomic_write_bytes(out / "report.html", html.encode("utf-8"))


def commit(run: AuditRun, config: AuditConfig, store: Store, out: Path, emails: Plan) -> None:
    """Outputs first, then the run recorded (completed or dry run) with its emails queued."""
    run.stats = replace(run.stats, emails=EmailCounts(
        sent=0, outbox=0 if emails.dry_run else len(emails.todo),
        skipped=len(emails.emails) - len(emails.todo),
        preview=len(emails.todo) if emails.dry_run else 0))
    dialect = csv_dialect(config.language, config.csv.separator, config.csv.decimal,
                          config.csv.bom)
    write_outputs(run, out, config.language, store.history(), dialect)
    assert run.run_id is not None
    if emails.dry_run:
        write_outbox(emails.todo, emails.folder)
        store.finish_run(run.run_id, run, DRY_RUN)
        return
    store.finish_run(run.run_id, run, COMPLETED, emails.queued())


def send(run: AuditRun, config: AuditConfig, store: Store, emails: Plan) -> EmailCounts:
    """Write the queued emails to the outbox and send them, each marked sent once accepted;
    without smtp: they wait in the outbox for `contract-audit send`."""
    stats = run.stats.emails
    if emails.dry_run:
        return stats
    try:
        paths = _write_queue(emails)
    except AuditError as e:  # the run is recorded; the emails wait for a rerun
        run.problems.append(Problem.of("notify", "notify.none_sent", e.location,
                                       reason=e.msg()))
        return replace(stats, undelivered=len(emails.todo))
    if config.smtp is None or not emails.todo:
        return stats
    by_address = {e.email: p for e, p in zip(emails.todo, paths, strict=True)}
    period, done = run.period.label, set[str]()

    def accepted(email: OwnerEmail) -> None:
        store.record_sent(period, email.email, email.digest, message_id(email))
        done.add(email.email)
        move_to_sent(by_address[email.email])

    problems = send_emails(emails.todo, config.smtp, on_accepted=accepted)
    run.problems += problems
    waiting = len(emails.todo) - len(done)
    if waiting:
        run.problems.append(Problem.of("notify", "notify.waiting", Location(str(emails.folder)),
                                       n=waiting, period=period))
    return replace(stats, sent=len(done), outbox=waiting, undelivered=waiting)


def _write_queue(emails: Plan) -> list[Path]:
    """The outbox holds exactly this run's unsent emails: files an earlier run left are gone."""
    names = set(outbox_names(emails.todo))
    if emails.folder.is_dir():
        for stale in emails.folder.glob("*.eml"):
            if stale.name not in names:
                stale.unlink()
    return write_outbox(emails.todo, emails.folder)


def _domain(config: AuditConfig) -> str:
    owner = next((p.email for p in config.owners.values() if p.email), None)
    return owner.split("@", 1)[1] if owner and "@" in owner else "localhost"
