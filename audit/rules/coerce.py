"""A corrected value (terms_overrides.yaml) in the type the checks use, for every value type."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from audit.core.addresses import typed_address
from audit.rules.schema import Rule

# Parameters the checks understand beyond those a rule reads from contract text (the agreed
# interface between rules and checks): a correction may set them too.
CHECK_PARAMETERS: dict[str, dict[str, str]] = {
    "agreed_prices": {"price_unit": "count"},
    "volume_commitment": {"item": "text", "discount_per_unit": "money"},
    "late_delivery_penalty": {"amount": "money", "cap_amount": "money"},
    "price_indexation": {"index": "text", "applies_to": "price_scope"},
    "contract_term": {"start_date": "date"},
}
PERIODS = ("year", "quarter", "month")
PER = ("day", "working_day", "week")
_NOTICE = re.compile(r"^\s*(\d+)\s*(months?|maanden|maand|weeks?|weken|days?|dagen)\s*$", re.I)
_TIME_WINDOW = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")


class _Expected(ValueError):
    """What a valid value looks like (added to the error message)."""


def parameter_kind(rule: Rule, parameter: str) -> str | None:
    """The value type of a rule's parameter (read from text, or one the checks understand)."""
    for v in rule.values:
        if v.name == parameter:
            return v.type
    return CHECK_PARAMETERS.get(rule.id, {}).get(parameter)


def parameter_names(rule: Rule) -> list[str]:
    """Every parameter a correction of this rule may set."""
    return [v.name for v in rule.values] + list(CHECK_PARAMETERS.get(rule.id, {}))


def coerce(rule: Rule, parameter: str, value: Any) -> Any:
    """The value in the type the rule reads for that parameter; ValueError says what is wrong."""
    kind = parameter_kind(rule, parameter) or "text"
    try:
        result = _COERCE.get(kind, _text)(value)
    except (ValueError, TypeError, InvalidOperation, ArithmeticError) as e:
        hint = f" ({e})" if isinstance(e, _Expected) else ""
        raise ValueError(f"'{value}' is not a valid {kind} for {rule.id}.{parameter}{hint}") from e
    return result


def _int(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise _Expected("a whole number is needed")
    return int(str(value).strip())


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Expected("a number is needed")
    result = Decimal(str(value).strip().replace(",", "."))
    if not result.is_finite():
        raise _Expected("a finite number is needed")
    return result


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value).strip())


def _address(value: Any) -> Any:
    address = typed_address(str(value))
    if address is None:
        raise _Expected("expected street and number, postcode and city")
    return address


def _tiers(value: Any) -> tuple[tuple[Decimal, Decimal], ...]:
    """[[threshold, percent], ...] or {threshold: percent}, as sorted Decimal pairs."""
    pairs = value.items() if isinstance(value, dict) else value
    if isinstance(pairs, str) or not pairs:
        raise _Expected("expected a list of [threshold, percent] pairs")
    out = []
    for pair in pairs:
        if isinstance(pair, str) or len(pair) != 2:
            raise _Expected(f"{pair!r} is not a [threshold, percent] pair")
        out.append((_decimal(pair[0]), _decimal(pair[1])))
    return tuple(sorted(out))


def _notice(value: Any) -> str:
    """'3 months', '6 weeks' (-> '42 days'), '90 days': the form the contract-term check reads."""
    m = _NOTICE.match(str(value))
    if m is None:
        raise _Expected("expected a number and months, weeks or days")
    number, unit = int(m.group(1)), m.group(2).lower()
    if unit.startswith("ma") or unit.startswith("mo"):
        return f"{number} months"
    return f"{number * 7 if unit.startswith('we') else number} days"


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def pick(value: Any) -> str:
        text = str(value).strip().lower().replace(" ", "_")
        if text not in options:
            raise _Expected(f"expected one of {', '.join(options)}")
        return text
    return pick


def _day_month(value: Any) -> str:
    if isinstance(value, date):
        return f"{value.day:02d}-{value.month:02d}"
    day, month = (int(x) for x in str(value).strip().split("-"))
    date(2000, month, day)  # a real day of the year (29-02 included)
    return f"{day:02d}-{month:02d}"


def _time_window(value: Any) -> str:
    m = _TIME_WINDOW.match(str(value))
    if m is None:
        raise _Expected("expected hh:mm-hh:mm")
    h1, m1, h2, m2 = (int(x) for x in m.groups())
    if max(h1, h2) > 23 or max(m1, m2) > 59:
        raise _Expected("expected hh:mm-hh:mm")
    return f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"


def _text(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise _Expected("a value is needed")
    return text


_COERCE: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(("days", "working_days", "minutes", "renewal_months", "count"), _int),
    **dict.fromkeys(("money", "percent", "cap_percent", "quantity", "price_table", "cap_amount",
                     "rate_amount", "discount_per_unit"), _decimal),
    **dict.fromkeys(("date", "end_date", "start_date"), _date),
    "address": _address, "tiers": _tiers, "notice": _notice, "period": _choice(PERIODS),
    "per_unit": _choice(PER), "day_month": _day_month, "time_window": _time_window,
    "price_scope": _choice(("unlisted", "all")), "text": _text, "any_amount": _text,
    "item": _text, "index_name": _text,
}
