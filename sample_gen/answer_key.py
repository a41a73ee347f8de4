"""answer_key.json: what each contract says, the injected deviations with their evidence (from
the tags set while generating), the bad rows and the scripted edge cases."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from sample_gen.articles import special_clauses
from sample_gen.customers import (
    AUDITED,
    BY_ID,
    CUSTOMERS,
    NOT_AUDITED,
    agreed_payment_days,
    agreed_price,
)
from sample_gen.erp_write import price_list_rows
from sample_gen.extras import EXTRA_SEQ
from sample_gen.injections import in_window
from sample_gen.key_special import special_devs, special_facts
from sample_gen.model import Invoice, Order
from sample_gen.phrases import ADDRESS, CALL_AHEAD, LEAD_TIME, PAYMENT, fill
from sample_gen.special import DAYS_ELAPSED, DAYS_IN_YEAR, PERIOD_END, YEAR_START
from sample_gen.workdays import working_days_between
from sample_gen.world import LOOKBACK_END, LOOKBACK_START, PERIOD, CustomerSpec

Deviation = dict[str, Any]


def deviation(cid: str, rule: str, kind: str, subject: str, expected: str, actual: str,
              evidence: list[str] | None = None, impact: Decimal | None = None) -> Deviation:
    """One entry of the key, in the agreed shape."""
    return {"customer_id": cid, "rule_id": rule, "kind": kind, "subject": subject,
            "expected": expected, "actual": actual, "evidence": sorted(set(evidence or [])),
            "impact_eur": None if impact is None else f"{impact:.2f}"}


def address_key(text: str) -> tuple[str, str]:
    """(postcode without spaces, upper; house number, upper): equal keys = same address."""
    m = re.search(r"\s(\d+\s*[a-zA-Z]?)\s*,\s*(\d{4})\s*([a-zA-Z]{2})\b", text)
    assert m, text
    return (m.group(2) + m.group(3).upper(), m.group(1).replace(" ", "").upper())


def registration(c: CustomerSpec) -> list[Deviation]:
    """Customer master vs the agreement valid on the last day of the look-back."""
    out, cid, day = [], c.cid, LOOKBACK_END
    agreed, registered = agreed_payment_days(cid, day), c.reg_payment_days or c.payment_days
    if registered != agreed:
        out.append(deviation(cid, "payment_term", "registration", "payment_term_days",
                             str(agreed), str(registered)))
    if (c.reg_lead_days or c.lead_days) != c.lead_days:
        out.append(deviation(cid, "lead_time", "registration", "lead_time_days",
                             str(c.lead_days), str(c.reg_lead_days)))
    if c.reg_address and address_key(c.reg_address) != address_key(c.address):
        out.append(deviation(cid, "delivery_address", "registration", "delivery_address",
                             c.address, c.reg_address))
    if c.call_minutes is not None and not c.reg_instruction.strip():
        out.append(deviation(cid, "delivery_instruction", "registration",
                             "delivery_instructions", str(c.call_minutes), ""))
    return out + price_registration(cid, day)


def price_registration(cid: str, day: date) -> list[Deviation]:
    """Price list rows valid on `day` vs the agreed prices valid on `day`."""
    out = []
    for r_cid, item, price, start, end in price_list_rows():
        if r_cid != cid or not (start <= day and (end is None or day <= end)):
            continue
        agreed = agreed_price(cid, item, day)
        if agreed is not None and agreed != price:
            out.append(deviation(cid, "agreed_prices", "registration", item,
                                 f"{agreed:.2f}", f"{price:.2f}"))
    return out


def price_execution(orders: list[Order]) -> list[Deviation]:
    """Tagged order lines in the look-back, per customer and item:side."""
    groups: dict[tuple[str, str], list[tuple[str, Any]]] = defaultdict(list)
    for o in orders:
        for line in o.lines:
            if line.tag and in_window(o.day):
                groups[(o.cid, line.tag)].append((o.number, line))
    out = []
    for (cid, tag), hits in sorted(groups.items()):
        lines = [line for _, line in hits]
        impact = sum(((line.agreed - line.price) * line.qty for line in lines), Decimal("0"))
        expected = Counter(f"{line.agreed:.2f}" for line in lines).most_common(1)[0][0]
        actual = Counter(f"{line.price:.2f}" for line in lines).most_common(1)[0][0]
        out.append(deviation(cid, "agreed_prices", "execution", tag, expected, actual,
                             [n for n, _ in hits], impact))
    return out


def delivery_execution(orders: list[Order]) -> list[Deviation]:
    """Tagged deliveries in the look-back: late, wrong address, not called ahead."""
    groups: dict[tuple[str, str], list[tuple[Order, Any]]] = defaultdict(list)
    for o in orders:
        for d in o.deliveries:
            for tag in d.tags:
                if in_window(d.day):
                    groups[(o.cid, tag)].append((o, d))
    out = []
    for (cid, tag), hits in sorted(groups.items()):
        c = BY_ID[cid]
        numbers = [d.number for _, d in hits]
        if tag == "late":
            slowest = max(working_days_between(o.day, d.day) for o, d in hits)
            out.append(deviation(cid, "lead_time", "execution", "late", str(c.lead_days),
                                 str(slowest), numbers))
        elif tag == "address":
            actual = Counter(d.address for _, d in hits).most_common(1)[0][0]
            out.append(deviation(cid, "delivery_address", "execution", "address", c.address,
                                 actual, numbers))
        else:
            out.append(deviation(cid, "delivery_instruction", "execution", "call_ahead", "J",
                                 "N", numbers))
    return out


def payment_execution(orders: list[Order]) -> list[Deviation]:
    """Tagged invoices in the look-back, per customer."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for o in orders:
        if o.invoice and o.invoice.tag and in_window(o.invoice.day):
            groups[o.cid].append(o.invoice)
    out = []
    for cid, invoices in sorted(groups.items()):
        expected = Counter(str(agreed_payment_days(cid, i.day)) for i in invoices)
        actual = Counter(str((i.due - i.day).days) for i in invoices)
        out.append(deviation(cid, "payment_term", "execution", "due_date",
                             expected.most_common(1)[0][0], actual.most_common(1)[0][0],
                             [i.number for i in invoices]))
    return out


