"""ERP exports -> validated DataFrames with our column names; bad rows reported and left out."""

from __future__ import annotations

import difflib
import glob
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.config import DATASETS, AuditConfig, DatasetSource
from audit.core.messages import Msg, joined, msg
from audit.erp.convert import Number, convert, dictionary
from audit.erp.duck import read_sql_files
from audit.erp.fields import OPTIONAL_DATASETS, SCHEMAS, Field
from audit.erp.profiles import resolve_sources
from audit.erp.records import drop_non_records
from audit.erp.shape import add_absent, check_date_order, exact_repeats, foreign_money, value_hint
from audit.erp.sources import Raw, read_files, read_query
from audit.erp.validate import MAX_ROW_PROBLEMS, duplicates, references, value_problems
from audit.errors import ErpDataError, Location, Problem
from audit.models import ErpData

__all__ = ["MAX_ROW_PROBLEMS", "export_files", "load_dataset", "load_erp"]


def load_erp(config: AuditConfig, only: Sequence[str] = DATASETS) -> ErpData:
    """Load every configured dataset (or `only` these); a missing or unreadable one is a
    Problem, not a crash."""
    frames: dict[str, pd.DataFrame] = {}
    found: list[tuple[str, Problem]] = []
    sources = resolve_sources(config.erp, config.base_dir)
    for name in only:
        source = sources.get(name)
        if source is None and name in OPTIONAL_DATASETS:
            continue  # the checks fall back on another dataset (fields.OPTIONAL_DATASETS)
        if source is None:
            found.append((name, Problem.of("erp", "erp.dataset_not_configured",
                                           severity="warning", dataset=name)))
            continue
        try:
            paths = [config.path(p) for p in source.paths]
            frame, row_problems = load_dataset(name, source, paths, url=config.erp.url,
                                               base_dir=config.base_dir)
        except ErpDataError as e:
            found.append((name, Problem.of("erp", "erp.dataset_unusable", e.location,
                                           reason=e.msg(), datasets=f"'{name}'")))
            continue
        frames[name] = frame
        found += [(name, p) for p in row_problems]
    problems = merge_repeats(found)
    problems += references(frames, {n: f.attrs.get("erp_columns", {}) for n, f in frames.items()})
    return ErpData(frames=frames, problems=tuple(problems))


def unusable(name: str) -> Msg:
    """The end of the message of a dataset that did not load."""
    return msg("erp.checks_skipped", datasets=f"'{name}'")


def merge_repeats(found: list[tuple[str, Problem]]) -> list[Problem]:
    """A file read for several datasets reports a problem once, naming those datasets."""
    names: dict[tuple[object, str, str], list[str]] = {}
    first: dict[tuple[object, str, str], Problem] = {}
    for name, problem in found:
        if problem.location is None:  # not about a file: nothing another dataset repeats
            key: tuple[object, str, str] = (name, problem.message, problem.severity)
        else:
            key = (problem.location, problem.message.replace(f"'{name}'", "'*'"),
                   problem.severity)
        names.setdefault(key, []).append(name)
        first.setdefault(key, problem)
    out = []
    for key, problem in first.items():
        if len(names[key]) > 1:
            out.append(_for_datasets(problem, ", ".join(f"'{n}'" for n in names[key])))
        else:
            out.append(problem)
    return out


