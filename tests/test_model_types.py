"""The enum fields of the values between stages: a text becomes its member, a wrong one fails
naming the field and the valid values; written out, a member is its plain text."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from audit.errors import Problem, ProblemSeverity
from audit.models import Deviation, DeviationKind, OwnerState, Severity, Status


def deviation(**fields: object) -> Deviation:
    return Deviation("C9", "lead_time", fields.pop("kind", "execution"), "late", "d", "5", "7",
                     **fields)  # type: ignore[arg-type]


def test_texts_become_members_and_write_as_plain_text() -> None:
    d = deviation(severity="high", status="recurring", owner_state="still_found")
    assert d.kind is DeviationKind.EXECUTION and d.severity is Severity.HIGH
    assert d.status is Status.RECURRING and d.owner_state is OwnerState.STILL_FOUND
    assert f"{d.kind};{d.status}" == "execution;recurring"
    assert json.dumps([d.severity, d.owner_state]) == '["high", "still_found"]'
    assert replace(d, status="resolved").status is Status.RESOLVED
    assert deviation().owner_state is OwnerState.NONE and str(deviation().owner_state) == ""


@pytest.mark.parametrize("field, value, valid", [
    ("kind", "executed", "'registration', 'execution'"),
    ("severity", "urgent", "'high', 'medium', 'low'"),
    ("status", "open", "'new', 'recurring', 'resolved', 'reopened'"),
])
def test_a_wrong_value_is_refused_naming_field_and_valid_values(field: str, value: str,
                                                                valid: str) -> None:
    with pytest.raises(ValueError, match=f"{field} must be one of {valid}, got '{value}'"):
        deviation(**{field: value})


def test_a_problem_severity_is_its_member() -> None:
    problem = Problem("erp", "a row left out", severity="warning")
    assert problem.severity is ProblemSeverity.WARNING and f"{problem.severity}" == "warning"
    with pytest.raises(ValueError):
        Problem("erp", "x", severity="fatal")
