"""Labels, money, dates and evidence in Dutch and English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from audit.core.i18n import (
    LABELS,
    format_date,
    format_eur,
    format_evidence,
    label,
    label_value,
    plain_decimal,
)


@pytest.mark.parametrize(
    ("amount", "nl", "en"),
    [
        (Decimal("1234.56"), "€ 1.234,56", "€1,234.56"),
        (Decimal("-123.4"), "€ -123,40", "-€123.40"),
        (Decimal("0"), "€ 0,00", "€0.00"),
        (Decimal("1250000"), "€ 1.250.000,00", "€1,250,000.00"),
        (Decimal("2000.005"), "€ 2.000,01", "€2,000.01"),  # half up, not banker's
        (None, "", ""),
    ],
)
def test_format_eur(amount: Decimal | None, nl: str, en: str) -> None:
    assert format_eur(amount, "nl") == nl
    assert format_eur(amount, "en") == en


def test_format_date() -> None:
    assert format_date(date(2026, 3, 7), "nl") == "07-03-2026"
    assert format_date(date(2026, 3, 7), "en") == "2026-03-07"
    assert format_date(None, "nl") == ""


def test_plain_decimal_keeps_precision() -> None:
    assert plain_decimal(Decimal("-123.40")) == "-123.40"
    assert plain_decimal(Decimal("1E+2")) == "100"
    assert plain_decimal(None) == ""


def test_labels_translate_kinds_and_statuses() -> None:
    assert label("nl", "registration") == "registratie"
    assert label("nl", "execution") == "uitvoering"
    assert label("en", "execution") == "execution"
    assert label_value("nl", "resolved") == "opgelost"
    assert label_value("nl", "high") == "hoog"
    assert label_value("nl", "something_else") == "something_else"
    assert label_value("nl", "owner") == "owner"  # a header key is not a data value


def test_both_languages_have_the_same_keys() -> None:
    assert set(LABELS["nl"]) == set(LABELS["en"])


def test_unknown_key_and_language_name_the_problem() -> None:
    with pytest.raises(KeyError, match="no label 'nope' for language 'nl'"):
        label("nl", "nope")
    with pytest.raises(ValueError, match="unknown language 'de'; valid: nl, en"):
        label("de", "owner")
    with pytest.raises(ValueError, match="unknown language"):
        format_eur(Decimal(1), "fr")


def test_format_evidence_shows_ten_then_counts_the_rest() -> None:
    docs = [f"INV-{n}" for n in range(1, 15)]
    assert format_evidence(docs, "en") == ", ".join(docs[:10]) + " and 4 more"
    assert format_evidence(docs, "nl").endswith("INV-10 en nog 4")
    assert format_evidence(docs[:10], "en") == ", ".join(docs[:10])
    assert format_evidence([], "en") == ""
