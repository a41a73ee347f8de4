"""Times `contract-audit run` on the bundled samples, cold and warm, with peak memory.

Usage: .venv/bin/python bench/run_samples.py [--runs N]
'cold' is the first run into an empty output folder and database; 'warm' repeats the same
period (database present, OS file cache warm): every contract and what the rules read from it
comes from the cache, so no spaCy pipeline is loaded. Each run is a fresh process, as a scheduler's.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def write_config(folder: Path) -> Path:
    """A copy of config.yaml with absolute input paths and outputs in `folder`."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    data.update(contracts_dir=str(ROOT / "contracts_sample"), rules_dir=str(ROOT / "rules"),
                output_dir=str(folder / "output"))
    for source in data["erp"]["datasets"].values():
        source["path"] = str(ROOT / source["path"])
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def one_run(config: Path) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MB so far) of one audit in a child process."""
    before = _cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "audit", "run", "--config", str(config), "--period",
                    "2026-10", "--dry-run"], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, _cpu() - before, peak_kb / 1024


def _cpu() -> float:
    """User + system seconds of the finished child processes (steadier than wall seconds on a
    shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Print cold and warm timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="warm runs to average (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = write_config(Path(tmp))
        cold, cold_cpu, _ = one_run(config)
        warm = [one_run(config) for _ in range(args.runs)]
        peak = warm[-1][2]
    pages = sum(1 for _ in (ROOT / "contracts_sample").glob("*.pdf"))
    print(f"samples: {pages} contract PDFs, period 2026-10")
    print(f"cold run: {cold:6.2f} s, CPU {cold_cpu:.2f} s")
    print(f"warm run: {statistics.median(w for w, _, _ in warm):6.2f} s (median of {len(warm)}; "
          f"goal <= 2 s), best {min(w for w, _, _ in warm):.2f} s; CPU "
          f"{statistics.median(c for _, c, _ in warm):.2f} s (median)")
    print(f"peak memory (largest child process): {peak:6.0f} MB")


if __name__ == "__main__":
    main()
