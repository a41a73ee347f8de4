"""ERP exports -> validated DataFrames with our column names; bad rows reported and left out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from audit.config import DATASETS, AuditConfig, DatasetSource
from audit.erp.fields import KINDS, SCHEMAS, Field
from audit.errors import ErpDataError, Location, Problem
from audit.models import ErpData

MAX_ROW_PROBLEMS = 20  # per file and column; the rest are counted in one summary problem
TRUE = {"1", "true", "yes", "y", "ja", "j", "waar", "x"}
FALSE = {"0", "false", "no", "n", "nee", "onwaar", ""}
DECIMAL = r"-?\d+(?:\.\d+)?"


def load_erp(config: AuditConfig) -> ErpData:
    """Load every configured dataset; a missing or unreadable one is a Problem, not a crash."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in DATASETS:
        source = config.erp.datasets.get(name)  # type: ignore[call-overload]
        if source is None:
            problems.append(Problem("erp", f"dataset '{name}' is not configured; the checks "
                                    "that need it are skipped", severity="warning"))
            continue
        try:
            frame, row_problems = load_dataset(name, source, config.path(source.path))
        except ErpDataError as e:
            problems.append(Problem("erp", f"{e.message}; the checks that need '{name}' are "
                                    "skipped", e.location))
            continue
        frames[name] = frame
        problems.extend(row_problems)
    return ErpData(frames=frames, problems=tuple(problems))


def load_dataset(name: str, source: DatasetSource, path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one export, map its columns, convert and validate every field."""
    raw = _read(source, path)
    mapping = {erp: ours for erp, ours in source.columns.items() if erp in raw.columns}
    raw = raw.rename(columns=mapping)
    erp_name = {ours: erp for erp, ours in source.columns.items()}
    schema = SCHEMAS[name]
    _require_columns(schema, raw, path, erp_name)
    rows = pd.Series(range(len(raw)), index=raw.index) + source.header_row + 1
    frame = pd.DataFrame(index=raw.index)
    bad = pd.Series(False, index=raw.index)
    problems: list[Problem] = []
    for field in schema:
        if field.name not in raw.columns:
            continue
        text = _text(raw[field.name], source.values.get(field.name))
        values, invalid = _convert(field, text, source)
        shown = erp_name.get(field.name, field.name)
        problems += _row_problems(path, rows[invalid], text[invalid], shown, field)
        frame[field.name] = values
        bad |= invalid
    frame["source_row"] = rows
    return frame[~bad].reset_index(drop=True), problems


def _read(source: DatasetSource, path: Path) -> pd.DataFrame:
    where = Location(path.name)
    if not path.exists():
        raise ErpDataError(f"export file not found: {path}", where)
    kind = source.format or ("xlsx" if path.suffix.lower() in {".xlsx", ".xlsm"} else "csv")
    try:
        if kind == "xlsx":
            frame = pd.read_excel(path, sheet_name=source.sheet or 0,
                                  header=source.header_row - 1, dtype=object)
            return frame.map(_excel_text)
        return pd.read_csv(path, sep=source.separator, dtype=str, keep_default_na=False,
                           encoding=source.encoding, skiprows=source.header_row - 1)
    except UnicodeDecodeError as e:
        other = "cp1252" if source.encoding.lower().replace("-", "") == "utf8" else "utf-8"
        raise ErpDataError(f"the file is not {source.encoding} text (byte {e.start}); "
                           f"try encoding: {other}", where) from e
    except (ValueError, OSError, pd.errors.ParserError) as e:
        raise ErpDataError(f"cannot read the export: {e}", where) from e


def _excel_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp) or hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # type: ignore[union-attr]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _require_columns(schema: tuple[Field, ...], raw: pd.DataFrame, path: Path,
                     erp_name: dict[str, str]) -> None:
    missing = [f for f in schema if f.required and f.name not in raw.columns]
    if not missing:
        return
    names = ", ".join(f"'{erp_name.get(f.name, f.name)}' ({f.name})" for f in missing)
    found = ", ".join(f"'{c}'" for c in raw.columns[:12])
    hint = " — is the separator right?" if len(raw.columns) == 1 else ""
    raise ErpDataError(f"required column(s) missing: {names}; the file has {found}{hint}",
                       Location(path.name, row=1))


def _text(column: pd.Series, mapping: dict[str, str | bool | int] | None) -> pd.Series:
    text = column.fillna("").astype(str).str.strip()
    if mapping:
        text = text.map(lambda v: str(mapping.get(v, v)))
    return text


def _convert(field: Field, text: pd.Series, source: DatasetSource) -> tuple[pd.Series, pd.Series]:
    """(values, invalid rows) for one column; an empty value is invalid only when required."""
    empty = text == ""
    if field.type == "str":
        values = text.where(~empty, None) if not field.required else text
        return values, empty & field.required
    if field.type == "int":
        numbers = pd.to_numeric(text.where(~empty, None), errors="coerce")
        invalid = (numbers.isna() & ~empty) | (numbers.notna() & (numbers % 1 != 0))
        return numbers.where(~invalid).astype("Int64"), invalid | (empty & field.required)
    if field.type == "decimal":
        return _decimals(text, empty, field, source)
    if field.type == "date":
        values = _dates(text, source)
        return values, (values.isna() & ~empty) | (empty & field.required)
    if field.type == "bool":
        low = text.str.lower()
        values = low.map(lambda v: True if v in TRUE else (False if v in FALSE else None))
        return values, values.isna() & ~empty
    values = text.where(text.isin(KINDS), None)  # kind
    return values, values.isna()


def _decimals(text: pd.Series, empty: pd.Series, field: Field,
              source: DatasetSource) -> tuple[pd.Series, pd.Series]:
    plain = text.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    plain = plain.str.replace("€", "", regex=False)
    xlsx = (source.format or "") == "xlsx" or source.path.lower().endswith((".xlsx", ".xlsm"))
    if not xlsx:
        if source.thousands:
            plain = plain.str.replace(source.thousands, "", regex=False)
        if source.decimal != ".":
            plain = plain.str.replace(source.decimal, ".", regex=False)
    ok = plain.str.fullmatch(DECIMAL)
    values = pd.Series([Decimal(v) if good else None for v, good in zip(plain, ok, strict=True)],
                       index=text.index, dtype=object)
    return values, (~ok & ~empty) | (empty & field.required)


def _dates(text: pd.Series, source: DatasetSource) -> pd.Series:
    iso = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    result = pd.to_datetime(text.where(iso), format="%Y-%m-%d", errors="coerce")
    if source.date_format:
        other = pd.to_datetime(text.where(~iso), format=source.date_format, errors="coerce")
        result = result.fillna(other)
    return result.dt.normalize()


def _row_problems(path: Path, rows: pd.Series, values: pd.Series, column: str,
                  field: Field) -> list[Problem]:
    problems = []
    expected = {"int": "a whole number", "decimal": "a number", "date": "a date",
                "bool": "yes/no (map it under values:)", "kind": "invoice or credit_note "
                "(map the ERP's values under values:)", "str": "a value"}[field.type]
    for row, value in list(zip(rows, values, strict=True))[:MAX_ROW_PROBLEMS]:
        shown = f"'{value}' is not {expected}" if value else f"empty; {field.name} is required"
        problems.append(Problem("erp", f"{shown}; the row is left out of the checks",
                                Location(path.name, row=int(row), column=column)))
    if len(rows) > MAX_ROW_PROBLEMS:
        problems.append(Problem("erp", f"{len(rows) - MAX_ROW_PROBLEMS} more rows with a bad "
                                f"'{column}' left out of the checks", Location(path.name)))
    return problems
