"""Inline SVG charts for report.html: stacked bars per period, no script, no network."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from markupsafe import Markup

from audit.core.i18n import format_eur

PALETTE = ("#2f6fb0", "#e07b39", "#3a9d5d", "#c8443c", "#8a63b8", "#8c6d3f", "#d16ba5",
           "#6b7c8f", "#b5a82e", "#2aa4b5")
MAX_SERIES = len(PALETTE) - 1  # the rest is folded into one 'other' series
WIDTH, PLOT_HEIGHT, LEFT, TOP, BOTTOM = 640, 200, 84, 12, 28
LEGEND_ROW = 18


def nice_step(value: float, whole: bool) -> float:
    """A round tick step at or above value: 1, 2, 2.5, 5 or 10 times a power of ten (no 2.5
    when the ticks count things)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(s * power for s in steps if s * power >= value)
    return max(step, 1.0) if whole else step


def rank(series: dict[str, list[float]]) -> list[str]:
    """Series names, the largest (by their sum) first."""
    return sorted(series, key=lambda name: (-sum(series[name]), name))


def fold_series(series: dict[str, list[float]], other: str,
                order: Sequence[str] | None = None) -> dict[str, list[float]]:
    """The first series in `order` (default: the largest) kept, the rest added up as `other`."""
    ranked = [n for n in order if n in series] if order is not None else rank(series)
    ranked += [n for n in rank(series) if n not in ranked]
    if len(ranked) <= MAX_SERIES + 1:
        return {name: series[name] for name in ranked}
    kept = {name: series[name] for name in ranked[:MAX_SERIES]}
    rest = [series[name] for name in ranked[MAX_SERIES:]]
    kept[other] = [sum(values) for values in zip(*rest, strict=True)]
    return kept


def _axis_label(value: float, money: bool, lang: str) -> str:
    if not money:
        return f"{value:g}"
    text = format_eur(Decimal(round(value)), lang)
    return text[:-3]  # whole euros: drop ',00' / '.00'


def _grid(top: float, money: bool, lang: str) -> list[str]:
    parts = []
    for i in range(5):
        value = top * i / 4
        y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - 8}" y2="{y:.1f}" '
                     f'stroke="#e3e8ee"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
                     f'fill="#5b6877">{escape(_axis_label(value, money, lang))}</text>')
    return parts


def _bars(periods: Sequence[str], series: dict[str, list[float]], top: float,
          money: bool, lang: str) -> list[str]:
    slot = (WIDTH - 8 - LEFT) / max(len(periods), 1)
    bar = min(slot * 0.6, 70)
    parts = []
    for i, period in enumerate(periods):
        x = LEFT + slot * i + (slot - bar) / 2
        base = TOP + PLOT_HEIGHT
        for colour, (name, values) in zip(PALETTE, series.items(), strict=False):
            height = PLOT_HEIGHT * values[i] / top
            if height <= 0:
                continue
            base -= height
            tip = f"{name} {period}: {_axis_label(values[i], money, lang)}"
            parts.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" '
                         f'height="{height:.1f}" fill="{colour}"><title>{escape(tip)}</title>'
                         "</rect>")
        total = sum(values[i] for values in series.values())
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{base - 4:.1f}" text-anchor="middle" '
                     f'font-size="11" fill="#1d2733">{escape(_axis_label(total, money, lang))}'
                     "</text>")
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{TOP + PLOT_HEIGHT + 18}" '
                     f'text-anchor="middle" font-size="12" fill="#1d2733">{escape(period)}</text>')
    return parts


def _legend(names: Sequence[str], y: float) -> tuple[list[str], float]:
    """Coloured squares with the series names, wrapped over rows; and the last row's y."""
    parts, x = [], LEFT
    for colour, name in zip(PALETTE, names, strict=False):
        width = 24 + 7 * len(name)
        if x + width > WIDTH and x > LEFT:
            x, y = LEFT, y + LEGEND_ROW
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y}" font-size="12" fill="#1d2733">'
                     f"{escape(name)}</text>")
        x += width
    return parts, y


def stacked_bars(title: str, periods: Sequence[str], series: dict[str, list[float]],
                 money: bool, lang: str, other: str = "other",
                 order: Sequence[str] | None = None) -> Markup:
    """A stacked bar per period (one colour per series, legend below) as inline SVG; `order`
    gives the series their colours, so two charts of the same groups match."""
    series = fold_series(series, other, order)
    highest = max((sum(v[i] for v in series.values()) for i in range(len(periods))), default=0.0)
    top = 4 * nice_step(highest * 1.08 / 4, whole=not money)
    legend, last_row = _legend(list(series), TOP + PLOT_HEIGHT + BOTTOM + 14)
    height = int(last_row) + 8
    body = _grid(top, money, lang) + _bars(periods, series, top, money, lang) + legend
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(title)}" font-family="Arial, Helvetica, sans-serif">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )
