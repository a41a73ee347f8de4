"""The monthly audit on the bundled samples, through the CLI: exactly the injected deviations."""

from __future__ import annotations

import csv
import email
import io
import json
import os
import re
import shutil
import subprocess
import sys
from email import policy
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rich.console import Console
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from audit.cli import app
from audit.cli import terms as terms_command
from audit.store.tables import DeviationRow
from tests.audit_csv import read_audit_csv

ROOT = Path(__file__).resolve().parents[1]
KEY = json.loads((ROOT / "sample_gen" / "answer_key.json").read_text(encoding="utf-8"))
FIXTURES = ROOT / "tests" / "fixtures"
CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
ROLE_OF_RULE = {"payment_term": "credit_control", "lead_time": "logistics_planner",
                "delivery_instruction": "logistics_planner", "delivery_address": "customer_service",
                "late_delivery_penalty": "logistics_planner", "volume_rebate": "pricing",
                "free_shipping": "pricing", "price_indexation": "pricing"}
ACCOUNT_MANAGER_RULES = {"agreed_prices", "volume_commitment", "contract_term"}


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def identity(d: dict) -> tuple[str, str, str, str]:
    """What the answer key names a deviation by (its id also hashes what was agreed)."""
    return d["customer_id"], d["rule_id"], d["kind"], d["subject"]


def stored_identities(out: Path) -> dict[str, tuple[str, str, str, str]]:
    """Deviation id -> (customer, rule, kind, subject), as the run stored them."""
    engine = create_engine(f"sqlite:///{out.parent / 'audit.db'}")
    with Session(engine) as s:
        found = {r.deviation_id: identity(vars(r)) for r in s.scalars(select(DeviationRow))}
    engine.dispose()
    return found


def expected_owner_email(d: dict) -> str:
    if d["rule_id"] == "unmatched_agreement":
        return CONFIG["controller"]["email"]
    if d["rule_id"] in ACCOUNT_MANAGER_RULES:  # the customer's own account manager
        masters = pd.read_csv(ROOT / "erp_sample" / "klanten.csv", sep=";", encoding="cp1252",
                              dtype=str)
        code = masters.set_index("Klantnr").at[d["customer_id"], "Accountmanager"]
        return CONFIG["people"][code]["email"]
    return CONFIG["owners"][ROLE_OF_RULE[d["rule_id"]]]["email"]


@pytest.fixture
def sample_run(sample_audit):
    """The session's dry run of the samples (tests/conftest.py): code, output, output folder."""
    return sample_audit.code, sample_audit.output, sample_audit.out


def test_run_succeeds_and_summarises(sample_run):
    code, output, _ = sample_run
    assert code == 0, output
    assert "klanten geaudit: 10" in output  # the sample config is Dutch
    assert "contracten gelezen: 14" in output


def test_exactly_the_injected_deviations_with_evidence_amount_and_owner(sample_run):
    _, _, out = sample_run
    got = read_audit_csv(out / "deviations.csv", keep_default_na=False)
    expected = {identity(d): d for d in KEY["deviations"]}
    stored = stored_identities(out)
    assert sorted(stored[i] for i in got["deviation_id"]) == sorted(expected), "no more, no fewer"
    for row in got.to_dict("records"):
        d = expected[stored[row["deviation_id"]]]
        where = f"{d['customer_id']} {d['rule_id']} {d['kind']} {d['subject']}"
        assert sorted(filter(None, row["evidence"].split(";"))) == sorted(d["evidence"]), where
        assert (row["impact_eur"].replace(",", ".") or None) == d["impact_eur"], where  # nl: 12,50
        assert row["owner_email"] == expected_owner_email(d), where
        assert row["status"] == "new"
        assert row["contract_file"].endswith(".pdf") and row["contract_article"], where
        assert row["action"] and row["due_date"], where


def test_customers_11_and_12_are_not_audited(sample_run):
    _, _, out = sample_run
    got = read_audit_csv(out / "deviations.csv")
    terms = read_audit_csv(out / "terms.csv")
    for customer in KEY["not_audited"]:
        assert customer not in set(got["customer_id"])
        assert customer not in set(terms["customer_id"])
    assert set(terms["customer_id"]) == set(KEY["audited"])


