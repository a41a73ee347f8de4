"""deviations.csv, deviations.xlsx and terms.csv written from the sample run."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from audit.core.i18n import LABELS
from audit.models import AuditRun
from audit.report.tables import (
    DEVIATION_COLUMNS,
    TERM_COLUMNS,
    deviations_frame,
    write_deviations_csv,
    write_deviations_xlsx,
    write_terms_csv,
)
from audit.report.workbook import EUR_FORMAT, sheet_name
from tests.report.sample_run import BILLING, CREDIT, KEY_ACCOUNTS, LOGISTICS


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_deviation_columns_are_pinned() -> None:
    assert DEVIATION_COLUMNS == (
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


def test_frame_keeps_decimals_and_order(run: AuditRun) -> None:
    frame = deviations_frame(run.deviations)
    assert list(frame.columns) == list(DEVIATION_COLUMNS)
    assert list(frame["deviation_id"]) == [d.deviation_id for d in run.deviations]
    assert frame["impact_eur"].iloc[7] == Decimal("2000.005")
    assert isinstance(frame["impact_eur"].iloc[0], Decimal)
    assert frame["impact_eur"].iloc[2] is None


def test_csv_columns_and_exact_values(run: AuditRun, tmp_path: Path) -> None:
    header, rows = _read_csv(write_deviations_csv(run.deviations, tmp_path / "deviations.csv"))
    assert header == list(DEVIATION_COLUMNS)
    assert len(rows) == len(run.deviations)
    by_subject = {d.subject: row for d, row in zip(run.deviations, rows, strict=True)}
    price = by_subject["A-100"]
    assert price["deviation_id"] == run.deviations[0].deviation_id
    assert price["impact_eur"] == "1234.50"
    assert price["evidence"] == ";".join(f"INV-2026-{n:04d}" for n in range(1, 15))
    assert price["due_date"] == "2026-11-14"
    assert price["contract_page"] == "2"
    assert by_subject["B-200"]["impact_eur"] == "-123.40"
    assert by_subject["2026"]["impact_eur"] == "2000.005"  # no float rounding
    assert (price["first_seen"], price["months_open"], price["escalated"]) == ("", "0", "false")
    assert by_subject["days"]["impact_eur"] == ""
    assert by_subject["end"]["contract_page"] == ""
    assert by_subject["freight"]["customer_name"] == "Café Zoë & Zonen"


def test_csv_of_no_deviations_is_just_the_header(tmp_path: Path) -> None:
    path = write_deviations_csv([], tmp_path / "deviations.csv")
    assert path.read_text(encoding="utf-8") == ",".join(DEVIATION_COLUMNS) + "\n"


def _sheet_ids(sheet: openpyxl.worksheet.worksheet.Worksheet) -> set[str]:
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_xlsx_has_summary_and_one_sheet_per_owner(run: AuditRun, tmp_path: Path) -> None:
    path = tmp_path / "deviations.xlsx"
    write_deviations_xlsx(run.deviations, path, "nl")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Samenvatting",
        "Account management- key account",
        "Billing-pricing",
        "Credit control",
        "Customer service",
        "Logistics planner",
    ]
    for name, (owner, _) in [
        ("Billing-pricing", BILLING),
        ("Credit control", CREDIT),
        ("Logistics planner", LOGISTICS),
        ("Account management- key account", KEY_ACCOUNTS),
    ]:
        expected = {d.deviation_id for d in run.deviations if d.owner == owner}
        assert _sheet_ids(book[name]) == expected


def test_xlsx_owner_sheet_formatting(run: AuditRun, tmp_path: Path) -> None:
    path = tmp_path / "deviations.xlsx"
    write_deviations_xlsx(run.deviations, path, "nl")
    sheet = openpyxl.load_workbook(path)["Billing-pricing"]
    header = [c.value for c in sheet[1]]
    assert header == [LABELS["nl"][f"col_{c}"] for c in DEVIATION_COLUMNS]
    assert header[DEVIATION_COLUMNS.index("impact_eur")] == "Bedrag", "headers in the language"
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:X3"
    impact = sheet.cell(2, DEVIATION_COLUMNS.index("impact_eur") + 1)
    assert impact.value == pytest.approx(1234.5)
    assert impact.number_format == EUR_FORMAT
    assert sheet.cell(3, DEVIATION_COLUMNS.index("impact_eur") + 1).value == pytest.approx(-123.4)
    due = sheet.cell(2, DEVIATION_COLUMNS.index("due_date") + 1)
    assert due.value == datetime(2026, 11, 14)
    assert due.number_format == "dd-mm-yyyy"
    assert sheet.column_dimensions["I"].width == 60  # long evidence is capped
    assert 8 <= sheet.column_dimensions["E"].width < 20


def test_xlsx_summary_counts_open_deviations_per_owner_rule_customer(
    run: AuditRun, tmp_path: Path
) -> None:
    path = tmp_path / "deviations.xlsx"
    write_deviations_xlsx(run.deviations, path, "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Summary"
    rows = [r for r in book["Summary"].iter_rows(values_only=True) if any(r)]
    table = {r[0]: r[1:] for r in rows}
    assert rows[0] == ("Owner", "Count", "Forgone", "Owed to customers")
    # owed to customers: an amount under a label that says which way, not a negative
    assert table["Billing/pricing"] == (2, pytest.approx(1234.5), pytest.approx(123.4))
    assert table["Logistics planner"][0] == 1  # the resolved one is not counted
    assert table["agreed_prices"][0] == 2
    assert table["C003 Café Zoë & Zonen"] == (2, 0, pytest.approx(45))
    totals = [r for r in rows if r[0] == "Total"]
    assert len(totals) == 3
    assert totals[0][1:3] == (7, pytest.approx(3234.505))


def test_xlsx_for_one_owner_to_bytes(run: AuditRun) -> None:
    mine = [d for d in run.deviations if d.owner_email == CREDIT[1]]
    buffer = io.BytesIO()
    write_deviations_xlsx(mine, buffer, "en", summary=False)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["Credit control"]
    assert _sheet_ids(book["Credit control"]) == {d.deviation_id for d in mine}


def test_xlsx_without_deviations_still_opens(tmp_path: Path) -> None:
    write_deviations_xlsx([], tmp_path / "a.xlsx", "nl", summary=False)
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == ["Afwijkingen"]
    assert [c.value for c in book["Afwijkingen"][1]] == [
        LABELS["nl"][f"col_{c}"] for c in DEVIATION_COLUMNS]


def test_sheet_names_are_safe_short_and_unique() -> None:
    taken: set[str] = {"summary"}
    assert sheet_name("Summary", taken) == "Summary (2)"
    assert sheet_name("Billing/pricing: [NL]*?", taken) == "Billing-pricing- -NL---"
    long = "Account management key accounts Netherlands"
    first, second = sheet_name(long, taken), sheet_name(long, taken)
    assert first == long[:31]
    assert second == long[:27] + " (2)"
    assert len(second) <= 31
    assert sheet_name("BILLING-PRICING- -nl---", taken) == "BILLING-PRICING- -nl--- (2)"
    assert sheet_name("'  '", taken) == "Sheet"


def test_terms_csv_one_row_per_value(run: AuditRun, tmp_path: Path) -> None:
    header, rows = _read_csv(write_terms_csv(run.terms, tmp_path / "terms.csv"))
    assert header == [*TERM_COLUMNS, "valid_from", "valid_to", "source", "override"]
    # the item qualifies the price: it is written in the price's unit, not as a row of its own
    assert [r["parameter"] for r in rows] == ["days", "unit_price[A-100]", "address"]
    days, price, address = rows
    assert price["unit"] == "EUR of A-100"
    assert (days["value"], days["unit"], days["page"], days["article"]) == (
        "30",
        "days",
        "2",
        "5.1",
    )
    assert (days["valid_from"], days["valid_to"]) == ("", "")
    assert price["value"] == "12.50"
    assert price["text"] == run.terms[1].clause.text  # quotes and markup survive the round trip
    assert price["confidence"] == "0.88"
    assert (price["valid_from"], price["valid_to"]) == ("2026-01-01", "2026-12-31")
    assert (price["source"], price["override"]) == ("text", "")
    assert address["value"] == "Industrieweg 12, 5048 AB Tilburg"
    assert address["contract_file"] == "C001_Jansen_raamovereenkomst.pdf"
