"""Lines of a report export that are no records (audit/erp/records.py): a totals row and a line
of text at a page break are told by their shape, skipped and named by file and row; a record
with a gap stays a record (validation names the gap)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from audit.config import DatasetSource
from audit.erp.loader import load_dataset

LINES = {"Auftrag": "order_id", "Pos": "line_no", "Kunde": "customer_id", "Datum": "order_date",
         "Material": "item_id", "Menge": "quantity", "Preis": "unit_price"}
HEADER = "Auftrag;Pos;Kunde;Datum;Material;Menge;Preis\n"
ROWS = "4711;1;K-88;2026-02-02;M-3;4;19,90\n4712;1;K-88;2026-02-09;M-5;10;7,25\n"


def order_lines(tmp_path: Path, text: str) -> tuple[pd.DataFrame, list[str]]:
    path = tmp_path / "auftraege.csv"
    path.write_text(text, encoding="utf-8")
    source = DatasetSource(path=str(path), columns=LINES, decimal=",")
    frame, problems = load_dataset("order_lines", source, path)
    return frame, [str(p) for p in problems]


def test_a_totals_row_with_a_label_in_the_key_column_is_skipped_and_named(tmp_path):
    frame, problems = order_lines(tmp_path, HEADER + ROWS + "Summe;;;;;14;92,10\n")
    assert list(frame["order_id"]) == ["4711", "4712"]
    assert sum(frame["unit_price"]) == Decimal("27.15"), "the total is not counted as a line"
    assert problems == ["auftraege.csv, row 4: a totals row ('Summe | 14 | 92,10': a number "
                        "without an id), no record; the line is skipped"]


def test_a_totals_row_that_fills_every_field_is_told_by_its_label_on_the_last_row(tmp_path):
    frame, problems = order_lines(
        tmp_path, HEADER + ROWS + "Gesamt;1;K-88;2026-02-28;alle;14;92,10\n")
    assert list(frame["order_id"]) == ["4711", "4712"]
    assert problems == ["auftraege.csv, row 4: a totals row ('Gesamt | 1 | K-88 | 2026-02-28 | "
                        "alle | 14 | 92,10': a number without an id), no record; the line is "
                        "skipped"]


def test_a_last_row_with_a_label_that_is_no_sum_is_a_record(tmp_path):
    frame, _ = order_lines(tmp_path, HEADER + ROWS + "LAGER;1;K-88;2026-02-28;M-9;3;1,15\n")
    assert list(frame["order_id"]) == ["4711", "4712", "LAGER"]


def test_a_page_break_title_and_its_repeated_header_are_no_records(tmp_path):
    text = HEADER + ROWS + "Auftragsliste Februar - Seite 2;;;;;;\n" + HEADER + \
        "4713;1;K-90;2026-02-11;M-3;1;19,90\n"
    frame, problems = order_lines(tmp_path, text)
    assert list(frame["order_id"]) == ["4711", "4712", "4713"]
    assert list(frame["source_row"]) == [2, 3, 6]
    assert sorted(problems) == [
        "auftraege.csv, row 4: a line of text between the records ('Auftragsliste Februar - "
        "Seite 2': a title or page footer?), no record; the line is skipped",
        "auftraege.csv, row 5: the header repeats here (files joined together?); the line is "
        "skipped"]


def test_a_record_missing_its_date_stays_a_record_with_a_problem(tmp_path):
    frame, problems = order_lines(tmp_path, HEADER + "4711;1;K-88;;M-3;4;19,90\n" + ROWS)
    assert list(frame["order_id"]) == ["4711", "4712"]
    assert problems == ["auftraege.csv, row 2, column 'Datum': empty; order_date is required; "
                        "the row is left out of the checks"]


def test_ids_without_digits_are_ids_and_a_last_row_of_them_is_a_record(tmp_path):
    path = tmp_path / "kunden.csv"
    path.write_text("Kunde;Name;Ziel\nALPINA;Alpina AG;30\nBERGER;Berger GmbH;14\n"
                    "ZUGER;Zuger Metall;60\n", encoding="utf-8")
    source = DatasetSource(path=str(path), columns={"Kunde": "customer_id", "Name": "name",
                                                    "Ziel": "payment_term_days"})
    frame, problems = load_dataset("customers", source, path)
    assert list(frame["customer_id"]) == ["ALPINA", "BERGER", "ZUGER"]
    assert problems == []


def test_a_totals_row_in_a_workbook_is_skipped(tmp_path):
    book = Workbook()
    for row in (["Auftrag", "Pos", "Kunde", "Datum", "Material", "Menge", "Preis"],
                [5001, 1, "K-88", pd.Timestamp("2026-03-02").to_pydatetime(), "M-3", 2, 4.5],
                ["Total", None, None, None, None, 2, 4.5]):
        book.active.append(row)
    book.save(tmp_path / "auftraege.xlsx")
    source = DatasetSource(path="x", columns=LINES)
    frame, problems = load_dataset("order_lines", source, tmp_path / "auftraege.xlsx")
    assert list(frame["order_id"]) == ["5001"]
    assert [str(p) for p in problems] == [
        "auftraege.xlsx, row 3: a totals row ('Total | 2 | 4.5': a number without an id), no "
        "record; the line is skipped"]
