"""`contract-audit runs --format csv|json`: the recorded runs as a script reads them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from sqlalchemy import text
from typer.testing import CliRunner

from audit.cli import app
from audit.store.db import Store
from tests.conftest import write_sample_config
from tests.report.sample_run import sample_run


def listing(config: str, fmt: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["runs", "--config", config, "--format", fmt])
    return result.exit_code, result.stdout


def test_runs_as_json_and_csv(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    config = str(write_sample_config(tmp_path, database_url=url))
    store = Store(url)
    done = sample_run()
    done.stats = replace(done.stats, deviations=len(done.deviations))
    store.finish_run(store.start_run("2026-09", {}), done)
    store.fail_run(store.start_run("2026-10", {}), "=cmd|' /C calc'!A0 export missing")

    code, out = listing(config, "json")
    assert code == 0, out
    failed, completed = json.loads(out)  # newest first
    assert completed["period"] == "2026-09" and completed["status"] == "completed"
    assert completed["deviations"] == len(done.deviations) and completed["problems"] == 2
    assert isinstance(completed["seconds"], float) and completed["started_at"][:2] == "20"
    assert failed["status"] == "failed" and failed["deviations"] is None
    code, out = listing(config, "csv")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["period"] for r in rows] == ["2026-10", "2026-09"]
    assert rows[0]["error"].startswith("'=cmd")  # a formula text stays inert in a spreadsheet


def test_an_unknown_format_is_refused_naming_the_option(tmp_path) -> None:
    config = str(write_sample_config(tmp_path))
    result = CliRunner().invoke(app, ["runs", "--config", config, "--format", "xml"])
    assert result.exit_code == 2 and "--format" in result.output


def test_a_run_stored_by_an_older_version_is_listed(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    config = str(write_sample_config(tmp_path, database_url=url))
    store = Store(url)
    run_id = store.start_run("2026-08", {})
    store.finish_run(run_id, sample_run())
    with store.engine.begin() as connection:  # the figures as a version before the coverage
        connection.execute(text("UPDATE runs SET stats = :stats WHERE id = :id"), {
            "id": run_id, "stats": json.dumps({
                "customers": 10, "contracts": 14, "pages": 54, "terms": 140, "deviations": 26,
                "impact_forgone": "107721.40", "impact_owed": "0", "problems": 2,
                "emails": {"sent": 7, "outbox": 0, "skipped": 0}})})
    code, out = listing(config, "json")
    assert code == 0, out
    [old] = json.loads(out)
    assert (old["period"], old["deviations"]) == ("2026-08", 26)
    assert store.last_agreements() == {}