def _for_datasets(problem: Problem, listed: str) -> Problem:
    """One file's problem for several datasets: those named where it names its dataset, else
    added at the end."""
    params = dict(problem.params)
    if "datasets" in params:
        return Problem.of(problem.stage, problem.code, problem.location, problem.severity,
                          **{**params, "datasets": listed})
    return Problem.of(problem.stage, "erp.in_datasets", problem.location, problem.severity,
                      problem=problem.msg(), datasets=listed)


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
                 *, url: str | None = None, base_dir: Path | None = None
                 ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one dataset (file(s), glob, SQL query or DuckDB sql over files), map its columns,
    convert and validate."""
    schema = SCHEMAS[name]
    erp_name = _erp_names(source)
    raw = _read(name, source, path, url, base_dir)
    columns = _mapped_columns(raw, source, schema, erp_name)
    if not (source.sql or source.query):
        raw = drop_non_records(name, raw, columns, schema,
                               Number(source.decimal, source.thousands))
    data, bad, problems = _convert_all(raw, columns, source, schema)
    bad, currency_problems = foreign_money(name, source, data, bad, raw, columns)
    frame = _frame(data, ~bad if bad.any() else None)
    if source.distinct:
        frame = frame[~exact_repeats(frame, [f.name for f in schema if f.name in columns])]
        frame = frame.reset_index(drop=True)
    dup, dup_problems = duplicates(name, frame, columns)
    if dup.any():
        frame = frame[~dup].reset_index(drop=True)
    frame = add_absent(frame, schema, columns)
    frame.attrs.update(erp_columns=columns, rows_read=raw.table.num_rows + raw.skipped,
                       files=raw.files,
                       absent=[f.name for f in schema if f.name not in columns])
    empty = [] if raw.table.num_rows else [Problem.of(
        "erp", "erp.header_no_rows", Location(raw.files[0]), "warning")]
    return frame, raw.problems + empty + problems + currency_problems + dup_problems


def _read(name: str, source: DatasetSource, path: Path | Sequence[Path] | None,
          url: str | None, base_dir: Path | None) -> Raw:
    """The export as text columns, from wherever the dataset comes from."""
    schema = SCHEMAS[name]
    if source.sql:
        table, rows = read_sql_files(source.sql, base_dir or Path("."), f"{name} (sql)",
                                     source.decimal)
        return Raw(table, rows, np.zeros(len(rows), np.int32), [f"{name} (sql)"])
    if source.query:
        return read_query(source.query, source.url or url, f"{name} (SQL)", source.decimal)
    paths = [path] if isinstance(path, Path) else list(path or [])
    if not paths:
        raise ErpDataError.of("erp.dataset_no_source", Location(name), dataset=name)
    return read_files(paths, source, set(source.columns) | {f.name for f in schema})


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
    found: Msg | str = ", ".join(f"'{c}'" for c in columns[:12]) or msg("erp.no_columns")
    hint: Msg | str = ""
    if raw.looks:
        shown = "\\t" if raw.looks == "\t" else raw.looks
        hint = msg("erp.hint_separator" if len(columns) != 1 else "erp.hint_separator_one",
                   columns=len(columns), separator=raw.separator, looks=shown)
    elif len(columns) == 1 and len(aligned := re.split(r"\s{2,}", columns[0].strip())) > 1:
        hint = msg("erp.hint_fixed_width", columns=len(aligned))
    else:
        close = _close_names(missing, erp_name, columns)
        hint = msg("erp.hint_close_names", names=close) if close else ""
    return ErpDataError.of("erp.missing_columns",
                           Location(raw.files[0], row=None if source.query else 1),
                           names=names, found=found, hint=hint)


def _close_names(missing: list[Field], erp_name: dict[str, str], columns: list[str]
                 ) -> Msg | None:
    """'did you mean' for a mapped column that the export spells differently."""
    hints = []
    for f in missing:
        wanted = erp_name.get(f.name, f.name)
        close = difflib.get_close_matches(wanted.casefold(), [c.casefold() for c in columns],
                                          n=1, cutoff=0.6)
        if close:
            actual = next(c for c in columns if c.casefold() == close[0])
            hints.append(msg("erp.may_be", actual=actual, wanted=wanted))
    return joined(hints)


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
        column = raw.table[columns[field.name]]
        # a date column's distinct texts serve both the date-order check and the conversion
        encoded = dictionary(column) if field.type == "date" else None
        if encoded is not None and (wrong := check_date_order(encoded.dictionary,
                                                              source.date_formats)):
            if field.required:
                raise ErpDataError.of(wrong.code, Location(raw.files[0],
                                                           column=columns[field.name]),
                                      **dict(wrong.params))
            problems.append(Problem.of("erp", "erp.column_not_used",
                                       Location(raw.files[0], column=columns.pop(field.name)),
                                       reason=wrong))
            continue
        result = convert(field, column, number, source.date_formats, mapping, encoded)
        data[field.name] = result.values
        if result.coded:
            problems.append(Problem.of("erp", "erp.days_from_codes", Location(
                raw.files[0], column=columns[field.name]), "warning", codes=result.coded,
                field=field.name))
        if result.unsure:
            problems.append(Problem.of("erp", "erp.blank_yes_no", Location(
                raw.files[0], column=columns[field.name]), "warning", values=result.unsure,
                field=field.name))
        if result.invalid.any():
            problems += value_problems(field, result.invalid, result.shown, raw.rows,
                                       raw.file_of, columns[field.name],
                                       value_hint(field, number, source.date_formats))
            bad |= result.invalid
    data["source_row"] = raw.rows
    data["source_file"] = pd.Categorical.from_codes(raw.file_codes, raw.files)
    return data, bad, problems
