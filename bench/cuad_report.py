"""The contract stage on 30 real US supply and distribution contracts (CUAD), against experts' labels.

Usage: .venv/bin/python bench/cuad_report.py [--data ../shared/data/cuad-sample] [--pdf]

Reads each contract's plain text (or, with --pdf, its PDF through audit.contracts.reader), splits it
into numbered sections, runs the rules (`TermReader.read_document`) and compares:
- contract_term: the end date, renewal term and notice period of the first contract_term term with
  the labelled answers (Expiration Date, Renewal Term, Notice Period To Terminate Renewal);
- volume_commitment: recall of the labelled Minimum Commitment clauses (a found term's clause
  overlaps the label), and precision (found clauses that overlap a labelled Minimum Commitment or
  Volume Restriction clause). 'Stated' commitments are the labelled ones that put a number on
  the minimum (a quantity of units or an amount), the ones the rule kind can read. A found
  clause may give only a term to review (readable: false: the figure is blacked out, in an
  exhibit or in dollars); those count as found, and are counted apart.
The data folder is not part of the repository (see ../shared/data/README.md).
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from audit.contracts.clauses import BOILERPLATE, arabic  # noqa: E402
from audit.models import Clause, ContractDoc, Term  # noqa: E402
from audit.rules.loader import load_rules  # noqa: E402
from audit.rules.matching import TermReader, document_start  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "cuad-sample"
csv.field_size_limit(10**8)
# a section opens a block: 'ARTICLE 8 TERM', 'Section 2.1 Term.', '8.1 Term.', '7. Term.'
ARTICLE = re.compile(r"^(?:article|section)\s+([IVXLC]+|\d+)\b(?!\.\d)\.?\s*(?:[-–—:.]\s*)?(.*)$", re.I)
SUB = re.compile(r"^(?:section\s+)?(\d{1,2})\.(\d{1,2})(?:\.\d{1,2})*\.?\s+(\S.*)$", re.I)
TOP = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
# inline section starts in texts that put many sections on one line
INLINE = re.compile(r"(?<=[.;:)\]\"”])\s+(?=(?:ARTICLE|Article|SECTION)\s+(?:[IVXLC]+|\d+)\b|"
                    r"\d{1,2}\.\d{1,2}\.?\s+[A-Z(]|\d{1,2}\.\s+[A-Z][A-Za-z ]{2,40}\.\s)"
                    r"|(?<=[A-Z]{2})\s+(?=\d{1,2}\.\d{1,2}\.?\s+[A-Z(])")
STATED = re.compile(r"\d[\d,.]*\s*(?:units?|pieces?|pounds|barrels|tons?)\b|"
                    r"(?:\$|€|eur|usd)\s*\d|\d[\d,.]*\s*(?:dollars|euros?)", re.I)


@dataclass
class Block:
    """One section or paragraph of a contract text, with its article number and heading."""

    article: str
    heading: str
    text: str
    boilerplate: bool = False


def split_sections(text: str) -> list[Block]:
    """Blocks (paragraphs, and sections inside long lines), numbered by the article they are in;
    text before the first section is the preamble. An unnumbered heading in capitals ('TERM')
    opens an article too, numbered after the last one."""
    blocks: list[Block] = []
    article, heading, boiler, count, last, seen = "preamble", "", False, 0, 0, 0
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:ARTICLE|Section|\d{1,2}\.\d{0,2}\s))", text):
        parts = INLINE.split(" ".join(paragraph.split()))
        for part in parts:
            if not part:
                continue
            opened = _opens(part)
            if opened is None and seen > 300 and len(parts) == 1 and _is_heading(part):
                opened = (str(last + 1), part)
            if opened and opened[1] is not None:
                article, heading = opened[0], opened[1]
                boiler = bool(BOILERPLATE.search(heading))
                last = max(last, int(article)) if article.isdigit() else last
            seen += len(part)
            count += 1
            number = opened[0] if opened and opened[1] is None else f"{article}.p{count}"
            label = "preamble" if article == "preamble" else number
            own = _short_heading(part)
            blocks.append(Block(label, heading, part, boiler or bool(BOILERPLATE.search(own))))
    return blocks


def _opens(part: str) -> tuple[str, str | None] | None:
    """(article, heading) when the part opens an article, (sub-clause, None) for a sub-clause."""
    m = ARTICLE.match(part)
    if m:
        return arabic(m.group(1)), _short_heading(m.group(2)) or " ".join(m.group(2).split()[:8])
    m = SUB.match(part)
    if m and m.group(2) == "0":  # '14.0 LIMITATION OF LIABILITY.'
        return m.group(1), _short_heading(m.group(3))
    if m:
        return f"{m.group(1)}.{m.group(2)}", None
    m = TOP.match(part)
    if m:
        return m.group(1), _short_heading(m.group(2))
    return None


def _is_heading(part: str) -> bool:
    """A title in capitals on its own: 'TERM AND TERMINATION', 'PRODUCTS, QUANTITY, PRICE'."""
    letters = re.sub(r"[^A-Za-z]", "", part)
    return len(part.split()) <= 10 and len(letters) >= 4 and letters.isupper() and \
        part[:1].isalnum() and not part.rstrip().endswith(".")


def _short_heading(text: str) -> str:
    """A section's title: its words before the first full stop, when that is short."""
    text = re.sub(r"^(?:section\s+)?\d{1,2}(?:\.\d{1,2})*\.?\s*", "", text, flags=re.I)
    head = text.split(".")[0]
    return head if len(head.split()) <= 8 else ""


