"""config.yaml -> AuditConfig: validated, every error located by file and line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from audit.core.yamlfile import load_model
from audit.errors import ConfigError

DATASETS = ("customers", "price_list", "order_lines", "deliveries", "invoices", "list_prices")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """Someone who receives deviations: a name and an email address."""

    name: str
    email: str | None = None


class Company(_Strict):
    """The supplier running the audit: its own KvK number is never a customer's."""

    name: str
    kvk_number: str | None = None


class DatasetSource(_Strict):
    """Where one ERP dataset comes from and how its columns map to our names.

    A file (`path`: one path, a glob such as `exports/orders-*.csv`, or a list of them, read
    as one dataset) or an SQL `query` against the database at `url` (else `erp.url`).
    """

    path: str | list[str] | None = None
    format: Literal["csv", "xlsx"] | None = None  # default: from the file extension
    separator: str | None = None  # None: detected from the header line (; , tab |)
    decimal: str = "."
    thousands: str | None = None
    date_format: str | list[str] | None = None  # strftime format(s), e.g. "%d-%m-%Y"; ISO always
    encoding: str | None = None  # None: detected; a byte-order mark (UTF-8/16) always wins
    sheet: str | int | None = None
    header_row: int | None = Field(None, ge=1)  # None: the first row that holds the mapped names
    columns: dict[str, str] = Field(default_factory=dict)  # ERP column -> our field
    values: dict[str, dict[str, str | bool | int]] = Field(default_factory=dict)
    query: str | None = None  # SQL; read instead of a file
    url: str | None = None  # SQLAlchemy URL for `query`; ${VAR} is taken from the environment
    sql: str | None = None  # DuckDB SQL over the export files themselves (joins, derived columns)
    currency: str = "EUR"  # the money's currency; a mapped `currency` column overrides it per row
    distinct: bool = False  # rows repeating every mapped field are one (a dataset derived from rows)

    @property
    def paths(self) -> list[str]:
        """`path` as a list (empty for an SQL source)."""
        if self.path is None:
            return []
        return [self.path] if isinstance(self.path, str) else list(self.path)

    @property
    def date_formats(self) -> list[str]:
        """`date_format` as a list (ISO dates and Excel serial numbers are always accepted)."""
        if self.date_format is None:
            return []
        return [self.date_format] if isinstance(self.date_format, str) else list(self.date_format)


class ErpConfig(_Strict):
    """The ERP exports: one source per dataset; a dataset left out turns off its checks.

    `profile` names a mapping profile (profiles/*.yaml, relative to the config file): its
    column names, values and formats are the defaults every dataset here may override.
    """

    profile: str | None = None
    url: str | None = None  # SQLAlchemy URL of the ERP's reporting database (for `query:`)
    datasets: dict[Literal["customers", "price_list", "order_lines", "deliveries", "invoices",
                           "list_prices"], DatasetSource]


class SmtpConfig(_Strict):
    """Mail server; the password comes from the environment variable `password_env`.

    STARTTLS is on whenever a username is set (a login must not travel in clear text), unless
    `plaintext_login: true` says explicitly that it may.
    """

    host: str
    port: int = Field(25, ge=1, le=65535)
    sender: str = Field(alias="from")
    username: str | None = None
    password_env: str = "AUDIT_SMTP_PASSWORD"
    starttls: bool | None = None  # default: on when a username is set
    plaintext_login: bool = False
    timeout: float = Field(30.0, gt=0)

    @model_validator(mode="after")
    def _no_clear_text_login(self) -> SmtpConfig:
        if self.username and self.starttls is False and not self.plaintext_login:
            raise ValueError("starttls: false with a username sends the password in clear "
                             "text; remove it, or set plaintext_login: true to allow that")
        return self

    @property
    def use_starttls(self) -> bool:
        """Whether to say STARTTLS before anything else."""
        return bool(self.username) if self.starttls is None else self.starttls

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env)

    def check(self) -> None:
        """Before an audit starts: a login needs its password variable set."""
        if self.username and not self.password:
            raise ConfigError(f"smtp.username is set but the environment variable "
                              f"{self.password_env} is not (or is empty); set it to the mail "
                              "server password, or the emails cannot go out", None)


class HolidayConfig(_Strict):
    """Dutch public holidays that are not the same for every company."""

    good_friday: bool = False
    liberation_day: bool = False


