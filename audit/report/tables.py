"""Deviations and terms as tables: deviations.csv, deviations.xlsx and terms.csv."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from audit.core.atomic import atomic_write_with
from audit.core.cells import neutralise, render_value
from audit.core.i18n import UNIT_WORDS, format_date, format_unit, label, plain_decimal
from audit.models import Deviation, Term
from audit.report.workbook import build_workbook


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV is written: field separator, decimal mark of numbers, byte order mark."""

    separator: str = ","
    decimal: str = "."
    bom: bool = False


PLAIN_CSV = CsvDialect()  # machine-readable: ',', '.', no BOM
# what Excel opens with a double click in each language's regional settings
EXCEL_CSV = {"nl": CsvDialect(";", ",", True), "en": CsvDialect(",", ".", True)}


def csv_dialect(lang: str, separator: str | None = None, decimal: str | None = None,
                bom: bool = True) -> CsvDialect:
    """The language's Excel convention, with the configured separator/decimal/BOM over it
    (config.csv); a decimal comma under a ',' separator is refused by the config."""
    base = EXCEL_CSV[lang]
    return CsvDialect(separator or base.separator, decimal or base.decimal, bom)


DEVIATION_COLUMNS: tuple[str, ...] = (
    "deviation_id",
    "customer_id",
    "customer_name",
    "rule_id",
    "kind",
    "description",
    "expected",
    "actual",
    "evidence",
    "impact_eur",
    "severity",
    "owner",
    "owner_email",
    "action",
    "due_date",
    "status",
    "contract_file",
    "contract_page",
    "contract_article",
    "first_seen",
    "months_open",
    "escalated",
    "owner_state",
    "owner_note",
)

TERM_COLUMNS: tuple[str, ...] = (
    "customer_id",
    "rule_id",
    "parameter",
    "value",
    "unit",
    "contract_file",
    "page",
    "article",
    "text",
    "confidence",
)
# source: text, ocr (a scanned page) or override (the controller's correction, see `override`)
TERM_CSV_COLUMNS: tuple[str, ...] = (*TERM_COLUMNS, "valid_from", "valid_to", "source",
                                     "override")


def _deviation_row(d: Deviation) -> dict[str, Any]:
    return {
        "deviation_id": d.deviation_id,
        "customer_id": d.customer_id,
        "customer_name": d.customer_name,
        "rule_id": d.rule_id,
        "kind": d.kind,
        "description": d.description,
        "expected": d.expected,
        "actual": d.actual,
        "evidence": ";".join(d.evidence),
        "impact_eur": d.impact_eur,
        "severity": d.severity,
        "owner": d.owner,
        "owner_email": d.owner_email,
        "action": d.action,
        "due_date": d.due_date,
        "status": d.status,
        "contract_file": d.contract_file,
        "contract_page": d.contract_page,
        "contract_article": d.contract_article,
        "first_seen": d.first_seen,
        "months_open": d.months_open,
        "escalated": d.escalated,
        "owner_state": d.owner_state,
        "owner_note": d.owner_note,
    }


def deviations_frame(deviations: Sequence[Deviation]) -> pd.DataFrame:
    """Deviations as rows in DEVIATION_COLUMNS order: impact stays Decimal, due_date a date."""
    frame = pd.DataFrame([_deviation_row(d) for d in deviations], columns=list(DEVIATION_COLUMNS))
    # Decimal and date objects must not be coerced to float or datetime64.
    frame["impact_eur"] = pd.Series([d.impact_eur for d in deviations], dtype=object)
    frame["due_date"] = pd.Series([d.due_date for d in deviations], dtype=object)
    frame["contract_page"] = pd.array([d.contract_page for d in deviations], dtype="Int64")
    return frame


def _number(value: Decimal | None, dialect: CsvDialect) -> str:
    """An exact plain number ('-123.40') with the dialect's decimal mark ('-123,40')."""
    return plain_decimal(value).replace(".", dialect.decimal)


def _csv_ready(frame: pd.DataFrame, dialect: CsvDialect) -> pd.DataFrame:
    out = _neutral_text(frame)
    out["impact_eur"] = [_number(v, dialect) for v in frame["impact_eur"]]
    out["due_date"] = [v.isoformat() if isinstance(v, date) else "" for v in frame["due_date"]]
    out["escalated"] = ["true" if v else "false" for v in frame["escalated"]]
    return out


def _neutral_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell with a formula-like start made inert (a spreadsheet opens CSVs too)."""
    out = frame.copy()
    for column in out.columns:
        if any(isinstance(v, str) for v in out[column]):
            out[column] = pd.Series([_csv_text(v) for v in out[column]], index=out.index,
                                    dtype=object)
    return out


def _csv_text(value: Any) -> Any:
    """A CSV cell: no live formula, and a bare CR (which the csv writer leaves unquoted, so a
    reader splits the row there) made a plain line break."""
    value = neutralise(value)
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def _write_csv(frame: pd.DataFrame, path: Path | str, dialect: CsvDialect, **options: Any
               ) -> Path:
    """A CSV written aside and renamed: a full disk leaves no cut-off file."""
    encoding = "utf-8-sig" if dialect.bom else "utf-8"
    return atomic_write_with(Path(path), lambda f: frame.to_csv(
        f, index=False, encoding=encoding, lineterminator="\n", sep=dialect.separator,
        **options))


def write_deviations_csv(deviations: Sequence[Deviation], path: Path | str,
                         dialect: CsvDialect = PLAIN_CSV) -> Path:
    """Write deviations.csv in `dialect` (the audit passes the configured language's Excel
    convention); impact an exact number with the dialect's decimal mark."""
    return _write_csv(_csv_ready(deviations_frame(deviations), dialect), path, dialect,
                      na_rep="")


