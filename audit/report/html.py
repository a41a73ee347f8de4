"""report.html: the controller's self-contained summary of one audit run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from audit.core.i18n import format_date, format_eur, label, label_value, template_helpers
from audit.core.summary import age_text, is_open, severity_order, totals, totals_by
from audit.errors import Location, Problem
from audit.models import AuditRun
from audit.report.charts import rank, stacked_bars

TEMPLATES = Path(__file__).parent / "templates"


def template_env(folder: Path = TEMPLATES) -> jinja2.Environment:
    """A jinja2 environment that escapes everything: contract text is untrusted."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class ProblemRow:
    """A problem as the report shows it: file, where in the file, what."""

    file: str
    where: str
    message: str
    stage: str
    severity: str


def _where(location: Location | None, lang: str) -> str:
    if location is None:
        return ""
    parts = [
        f"{label(lang, name)} {value}"
        for name, value in (
            ("line", location.line),
            ("page", location.page),
            ("row", location.row),
            ("column", location.column),
            ("key", location.key),
        )
        if value is not None
    ]
    return ", ".join(parts)


def problem_rows(problems: Sequence[Problem], lang: str) -> list[ProblemRow]:
    """Problems as rows, errors first, then by file."""
    rows = [
        ProblemRow(
            file=p.location.file if p.location else "",
            where=_where(p.location, lang),
            message=p.text(lang),
            stage=p.stage,
            severity=label_value(lang, p.severity),
        )
        for p in problems
    ]
    return sorted(rows, key=lambda r: (r.severity != label_value(lang, "error"), r.file))


def _as_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None


def _amount(value: Decimal | None) -> Decimal | None:
    """Owed money as an amount: its label says which way, a minus would say it twice."""
    return None if value is None else abs(value)


def _groups(entry: Any) -> dict[str, dict[str, Any]]:
    """{'Credit control': {'deviations': 2, 'at_stake': 10}} -> per name, one figure."""
    return dict(entry) if isinstance(entry, dict) else {}


def _current_trend(run: AuditRun, lang: str) -> dict[str, Any]:
    """This run's trend row, as the store's history gives it for earlier runs."""
    now = totals(run.deviations)
    no_owner = label(lang, "no_owner")

    def grouped(key: Any) -> dict[str, dict[str, Any]]:
        return {t.key: {"deviations": t.count, "at_stake": t.at_stake}
                for t in totals_by(run.deviations, key)}

    return {"period": run.period.label, "deviations": now.count, "impact": now.net,
            "forgone": now.forgone, "owed": now.owed,
            "by_owner": grouped(lambda d: d.owner or no_owner),
            "by_rule": grouped(lambda d: d.rule_id)}


def trend_rows(run: AuditRun, history: Sequence[dict[str, Any]],
               lang: str = "en") -> list[dict[str, Any]]:
    """Earlier runs (period, open deviations, money, per owner and rule) plus this run."""
    rows = [
        {
            "period": str(h.get("period", "")),
            "deviations": h.get("deviations", ""),
            "impact": _as_decimal(h.get("impact")),
            "forgone": _as_decimal(h.get("forgone")),
            "owed": _amount(_as_decimal(h.get("owed"))),  # runs before 0005 stored it < 0
            "by_owner": _groups(h.get("by_owner")),
            "by_rule": _groups(h.get("by_rule")),
        }
        for h in history
        if str(h.get("period", "")) != run.period.label
    ]
    rows.append(_current_trend(run, lang))
    return sorted(rows, key=lambda r: r["period"])


def _series(rows: Sequence[dict[str, Any]], group: str, figure: str) -> dict[str, list[float]]:
    """Per owner (or rule) one value per period, 0 where it had none."""
    names = sorted({name for r in rows for name in r[group]})
    return {name: [float(r[group].get(name, {}).get(figure, 0) or 0) for r in rows]
            for name in names}


def _titled(series: dict[str, list[float]], titles: dict[str, str]) -> dict[str, list[float]]:
    """Series named by title (two ids with one title are one series)."""
    out: dict[str, list[float]] = {}
    for name, values in series.items():
        title = titles.get(name, name)
        out[title] = [a + b for a, b in zip(out[title], values, strict=True)] \
            if title in out else values
    return out


def trend_charts(rows: Sequence[dict[str, Any]], lang: str,
                 titles: dict[str, str] | None = None) -> list[tuple[str, Markup]]:
    """Four stacked bar charts: open deviations and money at stake, per owner and per rule (a
    rule by its title in `titles`, the run's language; its id when it has none)."""
    titles = titles or {}
    periods = [r["period"] for r in rows]
    other = "overig" if lang == "nl" else "other"
    charts = []
    for group, count_key, money_key in (("by_owner", "trend_deviations_owner", "trend_money_owner"),
                                        ("by_rule", "trend_deviations_rule", "trend_money_rule")):
        named = titles if group == "by_rule" else {}
        counts = _titled(_series(rows, group, "deviations"), named)
        order = rank(counts)  # the same colour for an owner (or rule) in both charts
        for key, series, money in ((count_key, counts, False),
                                   (money_key, _titled(_series(rows, group, "at_stake"), named),
                                    True)):
            chart = stacked_bars(label(lang, key), periods, series, money, lang, other, order)
            charts.append((label(lang, key), chart))
    return charts


