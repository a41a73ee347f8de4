"""report.html at a phone's width (390 px) and a laptop's (1280 px) in real headless Chromium:
no sideways scrolling of the page, a page of sensible height, every deviation's amount and
action on screen."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path

import pytest

from audit.core.i18n import format_eur, label
from audit.models import AuditRun
from audit.report.html import write_report_html
from tests.report.test_report_chromium import BROWSER, FLAGS, screenshot_at
from tests.report.test_report_html import HISTORY

pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")

#: Measured in the page once it has laid out; written into the DOM so --dump-dom returns it.
PROBE = """<script>
window.addEventListener('load', () => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width, height: r.height}; };
  const rows = [...document.querySelectorAll('table.list tbody tr')].map((row) => ({
    id: row.id,
    amount: box(row.querySelector('[data-field=amount]')),
    action: box(row.querySelector('[data-field=action]')),
    amount_text: row.querySelector('[data-field=amount]').innerText,
  }));
  parent.postMessage(JSON.stringify({
    window: window.innerWidth,
    scroll_width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight, rows: rows}), '*');
});
</script>"""

#: Headless Chromium will not make its window narrower than 500 px; a frame of the width
#: asked for is a viewport of that width (media queries and all). The frame's measurement is
#: written into this page, which --dump-dom returns.
HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="border:0;display:block;width:{width}px;height:{height}px"></iframe>
<script>
window.addEventListener('message', (e) => {{
  const out = document.createElement('pre'); out.id = 'probe'; out.textContent = e.data;
  document.body.appendChild(out); }});
</script></body></html>"""


def framed(page: Path, width: int, height: int, probe: str = "") -> Path:
    """A page showing `page` in a frame of width x height px (with `probe` added to it)."""
    inner = page.with_name(f"framed-{width}-{page.name}")
    inner.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"),
                     encoding="utf-8")
    host = page.with_name(f"host-{width}-{page.name}")
    host.write_text(HOST.format(src=inner.name, width=width, height=height), encoding="utf-8")
    return host


def measure(page: Path, width: int, profile: Path) -> dict:
    """Lay the page out at `width` px in Chromium and return what PROBE measured."""
    assert BROWSER is not None
    host = framed(page, width, 900, PROBE)
    result = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", f"--window-size={max(width, 500)},900",
         "--virtual-time-budget=5000", "--dump-dom", host.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def long_run(run: AuditRun, copies: int = 12) -> AuditRun:
    """The sample run with many deviations, long descriptions, contract text and evidence."""
    long_text = ("Leverancier verleent afnemer een staffelkorting over de netto jaaromzet "
                 "exclusief btw, te verrekenen per kwartaal op basis van de gefactureerde "
                 "bedragen, onverminderd het bepaalde in artikel 14.3 lid b. ") * 6
    many = []
    for i in range(copies):
        for d in run.deviations:
            many.append(dataclasses.replace(
                d, subject=f"{d.subject}-{i:02d}",
                description=d.description + " " + long_text[:300],
                contract_text=long_text,
                evidence=tuple(d.evidence) * 8 + ("INV-2026-000000123456789-LONG-REF",)))
    return dataclasses.replace(run, deviations=tuple(many))


@pytest.mark.parametrize("width", [390, 1280])
def test_sample_report_fits_the_screen(run: AuditRun, tmp_path: Path, width: int) -> None:
    page = write_report_html(run, tmp_path / "report.html", "nl", HISTORY)
    m = measure(page, width, tmp_path / "profile")
    assert m["scroll_width"] <= m["window"], m  # nothing makes the page scroll sideways
    assert m["height"] < (9000 if width == 390 else 5000), m["height"]
    assert len(m["rows"]) == len(run.deviations)
    # an amount (never a minus) with the way it goes under it: 'Gederfd', 'Terug aan klanten'
    money = {d.deviation_id: "–" if d.impact_eur is None else
             f"{format_eur(abs(d.impact_eur), 'nl')}\n"
             f"{label('nl', 'owed' if d.impact_eur < 0 else 'forgone')}" for d in run.deviations}
    for row in m["rows"]:
        for field in ("amount", "action"):
            box = row[field]
            assert box["width"] > 40 and box["height"] > 10, (width, row)
            assert box["left"] >= 0 and box["right"] <= width, (width, row)
        assert row["amount_text"].strip() == money[row["id"]], row


@pytest.mark.parametrize("width", [390, 1280])
def test_many_long_deviations_stay_readable(run: AuditRun, tmp_path: Path, width: int) -> None:
    busy = long_run(run)
    page = write_report_html(busy, tmp_path / "report.html", "nl", HISTORY)
    m = measure(page, width, tmp_path / "profile")
    assert m["scroll_width"] <= m["window"], m
    per_deviation = m["height"] / len(busy.deviations)
    assert per_deviation < (900 if width == 390 else 500), per_deviation
    for row in m["rows"]:
        assert row["amount"]["right"] <= width and row["action"]["right"] <= width, row


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshot_at_width(run: AuditRun, tmp_path: Path, width: int) -> None:
    page = write_report_html(long_run(run, 2), tmp_path / "report.html", "nl", HISTORY)
    png = tmp_path / f"report-{width}.png"
    host = framed(page, width, 3000)
    image = screenshot_at(host, png, tmp_path / "profile", max(width, 500), 3000)
    image.crop((0, 0, width, 3000)).save(png)
    assert image.size[0] == max(width, 500)
    page_only = image.crop((0, 0, width, 3000))
    assert page_only.getextrema()[0][0] < 100, "text drawn, not a blank or error screen"
