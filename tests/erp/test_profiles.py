"""The bundled mapping profiles: valid, complete, and used as the defaults of config.yaml's datasets."""

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
import yaml

from audit.config import load_config
from audit.erp.fields import OPTIONAL_DATASETS, SCHEMAS
from audit.erp.loader import load_erp
from audit.erp.profiles import BUNDLED, load_profile
from audit.errors import ConfigError

PROFILES = sorted(BUNDLED.glob("*.yaml"))


def test_the_four_profiles_are_there():
    assert [p.stem for p in PROFILES] == ["afas", "exact_online", "odoo", "sap_business_one"]


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_profile_maps_every_required_field_to_our_names(path):
    profile = load_profile(path)
    assert set(profile.datasets) == set(SCHEMAS) - OPTIONAL_DATASETS  # list_prices: optional
    for name, source in profile.datasets.items():
        ours = {f.name for f in SCHEMAS[name]}
        assert set(source.columns.values()) <= ours, (name, set(source.columns.values()) - ours)
        required = {f.name for f in SCHEMAS[name] if f.required}
        assert required <= set(source.columns.values()), (name, required - set(source.columns.values()))


def write_config(tmp_path: Path, erp: dict) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "owners": {}, "erp": erp}),
                    encoding="utf-8")
    return path


def test_a_dataset_starts_from_the_profile_and_overrides_it(tmp_path):
    (tmp_path / "invoices.csv").write_text(
        "InvoiceNumber,InvoiceToCode,InvoiceDate,DueDate,AmountDC,Type,Factuurtekst\n"
        "1001,C1,2026-01-05,2026-02-04,1234.50,8020,Levering\n"
        "1002,C1,2026-01-06,2026-02-05,-45.00,8021,Bonus\n", encoding="utf-8")
    config = load_config(write_config(tmp_path, {"profile": "exact_online", "datasets": {
        "invoices": {"path": "invoices.csv", "columns": {"Factuurtekst": "description"}}}}))
    erp = load_erp(config)
    invoices = erp.frames["invoices"]
    assert invoices["kind"].tolist() == ["invoice", "credit_note"]
    assert invoices["amount"].tolist() == [Decimal("1234.50"), Decimal("-45.00")]
    assert invoices["description"].tolist() == ["Levering", "Bonus"]


def test_an_unknown_profile_lists_the_bundled_ones(tmp_path):
    config = load_config(write_config(tmp_path, {"profile": "navision", "datasets": {}}))
    with pytest.raises(ConfigError) as info:
        load_erp(config)
    assert str(info.value) == ("erp profile 'navision' not found (bundled profiles: afas, "
                               "exact_online, odoo, sap_business_one)")


def sap_tables() -> dict[str, pd.DataFrame]:
    """A tiny SAP Business One company database: the tables and columns the profile reads."""
    day = pd.Timestamp("2026-01-05")
    return {
        "OCRD": pd.DataFrame({"CardCode": ["C1", "S1"], "CardName": ["Bakkerij Jansen", "Lev"],
                              "CardType": ["C", "S"], "AddID": ["56123874", ""], "GroupNum": [1, 1],
                              "MailAddres": ["Industrieweg 12", ""], "Free_Text": ["", ""]}),
        "OCTG": pd.DataFrame({"GroupNum": [1], "ExtraDays": [30]}),
        "OSPP": pd.DataFrame({"CardCode": ["C1"], "ItemCode": ["A-100"], "Price": [12.5],
                              "FromDate": [day], "ToDate": [None]}),
        "ORDR": pd.DataFrame({"DocEntry": [1], "DocNum": [5001], "CardCode": ["C1"],
                              "DocDate": [day], "CANCELED": ["N"]}),
        "RDR1": pd.DataFrame({"DocEntry": [1, 1], "LineNum": [0, 1], "ItemCode": ["A-100", "A-1"],
                              "Quantity": [10.0, 2.0], "Price": [12.5, 3.1],
                              "ShipDate": [day, day]}),
        "ODLN": pd.DataFrame({"DocEntry": [7], "DocNum": [7001], "CardCode": ["C1"],
                              "DocDate": [day], "Address2": ["Industrieweg 12"],
                              "Comments": [None], "CANCELED": ["N"]}),
        "DLN1": pd.DataFrame({"DocEntry": [7, 7], "LineNum": [0, 1], "BaseRef": ["5001", "5001"],
                              "Quantity": [10.0, 2.0]}),
        "OINV": pd.DataFrame({"DocNum": [9001], "CardCode": ["C1"], "DocDate": [day],
                              "DocDueDate": [day + pd.Timedelta(days=30)], "DocTotal": [131.2],
                              "TotalExpns": [0.0], "NumAtCard": ["5001"], "Comments": [None],
                              "CANCELED": ["N"]}),
        "ORIN": pd.DataFrame({"DocNum": [9001], "CardCode": ["C1"], "DocDate": [day],
                              "DocDueDate": [day], "DocTotal": [10.0], "TotalExpns": [0.0],
                              "NumAtCard": [None], "Comments": ["Bonus"], "CANCELED": ["N"]}),
    }


def test_sap_business_one_profile_reads_the_company_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'sbo.db'}"
    engine = sa.create_engine(url)
    for table, frame in sap_tables().items():
        frame.to_sql(table, engine, index=False)
    engine.dispose()
    datasets = dict.fromkeys(set(SCHEMAS) - OPTIONAL_DATASETS, {})
    erp = load_erp(load_config(write_config(tmp_path, {"profile": "sap_business_one", "url": url,
                                                       "datasets": datasets})))
    assert [str(p) for p in erp.problems] == []
    assert erp.frames["customers"]["customer_id"].tolist() == ["C1"]
    assert erp.frames["customers"]["payment_term_days"].tolist() == [30]
    assert erp.frames["order_lines"]["quantity"].tolist() == [Decimal("10"), Decimal("2")]
    assert erp.frames["deliveries"]["line_no"].tolist() == [0, 1]  # one delivery, two lines
    invoices = erp.frames["invoices"]  # invoice 9001 and credit memo 9001: different documents
    assert invoices[["invoice_id", "kind"]].values.tolist() == [["9001", "invoice"],
                                                                ["9001", "credit_note"]]
    assert invoices["amount"].tolist() == [Decimal("131.2"), Decimal("-10")]
