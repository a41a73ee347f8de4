"""What every command shares: the consoles, the --config/--verbose options, `error: ...`."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from audit.config import AuditConfig
from audit.private import PrivateRotatingFileHandler, mask

console = Console(soft_wrap=True)  # long problem lines stay whole: users grep them
err_console = Console(stderr=True, soft_wrap=True)

ConfigOption = Annotated[
    Path, typer.Option("--config", "-c", help="The config file; paths in it are relative to it.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks.")]
DEFAULT_CONFIG = Path("config.yaml")


def fail(error: Exception, verbose: bool) -> typer.Exit:
    """Print `error: ...` (with --verbose the traceback) and return the exit to raise."""
    if verbose:
        err_console.print(traceback.format_exc(), markup=False, highlight=False)
    err_console.print(f"error: {mask(str(error))}", markup=False, highlight=False)
    return typer.Exit(getattr(error, "exit_code", 1))


def choice(value: str | None, valid: tuple[str, ...], option: str) -> str | None:
    """The value of an option that takes one of `valid`; anything else is refused naming it."""
    if value is not None and value not in valid:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(valid)}", param_hint=option)
    return value


def wide(table: Table) -> None:
    """Print a table at full width: a pipe or a log gets 160 columns, not 80."""
    Console(width=None if console.is_terminal else 160).print(table)


def setup_logging(cfg: AuditConfig, console: bool = False) -> None:
    """Log to a rotating file in the output folder (audit.log), and to the console when asked
    (the scheduler; an ad-hoc run shows progress and a summary instead)."""
    folder = cfg.path(cfg.output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [PrivateRotatingFileHandler(
        folder / cfg.schedule.log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8")]
    if console:
        handlers.append(logging.StreamHandler())
    for name in ("audit", "apscheduler"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        for old in [h for h in logger.handlers if getattr(h, "audit_handler", False)]:
            logger.removeHandler(old)
            old.close()
        for handler in handlers:
            handler.setFormatter(logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handler.audit_handler = True  # type: ignore[attr-defined]
            logger.addHandler(handler)
