"""Sending to a real aiosmtpd server: delivery, refused recipients, server down, login."""

from __future__ import annotations

import io
from collections.abc import Callable
from email import message_from_bytes, policy
from typing import Any

import openpyxl
import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from audit.config import SmtpConfig
from audit.errors import Location
from audit.notify.build import OwnerEmail, read_digest
from audit.notify.send import send_emails

Start = Callable[..., tuple[Any, int]]
MakeConfig = Callable[..., SmtpConfig]


def test_delivers_every_email(
    emails: list[OwnerEmail], smtp_server: Start, smtp_config: MakeConfig
) -> None:
    handler, port = smtp_server()
    assert send_emails(emails, smtp_config(port)) == []
    assert [r.rcpt_tos for r in handler.received] == [[e.email] for e in emails]
    assert {r.mail_from for r in handler.received} == {"audit@example.nl"}


def test_received_message_parses_with_attachment(
    emails: list[OwnerEmail], smtp_server: Start, smtp_config: MakeConfig
) -> None:
    handler, port = smtp_server()
    send_emails(emails[:1], smtp_config(port))
    [received] = handler.received
    message = message_from_bytes(received.content, policy=policy.default)
    assert message["Subject"] == emails[0].subject
    assert read_digest(message) == emails[0].digest
    assert "ë€" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "afwijkingen_2026-10_billing-pricing.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert "Billing-pricing" in book.sheetnames


def test_a_refused_recipient_is_a_problem_and_the_rest_go_on(
    emails: list[OwnerEmail], smtp_server: Start, smtp_config: MakeConfig
) -> None:
    handler, port = smtp_server(refuse=("credit@example.nl",))
    problems = send_emails(emails, smtp_config(port))
    assert len(problems) == 1
    [problem] = problems
    assert problem.stage == "notify"
    assert problem.location == Location("credit@example.nl")
    assert problem.message == (
        f"email refused by 127.0.0.1:{port}: credit@example.nl: 550 5.1.1 mailbox unavailable"
    )
    delivered = [r.rcpt_tos[0] for r in handler.received]
    assert delivered == [e.email for e in emails if e.email != "credit@example.nl"]


def test_server_down_makes_every_email_a_problem(
    emails: list[OwnerEmail], closed_port: int, smtp_config: MakeConfig
) -> None:
    problems = send_emails(emails, smtp_config(closed_port))
    assert [p.location for p in problems] == [Location(e.email) for e in emails]
    assert all(p.stage == "notify" for p in problems)
    assert problems[0].message.startswith(
        f"email not sent; could not connect to the mail server 127.0.0.1:{closed_port}: "
    )


def test_starttls_the_server_lacks(
    emails: list[OwnerEmail], smtp_server: Start, smtp_config: MakeConfig
) -> None:
    handler, port = smtp_server()
    problems = send_emails(emails, smtp_config(port, starttls=True))
    assert len(problems) == len(emails)
    assert "STARTTLS with 127.0.0.1" in problems[0].message
    assert handler.received == []


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"audit",
        b"s3cret",
    )
    return AuthResult(success=ok, handled=False)


def test_login_with_password_from_environment(
    emails: list[OwnerEmail],
    smtp_server: Start,
    smtp_config: MakeConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handler, port = smtp_server(authenticator=_authenticator, auth_require_tls=False)
    config = smtp_config(port, username="audit", password_env="TEST_AUDIT_SMTP_PW",
                         starttls=False, plaintext_login=True)
    monkeypatch.setenv("TEST_AUDIT_SMTP_PW", "s3cret")
    assert send_emails(emails, config) == []
    assert len(handler.received) == len(emails)
    monkeypatch.setenv("TEST_AUDIT_SMTP_PW", "wrong")
    problems = send_emails(emails, config)
    assert len(problems) == len(emails)
    assert "could not log in to 127.0.0.1" in problems[0].message
    assert "as audit: 535" in problems[0].message


def test_missing_password_variable_is_named(
    emails: list[OwnerEmail],
    closed_port: int,
    smtp_config: MakeConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TEST_AUDIT_SMTP_PW", raising=False)
    config = smtp_config(closed_port, username="audit", password_env="TEST_AUDIT_SMTP_PW")
    problems = send_emails(emails, config)
    assert len(problems) == len(emails)
    assert problems[0].message == (
        "email not sent; smtp.username is set but the environment variable "
        "TEST_AUDIT_SMTP_PW is not; set it to the mail server password"
    )


def test_nothing_to_send(smtp_server: Start, smtp_config: MakeConfig) -> None:
    handler, port = smtp_server()
    assert send_emails([], smtp_config(port)) == []
    assert handler.received == []
