"""Generate the sample data set: contract PDFs, ERP exports and the answer key.

    .venv/bin/python sample_gen/generate.py [--out-dir DIR] [--no-verify]

Writes DIR/contracts_sample/*.pdf, DIR/erp_sample/* and sample_gen/answer_key.json (inside
DIR when DIR is not the repository root). Fixed seed: the same run gives identical files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `sample_gen` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_gen.answer_key import build_key  # noqa: E402
from sample_gen.contracts import write_contracts  # noqa: E402
from sample_gen.erp import build_orders  # noqa: E402
from sample_gen.erp_write import write_erp  # noqa: E402
from sample_gen.extras import rebate_notes  # noqa: E402
from sample_gen.world import SEED  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


def generate(out_dir: Path) -> dict:
    """Write everything under `out_dir`; returns the answer key."""
    contract_info = write_contracts(out_dir / "contracts_sample")
    orders = build_orders(SEED)
    notes = rebate_notes(orders)
    bad_rows = write_erp(orders, notes, out_dir / "erp_sample")
    key = build_key(orders, notes, contract_info, bad_rows)
    key_path = out_dir / "sample_gen" / "answer_key.json"
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.write_text(json.dumps(key, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                        newline="\n")
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT,
                        help="where contracts_sample/, erp_sample/ and sample_gen/ go "
                             "(default: the repository root)")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip re-reading the output and checking it against the key")
    args = parser.parse_args(argv)
    key = generate(args.out_dir)
    print(f"wrote {len(key['deviations'])} deviations, "
          f"{len(key['not_audited_injections'])} not-audited injections, "
          f"{len(key['bad_rows'])} bad rows under {args.out_dir}")
    if not args.no_verify:
        from sample_gen.verify import verify

        problems = verify(args.out_dir, key)
        for p in problems:
            print("VERIFY:", p)
        if problems:
            return 1
        print("verify: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
