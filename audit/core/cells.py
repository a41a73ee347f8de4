"""A value as a cell of a table a person or a spreadsheet reads (the report's files and the
command line's listings): a text never a live formula, a term value as plain text."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from audit.core.i18n import plain_decimal
from audit.models import Address

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)([eE][+-]?\d+)?%?")


def neutralise(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP's rule: it starts with =, +, -, @, tab or CR and is not a number); others unchanged."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_STARTS:
        return value
    if _NUMBER.fullmatch(value.strip()) or value in ("-", "+"):
        return value  # '-12.50' is an amount, a lone '-' a blank: neither runs as a formula
    return "'" + value


def render_value(value: Any, decimal: str = ".") -> str:
    """A term value as text a person and a spreadsheet read: Decimal plain with the `decimal`
    mark, date ISO, Address via str(), pairs 'a: b' joined by '; ' (never a Python repr),
    None empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_decimal(value).replace(".", decimal)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Address):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):  # tiers and other pairs: '500000: 2; 1000000: 3'
        return "; ".join(": ".join(render_value(p, decimal) for p in v)
                         if isinstance(v, tuple | list) else render_value(v, decimal)
                         for v in value)
    return str(value)
