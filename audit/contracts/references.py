"""Contract references ('ARM-CO-2023-061', '2024/DVL/11'): how an amendment finds its base."""

from __future__ import annotations

import re

from audit.core.parse import find_dates
from audit.models import ContractDoc

# A code of letters and digits in parts joined by - / . or _, with a digit in it
CODE = re.compile(r"(?<![\w/.-])([A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+){1,5})(?![\w/-])")
MIN_LENGTH = 6  # letters and digits in a reference; shorter codes ('4.2', 'A-1') are no reference
YEAR_MONTH = re.compile(r"(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])")  # '2026-03' in a file name
AMOUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?$")


def references(text: str) -> tuple[str, ...]:
    """The contract-reference-like codes in the text, normalised (upper case, no separators);
    dates, amounts, article numbers and postcodes are not references."""
    found = []
    for m in CODE.finditer(text):
        code = m.group(1)
        key = re.sub(r"[-/._]", "", code).upper()
        if (len(key) < MIN_LENGTH or not any(c.isdigit() for c in key) or find_dates(code)
                or AMOUNT.match(code) or re.fullmatch(r"[\d.]+", code) or YEAR_MONTH.fullmatch(code)):
            continue
        found.append(key)
    return tuple(dict.fromkeys(found))


def doc_references(doc: ContractDoc) -> tuple[str, ...]:
    """The references on the first page and in the file name."""
    first = doc.pages[0].text if doc.pages else ""
    return tuple(dict.fromkeys(references(first) + references(doc.path.stem.replace("_", " "))))


def find_base(amendment: ContractDoc, docs: list[ContractDoc]) -> ContractDoc | None:
    """The one base contract whose references the amendment names (None: none or several).

    A reference that several base contracts share (a supplier's general-terms code) says nothing
    about which one is meant, so only references unique to one base contract count.
    """
    bases = [d for d in docs if d.kind == "contract" and d is not amendment]
    holders: dict[str, list[ContractDoc]] = {}
    for base in bases:
        for ref in base.references:
            holders.setdefault(ref, []).append(base)
    own = set(amendment.references)
    named = {id(d): d for ref in own if len(holders.get(ref, [])) == 1 for d in holders[ref]}
    return next(iter(named.values())) if len(named) == 1 else None
