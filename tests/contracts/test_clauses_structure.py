"""Structure from the page: headings by numbering grammar and typography, nesting, sections.

Each test makes its own small PDF (Courier/Times, headings and numbering unlike the data sets).
"""

from __future__ import annotations

from audit.contracts.clauses import split_clauses
from tests.contracts.pdfmaker import Ln, make_pdf, read


def articles(path):
    return [(c.article, c.page, c.heading, c.boilerplate, c.text) for c in
            split_clauses(read(path))]


def test_keyword_sections_with_lettered_and_roman_sub_clauses(tmp_path):
    pdf = make_pdf(tmp_path / "sections.pdf", [[
        Ln("SUPPLY AGREEMENT", x=70, style="B", size=16),
        Ln("between Northwind Ltd and Harbour Tools plc.", gap=6),
        Ln("SECTION 3 - ORDERS", font="Courier", style="B", gap=6),
        Ln("(a) Orders are placed through the portal.", font="Courier"),
        Ln("SECTION 4 - DELIVERY", font="Courier", style="B", gap=6),
        Ln("(a) Harbour Tools shall deliver:", font="Courier"),
        Ln("(i) stock items within 3 working days;", x=30, font="Courier"),
        Ln("(ii) other items within 10 working days.", x=30, font="Courier"),
        Ln("(b) The driver calls 30 minutes before arrival.", font="Courier"),
    ], [
        Ln("(c) Deliveries go to Dock 4, Quay Road 9, Harwich.", font="Courier"),
        Ln("SECTION 5 - PAYMENT", font="Courier", style="B", gap=6),
        Ln("(a) Invoices are paid within 45 days.", font="Courier"),
    ]])
    got = [(a, p, h, t) for a, p, h, _, t in articles(pdf)]
    assert got[1:] == [
        ("3(a)", 1, "ORDERS", "Orders are placed through the portal."),
        ("4(a)", 1, "DELIVERY", "Harbour Tools shall deliver:"),
        ("4(a)(i)", 1, "DELIVERY", "stock items within 3 working days;"),
        ("4(a)(ii)", 1, "DELIVERY", "other items within 10 working days."),
        ("4(b)", 1, "DELIVERY", "The driver calls 30 minutes before arrival."),
        ("4(c)", 2, "DELIVERY", "Deliveries go to Dock 4, Quay Road 9, Harwich."),
        ("5(a)", 2, "PAYMENT", "Invoices are paid within 45 days."),
    ]
    assert got[0][0] == "preamble" and "Northwind" in got[0][3]


def test_roman_headings_number_their_paragraphs(tmp_path):
    pdf = make_pdf(tmp_path / "roman.pdf", [[
        Ln("Contract for services", style="B", size=14),
        Ln("II. PRICES", style="B", gap=5),
        Ln("1. Prices are net of VAT."),
        Ln("III. DELIVERY", style="B", gap=5),
        Ln("1. Delivery within five working days."),
        Ln("2. Freight is free above EUR 800."),
    ]])
    got = [(a, h) for a, _, h, _, _ in articles(pdf)]
    assert got[1:] == [("II.1", "PRICES"), ("III.1", "DELIVERY"), ("III.2", "DELIVERY")]


def test_bold_number_without_a_dot_heads_its_dotted_sub_clauses(tmp_path):
    pdf = make_pdf(tmp_path / "bare.pdf", [[
        Ln("Leveringsovereenkomst", style="B", size=15),
        Ln("7 Levering", style="B", size=11, gap=5),
        Ln("7.1 Wij leveren binnen twee werkdagen na de orderdatum, ook in"),
        Ln("3 december of andere drukke weken, zonder toeslag.", x=28),
        Ln("7.2 De prijs van 12.50 per doos geldt tot en met 2026, met een"),
        Ln("12.50 per doos als vaste prijs.", x=28),
    ]])
    got = [(a, h, t) for a, _, h, _, t in articles(pdf)]
    assert [g[:2] for g in got[1:]] == [("7.1", "Levering"), ("7.2", "Levering")]
    assert got[1][2].endswith("ook in 3 december of andere drukke weken, zonder toeslag.")
    assert got[2][2].endswith("met een 12.50 per doos als vaste prijs.")


def test_boilerplate_ends_at_the_next_heading_and_text_after_sub_clauses(tmp_path):
    pdf = make_pdf(tmp_path / "boiler.pdf", [[
        Ln("Agreement", style="B", size=15),
        Ln("Article 6 Liability", font="Courier", style="B", gap=5),
        Ln("6.1 Liability is limited to EUR 100,000 per year.", font="Courier"),
        Ln("Article 7 Volume", font="Courier", style="B", gap=5),
        Ln("7.1 The Customer buys at least 5,000 units per year; the", font="Courier"),
        Ln("volume is counted per calendar year.", x=31, font="Courier"),
        Ln("The rebate is 2% above EUR 250,000 a year.", font="Courier", gap=3),
    ]])
    got = [(a, h, b) for a, _, h, b, _ in articles(pdf)]
    assert got[1:] == [("6.1", "Liability", True), ("7.1", "Volume", False),
                       ("7", "Volume", False)]


