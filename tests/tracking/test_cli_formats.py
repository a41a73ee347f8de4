"""`contract-audit deviations --format csv|json`: listings a script or spreadsheet can read."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from typer.testing import CliRunner

from audit.cli import app
from audit.store.db import Store
from tests.conftest import write_sample_config
from tests.store.test_db import dev, save


def listing(config: str, fmt: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["deviations", "--config", config, "--format", fmt])
    return result.exit_code, result.stdout


def test_json_and_csv_listings(tmp_path, db_url: str) -> None:
    config = str(write_sample_config(tmp_path, database_url=db_url))
    store = Store(db_url)
    save(store, "2026-09", [dev("a", "12.5", due_date=date(2026, 10, 7)),
                            dev("b", description="=HYPERLINK(\"http://x\")")])
    code, out = listing(config, "json")
    assert code == 0, out
    records = {r["deviation_id"]: r for r in json.loads(out)}
    a = records[dev("a", "12.5").deviation_id]
    assert a["impact_eur"] == 12.5 and a["due_date"] == "2026-10-07" and a["months_open"] == 1
    code, out = listing(config, "csv")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and {r["deviation_id"] for r in rows} == set(records)
    b = next(r for r in rows if r["description"].startswith("'"))
    assert b["description"] == "'=HYPERLINK(\"http://x\")"


def test_unknown_format_is_refused(tmp_path, db_url: str) -> None:
    config = str(write_sample_config(tmp_path, database_url=db_url))
    result = CliRunner().invoke(app, ["deviations", "--config", config, "--format", "xml"])
    assert result.exit_code == 2 and "--format" in result.output
