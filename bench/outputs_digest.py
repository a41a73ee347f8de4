"""A digest of every output file of the sample audit and of dev-company, timestamps masked.

Usage: .venv/bin/python bench/outputs_digest.py [--keep DIR] [--only sample|dev]
Runs `contract-audit run --dry-run` on the bundled samples (period 2026-10) and on
../shared/data/dev-company (bench/dev_company/config.yaml, period 2026-09), each into a fresh
output folder and database, and prints one line per output file: its digest after masking
timestamps, run times and the temporary folder's path. Two checkouts (or before and after a
refactoring) produced the same outputs when the lines are equal. --keep copies the masked
files to DIR/<set>/ so a difference can be read with `diff -r`.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SETS = {"sample": (ROOT / "config.yaml", "2026-10"),
        "dev": (ROOT / "bench" / "dev_company" / "config.yaml", "2026-09")}
MASKS = [
    (re.compile(rb"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?"), b"<TIMESTAMP>"),
    (re.compile(rb"\d\d-\d\d-\d{4} \d\d:\d\d(:\d\d)?"), b"<TIMESTAMP>"),
    (re.compile(rb"\d{1,2} [a-z]{3,9} \d{4},? \d\d:\d\d(:\d\d)?"), b"<TIMESTAMP>"),
    (re.compile(rb"(Date: ).*"), rb"\1<DATE>"),
    (re.compile(rb"(Message-ID: ).*"), rb"\1<ID>"),
    (re.compile(rb"boundary=\"?[=_A-Za-z0-9.-]+\"?"), b"boundary=<B>"),
    (re.compile(rb"={10,}[0-9]+=*"), b"<BOUNDARY>"),
    (re.compile(rb"\d+(\.\d+)? ?(s|seconds|sec)\b"), b"<SECONDS>"),
]


def write_config(source: Path, folder: Path) -> Path:
    """A copy of a config with every input path absolute and the outputs in `folder`."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    base = source.parent

    def absolute(value: str) -> str:
        return str((base / value).resolve())

    data.update(contracts_dir=absolute(data.get("contracts_dir", "contracts_sample")),
                rules_dir=absolute(data.get("rules_dir", "rules")),
                output_dir=str(folder / "output"))
    for dataset in data["erp"]["datasets"].values():
        if isinstance(dataset.get("path"), str):
            dataset["path"] = absolute(dataset["path"])
        elif isinstance(dataset.get("path"), list):
            dataset["path"] = [absolute(p) for p in dataset["path"]]
    reading = data.setdefault("reading", {})
    reading["overrides_file"] = absolute(reading.get("overrides_file", "terms_overrides.yaml"))
    if reading.get("index_file"):
        reading["index_file"] = absolute(reading["index_file"])
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def masked(data: bytes, folder: Path) -> bytes:
    """The bytes with timestamps, message ids and the temporary folder masked."""
    data = data.replace(str(folder).encode(), b"<TMP>")
    for pattern, replacement in MASKS:
        data = pattern.sub(replacement, data)
    return data


def unzipped(data: bytes) -> bytes:
    """An xlsx as its member files' bytes (the zip stamps its own times)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(name.encode() + b"\n" + archive.read(name)
                        for name in sorted(archive.namelist()))


def email_content(data: bytes) -> bytes:
    """An email as its headers and each part decoded (an xlsx attachment unzipped)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    parts = [b"".join(f"{k}: {v}\n".encode() for k, v in message.items())]
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        name = part.get_filename() or ""
        parts.append(f"--- {part.get_content_type()} {name}\n".encode()
                     + (unzipped(payload) if name.endswith(".xlsx") else payload))
    return b"\n".join(parts)


def content(path: Path) -> bytes:
    """A file's bytes as compared: an xlsx unzipped, an email decoded."""
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        return unzipped(data)
    if path.suffix == ".eml":
        return email_content(data)
    return data


def run_set(name: str, tmp: Path, keep: Path | None) -> list[str]:
    """Run one set's audit into `tmp` and return its digest lines."""
    source, period = SETS[name]
    config = write_config(source, tmp)
    run = subprocess.run([sys.executable, "-m", "audit", "run", "--config", str(config),
                          "--period", period, "--dry-run"], capture_output=True)
    lines = [f"{name} exit {run.returncode}",
             f"{name} stdout {hashlib.sha256(masked(run.stdout, tmp)).hexdigest()[:16]}"]
    out = tmp / "output" / period
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        if path.name == "audit.log":
            continue
        data = masked(content(path), tmp)
        relative = path.relative_to(out)
        lines.append(f"{name} {relative} {hashlib.sha256(data).hexdigest()[:16]}")
        if keep is not None:
            target = keep / name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if keep is not None:
        (keep / name).mkdir(parents=True, exist_ok=True)
        (keep / name / "stdout.txt").write_bytes(masked(run.stdout, tmp))
    return lines


def main() -> None:
    """Print the digests."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="copy the masked outputs to this folder")
    parser.add_argument("--only", choices=sorted(SETS), help="one set only")
    args = parser.parse_args()
    for name in [args.only] if args.only else list(SETS):
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(run_set(name, Path(tmp), args.keep)), flush=True)


if __name__ == "__main__":
    main()
