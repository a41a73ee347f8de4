"""ERP exports through the column mapping: Dutch Excel CSV, XLSX; bad rows named by file, row."""

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from audit.config import DatasetSource
from audit.erp.loader import load_dataset
from audit.errors import ErpDataError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORDER_COLUMNS = {
    "Ordernr": "order_id", "Regelnr": "line_no", "Klantnr": "customer_id",
    "Orderdatum": "order_date", "Artikelnr": "item_id", "Aantal": "quantity",
    "Prijs per eenheid": "unit_price", "Gewenste leverdatum": "requested_date",
}
DUTCH = dict(separator=";", decimal=",", thousands=".", date_format="%d-%m-%Y", encoding="cp1252")


def source(**kw) -> DatasetSource:
    return DatasetSource(path="orderregels-excel-nl.csv", columns=ORDER_COLUMNS, **{**DUTCH, **kw})


def test_dutch_excel_csv_is_read_and_bad_rows_are_named():
    frame, problems = load_dataset("order_lines", source(), FIXTURES / "orderregels-excel-nl.csv")
    assert frame["order_id"].tolist() == ["O1", "O1", "O5"]
    assert frame["quantity"].tolist() == [Decimal("10"), Decimal("1200"), Decimal("3")]
    assert frame["unit_price"].tolist() == [Decimal("12.50"), Decimal("1234.56"), Decimal("7.10")]
    assert frame["order_date"].tolist()[0] == pd.Timestamp("2026-01-05")
    assert frame["requested_date"].tolist()[1] == pd.Timestamp("2026-01-20")
    assert frame["item_id"].tolist()[2] == "Café-1"
    assert frame["source_row"].tolist() == [2, 3, 7]
    assert [str(p) for p in problems] == [
        "orderregels-excel-nl.csv, row 6, column 'Klantnr': empty; customer_id is required; "
        "the row is left out of the checks",
        "orderregels-excel-nl.csv, row 4, column 'Orderdatum': '31-02-2026' is not a date; "
        "the row is left out of the checks",
        "orderregels-excel-nl.csv, row 5, column 'Aantal': '12O' is not a number; "
        "the row is left out of the checks",
    ]


def test_wrong_separator_says_so():
    with pytest.raises(ErpDataError) as info:
        load_dataset("order_lines", source(separator=","), FIXTURES / "orderregels-excel-nl.csv")
    assert str(info.value).startswith("orderregels-excel-nl.csv, row 1: required column(s) "
                                      "missing: 'Ordernr' (order_id)")
    assert str(info.value).endswith("(1 column split by ','; it looks ';'-separated: set "
                                    "separator: ';')")


def test_wrong_encoding_suggests_the_other(tmp_path):
    with pytest.raises(ErpDataError, match="is not utf-8 text .*; try encoding: cp1252"):
        load_dataset("order_lines", source(encoding="utf-8"),
                     FIXTURES / "orderregels-excel-nl.csv")


def test_xlsx_with_real_dates_and_numbers(tmp_path):
    path = tmp_path / "prijslijst.xlsx"
    pd.DataFrame({"Klant": ["C1", "C2"], "Artikel": ["A-100", "A-101"], "Prijs": [12.5, 8.4],
                  "Vanaf": [pd.Timestamp("2024-01-01"), pd.Timestamp("2025-06-01")],
                  "Tot": [None, pd.Timestamp("2026-12-31")]}).to_excel(path, index=False,
                                                                         sheet_name="Prijzen")
    src = DatasetSource(path="prijslijst.xlsx", sheet="Prijzen", columns={
        "Klant": "customer_id", "Artikel": "item_id", "Prijs": "unit_price",
        "Vanaf": "valid_from", "Tot": "valid_to"})
    frame, problems = load_dataset("price_list", src, path)
    assert problems == []
    assert frame["unit_price"].tolist() == [Decimal("12.5"), Decimal("8.4")]
    assert frame["valid_from"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2025-06-01")]
    assert pd.isna(frame["valid_to"].iloc[0])


def test_missing_file_is_an_erp_error():
    with pytest.raises(ErpDataError, match="export file not found"):
        load_dataset("order_lines", source(), FIXTURES / "nope.csv")


def test_a_fixed_width_report_is_named_as_such_with_what_to_export_instead(tmp_path):
    path = tmp_path / "orders.txt"
    path.write_text("Ordernr   Klantnr   Aantal\nO1        K9        12\n", encoding="utf-8")
    with pytest.raises(ErpDataError) as failed:
        load_dataset("order_lines", DatasetSource(path="x", format="csv",
                                                  columns=ORDER_COLUMNS), path)
    assert str(failed.value).endswith(
        "the file has 'Ordernr   Klantnr   Aantal' (its 3 columns are aligned with spaces: a "
        "fixed-width report, which is not read; export it with a separator: ; , tab or |)")
