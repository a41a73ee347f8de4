"""Hostile PDFs (a 5 x 5 m image page, a decompression bomb, 5,000 pages, deep nesting) and a
1 GB export: each finishes under the configured memory limit with a problem naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.faults.conftest import sample_config
from tests.faults.hostile import (
    decompression_bomb,
    deep_nesting,
    huge_image_page,
    many_pages,
    sparse_export,
)

READER_MB = 512  # limits.reader_memory_mb for these cases
MEASURE = """
import json, resource, sys
from pathlib import Path
from audit.contracts.batch import BatchLimits, read_many
path = Path(sys.argv[1])
[(doc, problems)] = read_many([path], BatchLimits(seconds=90, workers=1, memory_mb=int(sys.argv[2]),
                                                  ocr_max_pixels=40_000_000)).values()
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
                  "start_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "problems": [str(p) for p in problems]}))
"""
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "huge-image-page.pdf": (huge_image_page, "OCR could not read it"),
    "decompression-bomb.pdf": (decompression_bomb, "MemoryError"),
    "five-thousand-pages.pdf": (many_pages, "has 5000 pages; only the first 300 were read"),
    "deep-nesting.pdf": (deep_nesting, "no readable text"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_pdf_is_read_within_the_memory_limit(tmp_path, name):
    make, expected = CASES[name]
    path = make(tmp_path / name)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(READER_MB)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout.splitlines()[-1])
    print(f"{name}: peak {measured['peak_mb']} MB (reader starts as a fork of "
          f"{measured['start_mb']} MB)")
    assert measured["peak_mb"] < measured["start_mb"] + READER_MB, measured
    assert any(p.startswith(f"{name}") and expected in p for p in measured["problems"]), measured


def test_a_1_gb_export_is_refused_by_size_and_named(tmp_path):
    config = sample_config(tmp_path, limits={"export_max_mb": 64})
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    real = Path(data["erp"]["datasets"]["order_lines"]["path"])
    header = real.read_bytes().split(b"\n", 1)[0].decode(data["erp"]["datasets"]["order_lines"]
                                                        .get("encoding") or "cp1252").strip()
    big = sparse_export(tmp_path / "orderregels-heel-groot.csv", header)
    data["erp"]["datasets"]["order_lines"]["path"] = str(big)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], "
               "capture_output=True, text=True); print(r.returncode); print(r.stderr + r.stdout);"
               " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "audit", "run",
                             "--config", str(config), "--period", "2026-10", "--dry-run"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    lines = result.stdout.strip().splitlines()
    code, peak, output = int(lines[0]), int(lines[-1]), " ".join(" ".join(lines[1:-1]).split())
    print(f"1 GB export: peak {peak} MB, exit {code}")
    assert code == 7, output
    assert f"{big}: the export is 1,024 MB, above limits.export_max_mb (64 MB)" in output
    assert peak < 1024, "the export was not read into memory"
