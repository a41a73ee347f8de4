"""Labels, money and dates for reports and emails, in Dutch (nl) and English (en)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from babel.numbers import format_currency, format_decimal

from audit.core.parse import plain_figure

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # kinds, statuses, severities
        "registration": "registratie",
        "execution": "uitvoering",
        "new": "nieuw",
        "recurring": "terugkerend",
        "resolved": "opgelost",
        "high": "hoog",
        "medium": "middel",
        "low": "laag",
        "error": "fout",
        "warning": "waarschuwing",
        # column headers
        "owner": "Eigenaar",
        "email": "E-mail",
        "rule": "Afspraak",
        "kind": "Soort",
        "customer": "Klant",
        "customer_id": "Klantnummer",
        "revenue": "Omzet",
        "rank": "Positie",
        "count": "Aantal",
        "deviation_id": "Afwijking",
        "forgone": "Gederfd",
        "owed": "Terug aan klanten",
        "money_at_stake": "Bedrag op het spel",
        "impact_basis": "Zo berekend",
        "severity": "Ernst",
        "status": "Status",
        "description": "Omschrijving",
        "expected": "Verwacht",
        "actual": "In het ERP",
        "evidence": "Bewijs",
        "action": "Actie",
        "due_date": "Uiterlijk",
        "contract": "Contract",
        "page": "pagina",
        "article": "artikel",
        "contract_text": "Contracttekst",
        "preamble": "preambule",
        "file": "Bestand",
        "location": "Plaats",
        "message": "Melding",
        "stage": "Stap",
        "period": "Periode",
        "line": "regel",
        "row": "rij",
        "column": "kolom",
        "key": "sleutel",
        "name": "Naam",
        "total": "Totaal",
        "and_more": "en nog {n}",
        # the run command's summary on the console
        "run_heading": "Audit {period} (terugkijkperiode {start} .. {end})",
        "run_counts": "klanten geaudit: {customers}   contracten gelezen: {contracts} "
                      "({pages} pagina's)   afspraken gevonden: {terms}",
        "run_by_owner": "Afwijkingen per eigenaar",
        "run_deviations": "afwijkingen",
        "run_money": "bedrag op het spel: {forgone} gederfd (te weinig gefactureerd), {owed} "
                     "terug aan klanten (te veel gefactureerd)",
        "run_emails": "e-mails: {sent} verzonden, {outbox} in de outbox, {skipped} al "
                      "verzonden{preview}",
        "run_preview": " (proefrun: {n} als voorbeeld in {folder})",
        "run_problems": "problemen ({n}):",
        "run_outputs": "uitvoer: {folder}",
        # deviation columns of deviations.xlsx (deviations.csv keeps the ids: machine-read)
        "col_deviation_id": "Afwijking", "col_customer_id": "Klantnummer",
        "col_customer_name": "Klant", "col_rule_id": "Afspraak", "col_kind": "Soort",
        "col_description": "Omschrijving", "col_expected": "Afgesproken",
        "col_actual": "In het ERP", "col_evidence": "Documenten", "col_impact_eur": "Bedrag",
        "col_severity": "Ernst", "col_owner": "Eigenaar", "col_owner_email": "E-mail eigenaar",
        "col_action": "Actie", "col_due_date": "Uiterlijk", "col_status": "Status",
        "col_contract_file": "Contract", "col_contract_page": "Pagina",
        "col_contract_article": "Artikel", "col_first_seen": "Eerst gezien",
        "col_months_open": "Maanden open", "col_escalated": "Geëscaleerd",
        "col_owner_state": "Stand eigenaar", "col_owner_note": "Notitie eigenaar",
        "yes": "ja",
        "no": "nee",
        "from_amount": "vanaf",
        "no_owner": "(geen eigenaar)",
        # contract term: what was agreed and what the ERP shows (checks/contract_term.py)
        "term_decide": "beslis over verlenging; zeg uiterlijk {deadline} op",
        "term_ends_renews": "looptijd eindigt {end}, verlengd met {months} maanden tenzij wordt opgezegd",
        "term_ends_unless": "looptijd eindigt {end}, tenzij verlengd",
        "term_notice_passed": "opzegtermijn {deadline} verstreken",
        "term_renewed_to": "looptijd tot {end}: verlengd tot {renewed}",
        "term_ends_on": "looptijd tot {end}: eindigt op {end}",
        "term_no_orders_after": "geen orders na {end} zonder nieuw contract",
        "term_orders_up_to": "{count} orders tot en met {last}",
        "late_orders": "{count} te laat geleverde orders",
        "at_most": "max.",
        # report
        "report_title": "Contractaudit {period}",
        "report_intro": "Periode {start} t/m {end}, transacties vanaf {lookback}.",
        "headline": "Kerncijfers",
        "customers_audited": "Klanten gecontroleerd",
        "contracts_read": "Contracten gelezen",
        "agreements_read": "Afspraken gelezen",
        "deviations": "Afwijkingen",
        "deviations_open": "Openstaande afwijkingen",
        "deviations_resolved": "Opgeloste afwijkingen",
        "money_forgone": "Gederfde inkomsten",
        "money_owed": "Verschuldigd aan klanten",
        "by_owner": "Per eigenaar",
        "by_rule": "Per soort afspraak",
        "by_kind": "Registratie of uitvoering",
        "by_customer": "Per klant",
        "customers_in_scope": "Klanten in de audit",
        "deviation_list": "Alle afwijkingen",
        "problems": "Problemen",
        "no_problems": "Geen problemen.",
        "contracts_reading": "Hoe elk contract gelezen is",
        "pages": "Pagina's",
        "clauses": "Bepalingen",
        "headings": "Koppen",
        "longest_clause": "Langste bepaling (tekens)",
        "no_structure": "Zonder herkende structuur",
        "agreements_per_rule": "Afspraken per regel",
        "no_deviations": "Geen afwijkingen gevonden.",
        "trend": "Verloop",
        "summary_sheet": "Samenvatting",
        "deviations_sheet": "Afwijkingen",
        # email
        "email_subject": "Contractaudit {period}: {n} afwijkingen voor {owner}",
        "email_subject_one": "Contractaudit {period}: 1 afwijking voor {owner}",
        "email_greeting": "Beste {owner},",
        "email_intro": (
            "De contractaudit over {period} vond {n} afwijking(en) waarvoor u eigenaar bent. "
            "Per afwijking staat hieronder wat is afgesproken, wat het ERP laat zien en welke "
            "actie nodig is. De bijlage bevat dezelfde lijst als Excel-bestand."
        ),
        "what_agreed": "Afgesproken",
        "what_erp_shows": "Wat het ERP laat zien",
        "email_closing": (
            "Dit bericht is automatisch verstuurd door de contractaudit. "
            "Klopt er iets niet? Neem contact op met de operations controller."
        ),
        "attachment_prefix": "afwijkingen",
        # tracking
        "reopened": "heropend",
        "state_acknowledged": "Bevestigd door de eigenaar",
        "state_resolved": "Als opgelost gemeld (wacht op de volgende audit)",
        "state_suppressed": "Onderdrukt",
        "state_still_found": "Als opgelost gemeld, maar nog steeds gevonden",
        "state_expired": "Onderdrukking verlopen",
        "escalated": "Geëscaleerd",
        "escalated_note": "uiterste datum {due} verstreken; in kopie naar de controller",
        "open_since": "Open sinds {since} ({n} mnd.)",
        "first_seen": "Eerst gezien",
        "months_open": "Maanden open",
        "deviations_new": "Nieuwe afwijkingen",
        "deviations_escalated": "Geëscaleerd",
        "deviations_suppressed": "Onderdrukt",
        "section_new": "Nieuw",
        "section_open": "Nog open",
        "section_resolved": "Opgelost sinds de vorige audit",
        "email_subject_changes": " ({new} nieuw, {resolved} opgelost)",
        "email_summary": (
            "De contractaudit over {period}: {open} openstaande afwijking(en) waarvoor u eigenaar "
            "bent, waarvan {new} nieuw; {resolved} opgelost sinds de vorige audit. Hieronder eerst "
            "de nieuwe, dan de nog openstaande (met hun ouderdom) en wat is opgelost; per afwijking "
            "wat is afgesproken, wat het ERP laat zien en welke actie nodig is. De bijlage bevat "
            "uw openstaande afwijkingen als Excel-bestand."
        ),
        "email_escalation": (
            "{n} afwijking(en) staan open na hun uiterste datum: deze e-mail gaat in kopie naar "
            "{cc}."
        ),
        "email_suppressed": "{n} onderdrukte afwijking(en) worden niet getoond.",
        "money_resolved": "Opgelost bedrag",
        "trend_deviations_owner": "Openstaande afwijkingen per eigenaar",
        "trend_deviations_rule": "Openstaande afwijkingen per soort afspraak",
        "trend_money_owner": "Bedrag op het spel per eigenaar (gederfd + terug aan klanten)",
        "trend_money_rule": "Bedrag op het spel per soort afspraak (gederfd + terug aan klanten)",
        "at_stake": "Op het spel",
    },
    "en": {
        "registration": "registration",
        "execution": "execution",
        "new": "new",
        "recurring": "recurring",
        "resolved": "resolved",
        "high": "high",
        "medium": "medium",
        "low": "low",
        "error": "error",
        "warning": "warning",
        "owner": "Owner",
        "email": "Email",
        "rule": "Agreement",
        "kind": "Kind",
        "customer": "Customer",
        "customer_id": "Customer id",
        "revenue": "Revenue",
        "rank": "Rank",
        "count": "Count",
        "deviation_id": "Deviation",
        "forgone": "Forgone",
        "owed": "Owed to customers",
        "money_at_stake": "Money at stake",
        "impact_basis": "How it is computed",
        "severity": "Severity",
        "status": "Status",
        "description": "Description",
        "expected": "Expected",
        "actual": "In the ERP",
        "evidence": "Evidence",
        "action": "Action",
        "due_date": "Due date",
        "contract": "Contract",
        "page": "page",
        "article": "article",
        "contract_text": "Contract text",
        "preamble": "preamble",
        "file": "File",
        "location": "Location",
        "message": "Message",
        "stage": "Stage",
        "period": "Period",
        "line": "line",
        "row": "row",
        "column": "column",
        "key": "key",
        "name": "Name",
        "total": "Total",
        "and_more": "and {n} more",
        # the run command's summary on the console
        "run_heading": "Audit {period} (look-back {start} .. {end})",
        "run_counts": "customers audited: {customers}   contracts read: {contracts} "
                      "({pages} pages)   agreements found: {terms}",
        "run_by_owner": "Deviations by owner",
        "run_deviations": "deviations",
        "run_money": "money at stake: {forgone} forgone (undercharged), {owed} owed to "
                     "customers (overcharged)",
        "run_emails": "emails: {sent} sent, {outbox} in outbox, {skipped} already sent{preview}",
        "run_preview": " (dry run: {n} previewed in {folder})",
        "run_problems": "problems ({n}):",
        "run_outputs": "outputs: {folder}",
        # deviation columns of deviations.xlsx (deviations.csv keeps the ids: machine-read)
        "col_deviation_id": "Deviation", "col_customer_id": "Customer number",
        "col_customer_name": "Customer", "col_rule_id": "Agreement", "col_kind": "Kind",
        "col_description": "Description", "col_expected": "Agreed",
        "col_actual": "In the ERP", "col_evidence": "Documents", "col_impact_eur": "Amount",
        "col_severity": "Severity", "col_owner": "Owner", "col_owner_email": "Owner email",
        "col_action": "Action", "col_due_date": "Due", "col_status": "Status",
        "col_contract_file": "Contract", "col_contract_page": "Page",
        "col_contract_article": "Article", "col_first_seen": "First seen",
        "col_months_open": "Months open", "col_escalated": "Escalated",
        "col_owner_state": "Owner's state", "col_owner_note": "Owner's note",
        "yes": "yes",
        "no": "no",
        "from_amount": "from",
        "no_owner": "(no owner)",
        # contract term: what was agreed and what the ERP shows (checks/contract_term.py)
        "term_decide": "decide on renewal; give notice by {deadline}",
        "term_ends_renews": "term ends {end}, renewed by {months} months unless notice is given",
        "term_ends_unless": "term ends {end}, unless it is extended",
        "term_notice_passed": "notice deadline {deadline} passed",
        "term_renewed_to": "term ending {end}: renewed to {renewed}",
        "term_ends_on": "term ending {end}: it ends on {end}",
        "term_no_orders_after": "no orders after {end} without a new contract",
        "term_orders_up_to": "{count} orders up to {last}",
        "late_orders": "{count} late orders",
        "at_most": "max",
        "report_title": "Contract audit {period}",
        "report_intro": "Period {start} to {end}, transactions from {lookback}.",
        "headline": "Key figures",
        "customers_audited": "Customers audited",
        "contracts_read": "Contracts read",
        "agreements_read": "Agreements read",
        "deviations": "Deviations",
        "deviations_open": "Open deviations",
        "deviations_resolved": "Resolved deviations",
        "money_forgone": "Money forgone",
        "money_owed": "Owed to customers",
        "by_owner": "By owner",
        "by_rule": "By kind of agreement",
        "by_kind": "Registration or execution",
        "by_customer": "By customer",
        "customers_in_scope": "Customers in scope",
        "deviation_list": "All deviations",
        "problems": "Problems",
        "no_problems": "No problems.",
        "contracts_reading": "How each contract was read",
        "pages": "Pages",
        "clauses": "Clauses",
        "headings": "Headings",
        "longest_clause": "Longest clause (characters)",
        "no_structure": "No structure recognised",
        "agreements_per_rule": "Agreements per rule",
        "no_deviations": "No deviations found.",
        "trend": "Trend",
        "summary_sheet": "Summary",
        "deviations_sheet": "Deviations",
        "email_subject": "Contract audit {period}: {n} deviations for {owner}",
        "email_subject_one": "Contract audit {period}: 1 deviation for {owner}",
        "email_greeting": "Dear {owner},",
        "email_intro": (
            "The contract audit for {period} found {n} deviation(s) you own. For each one "
            "below: what was agreed, what the ERP shows and the action to take. The "
            "attachment holds the same list as an Excel file."
        ),
        "what_agreed": "What was agreed",
        "what_erp_shows": "What the ERP shows",
        "email_closing": (
            "This message was sent automatically by the contract audit. "
            "Something wrong? Contact the operations controller."
        ),
        "attachment_prefix": "deviations",
        "reopened": "reopened",
        "state_acknowledged": "Acknowledged by the owner",
        "state_resolved": "Reported resolved (awaiting the next audit)",
        "state_suppressed": "Suppressed",
        "state_still_found": "Reported resolved, but still found",
        "state_expired": "Suppression expired",
        "escalated": "Escalated",
        "escalated_note": "due date {due} passed; copied to the controller",
        "open_since": "Open since {since} ({n} mo.)",
        "first_seen": "First seen",
        "months_open": "Months open",
        "deviations_new": "New deviations",
        "deviations_escalated": "Escalated",
        "deviations_suppressed": "Suppressed",
        "section_new": "New",
        "section_open": "Still open",
        "section_resolved": "Resolved since the last audit",
        "email_subject_changes": " ({new} new, {resolved} resolved)",
        "email_summary": (
            "The contract audit for {period}: {open} open deviation(s) you own, {new} of them "
            "new; {resolved} resolved since the last audit. Below: the new ones first, then "
            "those still open (with their age), then what was resolved; for each, what was "
            "agreed, what the ERP shows and the action to take. The attachment holds your open "
            "deviations as an Excel file."
        ),
        "email_escalation": (
            "{n} deviation(s) are open past their due date: this email is copied to {cc}."
        ),
        "email_suppressed": "{n} suppressed deviation(s) are not shown.",
        "money_resolved": "Money resolved",
        "trend_deviations_owner": "Open deviations per owner",
        "trend_deviations_rule": "Open deviations per kind of agreement",
        "trend_money_owner": "Money at stake per owner (forgone + owed to customers)",
        "trend_money_rule": "Money at stake per kind of agreement (forgone + owed to customers)",
        "at_stake": "At stake",
    },
}

# Data values (not headers) that have a label: kinds, statuses, severities.
VALUE_KEYS = frozenset(
    {
        "registration",
        "execution",
        "new",
        "recurring",
        "resolved",
        "reopened",
        "high",
        "medium",
        "low",
        "error",
        "warning",
    }
)
_CENT = Decimal("0.01")


def _table(lang: str) -> dict[str, str]:
    try:
        return LABELS[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; valid: {', '.join(LANGUAGES)}") from None


def label(lang: str, key: str) -> str:
    """The label for `key` in `lang`; an unknown key or language raises with the valid ones."""
    table = _table(lang)
    try:
        return table[key]
    except KeyError:
        raise KeyError(f"no label {key!r} for language {lang!r}") from None


def label_value(lang: str, value: str) -> str:
    """The label of a data value (kind, status, severity); the value itself when it has none."""
    return _table(lang)[value] if value in VALUE_KEYS else value


# babel's locale per language: the notation people of that language read (and Excel uses)
LOCALES = {"nl": "nl_NL", "en": "en_US"}
# units of a value as words: never 'per working_day' in a text for people
UNIT_WORDS: dict[str, dict[str, str]] = {
    "nl": {"day": "dag", "days": "dagen", "working_day": "werkdag", "working_days": "werkdagen",
           "working days": "werkdagen", "week": "week", "month": "maand", "months": "maanden",
           "quarter": "kwartaal", "year": "jaar", "piece": "stuk", "pieces": "stuks",
           "minutes": "minuten", "units": "eenheden", "sales units": "verkoopeenheden",
           "hh:mm": "uu:mm", "dd-mm": "dd-mm", "EUR: %": "EUR: %", "EUR": "EUR", "%": "%"},
    "en": {"day": "day", "days": "days", "working_day": "working day",
           "working_days": "working days", "working days": "working days", "week": "week",
           "month": "month", "months": "months", "quarter": "quarter", "year": "year",
           "piece": "piece", "pieces": "pieces", "minutes": "minutes", "units": "units",
           "sales units": "sales units", "hh:mm": "hh:mm", "dd-mm": "dd-mm", "EUR: %": "EUR: %",
           "EUR": "EUR", "%": "%"},
}


@dataclass(frozen=True)
class Money:
    """An amount in a currency; format_value writes it as money, not as a bare number."""

    amount: Decimal
    currency: str = "EUR"


def _locale(lang: str) -> str:
    _table(lang)
    return LOCALES[lang]


def format_money(amount: Decimal | None, lang: str, currency: str = "EUR") -> str:
    """Money for people, in the language's notation and with its own currency: '€ 1.234,56'
    (nl), '€1,234.56' (en), 'US$ 12,50' / '$12.50' for dollars, '' for None."""
    if amount is None:
        return ""
    cents = Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    return _money_text(str(cents), currency, _locale(lang))


@lru_cache(maxsize=8192)
def _money_text(cents: str, currency: str, locale: str) -> str:
    """babel's currency notation of an amount given as its exact text (a report writes the
    same amounts many times, and babel is slow)."""
    return format_currency(Decimal(cents), currency, locale=locale).replace("\xa0", " ")


def format_eur(amount: Decimal | None, lang: str) -> str:
    """Euros for people: '€ 1.234,56' (nl), '€1,234.56' (en), '' for None."""
    return format_money(amount, lang, "EUR")


def format_number(value: Decimal | int | float | None, lang: str) -> str:
    """A number for people: '1.234,5' (nl), '1,234.5' (en); no rounding of what was agreed."""
    if value is None:
        return ""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return _number_text(str(exact), _locale(lang))


@lru_cache(maxsize=8192)
def _number_text(exact: str, locale: str) -> str:
    """babel's notation of a number given as its exact text ('1.50' keeps its two decimals)."""
    value = Decimal(exact)
    decimals = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=False)


