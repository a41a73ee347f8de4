"""Exact wordings of the special-agreement clauses, and date/money/number formatting for the
contract PDFs. The audit's rules are written against these sentences: change with care."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

PAYMENT = {
    "nl": (
        "Betaling geschiedt binnen {n} dagen na factuurdatum.",
        "Facturen dienen binnen {word} ({n}) dagen na factuurdatum te worden voldaan.",
        "De betalingstermijn bedraagt {n} dagen na factuurdatum.",
    ),
    "en": (
        "Payment shall be made within {n} days of the invoice date.",
        "Invoices are payable within {word} ({n}) days after the invoice date.",
    ),
}
LEAD_TIME = {
    "nl": (
        "Leverancier levert binnen {n} werkdagen na orderdatum.",
        "De levertijd bedraagt maximaal {n} werkdagen na ontvangst van de order.",
    ),
    "en": (
        "Delivery shall take place within {word} ({n}) working days of the order date.",
        "The lead time is {n} business days from the order date.",
    ),
}
CALL_AHEAD = {
    "nl": (
        "De chauffeur belt de Afnemer één uur voor aflevering.",
        "Leverancier neemt {n} minuten voor aflevering telefonisch contact op met de Afnemer.",
    ),
    "en": (
        "The driver shall call the Customer one hour before delivery.",
        "The carrier shall telephone the Customer {n} minutes prior to delivery.",
    ),
}
ADDRESS = {
    "nl": (
        "Afleveradres: {address}.",
        "Leveringen vinden plaats op het adres {address}.",
    ),
    "en": ("Delivery address: {address}.",),
}
# Sentences put before a key sentence in the same sub-clause, so that it wraps over lines.
PAYMENT_LEAD_IN = {
    "nl": "Leverancier stuurt per order één factuur na de laatste (deel)levering. ",
    "en": "The Supplier issues one invoice per order after the last (partial) delivery. ",
}
LEAD_TIME_LEAD_IN = {
    "nl": "Leverancier voert alle bestellingen uit vanuit het centrale magazijn in Tilburg. ",
    "en": "The Supplier ships all orders from its central warehouse in Tilburg. ",
}

WORDS = {
    "nl": {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 14: "veertien", 30: "dertig",
           45: "vijfenveertig", 60: "zestig"},
    "en": {2: "two", 3: "three", 4: "four", 5: "five", 14: "fourteen", 30: "thirty",
           45: "forty-five", 60: "sixty"},
}
MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def fill(template: str, lang: str, n: int | None = None, address: str = "") -> str:
    """A clause template with its number, number word and address filled in."""
    word = WORDS[lang].get(n, str(n)) if n is not None else ""
    return template.format(n=n, word=word, address=address)


def long_date(day: date, lang: str) -> str:
    """'1 januari 2024' / '1 January 2024'."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def money(amount: Decimal, lang: str) -> str:
    """'€ 1.234,50' (nl) or 'EUR 1,234.50' (en)."""
    text = f"{amount:,.2f}"
    if lang == "nl":
        return "€ " + text.replace(",", "#").replace(".", ",").replace("#", ".")
    return "EUR " + text
