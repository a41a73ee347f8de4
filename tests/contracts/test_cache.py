"""The reading cache: unchanged PDFs are not read again; a changed one or --refresh is."""

import shutil
from pathlib import Path

from audit import pipeline
from audit.config import load_config
from audit.store.db import Store

SAMPLES = Path(__file__).resolve().parents[2] / "contracts_sample"
NAMES = ["raamovereenkomst_hoogvliet_foods.pdf", "wijziging_1_hoogvliet_foods_2026-03.pdf"]


def _sample_store(sample_config, tmp_path, names=NAMES):
    """A config whose contracts folder holds `names` from the samples, and its store."""
    folder = tmp_path / "contracts"
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    config = load_config(sample_config(contracts_dir=str(folder)))
    return config, Store(config.db_url)


def test_only_new_or_changed_contracts_are_read(sample_config, tmp_path, monkeypatch):
    config, store = _sample_store(sample_config, tmp_path)
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
    shutil.copy(SAMPLES / "raamovereenkomst_meijer_zonen.pdf", tmp_path / "contracts" / NAMES[0])  # changed
    docs()
    assert read == [NAMES[0]]
    read.clear()
    docs(refresh=True)
    assert sorted(read) == NAMES


def _terms_run(config, store, cache):
    from audit.erp.loader import load_erp
    rules = pipeline.check_rules(config)
    docs = pipeline.read_contracts(config, load_erp(config, only=("customers",)).get("customers"),
                                   store, [], pipeline._no_progress)
    return pipeline.read_terms(docs, rules, None, [], Path("corrections.yaml"), [], None, None,
                               cache(store, rules, False))


def test_what_the_rules_read_comes_from_the_cache_without_spacy(sample_config, tmp_path,
                                                                 monkeypatch):
    config, store = _sample_store(sample_config, tmp_path)
    first = _terms_run(config, store, pipeline.term_cache)
    assert {t.rule_id for t in first} >= {"payment_term", "agreed_prices"}

    import audit.rules.matching as matching

    def no_reader(*_a, **_k):
        raise AssertionError("the rules were run on a cached document")

    with monkeypatch.context() as m:
        m.setattr(matching, "TermReader", no_reader)
        again = _terms_run(config, store, pipeline.term_cache)
    assert again == first
    assert [t.clause.page for t in again] == [t.clause.page for t in first]
    assert [repr(t.values) for t in again] == [repr(t.values) for t in first]  # types too


def test_a_cached_reading_that_no_longer_parses_is_read_again(sample_config, tmp_path):
    from sqlalchemy import text
    config, store = _sample_store(sample_config, tmp_path, NAMES[:1])
    first = _terms_run(config, store, pipeline.term_cache)
    with store.engine.begin() as c:
        spoiled = c.execute(text("UPDATE contract_cache SET content = :v WHERE key LIKE "
                                 "'terms:%'"), {"v": '{"terms": [{"clause": "x"}], "clauses": 1}'})
        assert spoiled.rowcount == 1
    assert _terms_run(config, store, pipeline.term_cache) == first
    with store.engine.begin() as c:
        c.execute(text("UPDATE contract_cache SET content = :v WHERE key LIKE 'terms:%'"),
                  {"v": '"not an object"'})
    assert _terms_run(config, store, pipeline.term_cache) == first


def test_cache_keys_fit_the_key_column_of_every_database() -> None:
    """PostgreSQL enforces VARCHAR(120) (SQLite does not): a key that is too long failed the run."""
    from pathlib import Path

    from audit.models import ContractDoc, Page
    from audit.store.cache import TermCache
    from audit.store.tables import ContractCacheRow

    width = ContractCacheRow.__table__.c.key.type.length
    doc = ContractDoc(path=Path("x.pdf"), sha256="f" * 64, pages=(Page(1, "tekst"),))
    cache = TermCache(engine=None, fingerprint="a" * 64)  # type: ignore[arg-type]
    key = cache.key(doc, "C" * 60)
    assert len(key) <= width and key.startswith("terms:")
    assert cache.key(doc, "C1") != cache.key(doc, "C2")
