"""Outputs are complete or absent: written to a temporary file beside the target, then renamed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from audit.errors import AuditError, Location


class OutputError(AuditError):
    """An output file could not be written (a full disk, no permission)."""


@contextlib.contextmanager
def atomic_path(path: Path, mode: int | None = None) -> Iterator[Path]:
    """A temporary path to write to; renamed to `path` when the block ends without error, removed
    otherwise. An OSError (a full disk) becomes an OutputError naming the file."""
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as e:
        raise OutputError(f"cannot write the file: {e.strerror or e}", Location(str(path))) from e
    temporary = Path(name)
    try:
        yield temporary
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        with open(temporary, "rb") as f:
            os.fsync(f.fileno())  # on disk before the rename makes it the real file
        temporary.replace(path)
    except OSError as e:
        raise OutputError(f"cannot write the file: {e.strerror or e}; nothing of it was kept "
                          "(free space or fix permissions, then run again)",
                          Location(str(path))) from e
    finally:
        temporary.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write `data` to `path` atomically."""
    with atomic_path(path, mode) as temporary:
        temporary.write_bytes(data)
    return path


def atomic_write_with(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write `path` atomically with a writer that takes an open binary file."""
    with atomic_path(path) as temporary, open(temporary, "wb") as f:
        write(f)
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
