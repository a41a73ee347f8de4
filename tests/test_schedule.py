"""The scheduled run with the real APScheduler: persistence, catch-up once, one at a time,
failed runs recorded cleanly, stale exports stop the emails."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from typer.testing import CliRunner

from audit import schedule
from audit.cli import app
from audit.config import load_config
from audit.lock import AuditLock
from audit.schedule import JOB_ID, FirstWorkingDayTrigger, start_scheduler
from audit.store.db import Store
from tests.conftest import serve, stored_deviations

AMS = ZoneInfo("Europe/Amsterdam")
KEY = json.loads((Path(__file__).resolve().parents[1] / "sample_gen" / "answer_key.json")
                 .read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[1]


def test_first_working_day_skips_weekends_and_holidays():
    trigger = FirstWorkingDayTrigger(6, 0)
    assert trigger.fire_time(2027, 1) == datetime(2027, 1, 4, 6, 0, tzinfo=AMS)  # 1 Jan: holiday
    assert trigger.fire_time(2026, 11) == datetime(2026, 11, 2, 6, 0, tzinfo=AMS)  # Sunday 1st
    after = datetime(2026, 11, 2, 6, 0, 1, tzinfo=AMS)
    assert trigger.get_next_fire_time(None, after) == datetime(2026, 12, 1, 6, 0, tzinfo=AMS)
    assert schedule.period_due(trigger, after) == "2026-10"
    assert schedule.period_due(trigger, datetime(2026, 11, 2, 5, 0, tzinfo=AMS)) == "2026-09"


def wait_for(predicate, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def jobs_in_db(url: str) -> list[tuple[str, float]]:
    with sa.create_engine(url).connect() as c:
        return list(c.execute(sa.text("select id, next_run_time from apscheduler_jobs")))


def set_stored_next_run(url: str, when: datetime) -> None:
    """Change the job's run time in the job store, with no scheduler running."""
    store = SQLAlchemyJobStore(url=url)
    store.start(BackgroundScheduler(), "default")
    job = store.lookup_job(JOB_ID)
    job._modify(next_run_time=when)
    store.update_job(job)
    store.shutdown()


def test_job_persists_over_a_restart_and_a_missed_run_is_caught_up_once(warm_sample_config,
                                                                       monkeypatch):
    monkeypatch.setattr(schedule, "now", lambda tz: datetime(2026, 11, 2, 9, 0, tzinfo=AMS))
    path = warm_sample_config()
    config = load_config(path)
    scheduler = start_scheduler(config, path)
    first = scheduler.get_job(JOB_ID).next_run_time
    scheduler.shutdown()
    assert [job for job, _ in jobs_in_db(config.db_url)] == [JOB_ID]

    scheduler = start_scheduler(config, path)  # a restart keeps the stored job as it was
    assert scheduler.get_job(JOB_ID).next_run_time == first
    scheduler.shutdown()
    # the machine was off when the job was due: its stored run time lies in the past
    set_stored_next_run(config.db_url, datetime.now(AMS) - timedelta(hours=2))

    store = Store(config.db_url)
    scheduler = start_scheduler(config, path)  # starts again: the missed run fires now
    try:
        assert wait_for(lambda: any(r["status"] == "completed" for r in store.runs()))
    finally:
        scheduler.shutdown(wait=True)
    # and not a second time: the scheduler fires only a job whose stored time has come, and the
    # stored time is the next month's now, which a restart keeps
    [(_, stored)] = jobs_in_db(config.db_url)
    assert stored > datetime.now(AMS).timestamp(), "the caught-up run moved the job on"
    scheduler = start_scheduler(config, path)
    assert scheduler.get_job(JOB_ID).next_run_time.timestamp() == stored
    scheduler.shutdown(wait=True)
    assert [(r["period"], r["status"]) for r in store.runs()] == [("2026-10", "completed")]


def test_scheduled_job_skips_a_period_already_audited(warm_sample_config, monkeypatch):
    monkeypatch.setattr(schedule, "now", lambda tz: datetime(2026, 11, 3, 9, 0, tzinfo=AMS))
    path = warm_sample_config()
    assert schedule.scheduled_audit(str(path)) == "completed"
    assert schedule.scheduled_audit(str(path)) == "skipped"
    assert [r["status"] for r in Store(load_config(path).db_url).runs()] == ["completed"]


def test_a_dry_run_does_not_make_the_scheduler_skip_the_period(sample_audit_copy, monkeypatch):
    monkeypatch.setattr(schedule, "now", lambda tz: datetime(2026, 11, 3, 9, 0, tzinfo=AMS))
    path = sample_audit_copy  # the sample audit's dry run of 2026-10 is in its database
    assert [r["status"] for r in Store(load_config(path).db_url).runs()] == ["dry_run"]
    assert schedule.scheduled_audit(str(path)) == "completed", "a preview is no audit"


