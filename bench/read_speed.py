"""Reading speed: pages/s on the CUAD sample with 1 and 2 readers, and one 200-page contract.

Usage: .venv/bin/python bench/read_speed.py [--runs 3] [--cuad DIR] [--count 10]
Cold reads (no cache); each figure is the median of --runs runs (the machine may be shared).
The 200-page contract is made here with fpdf2 (no real one is that long); on 2 readers its
pages are spread over both (audit/contracts/batch.py)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "contracts"))

from test_parallel_pages import _long_contract  # noqa: E402

from audit.contracts.batch import BatchLimits, read_many  # noqa: E402

CUAD = Path("/work/shared/data/cuad-sample")


def timed(paths: list[Path], workers: int, runs: int) -> tuple[float, int]:
    """(median seconds, pages read) of reading these PDFs with this many readers."""
    seconds, pages = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        results = read_many(paths, BatchLimits(workers=workers))
        seconds.append(time.perf_counter() - start)
        pages = sum(len(doc.pages) for doc, _ in results.values() if doc is not None)
    return statistics.median(seconds), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cuad", type=Path, default=CUAD)
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    pdfs = sorted(p for p in args.cuad.rglob("*") if p.suffix.lower() == ".pdf")[: args.count]
    print(f"median of {args.runs} runs each (a shared machine: re-measure on a quiet one)")
    if pdfs:
        for workers in (1, 2):
            s, pages = timed(pdfs, workers, args.runs)
            print(f"{len(pdfs)} CUAD PDFs, {pages} pages, {workers} reader(s): {s:6.2f} s "
                  f"{pages / s:6.1f} pages/s (goal >= 18 on 2)")
    with tempfile.TemporaryDirectory() as tmp:
        long = _long_contract(Path(tmp) / "long.pdf", 200)
        one, pages = timed([long], 1, args.runs)
        two, _ = timed([long], 2, args.runs)
    print(f"one {pages}-page contract: 1 reader {one:6.2f} s, 2 readers {two:6.2f} s "
          f"({one / two:.2f}x; goal > 1)")


if __name__ == "__main__":
    main()
