"""Notify stage: one email per owner with their deviations; sent over SMTP or written to outbox/."""

from __future__ import annotations

from audit.notify.build import OwnerEmail, build_owner_emails, email_digest, read_digest
from audit.notify.send import send_emails, write_outbox

__all__ = [
    "OwnerEmail",
    "build_owner_emails",
    "email_digest",
    "read_digest",
    "send_emails",
    "write_outbox",
]
