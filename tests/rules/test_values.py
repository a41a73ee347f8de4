"""Values read from clause texts: numbers in words, notations, units, addresses, price tables."""

from decimal import Decimal
from pathlib import Path

import pytest

from audit.core.parse import decimal_value, find_dates, find_money, number_value
from audit.models import Clause, ContractDoc, Table
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
    # the trade's shorthand: days without the word
    ("days", "Terms: 2/10 net 30.", "en", 30),
    ("days", "Betalingsconditie: netto 21.", "nl", 21),
    ("days", "Net weight 30 kg per carton.", "en", None),
    ("cap_percent", "by the change in the CPI, not to exceed 3%", "en", Decimal("3")),
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


@pytest.mark.parametrize(("kind", "text", "lang", "value"), [
    # payment: weeks, a month (30 days), 'netto', words with figures
    ("days", "De factuur moet binnen acht weken na factuurdatum zijn voldaan.", "nl", 56),
    ("days", "Betaling uiterlijk één maand na de factuurdatum.", "nl", 30),
    ("days", "Betalingsvoorwaarde: netto 21 dagen.", "nl", 21),
    ("days", "Invoices are due net sixty (60) days from receipt.", "en", 60),
    ("days", "Bij betaling binnen 10 dagen 2% korting; anders netto 45 dagen.", "nl", 45),
    ("days", "Payment within 30 days; a 1.5% discount applies if paid within 7 days.", "en", 30),
    # lead time: ordinals, 'next', ranges, hedges keep their figure
    ("working_days", "Wij leveren op de derde werkdag na ontvangst van de bestelling.", "nl", 3),
    ("working_days", "Orders placed before 14:00 ship on the next business day.", "en", 1),
    ("working_days", "De levertijd is 3 tot 5 werkdagen.", "nl", 5),
    ("working_days", "Delivery by the second (2nd) working day after the order.", "en", 2),
    # call ahead: fractions and quarters, times of day are no duration
    ("minutes", "De chauffeur belt anderhalf uur voor aankomst.", "nl", 90),
    ("minutes", "Tussen 08.00 en 10.00 uur; de chauffeur meldt zich twee kwartier vooraf.", "nl", 30),
    ("minutes", "The driver phones at least 20 min. before arrival.", "en", 20),
    ("minutes", "notify the site manager no later than 3 hours before unloading", "en", 180),
    # commitments: one item, per quarter or month, a redacted figure
    ("quantity", "Afnemer neemt per kwartaal 1.200 rollen van artikel KX-44/7 af.", "nl", 1200),
    ("item", "Afnemer neemt per kwartaal 1.200 rollen van artikel KX-44/7 af.", "nl", "KX-44/7"),
    ("period", "Afnemer neemt per kwartaal 1.200 rollen van artikel KX-44/7 af.", "nl", "quarter"),
    ("period", "Customer purchases at least 300 cartons each calendar month.", "en", "month"),
    ("item", "minimum of 5,000 pieces of item group 77-PLN per year", "en", "77-PLN"),
    ("item", "Koper neemt per maand minstens 250 dozen tie-wraps TW/300-Z af.", "nl", "TW/300-Z"),
    ("item", "Koper neemt per maand minstens 250 dozen af.", "nl", None),
    ("quantity", "Buyer shall purchase no less than [***] units per Contract Year.", "en", None),
    ("discount_per_unit", "een korting van € 0,35 per stuk bij afname van 8.000 stuks", "nl",
     Decimal("0.35")),
    # penalties: a fixed amount per day with a cap in euros, or a percentage per day
    ("rate_amount", "Per dag vertraging is Leverancier € 40,- verschuldigd, maximaal € 400.", "nl",
     Decimal("40")),
    ("cap_amount", "Per dag vertraging is Leverancier € 40,- verschuldigd, maximaal € 400.", "nl",
     Decimal("400")),
    ("rate_amount", "a penalty of 1% per day late", "en", None),
    ("percent", "een boete van 0,5 % per kalenderdag, met een maximum van 8 %", "nl",
     Decimal("0.5")),
    ("cap_percent", "een boete van 0,5 % per kalenderdag, met een maximum van 8 %", "nl",
     Decimal("8")),
    ("per_unit", "een boete van 0,5 % per kalenderdag, met een maximum van 8 %", "nl", "day"),
    # indexation: cap, yearly date and index
    ("index_name", "Prijzen volgen de consumentenprijsindex (CPI), ten hoogste 4% per 1 april.",
     "nl", "consumentenprijsindex (CPI)"),
    ("cap_percent", "Prijzen volgen de consumentenprijsindex (CPI), ten hoogste 4% per 1 april.",
     "nl", Decimal("4")),
    ("day_month", "Prijzen volgen de consumentenprijsindex (CPI), ten hoogste 4% per 1 april.",
     "nl", "01-04"),
    ("index_name", "adjusted in line with the Producer Price Index, capped at 2%", "en",
     "Producer Price Index"),
    # free shipping and foreign money
    ("money", "geen transportkosten vanaf een nettofactuurbedrag van € 850", "nl", Decimal("850")),
    ("money", "orders above USD 3,000 ship free of charge", "en", None),
])
def test_values_the_checks_need(kind, text, lang, value):
    assert read_value(kind, clause(text, lang), lang) == value