def test_terms_read_match_what_the_contracts_say(sample_run):
    _, _, out = sample_run
    terms = read_audit_csv(out / "terms.csv")
    for customer in KEY["audited"]:
        said = KEY["contracts"][customer]
        mine = terms[(terms["customer_id"] == customer) & terms["valid_to"].isna()]
        values = dict(zip(mine["parameter"], mine["value"], strict=True))
        assert values["working_days"] == str(said["lead_time_days"]), customer
        assert values["address"] == said["delivery_address"], customer
        if said["call_ahead_minutes"]:
            assert values["minutes"] == str(said["call_ahead_minutes"]), customer
        days = next(a["payment_term_days"] for a in said["amendments"]
                    if "payment_term_days" in a) if customer == "C1003" else said[
            "payment_term_days"]
        assert values["days"] == str(days), customer
        term = said["contract_term"]
        assert values["end_date"] == term["end_date"], customer
        renewal = term["renewal_months"]
        units = dict(zip(mine["parameter"], mine["unit"].fillna(""), strict=True))
        # the renewal qualifies the end date: terms.csv writes it in that row's unit, in the
        # sample's language (nl)
        stated = re.search(r"verlengt met (\d+) maanden", units["end_date"])
        assert (stated.group(1) if stated else None) in (
            (str(renewal),) if renewal else (None, "0")), customer
        if term["notice"]:
            assert values["notice"] == f"{term['notice'][0]} {term['notice'][1]}", customer


def test_bad_export_rows_are_reported_by_file_and_row(sample_run):
    _, output, _ = sample_run
    flat = " ".join(output.split())
    for bad in KEY["bad_rows"]:
        # the sample's language is nl: the location reads 'rij', 'kolom'
        assert f"{bad['file']}, rij {bad['row']}, kolom '{bad['column']}': '{bad['value']}'" in flat


def test_dry_run_outbox_holds_one_valid_eml_per_owner(sample_run):
    _, _, out = sample_run
    got = read_audit_csv(out / "deviations.csv")
    files = sorted((out / "preview").glob("*.eml"))  # a dry run's own folder, not the outbox
    assert not (out / "outbox").exists()
    assert len(files) == got["owner_email"].nunique()
    recipients = set()
    for path in files:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        recipients.add(message["To"].addresses[0].addr_spec)
        attachments = [p.get_filename() for p in message.iter_attachments()]
        assert len(attachments) == 1 and attachments[0].endswith(".xlsx")
    assert recipients == set(got["owner_email"])


def test_outputs_are_written(sample_run):
    _, _, out = sample_run
    for name in ("deviations.csv", "deviations.xlsx", "terms.csv", "report.html"):
        assert (out / name).stat().st_size > 0
    assert (out.parent / "audit.db").exists()


def test_emails_go_to_a_real_smtp_server_once(warm_sample_config, smtp_server):
    handler, port = smtp_server()
    config = warm_sample_config(smtp={"host": "127.0.0.1", "port": port, "from": "audit@example.nl"})
    code, output = run_cli("run", "--config", str(config), "--period", "2026-10")
    assert code == 0, output
    owners = {m for d in KEY["deviations"] for m in [expected_owner_email(d)]}
    assert sorted(r for m in handler.received for r in m.rcpt_tos) == sorted(owners)
    code, output = run_cli("run", "--config", str(config), "--period", "2026-10")
    assert code == 0, output
    assert len(handler.received) == len(owners), "a re-run sends no duplicate email"
    assert f"0 verzonden, 0 in de outbox, {len(owners)} al verzonden" in output


def test_bad_pdfs_are_reported_and_the_rest_of_the_audit_completes(warm_sample_config, tmp_path):
    contracts = tmp_path / "contracts"
    shutil.copytree(ROOT / "contracts_sample", contracts)
    for name in ("truncated.pdf", "encrypted.pdf", "scanned-noise.pdf"):
        shutil.copy(FIXTURES / name, contracts / name)
    config = warm_sample_config(contracts_dir=str(contracts))
    code, output = run_cli("run", "--config", str(config), "--period", "2026-10", "--dry-run")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "truncated.pdf: de PDF is beschadigd of geen PDF" in flat  # the sample's nl
    assert "encrypted.pdf: de PDF is beveiligd met een wachtwoord" in flat
    assert "scanned-noise.pdf, pagina 1: de pagina heeft geen tekstlaag" in flat
    got = read_audit_csv(tmp_path / "output" / "2026-10" / "deviations.csv")
    assert len(got) == len(KEY["deviations"])


