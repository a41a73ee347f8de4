"""In-memory ERP records built by the generator, with the bookkeeping tags of injected
deviations (a tag names the deviation subject a record is evidence for)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass
class Line:
    """One order line."""

    line_no: int
    item: str
    qty: int
    price: Decimal
    agreed: Decimal | None  # contract price valid on the order date; None = not agreed
    tag: str = ""  # 'A-110:undercharged' when injected
    qty_text: str | None = None  # written instead of qty (a bad row)

    @property
    def amount(self) -> Decimal:
        return self.price * self.qty


@dataclass
class Delivery:
    """One (partial) delivery of an order."""

    day: date
    qty: int
    address: str
    called: bool
    remark: str = ""
    part: int = 1
    number: str = ""
    tags: set[str] = field(default_factory=set)  # 'late' | 'address' | 'call_ahead'
    date_text: str | None = None  # written instead of the date (a bad row)


@dataclass
class Invoice:
    """An invoice (Factuur) or credit note (Creditnota)."""

    day: date
    due: date
    amount: Decimal
    freight: Decimal
    kind: str  # Factuur | Creditnota
    number: str = ""
    description: str = ""
    tag: str = ""  # 'due_date' when injected
    cid: str = ""  # set on credit notes that belong to no order (rebate credit notes)


@dataclass
class Order:
    """An order with its lines, deliveries and invoice."""

    cid: str
    day: date
    seq: int
    requested: date | None
    lines: list[Line]
    deliveries: list[Delivery] = field(default_factory=list)
    invoice: Invoice | None = None
    credit_notes: list[Invoice] = field(default_factory=list)
    number: str = ""
    scripted: str = ""  # why this order was placed on purpose (edge cases)

    @property
    def total_qty(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def goods_amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))
