"""`contract-audit config ...`: write a config.yaml from an ERP field map, and check one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml

from audit.cli.common import DEFAULT_CONFIG, ConfigOption, VerboseOption, console, fail
from audit.config import load_config
from audit.errors import AuditError

config_app = typer.Typer(help="Write or check config.yaml.", no_args_is_help=True)

HEADER = """\
# Written by `contract-audit config from-map {source}`.
# Paths are relative to this file. The owners' names and email addresses are placeholders
# (email: null): fill them in, or every deviation reports its owner without an email address.
"""


@config_app.command("from-map")
def from_map(
    field_map: Annotated[Path, typer.Argument(help="The field map: per dataset its file, format "
                                              "and fields (the program's field -> ERP column).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The config file to write.")] = Path(
        "config.yaml"),
    language: Annotated[str, typer.Option(help="Language of the report and emails: nl or en.")
                        ] = "nl",
    rules: Annotated[Path, typer.Option(help="The rule files the config uses.")] = Path("rules"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Translate a field map into config.yaml (columns, formats, value codes, look-back)."""
    from audit.field_map import translate

    if out.exists() and not force:
        raise fail(AuditError(f"{out} exists; pass --force to overwrite it"), verbose)
    try:
        translated = translate(field_map, out.resolve().parent, language, rules)
        text = HEADER.format(source=field_map.name) + yaml.safe_dump(
            translated.config, allow_unicode=True, sort_keys=False, width=100)
        out.write_text(text, encoding="utf-8")
        load_config(out)  # what it wrote is a valid config, or the error names the key
    except AuditError as e:
        raise fail(e, verbose) from None
    console.print(f"wrote {out}: {len(translated.config['erp']['datasets'])} datasets")
    for key in translated.ignored:
        console.print(f"  not translated (no setting for it): {key}")
    period = f" --period {translated.period}" if translated.period else " --period YYYY-MM"
    console.print(f"next: contract-audit check --config {out}; then contract-audit run "
                  f"--config {out}{period} --dry-run")


@config_app.command("check")
def config_check(config: ConfigOption = DEFAULT_CONFIG, verbose: VerboseOption = False) -> None:
    """Validate config.yaml without loading any export or contract."""
    try:
        cfg = load_config(config)
    except AuditError as e:
        raise fail(e, verbose) from None
    console.print(f"ok  {config}: {len(cfg.erp.datasets)} datasets, {len(cfg.owners)} owners")
