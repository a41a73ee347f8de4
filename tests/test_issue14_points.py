"""Issue 14 ('What a Dutch controller opens'): the test(s) of each numbered point and each
'What to build' line. Paths are under tests/; 'here' is this module, which adds what was missing.

| issue 14 point                                    | test(s)                                          |
|---------------------------------------------------|--------------------------------------------------|
| 1 CSVs in Dutch Excel; terms.csv without reprs    | report/test_tables_csv_dialect.py (all; unit     |
|                                                   |   words: test_terms_csv_units_are_words_of_...)  |
| 2 report at 390 px and 1280 px                    | report/test_report_chromium_widths.py            |
| 3 one notation; titles not ids; 'per working_day' | test_i18n.py (format_*, format_figures, titles); |
|                                                   | here: test_chart_legends_name_rules_by_title,    |
|                                                   |   test_the_terms_listing_writes_units_as_words   |
| 4 descriptions: agreed, ERP, direction, how       | test_i18n.py::test_every_rule_text_an_owner_...; |
|                                                   | report/test_report_html.py::test_an_owed_amount_ |
|                                                   |   shows_no_minus_sign_and_says_which_way;        |
|                                                   | here: test_an_owed_amount_in_an_email_shows_...  |
| 5 a changed agreement is a new deviation          | store/test_identity.py                           |
| 6 coverage drops are said                         | store/test_coverage_drop.py                      |
| 7 empty folder; past due dates; earlier periods   | tracking/test_empty_contracts.py; test_owners.py |
|                                                   |   ::test_an_earlier_period_audited_today_...;    |
|                                                   | store/test_identity.py::test_an_earlier_period_  |
|                                                   |   audited_later_leaves_the_later_lifecycle_alone |
| 8 Dutch throughout (console, problems, xlsx)      | test_run_summary_lang.py; test_messages.py       |
|                                                   |   (problems by code, a Dutch run prints Dutch);  |
|                                                   | here: test_xlsx_figures_are_numbers_in_their_... |
|                                                   |   test_every_owner_facing_output_of_a_dutch_run  |
| 9 typed dates, --format, audit.log, schtasks      | tracking/test_cli_dates.py;                      |
|                                                   | tracking/test_cli_formats.py,                    |
|                                                   |   cli/test_runs_listing.py; test_cli_log.py;     |
|                                                   | test_docs.py (systemd, cron, schtasks lines)     |

| What to build                                      | test(s)                                         |
|----------------------------------------------------|-------------------------------------------------|
| CSV in the language's Excel convention, a setting  | report/test_tables_csv_dialect.py               |
| one formatter for amounts/percentages/dates; labels| test_i18n.py; here: chart legends, units, xlsx  |
| descriptions: agreed, ERP, direction, 'Zo berekend'| test_i18n.py; report/test_report_html.py        |
| identity includes what was agreed                  | store/test_identity.py                          |
| coverage-drop warning                              | store/test_coverage_drop.py                     |
| empty folder exit 8; due dates; earlier periods    | tracking/test_empty_contracts.py;               |
|                                                    | test_owners.py; store/test_identity.py          |
| console, problems, xlsx headers/sheets in language;| test_run_summary_lang.py; test_messages.py;     |
|   xlsx numbers with a euro format                  | here: test_xlsx_figures_are_numbers_in_their_...|
| Dutch dates, --format, audit.log problems, schtasks| tracking/test_cli_dates.py, test_cli_formats.py;|
|                                                    | cli/test_runs_listing.py; test_cli_log.py;      |
|                                                    | test_docs.py                                    |
| the report responsive                              | report/test_report_chromium_widths.py           |
| every string reaching an owner in both languages   | test_i18n.py (labels, rule texts);              |
|                                                    | test_messages.py (problem texts, both, same     |
|                                                    |   placeholders); here: test_every_owner_facing_ |
|                                                    |   output_of_a_dutch_run_is_dutch                |
"""

from __future__ import annotations

import email
import re
import string
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from audit.cli import app
from audit.core.i18n import LABELS
from audit.core.message_texts import MESSAGES
from audit.models import AuditRun, Deviation
from audit.report.html import render_report_html
from audit.report.tables import write_deviations_xlsx
from audit.report.workbook import EUR_FORMAT
from audit.rules.loader import load_rules
from audit.rules.schema import Texts

