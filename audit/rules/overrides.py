"""The controller's corrections (terms_overrides.yaml): fix, pin or drop a term; they persist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from audit.core.yamlfile import line_of, load_yaml, validate
from audit.errors import AuditError, Location, MultipleErrors, RuleError
from audit.models import Clause, ContractDoc, Term, TermValue
from audit.rules.coerce import coerce, parameter_kind, parameter_names
from audit.rules.schema import Rule
from audit.rules.values import UNITS

OVERRIDE_CONFIDENCE = 1.0


class Override(BaseModel):
    """One correction: set `parameter` of the customer's term to `value` (or drop the term)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    customer_id: str
    rule_id: str
    subject: str = ""  # the item for agreed_prices
    parameter: str | None = None
    value: Any = None
    remove: bool = False  # the clause is not an agreement: drop the term
    valid_from: date | None = None  # with valid_to: the value holds over that time only, so an
    valid_to: date | None = None  # amendment is pinned as two values one after the other
    by: str
    reason: str


class OverrideFile(BaseModel):
    """terms_overrides.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    overrides: list[Override] = Field(default_factory=list)


def load_overrides(path: Path, rules: dict[str, Rule]) -> list[Override]:
    """Read and validate the corrections file; a missing file means no corrections."""
    if not path.exists():
        return []
    data = load_yaml(path, RuleError) or {}
    parsed, errors = validate(OverrideFile, {**data, "overrides": []}, path, RuleError,
                              root=data)
    overrides: list[Override] = []
    for i, item in enumerate(data.get("overrides") or []):  # each item on its own: all errors
        one, item_errors = validate(Override, item, path, RuleError, root=data,
                                    prefix=("overrides", i))
        errors += item_errors
        if one is not None:
            where = Location(str(path), line=line_of(data, ("overrides", i, "rule_id")),
                             key=f"overrides.{i}")
            errors += _check_against_rules(one, rules, where)
            overrides.append(one)
    if errors:
        raise MultipleErrors(errors, RuleError)
    return overrides


def _check_against_rules(o: Override, rules: dict[str, Rule], where: Location
                         ) -> list[AuditError]:
    """The rule and parameter exist, and the value has the parameter's type."""
    rule = rules.get(o.rule_id)
    if rule is None:
        return [RuleError(f"unknown rule_id '{o.rule_id}'; valid: {', '.join(sorted(rules))}",
                          where)]
    if o.remove:
        return []
    if parameter_kind(rule, o.parameter or "") is None:
        return [RuleError(f"rule {o.rule_id} has no value '{o.parameter}'; valid: "
                          f"{', '.join(parameter_names(rule))}", where)]
    if o.valid_from and o.valid_to and o.valid_to < o.valid_from:
        return [RuleError(f"valid_to {o.valid_to} is before valid_from {o.valid_from}", where)]
    try:
        coerce(rule, o.parameter or "", o.value)
    except ValueError as e:
        return [RuleError(str(e), where)]
    return []


def apply_overrides(terms: list[Term], overrides: list[Override], rules: dict[str, Rule],
                    path: Path) -> list[Term]:
    """Terms with the corrections applied; a correction without a term pins a new one."""
    out = list(terms)
    for o in overrides:
        same = [i for i, t in enumerate(out) if _targets(o, t)]
        note = f"override by {o.by}: {o.reason}"
        if o.remove:
            out = [t for i, t in enumerate(out) if i not in same]
            continue
        value = TermValue(o.parameter or "", coerce(rules[o.rule_id], o.parameter or "",
                                                   o.value), _unit(rules[o.rule_id], o))
        for i in same:
            values = tuple(value if v.parameter == o.parameter else v for v in out[i].values)
            if all(v.parameter != o.parameter for v in values):
                values += (value,)
            out[i] = replace(out[i], values=values, confidence=OVERRIDE_CONFIDENCE, override=note)
        if not same:
            out.append(_pinned(o, value, note, path))
    return out


def _targets(o: Override, term: Term) -> bool:
    """The correction is about this term: same customer, rule and subject, and, when it is
    dated, the same validity (an amendment's two values stay two terms)."""
    if (term.customer_id, term.rule_id, term.subject) != (o.customer_id, o.rule_id, o.subject):
        return False
    dated = o.valid_from is not None or o.valid_to is not None
    return not dated or (term.valid_from, term.valid_to) == (o.valid_from, o.valid_to)


def _unit(rule: Rule, o: Override) -> str:
    return UNITS.get(parameter_kind(rule, o.parameter or "") or "", "")


def _pinned(o: Override, value: TermValue, note: str, path: Path) -> Term:
    doc = ContractDoc(path=path, sha256="", pages=(), customer_id=o.customer_id,
                      effective_date=o.valid_from)
    clause = Clause(doc=doc, article="override", heading="", text=note, page=0)
    return Term(o.customer_id, o.rule_id, (value,), clause, OVERRIDE_CONFIDENCE,
                subject=o.subject, valid_from=o.valid_from, valid_to=o.valid_to, override=note)
