"""An empty contracts folder (or one without PDFs) is an error with its own exit code, and the
run is recorded as failed: an audit against no contracts is no audit."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from audit.cli import app
from audit.errors import NoContractsError
from audit.store.db import Store
from tests.conftest import write_sample_config


def test_no_pdfs_in_the_contracts_folder_exits_8(tmp_path: Path) -> None:
    contracts = tmp_path / "contracts"
    contracts.mkdir()
    (contracts / "notes.txt").write_text("nothing here", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    config = write_sample_config(tmp_path, contracts_dir=str(contracts), database_url=url)
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", "2026-10"])
    flat = " ".join(result.output.split())
    assert result.exit_code == NoContractsError.exit_code == 8, flat
    assert f"no contract PDFs in the contracts folder {contracts}" in flat
    assert "contracts read: 0" not in flat
    [run] = Store(url).runs()
    assert run["status"] == "failed" and "no contract PDFs" in run["error"]
