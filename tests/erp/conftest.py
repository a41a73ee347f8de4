"""Shared for the ERP tests: the fixture folder, the sample mapping, a loader that shows problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import DatasetSource
from audit.erp.loader import load_dataset

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "erp"
DUTCH = dict(separator=";", decimal=",", thousands=".", date_format="%d-%m-%Y", encoding="cp1252")
COLUMNS = {
    "customers": {"Klantnr": "customer_id", "Naam": "name", "Betalingstermijn": "payment_term_days",
                  "Afnameverplichting": "volume_commitment",
                  "Einddatum contract": "contract_end_date"},
    "price_list": {"Klant": "customer_id", "Artikel": "item_id", "Prijs": "unit_price",
                   "Geldig van": "valid_from", "Geldig tot": "valid_to"},
    "order_lines": {"Ordernr": "order_id", "Regelnr": "line_no", "Klantnr": "customer_id",
                    "Orderdatum": "order_date", "Artikelnr": "item_id", "Aantal": "quantity",
                    "Prijs per eenheid": "unit_price", "Gewenste leverdatum": "requested_date"},
    "deliveries": {"Leveringsnr": "delivery_id", "Ordernr": "order_id", "Klantnr": "customer_id",
                   "Leverdatum": "delivery_date", "Aantal": "quantity",
                   "Afleveradres": "delivery_address", "Vooraf gebeld": "call_ahead_done",
                   "Opmerking": "notes"},
    "invoices": {"Factuurnr": "invoice_id", "Klantnr": "customer_id",
                 "Factuurdatum": "invoice_date", "Vervaldatum": "due_date", "Bedrag": "amount",
                 "Vrachtkosten": "freight_amount", "Soort": "kind", "Ordernr": "order_id",
                 "Omschrijving": "description"},
}
KIND_VALUES = {"kind": {"Factuur": "invoice", "Creditnota": "credit_note"}}


def dutch(name: str, **kw) -> DatasetSource:
    """A Dutch-Excel source for a dataset with the fixtures' column names."""
    return DatasetSource(**{"path": "x", "columns": COLUMNS[name], **DUTCH, **kw})


@pytest.fixture
def load():
    """load(dataset, file(s), **source settings) -> (frame, problems as text)."""
    def run(name: str, files: str | list[str], **kw):
        paths = [FIXTURES / f for f in ([files] if isinstance(files, str) else files)]
        frame, problems = load_dataset(name, dutch(name, **kw), paths)
        return frame, [str(p) for p in problems]
    return run
