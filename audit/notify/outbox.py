"""The outbox later: read output/<period>/outbox/*.eml, send them, move them to outbox/sent/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from audit.config import SmtpConfig
from audit.errors import Location, Problem
from audit.notify.build import PERIOD_HEADER, OwnerEmail, is_dry_run
from audit.notify.send import send_emails

SENT = "sent"


@dataclass
class OutboxResult:
    """What `contract-audit send` did with one outbox."""

    sent: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # went out before: moved, not sent again
    dry_run: list[Path] = field(default_factory=list)  # written by a dry run: left alone
    problems: list[Problem] = field(default_factory=list)


def read_email(path: Path) -> OwnerEmail:
    """An .eml file of the outbox as the OwnerEmail it was built as (To, Cc, digest)."""
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    [(owner, address)] = getaddresses([str(message.get("To", ""))])[:1] or [("", "")]
    cc = tuple(a for _, a in getaddresses([str(message.get("Cc", ""))]) if a)
    return OwnerEmail(owner, address, str(message.get("Subject", "")), message, (), cc)


def email_period(email: OwnerEmail, path: Path) -> str:
    """The period an email reports on: its X-Audit-Period, else the folder output/<period>/."""
    return str(email.message.get(PERIOD_HEADER, "")).strip() or path.parent.parent.name


def move_to_sent(path: Path) -> Path:
    """Keep a delivered email under outbox/sent/ (a later one of the same name replaces it)."""
    target = path.parent / SENT / path.name
    target.parent.mkdir(exist_ok=True)
    return path.replace(target)


def deliver_outbox(folder: Path, smtp: SmtpConfig, should_send: Callable[[OwnerEmail, Path], bool],
                   on_sent: Callable[[OwnerEmail, Path], None]) -> OutboxResult:
    """Send every .eml in `folder` that `should_send` allows (the others went out before) and
    that no dry run wrote; each one is reported to `on_sent` and moved to sent/ the moment the
    server accepts it (a kill half-way sends none twice), a failed one stays."""
    result = OutboxResult()
    todo: list[tuple[Path, OwnerEmail]] = []
    ids: set[str] = set()
    for path in sorted(folder.glob("*.eml")):
        try:
            email = read_email(path)
        except (ValueError, OSError) as e:
            result.problems.append(Problem.of("notify", "notify.cannot_read_email",
                                              Location(str(path)), error=e))
            continue
        key = str(email.message.get("Message-ID", "")).strip()
        if is_dry_run(email.message):
            result.dry_run.append(path)
        elif (not key or key not in ids) and should_send(email, path):
            todo.append((path, email))
            ids.add(key)
        else:  # went out before, or a second copy of one about to go
            result.skipped.append(move_to_sent(path))
    paths = {id(email): path for path, email in todo}

    def accepted(email: OwnerEmail) -> None:
        path = paths[id(email)]
        on_sent(email, path)
        result.sent.append(move_to_sent(path))

    result.problems += send_emails([email for _, email in todo], smtp, on_accepted=accepted)
    return result
