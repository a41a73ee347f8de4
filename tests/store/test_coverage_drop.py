"""A document that yields fewer agreements than in the previous run is a warning naming the
document and the rules that lost agreements: each run stores its counts per document and rule
(real sample runs, real SQLite)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from audit.cli import app
from audit.store.db import Store
from audit.store.history import agreement_drops
from audit.store.tables import RunRow
from tests.conftest import CacheRows, seed_reading_cache, write_sample_config

DOC = "raamovereenkomst_hoogvliet_foods.pdf"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


def test_fewer_agreements_than_the_previous_run_is_a_warning(tmp_path: Path,
                                                             reading_cache: CacheRows) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    config = str(seed_reading_cache(write_sample_config(tmp_path, database_url=url),
                                    reading_cache))
    code, output = cli("run", "--config", config, "--period", "2026-10")
    assert code == 0, output
    assert "ten opzichte van de vorige run" not in output, "the first run has nothing to compare with"
    store = Store(url)
    counts = store.last_agreements()
    assert counts[DOC]["agreed_prices"] > 0 and DOC in counts
    before = {**counts[DOC], "agreed_prices": counts[DOC]["agreed_prices"] + 9}
    with Session(store.engine) as s, s.begin():  # as if the PDF had 9 more prices last month
        run_id, stats = s.execute(select(RunRow.id, RunRow.stats)).one()
        s.execute(update(RunRow).where(RunRow.id == run_id).values(
            stats={**stats, "agreements": {**stats["agreements"], DOC: before}}))
    total = sum(counts[DOC].values())
    expected = (f"{DOC}: {total + 9} -> {total} afspraken ten opzichte van de vorige run; "
                "agreed_prices 9 minder")  # the sample config is Dutch
    code, output = cli("run", "--config", config, "--period", "2026-10", "--dry-run")
    assert code == 0, output
    assert expected in output
    assert output.count("ten opzichte van de vorige run") == 1, "only the document that lost agreements"
    code, output = cli("terms", "--config", config)
    assert code == 0, output
    assert expected in output


def test_more_or_other_agreements_are_no_warning() -> None:
    previous = {"a.pdf": {"agreed_prices": 3, "payment_term": 1}, "gone.pdf": {"lead_time": 1}}
    assert agreement_drops(previous, {"a.pdf": {"agreed_prices": 5, "payment_term": 1}}) == []
    [drop] = agreement_drops(previous, {"a.pdf": {"agreed_prices": 1}, "new.pdf": {}})
    assert (str(drop), drop.severity) == (
        "a.pdf: 4 -> 1 agreements than in the previous run; agreed_prices 2 fewer, payment_term "
        "1 fewer (was the PDF replaced or re-scanned? check `contract-audit terms`)", "warning")
