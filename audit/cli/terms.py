"""`contract-audit terms`: the agreements read from the contracts, and how each was read."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, choice, console, fail
from audit.cli.listing import FORMATS, FormatOption, print_records
from audit.config import load_config
from audit.errors import AuditError


def terms(
    config: ConfigOption = DEFAULT_CONFIG,
    customer: Annotated[str | None, typer.Option(help="Only this customer id.")] = None,
    below: Annotated[float, typer.Option(
        help="Flag terms with a confidence below this for review.")] = 0.75,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Re-read every contract instead of using the reading cache.")] = False,
    fmt: FormatOption = "table",
    verbose: VerboseOption = False,
) -> None:
    """List the agreements read from every linked contract, with source and confidence."""
    from audit.pipeline import read_agreements

    choice(fmt, FORMATS, "--format")

    coverage: list[dict] = []
    try:
        settings = load_config(config)
        found, problems = read_agreements(settings, refresh=refresh, coverage=coverage)
    except AuditError as e:
        raise fail(e, verbose) from None
    found = [t for t in found if customer is None or t.customer_id == customer]
    if fmt != "table":
        _print_terms(found, below, fmt)
        return
    from audit.core.i18n import format_unit, format_value, label_value
    table = Table("customer", "rule", "value", "source", "conf.", "review",
                  title="Agreements read from the contracts", title_justify="left")
    for t in sorted(found, key=lambda t: (t.customer_id, t.rule_id, t.subject)):
        values = "; ".join(f"{v.parameter}{f'[{t.subject}]' if t.subject else ''}="
                           f"{format_value(v.value, settings.language)}"
                           f"{' ' + format_unit(v.unit, settings.language) if v.unit else ''}"
                           for v in t.values)  # 'working_days=3 werkdagen
        where = f"{t.clause.file} p.{t.clause.page} art. {t.clause.article}"
        flag = ("override" if t.override else "") or ("LOW" if t.confidence < below else "")
        flag += " OCR" if t.source == "ocr" else ""
        table.add_row(t.customer_id, t.rule_id, values, where, f"{t.confidence:.2f}",
                      flag.strip())
    console.print(table)
    low = sum(1 for t in found if t.confidence < below and not t.override)
    console.print(f"{len(found)} agreements; {low} below {below:.2f} to review — correct a "
                  "misread one in terms_overrides.yaml (see the README)")
    _print_coverage(coverage)
    for problem in problems:
        console.print(f"  {label_value(settings.language, problem.severity)}: "
                      f"{problem.render(settings.language)}", markup=False, highlight=False)


TERM_FIELDS = ("customer_id", "rule_id", "subject", "parameter", "value", "unit", "file", "page",
               "article", "confidence", "review")


def _print_terms(found: list, below: float, fmt: str) -> None:
    """The agreements as one record per value (print_records writes numbers and dates)."""
    from datetime import date
    from decimal import Decimal

    from audit.core.cells import render_value

    def plain(value: object) -> object:
        return value if isinstance(value, int | Decimal | date) else render_value(value)

    records = [
        {"customer_id": t.customer_id, "rule_id": t.rule_id, "subject": t.subject,
         "parameter": v.parameter, "value": plain(v.value), "unit": v.unit,
         "file": t.clause.file, "page": t.clause.page, "article": t.clause.article,
         "confidence": round(t.confidence, 2),
         "review": bool(t.confidence < below and not t.override)}
        for t in sorted(found, key=lambda t: (t.customer_id, t.rule_id, t.subject))
        for v in t.values]
    print_records(records, TERM_FIELDS, fmt)


def _print_coverage(coverage: list[dict]) -> None:
    """Per document: how well it was read (a thin reading is also listed as a problem)."""
    console.print("How each contract was read:")
    for row in coverage:
        gaps = f", no structure on pages {row['unstructured_pages']}" \
            if row["unstructured_pages"] else ""
        rules = f" ({row['per_rule']})" if row["per_rule"] else ""
        console.print(f"  {row['file']}: {row['pages']} pages, {row['clauses']} clauses, "
                      f"{row['headings']} headings, longest clause {row['longest']} characters "
                      f"({row['longest_at']}){gaps}; {row['agreements']} agreements{rules}",
                      markup=False, highlight=False)
