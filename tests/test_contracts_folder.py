"""The contracts folder as users keep it: the same PDF twice (a download saved again,
'contract (1).pdf') is read once, under the shorter name, and the copy named in a warning;
PDFs in a subfolder and contracts in another format are not read, and said so."""

from __future__ import annotations

import csv
import shutil

from typer.testing import CliRunner

from audit.cli import app
from tests.conftest import ROOT, write_sample_config


def terms_files(folder, contracts) -> tuple[str, list[str]]:
    """The run's printed output and the contract file of every term it read."""
    config = write_sample_config(folder, contracts_dir=str(contracts), language="en")
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    with open(folder / "output" / "2026-10" / "terms.csv", encoding="utf-8-sig") as f:
        return result.output, [row["contract_file"] for row in csv.DictReader(f)]


def test_a_copy_of_a_contract_is_read_once_and_named(tmp_path):
    contracts = tmp_path / "contracts"
    contracts.mkdir()
    for name in ("raamovereenkomst_hoogvliet_foods.pdf", "raamovereenkomst_meijer_zonen.pdf"):
        shutil.copy(ROOT / "contracts_sample" / name, contracts / name)
    (tmp_path / "alone").mkdir()
    _, alone = terms_files(tmp_path / "alone", contracts)
    # the copy sorts first by name; the original has the shorter one
    shutil.copy(contracts / "raamovereenkomst_meijer_zonen.pdf",
                contracts / "raamovereenkomst_meijer_zonen (1).pdf")
    (tmp_path / "copied").mkdir()
    output, copied = terms_files(tmp_path / "copied", contracts)
    assert ("raamovereenkomst_meijer_zonen (1).pdf: the same file as "
            "raamovereenkomst_meijer_zonen.pdf (identical content): read once") in output
    assert "raamovereenkomst_meijer_zonen.pdf" in copied
    assert sorted(copied) == sorted(alone)  # the same agreements, none twice


def test_pdfs_in_a_subfolder_and_a_word_file_are_named_as_not_read(tmp_path):
    contracts = tmp_path / "contracts"
    (contracts / "archive 2019").mkdir(parents=True)
    shutil.copy(ROOT / "contracts_sample" / "raamovereenkomst_hoogvliet_foods.pdf", contracts)
    shutil.copy(ROOT / "contracts_sample" / "raamovereenkomst_meijer_zonen.pdf",
                contracts / "archive 2019" / "old terms.pdf")
    (contracts / "notes").mkdir()  # a subfolder without PDFs says nothing
    (contracts / "Raamcontract Veldkamp 2026.docx").write_bytes(b"PK\x03\x04")
    (contracts / "Thumbs.db").write_bytes(b"\0")  # nor does the system's litter
    output, files = terms_files(tmp_path, contracts)
    assert "contracts/archive 2019/: 1 PDF(s) in this subfolder are not read" in output
    assert "Raamcontract Veldkamp 2026.docx: not read: only PDFs are" in output
    assert "notes" not in output and "Thumbs" not in output
    assert set(files) == {"raamovereenkomst_hoogvliet_foods.pdf"}
