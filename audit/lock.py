"""One audit at a time, across processes: an OS lock (flock) the kernel releases when its holder dies."""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from audit.errors import Location, LockedError

LOCK_FILE = ".audit.lock"  # in output_dir: audits and `send` of one output folder take turns


class AuditLock:
    """`with AuditLock(path):` holds an exclusive flock on `path`; a second holder gets LockedError.

    The file itself is never removed (removing it would let a third process lock a new file
    while the second still holds the old one); it only says who holds the lock, for the message.
    """

    def __init__(self, path: Path, purpose: str = "audit"):
        self.path = path
        self.purpose = purpose
        self.fd: int | None = None

    @property
    def held(self) -> bool:
        return self.fd is not None

    def __enter__(self) -> AuditLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockedError(_busy_message(self._holder()), Location(str(self.path))) from None
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        _write_holder(fd, self.purpose)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)  # no holder any more; the kernel lock goes with the close
            finally:
                os.close(self.fd)
                self.fd = None

    def _holder(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # the holder is still writing it: the lock is held all the same
        return data if isinstance(data, dict) else {}


def _write_holder(fd: int, purpose: str) -> None:
    """Who holds the lock, for the message a second process gets."""
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "since": datetime.now(UTC).isoformat(timespec="seconds"), "purpose": purpose}
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)
    except OSError:  # a full disk: the lock holds all the same, only the message is vaguer
        pass


def _busy_message(holder: dict[str, object]) -> str:
    if not holder:
        return ("another audit is running (it is just starting; who holds the lock is not "
                "written yet); wait for it")
    return (f"another audit is running: {holder.get('purpose', 'audit')} by pid "
            f"{holder.get('pid')} on {holder.get('host')} since {holder.get('since')}; wait for "
            "it (the lock is released by the system when that process ends)")
