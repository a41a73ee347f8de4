"""The floor: what a bare DuckDB script takes for the audit's core queries on the exports.

Usage: .venv/bin/python bench/duckdb_floor.py FOLDER   (the files of bench/erp_data.py)

Top 10 customers by invoiced revenue, late deliveries in working days (weekends only),
invoices whose due date breaks the customer's payment term, order lines off the customer
price. No validation, no contracts, no outputs: the speed a query engine gives for free.
DuckDB is a bench-only dependency (pyproject extra `duckdb`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import duckdb

READ = "read_csv('{path}', delim=';', header=true, all_varchar=true, encoding='latin-1')"
MONEY = "CAST(replace(replace({c}, '.', ''), ',', '.') AS DECIMAL(18,2))"
DAY = "try_strptime({c}, '%d-%m-%Y')"
QUERIES = {
    "top customers": """
        SELECT Klantnr, sum({amount}) AS revenue FROM facturen GROUP BY Klantnr
        ORDER BY revenue DESC LIMIT 10""",
    "late deliveries": """
        WITH o AS (SELECT Ordernr, any_value(Klantnr) AS k, min({ordered}) AS ordered
                   FROM orderregels GROUP BY Ordernr)
        SELECT count(*) FROM leveringen l JOIN o USING (Ordernr)
        JOIN klanten c ON c.Klantnr = o.k
        -- calendar days less two per weekend crossed (a Monday passed)
        WHERE date_diff('day', o.ordered, {delivered}) - 2 * date_diff('week', o.ordered,
              {delivered}) > TRY_CAST(c."Levertijd (werkdagen)" AS INT)""",
    "payment term": """
        SELECT count(*) FROM facturen f JOIN klanten c USING (Klantnr)
        WHERE date_diff('day', {invoiced}, {due}) <> TRY_CAST(c.Betalingstermijn AS INT)""",
    "prices": """
        SELECT count(*), sum(({charged} - {agreed}) * TRY_CAST(replace(o.Aantal, '.', '') AS INT))
        FROM orderregels o JOIN prijslijst p ON p.Klantnr = o.Klantnr AND p.Artikelnr = o.Artikelnr
        WHERE {charged} <> {agreed}""",
}


def floor(folder: Path) -> dict[str, float]:
    """Seconds per stage: reading the five files into tables, then each query."""
    con = duckdb.connect()
    times = {}
    start = time.perf_counter()
    for name in ("klanten", "prijslijst", "orderregels", "leveringen", "facturen"):
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM "
                    + READ.format(path=folder / f"{name}.csv"))
    times["read"] = time.perf_counter() - start
    fill = {"amount": MONEY.format(c="Bedrag"), "ordered": DAY.format(c="Orderdatum"),
            "delivered": DAY.format(c="l.Leverdatum"), "invoiced": DAY.format(c="Factuurdatum"),
            "due": DAY.format(c="Vervaldatum"), "charged": MONEY.format(c='o."Prijs per eenheid"'),
            "agreed": MONEY.format(c="p.Prijs")}
    for name, sql in QUERIES.items():
        start = time.perf_counter()
        con.execute(sql.format(**fill)).fetchall()
        times[name] = time.perf_counter() - start
    return times


if __name__ == "__main__":
    for stage, seconds in floor(Path(sys.argv[1])).items():
        print(f"{stage:<16} {seconds:6.2f} s")
