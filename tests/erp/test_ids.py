"""Ids written as numbers in one export and as zero-padded text in another (audit/erp/ids.py):
the references still match, and the file is told so; two ids with the same digits match none."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from audit.config import DatasetSource
from audit.erp.loader import load_dataset
from audit.erp.validate import references

CUSTOMERS = {"Kundennr": "customer_id", "Firma": "name"}
INVOICES = {"Rechnung": "invoice_id", "Kundennr": "customer_id", "Datum": "invoice_date",
            "Netto": "amount", "Typ": "kind"}


def load(tmp_path: Path, customers: str, invoice_ids: list[object]):
    (tmp_path / "kunden.csv").write_text("Kundennr;Firma\n" + customers, encoding="utf-8")
    book = Workbook()
    book.active.append(list(INVOICES))
    for i, customer in enumerate(invoice_ids):
        book.active.append([f"R{90 + i}", customer, datetime(2026, 4, 1), 120.5, "R"])
    book.save(tmp_path / "rechnungen.xlsx")
    master, _ = load_dataset("customers", DatasetSource(path="x", columns=CUSTOMERS),
                             tmp_path / "kunden.csv")
    bills, _ = load_dataset("invoices", DatasetSource(path="x", columns=INVOICES,
                                                      values={"kind": {"R": "invoice"}}),
                            tmp_path / "rechnungen.xlsx")
    frames = {"customers": master, "invoices": bills}
    problems = references(frames, {n: f.attrs["erp_columns"] for n, f in frames.items()})
    return bills, [str(p) for p in problems]


def test_a_number_cell_without_the_leading_zeros_matches_the_padded_id(tmp_path):
    bills, problems = load(tmp_path, "0038120;Alpina AG\n0038121;Berger GmbH\n",
                           [38120, "0038121", 38120])
    assert list(bills["customer_id"]) == ["0038120", "0038121", "0038120"]
    assert problems == [
        "rechnungen.xlsx, column 'Kundennr': 2 row(s) name a customer without the leading zeros "
        "the customer master writes ('38120' is '0038120' there: the export holds the ids as "
        "numbers?); matched to the customer master's ids"]


def test_two_master_ids_with_the_same_digits_leave_the_reference_unknown(tmp_path):
    bills, problems = load(tmp_path, "038120;Alpina AG\n0038120;Alpina Logistik\n", [38120])
    assert list(bills["customer_id"]) == ["38120"]
    assert problems == [
        "rechnungen.xlsx, row 2, column 'Kundennr': customer '38120' is not in the customer "
        "master; the row is kept; the customer's master data is unknown"]


def test_the_price_lists_customers_take_the_masters_spelling_and_list_rows_stay(tmp_path):
    (tmp_path / "kunden.csv").write_text("Kundennr;Firma\n0038120;Alpina AG\n",
                                         encoding="utf-8")
    (tmp_path / "preise.csv").write_text("Kundennr;Material;Preis\n38120;M-3;4.10\n"
                                         "LISTE;M-3;4.90\n", encoding="utf-8")
    master, _ = load_dataset("customers", DatasetSource(path="x", columns=CUSTOMERS),
                             tmp_path / "kunden.csv")
    prices, _ = load_dataset("price_list", DatasetSource(path="x", columns={
        "Kundennr": "customer_id", "Material": "item_id", "Preis": "unit_price"}),
        tmp_path / "preise.csv")
    frames = {"customers": master, "price_list": prices}
    problems = references(frames, {n: f.attrs["erp_columns"] for n, f in frames.items()})
    assert list(prices["customer_id"]) == ["0038120", "LISTE"]
    assert [str(p) for p in problems] == [
        "preise.csv, column 'Kundennr': 1 row(s) name a customer without the leading zeros the "
        "customer master writes ('38120' is '0038120' there: the export holds the ids as "
        "numbers?); matched to the customer master's ids"]
