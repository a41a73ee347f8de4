"""The value grammar, one table per form: numbers, money, percentages, durations, dates."""

from datetime import date
from decimal import Decimal

import pytest

from audit.core.dates import dates, day_month
from audit.core.grammar import decimal_of, durations, money, numbers, percents


@pytest.mark.parametrize(("text", "value"), [
    ("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("12,50", "12.50"), ("12.50", "12.50"),
    ("500,-", "500"), ("10.000", "10000"), ("10,000", "10000"), ("0,125", "0.125"),
    ("2.345.678", "2345678"), ("7,5", "7.5"), ("1\u00a0250,00", "1250.00"),
])
def test_digits_read_by_their_shape(text, value):
    assert decimal_of(text) == Decimal(value)


@pytest.mark.parametrize(("text", "lang", "value", "ordinal"), [
    ("zeventien", "nl", 17, False),
    ("vijfenveertig", "nl", 45, False),
    ("tweehonderdvijftig", "nl", 250, False),
    ("drieduizend vijfhonderd", "nl", 3500, False),
    ("twee miljoen", "nl", 2_000_000, False),
    ("seventy-two", "en", 72, False),
    ("one hundred and twenty", "en", 120, False),
    ("four million", "en", 4_000_000, False),
    ("sixty (60)", "en", 60, False),
    ("acht (8)", "nl", 8, False),
    ("derde", "nl", 3, True),
    ("zevende", "nl", 7, True),
    ("7e", "nl", 7, True),
    ("12de", "nl", 12, True),
    ("ninth", "en", 9, True),
    ("sixth (6th)", "en", 6, True),
    ("3rd", "en", 3, True),
    ("2,5 miljoen", "nl", 2_500_000, False),
])
def test_numbers_in_digits_words_and_ordinals(text, lang, value, ordinal):
    found = numbers(text, lang)
    assert [(n.value, n.ordinal) for n in found] == [(Decimal(value), ordinal)]
    assert (found[0].start, found[0].end) == (0, len(text))


@pytest.mark.parametrize(("text", "lang", "n", "unit", "minutes"), [
    ("een half uur", "nl", "0.5", "hours", 30),
    ("anderhalf uur", "nl", "1.5", "hours", 90),
    ("vier en een half uur", "nl", "4.5", "hours", 270),
    ("twee kwartier", "nl", "2", "quarter_hours", 30),
    ("een kwartier", "nl", "1", "quarter_hours", 15),
    ("half an hour", "en", "0.5", "hours", 30),
    ("three and a half hours", "en", "3.5", "hours", 210),
    ("an hour", "en", "1", "hours", 60),
    ("45 min.", "nl", "45", "minutes", 45),
    ("ten minutes", "en", "10", "minutes", 10),
])
def test_clock_durations(text, lang, n, unit, minutes):
    [d] = durations(text, lang)
    assert (d.n, d.unit, d.minutes()) == (Decimal(n), unit, minutes)


@pytest.mark.parametrize(("text", "lang", "unit", "n", "ordinal", "days"), [
    ("binnen negen weken", "nl", "weeks", 9, False, 63),
    ("twee maanden", "nl", "months", 2, False, 60),
    ("21 kalenderdagen", "nl", "days", 21, False, 21),
    ("sixty (60) calendar days", "en", "days", 60, False, 60),
    ("twelve (12) business days", "en", "working_days", 12, False, None),
    ("op de zesde werkdag", "nl", "working_days", 6, True, None),
    ("the third (3rd) working day", "en", "working_days", 3, True, None),
    ("de eerstvolgende werkdag", "nl", "working_days", 1, True, None),
    ("the following business day", "en", "working_days", 1, True, None),
    ("3 tot 6 werkdagen", "nl", "working_days", 6, False, None),
    ("7-10 business days", "en", "working_days", 10, False, None),
    ("anderhalve week", "nl", "weeks", Decimal("1.5"), False, 10),
    ("vijf jaar", "nl", "years", 5, False, 1825),
    # a number word joined to its unit by a hyphen
    ("for successive one-year periods", "en", "years", 1, False, 365),
    ("a forty-five-day cure period", "en", "days", 45, False, 45),
])
def test_calendar_durations(text, lang, unit, n, ordinal, days):
    [d] = durations(text, lang)
    assert (d.unit, d.n, d.ordinal, d.days()) == (unit, Decimal(n), ordinal, days)


@pytest.mark.parametrize("text", ["tussen 09.30 uur en 11.00 uur", "vanaf 13:00 uur",
                                  "artikel 14 lid 2", "per 1 juli"])
def test_no_duration_in_times_of_day_and_references(text):
    assert durations(text, "nl") == []


@pytest.mark.parametrize(("text", "unit", "n"), [
    ("te voldoen binnen 21 dgn. na dagtekening", "days", 21),
    ("opzegging met inachtneming van 4 mnd", "months", 4),
    ("levering binnen 3 wkn na bestelling", "weeks", 3),
])
def test_abbreviated_units(text, unit, n):
    assert [(d.unit, d.n) for d in durations(text, "nl")] == [(unit, Decimal(n))]


@pytest.mark.parametrize("text", ["levering van 12 mndverpakkingen", "artikelcode 21 dgnx"])
def test_an_abbreviation_inside_a_word_is_no_unit(text):
    assert durations(text, "nl") == []


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("€ 3.750,-", "3750", "EUR"),
    ("EUR 12,345.60", "12345.60", "EUR"),
    ("€ 0,85", "0.85", "EUR"),
    ("4.200 euro", "4200", "EUR"),
    ("EUR 1,2 miljoen", "1200000", "EUR"),
    ("$ 75,000", "75000", "USD"),
    ("US$ 9.99", "9.99", "USD"),
    ("USD 40,000.00", "40000.00", "USD"),
    ("15,000 US dollars", "15000", "USD"),
    ("£ 2,000", "2000", "GBP"),
    ("CHF 800", "800", "CHF"),
    # thousands grouped by an ordinary space, as typed
    ("€ 1 250,-", "1250", "EUR"),
    ("EUR 12 500,00", "12500.00", "EUR"),
    ("3 400 euro", "3400", "EUR"),
    ("US$ 2 500.50", "2500.50", "USD"),
])
def test_money_keeps_its_currency(text, amount, currency):
    [m] = money(f"een bedrag van {text} per jaar")
    assert (m.amount, m.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", ["artikel 3 250 stuks", "in 2 400 dozen van artikel 7"])
def test_numbers_apart_without_a_currency_are_no_amount(text):
    assert money(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("7,5%", "7.5"), ("0,15 %", "0.15"), ("vier procent", "4"), ("12 percent", "12"),
    ("2.25 per cent", "2.25"), ("one percent", "1"),
])
def test_percentages(text, value):
    [p] = percents(f"een korting van {text} op de lijstprijs")
    assert p.value == Decimal(value)


