"""Is a term at confidence 0.9 right about 9 times in 10? Confidence bands against the truth of
dev-company and the labels of cuad-sample.

Usage: .venv/bin/python bench/calibration.py [--data ../shared/data]
                                             [--output output/dev-company/2026-09] [--only dev,cuad]

- dev-company: the audit's terms.csv (run bench/score_sets.py --only dev first) against the set's
  truth; a term row is right when the truth holds the same customer and rule with a value that
  matches (the set's own score.py decides what matches).
- cuad-sample: the rules on the PDFs through the product's reader and clause splitter (as
  bench/cuad_report.py --product); a contract_term term is right when each value it states that
  the labels answer (end date, renewal term, notice) is the labelled one (a term stating none of
  them is not counted); a volume_commitment term is right when its clause overlaps a labelled
  Minimum Commitment or Volume Restriction clause. Other rules have no labels there.
Prints, per confidence band (rounded to 0.1): terms, right, share, per set and together.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

Bands = dict[float, list[int]]  # band -> [terms, right]


def _score_module(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", folder / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["score"] = score
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    return score


def dev_bands(data: Path, output: Path) -> Bands:
    """dev-company: each term row of the top-10 customers, right or not per the set's score.py."""
    import pandas as pd

    folder = data / "dev-company"
    score = _score_module(folder)
    truth = pd.read_csv(folder / "truth" / "terms.csv", dtype=str, keep_default_na=False)
    truth["cid"] = truth.customer_id.map(score.norm_id)
    customers = pd.read_csv(folder / "truth" / "customers.csv", dtype=str)
    top = set(customers[customers.in_top10 == "1"].customer_id.map(score.norm_id))
    ours = score.read_table(output / "terms.csv")
    ours.columns = [str(c).strip().lower() for c in ours.columns]
    bands: Bands = defaultdict(lambda: [0, 0])
    for row in ours.itertuples():
        cid = score.norm_id(row.customer_id)
        if cid not in top or row.rule_id == "unmatched_agreement":
            continue
        mine = truth[(truth.cid == cid) & (truth.rule_id == row.rule_id)]
        right = any(_dev_match(score, row, t) for t in mine.itertuples())
        band = _band(score.parse_number(row.confidence))
        bands[band][0] += 1
        bands[band][1] += right
    return bands


def _dev_match(score: ModuleType, row: object, t: object) -> bool:
    """A price per item ('price[BT.3120-05]') matches the truth's price of that item; any other
    value as score.py matches it."""
    param = str(row.parameter)  # type: ignore[attr-defined]
    if "[" in param:
        item = param.split("[")[1].rstrip("]")
        want, got = score.parse_number(t.value), score.parse_number(row.value)  # type: ignore[attr-defined]
        return item == t.parameter and want is not None and got is not None and \
            abs(float(want) - float(got)) < 0.006  # type: ignore[attr-defined]
    return bool(score.value_matches(row.rule_id, t.parameter, t.value, t.unit,  # type: ignore[attr-defined]
                                    row.value, row.unit, param))  # type: ignore[attr-defined]


def cuad_bands(data: Path, wrong: list[str] | None = None) -> Bands:
    """cuad-sample: contract_term and volume_commitment terms against the experts' labels; the
    wrong ones described in `wrong` when given."""
    from audit.rules.loader import load_rules
    from audit.rules.matching import TermReader
    from bench.cuad_report import _plural, load_labels, overlaps, product_clauses

    reader = TermReader(load_rules(ROOT / "rules"))
    bands: Bands = defaultdict(lambda: [0, 0])
    for item in load_labels(data / "cuad-sample"):
        for term in reader.read_document(product_clauses(item.pdf), item.name):
            if term.rule_id == "volume_commitment":
                labels = item.commitments + item.restrictions
                right: bool | None = any(overlaps(label, term.clause.text) for label in labels)
            elif term.rule_id == "contract_term":
                right = _term_right(term, item, _plural)
            else:
                continue
            if right is None:
                continue
            band = _band(term.confidence)
            bands[band][0] += 1
            bands[band][1] += right
            if not right and wrong is not None:
                values = ", ".join(f"{v.parameter}={v.value}" for v in term.values)
                wrong.append(f"{term.confidence:.2f} {item.name[:30]} {term.rule_id} [{term.clause.article}] "
                             f"{values}: {' '.join(term.clause.text.split())[:120]}")
    return bands


def _term_right(term: object, item: object, plural: object) -> bool | None:
    """Each labelled value the term states is the labelled one; None when it states none."""
    renewal = term.get("renewal_months")  # type: ignore[attr-defined]
    pairs = [(term.get("end_date"), item.end_date),  # type: ignore[attr-defined]
             (f"{renewal} months" if renewal else None, item.renewal),  # type: ignore[attr-defined]
             (plural(term.get("notice")), plural(item.notice))]  # type: ignore[attr-defined,operator]
    judged = [read == want for read, want in pairs if read is not None and want is not None]
    return all(judged) if judged else None


def _band(confidence: object) -> float:
    return round(float(confidence), 1)  # type: ignore[arg-type]


def table(sets: dict[str, Bands]) -> str:
    """Per band: terms, right and share for each set and for all together."""
    together: Bands = defaultdict(lambda: [0, 0])
    for bands in sets.values():
        for band, (n, right) in bands.items():
            together[band][0] += n
            together[band][1] += right
    columns = {**sets, "together": together}
    head = "confidence " + "".join(f"{name:>24}" for name in columns)
    sub = "           " + "".join(f"{'terms  right  share':>24}" for _ in columns)
    lines = [head, sub]
    for band in sorted(together, reverse=True):
        cells = []
        for bands in columns.values():
            n, right = bands.get(band, [0, 0])
            share = f"{right / n:.2f}" if n else "   -"
            cells.append(f"{n:>10} {right:>6} {share:>6}")
        lines.append(f"   {band:.1f}     " + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path, default=ROOT / "output" / "dev-company" / "2026-09")
    parser.add_argument("--only", default="dev,cuad", help="dev, cuad or both (comma-separated)")
    parser.add_argument("--wrong", action="store_true", help="list the cuad-sample terms not right")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    sets: dict[str, Bands] = {}
    if "dev" in wanted:
        if not (args.output / "terms.csv").is_file():
            print(f"error: no terms.csv in {args.output} (run bench/score_sets.py --only dev)")
            return 1
        sets["dev-company"] = dev_bands(args.data, args.output)
    if "cuad" in wanted:
        if not (args.data / "cuad-sample" / "labels.csv").is_file():
            print(f"error: no labels.csv in {args.data / 'cuad-sample'}")
            return 1
        wrong: list[str] = []
        sets["cuad-sample"] = cuad_bands(args.data, wrong)
    print(table(sets))
    if args.wrong and "cuad" in wanted:
        print("\n".join(["", "cuad-sample terms not right:", *wrong]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
