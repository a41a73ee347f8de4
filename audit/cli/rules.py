"""`contract-audit rules ...`: work with the rule files without running an audit."""

from __future__ import annotations

import typer

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import load_config
from audit.errors import AuditError

rules_app = typer.Typer(help="Work with the rule files (rules/*.yaml).", no_args_is_help=True)


@rules_app.command("check")
def rules_check(config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False) -> None:
    """Validate the rule files without running an audit."""
    from audit.pipeline import validate_rules

    try:
        rules = validate_rules(load_config(config))
    except AuditError as e:
        raise fail(e, verbose) from None
    for rule in rules:
        checked = "checked" if rule.checked else "read only (no check yet)"
        console.print(f"ok  {rule.rule_id:<22} {rule.title} — {checked}")
    console.print(f"{len(rules)} rule files valid")
