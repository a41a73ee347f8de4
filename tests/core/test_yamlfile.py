"""YAML files (config, profiles, rules): read safely, every error naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from audit.core.yamlfile import load_yaml, validate
from audit.errors import ConfigError


class Owner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    email: str | None = None


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    days: int = 30
    owners: list[Owner] = []


def written(folder: Path, text: str) -> Path:
    path = folder / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_syntax_error_names_the_file_and_its_line(tmp_path):
    path = written(tmp_path, "title: Maandaudit\ndays: 30\n  owners: [\n")
    with pytest.raises(ConfigError) as error:
        load_yaml(path, ConfigError)
    assert str(error.value).startswith(f"{path}:3: invalid YAML: ")


def test_a_python_tag_is_refused_not_run(tmp_path):
    marker = tmp_path / "ran"
    path = written(tmp_path, f"title: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ConfigError, match=f"{path}:1: invalid YAML: "):
        load_yaml(path, ConfigError)
    assert not marker.exists(), "a YAML file is data: nothing in it is executed"


def test_a_missing_file_says_it_cannot_be_read(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(ConfigError, match="nowhere.yaml: cannot read file: No such file"):
        load_yaml(path, ConfigError)


def test_every_error_is_collected_each_at_its_own_line(tmp_path):
    path = written(tmp_path, "title: Maandaudit\n"
                             "days: thirty\n"
                             "owners:\n"
                             "  - name: Credit control\n"
                             "    mail: credit@example.nl\n")
    model, errors = validate(Settings, load_yaml(path, ConfigError), path, ConfigError)
    assert model is None
    shown = sorted(str(e) for e in errors)
    assert shown[0].startswith(f"{path}:2, key 'days': ") and "got 'thirty'" in shown[0]
    assert shown[1] == (f"{path}:5, key 'owners.0.mail': unknown key "
                        "(valid keys: email, name)")


def test_a_missing_key_points_at_the_map_it_belongs_in(tmp_path):
    path = written(tmp_path, "# the audit's settings\n\ndays: 14\n")
    _, [error] = validate(Settings, load_yaml(path, ConfigError), path, ConfigError)
    assert str(error) == f"{path}:3, key 'title': required key is missing"


def test_a_valid_file_gives_the_model_and_no_errors(tmp_path):
    path = written(tmp_path, "title: Maandaudit\nowners:\n  - {name: Logistiek}\n")
    model, errors = validate(Settings, load_yaml(path, ConfigError), path, ConfigError)
    assert errors == [] and model == Settings(title="Maandaudit", owners=[Owner(name="Logistiek")])
