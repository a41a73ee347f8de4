"""One notation per language: money with its currency, numbers, percentages, dates, units."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from audit.core.i18n import (
    LABELS,
    LANGUAGES,
    Money,
    format_eur,
    format_figures,
    format_money,
    format_number,
    format_percent,
    format_unit,
    format_value,
)
from audit.core.rule_model import TEMPLATE_FIELD, Texts, fill
from audit.models import Address
from audit.rules.loader import load_rules


@pytest.mark.parametrize("lang, money, dollars, number, percent, day, unit", [
    ("nl", "€ 76.407,75", "US$ 1.250,00", "1.234,5", "2,5 %", "31-12-2026", "per werkdag"),
    ("en", "€76,407.75", "$1,250.00", "1,234.5", "2.5%", "2026-12-31", "per working day"),
])
def test_each_language_has_one_notation(lang: str, money: str, dollars: str, number: str,
                                        percent: str, day: str, unit: str) -> None:
    assert format_eur(Decimal("76407.75"), lang) == money
    assert format_value(Money(Decimal("76407.75")), lang) == money
    assert format_money(Decimal("1250"), lang, "USD") == dollars, "a dollar stays a dollar"
    assert format_value(Money(Decimal("1250"), "USD"), lang) == dollars
    assert format_number(Decimal("1234.5"), lang) == format_value(Decimal("1234.5"), lang) \
        == number
    assert format_percent(Decimal("2.5"), lang) == percent
    assert format_value(date(2026, 12, 31), lang) == day
    assert f"per {format_unit('working_day', lang)}" == unit


def test_agreed_cents_are_kept_and_money_rounds_half_up() -> None:
    assert format_value(Decimal("43.50"), "nl") == "43,50"
    assert format_value(30, "en") == "30"
    assert format_eur(Decimal("2000.005"), "nl") == "€ 2.000,01"
    assert format_eur(Decimal("-665.25"), "en") == "-€665.25"
    assert format_eur(None, "nl") == ""


def test_tiers_addresses_and_yes_no_read_as_words() -> None:
    tiers = ((Decimal("500000"), Decimal("2")), (Decimal("1000000"), Decimal("3.5")))
    assert format_value(tiers, "nl") == "vanaf € 500.000,00: 2 %; vanaf € 1.000.000,00: 3,5 %"
    assert format_value(tiers, "en") == "from €500,000.00: 2%; from €1,000,000.00: 3.5%"
    address = Address("Havenweg", "12a", "3011 AB", "Rotterdam")
    assert format_value(address, "nl") == "Havenweg 12a, 3011 AB Rotterdam"
    assert (format_value(True, "nl"), format_value(False, "en")) == ("ja", "no")
    assert "(" not in format_value(tiers, "en") and "Decimal" not in format_value(tiers, "en")


def test_an_unknown_language_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'; valid: nl, en"):
        format_value(Decimal(1), "de")


def test_every_label_exists_in_both_languages() -> None:
    keys = {lang: set(LABELS[lang]) for lang in LANGUAGES}
    assert keys["nl"] == keys["en"], keys["nl"] ^ keys["en"]
    for lang in LANGUAGES:
        empty = [k for k, v in LABELS[lang].items() if not v.strip()]
        assert not empty, (lang, empty)


@pytest.mark.parametrize("lang, text", [
    ("nl", "Afgesproken 43,50 per werkdag tot 31-12-2026: € 1.250,00 te veel, {unknown}"),
    ("en", "Afgesproken 43.50 per working day tot 2026-12-31: €1,250.00 te veel, {unknown}"),
])
def test_a_rule_text_is_filled_with_values_for_its_language(lang: str, text: str) -> None:
    template = "Afgesproken {price} per {period} tot {end}: {amount} te veel, {unknown}"
    params = {"price": Decimal("43.50"), "period": format_unit("working_day", lang),
              "end": date(2026, 12, 31), "amount": Money(Decimal("1250"))}
    assert fill(template, params, lang) == text


def _texts(node: object) -> list[Texts]:
    if isinstance(node, Texts):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _texts(v)]
    return []


def test_every_rule_text_an_owner_reads_exists_in_both_languages() -> None:
    rules = load_rules(Path(__file__).resolve().parents[2] / "rules")
    assert rules
    for rule in rules.values():
        texts = [*_texts(rule.action), *_texts(rule.messages), *_texts(rule.impact)]
        assert texts, rule.id
        for text in texts:
            assert text.nl.strip() and text.en.strip(), rule.id
            names = {lang: set(TEMPLATE_FIELD.findall(text.get(lang))) for lang in LANGUAGES}
            assert names["nl"] == names["en"], (rule.id, names)
        for title in (rule.title.nl, rule.title.en):  # shown instead of the id
            assert title.strip() and "_" not in title, rule.id


@pytest.mark.parametrize(("text", "nl", "en"), [
    ("43.50", "43,50", "43.50"),
    ("54136.99", "54.136,99", "54,136.99"),
    ("1% per working_day, max 10%", "1% per werkdag, max 10%", "1% per working day, max 10%"),
    ("no orders after 2026-06-30", "no orders after 30-06-2026", "no orders after 2026-06-30"),
    ("BT.6102-10", "BT.6102-10", "BT.6102-10"),  # an item code is not a number
    ("€ 1.234,56", "€ 1.234,56", "€ 1.234,56"),  # already written for people
    ("2026-02-31", "2026-02-31", "2026-02-31"),  # not a date: left as it is
])
def test_figures_a_check_wrote_as_text_read_in_the_language(text: str, nl: str, en: str) -> None:
    assert format_figures(text, "nl") == nl
    assert format_figures(text, "en") == en


def test_an_article_number_in_a_template_stays_an_article() -> None:
    params = {"article": "4.1", "expected": "8.25"}
    assert fill("artikel {article}: {expected}", params, "nl") == "artikel 4.1: 8,25"


@pytest.mark.parametrize(("text", "unit", "lang", "shown"), [
    ("43.50", "EUR", "nl", "€ 43,50"),
    ("43.50", "EUR", "en", "€43.50"),
    ("18518.13", "EUR", "nl", "€ 18.518,13"),
    ("43.50", "", "nl", "43,50"),  # no unit known: a number, no currency guessed
    ("1% per working_day", "EUR", "nl", "1% per werkdag"),  # a text stays a text
])
def test_an_expected_or_actual_figure_in_euros_reads_as_money(text, unit, lang, shown):
    from audit.core.i18n import format_figure

    assert format_figure(text, unit, lang) == shown
