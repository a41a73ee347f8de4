"""The contract-audit command: parse arguments, call the pipeline, print, exit code.

One module per command group; `common` holds what they share (consoles, options, `error: ...`)
and `listing` the --format writer of the listings.
"""

from __future__ import annotations

from audit.cli.startup import collector_paused

with collector_paused():  # the commands import pandas, sqlalchemy, pydantic models...
    import typer

    from audit.cli import check, deviations, rules, run, runs, schedule, send, setup, terms

app = typer.Typer(
    help="Contract-compliance audit: contract PDFs + ERP exports -> each owner's deviations.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(rules.rules_app, name="rules")
app.add_typer(setup.config_app, name="config")
for command in (run.run, terms.terms, schedule.schedule, runs.runs, deviations.deviations,
                deviations.ack, deviations.resolve, deviations.suppress, send.send, check.check):
    app.command()(command)


def main() -> None:
    """Entry point for python -m audit."""
    app()
