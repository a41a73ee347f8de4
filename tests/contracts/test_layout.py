"""Layout cases, each on a real PDF made for it: two columns, a table over a page break,
hyphenation, numbered articles in their variants."""

from pathlib import Path

from audit.contracts.clauses import join_lines, split_clauses
from audit.contracts.reader import read_pdf
from audit.models import ContractDoc, Page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def clauses(name: str):
    doc, problems = read_pdf(FIXTURES / name)
    assert problems == []
    return split_clauses(doc)


def test_two_columns_are_read_column_by_column():
    got = {c.article: c.text for c in clauses("two-column.pdf")}
    assert got["4.1"] == "Leverancier levert binnen vijf (5) werkdagen na orderdatum."
    assert got["5.1"] == "Betaling geschiedt binnen dertig (30) dagen na factuurdatum."
    assert got["4.2"] == "Het risico gaat over bij aflevering."


def test_table_continuing_on_the_next_page_keeps_its_header_and_each_rows_page():
    first, rest = clauses("table-over-page-break.pdf")
    header = ("Artikelnummer", "Omschrijving", "Prijs per stuk")
    assert (first.article, first.page, rest.article, rest.page) == (
        first.article, 1, first.article, 2)  # the same annex, cited on the page of its rows
    assert first.tables[0].rows[0] == rest.tables[0].rows[0] == header
    rows = first.tables[0].rows[1:] + rest.tables[0].rows[1:]
    assert len(rows) == 24 and len(set(rows)) == 24  # all 24 items, once
    assert rows[-1] == ("A-123", "Artikel 23", "EUR 33,50")


def test_hyphenation_is_undone_but_compounds_keep_their_hyphen():
    [clause] = clauses("hyphenated.pdf")
    assert clause.text == ("Leverancier verzorgt de leveringen binnen drie (3) werkdagen na "
                           "orderdatum via de ICT-leverancier van Afnemer.")
    assert join_lines(["Prijs per stuk-", "prijs"]) == "Prijs per stukprijs"


def test_article_numbering_variants():
    text = "\n".join(["Artikel IV – Levering", "4.1 Levering binnen 5 werkdagen.",
                      "4.1.a Spoedleveringen binnen 1 werkdag.", "Article 5.1 Payment within "
                      "30 days.", "Bijlage 1 – Prijzen", "12.50 per stuk is geen artikel."])
    doc = ContractDoc(path=Path("x.pdf"), sha256="", pages=(Page(1, text),))
    got = [(c.article, c.heading, c.text) for c in split_clauses(doc)]
    assert got == [
        ("4.1", "Levering", "Levering binnen 5 werkdagen."),
        ("4.1.a", "Levering", "Spoedleveringen binnen 1 werkdag."),
        ("5.1", "", "Payment within 30 days."),
        ("Bijlage 1", "Prijzen", "12.50 per stuk is geen artikel."),
    ]
