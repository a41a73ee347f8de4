"""Dates typed the Dutch way are accepted wherever the command line asks for a date."""

from __future__ import annotations

from datetime import date

import pytest

from audit.core.parse import typed_date
from tests.tracking.test_cli import cli, dev, tracked  # noqa: F401  (fixture)


@pytest.mark.parametrize("typed", ["31-12-2099", "31/12/2099", "31.12.2099", "2099-12-31",
                                   " 31-12-2099 ", "2099-12-31"])
def test_each_accepted_form_is_the_same_day(typed: str) -> None:
    assert typed_date(typed) == date(2099, 12, 31)


@pytest.mark.parametrize("typed", ["12/31/2099", "31-12-99", "morgen", "2099-02-30", "31-12/2099"])
def test_anything_else_is_refused_with_the_accepted_forms(typed: str) -> None:
    with pytest.raises(ValueError, match="31-12-2026, 31/12/2026"):
        typed_date(typed)


@pytest.mark.parametrize("typed", ["31-12-2099", "31/12/2099"])
def test_suppress_until_a_dutch_date(tracked, typed: str) -> None:  # noqa: F811
    config, _ = tracked
    a = dev("a").deviation_id
    code, output = cli("suppress", a, "--by", "Jan", "--reason", "agreed with sales",
                       "--until", typed, "--config", config)
    assert code == 0 and output == f"{a} suppressed by Jan until 2099-12-31: agreed with sales"


def test_suppress_with_a_wrong_date_names_the_option_and_the_forms(tracked) -> None:  # noqa: F811
    config, _ = tracked
    code, output = cli("suppress", dev("a").deviation_id, "--by", "Jan", "--reason", "r",
                       "--until", "12/31/2099", "--config", config)
    assert code == 2 and "--until" in output and "31/12/2026" in output, output
