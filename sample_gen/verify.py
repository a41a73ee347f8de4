"""Re-reads the generated files the way the audit will and checks them against the answer key:
an independent oracle recomputes every deviation from the written rows and the contract facts,
checks the revenue ranking, the bad rows, the file formats and the contract PDFs' text."""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import math
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber

from sample_gen.workdays import add_working_days, is_working_day

# The 14 deviations of the first sample set (customer, rule, kind, subject, number of evidence
# documents, sha256 of the ';'-joined evidence (first 16 hex), impact): they must never change.
OLD_DEVIATIONS = {
    ("C1001", "agreed_prices", "registration", "A-100", 0, "e3b0c44298fc1c14", None),
    ("C1002", "delivery_address", "execution", "address", 6, "4cf7b9783a607c5e", None),
    ("C1002", "payment_term", "registration", "payment_term_days", 0, "e3b0c44298fc1c14", None),
    ("C1003", "payment_term", "execution", "due_date", 16, "06876b235884d5b0", None),
    ("C1003", "payment_term", "registration", "payment_term_days", 0, "e3b0c44298fc1c14", None),
    ("C1004", "lead_time", "execution", "late", 9, "cdca22cc70e676b3", None),
    ("C1004", "lead_time", "registration", "lead_time_days", 0, "e3b0c44298fc1c14", None),
    ("C1005", "agreed_prices", "execution", "A-110:undercharged", 102, "2ca064b11087f624",
     "76407.75"),
    ("C1006", "delivery_instruction", "registration", "delivery_instructions", 0,
     "e3b0c44298fc1c14", None),
    ("C1007", "delivery_address", "registration", "delivery_address", 0, "e3b0c44298fc1c14",
     None),
    ("C1008", "agreed_prices", "execution", "A-112:overcharged", 155, "a216af482f66dfea",
     "-665.25"),
    ("C1008", "agreed_prices", "registration", "A-112", 0, "e3b0c44298fc1c14", None),
    ("C1009", "payment_term", "execution", "due_date", 5, "f3975f578f1ba419", None),
    ("C1010", "delivery_instruction", "execution", "call_ahead", 7, "98918e082e029b93", None),
}
OLD_BAD_ROWS = [{"file": "orderregels.csv", "row": 13042, "column": "Aantal", "value": "12O"},
                {"file": "leveringen.csv", "row": 1943, "column": "Leverdatum",
                 "value": "31-02-2026"}]
CENT = Decimal("0.01")
REBATE_NOTE = re.compile(r"bonus|rebate|staffel", re.I)
BOILERPLATE_HEADINGS = {"Overmacht", "Geheimhouding", "Aansprakelijkheid", "Toepasselijk recht",
                        "Force majeure", "Confidentiality", "Liability", "Governing law"}
# phrasing key in the key's contracts -> article tag
PHRASE_TAG = {"payment_term": "payment", "lead_time": "lead", "delivery_address": "address",
              "call_ahead": "call"}
NUMBER_WORDS = re.compile(r"\b(één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|"
                          r"one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", re.I)

Row = dict[str, str]
Key = dict[str, Any]


def parse_date(text: str) -> date:
    return datetime.strptime(text, "%d-%m-%Y").date()


