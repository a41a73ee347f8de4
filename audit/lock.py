"""One audit at a time, across processes: a lock file with stale-lock detection."""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from audit.errors import AuditError, Location

MAX_AGE = timedelta(hours=12)  # a lock older than any audit takes is stale, whoever holds it


class LockedError(AuditError):
    """Another audit holds the lock."""

    exit_code = 6


class AuditLock:
    """`with AuditLock(path):` holds the lock file; a second holder gets LockedError."""

    def __init__(self, path: Path, purpose: str = "audit"):
        self.path = path
        self.purpose = purpose
        self.held = False

    def __enter__(self) -> AuditLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):  # a second try after removing a stale lock
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is not None and not _stale(holder):
                    raise LockedError(
                        f"another audit is running: {holder.get('purpose', 'audit')} by pid "
                        f"{holder.get('pid')} on {holder.get('host')} since "
                        f"{holder.get('since')}; wait for it, or remove the lock file if that "
                        "process is gone", Location(str(self.path))) from None
                self.path.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w") as f:
                json.dump({"pid": os.getpid(), "host": socket.gethostname(),
                           "since": datetime.now(UTC).isoformat(timespec="seconds"),
                           "purpose": self.purpose}, f)
            self.held = True
            return self
        raise LockedError("cannot take the audit lock", Location(str(self.path)))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False

    def _holder(self) -> dict[str, object] | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # half-written or unreadable: treat as stale


def _stale(holder: dict[str, object]) -> bool:
    """Stale when its process is gone (same host) or it is older than any audit takes."""
    try:
        since = datetime.fromisoformat(str(holder["since"]))
    except (KeyError, ValueError):
        return True
    if datetime.now(UTC) - since > MAX_AGE:
        return True
    if holder.get("host") == socket.gethostname():
        try:
            os.kill(int(holder["pid"]), 0)  # type: ignore[call-overload]
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
    return False
