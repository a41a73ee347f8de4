"""The run command's summary is in the configured language, money in its notation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.cli import run as run_command
from audit.models import EmailCounts, RunStats
from tests.report.sample_run import sample_run

STATS = RunStats(customers=3, contracts=4, pages=9, terms=12, by_owner={"Credit control": 2},
                 impact_forgone=Decimal("1234.5"), impact_owed=Decimal("-20.25"),
                 emails=EmailCounts(sent=1, outbox=0, skipped=2))


@pytest.mark.parametrize("lang, lines", [
    ("nl", ["klanten geaudit: 3   contracten gelezen: 4 (9 pagina's)",
            "bedrag op het spel: € 1.234,50 gederfd (te weinig gefactureerd), € 20,25 terug",
            "e-mails: 1 verzonden, 0 in de outbox, 2 al verzonden", "uitvoer: out"]),
    ("en", ["customers audited: 3   contracts read: 4 (9 pages)",
            "money at stake: €1,234.50 forgone (undercharged), €20.25 owed to customers",
            "emails: 1 sent, 0 in outbox, 2 already sent", "outputs: out"]),
])
def test_the_summary_speaks_the_configured_language(lang: str, lines: list[str]) -> None:
    run = sample_run()
    run.stats = STATS
    with run_command.console.capture() as captured:
        run_command._summary(run, Path("out"), lang)
    text = captured.get()
    for line in lines:
        assert line in text, (line, text)
    assert "EUR " not in text and "working_day" not in text
