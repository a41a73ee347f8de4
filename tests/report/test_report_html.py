"""report.html: escaping, self-containment, language, figures, problems and trend."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from audit.models import AuditRun
from audit.report.html import render_report_html, write_report_html


class _Collector(HTMLParser):
    """Collects tags, attributes and the text of each h2 heading."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.headings: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self._in_h2 = tag == "h2"

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.headings.append(data.strip())
            self._in_h2 = False


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_contract_text_is_escaped_and_encoded(run: AuditRun, tmp_path: Path) -> None:
    path = write_report_html(run, tmp_path / "report.html", "nl")
    html = path.read_bytes().decode("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;ë€&#34;" in html
    assert "Café Zoë &amp; Zonen" in html
    assert '<meta charset="utf-8">' in html
    assert "script" not in _parse(html).tags


def test_page_is_self_contained(run: AuditRun) -> None:
    html = render_report_html(run, "en", history=[{"period": "2026-09", "deviations": 1}])
    parsed = _parse(html)
    assert {"link", "script", "img", "iframe"}.isdisjoint(parsed.tags)
    assert "style" in parsed.tags
    assert not [value for name, value in parsed.attrs if name in {"src", "href"}]
    assert "http" not in html


@pytest.mark.parametrize(
    ("lang", "present", "absent"),
    [
        (
            "nl",
            [
                "Kerncijfers",
                "Per eigenaar",
                "registratie",
                "uitvoering",
                "14-11-2026",
                "Gederfde inkomsten",
                "€ 3.234,51",
                "€ 168,40",
                "Problemen",
            ],
            ["Key figures", "Money forgone", "2026-11-14"],
        ),
        (
            "en",
            [
                "Key figures",
                "By owner",
                "registration",
                "execution",
                "2026-11-14",
                "Money forgone",
                "€3,234.51",
                "€168.40",
                "Problems",
            ],
            ["Kerncijfers", "Gederfde", "14-11-2026"],
        ),
    ],
)
def test_language(run: AuditRun, lang: str, present: list[str], absent: list[str]) -> None:
    html = render_report_html(run, lang)
    assert f'<html lang="{lang}">' in html
    for text in present:
        assert text in html, text
    for text in absent:
        assert text not in html, text


def test_headline_figures(run: AuditRun) -> None:
    html = render_report_html(run, "en")
    figures = {
        "Customers audited": "3",
        "Agreements read": "3",
        "Open deviations": "7",
        "Resolved deviations": "1",
        "Money forgone": "€3,234.51",
        "Owed to customers": "€168.40",
    }
    for name, value in figures.items():
        assert f'<div class="value">{value}</div><div class="name">{name}</div>' in html
    assert "Contracts read" not in html
    run.stats = replace(run.stats, contracts=4)
    assert '<div class="value">4</div><div class="name">Contracts read</div>' in (
        render_report_html(run, "en")
    )


def test_sections_and_every_deviation_listed(run: AuditRun) -> None:
    html = render_report_html(run, "en")
    assert _parse(html).headings == [
        "Key figures",
        "By owner",
        "Registration or execution",
        "By kind of agreement",
        "By customer",
        "Customers in scope",
        "All deviations",
        "Problems",
    ]
    for d in run.deviations:
        assert f'<tr id="{d.deviation_id}">' in html
    assert "C001_Jansen_raamovereenkomst.pdf, page 2, article 4.1" in html


def test_customers_in_scope_by_rank_with_revenue(run: AuditRun) -> None:
    html = render_report_html(run, "nl")
    first, second = (
        html.index('Bakkerij Jansen B.V.</td><td class="num">€ 1.250.000,00'),
        html.index('Hoogeveen Logistiek</td><td class="num">€ 980.000,00'),
    )
    assert first < second


def test_evidence_is_truncated(run: AuditRun) -> None:
    html = render_report_html(run, "en")
    assert "INV-2026-0010 and 4 more" in html
    assert "INV-2026-0011" not in html


def test_problems_show_file_location_and_message(run: AuditRun) -> None:
    html = render_report_html(run, "en")
    assert "<td>C004_contract.pdf</td><td>page 3</td>" in html
    assert "<td>order_lines.csv</td><td>row 17, column quantity</td>" in html
    assert "quantity &#39;twelve&#39; is not a number" in html


def test_no_problems_and_no_deviations(run: AuditRun) -> None:
    run.problems.clear()
    run.deviations.clear()
    html = render_report_html(run, "en")
    assert "No problems." in html
    assert "No deviations found." in html


def test_trend_only_with_history_and_adds_this_run(run: AuditRun) -> None:
    assert "Trend" not in render_report_html(run, "en")
    assert "Trend" not in render_report_html(run, "en", history=[])  # first run: nothing to show
    history = [
        {"period": "2026-08", "deviations": 9, "forgone": "250.5", "owed": "-10"},
        {"period": "2026-09", "deviations": 5},
    ]
    html = render_report_html(run, "en", history=history)
    start = html.index("<h2>Trend</h2>")
    trend = html[start : html.index("</table>", start)]
    assert '<td>2026-08</td><td class="num">9</td><td class="num">€250.50</td>' in trend
    assert '<td class="num">€10.00</td>' in trend  # owed: no minus under its label
    assert '<td>2026-09</td><td class="num">5</td><td class="num"></td>' in trend
    assert '<td>2026-10</td><td class="num">7</td><td class="num">€3,234.51</td>' in trend


HISTORY = [
    {"period": "2026-08", "deviations": 4, "forgone": "900", "owed": "-100",
     "by_owner": {"Billing/pricing": {"deviations": 3, "at_stake": "900"},
                  "Credit control": {"deviations": 1, "at_stake": "100"}},
     "by_rule": {"agreed_prices": {"deviations": 3, "at_stake": "900"},
                 "free_shipping": {"deviations": 1, "at_stake": "100"}}},
    {"period": "2026-09", "deviations": 2, "forgone": "500", "owed": "0",
     "by_owner": {"Billing/pricing": {"deviations": 2, "at_stake": "500"}},
     "by_rule": {"agreed_prices": {"deviations": 2, "at_stake": "500"}}},
]


def test_trend_charts_are_inline_svg(run: AuditRun) -> None:
    html = render_report_html(run, "en", history=HISTORY)
    charts = html[html.index('<div class="charts">') : html.index("</div>", html.index(
        '<div class="charts">'))]
    assert charts.count("<svg ") == 4
    for title in ("Open deviations per owner", "Money at stake per owner",
                  "Open deviations per kind of agreement", "Money at stake per kind of agreement"):
        assert f'aria-label="{title}' in charts, title
    assert "<title>Billing/pricing 2026-08: 3</title>" in charts
    assert "<title>Credit control 2026-08: €100</title>" in charts
    assert "<title>agreed_prices 2026-10: €1,358</title>" in charts  # 1234.50 + 123.40 both ways
    assert ">2026-10</text>" in charts
    parsed = _parse(html)
    assert {"link", "script", "img", "iframe"}.isdisjoint(parsed.tags)
    assert "http" not in html, "no namespace URL, no network"


def test_trend_charts_in_dutch(run: AuditRun) -> None:
    html = render_report_html(run, "nl", history=HISTORY)
    assert 'aria-label="Openstaande afwijkingen per eigenaar"' in html
    assert "<title>Credit control 2026-08: € 100</title>" in html


def test_many_owners_fold_into_other(run: AuditRun) -> None:
    owners = {f"Owner {n:02d}": {"deviations": n, "at_stake": n} for n in range(1, 15)}
    history = [{"period": "2026-09", "deviations": 105, "by_owner": owners, "by_rule": {}}]
    html = render_report_html(run, "en", history=history)
    assert "<title>other 2026-09: 15</title>" in html  # owners 1..5 together (9 colours kept)
    assert "Owner 05 2026-09: 5<" not in html and "<title>Owner 14 2026-09: 14</title>" in html


def test_tracking_shown_in_the_deviation_list(run: AuditRun) -> None:
    import dataclasses

    run.deviations[1] = dataclasses.replace(run.deviations[1], first_seen="2026-08",
                                            months_open=3, escalated=True,
                                            owner_state="acknowledged", owner_note="Bea")
    html = render_report_html(run, "en")
    row = html[html.index(f'<tr id="{run.deviations[1].deviation_id}">'):]
    row = row[: row.index("</tr>")]
    assert "Open since 2026-08 (3 mo.)" in row
    assert '<span class="flag">Escalated</span>' in row
    assert '<span class="state" title="Bea">Acknowledged by the owner</span>' in row
    assert '<div class="value">1</div><div class="name">Escalated</div>' in html


def test_deviations_show_the_rules_title_and_figures_in_the_language(run: AuditRun) -> None:
    from dataclasses import replace

    first = replace(run.deviations[0], rule_title="Afgesproken prijzen", expected="1234.50",
                    actual="1% per working_day")
    html = render_report_html(replace(run, deviations=(first, *run.deviations[1:])), "nl")
    row = html.split(f'<tr id="{first.deviation_id}">', 1)[1].split("</tr>", 1)[0]
    assert "Afgesproken prijzen" in row and f">{first.rule_id}<" not in row
    assert "1.234,50" in row and "per werkdag" in row and "working_day" not in row


def test_an_owed_amount_shows_no_minus_sign_and_says_which_way(run: AuditRun) -> None:
    """The deviation list's 'Bedrag op het spel': € 665,25 with 'Terug aan klanten' under it,
    never '€ -665,25' (a double negative beside the direction)."""
    owed = [d for d in run.deviations if d.impact_eur is not None and d.impact_eur < 0]
    assert owed
    for lang, word in (("nl", "Terug aan klanten"), ("en", "Owed to customers")):
        html = render_report_html(run, lang)
        rows = html.split('data-field="amount"')[1:]
        assert not [r for r in rows if "-€" in r.split("</td>")[0] or "€ -" in r.split("</td>")[0]]
        assert any(word in r.split("</td>")[0] for r in rows)