def contract_facts(c: CustomerSpec, facts: dict[str, Any]) -> dict[str, Any]:
    """What the contract of `c` says, as the audit should read it."""
    lang = c.language
    phrasings = {
        "payment_term": fill(PAYMENT[lang][c.payment_phrase], lang, c.payment_days),
        "lead_time": fill(LEAD_TIME[lang][c.lead_phrase], lang, c.lead_days),
        "delivery_address": fill(ADDRESS[lang][c.address_phrase], lang, address=c.address),
    }
    if c.call_phrase is not None:
        phrasings["call_ahead"] = fill(CALL_AHEAD[lang][c.call_phrase], lang, c.call_minutes)
    phrasings.update(special_clauses(c))
    return {
        "name": c.name, "kvk": c.kvk, "language": lang, "contract_number": c.contract_number,
        "effective_date": c.start.isoformat(),
        "files": [facts["file"]] + [a["file"] for a in facts.get("amendments", [])],
        "pages": facts["pages"], "payment_term_days": c.payment_days,
        "lead_time_days": c.lead_days, "call_ahead_minutes": c.call_minutes,
        "delivery_address": c.address,
        "prices": {item: f"{p:.2f}" for item, p in c.prices.items()},
        "articles": dict(facts["articles"]),
        "phrasings": phrasings, "general_terms_annex": c.general_terms,
        "amendments": facts.get("amendments", []),
        **special_facts(c, facts),
    }


def edge_cases(orders: list[Order], notes: list[Invoice]) -> dict[str, list[str]]:
    """Delivery numbers of the scripted C1004 cases and other things worth a test."""
    out: dict[str, list[str]] = defaultdict(list)
    for note in notes:
        out[f"{note.cid}_rebate_credit_notes_matching_due"].append(note.number)
    extra = {o.number for o in orders if o.seq >= EXTRA_SEQ}
    out["extra_orders_numbered_after_all_others"] = sorted(extra)
    out["C1008_catalogue_increase_within_cap"] = sorted(
        o.number for o in orders if o.number in extra and o.cid == "C1008")
    for o in orders:
        for d in o.deliveries:
            if o.scripted:
                out[f"C1004_{o.scripted}"].append(d.number)
            if "late" in d.tags and not in_window(d.day):
                out[f"{o.cid}_late_outside_lookback"].append(d.number)
        for cn in o.credit_notes:
            if o.cid in ("C1003", "C1009") and in_window(cn.day):
                out[f"{o.cid}_credit_notes_in_lookback"].append(cn.number)
    return {k: sorted(v) for k, v in sorted(out.items())}


def penalty_on_lead_time(found: list[Deviation]) -> list[Deviation]:
    """Where a penalty is agreed, the lead-time deviation carries it as its money at stake."""
    penalty = {d["customer_id"]: d["impact_eur"] for d in found
               if d["rule_id"] == "late_delivery_penalty"}
    return [{**d, "impact_eur": penalty[d["customer_id"]]}
            if (d["rule_id"], d["kind"]) == ("lead_time", "execution")
            and d["customer_id"] in penalty else d for d in found]


def build_key(orders: list[Order], notes: list[Invoice], contract_info: dict[str, dict[str, Any]],
              bad_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole answer key."""
    found = [d for c in CUSTOMERS for d in registration(c)]
    found += price_execution(orders) + delivery_execution(orders) + payment_execution(orders)
    found += special_devs(orders, notes, contract_info)
    found = penalty_on_lead_time(found)
    order = {cid: i for i, cid in enumerate(AUDITED + NOT_AUDITED)}
    found.sort(key=lambda d: (order[d["customer_id"]], d["rule_id"], d["kind"], d["subject"]))
    return {
        "period": PERIOD,
        "lookback": [LOOKBACK_START.isoformat(), LOOKBACK_END.isoformat()],
        "year_to_date": [YEAR_START.isoformat(), PERIOD_END.isoformat()],
        "pro_rata": [DAYS_ELAPSED, DAYS_IN_YEAR],
        "audited": list(AUDITED), "not_audited": list(NOT_AUDITED),
        "deviations": [d for d in found if d["customer_id"] in AUDITED],
        "not_audited_injections": [d for d in found if d["customer_id"] in NOT_AUDITED],
        "bad_rows": bad_rows,
        "contracts": {c.cid: contract_facts(c, contract_info[c.cid]) for c in CUSTOMERS},
        "edge_cases": edge_cases(orders, notes),
    }
