"""Amendments of every common form: what they are, from when, what they change; each on a PDF
made for it (A5 and letter pages, Courier and Times, a date in a table or the last paragraph)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from fpdf import FPDF

from audit.contracts.amendments import articles, change_of, mark_replacements
from audit.contracts.dated import date_order, document_date, signing_date, stated_date
from audit.contracts.linking import describe
from audit.contracts.reader import read_pdf
from audit.models import Clause, ContractDoc, Page, Term, TermValue
from audit.rules.validity import apply_validity


def make_pdf(path: Path, lines: list[str], table: list[tuple[str, str]] | None = None,
             fmt: str | tuple[float, float] = (148, 210), font: str = "courier") -> Path:
    """A one-page PDF: a bold first line, then the lines; the table after the second line."""
    pdf = FPDF(format=fmt)
    pdf.add_page()
    pdf.set_font(font, "B", 12)
    pdf.multi_cell(0, 6, lines[0], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 9)
    for n, line in enumerate(lines[1:], 1):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        if n == 1 and table:
            pdf.ln(2)
            with pdf.table(col_widths=(40, 60), first_row_as_headings=False) as grid:
                for row in table:
                    cells = grid.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(2)
    pdf.output(str(path))
    return path


def described(path: Path, lang: str = "nl") -> ContractDoc:
    doc, problems = read_pdf(path)
    assert doc is not None, problems
    return describe(ContractDoc(doc.path, doc.sha256, doc.pages, language=lang), "99999999")


def test_wijzigingsovereenkomst_with_its_date_in_a_table(tmp_path):
    path = make_pdf(tmp_path / "wijziging.pdf", [
        "TWEEDE WIJZIGINGSOVEREENKOMST",
        "op de Dienstverleningsovereenkomst DV/2022/311 van 4 april 2022",
        "Partijen komen het volgende overeen.",
        "1. Artikel 6.3 van de Dienstverleningsovereenkomst komt te vervallen.",
        "Opgemaakt te Breda op 2 juni 2026.",
    ], table=[("Ingangsdatum", "01/07/2026"), ("Kenmerk", "DV/2022/311-W2")])
    doc = described(path)
    assert (doc.kind, doc.title) == ("amendment", "TWEEDE WIJZIGINGSOVEREENKOMST")
    assert (doc.effective_date, doc.date_basis) == (date(2026, 7, 1), "stated")
    assert "DV2022311" in doc.references


def test_letter_agreement_dated_in_its_last_paragraph(tmp_path):
    path = make_pdf(tmp_path / "letter.pdf", [
        "HOLMBERG INDUSTRIAL SUPPLIES LTD",
        "Unit 4, Ferry Lane, Harwich",
        "Re: Letter agreement on freight under contract HB-19-0456",
        "Dear Ms Okafor,",
        "Further to our meeting of 3 August 2026 we confirm that carriage is free on orders of "
        "EUR 400 or more, by way of derogation from clause 9.2 of the contract.",
        "This letter agreement applies with effect from 1st September 2026.",
    ], fmt="letter", font="times")
    doc = described(path, "en")
    assert doc.kind == "amendment"
    assert doc.title == "Re: Letter agreement on freight under contract HB-19-0456"
    assert (doc.effective_date, doc.date_basis) == (date(2026, 9, 1), "stated")


def test_an_addendum_without_a_stated_date_applies_from_its_signing(tmp_path):
    path = make_pdf(tmp_path / "addendum.pdf", [
        "Addendum 1",
        "bij raamovereenkomst RO-7730 tussen Kwekerij Sterrenburg en Van Dijk",
        "De levertijd bedraagt voortaan vier werkdagen in plaats van vijf werkdagen.",
        "Aldus ondertekend te Utrecht, 14-05-2026.",
    ])
    doc = described(path)
    assert (doc.kind, doc.effective_date, doc.date_basis) == ("amendment", date(2026, 5, 14),
                                                              "signed")


def test_a_base_contract_is_not_an_amendment_and_one_clause_does_not_date_it(tmp_path):
    path = make_pdf(tmp_path / "base.pdf", [
        "Leveringscontract LC-88/2025",
        "(zoals gewijzigd bij addendum 1 van 3 maart 2025)",
        "1. Met ingang van 1 januari 2026 neemt de afnemer per kwartaal 500 stuks af.",
        "2. Deze overeenkomst treedt in werking op 1 februari 2025.",
    ])
    doc = described(path)
    assert doc.kind == "contract"
    assert (doc.effective_date, doc.date_basis) == (date(2025, 2, 1), "stated")


def test_english_title_page_dated_as_of():
    page = Page(1, "MASTER SUPPLY AGREEMENT\nThis Agreement is dated as of March 27, 2019 by and "
                   "between Orbis Components Inc. and Supplier.")
    assert document_date((page,), "en", amendment=False).day == date(2019, 3, 27)


@pytest.mark.parametrize(("text", "lang", "order"), [
    ("Signed on 01/03/2026.", "nl", "dmy"),  # Dutch: day first
    ("Signed on 01/03/2026.", "en", "dmy"),  # English, nothing says US: day first
    ("Signed on 01/03/2026 and delivered 03/15/2026.", "en", "mdy"),  # a day over 12
    ("Signed on 01/03/2026 and delivered 15/03/2026.", "en", "dmy"),
    ("Signed on 01/03/2026; dated March 2, 2026 and April 9, 2026.", "en", "mdy"),  # US words
    ("Signed on 01/03/2026; dated March 2, 2026 and April 9, 2026.", "nl", "dmy"),
])
def test_slash_dates_are_read_in_the_documents_order(text, lang, order):
    assert date_order(text, lang) == order
    day = date(2026, 1, 3) if order == "mdy" else date(2026, 3, 1)
    assert signing_date(text, order) == day


@pytest.mark.parametrize(("text", "day"), [
    ("Per 1 april 2026 wordt de prijs verhoogd.", date(2026, 4, 1)),
    ("With effect from 1 March 2026, clause 3 is replaced.", date(2026, 3, 1)),
    ("Effective as of the 1st March 2026 the rebate is deleted.", date(2026, 3, 1)),
    ("Vanaf 15 juni 2026 geldt een franco-grens van EUR 300.", date(2026, 6, 15)),
    ("Ingangsdatum: 2026-10-01", date(2026, 10, 1)),
    ("The price applies from the date of signing, 1 May 2026.", None),  # not right after
    ("Franco vanaf EUR 600 orderwaarde.", None),
])
def test_effective_phrases_of_an_amendment(text, day):
    assert stated_date(text, "dmy", amendment=True) == day


def test_weak_phrases_do_not_date_a_base_contract():
    assert stated_date("Prijzen worden per 1 juli 2026 geindexeerd.", "dmy", False) is None


@pytest.mark.parametrize(("text", "change", "refs"), [
    ("Artikel 4.2 wordt vervangen door: levering binnen 2 werkdagen.", "replace", ("4.2",)),
    ("Clause 4.1 is deleted and replaced by the following.", "replace", ("4.1",)),
    ("Section 3(b) is hereby deleted.", "delete", ("3(b)",)),
    ("Artikelen 6.1 en 6.3 komen te vervallen.", "delete", ("6.1", "6.3")),
    ("In afwijking van punt 7 geldt franco levering vanaf EUR 600.", "replace", ("7",)),
    ("Wij bevestigen de volgende aanvulling: in afwijking van punt 7 geldt franco levering.",
     "replace", ("7",)),  # a letter calling itself an 'aanvulling' still derogates
    ("Notwithstanding § 5, the buyer pays within 45 days.", "replace", ("5",)),
    ("Aan artikel 8 wordt een lid 8.4 toegevoegd.", "add", ("8", "8.4")),
    ("De levertijd is twee werkdagen.", "", ()),
    ("Alle overige bepalingen blijven ongewijzigd.", "", ()),
])
def test_what_an_amendment_sentence_changes(text, change, refs):
    assert change_of(text) == change
    assert articles(text) == refs


def test_only_the_sentences_that_change_an_article_name_it(tmp_path):
    doc = ContractDoc(Path("a.pdf"), "", (Page(1, "x"),), kind="amendment")
    text = ("Clause 4.2 of the Contract (as amended by Amendment No. 1) is replaced by: "
            "\"Deliveries go to the new stores.\" Clause 9 continues to apply. "
            "New clause 4.5 is added: the buyer may collect goods.")
    [clause] = mark_replacements([Clause(doc, "1", "", text, 1)])
    assert (clause.change, clause.replaces) == ("replace", ("4.2",))
    base = ContractDoc(Path("b.pdf"), "", (Page(1, "x"),))
    assert mark_replacements([Clause(base, "1", "", text, 1)])[0].change == ""


# --- validity: which later document ends which term ----------------------------------------

BASE = ContractDoc(Path("base.pdf"), "", (), customer_id="K7")
OTHER_BASE = ContractDoc(Path("other-base.pdf"), "", (), customer_id="K7")
AMENDMENT = ContractDoc(Path("addendum.pdf"), "", (), customer_id="K7", kind="amendment",
                        effective_date=date(2026, 4, 1), amends="base.pdf")


def term(doc: ContractDoc, rule: str, article: str, *values: tuple[str, object],
         change: str = "", replaces: tuple[str, ...] = (), subject: str = "") -> Term:
    clause = Clause(doc, article, "", "", 1, change=change, replaces=replaces)
    return Term("K7", rule, tuple(TermValue(p, v) for p, v in values), clause, 0.8, subject)


def validity(terms: list[Term], changes: tuple[Clause, ...] = ()):
    problems: list = []
    return {(t.clause.file, t.rule_id, t.clause.article): (t.valid_from, t.valid_to)
            for t in apply_validity(terms, changes, problems)}, problems


def test_a_later_document_stating_the_rule_ends_the_earlier_term_the_day_before():
    got, problems = validity([term(BASE, "lead_time", "4.1", ("working_days", 5)),
                              term(AMENDMENT, "lead_time", "1", ("working_days", 2))])
    assert got == {("base.pdf", "lead_time", "4.1"): (None, date(2026, 3, 31)),
                   ("addendum.pdf", "lead_time", "1"): (date(2026, 4, 1), None)}
    assert problems == []


def test_an_amendment_that_adds_leaves_the_earlier_term_standing():
    got, _ = validity([term(BASE, "volume_rebate", "6", ("tiers", ())),
                       term(AMENDMENT, "volume_rebate", "2", ("tiers", ()), change="add")])
    assert got[("base.pdf", "volume_rebate", "6")] == (None, None)


def test_a_deleted_article_ends_its_terms_with_nothing_in_their_place():
    deletion = Clause(AMENDMENT, "3", "", "Artikel 6 vervalt.", 1, change="delete",
                      replaces=("6",))
    got, _ = validity([term(BASE, "volume_rebate", "6.2", ("tiers", ())),
                       term(BASE, "payment_term", "7.1", ("days", 30)),
                       term(OTHER_BASE, "volume_rebate", "6.2", ("tiers", ()))], (deletion,))
    assert got[("base.pdf", "volume_rebate", "6.2")] == (None, date(2026, 3, 31))
    assert got[("base.pdf", "payment_term", "7.1")] == (None, None)
    # the amendment names base.pdf: article 6 of another contract is not its to delete
    assert got[("other-base.pdf", "volume_rebate", "6.2")] == (None, None)


def test_a_replaced_article_ends_its_terms_of_another_rule():
    got, _ = validity([term(BASE, "free_shipping", "4(b)", ("threshold", Decimal(750))),
                       term(AMENDMENT, "delivery_instruction", "1", ("minutes", 30),
                            change="replace", replaces=("4(b)",))])
    assert got[("base.pdf", "free_shipping", "4(b)")] == (None, date(2026, 3, 31))


def test_a_later_term_whose_value_could_not_be_read_keeps_the_earlier_one_and_says_so():
    got, problems = validity([
        term(BASE, "volume_commitment", "5", ("quantity", Decimal(1000)), ("period", "year")),
        term(AMENDMENT, "volume_commitment", "2", ("foreign_amount", "USD 90,000"),
             ("readable", False))])
    assert got[("base.pdf", "volume_commitment", "5")] == (None, None)
    assert [str(p) for p in problems] == [
        "addendum.pdf, page 1, key '2': this later document states volume_commitment from "
        "2026-04-01, but its value could not be read; the earlier term (base.pdf, article 5) "
        "is kept after that date — check the clause and correct the term in the overrides file"]


def test_an_amendment_clause_with_its_own_date_starts_then():
    clause = Clause(AMENDMENT, "2", "", "", 1, effective_date=date(2026, 7, 1))
    later = Term("K7", "payment_term", (TermValue("days", 14),), clause, 0.8)
    got, _ = validity([term(BASE, "payment_term", "7.1", ("days", 30)), later])
    assert got[("base.pdf", "payment_term", "7.1")] == (None, date(2026, 6, 30))
    assert got[("addendum.pdf", "payment_term", "2")] == (date(2026, 7, 1), None)


# --- end to end: a base contract and an addendum that names only the contract reference -----

BASE_TEXT = [
    "LEVERINGSCONTRACT LC-88/2025",
    "Tussen Van Dijk Verpakkingen B.V. (KvK 17094532) en De Groot Logistiek B.V. "
    "(KvK 24358761), Transportweg 44, 3335 LM Zwijndrecht.",
    "Artikel 3 - Levering",
    "3.1 Leverancier levert binnen 5 werkdagen na orderdatum.",
    "Artikel 4 - Betaling",
    "4.1 Betaling geschiedt binnen 30 dagen na factuurdatum.",
    "Artikel 9 - Duur",
    "9.1 Deze overeenkomst treedt in werking op 1 februari 2025.",
]
ADDENDUM_TEXT = [
    "ADDENDUM NR. 1",
    "bij het Leveringscontract LC-88/2025",
    "Partijen: Van Dijk Verpakkingen B.V. en Opdrachtgever komen het volgende overeen.",
    "1. Met ingang van 1 april 2026 wordt artikel 3.1 vervangen door: \"Leverancier levert "
    "binnen 2 werkdagen na orderdatum.\"",
    "2. Met ingang van 1 april 2026 komt artikel 4.1 te vervallen.",
    "Getekend te Zwijndrecht op 20 maart 2026.",
]


def test_amended_terms_are_valid_before_and_after_the_addendums_date(tmp_path):
    from audit.config import load_config
    from audit.pipeline import read_agreements
    from audit.report.tables import write_terms_csv
    from tests.conftest import write_sample_config

    folder = tmp_path / "contracts"
    folder.mkdir()
    make_pdf(folder / "lc-88-2025.pdf", BASE_TEXT, fmt="A4", font="times")
    make_pdf(folder / "addendum-1.pdf", ADDENDUM_TEXT, fmt="A4", font="helvetica")
    config = load_config(write_sample_config(tmp_path, contracts_dir=str(folder)))
    terms, problems = read_agreements(config)
    assert [str(p) for p in problems if p.stage == "contracts"] == []
    frame = pd.read_csv(write_terms_csv(terms, tmp_path / "terms.csv"), dtype=str,
                        keep_default_na=False)
    got = sorted(frame[["customer_id", "rule_id", "value", "contract_file", "valid_from",
                        "valid_to"]].itertuples(index=False, name=None))
    assert got == [
        ("C1002", "lead_time", "2", "addendum-1.pdf", "2026-04-01", ""),
        ("C1002", "lead_time", "5", "lc-88-2025.pdf", "2025-02-01", "2026-03-31"),
        ("C1002", "payment_term", "30", "lc-88-2025.pdf", "2025-02-01", "2026-03-31"),
    ]


def test_the_base_contracts_date_in_an_amendment_is_not_the_amendments():
    text = ("Amendment No. 3 to the Framework Agreement dated 30 November 2023.\n"
            "The minimum order is 40 units.\nSigned in Leiden on 9 March 2026.")
    dated = document_date((Page(1, text),), "en", amendment=True)
    assert (dated.day, dated.basis) == (date(2026, 3, 9), "signed")
    text = "This Addendum dated 2 February 2026 to the Framework Agreement dated 3 May 2021."
    assert document_date((Page(1, text),), "en", amendment=True).day == date(2026, 2, 2)


def test_a_cover_page_date_alone_on_its_line_dates_the_contract():
    page = Page(1, "SUPPLY AGREEMENT\nby and between\nORBIS LTD.\nand\nKESTREL B.V.\n"
                   "June 2, 2021\nArticle 1 Definitions")
    assert document_date((page,), "en", amendment=False).day == date(2021, 6, 2)
