"""The sample world: supplier, items, the 12 customers, what their contracts say and what the
ERP has registered for them, plus the dates of the audit and of the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

SEED = 20261031

DATA_START = date(2025, 10, 1)
DATA_END = date(2026, 10, 31)
LOOKBACK_START = date(2025, 11, 1)
LOOKBACK_END = date(2026, 10, 31)
PERIOD = "2026-10"
CONTRACT_END = date(2026, 12, 31)


@dataclass(frozen=True)
class Supplier:
    """Us."""

    name: str = "Van Dijk Verpakkingen B.V."
    kvk: str = "17094532"
    city: str = "Tilburg"
    street: str = "Ringbaan-Oost 210"
    postcode: str = "5013 CD"
    signer: str = "J.M. van Dijk"
    signer_role_nl: str = "algemeen directeur"
    signer_role_en: str = "Managing Director"


SUPPLIER = Supplier()

ITEMS: dict[str, tuple[str, Decimal]] = {
    item: (name, Decimal(price))
    for item, name, price in (
        ("A-100", "Kartonnen doos 40x30x30", "13.95"),
        ("A-101", "Kartonnen doos 60x40x40", "17.50"),
        ("A-102", "Kartonnen doos 30x20x20", "9.80"),
        ("A-103", "Verzenddoos dubbelgolf 50x35x35", "21.40"),
        ("A-104", "Pallet stretchfolie 500 mm", "24.90"),
        ("A-105", "Pallet stretchfolie 500 mm zwart", "27.60"),
        ("A-106", "Handstretchfolie 450 mm", "19.75"),
        ("A-107", "Luchtkussenfolie rol", "38.50"),
        ("A-108", "Noppenfolie rol 50 cm", "22.30"),
        ("A-109", "Tape PP bruin 50 mm", "2.95"),
        ("A-110", "Palletbox karton 120x80x100", "46.80"),
        ("A-111", "Tape PP transparant 50 mm", "3.10"),
        ("A-112", "Vulmateriaal papier (doos)", "8.40"),
        ("A-113", "Hoekbeschermer karton 50x50 mm", "4.20"),
        ("A-114", "Omsnoeringsband PP 12 mm", "16.40"),
        ("A-115", "Spanband polyester 19 mm", "29.90"),
        ("A-116", "Machinestretchfolie 20 my", "54.00"),
        ("A-117", "Krimpfolie zak 120 cm", "31.20"),
        ("A-118", "Etiketten thermisch 100x150 rol", "6.75"),
        ("A-119", "Paklijstenvelop C5", "5.40"),
        ("A-120", "Krat kunststof 60x40", "12.80"),
        ("A-121", "Schuimfolie rol 3 mm", "26.50"),
        ("A-122", "Europallet hout 120x80", "18.90"),
        ("A-123", "Papieren vulkussens (doos)", "11.60"),
        ("A-124", "Antislipvellen 1200x800", "45.00"),
    )
}


def round05(value: Decimal) -> Decimal:
    """Round to a multiple of 5 cents, as contract prices are."""
    return ((value * 20).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 20).quantize(
        Decimal("0.01"))


@dataclass(frozen=True)
class CustomerSpec:
    """One customer: identity, what its contract says, how the contract is worded, what the
    ERP has registered, and how much it orders."""

    cid: str
    name: str
    slug: str
    kvk: str
    language: str
    account_manager: str
    street: str
    number: str
    postcode: str
    city: str
    start: date
    payment_days: int
    payment_phrase: int
    lead_days: int
    lead_phrase: int
    address_phrase: int
    items: tuple[str, ...]
    discount: str
    signer: tuple[str, str]
    call_minutes: int | None = None
    call_phrase: int | None = None
    layout: str = "standard"  # standard | payment_first | orders_article
    general_terms: bool = False
    wrap_payment: bool = False
    wrap_lead: bool = False
    kvk_style: int = 0  # nl: 0 = 'KvK-nummer', 1 = 'ingeschreven ... onder nummer'
    price_overrides: dict[str, str] = field(default_factory=dict)
    reg_payment_days: int | None = None  # None = as agreed
    reg_lead_days: int | None = None
    reg_address: str | None = None
    reg_instruction: str = ""
    order_rate: float = 1.6  # orders per working day
    qty_scale: float = 1.0

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}, {self.postcode} {self.city}"

    @property
    def contract_number(self) -> str:
        return f"VDV-2024-{self.cid}"

    @property
    def prices(self) -> dict[str, Decimal]:
        """The Annex 1 prices of the base contract."""
        factor = Decimal(1) - Decimal(self.discount)
        out = {item: round05(ITEMS[item][1] * factor) for item in sorted(self.items)}
        out.update({item: Decimal(p) for item, p in self.price_overrides.items()})
        return out
