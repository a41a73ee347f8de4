"""Orders and order lines: weekday orders per customer, annex items at the agreed price (except
the injected price deviations), other items at list price."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sample_gen.customers import CUSTOMERS, agreed_price
from sample_gen.model import Line, Order
from sample_gen.workdays import add_working_days, working_days
from sample_gen.world import DATA_END, DATA_START, ITEMS, CustomerSpec

QUANTITIES = (2, 4, 5, 6, 8, 10, 12, 15, 20, 24, 25, 30, 40, 50, 60, 80, 100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class PriceInjection:
    """Charge `item` of `cid` wrongly for orders dated start..end: half price or list price."""

    cid: str
    item: str
    start: date
    end: date
    mode: str  # half | list

    def applies(self, cid: str, item: str, day: date) -> bool:
        return cid == self.cid and item == self.item and self.start <= day <= self.end


PRICE_INJECTIONS = (
    PriceInjection("C1005", "A-110", date(2026, 1, 1), date(2026, 6, 30), "half"),
    PriceInjection("C1008", "A-112", DATA_START, DATA_END, "list"),
    PriceInjection("C1012", "A-124", DATA_START, DATA_END, "list"),
)


def charged_price(cid: str, item: str, day: date) -> tuple[Decimal, Decimal | None, str]:
    """(price charged, agreed price or None, injection tag) for one order line."""
    agreed = agreed_price(cid, item, day)
    if agreed is None:
        return ITEMS[item][1], None, ""
    for inj in PRICE_INJECTIONS:
        if inj.applies(cid, item, day):
            price = (agreed / 2).quantize(CENT, ROUND_HALF_UP) if inj.mode == "half" \
                else ITEMS[item][1]
            side = "undercharged" if price < agreed else "overcharged"
            return price, agreed, f"{item}:{side}"
    return agreed, agreed, ""


def poisson(rng: random.Random, rate: float) -> int:
    """A Poisson-distributed count (Knuth), from our seeded generator."""
    limit, k, p = math.exp(-rate), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def make_lines(rng: random.Random, c: CustomerSpec, day: date) -> list[Line]:
    """1-8 lines, mostly items of the customer's price annex."""
    annex = list(c.items)
    others = [i for i in ITEMS if i not in c.items]
    chosen: list[str] = []
    for _ in range(rng.randint(1, 8)):
        pool = annex if rng.random() < 0.7 else others
        candidates = [i for i in pool if i not in chosen] or [i for i in ITEMS if i not in chosen]
        chosen.append(rng.choice(candidates))
    lines = []
    for n, item in enumerate(chosen, 1):
        qty = max(1, round(rng.choice(QUANTITIES) * c.qty_scale))
        price, agreed, tag = charged_price(c.cid, item, day)
        lines.append(Line(n, item, qty, price, agreed, tag))
    return lines


def requested_date(rng: random.Random, c: CustomerSpec, day: date) -> date | None:
    """Usually none; sometimes within the lead time; ~5% later than the lead time."""
    r = rng.random()
    if r < 0.10:
        return add_working_days(day, rng.randint(1, c.lead_days))
    if r < 0.15:
        return add_working_days(day, c.lead_days + rng.randint(1, 6))
    return None


def generate_orders(rng: random.Random) -> list[Order]:
    """All regular orders of all customers over the data period."""
    orders: list[Order] = []
    days = working_days(DATA_START, DATA_END)
    for c in CUSTOMERS:
        seq = 0
        for day in days:
            for _ in range(poisson(rng, c.order_rate)):
                seq += 1
                orders.append(Order(c.cid, day, seq, requested_date(rng, c, day),
                                    make_lines(rng, c, day)))
    return orders
