"""Period arithmetic, in one place: parse a label, the month of a day, shift, months between."""

from __future__ import annotations

from datetime import date

import pytest

from audit.models import Period


def test_a_label_is_its_month_with_the_window_up_to_its_end() -> None:
    period = Period.parse("2024-02", lookback_months=12)
    assert (period.start, period.end) == (date(2024, 2, 1), date(2024, 2, 29))  # leap year
    assert period.lookback_start == date(2023, 3, 1) and period.lookback_months == 12


def test_shift_crosses_years_and_keeps_the_window() -> None:
    period = Period.parse("2026-01", lookback_months=13)
    earlier = period.shift(-2)
    assert earlier.label == "2025-11" and earlier.end == date(2025, 11, 30)
    assert earlier.lookback_months == 13 and earlier.lookback_start == date(2024, 11, 1)
    assert period.shift(12).label == "2027-01" and period.shift(0) == period


def test_months_until_and_the_month_of_a_day() -> None:
    assert Period.parse("2025-11").months_until(Period.parse("2026-02")) == 3
    assert Period.parse("2026-02").months_until(Period.parse("2025-11")) == -3
    assert Period.containing(date(2026, 3, 1)).shift(-1).label == "2026-02"
    assert Period.containing(date(2026, 1, 2)).shift(-1).label == "2025-12"


def test_a_run_without_a_period_audits_the_month_before_today() -> None:
    assert Period.before(date(2026, 1, 2)).label == "2025-12"
    assert Period.before(date(2026, 3, 31), lookback_months=12).lookback_start == date(2025, 3, 1)


@pytest.mark.parametrize("label", ["2026-13", "2026/10", "oktober", "2026-10-01", ""])
def test_anything_but_yyyy_mm_is_refused_naming_the_form(label: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        Period.parse(label)


def test_a_period_option_not_yyyy_mm_stops_the_run_naming_the_form(sample_config) -> None:
    from typer.testing import CliRunner

    from audit.cli import app

    result = CliRunner().invoke(app, ["run", "--config", str(sample_config()), "--period",
                                      "oktober"])
    assert result.exit_code == 1, result.output
    assert "--period must look like YYYY-MM, got 'oktober'" in result.output
