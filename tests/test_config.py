"""config.yaml: the bundled one loads; errors are collected and located by file, line and key."""

from pathlib import Path

import pytest

from audit.config import load_config
from audit.errors import ConfigError, MultipleErrors

ROOT = Path(__file__).resolve().parents[1]


def test_bundled_config_loads_with_paths_relative_to_it():
    config = load_config(ROOT / "config.yaml")
    assert config.path(config.contracts_dir) == ROOT / "contracts_sample"
    assert config.db_url == f"sqlite:///{ROOT / 'output' / 'audit.db'}"
    assert config.erp.datasets["invoices"].values["kind"] == {"Factuur": "invoice",
                                                             "Creditnota": "credit_note"}


def test_all_errors_at_once_with_line_and_valid_keys(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("company: {name: X}\n"
                    "top_n: many\n"
                    "erp:\n"
                    "  datasets:\n"
                    "    invoices: {path: f.csv, seperator: ';'}\n"
                    "owners: {}\n")
    with pytest.raises(MultipleErrors) as info:
        load_config(path)
    assert str(info.value).replace(str(tmp_path) + "/", "").splitlines() == [
        "config.yaml:2, key 'top_n': Input should be a valid integer, unable to parse string "
        "as an integer, got 'many'",
        "config.yaml:5, key 'erp.datasets.invoices.seperator': unknown key (valid keys: columns, "
        "currency, date_format, decimal, distinct, encoding, format, header_row, path, query, "
        "separator, sheet, sql, thousands, url, values)",
    ]


def test_missing_config_file_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match=r"config file not found: .*nope.yaml \(pass --config"):
        load_config(tmp_path / "nope.yaml")


def test_smtp_password_comes_from_the_environment(tmp_path, monkeypatch):
    text = (ROOT / "config.yaml").read_text(encoding="utf-8") + (
        "smtp: {host: localhost, port: 2525, from: a@b.nl, password_env: MY_SMTP_PW}\n")
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("MY_SMTP_PW", "s3cret")
    assert load_config(path).smtp.password == "s3cret"
