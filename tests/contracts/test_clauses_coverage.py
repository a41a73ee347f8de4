"""Coverage: what a document's reading amounts to, and the problems a thin reading raises."""

from __future__ import annotations

from datetime import date

from audit.contracts import coverage
from audit.contracts.clauses import split_clauses
from audit.models import AuditRun, Period, RunStats
from audit.report.html import render_report_html
from tests.contracts.pdfmaker import Ln, make_pdf, read


def _letter(tmp_path):
    lines = [Ln("Dear Mr Okafor,")]
    for k in range(3):
        lines += [Ln(f"Paragraph {k + 1} of our letter", gap=6), Ln("about the spare parts.")]
    return make_pdf(tmp_path / "no-headings.pdf", [lines, lines])


def test_no_structure_is_a_problem_naming_file_and_pages(tmp_path):
    doc = read(_letter(tmp_path))
    measured = coverage.with_agreements(coverage.measure(doc, split_clauses(doc)), [])
    assert (measured.clauses, measured.headings, measured.unstructured) == (8, 0, (1, 2))
    [problem] = coverage.problems(measured)
    assert str(problem) == ("no-headings.pdf: structure not recognised on pages 1–2 (no "
                            "headings found; read as 8 paragraphs); 0 agreements read")


def test_a_swallowed_clause_and_no_agreement_are_problems(tmp_path):
    words = "The buyer shall inform the seller of any change in its site rules at once."
    lines = [Ln("Terms of Trade", style="B", size=15), Ln("ARTICLE 2 - SITE RULES", style="B",
                                                          gap=5)]
    lines += [Ln(words) for _ in range(24)]  # one paragraph, no gap to cut it at
    doc = read(make_pdf(tmp_path / "swallowed.pdf", [lines]))
    measured = coverage.with_agreements(coverage.measure(doc, split_clauses(doc)), [])
    assert [str(p) for p in coverage.problems(measured)] == [
        f"swallowed.pdf, page 1: clause 2 is {measured.longest} characters long: it may hold "
        "several clauses read as one",
        "swallowed.pdf: 0 agreements read from 2 clauses (1 headings); check the document or "
        "the rules",
    ]
    assert measured.longest > coverage.LONG_CLAUSE


def test_page_ranges():
    assert coverage.page_ranges([7, 2, 3, 4]) == "2–4, 7"
    assert coverage.page_ranges([]) == ""


def test_report_shows_the_contracts_table(tmp_path):
    doc = read(_letter(tmp_path))
    row = coverage.row(coverage.with_agreements(coverage.measure(doc, split_clauses(doc)), []))
    period = Period("2026-09", date(2026, 9, 1), date(2026, 9, 30), date(2025, 10, 1))
    html = render_report_html(AuditRun(period=period, stats=RunStats(coverage=[row])), "en")
    assert "How each contract was read" in html
    assert '<tr class="flagged"><td>no-headings.pdf</td><td class="num">2</td>' in html


def test_terms_command_shows_how_each_contract_was_read(warm_sample_config):
    from typer.testing import CliRunner

    from audit.cli import app

    result = CliRunner().invoke(app, ["terms", "--config", str(warm_sample_config()),
                                      "--customer", "C1003"], terminal_width=200)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert ("raamovereenkomst_hoogvliet_foods.pdf: 4 pages, 22 clauses, 20 headings, longest "
            "clause 400 characters (p.1 preamble); ") in flat
