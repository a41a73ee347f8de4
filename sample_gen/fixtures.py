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


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SCANNED_LINES = [
    "Artikel 5 - Betaling",
    "5.1 Betaling geschiedt binnen dertig (30) dagen na factuurdatum.",
    "5.2 Afleveradres: Industrieweg 12, 5048 AB Tilburg.",
]


def scanned_contract() -> bytes:
    """A page scanned at 300 dpi: an image of clear text, no text layer (for OCR)."""
    from PIL import ImageFont

    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    for i, line in enumerate(SCANNED_LINES):
        draw.text((200, 200 + i * 90), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _pdf()
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=210)
    return bytes(pdf.output())


def scanned_noise() -> bytes:
    """A 'scan' of nothing readable: speckles that OCR must not turn into an agreement."""
    import random

    rng = random.Random(7)
    image = Image.new("L", (1200, 800), 255)
    draw = ImageDraw.Draw(image)
    for _ in range(4000):
        x, y = rng.randrange(1200), rng.randrange(800)
        draw.line((x, y, x + rng.randrange(-9, 9), y + rng.randrange(-9, 9)), fill=0, width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _pdf()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=190)
    return bytes(pdf.output())


def two_column() -> bytes:
    """A page with a full-width title and running header over two columns of articles."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    pdf.cell(0, 6, "Van Dijk Verpakkingen B.V. - Raamovereenkomst VDV-2024-TEST", align="C",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "B", 12)
    pdf.cell(0, 10, "RAAMOVEREENKOMST TWEE KOLOMMEN", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    top = pdf.get_y() + 4
    left = ["Artikel 4 - Levering", "4.1 Leverancier levert binnen vijf (5)",
            "werkdagen na orderdatum.", "4.2 Het risico gaat over bij aflevering."]
    right = ["Artikel 5 - Betaling", "5.1 Betaling geschiedt binnen dertig",
             "(30) dagen na factuurdatum.", "5.2 Bij te late betaling is rente verschuldigd."]
    for x, lines in ((15, left), (112, right)):
        pdf.set_xy(x, top)
        for line in lines:
            pdf.set_x(x)
            pdf.cell(85, 6, line, new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())


def table_over_page_break() -> bytes:
    """A price annex whose table continues on the next page, the header row repeated."""
    pdf = _pdf()
    pdf.add_page()
    pdf.multi_cell(0, 6, "Bijlage 1 - Prijsbijlage", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(200)
    rows = [(f"A-{100 + i}", f"Artikel {i}", f"EUR {10 + i},50") for i in range(24)]
    with pdf.table(col_widths=(30, 90, 40), repeat_headings=1) as table:
        for row in [("Artikelnummer", "Omschrijving", "Prijs per stuk"), *rows]:
            cells = table.row()
            for value in row:
                cells.cell(value)
    return bytes(pdf.output())


def hyphenated() -> bytes:
    """A clause whose words are hyphenated at the line ends, and a real compound."""
    pdf = _pdf()
    pdf.add_page()
    for line in ["Artikel 4 - Levering", "4.1 Leverancier verzorgt de leve-",
                 "ringen binnen drie (3) werk-", "dagen na orderdatum via de ICT-",
                 "leverancier van Afnemer."]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def main() -> None:
    """Write every fixture."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    contract = small_contract()
    (FIXTURES / "scanned-contract.pdf").write_bytes(scanned_contract())
    (FIXTURES / "two-column.pdf").write_bytes(two_column())
    (FIXTURES / "scanned-noise.pdf").write_bytes(scanned_noise())
    (FIXTURES / "table-over-page-break.pdf").write_bytes(table_over_page_break())
    (FIXTURES / "hyphenated.pdf").write_bytes(hyphenated())
    (FIXTURES / "encrypted.pdf").write_bytes(encrypted())
    (FIXTURES / "truncated.pdf").write_bytes(contract[: len(contract) // 2])
    (FIXTURES / "scanned-no-text.pdf").write_bytes(scanned())
    (FIXTURES / "not-a-pdf.pdf").write_bytes(b"Dit is geen PDF maar een tekstbestand.\n")
    for path in sorted(FIXTURES.glob("*.pdf")):
        print(f"{path.relative_to(FIXTURES.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
