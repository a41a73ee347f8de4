"""rules/*.yaml -> validated Rule objects; every error of every file reported at once."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from audit.core.yamlfile import line_of, load_model
from audit.errors import AuditError, Location, MultipleErrors, RuleError
from audit.rules.schema import Rule


def load_rules(folder: Path, kinds: Collection[str] | None = None) -> dict[str, Rule]:
    """Load every rule file in `folder`; raise once with all errors, each naming file, line
    and key. With `kinds`: a rule of another kind is an error listing them."""
    if not folder.is_dir():
        raise RuleError(f"rules folder not found: {folder} (set rules_dir in config.yaml)")
    rules: dict[str, Rule] = {}
    errors: list[AuditError] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            rule = load_rule(path, kinds)
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


def load_rule(path: Path, kinds: Collection[str] | None = None) -> Rule:
    """Load and validate one rule file; its id must match the file name, its kind be known."""
    return load_model(path, Rule, RuleError, not_a_mapping="a rule file must hold a mapping of "
                      "keys", checks=lambda rule, data: _identity(rule, data, path, kinds))


def _identity(rule: Rule, data: Any, path: Path, kinds: Collection[str] | None
              ) -> list[AuditError]:
    """The id is the file name; the kind one the checks know (each error at its line)."""
    errors: list[AuditError] = []
    if rule.id != path.stem:
        errors.append(RuleError(f"rule id '{rule.id}' differs from the file name '{path.stem}'",
                                Location(str(path), line=line_of(data, ("id",)), key="id")))
    if kinds is not None and rule.check_kind not in kinds:
        key = "kind" if "kind" in data else "id"
        errors.append(RuleError(f"unknown kind '{rule.check_kind}'; valid: "
                                f"{', '.join(sorted(kinds))}",
                                Location(str(path), line=line_of(data, (key,)), key="kind")))
    return errors
