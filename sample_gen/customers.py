"""The 12 customers C1001..C1012 and the amendments to their contracts.

Phrasing indexes refer to the templates in `texts.py`; registration fields (reg_*) hold what the
ERP customer master says where it differs from the contract (the injected registration errors).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sample_gen.world import CustomerSpec

CUSTOMERS: tuple[CustomerSpec, ...] = (
    CustomerSpec(
        "C1001", "Bakkerij Jansen B.V.", "bakkerij_jansen", "56123874", "nl", "SDV",
        "Industrieweg", "12", "5048 AB", "Tilburg", date(2024, 1, 1),
        payment_days=30, payment_phrase=0, lead_days=3, lead_phrase=0, address_phrase=0,
        items=("A-100", "A-102", "A-104", "A-109", "A-113", "A-118", "A-120", "A-123"),
        discount="0.08", signer=("H. Jansen", "directeur"), price_overrides={"A-100": "12.50"},
        reg_instruction="Leveren via achteringang", order_rate=1.9),
    CustomerSpec(
        "C1002", "De Groot Logistiek B.V.", "de_groot_logistiek", "24358761", "nl", "PJA",
        "Transportweg", "44", "3335 LM", "Zwijndrecht", date(2023, 7, 1),
        payment_days=14, payment_phrase=1, lead_days=2, lead_phrase=1, address_phrase=1,
        items=("A-101", "A-103", "A-104", "A-105", "A-106", "A-114", "A-115", "A-116", "A-122",
               "A-124"),
        discount="0.10", signer=("M. de Groot", "directeur operations"), layout="payment_first",
        wrap_payment=True, kvk_style=1, reg_payment_days=30, order_rate=1.75),
    CustomerSpec(
        "C1003", "Hoogvliet Foods B.V.", "hoogvliet_foods", "27419935", "nl", "MKO",
        "Havenstraat", "88", "3161 GM", "Rhoon", date(2024, 1, 1),
        payment_days=30, payment_phrase=2, lead_days=4, lead_phrase=0, address_phrase=0,
        items=("A-100", "A-107", "A-108", "A-117", "A-119", "A-121"),
        discount="0.12", signer=("R. Hoogvliet", "inkoopmanager"),
        reg_instruction="Lossen aan dock 4", order_rate=0.12, qty_scale=9.0),
    CustomerSpec(
        "C1004", "Northwind Trading Ltd.", "northwind_trading", "34567890", "en", "SDV",
        "Westelijke Randweg", "3", "1118 CR", "Schiphol", date(2024, 3, 1),
        payment_days=60, payment_phrase=0, lead_days=5, lead_phrase=0, address_phrase=0,
        items=("A-101", "A-102", "A-103", "A-109", "A-111", "A-118", "A-119", "A-120", "A-123"),
        discount="0.07", signer=("S. Whitfield", "Procurement Director"), call_minutes=60,
        call_phrase=0, wrap_lead=True, reg_lead_days=10,
        reg_instruction="Chauffeur belt 1 uur voor aankomst", order_rate=1.65, qty_scale=1.1),
    CustomerSpec(
        "C1005", "Van Leeuwen Tuinbouw B.V.", "van_leeuwen_tuinbouw", "27083316", "nl", "PJA",
        "Middel Broekweg", "23a", "2675 KB", "Honselersdijk", date(2023, 10, 1),
        payment_days=45, payment_phrase=0, lead_days=3, lead_phrase=1, address_phrase=1,
        items=("A-104", "A-106", "A-110", "A-113", "A-115", "A-120", "A-122"),
        discount="0.07", signer=("P. van Leeuwen", "eigenaar"), layout="orders_article",
        general_terms=True, wrap_lead=True, kvk_style=1,
        reg_instruction="Melden bij de portier", order_rate=1.75),
    CustomerSpec(
        "C1006", "Brouwerij 't Haantje B.V.", "brouwerij_t_haantje", "08142275", "nl", "MKO",
        "Brouwerslaan", "5", "7411 GA", "Deventer", date(2024, 4, 1),
        payment_days=30, payment_phrase=1, lead_days=2, lead_phrase=0, address_phrase=0,
        items=("A-100", "A-101", "A-105", "A-107", "A-109", "A-111", "A-114", "A-117", "A-121",
               "A-122", "A-124"),
        discount="0.09", signer=("K. Haantjes", "bedrijfsleider"), call_minutes=60,
        call_phrase=0, reg_instruction="", order_rate=2.0, qty_scale=0.9),
    CustomerSpec(
        "C1007", "Meijer & Zonen B.V.", "meijer_zonen", "30196452", "nl", "SDV",
        "Nijverheidsweg", "15", "3401 MC", "IJsselstein", date(2023, 9, 1),
        payment_days=14, payment_phrase=2, lead_days=4, lead_phrase=1, address_phrase=1,
        items=("A-102", "A-103", "A-106", "A-108", "A-112", "A-116"),
        discount="0.06", signer=("J. Meijer", "directeur"), layout="payment_first",
        wrap_payment=True, reg_address="Nijverheidsweg 51, 3401 MC IJsselstein",
        order_rate=1.75),
    CustomerSpec(
        "C1008", "Atlas Components B.V.", "atlas_components", "17251109", "en", "PJA",
        "De Run", "4312", "5503 LN", "Veldhoven", date(2024, 2, 1),
        payment_days=30, payment_phrase=1, lead_days=3, lead_phrase=1, address_phrase=0,
        items=("A-104", "A-107", "A-110", "A-112", "A-113", "A-118", "A-119", "A-121"),
        discount="0.08", signer=("L. Verbeek", "Supply Chain Manager"), call_minutes=15,
        call_phrase=1, layout="payment_first", wrap_payment=True,
        price_overrides={"A-112": "8.25"}, reg_instruction="Bellen 15 min voor levering",
        order_rate=1.65),
    CustomerSpec(
        "C1009", "Zuidkust Visé B.V.", "zuidkust_vise", "22045781", "nl", "MKO",
        "Visserijkade", "9", "4381 AK", "Vlissingen", date(2024, 6, 1),
        payment_days=30, payment_phrase=0, lead_days=2, lead_phrase=0, address_phrase=0,
        items=("A-100", "A-105", "A-108", "A-109", "A-111", "A-117", "A-120", "A-121", "A-123"),
        discount="0.10", signer=("W. de Visser", "financieel directeur"),
        layout="orders_article", general_terms=True, wrap_lead=True, order_rate=1.9,
        qty_scale=0.9),
    CustomerSpec(
        "C1010", "Hollandia Dranken B.V.", "hollandia_dranken", "18034697", "nl", "SDV",
        "Koopvaardijweg", "30", "4906 CV", "Oosterhout", date(2023, 5, 1),
        payment_days=60, payment_phrase=1, lead_days=3, lead_phrase=1, address_phrase=1,
        items=("A-100", "A-101", "A-103", "A-104", "A-106", "A-110", "A-114", "A-115", "A-116",
               "A-119", "A-122", "A-124"),
        discount="0.11", signer=("A. Bakker", "hoofd logistiek"), call_minutes=30,
        call_phrase=1, layout="payment_first", wrap_payment=True, kvk_style=1,
        reg_instruction="Bellen 30 min voor levering", order_rate=2.0),
    CustomerSpec(
        "C1011", "Kaasmakerij Verhoef B.V.", "kaasmakerij_verhoef", "29077345", "nl", "PJA",
        "Oudeweg", "77", "2811 NM", "Reeuwijk", date(2024, 9, 1),
        payment_days=30, payment_phrase=2, lead_days=5, lead_phrase=0, address_phrase=0,
        items=("A-102", "A-107", "A-109", "A-113", "A-118", "A-123"),
        discount="0.05", signer=("T. Verhoef", "eigenaar"), layout="orders_article",
        order_rate=0.55, qty_scale=0.5),
    CustomerSpec(
        "C1012", "Greenfield Retail Ltd.", "greenfield_retail", "12098456", "en", "MKO",
        "Columbusweg", "21", "5928 LA", "Venlo", date(2024, 5, 1),
        payment_days=45, payment_phrase=1, lead_days=4, lead_phrase=0, address_phrase=0,
        items=("A-103", "A-105", "A-111", "A-112", "A-118", "A-120", "A-124"),
        discount="0.09", signer=("D. Greenfield", "Operations Director"),
        layout="orders_article", order_rate=0.55, qty_scale=0.5),
)

BY_ID: dict[str, CustomerSpec] = {c.cid: c for c in CUSTOMERS}
AUDITED = tuple(c.cid for c in CUSTOMERS[:10])
NOT_AUDITED = tuple(c.cid for c in CUSTOMERS[10:])


@dataclass(frozen=True)
class Amendment:
    """A change to a base contract from `effective` on."""

    cid: str
    effective: date
    kind: str  # payment_term | price
    payment_days: int | None = None
    replaces_article: str | None = None  # filled in from the base contract's layout
    item: str | None = None
    price: Decimal | None = None


AMENDMENTS: tuple[Amendment, ...] = (
    Amendment("C1003", date(2026, 3, 1), "payment_term", payment_days=45),
    Amendment("C1001", date(2026, 6, 1), "price", item="A-100", price=Decimal("11.75")),
)


def agreed_payment_days(cid: str, day: date) -> int:
    """The payment term the contract (with amendments) sets for invoices dated `day`."""
    days = BY_ID[cid].payment_days
    for a in AMENDMENTS:
        if a.cid == cid and a.kind == "payment_term" and day >= a.effective:
            days = a.payment_days or days
    return days


def agreed_price(cid: str, item: str, day: date) -> Decimal | None:
    """The contract price of `item` for orders dated `day`; None when the item is not agreed."""
    price = BY_ID[cid].prices.get(item)
    for a in AMENDMENTS:
        if a.cid == cid and a.kind == "price" and a.item == item and day >= a.effective:
            price = a.price
    return price
