"""The rule model in the core: the value types a rule may name, each with its unit, and a reader
in rules/ for every one of them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from audit.core.rule_model import VALUE_UNITS, ValueSpec
from audit.rules.values import READERS


def test_every_value_type_has_a_reader_and_every_reader_a_type() -> None:
    assert set(READERS) == set(VALUE_UNITS)


@pytest.mark.parametrize("kind, unit", [
    ("money", "EUR"), ("working_days", "working days"), ("quantity", "pieces"), ("date", "")])
def test_a_value_counts_in_the_unit_of_its_type(kind: str, unit: str) -> None:
    assert ValueSpec(name="value", type=kind).unit == unit


def test_a_value_type_no_reader_knows_is_refused_listing_the_valid_ones() -> None:
    with pytest.raises(ValidationError) as info:
        ValueSpec(name="value", type="weeks")
    assert "'days', 'working_days'" in str(info.value)
