"""report.html in a real headless Chromium: it renders on its own, charts included, offline."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from audit.models import AuditRun
from audit.report.charts import PALETTE
from audit.report.html import write_report_html
from tests.report.test_report_html import HISTORY

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND")  # no network, should the page try

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="chromium is not installed (apt-get install -y chromium; .ci/run "
    "installs it)")


def screenshot(page: Path, png: Path, profile: Path) -> Image.Image:
    """Open the page in headless Chromium and take a 1300x2600 screenshot."""
    return screenshot_at(page, png, profile, 1300, 2600)


def screenshot_at(page: Path, png: Path, profile: Path, width: int,
                  height: int = 2600) -> Image.Image:
    """Open the page in headless Chromium at width x height px and take a screenshot."""
    assert BROWSER is not None
    result = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
         f"--window-size={width},{height}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and png.exists(), result.stderr[-2000:]
    return Image.open(png).convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_report_with_trend_charts_renders_in_chromium(run: AuditRun, tmp_path: Path) -> None:
    page = write_report_html(run, tmp_path / "report.html", "nl", HISTORY)
    image = screenshot(page, tmp_path / "report.png", tmp_path / "profile")
    assert image.size == (1300, 2600)
    pixels = Counter(image.get_flattened_data())
    for colour in PALETTE[:3]:  # the bars of the first three owners / rules were drawn
        assert pixels[rgb(colour)] > 300, colour
    background = pixels[(255, 255, 255)] / (1300 * 2600)
    assert 0.5 < background < 0.98, "a page with content, not blank, not an error screen"
