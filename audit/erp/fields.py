"""The program's own names and types for the ERP datasets (PRODUCT.md, 'Inputs')."""

from __future__ import annotations

from dataclasses import dataclass

from audit.core.messages import Msg, msg


@dataclass(frozen=True)
class Field:
    """One column of a dataset: its type and whether a row without it is unusable."""

    name: str
    type: str  # str | int | decimal | date | bool | kind
    required: bool = True


def _f(spec: str) -> Field:
    name, _, rest = spec.partition(":")
    type_, _, opt = rest.partition("?")
    return Field(name, type_ or "str", required=not opt and not rest.endswith("?"))


SCHEMAS: dict[str, tuple[Field, ...]] = {
    "customers": tuple(_f(s) for s in (
        "customer_id:str", "name:str", "kvk_number:str?", "payment_term_days:int?",
        "delivery_address:str?", "delivery_instructions:str?", "lead_time_days:int?",
        "account_manager:str?", "volume_commitment:decimal?", "contract_end_date:date?",
    )),
    "price_list": tuple(_f(s) for s in (
        "customer_id:str", "item_id:str", "unit_price:decimal", "valid_from:date?", "valid_to:date?",
        "currency:str?",
    )),
    "order_lines": tuple(_f(s) for s in (
        "order_id:str", "line_no:int?", "customer_id:str", "order_date:date", "item_id:str",
        "quantity:decimal", "unit_price:decimal", "requested_date:date?", "currency:str?",
    )),
    "deliveries": tuple(_f(s) for s in (
        "delivery_id:str", "order_id:str", "customer_id:str", "delivery_date:date",
        "quantity:decimal?", "delivery_address:str?", "call_ahead_done:bool?", "notes:str?",
        "line_no:int?",
    )),
    "invoices": tuple(_f(s) for s in (
        "invoice_id:str", "customer_id:str", "invoice_date:date", "due_date:date?",
        "amount:decimal", "freight_amount:decimal?", "kind:kind", "order_id:str?",
        "description:str?", "currency:str?",
    )),
    # the general list, often its own sheet or file without a customer column
    "list_prices": tuple(_f(s) for s in (
        "item_id:str", "unit_price:decimal", "valid_from:date?", "valid_to:date?",
    )),
}
KINDS = {"invoice", "credit_note"}
# datasets a company may well not have, whose checks fall back on another: no warning when absent
# (list prices: the price list's rows of the list-price pseudo-customer)
OPTIONAL_DATASETS = frozenset({"list_prices"})

# The fields that identify a row: a second row with the same values is a duplicate, reported and
# left out. A `?` field is part of the key only when the export has it; when a key field without
# `?` is missing, only rows equal in every field count as duplicates.
KEYS: dict[str, tuple[str, ...]] = {
    "customers": ("customer_id",),
    "price_list": ("customer_id", "item_id", "valid_from?"),
    "order_lines": ("order_id", "line_no"),
    "deliveries": ("delivery_id", "line_no?"),
    "invoices": ("invoice_id", "kind"),
    "list_prices": ("item_id", "valid_from?"),
}


@dataclass(frozen=True)
class Reference:
    """A field whose value must exist in another dataset; rows that fail are kept and reported."""

    dataset: str
    field: str
    target: str
    target_field: str
    consequence: Msg  # what the unresolved reference means for the checks


REFERENCES = (
    Reference("deliveries", "order_id", "order_lines", "order_id",
              msg("erp.ref_kept_no_lead_time")),
    Reference("invoices", "order_id", "order_lines", "order_id",
              msg("erp.ref_invoice_kept")),
    Reference("order_lines", "customer_id", "customers", "customer_id",
              msg("erp.ref_kept_no_master")),
    Reference("deliveries", "customer_id", "customers", "customer_id",
              msg("erp.ref_kept_no_master")),
    Reference("invoices", "customer_id", "customers", "customer_id",
              msg("erp.ref_kept_no_master")),
)
