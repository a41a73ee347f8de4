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


def _scheduler_lines() -> dict[str, str]:
    starts = {"systemd": "ExecStart=", "cron": "0 6 1 * * ", "schtasks": "schtasks /Create"}
    return {name: next(line for line in README.splitlines() if line.startswith(start))
            for name, start in starts.items()}


def test_scheduler_lines_call_real_commands_and_options():
    """systemd, cron and Windows Task Scheduler each start the venv's contract-audit with a
    command and options the CLI has; the monthly ones change to the project folder first."""
    import re

    import typer.main

    cli = typer.main.get_command(app)
    lines = _scheduler_lines()
    venv_exe = {"systemd": "/.venv/bin/contract-audit ", "cron": ".venv/bin/contract-audit ",
                "schtasks": r".venv\Scripts\contract-audit.exe "}
    for name, line in lines.items():
        assert venv_exe[name] in line, name
        called = line.split(venv_exe[name], 1)[1].split(">>")[0].strip().strip('"').split()
        command = cli.commands[called[0]]  # KeyError: no such command
        options = {o for p in command.params for o in getattr(p, "opts", ())}
        for word in called[1:]:
            if word.startswith("--"):
                assert word in options, (name, word)
    assert "cd /opt/contract-audit &&" in lines["cron"]
    schtasks = lines["schtasks"]
    assert re.search(r"/SC MONTHLY /D 1 /ST \d\d:\d\d ", schtasks)
    assert "cd /d C:\\contract-audit &&" in schtasks
