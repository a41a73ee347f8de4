"""Contract metadata (parties' KvK numbers, kind, effective date) and linking to ERP customers."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from audit.contracts.dated import document_date
from audit.contracts.references import doc_references, find_base
from audit.core.addresses import address_keys
from audit.core.messages import msg
from audit.errors import ContractReadError, Location, Problem
from audit.models import ContractDoc

# A party's registration number after the register's name: Dutch KvK and the like elsewhere
# (trade register, Companies House, KBO / ondernemingsnummer), written whole ('12345678') or in
# groups ('12.34.56.78', '0123.456.789', '1234 5678'); compared as digits (register_key); another
# number's label in between (phone, IBAN, VAT) ends the search
KVK = re.compile(
    r"\b(?:kvk|k\.v\.k\.|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|handelsregister|"
    r"trade\s+register|commercial\s+register|companies\s+house|company\s+(?:registration\s+)?"
    r"(?:number|no\.?)|registered\s+number|kbo|ondernemingsnummer)"
    r"(?:(?!\b(?:tel|telefoon|phone|fax|mobiel|mobile|iban|btw|vat)\b)[^0-9]){0,80}?"
    r"(\d{6,12}|\d{2,4}(?:[ .\u00a0]\d{2,4}){1,3})(?![\d.,]?\d)",
    re.I | re.S,
)
# What an amendment calls itself, as a noun in its title block ('Amendment No. 2', 'Allonge 1',
# 'Side letter', 'Tweede wijzigingsovereenkomst'); 'as amended by' in a base contract is no title
AMENDMENT = re.compile(
    r"(?<!amended by )(?<!gewijzigd bij )(?<!gewijzigd door )\b(?:wijziging\w*|addend\w*|"
    r"amendment|aanvulling\w*|allonge|side[\s-]+letter|letter\s+agreement|nachtrag|"
    r"supplement(?:al|ary)?(?:\s+agreement)?|variation\s+agreement|änderungsvereinbarung)\b",
    re.I,
)
TITLE_LINES = 15  # the title block: the first lines of page 1
TITLE_WORDS = 12  # a title line is short; a sentence that mentions an amendment is not one
COVER_WORDS = 60  # a first page with fewer words is a cover: the parties follow on page 2
FUZZY_MIN = 90  # rapidfuzz partial ratio (0-100) of the customer's name within page 1
FUZZY_MARGIN = 5  # ahead of the next best customer by at least this much
LEGAL_FORM = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|ltd\.?|gmbh|inc\.?|limited)\b", re.I)


def describe(doc: ContractDoc, own_kvk: str | None) -> ContractDoc:
    """The document with its kind, title, parties' KvK numbers, references and effective date."""
    first_page = doc.pages[0].text if doc.pages else ""
    own = register_key(own_kvk or "")
    kvks = tuple(dict.fromkeys(digits for k in KVK.findall(parties_text(doc))
                               if (digits := re.sub(r"\D", "", k)) and register_key(digits) != own))
    lines = [line.strip() for line in first_page.split("\n") if line.strip()]
    named = next((line for line in lines[:TITLE_LINES]
                  if len(line.split()) <= TITLE_WORDS and AMENDMENT.search(line)), None)
    kind = "amendment" if named else "contract"
    dated = document_date(doc.pages, doc.language, kind == "amendment")
    doc = replace(doc, kvk_numbers=kvks, kind=kind, effective_date=dated.day,
                  date_basis=dated.basis, title=named or (lines[0] if lines else ""))
    return replace(doc, references=doc_references(doc))


def link_documents(docs: list[ContractDoc], customers: pd.DataFrame | None,
                   index: dict[str, str] | None = None) -> tuple[list[ContractDoc], list[Problem]]:
    """Link every document (link_customer); an amendment finds its base contract by the contract
    reference it names, and takes the base's customer when nothing else linked it."""
    linked = [link_customer(doc, customers, index) for doc in docs]
    bases = [doc for doc, _ in linked]
    result, problems = [], []
    for doc, problem in linked:
        if doc.kind == "amendment":
            named = bool(index and doc.file in index) or _kvk_linked(doc, customers)
            doc, problem = _to_base(doc, problem, bases, named)
        result.append(doc)
        problems += [problem] if problem else []
        if doc.kind == "amendment" and doc.effective_date is None:
            problems.append(Problem.of("contracts", "contracts.amendment_no_date",
                                       Location(doc.file, page=1)))
    return result, problems


