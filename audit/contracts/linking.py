"""Contract metadata (parties' KvK numbers, kind, effective date) and linking to ERP customers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from audit.errors import ContractReadError, Location, Problem
from audit.models import ContractDoc
from audit.parse import address_keys, find_dates

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
FUZZY_MIN = 90  # rapidfuzz partial ratio (0-100) of the customer's name within page 1
FUZZY_MARGIN = 5  # ahead of the next best customer by at least this much
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
    doc: ContractDoc, customers: pd.DataFrame | None, index: dict[str, str] | None = None
) -> tuple[ContractDoc, Problem | None]:
    """Link a document to an ERP customer: the index file when it names the document, else the
    KvK number on the title page, else a fuzzy match of party name and address."""
    if index and doc.file in index:
        return replace(doc, customer_id=index[doc.file]), None
    if customers is None or customers.empty:
        return doc, Problem("contracts", "cannot link: no customer master loaded",
                            Location(doc.file))
    kvk_numbers = customers.get("kvk_number", pd.Series(None, index=customers.index))  # optional
    by_kvk = {str(k): str(c) for k, c in zip(kvk_numbers, customers["customer_id"],
                                             strict=True) if isinstance(k, str) and k}
    for kvk in doc.kvk_numbers:
        if kvk in by_kvk:
            return replace(doc, customer_id=by_kvk[kvk]), None
    best = _fuzzy(doc, customers)
    if best is not None:
        return replace(doc, customer_id=best), None
    kvks = ", ".join(doc.kvk_numbers) or "none found"
    return doc, Problem(
        "contracts",
        f"cannot link the document to a customer (KvK numbers on the title page: {kvks}; "
        "no customer name or address matched); its agreements are not audited — add it to "
        "the index file (reading.index_file)",
        Location(doc.file, page=1),
    )


def _fuzzy(doc: ContractDoc, customers: pd.DataFrame) -> str | None:
    """The customer whose name (and address) the title page mentions, clearly ahead of others."""
    head = _normalise(doc.pages[0].text if doc.pages else "")
    keys = set(address_keys(pd.Series([doc.pages[0].text if doc.pages else ""])))
    addresses = customers.get("delivery_address", pd.Series("", index=customers.index))
    scores = []
    for cid, name, address in zip(customers["customer_id"], customers["name"], addresses,
                                  strict=True):
        score = fuzz.partial_ratio(_normalise(str(name)), head)
        key = address_keys(pd.Series([address if isinstance(address, str) else ""])).iloc[0]
        if key and key in keys:
            score += 10
        scores.append((score, str(cid)))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= FUZZY_MIN and (len(scores) == 1
                                                  or scores[0][0] - scores[1][0] >= FUZZY_MARGIN):
        return scores[0][1]
    return None


def read_index(path: Path) -> dict[str, str]:
    """The index file: CSV with columns file,customer_id (a header row)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"file", "customer_id"} - set(frame.columns)
    if missing:
        raise ContractReadError(f"the index file needs the columns file,customer_id (missing: "
                                f"{', '.join(sorted(missing))})", Location(path.name, row=1))
    return dict(zip(frame["file"].str.strip(), frame["customer_id"].str.strip(), strict=True))


def _normalise(text: str) -> str:
    text = LEGAL_FORM.sub(" ", text.lower())
    return " ".join(re.findall(r"[a-z0-9à-ÿ&']+", text))
