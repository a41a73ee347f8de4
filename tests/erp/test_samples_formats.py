"""The bundled samples as XLSX (title rows, real numbers and dates) and as an SQLite database give
the same frames, the same problems and the same audit as the Dutch Excel CSVs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
import yaml
from openpyxl import Workbook
from typer.testing import CliRunner

from audit.cli import app
from audit.config import load_config
from audit.erp.fields import SCHEMAS
from audit.erp.loader import load_erp
from tests.audit_csv import read_audit_csv
from tests.conftest import ROOT, CacheRows, SampleAudit, seed_reading_cache, write_sample_config

CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["erp"]["datasets"]


def raw_exports() -> dict[str, pd.DataFrame]:
    """Every sample export as the text its cells hold."""
    out = {}
    for name, source in CONFIG.items():
        path = ROOT / source["path"]
        if path.suffix == ".xlsx":
            frame = pd.read_excel(path, sheet_name=source.get("sheet", 0), dtype=object)
        else:
            frame = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str,
                                keep_default_na=False)
        out[name] = frame
    return out


def native(value: object, kind: str) -> object:
    """A Dutch text cell as the number or date Excel would hold; what does not parse stays text."""
    if not isinstance(value, str) or value == "":
        return None if value == "" else value
    try:
        if kind in ("decimal", "int"):
            number = float(value.replace(".", "").replace(",", "."))
            return int(number) if kind == "int" else number
        if kind == "date":
            return datetime.strptime(value, "%d-%m-%Y")
    except ValueError:
        pass
    return value


def native_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The export with numbers and dates as native values."""
    types = {f.name: f.type for f in SCHEMAS[name]}
    out = frame.copy()
    for column, ours in CONFIG[name]["columns"].items():
        if column in out.columns:
            out[column] = [native(v, types[ours]) for v in out[column]]
    return out.astype(object).where(out.notna(), None)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, dict]:
    """The samples written to one workbook (a sheet per dataset, under a title) and to SQLite."""
    folder = tmp_path_factory.mktemp("samples")
    book, url = Workbook(), f"sqlite:///{folder / 'erp.db'}"
    engine = sa.create_engine(url)
    xlsx, sql = {}, {}
    for name, frame in raw_exports().items():
        frame = native_frame(name, frame)
        sheet = book.create_sheet(name)
        sheet.append([f"Export {name} — Van Dijk Verpakkingen"])
        sheet.append([])
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append(list(row))
        frame.to_sql(name, engine, index=False)
        base = {k: v for k, v in CONFIG[name].items() if k in ("columns", "values")}
        xlsx[name] = {**base, "path": str(folder / "erp.xlsx"), "sheet": name, "decimal": ",",
                      "date_format": "%d-%m-%Y"}
        sql[name] = {**base, "query": f'SELECT * FROM "{name}"', "date_format": "%d-%m-%Y"}
    book.remove(book.worksheets[0])
    book.save(folder / "erp.xlsx")
    engine.dispose()
    return {"folder": folder, "xlsx": {"datasets": xlsx}, "sql": {"url": url, "datasets": sql}}


def load(folder: Path, erp: dict | None) -> tuple[dict[str, pd.DataFrame], list[str]]:
    config = load_config(write_sample_config(folder, **({"erp": erp} if erp else {})))
    data = load_erp(config)
    frames = {n: f.drop(columns=["source_row", "source_file"]) for n, f in data.frames.items()}
    return frames, [p.message for p in data.problems]


@pytest.mark.parametrize("kind", ["xlsx", "sql"])
def test_same_frames_and_problems_as_the_csv_exports(converted, kind, tmp_path):
    csv_frames, csv_problems = load(tmp_path, None)
    frames, problems = load(tmp_path, converted[kind])
    assert problems == csv_problems
    assert len(csv_problems) >= 2  # the samples' bad rows, found in every format
    for name, frame in csv_frames.items():
        pd.testing.assert_frame_equal(frames[name], frame, check_dtype=False, obj=name)


def run_cli(folder: Path, erp: dict, readings: CacheRows) -> pd.DataFrame:
    """The sample audit with these ERP datasets; the contracts as the session read them."""
    config = seed_reading_cache(write_sample_config(folder, erp=erp), readings)
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    return deviations(folder / "output" / "2026-10")


def deviations(out: Path) -> pd.DataFrame:
    return read_audit_csv(out / "deviations.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def csv_deviations(sample_audit: SampleAudit) -> pd.DataFrame:
    """deviations.csv of the session's audit on the Dutch Excel CSV samples."""
    assert sample_audit.code == 0, sample_audit.output
    return deviations(sample_audit.out)


def test_the_audit_on_xlsx_finds_the_same_deviations(converted, csv_deviations, tmp_path,
                                                     reading_cache):
    got = run_cli(tmp_path, converted["xlsx"], reading_cache)
    assert len(csv_deviations) > 10
    pd.testing.assert_frame_equal(got, csv_deviations)


def test_the_audit_on_sqlite_finds_the_same_deviations(converted, csv_deviations, tmp_path,
                                                       reading_cache):
    got = run_cli(tmp_path, converted["sql"], reading_cache)
    pd.testing.assert_frame_equal(got, csv_deviations)
