"""audit.log holds every problem of a run (file, location, message, severity), not only its
start and finish."""

from __future__ import annotations

from tests.conftest import SampleAudit


def test_every_problem_of_a_run_is_in_audit_log(sample_audit: SampleAudit) -> None:
    assert sample_audit.code in (0, 3, 4), sample_audit.output
    problems = [line.strip() for line in sample_audit.output.splitlines()
                if line.strip().startswith(("waarschuwing: ", "fout: "))]  # the sample: nl
    assert problems, "the sample run reports problems"
    log = (sample_audit.folder / "output" / "audit.log").read_text(encoding="utf-8")
    logged = [line.split(": ", 1)[1] for line in log.splitlines() if " problem" not in line
              and (" WARNING " in line or " ERROR " in line)]
    for shown in problems:
        severity, text = shown.split(": ", 1)
        assert any(severity in line and line.endswith(text) for line in logged), (shown, log)