class ScheduleConfig(_Strict):
    """When the monthly audit runs: a crontab line, or the first working day at hour:minute."""

    cron: str | None = None  # e.g. "0 6 1 * *"; default: first working day of the month
    hour: int = Field(6, ge=0, le=23)
    minute: int = Field(0, ge=0, le=59)
    timezone: str = "Europe/Amsterdam"
    misfire_grace_hours: float = Field(72, gt=0)  # how late a missed run may still be caught up
    log_file: str = "audit.log"  # in output_dir; rotated at 5 MB, 5 kept

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone '{value}' (e.g. Europe/Amsterdam)") from e
        return value


class ReadingConfig(_Strict):
    """How contracts are read: page and time limits per document, OCR, parallel workers."""

    max_pages: int = Field(300, ge=1)
    seconds_per_document: float = Field(120, gt=0)
    workers: int = Field(0, ge=0)  # 0: one per CPU core
    ocr: bool = True
    index_file: str | None = None  # CSV 'file,customer_id' linking documents explicitly
    overrides_file: str = "terms_overrides.yaml"  # the controller's corrections


class LimitsConfig(_Strict):
    """What one input may cost: memory per contract reader, OCR pixels per page, export size."""

    reader_memory_mb: int = Field(1536, ge=256)  # address space of each reader process
    ocr_max_pixels: int = Field(40_000_000, ge=1_000_000)  # A4 at 300 dpi is 8.7 million
    export_max_mb: int = Field(2048, ge=1)  # one ERP export file


class CsvConfig(_Strict):
    """How deviations.csv and terms.csv are written. Default: the configured language's Excel
    convention (nl: ';' and a decimal comma, en: ',' and a decimal point, both UTF-8 with a
    byte order mark so Excel reads the euro sign)."""

    separator: Literal[";", ",", "\t", "|"] | None = None  # default: by language
    decimal: Literal[",", "."] | None = None  # default: by language
    bom: bool = True  # a UTF-8 byte order mark first (Excel needs it to read UTF-8)

    @model_validator(mode="after")
    def _distinct(self) -> CsvConfig:
        if self.separator is not None and self.separator == self.decimal:
            raise ValueError(f"the separator and the decimal mark are both '{self.separator}'; "
                             "a number would split into two columns")
        return self


class AuditConfig(_Strict):
    """The whole configuration of an audit; paths are relative to the config file."""

    base_dir: Path = Field(default=Path("."), exclude=True)
    company: Company
    language: Literal["nl", "en"] = "nl"
    top_n: int = Field(10, ge=1)
    lookback_months: int = Field(12, ge=1, le=60)
    contracts_dir: str = "contracts_sample"
    rules_dir: str = "rules"
    output_dir: str = "output"
    database_url: str | None = None  # default: sqlite:///<output_dir>/audit.db
    erp: ErpConfig
    owners: dict[str, Person]  # role -> person
    rule_owners: dict[str, str] = Field(default_factory=dict)  # rule id -> role
    customer_owners: dict[str, dict[str, str]] = Field(default_factory=dict)  # cust -> rule -> role
    people: dict[str, Person] = Field(default_factory=dict)  # ERP account manager code -> person
    controller: Person | None = None
    due_days: dict[str, int] = Field(default_factory=lambda: {"high": 5, "medium": 10, "low": 20})
    holidays: HolidayConfig = HolidayConfig()
    smtp: SmtpConfig | None = None
    schedule: ScheduleConfig = ScheduleConfig()
    escalation: Person | None = None  # also copied (with the controller) on overdue deviations
    reading: ReadingConfig = ReadingConfig()
    limits: LimitsConfig = LimitsConfig()
    csv: CsvConfig = CsvConfig()

    @field_validator("due_days")
    @classmethod
    def _known_severities(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = set(value) - {"high", "medium", "low"}
        if unknown:
            raise ValueError(f"unknown severity {sorted(unknown)}; valid: high, medium, low")
        return value

    def path(self, relative: str) -> Path:
        """A path from the config, resolved against the config file's folder."""
        p = Path(relative)
        return p if p.is_absolute() else self.base_dir / p

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.path(self.output_dir) / 'audit.db'}"


def load_config(path: Path) -> AuditConfig:
    """Read and validate config.yaml; all errors at once, each with file and line."""
    if not path.exists():
        raise ConfigError(f"config file not found: {path} (pass --config PATH)")
    config = load_model(path, AuditConfig, ConfigError,
                        not_a_mapping="the config file must hold a mapping of keys")
    return config.model_copy(update={"base_dir": path.resolve().parent})
