"""The schema comes from the Alembic migrations shipped in the package, on both databases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from audit.store import migrate
from audit.store.db import Store
from audit.store.tables import Base
from tests.store.test_db import dev, save

PACKAGE = Path(migrate.__file__).parent
TABLES = {"alembic_version", "runs", "deviations", "emails_sent", "deviation_events"}


def test_a_new_database_is_at_the_latest_revision(db_url):
    store = Store(db_url)
    with store.engine.connect() as connection:
        assert migrate.current(connection) == migrate.head() == "0005"
        assert TABLES <= set(inspect(connection).get_table_names())


def test_the_tables_match_the_orm_models(db_url):
    store = Store(db_url)
    found = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name


def test_downgrade_to_nothing_and_up_again(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a")])
    with store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
        assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    store = Store(db_url)
    assert store.runs() == []


def test_a_database_made_before_migrations_is_stamped_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:  # the 0001 schema, as create_all made it, with a run
        command.upgrade(migrate.alembic_config(connection), "0001")
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text(
            "INSERT INTO runs (period, started_at, status, stats, problems, versions) "
            "VALUES ('2026-07', '2026-08-01 06:00:00', 'completed', '{}', '[]', '{}')"))
    engine.dispose()
    store = Store(url)
    assert [r["period"] for r in store.runs()] == ["2026-07"]
    assert save(store, "2026-08", [dev("a")])[0].status == "new"
    with store.engine.connect() as connection:
        assert migrate.current(connection) == "0005"


def test_alembic_by_hand_with_the_packaged_ini(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    Store(url)
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", str(PACKAGE / "alembic.ini"), "-x", f"url={url}",
         "current"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "0005 (head)" in result.stdout


def test_the_migrations_ship_with_the_package():
    assert (PACKAGE / "alembic.ini").is_file()
    assert (PACKAGE / "migrations" / "env.py").is_file()
    assert sorted(p.name for p in (PACKAGE / "migrations" / "versions").glob("0*.py")) == [
        "0001_initial.py", "0002_tracking.py", "0003_contract_cache.py", "0004_outbox.py",
        "0005_agreed.py"]


def test_the_head_read_from_the_files_is_alembics():
    assert migrate.head() == migrate.alembic_head()


def test_a_database_one_revision_behind_is_upgraded_at_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'behind.db'}"
    save(Store(url), "2026-08", [dev("a")])
    engine = create_engine(url)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "-1")
    assert not migrate.at_head(engine)
    engine.dispose()
    store = Store(url)
    assert migrate.at_head(store.engine)
    assert [r["period"] for r in store.runs()] == ["2026-08"]


def test_opening_a_database_at_the_latest_revision_loads_no_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    Store(url)  # created (and migrated) here
    opened = subprocess.run(
        [sys.executable, "-c", "import sys; from audit.store.db import Store; "
         f"Store({url!r}).runs(); print(sorted(m for m in sys.modules if m.startswith('alembic')))"],
        capture_output=True, text=True, check=False)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.strip() == "[]"
