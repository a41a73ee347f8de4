"""audit.log holds every problem of a run (file, location, message, severity), not only its
start and finish."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from audit.cli import app
from tests.conftest import write_sample_config


def test_every_problem_of_a_run_is_in_audit_log(tmp_path: Path) -> None:
    config = write_sample_config(tmp_path)
    result = CliRunner().invoke(app, ["run", "--period", "2026-10", "--dry-run",
                                      "--config", str(config)])
    assert result.exit_code in (0, 3, 4), result.output
    problems = [line.strip() for line in result.output.splitlines()
                if line.strip().startswith(("waarschuwing: ", "fout: "))]  # the sample: nl
    assert problems, "the sample run reports problems"
    log = (tmp_path / "output" / "audit.log").read_text(encoding="utf-8")
    logged = [line.split(": ", 1)[1] for line in log.splitlines() if " problem" not in line
              and (" WARNING " in line or " ERROR " in line)]
    for shown in problems:
        severity, text = shown.split(": ", 1)
        assert any(severity in line and line.endswith(text) for line in logged), (shown, log)
