"""The audit of a mid-size company's year beside its floor, stage by stage, and how it grows.

Usage: .venv/bin/python bench/scale.py [--scales 0.25,0.5,1,2] [--folder DIR] [--no-duckdb]

Per scale (1 = a year: 1,000,000 order lines, 1,000,000 deliveries, 250,000 invoices of
bench/erp_data.py, generated into DIR/scale-<s> unless there), in a fresh process each:
load_erp against a bare pandas.read_csv(engine="pyarrow") of the five files; the whole
run_audit as a dry run with the sample contracts, twice into one fresh output folder and
database: 'cold' reads the contracts, 'warm' (the monthly case) finds them cached. For the warm
run: wall and CPU seconds, peak RSS, its checks stage against the DuckDB queries of
bench/duckdb_floor.py, and what follows the checks (owners, outputs, email attachments) per
deviation. The machine is shared: CPU seconds are the steadier figure when wall seconds wander.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from erp_load import FILES, erp_config, in_child, peak_mb, timed_audit  # noqa: E402


def measure(folder: Path) -> dict[str, Any]:
    """Child: the floor read, load_erp, then the whole dry-run audit with its stages."""
    import pandas as pd

    from audit.config import ErpConfig, load_config
    from audit.erp.loader import load_erp

    erp = erp_config(folder)
    start = time.perf_counter()
    for name in FILES:
        source = erp["datasets"][name]
        pd.read_csv(source["path"], sep=";", encoding="cp1252", engine="pyarrow")
    floor = time.perf_counter() - start
    config = load_config(ROOT / "config.yaml").model_copy(
        update={"erp": ErpConfig.model_validate(erp)})
    start = time.perf_counter()
    load_erp(config)
    result = {"floor": floor, "load": time.perf_counter() - start}
    return result | audit(config)


def audit(config: Any) -> dict[str, Any]:
    """The whole run_audit (dry run), cold then warm in one database: the warm run's wall, CPU,
    peak memory, checks and what follows; the cold run's wall and CPU."""
    with tempfile.TemporaryDirectory() as out:
        _, cold = timed_audit(config, Path(out))
        run, times = timed_audit(config, Path(out))
    return {**times, "cold_wall": cold["wall"], "cold_cpu": cold["cpu"], "peak": peak_mb(),
            "deviations": len(run.deviations)}


def duckdb_floor(folder: Path) -> dict[str, float]:
    """Child: the DuckDB script's seconds per stage."""
    from duckdb_floor import floor

    return floor(folder)


def data(folder: Path, scale: float) -> Path:
    """The exports of this scale, generated once."""
    here = folder / f"scale-{scale:g}"
    if not all((here / f).exists() for f in FILES.values()):
        from erp_data import write_year

        start = time.perf_counter()
        write_year(here, scale)
        print(f"  (generated scale {scale:g} in {time.perf_counter() - start:.0f} s)", flush=True)
    return here


def main() -> None:
    """Measure every scale; print stage figures beside their floors, then the growth table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.25,0.5,1,2")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "audit-scale")
    parser.add_argument("--no-duckdb", action="store_true")
    args = parser.parse_args()
    rows = []
    for scale in (float(s) for s in args.scales.split(",")):
        here = data(args.folder, scale)
        got = in_child(measure, here)
        duck = {} if args.no_duckdb else in_child(duckdb_floor, here)
        rows.append((scale, got, duck))
        stages(scale, got, duck)
    growth(rows)


def stages(scale: float, got: dict[str, Any], duck: dict[str, float]) -> None:
    """One scale's stages, each beside its floor."""
    queries = sum(v for k, v in duck.items() if k != "read")
    print(f"scale {scale:g}: whole audit, contracts cached {got['wall']:.1f} s wall, "
          f"{got['cpu']:.1f} s CPU, peak {got['peak']:.0f} MB, {got['deviations']:,} deviations"
          + (f"; DuckDB script {duck['read'] + queries:.1f} s" if duck else ""))
    print(f"  first run (contracts read) {got['cold_wall']:.1f} s wall, {got['cold_cpu']:.1f} s "
          "CPU (this process only; the readers are other processes)")
    print(f"  load_erp      {got['load']:6.2f} s   floor (bare pyarrow read) {got['floor']:6.2f} s"
          f"   × {got['load'] / got['floor']:.2f}")
    print(f"  check_all     {got['checks']:6.2f} s" + (f"   floor (DuckDB queries)    {queries:6.2f} s"
                                                      if duck else ""))
    per = 1000 * got["after"] / max(got["deviations"], 1)
    print(f"  owners, outputs, emails {got['after']:6.2f} s = {per:.2f} ms per deviation", flush=True)


def growth(rows: list[tuple[float, dict[str, Any], dict[str, float]]]) -> None:
    """How each figure grows with the data, against scale 1 where measured."""
    base = next((g for s, g, _ in rows if s == 1), rows[0][1])
    print("\nwarm runs (contracts cached); × 1y of CPU seconds")
    print(f"{'scale':>6} {'wall s':>7} {'CPU s':>7} {'× 1y':>6} {'peak MB':>8} {'load s':>7} "
          f"{'checks s':>8} {'after s':>8} {'ms/dev':>7} {'devs':>6}")
    for scale, g, _ in rows:
        print(f"{scale:>6g} {g['wall']:>7.1f} {g['cpu']:>7.1f} {g['cpu'] / base['cpu']:>6.2f} "
              f"{g['peak']:>8.0f} {g['load']:>7.2f} {g['checks']:>8.2f} {g['after']:>8.2f} "
              f"{1000 * g['after'] / max(g['deviations'], 1):>7.2f} {g['deviations']:>6,}")


if __name__ == "__main__":
    main()
