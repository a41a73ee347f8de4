"""Recognition apart from structure: every sentence of dev-company's contracts read as a clause.

Usage: .venv/bin/python bench/recognition.py [--data ../shared/data] [--rule RULE] [--show]

Each PDF's lines (the product's reader) are joined and cut into sentences; each sentence is read
by the rules as a clause of its own. The terms found are compared with the truth's required
terms of that document by (rule, value), as dev-company's score.py does (numbers, dates and
addresses normalised): recall and precision per rule. Agreed prices are left to the structure
bench (they live in tables).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from audit.contracts.reader import read_pdf  # noqa: E402
from audit.models import Address, Clause  # noqa: E402
from audit.rules.loader import load_rules  # noqa: E402
from audit.rules.matching import SENTENCE, TermReader  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def norm(value: object) -> str:
    """One comparable form: numbers without trailing zeros, dates ISO, addresses by postcode."""
    if isinstance(value, Address):
        return f"{value.postcode.replace(' ', '').upper()} {value.house_number}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | int | float):
        return format(Decimal(str(value)).normalize(), "f")
    text = str(value)
    m = re.search(r"(\d{4})\s?([A-Z]{2}).*?$", text)
    if m and "," in text:
        num = re.search(r"\s(\d+)[a-z]?,", text)
        return f"{m.group(1)}{m.group(2)} {num.group(1) if num else ''}"
    try:
        return format(Decimal(text).normalize(), "f")
    except Exception:
        return text.strip()


def truth_norm(row: dict[str, str]) -> str:
    value, unit = row["value"], row["unit"]
    if row["rule_id"] == "delivery_address":
        m = re.search(r"(\d{4})\s?([A-Z]{2})", value)
        num = re.search(r"\s(\d+)[a-z]?,", value)
        return f"{m.group(1)}{m.group(2)} {num.group(1) if num else ''}" if m else value
    if unit == "%" or unit.startswith("%"):
        return norm(Decimal(value))
    try:
        return norm(Decimal(value))
    except Exception:
        return value


def term_values(term) -> set[str]:
    out = set()
    for v in term.values:
        if v.parameter == "tiers":
            for threshold, percent in v.value:
                out |= {norm(threshold), norm(percent)}
        elif v.parameter == "notice" and isinstance(v.value, str):
            m = re.match(r"(\d+)\s*(\w+)", v.value)
            if m:
                n, unit = int(m.group(1)), m.group(2)
                out |= {str(n)}
                if unit.startswith("month"):
                    out |= {str(n * 30)}
        else:
            out.add(norm(v.value))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--rule")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    folder = args.data / "dev-company"
    with (folder / "truth" / "terms.csv").open(encoding="utf-8") as f:
        truth = [r for r in csv.DictReader(f) if r["status"] == "current"
                 and r["rule_id"] != "agreed_prices"]
    reader = TermReader(load_rules(ROOT / "rules"))
    want = defaultdict(set)
    for r in truth:
        want[(r["contract_file"], r["rule_id"])].add(truth_norm(r))
    got = defaultdict(set)
    sources = defaultdict(list)
    for pdf in sorted((folder / "contracts").glob("*.pdf")):
        doc, _ = read_pdf(pdf)
        if doc is None:
            continue
        text = " ".join(" ".join(p.text.split("\n")) for p in doc.pages)
        for sentence in SENTENCE.split(text):
            clause = Clause(doc=doc, article="s", heading="", text=sentence, page=1)
            for scope_rules in (None, {r for r, x in reader.rules.items() if x.scope == "article"}):
                for t in reader.read(clause, "x", scope_rules)[0]:
                    if t.get("readable") is False:
                        continue
                    vals = term_values(t)
                    got[(pdf.name, t.rule_id)] |= vals
                    sources[(pdf.name, t.rule_id)].append((sorted(vals), sentence[:140]))
    per_rule = defaultdict(lambda: [0, 0, 0])  # found, wanted, read
    for key in set(want) | set(got):
        rule = key[1]
        if args.rule and rule != args.rule or rule in ("agreed_prices", "unmatched_agreement"):
            continue
        hit = want[key] & got[key]
        per_rule[rule][0] += len(hit)
        per_rule[rule][1] += len(want[key])
        per_rule[rule][2] += len(got[key])
        if args.show and (want[key] - got[key] or (got[key] - want[key] and key in want)):
            print(f"{key[0][:34]:34} {rule:22} want {sorted(want[key])} got {sorted(got[key])}")
            for vals, s in sources[key][:3]:
                print(f"      {vals}: {s!r}")
        elif args.show and key not in want and got[key]:
            print(f"{key[0][:34]:34} {rule:22} FALSE {sorted(got[key])}")
            for vals, s in sources[key][:2]:
                print(f"      {vals}: {s!r}")
    total = [0, 0, 0]
    for rule, (hit, wanted, read) in sorted(per_rule.items()):
        print(f"{rule:24} recall {hit}/{wanted}   values read {read}")
        total = [a + b for a, b in zip(total, (hit, wanted, read), strict=True)]
    print(f"{'ALL':24} recall {total[0]}/{total[1]}   values read {total[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