def format_percent(value: Decimal | int | float | None, lang: str) -> str:
    """A percentage given in percent (2.5 = 2.5 %): '2,5 %' (nl), '2.5%' (en)."""
    if value is None:
        return ""
    number = format_number(value, lang)
    return f"{number} %" if lang == "nl" else f"{number}%"


def format_unit(unit: str, lang: str) -> str:
    """A unit or period as words in the language ('working_day' -> 'werkdag')."""
    return UNIT_WORDS[lang].get(unit, unit.replace("_", " ")) if unit else ""


def format_date(day: date | None, lang: str) -> str:
    """A date for people: dd-mm-jjjj (nl) or ISO (en), '' for None."""
    if day is None:
        return ""
    _table(lang)
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def format_value(value: Any, lang: str) -> str:
    """Any value a term or deviation holds, as a person of `lang` reads it: money with its
    currency, numbers and dates in the language's notation, tiers as 'vanaf € 500.000: 2 %',
    yes/no as words, an address as one line, a list joined."""
    _table(lang)
    if value is None:
        return ""
    if isinstance(value, bool):
        return label(lang, "yes" if value else "no")
    if isinstance(value, Money):
        return format_money(value.amount, lang, value.currency)
    if isinstance(value, (int, float, Decimal)):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, (tuple, list)):
        if value and all(isinstance(v, (tuple, list)) and len(v) == 2 for v in value):
            return "; ".join(f"{label(lang, 'from_amount')} {format_eur(t, lang)}: "
                             f"{format_percent(p, lang)}" for t, p in value)
        return ", ".join(format_value(v, lang) for v in value)
    if isinstance(value, str):
        return value
    return str(value)  # an Address and other value objects read as their own text