def contract_clauses(text: str, name: str) -> list[Clause]:
    """The text as the contract stage's clauses (English; no PDF pages)."""
    doc = ContractDoc(path=Path(name), sha256="", pages=(), language="en")
    return [Clause(doc=doc, article=b.article, heading=b.heading, text=b.text, page=1,
                   boilerplate=b.boilerplate) for b in split_sections(text)]


def pdf_text(path: Path) -> str:
    """The PDF's text as the contract stage reads it (pdfplumber, headers and footers removed)."""
    from audit.contracts.reader import read_pdf

    doc, _ = read_pdf(path)
    return "" if doc is None else "\n\n".join(page.text for page in doc.pages)


# --- labels ---------------------------------------------------------------------------------


@dataclass
class Labelled:
    """One contract with the labels we compare against."""

    name: str
    txt: Path
    pdf: Path
    end_date: date | None  # None: not labelled, or not a full date (perpetual, blanked)
    renewal: str | None  # '12 months', '30 days'
    notice: str | None
    commitments: list[str]  # labelled Minimum Commitment clause texts
    restrictions: list[str]  # labelled Volume Restriction clause texts


def load_labels(folder: Path) -> list[Labelled]:
    """labels.csv -> one Labelled per contract."""
    with (folder / "labels.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [Labelled(
        name=row["Filename"], txt=folder / row["txt"], pdf=folder / row["pdf"],
        end_date=us_date(row["Expiration Date-Answer"]),
        renewal=duration_answer(row["Renewal Term-Answer"]),
        notice=duration_answer(row["Notice Period To Terminate Renewal-Answer"]),
        commitments=_texts(row["Minimum Commitment"]),
        restrictions=_texts(row["Volume Restriction"]),
    ) for row in rows]


def _texts(cell: str) -> list[str]:
    return [str(t) for t in ast.literal_eval(cell)] if cell.strip() else []


def us_date(answer: str) -> date | None:
    """'12/31/23' -> 2023-12-31; None for 'perpetual', blanks ('02/[]/2021') or nothing."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", answer.strip())
    if not m:
        return None
    year = int(m.group(3))
    year += 0 if year >= 100 else (1900 if year >= 70 else 2000)
    return date(year, int(m.group(1)), int(m.group(2)))


def duration_answer(answer: str) -> str | None:
    """'successive 5 year' -> '60 months', '3 successive 1 year' -> '12 months',
    '120 days' -> '120 days', '1 month' -> '1 months'; None when not labelled."""
    found = re.findall(r"(\d+)\s*(year|month|day)", answer.lower())
    if not found:
        return None
    number, unit = int(found[-1][0]), found[-1][1]
    return f"{number * 12} months" if unit == "year" else f"{number} {unit}s"


# --- comparing ------------------------------------------------------------------------------


@dataclass
class Result:
    """What the contract stage read from one contract, next to its labels."""

    item: Labelled
    start: date | None = None
    end_date: date | None = None
    renewal: str | None = None
    notice: str | None = None
    term_terms: int = 0  # contract_term terms found (one is right)
    commitment_found: list[bool] = field(default_factory=list)  # per labelled commitment
    found_clauses: list[str] = field(default_factory=list)  # clauses with a commitment term
    found_labelled: int = 0  # of those, overlapping a labelled commitment or restriction
    review_only: int = 0  # of those, with only terms to review (figures not readable)
    seconds: float = 0.0


def product_clauses(path: Path) -> list[Clause]:
    """The PDF as the audit itself reads it: the product's reader and clause splitter."""
    from audit.contracts.clauses import split_clauses
    from audit.contracts.linking import describe
    from audit.contracts.reader import read_pdf

    doc, _ = read_pdf(path)
    return [] if doc is None else split_clauses(describe(doc, None))  # dated, as the audit does


