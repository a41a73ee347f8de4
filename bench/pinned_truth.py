"""The checks' own figure: a data set's true terms pinned as corrections, the audit run without PDFs.

Usage: .venv/bin/python bench/pinned_truth.py [--data DIR] [--config FILE] [--period 2026-09]
         [--keep DIR]

It writes a terms_overrides.yaml from DIR/truth/terms.csv (one correction per true value; an
amendment's old value valid until the day before its effective date, the new one from it),
copies the config with an empty contracts folder, a fresh database and that corrections file,
runs `contract-audit run --dry-run` and prints the set's score.py figures. Reading plays no part:
what is left is the checks. Values the truth does not list but a check needs (the item of a
commitment, the indexation date, the renewal period, an amendment's effective date) are taken
from the cited article's text with the program's value readers and said so.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pdfplumber
import yaml

from audit.core.parse import find_dates
from audit.models import Clause, ContractDoc
from audit.rules.values import read_day_month, read_renewal

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev-company"
CONFIG = ROOT / "bench" / "dev_company" / "config.yaml"
BY = "bench/pinned_truth.py"
# truth parameter -> (our parameter, how to turn the truth's value and unit into ours)
SIMPLE = {
    "days": "days", "working_days": "working_days", "call_ahead_minutes": "minutes",
    "address": "address", "min_order_value": "threshold", "end_date": "end_date",
    "start_date": "start_date", "max_percent": "cap_percent", "min_quantity": "quantity",
    "min_amount": "amount", "discount_per_unit": "discount_per_unit", "percent_per_day": "percent",
    "amount_per_day": "amount", "max_amount": "cap_amount",
}
SKIPPED = {"running_end_date"}  # computed by the check itself
EFFECT = re.compile(r"(?:with\s+effect\s+from|met\s+ingang\s+van|per|effective\s+(?:from|as\s+of)"
                    r"|as\s+of|vanaf)\s+(\d{1,2}\s+\w+\s+\d{4})", re.I)
# an item code: letters and digits joined by . - or / ('BT.6102-10', 'ZX-7/220', 'BT.61xx')
ITEM = re.compile(r"(?<![\w./-])(?=[\w./-]*\d)[A-Z][A-Za-z0-9]*(?:[./-][A-Za-z0-9]+)+(?![\w/-])")
ARTICLE_START = re.compile(r"^(?:[A-Z]\.\d+|\d+(?:\.\d+)*\.?|\([a-z]\)|[IVX]+\.\d*|Art\.?\s*\d+)\s")


def main() -> None:
    """Pin, run, score, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--period", default="2026-09")
    parser.add_argument("--keep", type=Path, help="write config, corrections and output here")
    args = parser.parse_args()
    if not (args.data / "truth" / "terms.csv").exists():
        sys.exit(f"error: {args.data}/truth/terms.csv not found (the data set is not here)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.data, args.config, args.period, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(args.data, args.config, args.period, Path(tmp))


def run(data: Path, config: Path, period: str, folder: Path) -> None:
    """Write the corrections and the config into `folder`, run the audit there, score it."""
    overrides, notes = pinned_overrides(data)
    (folder / "terms_overrides.yaml").write_text(
        yaml.safe_dump({"overrides": overrides}, allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    path = write_config(config, folder)
    for note in notes:
        print(f"note: {note}")
    print(f"pinned {len(overrides)} values from {data / 'truth' / 'terms.csv'}")
    done = subprocess.run([sys.executable, "-m", "audit", "run", "--config", str(path),
                           "--period", period, "--dry-run"], capture_output=True, text=True)
    print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
    out = folder / "output" / period
    score = subprocess.run([sys.executable, str(data / "score.py"), str(out)],
                           capture_output=True, text=True)
    print(score.stdout, score.stderr)


def write_config(config: Path, folder: Path) -> Path:
    """The config with absolute input paths, no contracts, the pinned corrections, outputs here."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    base = config.parent
    (folder / "no_contracts").mkdir(exist_ok=True)
    data.update(contracts_dir=str(folder / "no_contracts"), rules_dir=str(
        (base / data.get("rules_dir", "rules")).resolve()), output_dir=str(folder / "output"),
        database_url=f"sqlite:///{folder / 'audit.db'}")
    data.setdefault("reading", {})["overrides_file"] = str(folder / "terms_overrides.yaml")
    for source in data["erp"]["datasets"].values():
        if "path" in source:
            paths = source["path"] if isinstance(source["path"], list) else [source["path"]]
            resolved = [str((base / p).resolve()) for p in paths]
            source["path"] = resolved if isinstance(source["path"], list) else resolved[0]
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def pinned_overrides(data: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """One correction per true value (superseded ones until the amendment), and notes."""
    terms = pd.read_csv(data / "truth" / "terms.csv", dtype=str).fillna("")
    texts = ArticleTexts(data / "contracts")
    validity = amendment_validity(terms, texts)
    out: list[dict[str, Any]] = []
    notes: list[str] = []
    groups = terms.groupby(["customer_id", "rule_id"], sort=False)
    for (cid, rule), rows in groups:
        for frm, to, part in _by_validity(rows, validity):
            out += [_override(cid, rule, subject, p, v, frm, to)
                    for subject, p, v in values_of(rule, part, texts, notes)]
    return out, notes


def _by_validity(rows: pd.DataFrame, validity: dict[str, tuple[date | None, date | None]]
                 ) -> list[tuple[date | None, date | None, pd.DataFrame]]:
    """The rows split by the validity of the document (and status) they come from."""
    keyed: dict[tuple[date | None, date | None], list[int]] = defaultdict(list)
    for i, row in rows.iterrows():
        frm, to = validity.get(row["contract_file"], (None, None))
        if row["status"] == "superseded":
            frm, to = None, _superseded_until(rows, validity)
        keyed[(frm, to)].append(i)
    return [(frm, to, rows.loc[idx]) for (frm, to), idx in keyed.items()]


def _superseded_until(rows: pd.DataFrame, validity: dict[str, tuple[date | None, date | None]]
                      ) -> date | None:
    starts = [validity[f][0] for f in rows.loc[rows["status"] != "superseded", "contract_file"]
              if f in validity and validity[f][0]]
    return min(starts) - timedelta(days=1) if starts else None


def amendment_validity(terms: pd.DataFrame, texts: ArticleTexts
                       ) -> dict[str, tuple[date | None, date | None]]:
    """Per amendment file (a file whose rows replace superseded ones): valid from its effective
    date, as its text states it ('with effect from 1 May 2026', 'per 1 april 2026')."""
    out: dict[str, tuple[date | None, date | None]] = {}
    superseded = terms[terms["status"] == "superseded"]
    for _, old in superseded.iterrows():
        same = terms[(terms["customer_id"] == old["customer_id"])
                     & (terms["rule_id"] == old["rule_id"]) & (terms["status"] == "current")]
        for file in same["contract_file"]:
            if file != old["contract_file"] and file not in out:
                out[file] = (effective_date(texts.document(file)), None)
    return out


def effective_date(text: str) -> date | None:
    """The first date after 'with effect from' / 'met ingang van' / 'per' in the text."""
    for m in EFFECT.finditer(text):
        dates = find_dates(m.group(1), "nl") or find_dates(m.group(1), "en")
        if dates:
            return dates[0]
    return None


def values_of(rule: str, rows: pd.DataFrame, texts: ArticleTexts, notes: list[str]
              ) -> list[tuple[str, str, Any]]:
    """(subject, our parameter, value) for the truth rows of one rule and validity."""
    if rule == "agreed_prices":
        return [(r["parameter"], p, v) for _, r in rows.iterrows()
                for p, v in (("unit_price", r["value"]), ("price_unit", _price_unit(r["unit"])))
                if v is not None]
    if rule == "volume_rebate":
        return [("", "tiers", _tiers(rows)), ("", "period", "year")]
    out = [("", *_simple(r)) for _, r in rows.iterrows() if r["parameter"] not in SKIPPED]
    return out + [("", p, v) for p, v in _from_text(rule, rows, texts, notes)]


def _simple(row: pd.Series) -> tuple[str, Any]:
    param, value = row["parameter"], row["value"]
    if param.startswith("notice_"):
        return "notice", f"{value} {param.removeprefix('notice_')}"
    return SIMPLE[param], value


def _price_unit(unit: str) -> int | None:
    m = re.search(r"/\s*(\d+)\s", unit + " ")
    return int(m.group(1)) if m and int(m.group(1)) > 1 else None


def _tiers(rows: pd.DataFrame) -> list[list[str]]:
    values = {r["parameter"]: r["value"] for _, r in rows.iterrows()}
    suffixes = sorted(k.removeprefix("threshold") for k in values if k.startswith("threshold"))
    return [[values[f"threshold{s}"], values[f"percent{s}"]] for s in suffixes]


def _from_text(rule: str, rows: pd.DataFrame, texts: ArticleTexts, notes: list[str]
               ) -> list[tuple[str, Any]]:
    """Values a check needs that the truth leaves out, read from the cited articles."""
    cited = [texts.article(r["contract_file"], r["page"], r["article"]) for _, r in rows.iterrows()]
    text = " ".join(dict.fromkeys(cited))
    found: list[tuple[str, Any]] = []
    units = " ".join(rows["unit"])
    if rule == "volume_commitment":
        period = "quarter" if "quarter" in units else "month" if "month" in units else "year"
        found.append(("period", period))
        body = ARTICLE_START.sub("", text, count=1)  # not the article's own number ('C.1')
        item = next((m for m in ITEM.finditer(body) if len(m.group(0)) >= 4), None)
        if item:
            found.append(("item", item.group(0).rstrip("x")))
    if rule == "price_indexation" and (day := read_day_month(_clause(text), "nl")):
        found.append(("date", day))
    if rule == "contract_term" and (months := read_renewal(_clause(text), "en")):
        found.append(("renewal_months", months))
    cid = rows["customer_id"].iloc[0]
    notes += [f"{cid} {rule}.{p} = {v} (from the article text)" for p, v in found
              if p != "period"]
    return found


def _clause(text: str) -> Clause:
    doc = ContractDoc(path=Path("truth"), sha256="", pages=())
    return Clause(doc=doc, article="", heading="", text=text, page=0)


def _override(cid: str, rule: str, subject: str, parameter: str, value: Any,
              valid_from: date | None, valid_to: date | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"customer_id": cid, "rule_id": rule}
    if subject:
        entry["subject"] = subject
    entry.update(parameter=parameter, value=value)
    if valid_from:
        entry["valid_from"] = valid_from.isoformat()
    if valid_to:
        entry["valid_to"] = valid_to.isoformat()
    return {**entry, "by": BY, "reason": "truth/terms.csv pinned"}


class ArticleTexts:
    """The text of a document, or of one article on one page, read once per page."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pages: dict[str, list[str]] = {}

    def document(self, file: str) -> str:
        return "\n".join(self._pages(file))

    def article(self, file: str, page: str, article: str) -> str:
        """The lines from the one starting with the article's number up to the next article."""
        pages = self._pages(file)
        text = pages[int(page) - 1] if page.isdigit() and int(page) <= len(pages) else ""
        label = re.sub(r"^(?:key\s+term|art\.?|article|artikel)\s+", "", article, flags=re.I)
        lines = text.split("\n")
        sub = re.fullmatch(r"(\d+)(\(\w+\))", label)  # '5(a)': sub-clause (a) under heading 5
        if sub:
            head = next((i for i, x in enumerate(lines) if x.startswith(sub.group(1) + " ")), 0)
            lines, label = lines[head + 1:], sub.group(2)
        for i, line in enumerate(lines):
            if line.startswith(label + " ") or line.startswith(label + "."):
                rest = [x for x in lines[i + 1:]]
                end = next((j for j, x in enumerate(rest) if ARTICLE_START.match(x)), len(rest))
                return " ".join([line, *rest[:end]])
        return ""

    def _pages(self, file: str) -> list[str]:
        if file not in self.pages:
            with pdfplumber.open(self.folder / file) as pdf:
                self.pages[file] = [p.extract_text() or "" for p in pdf.pages]
        return self.pages[file]


if __name__ == "__main__":
    main()
