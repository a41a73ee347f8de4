"""Exports as they come: BOM, cp1252, separators, number and date notations, XLSX, SQL, many files."""

from decimal import Decimal

import pandas as pd
import pytest
import sqlalchemy as sa

from audit.config import DatasetSource
from audit.erp.loader import load_dataset
from audit.errors import ErpDataError
from tests.erp.conftest import COLUMNS, FIXTURES, KIND_VALUES, dutch


def test_utf8_with_bom_is_read_whatever_the_encoding_says(load):
    frame, problems = load("order_lines", "orderregels-utf8-bom.csv")  # encoding: cp1252
    assert problems == []
    assert frame["order_id"].tolist() == ["O1", "O1"]  # the BOM is not part of 'Ordernr'
    assert frame["item_id"].tolist() == ["Café-1", "A-101"]
    assert frame["quantity"].tolist() == [Decimal("10"), Decimal("1200")]
    assert frame["unit_price"].tolist() == [Decimal("12.50"), Decimal("1234.56")]


def test_cp1252_with_accents_and_optional_fields(load):
    frame, problems = load("customers", "klanten-cp1252.csv")
    assert problems == []
    assert frame["name"].tolist() == ["Café Brasserie Noël B.V.", "Hoogvliet Foods B.V."]
    assert frame["volume_commitment"].tolist() == [Decimal("250000.00"), None]
    assert frame["contract_end_date"].iloc[0] == pd.Timestamp("2026-12-31")
    assert pd.isna(frame["contract_end_date"].iloc[1])
    assert frame["payment_term_days"].tolist() == [30, 60]


def test_cp1252_read_as_utf8_names_byte_row_and_the_encoding_to_try():
    with pytest.raises(ErpDataError) as info:
        load_dataset("customers", dutch("customers", encoding="utf-8"),
                     FIXTURES / "klanten-cp1252.csv")
    assert str(info.value) == ("klanten-cp1252.csv: the file is not utf-8 text (byte 75, row 2); "
                               "try encoding: cp1252 (detected)")


def test_wrong_separator_names_the_one_the_header_has():
    with pytest.raises(ErpDataError) as info:
        load_dataset("customers", dutch("customers", separator=","),
                     FIXTURES / "klanten-cp1252.csv")
    assert str(info.value) == (
        "klanten-cp1252.csv, row 1: required column(s) missing: 'Klantnr' (customer_id), 'Naam' "
        "(name); the file has 'Klantnr;Naam;Betalingstermijn;Afnameverplichting;Einddatum "
        "contract' (1 column split by ','; it looks ';'-separated: set separator: ';')")


def test_title_rows_blank_lines_serial_dates_trailing_minus(load):
    frame, problems = load("order_lines", "orderregels-title-row.csv")
    assert frame["source_row"].tolist() == [4, 6, 7]  # header found on row 3; blank row 5 counted
    assert frame["order_date"].tolist() == [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-06"),
                                            pd.Timestamp("2026-01-06")]  # dd-mm-jjjj and ISO
    assert frame["requested_date"].iloc[1] == pd.Timestamp("2026-01-08")  # Excel serial 46030
    assert frame["quantity"].iloc[2] == Decimal("1.5")
    assert frame["unit_price"].iloc[2] == Decimal("-12.50")  # SAP writes '12,50-'
    assert problems == ["orderregels-title-row.csv, row 8, column 'Regelnr': 'x' is not a whole "
                        "number; the row is left out of the checks"]


def test_explicit_header_row_wins(load):
    _, problems = load("order_lines", "orderregels-title-row.csv", header_row=3)
    assert len(problems) == 1


