"""The audit's own CSVs as a test reads them: the sample configs are Dutch, so deviations.csv
and terms.csv are in Excel's Dutch convention (';', decimal comma, UTF-8 with BOM)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd


def read_audit_csv(path: Path | str, **options: Any) -> pd.DataFrame:
    """An output CSV of a Dutch audit, every cell text (options as pandas.read_csv's)."""
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", **{"dtype": str, **options})
