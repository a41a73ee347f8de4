"""yamlfile.load_model: load, validate, collect every error (file and line), raise once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from audit.core.yamlfile import line_of, load_model
from audit.errors import ConfigError, Location, MultipleErrors


class Shelf(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    boards: int
    depth_cm: float = 30.0


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "shelf.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_error_at_once_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "name: oak\n# a comment\nboards: five\ncolour: red\n")
    with pytest.raises(MultipleErrors) as e:
        load_model(path, Shelf, ConfigError)
    message = str(e.value)
    assert f"{path}:3, key 'boards'" in message
    assert f"{path}:4, key 'colour'" in message and "valid keys: boards, depth_cm, name" in message


def test_checks_see_the_model_and_the_lines_and_join_the_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "boards: 4\nname: pine\n")

    def named_after_file(shelf: Shelf, data: object) -> list[ConfigError]:
        line = line_of(data, ("name",))
        return [ConfigError(f"name '{shelf.name}' is not '{path.stem}'",
                            Location(str(path), line=line, key="name"))]

    with pytest.raises(MultipleErrors) as e:
        load_model(path, Shelf, ConfigError, checks=named_after_file)
    assert f"{path}:2, key 'name': name 'pine' is not 'shelf'" in str(e.value)
    assert load_model(write(tmp_path, "name: a\nboards: 2\n"), Shelf, ConfigError).boards == 2


def test_a_file_without_a_mapping_is_refused_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "- just\n- a list\n")
    with pytest.raises(ConfigError) as e:
        load_model(path, Shelf, ConfigError, not_a_mapping="a shelf file must hold keys")
    assert str(e.value).startswith(str(path)) and "a shelf file must hold keys" in str(e.value)