def test_english_notation_csv(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("Ordernr,Regelnr,Klantnr,Orderdatum,Artikelnr,Aantal,Prijs per eenheid\n"
                    'O1,1,C1,2026-01-05,A-100,"1,200",1234.5\n'
                    "O1,2,C1,01/06/2026,A-100,3,EUR 7.10\n", encoding="utf-8")
    source = DatasetSource(path="orders.csv", columns=COLUMNS["order_lines"], thousands=",",
                           date_format=["%Y-%m-%d", "%m/%d/%Y"])
    frame, problems = load_dataset("order_lines", source, path)
    assert problems == []
    assert frame["quantity"].tolist() == [Decimal("1200"), Decimal("3")]
    assert frame["unit_price"].tolist() == [Decimal("1234.5"), Decimal("7.10")]
    assert frame["order_date"].tolist() == [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-06")]


def test_text_padded_by_a_fixed_width_export_is_trimmed(tmp_path):
    """Only the first and last byte of each value are looked at to decide whether to trim."""
    path = tmp_path / "orders.csv"
    path.write_text("Ordernr;Regelnr;Klantnr;Orderdatum;Artikelnr;Aantal;Prijs per eenheid\n"
                    "O1;1;C1   ;05-01-2026;A 100;1;2,50\n"
                    "O2;1;\tC2;05-01-2026;A-100 \t;1;2,50\n", encoding="cp1252")
    frame, problems = load_dataset("order_lines", dutch("order_lines"), path)
    assert problems == []
    assert frame["customer_id"].tolist() == ["C1", "C2"]
    assert frame["item_id"].tolist() == ["A 100", "A-100"]


def test_one_dataset_from_monthly_files_by_glob_or_list(load):
    by_glob, _ = load("invoices", "facturen-2026-*.csv", values=KIND_VALUES)
    by_list, _ = load("invoices", ["facturen-2026-01.csv", "facturen-2026-02.csv"],
                      values=KIND_VALUES)
    assert by_glob["invoice_id"].tolist() == ["F1", "F2", "F4"]
    assert by_glob["source_file"].tolist() == ["facturen-2026-01.csv"] * 2 + ["facturen-2026-02.csv"]
    pd.testing.assert_frame_equal(by_glob, by_list)


def test_values_are_mapped_yes_no_and_kinds(load):
    frame, _ = load("invoices", "facturen-2026-01.csv", values=KIND_VALUES)
    assert frame["kind"].tolist() == ["invoice", "credit_note"]
    assert frame["amount"].tolist() == [Decimal("1234.56"), Decimal("-45.00")]  # '€ 1.234,56'
    assert frame["due_date"].tolist() == [pd.Timestamp("2026-02-04"), pd.Timestamp("2026-02-05")]
    deliveries, _ = load("deliveries", "leveringen-errors.csv")
    assert deliveries.set_index("delivery_id")["call_ahead_done"].to_dict() == {
        "L1": True, "L4": True, "L5": False, "L6": True, "L7": None}  # J, Ja, Nee, Y, empty


def test_xlsx_sheet_chosen_and_header_found_below_a_title():
    source = DatasetSource(path="p.xlsx", sheet="Prijzen", decimal=",", date_format="%d-%m-%Y",
                           columns=COLUMNS["price_list"])
    frame, problems = load_dataset("price_list", source, FIXTURES / "prijslijst-title-row.xlsx")
    assert frame["unit_price"].tolist() == [Decimal("12.5"), Decimal("8.40")]  # number, text
    assert frame["valid_from"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2025-06-01")]
    assert frame["source_row"].tolist() == [4, 5]
    assert [str(p) for p in problems] == [
        "prijslijst-title-row.xlsx, row 6, column 'Geldig tot': 'nooit' is not a date; the row is "
        "left out of the checks"]


def test_xlsx_unknown_sheet_lists_the_sheets():
    source = DatasetSource(path="p.xlsx", sheet="Prijslijst", columns=COLUMNS["price_list"])
    with pytest.raises(ErpDataError) as info:
        load_dataset("price_list", source, FIXTURES / "prijslijst-title-row.xlsx")
    assert str(info.value) == ("prijslijst-title-row.xlsx: sheet 'Prijslijst' not found; the "
                               "workbook has 'Info', 'Prijzen'")


def test_sqlite_table_through_a_query(tmp_path):
    url = f"sqlite:///{tmp_path / 'erp.db'}"
    engine = sa.create_engine(url)
    pd.DataFrame({"Klant": ["C1", "C1"], "Artikel": ["A-100", "A-101"], "Prijs": [12.5, 8.4],
                  "Geldig van": [pd.Timestamp("2024-01-01"), pd.Timestamp("2025-06-01")],
                  "Geldig tot": [None, "31-02-2026"]}).to_sql("prijzen", engine, index=False)
    engine.dispose()
    source = DatasetSource(query='SELECT * FROM prijzen ORDER BY "Artikel"', url=url,
                           date_format="%d-%m-%Y", columns=COLUMNS["price_list"])
    frame, problems = load_dataset("price_list", source)
    assert frame["unit_price"].tolist() == [Decimal("12.5")]
    assert frame["valid_from"].tolist() == [pd.Timestamp("2024-01-01")]
    assert [str(p) for p in problems] == ["price_list (SQL), row 2, column 'Geldig tot': "
                                          "'31-02-2026' is not a date; the row is left out of "
                                          "the checks"]


def test_a_failing_query_says_so(tmp_path):
    source = DatasetSource(query="SELECT * FROM nope", url=f"sqlite:///{tmp_path / 'e.db'}")
    with pytest.raises(ErpDataError, match=r"^price_list \(SQL\): the query failed: .*no such "
                       r"table: nope"):
        load_dataset("price_list", source)


def test_a_glob_that_matches_nothing(tmp_path):
    with pytest.raises(ErpDataError, match="no export file matches '.*facturen-2027-\\*.csv'"):
        load_dataset("invoices", dutch("invoices"), tmp_path / "facturen-2027-*.csv")
