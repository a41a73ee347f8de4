"""A dataset as DuckDB SQL over the export files themselves: joins, unions, derived columns.

Some exports need a join (order items + order headers) or a field made of two columns (first +
last name) before they are a dataset. DuckDB reads CSV, XLSX and Parquet with SQL, so the
config can say it: `sql: "SELECT i.*, o.customer FROM 'items.csv' i JOIN 'orders.csv' o ..."`.
File names are relative to the config file. DuckDB is an optional extra (`[duckdb]`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audit.errors import ErpDataError, Location

INSTALL = "pip install 'contract-audit[duckdb]'"


def read_sql_files(sql: str, base_dir: Path, label: str, decimal: str) -> tuple[pa.Table,
                                                                             np.ndarray]:
    """The query's result as text columns (as a CSV would hold them) and row numbers from 1."""
    where = Location(label)
    try:
        import duckdb
    except ImportError as e:
        raise ErpDataError.of("erp.no_duckdb", where, install=INSTALL) from e
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET file_search_path = ?", [str(base_dir)])
        table = con.sql(sql).to_arrow_table()
    except duckdb.Error as e:
        text = str(e).strip().splitlines()[0]
        raise ErpDataError.of("erp.sql_failed", where, error=text) from e
    finally:
        con.close()
    columns = {name: as_text(table[name], decimal) for name in table.column_names}
    return pa.table(columns), np.arange(1, table.num_rows + 1, dtype=np.int64)


def as_text(column: pa.ChunkedArray, decimal: str) -> pa.Array:
    """One typed column as text: numbers exact with the source's decimal, dates in ISO."""
    kind = column.type
    if pa.types.is_boolean(kind):
        text = pc.if_else(column, "true", "false")
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text = column
    else:
        text = pc.cast(column, pa.string())
        if decimal != "." and (pa.types.is_floating(kind) or pa.types.is_decimal(kind)):
            text = pc.replace_substring(text, ".", decimal)
    return pc.fill_null(text, "").combine_chunks().cast(pa.string())
