"""What a run used: the program's version and hashes of the config, the rule files and every
input file (ERP exports, contract PDFs), stored with the run."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from audit import __version__
from audit.config import AuditConfig
from audit.erp.loader import export_files


def versions(config: AuditConfig) -> dict[str, Any]:
    """Hashes of the config, the rule files and the input files this run used."""
    rules = sorted(config.path(config.rules_dir).glob("*.yaml"))
    inputs = export_files(config)
    folder = config.path(config.contracts_dir)
    inputs += sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    return {
        "program": __version__,
        "config": hashlib.sha256(config.model_dump_json().encode()).hexdigest()[:16],
        "rules": _digest(rules),
        "inputs": {p.name: _digest([p]) for p in inputs if p.is_file()},
    }


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]
