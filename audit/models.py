"""The small frozen values that flow between the stages of the audit."""

from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd

from audit.errors import Problem

# --- contracts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A table read from a page: rows of cell texts, header row first."""

    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Line:
    """One text line of a page in reading order, with the typography a heading is found by.

    A table stands in the lines as one line whose text is the table marker (layout.TABLE_MARK).
    """

    text: str
    x0: float = 0.0  # left edge, in PDF points
    top: float = 0.0  # distance from the page's top, in PDF points
    size: float = 0.0  # font size of most of its characters (0: unknown, e.g. OCR)
    bold: bool = False  # most of its characters are in a bold (or black/heavy) font


@dataclass(frozen=True)
class Page:
    """One page of a contract, running header and footer removed.

    `lines` holds the text lines with their typography; `text` is the same lines joined by
    newlines (pages made without lines, e.g. in tests, have only `text`).
    """

    number: int  # 1-based
    text: str
    tables: tuple[Table, ...] = ()
    ocr_confidence: float | None = None  # set when the page was read by OCR (0-100)
    lines: tuple[Line, ...] = ()
    width: float = 0.0  # page size in PDF points (0: unknown)
    height: float = 0.0

    def styled_lines(self) -> tuple[Line, ...]:
        """The lines with their typography; plain lines from `text` when none were kept."""
        if self.lines:
            return self.lines
        return tuple(Line(t) for t in self.text.split("\n"))


@dataclass(frozen=True)
class ContractDoc:
    """One contract PDF, read and linked (or not) to an ERP customer."""

    path: Path
    sha256: str
    pages: tuple[Page, ...]
    language: str = "nl"  # nl | en
    customer_id: str | None = None
    kind: str = "contract"  # contract | amendment
    effective_date: date | None = None
    kvk_numbers: tuple[str, ...] = ()
    title: str = ""
    date_basis: str = ""  # what effective_date rests on: stated | signed | '' (none found)
    references: tuple[str, ...] = ()  # contract references on page 1 and in the file name
    amends: str = ""  # an amendment's base contract (file name), found by its reference

    @property
    def file(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Clause:
    """A numbered (sub-)article of a contract, with the page it starts on."""

    doc: ContractDoc = field(repr=False)
    article: str  # "4.1", "Bijlage 1"
    heading: str  # heading of the article it belongs to ("Levering")
    text: str
    page: int
    tables: tuple[Table, ...] = ()
    replaces: tuple[str, ...] = ()  # articles of the base contract an amendment clause replaces
    change: str = ""  # what an amendment clause does: replace | delete | add | '' (nothing said)
    effective_date: date | None = None  # an amendment clause's own start ('With effect from ...')
    boilerplate: bool = False  # general terms, force majeure, liability...: not an agreement
    ocr: bool = False  # read from a scanned page: its terms get a lower confidence
    section: str = ""  # the section it stands in: 'contract', an annex ('Bijlage 1'), 'signature'
    level: int = 0  # depth under its section's heading (0: the section's own text)

    @property
    def file(self) -> str:
        return self.doc.file


# --- rules -> terms --------------------------------------------------------------------


@dataclass(frozen=True)
class TermValue:
    """One value read from a clause: `days = 30 (days)`."""

    parameter: str
    value: Any  # int | Decimal | str | date | Address
    unit: str = ""


@dataclass(frozen=True)
class Address:
    """A delivery address; the same as another when postcode and number match (core/addresses)."""

    street: str
    house_number: str
    postcode: str
    city: str

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}".strip()


class Source(StrEnum):
    """Where a term's value comes from."""

    TEXT = "text"  # the contract's text layer
    OCR = "ocr"  # a scanned page, read by OCR
    OVERRIDE = "override"  # the controller's correction (terms_overrides.yaml)


@dataclass(frozen=True)
class Term:
    """An agreement read from a contract, valid from..to (amendments end earlier terms)."""

    customer_id: str
    rule_id: str
    values: tuple[TermValue, ...]
    clause: Clause
    confidence: float
    subject: str = ""  # what the agreement is about when a rule yields several (an item id)
    valid_from: date | None = None
    valid_to: date | None = None  # inclusive; None = open-ended
    override: str = ""  # 'override by <who>: <why>' when the controller corrected it

    @property
    def source(self) -> Source:
        """Where the value comes from: contract text, OCR, or the controller's override."""
        if self.override:
            return Source.OVERRIDE
        return Source.OCR if self.clause.ocr else Source.TEXT

    def get(self, parameter: str, default: Any = None) -> Any:
        for v in self.values:
            if v.parameter == parameter:
                return v.value
        return default

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


