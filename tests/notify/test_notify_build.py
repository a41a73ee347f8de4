"""Owner emails: one per address, only their open deviations, bodies, attachment, digest."""

from __future__ import annotations

import dataclasses
import io
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import openpyxl

from audit.delivery import owner_workbooks
from audit.models import AuditRun
from audit.notify.build import (
    OwnerEmail,
    build_owner_emails,
    email_digest,
    owner_slug,
    read_digest,
)

SENDER = "Contract audit <audit@example.nl>"


def _by_address(emails: list[OwnerEmail]) -> dict[str, OwnerEmail]:
    return {e.email: e for e in emails}


def _attachment(message: EmailMessage) -> tuple[str, bytes]:
    [part] = list(message.iter_attachments())
    return str(part.get_filename()), part.get_content()


def test_one_email_per_owner_with_only_their_open_deviations(
    run: AuditRun, emails: list[OwnerEmail]
) -> None:
    by_address = _by_address(emails)
    assert sorted(by_address) == [
        "billing@example.nl",
        "credit@example.nl",
        "keyaccounts@example.nl",
        "logistics@example.nl",
    ]  # customer service has no address; its deviation is skipped
    for address, email in by_address.items():
        mine = {
            d.deviation_id
            for d in run.deviations
            if d.owner_email == address and d.status != "resolved"
        }
        assert set(email.deviation_ids) == mine
    resolved = next(d for d in run.deviations if d.status == "resolved")
    assert resolved.deviation_id not in by_address["logistics@example.nl"].deviation_ids
    assert by_address["logistics@example.nl"].resolved_ids == (resolved.deviation_id,)


def test_sorted_by_severity_then_money(run: AuditRun, emails: list[OwnerEmail]) -> None:
    ids = {d.subject: d.deviation_id for d in run.deviations}
    assert _by_address(emails)["credit@example.nl"].deviation_ids == (ids["freight"], ids["days"])
    assert _by_address(emails)["billing@example.nl"].deviation_ids == (ids["A-100"], ids["B-200"])


def test_subject_and_headers(emails: list[OwnerEmail]) -> None:
    billing = _by_address(emails)["billing@example.nl"]
    message = billing.message
    assert billing.subject == (
        "Contractaudit 2026-10: 2 afwijkingen voor Billing/pricing (1 nieuw, 0 opgelost)")
    assert message["Subject"] == billing.subject
    assert message["From"] == SENDER
    assert message["To"] == "Billing/pricing <billing@example.nl>"
    assert message["Date"] == "Mon, 02 Nov 2026 07:00:00 +0000"
    assert message["X-Audit-Period"] == "2026-10"
    assert message["Cc"] is None and billing.recipients == ["billing@example.nl"]
    assert message["Message-ID"].endswith("@example.nl>")
    one = _by_address(emails)["logistics@example.nl"]
    assert one.subject == (
        "Contractaudit 2026-10: 1 afwijking voor Logistics planner (1 nieuw, 1 opgelost)")


def test_structure_text_html_and_attachment(emails: list[OwnerEmail]) -> None:
    message = _by_address(emails)["billing@example.nl"].message
    assert message.get_content_type() == "multipart/mixed"
    body, attachment = message.get_payload()
    assert body.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in body.get_payload()] == ["text/plain", "text/html"]
    filename, data = _attachment(message)
    assert filename == "afwijkingen_2026-10_billing-pricing.xlsx"
    assert attachment.get_content_type().endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Samenvatting", "Billing-pricing"]


def test_attachment_holds_only_their_deviations(emails: list[OwnerEmail]) -> None:
    for email in emails:
        _, data = _attachment(email.message)
        book = openpyxl.load_workbook(io.BytesIO(data))
        ids = {
            row[0]
            for sheet in book.worksheets[1:]
            for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        assert ids == set(email.deviation_ids)


def test_html_is_escaped_plain_text_is_not(emails: list[OwnerEmail]) -> None:
    message = _by_address(emails)["billing@example.nl"].message
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert '<script>alert(1)</script> & "ë€"' in text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;ë€&#34;" in html


def test_body_lists_what_was_agreed_and_what_the_erp_shows(emails: list[OwnerEmail]) -> None:
    text = _by_address(emails)["billing@example.nl"].message.get_body(("plain",)).get_content()
    assert "Gederfde inkomsten: € 1.234,50" in text
    assert "Verschuldigd aan klanten: € 123,40" in text, "an amount under a label saying which way"
    assert "Afgesproken: C001_Jansen_raamovereenkomst.pdf, pagina 2, artikel 4.1" in text
    assert "Verwacht: € 12,50 per piece; In het ERP: € 6,25 per piece" in text
    assert "INV-2026-0010 en nog 4" in text
    assert "INV-2026-0011" not in text
    assert "Actie: Correct the price list and re-invoice" in text
    assert "Uiterlijk: 14-11-2026" in text
    assert text.index("A-100 invoiced") < text.index("B-200 invoiced")


def test_english(run: AuditRun) -> None:
    emails = build_owner_emails(run, SENDER, "en", owner_workbooks(run, "en"))
    [billing] = [e for e in emails if e.owner == "Billing/pricing"]
    assert billing.subject == (
        "Contract audit 2026-10: 2 deviations for Billing/pricing (1 new, 0 resolved)")
    assert _attachment(billing.message)[0] == "deviations_2026-10_billing-pricing.xlsx"
    text = billing.message.get_body(("plain",)).get_content()
    assert "What the ERP shows: Expected: € 12,50 per piece" in text
    assert "Due date: 2026-11-14" in text


def test_digest_identifies_identical_content(run: AuditRun, emails: list[OwnerEmail]) -> None:
    billing = _by_address(emails)["billing@example.nl"]
    mine = [d for d in run.deviations if d.deviation_id in billing.deviation_ids]
    assert billing.message["X-Audit-Digest"] == billing.digest
    assert billing.digest == email_digest("2026-10", "Billing@Example.nl", mine[::-1])
    again = _by_address(build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl")))[
        "billing@example.nl"]
    assert again.digest == billing.digest  # a re-run at another time: same digest
    changed = [dataclasses.replace(mine[0], description="something else"), *mine[1:]]
    assert email_digest("2026-10", "billing@example.nl", changed) != billing.digest
    recurring = [dataclasses.replace(mine[0], status="recurring"), *mine[1:]]
    assert email_digest("2026-10", "billing@example.nl", recurring) != billing.digest
    noted = [dataclasses.replace(mine[0], owner_state="acknowledged", owner_note="x"), *mine[1:]]
    assert email_digest("2026-10", "billing@example.nl", noted) == billing.digest
    assert email_digest("2026-11", "billing@example.nl", mine) != billing.digest


def test_attachments_dir(run: AuditRun, tmp_path: Path) -> None:
    emails = build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"),
                                attachments_dir=tmp_path / "att")
    files = sorted(p.name for p in (tmp_path / "att").iterdir())
    assert len(files) == len(emails)
    assert "afwijkingen_2026-10_credit-control.xlsx" in files


def test_no_addresses_no_emails(run: AuditRun) -> None:
    run.deviations = [dataclasses.replace(d, owner_email="") for d in run.deviations]
    assert build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl")) == []


def test_owner_slug() -> None:
    assert owner_slug("Crédit control / Zoë") == "credit-control-zoe"
    assert owner_slug("***") == "owner"


def test_message_survives_serialisation(emails: list[OwnerEmail]) -> None:
    raw = emails[0].message.as_bytes(policy=policy.SMTP)
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == emails[0].subject
    assert read_digest(parsed) == emails[0].digest
    assert len(emails[0].digest) == 64
