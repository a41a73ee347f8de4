"""Safe YAML loading that remembers line numbers, and pydantic errors turned into located ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from audit.errors import AuditError, Location, MultipleErrors

M = TypeVar("M", bound=BaseModel)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the line of every mapping key and sequence item."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    lines = {}
    for key_node, _ in node.value:
        lines[loader.construct_object(key_node, deep=True)] = key_node.start_mark.line + 1
    return _LinedDict(mapping, lines)


class _LinedDict(dict):
    """A dict that also knows the line of each key (used only to locate errors)."""

    def __init__(self, data: dict[Any, Any], lines: dict[Any, int]):
        super().__init__(data)
        self.lines = lines


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml's parser: the rule files parse in an eighth of the time."""


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, error: type[AuditError]) -> Any:
    """Read a YAML file safely; a syntax error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise error(f"cannot read file: {e.strerror}", Location(str(path))) from e
    try:
        return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError:
        pass  # said by the pure-Python parser, whose messages and marks the errors have always had
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise error(f"invalid YAML: {problem}", Location(str(path), line=line)) from e


def load_model(path: Path, model: type[M], error: type[AuditError],
               not_a_mapping: str | None = None,
               checks: Callable[[M, Any], list[AuditError]] | None = None) -> M:
    """A YAML file as a validated model: load, validate, collect every error (the model's,
    then `checks` on the model and the loaded data, which knows each key's line), raise once.
    `not_a_mapping`: the error when the file holds no mapping of keys."""
    data = load_yaml(path, error)
    if not_a_mapping is not None and not isinstance(data, dict):
        raise error(not_a_mapping, Location(str(path)))
    found, errors = validate(model, data, path, error)
    if found is not None and checks is not None:
        errors += checks(found, data)
    if errors:
        raise MultipleErrors(errors, error)
    assert found is not None
    return found


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest key of `loc` found in data loaded by load_yaml."""
    line = None
    node = data
    for part in loc:
        if isinstance(node, _LinedDict) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, _LinedDict) and node.lines:  # a missing key: where its map starts
            line = min(node.lines.values())
            break
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return line


def validate(
    model: type[M], data: Any, path: Path, error: type[AuditError], root: Any = None,
    prefix: tuple[Any, ...] = (),
) -> tuple[M | None, list[AuditError]]:
    """Validate YAML data into a model; return every error, each with its file and line.

    `data` may be a part of a file (`root`) found at `prefix`, e.g. one item of a list.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as e:
        errors: list[AuditError] = []
        for err in e.errors():
            loc = prefix + tuple(p for p in err["loc"] if not _is_union_tag(p))
            key = ".".join(str(p) for p in loc) or "(top)"
            message = _message(err)
            if err["type"] == "extra_forbidden":
                valid = _fields_at(model, loc[len(prefix):-1])
                message += f" (valid keys: {', '.join(valid)})" if valid else ""
            line = line_of(data if root is None else root, loc)
            errors.append(error(message, Location(str(path), line=line, key=key)))
        return None, errors


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    value = err.get("input")
    shown = f", got {value!r}" if isinstance(value, str | int | float | bool) else ""
    return f"{err['msg']}{shown}"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model that `loc` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            current = _inner_model(current)
            if isinstance(part, int):
                continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            current = _inner_model(current)
            continue
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside list[M], dict[str, M], M | None; else the annotation itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation
