"""Build one digest email per owner: new, still open (with age), resolved; xlsx of open items."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path
from typing import Any

import jinja2

from audit.core.i18n import label, template_helpers
from audit.core.summary import age_text, is_open, severity_order, totals
from audit.models import AuditRun, Deviation

TEMPLATES = Path(__file__).parent / "templates"
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DIGEST_HEADER = "X-Audit-Digest"
PERIOD_HEADER = "X-Audit-Period"
DRY_RUN_HEADER = "X-Audit-Dry-Run"  # written by `run --dry-run`: `send` leaves it alone


@dataclass(frozen=True)
class OwnerEmail:
    """One owner's digest, ready to send or to write to the outbox."""

    owner: str
    email: str
    subject: str
    message: EmailMessage
    deviation_ids: tuple[str, ...]  # the open ones, as attached
    cc: tuple[str, ...] = ()  # the controller and the escalation address, when escalated
    resolved_ids: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        return read_digest(self.message)

    @property
    def recipients(self) -> list[str]:
        """Every envelope recipient: the owner, then the copies."""
        return [self.email, *self.cc]


@dataclass(frozen=True)
class Digest:
    """One owner's deviations of a run, in the order the email shows them."""

    new: list[Deviation]  # new and reopened
    still_open: list[Deviation]  # recurring
    resolved: list[Deviation]
    suppressed: int

    @property
    def open(self) -> list[Deviation]:
        return self.new + self.still_open

    @property
    def shown(self) -> list[Deviation]:
        return self.open + self.resolved


def read_digest(message: Message) -> str:
    """The X-Audit-Digest of a built or received message ('' when absent).

    The 80-character header line is folded on the wire; unfolding leaves a leading space.
    """
    return str(message.get(DIGEST_HEADER, "")).strip()


def mark_dry_run(emails: Sequence[OwnerEmail]) -> None:
    """Mark emails of a dry run, so that `contract-audit send` never delivers them."""
    for email in emails:
        email.message[DRY_RUN_HEADER] = "yes"


def is_dry_run(message: Message) -> bool:
    """Whether a message was written by a dry run."""
    return str(message.get(DRY_RUN_HEADER, "")).strip() == "yes"


