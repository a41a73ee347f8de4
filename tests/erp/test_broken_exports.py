"""Twelve broken copies of the bundled exports: each gives its real reason and a documented exit
code through `contract-audit check` (7: a dataset is not usable; 0: rows reported and left out)."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from audit.cli import app

ROOT = Path(__file__).resolve().parents[2]
MAPPING = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["erp"]["datasets"]
HEADER = "Leveringsnr;Ordernr;Klantnr;Leverdatum;Aantal;Afleveradres;Vooraf gebeld;Opmerking"


def deliveries(rows: int = 30) -> list[str]:
    """The header and the first rows of the sample deliveries (cp1252, ';')."""
    lines = (ROOT / "erp_sample" / "leveringen.csv").read_text(encoding="cp1252").splitlines()
    return lines[: rows + 1]


def check(tmp_path: Path, data: bytes, dataset: str = "deliveries", name: str = "leveringen.csv",
          **settings: object) -> tuple[int, str]:
    """`contract-audit check` on a config whose one dataset is the given file."""
    (tmp_path / name).write_bytes(data)
    source = {**MAPPING[dataset], "path": name, **settings}
    config = {"company": {"name": "Test B.V."}, "owners": {},
              "erp": {"datasets": {dataset: source}}}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--config", str(path)])
    return result.exit_code, result.output


def cp1252(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_truncated_mid_row(tmp_path):
    data = cp1252(deliveries())
    code, out = check(tmp_path, data[: len(data) - 40])
    assert code == 0
    assert "30 rows read, 29 kept, 1 rejected" in out
    assert "leveringen.csv, row 31: 6 fields where the header has 8 (the file ends in the " \
           "middle of this row: cut off while exporting or copying?)" in out


def test_missing_column(tmp_path):
    lines = [";".join(c for i, c in enumerate(line.split(";")) if i != 3) for line in deliveries()]
    code, out = check(tmp_path, cp1252(lines))
    assert code == 7
    assert ("error: leveringen.csv, row 1: required column(s) missing: 'Leverdatum' "
            "(delivery_date); the file has 'Leveringsnr', 'Ordernr', 'Klantnr', 'Aantal'") in out
    assert "dataset(s) not usable: deliveries" in out


def test_renamed_column(tmp_path):
    lines = deliveries()
    lines[0] = lines[0].replace("Leverdatum", "Lever-datum")
    code, out = check(tmp_path, cp1252(lines))
    assert code == 7
    assert "'Lever-datum' may be 'Leverdatum' (map it under columns:)" in out


def test_wrong_separator(tmp_path):
    lines = [line.replace(";", "|") for line in deliveries()]
    code, out = check(tmp_path, cp1252(lines))
    assert code == 7
    assert "(1 column split by ';'; it looks '|'-separated: set separator: '|')" in out


def test_utf16_is_read(tmp_path):
    code, out = check(tmp_path, ("\r\n".join(deliveries()) + "\r\n").encode("utf-16"))
    assert code == 0, out
    assert "deliveries: leveringen.csv — 30 rows read, 30 kept, 0 rejected" in out


def test_empty_file(tmp_path):
    code, out = check(tmp_path, b"")
    assert code == 7
    assert "error: leveringen.csv: the file is empty (0 bytes): export it again" in out


def test_header_only(tmp_path):
    code, out = check(tmp_path, cp1252(deliveries(0)))
    assert code == 7
    assert "warning: leveringen.csv: the export has a header but no rows" in out


def test_header_repeated_mid_file(tmp_path):
    lines = deliveries()
    lines.insert(10, HEADER)
    code, out = check(tmp_path, cp1252(lines))
    assert code == 0
    assert ("warning: leveringen.csv, row 11: the header repeats here (files joined together?); "
            "the line is skipped") in out
    assert "30 rows read, 30 kept" in out


def test_mixed_date_orders(tmp_path):
    lines = deliveries(300)  # days above 12 show the file is day-first
    lines[5] = lines[5].replace(lines[5].split(";")[3], "10-25-2025")
    code, out = check(tmp_path, cp1252(lines))
    assert code == 0, out
    assert ("leveringen.csv, row 6, column 'Leverdatum': '10-25-2025' is not a date (it reads as "
            "'%m-%d-%Y': day and month the other way round); the row is left out") in out


def test_decimal_comma_in_a_decimal_point_file(tmp_path):
    lines = deliveries()
    fields = lines[3].split(";")
    fields[4] = "1.234,56"
    lines[3] = ";".join(fields)
    code, out = check(tmp_path, cp1252(lines), decimal=".", thousands=None)
    assert code == 0
    assert ("leveringen.csv, row 4, column 'Aantal': '1.234,56' is not a number (written with "
            "decimal ','; this dataset has decimal: '.'); the row is left out") in out


def test_junk_bytes(tmp_path):
    junk = random.Random(12).randbytes(20_000)
    code, out = check(tmp_path, junk)
    assert code == 7
    assert "leveringen.csv: the file is not a text export: " in out
    assert "bytes are control characters (binary data or a damaged file)" in out
    assert "try encoding" not in out


def test_xlsx_that_is_an_empty_zip(tmp_path):
    with zipfile.ZipFile(tmp_path / "empty.zip", "w"):
        pass
    code, out = check(tmp_path, (tmp_path / "empty.zip").read_bytes(), "price_list",
                      "prijslijst.xlsx")
    assert code == 7
    assert ("prijslijst.xlsx: cannot read the workbook: the zip archive holds no workbook "
            "(xl/workbook.xml missing; it holds nothing)") in out


@pytest.mark.parametrize("dataset", ["deliveries"])
def test_a_good_file_checks_clean(tmp_path, dataset):
    code, out = check(tmp_path, cp1252(deliveries()))
    assert code == 0
    assert re.search(r"'Leverdatum' +-> delivery_date +2025-10-02\n", out)
    assert "not in the export (optional): line_no" in out


def test_text_junk_that_decodes_is_refused_once(tmp_path):
    rng = random.Random(7)
    lines = deliveries(2) + [";".join("x" * rng.randint(1, 9) for _ in range(rng.randint(1, 4)))
                             for _ in range(500)]
    code, out = check(tmp_path, cp1252(lines))
    assert code == 7
    assert "do not split into the header's 8 fields with separator ';'" in out
    assert out.count("error:") == 2  # the reason, and the command's summary
