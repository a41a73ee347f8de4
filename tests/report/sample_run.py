"""A realistic AuditRun from literal values, shared by the report and notify tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from audit.errors import Location, Problem
from audit.models import (
    Address,
    AuditRun,
    Clause,
    ContractDoc,
    Customer,
    Deviation,
    Page,
    Period,
    Term,
    TermValue,
)

# Untrusted contract text: markup that must be escaped, and non-ASCII that must survive.
HOSTILE_TEXT = 'De prijs voor A-100 is € 12,50 <script>alert(1)</script> & "ë€" per stuk.'

PERIOD = Period("2026-10", date(2026, 10, 1), date(2026, 10, 31), date(2025, 11, 1))

BILLING = ("Billing/pricing", "billing@example.nl")
CREDIT = ("Credit control", "credit@example.nl")
LOGISTICS = ("Logistics planner", "logistics@example.nl")
KEY_ACCOUNTS = ("Account management: key accounts [NL] team", "keyaccounts@example.nl")

INVOICES = tuple(f"INV-2026-{n:04d}" for n in range(1, 15))  # 14 documents: 4 beyond the 10 shown

DOC = ContractDoc(
    path=Path("contracts/C001_Jansen_raamovereenkomst.pdf"),
    sha256="0" * 64,
    pages=(Page(1, "Raamovereenkomst"), Page(2, "Artikel 4 Prijzen")),
    customer_id="C001",
)


def _deviation(**values: object) -> Deviation:
    base: dict[str, object] = {
        "kind": "execution",
        "subject": "",
        "description": "",
        "expected": "",
        "actual": "",
        "contract_file": DOC.file,
        "due_date": date(2026, 11, 14),
    }
    return Deviation(**{**base, **values})  # type: ignore[arg-type]


def deviations() -> list[Deviation]:
    """Seven deviations over five owners: money both ways and none, one without an address."""
    return [
        _deviation(
            customer_id="C001",
            customer_name="Bakkerij Jansen B.V.",
            rule_id="agreed_prices",
            subject="A-100",
            description="A-100 invoiced below the agreed price",
            expected="€ 12,50 per piece",
            actual="€ 6,25 per piece",
            evidence=INVOICES,
            impact_eur=Decimal("1234.50"),
            severity="high",
            contract_page=2,
            contract_article="4.1",
            contract_text=HOSTILE_TEXT,
            owner=BILLING[0],
            owner_email=BILLING[1],
            action="Correct the price list and re-invoice",
        ),
        _deviation(
            customer_id="C002",
            customer_name="Hoogeveen Logistiek",
            rule_id="agreed_prices",
            subject="B-200",
            description="B-200 invoiced above the agreed price",
            expected="€ 8,00",
            actual="€ 8,50",
            evidence=("INV-2026-0100",),
            impact_eur=Decimal("-123.40"),
            severity="medium",
            contract_page=3,
            contract_article="Bijlage 1",
            contract_text="Artikel B-200: € 8,00",
            owner=BILLING[0],
            owner_email=BILLING[1],
            action="Credit the customer",
            status="recurring",
        ),
        _deviation(
            customer_id="C001",
            customer_name="Bakkerij Jansen B.V.",
            rule_id="payment_term",
            kind="registration",
            subject="days",
            description="Payment term not in the ERP",
            expected="30 days",
            actual="14 days",
            severity="medium",
            contract_page=2,
            contract_article="5.1",
            contract_text="Betaling binnen 30 dagen.",
            owner=CREDIT[0],
            owner_email=CREDIT[1],
            action="Set payment term to 30 days",
        ),
        _deviation(
            customer_id="C003",
            customer_name="Café Zoë & Zonen",
            rule_id="free_shipping",
            subject="freight",
            description="Freight charged above the free-shipping amount",
            expected="€ 0,00 freight",
            actual="€ 45,00 freight",
            evidence=("INV-2026-0200",),
            impact_eur=Decimal("-45.00"),
            severity="high",
            contract_page=1,
            contract_article="7",
            contract_text="Franco levering vanaf € 1.000.",
            owner=CREDIT[0],
            owner_email=CREDIT[1],
            action="Credit the freight",
        ),
        _deviation(
            customer_id="C002",
            customer_name="Hoogeveen Logistiek",
            rule_id="lead_time",
            subject="late",
            description="3 deliveries later than 5 working days",
            expected="5 working days",
            actual="7 working days",
            evidence=("DEL-1", "DEL-2", "DEL-3"),
            severity="low",
            contract_page=4,
            contract_article="6.2",
            contract_text="Levering binnen 5 werkdagen.",
            owner=LOGISTICS[0],
            owner_email=LOGISTICS[1],
            action="Plan within 5 days",
        ),
        _deviation(
            customer_id="C003",
            customer_name="Café Zoë & Zonen",
            rule_id="delivery_address",
            kind="registration",
            subject="address",
            description="Delivery address differs",
            expected="5048 AB 12",
            actual="5048 AB 14",
            severity="medium",
            contract_page=1,
            contract_article="2",
            owner="Customer service",
            owner_email="",
        ),
        _deviation(
            customer_id="C001",
            customer_name="Bakkerij Jansen B.V.",
            rule_id="contract_term",
            kind="registration",
            subject="end",
            description="Contract end date missing",
            expected="2026-12-31",
            actual="(none)",
            severity="low",
            owner=LOGISTICS[0],
            owner_email=LOGISTICS[1],
            action="Record the end date",
            status="resolved",
        ),
        _deviation(
            customer_id="C002",
            customer_name="Hoogeveen Logistiek",
            rule_id="volume_commitment",
            subject="2026",
            description="Volume below commitment",
            expected="10.000 pieces",
            actual="6.000 pieces (pro rata 8.333)",
            impact_eur=Decimal("2000.005"),
            severity="high",
            contract_page=2,
            contract_article="3.4",
            owner=KEY_ACCOUNTS[0],
            owner_email=KEY_ACCOUNTS[1],
            action="Discuss the volume with the customer",
        ),
    ]


def terms() -> list[Term]:
    """Three agreements: a plain number, a priced item with a subject, and an address."""

    def clause(article: str, text: str, page: int) -> Clause:
        return Clause(doc=DOC, article=article, heading="", text=text, page=page)

    return [
        Term(
            "C001",
            "payment_term",
            (TermValue("days", 30, "days"),),
            clause("5.1", "Betaling binnen 30 dagen.", 2),
            0.95,
        ),
        Term(
            "C001",
            "agreed_prices",
            (TermValue("unit_price", Decimal("12.50"), "EUR"), TermValue("item", "A-100")),
            clause("4.1", HOSTILE_TEXT, 2),
            0.875,
            subject="A-100",
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        ),
        Term(
            "C001",
            "delivery_address",
            (TermValue("address", Address("Industrieweg", "12", "5048 AB", "Tilburg")),),
            clause("2", "Afleveradres: Industrieweg 12, 5048 AB Tilburg", 1),
            0.9,
        ),
    ]


def sample_run() -> AuditRun:
    """The whole run: three customers, terms, deviations and two problems."""
    return AuditRun(
        period=PERIOD,
        customers=[
            Customer("C002", "Hoogeveen Logistiek", Decimal("980000.00"), 2),
            Customer("C001", "Bakkerij Jansen B.V.", Decimal("1250000.00"), 1),
            Customer("C003", "Café Zoë & Zonen", Decimal("310500.75"), 3),
        ],
        terms=terms(),
        deviations=deviations(),
        problems=[
            Problem(
                "contracts",
                "PDF is encrypted; ask for an unprotected copy",
                Location("C004_contract.pdf", page=3),
            ),
            Problem(
                "erp",
                "quantity 'twelve' is not a number",
                Location("order_lines.csv", row=17, column="quantity"),
                severity="warning",
            ),
        ],
    )
