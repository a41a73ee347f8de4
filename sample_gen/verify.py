"""Re-reads the generated files the way the audit will and checks them against the answer key:
an independent oracle recomputes every deviation from the written rows and the contract facts,
checks the revenue ranking, the bad rows, the file formats and the contract PDFs' text."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber

from sample_gen.workdays import add_working_days, is_working_day

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


def check_deviations(data: dict[str, list], key: Key, problems: list[str]) -> None:
    """The oracle's deviations must equal the key's (audited + not audited)."""
    terms = Terms(key)
    found = set(registration_devs(data, terms, key) + price_devs(data, terms, key)
                + delivery_devs(data, terms, key) + payment_devs(data, terms, key))
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
    check_deviations(data, key, problems)
    check_revenue(data, key, problems)
    check_contracts(out_dir / "contracts_sample", key, problems)
    size = sum(f.stat().st_size for d in ("contracts_sample", "erp_sample")
               for f in (out_dir / d).iterdir())
    if size > 8_000_000:
        problems.append(f"contracts_sample + erp_sample are {size} bytes")
    return problems
