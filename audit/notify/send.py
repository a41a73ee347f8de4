"""Deliver owner emails: over SMTP (one connection for all) or as .eml files in an outbox."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Sequence
from email import policy
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from audit.config import SmtpConfig
from audit.core.atomic import atomic_write_bytes
from audit.core.messages import Msg, msg
from audit.errors import Location, NotifyError, Problem
from audit.notify.build import OwnerEmail, owner_slug
from audit.private import private_dir


def _problem(email: OwnerEmail, code: str, **params: Any) -> Problem:
    return Problem.of("notify", code, Location(file=email.email), **params)


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
        raise NotifyError.of("notify.no_password", variable=smtp.password_env)
    step = msg("notify.cannot_connect", server=where)
    try:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    except (OSError, smtplib.SMTPException) as e:
        raise NotifyError.of("notify.step_failed", step=step, error=_describe(e)) from e
    try:
        if smtp.use_starttls:
            step = msg("notify.starttls_failed", server=where)
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
        if smtp.username and password is not None:
            step = msg("notify.cannot_log_in", server=where, user=smtp.username)
            client.login(smtp.username, password)
    except (OSError, smtplib.SMTPException) as e:
        client.close()
        raise NotifyError.of("notify.step_failed", step=step, error=_describe(e)) from e
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def _send_one(
    client: smtplib.SMTP, email: OwnerEmail, envelope_from: str | None
) -> tuple[list[str], bool, BaseException | None]:
    """Send one email: (refusals, whether the server took it for anyone, the error if the
    connection is lost)."""
    try:
        refused = client.send_message(
            email.message, from_addr=envelope_from, to_addrs=email.recipients
        )
    except smtplib.SMTPServerDisconnected as e:
        return [], False, e
    except smtplib.SMTPException as e:  # refused this one; the connection is still fine
        return [_describe(e)], False, None
    except OSError as e:  # after SMTPException, which is an OSError too
        return [], False, e
    return _refusals(refused), True, None


Accepted = Callable[[OwnerEmail], None]


def send_emails(emails: Sequence[OwnerEmail], smtp: SmtpConfig,
                on_accepted: Accepted | None = None) -> list[Problem]:
    """Send every email over one SMTP connection; what fails becomes a Problem, never raises.

    `on_accepted` is called the moment the server accepts an email (at least one recipient),
    before the next is sent: a process killed half-way knows which went out.
    """
    try:
        client = _open(smtp)
    except NotifyError as e:
        return [_problem(email, "notify.not_sent", reason=e.msg()) for email in emails]
    envelope_from = parseaddr(smtp.sender)[1] or None
    problems: list[Problem] = []
    try:
        for done, email in enumerate(emails):
            stop = _deliver_one(client, email, envelope_from, smtp, on_accepted, problems)
            if stop:
                problems += [_problem(rest, "notify.not_sent", reason=stop)
                             for rest in emails[done + 1:]]
                break
    finally:
        _close(client)
    return problems


def _deliver_one(client: smtplib.SMTP, email: OwnerEmail, envelope_from: str | None,
                 smtp: SmtpConfig, on_accepted: Accepted | None,
                 problems: list[Problem]) -> Msg | None:
    """Send one email and report it; the reason to stop sending, or None to go on."""
    where = f"{smtp.host}:{smtp.port}"
    refused, accepted, lost = _send_one(client, email, envelope_from)
    if lost is not None:
        reason = msg("notify.connection_lost", server=where, error=_describe(lost))
        problems.append(_problem(email, "notify.not_sent", reason=reason))
        return reason
    if refused:
        problems.append(_problem(email, "notify.refused", server=where,
                                 refusals="; ".join(refused)))
    if accepted:  # a copy refused: the owner has it, so it must not be sent again
        try:
            if on_accepted is not None:
                on_accepted(email)
        except Exception as e:  # recording failed: sending more could send them twice later
            reason = msg("notify.not_recorded", email=email.email, error=e)
            problems.append(_problem(email, "notify.sent_but", reason=reason))
            return reason
    return None


def clear_outbox(folder: Path | str) -> int:
    """Remove the .eml files a run left in `folder` (a new run's emails replace them)."""
    paths = sorted(Path(folder).glob("*.eml"))
    for path in paths:
        path.unlink()
    return len(paths)


def outbox_names(emails: Sequence[OwnerEmail]) -> list[str]:
    """<owner-slug>.eml per email, distinct (a second owner of the same name gets -2)."""
    taken: set[str] = set()
    names = []
    for email in emails:
        slug = base = owner_slug(email.owner or email.email)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        names.append(f"{slug}.eml")
    return names


def write_outbox(emails: Sequence[OwnerEmail], folder: Path | str) -> list[Path]:
    """Write each email as <owner-slug>.eml (RFC 5322, CRLF line ends) into `folder` (0700),
    each file 0600 and complete or absent (written aside, then renamed)."""
    folder = private_dir(Path(folder))
    paths = []
    for email, name in zip(emails, outbox_names(emails), strict=True):
        path = folder / name
        atomic_write_bytes(path, email.message.as_bytes(policy=policy.SMTP), mode=0o600)
        paths.append(path)
    return paths
