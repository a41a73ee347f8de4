"""Counting deviations and their money at stake, shared by the xlsx, the html and the emails."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from audit.core.i18n import label
from audit.models import Deviation, Period

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_ZERO = Decimal("0")


@dataclass(frozen=True)
class Totals:
    """How many deviations a group has and the money at stake, both directions apart."""

    key: str
    count: int
    forgone: Decimal  # the company misses this money (an amount, >= 0)
    owed: Decimal  # customers paid this much too much (an amount, >= 0: the label says "owed")

    @property
    def net(self) -> Decimal:
        """Forgone minus owed: positive when the company is short overall."""
        return self.forgone - self.owed

    @property
    def at_stake(self) -> Decimal:
        """Money at stake either way: forgone plus owed."""
        return self.forgone + self.owed


def is_open(deviation: Deviation) -> bool:
    """A deviation still needs action: not resolved, not suppressed by its owner."""
    return deviation.status != "resolved" and deviation.owner_state != "suppressed"


def totals(deviations: Iterable[Deviation], key: str = "") -> Totals:
    """Count and money at stake of the open deviations given."""
    count, forgone, owed = 0, _ZERO, _ZERO
    for d in deviations:
        if not is_open(d):
            continue
        count += 1
        if d.impact_eur is not None and d.impact_eur > 0:
            forgone += d.impact_eur
        elif d.impact_eur is not None:
            owed -= d.impact_eur  # shown as an amount under a label that says which way
    return Totals(key, count, forgone, owed)


def totals_by(deviations: Iterable[Deviation], key: Callable[[Deviation], str]) -> list[Totals]:
    """Totals per group of open deviations, the group with most money at stake first."""
    groups: dict[str, list[Deviation]] = {}
    for d in deviations:
        if is_open(d):
            groups.setdefault(key(d), []).append(d)
    rows = [totals(members, name) for name, members in groups.items()]
    return sorted(rows, key=lambda t: (-t.at_stake, -t.count, t.key))


def severity_order(deviation: Deviation) -> tuple[int, Decimal, str]:
    """Sort key: severity (high first), then money at stake (largest either way), then id."""
    money = abs(deviation.impact_eur) if deviation.impact_eur is not None else Decimal(-1)
    return (SEVERITY_ORDER.get(deviation.severity, 9), -money, deviation.deviation_id)


def age_text(deviation: Deviation, period: str, lang: str) -> str:
    """'Open since 2026-08 (3 mo.)' for a recurring deviation, 'First seen 2026-06' for a
    reopened one, '' for a new or resolved one."""
    if deviation.status == "recurring" and deviation.months_open:
        since = Period.parse(period).shift(1 - deviation.months_open).label
        return label(lang, "open_since").format(since=since, n=deviation.months_open)
    if deviation.status == "reopened" and deviation.first_seen:
        return f"{label(lang, 'first_seen')} {deviation.first_seen}"
    return ""
