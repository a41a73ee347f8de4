"""A note marked with an asterisk under the signatures is contract text, not the signature block.

The PDF is made here (Times, a Dutch order form unlike the data sets).
"""

from __future__ import annotations

from audit.contracts.clauses import split_clauses
from tests.contracts.pdfmaker import Ln, make_pdf, read


def clauses(path):
    return [(c.article, c.boilerplate, c.text) for c in split_clauses(read(path))]


def test_an_asterisk_note_beside_or_under_the_signature_rule_is_contract_text(tmp_path):
    pdf = make_pdf(tmp_path / "bestelformulier.pdf", [[
        Ln("Bestelformulier tegels", style="B", size=14),
        Ln("1. Prijzen", style="B", gap=5),
        Ln("Wandtegel wit 20x20: EUR 14,50 per m2*"),
        Ln("2. Ondertekening", style="B", gap=5),
        Ln("Voor akkoord, Tegelhandel Oost B.V."),
        Ln("______________________________  *Afname minimaal 40 m2 per order", gap=8),
        Ln("______________________________"),
        Ln("** Prijzen exclusief btw"),
    ]])
    got = clauses(pdf)
    notes = [(b, t) for a, b, t in got if a == "note"]
    assert notes == [(False, "*Afname minimaal 40 m2 per order"), (False, "** Prijzen exclusief btw")]
    # the signature rules themselves stay boilerplate, without the notes' text
    signature = [t for a, b, t in got if b and "____" in t]
    assert signature and not any("Afname" in t or "btw" in t for t in signature)


def test_a_signature_line_without_a_note_is_left_as_it_was(tmp_path):
    pdf = make_pdf(tmp_path / "zonder.pdf", [[
        Ln("Overeenkomst", style="B", size=14),
        Ln("1. Levering", style="B", gap=5),
        Ln("Levering binnen vijf werkdagen."),
        Ln("______________________________  J. de Vries", gap=8),
    ]])
    assert not any(a == "note" for a, _, _ in clauses(pdf))
