"""Issue 12, the ERP defects found on real data sets: each reproduced on a file made for it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from audit.cli import app
from audit.config import DatasetSource, load_config
from audit.contracts.linking import link_customer
from audit.erp.loader import load_dataset, load_erp
from audit.errors import ErpDataError
from audit.models import ContractDoc, Page
from audit.store.db import Store
from tests.audit_csv import read_audit_csv

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


def config(tmp_path: Path, datasets: dict) -> Path:
    data = {"company": {"name": "Test B.V."}, "owners": {}, "erp": {"datasets": datasets},
            "output_dir": str(tmp_path / "out")}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


ACCOUNTS = "id,company\nK-1,Delta Hout BV\nK-2,Epsilon Staal BV\n"


def test_1_linking_without_a_kvk_column(tmp_path):
    source = DatasetSource(path="a.csv", columns={"id": "customer_id", "company": "name"})
    frame, problems = load_dataset("customers", source, write(tmp_path / "a.csv", ACCOUNTS))
    assert problems == [] and frame["kvk_number"].isna().all()
    assert frame.attrs["absent"][0] == "kvk_number"
    doc = ContractDoc(Path("x.pdf"), "0", (Page(1, "Overeenkomst met Epsilon Staal BV"),),
                      kvk_numbers=("12345678",))
    linked, problem = link_customer(doc, frame)
    assert problem is None and linked.customer_id == "K-2"


def test_2_an_absent_optional_field_turns_off_what_needs_it():
    from audit.checks import CHECKS
    from audit.models import AuditRun, ErpData, Period
    from audit.pipeline import _runnable_sides
    from audit.rules.loader import load_rules

    frames = {"customers": pd.DataFrame({"customer_id": ["K-1"], "payment_term_days": [30],
                                         "lead_time_days": [5]}),
              "invoices": pd.DataFrame({"invoice_id": ["F1"], "due_date": [pd.NaT]}),
              "order_lines": pd.DataFrame({"order_id": ["O1"], "requested_date": [pd.NaT]}),
              "deliveries": pd.DataFrame({"delivery_id": ["L1"]})}
    frames["invoices"].attrs["absent"] = ["due_date"]
    frames["order_lines"].attrs["absent"] = ["requested_date"]
    run = AuditRun(period=Period.parse("2026-10", 12))
    rules = load_rules(ROOT / "rules")
    sides = _runnable_sides({k: rules[k] for k in ("payment_term", "lead_time")},
                            ErpData(frames=frames), run)
    assert sides["payment_term"] == [CHECKS["payment_term"].registered]
    assert CHECKS["lead_time"].executed in sides["lead_time"]  # runs without requested dates
    assert [str(p) for p in run.problems] == [
        "executed check of 'payment_term' skipped: the export has no invoices.due_date (map it "
        "under erp: in config.yaml)"]


def test_3_exit_7_says_the_loaders_reason(tmp_path):
    from tests.conftest import write_sample_config

    lines = (ROOT / "erp_sample" / "leveringen.csv").read_text(encoding="cp1252").splitlines()
    lines[0] = lines[0].replace("Leverdatum", "Datum")
    write(tmp_path / "lev.csv", "\n".join(lines[:50]) + "\n", "cp1252")
    path = write_sample_config(tmp_path)
    path.write_text(path.read_text().replace(str(ROOT / "erp_sample" / "leveringen.csv"),
                                             str(tmp_path / "lev.csv")))
    result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2026-10",
                                      "--dry-run"])
    reason = ("missing or unreadable: deliveries — lev.csv, row 1: required column(s) missing: "
              "'Leverdatum' (delivery_date)")
    assert result.exit_code == 7 and reason in result.output
    assert reason in (tmp_path / "output" / "audit.log").read_text(encoding="utf-8")
    [failed] = Store(load_config(path).db_url).runs()
    assert failed["status"] == "failed" and reason in failed["error"]


def test_5_a_day_first_format_on_month_first_data_is_refused(tmp_path):
    text = "order,customer,date,item,qty,price\n" + "".join(
        f"O{i},K-1,{m:02d}/{d:02d}/2026,X,1,2.50\n" for i, (m, d) in
        enumerate([(1, 5), (1, 13), (2, 28), (3, 3), (12, 11)]))
    source = DatasetSource(path="o.csv", date_format="%d/%m/%Y", columns={
        "order": "order_id", "customer": "customer_id", "date": "order_date", "item": "item_id",
        "qty": "quantity", "price": "unit_price"})
    with pytest.raises(ErpDataError) as info:
        load_dataset("order_lines", source, write(tmp_path / "o.csv", text))
    assert str(info.value) == (
        "o.csv, column 'date': date_format '%d/%m/%Y' does not fit the data: '01/13/2026' and 1 "
        "other dates read only as '%m/%d/%Y', none only as '%d/%m/%Y' (the other dates would be "
        "read with day and month swapped): set date_format: '%m/%d/%Y'")


def test_5_encoding_and_separator_detected_when_not_set(tmp_path):
    path = write(tmp_path / "a.csv", "id;company\nK-1;Café Zuid\n", "cp1252")
    source = DatasetSource(path="a.csv", columns={"id": "customer_id", "company": "name"})
    frame, problems = load_dataset("customers", source, path)
    assert list(frame["name"]) == ["Café Zuid"]
    assert [str(p) for p in problems] == [
        "a.csv: no encoding set: read as cp1252 (detected); set encoding: cp1252 to be sure"]


def test_6_a_join_and_a_derived_field_in_sql_over_the_files(tmp_path):
    pytest.importorskip("duckdb")
    write(tmp_path / "items.csv", "order,item,qty,price\nS1,BT-1,2,10.25\nS1,BT-2,1,4.00\n"
          "S2,BT-1,5,10.25\n")
    write(tmp_path / "orders.csv", "order,buyer,placed\nS1,K-1,2026-03-02\nS2,K-2,2026-03-04\n")
    write(tmp_path / "people.csv", "nr,first,last\nK-1,Anna,Smit\nK-2,Bert,Kok\n")
    path = config(tmp_path, {
        "order_lines": {"sql": "SELECT i.*, o.buyer, o.placed FROM 'items.csv' i JOIN "
                               "'orders.csv' o USING (\"order\") ORDER BY 1, 2",
                        "columns": {"order": "order_id", "item": "item_id", "qty": "quantity",
                                    "price": "unit_price", "buyer": "customer_id",
                                    "placed": "order_date"}},
        "customers": {"sql": "SELECT nr, first || ' ' || last AS full FROM 'people.csv'",
                      "columns": {"nr": "customer_id", "full": "name"}}})
    erp = load_erp(load_config(path), only=("customers", "order_lines"))
    assert erp.problems == ()
    lines = erp.frames["order_lines"]
    assert list(lines["customer_id"]) == ["K-1", "K-1", "K-2"]
    assert list(lines["unit_price"]) == [Decimal("10.25"), Decimal("4"), Decimal("10.25")]
    assert list(erp.frames["customers"]["name"]) == ["Anna Smit", "Bert Kok"]


def test_7_one_huge_field_does_not_reject_the_file(tmp_path):
    note = "x" * (6 << 20)  # bigger than pyarrow's parse block
    path = write(tmp_path / "l.csv", f"nr,order,customer,date,notes\nL1,O1,K-1,2026-01-02,{note}\n"
                 "L2,O1,K-1,2026-01-03,ok\n")
    source = DatasetSource(path="l.csv", columns={"nr": "delivery_id", "order": "order_id",
                                                  "customer": "customer_id",
                                                  "date": "delivery_date"})
    frame, problems = load_dataset("deliveries", source, path)
    assert problems == [] and list(frame["delivery_id"]) == ["L1", "L2"]
    assert len(frame["notes"][0]) == len(note)


INVOICES = ("no,cust,date,amount,type,cur\nF1,K-1,2026-01-02,100.00,I,EUR\n"
            "F2,K-1,2026-01-03,250.00,I,USD\nF3,K-2,2026-01-04,80.00,I,\n")
INVOICE_COLUMNS = {"no": "invoice_id", "cust": "customer_id", "date": "invoice_date",
                   "amount": "amount", "type": "kind"}


def test_8_other_currencies_are_never_summed_as_euros(tmp_path):
    path = write(tmp_path / "f.csv", INVOICES)
    kinds = {"kind": {"I": "invoice"}}
    source = DatasetSource(path="f.csv", columns={**INVOICE_COLUMNS, "cur": "currency"},
                           values=kinds)
    frame, problems = load_dataset("invoices", source, path)
    assert list(frame["invoice_id"]) == ["F1", "F3"]
    assert [str(p) for p in problems] == [
        "f.csv, row 3, column 'cur': money in USD, not EUR (amounts are compared in EUR only); "
        "the row is left out of the checks"]
    marked = write(tmp_path / "g.csv", INVOICES.replace(",250.00,", ",USD 250.00,"))
    _, problems = load_dataset("invoices", DatasetSource(path="g.csv", columns=INVOICE_COLUMNS,
                                                         values=kinds), marked)
    assert [str(p) for p in problems] == [
        "g.csv, row 3, column 'amount': 'USD 250.00' is not a number (an amount in another "
        "currency: money is compared in EUR only); the row is left out of the checks"]
    dollars = DatasetSource(path="f.csv", columns=INVOICE_COLUMNS, values=kinds, currency="USD")
    with pytest.raises(ErpDataError, match="money is in USD .*compared in EUR only"):
        load_dataset("invoices", dollars, path)


FLAT = ("order,line,cust,name,date,item,qty,price\nO1,1,K-1,Delta,2026-01-02,X,1,2.00\n"
        "O1,2,K-1,Delta,2026-01-02,Y,2,3.00\nO2,1,K-2,Epsilon,2026-01-05,X,1,2.00\n"
        "O3;1,K-2\n") + "".join(f"O{i},1,K-1,Delta,2026-02-01,X,1,2.00\n" for i in range(4, 40))
FLAT_COLUMNS = {"order": "order_id", "line": "line_no", "cust": "customer_id", "name": "name",
                "date": "order_date", "item": "item_id", "qty": "quantity", "price": "unit_price"}


def test_9_and_10_one_flat_file_for_two_datasets(tmp_path):
    write(tmp_path / "flat.csv", FLAT)
    source = {"path": "flat.csv", "columns": FLAT_COLUMNS}
    erp = load_erp(load_config(config(tmp_path, {
        "customers": {**source, "distinct": True}, "order_lines": source})),
        only=("customers", "order_lines"))
    assert [str(p) for p in erp.problems] == [
        "flat.csv, row 5: 2 fields where the header has 8: 'O3;1,K-2'; the row is left out of "
        "the checks (datasets 'customers', 'order_lines')"]
    assert list(erp.frames["customers"]["customer_id"]) == ["K-1", "K-2"]


def test_10_without_distinct_a_derived_dataset_is_said_once(tmp_path):
    path = write(tmp_path / "flat.csv", FLAT)
    source = DatasetSource(path="flat.csv", columns=FLAT_COLUMNS)
    frame, problems = load_dataset("customers", source, path)
    duplicates = [str(p) for p in problems if "repeat" in str(p)]
    assert duplicates == [
        "flat.csv, column 'cust': 37 of 39 rows repeat a 'cust' of an earlier row: the export "
        "looks derived from transaction rows; each customer_id is taken once (set distinct: "
        "true to take the repeats silently)"]
    assert list(frame["customer_id"]) == ["K-1", "K-2"]


def test_4_without_invoices_the_scope_is_ranked_by_order_value(tmp_path, reading_cache):
    """Also: the lead-time check runs when the order lines have no requested date."""
    from tests.conftest import seed_reading_cache, write_sample_config

    path = write_sample_config(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["erp"]["datasets"]["invoices"]
    del data["erp"]["datasets"]["order_lines"]["columns"]["Gewenste leverdatum"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    seed_reading_cache(path, reading_cache)  # the sample contracts as read: the case is the ERP
    result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    assert ("waarschuwing: er is geen facturenexport ingesteld: de klanten in de audit zijn "
            "gerangschikt op orderwaarde (aantal × stukprijs) in plaats van gefactureerde omzet"
            ) in result.output  # the sample's language: nl
    assert "klanten geaudit: 10" in result.output
    assert "failed" not in result.output
    found = read_audit_csv(tmp_path / "output" / "2026-10" / "deviations.csv")
    assert "lead_time" in set(found["rule_id"])


def test_cr_only_line_ends_keep_their_row_numbers(tmp_path):
    """A delivery history copied on an old Mac: CR alone ends each line."""
    path = tmp_path / "cr.csv"
    path.write_bytes(b"nr,order,customer,date\rL1,O1,K-1,2026-01-02\rL2,O1,K-1,2026-01-03\r"
                     b"L3,O2\r\rL4,O2,K-1,bad\r")
    source = DatasetSource(path="cr.csv", columns={"nr": "delivery_id", "order": "order_id",
                                                   "customer": "customer_id",
                                                   "date": "delivery_date"})
    frame, problems = load_dataset("deliveries", source, path)
    assert list(frame["source_row"]) == [2, 3]
    assert [str(p) for p in problems] == [
        "cr.csv, row 4: 2 fields where the header has 4: 'L3,O2'; the row is left out of the "
        "checks",
        "cr.csv, row 6, column 'date': 'bad' is not a date; the row is left out of the checks"]
