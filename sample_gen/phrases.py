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

# --- The further special agreements (volume, rebate, penalty, freight, indexation, term) ---
VOLUME_COMMITMENT = {
    "nl": (
        "Afnemer verplicht zich jaarlijks minimaal {qty} stuks af te nemen.",
        "Afnemer neemt per kalenderjaar ten minste {qty_word} ({qty}) stuks af.",
        "Afnemer verplicht zich tot een minimale jaaromzet van {amount},-.",
    ),
    "en": (
        "The Customer shall purchase a minimum of {qty} units per calendar year.",
    ),
}
VOLUME_REBATE = {
    "nl": (
        "Bij een jaaromzet vanaf {t1} ontvangt Afnemer een bonus van {p1}% over de jaaromzet.",
        "Afnemer ontvangt een jaarbonus volgens de staffel: {p1}% bij een jaaromzet vanaf {t1}, "
        "{p2}% vanaf {t2} en {p3}% vanaf {t3}.",
    ),
    "en": (
        "The Customer shall receive a rebate of {p1}% on its annual turnover if that turnover "
        "reaches {t1} or more.",
    ),
}
LATE_PENALTY = {
    "nl": ("Bij te late levering is Leverancier een boete verschuldigd van {p}% van de orderwaarde "
           "per {unit} vertraging, met een maximum van {cap}% van de orderwaarde.",),
    "en": ("The Supplier shall pay a penalty of {p}% of the order value for each {unit} of "
           "delay, up to a maximum of {cap}% of the order value.",),
}
PENALTY_UNIT = {"nl": {"working_day": "werkdag", "week": "week"},
                "en": {"working_day": "working day", "week": "week"}}
FREE_SHIPPING = {
    "nl": ("Leveringen met een orderwaarde vanaf {amount},- worden franco geleverd.",),
    "en": ("Orders with a value of {amount} or more are delivered free of charge.",),
}
PRICE_INDEXATION = {
    "nl": ("De catalogusprijzen voor artikelen die niet in Bijlage 1 zijn opgenomen worden "
           "jaarlijks per 1 januari geïndexeerd met maximaal {p}%.",),
    "en": ("Prices of items not listed in Annex 1 may be increased once a year on 1 January by "
           "no more than {p}%.",),
}
# Looptijd / Term: the first sentence (start and end) and the second (renewal and notice).
TERM_START = {
    "nl": (
        "Deze overeenkomst gaat in op {start} en loopt tot en met {end}.",
        "Deze overeenkomst gaat in op {start} en eindigt op {end} zonder stilzwijgende "
        "verlenging.",
    ),
    "en": (
        "This agreement takes effect on {start} and remains in force until and including {end}.",
        "This Agreement commences on {start} and continues until {end}.",
    ),
}
TERM_RENEWAL = {
    "nl": (
        "Daarna wordt de overeenkomst stilzwijgend verlengd met telkens één jaar, tenzij een van "
        "de partijen uiterlijk {notice} voor het einde van de looptijd schriftelijk opzegt.",
        "Daarna wordt de overeenkomst telkens stilzwijgend verlengd met een periode van twaalf "
        "(12) maanden, tenzij een van de partijen de overeenkomst met inachtneming van een "
        "opzegtermijn van {notice} schriftelijk opzegt.",
        "Na het einde van de looptijd kunnen partijen schriftelijk een nieuwe overeenkomst "
        "aangaan.",
    ),
    "en": (
        "Thereafter it is renewed tacitly for successive periods of one year, unless either party "
        "terminates it in writing no later than {notice} before the end of the term.",
        "Thereafter it is renewed automatically for successive periods of one (1) year unless "
        "terminated by either party with at least {notice} written notice before the end of the "
        "then current term.",
    ),
}
# How a notice period is written, per (phrase, months).
NOTICE_WORDS = {
    ("nl", 0, 3): "drie maanden", ("nl", 0, 1): "één maand", ("nl", 1, 3): "drie (3) maanden",
    ("en", 0, 3): "three months", ("en", 1, 3): "three (3) months'",
}
BIG_WORDS = {"nl": {10_000: "tienduizend", 15_000: "vijftienduizend",
                    65_000: "vijfenzestigduizend"}}


def thousands(n: int, lang: str) -> str:
    """'65.000' (nl) or '65,000' (en)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def whole_money(amount: Decimal, lang: str) -> str:
    """'€ 900.000' (nl) or 'EUR 400,000' (en): a round amount without cents."""
    return ("€ " if lang == "nl" else "EUR ") + thousands(int(amount), lang)


def percent(value: Decimal, lang: str) -> str:
    """'2', '2,5' (nl) or '2.5' (en)."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang == "nl" else text