ROOT = Path(__file__).resolve().parents[1]


def _deviation(rule_id: str, expected: str, actual: str, unit: str,
               impact: Decimal | None = None) -> Deviation:
    return Deviation(customer_id="K-7", rule_id=rule_id, kind="execution", subject=rule_id,
                     description="…", expected=expected, actual=actual, impact_eur=impact,
                     owner="Planner", figure_unit=unit, due_date=date(2026, 12, 9))


def test_xlsx_figures_are_numbers_in_their_units_format(tmp_path: Path) -> None:
    """A price in euros, a rate as a percentage, a count as a whole number, a date as a date;
    never '#,##0.##' (which shows 43.5 and '60.') for money."""
    rows = [_deviation("agreed_prices", "43.50", "21.75", "EUR", Decimal("76407.75")),
            _deviation("penalty", "2.5", "0", "%"),
            _deviation("payment_term", "30", "60", "days"),
            _deviation("contract_term", "2027-12-31", "2026-12-31", "")]
    write_deviations_xlsx(rows, tmp_path / "d.xlsx", "nl", summary=False)
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx")["Planner"]
    header = [c.value for c in sheet[1]]
    agreed, erp = header.index("Afgesproken") + 1, header.index("In het ERP") + 1
    cells = [(sheet.cell(r, agreed), sheet.cell(r, erp)) for r in range(2, 6)]
    (price, charged), (rate, _), (days, _), (end, _) = cells
    assert (price.value, charged.value) == (43.5, 21.75)
    assert price.number_format == charged.number_format == EUR_FORMAT
    assert rate.value == 0.025 and rate.number_format == "0.00%"
    assert days.value == 30 and days.number_format == "#,##0"
    assert end.is_date and end.value.date() == date(2027, 12, 31)
    assert "#,##0.##" not in {c.number_format for row in cells for c in row}


def test_the_figure_unit_comes_from_the_agreed_value_or_the_cents_of_money(tmp_path) -> None:
    from audit.owners import figure_unit

    rules = load_rules(ROOT / "rules")
    price = Deviation("K-1", "agreed_prices", "execution", "A-1", "…", "43.50", "21.75",
                      impact_eur=Decimal("-5"), agreed="A-1|unit_price=43.50")
    term = Deviation("K-1", "payment_term", "execution", "t", "…", "30", "60",
                     agreed="|days=30")
    computed = Deviation("K-1", "volume_rebate", "execution", "y", "…", "18518.13", "0.00",
                         impact_eur=Decimal("18518.13"), agreed="|tiers=((500000, 2),)")
    pieces = Deviation("K-1", "volume_commitment", "registration", "v", "…", "50000", "-",
                       agreed="|quantity=50000")
    assert figure_unit(price, rules["agreed_prices"]) == "EUR"
    assert figure_unit(term, rules["payment_term"]) == "days"
    assert figure_unit(computed, rules["volume_rebate"]) == "EUR"
    assert figure_unit(pieces, rules["volume_commitment"]) == "pieces"


def test_chart_legends_name_rules_by_title(tmp_path: Path) -> None:
    """The history charts' legends read 'Afgesproken prijzen', not 'agreed_prices', also for a
    rule with deviations only in an earlier period (its title comes from the loaded rules)."""
    from tests.report.sample_run import sample_run

    run: AuditRun = sample_run()
    rules = load_rules(ROOT / "rules")
    run.stats = replace(run.stats, rule_titles={r.id: r.title.nl for r in rules.values()})
    history = [{"period": "2026-09", "deviations": 3,
                "by_rule": {"lead_time": {"deviations": 3, "at_stake": 0}}}]
    html = render_report_html(run, "nl", history=history)
    charts = html[html.index("<svg"):html.rindex("</svg>")]
    assert rules["lead_time"].title.nl in charts
    assert "lead_time" not in charts and "agreed_prices" not in charts


