"""Deliver owner emails: over SMTP (one connection for all) or as .eml files in an outbox."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from email import policy
from email.utils import parseaddr
from pathlib import Path

from audit.config import SmtpConfig
from audit.errors import Location, NotifyError, Problem
from audit.notify.build import OwnerEmail, owner_slug


def _problem(email: OwnerEmail, message: str) -> Problem:
    return Problem(stage="notify", message=message, location=Location(file=email.email))


def _refusals(refused: dict[str, tuple[int, bytes]]) -> list[str]:
    return [
        f"{addr}: {code} {text.decode(errors='replace')}" for addr, (code, text) in refused.items()
    ]


def _describe(error: BaseException) -> str:
    """An SMTP error as one line: '550 mailbox unavailable' rather than a bytes tuple."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(_refusals(error.recipients))
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {text}"
    return str(error) or type(error).__name__


def _open(smtp: SmtpConfig) -> smtplib.SMTP:
    """Connect, STARTTLS and log in as configured; NotifyError says which step failed."""
    where = f"{smtp.host}:{smtp.port}"
    password = smtp.password
    if smtp.username and password is None:
        raise NotifyError(
            f"smtp.username is set but the environment variable {smtp.password_env} is not; "
            "set it to the mail server password"
        )
    step = f"could not connect to the mail server {where}"
    try:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    except (OSError, smtplib.SMTPException) as e:
        raise NotifyError(f"{step}: {_describe(e)}") from e
    try:
        if smtp.starttls:
            step = f"STARTTLS with {where} failed (set smtp.starttls: false if it has none)"
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
        if smtp.username and password is not None:
            step = f"could not log in to {where} as {smtp.username}"
            client.login(smtp.username, password)
    except (OSError, smtplib.SMTPException) as e:
        client.close()
        raise NotifyError(f"{step}: {_describe(e)}") from e
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def _send_one(
    client: smtplib.SMTP, email: OwnerEmail, envelope_from: str | None
) -> tuple[list[str], BaseException | None]:
    """Send one email: (recipients the server refused, the error if the connection is lost)."""
    try:
        refused = client.send_message(
            email.message, from_addr=envelope_from, to_addrs=email.recipients
        )
    except smtplib.SMTPServerDisconnected as e:
        return [], e
    except smtplib.SMTPException as e:  # refused this one; the connection is still fine
        return [_describe(e)], None
    except OSError as e:  # after SMTPException, which is an OSError too
        return [], e
    return _refusals(refused), None


def send_emails(emails: Sequence[OwnerEmail], smtp: SmtpConfig) -> list[Problem]:
    """Send every email over one SMTP connection; what fails becomes a Problem, never raises."""
    where = f"{smtp.host}:{smtp.port}"
    try:
        client = _open(smtp)
    except NotifyError as e:
        return [_problem(email, f"email not sent; {e.message}") for email in emails]
    envelope_from = parseaddr(smtp.sender)[1] or None
    problems: list[Problem] = []
    try:
        for done, email in enumerate(emails):
            refused, lost = _send_one(client, email, envelope_from)
            if lost is not None:
                reason = f"lost the connection to the mail server {where}: {_describe(lost)}"
                problems += [_problem(rest, f"email not sent; {reason}") for rest in emails[done:]]
                break
            if refused:
                problems.append(_problem(email, f"email refused by {where}: {'; '.join(refused)}"))
    finally:
        _close(client)
    return problems


def clear_outbox(folder: Path | str) -> int:
    """Remove the .eml files a run left in `folder` (a new run's emails replace them)."""
    paths = sorted(Path(folder).glob("*.eml"))
    for path in paths:
        path.unlink()
    return len(paths)


def write_outbox(emails: Sequence[OwnerEmail], folder: Path | str) -> list[Path]:
    """Write each email as <owner-slug>.eml (RFC 5322, CRLF line ends) into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    paths = []
    for email in emails:
        slug = base = owner_slug(email.owner or email.email)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        path = folder / f"{slug}.eml"
        path.write_bytes(email.message.as_bytes(policy=policy.SMTP))
        paths.append(path)
    return paths
