"""Writes tests/fixtures/erp/: small real exports, each named after the case it covers.

Regenerate: .venv/bin/python -m tests.erp.make_fixtures
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "erp"
ORDER_HEADER = "Ordernr;Regelnr;Klantnr;Orderdatum;Artikelnr;Aantal;Prijs per eenheid;Gewenste leverdatum"
CSV = {
    # UTF-8 with a byte-order mark, Dutch Excel dialect; read even when encoding says cp1252
    "orderregels-utf8-bom.csv": ("utf-8-sig", [
        ORDER_HEADER,
        "O1;1;C1;05-01-2026;Café-1;10;12,50;",
        "O1;2;C1;05-01-2026;A-101;1.200;1.234,56;20-01-2026",
    ]),
    # cp1252 with é and ë; thousands separators; an optional decimal and date
    "klanten-cp1252.csv": ("cp1252", [
        "Klantnr;Naam;Betalingstermijn;Afnameverplichting;Einddatum contract",
        "C1;Café Brasserie Noël B.V.;30;250.000,00;31-12-2026",
        "C2;Hoogvliet Foods B.V.;60;;",
    ]),
    # a title line and a blank line above the header, a blank line between the records
    "orderregels-title-row.csv": ("cp1252", [
        "Export orderregels januari 2026;;;;;;;",
        "",
        ORDER_HEADER,
        "O1;1;C1;05-01-2026;A-100;10;12,50;",
        "",
        "O2;1;C1;2026-01-06;A-100;5;12,50;46030",
        "O3;1;C1;06-01-2026;A-100;1,5;12,50-;",
        "O3;x;C1;06-01-2026;A-100;2;12,50;",
    ]),
    # every kind of bad delivery row: unquoted ';', bad yes/no, duplicate, unknown order, ...
    "leveringen-errors.csv": ("cp1252", [
        "Leveringsnr;Ordernr;Klantnr;Leverdatum;Aantal;Afleveradres;Vooraf gebeld;Opmerking",
        "L1;O1;C1;06-01-2026;10;Industrieweg 12, 5048 AB Tilburg;J;",
        "L2;O1;C1;07-01-2026;5;Industrieweg 12; 5048 AB Tilburg;N;",
        "L3;O1;C1;07-01-2026;5;Industrieweg 12, 5048 AB Tilburg;misschien;",
        "L4;O1;C1;08-01-2026;5;Industrieweg 12, 5048 AB Tilburg;Ja;",
        "L4;O1;C1;08-01-2026;5;Industrieweg 12, 5048 AB Tilburg;Ja;",
        "L5;O9;C1;08-01-2026;5;Industrieweg 12, 5048 AB Tilburg;Nee;",
        "L6;O1;C2;09-01-2026;5;Industrieweg 12, 5048 AB Tilburg;Y;",
        "L7;O1;C1;09-01-2026;5;Industrieweg 12, 5048 AB Tilburg;;Vergeten te noteren",
        "L4;O1;C1;10-01-2026;7;Industrieweg 12, 5048 AB Tilburg;N;",
    ]),
    # one dataset in two monthly files; the last row of February repeats a January row
    "facturen-2026-01.csv": ("cp1252", [
        "Factuurnr;Klantnr;Factuurdatum;Vervaldatum;Bedrag;Vrachtkosten;Soort;Ordernr;Omschrijving",
        "F1;C1;05-01-2026;04-02-2026;€ 1.234,56;0,00;Factuur;O1;Levering",
        "F2;C1;06-01-2026;2026-02-05;45,00-;;Creditnota;;Bonus 2025",
        "F3;C1;07-01-2026;46059;100,00;12,50;Pro forma;O1;",
    ]),
    "facturen-2026-02.csv": ("cp1252", [
        "Factuurnr;Klantnr;Factuurdatum;Vervaldatum;Bedrag;Vrachtkosten;Soort;Ordernr;Omschrijving",
        "F4;C3;02-02-2026;04-03-2026;99,95;0,00;Factuur;O1;Levering",
        "F1;C1;05-01-2026;04-02-2026;€ 1.234,56;0,00;Factuur;O1;Levering",
        "F2;C1;06-01-2026;2026-02-05;46,00-;;Creditnota;;Bonus 2025 (gecorrigeerd)",
    ]),
}


def write_xlsx(path: Path) -> None:
    """A price list as an ERP's Excel report: a title row, a blank row, the header on row 3."""
    book = Workbook()
    info = book.active
    info.title = "Info"
    info.append(["Prijslijst export", datetime(2026, 1, 2)])
    sheet = book.create_sheet("Prijzen")
    sheet.append(["Prijslijst Van Dijk Verpakkingen — klantprijzen"])
    sheet.append([])
    sheet.append(["Klant", "Artikel", "Prijs", "Geldig van", "Geldig tot"])
    sheet.append(["C1", "A-100", 12.5, datetime(2024, 1, 1), None])
    sheet.append(["C1", "A-101", "8,40", "01-06-2025", "31-12-2026"])
    sheet.append([1002, "A-100", 11, datetime(2025, 1, 1), "nooit"])
    book.save(path)


def main() -> None:
    """Write every fixture."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, (encoding, lines) in CSV.items():
        (FOLDER / name).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    write_xlsx(FOLDER / "prijslijst-title-row.xlsx")


if __name__ == "__main__":
    main()