def evaluate(reader: TermReader, item: Labelled, use_pdf: bool = False,
             product: bool = False) -> Result:
    """Run the rules on one contract and compare with its labels."""
    began = time.perf_counter()
    if product:
        clauses = product_clauses(item.pdf)
    else:
        text = pdf_text(item.pdf) if use_pdf else item.txt.read_text(encoding="utf-8",
                                                                     errors="replace")
        clauses = contract_clauses(text, item.txt.name)
    terms = reader.read_document(clauses, item.name)
    result = Result(item, start=document_start(clauses))
    _term_values(result, [t for t in terms if t.rule_id == "contract_term"])
    found = list(dict.fromkeys(t.clause.text for t in terms if t.rule_id == "volume_commitment"))
    result.found_clauses = found
    readable = {t.clause.text for t in terms
                if t.rule_id == "volume_commitment" and t.get("readable") is not False}
    result.review_only = sum(c not in readable for c in found)
    result.commitment_found = [any(overlaps(label, c) for c in found) for label in item.commitments]
    labels = item.commitments + item.restrictions
    result.found_labelled = sum(any(overlaps(label, c) for label in labels) for c in found)
    result.seconds = time.perf_counter() - began
    return result


def _term_values(result: Result, terms: list[Term]) -> None:
    """The values of the contract_term term the checks use: the most confident one (the one
    with the most values read), the first in the text on a tie."""
    result.term_terms = len(terms)
    if terms:
        first = max(terms, key=lambda t: (t.confidence, len(t.values)))
        result.end_date = first.get("end_date")
        renewal = first.get("renewal_months")
        result.renewal = f"{renewal} months" if renewal else None
        result.notice = first.get("notice")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w$%€]+", " ", text.lower()).split())


def overlaps(label: str, clause_text: str) -> bool:
    """True when a labelled clause and a clause of ours share a stretch of text (50 characters,
    or the whole of a shorter label part; labels join parts with '<omitted>')."""
    clause = _norm(clause_text)
    for piece in label.split("<omitted>"):
        part = _norm(piece)
        if len(part) < 20:
            continue
        if part in clause or (len(clause) >= 40 and clause in part):
            return True
        if any(part[i:i + 50] in clause for i in range(0, max(1, len(part) - 50), 25)):
            return True
    return False


def is_stated(label: str) -> bool:
    """A labelled commitment that names its minimum: a number of units or an amount."""
    return bool(STATED.search(label))


# --- totals and the table -------------------------------------------------------------------


@dataclass
class Totals:
    """The figures over all contracts."""

    end: tuple[int, int] = (0, 0)  # right, labelled
    renewal: tuple[int, int] = (0, 0)
    notice: tuple[int, int] = (0, 0)
    unlabelled_reads: int = 0  # a value read where the label has no answer
    recall: tuple[int, int] = (0, 0)  # labelled commitments found, labelled
    stated_recall: tuple[int, int] = (0, 0)
    precision: tuple[int, int] = (0, 0)  # found clauses that are labelled, found clauses
    review_only: int = 0  # found clauses with only terms to review (readable: false)


def totals(results: list[Result]) -> Totals:
    """Accuracy of end date, renewal and notice (over contracts with a labelled answer);
    recall and precision of the volume commitments."""
    t = Totals()
    for r in results:
        for name, read, want in (("end", r.end_date, r.item.end_date),
                                 ("renewal", r.renewal, r.item.renewal),
                                 ("notice", _plural(r.notice), _plural(r.item.notice))):
            right, labelled = getattr(t, name)
            if want is not None:
                setattr(t, name, (right + (read == want), labelled + 1))
            elif read is not None:
                t.unlabelled_reads += 1
        stated = [is_stated(label) for label in r.item.commitments]
        t.recall = _add(t.recall, sum(r.commitment_found), len(r.commitment_found))
        t.stated_recall = _add(t.stated_recall, sum(f for f, s in zip(r.commitment_found, stated,
                                                                      strict=True) if s),
                               sum(stated))
        t.precision = _add(t.precision, r.found_labelled, len(r.found_clauses))
        t.review_only += r.review_only
    return t


