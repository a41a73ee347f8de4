"""A field map (the product's own field names -> an ERP's export columns, with each file's format)
-> the erp: section and settings of config.yaml.

A field map says, per dataset, which file holds it, how the file is written and which column holds
each of the program's fields (`fields: {customer_id: Debtor}`), and how the ERP codes values
(`values: {kind: {invoice: INV}}`). config.yaml says the same the other way round (`columns:
{Debtor: customer_id}`, `values: {kind: {INV: invoice}}`); this module turns one into the other.
What config.yaml needs and a field map does not hold (owners' names and email addresses) is
left for the controller to fill in, and said so in the file it writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from audit.config import DATASETS
from audit.core.yamlfile import line_of, load_yaml
from audit.errors import ConfigError, Location

# a dataset's format keys that mean the same in both files
FORMAT_KEYS = ("format", "sheet", "header_row", "separator", "decimal", "thousands",
               "date_format", "encoding")
DATASET_KEYS = {"file", "files", "path", "fields", "values", "notes", "skip_rows", *FORMAT_KEYS}
TOP_KEYS = {"about", "company", "audit", "contracts_dir", "datasets", "language", "notes"}
CONTROLLER = "controller"  # the role of the controller's own (config.yaml `controller:`)


@dataclass(frozen=True)
class Translated:
    """The config as data, the period the map names (if any) and what was left untranslated."""

    config: dict[str, Any]
    period: str | None
    ignored: tuple[str, ...]


def translate(path: Path, out_dir: Path, language: str = "nl", rules_dir: Path = Path("rules")
              ) -> Translated:
    """The field map at `path` as a config whose paths are relative to `out_dir` (the rule files
    of `rules_dir`, relative to the working folder)."""
    data = load_yaml(path, ConfigError)
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), dict):
        raise ConfigError("a field map holds 'datasets:' (dataset -> file, format, fields)",
                          Location(str(path), line=line_of(data, ("datasets",))))
    base = path.resolve().parent
    ignored = [f"{key} (line {line_of(data, (key,))})" for key in data if key not in TOP_KEYS]
    errors: list[ConfigError] = []
    datasets: dict[str, Any] = {}
    for name, source in data["datasets"].items():
        if name not in DATASETS:
            errors.append(ConfigError(
                f"unknown dataset '{name}' (known: {', '.join(DATASETS)})",
                Location(str(path), line=line_of(data, ("datasets", name)))))
            continue
        try:
            datasets[name], skipped = _dataset(source, name, base, out_dir, path, data)
        except ConfigError as e:
            errors.append(e)
            continue
        ignored += skipped
    if errors:
        raise errors[0] if len(errors) == 1 else ConfigError(
            "; ".join(str(e) for e in errors), Location(str(path)))
    audit = data.get("audit") or {}
    try:
        top_n, months = int(audit.get("top_n", 10)), lookback(audit)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"audit: top_n, period (YYYY-MM) or data_from (YYYY-MM-DD) cannot be "
                          f"read: {e}", Location(str(path), line=line_of(data, ("audit",)))) from e
    company = data.get("company")
    named = company.get("name") if isinstance(company, dict) else company
    config = {
        "company": {"name": str(named or path.stem)},
        "language": data.get("language", language),
        "top_n": top_n,
        "lookback_months": months,
        "contracts_dir": _relative(base / str(data.get("contracts_dir", "contracts")), out_dir),
        "rules_dir": _relative(rules_dir, out_dir),
        "erp": {"datasets": datasets},
        "owners": {role: {"name": role.replace("_", " ").capitalize(), "email": None}
                   for role in owner_roles(rules_dir)},
        "controller": {"name": "Operations controller", "email": None},
    }
    if isinstance(company, dict) and company.get("kvk_number"):
        config["company"]["kvk_number"] = str(company["kvk_number"])
    period = audit.get("period")
    return Translated(config, str(period) if period else None, tuple(ignored))


def owner_roles(rules_dir: Path) -> list[str]:
    """The roles the rule files name as owners (`owner:`), but the controller's own."""
    roles = set()
    for rule_file in sorted(rules_dir.glob("*.yaml")):
        rule = load_yaml(rule_file, ConfigError)
        if isinstance(rule, dict) and isinstance(rule.get("owner"), str):
            roles.add(rule["owner"])
    return sorted(roles - {CONTROLLER})


def lookback(audit: dict[str, Any]) -> int:
    """Months from the first month of data to the audited period, both counted (12 without)."""
    start, period = audit.get("data_from"), audit.get("period")
    if not start or not period:
        return 12
    first = start if isinstance(start, date) else date.fromisoformat(str(start))
    year, month = (int(p) for p in str(period).split("-")[:2])
    return max(1, min(60, (year - first.year) * 12 + month - first.month + 1))


def _dataset(source: Any, name: str, base: Path, out_dir: Path, path: Path, data: Any
             ) -> tuple[dict[str, Any], list[str]]:
    """One dataset's source in config.yaml's terms, and the keys left out."""
    where = Location(str(path), line=line_of(data, ("datasets", name)))
    if not isinstance(source, dict):
        raise ConfigError(f"dataset '{name}' must be a mapping (file, format, fields)", where)
    files = source.get("file") or source.get("files") or source.get("path")
    fields = source.get("fields")
    if not files or not isinstance(fields, dict) or not fields:
        raise ConfigError(f"dataset '{name}' needs 'file:' and 'fields:' (field -> column)", where)
    listed = [files] if isinstance(files, str) else list(files)
    out: dict[str, Any] = {"path": [_relative(base / f, out_dir) for f in listed]}
    if len(listed) == 1:
        out["path"] = out["path"][0]
    out |= {k: source[k] for k in FORMAT_KEYS if source.get(k) is not None}
    if "header_row" not in out and isinstance(source.get("skip_rows"), int):
        out["header_row"] = source["skip_rows"] + 1  # the rows above the header skipped
    out["columns"] = {str(column): field for field, column in fields.items() if column}
    values = {field: _inverted(codes) for field, codes in (source.get("values") or {}).items()
              if isinstance(codes, dict)}
    if values:
        out["values"] = values
    skipped = [f"datasets.{name}.{k} (line {line_of(data, ('datasets', name, k))})"
               for k in source if k not in DATASET_KEYS]
    return out, skipped


def _inverted(codes: dict[Any, Any]) -> dict[str, str]:
    """{ours: theirs or [theirs, ...]} -> {theirs: ours}."""
    out: dict[str, str] = {}
    for ours, theirs in codes.items():
        for code in theirs if isinstance(theirs, list) else [theirs]:
            out[str(code)] = str(ours).lower() if isinstance(ours, bool) else str(ours)
    return out


def _relative(target: Path, out_dir: Path) -> str:
    """`target` as a path relative to the folder the config is written to."""
    return Path(os.path.relpath(target.resolve(), out_dir.resolve())).as_posix()