def write_deviations_xlsx(
    deviations: Sequence[Deviation], path: Path | str | BinaryIO, lang: str, summary: bool = True
) -> None:
    """Write deviations.xlsx: a summary sheet, then one sheet per owner."""
    groups: dict[str, list[Deviation]] = {}
    for d in deviations:
        groups.setdefault(d.owner, []).append(d)
    frames = {owner: deviations_frame(groups[owner]) for owner in sorted(groups)}
    for owner, frame in frames.items():  # how the workbook formats each row's figures
        frame.attrs["figure_units"] = [d.figure_unit for d in groups[owner]]
    if not frames and not summary:  # a workbook needs at least one sheet
        frames = {label(lang, "deviations_sheet"): deviations_frame([])}
    workbook = build_workbook(frames, list(deviations) if summary else None, lang)
    if isinstance(path, (str, Path)):
        atomic_write_with(Path(path), workbook.save)
    else:
        workbook.save(path)


def deviations_xlsx_bytes(deviations: Sequence[Deviation], lang: str) -> bytes:
    """The deviations as an xlsx file's bytes, one sheet per owner (an owner email's attachment)."""
    buffer = io.BytesIO()
    write_deviations_xlsx(deviations, buffer, lang)
    return buffer.getvalue()


# values that qualify another value of the same term rather than stand alone: written into
# that value's unit ('400 pieces per quarter', '0.25 % per day', '3 % from 01-07'), in the
# file's language (the unit words through i18n.format_unit: 'werkdagen', not 'working_day')
QUALIFIERS = {
    "en": {"period": "per", "per": "per", "date": "from", "renewal_months": "renews by",
           "price_unit": "per", "item": "of", "index": "indexed on"},
    "nl": {"period": "per", "per": "per", "date": "vanaf", "renewal_months": "verlengt met",
           "price_unit": "per", "item": "van", "index": "geïndexeerd op"}}
AFTER = {"en": {"renewal_months": " months", "price_unit": " units"},
         "nl": {"renewal_months": " maanden", "price_unit": " eenheden"}}
TO_REVIEW = {"en": "(to review: values not readable)",
             "nl": "(na te kijken: waarden niet leesbaar)"}


def _qualifier(parameter: str, value: Any, lang: str) -> str:
    shown = format_date(value, lang) if isinstance(value, date) else (
        format_unit(value, lang) if isinstance(value, str) and value in UNIT_WORDS[lang]
        else render_value(value))
    return f"{QUALIFIERS[lang][parameter]} {shown}{AFTER[lang].get(parameter, '')}"


def _term_rows(term: Term, decimal: str = ".", lang: str = "en") -> list[dict[str, str]]:
    """One row per value a person reads as one: tiers one row per threshold and percent,
    qualifiers (period, per, date, renewal) in the unit of the value they qualify; units as
    words of `lang`."""
    clause = term.clause
    common = {
        "customer_id": term.customer_id,
        "rule_id": term.rule_id,
        "contract_file": clause.file,
        "page": str(clause.page),
        "article": clause.article,
        "text": clause.text,
        "confidence": f"{term.confidence:.2f}".replace(".", decimal),
        "valid_from": render_value(term.valid_from),
        "valid_to": render_value(term.valid_to),
        "source": term.source,
        "override": term.override,
    }
    qualifier = " ".join(_qualifier(v.parameter, v.value, lang) for v in term.values
                         if v.parameter in QUALIFIERS[lang] and v.value not in (None, ""))
    review = any(v.parameter == "readable" and v.value is False for v in term.values)
    values: list[tuple[str, str, str]] = []
    for v in term.values:
        if v.parameter in QUALIFIERS[lang] or v.parameter == "readable":
            continue
        if v.parameter == "tiers" and isinstance(v.value, tuple | list):
            for i, (threshold, percent) in enumerate(v.value, 1):
                values += [(f"threshold_{i}", render_value(threshold, decimal), "EUR"),
                           (f"percent_{i}", render_value(percent, decimal), "%")]
            continue
        values.append((v.parameter, render_value(v.value, decimal), format_unit(v.unit, lang)))
    if not values and review:
        values.append(("review", "", ""))
    rows = []
    for i, (parameter, value, unit) in enumerate(values):
        unit = " ".join(u for u in (unit, qualifier if i == 0 or parameter.startswith(
            "percent") else "") if u)
        if review:
            unit = f"{unit} {TO_REVIEW[lang]}".strip()
        name = f"{parameter}[{term.subject}]" if term.subject else parameter
        rows.append({**common, "parameter": name, "value": value, "unit": unit})
    return rows


def terms_frame(terms: Sequence[Term], decimal: str = ".", lang: str = "en") -> pd.DataFrame:
    """One row per value read from each agreement, in TERM_CSV_COLUMNS order, all text;
    numbers with the `decimal` mark, units as words of `lang`."""
    rows = [row for term in terms for row in _term_rows(term, decimal, lang)]
    return pd.DataFrame(rows, columns=list(TERM_CSV_COLUMNS), dtype=object)


def write_terms_csv(terms: Sequence[Term], path: Path | str,
                    dialect: CsvDialect = PLAIN_CSV, lang: str = "en") -> Path:
    """Write terms.csv in `dialect`: every agreement read from the contracts, one value per
    row, its unit in words of `lang`."""
    return _write_csv(_neutral_text(terms_frame(terms, dialect.decimal, lang)), path, dialect)
