"""A field map (the program's fields -> an ERP's columns, with each file's format) written as
config.yaml: the config loads, its exports load with the right values, and a wrong map names
the key and line. Files made for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import yaml

from audit.config import load_config
from audit.erp.loader import load_erp
from audit.errors import ConfigError
from audit.field_map import lookback, translate

ROOT = Path(__file__).resolve().parents[1]

FIELD_MAP = """\
company: {name: Kroeze Gereedschap B.V., kvk_number: '08123456'}
audit: {period: 2026-05, top_n: 5, data_from: 2025-06-01}
contracts_dir: pdf/
export_version: 3            # nothing in config.yaml says this
datasets:
  customers:
    file: exports/relaties.xlsx
    format: xlsx
    sheet: Relaties
    skip_rows: 2
    fields: {customer_id: RelNr, name: Naam, payment_term_days: Termijn}
  invoices:
    file: exports/facturen.csv
    format: csv
    separator: '|'
    decimal: ','
    thousands: null
    date_format: '%d.%m.%Y'
    encoding: utf-8
    fields: {invoice_id: Nr, customer_id: Rel, invoice_date: Datum, due_date: Verval,
             amount: Bedrag, kind: Soort}
    values:
      kind: {invoice: [F, FA], credit_note: C}
    checksum: md5            # nor this
"""


def write_exports(folder: Path) -> None:
    (folder / "exports").mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Relaties"
    sheet.append(["Relatie-export mei 2026"])
    sheet.append([])
    sheet.append(["RelNr", "Naam", "Termijn"])
    sheet.append(["R-01", "Stam B.V.", 30])
    book.save(folder / "exports" / "relaties.xlsx")
    (folder / "exports" / "facturen.csv").write_text(
        "Nr|Rel|Datum|Verval|Bedrag|Soort\n"
        "1|R-01|03.05.2026|02.06.2026|1250,50|F\n"
        "2|R-01|04.05.2026|03.06.2026|80,00|FA\n"
        "3|R-01|05.05.2026|04.06.2026|-20,00|C\n", encoding="utf-8")


@pytest.fixture()
def made(tmp_path: Path) -> Path:
    (tmp_path / "map.yaml").write_text(FIELD_MAP, encoding="utf-8")
    write_exports(tmp_path)
    return tmp_path


def test_the_config_written_from_a_field_map_loads_the_exports_with_their_codes(made):
    out = made / "setup"
    out.mkdir()
    done = translate(made / "map.yaml", out, rules_dir=ROOT / "rules")
    assert done.period == "2026-05"
    assert done.config["lookback_months"] == 12 and done.config["top_n"] == 5
    assert done.config["company"] == {"name": "Kroeze Gereedschap B.V.",
                                      "kvk_number": "08123456"}
    assert "export_version (line 4)" in done.ignored
    assert any(key.startswith("datasets.invoices.checksum") for key in done.ignored)
    (out / "config.yaml").write_text(yaml.safe_dump(done.config), encoding="utf-8")
    config = load_config(out / "config.yaml")
    assert config.path(config.contracts_dir).resolve() == (made / "pdf").resolve()
    erp = load_erp(config, only=("customers", "invoices"))
    assert [p for p in erp.problems if p.severity == "error"] == []
    customers = erp.frames["customers"]
    assert customers["customer_id"].tolist() == ["R-01"]  # the header under two title rows
    assert customers["payment_term_days"].tolist() == [30]
    invoices = erp.frames["invoices"]
    assert invoices["kind"].tolist() == ["invoice", "invoice", "credit_note"]
    assert [str(a) for a in invoices["amount"]] == ["1250.50", "80.00", "-20.00"]


def test_an_unknown_dataset_or_one_without_fields_names_its_line(made):
    (made / "bad.yaml").write_text(
        "datasets:\n  orders:\n    file: a.csv\n    fields: {order_id: Nr}\n"
        "  invoices:\n    file: b.csv\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        translate(made / "bad.yaml", made)
    text = str(e.value)
    assert "unknown dataset 'orders'" in text and "order_lines" in text and "bad.yaml:2" in text
    assert "dataset 'invoices' needs 'file:' and 'fields:'" in text and "bad.yaml:5" in text


def test_the_look_back_runs_from_the_first_month_of_data_to_the_period():
    assert lookback({"data_from": "2025-09-01", "period": "2026-09"}) == 13
    assert lookback({"period": "2026-09"}) == 12


def test_the_command_writes_a_valid_config_and_keeps_an_existing_one(made):
    out = made / "config.yaml"
    command = [sys.executable, "-m", "audit", "config", "from-map", str(made / "map.yaml"),
               "--out", str(out), "--rules", str(ROOT / "rules")]
    first = subprocess.run(command, capture_output=True, text=True, cwd=made)
    assert first.returncode == 0, first.stderr
    assert "--period 2026-05" in first.stdout and "export_version" in first.stdout
    assert "email: null" in out.read_text(encoding="utf-8")  # owners left for the controller
    again = subprocess.run(command, capture_output=True, text=True, cwd=made)
    assert again.returncode != 0 and "--force" in again.stderr
    checked = subprocess.run([sys.executable, "-m", "audit", "config", "check", "--config",
                              str(out)], capture_output=True, text=True, cwd=made)
    assert checked.returncode == 0 and "2 datasets" in checked.stdout


DEV = ROOT.parent / "shared" / "data" / "dev-company"


@pytest.mark.skipif(not (DEV / "mapping.yaml").exists(),
                    reason="../shared/data/dev-company is not beside the repository")
def test_another_companys_field_map_gives_a_config_that_loads_all_its_exports(tmp_path):
    done = translate(DEV / "mapping.yaml", tmp_path, rules_dir=ROOT / "rules")
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(done.config), encoding="utf-8")
    config = load_config(tmp_path / "config.yaml")
    erp = load_erp(config)
    assert set(erp.frames) == {"customers", "price_list", "order_lines", "deliveries", "invoices"}
    assert all(len(frame) > 0 for frame in erp.frames.values())
    assert set(erp.frames["invoices"]["kind"]) == {"invoice", "credit_note"}
    assert erp.frames["deliveries"]["call_ahead_done"].isin([True, False]).all()


def test_a_period_that_is_no_month_names_the_audit_key(made):
    (made / "bad.yaml").write_text(FIELD_MAP.replace("period: 2026-05", "period: mei"),
                                   encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        translate(made / "bad.yaml", made, rules_dir=ROOT / "rules")
    assert "bad.yaml:2" in str(e.value) and "period (YYYY-MM)" in str(e.value)


def test_the_owners_left_to_fill_in_are_the_roles_the_rules_name(made):
    done = translate(made / "map.yaml", made, rules_dir=ROOT / "rules")
    assert set(done.config["owners"]) == {"account_manager", "credit_control",
                                          "customer_service", "logistics_planner", "pricing"}
