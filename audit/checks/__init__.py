"""Checks: one module per rule kind, Terms x ERP -> Deviations (pure, no I/O)."""

from audit.checks import (  # noqa: F401 - importing registers each module's checks
    agreed_prices,
    delivery_address,
    delivery_instruction,
    lead_time,
    payment_term,
)
from audit.checks.base import CHECKS, CheckContext, CheckKind, register

__all__ = ["CHECKS", "CheckContext", "CheckKind", "register"]
