"""kill -9 while reading, while writing the database, and between outputs and emails; each
then rerun: every owner has exactly one email, the database is at head, the runs say what
happened."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

from fpdf import FPDF
from typer.testing import CliRunner

from audit.cli import app
from audit.config import load_config
from audit.faults import VARIABLE
from audit.store.db import Store
from tests.conftest import ROOT, stored_deviations
from tests.faults.conftest import at_head, audit_process, owners_of, smtp

PERIOD = "2026-10"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def slow_pdf(path: Path, pages: int = 150) -> Path:
    """A long, plain document that keeps a reader busy for many seconds."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=9)
    for n in range(pages):
        pdf.add_page()
        for line in range(60):
            pdf.cell(0, 4, f"Appendix {n}.{line}: delivery schedule row {line * 7 % 13} units",
                     new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def children(pid: int) -> set[int]:
    """The child processes of a process (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def test_killed_while_reading_the_readers_die_too_and_the_rerun_completes(tmp_path, mail_server,
                                                                          warm_config):
    contracts = tmp_path / "contracts"
    shutil.copytree(ROOT / "contracts_sample", contracts)
    slow_pdf(contracts / "aaa-long-appendix.pdf")  # sorted first: read at once
    handler, port = mail_server()
    config = warm_config(tmp_path, smtp=smtp(port), contracts_dir=str(contracts),
                         reading={"seconds_per_document": 3})
    process = audit_process(config, "run", "--period", PERIOD)
    deadline = time.monotonic() + 120
    while not (readers := children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert readers, "the audit started no reader"
    time.sleep(1.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 10  # the kernel kills them at once; allow a loaded machine
    while any(alive(r) for r in readers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [r for r in readers if alive(r)] == [], "no reader outlives its audit"
    url = load_config(config).db_url
    assert [r["status"] for r in Store(url).runs()] == ["running"]
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 0, output
    said = " ".join(output.split())  # the sample's language: nl
    assert "1 eerdere run(s) waren onderbroken" in said
    assert "aaa-long-appendix.pdf: het lezen duurde langer dan 3 s" in said
    runs = Store(url).runs()
    assert [r["status"] for r in runs] == ["completed", "interrupted"]
    assert "the process ended before the run finished" in runs[1]["error"]
    assert handler.per_owner() == dict.fromkeys(owners_of(tmp_path / "output", PERIOD), 1)
    assert at_head(url)


def test_killed_while_writing_the_database_nothing_half_saved(tmp_path, mail_server, warm_config):
    handler, port = mail_server()
    config = warm_config(tmp_path, smtp=smtp(port))
    process = audit_process(config, "run", "--period", PERIOD, env={VARIABLE: "finish_run"})
    process.wait(timeout=300)
    assert process.returncode == -9, process.stderr.read() if process.stderr else ""
    url = load_config(config).db_url
    store = Store(url)
    [killed] = store.runs()
    assert killed["status"] == "running" and stored_deviations(url, killed["id"]) == 0
    assert store.pending_emails() == [] and handler.accepted == []
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 0, output
    assert [r["status"] for r in store.runs()] == ["completed", "interrupted"]
    assert stored_deviations(url, killed["id"]) == 0
    assert handler.per_owner() == dict.fromkeys(owners_of(tmp_path / "output", PERIOD), 1)
    assert at_head(url)


def test_killed_between_outputs_and_emails_send_delivers_each_once(tmp_path, mail_server,
                                                                   warm_config):
    handler, port = mail_server(kill_on_ehlo=True)
    config = warm_config(tmp_path, smtp=smtp(port))
    process = audit_process(config, "run", "--period", PERIOD)
    handler.victim = process.pid
    process.wait(timeout=300)
    assert process.returncode == -9
    out = tmp_path / "output" / PERIOD
    assert {p.name for p in out.iterdir()} >= {"deviations.csv", "deviations.xlsx", "terms.csv",
                                               "report.html", "outbox"}
    assert not list(out.glob(".*.part")), "no half-written output"
    url = load_config(config).db_url
    store = Store(url)
    owners = owners_of(tmp_path / "output", PERIOD)
    assert [r["status"] for r in store.runs()] == ["completed"]  # recorded before any email
    assert {e["recipient"] for e in store.pending_emails()} == owners
    handler.kill_on_ehlo = False
    code, output = cli("send", "--config", str(config))
    assert code == 0, output
    assert handler.per_owner() == dict.fromkeys(owners, 1)
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 0 and f"0 verzonden, 0 in de outbox, {len(owners)} al verzonden" in output
    assert handler.per_owner() == dict.fromkeys(owners, 1)
    assert at_head(url) and store.pending_emails() == []