def test_invalid_config_exits_with_a_located_error(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("company: {name: X}\nlanguage: fr\nerp: {datasets: {}}\nowners: {}\n")
    code, output = run_cli("run", "--config", str(config), "--period", "2026-10")
    assert code == 2
    assert f"error: {config}:2, key 'language': Input should be 'nl' or 'en', got 'fr'" in output


def test_installed_command_runs_in_a_subprocess(tmp_path):
    result = subprocess.run([sys.executable, "-m", "audit", "rules", "check", "--config",
                             str(ROOT / "config.yaml")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    rules = len(list((ROOT / "rules").glob("*.yaml")))
    assert f"{rules} rule files valid" in result.stdout


PROBE = """
import runpy, sys
sys.argv = ["contract-audit", "run", "--config", sys.argv[1], "--period", "2026-10", "--dry-run"]
try:
    runpy.run_module("audit", run_name="__main__")
except SystemExit as e:
    code = e.code
print(code, sorted(m for m in ("spacy", "pdfplumber", "pdfminer") if m in sys.modules),
      file=sys.stderr)
"""


def test_a_run_whose_contracts_are_all_cached_loads_no_spacy_and_no_pdf_reader(
        warm_sample_config):
    """The monthly case starts in a second or two: no spaCy pipeline, no PDF library."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(warm_sample_config())],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.stderr.splitlines()[-1] == "0 []", result.stderr


def test_terms_command_lists_agreements_with_source_and_flags(warm_sample_config, tmp_path,
                                                             monkeypatch):
    monkeypatch.setattr(terms_command, "console", Console(width=250))
    (tmp_path / "terms_overrides.yaml").write_text(
        "overrides:\n"
        "  - {customer_id: C1004, rule_id: lead_time, parameter: working_days, value: 4,\n"
        "     by: controller, reason: side letter of 3 March}\n")
    config = warm_sample_config(
        reading={"overrides_file": str(tmp_path / "terms_overrides.yaml")})
    result = CliRunner().invoke(app, ["terms", "--config", str(config), "--customer", "C1004"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "C1004" in line]
    lead = next(line for line in rows if "lead_time" in line)
    assert "working_days=4" in lead and "override" in lead and "1.00" in lead
    payment = next(line for line in rows if "payment_term" in line)
    assert "days=60" in payment and "framework_agreement_northwind_trading.pdf p.2 art. 5.1" in payment
    assert all("C1001" not in line for line in result.output.splitlines())


def test_terms_listing_as_json_and_csv_for_scripts(warm_sample_config) -> None:
    config = str(warm_sample_config())
    result = CliRunner().invoke(app, ["terms", "--config", config, "--customer", "C1004",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    payment = next(r for r in records if r["rule_id"] == "payment_term")
    assert payment["value"] == 60 and payment["page"] == 2 and payment["article"] == "5.1"
    assert {r["customer_id"] for r in records} == {"C1004"}
    result = CliRunner().invoke(app, ["terms", "--config", config, "--customer", "C1004",
                                      "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(records) and rows[0].keys() == records[0].keys()
    bad = CliRunner().invoke(app, ["terms", "--config", config, "--format", "xml"])
    assert bad.exit_code == 2 and "--format" in bad.output


TERMS_GOLDEN = ROOT / "tests" / "golden" / "sample_terms.csv"


def test_every_agreement_of_the_samples_is_still_read(sample_run):
    """Each agreement the samples' contracts hold (customer, rule, parameter, value, file,
    article), so a reading change that loses or adds one fails here even when no deviation
    depends on it. Regenerate with UPDATE_GOLDEN=1 pytest tests/test_end_to_end.py after a
    deliberate change, and read the diff."""
    _, _, out = sample_run
    terms = read_audit_csv(out / "terms.csv", keep_default_na=False)
    columns = ["customer_id", "rule_id", "parameter", "value", "contract_file", "article",
               "valid_to"]
    got = sorted(";".join(str(v) for v in row) for row in terms[columns].itertuples(index=False))
    if os.environ.get("UPDATE_GOLDEN"):
        TERMS_GOLDEN.write_text("\n".join([";".join(columns), *got]) + "\n", encoding="utf-8")
    want = TERMS_GOLDEN.read_text(encoding="utf-8").splitlines()[1:]
    assert [t for t in want if t not in got] == [], "agreements no longer read"
    assert [t for t in got if t not in want] == [], "agreements read that were not before"
