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
    from audit.checks import CHECKS
    from audit.pipeline import check_rules
    from audit.rules.matching import TermReader

    try:
        cfg = load_config(config)
        rules = check_rules(cfg)  # each of a known kind
        TermReader(rules)  # spaCy validates the token patterns
    except AuditError as e:
        raise fail(e, verbose) from None
    for rule_id, rule in sorted(rules.items()):
        side = CHECKS[rule.check_kind]
        checked = "checked" if side.registered or side.executed else "read only (no check yet)"
        console.print(f"ok  {rule_id:<22} {rule.title.en} — {checked}")
    console.print(f"{len(rules)} rule files valid")
