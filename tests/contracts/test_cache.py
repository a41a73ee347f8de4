"""The reading cache: unchanged PDFs are not read again; a changed one or --refresh is."""

import shutil
from pathlib import Path

from audit import pipeline
from audit.config import load_config
from audit.store.db import Store

SAMPLES = Path(__file__).resolve().parents[2] / "contracts_sample"
NAMES = ["raamovereenkomst_hoogvliet_foods.pdf", "wijziging_1_hoogvliet_foods_2026-03.pdf"]


def test_only_new_or_changed_contracts_are_read(sample_config, tmp_path, monkeypatch):
    folder = tmp_path / "contracts"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, folder / name)
    config = load_config(sample_config(contracts_dir=str(folder)))
    store = Store(config.db_url)
    read: list[str] = []
    real = pipeline.read_many
    monkeypatch.setattr(pipeline, "read_many", lambda paths, *a, **k: (
        read.extend(p.name for p in paths), real(paths, *a, **k))[1])

    def docs(refresh=False):
        return pipeline.read_contracts(config, None, store, [], pipeline._no_progress, refresh)

    first = docs()
    assert sorted(read) == NAMES
    read.clear()
    again = docs()
    assert read == []  # all from the cache
    assert [d.pages for d in again] == [d.pages for d in first]
    assert [d.sha256 for d in again] == [d.sha256 for d in first]
    shutil.copy(SAMPLES / "raamovereenkomst_meijer_zonen.pdf", folder / NAMES[0])  # changed
    docs()
    assert read == [NAMES[0]]
    read.clear()
    docs(refresh=True)
    assert sorted(read) == NAMES