@pytest.mark.parametrize(("text", "lang", "value"), [
    # a worded percentage with its figure in brackets, as US drafting writes it: one percentage
    ("a credit of two and a half percent (2.5%) of the order value", "en", ["2.5"]),
    ("een bonus van drie procent (3 %) over de jaaromzet", "nl", ["3"]),
    # a figure in brackets that says something else stays a percentage of its own
    ("een bonus van 2% (3% vanaf 2027) over de jaaromzet", "nl", ["2", "3"]),
])
def test_a_worded_percentage_and_its_bracketed_figure_are_one(text, lang, value):
    assert [str(p.value) for p in percents(text, lang)] == value


@pytest.mark.parametrize(("text", "lang", "day"), [
    ("17 augustus 2026", "nl", date(2026, 8, 17)),
    ("3 okt. 2027", "nl", date(2027, 10, 3)),
    ("17-08-2026", "nl", date(2026, 8, 17)),
    ("17.08.2026", "nl", date(2026, 8, 17)),
    ("2026-08-17", "nl", date(2026, 8, 17)),
    ("August 17, 2026", "en", date(2026, 8, 17)),
    ("August 17. 2026", "en", date(2026, 8, 17)),
    ("17th of August 2026", "en", date(2026, 8, 17)),
    ("the seventeenth day of August, 2026", "en", date(2026, 8, 17)),
    ("8/17/2026", "en", date(2026, 8, 17)),
])
def test_dates(text, lang, day):
    assert [d.day for d in dates(f"signed on {text} by both", lang)] == [day]


@pytest.mark.parametrize(("text", "value"), [
    ("per 1 oktober", "01-10"), ("with effect from 1 April each year", "01-04"),
    ("as of March 15", "15-03"), ("op 31 februari", None), ("per 1 oktober 2026", None),
    ("once a year, effective January 1, by", "01-01"), ("adjusted each July 1st", "01-07"),
    ("telkens ingaande 1 maart", "01-03"),
])
def test_yearly_day_and_month(text, value):
    assert day_month(text) == value
