"""Effective dates and amendment kinds on cuad-sample, read through the product's PDF reader.

Usage: .venv/bin/python bench/effective_dates.py [--data ../shared/data] [--pages 3] [--list]

Per contract: the kind `describe` gives it (contract | amendment; the file name says which it
is, but for the two in KINDS) and its effective date against the label (CUAD 'Effective Date',
else 'Agreement Date'; dates written M/D/YY). Prints right / none (nothing read) / wrong, and
the kinds. Measured 2026-12-02: 17/23 right, 5 none, 1 wrong (LIMEENERGY: the text says
'this 7th day of September, 1999', the label 7/7/99); kinds 30/30.
The data folder is not part of the repository (see ../shared/data/README.md).
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from audit.contracts.linking import describe  # noqa: E402
from audit.contracts.reader import ReadLimits, read_pdf  # noqa: E402
from audit.models import ContractDoc  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
# What a file is when its name does not say it (read by eye from the PDFs)
KINDS = {
    # 'AMENDMENT NO. 2 TO ... MANUFACTURING AGREEMENT' is its title
    "BellringBrandsInc_20190920_S-1_EX-10.12_11817081_EX-10.12_Manufacturing Agreement3.pdf":
        "amendment",
    # page 1 is the middle of the distributor agreement; the amendments follow it
    "NETGEAR,INC_04_21_2003-EX-10.16-AMENDMENT TO THE DISTRIBUTOR AGREEMENT BETWEEN INGRAM MICRO "
    "AND NETGEAR-.pdf": "contract",
}


def label_date(text: str) -> date | None:
    """A CUAD answer '9/28/18' as a date; None for an empty or partial one ('02/[]/2017')."""
    for form in ("%m/%d/%y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def main() -> None:
    """Score every labelled PDF and print the tally."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pages", type=int, default=3, help="pages read per document")
    parser.add_argument("--list", action="store_true", help="one line per document")
    args = parser.parse_args()
    root = args.data / "cuad-sample"
    tally = {"right": 0, "none": 0, "wrong": 0, "unlabelled": 0, "kind_right": 0, "docs": 0}
    with open(root / "labels.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        doc, _ = read_pdf(root / row["pdf"], ReadLimits(max_pages=args.pages, ocr=False))
        if doc is None:
            continue
        doc = describe(ContractDoc(doc.path, doc.sha256, doc.pages, language="en"), None)
        want = label_date(row["Effective Date-Answer"]) or label_date(row["Agreement Date-Answer"])
        got = doc.effective_date
        verdict = ("unlabelled" if want is None else "right" if got == want
                   else "none" if got is None else "wrong")
        tally[verdict] += 1
        kind = KINDS.get(row["Filename"], "amendment" if "AMEND" in row["Filename"].upper()
                         else "contract")
        tally["kind_right"] += doc.kind == kind
        tally["docs"] += 1
        if args.list:
            print(f"{verdict:10} {doc.kind:9} got={got} want={want} {row['Filename'][:70]}")
    labelled = tally["docs"] - tally["unlabelled"]
    print(f"effective dates: {tally['right']}/{labelled} right, {tally['none']} none, "
          f"{tally['wrong']} wrong ({tally['unlabelled']} unlabelled); kinds right: "
          f"{tally['kind_right']}/{tally['docs']}")


if __name__ == "__main__":
    main()
