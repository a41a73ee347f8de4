"""The digest: new first, then still open with their age, then resolved; escalation copies;
suppressed ones left out; and the outbox delivered later to a real SMTP server."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import openpyxl

from audit.config import SmtpConfig
from audit.delivery import owner_workbooks
from audit.models import AuditRun
from audit.notify.build import OwnerEmail, build_owner_emails, mark_dry_run, read_digest
from audit.notify.outbox import deliver_outbox, email_period, read_email
from audit.notify.send import clear_outbox, write_outbox
from tests.notify.conftest import NOW, SENDER

COPIES = ("controller@example.nl", "board@example.nl")


def tracked(run: AuditRun) -> AuditRun:
    """The sample run a few months on: ages, an escalation, responses, a suppression."""
    changes: dict[str, dict[str, Any]] = {
        "B-200": {"status": "recurring", "first_seen": "2026-08", "months_open": 3,
                  "escalated": True, "owner_state": "acknowledged",
                  "owner_note": "Bea, 2026-09-03: credit note on its way"},
        "days": {"status": "reopened", "first_seen": "2026-06", "months_open": 1},
        "freight": {"status": "recurring", "first_seen": "2026-09", "months_open": 2,
                    "owner_state": "suppressed", "owner_note": "Cas, 2026-10-01 (→ 2026-12-31)"},
    }
    run.deviations = [dataclasses.replace(d, **changes.get(d.subject, {}))
                      for d in run.deviations]
    return run


def emails_of(run: AuditRun, lang: str = "en") -> dict[str, OwnerEmail]:
    run = tracked(run)
    emails = build_owner_emails(run, SENDER, lang, owner_workbooks(run, lang), now=NOW,
                                copy_to=COPIES)
    return {e.email: e for e in emails}


def text_of(email: OwnerEmail) -> str:
    return email.message.get_body(("plain",)).get_content()


def test_new_first_then_still_open_with_age_then_resolved(run: AuditRun) -> None:
    billing = emails_of(run)["billing@example.nl"]
    text = text_of(billing)
    assert text.index("== New (1) ==") < text.index("A-100 invoiced") < text.index(
        "== Still open (1) ==") < text.index("B-200 invoiced")
    assert "Open since 2026-08 (3 mo.)" in text
    assert "Acknowledged by the owner: Bea, 2026-09-03: credit note on its way" in text
    assert "Escalated: due date 2026-11-14 passed; copied to the controller" in text
    logistics = text_of(emails_of(run)["logistics@example.nl"])
    assert logistics.index("== New (1) ==") < logistics.index(
        "== Resolved since the last audit (1) ==") < logistics.index("Contract end date missing")


def test_escalated_email_is_copied_to_the_controller_and_the_escalation_address(
    run: AuditRun,
) -> None:
    emails = emails_of(run)
    billing = emails["billing@example.nl"]
    assert billing.cc == COPIES and billing.message["Cc"] == ", ".join(COPIES)
    assert billing.recipients == ["billing@example.nl", *COPIES]
    assert "1 deviation(s) are open past their due date: this email is copied to " \
           "controller@example.nl, board@example.nl." in text_of(billing)
    assert emails["logistics@example.nl"].cc == (), "nothing escalated: no copies"


def test_suppressed_is_left_out_and_counted(run: AuditRun) -> None:
    credit = emails_of(run)["credit@example.nl"]
    text = text_of(credit)
    assert "Freight charged" not in text
    assert "1 suppressed deviation(s) are not shown." in text
    assert "First seen 2026-06" in text, "a reopened deviation says when it was first seen"
    assert credit.subject == "Contract audit 2026-10: 1 deviation for Credit control (1 new, 0 " \
                             "resolved)"
    [part] = list(credit.message.iter_attachments())
    book = openpyxl.load_workbook(io.BytesIO(part.get_content()))
    ids = [row[0] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert ids == list(credit.deviation_ids) and len(ids) == 1


def test_dutch_sections(run: AuditRun) -> None:
    text = text_of(emails_of(run, "nl")["billing@example.nl"])
    for phrase in ("== Nieuw (1) ==", "== Nog open (1) ==", "Open sinds 2026-08 (3 mnd.)",
                   "Geëscaleerd: uiterste datum 14-11-2026 verstreken",
                   "Bevestigd door de eigenaar: Bea"):
        assert phrase in text, phrase


def test_html_has_the_same_sections_escaped(run: AuditRun) -> None:
    html = emails_of(run)["billing@example.nl"].message.get_body(("html",)).get_content()
    assert html.index(">New (1)</h3>") < html.index(">Still open (1)</h3>")
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_outbox_is_read_back_and_delivered_later(
    run: AuditRun, tmp_path: Path, smtp_server: Callable[..., tuple[Any, int]],
    smtp_config: Callable[..., SmtpConfig], closed_port: int,
) -> None:
    emails = list(emails_of(run).values())
    folder = tmp_path / "2026-10" / "outbox"
    write_outbox(emails, folder)
    again = read_email(folder / "billing-pricing.eml")
    assert (again.email, again.cc, again.digest) == (
        "billing@example.nl", COPIES, emails[0].digest)
    assert email_period(again, folder / "billing-pricing.eml") == "2026-10"
    sent: list[tuple[str, str]] = []

    def should_send(email: OwnerEmail, path: Path) -> bool:
        return email.email != "keyaccounts@example.nl"  # pretend that one went out before

    def on_sent(email: OwnerEmail, path: Path) -> None:
        sent.append((email.email, email.digest))

    down = deliver_outbox(folder, smtp_config(closed_port), should_send, on_sent)
    assert len(down.problems) == 3 and sent == [] and len(list(folder.glob("*.eml"))) == 3
    handler, port = smtp_server()
    up = deliver_outbox(folder, smtp_config(port), should_send, on_sent)
    assert up.problems == [] and len(up.sent) == 3 and list(folder.glob("*.eml")) == []
    assert sorted(p.name for p in (folder / "sent").iterdir()) == sorted(
        p.name for p in up.sent + down.skipped)
    received = {r.rcpt_tos[0]: r for r in handler.received}
    assert received["billing@example.nl"].rcpt_tos == ["billing@example.nl", *COPIES]
    parsed = message_from_bytes(received["billing@example.nl"].content, policy=policy.default)
    assert read_digest(parsed) == emails[0].digest
    assert sorted(sent) == sorted((e.email, e.digest) for e in emails
                                  if e.email != "keyaccounts@example.nl")


def test_clear_outbox(run: AuditRun, tmp_path: Path) -> None:
    write_outbox(build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"), now=NOW), tmp_path)
    assert clear_outbox(tmp_path) == 4 and list(tmp_path.iterdir()) == []
    assert clear_outbox(tmp_path / "missing") == 0


def test_dry_run_emails_are_never_sent_later(
    run: AuditRun, tmp_path: Path, smtp_server: Callable[..., tuple[Any, int]],
    smtp_config: Callable[..., SmtpConfig],
) -> None:
    emails = build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"), now=NOW)
    mark_dry_run(emails)
    write_outbox(emails, tmp_path)
    handler, port = smtp_server()
    result = deliver_outbox(tmp_path, smtp_config(port), lambda e, p: True, lambda e, p: None)
    assert len(result.dry_run) == 4 and result.sent == [] and handler.received == []
    assert len(list(tmp_path.glob("*.eml"))) == 4