# --- checks -> deviations --------------------------------------------------------------


class DeviationKind(StrEnum):
    """Which side of an agreement deviates: the master data, or what was done."""

    REGISTRATION = "registration"  # the customer master or price list does not hold it
    EXECUTION = "execution"  # the orders, deliveries or invoices do not follow it


class Severity(StrEnum):
    """How urgent a deviation is (due_days per severity in config.yaml)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Status(StrEnum):
    """A deviation against the runs of earlier periods (store/tracking.py)."""

    NEW = "new"
    RECURRING = "recurring"
    RESOLVED = "resolved"
    REOPENED = "reopened"


class OwnerState(StrEnum):
    """The owner's response as it stands ('' when there is none)."""

    NONE = ""
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    SUPPRESSED = "suppressed"
    STILL_FOUND = "still_found"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Deviation:
    """A difference between an agreement and the ERP, with its evidence and money at stake."""

    customer_id: str
    rule_id: str
    kind: DeviationKind
    subject: str  # what it concerns within the rule (item, 'late', 'address'...), for a stable id
    description: str
    expected: str
    actual: str
    evidence: tuple[str, ...] = ()
    impact_eur: Decimal | None = None
    severity: Severity = Severity.MEDIUM
    contract_file: str = ""
    contract_page: int | None = None
    contract_article: str = ""
    contract_text: str = ""
    params: tuple[tuple[str, str], ...] = ()  # values for the rule's action template
    customer_name: str = ""
    owner: str = ""
    owner_email: str = ""
    action: str = ""
    due_date: date | None = None
    status: Status = Status.NEW
    # Tracking across runs, filled by the store (store/tracking.py):
    first_seen: str = ""  # the period it was first found in ("2026-08")
    months_open: int = 0  # months open in a row, this period included
    escalated: bool = False  # open past its due date: the owner's email is copied upwards
    owner_state: OwnerState = OwnerState.NONE
    owner_note: str = ""  # the owner's response: who, when, why (and until when)
    agreed: str = ""  # the agreement it is measured against (term values, subject): identity
    impact_basis: str = ""  # how its money at stake is computed (the rule's impact:), in words
    rule_title: str = ""  # the rule's title in the run's language, shown instead of its id
    figure_unit: str = ""  # what expected/actual count in: 'EUR', '%', 'days', '' (the xlsx format)

    def __post_init__(self) -> None:
        """The enum fields as their types: a check or a stored row with another value fails
        here, naming the field and the valid values, not later in a report."""
        for name, kind in (("kind", DeviationKind), ("severity", Severity), ("status", Status),
                           ("owner_state", OwnerState)):
            value = getattr(self, name)
            if type(value) is not kind:
                object.__setattr__(self, name, _member(kind, name, value))

    @property
    def deviation_id(self) -> str:
        """Stable id: the same deviation found next month has the same id; a changed agreement
        (another payment term, another price for the item) is another deviation. Rows stored
        before `agreed` existed keep the old hash (legacy_id)."""
        if not self.agreed:
            return self.legacy_id
        key = "|".join((self.customer_id, self.rule_id, self.kind, self.subject, self.agreed))
        return "D-" + hashlib.sha256(key.encode()).hexdigest()[:10]

    @property
    def legacy_id(self) -> str:
        """The id as runs before 0005 hashed it: customer, rule, kind and subject only."""
        key = "|".join((self.customer_id, self.rule_id, self.kind, self.subject))
        return "D-" + hashlib.sha256(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class ErpData:
    """The ERP datasets by name, in our column names; a dataset that failed to load is absent."""

    frames: dict[str, pd.DataFrame]
    problems: tuple[Problem, ...] = ()

    def get(self, name: str) -> pd.DataFrame | None:
        return self.frames.get(name)


@dataclass(frozen=True)
class Customer:
    """A customer in scope of the audit, with its revenue over the look-back window."""

    customer_id: str
    name: str
    revenue: Decimal
    rank: int


@dataclass(frozen=True)
class Period:
    """The audited month and its look-back window (inclusive dates)."""

    label: str  # "2026-10"
    start: date
    end: date
    lookback_start: date

    @classmethod
    def parse(cls, label: str, lookback_months: int = 1) -> Period:
        """'2026-10' -> October 2026 with a window of `lookback_months` up to its end;
        ValueError for anything but YYYY-MM."""
        year, month = _year_month(label)
        return cls.of_month(year, month, lookback_months)

    @classmethod
    def of_month(cls, year: int, month: int, lookback_months: int = 1) -> Period:
        """The period of a calendar month (its window: `lookback_months` up to its end)."""
        year, month = divmod(year * 12 + month - 1, 12)
        month += 1
        back_year, back_month = divmod(year * 12 + month - 1 - (lookback_months - 1), 12)
        return cls(f"{year:04d}-{month:02d}", date(year, month, 1),
                   date(year, month, calendar.monthrange(year, month)[1]),
                   date(back_year, back_month + 1, 1))

    @classmethod
    def containing(cls, day: date, lookback_months: int = 1) -> Period:
        """The period of the month a day falls in."""
        return cls.of_month(day.year, day.month, lookback_months)

    @classmethod
    def before(cls, day: date, lookback_months: int = 1) -> Period:
        """The period of the month before the one a day falls in: what a run on that day audits
        when no period is given."""
        return cls.containing(day, lookback_months).shift(-1)

    @property
    def lookback_months(self) -> int:
        """How many months the window covers, this one included."""
        return _index(self.start) - _index(self.lookback_start) + 1

    def shift(self, months: int) -> Period:
        """The period `months` later (earlier when negative), with a window as long."""
        return Period.of_month(self.start.year, self.start.month + months, self.lookback_months)

    def months_until(self, later: Period) -> int:
        """Whole months from this period to another ('2026-08' -> '2026-10': 2)."""
        return _index(later.start) - _index(self.start)


def _member(kind: type[StrEnum], name: str, value: object) -> StrEnum:
    """The enum member of a value; ValueError naming the field and the valid values."""
    try:
        return kind(value)
    except ValueError:
        valid = ", ".join(repr(m.value) for m in kind)  # type: ignore[attr-defined]
        raise ValueError(f"{name} must be one of {valid}, got {value!r}") from None


def _year_month(label: str) -> tuple[int, int]:
    """'2026-10' -> (2026, 10); ValueError for anything else."""
    try:
        year, month = (int(x) for x in label.split("-"))
        date(year, month, 1)
    except ValueError as e:
        raise ValueError(f"a period looks like YYYY-MM, got '{label}'") from e
    return year, month


def _index(day: date) -> int:
    """A month as one number, so months subtract."""
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class EmailCounts:
    """A run's owner emails: sent, waiting in the outbox, sent before, previewed (dry run)."""

    sent: int = 0
    outbox: int = 0
    skipped: int = 0
    preview: int = 0
    undelivered: int | None = None  # set once a real run has tried to deliver


@dataclass(frozen=True)
class RunStats:
    """A run's figures, as the summary, the report and the next run read them; stored as JSON
    (`to_json`), fields in this order, and read back from runs stored before (`from_json`)."""

    customers: int = 0
    contracts: int | None = None  # None: no contracts were read (a run not from the pipeline)
    pages: int = 0
    terms: int = 0
    deviations: int = 0  # open: not resolved, not suppressed
    resolved: int = 0
    by_owner: dict[str, int] = field(default_factory=dict)  # open deviations per owner
    impact_forgone: Decimal = Decimal(0)  # undercharged, > 0
    impact_owed: Decimal = Decimal(0)  # overcharged, < 0
    problems: int = 0
    seconds: float = 0.0
    coverage: list[dict[str, Any]] = field(default_factory=list)  # per document: how well read
    rule_titles: dict[str, str] = field(default_factory=dict)  # rule id -> title, run's language
    agreements: dict[str, dict[str, int]] = field(default_factory=dict)  # per document and rule
    emails: EmailCounts = field(default_factory=EmailCounts)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (money as text), an undelivered count only once there is one."""
        data: dict[str, Any] = json.loads(json.dumps(asdict(self), default=str))
        if self.emails.undelivered is None:
            del data["emails"]["undelivered"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunStats:
        """The stats of a stored run; a figure an older run did not store keeps its default,
        one this version no longer keeps is left out."""
        known = _fields_of(cls, data)
        return cls(**{
            **known,
            "impact_forgone": Decimal(str(known.get("impact_forgone", 0))),
            "impact_owed": Decimal(str(known.get("impact_owed", 0))),
            "agreements": {str(f): {str(r): int(n) for r, n in rules.items()}
                           for f, rules in (known.get("agreements") or {}).items()},
            "emails": EmailCounts(**_fields_of(EmailCounts, known.get("emails") or {}))})


def _fields_of(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """The items of a stored dict that are fields of the dataclass `kind`."""
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in data.items() if k in names}


@dataclass
class AuditRun:
    """The result of one audit: what was read, what deviates, and what went wrong."""

    period: Period
    customers: list[Customer] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    deviations: list[Deviation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stats: RunStats = field(default_factory=RunStats)
    run_id: int | None = None