def coverage_rows(rows: Sequence[dict[str, Any]], lang: str,
                  titles: dict[str, str]) -> list[dict[str, Any]]:
    """The contracts table's rows for a person of `lang`: agreements per rule by title, the
    longest clause's place as 'pagina 1, preambule' (rows of older runs as they were kept)."""
    out = []
    for row in rows:
        row = dict(row)
        if "agreements_per_rule" in row:
            row["per_rule"] = ", ".join(f"{titles.get(rule, rule)} {n}"
                                        for rule, n in row["agreements_per_rule"].items())
        if row.get("longest_page") is not None:
            article = str(row.get("longest_article") or "")
            article = label(lang, "preamble") if article == "preamble" else article
            row["longest_at"] = f"{label(lang, 'page')} {row['longest_page']} {article}".strip()
        out.append(row)
    return out


def _rule_titles(run: AuditRun) -> dict[str, str]:
    """Rule id -> title in the run's language: all loaded rules (earlier runs' deviations too),
    over them this run's deviations' own."""
    titles = dict(run.stats.rule_titles)
    titles.update({d.rule_id: d.rule_title for d in run.deviations if d.rule_title})
    return titles


def _headline(run: AuditRun, lang: str) -> list[tuple[str, str]]:
    overall = totals(run.deviations)
    contracts = run.stats.contracts

    def count(test: Any) -> str:
        return str(sum(1 for d in run.deviations if test(d)))

    return [
        (label(lang, "customers_audited"), str(len(run.customers))),
        *([(label(lang, "contracts_read"), str(contracts))] if contracts is not None else []),
        (label(lang, "agreements_read"), str(len(run.terms))),
        (label(lang, "deviations_open"), str(overall.count)),
        (label(lang, "deviations_new"), count(lambda d: d.status in ("new", "reopened"))),
        (label(lang, "deviations_resolved"), count(lambda d: d.status == "resolved")),
        (label(lang, "deviations_escalated"), count(lambda d: is_open(d) and d.escalated)),
        (label(lang, "deviations_suppressed"),
         count(lambda d: d.status != "resolved" and d.owner_state == "suppressed")),
        (label(lang, "money_forgone"), format_eur(overall.forgone, lang)),
        (label(lang, "money_owed"), format_eur(overall.owed, lang)),
    ]


def _groupings(run: AuditRun, lang: str) -> dict[str, Any]:
    no_owner = label(lang, "no_owner")
    names = {d.customer_id: d.customer_name for d in run.deviations if d.customer_name}
    names.update({c.customer_id: c.name for c in run.customers})
    by_customer = totals_by(run.deviations, lambda d: d.customer_id)
    return {
        "by_owner": totals_by(run.deviations, lambda d: d.owner or no_owner),
        "by_rule": totals_by(run.deviations, lambda d: d.rule_title or d.rule_id),
        "by_kind": totals_by(run.deviations, lambda d: label_value(lang, d.kind)),
        "by_customer": by_customer,
        "customer_totals": {t.key: t for t in by_customer},
        "customer_names": names,
    }


def report_context(
    run: AuditRun, lang: str, history: Sequence[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Everything the report template shows, computed once, formatted per language."""
    period = run.period
    trend = trend_rows(run, history, lang) if history else None
    return {
        "lang": lang,
        "title": label(lang, "report_title").format(period=period.label),
        "intro": label(lang, "report_intro").format(
            start=format_date(period.start, lang),
            end=format_date(period.end, lang),
            lookback=format_date(period.lookback_start, lang),
        ),
        "headline": _headline(run, lang),
        **_groupings(run, lang),
        "customers": sorted(run.customers, key=lambda c: (c.rank, c.customer_id)),
        "deviations": sorted(run.deviations, key=severity_order),
        "problems": problem_rows(run.problems, lang),
        # per document: how well it was read
        "coverage": coverage_rows(run.stats.coverage, lang, _rule_titles(run)),
        "trend": trend,
        "charts": trend_charts(trend, lang, _rule_titles(run)) if trend else [],
        **template_helpers(lang),
        "age": lambda d: age_text(d, period.label, lang),
    }


def render_report_html(
    run: AuditRun, lang: str, history: Sequence[dict[str, Any]] | None = None
) -> str:
    """The report as one HTML string (inline CSS, no external resources)."""
    template = template_env().get_template("report.html.j2")
    return template.render(report_context(run, lang, history))


def write_report_html(
    run: AuditRun, path: Path | str, lang: str, history: Sequence[dict[str, Any]] | None = None
) -> Path:
    """Write report.html (UTF-8) for the controller; a trend table when `history` has runs."""
    path = Path(path)
    path.write_text(render_report_html(run, lang, history), encoding="utf-8")
    return path
