"""Contract metadata (parties' KvK numbers, kind, effective date) and linking to ERP customers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from difflib import SequenceMatcher

import pandas as pd

from audit.errors import Location, Problem
from audit.models import ContractDoc
from audit.parse import find_dates

KVK = re.compile(
    r"(?:kvk|k\.v\.k\.|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|handelsregister)"
    r"[^0-9]{0,80}?(\d{8})\b",
    re.I | re.S,
)
AMENDMENT = re.compile(r"wijziging|addendum|amendment|aanvulling|allonge", re.I)
EFFECTIVE = re.compile(
    r"(?:ingangsdatum|effective\s+date|met\s+ingang\s+van|with\s+effect\s+from|"
    r"gaat\s+in\s+op|commence[sd]?\s+on)\s*:?\s*(.{0,40})",
    re.I,
)
LEGAL_FORM = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|ltd\.?|gmbh|inc\.?|limited)\b", re.I)


def describe(doc: ContractDoc, own_kvk: str | None) -> ContractDoc:
    """The document with its kind, parties' KvK numbers and effective date, from page 1."""
    first_page = doc.pages[0].text if doc.pages else ""
    head = first_page
    kvks = tuple(dict.fromkeys(k for k in KVK.findall(head) if k != own_kvk))
    title = next((line.strip() for line in first_page.split("\n") if line.strip()), "")
    kind = "amendment" if AMENDMENT.search(title) else "contract"
    return replace(doc, kvk_numbers=kvks, kind=kind, effective_date=_effective(head), title=title)


def _effective(text: str) -> date | None:
    for m in EFFECTIVE.finditer(text):
        dates = find_dates(m.group(1))
        if dates:
            return dates[0]
    return None


def link_customer(
    doc: ContractDoc, customers: pd.DataFrame | None
) -> tuple[ContractDoc, Problem | None]:
    """Link a document to an ERP customer by KvK number, else by the party's name."""
    if customers is None or customers.empty:
        return doc, Problem("contracts", "cannot link: no customer master loaded",
                            Location(doc.file))
    by_kvk = {str(k): str(c) for k, c in zip(customers["kvk_number"], customers["customer_id"],
                                             strict=True) if isinstance(k, str) and k}
    for kvk in doc.kvk_numbers:
        if kvk in by_kvk:
            return replace(doc, customer_id=by_kvk[kvk]), None
    head = _normalise(doc.pages[0].text if doc.pages else "")
    best, score = None, 0.0
    for cid, name in zip(customers["customer_id"], customers["name"], strict=True):
        n = _normalise(str(name))
        s = 1.0 if n and n in head else SequenceMatcher(None, n, head[: len(n) * 3]).ratio()
        if s > score:
            best, score = str(cid), s
    if best is not None and score >= 0.95:
        return replace(doc, customer_id=best), None
    kvks = ", ".join(doc.kvk_numbers) or "none found"
    return doc, Problem(
        "contracts",
        f"cannot link the document to a customer (KvK numbers on the title page: {kvks}; "
        "no customer name matched); its agreements are not audited",
        Location(doc.file, page=1),
    )


def _normalise(text: str) -> str:
    text = LEGAL_FORM.sub(" ", text.lower())
    return " ".join(re.findall(r"[a-z0-9à-ÿ&']+", text))
