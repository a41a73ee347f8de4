"""Report stage: deviations.csv, deviations.xlsx, terms.csv and report.html."""

from __future__ import annotations

from audit.report.html import render_report_html, write_report_html
from audit.report.tables import (
    DEVIATION_COLUMNS,
    TERM_COLUMNS,
    deviations_frame,
    write_deviations_csv,
    write_deviations_xlsx,
    write_terms_csv,
)

__all__ = [
    "DEVIATION_COLUMNS",
    "TERM_COLUMNS",
    "deviations_frame",
    "render_report_html",
    "write_deviations_csv",
    "write_deviations_xlsx",
    "write_report_html",
    "write_terms_csv",
]
