"""A full output disk (a 2 MB tmpfs): the run fails naming the file, sends nothing, leaves no
cut-off output; once there is room the rerun delivers every owner's email once."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.config import load_config
from audit.store.db import Store
from tests.conftest import stored_deviations
from tests.faults.conftest import owners_of, smtp

PERIOD = "2026-10"
ROOM = 20_000  # bytes left: deviations.csv fits, deviations.xlsx does not


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs mounted at tmp_path/out (needs root)."""
    folder = tmp_path / "out"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("the full-disk case mounts a 2 MB tmpfs, which needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Take all but `leave` bytes of the file system."""
    stats = os.statvfs(folder)
    filler = folder / "filler.bin"
    filler.write_bytes(b"\0" * max(stats.f_bavail * stats.f_frsize - leave, 0))
    return filler


def test_a_full_output_disk_sends_nothing_and_leaves_nothing_cut_off(tmp_path, small_disk,
                                                                     mail_server, warm_config):
    handler, port = mail_server()
    # the sample contracts already read (the reading cache): the case is the disk, not the PDFs
    config = warm_config(tmp_path, smtp=smtp(port), output_dir=str(small_disk),
                         database_url=f"sqlite:///{tmp_path / 'audit.db'}")
    filler = fill(small_disk, ROOM)
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", PERIOD])
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert f"error: {small_disk / PERIOD}/deviations" in output
    assert "cannot write the file: No space left on device" in output
    assert handler.accepted == [], "no email before the outputs and the run are saved"
    store = Store(load_config(config).db_url)
    [failed] = store.runs()
    assert failed["status"] == "failed" and stored_deviations(load_config(config).db_url, failed["id"]) == 0
    out = small_disk / PERIOD
    assert not [p for p in out.iterdir() if p.name.endswith(".part")], "no half-written file"
    assert not (out / "outbox").exists()
    left = (out / "deviations.csv").read_bytes() if (out / "deviations.csv").exists() else None
    filler.unlink()
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", PERIOD])
    assert result.exit_code == 0, result.output
    assert handler.per_owner() == dict.fromkeys(owners_of(small_disk, PERIOD), 1)
    if left is not None:  # what the failed run left is whole: the same as a complete run's
        assert left == (out / "deviations.csv").read_bytes()
