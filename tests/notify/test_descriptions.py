"""Descriptions say what was agreed, what the ERP shows and which way the money goes; the
rule's `impact:` (per language) says how the amount was computed, in the report and email."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from audit.checks import agreed_prices
from audit.checks.base import CheckContext
from audit.config import AuditConfig
from audit.core.workdays import calendar_for
from audit.delivery import owner_workbooks
from audit.models import Clause, ContractDoc, Page, Period, Term, TermValue
from audit.notify.build import build_owner_emails
from audit.owners import assign
from audit.report.html import render_report_html
from audit.rules.loader import load_rules
from audit.rules.schema import Rule
from tests.notify.conftest import NOW, SENDER
from tests.report.sample_run import sample_run

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT / "rules")
PERIOD = Period("2026-10", date(2026, 10, 1), date(2026, 10, 31), date(2025, 11, 1))
DOC = ContractDoc(Path("prijsafspraak.pdf"), "0" * 64, (Page(1, "x"),), customer_id="K7")


def price_deviations(lang: str, price: str) -> list:
    """One order line of item Q-9 (agreed 20.00) charged `price`, 10 pieces, through the check."""
    clause = Clause(doc=DOC, article="2", heading="Prijzen", text="Q-9: EUR 20,00", page=1)
    term = Term("K7", "agreed_prices", (TermValue("unit_price", Decimal("20.00")),), clause,
                0.9, subject="Q-9")
    lines = pd.DataFrame([{"order_id": "O-1", "order_date": pd.Timestamp("2026-10-05"),
                           "item_id": "Q-9", "quantity": Decimal("10"),
                           "unit_price": Decimal(price)}])
    ctx = CheckContext(RULES["agreed_prices"], "K7", "Klant K7", {}, [term],
                       {"order_lines": lines}, PERIOD,
                       calendar_for(PERIOD.lookback_start, PERIOD.end), lang)
    config = AuditConfig.model_validate({
        "company": {"name": "Wij B.V."}, "erp": {"datasets": {}}, "language": lang,
        "owners": {"account_manager": {"name": "Am", "email": "am@x.nl"}}})
    out, _ = assign(agreed_prices.executed(ctx), config, RULES, {}, PERIOD.end,
                    calendar_for(PERIOD.lookback_start, PERIOD.end), run_date=date(2026, 11, 2))
    return out


@pytest.mark.parametrize(("price", "lang", "says", "does"), [
    ("21.00", "nl", "boven de afgesproken prijs", "te veel gefactureerd: crediteer"),
    ("19.00", "nl", "onder de afgesproken prijs", "te weinig gefactureerd: factureer dit na"),
    ("21.00", "en", "above the agreed price", "overcharged: credit it"),
    ("19.00", "en", "below the agreed price", "undercharged: invoice it"),
])
def test_the_text_says_which_way_the_money_goes(price, lang, says, does):
    [dev] = price_deviations(lang, price)
    assert says in dev.description and does in dev.action
    assert "-10" not in dev.description + dev.action, "the amount, not a signed difference"
    assert re.search(r"10[.,]00", dev.action), "the amount (10 pieces x 1.00), unsigned"
    other = "te weinig" if "te veel" in does else "te veel"
    assert other not in dev.description + dev.action


def test_each_figure_is_named():
    [dev] = price_deviations("nl", "21.00")
    assert re.search(r"afgesproken prijs (€ )?20[.,]00", dev.description)
    assert re.search(r"\(in het ERP: (€ )?21[.,]00\)", dev.description)


def test_how_the_amount_is_computed_in_the_language_in_report_and_email():
    [nl] = price_deviations("nl", "21.00")
    [en] = price_deviations("en", "21.00")
    assert nl.impact_basis.startswith("Som over de afwijkende orderregels")
    assert en.impact_basis.startswith("Sum over the deviating order lines")
    run = sample_run()
    run.deviations = [nl]
    html = render_report_html(run, "nl")
    assert f"Zo berekend:</span> {nl.impact_basis}" in html
    [email] = build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"), now=NOW)
    text = " ".join(email.message.get_body(("plain",)).get_content().split())
    assert f"Zo berekend: {nl.impact_basis}" in text
    assert "(Terug aan klanten)" in text, "the amount with the way it goes, not '-10,00'"


def test_impact_is_per_language_and_a_plain_string_still_loads():
    data = RULES["payment_term"].model_dump()
    data["impact"] = "Nothing is computed."
    rule = Rule.model_validate(data)
    assert rule.impact_text("nl") == rule.impact_text("en") == "Nothing is computed."
    assert RULES["payment_term"].impact_text("nl").startswith("Er wordt geen bedrag berekend")
