"""The outbox: each email as <owner-slug>.eml, valid RFC 5322 that parses back."""

from __future__ import annotations

import dataclasses
import io
from email import message_from_bytes, policy
from pathlib import Path

import openpyxl

from audit.notify.build import OwnerEmail, read_digest
from audit.notify.send import write_outbox


def test_outbox_files_parse(emails: list[OwnerEmail], tmp_path: Path) -> None:
    paths = write_outbox(emails, tmp_path / "outbox")
    assert [p.name for p in paths] == [
        "billing-pricing.eml",
        "credit-control.eml",
        "account-management-key-accounts-nl-team.eml",
        "logistics-planner.eml",
    ]
    for path, email in zip(paths, emails, strict=True):
        raw = path.read_bytes()
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
        assert max(len(line) for line in raw.split(b"\r\n")) <= 998  # RFC 5322 line limit
        message = message_from_bytes(raw, policy=policy.default)
        assert message["Subject"] == email.subject
        assert message["To"].addresses[0].addr_spec == email.email
        assert read_digest(message) == email.digest
        assert message.get_body(("html",)) is not None
        [attachment] = list(message.iter_attachments())
        openpyxl.load_workbook(io.BytesIO(attachment.get_content()))


def test_outbox_keeps_non_ascii(emails: list[OwnerEmail], tmp_path: Path) -> None:
    [path] = write_outbox(emails[:1], tmp_path)
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert 'alert(1)</script> & "ë€"' in message.get_body(("plain",)).get_content()


def test_same_owner_name_twice_gets_distinct_files(
    emails: list[OwnerEmail], tmp_path: Path
) -> None:
    twin = dataclasses.replace(emails[1], owner=emails[0].owner)
    paths = write_outbox([emails[0], twin], tmp_path)
    assert [p.name for p in paths] == ["billing-pricing.eml", "billing-pricing-2.eml"]