def price_clause(*tables: Table) -> Clause:
    return clause("Prijsbijlage", tables=tables)


def test_price_table_columns_by_header_words_and_codes_in_any_position():
    table = Table(3, (
        ("Omschrijving", "Bestelcode", "Verpakking", "Bruto", "Korting %", "Netto"),
        ("Kabelgoot 60 mm", "KG/60-W", "per 25 st.", "€ 1.250,00", "10%", "€ 1.125,00"),
        ("Lasdop rood", "LD.2.R", "doos", "€ 8,40", "5%", ""),
    ))
    prices = read_value("price_table", price_clause(table), "nl")
    assert prices == {"KG/60-W": Decimal("1125.00"), "LD.2.R": Decimal("7.98")}
    assert prices.price_units == {"KG/60-W": 25}


@pytest.mark.parametrize("cell", ["€ 1.234,56", "1.234,56", "EUR 1,234.56", "1,234.56",
                                  "€ 1,234.56"])
def test_price_cells_in_every_notation(cell):
    table = Table(2, (("SKU", "Product", "Price"), ("Q-77", "Pump", cell)))
    assert read_value("price_table", price_clause(table), "en") == {"Q-77": Decimal("1234.56")}


def test_a_table_continued_without_header_keeps_its_columns():
    first = Table(4, (("Prijs", "Art.", "Eenheid"), ("12,40", "ZW-1", "per 100"),))
    more = Table(5, (("7,10", "ZW-2", "st."), ("3,05", "ZW-3", "per 100")))
    prices = read_value("price_table", price_clause(first, more), "nl")
    assert prices == {"ZW-1": Decimal("12.40"), "ZW-2": Decimal("7.10"),
                      "ZW-3": Decimal("3.05")}
    assert prices.price_units == {"ZW-1": 100, "ZW-3": 100}


def test_prices_in_another_currency_are_not_read():
    table = Table(2, (("Item", "Description", "Price (USD)"), ("P-1", "Valve", "4.50")))
    assert read_value("price_table", price_clause(table), "en") is None
    dollars = Table(2, (("Item", "Description", "Price"), ("P-1", "Valve", "$ 4.50")))
    assert read_value("price_table", price_clause(dollars), "en") is None


def test_rebate_tiers_from_a_small_table():
    table = Table(6, (("Jaaromzet", "Bonus"), ("€ 50.000 – € 150.000", "1,5%"),
                      ("vanaf € 150.000", "2,5%")))
    assert read_value("tiers", clause("Bonusstaffel", tables=(table,)), "nl") == (
        (Decimal("50000"), Decimal("1.5")), (Decimal("150000"), Decimal("2.5")))


@pytest.mark.parametrize("text", [
    "Afnemer neemt jaarlijks 2.000 stuks af, onverminderd artikel 7.3.",
    "Customer shall purchase 10,000 units per year as set out in Article 4.",
])
def test_a_clause_reference_is_no_item(text):
    assert read_value("item", clause(text), "nl") is None


def test_a_price_per_hundred_becomes_a_term_with_its_price_unit():
    from audit.rules.loader import load_rules
    from audit.rules.matching import TermReader

    table = Table(4, (("Nr.", "Artikel", "Prijs per 100 st."), ("RV-0090", "Ring", "€ 3,15"),
                      ("RV-0091", "Ring groot", "€ 4,20")))
    part = Clause(doc=clause("").doc, article="Bijlage 2", heading="Prijzen",
                  text="Prijzen exclusief btw.", page=5, tables=(table,))
    terms, _ = TermReader(load_rules(Path(__file__).parents[2] / "rules")).read(part, "K1")
    got = {t.subject: {v.parameter: v.value for v in t.values} for t in terms}
    assert got == {"RV-0090": {"unit_price": Decimal("3.15"), "price_unit": 100},
                   "RV-0091": {"unit_price": Decimal("4.20"), "price_unit": 100}}


