"""A table stays with the paragraph it follows when a long clause is cut into paragraphs (it
went to the clause's last paragraph), on a PDF made for it: one unnumbered heading over a
page of paragraphs, a small ruled table under the second one."""

from pathlib import Path

from audit.contracts.clauses import split_clauses
from tests.contracts.pdfmaker import Ln, make_pdf, read

FILLER = [
    "The Grower keeps the orchards in good heart and reports any blight to the Packer at once.",
    "Fruit is picked by hand, cooled within six hours and kept apart per orchard and per day.",
    "The Packer may visit the orchards during the season with two days of warning beforehand.",
    "Crates remain the property of the Packer and are returned clean at the end of each week.",
    "Disputes about grading go to the regional fruit board, whose finding binds both parties.",
]


def test_a_table_goes_to_the_paragraph_it_follows(tmp_path: Path):
    body: list = [Ln("GROWING AND PACKING OF PEARS", style="B", size=12, gap=2),
                  Ln("The Grower plants and tends the pear orchards named in the list below.", gap=4),
                  Ln("The Grower delivers to the Packer the following harvest quantities:", gap=4),
                  ("table", [("Variety", "Tonnes per season"), ("Conference", "40"),
                             ("Doyenne", "25")], (60, 60))]
    for k in range(4):
        body.append(Ln(FILLER[k % len(FILLER)], gap=4))
        body += [Ln(FILLER[(k + j) % len(FILLER)]) for j in range(1, 5)]
    clauses = split_clauses(read(make_pdf(tmp_path / "pears.pdf", [body])))
    assert len(clauses) > 2, [c.text[:40] for c in clauses]
    holding = [c for c in clauses if c.tables]
    assert len(holding) == 1
    assert holding[0].text.endswith("the following harvest quantities:"), holding[0].text
    assert holding[0].tables[0].rows[1] == ("Conference", "40")