def _kvk_linked(doc: ContractDoc, customers: pd.DataFrame | None) -> bool:
    """Whether the document names its customer's KvK number (a link by name is weaker)."""
    if doc.customer_id is None or customers is None or "kvk_number" not in customers:
        return False
    own = customers.loc[customers["customer_id"].astype(str) == doc.customer_id, "kvk_number"]
    found = {register_key(k) for k in doc.kvk_numbers}
    return any(register_key(str(k)) in found for k in own if _given(k))


def register_key(number: str) -> str:
    """A registration number as compared: its digits without leading zeros (an ERP that keeps
    the number as a figure drops the zero a KvK number can start with: 01234567 -> 1234567)."""
    return re.sub(r"\D", "", number).lstrip("0")


def _given(value: object) -> bool:
    """Whether the customer master holds a registration number here (not empty, not NaN)."""
    return isinstance(value, str | int) and bool(register_key(str(value)))


def _to_base(doc: ContractDoc, problem: Problem | None, docs: list[ContractDoc],
             named: bool) -> tuple[ContractDoc, Problem | None]:
    """The amendment with its base contract and the base's customer, unless the index file or
    the amendment's own KvK number named another customer (a name match is overruled)."""
    base = find_base(doc, docs)
    if base is None or base.customer_id is None:
        if problem is not None:
            refs = ", ".join(doc.references) or msg("contracts.none_found")
            code, params = ("contracts.cannot_link_amendment", dict(problem.params)) if \
                problem.code == "contracts.cannot_link" else (
                "contracts.no_base_named", {"problem": problem.msg()})
            problem = Problem.of(problem.stage, code, problem.location, problem.severity,
                                 **params, refs=refs)
        return doc, problem
    if named and doc.customer_id != base.customer_id:
        return doc, Problem.of("contracts", "contracts.amendment_other_customer",
                               Location(doc.file, page=1), "warning", base=base.file,
                               base_customer=base.customer_id, customer=doc.customer_id)
    return replace(doc, amends=base.file, customer_id=base.customer_id), None


def link_customer(
    doc: ContractDoc, customers: pd.DataFrame | None, index: dict[str, str] | None = None
) -> tuple[ContractDoc, Problem | None]:
    """Link a document to an ERP customer: the index file when it names the document, else the
    KvK number on the title page, else a fuzzy match of party name and address."""
    if index and doc.file in index:
        return replace(doc, customer_id=index[doc.file]), None
    if customers is None or customers.empty:
        return doc, Problem.of("contracts", "contracts.no_customer_master", Location(doc.file))
    kvk_numbers = customers.get("kvk_number", pd.Series(None, index=customers.index))  # optional
    by_kvk = {register_key(str(k)): str(c) for k, c in zip(kvk_numbers, customers["customer_id"],
                                                           strict=True) if _given(k)}
    for kvk in doc.kvk_numbers:
        if register_key(kvk) in by_kvk:
            return replace(doc, customer_id=by_kvk[register_key(kvk)]), None
    best = _fuzzy(doc, customers)
    if best is not None:
        return replace(doc, customer_id=best), None
    kvks = ", ".join(doc.kvk_numbers) or msg("contracts.none_found")
    return doc, Problem.of("contracts", "contracts.cannot_link", Location(doc.file, page=1),
                           kvks=kvks)


def _fuzzy(doc: ContractDoc, customers: pd.DataFrame) -> str | None:
    """The customer whose name (and address) the title page mentions, clearly ahead of others."""
    parties = parties_text(doc)
    head = _normalise(parties)
    keys = set(address_keys(pd.Series([parties])))
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


def parties_text(doc: ContractDoc) -> str:
    """Where a contract names its parties: page 1, and the next page too when page 1 is a cover
    (a title, a logo, a date: fewer than COVER_WORDS words)."""
    pages = [p.text for p in doc.pages[:2]]
    if len(pages) == 2 and len(pages[0].split()) < COVER_WORDS:
        return "\n".join(pages)
    return pages[0] if pages else ""


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