def owner_slug(name: str) -> str:
    """A file-name-safe ascii slug: 'Crédit control' -> 'credit-control'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "owner"


def email_digest(period: str, email: str, deviations: Sequence[Deviation]) -> str:
    """sha256 of period, address and sorted ids + statuses + descriptions: same email, same
    digest (whatever the order, the time, or the owners' notes)."""
    lines = [period, email.strip().lower()]
    lines += sorted(f"{d.deviation_id}\t{d.status}\t{d.description}" for d in deviations)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def message_id(period: str, address: str, digest: str, domain: str) -> str:
    """A Message-ID stable per (period, owner, content): a duplicate, should a kill between the
    server's acceptance and our record of it cause one, is recognisable as the same message."""
    key = hashlib.sha256(f"{period}\n{address.strip().lower()}\n{digest}".encode()).hexdigest()
    return f"<audit-{period}-{key[:32]}@{domain}>"


@functools.cache
def _template_env() -> jinja2.Environment:
    """One environment per process, so each template is compiled once, not once per email.
    Escape everything except the plain-text body: contract text is untrusted."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=lambda name: name is None or not name.endswith(".txt.j2"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def digests_by_address(deviations: Sequence[Deviation]) -> dict[str, Digest]:
    """Per owner email address: new, still open and resolved deviations (most severe, most
    money first); suppressed ones are only counted; those without an address are skipped."""
    groups: dict[str, list[Deviation]] = {}
    for d in deviations:
        if d.owner_email.strip():
            groups.setdefault(d.owner_email.strip().lower(), []).append(d)
    out = {}
    for key in sorted(groups):
        mine = sorted(groups[key], key=severity_order)
        digest = Digest(new=[d for d in mine if is_open(d) and d.status in ("new", "reopened")],
                        still_open=[d for d in mine if is_open(d) and d.status == "recurring"],
                        resolved=[d for d in mine if d.status == "resolved"],
                        suppressed=sum(1 for d in mine if d.status != "resolved"
                                       and not is_open(d)))
        if digest.shown:
            out[key] = digest
    return out


def _owner_name(deviations: Sequence[Deviation]) -> str:
    names = list(dict.fromkeys(d.owner for d in deviations if d.owner))
    return ", ".join(names) or deviations[0].owner_email.strip()


def _subject(period: str, digest: Digest, owner: str, lang: str) -> str:
    count = len(digest.open)
    key = "email_subject_one" if count == 1 else "email_subject"
    subject = label(lang, key).format(period=period, n=count, owner=owner)
    if digest.new or digest.resolved:
        subject += label(lang, "email_subject_changes").format(new=len(digest.new),
                                                               resolved=len(digest.resolved))
    return subject


def _bodies(context: dict[str, Any]) -> tuple[str, str]:
    env = _template_env()
    text = env.get_template("owner_email.txt.j2").render(context)
    html = env.get_template("owner_email.html.j2").render(context)
    return text, html


def _context(owner: str, period: str, digest: Digest, cc: Sequence[str],
             lang: str) -> dict[str, Any]:
    total = totals(digest.open)
    resolved = sum((abs(d.impact_eur) for d in digest.resolved if d.impact_eur is not None),
                   start=Decimal(0))
    return {
        "lang": lang, "owner": owner, "period": period, "count": total.count,
        "forgone": total.forgone, "owed": total.owed, "resolved_money": resolved,
        "sections": [("section_new", digest.new), ("section_open", digest.still_open)],
        "resolved": digest.resolved, "new_count": len(digest.new),
        "escalated": sum(1 for d in digest.open if d.escalated), "cc": ", ".join(cc),
        "suppressed": digest.suppressed,
        **template_helpers(lang),
        "age": lambda d: age_text(d, period, lang),
    }


def _message(sender: str, owner: str, address: str, subject: str, digest: str, period: str,
             now: datetime, cc: Sequence[str]) -> EmailMessage:
    message = EmailMessage()
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message["From"] = sender
    message["To"] = formataddr((owner, address))
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(period, address, digest, domain)
    message[PERIOD_HEADER] = period
    message[DIGEST_HEADER] = digest
    return message


def attached(deviations: Sequence[Deviation]) -> dict[str, list[Deviation]]:
    """Per owner address (as build_owner_emails' attachments are keyed), the deviations its
    email attaches as xlsx: the open ones."""
    return {address: digest.open for address, digest in digests_by_address(deviations).items()}


def _owner_email(run: AuditRun, sender: str, lang: str, digest: Digest, attachment: bytes,
                 now: datetime, copy_to: Sequence[str]) -> tuple[OwnerEmail, str]:
    """One owner's email with its attachment, and the attachment's file name."""
    period, address = run.period.label, digest.shown[0].owner_email.strip()
    owner = _owner_name(digest.shown)
    cc = [a for a in dict.fromkeys(copy_to) if a and a.lower() != address.lower()]
    cc = cc if any(d.escalated for d in digest.open) else []
    message = _message(sender, owner, address, _subject(period, digest, owner, lang),
                       email_digest(period, address, digest.shown), period, now, cc)
    text, html = _bodies(_context(owner, period, digest, cc, lang))
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    filename = f"{label(lang, 'attachment_prefix')}_{period}_{owner_slug(owner)}.xlsx"
    message.add_attachment(
        attachment, maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=filename
    )
    email = OwnerEmail(owner, address, str(message["Subject"]), message,
                       tuple(d.deviation_id for d in digest.open), tuple(cc),
                       tuple(d.deviation_id for d in digest.resolved))
    return email, filename


def build_owner_emails(
    run: AuditRun,
    sender: str,
    lang: str,
    attachments: Mapping[str, bytes],
    attachments_dir: Path | None = None,
    now: datetime | None = None,
    copy_to: Sequence[str] = (),
) -> list[OwnerEmail]:
    """One digest per owner address with new, open or resolved deviations.

    Deviations without an owner email are skipped: the pipeline reports those as problems.
    An email holding an escalated deviation is copied to `copy_to` (the controller, the
    escalation address). `attachments` holds each address's xlsx of the deviations
    `attached` names (the pipeline writes them with report/); with `attachments_dir`, each
    attachment is also written there.
    """
    now = now or datetime.now(UTC)
    emails = []
    for address, digest in digests_by_address(run.deviations).items():
        attachment = attachments[address]
        email, filename = _owner_email(run, sender, lang, digest, attachment, now, copy_to)
        if attachments_dir is not None:
            attachments_dir.mkdir(parents=True, exist_ok=True)
            (attachments_dir / filename).write_bytes(attachment)
        emails.append(email)
    return emails
