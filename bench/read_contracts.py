"""Contract reading speed: pages per second cold (one worker vs all cores) on the samples and
on a generated 200-page contract, and the cached path.

Usage: .venv/bin/python bench/read_contracts.py
"""

from __future__ import annotations

import hashlib
import resource
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.contracts.batch import BatchLimits, read_many  # noqa: E402
from audit.contracts.reader import ReadLimits  # noqa: E402


def long_contract(path: Path, pages: int = 200) -> None:
    """A contract of `pages` pages of numbered articles, with running header and footer."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.set_auto_page_break(True, margin=20)
    article = 0
    while pdf.page_no() < pages:
        article += 1
        if pdf.page_no() == 0 or pdf.get_y() > 240:
            pdf.add_page()
            pdf.cell(0, 6, "Van Dijk Verpakkingen B.V. - Raamovereenkomst BENCH", align="C",
                     new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"Artikel {article} - Bepalingen", new_x="LMARGIN", new_y="NEXT")
        for sub in range(1, 4):
            pdf.multi_cell(0, 5, f"{article}.{sub} Leverancier levert binnen {sub + 2} werkdagen "
                           "na orderdatum; betaling geschiedt binnen 30 dagen na factuurdatum.",
                           new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def measure(label: str, paths: list[Path], workers: int) -> None:
    """Read the documents and print seconds and pages per second."""
    start = time.perf_counter()
    results = read_many(paths, BatchLimits(ReadLimits(max_pages=1000), seconds=600,
                                           workers=workers))
    seconds = time.perf_counter() - start
    pages = sum(len(doc.pages) for doc, _ in results.values() if doc)
    print(f"{label:<38} workers={workers}  {pages:4d} pages  {seconds:6.2f} s  "
          f"{pages / seconds:6.1f} pages/s")


def cached(samples: list[Path], folder: Path) -> None:
    """The cached path: the samples read once into a database, then again from it."""
    from audit.store.db import Store

    cache = Store(f"sqlite:///{folder / 'cache.db'}").contract_cache(ReadLimits().settings)
    results = read_many(samples, BatchLimits())
    for path, result in results.items():
        cache.put(path, hashlib.sha256(path.read_bytes()).hexdigest(), result)
    start = time.perf_counter()
    pages = 0
    for path in samples:
        doc, _ = cache.get(path, hashlib.sha256(path.read_bytes()).hexdigest())
        pages += len(doc.pages) if doc else 0
    seconds = time.perf_counter() - start
    print(f"{'samples (14 PDFs), cached':<38}             {pages:4d} pages  {seconds:6.2f} s  "
          f"{pages / seconds:6.0f} pages/s")


def main() -> None:
    """Print the figures."""
    samples = sorted((ROOT / "contracts_sample").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "long-contract.pdf"
        long_contract(big)
        copy = Path(tmp) / "long-contract-2.pdf"
        copy.write_bytes(big.read_bytes())
        for workers in (1, 2):
            measure("samples (14 PDFs), cold", samples, workers)
        cached(samples, Path(tmp))
        for workers in (1, 2):
            measure("200-page contract, cold", [big], workers)
            measure("two 200-page contracts, cold", [big, copy], workers)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(f"peak memory (largest process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