def test_rebate_percentages_in_a_column_headed_as_such():
    table = Table(2, (("Turnover (EUR)", "Rebate %"), ("75,000", "1"), ("200,000", "2.5")))
    assert read_value("tiers", clause("Rebate", "en", tables=(table,)), "en") == (
        (Decimal("75000"), Decimal("1")), (Decimal("200000"), Decimal("2.5")))


@pytest.mark.parametrize(("text", "period"), [
    ("een bonus van 2% over de omzet boven € 80.000, uit te keren in het eerste kwartaal van "
     "het volgende jaar", "year"),
    ("een bonus van 1% over de omzet op kwartaalbasis", "quarter"),
    ("de afname per kwartaal bedraagt ten minste 200 stuks", "quarter"),
])
def test_a_quarter_named_by_its_place_is_a_time_not_the_period(text, period):
    assert read_value("period", clause(text), "nl") == period


# Payment terms as other drafters write them: the trade's 'net' in words, a day of a later month,
# a cash discount with no term beside it (days from a month's end: test_payment_basis.py).
@pytest.mark.parametrize(("text", "lang", "days"), [
    ("Payment terms are net forty-five.", "en", 45),
    ("Betalingsconditie: netto dertig.", "nl", 30),
    ("Net forty-five kg per drum.", "en", None),  # a weight, not a term
    # a day of the month after the invoice's month: a date, no number of days (the reader
    # says so: none, the rule reviews it)
    ("All amounts are payable in full no later than the 15th day of the month following the "
     "month of invoice.", "en", None),
    ("Facturen worden voldaan uiterlijk op de 10e dag van de maand volgend op de factuurmaand.",
     "nl", None),
    # the near miss: a day counted from the invoice date is read
    ("Invoices are payable within 30 days of the invoice date and state the end user's order "
     "number.", "en", 30),
    ("Invoices are payable on the 30th day after the invoice date.", "en", 30),
    # a cash discount alone is another agreement than the payment term; beside a term, the term
    ("Buyer may pay within ten (10) days of invoice and deduct a 2% prompt payment discount.",
     "en", None),
    ("A 2% discount applies if paid within 10 days, otherwise net 30.", "en", 30),
])
def test_days_of_a_payment_term_in_other_drafting(text, lang, days):
    assert read_value("days", clause(text, lang), lang) == days


@pytest.mark.parametrize(("text", "tiers"), [
    # each threshold's percentage in the part after it
    ("Where Net Purchases in a Contract Year exceed EUR 120,000 the rebate shall be 1%; where "
     "they exceed EUR 240,000, 2%; and where they exceed EUR 480,000, 3.5%.",
     [("120000", "1"), ("240000", "2"), ("480000", "3.5")]),
    # the percentage first, its threshold in the next part; a worded percentage with its figure
    ("A rebate of one and a half percent (1.5%), where annual purchases exceed €60,000.",
     [("60000", "1.5")]),
    # the near miss: a lone amount is not paired across a part about something else
    ("Orders below EUR 400 carry a handling fee, invoices are payable within 30 days and a "
     "rebate of 2% applies above EUR 90,000.", [("90000", "2")]),
])
def test_rebate_tiers_written_across_the_parts_of_a_sentence(text, tiers):
    found = read_value("tiers", clause(text, "en"), "en")
    assert [(str(a), str(p)) for a, p in found] == tiers


@pytest.mark.parametrize(("text", "cap"), [
    ("Prices shall not increase by more than the lesser of 3% and the change in the RPI.", "3"),
    ("De prijzen worden jaarlijks niet met meer dan 2,5% verhoogd.", "2.5"),
    ("Prices increase by 3% on 1 January.", None),  # a rise, not a maximum
])
def test_a_cap_written_as_by_more_than(text, cap):
    lang = "nl" if text.startswith("De ") else "en"
    found = read_value("cap_percent", clause(text, lang), lang)
    assert (str(found) if found is not None else None) == cap
