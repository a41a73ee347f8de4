"""Delivery as a transactional outbox: killed while sending, a line dropping mid-DATA, an outage
with a dry run in between; every owner ends with exactly one email."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from audit.cli import app
from audit.config import load_config
from audit.store.db import Store
from tests.faults.conftest import at_head, audit_process, owners_of, sample_config, smtp

PERIOD = "2026-10"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exit_code == 1 and not result.output:
        raise result.exception  # type: ignore[misc]
    return result.exit_code, result.output


def test_killed_after_two_accepted_the_rerun_sends_only_the_rest(tmp_path, mail_server,
                                                                 warm_config):
    handler, port = mail_server(kill_at=3)
    config = warm_config(tmp_path, smtp=smtp(port))
    process = audit_process(config, "run", "--period", PERIOD)
    handler.victim = process.pid
    process.wait(timeout=300)
    assert process.returncode == -9, process.stderr.read() if process.stderr else ""
    assert len(handler.accepted) == 2
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 0, output
    owners = owners_of(tmp_path / "output", PERIOD)
    assert handler.per_owner() == dict.fromkeys(owners, 1), "every owner exactly once"
    assert f"e-mails: {len(owners) - 2} verzonden, 0 in de outbox, 2 al verzonden" in output
    url = load_config(config).db_url
    store = Store(url)
    assert at_head(url) and store.pending_emails() == []
    assert [r["status"] for r in store.runs()] == ["completed", "completed"]
    ids = [m["Message-ID"] for m in handler.accepted]
    assert len(set(ids)) == len(ids) and all(i.startswith("<audit-2026-10-") for i in ids)


def test_the_line_drops_mid_data_then_send_delivers_the_rest_once(tmp_path, mail_server,
                                                                  warm_config):
    handler, port = mail_server(drop_at=2)
    config = warm_config(tmp_path, smtp=smtp(port))
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 4, output  # recorded, but not every email went out
    assert "konden niet worden verzonden en wachten in de outbox" in output  # the sample: nl
    assert len(handler.accepted) == 1
    code, output = cli("send", "--config", str(config))
    assert code == 0, output
    owners = owners_of(tmp_path / "output", PERIOD)
    assert handler.per_owner() == dict.fromkeys(owners, 1)
    code, output = cli("send", "--config", str(config))
    assert code == 0 and "niets te versturen" in output


def test_a_dry_run_between_an_outage_and_send_touches_nothing(tmp_path, mail_server,
                                                              closed_port, warm_config):
    config = warm_config(tmp_path, smtp=smtp(closed_port))
    code, output = cli("run", "--config", str(config), "--period", PERIOD)
    assert code == 4 and "geen verbinding met de mailserver" in output
    outbox = tmp_path / "output" / PERIOD / "outbox"
    waiting = sorted(p.read_bytes() for p in outbox.glob("*.eml"))
    assert waiting
    code, output = cli("run", "--config", str(config), "--period", PERIOD, "--dry-run")
    assert code == 0, output
    assert sorted(p.read_bytes() for p in outbox.glob("*.eml")) == waiting, "outbox untouched"
    assert len(list((tmp_path / "output" / PERIOD / "preview").glob("*.eml"))) == len(waiting)
    handler, port = mail_server()
    config = sample_config(tmp_path, smtp=smtp(port))
    code, output = cli("send", "--config", str(config))
    assert code == 0, output
    assert handler.per_owner() == dict.fromkeys(owners_of(tmp_path / "output", PERIOD), 1)
    assert len(handler.accepted) == len(waiting)
    statuses = [r["status"] for r in Store(load_config(config).db_url).runs()]
    assert statuses == ["dry_run", "completed"]


def test_a_rerun_in_an_outage_replaces_the_outbox_and_a_copy_goes_once(tmp_path: Path,
                                                                       mail_server,
                                                                       closed_port,
                                                                       warm_config):
    config = warm_config(tmp_path, smtp=smtp(closed_port))
    assert cli("run", "--config", str(config), "--period", PERIOD)[0] == 4
    outbox = tmp_path / "output" / PERIOD / "outbox"
    first = sorted(outbox.glob("*.eml"))
    assert cli("run", "--config", str(config), "--period", PERIOD)[0] == 4  # supersedes
    assert sorted(outbox.glob("*.eml")) == first, "one file per owner, not two"
    (outbox / "copied-by-hand.eml").write_bytes(first[0].read_bytes())
    handler, port = mail_server()
    config = sample_config(tmp_path, smtp=smtp(port))
    code, output = cli("send", "--config", str(config))
    assert code == 0, output
    assert handler.per_owner() == dict.fromkeys(owners_of(tmp_path / "output", PERIOD), 1)