def test_a_second_start_is_told_who_holds_the_lock(sample_config):
    path = sample_config()
    config = load_config(path)
    with AuditLock(config.path(config.output_dir) / ".audit.lock"):
        result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2026-10"])
    assert result.exit_code == 6
    assert "another audit is running: audit by pid" in result.output
    assert " since 20" in result.output


def test_a_lock_file_left_by_a_dead_process_is_taken_over(tmp_path):
    lock = tmp_path / ".audit.lock"
    lock.write_text(json.dumps({"pid": 999999999, "host": socket.gethostname(),
                                "since": datetime.now(AMS).isoformat()}))
    with AuditLock(lock):  # nobody holds the OS lock: the file's words do not count
        assert '"pid": 999999999' not in lock.read_text()
        assert f'"pid": {os.getpid()}' in lock.read_text()
    assert lock.read_text() == "", "released: no holder named any more"


class HeldAtGreeting:
    """aiosmtpd handler: says when an audit greets it (the audit then holds its lock: it sends
    under it) and answers only once released, so a test can start a second audit meanwhile."""

    def __init__(self) -> None:
        self.greeted, self.release = threading.Event(), threading.Event()
        self.accepted = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.greeted.set()
        await asyncio.to_thread(self.release.wait, 300)
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.accepted += 1
        return "250 OK"


def audit_command(path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "audit", "run", "--config", str(path), "--period", "2026-10",
            *args]


def test_a_second_start_while_an_audit_runs_is_refused_and_one_audit_is_recorded(
        warm_sample_config):
    handler, controllers = HeldAtGreeting(), []
    port = serve(handler, controllers)
    path = warm_sample_config(smtp={"host": "127.0.0.1", "port": port, "from": "audit@example.nl",
                                    "timeout": 300})
    first = subprocess.Popen(audit_command(path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        while not handler.greeted.wait(0.2):  # the barrier: the first audit is inside its lock
            assert first.poll() is None, first.communicate()
        second = subprocess.run(audit_command(path, "--dry-run"), capture_output=True, text=True,
                                timeout=300, check=False)
    finally:
        handler.release.set()
        _, first_err = first.communicate(timeout=300)
        for controller in controllers:
            controller.stop()
    assert first.returncode == 0, first_err
    assert second.returncode == 6, second.stderr
    assert f"another audit is running: audit by pid {first.pid}" in second.stderr
    assert [r["status"] for r in Store(load_config(path).db_url).runs()] == ["completed"]
    assert handler.accepted > 0, "the first audit went on and sent its emails"


def test_a_failing_run_is_recorded_and_leaves_no_deviations(sample_audit_copy, tmp_path):
    path = sample_audit_copy  # holds the sample audit's dry run of 2026-10
    (tmp_path / "output" / "2026-09").write_text("a file where the output folder should be")
    result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2026-09",
                                      "--dry-run"])
    assert result.exit_code == 1
    assert "error: the audit failed: FileExistsError" in result.output
    url = load_config(path).db_url
    failed, previewed = Store(url).runs()
    assert (failed["status"], previewed["status"]) == ("failed", "dry_run")
    assert "FileExistsError" in failed["error"]
    assert stored_deviations(url, failed["id"]) == 0
    assert stored_deviations(url, previewed["id"]) == len(KEY["deviations"])
    with AuditLock(tmp_path / "output" / ".audit.lock"):
        pass  # released


def test_stale_exports_stop_the_emails(sample_config, smtp_server):
    handler, port = smtp_server()
    path = sample_config(smtp={"host": "127.0.0.1", "port": port, "from": "audit@example.nl"})
    result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2027-01"])
    assert result.exit_code == 7
    assert "older than the period 2027-01: order_lines (latest 2026-10-" in result.output
    assert "no deviations were emailed" in result.output
    assert handler.received == []
    [failed] = Store(load_config(path).db_url).runs()
    assert failed["status"] == "failed" and "InputError" in failed["error"]


@pytest.mark.parametrize("missing", ["invoices"])
def test_a_missing_export_fails_the_run_before_emailing(sample_config, missing, tmp_path):
    path = sample_config()
    text = path.read_text().replace("facturen.csv", "facturen-does-not-exist.csv")
    path.write_text(text)
    result = CliRunner().invoke(app, ["run", "--config", str(path), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 7
    assert f"missing or unreadable: {missing}" in result.output
    assert not (tmp_path / "output" / "2026-10" / "outbox").exists()