def test_the_terms_listing_writes_units_as_words(warm_sample_config) -> None:
    config = warm_sample_config()
    result = CliRunner().invoke(app, ["terms", "--config", str(config)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "werkdagen" in flat
    assert not re.search(r"=\S+ working[ _]days", flat)


def test_an_owed_amount_in_an_email_shows_no_minus_sign() -> None:
    from audit.delivery import owner_workbooks
    from audit.notify.build import build_owner_emails
    from tests.report.sample_run import sample_run

    run = sample_run()
    assert any(d.impact_eur is not None and d.impact_eur < 0 for d in run.deviations)
    for mail in build_owner_emails(run, "audit@example.nl", "nl", owner_workbooks(run, "nl")):
        body = mail.message.get_body(("plain",)).get_content()
        assert "€ -" not in body and "-€" not in body, body


def _literals(template: str) -> list[str]:
    return [lit.strip(" ;:,.()'") for lit, *_ in string.Formatter().parse(template)]


def _english(min_length: int = 14) -> set[str]:
    """Literal parts of English owner-facing texts that Dutch does not share: labels, problem
    texts and every rule's title, messages, actions and impact."""
    found = {v for k, v in LABELS["en"].items() if v != LABELS["nl"][k]}
    found |= {lit for t in MESSAGES.values() for lit in _literals(t["en"])
              if lit not in t["nl"]}

    def texts(node: object) -> list[Texts]:
        if isinstance(node, Texts):
            return [node]
        return [t for v in node.values() for t in texts(v)] if isinstance(node, dict) else []

    for rule in load_rules(ROOT / "rules").values():
        for text in [rule.title, *texts(rule.action), *texts(rule.messages), *texts(rule.impact)]:
            found |= {lit for lit in _literals(text.en) if lit not in text.nl}
    return {f for s in found for f in [s.strip(" ;:,.()'")] if len(f) >= min_length}


def _said(sample_audit) -> dict[str, str]:
    """What the Dutch sample run puts before an owner or controller, as plain text per output."""
    out = sample_audit.out
    said = {"console": sample_audit.output,
            "report": re.sub(r"<[^>]+>", " ", (out / "report.html").read_text(encoding="utf-8"))}
    for path in sorted((out / "preview").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        said[path.name] = message.get_body(("plain",)).get_content() + str(message["Subject"])
    book = openpyxl.load_workbook(out / "deviations.xlsx")
    said["xlsx"] = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                            for c in row if isinstance(c.value, str))
    return said


def test_every_owner_facing_output_of_a_dutch_run_is_dutch(sample_audit) -> None:
    """The console, the report, each owner's email and the xlsx of the Dutch sample run: no
    literal part of an English label, problem or rule text, no unfilled {placeholder}, no
    label key or rule id where a person reads a word."""
    import html as htmllib

    assert sample_audit.code == 0, sample_audit.output
    english = _english()
    assert len(english) > 150
    ids = [r.id for r in load_rules(ROOT / "rules").values()] + [
        k for k in LABELS["nl"] if "_" in k]
    for name, text in _said(sample_audit).items():
        flat = htmllib.unescape(" ".join(text.split()))
        assert [e for e in english if e in flat] == [], name
        assert not re.search(r"\{[a-z_]+\}", flat), name
        if name != "xlsx":  # the xlsx's Afspraak column keeps the rule id beside the title
            assert [i for i in ids if re.search(rf"(?<![\w/.-]){i}(?![\w.-])", flat)] == [], name


def test_every_owner_facing_output_of_an_english_run_is_english(warm_sample_config,
                                                                  tmp_path: Path) -> None:
    """The same sample in English: no Dutch label, problem or rule text (contract quotes stay
    as the contract says them), no unfilled {placeholder}, no label key or rule id."""
    import html as htmllib
    from types import SimpleNamespace

    config = warm_sample_config(language="en")
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    run = SimpleNamespace(out=tmp_path / "output" / "2026-10", output=result.output)
    quotes = {d for d in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>",
                                    (run.out / "report.html").read_text(encoding="utf-8"), re.S)}
    dutch = {v for k, v in LABELS["nl"].items() if v != LABELS["en"][k] and len(v) >= 14}
    dutch |= {lit for t in MESSAGES.values() for lit in _literals(t["nl"])
              if lit not in t["en"] and len(lit) >= 14}
    ids = [r.id for r in load_rules(ROOT / "rules").values()]
    for name, text in _said(run).items():
        for quote in quotes:
            text = text.replace(quote, " ")
        flat = htmllib.unescape(" ".join(text.split()))
        assert not re.search(r"\{[a-z_]+\}", flat), name
        assert [d for d in dutch if d in flat] == [], name
        if name != "xlsx":
            assert [i for i in ids if re.search(rf"(?<![\w/.-]){i}(?![\w.-])", flat)] == [], name
