"""The README documents every command, config key and rule kind, and opens with the two commands."""

from pathlib import Path

from audit.cli import app
from audit.config import AuditConfig
from audit.rules.loader import load_rules

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    commands = [line.strip() for line in README.split("## ")[0].splitlines()
                if line.startswith("    ")]
    assert commands[0].endswith("contract-audit run --period 2026-10 --dry-run")
    assert commands[1].endswith("pytest -q")


def test_every_command_is_documented():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [f"{g.name} {c.name}" for g in app.registered_groups
              for c in g.typer_instance.registered_commands]
    for name in names:
        assert f"contract-audit {name}" in README, name


def test_every_config_key_is_documented():
    for key in AuditConfig.model_fields:
        if key != "base_dir":
            assert f"`{key}`" in README, key


def test_every_rule_kind_is_documented():
    for rule_id in load_rules(ROOT / "rules"):
        assert f"`{rule_id}`" in README, rule_id


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check -e \".[test]\"" in ci
    assert ".venv/bin/pytest -q" in ci
