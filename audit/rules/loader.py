"""rules/*.yaml -> validated Rule objects; every error of every file reported at once."""

from __future__ import annotations

from pathlib import Path

from audit.core.yamlfile import load_yaml, validate
from audit.errors import AuditError, Location, MultipleErrors, RuleError
from audit.rules.schema import Rule


def load_rules(folder: Path) -> dict[str, Rule]:
    """Load every rule file in `folder`; raise once with all errors, each naming file and key."""
    if not folder.is_dir():
        raise RuleError(f"rules folder not found: {folder} (set rules_dir in config.yaml)")
    rules: dict[str, Rule] = {}
    errors: list[AuditError] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            rule = load_rule(path)
        except MultipleErrors as e:
            errors.extend(e.errors)
            continue
        except RuleError as e:
            errors.append(e)
            continue
        if rule.id in rules:
            errors.append(RuleError(f"duplicate rule id '{rule.id}'", Location(str(path), key="id")))
        rules[rule.id] = rule
    if errors:
        raise MultipleErrors(errors, RuleError)
    if not rules:
        raise RuleError(f"no rule files (*.yaml) in {folder}")
    return rules


def load_rule(path: Path) -> Rule:
    """Load and validate one rule file; its id must match the file name."""
    data = load_yaml(path, RuleError)
    if not isinstance(data, dict):
        raise RuleError("a rule file must hold a mapping of keys", Location(str(path)))
    rule, errors = validate(Rule, data, path, RuleError)
    if errors:
        raise MultipleErrors(errors, RuleError)
    assert rule is not None
    if rule.id != path.stem:
        raise RuleError(
            f"rule id '{rule.id}' differs from the file name '{path.stem}'",
            Location(str(path), key="id"),
        )
    return rule
