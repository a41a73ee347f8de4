"""The trend over runs: open deviations and money at stake per period, per owner and per rule."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from audit.core.messages import msg
from audit.errors import Location, Problem
from audit.models import Deviation
from audit.store.tracking import is_active

Counts = dict[str, dict[str, int]]  # per document file: agreements read per rule

ZERO = Decimal(0)


def _group(deviations: Sequence[Deviation], key: Callable[[Deviation], str]
           ) -> dict[str, dict[str, Any]]:
    """Per group: open deviations and money at stake both ways (forgone + owed, as amounts)."""
    groups: dict[str, dict[str, Any]] = {}
    for d in deviations:
        entry = groups.setdefault(key(d), {"deviations": 0, "at_stake": ZERO})
        entry["deviations"] += 1
        entry["at_stake"] += abs(d.impact_eur) if d.impact_eur is not None else ZERO
    return dict(sorted(groups.items()))


def period_history(period: str, stored: Sequence[Deviation]) -> dict[str, Any]:
    """One period's figures from the deviations its run stored (resolved and suppressed left
    out): count, net money (impact), forgone, owed (both as amounts), at stake, and the same
    per owner and rule."""
    active = [d for d in stored if is_active(d)]
    impacts = [d.impact_eur for d in active if d.impact_eur is not None]
    forgone = sum((i for i in impacts if i > 0), ZERO)
    owed = -sum((i for i in impacts if i < 0), ZERO)  # an amount: the label says which way
    return {
        "period": period,
        "deviations": len(active),
        "impact": forgone - owed,
        "forgone": forgone,
        "owed": owed,
        "at_stake": forgone + owed,
        "by_owner": _group(active, lambda d: d.owner),
        "by_rule": _group(active, lambda d: d.rule_id),
    }


def agreement_drops(previous: Counts, current: Counts) -> list[Problem]:
    """A warning per document read both times that yields fewer agreements than in the previous
    run, naming the rules that lost some: 'contract.pdf: 147 -> 138 agreements; agreed_prices
    9 fewer' (a re-typeset or re-scanned PDF can lose clauses without any other sign)."""
    out = []
    for file in sorted(set(previous) & set(current)):
        before, now = previous[file], current[file]
        fewer = {rule: n - now.get(rule, 0) for rule, n in sorted(before.items())
                 if now.get(rule, 0) < n}
        total_before, total_now = sum(before.values()), sum(now.values())
        if not fewer or total_now >= total_before:
            continue
        lost = tuple(msg("contracts.fewer", rule=rule, n=n) for rule, n in fewer.items())
        out.append(Problem.of("contracts", "contracts.agreements_dropped", Location(file),
                              "warning", before=total_before, now=total_now, lost=lost))
    return out
