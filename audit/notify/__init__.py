"""Notify stage: one digest per owner; sent over SMTP or written to outbox/, delivered later."""

from __future__ import annotations

from audit.notify.build import OwnerEmail, build_owner_emails, email_digest, read_digest
from audit.notify.outbox import deliver_outbox, read_email
from audit.notify.send import clear_outbox, send_emails, write_outbox

__all__ = [
    "OwnerEmail",
    "build_owner_emails",
    "clear_outbox",
    "deliver_outbox",
    "email_digest",
    "read_digest",
    "read_email",
    "send_emails",
    "write_outbox",
]
