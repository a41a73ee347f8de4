"""The tracking commands in-process: deviations, ack, resolve, suppress, send (both databases)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.config import load_config
from audit.store.db import Store
from tests.conftest import write_sample_config
from tests.store.test_db import dev, save


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


def billing():
    return dev("c", owner="Billing", rule_id="agreed_prices", owner_email="billing@example.nl")


@pytest.fixture
def tracked(tmp_path: Path, db_url: str) -> tuple[str, Store]:
    """A config whose database holds two months: a resolved, a recurring (escalated), a new."""
    config = str(write_sample_config(tmp_path, database_url=db_url))
    store = Store(db_url)
    save(store, "2026-08", [dev("a", "12.5", due_date=date(2026, 9, 7)), dev("b")])
    save(store, "2026-09", [dev("a", "12.5"), billing()])
    return config, store


def test_list_and_filter(tracked: tuple[str, Store]) -> None:
    config, _ = tracked
    code, output = cli("deviations", "--config", config)
    assert code == 0, output
    assert "3 deviation(s) of the run for 2026-09" in output
    a = dev("a").deviation_id
    assert f"│ {a} │ recurring │ C1 │ lead_time │ execution │ medium │ Planning │ 2026-08 │ 2 │ " \
           f"2026-09-07 │ yes │ │ 12.50 │" in output
    for options, count in ((["--status", "open"], 2), (["--status", "resolved"], 1),
                           (["--owner", "BILLING@"], 1), (["--rule", "agreed_prices"], 1),
                           (["--escalated"], 1), (["--customer", "c1"], 3),
                           (["--state", "none"], 3), (["--period", "2026-08"], 2)):
        code, output = cli("deviations", "--config", config, *options)
        assert code == 0 and f"{count} deviation(s) of the run" in output, options


def test_bad_filter_and_no_runs(tmp_path: Path, tracked: tuple[str, Store]) -> None:
    config, _ = tracked
    code, output = cli("deviations", "--config", config, "--status", "open-ish")
    assert code == 2 and "'open-ish' is not one of new, recurring," in output
    code, output = cli("deviations", "--config", config, "--period", "2026-01")
    assert code == 0 and "no completed run for 2026-01 in the database" in output


def test_responses_and_the_trail(tracked: tuple[str, Store]) -> None:
    config, store = tracked
    a = dev("a").deviation_id
    code, output = cli("ack", a.upper().replace("D-", "d-"), "--by", "Jan", "--note", "on it",
                       "--config", config)
    assert code == 0 and output == f"{a} acknowledged by Jan: on it"
    code, output = cli("suppress", a, "--by", "Jan", "--reason", "agreed with sales",
                       "--until", "2099-12-31", "--config", config)
    assert code == 0 and output == f"{a} suppressed by Jan until 2099-12-31: agreed with sales"
    code, output = cli("deviations", "--config", config, "--state", "suppressed")
    assert "1 deviation(s)" in output and "│ no │" not in output
    code, output = cli("resolve", billing().deviation_id, "--by", "Bea", "--config", config)
    assert code == 0 and output == f"{billing().deviation_id} marked resolved by Bea"
    code, output = cli("deviations", a, "--config", config)
    assert code == 0, output
    assert "runs: 2026-08 new, 2026-09 recurring" in output
    assert "│ Jan │ acknowledged │ on it │" in output
    assert "│ Jan │ suppressed │ agreed with sales │ 2099-12-31 │" in output
    assert "contract-audit (run 2) │ escalated │ open past its due date 2026-09-07" in output


def test_response_errors(tracked: tuple[str, Store]) -> None:
    config, _ = tracked
    code, output = cli("ack", "D-0000000000", "--by", "Jan", "--config", config)
    assert code == 1 and output.startswith("error: no deviation D-0000000000 in the database")
    code, output = cli("ack", dev("b").deviation_id, "--by", "Jan", "--config", config)
    assert code == 1 and "was resolved by the audit of 2026-09; nothing to respond to" in output
    code, output = cli("suppress", dev("a").deviation_id, "--by", "Jan", "--reason", "x",
                       "--until", "12/31/2026", "--config", config)
    assert code == 2 and "'12/31/2026' is not a date" in output and "31/12/2026" in output
    code, output = cli("suppress", dev("a").deviation_id, "--by", "Jan", "--reason", "x",
                       "--until", "2020-01-31", "--config", config)
    assert code == 0 and "note: 2020-01-31 has passed; the suppression has no effect" in output
    code, output = cli("ack", dev("a").deviation_id, "--config", config)
    assert code == 2 and "--by" in output


def test_send_needs_smtp_and_reports_what_it_did(tmp_path: Path, tracked: tuple[str, Store],
                                                 closed_port: int) -> None:
    config, _ = tracked
    code, output = cli("send", "--config", config)
    assert code == 2 and output == "error: nothing can be sent: config.yaml has no smtp: section"
    smtp = {"host": "127.0.0.1", "port": closed_port, "from": "audit@example.nl", "timeout": 5}
    config = str(write_sample_config(tmp_path, database_url=load_config(Path(config)).db_url,
                                     smtp=smtp))
    outbox = tmp_path / "output" / "2026-09" / "outbox"
    outbox.mkdir(parents=True)
    code, output = cli("send", "--config", config)
    assert code == 0 and output == f"{outbox}: niets te versturen"  # the sample config: nl
    (outbox / "planning.eml").write_bytes(
        b"From: audit@example.nl\r\nTo: Planning <p@example.nl>\r\nSubject: x\r\n"
        b"X-Audit-Period: 2026-09\r\nX-Audit-Digest: abc\r\n\r\nbody\r\n")
    code, output = cli("send", "--config", config, "--period", "2026-09")
    assert code == 4, output
    assert f"{outbox}: 0 verstuurd, 0 al eerder verstuurd, 1 niet verstuurd (nog in de outbox)" in output
    assert (outbox / "planning.eml").exists()
