"""How well a document was read: clauses, headings, the longest clause, agreements per rule.

A thin reading is a problem naming the file and pages: no structure recognised, a clause so long
it probably swallowed others, or no agreement at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from audit.contracts.paragraphs import LONG_CLAUSE
from audit.core.messages import msg
from audit.errors import Location, Problem
from audit.models import Clause, ContractDoc, Term

UNSTRUCTURED = ("preamble", "signature")  # articles that are no heading of the document


@dataclass(frozen=True)
class Coverage:
    """The reading of one document, in figures."""

    file: str
    pages: int
    clauses: int
    headings: int  # distinct articles found (sections, articles, sub-clauses, table rows)
    longest: int  # characters of the longest clause
    longest_article: str
    longest_page: int
    unstructured: tuple[int, ...]  # pages on which no heading was recognised
    agreements: tuple[tuple[str, int], ...] | None = None  # (rule id, terms); None: not read

    @property
    def agreements_total(self) -> int:
        return sum(n for _, n in self.agreements or ())


def _heading(article: str) -> bool:
    return article not in UNSTRUCTURED and not article.startswith("para ")


def measure(doc: ContractDoc, clauses: list[Clause]) -> Coverage:
    """The structural figures of a document's clauses."""
    longest = max(clauses, key=lambda c: len(c.text), default=None)
    return Coverage(
        file=doc.file, pages=len(doc.pages), clauses=len(clauses),
        headings=len({c.article for c in clauses if _heading(c.article)}),
        longest=len(longest.text) if longest else 0,
        longest_article=longest.article if longest else "",
        longest_page=longest.page if longest else 0,
        unstructured=_unstructured_pages(doc, clauses))


def _unstructured_pages(doc: ContractDoc, clauses: list[Clause]) -> tuple[int, ...]:
    """Pages with text that only the preamble, the signature block or bare paragraphs cover."""
    headed: set[int] = set()
    for c, nxt in zip(clauses, [*clauses[1:], None], strict=True):
        if _heading(c.article):
            headed.update(range(c.page, (nxt.page if nxt else c.page) + 1))
    if not headed:
        return tuple(p.number for p in doc.pages)
    first = min(headed)  # the pages before the first heading are the title page(s)
    return tuple(p.number for p in doc.pages
                 if p.number > first and p.number not in headed and (p.text.strip() or p.tables))


def with_agreements(coverage: Coverage, terms: Iterable[Term]) -> Coverage:
    """The coverage with the agreements read from the document, per rule."""
    counts = Counter(t.rule_id for t in terms if t.clause.file == coverage.file)
    return replace(coverage, agreements=tuple(sorted(counts.items())))


def page_ranges(pages: Iterable[int]) -> str:
    """(2, 3, 4, 7) -> '2–4, 7'."""
    out: list[str] = []
    for p in sorted(pages):
        if out and out[-1].split("–")[-1] == str(p - 1):
            out[-1] = f"{out[-1].split('–')[0]}–{p}"
        else:
            out.append(str(p))
    return ", ".join(out)


def problems(coverage: Coverage) -> list[Problem]:
    """What went wrong in reading the document, each naming the file and pages."""
    where = Location(coverage.file)
    read = "" if coverage.agreements is None else msg("contracts.agreements_read",
                                                       n=coverage.agreements_total)
    found: list[Problem] = []
    if coverage.headings == 0:
        found.append(Problem.of("contracts", "contracts.no_headings", where,
                                pages=page_ranges(range(1, coverage.pages + 1)),
                                paragraphs=coverage.clauses, read=read))
    elif coverage.unstructured:
        found.append(Problem.of("contracts", "contracts.pages_unstructured", where, "warning",
                                pages=page_ranges(coverage.unstructured), read=read))
    if coverage.longest > LONG_CLAUSE:
        found.append(Problem.of("contracts", "contracts.long_clause",
                                Location(coverage.file, page=coverage.longest_page), "warning",
                                article=coverage.longest_article, length=coverage.longest))
    if coverage.agreements is not None and coverage.agreements_total == 0 and \
            coverage.headings > 0:
        found.append(Problem.of("contracts", "contracts.no_agreements", where,
                                clauses=coverage.clauses, headings=coverage.headings))
    return found


def row(coverage: Coverage) -> dict[str, object]:
    """The coverage as one row of the contracts table (terms command, HTML report, run stats)."""
    return {
        "file": coverage.file, "pages": coverage.pages, "clauses": coverage.clauses,
        "headings": coverage.headings, "longest": coverage.longest,
        "longest_at": f"p.{coverage.longest_page} {coverage.longest_article}".strip(),
        "unstructured_pages": page_ranges(coverage.unstructured),
        "agreements": coverage.agreements_total,
        "per_rule": ", ".join(f"{rule} {n}" for rule, n in coverage.agreements or ()),
        # the same, for a reader in another language (the report: rule titles, 'pagina')
        "longest_page": coverage.longest_page, "longest_article": coverage.longest_article,
        "agreements_per_rule": dict(coverage.agreements or ()),
        "problems": len(problems(coverage)),
    }
