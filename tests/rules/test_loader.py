"""Rule files: the bundled ones load; a bad one gets every error with file, line and key."""

import shutil
from pathlib import Path

import pytest

from audit.errors import MultipleErrors, RuleError
from audit.rules.loader import load_rules

RULES = Path(__file__).resolve().parents[2] / "rules"
FIVE = {"payment_term", "agreed_prices", "lead_time", "delivery_instruction", "delivery_address"}


def test_bundled_rules_load():
    rules = load_rules(RULES)
    assert FIVE <= set(rules)
    assert all(rule.impact for rule in rules.values()), "every rule documents its money at stake"


def test_every_error_of_every_file_is_reported_with_its_location(tmp_path):
    shutil.copy(RULES / "payment_term.yaml", tmp_path)
    (tmp_path / "lead_time.yaml").write_text(
        "id: lead_time\n"
        "title: {nl: Levertijd, en: Lead time}\n"
        "recognise:\n"
        "  nl: {phrases: [levertijd]}\n"
        "  en: {phrases: [lead time], patternz: []}\n"
        "values:\n"
        "  - {name: working_days, type: workdays}\n"
        "owner: logistics_planner\n"
        "severity: urgent\n"
        "action: {nl: Doe het, en: Do it}\n")
    (tmp_path / "broken.yaml").write_text("id: x\n  bad: [\n")
    with pytest.raises(MultipleErrors) as info:
        load_rules(tmp_path)
    lines = str(info.value).replace(str(tmp_path) + "/", "").splitlines()
    assert lines == [
        "broken.yaml:2: invalid YAML: mapping values are not allowed here",
        "lead_time.yaml:5, key 'recognise.en.patternz': unknown key "
        "(valid keys: exclude, patterns, phrases, review, topics)",
        "lead_time.yaml:7, key 'values.0.type': Input should be 'days', 'working_days', "
        "'minutes', 'time_window', 'money', 'percent', 'date', 'address', 'price_table', "
        "'quantity', 'period', 'per_unit', 'cap_percent', 'cap_amount', 'rate_amount', "
        "'tiers', 'notice', 'renewal_months', 'end_date', 'start_date', 'day_month', "
        "'index_name', 'item', 'discount_per_unit', 'any_amount', 'price_scope' or 'payment_basis', "
        "got 'workdays'",
        "lead_time.yaml:9, key 'severity': Input should be 'high', 'medium' or 'low', "
        "got 'urgent'",
    ]


def test_templates_may_only_name_known_values(tmp_path):
    text = (RULES / "payment_term.yaml").read_text().replace("op {days} dagen", "op {__class__}")
    (tmp_path / "payment_term.yaml").write_text(text)
    with pytest.raises(MultipleErrors, match=r"unknown field\(s\) \['__class__'\]"):
        load_rules(tmp_path)


def test_unknown_spacy_token_attribute_is_refused(tmp_path):
    text = (RULES / "payment_term.yaml").read_text().replace("{LIKE_NUM: true}",
                                                             "{EVAL: true}", 1)
    (tmp_path / "payment_term.yaml").write_text(text)
    with pytest.raises(MultipleErrors, match=r"unknown token attribute \['EVAL'\]"):
        load_rules(tmp_path)


def test_file_name_must_match_id(tmp_path):
    shutil.copy(RULES / "payment_term.yaml", tmp_path / "betaling.yaml")
    with pytest.raises(MultipleErrors) as info:
        load_rules(tmp_path)
    assert isinstance(info.value.errors[0], RuleError)
    assert "rule id 'payment_term' differs from the file name 'betaling'" in str(info.value)


def test_review_phrases_and_review_when_values_missing_go_together(tmp_path):
    text = (RULES / "volume_commitment.yaml").read_text()
    (tmp_path / "volume_commitment.yaml").write_text(
        text.replace("review_when_values_missing: true", "review_when_values_missing: false"))
    with pytest.raises(MultipleErrors, match="only used with review_when_values_missing"):
        load_rules(tmp_path)
    text = (RULES / "free_shipping.yaml").read_text() + "review_when_values_missing: true\n"
    (tmp_path / "volume_commitment.yaml").unlink()
    (tmp_path / "free_shipping.yaml").write_text(text)
    with pytest.raises(MultipleErrors, match="needs recognise"):
        load_rules(tmp_path)
