"""The further special agreements of the contracts: volume commitment, volume rebate, late-
delivery penalty, free shipping, price indexation, contract term and the agreements no rule
covers; what the ERP registered for them; the list prices; and the audit's calendar maths.

Semantics (the audit counts this way; verify.py recomputes it independently):
- year to date (YTD) = 1 January .. period end E of the period's year; pro rata = days elapsed /
  days in the year (304/365 for 2026-10).
- contract term: while the contract renews and the notice deadline (end - notice) of the current
  end is on or before E, the end rolls forward by one renewal period; a deadline in
  E+1 day .. E+3 months is a deviation ('notice'); an unrenewed contract that ended before E with
  orders after its end is 'expired'.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sample_gen.world import CONTRACT_END, ITEMS, LOOKBACK_END

PERIOD_END = LOOKBACK_END
YEAR_START = date(PERIOD_END.year, 1, 1)
DAYS_ELAPSED = (PERIOD_END - YEAR_START).days + 1  # 304
DAYS_IN_YEAR = 366 if calendar.isleap(PERIOD_END.year) else 365
INDEX_DATE = date(2026, 1, 1)  # the yearly indexation date (1 January)
LIST_SINCE = date(2024, 1, 1)  # the general list prices ('*' rows) hold from this date

# Catalogue (list) prices raised on INDEX_DATE: A-116 +6.0% (charged to C1006, cap 3%),
# A-103 +2.1% (charged to C1008, cap 2.5%).
LIST_PRICE_CHANGES: dict[str, Decimal] = {"A-103": Decimal("21.85"), "A-116": Decimal("57.25")}


def list_price(item: str, day: date) -> Decimal:
    """The general list price ('*' row of the price list) valid on `day`."""
    if day >= INDEX_DATE and item in LIST_PRICE_CHANGES:
        return LIST_PRICE_CHANGES[item]
    return ITEMS[item][1]


def add_months(day: date, months: int) -> date:
    """`day` plus (or minus) whole months; the day is capped at the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Commitment:
    """Annual volume commitment: pieces (quantity) or turnover (amount)."""

    phrase: int
    quantity: int | None = None
    amount: Decimal | None = None
    registered: str | None = None  # klanten 'Afnameverplichting'; None = as agreed


@dataclass(frozen=True)
class Rebate:
    """Year rebate: (threshold, percent) tiers; `booked` = quarterly rebate credit notes."""

    phrase: int
    tiers: tuple[tuple[Decimal, Decimal], ...]
    booked: bool


@dataclass(frozen=True)
class Penalty:
    """Late-delivery penalty: percent of the order value per working day or week, capped."""

    percent: Decimal
    per: str  # working_day | week
    cap: Decimal


@dataclass(frozen=True)
class Term:
    """Contract term: end date, renewal (months, None = none), notice (n, months|days)."""

    end: date = CONTRACT_END
    renewal_months: int | None = 12
    notice: tuple[int, str] | None = (3, "months")
    start_phrase: int = 0
    renewal_phrase: int = 0
    registered_end: str | None = None  # klanten 'Einddatum contract'; None = the current end

    def current_end(self) -> date:
        """The end of the running term on the period end (rolled over renewals)."""
        end = self.end
        if self.renewal_months:
            while self.notice_deadline(end) <= PERIOD_END:
                end = add_months(end, self.renewal_months)
        return end

    def notice_deadline(self, end: date) -> date:
        """The last day to give notice for a term ending on `end` (the end itself if none)."""
        if self.notice is None:
            return end
        n, unit = self.notice
        return add_months(end, -n) if unit == "months" else date.fromordinal(end.toordinal() - n)


@dataclass(frozen=True)
class Special:
    """The further agreements of one customer's contract."""

    commitment: Commitment | None = None
    rebate: Rebate | None = None
    penalty: Penalty | None = None
    free_shipping: Decimal | None = None  # threshold (goods value of the invoice)
    indexation: Decimal | None = None  # cap in percent
    term: Term = field(default_factory=Term)
    unmatched: tuple[str, str] | None = None  # (where: delivery | report, clause text)


D = Decimal
SPECIAL: dict[str, Special] = {
    "C1001": Special(
        commitment=Commitment(0, quantity=50_000, registered=""),
        unmatched=("delivery", "Leverancier houdt voor Afnemer een veiligheidsvoorraad aan van "
                               "ten minste 500 stuks van artikel A-104.")),
    "C1002": Special(commitment=Commitment(1, quantity=65_000)),
    "C1003": Special(),
    "C1004": Special(
        penalty=Penalty(D("1"), "working_day", D("10")), free_shipping=D("750"),
        unmatched=("delivery", "The Supplier shall keep a consignment stock of at least 200 "
                               "units at the Customer's warehouse.")),
    "C1005": Special(term=Term(end=date(2026, 6, 30), renewal_months=None, notice=None,
                               start_phrase=1, renewal_phrase=2)),
    "C1006": Special(
        indexation=D("3"),
        unmatched=("report", "Leverancier stuurt Afnemer elk kwartaal binnen 10 werkdagen na "
                             "afloop van het kwartaal een voorraadrapportage.")),
    "C1007": Special(
        rebate=Rebate(1, ((D("250000"), D("1")), (D("750000"), D("2")),
                          (D("1250000"), D("3"))), booked=True),
        free_shipping=D("300"), term=Term(renewal_phrase=1, registered_end="31-12-2026")),
    "C1008": Special(commitment=Commitment(0, quantity=45_000), indexation=D("2.5"),
                     term=Term(start_phrase=1, renewal_phrase=1)),
    "C1009": Special(rebate=Rebate(0, ((D("500000"), D("2")),), booked=False)),
    "C1010": Special(commitment=Commitment(2, amount=D("900000")),
                     penalty=Penalty(D("2"), "week", D("10")), term=Term(notice=(1, "months"))),
    "C1011": Special(term=Term(registered_end="")),
    "C1012": Special(rebate=Rebate(0, ((D("400000"), D("2.5")),), booked=False)),
}

# Extra orders (added after all regular documents were numbered): (customer, order date,
# [(item, quantity)]); catalogue items at the list price of the order date.
EXTRA_ORDERS: tuple[tuple[str, date, tuple[tuple[str, int], ...]], ...] = (
    ("C1006", date(2026, 1, 14), (("A-116", 24),)),
    ("C1006", date(2026, 3, 11), (("A-116", 30), ("A-104", 10))),
    ("C1006", date(2026, 5, 13), (("A-116", 36),)),
    ("C1006", date(2026, 7, 8), (("A-116", 20), ("A-113", 50))),
    ("C1006", date(2026, 9, 9), (("A-116", 40),)),
    ("C1008", date(2026, 2, 4), (("A-103", 40),)),
    ("C1008", date(2026, 5, 6), (("A-103", 30), ("A-100", 12))),
    ("C1008", date(2026, 8, 5), (("A-103", 50),)),
    ("C1008", date(2026, 10, 7), (("A-103", 25),)),
)
