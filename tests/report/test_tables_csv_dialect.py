"""deviations.csv and terms.csv open in Excel as they are: the configured language's
convention (nl: ';' and a decimal comma, en: ',' and a decimal point, UTF-8 with BOM)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from audit.config import load_config
from audit.errors import MultipleErrors
from audit.models import AuditRun
from audit.report.tables import (
    DEVIATION_COLUMNS,
    csv_dialect,
    terms_frame,
    write_deviations_csv,
    write_terms_csv,
)


class DutchExcel(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def _rows(path: Path, dialect: type[csv.Dialect] | str) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "Excel reads UTF-8 only after a BOM"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, dialect))


def _amounts(rows: list[list[str]]) -> list[str]:
    column = rows[0].index("impact_eur")
    return [r[column] for r in rows[1:] if r[column]]


def test_dutch_excel_reads_one_column_per_field_and_amounts_with_a_decimal_comma(
        run: AuditRun, tmp_path: Path) -> None:
    path = write_deviations_csv(run.deviations, tmp_path / "deviations.csv", csv_dialect("nl"))
    rows = _rows(path, DutchExcel)
    assert rows[0] == list(DEVIATION_COLUMNS)
    assert all(len(r) == len(DEVIATION_COLUMNS) for r in rows), "evidence ';' stays quoted"
    amounts = _amounts(rows)
    assert amounts and all("," in a and "." not in a for a in amounts)
    got = {Decimal(a.replace(",", ".")) for a in amounts}
    assert got == {d.impact_eur for d in run.deviations if d.impact_eur is not None}


def test_english_excel_reads_commas_and_a_decimal_point(run: AuditRun, tmp_path: Path) -> None:
    path = write_deviations_csv(run.deviations, tmp_path / "deviations.csv", csv_dialect("en"))
    rows = _rows(path, "excel")
    assert rows[0] == list(DEVIATION_COLUMNS)
    assert all(len(r) == len(DEVIATION_COLUMNS) for r in rows)
    assert {Decimal(a) for a in _amounts(rows)} == {
        d.impact_eur for d in run.deviations if d.impact_eur is not None}


def test_terms_csv_numbers_carry_the_dialects_decimal_mark(run: AuditRun,
                                                          tmp_path: Path) -> None:
    path = write_terms_csv(run.terms, tmp_path / "terms.csv", csv_dialect("nl"))
    rows = _rows(path, DutchExcel)
    value, confidence = rows[0].index("value"), rows[0].index("confidence")
    assert all(len(r) == len(rows[0]) for r in rows)
    assert all("," in r[confidence] and "." not in r[confidence] for r in rows[1:])
    decimals = [r[value] for r in rows[1:] if r[value].replace(",", "").replace("-", "").isdigit()
                and "," in r[value]]
    assert decimals, "the sample agrees prices with cents"


def test_a_formula_stays_inert_under_a_semicolon(run: AuditRun, tmp_path: Path) -> None:
    hostile = run.deviations[0].__class__(**{**run.deviations[0].__dict__,
                                             "description": "=HYPERLINK(\"x\";\"y\")"})
    path = write_deviations_csv([hostile], tmp_path / "deviations.csv", csv_dialect("nl"))
    rows = _rows(path, DutchExcel)
    assert rows[1][rows[0].index("description")] == "'=HYPERLINK(\"x\";\"y\")"


def _config(tmp_path: Path, csv_block: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text("company: {name: X}\nlanguage: en\nerp: {datasets: {}}\nowners: {}\n"
                    + csv_block)
    return path


def test_the_config_overrides_the_languages_convention(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "csv: {separator: ';', decimal: ',', bom: false}\n"))
    got = csv_dialect(config.language, config.csv.separator, config.csv.decimal, config.csv.bom)
    assert (got.separator, got.decimal, got.bom) == (";", ",", False)
    default = load_config(_config(tmp_path, ""))
    assert csv_dialect(default.language, default.csv.separator, default.csv.decimal,
                       default.csv.bom) == csv_dialect("en")


@pytest.mark.parametrize("block, message", [
    ("csv: {separator: ',', decimal: ','}\n", "the separator and the decimal mark are both ','"),
    ("csv: {separator: ':'}\n", "key 'csv.separator'"),
])
def test_a_bad_csv_setting_is_located(tmp_path: Path, block: str, message: str) -> None:
    with pytest.raises(MultipleErrors) as info:
        load_config(_config(tmp_path, block))
    text = str(info.value)
    assert "config.yaml:5" in text and message in text


def test_terms_csv_units_are_words_of_the_language(tmp_path) -> None:
    """'werkdagen', 'per kwartaal', 'vanaf 01-07-2026' in a Dutch terms.csv; never the unit's
    id ('working days', 'working_day') or an ISO date in a unit a Dutch reader sees."""
    from datetime import date

    from audit.models import Clause, ContractDoc, Term, TermValue

    doc = ContractDoc(path=tmp_path / "kader.pdf", sha256="0" * 64, pages=())
    clause = Clause(doc=doc, article="7", heading="Levering", text="…", page=2)
    lead = Term("K-9", "lead_time", (TermValue("working_days", 3, "working days"),), clause, 0.9)
    volume = Term("K-9", "volume_commitment", (
        TermValue("quantity", 400, "pieces"), TermValue("period", "quarter"),
        TermValue("date", date(2026, 7, 1))), clause, 0.9)
    frames = {lang: terms_frame([lead, volume], ",", lang) for lang in ("nl", "en")}
    assert list(frames["nl"]["unit"]) == ["werkdagen", "stuks per kwartaal vanaf 01-07-2026"]
    assert list(frames["en"]["unit"]) == ["working days", "pieces per quarter from 2026-07-01"]
    path = write_terms_csv([lead], tmp_path / "terms.csv", csv_dialect("nl"), "nl")
    assert "werkdagen" in path.read_text(encoding="utf-8-sig")
