"""Writes the small test PDFs in tests/fixtures/: one per awkward case the tests cover."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from PIL import Image, ImageDraw

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def _pdf() -> FPDF:
    pdf = FPDF()
    pdf.set_creation_date(CREATED)
    pdf.set_font("helvetica", size=11)
    return pdf


def _contract_page(pdf: FPDF, lines: list[str]) -> None:
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")


def small_contract() -> bytes:
    """A two-page Dutch contract with a payment-term clause."""
    pdf = _pdf()
    _contract_page(pdf, ["RAAMOVEREENKOMST", "Afnemer: Testklant B.V., KvK-nummer 99887766",
                         "Ingangsdatum: 1 januari 2025"])
    _contract_page(pdf, ["Artikel 1 - Betaling",
                         "1.1 Betaling geschiedt binnen 30 dagen na factuurdatum."])
    return bytes(pdf.output())


def encrypted() -> bytes:
    """The same contract, protected with a user password."""
    pdf = _pdf()
    _contract_page(pdf, ["Artikel 1 - Betaling", "1.1 Betaling binnen 30 dagen na factuurdatum."])
    pdf.set_encryption(owner_password="owner", user_password="secret",
                       encryption_method=EncryptionMethod.RC4)
    return bytes(pdf.output())


def scanned() -> bytes:
    """One page that is only an image of text: no text layer."""
    image = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(image).text((20, 120), "Betaling binnen 30 dagen na factuurdatum.", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _pdf()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=180)
    return bytes(pdf.output())


def main() -> None:
    """Write every fixture."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    contract = small_contract()
    (FIXTURES / "encrypted.pdf").write_bytes(encrypted())
    (FIXTURES / "truncated.pdf").write_bytes(contract[: len(contract) // 2])
    (FIXTURES / "scanned-no-text.pdf").write_bytes(scanned())
    (FIXTURES / "not-a-pdf.pdf").write_bytes(b"Dit is geen PDF maar een tekstbestand.\n")
    for path in sorted(FIXTURES.glob("*.pdf")):
        print(f"{path.relative_to(FIXTURES.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
