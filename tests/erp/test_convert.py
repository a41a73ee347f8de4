"""Numbers and dates as other ERPs write them (audit/erp/convert.py): each export made here, read
through load_dataset, its values asserted; what stays ambiguous is a problem naming row and
column, never a guess."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from audit.config import DatasetSource
from audit.erp.loader import load_dataset
from audit.errors import ErpDataError

COLUMNS = {"Beleg": "invoice_id", "Debitor": "customer_id", "Belegdatum": "invoice_date",
           "Betrag": "amount", "Art": "kind"}
KINDS = {"kind": {"RE": "invoice", "GS": "credit_note"}}


def invoices(tmp_path: Path, amounts: list[str], dates: list[str] | None = None,
             **settings) -> tuple[pd.DataFrame, list[str]]:
    """An invoice export with these amount and date texts, loaded with these settings."""
    dates = dates or ["2026-05-11"] * len(amounts)
    lines = [f"B-{700 + i}|D4410|{d}|{a}|RE" for i, (a, d) in
             enumerate(zip(amounts, dates, strict=True))]
    path = tmp_path / "belege.txt"
    path.write_text("Beleg|Debitor|Belegdatum|Betrag|Art\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    source = DatasetSource(path=str(path), format="csv", columns=COLUMNS, values=KINDS,
                           **settings)
    frame, problems = load_dataset("invoices", source, path)
    return frame, [str(p) for p in problems]


def days(frame: pd.DataFrame) -> list[date]:
    return [pd.Timestamp(v).date() for v in frame["invoice_date"]]


def test_negatives_in_parentheses_trailing_or_with_a_unicode_minus(tmp_path):
    frame, problems = invoices(tmp_path, ["(2.310,75)", "88,10-", "\u22124,05", "(€ 19,00)"],
                               decimal=",", thousands=".")
    assert list(frame["amount"]) == [Decimal("-2310.75"), Decimal("-88.10"), Decimal("-4.05"),
                                     Decimal("-19.00")]
    assert problems == []


def test_currency_in_the_cell_before_or_after_glued_or_spaced(tmp_path):
    frame, problems = invoices(tmp_path, ["EUR 3.402,18", "€-61,20", "7 085,40 €", "12,00EUR"],
                               decimal=",", thousands=".")
    assert list(frame["amount"]) == [Decimal("3402.18"), Decimal("-61.20"), Decimal("7085.40"),
                                     Decimal("12.00")]
    assert problems == []


def test_space_no_break_space_and_apostrophe_group_thousands_whatever_is_configured(tmp_path):
    frame, problems = invoices(tmp_path, ["2'417.90", "13\u00a0006.25", "1\u202f000\u202f000.00",
                                          "998.40"], decimal=".")
    assert list(frame["amount"]) == [Decimal("2417.90"), Decimal("13006.25"),
                                     Decimal("1000000.00"), Decimal("998.40")]
    assert problems == []


def test_a_grouping_that_is_not_thousands_or_the_other_decimal_is_a_problem(tmp_path):
    frame, problems = invoices(tmp_path, ["41 7", "3 502,10", "5.00"], decimal=".")
    assert list(frame["amount"]) == [Decimal("5.00")]
    assert problems == [
        "belege.txt, row 2, column 'Betrag': '41 7' is not a number; the row is left out of "
        "the checks",
        "belege.txt, row 3, column 'Betrag': '3 502,10' is not a number; the row is left out "
        "of the checks"]


def test_one_group_of_three_with_an_unset_mark_is_ambiguous_and_says_which_settings(tmp_path):
    _, problems = invoices(tmp_path, ["2.604", "17,5"], decimal=",")
    assert problems == [
        "belege.txt, row 2, column 'Betrag': '2.604' is not a number ('.' may be the decimal "
        "or the thousands separator: set decimal: '.' or thousands: '.' as the ERP writes it); "
        "the row is left out of the checks"]


def test_iso_datetimes_with_a_time_or_zone_are_the_date_written(tmp_path):
    frame, problems = invoices(tmp_path, ["1", "2", "3"], [
        "2026-05-11T00:00:00", "2026-05-12 23:59:59.500", "2026-05-13T00:00:00+02:00"])
    assert days(frame) == [date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13)]
    assert problems == []


def test_a_configured_format_with_a_time_after_it_and_excel_serials(tmp_path):
    frame, problems = invoices(tmp_path, ["1", "2", "3", "4"], [
        "11.05.2026 00:00", "12.05.2026 16:45:10", "46154", "46155.75"], date_format="%d.%m.%Y")
    assert days(frame) == [date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 12),
                           date(2026, 5, 13)]
    assert problems == []


def test_month_first_dates_with_times_against_a_day_first_format_stop_the_dataset(tmp_path):
    with pytest.raises(ErpDataError) as stopped:
        invoices(tmp_path, ["1", "2"], ["5/11/2026 12:00:00 AM", "5/27/2026 3:10:00 PM"],
                 date_format="%d/%m/%Y")
    assert str(stopped.value).startswith(
        "belege.txt, column 'Belegdatum': date_format '%d/%m/%Y' does not fit the data: "
        "'5/27/2026'")


def test_a_date_in_another_format_names_the_format_to_set(tmp_path):
    frame, problems = invoices(tmp_path, ["1", "2"], ["11.05.2026", "2026-05-12"])
    assert days(frame) == [date(2026, 5, 12)]
    assert problems == [
        "belege.txt, row 2, column 'Belegdatum': '11.05.2026' is not a date (it reads with "
        "date_format '%d.%m.%Y': set that format for this dataset); the row is left out of "
        "the checks"]


def test_two_digit_years_under_a_four_digit_format_name_the_short_format(tmp_path):
    _, problems = invoices(tmp_path, ["1"], ["7-5-26"], date_format="%d-%m-%Y")
    assert problems == [
        "belege.txt, row 2, column 'Belegdatum': '7-5-26' is not a date (it reads with "
        "date_format '%d-%m-%y': set that format for this dataset); the row is left out of "
        "the checks"]


def deliveries(tmp_path: Path, marks: list[str], **settings) -> tuple[pd.DataFrame, list[str]]:
    """A delivery export whose call-ahead column holds these texts."""
    path = tmp_path / "touren.csv"
    path.write_text("Tour;Auftrag;Debitor;Datum;Avisiert\n" + "".join(
        f"T{i};A1;D4410;2026-05-1{i};{m}\n" for i, m in enumerate(marks)), encoding="utf-8")
    source = DatasetSource(path=str(path), columns={
        "Tour": "delivery_id", "Auftrag": "order_id", "Debitor": "customer_id",
        "Datum": "delivery_date", "Avisiert": "call_ahead_done"}, **settings)
    frame, problems = load_dataset("deliveries", source, path)
    return frame, [str(p) for p in problems]


def test_yes_no_as_access_writes_it(tmp_path):
    frame, problems = deliveries(tmp_path, ["-1", "0"])
    assert list(frame["call_ahead_done"]) == [True, False]
    assert problems == []


def test_a_column_of_ticks_reads_its_blanks_as_no(tmp_path):
    frame, problems = deliveries(tmp_path, ["X", "", "x", "  "])
    assert list(frame["call_ahead_done"]) == [True, False, True, False]
    assert problems == []


def test_yeses_and_blanks_without_a_no_are_not_guessed_but_said(tmp_path):
    frame, problems = deliveries(tmp_path, ["J", "", "J"])
    assert list(frame["call_ahead_done"]) == [True, None, True]
    assert problems == [
        "touren.csv, column 'Avisiert': the column holds only 'J' and blanks, never a no: a "
        "blank is read as not recorded; if a blank means no, map it: values: "
        "{call_ahead_done: {'': false}}"]
    frame, problems = deliveries(tmp_path, ["J", "", "J"],
                                 values={"call_ahead_done": {"": False}})
    assert list(frame["call_ahead_done"]) == [True, False, True]
    assert problems == []


def test_a_workbook_mixing_date_cells_text_dates_serials_and_number_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in (list(COLUMNS), ["B-1", 4410, datetime(2026, 5, 11), 2417.9, "RE"],
                ["B-2", "0004411", "12.05.2026", "3.502,10", "GS"],
                ["B-3", 4412, 46155, -88.1, "RE"],
                ["B-4", 4413, datetime(2026, 5, 14, 9, 30), 7, "RE"]):
        book.active.append(row)
    book.save(tmp_path / "belege.xlsx")
    source = DatasetSource(path="x", columns=COLUMNS, values=KINDS, decimal=",",
                           thousands=".", date_format="%d.%m.%Y")
    frame, problems = load_dataset("invoices", source, tmp_path / "belege.xlsx")
    assert days(frame) == [date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13),
                           date(2026, 5, 14)]
    assert list(frame["amount"]) == [Decimal("2417.9"), Decimal("3502.10"), Decimal("-88.1"),
                                     Decimal("7")]
    assert list(frame["customer_id"]) == ["4410", "0004411", "4412", "4413"]
    assert problems == []


def test_a_column_written_in_the_other_notation_reads_none_of_its_ambiguous_values(tmp_path):
    frame, problems = invoices(tmp_path, ["12.50", "2.500", "7", "0.75"], decimal=",",
                               thousands=".")
    assert list(frame["amount"]) == [Decimal("7")], "'2.500' is not read as 2500"
    assert problems[1] == (
        "belege.txt, row 3, column 'Betrag': '2.500' is not a number (written with decimal "
        "'.'; this dataset has decimal: ','); the row is left out of the checks")
    assert len(problems) == 3


def test_a_stray_value_in_the_other_notation_leaves_the_columns_own_values(tmp_path):
    frame, problems = invoices(tmp_path, ["12,50", "2.500", "0.75"], decimal=",",
                               thousands=".")
    assert list(frame["amount"]) == [Decimal("12.50"), Decimal("2500")]
    assert len(problems) == 1


def test_payment_and_delivery_conditions_written_as_codes_are_days_with_a_warning(tmp_path):
    path = tmp_path / "debiteuren.csv"
    path.write_text("Deb;Naam;Betaalconditie;Levertijd\n"
                    "D1;Een B.V.;N30;5\n"
                    "D2;Twee B.V.;30 dgn netto;2 dagen\n"
                    "D3;Drie B.V.;14;\n"
                    "D4;Vier B.V.;CONTANT;3\n", encoding="utf-8")
    source = DatasetSource.model_validate({
        "path": str(path), "columns": {"Deb": "customer_id", "Naam": "name",
                                       "Betaalconditie": "payment_term_days",
                                       "Levertijd": "lead_time_days"}})
    frame, problems = load_dataset("customers", source, path)
    assert frame["payment_term_days"].tolist()[:3] == [30, 30, 14]
    assert frame["lead_time_days"].tolist()[1] == 2
    texts = [str(p) for p in problems]
    warning = next(t for t in texts if "payment_term_days column holds conditions" in t)
    assert "'N30' = 30, '30 dgn netto' = 30" in warning and "Betaalconditie" in warning
    # a code without days in it is not guessed: it stays a problem naming the row
    assert any("'CONTANT'" in t and "row 5" in t for t in texts)
