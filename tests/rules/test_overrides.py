"""The controller's corrections: fix a misread value, pin a missing term, drop a false one."""

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
        "valid: days",
        "terms_overrides.yaml:6, key 'overrides.2': 'dertig' is not a valid days for "
        "payment_term.days",
        "terms_overrides.yaml:8, key 'overrides.3.by': required key is missing",
        "terms_overrides.yaml:8, key 'overrides.3.reason': required key is missing",
    ]


def test_no_file_no_overrides(tmp_path):
    assert load_overrides(tmp_path / "absent.yaml", RULES) == []
