"""Score the audit on the sets nobody here wrote: dev-company, cuad-sample (from PDF), dutch-terms.

Usage: .venv/bin/python bench/score_sets.py [--data ../shared/data] [--only dev,cuad,dutch]
                                            [--structure] [--misses]

- dev-company: runs `contract-audit run` with bench/dev_company/config.yaml (period 2026-09, reading
  cache refreshed), scores output/dev-company/2026-09 with the set's own score.py, and prints the
  structure figure: of the truth's required terms, how many sit in one clause of our reading with
  the right page and article (the clause is not boilerplate and under 1,500 characters; an agreed
  price's clause holds its item code). `--structure` prints only that figure (no audit run).
- cuad-sample: bench/cuad_report.py on the PDFs through the product's own reader and clause
  splitter (`--product`), the end-date / renewal / notice / minimum-commitment figures.
- dutch-terms: per document, the payment terms and lead times read (no labels: the bench prints
  what was read with its sentence, to compare against the Markdown source by eye).
The data folder is not part of the repository (see ../shared/data/README.md).
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from audit.contracts.clauses import split_clauses  # noqa: E402
from audit.contracts.reader import read_pdf  # noqa: E402
from audit.models import Clause  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEV_CONFIG = ROOT / "bench" / "dev_company" / "config.yaml"
LONG_CLAUSE = 1500


def tokens(label: str) -> list[str]:
    """'IV.1' -> ['iv', '1']; 'Bijlage 1 Prijzen' -> ['bijlage', '1', 'prijzen']."""
    return re.findall(r"[a-z]+|\d+", label.lower())


def same_article(truth: str, ours: str) -> bool:
    """Article labels compared loosely: case, spaces and punctuation aside; a trailing title
    word on either side ('Bijlage 1 Prijzen' ~ 'Bijlage 1') is allowed, a missing number is not."""
    a, b = tokens(truth), tokens(ours)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[: len(short)] == short and all(t.isalpha() and len(t) > 1
                                                for t in long_[len(short):])


def clause_holds(clause: Clause, rule_id: str, parameter: str) -> bool:
    """The clause can carry the term: not boilerplate, not swallowed, the item code for a price."""
    if clause.boilerplate or len(clause.text) > LONG_CLAUSE:
        return False
    if rule_id == "agreed_prices":
        cells = " ".join(" ".join(row) for t in clause.tables for row in t.rows)
        return parameter in f"{clause.text} {cells}"
    return True


def structure_figure(data: Path, show_misses: bool) -> tuple[int, int]:
    """(required terms in a right clause, required terms) on dev-company."""
    folder = data / "dev-company"
    clauses: dict[str, list[Clause]] = {}
    for pdf in sorted((folder / "contracts").glob("*.pdf")):
        doc, _ = read_pdf(pdf)
        clauses[pdf.name] = split_clauses(doc) if doc else []
    with (folder / "truth" / "terms.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "current"]
    good, misses = 0, []
    for row in rows:
        page = int(row["page"])
        ok = any(c.page == page and same_article(row["article"], c.article)
                 and clause_holds(c, row["rule_id"], row["parameter"])
                 for c in clauses.get(row["contract_file"], []))
        good += ok
        if not ok:
            misses.append(row)
    if show_misses:
        for row in misses:
            near = [f"{c.article}@p{c.page}{'/bp' if c.boilerplate else ''}({len(c.text)})"
                    for c in clauses.get(row["contract_file"], []) if c.page == int(row["page"])]
            print(f"  miss {row['contract_file'][:32]:32} p{row['page']} {row['article']:>10} "
                  f"{row['rule_id']}:{row['parameter']}  ours on that page: {' '.join(near)[:150]}")
    return good, len(rows)


def longest_clauses(data: Path) -> list[tuple[int, str]]:
    """The longest clause of every PDF in the sets (characters, 'set/file article')."""
    out = []
    for pdf in sorted([*data.glob("dev-company/contracts/*.pdf"), *data.glob("cuad-sample/pdf/*.pdf"),
                       *data.glob("dutch-terms/*.pdf"), *data.glob("pdf-robustness/*.pdf")]):
        doc, _ = read_pdf(pdf)
        if doc is None:
            continue
        cl = split_clauses(doc)
        if cl:
            top = max(cl, key=lambda c: len(c.text))
            out.append((len(top.text), f"{pdf.parent.name}/{pdf.name[:40]} [{top.article}]"))
    return sorted(out, reverse=True)


def run_dev(data: Path) -> str:
    """The audit on dev-company, scored by its score.py; returns the score line."""
    began = time.perf_counter()
    cmd = [str(ROOT / ".venv" / "bin" / "contract-audit"), "run", "--config", str(DEV_CONFIG),
           "--period", "2026-09", "--dry-run", "--refresh"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    print(f"audit run: exit {run.returncode}, {time.perf_counter() - began:.1f} s")
    tail = run.stdout.strip().splitlines()
    print("\n".join(line for line in tail if "agreements found" in line or "problems" in line))
    score = subprocess.run([sys.executable, str(data / "dev-company" / "score.py"),
                            str(ROOT / "output" / "dev-company" / "2026-09")],
                           capture_output=True, text=True)
    print(score.stdout)
    return score.stdout.strip().splitlines()[-1] if score.stdout.strip() else "(no score)"


def run_cuad(data: Path) -> None:
    """cuad_report.py on the PDFs through the product's reader and clause splitter."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "cuad_report.py"), "--data",
                    str(data / "cuad-sample"), "--product"], check=False)


def run_dutch(data: Path) -> None:
    """The payment terms and lead times read from each Dutch general-terms PDF."""
    from audit.rules.loader import load_rules
    from audit.rules.matching import TermReader

    rules = load_rules(ROOT / "rules")
    reader = TermReader(rules)
    for pdf in sorted((data / "dutch-terms").glob("*.pdf")):
        doc, problems = read_pdf(pdf)
        if doc is None:
            print(f"{pdf.name}: not read: {[p.message for p in problems]}")
            continue
        cl = split_clauses(doc)
        terms = reader.read_document(cl, "x")
        print(f"{pdf.name}: {len(cl)} clauses, {len(terms)} terms")
        for t in terms:
            values = ", ".join(f"{v.parameter}={v.value}" for v in t.values)
            print(f"   {t.rule_id:22} {values[:50]:50} [{t.clause.article} p{t.clause.page}] "
                  f"{t.clause.text[:90]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", default="dev,cuad,dutch")
    parser.add_argument("--structure", action="store_true", help="only the structure figure")
    parser.add_argument("--misses", action="store_true", help="list the terms not in a clause")
    parser.add_argument("--longest", action="store_true", help="the longest clause per PDF")
    args = parser.parse_args(argv)
    if not (args.data / "dev-company").is_dir():
        print(f"error: no dev-company in {args.data} (see ../shared/data/README.md)")
        return 2
    good, total = structure_figure(args.data, args.misses)
    print(f"structure: {good}/{total} required terms in one clause with the right article and "
          f"page ({good / total:.1%})")
    if args.longest:
        for n, name in longest_clauses(args.data)[:15]:
            print(f"  {n:7d}  {name}")
    if args.structure:
        return 0
    sets = set(args.only.split(","))
    line = run_dev(args.data) if "dev" in sets else ""
    if "cuad" in sets:
        run_cuad(args.data)
    if "dutch" in sets:
        run_dutch(args.data)
    if line:
        print(f"dev-company: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