def test_signature_block_and_annexes_are_sections(tmp_path):
    pdf = make_pdf(tmp_path / "annexes.pdf", [[
        Ln("Raamafspraak", style="B", size=15),
        Ln("1. Levering binnen 4 werkdagen.", gap=5),
        Ln("2. Betaling binnen 30 dagen."),
        Ln("Getekend te Assen.", gap=5),
        Ln("Voor de leverancier", style="B", gap=4),
        Ln("______________________"),
        Ln("A. de Vries, directeur"),
    ], [
        Ln("ANHANG - nicht gelesen", size=9),
        Ln("Annex B - General Terms and Conditions", style="B", size=12, gap=3),
        Ln("1. PAYMENT", style="B", size=8, gap=2),
        Ln("Invoices are paid within 14 days.", size=8),
        Ln("Schedule 1 - Prices", style="B", size=12, gap=6),
        Ln("Item A-1 costs EUR 4.10 per piece.", size=10),
    ]])
    got = [(a, p, b, c.section) for (a, p, _, b, _), c in
           zip(articles(pdf), split_clauses(read(pdf)), strict=True)]
    assert got == [
        ("preamble", 1, False, "contract"), ("1", 1, False, "contract"),
        ("2", 1, False, "contract"), ("signature", 1, True, "signature"),
        ("Annex B.1", 2, True, "Annex B"), ("Schedule 1", 2, False, "Schedule 1"),
    ]


def test_key_terms_table_rows_are_clauses(tmp_path):
    pdf = make_pdf(tmp_path / "keyterms.pdf", [[
        Ln("Supply Terms", style="B", size=15),
        Ln("This agreement is made on 1 March 2025.", gap=4),
        Ln("PRINCIPAL TERMS", style="B", size=12, gap=6),
        ("table", [("No.", "Topic", "Agreed"),
                   ("1", "Lead time", "Goods are delivered within three working days."),
                   ("2", "Payment", "Invoices are payable within twenty days of issue."),
                   ("3", "Address", "Goods are delivered to Unit 5, Mill Lane, Leeds.")],
         (12, 30, 120)),
        Ln("1. Scope", style="B", gap=4),
        Ln("1.1 These terms govern every order."),
    ]])
    clauses = split_clauses(read(pdf))
    assert (clauses[-1].article, clauses[-1].section) == ("1.1", "contract")  # the body again
    rows = [c for c in clauses if c.article.startswith("Principal")]
    assert [(c.article, c.page, c.heading) for c in rows[-3:]] == [
        ("Principal Term 1", 1, "PRINCIPAL TERMS"), ("Principal Term 2", 1, "PRINCIPAL TERMS"),
        ("Principal Term 3", 1, "PRINCIPAL TERMS")]
    assert rows[-2].text == "Payment: Invoices are payable within twenty days of issue."


def test_a_document_without_headings_splits_into_paragraphs(tmp_path):
    body = ["We confirm that goods ordered before noon are delivered the next working day.",
            "Invoices are payable within 30 days of the invoice date."]
    lines = [Ln("Dear Ms Shah,")]
    for sentence in body:
        words = sentence.split()
        lines += [Ln(" ".join(words[:7]), gap=6), Ln(" ".join(words[7:]))]
    pdf = make_pdf(tmp_path / "letter.pdf", [lines])
    got = [(a, t) for a, _, _, _, t in articles(pdf)]
    assert got == [("para 1", "Dear Ms Shah,"), ("para 2", body[0]), ("para 3", body[1])]


def test_a_long_run_of_paragraphs_under_one_heading_is_cut_by_its_gaps(tmp_path):
    sentence = "The parties shall meet each quarter to review the forecast and stock levels."
    lines = [Ln("Framework", style="B", size=15), Ln("Clause 9 Cooperation", style="B", gap=5)]
    for _ in range(8):
        lines += [Ln(sentence, gap=5)] + [Ln(sentence) for _ in range(2)]
    pdf = make_pdf(tmp_path / "long.pdf", [lines])
    parts = [c for c in split_clauses(read(pdf)) if c.article == "9"]
    assert len(parts) == 8 and all(len(c.text) < 400 for c in parts)


def test_words_that_start_like_a_keyword_or_number_are_no_labels():
    from audit.contracts.headings import read_labels
    from audit.models import Line

    for text in ("party. Force majeure includes fire.", "Section 4.2 of this Agreement applies.",
                 "Partijen verklaren", "500.000,- per kalenderjaar.", "3 December 2026."):
        assert read_labels(Line(text), 10.0) == [], text
    assert [(lb.number, lb.title) for lb in read_labels(Line("§4 Levering", bold=True), 10.0)
            ] == [("4", "Levering")]
