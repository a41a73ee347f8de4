"""Reading an export as it comes (audit/erp/sources.py): CSV files joined by a glob, XLSX under
title rows, an SQL query; every record keeps its file and row, and what cannot be read is named
by file and row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from audit.config import DatasetSource
from audit.erp.sources import read_file, read_files, read_query
from audit.errors import ErpDataError

NAMES = {"Ordernr", "Aantal"}
SOURCE = DatasetSource(path="unused", columns={"Ordernr": "order_id", "Aantal": "quantity"})


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_files_joined_by_a_glob_keep_their_file_and_row_and_a_repeated_header_is_skipped(
        tmp_path):
    write(tmp_path / "orders-09.csv", "Ordernr;Aantal\nO1;5\nO2;6\nOrdernr;Aantal\nO3;8\n")
    write(tmp_path / "orders-10.csv", "Ordernr;Aantal\nO4;1\n")
    raw = read_files([tmp_path / "orders-*.csv", tmp_path / "orders-10.csv"], SOURCE, NAMES)
    assert raw.table.column("Ordernr").to_pylist() == ["O1", "O2", "O3", "O4"], \
        "each file once, even when named twice"
    assert list(zip(raw.file_of, raw.rows.tolist(), strict=True)) == [
        ("orders-09.csv", 2), ("orders-09.csv", 3), ("orders-09.csv", 5), ("orders-10.csv", 2)]
    assert [(p.severity, str(p)) for p in raw.problems] == [
        ("warning", "orders-09.csv, row 4: the header repeats here (files joined together?); "
                    "the line is skipped")]


def test_a_glob_that_matches_nothing_is_an_error_naming_the_pattern(tmp_path):
    with pytest.raises(ErpDataError, match=r"orders-\*\.csv: no export file matches"):
        read_files([tmp_path / "orders-*.csv"], SOURCE, NAMES)


def test_a_record_with_more_fields_than_the_header_is_named_by_row_with_a_hint(tmp_path):
    path = write(tmp_path / "orders.csv", "Ordernr;Aantal\nO1;5\nO2;6;kort;geleverd\nO3;7\n")
    raw = read_file(path, SOURCE, NAMES)
    assert raw.table.column("Ordernr").to_pylist() == ["O1", "O3"]
    [problem] = raw.problems
    assert str(problem).startswith("orders.csv, row 3: 4 fields where the header has 2 (a ';' "
                                   "inside a value that is not quoted?)")


def test_the_header_is_found_under_title_rows_and_rows_are_the_spreadsheets(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Orders 2026"
    for row in (["Orderlijst oktober 2026"], [], ["Ordernr", "Aantal"], ["O1", 5], ["O2", 2.5]):
        sheet.append(row)
    book.save(tmp_path / "orders.xlsx")
    raw = read_file(tmp_path / "orders.xlsx", SOURCE, NAMES)
    assert raw.table.to_pydict() == {"Ordernr": ["O1", "O2"], "Aantal": ["5", "2.5"]}
    assert raw.rows.tolist() == [4, 5]
    with pytest.raises(ErpDataError) as error:
        read_file(tmp_path / "orders.xlsx", DatasetSource(path="x", sheet="Orders"), NAMES)
    assert str(error.value) == "orders.xlsx: sheet 'Orders' not found; the workbook has 'Orders 2026'"


def test_an_undeclared_encoding_is_detected_with_a_warning_a_wrong_one_names_the_right_one(
        tmp_path):
    path = write(tmp_path / "klanten.csv", "Ordernr;Aantal;Naam\nO1;5;Café Zoë\n", "cp1252")
    raw = read_file(path, SOURCE, NAMES)
    assert raw.table.column("Naam").to_pylist() == ["Café Zoë"]
    assert [str(p) for p in raw.problems] == [
        "klanten.csv: no encoding set: read as cp1252 (detected); set encoding: cp1252 to be sure"]
    with pytest.raises(ErpDataError) as error:
        read_file(path, DatasetSource(path="x", encoding="utf-8"), NAMES)
    assert str(error.value) == ("klanten.csv: the file is not utf-8 text (byte 28, row 2); "
                                "try encoding: cp1252 (detected)")


def test_an_sql_source_reads_its_rows_and_a_failing_query_is_named(tmp_path):
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'erp.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("create table orders (Ordernr text, Aantal real)"))
        connection.execute(sa.text("insert into orders values ('O1', 2.5)"))
    engine.dispose()
    raw = read_query("select * from orders", url, "order_lines", ".")
    assert raw.table.column("Ordernr").to_pylist() == ["O1"]
    with pytest.raises(ErpDataError, match="order_lines: the query failed: no such table: order"):
        read_query("select * from order_rows", url, "order_lines", ".")
    with pytest.raises(ErpDataError, match="order_lines: an SQL query needs a database: set url"):
        read_query("select 1", None, "order_lines", ".")


def test_a_repeated_header_padded_like_the_report_around_it_is_still_the_header(tmp_path):
    path = write(tmp_path / "orders.csv", "Ordernr;Aantal\nO1    ;5\n Ordernr ; Aantal \n"
                                          "O2    ;6\n")
    raw = read_file(path, SOURCE, NAMES)
    assert [v.strip() for v in raw.table.column("Ordernr").to_pylist()] == ["O1", "O2"]
    assert [str(p) for p in raw.problems] == [
        "orders.csv, row 3: the header repeats here (files joined together?); the line is "
        "skipped"]


def test_a_row_short_of_the_headers_unnamed_trailing_columns_says_so(tmp_path):
    path = write(tmp_path / "orders.csv", "Ordernr;Aantal;;\nO1;5;;\nO2;6\nO3;7;;\n")
    raw = read_file(path, SOURCE, NAMES)
    assert raw.table.column("Ordernr").to_pylist() == ["O1", "O3"]
    assert [str(p) for p in raw.problems] == [
        "orders.csv, row 3: 2 fields where the header has 4 (the header ends in 2 column(s) "
        "without a name this row leaves out: remove the trailing separators of the header, or "
        "export without empty columns): 'O2;6'; the row is left out of the checks"]


def test_excels_guard_of_a_text_is_taken_off_every_column(tmp_path):
    path = write(tmp_path / "orders.csv", 'Ordernr;Aantal\n="0040017";="12"\n"=""0040018""";7\n')
    raw = read_file(path, SOURCE, NAMES)
    assert raw.table.column("Ordernr").to_pylist() == ["0040017", "0040018"]
    assert raw.table.column("Aantal").to_pylist() == ["12", "7"]
