"""Every problem's text by a stable code, in English and Dutch: one catalogue, kept complete by
tests/test_messages.py (a code used in audit/ without both texts, or a text whose placeholders
differ between the languages, fails it).

A Problem keeps its code and parameters; its English text is made when it is made (logs, the
database and `str()` keep reading as before) and any language is rendered from the code when a
person reads it: the console, the report, audit.log.

Why a dict and not gettext catalogues: gettext keys a text by its English wording, so a changed
English sentence is a new key in every language, and .po files need a compile step or a parse
at start-up; a code with both texts side by side is simpler to keep complete and to test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from audit.core.message_texts import MESSAGES

__all__ = ["MESSAGES", "Msg", "dump_params", "joined", "load_params", "msg", "render"]


@dataclass(frozen=True)
class Msg:
    """A text by its code and parameters, rendered in a language when it is read; a parameter of
    another Msg (the reason inside 'cannot read ...: {reason}') is rendered in the same one."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        return render(self.code, dict(self.params), lang)

    def __str__(self) -> str:
        return self.render("en")


def msg(code: str, **params: Any) -> Msg:
    """A Msg from keyword parameters: msg('erp.file_empty', size=0)."""
    return Msg(code, tuple(params.items()))


def joined(parts: list[Msg], code: str = "text.semicolon") -> Msg | None:
    """Messages one after the other ('a; b; c'), None for none."""
    if not parts:
        return None
    out = parts[0]
    for part in parts[1:]:
        out = msg(code, first=out, then=part)
    return out


def render(code: str, params: Mapping[str, Any], lang: str) -> str:
    """The text of `code` in `lang` with its parameters written for that language; an unknown
    code or language raises (tests keep the catalogue complete, so this is a bug)."""
    try:
        template = MESSAGES[code][lang]
    except KeyError:
        raise KeyError(f"no text for message {code!r} in language {lang!r}") from None
    return template.format(**{k: _param(v, lang) for k, v in params.items()})


def _param(value: Any, lang: str) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, (tuple, list)):
        return ", ".join(_param(v, lang) for v in value)
    if isinstance(value, (Decimal, float, date)) and not isinstance(value, bool):
        from audit.core.i18n import format_value  # babel only when a figure is written

        return format_value(value, lang)
    return str(value)


# --- kept in JSON (the contract cache): parameters tagged, never pickled ---------------------


def dump_params(params: tuple[tuple[str, Any], ...]) -> list[list[Any]]:
    """Parameters as JSON: a Msg, a Decimal and a date tagged, the rest as they are."""
    return [[k, _dump(v)] for k, v in params]


def load_params(data: list[list[Any]]) -> tuple[tuple[str, Any], ...]:
    """The parameters dump_params wrote."""
    return tuple((str(k), _load(v)) for k, v in data)


def _dump(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"msg": value.code, "params": dump_params(value.params)}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, (tuple, list)):
        return {"list": [_dump(v) for v in value]}
    return value


def _load(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "msg" in value:
        return Msg(value["msg"], load_params(value["params"]))
    if "decimal" in value:
        return Decimal(value["decimal"])
    if "date" in value:
        return date.fromisoformat(value["date"])
    return tuple(_load(v) for v in value["list"])
