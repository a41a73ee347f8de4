"""Before a run: the exports must reach into the period (else no email goes out), a dataset that
did not load is named with the loader's reason; and the hashes of what a run used."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from audit.config import load_config
from audit.erp.loader import load_erp
from audit.errors import InputError, Problem
from audit.inputs import check_inputs
from audit.models import ErpData, Period
from audit.provenance import versions
from tests.conftest import ROOT, write_sample_config

OCTOBER = Period("2026-10", date(2026, 10, 1), date(2026, 10, 31), date(2025, 11, 1))


def dated(column: str, *days: str) -> pd.DataFrame:
    return pd.DataFrame({column: pd.to_datetime(list(days)), "amount": [Decimal(1)] * len(days)})


def exports(orders: pd.DataFrame | None = None, **frames: pd.DataFrame) -> ErpData:
    """Fresh exports for October, with the given ones instead."""
    fresh = {"customers": pd.DataFrame({"customer_id": ["C1"]}),
             "price_list": pd.DataFrame({"item_id": ["A-1"]}),
             "order_lines": dated("order_date", "2026-09-02", "2026-10-30"),
             "deliveries": dated("delivery_date", "2026-10-31"),
             "invoices": dated("invoice_date", "2026-10-01")}
    if orders is not None:
        fresh["order_lines"] = orders
    return ErpData({**fresh, **frames})


@pytest.fixture
def config(tmp_path):
    return load_config(write_sample_config(tmp_path))


def test_exports_that_reach_into_the_period_pass(config):
    problems: list[Problem] = []
    check_inputs(config, exports(), OCTOBER, problems)
    assert problems == []


def test_an_export_that_ends_before_the_period_stops_the_run_naming_its_last_date(config):
    stale = exports(deliveries=dated("delivery_date", "2026-08-14", "2026-09-30"))
    with pytest.raises(InputError) as error:
        check_inputs(config, stale, OCTOBER, [])
    assert str(error.value) == ("the ERP exports are not fit for this period (older than the "
                                "period 2026-10: deliveries (latest 2026-09-30)); no deviations "
                                "were emailed")


def test_a_day_in_the_period_is_fresh_the_day_before_is_not(config):
    check_inputs(config, exports(dated("order_date", "2026-10-01")), OCTOBER, [])
    with pytest.raises(InputError, match=r"order_lines \(latest 2026-09-30\)"):
        check_inputs(config, exports(dated("order_date", "2026-09-30")), OCTOBER, [])


def test_an_empty_export_is_not_fit_either(config):
    with pytest.raises(InputError, match=r"older than the period 2026-10: invoices \(no rows\)"):
        check_inputs(config, exports(invoices=dated("invoice_date")), OCTOBER, [])


def test_a_dataset_that_did_not_load_is_named_with_the_loaders_reason(tmp_path):
    path = write_sample_config(tmp_path)
    path.write_text(path.read_text().replace("facturen.csv", "facturen-2026-10.csv"))
    config = load_config(path)
    erp = load_erp(config)
    with pytest.raises(InputError) as error:
        check_inputs(config, erp, OCTOBER, list(erp.problems))
    text = str(error.value)
    assert "missing or unreadable: invoices — " in text
    assert "facturen-2026-10.csv" in text, "the file the loader could not read"
    assert text.endswith("; no deviations were emailed")


def test_without_an_invoices_export_the_run_goes_on_with_a_warning(tmp_path):
    config = load_config(write_sample_config(tmp_path))
    datasets = {k: v for k, v in config.erp.datasets.items() if k != "invoices"}
    config = config.model_copy(update={"erp": config.erp.model_copy(update={"datasets": datasets})})
    erp = exports()
    problems: list[Problem] = []
    check_inputs(config, ErpData({k: v for k, v in erp.frames.items() if k != "invoices"}),
                 OCTOBER, problems)
    assert [(p.severity, p.stage) for p in problems] == [("warning", "erp")]


def test_a_run_records_a_hash_per_input_file_that_changes_with_its_content(tmp_path):
    path = write_sample_config(tmp_path)
    before = versions(load_config(path))
    assert {"klanten.csv", "orderregels.csv", "raamovereenkomst_hoogvliet_foods.pdf"} <= set(
        before["inputs"])
    assert versions(load_config(path)) == before, "the same inputs: the same hashes"
    customers = tmp_path / "klanten.csv"
    customers.write_bytes((ROOT / "erp_sample" /
                           "klanten.csv").read_bytes() + b"\r\n")
    path.write_text(path.read_text().replace(
        str(ROOT / "erp_sample" / "klanten.csv"),
        str(customers)))
    after = versions(load_config(path))
    assert after["inputs"]["klanten.csv"] != before["inputs"]["klanten.csv"]
    assert after["inputs"]["orderregels.csv"] == before["inputs"]["orderregels.csv"]
    assert after["rules"] == before["rules"]
