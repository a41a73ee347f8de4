"""`contract-audit schedule`: the monthly audit on its schedule, in the foreground."""

from __future__ import annotations

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail, setup_logging
from audit.config import load_config
from audit.errors import AuditError


def schedule(config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False) -> None:
    """Run the monthly audit on its schedule, in the foreground (for systemd or a terminal)."""
    from audit.schedule import next_run, run_forever, start_scheduler

    try:
        cfg = load_config(config)
        setup_logging(cfg, console=True)
        scheduler = start_scheduler(cfg, config.resolve())
    except AuditError as e:
        raise fail(e, verbose) from None
    console.print(f"scheduler started; next audit: {next_run(scheduler)}; Ctrl-C or SIGTERM stops")
    run_forever(scheduler)
