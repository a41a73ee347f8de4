"""Rule kinds: every check module is found on its own, a rule file names its kind, and an
unknown kind is an error naming the file and listing the kinds there are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.checks import CHECKS
from audit.cli import app
from audit.config import load_config
from audit.errors import MultipleErrors
from audit.pipeline import check_rules
from tests.conftest import ROOT


def test_every_check_module_registers_itself():
    modules = {p.stem for p in (ROOT / "audit" / "checks").glob("*.py")}
    rules = {p.stem for p in (ROOT / "rules").glob("*.yaml")}
    assert rules <= set(CHECKS) and set(CHECKS) <= modules


def test_a_second_rule_of_a_known_kind_is_valid(sample_config, tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    text = (rules / "lead_time.yaml").read_text(encoding="utf-8")
    (rules / "lead_time_tools.yaml").write_text(
        text.replace("id: lead_time\nkind: lead_time", "id: lead_time_tools\nkind: lead_time"),
        encoding="utf-8")
    loaded = check_rules(load_config(sample_config(rules_dir=str(rules))))
    assert loaded["lead_time_tools"].check_kind == "lead_time"


def test_an_unknown_kind_names_the_file_and_the_valid_kinds(sample_config, tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "payment_term.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: payment_term",
                                                             "kind: payment_terms"),
                    encoding="utf-8")
    config = sample_config(rules_dir=str(rules))
    with pytest.raises(MultipleErrors) as e:
        check_rules(load_config(config))
    message = str(e.value)
    line = path.read_text(encoding="utf-8").splitlines().index("kind: payment_terms") + 1
    assert (f"{path}:{line}, key 'kind': unknown kind 'payment_terms'; valid: agreed_prices"
            in message)
    assert "payment_term," in message
    result = CliRunner().invoke(app, ["rules", "check", "--config", str(config)])
    assert result.exit_code != 0 and "unknown kind 'payment_terms'" in result.output
