"""Our own exception types, and the located Problem a run collects instead of crashing."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Self


@dataclass(frozen=True)
class Location:
    """Where something is: a file plus page, row, column, line or key (all optional)."""

    file: str
    page: int | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.key is not None:
            parts.append(f"key '{self.key}'")
        if parts:
            text += ", " + ", ".join(parts)
        return text

    def render(self, lang: str) -> str:
        """The location in `lang`: 'orders.csv, rij 5, kolom 'Aantal'' (nl)."""
        from audit.core.i18n import label

        parts = [f"{label(lang, name)} {value}" for name, value in (
            ("page", self.page), ("row", self.row)) if value is not None]
        parts += [f"{label(lang, name)} '{value}'" for name, value in (
            ("column", self.column), ("key", self.key)) if value is not None]
        text = self.file + (f":{self.line}" if self.line is not None else "")
        return text + (", " + ", ".join(parts) if parts else "")


class ProblemSeverity(StrEnum):
    """An error leaves something out of the audit; a warning says what was assumed."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One bad input the run reported and went on without (a document, a row, an owner).

    `message` is the English text; `code` and `params` (audit/core/messages.py) give it in any
    language: make one with Problem.of, read it with text(lang) / render(lang)."""

    stage: str  # contracts | rules | erp | checks | owners | notify | store
    message: str
    location: Location | None = None
    severity: ProblemSeverity = ProblemSeverity.ERROR
    code: str = ""
    params: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if type(self.severity) is not ProblemSeverity:  # 'warning' -> ProblemSeverity.WARNING
            object.__setattr__(self, "severity", ProblemSeverity(self.severity))

    @classmethod
    def of(cls, stage: str, code: str, location: Location | None = None,
           severity: str = "error", **params: Any) -> Problem:
        """The problem `code` of the catalogue with its parameters (its English text made)."""
        from audit.core.messages import render

        return cls(stage, render(code, params, "en"), location, severity, code,
                   tuple(params.items()))

    @classmethod
    def from_error(cls, stage: str, error: AuditError, severity: str = "error") -> Problem:
        """An error the run goes on without, with its code when it has one."""
        return cls(stage, error.message, error.location, severity, error.code, error.params)

    def text(self, lang: str) -> str:
        """What is wrong, in `lang` (a problem made without a code has its English text only)."""
        from audit.core.messages import render

        return render(self.code, dict(self.params), lang) if self.code else self.message

    def msg(self) -> Any:
        """What is wrong as a message another one can hold (its English text if no code)."""
        from audit.core.messages import Msg

        return Msg(self.code, self.params) if self.code else self.message

    def render(self, lang: str) -> str:
        """Where and what, in `lang`: 'orders.csv, rij 5, kolom 'Aantal': ...'."""
        where = f"{self.location.render(lang)}: " if self.location else ""
        return f"{where}{self.text(lang)}"

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.message}"


class AuditError(Exception):
    """Base of every error the audit raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1
    code = ""  # the catalogue's code (audit/core/messages.py) when made with `of`
    params: tuple[tuple[str, Any], ...] = ()

    def __init__(self, message: str, location: Location | None = None):
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)

    @classmethod
    def of(cls, code: str, location: Location | None = None, **params: Any) -> Self:
        """The error `code` of the catalogue, its English text made; a Problem made from it
        (Problem.from_error) reads in any language."""
        from audit.core.messages import render

        error = cls(render(code, params, "en"), location)
        error.code, error.params = code, tuple(params.items())
        return error

    def msg(self) -> Any:
        """The error's text as a message another one can hold (its English text if no code)."""
        from audit.core.messages import Msg

        return Msg(self.code, self.params) if self.code else self.message


class ConfigError(AuditError):
    """config.yaml is missing or invalid."""

    exit_code = 2


class RuleError(AuditError):
    """A rule file is invalid."""

    exit_code = 2


class ContractReadError(AuditError):
    """A contract PDF cannot be read."""


class ErpDataError(AuditError):
    """An ERP export cannot be read or is unusable."""

    exit_code = 3


class NotifyError(AuditError):
    """An email could not be built or sent."""

    exit_code = 4


class InputError(AuditError):
    """A configured export is missing, unreadable or older than the period: no emails go out."""

    exit_code = 7


class NoContractsError(AuditError):
    """The contracts folder holds no PDF: nothing to audit against, so no run."""

    exit_code = 8


class StoreError(AuditError):
    """The database could not be written or read."""

    exit_code = 5


class LockedError(AuditError):
    """Another audit (or `send`) holds the lock on the output folder."""

    exit_code = 6


class MultipleErrors(AuditError):
    """Several errors collected across files, reported at once."""

    def __init__(self, errors: list[AuditError], kind: type[AuditError] = AuditError):
        self.errors = errors
        self.exit_code = kind.exit_code
        super().__init__("\n".join(str(e) for e in errors))
