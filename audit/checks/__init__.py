"""Checks: one module per rule kind, Terms x ERP -> Deviations (pure, no I/O).

Every module in this package is imported here, so that its `@register` decorators fill the
registry: adding a kind is adding `audit/checks/<kind>.py` and `rules/<kind>.yaml`.
"""

import importlib
import pkgutil

from audit.checks.base import CHECKS, CheckContext, CheckKind, register

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["CHECKS", "CheckContext", "CheckKind", "register"]