_PLAIN_DECIMAL = re.compile(r"(?<![\w.,-])(-?\d+\.\d+)(?![\w.,-]|\.\d)")
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_UNIT_TOKEN = re.compile(r"\b([a-z]+_[a-z_]+)\b")


def format_figures(text: str, lang: str) -> str:
    """A text a check wrote ('1% per working_day', '43.50', 'ends 2026-06-30') with its plain
    decimals, ISO dates and unit names written for `lang` ('43,50', '30-06-2026', 'werkdag').
    Item codes ('BT.6102-10') and other words are left as they are."""
    def number(match: re.Match[str]) -> str:
        return format_number(Decimal(match.group(1)), lang)

    def day(match: re.Match[str]) -> str:
        try:
            return format_date(date(*map(int, match.groups())), lang)
        except ValueError:
            return match.group(0)

    def unit(match: re.Match[str]) -> str:
        known = UNIT_WORDS[lang].get(match.group(1))
        return known if known else match.group(0)

    text = _ISO_DATE.sub(day, text)
    text = _PLAIN_DECIMAL.sub(number, text)
    return _UNIT_TOKEN.sub(unit, text)


def format_figure(text: object, unit: str, lang: str) -> str:
    """An expected/actual figure for people: a plain amount in euros as money ('43.50', unit
    EUR -> '€ 43,50'), else as format_figures writes a text ('1% per working_day')."""
    amount = plain_figure(str(text)) if unit == "EUR" else None
    return format_money(amount, lang) if amount is not None else format_figures(str(text), lang)


def format_evidence(evidence: Sequence[str], lang: str, limit: int = 10) -> str:
    """The first `limit` document numbers, then 'and N more'."""
    shown = ", ".join(evidence[:limit])
    rest = len(evidence) - limit
    if rest > 0:
        return f"{shown} {label(lang, 'and_more').format(n=rest)}"
    return shown


def plain_decimal(amount: Decimal | None) -> str:
    """A Decimal as a plain machine-readable string ('-123.40'), '' for None."""
    return "" if amount is None else format(amount, "f")


def template_helpers(lang: str) -> dict[str, Any]:
    """What the report's and the emails' templates write with, in `lang`: t(label key),
    v(enum value), fig(figure, unit), eur(amount), day(date), evidence(document numbers)."""
    return {
        "t": lambda key: label(lang, key),
        "v": lambda value: label_value(lang, value),
        "fig": lambda text, unit="": format_figure(text, unit, lang),
        "eur": lambda amount: format_eur(amount, lang),
        "day": lambda value: format_date(value, lang),
        "evidence": lambda items: format_evidence(items, lang),
    }
