"""Writes the ERP exports the way a Dutch ERP does: ';'-separated cp1252 CSV with CRLF, decimal
comma, '.' thousands separator, dd-mm-jjjj dates; the price list as a real .xlsx."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from sample_gen.customers import CUSTOMERS
from sample_gen.model import Invoice, Order
from sample_gen.special import INDEX_DATE, LIST_PRICE_CHANGES, LIST_SINCE, SPECIAL
from sample_gen.world import ITEMS, round05

FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_XLSX_TIME = "2026-01-01T00:00:00Z"
BadRow = dict[str, Any]


def amount(value: Decimal) -> str:
    """'1.234,56' / '-45,00' / '12,50'."""
    text = f"{value:,.2f}"
    return text.replace(",", "#").replace(".", ",").replace("#", ".")


def ddmmyyyy(day: date | None) -> str:
    return "" if day is None else f"{day:%d-%m-%Y}"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """The ERP's CSV dialect."""
    with path.open("w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def registered_commitment(cid: str) -> str:
    """klanten 'Afnameverplichting': pieces ('65000'), an amount ('900.000,00') or empty."""
    cm = SPECIAL[cid].commitment
    if cm is None:
        return ""
    if cm.registered is not None:
        return cm.registered
    return str(cm.quantity) if cm.quantity is not None else amount(cm.amount or Decimal("0"))


def registered_end(cid: str) -> str:
    """klanten 'Einddatum contract': the current contract end unless injected otherwise."""
    term = SPECIAL[cid].term
    return ddmmyyyy(term.current_end()) if term.registered_end is None else term.registered_end


def klanten_rows() -> list[list[str]]:
    """Customer master: what the ERP has registered (including the injected errors)."""
    rows = []
    for c in CUSTOMERS:
        rows.append([c.cid, c.name, c.kvk, str(c.reg_payment_days or c.payment_days),
                     c.reg_address or c.address, c.reg_instruction,
                     str(c.reg_lead_days or c.lead_days), c.account_manager,
                     registered_commitment(c.cid), registered_end(c.cid)])
    return rows


def order_rows(orders: list[Order]) -> tuple[list[list[str]], list[BadRow]]:
    """orderregels.csv rows, and the bad rows among them (1-based, header = row 1)."""
    rows, bad = [], []
    for o in sorted(orders, key=lambda o: o.number):
        for line in o.lines:
            qty = line.qty_text or str(line.qty)
            if line.qty_text:
                bad.append({"file": "orderregels.csv", "row": len(rows) + 2, "column": "Aantal",
                            "value": line.qty_text})
            rows.append([o.number, str(line.line_no), o.cid, ddmmyyyy(o.day), line.item, qty,
                         amount(line.price), ddmmyyyy(o.requested)])
    return rows, bad


def delivery_rows(orders: list[Order]) -> tuple[list[list[str]], list[BadRow]]:
    """leveringen.csv rows, and the bad rows among them."""
    rows, bad = [], []
    deliveries = sorted(((d.number, o, d) for o in orders for d in o.deliveries),
                        key=lambda t: t[0])
    for number, o, d in deliveries:
        day = d.date_text or ddmmyyyy(d.day)
        if d.date_text:
            bad.append({"file": "leveringen.csv", "row": len(rows) + 2, "column": "Leverdatum",
                        "value": d.date_text})
        rows.append([number, o.number, o.cid, day, str(d.qty), d.address,
                     "J" if d.called else "N", d.remark])
    return rows, bad


def invoice_rows(orders: list[Order], notes: list[Invoice]) -> list[list[str]]:
    """facturen.csv rows: invoices and credit notes by date; rebate credit notes (`notes`)
    belong to no order."""
    docs = [(inv, o.cid, o.number) for o in orders
            for inv in ([o.invoice] if o.invoice else []) + o.credit_notes]
    docs += [(note, note.cid, "") for note in notes]
    rows = []
    for inv, cid, number in sorted(docs, key=lambda t: (t[0].day, t[0].number)):
        rows.append([inv.number, cid, ddmmyyyy(inv.day), ddmmyyyy(inv.due), amount(inv.amount),
                     amount(inv.freight), inv.kind, number, inv.description])
    return rows


def price_list_rows() -> list[tuple[str, str, Decimal, date, date | None]]:
    """Customer prices: the contract prices from the contract start, open-ended; a few expired
    older prices; C1008's A-112 registered at list price and C1001's A-100 not amended
    (injected registration errors)."""
    rows: list[tuple[str, str, Decimal, date, date | None]] = []
    for c in CUSTOMERS:
        prices = dict(c.prices)
        if c.cid == "C1008":
            prices["A-112"] = ITEMS["A-112"][1]
        for item, price in prices.items():
            rows.append((c.cid, item, price, c.start, None))
        if c.cid in ("C1002", "C1006", "C1010"):
            for item in sorted(c.items)[:2]:
                old = round05(prices[item] * Decimal("0.96"))
                rows.append((c.cid, item, old, date(2022, 1, 1),
                             date.fromordinal(c.start.toordinal() - 1)))
    return sorted(rows, key=lambda r: (r[0], r[1], r[3]))


def list_price_rows() -> list[tuple[str, str, Decimal, date, date | None]]:
    """The general list prices (Klantnr '*'), after the customer rows; two rows for an item
    whose list price changed on the indexation date."""
    rows: list[tuple[str, str, Decimal, date, date | None]] = []
    for item, (_, price) in ITEMS.items():
        if item in LIST_PRICE_CHANGES:
            rows.append(("*", item, price, LIST_SINCE,
                         date.fromordinal(INDEX_DATE.toordinal() - 1)))
            rows.append(("*", item, LIST_PRICE_CHANGES[item], INDEX_DATE, None))
        else:
            rows.append(("*", item, price, LIST_SINCE, None))
    return rows


def write_price_list(path: Path) -> None:
    """prijslijst.xlsx, sheet 'Prijslijst', header on row 1, real numbers and dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Prijslijst"
    ws.append(["Klantnr", "Artikelnr", "Prijs", "Geldig van", "Geldig tot"])
    for cid, item, price, start, end in price_list_rows() + list_price_rows():
        ws.append([cid, item, float(price), start, end])
    for row in ws.iter_rows(min_row=2):
        row[2].number_format = "#,##0.00"
        row[3].number_format = row[4].number_format = "DD-MM-YYYY"
    for col, width in zip("ABCDE", (10, 10, 10, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    fixed = datetime(2026, 1, 1)
    wb.properties.creator = "Van Dijk Verpakkingen B.V. ERP"
    wb.properties.created = wb.properties.modified = fixed
    wb.save(path)
    normalize_xlsx(path)


def normalize_xlsx(path: Path) -> None:
    """Make the .xlsx byte-for-byte reproducible: fixed zip times and document times."""
    src = zipfile.ZipFile(path)
    entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    src.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + FIXED_XLSX_TIME.encode(), data)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


def write_erp(orders: list[Order], notes: list[Invoice], out_dir: Path) -> list[BadRow]:
    """All five ERP exports; returns the bad rows written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(out_dir / "klanten.csv",
              ["Klantnr", "Naam", "KvK-nummer", "Betalingstermijn", "Afleveradres",
               "Afleverinstructie", "Levertijd (werkdagen)", "Accountmanager",
               "Afnameverplichting", "Einddatum contract"], klanten_rows())
    write_price_list(out_dir / "prijslijst.xlsx")
    lines, bad_lines = order_rows(orders)
    write_csv(out_dir / "orderregels.csv",
              ["Ordernr", "Regelnr", "Klantnr", "Orderdatum", "Artikelnr", "Aantal",
               "Prijs per eenheid", "Gewenste leverdatum"], lines)
    deliveries, bad_deliveries = delivery_rows(orders)
    write_csv(out_dir / "leveringen.csv",
              ["Leveringsnr", "Ordernr", "Klantnr", "Leverdatum", "Aantal", "Afleveradres",
               "Vooraf gebeld", "Opmerking"], deliveries)
    write_csv(out_dir / "facturen.csv",
              ["Factuurnr", "Klantnr", "Factuurdatum", "Vervaldatum", "Bedrag", "Vrachtkosten",
               "Soort", "Ordernr", "Omschrijving"], invoice_rows(orders, notes))
    return bad_lines + bad_deliveries
