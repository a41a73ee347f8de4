"""ERP exports -> validated DataFrames with our column names; bad rows reported and left out."""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.config import DATASETS, AuditConfig, DatasetSource
from audit.erp.convert import Number, convert
from audit.erp.fields import SCHEMAS, Field
from audit.erp.profiles import resolve_sources
from audit.erp.sources import SEPARATORS, Raw, read_files, read_query
from audit.erp.validate import MAX_ROW_PROBLEMS, duplicates, references, value_problems
from audit.errors import ErpDataError, Location, Problem
from audit.models import ErpData

__all__ = ["MAX_ROW_PROBLEMS", "export_files", "load_dataset", "load_erp"]


def load_erp(config: AuditConfig, only: Sequence[str] = DATASETS) -> ErpData:
    """Load every configured dataset (or `only` these); a missing or unreadable one is a
    Problem, not a crash."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    sources = resolve_sources(config.erp, config.base_dir)
    for name in only:
        source = sources.get(name)
        if source is None:
            problems.append(Problem("erp", f"dataset '{name}' is not configured; the checks "
                                    "that need it are skipped", severity="warning"))
            continue
        try:
            paths = [config.path(p) for p in source.paths]
            frame, row_problems = load_dataset(name, source, paths, url=config.erp.url)
        except ErpDataError as e:
            problems.append(Problem("erp", f"{e.message}; the checks that need '{name}' are "
                                    "skipped", e.location))
            continue
        frames[name] = frame
        problems.extend(row_problems)
    problems += references(frames, {n: f.attrs.get("erp_columns", {}) for n, f in frames.items()})
    return ErpData(frames=frames, problems=tuple(problems))


def export_files(config: AuditConfig) -> list[Path]:
    """Every file the configured datasets read (globs expanded; none for an SQL query)."""
    files: list[Path] = []
    for source in config.erp.datasets.values():
        for pattern in source.paths:
            path = config.path(pattern)
            files += sorted(Path(p) for p in glob.glob(str(path))) if glob.has_magic(
                str(path)) else [path]
    return files


def load_dataset(name: str, source: DatasetSource, path: Path | Sequence[Path] | None = None,
                 *, url: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one dataset (file(s), glob or SQL query), map its columns, convert and validate."""
    schema = SCHEMAS[name]
    erp_name = _erp_names(source)
    if source.query:
        raw = read_query(source.query, source.url or url, f"{name} (SQL)", source.decimal)
    else:
        paths = [path] if isinstance(path, Path) else list(path or [])
        if not paths:
            raise ErpDataError(f"dataset '{name}' has no path and no query", Location(name))
        raw = read_files(paths, source, set(source.columns) | {f.name for f in schema})
    columns = _mapped_columns(raw, source, schema, erp_name)
    data, bad, problems = _convert_all(raw, columns, source, schema)
    frame = _frame(data, ~bad if bad.any() else None)
    dup, dup_problems = duplicates(name, frame, columns)
    if dup.any():
        frame = frame[~dup].reset_index(drop=True)
    frame.attrs["erp_columns"] = columns
    return frame, raw.problems + problems + dup_problems


def _frame(data: dict[str, object], keep: np.ndarray | None) -> pd.DataFrame:
    """The converted columns as a DataFrame, without the rows not kept (filtered in arrow)."""
    mask = pa.array(keep) if keep is not None else None
    columns = {}
    for name, values in data.items():
        if isinstance(values, pa.Array):
            columns[name] = (values if mask is None else pc.filter(values, mask)).to_pandas()
        else:
            columns[name] = values if keep is None else values[keep]  # type: ignore[index]
    return pd.DataFrame(columns, copy=False)


def _erp_names(source: DatasetSource) -> dict[str, str]:
    """Our field -> the ERP's column name (the first one mapped to it)."""
    names: dict[str, str] = {}
    for erp, ours in source.columns.items():
        names.setdefault(ours, erp)
    return names


def _mapped_columns(raw: Raw, source: DatasetSource, schema: tuple[Field, ...],
                    erp_name: dict[str, str]) -> dict[str, str]:
    """Our field -> the export's column holding it; an error when a required one is missing."""
    header = {c.strip().casefold(): c for c in raw.table.column_names}
    found: dict[str, str] = {}
    for erp, ours in [*source.columns.items(), *((f.name, f.name) for f in schema)]:
        column = header.get(erp.strip().casefold())
        if column is not None and ours not in found:
            found[ours] = column
    missing = [f for f in schema if f.required and f.name not in found]
    if missing:
        raise _missing_columns(raw, source, missing, erp_name)
    return found


def _missing_columns(raw: Raw, source: DatasetSource, missing: list[Field],
                     erp_name: dict[str, str]) -> ErpDataError:
    names = ", ".join(f"'{erp_name.get(f.name, f.name)}' ({f.name})" for f in missing)
    columns = raw.table.column_names
    found = ", ".join(f"'{c}'" for c in columns[:12]) or "no columns"
    hint = ""
    if len(columns) <= 1 and not source.query:
        seps = [s for s in SEPARATORS if s != source.separator and s in "".join(columns)]
        looks = f"; it looks '{seps[0]}'-separated" if seps else ""
        hint = f" ({len(columns)} column{looks}) — is the separator right?"
    return ErpDataError(f"required column(s) missing: {names}; the file has {found}{hint}",
                        Location(raw.files[0], row=None if source.query else 1))


def _convert_all(raw: Raw, columns: dict[str, str], source: DatasetSource,
                 schema: tuple[Field, ...]) -> tuple[dict[str, object], np.ndarray, list[Problem]]:
    """Every mapped field converted; the rows with an invalid value, and their problems."""
    number = Number(source.decimal, source.thousands)
    data: dict[str, object] = {}
    bad = np.zeros(raw.table.num_rows, dtype=bool)
    problems: list[Problem] = []
    for field in schema:
        if field.name not in columns:
            continue
        mapping = {k: str(v).lower() if isinstance(v, bool) else str(v)
                   for k, v in source.values.get(field.name, {}).items()}
        result = convert(field, raw.table[columns[field.name]], number, source.date_formats,
                         mapping)
        data[field.name] = result.values
        if result.invalid.any():
            problems += value_problems(field, result.invalid, result.shown, raw.rows,
                                       raw.file_of, columns[field.name])
            bad |= result.invalid
    data["source_row"] = raw.rows
    data["source_file"] = pd.Categorical.from_codes(raw.file_codes, raw.files)
    return data, bad, problems
