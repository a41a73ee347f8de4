"""Every validation error: named by file, row and column, with the value; what happens to the row."""

from pathlib import Path

import pytest
import yaml

from audit.config import load_config
from audit.erp.loader import load_dataset, load_erp
from audit.errors import ErpDataError
from tests.erp.conftest import COLUMNS, DUTCH, FIXTURES, KIND_VALUES, dutch

LEFT_OUT = "the row is left out of the checks"


def test_rows_with_bad_values_duplicates_and_broken_records(load):
    frame, problems = load("deliveries", "leveringen-errors.csv")
    assert frame["delivery_id"].tolist() == ["L1", "L4", "L5", "L6", "L7"]
    assert problems == [
        "leveringen-errors.csv, row 3: 9 fields where the header has 8 (a ';' inside a value that "
        "is not quoted?): 'L2;O1;C1;07-01-2026;5;Industrieweg 12; 5048 AB Tilburg;N;'; " + LEFT_OUT,
        "leveringen-errors.csv, row 4, column 'Vooraf gebeld': 'misschien' is not yes/no (map it "
        "under values:); " + LEFT_OUT,
        "leveringen-errors.csv, row 6, column 'Leveringsnr': the same row as row 5; " + LEFT_OUT,
        "leveringen-errors.csv, row 10, column 'Leveringsnr': duplicate Leveringsnr 'L4', first on "
        "row 5 with other values; " + LEFT_OUT,
    ]


def test_unmapped_kind_and_duplicates_across_files(load):
    frame, problems = load("invoices", "facturen-2026-*.csv", values=KIND_VALUES)
    assert frame["invoice_id"].tolist() == ["F1", "F2", "F4"]
    assert problems == [
        "facturen-2026-01.csv, row 4, column 'Soort': 'Pro forma' is not invoice or credit_note "
        "(map the ERP's values under values:); " + LEFT_OUT,
        "facturen-2026-02.csv, row 3, column 'Factuurnr': the same row as facturen-2026-01.csv "
        "row 2; " + LEFT_OUT,
        "facturen-2026-02.csv, row 4, column 'Factuurnr': duplicate Factuurnr 'F2' Soort "
        "'credit_note', first on facturen-2026-01.csv row 3 with other values; " + LEFT_OUT,
    ]


def test_kind_not_mapped_at_all(load):
    _, problems = load("invoices", "facturen-2026-01.csv")
    assert problems[0] == ("facturen-2026-01.csv, row 2, column 'Soort': 'Factuur' is not "
                           "invoice or credit_note (map the ERP's values under values:); " + LEFT_OUT)


def test_not_a_number_not_a_date_empty_required(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("Ordernr;Regelnr;Klantnr;Orderdatum;Artikelnr;Aantal;Prijs per eenheid\n"
                    "O1;1;C1;05-01-2026;A-1;1.2.3;12,50\n"
                    "O2;1;C1;30-02-2026;A-1;1;12.50\n"
                    "O3;1;;05-01-2026;A-1;1;12,50\n", encoding="cp1252")
    frame, problems = load_dataset("order_lines", dutch("order_lines"), path)
    assert frame.empty
    assert [str(p) for p in problems] == [
        "orders.csv, row 4, column 'Klantnr': empty; customer_id is required; " + LEFT_OUT,
        "orders.csv, row 3, column 'Orderdatum': '30-02-2026' is not a date; " + LEFT_OUT,
        "orders.csv, row 2, column 'Aantal': '1.2.3' is not a number; " + LEFT_OUT,
        "orders.csv, row 3, column 'Prijs per eenheid': '12.50' is not a number (written with "
        "decimal '.'; this dataset has decimal: ',')" + "; " + LEFT_OUT,
    ]


def test_at_most_twenty_problems_per_file_and_column_then_a_count(tmp_path):
    path = tmp_path / "orders.csv"
    rows = [f"O{i};1;C1;05-01-2026;A-1;{i}x;1,00" for i in range(25)]
    path.write_text("Ordernr;Regelnr;Klantnr;Orderdatum;Artikelnr;Aantal;Prijs per eenheid\n"
                    + "\n".join(rows), encoding="cp1252")
    _, problems = load_dataset("order_lines", dutch("order_lines"), path)
    assert len(problems) == 21
    assert str(problems[-1]) == "orders.csv: 5 more rows with a bad 'Aantal' left out of the checks"


def test_a_required_column_missing_makes_the_dataset_unusable():
    columns = {k: v for k, v in COLUMNS["customers"].items() if v != "name"}
    columns["Bedrijfsnaam"] = "name"
    with pytest.raises(ErpDataError) as info:
        load_dataset("customers", dutch("customers", columns=columns),
                     FIXTURES / "klanten-cp1252.csv")
    assert str(info.value) == (
        "klanten-cp1252.csv, row 1: required column(s) missing: 'Bedrijfsnaam' (name); the file "
        "has 'Klantnr', 'Naam', 'Betalingstermijn', 'Afnameverplichting', 'Einddatum contract'")


def fixture_config(tmp_path: Path, **erp) -> Path:
    """A config whose ERP datasets are the fixture files (no price list)."""
    datasets = {
        "customers": {"path": str(FIXTURES / "klanten-cp1252.csv")},
        "order_lines": {"path": str(FIXTURES / "orderregels-utf8-bom.csv")},
        "deliveries": {"path": str(FIXTURES / "leveringen-errors.csv")},
        "invoices": {"path": [str(FIXTURES / "facturen-2026-0[12].csv")], "values": KIND_VALUES},
    }
    for name, source in datasets.items():
        source.update(DUTCH, columns=COLUMNS[name])
    data = {"company": {"name": "X"}, "owners": {}, "erp": {"datasets": datasets, **erp}}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_references_that_do_not_resolve_are_reported_and_kept(tmp_path):
    erp = load_erp(load_config(fixture_config(tmp_path)))
    warnings = [str(p) for p in erp.problems if p.severity == "warning"]
    assert warnings == [
        "dataset 'price_list' is not configured; the checks that need it are skipped",
        "leveringen-errors.csv, row 7, column 'Ordernr': order 'O9' is not in the order lines; the "
        "delivery is kept, but its lead time cannot be checked",
        "facturen-2026-02.csv, row 2, column 'Klantnr': customer 'C3' is not in the customer "
        "master; the row is kept; the customer's master data is unknown",
        "leveringen-errors.csv, row 8, column 'Klantnr': the delivery is for customer 'C2' but its "
        "order 'O1' is for 'C1'; the row is kept",
    ]
    assert "L5" in erp.frames["deliveries"]["delivery_id"].tolist()
    assert "F4" in erp.frames["invoices"]["invoice_id"].tolist()


def test_a_dataset_that_cannot_be_read_turns_off_its_checks(tmp_path):
    config = load_config(fixture_config(tmp_path))
    datasets = dict(config.erp.datasets)
    datasets["deliveries"] = datasets["deliveries"].model_copy(update={"path": "nope.csv"})
    config = config.model_copy(update={"erp": config.erp.model_copy(update={"datasets": datasets})})
    erp = load_erp(config)
    assert "deliveries" not in erp.frames
    assert [str(p) for p in erp.problems if "nope.csv" in str(p)] == [
        f"nope.csv: export file not found: {tmp_path / 'nope.csv'}; the checks that need "
        "'deliveries' are skipped"]
