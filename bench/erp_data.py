"""Generates a year of ERP exports of a mid-size company, the way a Dutch ERP writes them.

`write_year(folder, scale=1.0)` writes klanten.csv, prijslijst.csv, orderregels.csv (1,000,000
lines), leveringen.csv (1,000,000) and facturen.csv (250,000): ';'-separated cp1252 with CRLF,
decimal comma, '.' thousands separator, dd-mm-jjjj dates, like erp_sample/. A handful of bad
rows (a letter in a quantity, 31 February, a duplicate invoice, an unknown order) are mixed in
so that validation has something to find. The customers of erp_sample/klanten.csv come first
and take a third of the orders, so the sample contracts link to them and the checks have work.
The year runs from November to October: the look-back of the audit period 2026-10.
Used by bench/erp_load.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

YEAR = pd.Timestamp("2025-11-01")
ROOT = Path(__file__).resolve().parents[1]
SIZES = {"customers": 500, "items": 2000, "order_lines": 1_000_000, "deliveries": 1_000_000,
         "invoices": 250_000}
COLUMNS = {
    "klanten.csv": ["Klantnr", "Naam", "KvK-nummer", "Betalingstermijn", "Afleveradres",
                    "Afleverinstructie", "Levertijd (werkdagen)", "Accountmanager",
                    "Afnameverplichting", "Einddatum contract"],
    "prijslijst.csv": ["Klantnr", "Artikelnr", "Prijs", "Geldig van", "Geldig tot"],
    "orderregels.csv": ["Ordernr", "Regelnr", "Klantnr", "Orderdatum", "Artikelnr", "Aantal",
                        "Prijs per eenheid", "Gewenste leverdatum"],
    "leveringen.csv": ["Leveringsnr", "Ordernr", "Klantnr", "Leverdatum", "Aantal",
                       "Afleveradres", "Vooraf gebeld", "Opmerking"],
    "facturen.csv": ["Factuurnr", "Klantnr", "Factuurdatum", "Vervaldatum", "Bedrag",
                     "Vrachtkosten", "Soort", "Ordernr", "Omschrijving"],
}


def ids(prefix: str, numbers: np.ndarray, width: int) -> pd.Series:
    """'O0000042' for 42."""
    return prefix + pd.Series(numbers).astype(str).str.zfill(width)


def dutch_dates(days: np.ndarray) -> pd.Series:
    """dd-mm-jjjj for day offsets from 1 January of the year (via the few distinct days)."""
    unique, codes = np.unique(days, return_inverse=True)
    texts = (YEAR + pd.to_timedelta(unique, unit="D")).strftime("%d-%m-%Y").to_numpy()
    return pd.Series(texts[codes])


def dutch_amounts(cents: np.ndarray) -> pd.Series:
    """'1.234,56' for 123456 cents (under a million euros)."""
    euros, rest = np.divmod(np.abs(cents), 100)
    thousands, units = np.divmod(euros, 1000)
    head = pd.Series(units).astype(str)
    big = thousands > 0
    head[big] = pd.Series(thousands[big]).astype(str).to_numpy() + "." + pd.Series(
        units[big]).astype(str).str.zfill(3).to_numpy()
    sign = np.where(cents < 0, "-", "")
    return sign + head + "," + pd.Series(rest).astype(str).str.zfill(2)


def customers(rng: np.random.Generator) -> pd.DataFrame:
    """The customer master: the sample's customers, then made-up ones up to 500."""
    sample = pd.read_csv(ROOT / "erp_sample" / "klanten.csv", sep=";", dtype=str,
                         encoding="cp1252", keep_default_na=False)
    n = SIZES["customers"] - len(sample)
    made_up = pd.DataFrame({
        "Klantnr": ids("C", np.arange(1, n + 1), 4),
        "Naam": [f"Klant {i} Café B.V." for i in range(1, n + 1)],
        "KvK-nummer": pd.Series(rng.integers(10_000_000, 99_999_999, n)).astype(str),
        "Betalingstermijn": rng.choice(["14", "30", "45", "60"], n),
        "Afleveradres": [f"Industrieweg {i}, 5048 AB Tilburg" for i in range(1, n + 1)],
        "Afleverinstructie": rng.choice(["", "Chauffeur belt 1 uur voor aankomst"], n),
        "Levertijd (werkdagen)": rng.choice(["2", "3", "5"], n),
        "Accountmanager": rng.choice(["SDV", "PJA", "MKO"], n),
        "Afnameverplichting": rng.choice(["", "10000", "250.000,00"], n),
        "Einddatum contract": rng.choice(["", "31-12-2026"], n),
    })
    made_up["Klantnr"] = ids("C", np.arange(1, n + 1), 4)
    return pd.concat([sample.reindex(columns=made_up.columns, fill_value=""), made_up],
                     ignore_index=True)


def price_list(rng: np.random.Generator, customer_ids: np.ndarray) -> pd.DataFrame:
    """Fifty customer prices per customer."""
    n = SIZES["customers"] * 50
    return pd.DataFrame({
        "Klantnr": np.repeat(customer_ids, 50),
        "Artikelnr": ids("A-", np.tile(np.arange(100, 150), SIZES["customers"]), 3),
        "Prijs": dutch_amounts(rng.integers(50, 250_000, n)),
        "Geldig van": "01-01-2024", "Geldig tot": "",
    })


