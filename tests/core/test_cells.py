"""A value as a table's cell: a text never runs as a spreadsheet formula, a term value reads
as plain text (the report's files and the command line's listings write both)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from audit.core.cells import neutralise, render_value


@pytest.mark.parametrize("text, cell", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("+31 6 1234", "'+31 6 1234"),
    ("\tname", "'\tname"),
    ("-12.50", "-12.50"),  # an amount, not a formula
    ("-", "-"),  # a blank
    ("Van Dijk", "Van Dijk"),
    ("", ""),
])
def test_a_text_a_spreadsheet_would_run_is_made_inert(text: str, cell: str) -> None:
    assert neutralise(text) == cell


def test_a_value_that_is_no_text_is_left_alone() -> None:
    assert neutralise(Decimal("-3")) == Decimal("-3") and neutralise(None) is None


def test_a_term_value_is_never_a_python_repr() -> None:
    tiers = ((Decimal("500000"), Decimal("2")), (Decimal("1000000"), Decimal("3.5")))
    assert render_value(tiers, ",") == "500000: 2; 1000000: 3,5"
    assert render_value(Decimal("43.50"), ",") == "43,50"
    assert render_value(True) == "true"
    assert render_value(date(2026, 7, 1)) == "2026-07-01" and render_value(None) == ""
    assert "Decimal" not in render_value([Decimal("1.5"), Decimal("2")])