def _add(pair: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    return pair[0] + a, pair[1] + b


def _plural(value: str | None) -> str | None:
    return None if value is None else value.rstrip("s") + "s"


def ratio(pair: tuple[int, int]) -> str:
    """'12/16 = 0.750'."""
    return f"{pair[0]}/{pair[1]} = {pair[0] / pair[1]:.3f}" if pair[1] else f"{pair[0]}/0 = n/a"


def _cell(read: object, want: object) -> str:
    mark = "" if want is None else (" ok" if str(read) == str(want) else " X")
    return f"{read or '-'}|{want or '-'}{mark}"


def table(results: list[Result]) -> str:
    """The per-contract table: read|labelled (ok / X) per value; commitments found/labelled."""
    lines = [f"{'contract':32} {'end date read|label':28} {'renewal':24} {'notice':22} "
             f"{'terms':>5} {'MC found':>8} {'VC found(labelled)':>18} {'sec':>5}"]
    for r in results:
        lines.append(
            f"{r.item.name[:32]:32} {_cell(r.end_date, r.item.end_date):28} "
            f"{_cell(r.renewal, r.item.renewal):24} "
            f"{_cell(_plural(r.notice), _plural(r.item.notice)):22} {r.term_terms:5} "
            f"{sum(r.commitment_found):>3}/{len(r.commitment_found):<4} "
            f"{len(r.found_clauses):>9}({r.found_labelled}){'':6} {r.seconds:5.1f}")
    return "\n".join(lines)


def summary(t: Totals) -> str:
    """The totals, as quoted in the closing note."""
    return "\n".join([
        f"contract_term end date   {ratio(t.end)}",
        f"contract_term renewal    {ratio(t.renewal)}",
        f"contract_term notice     {ratio(t.notice)}",
        f"  values read where the label has none: {t.unlabelled_reads}",
        f"volume_commitment recall (all labelled Minimum Commitment)  {ratio(t.recall)}",
        f"volume_commitment recall (stated: a number of units/amount) {ratio(t.stated_recall)}",
        f"volume_commitment precision (overlaps Minimum Commitment or Volume Restriction) "
        f"{ratio(t.precision)}",
        f"  found clauses with only a term to review (figures not readable): {t.review_only}",
    ])


def main(argv: list[str] | None = None) -> int:
    """Print the per-contract table and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the cuad-sample folder")
    parser.add_argument("--pdf", action="store_true", help="read the PDFs instead of the text")
    parser.add_argument("--product", action="store_true",
                        help="read the PDFs with the audit's own reader and clause splitter")
    parser.add_argument("--misses", action="store_true",
                        help="list every labelled Minimum Commitment not found, and every found "
                             "clause no label overlaps")
    args = parser.parse_args(argv)
    if not (args.data / "labels.csv").is_file():
        print(f"error: no labels.csv in {args.data} (see ../shared/data/README.md)")
        return 1
    reader = TermReader(load_rules(ROOT / "rules"))
    results = [evaluate(reader, item, args.pdf, args.product) for item in load_labels(args.data)]
    print(table(results))
    print()
    print(summary(totals(results)))
    for r in results:
        for label, found in zip(r.item.commitments, r.commitment_found, strict=True):
            if is_stated(label):
                print(f"stated commitment {'FOUND' if found else 'missed'}: {r.item.name[:30]}: "
                      f"{' '.join(label.split())[:150]}")
    if args.misses:
        print()
        print(misses(results))
    return 0


def misses(results: list[Result]) -> str:
    """Every labelled Minimum Commitment clause not found (whole label), and every found clause
    that no Minimum Commitment or Volume Restriction label overlaps (the false ones)."""
    lines = []
    for r in results:
        for label, found in zip(r.item.commitments, r.commitment_found, strict=True):
            if not found:
                lines.append(f"MISSED {r.item.name[:40]}: {' '.join(label.split())[:600]}")
    for r in results:
        labels = r.item.commitments + r.item.restrictions
        for clause in r.found_clauses:
            if not any(overlaps(label, clause) for label in labels):
                lines.append(f"FALSE  {r.item.name[:40]}: {' '.join(clause.split())[:400]}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
