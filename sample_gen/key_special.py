"""The answer key for the further agreements: what each contract says about them and the
deviations they give in the generated ERP data (computed from the in-memory records; verify.py
recomputes them independently from the written files)."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

from sample_gen.customers import AMENDMENTS, BY_ID, CUSTOMERS
from sample_gen.deliveries import due_date
from sample_gen.erp_write import registered_commitment, registered_end
from sample_gen.extras import rebate_due, rebate_rate, turnover
from sample_gen.injections import in_window
from sample_gen.model import Invoice, Order
from sample_gen.special import (
    DAYS_ELAPSED,
    DAYS_IN_YEAR,
    INDEX_DATE,
    PERIOD_END,
    SPECIAL,
    YEAR_START,
    add_months,
    list_price,
)
from sample_gen.workdays import working_days_between
from sample_gen.world import LOOKBACK_START, CustomerSpec

Deviation = dict[str, Any]
CENT = Decimal("0.01")
PRO_RATA = Fraction(DAYS_ELAPSED, DAYS_IN_YEAR)


def cents(value: Fraction | Decimal) -> Decimal:
    """Exact value rounded half up to cents."""
    if isinstance(value, Fraction):
        with localcontext() as ctx:
            ctx.prec = 60
            value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(CENT, ROUND_HALF_UP)


def _dev(cid: str, rule: str, kind: str, subject: str, expected: str, actual: str,
         evidence: list[str] | None = None, impact: Decimal | None = None) -> Deviation:
    return {"customer_id": cid, "rule_id": rule, "kind": kind, "subject": subject,
            "expected": expected, "actual": actual, "evidence": sorted(set(evidence or [])),
            "impact_eur": None if impact is None else f"{impact:.2f}"}


def ytd(day: date) -> bool:
    return YEAR_START <= day <= PERIOD_END


def commitment_devs(orders: list[Order]) -> list[Deviation]:
    """Year to date behind pro rata by more than 10%: the discount granted on the shortfall."""
    out = []
    for cid, sp in SPECIAL.items():
        cm = sp.commitment
        if cm is None:
            continue
        lines = [(o.day, line) for o in orders if o.cid == cid and ytd(o.day)
                 for line in o.lines]
        assert not any(line.qty_text for _, line in lines), cid
        qty = sum(line.qty for _, line in lines)
        value = sum((line.price * line.qty for _, line in lines), Decimal("0"))
        discount = sum(((list_price(line.item, day) - line.price) * line.qty
                        for day, line in lines), Decimal("0"))
        listed = sum((list_price(line.item, day) * line.qty for day, line in lines),
                     Decimal("0"))
        commit = Fraction(cm.quantity) if cm.quantity is not None else Fraction(cm.amount)
        done = Fraction(qty) if cm.quantity is not None else Fraction(value)
        pro_rata = commit * PRO_RATA
        if done >= pro_rata * Fraction(9, 10):
            assert done >= pro_rata * Fraction(105, 100), (cid, "not comfortably on track")
            continue
        assert done < pro_rata * Fraction(8, 10), (cid, "not clearly behind")
        forecast = done / PRO_RATA
        shortfall = commit - forecast
        rate = (Fraction(discount) / qty if cm.quantity is not None
                else Fraction(discount) / Fraction(listed))
        unit = "stuks" if cm.quantity is not None else "EUR"
        out.append(_dev(cid, "volume_commitment", "execution", f"ytd:{PERIOD_END.year}",
                        f">= {cents(pro_rata * Fraction(9, 10))} {unit} year to date "
                        f"(90% of pro rata {cents(pro_rata)} of {cents(commit)})",
                        f"{cents(done)} {unit} year to date, forecast {cents(forecast)}",
                        [], cents(rate * shortfall)))
    return out


def commitment_registration(c: CustomerSpec) -> list[Deviation]:
    """klanten 'Afnameverplichting' must hold the agreed commitment."""
    cm = SPECIAL[c.cid].commitment
    if cm is None:
        return []
    registered = registered_commitment(c.cid)
    if cm.quantity is not None:
        agreed, same = str(cm.quantity), registered == str(cm.quantity)
    else:
        agreed = f"{cm.amount:.2f}"
        same = registered != "" and Decimal(
            registered.replace(".", "").replace(",", ".")) == cm.amount
    if same:
        return []
    return [_dev(c.cid, "volume_commitment", "registration", "volume_commitment", agreed,
                 registered)]


def rebate_devs(orders: list[Order], notes: list[Invoice]) -> list[Deviation]:
    """Rebate due on the year-to-date turnover vs the rebate credit notes booked."""
    out = []
    for cid, sp in SPECIAL.items():
        if sp.rebate is None:
            continue
        amount = turnover(orders, cid, YEAR_START, PERIOD_END)
        due = rebate_due(cid, amount)
        mine = [n for n in notes if n.cid == cid and ytd(n.day)]
        booked = sum((-n.amount for n in mine), Decimal("0"))
        if abs(due - booked) <= 1:
            continue
        assert not sp.rebate.booked, cid
        out.append(_dev(cid, "volume_rebate", "execution", f"ytd:{PERIOD_END.year}",
                        f"{due:.2f} ({rebate_rate(cid, amount).normalize():f}% of turnover "
                        f"{amount:.2f})", f"{booked:.2f}", [n.number for n in mine],
                        booked - due))
    return out


def penalty_devs(orders: list[Order]) -> list[Deviation]:
    """Orders delivered late (tagged): the penalty the contract promises, per order."""
    out = []
    for cid, sp in SPECIAL.items():
        pen = sp.penalty
        if pen is None:
            continue
        total, numbers, worst = Decimal("0"), [], 0
        for o in orders:
            inside = [d for d in o.deliveries if in_window(d.day)]
            if o.cid != cid or not any("late" in d.tags for d in inside):
                continue
            last = max(d.day for d in inside)
            late = working_days_between(due_date(o), last)
            assert late > 0
            units = late if pen.per == "working_day" else math.ceil(late / 5)
            share = min(pen.percent * units, pen.cap) / 100
            total += (share * o.goods_amount).quantize(CENT, ROUND_HALF_UP)
            numbers.append(o.number)
            worst = max(worst, late)
        if numbers:
            out.append(_dev(cid, "late_delivery_penalty", "execution", "penalty",
                            f"{total:.2f} penalty for {len(numbers)} late orders",
                            f"up to {worst} working days late, no penalty credited", numbers,
                            -total))
    return out


def freight_devs(orders: list[Order]) -> list[Deviation]:
    """Invoices at or above the free-shipping threshold that charge freight."""
    out = []
    for cid, sp in SPECIAL.items():
        if sp.free_shipping is None:
            continue
        hits = [o.invoice for o in orders if o.cid == cid and o.invoice
                and in_window(o.invoice.day) and o.invoice.freight > 0
                and o.invoice.amount - o.invoice.freight >= sp.free_shipping]
        if hits:
            assert 4 <= len(hits) <= 8, (cid, len(hits))
            charged = sum((i.freight for i in hits), Decimal("0"))
            out.append(_dev(cid, "free_shipping", "execution", "freight", "0.00",
                            f"{charged:.2f}", [i.number for i in hits], -charged))
    return out


def amended_items(cid: str) -> set[str]:
    return {a.item for a in AMENDMENTS if a.cid == cid and a.kind == "price" and a.item}


def indexation_devs(orders: list[Order]) -> list[Deviation]:
    """Catalogue items raised on 1 January by more than the cap, per customer and item."""
    out = []
    for cid, sp in SPECIAL.items():
        if sp.indexation is None:
            continue
        annex = set(BY_ID[cid].prices) | amended_items(cid)
        by_item: dict[str, list[tuple[date, str, int, Order, Any]]] = {}
        for o in orders:
            if o.cid == cid and in_window(o.day):
                for line in o.lines:
                    if line.item not in annex:
                        by_item.setdefault(line.item, []).append(
                            (o.day, o.number, line.line_no, o, line))
        for item, rows in sorted(by_item.items()):
            rows.sort(key=lambda r: r[:3])
            before = [r for r in rows if r[0] < INDEX_DATE]
            after = [r for r in rows if r[0] >= INDEX_DATE]
            if not before or not after:
                continue
            reference = before[-1][4].price
            allowed = (reference * (1 + sp.indexation / 100)).quantize(CENT, ROUND_HALF_UP)
            over = [r for r in after if r[4].price > allowed + Decimal("0.005")]
            if not over:
                continue
            impact = sum(((r[4].price - allowed) * r[4].qty for r in over), Decimal("0"))
            charged = Counter(f"{r[4].price:.2f}" for r in over).most_common(1)[0][0]
            out.append(_dev(cid, "price_indexation", "execution", item,
                            f"<= {allowed:.2f} ({reference:.2f} + {sp.indexation.normalize():f}%)",
                            charged, [r[1] for r in over], -impact))
    return out


def term_devs(orders: list[Order]) -> list[Deviation]:
    """Notice deadline within three months after the period end; expired but still ordering."""
    out = []
    for cid, sp in SPECIAL.items():
        t = sp.term
        end = t.current_end()
        if t.notice is not None and t.renewal_months:
            deadline = t.notice_deadline(end)
            if PERIOD_END < deadline <= add_months(PERIOD_END, 3):
                out.append(_dev(cid, "contract_term", "execution", "notice",
                                f"decide on renewal; give notice by {deadline.isoformat()}",
                                f"term ends {end.isoformat()}, renewed by "
                                f"{t.renewal_months} months unless notice is given"))
        if not t.renewal_months and end < PERIOD_END:
            late = [o for o in orders if o.cid == cid and end < o.day
                    and LOOKBACK_START <= o.day <= PERIOD_END]
            if late:
                out.append(_dev(cid, "contract_term", "execution", "expired",
                                f"no orders after {end.isoformat()} without a new contract",
                                f"{len(late)} orders up to {max(o.day for o in late).isoformat()}",
                                [o.number for o in late]))
    return out


def term_registration(c: CustomerSpec) -> list[Deviation]:
    """klanten 'Einddatum contract' must hold the end of the running term."""
    t = SPECIAL[c.cid].term
    registered, end = registered_end(c.cid), t.current_end()
    if registered == f"{end:%d-%m-%Y}":
        return []
    return [_dev(c.cid, "contract_term", "registration", "contract_end_date", end.isoformat(),
                 "" if not registered else date(int(registered[6:]), int(registered[3:5]),
                                                int(registered[:2])).isoformat())]


def unmatched_devs(contract_info: dict[str, dict[str, Any]]) -> list[Deviation]:
    """Special agreements no rule covers: one registration entry each."""
    out = []
    for c in CUSTOMERS:
        sp, facts = SPECIAL[c.cid], contract_info[c.cid]
        if sp.unmatched is not None:
            article = facts["articles"]["unmatched_agreement"]
            out.append(_dev(c.cid, "unmatched_agreement", "registration",
                            f"{facts['file']}#{article}", sp.unmatched[1],
                            "no rule covers this agreement"))
    return out


def special_devs(orders: list[Order], notes: list[Invoice],
                 contract_info: dict[str, dict[str, Any]]) -> list[Deviation]:
    """All deviations of the further agreements."""
    found = [d for c in CUSTOMERS for d in commitment_registration(c) + term_registration(c)]
    return (found + commitment_devs(orders) + rebate_devs(orders, notes) + penalty_devs(orders)
            + freight_devs(orders) + indexation_devs(orders) + term_devs(orders)
            + unmatched_devs(contract_info))


def special_facts(c: CustomerSpec, facts: dict[str, Any]) -> dict[str, Any]:
    """What the contract of `c` says about the further agreements."""
    sp = SPECIAL[c.cid]
    cm, t = sp.commitment, sp.term
    end = t.current_end()
    return {
        "volume_commitment": None if cm is None else (
            {"quantity": cm.quantity} if cm.quantity is not None
            else {"amount": f"{cm.amount:.2f}"}),
        "volume_rebate": None if sp.rebate is None else [
            {"threshold": f"{th:.2f}", "percent": f"{p.normalize():f}"}
            for th, p in sp.rebate.tiers],
        "late_delivery_penalty": None if sp.penalty is None else {
            "percent": f"{sp.penalty.percent.normalize():f}", "per": sp.penalty.per,
            "cap_percent": f"{sp.penalty.cap.normalize():f}"},
        "free_shipping_threshold": None if sp.free_shipping is None
        else f"{sp.free_shipping:.2f}",
        "price_indexation": None if sp.indexation is None else {
            "cap_percent": f"{sp.indexation.normalize():f}", "date": f"{INDEX_DATE:%m-%d}"},
        "contract_term": {
            "end_date": t.end.isoformat(), "renewal_months": t.renewal_months,
            "notice": None if t.notice is None else list(t.notice),
            "current_end": end.isoformat(),
            "notice_deadline": None if t.notice is None or not t.renewal_months
            else t.notice_deadline(end).isoformat()},
        "unmatched_agreements": [] if sp.unmatched is None else [
            {"file": facts["file"], "article": facts["articles"]["unmatched_agreement"],
             "text": sp.unmatched[1]}],
        "registered": {"volume_commitment": registered_commitment(c.cid),
                       "contract_end_date": registered_end(c.cid)},
    }
