"""Problems by code, in the configured language: the catalogue (audit/core/message_texts.py) has an
English and a Dutch text for every code audit/ uses, with the same placeholders; no problem is
made from a bare English string; a problem and its location read in the language."""

from __future__ import annotations

import ast
import html
import re
import string
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from audit.core.message_texts import MESSAGES
from audit.core.messages import Msg, dump_params, load_params, msg, render
from audit.errors import ErpDataError, Location, Problem

AUDIT = Path(__file__).resolve().parents[2] / "audit"
CODE = re.compile(r"^(erp|contracts|checks|owners|notify|store|rules|text|send)\.[a-z0-9_]+$")


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(AUDIT.rglob("*.py"))
            if p.name != "message_texts.py"]


def _codes_used() -> dict[str, str]:
    """Every string in audit/ that has the shape of a message code, with where it is."""
    found: dict[str, str] = {}
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    CODE.match(node.value):
                found.setdefault(node.value, f"{path.relative_to(AUDIT.parent)}:{node.lineno}")
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_used_in_audit_has_an_english_and_a_dutch_text() -> None:
    used = _codes_used()
    assert len(used) > 100  # the scan sees the call sites
    missing = {code: where for code, where in used.items()
               if set(MESSAGES.get(code, {})) != {"en", "nl"}}
    assert missing == {}


def test_every_text_in_the_catalogue_is_used_and_says_the_same_in_both_languages() -> None:
    used = _codes_used()
    assert sorted(set(MESSAGES) - set(used)) == []  # a dead text is a sign of a lost call site
    for code, texts in MESSAGES.items():
        assert _fields(texts["en"]) == _fields(texts["nl"]), code
    same = sorted(c for c, t in MESSAGES.items() if t["en"] == t["nl"])
    assert same == SAME_IN_BOTH  # only joins and words Dutch shares: the rest is translated


SAME_IN_BOTH = ["erp.hint_close_names", "erp.in_datasets", "erp.order", "notify.step_failed",
                "text.semicolon"]


def test_no_problem_is_made_from_a_bare_english_text() -> None:
    """Problem(stage, message, ...) skips the catalogue: only Problem.of / from_error, and the
    cache that rebuilds a stored problem with its code, make one."""
    bare = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id == "Problem" and path.name not in {"errors.py", "cache.py"}:
                bare.append(f"{path.relative_to(AUDIT.parent)}:{node.lineno}")
    assert bare == []


def test_a_problem_reads_in_dutch_and_keeps_its_english_text() -> None:
    problem = Problem.of("erp", "erp.bad_value", Location("orders.csv", row=5, column="Aantal"),
                         value="12O", expected=msg("erp.expected_decimal"), hint="")
    assert str(problem) == ("orders.csv, row 5, column 'Aantal': '12O' is not a number; the row "
                            "is left out of the checks")
    assert problem.render("nl") == ("orders.csv, rij 5, kolom 'Aantal': '12O' is geen getal; de "
                                    "rij blijft buiten de controles")
    assert problem.code == "erp.bad_value"


def test_a_location_reads_in_the_language() -> None:
    where = Location("contract.pdf", page=3, row=5, column="Aantal", key="owners", line=7)
    assert str(where) == "contract.pdf:7, page 3, row 5, column 'Aantal', key 'owners'"
    assert where.render("en") == str(where)
    assert where.render("nl") == "contract.pdf:7, pagina 3, rij 5, kolom 'Aantal', sleutel 'owners'"


def test_an_error_inside_a_problem_reads_in_the_same_language() -> None:
    error = ErpDataError.of("erp.file_empty", Location("lev.csv"), size=0)
    assert error.message == "the file is empty (0 bytes): export it again"
    problem = Problem.of("erp", "erp.dataset_unusable", error.location, reason=error.msg(),
                         datasets="'deliveries'")
    assert problem.render("nl") == ("lev.csv: het bestand is leeg (0 bytes): exporteer het "
                                    "opnieuw; de controles die 'deliveries' nodig hebben vervallen")


def test_figures_in_a_message_are_written_for_the_language() -> None:
    text = Msg("erp.export_too_big", (("size", Decimal(1234)), ("limit", 500),
                                      ("datasets", "'invoices'")))
    assert "1.234 MB" in text.render("nl") and "1,234 MB" in text.render("en")
    day = render("contracts.unread_change", {"rule": "payment_term", "day": date(2026, 4, 1),
                                             "file": "a.pdf", "article": "4"}, "nl")
    assert "vanaf 01-04-2026" in day


def test_parameters_survive_the_json_of_the_cache() -> None:
    params = (("why", msg("contracts.ocr_off")), ("n", 3), ("day", date(2026, 1, 2)),
              ("amount", Decimal("1.50")), ("lost", (msg("contracts.fewer", rule="r", n=1),)))
    assert load_params(dump_params(params)) == params


def test_an_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no text for message 'erp.nope' in language 'nl'"):
        render("erp.nope", {}, "nl")


def _english_fragments() -> list[str]:
    """The literal parts of every English text long enough to be telling (not shared by nl)."""
    parts = []
    for texts in MESSAGES.values():
        for literal, *_ in string.Formatter().parse(texts["en"]):
            if len(literal.strip(" ;:()'")) >= 14 and literal not in texts["nl"]:
                parts.append(literal.strip(" ;:()'"))
    return parts


def test_a_dutch_run_prints_and_reports_its_problems_in_dutch(warm_sample_config, tmp_path):
    """The sample audit (language: nl) with damaged, encrypted and scanned PDFs and without an
    invoices export: every problem line on the console and in the report reads in Dutch."""
    import shutil

    import yaml
    from typer.testing import CliRunner

    from audit.cli import app

    root = AUDIT.parent
    contracts = tmp_path / "contracts"
    shutil.copytree(root / "contracts_sample", contracts)
    for name in ("truncated.pdf", "encrypted.pdf", "scanned-noise.pdf"):
        shutil.copy(root / "tests" / "fixtures" / name, contracts / name)
    config = warm_sample_config(contracts_dir=str(contracts))
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    del data["erp"]["datasets"]["invoices"]
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--period", "2026-10",
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()
             if line.strip().startswith(("fout: ", "waarschuwing: "))]
    assert len(lines) >= 8, result.output  # PDFs, rows, the missing invoices, skipped checks
    report = (tmp_path / "output" / "2026-10" / "report.html").read_text(encoding="utf-8")
    problems = report.split("<h2>Problemen</h2>")[1]
    english = _english_fragments()
    assert len(english) > 100
    for text in [*lines, problems]:
        said = html.unescape(" ".join(text.split()))
        assert [e for e in english if e in said] == [], said[:300]
    assert any("de PDF is beschadigd of geen PDF" in line for line in lines)
    assert any("rij 13042, kolom 'Aantal': '12O' is geen getal" in line for line in lines)
