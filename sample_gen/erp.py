"""The ERP transaction pipeline: orders -> deliveries -> injections -> invoices -> numbers."""

from __future__ import annotations

import random

from sample_gen.deliveries import plan_deliveries
from sample_gen.extras import add_extra_orders
from sample_gen.injections import (
    credit_note_orders,
    inject_address,
    inject_due_dates,
    inject_late,
    inject_not_called,
    mark_bad_delivery_date,
    mark_bad_quantity,
    scripted_orders,
    tag_amended_due_dates,
)
from sample_gen.invoices import add_credit_notes, assign_numbers, make_invoice
from sample_gen.model import Order
from sample_gen.orders import generate_orders


def build_orders(seed: int) -> list[Order]:
    """All orders with deliveries, invoices and credit notes, numbered; deterministic."""
    rng = random.Random(seed)
    orders = generate_orders(rng)
    mark_bad_quantity(orders, rng)
    for o in orders:
        plan_deliveries(o, rng)
    orders += scripted_orders(rng)
    inject_late(orders, rng)
    inject_address(orders, rng)
    inject_not_called(orders, rng)
    mark_bad_delivery_date(orders, rng)
    for o in orders:
        make_invoice(o, rng)
    inject_due_dates(orders, rng, "C1009", 5, 60)
    inject_due_dates(orders, rng, "C1011", 4, 14)
    tag_amended_due_dates(orders)
    assign_numbers(orders)
    add_credit_notes(orders, rng, credit_note_orders(orders, rng))
    add_extra_orders(orders)  # numbered after all of the above, which stays as it was
    return orders
