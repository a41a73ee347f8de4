"""Secrets and private files: passwords masked in every message; database, outbox, log 0600/0700."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from logging.handlers import RotatingFileHandler
from pathlib import Path

MASK = "***"
_URL_PASSWORD = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]*:)(?P<password>[^@\s]+)(?=@)")
_SECRET_ENV = re.compile(r"(PASSWORD|PASSWD|SECRET|TOKEN)", re.I)


def mask(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with every URL password (scheme://user:PASSWORD@host) and every known secret value
    replaced by ***; known secrets are the given ones and the environment's *PASSWORD* values."""
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, text)
    values = [s for s in secrets if s]
    values += [v for k, v in os.environ.items() if _SECRET_ENV.search(k) and len(v) >= 4]
    for value in sorted(set(values), key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


def private_dir(path: Path) -> Path:
    """Create a folder only its owner may enter (0700); an existing one is tightened."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file only its owner may read (0600) if missing; tighten an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        os.chmod(path, 0o600)
    return path


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created 0600: a log may hold customer names and amounts."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_file(Path(self.baseFilename))
        return super()._open()