def order_lines(rng: np.random.Generator, customer_ids: np.ndarray) -> pd.DataFrame:
    """Four lines per order on average, orders spread over the year."""
    n = SIZES["order_lines"]
    order = np.sort(rng.integers(1, n // 4 + 1, n))
    line = pd.Series(order).groupby(order).cumcount().to_numpy() + 1
    day = (order * 365 // (n // 4 + 1)).astype(int)
    requested = np.where(rng.random(n) < 0.3, day + rng.integers(3, 15, n), -1)
    req_text = dutch_dates(np.maximum(requested, 0)).where(requested >= 0, "")
    return pd.DataFrame({
        "Ordernr": ids("O", order, 7), "Regelnr": line.astype(str),
        "Klantnr": customer_ids[np.where(rng.random(n // 4 + 2) < 0.33, rng.integers(0, 12, n // 4 + 2),
                                         rng.integers(12, SIZES["customers"], n // 4 + 2))][order],
        "Orderdatum": dutch_dates(day),
        "Artikelnr": ids("A-", rng.integers(100, 100 + SIZES["items"], n), 3),
        "Aantal": dutch_amounts(rng.integers(1, 2000, n) * 100).str[:-3],
        "Prijs per eenheid": dutch_amounts(rng.integers(50, 25_000, n)),
        "Gewenste leverdatum": req_text,
    })


def deliveries(rng: np.random.Generator, lines: pd.DataFrame) -> pd.DataFrame:
    """One delivery per order line, a few days after the order."""
    n = SIZES["deliveries"]
    pick = np.sort(rng.integers(0, len(lines), n))
    order_no = lines["Ordernr"].to_numpy()[pick]
    day = pd.to_datetime(lines["Orderdatum"].to_numpy()[pick], format="%d-%m-%Y")
    late = (day - YEAR).days.to_numpy() + rng.integers(1, 12, n)
    return pd.DataFrame({
        "Leveringsnr": ids("L", np.arange(1, n + 1), 8), "Ordernr": order_no,
        "Klantnr": lines["Klantnr"].to_numpy()[pick],
        "Leverdatum": dutch_dates(late), "Aantal": lines["Aantal"].to_numpy()[pick],
        "Afleveradres": rng.choice(["Industrieweg 12, 5048 AB Tilburg",
                                    "Brouwerslaan 5, 7411 GA Deventer"], n),
        "Vooraf gebeld": rng.choice(["J", "N"], n, p=[0.9, 0.1]),
        "Opmerking": rng.choice(["", "", "", "Deellevering", "Geleverd bij buren, één doos"], n),
    })


def invoices(rng: np.random.Generator, lines: pd.DataFrame) -> pd.DataFrame:
    """One invoice per order; one in fifty a credit note."""
    orders = lines.drop_duplicates("Ordernr").iloc[: SIZES["invoices"]]
    n = len(orders)
    day = (pd.to_datetime(orders["Orderdatum"], format="%d-%m-%Y") - YEAR).dt.days.to_numpy()
    credit = rng.random(n) < 0.02
    cents = rng.integers(1_000, 5_000_000, n)
    return pd.DataFrame({
        "Factuurnr": ids("F", np.arange(1, n + 1), 8), "Klantnr": orders["Klantnr"].to_numpy(),
        "Factuurdatum": dutch_dates(day + 2), "Vervaldatum": dutch_dates(day + 32),
        "Bedrag": dutch_amounts(np.where(credit, -cents // 10, cents)),
        "Vrachtkosten": dutch_amounts(rng.choice([0, 0, 0, 4500], n)),
        "Soort": np.where(credit, "Creditnota", "Factuur"), "Ordernr": orders["Ordernr"].to_numpy(),
        "Omschrijving": "Levering verpakkingsmaterialen order " + orders["Ordernr"].to_numpy(),
    })


def spoil(frames: dict[str, pd.DataFrame]) -> None:
    """A few bad rows of every kind the loader must report."""
    lines, dels, invs = frames["orderregels.csv"], frames["leveringen.csv"], frames["facturen.csv"]
    # row numbers as fractions of the export, so any scale has them (a tenth of a year too)
    lines.loc[[1000 % len(lines), len(lines) // 2], "Aantal"] = "12O"
    lines.loc[[2000], "Orderdatum"] = "31-02-2025"
    dels.loc[[3000], "Ordernr"] = "O9999999"
    dels.loc[[4000], "Leverdatum"] = "2025-13-01"
    invs.loc[[5000], "Factuurnr"] = invs.at[4999, "Factuurnr"]
    invs.loc[[6000], "Soort"] = "Pro forma"


def write_year(folder: Path, scale: float = 1.0, seed: int = 2025) -> dict[str, Path]:
    """Write the five exports into `folder`; returns file name -> path."""
    for key in ("order_lines", "deliveries", "invoices"):
        SIZES[key] = int({"order_lines": 1_000_000, "deliveries": 1_000_000,
                          "invoices": 250_000}[key] * scale)
    rng = np.random.default_rng(seed)
    masters = customers(rng)
    lines = order_lines(rng, masters["Klantnr"].to_numpy())
    frames = {"klanten.csv": masters, "prijslijst.csv": price_list(rng, masters["Klantnr"].to_numpy()),
              "orderregels.csv": lines, "leveringen.csv": deliveries(rng, lines),
              "facturen.csv": invoices(rng, lines)}
    spoil(frames)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, frame in frames.items():
        paths[name] = folder / name
        frame[COLUMNS[name]].to_csv(paths[name], sep=";", index=False, encoding="cp1252",
                                    lineterminator="\r\n")
    return paths
