"""The scheduled monthly run: APScheduler 3 with its jobs in the database, catch-up, one at a time."""

from __future__ import annotations

import logging
import signal
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

from audit.config import AuditConfig, ScheduleConfig, load_config
from audit.core.workdays import WorkCalendar
from audit.errors import ConfigError
from audit.models import Period

JOB_ID = "monthly-audit"
log = logging.getLogger("audit.schedule")


class FirstWorkingDayTrigger(BaseTrigger):
    """Fires on the first working day of every month (Dutch holidays) at hour:minute.

    Cron cannot say this ('1W' is refused); module level, so the job store can pickle it.
    """

    def __init__(self, hour: int = 6, minute: int = 0, timezone: str = "Europe/Amsterdam",
                 good_friday: bool = False, liberation_day: bool = False):
        self.hour, self.minute, self.timezone = hour, minute, timezone
        self.good_friday, self.liberation_day = good_friday, liberation_day

    def fire_time(self, year: int, month: int) -> datetime:
        """The moment it fires in a given month."""
        calendar = WorkCalendar(range(year, year + 1), self.good_friday, self.liberation_day)
        day = date(year, month, 1)
        while not calendar.is_working_day(day):
            day += timedelta(days=1)
        return datetime(day.year, day.month, day.day, self.hour, self.minute,
                        tzinfo=ZoneInfo(self.timezone))

    def get_next_fire_time(self, previous_fire_time: datetime | None,
                           now: datetime) -> datetime | None:
        start = previous_fire_time + timedelta(seconds=1) if previous_fire_time else now
        year, month = start.year, start.month
        for _ in range(3):
            fire = self.fire_time(year, month)
            if fire >= start:
                return fire
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return None

    def last_fire_time(self, now: datetime) -> datetime:
        """The most recent moment it fired (or should have) at or before now."""
        fire = self.fire_time(now.year, now.month)
        if fire <= now:
            return fire
        year, month = (now.year - 1, 12) if now.month == 1 else (now.year, now.month - 1)
        return self.fire_time(year, month)

    def __str__(self) -> str:
        return f"first working day of the month at {self.hour:02d}:{self.minute:02d} ({self.timezone})"

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def now(timezone: str) -> datetime:
    """The current time in the schedule's zone (one place, so tests can set the clock)."""
    return datetime.now(ZoneInfo(timezone))


def make_trigger(config: AuditConfig) -> BaseTrigger:
    """The trigger from config: a crontab expression, or the first working day of the month."""
    spec = config.schedule
    if spec.cron:
        try:
            return CronTrigger.from_crontab(spec.cron, timezone=ZoneInfo(spec.timezone))
        except ValueError as e:
            raise ConfigError(f"schedule.cron: {e}") from e
    return FirstWorkingDayTrigger(spec.hour, spec.minute, spec.timezone,
                                  config.holidays.good_friday, config.holidays.liberation_day)


def period_due(trigger: BaseTrigger, now: datetime) -> str:
    """The period a run fired at the trigger's last time covers: the month before it."""
    if isinstance(trigger, FirstWorkingDayTrigger):
        fired = trigger.last_fire_time(now)
    else:
        fired = now
    return Period.before(fired.date()).label


def scheduled_audit(config_path: str) -> str:
    """The job: audit the period that is due, unless a run of it already completed."""
    from audit.pipeline import RunOptions, audit_due, run_audit  # spaCy: here

    config = load_config(Path(config_path))
    label = period_due(make_trigger(config), now(config.schedule.timezone))
    if not audit_due(config, label):
        log.info("period %s already audited; nothing to catch up", label)
        return "skipped"
    period = Period.parse(label, config.lookback_months)
    log.info("scheduled audit of %s starts", label)
    run_audit(config, period, RunOptions())
    return "completed"


def start_scheduler(config: AuditConfig, config_path: Path) -> BackgroundScheduler:
    """A running scheduler whose job lives in the audit database.

    The job already stored is kept as it is (its next run time included), so a run missed while
    the machine was off fires once when it starts again; only a changed schedule replaces it.
    """
    from audit.pipeline import job_store

    spec: ScheduleConfig = config.schedule
    scheduler = BackgroundScheduler(
        jobstores={"default": job_store(config)},  # in the audit database, created if new
        job_defaults={
            # The library's default grace of 1 s silently skips a run missed while the machine
            # was off; a generous grace catches it up, coalesced to one run, one at a time.
            "misfire_grace_time": int(spec.misfire_grace_hours * 3600),
            "coalesce": True,
            "max_instances": 1,
        },
        timezone=ZoneInfo(spec.timezone),
    )
    scheduler.start(paused=True)
    trigger = make_trigger(config)
    job = scheduler.get_job(JOB_ID)
    if job is None or str(job.trigger) != str(trigger) or job.args != (str(config_path),):
        scheduler.add_job(scheduled_audit, trigger=trigger, args=[str(config_path)], id=JOB_ID,
                          name="monthly contract audit", replace_existing=True)
    scheduler.resume()
    return scheduler


def next_run(scheduler: BaseScheduler) -> datetime | None:
    """When the monthly job runs next."""
    job = scheduler.get_job(JOB_ID)
    return job.next_run_time if job else None


def run_forever(scheduler: BaseScheduler) -> None:
    """Block until Ctrl-C or SIGTERM, then let a running audit finish and stop."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(1):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.shutdown(wait=True)
