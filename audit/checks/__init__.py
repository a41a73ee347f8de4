"""Checks: one module per rule kind, Terms x ERP -> Deviations (pure, no I/O)."""

from audit.checks import (  # noqa: F401 - importing registers each module's checks
    agreed_prices,
    contract_term,
    delivery_address,
    delivery_instruction,
    free_shipping,
    late_delivery_penalty,
    lead_time,
    payment_term,
    price_indexation,
    unmatched_agreement,
    volume_commitment,
    volume_rebate,
)
from audit.checks.base import CHECKS, CheckContext, CheckKind, register

__all__ = ["CHECKS", "CheckContext", "CheckKind", "register"]
