"""The controller's corrections: fix a misread value, pin a missing term, drop a false one."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from audit.errors import MultipleErrors
from audit.models import Clause, ContractDoc, Term, TermValue
from audit.rules.loader import load_rules
from audit.rules.overrides import apply_overrides, load_overrides

RULES = load_rules(Path(__file__).resolve().parents[2] / "rules")
DOC = ContractDoc(path=Path("contract.pdf"), sha256="", pages=(), language="nl")


def term(rule_id: str, subject: str = "", **values) -> Term:
    clause = Clause(doc=DOC, article="5.1", heading="", text="...", page=2)
    return Term("C1", rule_id, tuple(TermValue(k, v) for k, v in values.items()), clause, 0.6,
                subject=subject)


def test_fix_pin_and_drop(tmp_path):
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(
        "overrides:\n"
        "  - {customer_id: C1, rule_id: payment_term, parameter: days, value: 45,\n"
        "     by: M. de Boer, reason: 'OCR read 15 for 45'}\n"
        "  - {customer_id: C1, rule_id: agreed_prices, subject: A-9, parameter: unit_price,\n"
        "     value: '7.25', valid_from: 2026-01-01, by: M. de Boer, reason: side letter}\n"
        "  - {customer_id: C1, rule_id: lead_time, remove: true, by: M. de Boer,\n"
        "     reason: not an agreement}\n")
    overrides = load_overrides(path, RULES)
    terms = [term("payment_term", days=15), term("lead_time", working_days=9)]
    got = apply_overrides(terms, overrides, RULES, path)
    assert [(t.rule_id, t.subject, t.values[0].value, t.confidence, t.source) for t in got] == [
        ("payment_term", "", 45, 1.0, "override"),
        ("agreed_prices", "A-9", Decimal("7.25"), 1.0, "override")]
    assert got[0].override == "override by M. de Boer: OCR read 15 for 45"
    assert str(got[1].valid_from) == "2026-01-01" and got[1].clause.file == "terms_overrides.yaml"


def test_bad_overrides_are_located(tmp_path):
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(
        "overrides:\n"
        "  - {customer_id: C1, rule_id: payment_terms, parameter: days, value: 4, by: x,\n"
        "     reason: y}\n"
        "  - {customer_id: C1, rule_id: payment_term, parameter: dagen, value: 4, by: x,\n"
        "     reason: y}\n"
        "  - {customer_id: C1, rule_id: payment_term, parameter: days, value: dertig, by: x,\n"
        "     reason: y}\n"
        "  - {customer_id: C1, rule_id: payment_term, parameter: days, value: 4}\n")
    with pytest.raises(MultipleErrors) as info:
        load_overrides(path, RULES)
    lines = str(info.value).replace(str(tmp_path) + "/", "").splitlines()
    assert lines == [
        "terms_overrides.yaml:2, key 'overrides.0': unknown rule_id 'payment_terms'; valid: "
        + ", ".join(sorted(RULES)),
        "terms_overrides.yaml:4, key 'overrides.1': rule payment_term has no value 'dagen'; "
        "valid: days, from",
        "terms_overrides.yaml:6, key 'overrides.2': 'dertig' is not a valid days for "
        "payment_term.days",
        "terms_overrides.yaml:8, key 'overrides.3.by': required key is missing",
        "terms_overrides.yaml:8, key 'overrides.3.reason': required key is missing",
    ]


def test_no_file_no_overrides(tmp_path):
    assert load_overrides(tmp_path / "absent.yaml", RULES) == []


def test_every_value_type_is_coerced_so_the_checks_can_use_it(tmp_path):
    """Tiers from YAML used to crash the rebate check (Decimal * float): all are typed now."""
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(
        "overrides:\n"
        "  - {customer_id: C2, rule_id: volume_rebate, parameter: tiers,\n"
        "     value: [[250000, 2], [100000, 1.5]], by: x, reason: y}\n"
        "  - {customer_id: C2, rule_id: contract_term, parameter: notice, value: 6 weeks,\n"
        "     by: x, reason: y}\n"
        "  - {customer_id: C2, rule_id: late_delivery_penalty, parameter: per,\n"
        "     value: working day, by: x, reason: y}\n"
        "  - {customer_id: C2, rule_id: late_delivery_penalty, parameter: cap_amount,\n"
        "     value: 250, by: x, reason: y}\n"
        "  - {customer_id: C2, rule_id: volume_commitment, parameter: period, value: Quarter,\n"
        "     by: x, reason: y}\n"
        "  - {customer_id: C2, rule_id: delivery_address, parameter: address,\n"
        "     value: 'KWELDERWEG 7 - 9979XS - EEMSHAVEN', by: x, reason: y}\n")
    got = apply_overrides([], load_overrides(path, RULES), RULES, path)
    values = {(t.rule_id, v.parameter): v.value for t in got for v in t.values}
    assert values[("volume_rebate", "tiers")] == ((Decimal(100000), Decimal("1.5")),
                                                  (Decimal(250000), Decimal(2)))
    assert values[("contract_term", "notice")] == "42 days"
    assert values[("late_delivery_penalty", "per")] == "working_day"
    assert values[("late_delivery_penalty", "cap_amount")] == Decimal(250)
    assert values[("volume_commitment", "period")] == "quarter"
    assert values[("delivery_address", "address")].postcode == "9979 XS"


def test_bad_values_of_every_type_are_located(tmp_path):
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(
        "overrides:\n"
        "  - {customer_id: C1, rule_id: volume_rebate, parameter: tiers, value: 2%, by: x,\n"
        "     reason: y}\n"
        "  - {customer_id: C1, rule_id: contract_term, parameter: notice, value: soon, by: x,\n"
        "     reason: y}\n"
        "  - {customer_id: C1, rule_id: volume_commitment, parameter: period, value: decade,\n"
        "     by: x, reason: y}\n"
        "  - {customer_id: C1, rule_id: payment_term, parameter: days, value: 30, by: x,\n"
        "     reason: y, valid_from: 2026-05-01, valid_to: 2026-04-30}\n")
    with pytest.raises(MultipleErrors) as info:
        load_overrides(path, RULES)
    lines = str(info.value).replace(str(tmp_path) + "/", "").splitlines()
    assert lines == [
        "terms_overrides.yaml:2, key 'overrides.0': '2%' is not a valid tiers for "
        "volume_rebate.tiers (expected a list of [threshold, percent] pairs)",
        "terms_overrides.yaml:4, key 'overrides.1': 'soon' is not a valid notice for "
        "contract_term.notice (expected a number and months, weeks or days)",
        "terms_overrides.yaml:6, key 'overrides.2': 'decade' is not a valid period for "
        "volume_commitment.period (expected one of year, quarter, month)",
        "terms_overrides.yaml:8, key 'overrides.3': valid_to 2026-04-30 is before valid_from "
        "2026-05-01",
    ]


def test_an_amendment_pinned_as_two_values_over_time(tmp_path):
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(
        "overrides:\n"
        "  - {customer_id: C1, rule_id: lead_time, parameter: working_days, value: 3,\n"
        "     valid_to: 2026-03-31, by: x, reason: base contract}\n"
        "  - {customer_id: C1, rule_id: lead_time, parameter: working_days, value: 2,\n"
        "     valid_from: 2026-04-01, by: x, reason: allonge 1}\n")
    got = apply_overrides([], load_overrides(path, RULES), RULES, path)
    assert [(t.get("working_days"), t.valid_from, t.valid_to) for t in got] == [
        (3, None, date(2026, 3, 31)), (2, date(2026, 4, 1), None)]
