"""Deliveries: on time by construction (on or before the due date), ~8% in two parts, to the
contract address written with realistic spelling noise, called ahead where agreed."""

from __future__ import annotations

import random
from datetime import date

from sample_gen.customers import BY_ID
from sample_gen.model import Delivery, Order
from sample_gen.workdays import add_working_days, working_days_between
from sample_gen.world import DATA_END, CustomerSpec

REMARKS = ("Afgetekend door magazijn", "Pallets retour genomen", "Levering via zij-ingang",
           "Ontvangst door receptie", "Lossen met eigen heftruck")
VOWELS = "aeiou"


def due_date(order: Order) -> date:
    """Order date + agreed lead time in working days, or the requested date if later."""
    due = add_working_days(order.day, BY_ID[order.cid].lead_days)
    if order.requested and order.requested > due:
        return order.requested
    return due


def typo(street: str, rng: random.Random) -> str:
    """Drop one vowel near the end of the street name ('Industrieweg' -> 'Industriewg')."""
    spots = [i for i in range(max(1, len(street) - 5), len(street)) if street[i] in VOWELS]
    if len(street) < 7 or not spots:
        return street
    i = rng.choice(spots)
    return street[:i] + street[i + 1:]


def noisy_address(c: CustomerSpec, rng: random.Random) -> str:
    """The contract address as a driver's app or a clerk might type it."""
    st, nr, pc, city = c.street, c.number, c.postcode, c.city
    r = rng.random()
    if r < 0.55:
        return c.address
    if r < 0.63:
        return f"{st} {nr}, {pc.replace(' ', '')} {city}".upper()
    if r < 0.71:
        return f"{st} {nr}, {pc.replace(' ', '')} {city}"
    if r < 0.79:
        return f"{st} {nr} , {pc.lower()} {city}"
    if r < 0.87:
        return f"{typo(st, rng)} {nr}, {pc} {city}"
    if r < 0.93:
        return f"{st} {nr},{pc} {city.upper()}"
    return f"{st}  {nr}, {pc}  {city}"


def called(c: CustomerSpec, rng: random.Random) -> bool:
    """Call-ahead customers are always called; others now and then."""
    return True if c.call_minutes is not None else rng.random() < 0.25


def delivery_days(order: Order, rng: random.Random, split: bool) -> list[date]:
    """One or two delivery dates, none later than the due date."""
    c = BY_ID[order.cid]
    due = due_date(order)
    span = working_days_between(order.day, due)
    if order.requested and order.requested > add_working_days(order.day, c.lead_days):
        last = due if rng.random() < 0.7 else add_working_days(order.day, rng.randint(1, span))
    else:
        low = max(1, span - 2)
        last = add_working_days(order.day, rng.randint(low, span))
    if not split:
        return [last]
    first = add_working_days(order.day, rng.randint(1, max(1, span - 1)))
    if first >= last:
        last = add_working_days(first, 1) if add_working_days(first, 1) <= due else last
    return [first, last] if first < last else [last]


def plan_deliveries(order: Order, rng: random.Random) -> None:
    """Fill order.deliveries; deliveries after the export date are not there yet."""
    c = BY_ID[order.cid]
    split = order.total_qty >= 2 and not order.scripted and rng.random() < 0.08
    days = delivery_days(order, rng, split)
    qtys = [order.total_qty]
    if len(days) == 2:
        first = max(1, min(order.total_qty - 1, round(order.total_qty * rng.uniform(0.4, 0.7))))
        qtys = [first, order.total_qty - first]
    for part, (day, qty) in enumerate(zip(days, qtys, strict=True), 1):
        if day > DATA_END:
            continue
        remark = f"Deellevering {part} van 2" if len(days) == 2 else (
            rng.choice(REMARKS) if rng.random() < 0.05 else "")
        order.deliveries.append(Delivery(day, qty, noisy_address(c, rng), called(c, rng),
                                         remark, part))
