"""Loads and validates a year of ERP exports; prints time, rows/s and peak memory per dataset.

Usage: .venv/bin/python bench/erp_load.py [--scale 1.0] [--folder DIR] [--runs 3] [--no-checks]

Generates (bench/erp_data.py) 1,000,000 order lines, 1,000,000 deliveries and 250,000
invoices as Dutch Excel CSVs, unless DIR already holds them. Every measurement runs in a fresh
process: the best of --runs timings, and that process's peak memory (RSS, including Python,
pandas and pyarrow themselves: 'base' is the RSS after the imports). The floor is a bare
pandas.read_csv(engine="pyarrow") of the same file. Then the whole load_erp (five datasets plus
the reference checks) and, unless --no-checks, the audit's checks on that data
(the whole pipeline.run_audit as a dry run, with the sample contracts; the checks stage timed
on its own).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
FILES = {"customers": "klanten.csv", "price_list": "prijslijst.csv",
         "order_lines": "orderregels.csv", "deliveries": "leveringen.csv",
         "invoices": "facturen.csv"}
DUTCH = {"separator": ";", "decimal": ",", "thousands": ".", "date_format": "%d-%m-%Y",
         "encoding": "cp1252"}


def erp_config(folder: Path) -> dict[str, Any]:
    """The erp: section of config.yaml with its paths pointed at the generated files."""
    erp = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["erp"]
    for name, source in erp["datasets"].items():
        source.pop("sheet", None)
        source.update({**DUTCH, **source, "path": str(folder / FILES[name])})
    return erp


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_one(name: str, erp: dict[str, Any], runs: int) -> dict[str, Any]:
    """Child: load_dataset `runs` times; best seconds, rows, problems, memory."""
    from audit.config import DatasetSource
    from audit.erp.loader import load_dataset

    base = peak_mb()
    source = DatasetSource.model_validate(erp["datasets"][name])
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        frame, problems = load_dataset(name, source, Path(source.paths[0]))
        best = min(best, time.perf_counter() - start)
        rows = len(frame)
        del frame
    return {"seconds": best, "rows": rows, "problems": len(problems), "base": base,
            "peak": peak_mb()}


def floor_one(name: str, erp: dict[str, Any], runs: int) -> dict[str, Any]:
    """Child: a bare pandas.read_csv(engine="pyarrow") of the same file."""
    import pandas as pd

    base = peak_mb()
    source = erp["datasets"][name]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        frame = pd.read_csv(source["path"], sep=source["separator"], encoding=source["encoding"],
                            engine="pyarrow")
        best = min(best, time.perf_counter() - start)
        del frame
    return {"seconds": best, "base": base, "peak": peak_mb()}


def load_all(erp: dict[str, Any], runs: int, checks: bool) -> dict[str, Any]:
    """Child: load_erp of all five datasets (with the reference checks); then the checks."""
    from audit.config import load_config
    from audit.erp.loader import load_erp

    config = load_config(ROOT / "config.yaml").model_copy(update={"erp": _erp(erp)})
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        data = load_erp(config)
        best = min(best, time.perf_counter() - start)
    result = {"seconds": best, "rows": sum(len(f) for f in data.frames.values()),
              "problems": len(data.problems), "peak": peak_mb()}
    if checks:
        result.update(run_checks(config, data))
    return result


def _erp(erp: dict[str, Any]) -> Any:
    from audit.config import ErpConfig

    return ErpConfig.model_validate(erp)


def timed_audit(config: Any, out: Path | None = None) -> tuple[Any, dict[str, float]]:
    """pipeline.run_audit (dry run, outputs and database in `out`, else a temporary folder):
    the run, and its wall and CPU seconds with the checks stage timed apart ('checks') and what
    follows it ('after'). A second run into the same `out` finds its contracts cached."""
    if out is None:
        with tempfile.TemporaryDirectory() as tmp:
            return timed_audit(config, Path(tmp))
    from audit.models import Period
    from audit.pipeline import RunOptions, run_audit

    stamps: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        stamps.setdefault(f"{stage} start", time.perf_counter())
        stamps[f"{stage} end"] = time.perf_counter()

    config = config.model_copy(update={"output_dir": str(out)})
    start, cpu = time.perf_counter(), time.process_time()
    run = run_audit(config, Period.parse("2026-10", config.lookback_months),
                    RunOptions(dry_run=True, progress=progress))
    end, cpu = time.perf_counter(), time.process_time() - cpu
    return run, {"wall": end - start, "cpu": cpu,
                 "checks": stamps.get("checks end", 0) - stamps.get("checks start", 0),
                 "after": end - stamps.get("checks end", end)}


def run_checks(config: Any, data: Any) -> dict[str, Any]:
    """The whole audit (pipeline.run_audit, dry run) on the data; the checks stage timed apart."""
    run, times = timed_audit(config)
    return {"audit_seconds": times["wall"], "customers": len(run.customers),
            "terms": len(run.terms), "check_seconds": times["checks"],
            "deviations": len(run.deviations), "check_peak": peak_mb()}


def _child(queue: Any, fn: Any, args: tuple[Any, ...]) -> None:
    queue.put(fn(*args))


def in_child(fn: Any, *args: Any) -> dict[str, Any]:
    """Run fn(*args) in a fresh process (so its peak memory is its own; it may start others)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue, fn, args))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    """Generate (or reuse) the data, measure, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = a year (default)")
    parser.add_argument("--folder", type=Path, help="where the exports are (or go)")
    parser.add_argument("--runs", type=int, default=3, help="timings per measurement (best)")
    parser.add_argument("--no-checks", action="store_true", help="skip the checks' timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        if not all((folder / f).exists() for f in FILES.values()):
            from erp_data import write_year

            start = time.perf_counter()
            write_year(folder, args.scale)
            print(f"generated the exports in {time.perf_counter() - start:.1f} s: {folder}")
        report(erp_config(folder), args.runs, not args.no_checks)


def report(erp: dict[str, Any], runs: int, checks: bool) -> None:
    """Measure every dataset, the floor, the whole load and the checks; print them."""
    print(f"{'dataset':<12} {'rows':>9} {'load s':>7} {'rows/s':>10} {'peak MB':>8} "
          f"{'base MB':>8} {'floor s':>8} {'floor MB':>8} {'× floor':>7}  problems")
    total = floor_total = 0.0
    for name in FILES:
        got, floor = in_child(load_one, name, erp, runs), in_child(floor_one, name, erp, runs)
        total, floor_total = total + got["seconds"], floor_total + floor["seconds"]
        print(f"{name:<12} {got['rows']:>9,} {got['seconds']:>7.2f} "
              f"{got['rows'] / got['seconds']:>10,.0f} {got['peak']:>8.0f} {got['base']:>8.0f} "
              f"{floor['seconds']:>8.2f} {floor['peak']:>8.0f} "
              f"{got['seconds'] / floor['seconds']:>7.2f}  {got['problems']}")
    print(f"{'sum':<12} {'':>9} {total:>7.2f} {'':>10} {'':>8} {'':>8} {floor_total:>8.2f} "
          f"{'':>8} {total / floor_total:>7.2f}")
    whole = in_child(load_all, erp, runs, checks)
    print(f"load_erp, all five datasets + references: {whole['rows']:,} rows in "
          f"{whole['seconds']:.2f} s, peak {whole['peak']:.0f} MB, {whole['problems']} problems")
    if checks:
        print(f"whole audit (run_audit, dry run): {whole['audit_seconds']:.1f} s, top "
              f"{whole['customers']} customers, {whole['terms']} agreements; the checks "
              f"{whole['check_seconds']:.2f} s, {whole['deviations']} deviations; peak "
              f"{whole['check_peak']:.0f} MB")


if __name__ == "__main__":
    main()
