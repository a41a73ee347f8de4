"""Values read from clause texts: numbers in words, notations, units, addresses, price tables."""

from decimal import Decimal
from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc, Table
from audit.parse import decimal_value, find_dates, find_money, number_value
from audit.rules.values import read_value


def clause(text: str, lang: str = "nl", tables: tuple[Table, ...] = ()) -> Clause:
    doc = ContractDoc(path=Path("c.pdf"), sha256="", pages=(), language=lang)
    return Clause(doc=doc, article="4.1", heading="Levering", text=text, page=2, tables=tables)


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1.234,56", "nl", Decimal("1234.56")),
    ("1,234.56", "en", Decimal("1234.56")),
    ("12,50", "nl", Decimal("12.50")),
    ("12.50", "en", Decimal("12.50")),
    ("500,-", "nl", Decimal("500")),
    ("10.000", "nl", Decimal("10000")),
    ("10,000", "en", Decimal("10000")),
])
def test_decimal_notation(text, lang, value):
    assert decimal_value(text, lang) == value


@pytest.mark.parametrize(("text", "value"), [
    ("dertig (30)", 30), ("thirty", 30), ("vijfenveertig", 45), ("forty-five", 45),
    ("één", 1), ("twee", 2), ("14", 14),
])
def test_number_words(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize(("kind", "text", "lang", "value"), [
    ("days", "Betaling binnen dertig (30) dagen na factuurdatum.", "nl", 30),
    ("days", "Invoices are payable within sixty (60) days after the invoice date.", "en", 60),
    ("days", "Betaling binnen 14 kalenderdagen.", "nl", 14),
    ("working_days", "Levering binnen 5 werkdagen na orderdatum.", "nl", 5),
    ("working_days", "within three (3) business days of the order", "en", 3),
    ("working_days", "Betaling binnen 30 dagen.", "nl", None),
    ("days", "Levering binnen 5 werkdagen.", "nl", None),
    ("minutes", "De chauffeur belt één uur voor aflevering.", "nl", 60),
    ("minutes", "telefonisch contact 30 minuten voor aflevering", "nl", 30),
    ("minutes", "call the Customer half an hour before delivery", "en", 30),
    ("minutes", "call two hours before delivery", "en", 120),
    ("time_window", "Aflevering tussen 7:00 en 16.30 uur.", "nl", "07:00-16:30"),
    ("percent", "een bonus van 2,5% over de jaaromzet", "nl", Decimal("2.5")),
    ("money", "Franco vanaf € 1.000,- orderwaarde", "nl", Decimal("1000")),
    ("money", "free delivery above EUR 1,250.00", "en", Decimal("1250.00")),
])
def test_read_value(kind, text, lang, value):
    assert read_value(kind, clause(text, lang), lang) == value


def test_address_is_read_with_postcode_and_number():
    address = read_value("address", clause("Afleveradres: Industrieweg 12a, 5048AB Tilburg."), "nl")
    assert (address.street, address.house_number, address.postcode, address.city) == (
        "Industrieweg", "12a", "5048 AB", "Tilburg")


def test_price_table_from_annex_table_and_from_text():
    table = Table(5, (("Artikelnummer", "Omschrijving", "Prijs per stuk"),
                      ("A-100", "Doos 40x30x30", "€ 12,50"), ("A-101", "Folie", "€ 1.234,50")))
    assert read_value("price_table", clause("Prijsbijlage", tables=(table,)), "nl") == {
        "A-100": Decimal("12.50"), "A-101": Decimal("1234.50")}
    text = "Met ingang van 1 juni 2026 bedraagt de prijs voor artikel A-100 € 11,75 per stuk."
    assert read_value("price_table", clause(text), "nl") == {"A-100": Decimal("11.75")}


def test_dates_and_money_in_both_notations():
    assert [d.isoformat() for d in find_dates("met ingang van 1 maart 2026 tot 31-12-2026")] == [
        "2026-03-01", "2026-12-31"]
    assert [d.isoformat() for d in find_dates("effective March 1, 2026")] == ["2026-03-01"]
    assert find_money("€ 1.234,56 of EUR 99,-") == [Decimal("1234.56"), Decimal("99")]
    assert find_money("EUR 1,234.56", "en") == [Decimal("1234.56")]
