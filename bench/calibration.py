"""Is a term at confidence 0.9 right about 9 times in 10? Confidence against dev-company's truth.

Usage: .venv/bin/python bench/calibration.py [--data ../shared/data] [--output output/dev-company/2026-09]

Reads the audit's terms.csv for dev-company (run bench/score_sets.py first) and the set's truth;
a term row is right when the truth holds the same customer and rule with a value that matches
(the set's own score.py decides what matches). Prints, per confidence band, how many rows and
how many right, beside the band's confidence.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path, default=ROOT / "output" / "dev-company" / "2026-09")
    args = parser.parse_args(argv)
    folder = args.data / "dev-company"
    spec = importlib.util.spec_from_file_location("score", folder / "score.py")
    score = importlib.util.module_from_spec(spec)
    sys.modules["score"] = score
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    truth = pd.read_csv(folder / "truth" / "terms.csv", dtype=str).fillna("")
    top = set(pd.read_csv(folder / "truth" / "customers.csv", dtype=str).query("in_top10 == '1'")
              ["customer_id"])
    ours = pd.read_csv(args.output / "terms.csv", sep=None, engine="python", dtype=str).fillna("")
    bands: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for row in ours.itertuples():
        if row.customer_id not in top or row.rule_id == "unmatched_agreement":
            continue
        mine = truth[(truth.customer_id == row.customer_id) & (truth.rule_id == row.rule_id)]
        item = row.parameter.split("[")[1].rstrip("]") if "[" in row.parameter else ""
        right = any((item == t.parameter and abs(float(t.value) - float(row.value or "nan")) < 0.006)
                    if item else score.value_matches(row.rule_id, t.parameter, t.value, t.unit,
                                                     row.value, row.unit, row.parameter)
                    for t in mine.itertuples())
        band = round(float(row.confidence), 1)
        bands[band][0] += 1
        bands[band][1] += right
    print("confidence  rows  right  share")
    for band in sorted(bands):
        n, right = bands[band]
        print(f"   {band:.1f}     {n:4d}   {right:4d}   {right / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
