"""A dry run is a preview (never a completed run, never feeding the lifecycle); secrets masked,
logins encrypted by default, private files private, SMTP settings checked before the audit."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.config import SmtpConfig, load_config
from audit.errors import ConfigError, StoreError
from audit.notify.send import send_emails
from audit.store.db import Store
from tests.audit_csv import read_audit_csv
from tests.faults.conftest import sample_config, smtp


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_dry_run_is_a_preview_that_feeds_nothing(tmp_path, warm_config):
    config = warm_config(tmp_path)
    code, output = cli("run", "--config", str(config), "--period", "2026-09", "--dry-run")
    assert code == 0, output
    store = Store(load_config(config).db_url)
    assert not store.completed("2026-09"), "the scheduler must still audit the period"
    code, output = cli("run", "--config", str(config), "--period", "2026-10")
    assert code == 0, output
    october = read_audit_csv(tmp_path / "output" / "2026-10" / "deviations.csv")
    assert set(october["status"]) == {"new"}, "a preview is no earlier run"
    assert [r["status"] for r in store.runs()] == ["completed", "dry_run"]
    out = tmp_path / "output"
    assert mode(out / "audit.db") == 0o600 and mode(out / "audit.log") == 0o600
    assert mode(out / "2026-09" / "preview") == 0o700 and mode(out / "2026-10" / "outbox") == 0o700
    assert {mode(p) for p in (out / "2026-10" / "outbox").glob("*.eml")} == {0o600}


def test_starttls_is_on_whenever_a_username_is_set():
    plain = {"host": "mail.example", "from": "a@example.nl"}
    assert SmtpConfig.model_validate({**plain, "username": "audit"}).use_starttls
    assert not SmtpConfig.model_validate(plain).use_starttls
    with pytest.raises(ValueError, match="sends the password in clear text"):
        SmtpConfig.model_validate({**plain, "username": "audit", "starttls": False})
    allowed = SmtpConfig.model_validate({**plain, "username": "audit", "starttls": False,
                                         "plaintext_login": True})
    assert not allowed.use_starttls


def test_a_login_never_goes_out_in_clear_text_by_default(mail_server, monkeypatch, tmp_path):
    from audit.delivery import owner_workbooks
    from audit.notify.build import build_owner_emails
    from tests.notify.conftest import SENDER
    from tests.report.sample_run import sample_run

    handler, port = mail_server()
    monkeypatch.setenv("FAULTS_SMTP_PW", "hunter2-secret")
    config = SmtpConfig.model_validate({"host": "127.0.0.1", "port": port, "from": SENDER,
                                        "username": "audit", "password_env": "FAULTS_SMTP_PW",
                                        "timeout": 5})
    run = sample_run()
    emails = build_owner_emails(run, SENDER, "nl", owner_workbooks(run, "nl"))
    problems = send_emails(emails, config)
    assert len(problems) == len(emails) and "STARTTLS with 127.0.0.1" in problems[0].message
    assert handler.accepted == []


def test_the_database_password_is_masked_in_every_message(tmp_path):
    url = "postgresql+psycopg://audit:Sup3r-Secret-pw@127.0.0.1:1/audit"
    with pytest.raises(StoreError) as error:
        Store(url)
    assert "Sup3r-Secret-pw" not in str(error.value) and "audit:***@127.0.0.1" in str(error.value)
    config = sample_config(tmp_path, database_url=url)
    code, output = cli("runs", "--config", str(config))
    assert code == 5 and "Sup3r-Secret-pw" not in output and "***" in output


def test_smtp_settings_are_checked_before_the_audit_starts(tmp_path, monkeypatch):
    monkeypatch.delenv("FAULTS_NO_SUCH_PW", raising=False)
    config = sample_config(tmp_path, smtp={**smtp(25), "username": "audit",
                                           "password_env": "FAULTS_NO_SUCH_PW"})
    code, output = cli("run", "--config", str(config), "--period", "2026-10")
    assert code == ConfigError.exit_code
    assert "FAULTS_NO_SUCH_PW is not (or is empty)" in output
    assert not (tmp_path / "output" / "2026-10").exists(), "nothing read, nothing written"
