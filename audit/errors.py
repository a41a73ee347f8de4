"""Our own exception types, and the located Problem a run collects instead of crashing."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Problem:
    """One bad input the run reported and went on without (a document, a row, an owner)."""

    stage: str  # contracts | rules | erp | checks | owners | notify | store
    message: str
    location: Location | None = None
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.message}"


class AuditError(Exception):
    """Base of every error the audit raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None):
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


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


class MultipleErrors(AuditError):
    """Several errors collected across files, reported at once."""

    def __init__(self, errors: list[AuditError], kind: type[AuditError] = AuditError):
        self.errors = errors
        self.exit_code = kind.exit_code
        super().__init__("\n".join(str(e) for e in errors))