def parse_amount(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def read_csv(path: Path, problems: list[str]) -> list[tuple[int, Row]]:
    """(row number, row) pairs; the header is row 1. Checks cp1252 and CRLF."""
    raw = path.read_bytes()
    if raw.count(b"\n") != raw.count(b"\r\n"):
        problems.append(f"{path.name}: not all line ends are CRLF")
    text = raw.decode("cp1252")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    return [(n, row) for n, row in enumerate(reader, 2)]


def in_window(day: date, key: Key) -> bool:
    start, end = (date.fromisoformat(x) for x in key["lookback"])
    return start <= day <= end


class Terms:
    """The agreements per customer, from the key's 'contracts' section (amendments applied)."""

    def __init__(self, key: Key) -> None:
        self.c = key["contracts"]

    def payment_days(self, cid: str, day: date) -> int:
        days = self.c[cid]["payment_term_days"]
        for a in self.c[cid]["amendments"]:
            if a["kind"] == "payment_term" and day >= date.fromisoformat(a["effective_date"]):
                days = a["payment_term_days"]
        return days

    def price(self, cid: str, item: str, day: date) -> Decimal | None:
        price = self.c[cid]["prices"].get(item)
        for a in self.c[cid]["amendments"]:
            if a["kind"] == "price" and a["item"] == item and \
                    day >= date.fromisoformat(a["effective_date"]):
                price = a["price"]
        return None if price is None else Decimal(price)


def address_key(text: str) -> tuple[str, str] | None:
    m = re.search(r"\s(\d+\s*[a-zA-Z]?)\s*,\s*(\d{4})\s*([a-zA-Z]{2})\b", text)
    return None if not m else (m.group(2) + m.group(3).upper(),
                               m.group(1).replace(" ", "").upper())


def dev(cid: str, rule: str, kind: str, subject: str, evidence: list[str],
        impact: Decimal | None = None) -> tuple[Any, ...]:
    """The part of a deviation the oracle compares."""
    return (cid, rule, kind, subject, tuple(sorted(set(evidence))),
            None if impact is None else f"{impact:.2f}")


def parse_rows(rows: list[tuple[int, Row]], file: str, fields: dict[str, Any],
               bad: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Typed rows; a row with an unparsable field is recorded as bad and skipped."""
    out = []
    for n, row in rows:
        parsed: dict[str, Any] = dict(row)
        try:
            for name, parse in fields.items():
                value = row[name]
                parsed[name] = parse(value) if value else None
        except ValueError:
            bad.append({"file": file, "row": n, "column": name, "value": value})
            continue
        out.append(parsed)
    return out


def load(erp: Path, problems: list[str]) -> tuple[dict[str, list[dict[str, Any]]], list]:
    """All ERP files, typed; plus the bad rows met."""
    bad: list[dict[str, Any]] = []
    data = {
        "lines": parse_rows(read_csv(erp / "orderregels.csv", problems), "orderregels.csv",
                            {"Orderdatum": parse_date, "Aantal": int,
                             "Prijs per eenheid": parse_amount,
                             "Gewenste leverdatum": parse_date}, bad),
        "deliveries": parse_rows(read_csv(erp / "leveringen.csv", problems), "leveringen.csv",
                                 {"Leverdatum": parse_date, "Aantal": int}, bad),
        "invoices": parse_rows(read_csv(erp / "facturen.csv", problems), "facturen.csv",
                               {"Factuurdatum": parse_date, "Vervaldatum": parse_date,
                                "Bedrag": parse_amount, "Vrachtkosten": parse_amount}, bad),
        "customers": parse_rows(read_csv(erp / "klanten.csv", problems), "klanten.csv",
                                {"Betalingstermijn": int, "Levertijd (werkdagen)": int}, bad),
    }
    ws = openpyxl.load_workbook(erp / "prijslijst.xlsx")["Prijslijst"]
    header = [c.value for c in ws[1]]
    data["prices"] = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    return data, bad


def registration_devs(data: dict[str, list], terms: Terms, key: Key) -> list[tuple]:
    """Customer master and price list vs the agreements valid at the end of the look-back."""
    end = date.fromisoformat(key["lookback"][1])
    out = []
    for row in data["customers"]:
        cid, c = row["Klantnr"], terms.c[row["Klantnr"]]
        if row["Betalingstermijn"] != terms.payment_days(cid, end):
            out.append(dev(cid, "payment_term", "registration", "payment_term_days", []))
        if row["Levertijd (werkdagen)"] != c["lead_time_days"]:
            out.append(dev(cid, "lead_time", "registration", "lead_time_days", []))
        if address_key(row["Afleveradres"]) != address_key(c["delivery_address"]):
            out.append(dev(cid, "delivery_address", "registration", "delivery_address", []))
        if c["call_ahead_minutes"] and not re.search(r"bel", row["Afleverinstructie"], re.I):
            out.append(dev(cid, "delivery_instruction", "registration",
                           "delivery_instructions", []))
    for r in data["prices"]:
        if r["Klantnr"] == "*":
            continue
        start, stop = r["Geldig van"].date(), r["Geldig tot"] and r["Geldig tot"].date()
        agreed = terms.price(r["Klantnr"], r["Artikelnr"], end)
        if start <= end and (stop is None or end <= stop) and agreed is not None \
                and Decimal(str(r["Prijs"])).quantize(Decimal("0.01")) != agreed:
            out.append(dev(r["Klantnr"], "agreed_prices", "registration", r["Artikelnr"], []))
    return out


def price_devs(data: dict[str, list], terms: Terms, key: Key) -> list[tuple]:
    """Order lines in the look-back not charged at the agreed price."""
    groups: dict[tuple[str, str], list[tuple[str, Decimal]]] = defaultdict(list)
    for r in data["lines"]:
        agreed = terms.price(r["Klantnr"], r["Artikelnr"], r["Orderdatum"])
        if agreed is None or not in_window(r["Orderdatum"], key) or \
                r["Prijs per eenheid"] == agreed:
            continue
        side = "undercharged" if r["Prijs per eenheid"] < agreed else "overcharged"
        impact = (agreed - r["Prijs per eenheid"]) * r["Aantal"]
        groups[(r["Klantnr"], f"{r['Artikelnr']}:{side}")].append((r["Ordernr"], impact))
    return [dev(cid, "agreed_prices", "execution", subject, [n for n, _ in hits],
                sum((i for _, i in hits), Decimal("0")))
            for (cid, subject), hits in groups.items()]


def delivery_devs(data: dict[str, list], terms: Terms, key: Key) -> list[tuple]:
    """Deliveries in the look-back: late, to another address, not called ahead."""
    orders = {r["Ordernr"]: r for r in data["lines"]}
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for d in data["deliveries"]:
        cid, c, o = d["Klantnr"], terms.c[d["Klantnr"]], orders.get(d["Ordernr"])
        if not in_window(d["Leverdatum"], key):
            continue
        assert o is not None, d["Ordernr"]
        due = add_working_days(o["Orderdatum"], c["lead_time_days"])
        if o["Gewenste leverdatum"] and o["Gewenste leverdatum"] > due:
            due = o["Gewenste leverdatum"]
        if d["Leverdatum"] > due:
            groups[(cid, "lead_time", "late")].append(d["Leveringsnr"])
        if address_key(d["Afleveradres"]) != address_key(c["delivery_address"]):
            groups[(cid, "delivery_address", "address")].append(d["Leveringsnr"])
        if c["call_ahead_minutes"] and d["Vooraf gebeld"] != "J":
            groups[(cid, "delivery_instruction", "call_ahead")].append(d["Leveringsnr"])
    return [dev(cid, rule, "execution", subject, ev) for (cid, rule, subject), ev in
            groups.items()]


def payment_devs(data: dict[str, list], terms: Terms, key: Key) -> list[tuple]:
    """Invoices (not credit notes) in the look-back whose due date is not date + agreed days."""
    groups: dict[str, list[str]] = defaultdict(list)
    for r in data["invoices"]:
        if r["Soort"] != "Factuur" or not in_window(r["Factuurdatum"], key):
            continue
        agreed = terms.payment_days(r["Klantnr"], r["Factuurdatum"])
        if r["Vervaldatum"] != r["Factuurdatum"] + timedelta(days=agreed):
            groups[r["Klantnr"]].append(r["Factuurnr"])
    return [dev(cid, "payment_term", "execution", "due_date", ev) for cid, ev in groups.items()]


# --- The further agreements: volume, rebate, penalty, freight, indexation, term, unmatched ---


def to_cents(value: Fraction | Decimal) -> Decimal:
    """Half up to cents, from an exact value."""
    if isinstance(value, Fraction):
        with localcontext() as ctx:
            ctx.prec = 60
            value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(CENT, ROUND_HALF_UP)


def shift_months(day: date, months: int) -> date:
    """Whole months later (earlier when negative), capped at the month's last day."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def period_end(key: Key) -> date:
    return date.fromisoformat(key["lookback"][1])


def year_to_date(day: date, key: Key) -> bool:
    end = period_end(key)
    return date(end.year, 1, 1) <= day <= end


def list_price_lookup(data: dict[str, list]) -> Any:
    """item, day -> the '*' (list) price valid that day."""
    rows = [r for r in data["prices"] if r["Klantnr"] == "*"]

    def lookup(item: str, day: date) -> Decimal:
        hits = [r for r in rows if r["Artikelnr"] == item and r["Geldig van"].date() <= day
                and (r["Geldig tot"] is None or day <= r["Geldig tot"].date())]
        assert len(hits) == 1, (item, day, len(hits))
        return Decimal(str(hits[0]["Prijs"])).quantize(CENT)
    return lookup


def commitment_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Annual volume commitment: the ERP records it; year to date >= 90% of pro rata."""
    end = period_end(key)
    elapsed = (end - date(end.year, 1, 1)).days + 1
    share = Fraction(elapsed, 366 if calendar.isleap(end.year) else 365)
    listed = list_price_lookup(data)
    masters = {r["Klantnr"]: r for r in data["customers"]}
    out = []
    for cid, c in key["contracts"].items():
        vc = c["volume_commitment"]
        if not vc:
            continue
        pieces = "quantity" in vc
        commit = Fraction(vc["quantity"]) if pieces else Fraction(Decimal(vc["amount"]))
        text = masters[cid]["Afnameverplichting"].strip()
        if not text:
            registered = None
        elif "," in text:
            registered = Fraction(parse_amount(text)) if not pieces else None
        else:
            registered = Fraction(int(text)) if pieces else None
        if registered != commit:
            out.append(dev(cid, "volume_commitment", "registration", "volume_commitment", []))
        lines = [r for r in data["lines"] if r["Klantnr"] == cid
                 and year_to_date(r["Orderdatum"], key)]
        qty = sum(r["Aantal"] for r in lines)
        done = Fraction(qty) if pieces else Fraction(
            sum((r["Aantal"] * r["Prijs per eenheid"] for r in lines), Decimal("0")))
        if done >= commit * share * Fraction(9, 10):
            continue
        gap = commit - done / share
        given = Fraction(sum(((listed(r["Artikelnr"], r["Orderdatum"]) - r["Prijs per eenheid"])
                              * r["Aantal"] for r in lines), Decimal("0")))
        if pieces:
            rate = given / qty
        else:
            rate = given / Fraction(sum((listed(r["Artikelnr"], r["Orderdatum"]) * r["Aantal"]
                                         for r in lines), Decimal("0")))
        out.append(dev(cid, "volume_commitment", "execution", f"ytd:{end.year}", [],
                       to_cents(rate * gap)))
    return out


def rebate_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Rebate due on the year-to-date turnover vs the rebate credit notes booked."""
    end = period_end(key)
    out = []
    for cid, c in key["contracts"].items():
        tiers = c["volume_rebate"]
        if not tiers:
            continue
        rows = [r for r in data["invoices"] if r["Klantnr"] == cid
                and year_to_date(r["Factuurdatum"], key)]
        notes = [r for r in rows if r["Soort"] == "Creditnota"
                 and REBATE_NOTE.search(r["Omschrijving"])]
        amount = sum((r["Bedrag"] - r["Vrachtkosten"] for r in rows if r["Soort"] == "Factuur"),
                     Decimal("0"))
        amount -= sum((abs(r["Bedrag"]) for r in rows if r["Soort"] == "Creditnota"
                       and r not in notes), Decimal("0"))
        pct = max((Decimal(t["percent"]) for t in tiers if amount >= Decimal(t["threshold"])),
                  default=Decimal("0"))
        due = to_cents(pct * amount / 100)
        booked = sum((abs(r["Bedrag"]) for r in notes), Decimal("0"))
        if abs(due - booked) > 1:
            out.append(dev(cid, "volume_rebate", "execution", f"ytd:{end.year}",
                           [r["Factuurnr"] for r in notes], booked - due))
    return out


def penalty_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Per order whose last delivery in the look-back is late: min(pct x units, cap) x value."""
    lines_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in data["lines"]:
        lines_of[r["Ordernr"]].append(r)
    last: dict[str, date] = {}
    for d in data["deliveries"]:
        if in_window(d["Leverdatum"], key):
            last[d["Ordernr"]] = max(last.get(d["Ordernr"], d["Leverdatum"]), d["Leverdatum"])
    out = []
    for cid, c in key["contracts"].items():
        pen = c["late_delivery_penalty"]
        if not pen:
            continue
        total, late_orders = Decimal("0"), []
        for number, delivered in last.items():
            lines = lines_of[number]
            if lines[0]["Klantnr"] != cid:
                continue
            due = add_working_days(lines[0]["Orderdatum"], c["lead_time_days"])
            asked = lines[0]["Gewenste leverdatum"]
            due = max(due, asked) if asked else due
            days, day = 0, due
            while day < delivered:
                day += timedelta(days=1)
                days += is_working_day(day)
            if days == 0:
                continue
            units = days if pen["per"] == "working_day" else math.ceil(days / 5)
            share = min(Decimal(pen["percent"]) * units, Decimal(pen["cap_percent"])) / 100
            value = sum((r["Aantal"] * r["Prijs per eenheid"] for r in lines), Decimal("0"))
            total += to_cents(share * value)
            late_orders.append(number)
        if late_orders:
            out.append(dev(cid, "late_delivery_penalty", "execution", "penalty", late_orders,
                           -total))
    return out


def freight_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Invoices in the look-back at or above the free-shipping threshold that charge freight."""
    out = []
    for cid, c in key["contracts"].items():
        if c["free_shipping_threshold"] is None:
            continue
        limit = Decimal(c["free_shipping_threshold"])
        hits = [r for r in data["invoices"] if r["Klantnr"] == cid and r["Soort"] == "Factuur"
                and in_window(r["Factuurdatum"], key) and r["Vrachtkosten"] > 0
                and r["Bedrag"] - r["Vrachtkosten"] >= limit]
        if hits:
            out.append(dev(cid, "free_shipping", "execution", "freight",
                           [r["Factuurnr"] for r in hits],
                           -sum((r["Vrachtkosten"] for r in hits), Decimal("0"))))
    return out


def indexation_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Catalogue items (not in the annex, not amended) raised from 1 January above the cap."""
    out = []
    for cid, c in key["contracts"].items():
        idx = c["price_indexation"]
        if not idx:
            continue
        month, day_ = (int(x) for x in idx["date"].split("-"))
        pivot = date(period_end(key).year, month, day_)
        cap = Decimal(idx["cap_percent"])
        annex = set(c["prices"]) | {a["item"] for a in c["amendments"] if a["kind"] == "price"}
        by_item: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in data["lines"]:
            if r["Klantnr"] == cid and in_window(r["Orderdatum"], key) and \
                    r["Artikelnr"] not in annex:
                by_item[r["Artikelnr"]].append(r)
        for item, rows in by_item.items():
            rows.sort(key=lambda r: (r["Orderdatum"], r["Ordernr"], int(r["Regelnr"])))
            before = [r for r in rows if r["Orderdatum"] < pivot]
            after = [r for r in rows if r["Orderdatum"] >= pivot]
            if not before or not after:
                continue
            allowed = to_cents(before[-1]["Prijs per eenheid"] * (1 + cap / 100))
            over = [r for r in after if r["Prijs per eenheid"] > allowed + Decimal("0.005")]
            if over:
                out.append(dev(cid, "price_indexation", "execution", item,
                               [r["Ordernr"] for r in over],
                               -sum(((r["Prijs per eenheid"] - allowed) * r["Aantal"]
                                     for r in over), Decimal("0"))))
    return out


def notice_deadline(end: date, notice: list | None) -> date:
    """The last day to give notice for a term ending on `end` (the end itself if none)."""
    if not notice:
        return end
    n, unit = notice
    return shift_months(end, -n) if unit == "months" else end - timedelta(days=n)


def term_devs(data: dict[str, list], key: Key) -> list[tuple]:
    """Contract end registered; notice deadline soon; expired contract still ordering."""
    end_of_period = period_end(key)
    masters = {r["Klantnr"]: r for r in data["customers"]}
    out = []
    for cid, c in key["contracts"].items():
        term = c["contract_term"]
        end = date.fromisoformat(term["end_date"])
        renewal, notice = term["renewal_months"], term["notice"]

        if renewal:
            while notice_deadline(end, notice) <= end_of_period:
                end = shift_months(end, renewal)
            if notice and end_of_period < notice_deadline(end, notice) <= \
                    shift_months(end_of_period, 3):
                out.append(dev(cid, "contract_term", "execution", "notice", []))
        elif end < end_of_period:
            late = {r["Ordernr"] for r in data["lines"] if r["Klantnr"] == cid
                    and r["Orderdatum"] > end and in_window(r["Orderdatum"], key)}
            if late:
                out.append(dev(cid, "contract_term", "execution", "expired", sorted(late)))
        text = masters[cid]["Einddatum contract"].strip()
        if not text or parse_date(text) != end:
            out.append(dev(cid, "contract_term", "registration", "contract_end_date", []))
    return out


def unmatched_devs(key: Key) -> list[tuple]:
    """One entry per agreement no rule covers (their place is checked in the PDFs)."""
    return [dev(cid, "unmatched_agreement", "registration", f"{u['file']}#{u['article']}", [])
            for cid, c in key["contracts"].items() for u in c["unmatched_agreements"]]


def special_devs(data: dict[str, list], key: Key) -> list[tuple]:
    return (commitment_devs(data, key) + rebate_devs(data, key) + penalty_devs(data, key)
            + freight_devs(data, key) + indexation_devs(data, key) + term_devs(data, key)
            + unmatched_devs(key))


def check_old_deviations(key: Key, problems: list[str]) -> None:
    """The first sample set's deviations and bad rows are still there, unchanged."""
    have = {(d["customer_id"], d["rule_id"], d["kind"], d["subject"], len(d["evidence"]),
             hashlib.sha256(";".join(d["evidence"]).encode()).hexdigest()[:16], d["impact_eur"])
            for d in key["deviations"]}
    for old in sorted(OLD_DEVIATIONS - have, key=str):
        problems.append(f"an original deviation changed or disappeared: {old[:4]}")
    if key["bad_rows"] != OLD_BAD_ROWS:
        problems.append(f"the bad rows changed: {key['bad_rows']}")


def check_list_prices(data: dict[str, list], key: Key, problems: list[str]) -> None:
    """Every item A-100..A-124 has exactly one '*' list price on the days that matter."""
    rows = [r for r in data["prices"] if r["Klantnr"] == "*"]
    items = sorted({r["Artikelnr"] for r in rows})
    if items != [f"A-{n}" for n in range(100, 125)]:
        problems.append(f"list prices for {items}")
    listed = list_price_lookup(data)
    for item in items:
        for day in (date(2024, 1, 1), date(2025, 12, 31), date(2026, 1, 1), period_end(key)):
            listed(item, day)


def check_deviations(data: dict[str, list], key: Key, problems: list[str]) -> None:
    """The oracle's deviations must equal the key's (audited + not audited)."""
    terms = Terms(key)
    found = set(registration_devs(data, terms, key) + price_devs(data, terms, key)
                + delivery_devs(data, terms, key) + payment_devs(data, terms, key)
                + special_devs(data, key))
    listed = {dev(d["customer_id"], d["rule_id"], d["kind"], d["subject"], d["evidence"],
                  None if d["impact_eur"] is None else Decimal(d["impact_eur"]))
              for d in key["deviations"] + key["not_audited_injections"]}
    for extra in sorted(found - listed, key=str):
        problems.append(f"oracle finds a deviation the key lacks: {extra[:4]} "
                        f"({len(extra[4])} evidence, impact {extra[5]})")
    for missing in sorted(listed - found, key=str):
        problems.append(f"key lists a deviation the oracle does not find: {missing[:4]} "
                        f"({len(missing[4])} evidence, impact {missing[5]})")


def check_revenue(data: dict[str, list], key: Key, problems: list[str]) -> dict[str, Decimal]:
    """Top 10 by invoiced revenue in the look-back = the audited customers, with a margin."""
    revenue: Counter[str] = Counter()
    for r in data["invoices"]:
        if in_window(r["Factuurdatum"], key):
            revenue[r["Klantnr"]] += r["Bedrag"]
    ranked = [cid for cid, _ in revenue.most_common()]
    if sorted(ranked[:10]) != sorted(key["audited"]):
        problems.append(f"top 10 by revenue is {ranked[:10]}")
    low = min(revenue[c] for c in key["audited"])
    if max(revenue[c] for c in key["not_audited"]) > low * Decimal("0.4"):
        problems.append("a not-audited customer has more than 40% of the smallest top-10 revenue")
    return dict(revenue)


def check_consistency(data: dict[str, list], skipped: set[str], problems: list[str]) -> None:
    """Ids unique, dates on working days, invoice amount = lines + freight (except for the
    orders in `skipped`, which have a bad line)."""
    lines, dels, invs = data["lines"], data["deliveries"], data["invoices"]
    if len(lines) + 1 < 20_000:
        problems.append(f"only {len(lines)} order lines")
    for name, ids in (("order line", [(r["Ordernr"], r["Regelnr"]) for r in lines]),
                      ("delivery", [r["Leveringsnr"] for r in dels]),
                      ("invoice", [r["Factuurnr"] for r in invs])):
        if len(ids) != len(set(ids)):
            problems.append(f"duplicate {name} ids")
    if not all(is_working_day(r["Orderdatum"]) for r in lines):
        problems.append("an order is not on a working day")
    if not all(is_working_day(r["Leverdatum"]) for r in dels):
        problems.append("a delivery is not on a working day")
    totals: Counter[str] = Counter()
    for r in lines:
        totals[r["Ordernr"]] += r["Aantal"] * r["Prijs per eenheid"]
    for r in invs:
        if r["Soort"] == "Factuur" and r["Ordernr"] not in skipped and \
                r["Bedrag"] != totals[r["Ordernr"]] + r["Vrachtkosten"]:
            problems.append(f"{r['Factuurnr']}: amount is not lines + freight")
        if r["Soort"] == "Creditnota" and (r["Bedrag"] >= 0 or
                                           r["Vervaldatum"] != r["Factuurdatum"]):
            problems.append(f"{r['Factuurnr']}: odd credit note")


def page_lines(page: Any) -> list[str]:
    return [line for line in (page.extract_text() or "").splitlines() if line.strip()]


def check_pdf(path: Path, facts: dict[str, Any], phrases: list[str], problems: list[str],
              annex: list[list[str]] | None) -> None:
    """Header, footer, KvK numbers, phrasings and (for base contracts) the annex table."""
    with pdfplumber.open(path) as pdf:
        pages = [page_lines(p) for p in pdf.pages]
        tables = [t for p in pdf.pages for t in p.extract_tables()]
    n = len(pages)
    for i, lines in enumerate(pages, 1):
        footer = {f"Pagina {i} van {n}", f"Page {i} of {n}"}
        if lines[-1] not in footer:
            problems.append(f"{path.name} p{i}: footer is {lines[-1]!r}")
        if i > 1 and not lines[0].startswith("Van Dijk Verpakkingen B.V. – "):
            problems.append(f"{path.name} p{i}: header is {lines[0]!r}")
    text = " ".join(" ".join(lines) for lines in pages)
    for needle in [*phrases, "17094532", facts["kvk"]]:
        if needle not in text:
            problems.append(f"{path.name}: text lacks {needle!r}")
    if annex is not None:
        if not 4 <= n <= 7:
            problems.append(f"{path.name}: {n} pages")
        if not any(t == annex for t in tables):
            problems.append(f"{path.name}: annex table not found as {annex[:2]}...")


def contract_clauses(path: Path) -> list[tuple[str, str, str]]:
    """(article heading, sub-clause number, text) of a base contract's articles, from the PDF
    text without running header and footer, up to the signature block."""
    with pdfplumber.open(path) as pdf:
        pages = [page_lines(p) for p in pdf.pages]
    lines = [line for i, page in enumerate(pages) for line in (page[1:-1] if i else page[:-1])]
    out: list[list[str]] = []
    heading, article = "", ""
    for line in lines:
        if line.startswith(("Aldus overeengekomen", "Agreed and signed")):
            break
        m = re.match(r"(?:Artikel|Article) (\d+) – (.+)$", line)
        if m:
            heading, article = m.group(2), m.group(1)
            continue
        m = re.match(r"(\d+)\.(\d+) (.*)$", line)
        if m and m.group(1) == article:
            out.append([heading, f"{m.group(1)}.{m.group(2)}", m.group(3)])
        elif out and article:
            out[-1][2] += " " + line
    return [(h, n, t) for h, n, t in out]


def check_clauses(path: Path, facts: dict[str, Any], problems: list[str]) -> None:
    """Each special-agreement phrasing sits in the sub-clause the key names; every other
    sub-clause outside the boilerplate articles carries no number (so the only agreements
    with numbers are the ones the key lists)."""
    clauses = contract_clauses(path)
    by_number = {n: t for _, n, t in clauses}
    for name, phrase in facts["phrasings"].items():
        number = facts["articles"].get(PHRASE_TAG.get(name, name))
        if number is None or phrase not in by_number.get(number, ""):
            problems.append(f"{path.name}: {name!r} is not in article {number}")
    for u in facts["unmatched_agreements"]:
        if u["file"] != path.name or u["text"] not in by_number.get(u["article"], ""):
            problems.append(f"{path.name}: unmatched agreement not in article {u['article']}")
    known = set(facts["phrasings"].values())
    for heading, number, text in clauses:
        if heading in BOILERPLATE_HEADINGS or any(p in text for p in known):
            continue
        bare = re.sub(r"\b(Bijlage|Annex) \d\b", "", text)
        if re.search(r"\d", bare) or NUMBER_WORDS.search(bare):
            problems.append(f"{path.name} {number}: a clause with a number that is no known "
                            f"agreement: {text!r}")


def check_contracts(contracts_dir: Path, key: Key, problems: list[str]) -> None:
    """Every contract and amendment PDF says what the key says it does."""
    for facts in key["contracts"].values():
        lang = facts["language"]
        head = (["Artikelnummer", "Omschrijving", "Prijs per stuk"] if lang == "nl"
                else ["Item", "Description", "Unit price"])
        rows = [[item, None, f"€ {p.replace('.', ',')}" if lang == "nl" else f"EUR {p}"]
                for item, p in facts["prices"].items()]
        with pdfplumber.open(contracts_dir / facts["files"][0]) as pdf:
            found = [t for p in pdf.pages for t in p.extract_tables()]
        names = {r[0]: r[1] for t in found for r in t}
        annex = [head] + [[r[0], names.get(r[0]), r[2]] for r in rows]
        check_pdf(contracts_dir / facts["files"][0], facts, list(facts["phrasings"].values()),
                  problems, annex)
        check_clauses(contracts_dir / facts["files"][0], facts, problems)
        for a in facts["amendments"]:
            needle = ("Betaling geschiedt binnen 45 dagen na factuurdatum."
                      if a["kind"] == "payment_term" else f"artikel {a['item']} € "
                      f"{a['price'].replace('.', ',')} per stuk.")
            check_pdf(contracts_dir / a["file"], facts, [needle], problems, None)


def verify(out_dir: Path, key: Key) -> list[str]:
    """All checks; returns the problems found (empty = fine)."""
    problems: list[str] = []
    data, bad = load(out_dir / "erp_sample", problems)
    if bad != key["bad_rows"]:
        problems.append(f"bad rows {bad} != key {key['bad_rows']}")
    lines = read_csv(out_dir / "erp_sample" / "orderregels.csv", [])
    skipped = {row["Ordernr"] for n, row in lines
               if any(b["row"] == n and b["file"] == "orderregels.csv" for b in bad)}
    check_consistency(data, skipped, problems)
    check_old_deviations(key, problems)
    check_list_prices(data, key, problems)
    check_deviations(data, key, problems)
    check_revenue(data, key, problems)
    check_contracts(out_dir / "contracts_sample", key, problems)
    size = sum(f.stat().st_size for d in ("contracts_sample", "erp_sample")
               for f in (out_dir / d).iterdir())
    if size > 8_000_000:
        problems.append(f"contracts_sample + erp_sample are {size} bytes")
    return problems
