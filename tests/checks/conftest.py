"""Literal terms and frames for the pure check tests: no files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from audit.checks import CheckContext
from audit.core.workdays import calendar_for
from audit.models import Clause, ContractDoc, Period, Term, TermValue
from audit.rules.loader import load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "rules")
PERIOD = Period("2026-10", date(2026, 10, 1), date(2026, 10, 31), date(2025, 11, 1))
DOC = ContractDoc(path=Path("contract.pdf"), sha256="", pages=(), language="nl")


def term(rule_id: str, valid_from: date | None = None, valid_to: date | None = None,
         subject: str = "", article: str = "5.1", **values) -> Term:
    clause = Clause(doc=DOC, article=article, heading="x", text="clause text", page=3)
    return Term("C1", rule_id, tuple(TermValue(k, v) for k, v in values.items()), clause, 0.9,
                subject=subject, valid_from=valid_from, valid_to=valid_to)


def frame(rows: list[dict], dates: tuple[str, ...] = ()) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in dates:
        df[col] = pd.to_datetime(df[col])
    return df


@pytest.fixture
def make_ctx():
    def make(rule_id: str, terms: list[Term], customer: dict | None = None, lang: str = "en",
             **frames: pd.DataFrame) -> CheckContext:
        return CheckContext(RULES[rule_id], "C1", "Klant B.V.", customer or {}, terms, frames,
                            PERIOD, calendar_for(PERIOD.lookback_start, PERIOD.end), lang)
    return make


def d(text: str) -> date:
    return date.fromisoformat(text)


def eur(text: str) -> Decimal:
    return Decimal(text)
