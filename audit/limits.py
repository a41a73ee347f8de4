"""Input limits checked before anything is read: an ERP export above its size cap is not loaded."""

from __future__ import annotations

import glob
from decimal import Decimal
from pathlib import Path

from audit.config import DATASETS, AuditConfig
from audit.errors import Location, Problem


def dataset_files(config: AuditConfig, name: str) -> list[Path]:
    """The files one configured dataset reads (globs expanded; none for an SQL query)."""
    source = config.erp.datasets.get(name)  # type: ignore[call-overload]
    files: list[Path] = []
    for pattern in source.paths if source is not None else []:
        path = config.path(pattern)
        files += sorted(Path(p) for p in glob.glob(str(path))) if glob.has_magic(
            str(path)) else [path]
    return files


def loadable(config: AuditConfig, problems: list[Problem]) -> tuple[str, ...]:
    """The datasets whose every file is within limits.export_max_mb; each one above it is a
    problem naming the file and its size (reading it could exhaust the memory of the machine)."""
    cap = config.limits.export_max_mb * 1024 * 1024
    fit = []
    for name in DATASETS:
        big = [(p, size) for p in dataset_files(config, name)
               if p.is_file() and (size := p.stat().st_size) > cap]
        for path, size in big:
            problems.append(Problem.of("erp", "erp.export_too_big", Location(str(path)),
                                       size=Decimal(round(size / 2**20)),
                                       limit=config.limits.export_max_mb, datasets=f"'{name}'"))
        if not big:
            fit.append(name)
    return tuple(fit)
