"""Build one email per owner: their deviations as text + HTML, with an xlsx attachment."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from pathlib import Path
from typing import Any

import jinja2

from audit.i18n import format_date, format_eur, format_evidence, label, label_value
from audit.models import AuditRun, Deviation
from audit.report.summary import is_open, severity_order, totals
from audit.report.tables import write_deviations_xlsx

TEMPLATES = Path(__file__).parent / "templates"
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DIGEST_HEADER = "X-Audit-Digest"


@dataclass(frozen=True)
class OwnerEmail:
    """One owner's email, ready to send or to write to the outbox."""

    owner: str
    email: str
    subject: str
    message: EmailMessage
    deviation_ids: tuple[str, ...]

    @property
    def digest(self) -> str:
        return read_digest(self.message)


def read_digest(message: Message) -> str:
    """The X-Audit-Digest of a built or received message ('' when absent).

    The 80-character header line is folded on the wire; unfolding leaves a leading space.
    """
    return str(message.get(DIGEST_HEADER, "")).strip()


def owner_slug(name: str) -> str:
    """A file-name-safe ascii slug: 'Crédit control' -> 'credit-control'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "owner"


def email_digest(period: str, email: str, deviations: Sequence[Deviation]) -> str:
    """sha256 of period, address and sorted ids + descriptions: same email, same digest."""
    lines = [period, email.strip().lower()]
    lines += sorted(f"{d.deviation_id}\t{d.description}" for d in deviations)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _template_env() -> jinja2.Environment:
    # Escape everything except the plain-text body: contract text is untrusted.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=lambda name: name is None or not name.endswith(".txt.j2"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _group_by_address(deviations: Sequence[Deviation]) -> dict[str, list[Deviation]]:
    """Open deviations per owner email address; those without an address are skipped."""
    groups: dict[str, list[Deviation]] = {}
    for d in deviations:
        address = d.owner_email.strip()
        if address and is_open(d):
            groups.setdefault(address.lower(), []).append(d)
    return {key: sorted(groups[key], key=severity_order) for key in sorted(groups)}


def _owner_name(deviations: Sequence[Deviation]) -> str:
    names = list(dict.fromkeys(d.owner for d in deviations if d.owner))
    return ", ".join(names) or deviations[0].owner_email.strip()


def _subject(period: str, count: int, owner: str, lang: str) -> str:
    key = "email_subject_one" if count == 1 else "email_subject"
    return label(lang, key).format(period=period, n=count, owner=owner)


def _bodies(context: dict[str, Any]) -> tuple[str, str]:
    env = _template_env()
    text = env.get_template("owner_email.txt.j2").render(context)
    html = env.get_template("owner_email.html.j2").render(context)
    return text, html


def _context(owner: str, period: str, deviations: list[Deviation], lang: str) -> dict[str, Any]:
    total = totals(deviations)
    return {
        "lang": lang,
        "owner": owner,
        "period": period,
        "count": total.count,
        "forgone": total.forgone,
        "owed": total.owed,
        "deviations": deviations,
        "t": lambda key: label(lang, key),
        "v": lambda value: label_value(lang, value),
        "eur": lambda amount: format_eur(amount, lang),
        "day": lambda value: format_date(value, lang),
        "evidence": lambda items: format_evidence(items, lang),
    }


def _xlsx_bytes(deviations: Sequence[Deviation], lang: str) -> bytes:
    buffer = io.BytesIO()
    write_deviations_xlsx(deviations, buffer, lang)
    return buffer.getvalue()


def _message(
    sender: str, owner: str, address: str, subject: str, digest: str, now: datetime
) -> EmailMessage:
    message = EmailMessage()
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message["From"] = sender
    message["To"] = formataddr((owner, address))
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(idstring="contract-audit", domain=domain)
    message[DIGEST_HEADER] = digest
    return message


def _owner_email(
    run: AuditRun, sender: str, lang: str, deviations: list[Deviation], now: datetime
) -> tuple[OwnerEmail, str, bytes]:
    """One owner's email, its attachment's file name and the attachment itself."""
    period, address = run.period.label, deviations[0].owner_email.strip()
    owner = _owner_name(deviations)
    subject = _subject(period, len(deviations), owner, lang)
    digest = email_digest(period, address, deviations)
    message = _message(sender, owner, address, subject, digest, now)
    text, html = _bodies(_context(owner, period, deviations, lang))
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    filename = f"{label(lang, 'attachment_prefix')}_{period}_{owner_slug(owner)}.xlsx"
    attachment = _xlsx_bytes(deviations, lang)
    message.add_attachment(
        attachment, maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=filename
    )
    ids = tuple(d.deviation_id for d in deviations)
    return OwnerEmail(owner, address, subject, message, ids), filename, attachment


def build_owner_emails(
    run: AuditRun,
    sender: str,
    lang: str,
    attachments_dir: Path | None = None,
    now: datetime | None = None,
) -> list[OwnerEmail]:
    """One email per owner address with open deviations (most severe, most money first).

    Deviations without an owner email are skipped: the pipeline reports those as problems.
    With `attachments_dir`, each attachment is also written there.
    """
    now = now or datetime.now(UTC)
    emails = []
    for deviations in _group_by_address(run.deviations).values():
        email, filename, attachment = _owner_email(run, sender, lang, deviations, now)
        if attachments_dir is not None:
            attachments_dir.mkdir(parents=True, exist_ok=True)
            (attachments_dir / filename).write_bytes(attachment)
        emails.append(email)
    return emails
