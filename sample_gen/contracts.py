"""Contract PDFs: 12 base contracts (with price annex, sometimes general terms) and the
amendments; returns what each document says, for the answer key."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fpdf.fonts import FontFace

from sample_gen.articles import (
    GENERAL_TERMS,
    Article,
    clause_numbers,
    contract_articles,
    price_rows,
)
from sample_gen.customers import AMENDMENTS, BY_ID, CUSTOMERS, Amendment
from sample_gen.pdfdoc import LINE, ContractPDF, plain
from sample_gen.phrases import PAYMENT, fill, long_date, money
from sample_gen.world import SUPPLIER, CustomerSpec

LABELS = {
    "nl": {
        "title": "RAAMOVEREENKOMST LEVERING VERPAKKINGSMATERIALEN", "doc": "Raamovereenkomst",
        "number": "Contractnummer", "undersigned": "DE ONDERGETEKENDEN:", "and": "en",
        "effective": "Ingangsdatum", "agree": "KOMEN OVEREEN ALS VOLGT:", "article": "Artikel",
        "annex1": "Bijlage 1 – Prijsbijlage",
        "annex_intro": "Behorend bij Raamovereenkomst {nr}. Prijzen per stuk, exclusief btw.",
        "cols": ("Artikelnummer", "Omschrijving", "Prijs per stuk"),
        "signed": "Aldus overeengekomen en in tweevoud ondertekend te Tilburg op {d}.",
        "name": "Naam", "role": "Functie", "sig": "Handtekening",
    },
    "en": {
        "title": "FRAMEWORK SUPPLY AGREEMENT", "doc": "Framework Agreement",
        "number": "Contract number", "undersigned": "THE UNDERSIGNED:", "and": "and",
        "effective": "Effective date", "agree": "HAVE AGREED AS FOLLOWS:", "article": "Article",
        "annex1": "Annex 1 – Price schedule",
        "annex_intro": "To Framework Supply Agreement {nr}. Prices per unit, exclusive of VAT.",
        "cols": ("Item", "Description", "Unit price"),
        "signed": "Agreed and signed in duplicate in Tilburg on {d}.",
        "name": "Name", "role": "Title", "sig": "Signature",
    },
}


def parties(c: CustomerSpec) -> list[str]:
    """The two party paragraphs of a title page."""
    if c.language == "en":
        reg = "registered with the Dutch Chamber of Commerce under number"
        return [
            f'1. {SUPPLIER.name}, having its registered office in {SUPPLIER.city}, the '
            f'Netherlands, {reg} {SUPPLIER.kvk}, hereinafter: the "Supplier";',
            f'2. {c.name}, having its office in {c.city}, the Netherlands, {reg} {c.kvk}, '
            f'hereinafter: the "Customer";',
        ]
    kvk = (f"KvK-nummer {c.kvk}" if c.kvk_style == 0
           else f"ingeschreven bij de Kamer van Koophandel onder nummer {c.kvk}")
    return [
        f"1. {SUPPLIER.name}, gevestigd te {SUPPLIER.city}, ingeschreven bij de Kamer van "
        f'Koophandel onder nummer {SUPPLIER.kvk}, hierna te noemen: "Leverancier";',
        f'2. {c.name}, gevestigd te {c.city}, {kvk}, hierna te noemen: "Afnemer";',
    ]


def title_page(pdf: ContractPDF, c: CustomerSpec, title: str, number_line: str,
               effective: date, recitals: list[str]) -> None:
    """Page 1: title, contract number, parties with KvK numbers, effective date."""
    lab = LABELS[c.language]
    pdf.add_page()
    pdf.ln(20)
    pdf.text_block(title, size=pdf.fitting_size(title, 15), bold=True, align="C", gap=4)
    pdf.text_block(number_line, size=11, align="C", gap=14)
    pdf.text_block(lab["undersigned"], bold=True, gap=3)
    first, second = parties(c)
    pdf.text_block(first, gap=3)
    pdf.text_block(lab["and"], gap=3)
    pdf.text_block(second, gap=8)
    pdf.text_block(f"{lab['effective']}: {long_date(effective, c.language)}", size=11,
                   bold=True, gap=8)
    for line in recitals:
        pdf.text_block(line, gap=3)
    pdf.ln(4)
    pdf.text_block(lab["agree"], bold=True)


def keep_amounts_together(text: str) -> str:
    """A no-break space after '€' and 'EUR', so that no line ends in a currency sign (the PDF
    text still reads as a normal space)."""
    return re.sub(r"(€|\bEUR) (?=\d)", "\\1\u00a0", text)


def articles_block(pdf: ContractPDF, articles: list[Article], lang: str,
                   size: float = 10) -> None:
    """Numbered articles: 'Artikel 4 – Levering', then '4.1 ...' sub-clauses."""
    word = LABELS[lang]["article"]
    line_h = LINE * size / 10
    for a, (heading, clauses) in enumerate(articles, 1):
        pdf.keep_space(4 * line_h + 6)
        pdf.ln(2)
        pdf.text_block(f"{word} {a} – {heading}", size=size + 1, bold=True, gap=1)
        pdf.set_font(pdf.font_name, "", size)
        for k, (_, text) in enumerate(clauses, 1):
            text = keep_amounts_together(text)
            lines = pdf.multi_cell(pdf.epw - 10, line_h, plain(text), dry_run=True,
                                   output="LINES")
            pdf.keep_space(len(lines) * line_h)
            pdf.cell(10, line_h, f"{a}.{k}")
            pdf.multi_cell(pdf.epw - 10, line_h, plain(text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)


def signature_block(pdf: ContractPDF, c: CustomerSpec, signed: date) -> None:
    """Both parties' names, functions, date and a signature line, side by side."""
    lab = LABELS[c.language]
    pdf.keep_space(55)
    pdf.ln(6)
    pdf.text_block(lab["signed"].format(d=long_date(signed, c.language)), gap=6)
    role = SUPPLIER.signer_role_nl if c.language == "nl" else SUPPLIER.signer_role_en
    rows = [(SUPPLIER.name, c.name),
            (f"{lab['name']}: {SUPPLIER.signer}", f"{lab['name']}: {c.signer[0]}"),
            (f"{lab['role']}: {role}", f"{lab['role']}: {c.signer[1]}"),
            ("", ""),
            (f"{lab['sig']}: ____________________", f"{lab['sig']}: ____________________")]
    half = pdf.epw / 2
    for i, (left, right) in enumerate(rows):
        pdf.set_font(pdf.font_name, "B" if i == 0 else "", 10)
        pdf.cell(half, 7, plain(left))
        pdf.cell(half, 7, plain(right), new_x="LMARGIN", new_y="NEXT")


def price_annex(pdf: ContractPDF, c: CustomerSpec) -> None:
    """Bijlage 1 / Annex 1: a ruled table item | description | unit price."""
    lab = LABELS[c.language]
    pdf.add_page()
    pdf.text_block(lab["annex1"], size=12, bold=True, gap=3)
    pdf.text_block(lab["annex_intro"].format(nr=c.contract_number), gap=5)
    pdf.set_font(pdf.font_name, "", 10)
    with pdf.table(col_widths=(32, 92, 36), text_align=("LEFT", "LEFT", "RIGHT"),
                   headings_style=FontFace(emphasis="BOLD"), line_height=7,
                   width=160, align="LEFT") as table:
        table.row([plain(x) for x in lab["cols"]])
        for row in price_rows(c):
            table.row([plain(x) for x in row])


def general_terms(pdf: ContractPDF) -> None:
    """Bijlage 2: the supplier's general terms (boilerplate, not the customer's agreement)."""
    pdf.add_page()
    heading = f"Bijlage 2 – Algemene Leveringsvoorwaarden {SUPPLIER.name}"
    pdf.text_block(heading, size=pdf.fitting_size(heading, 12), bold=True, gap=2)
    pdf.text_block("Gedeponeerd bij de Kamer van Koophandel te Tilburg. Versie 2022.", size=9,
                   gap=3)
    articles_block(pdf, GENERAL_TERMS, "nl", size=9)


def base_contract(c: CustomerSpec, out_dir: Path) -> dict[str, Any]:
    """Write one base contract; return the facts the answer key records for it."""
    lab = LABELS[c.language]
    prefix = "raamovereenkomst" if c.language == "nl" else "framework_agreement"
    file = f"{prefix}_{c.slug}.pdf"
    pdf = ContractPDF(f"{SUPPLIER.name} – {lab['doc']} {c.contract_number}", c.language,
                      f"{lab['title']} {c.contract_number}", SUPPLIER.name)
    title_page(pdf, c, lab["title"], f"{lab['number']}: {c.contract_number}", c.start, [])
    pdf.add_page()
    articles = contract_articles(c)
    articles_block(pdf, articles, c.language)
    signature_block(pdf, c, c.start - timedelta(days=17))
    price_annex(pdf, c)
    if c.general_terms:
        general_terms(pdf)
    pdf.output(str(out_dir / file))
    return {"file": file, "pages": pdf.page_no(), "articles": clause_numbers(articles)}


def amendment_articles(a: Amendment) -> list[Article]:
    """The changing article and the closing article of an amendment."""
    when = long_date(a.effective, "nl")
    if a.kind == "payment_term":
        new = fill(PAYMENT["nl"][0], "nl", a.payment_days)
        first = ("Wijziging betalingstermijn", [
            ("", f"Met ingang van {when} wordt artikel {a.replaces_article} van de Overeenkomst "
                 f"vervangen door: {new}")])
    else:
        assert a.item is not None and a.price is not None
        first = ("Wijziging prijzen", [
            ("", f"Met ingang van {when} bedraagt de prijs voor artikel {a.item} "
                 f"{money(a.price, 'nl')} per stuk."),
            ("", "De prijzen van de overige artikelen in Bijlage 1 van de Overeenkomst blijven "
                 "ongewijzigd.")])
    return [first, ("Overige bepalingen", [
        ("", "Alle overige bepalingen van de Overeenkomst blijven ongewijzigd van kracht."),
        ("", "Deze wijzigingsovereenkomst maakt onlosmakelijk deel uit van de Overeenkomst.")])]


def amendment(a: Amendment, out_dir: Path) -> dict[str, Any]:
    """Write one (Dutch) amendment; return its facts for the answer key."""
    c = BY_ID[a.cid]
    file = f"wijziging_1_{c.slug}_{a.effective:%Y-%m}.pdf"
    title = f"WIJZIGINGSOVEREENKOMST 1 bij Raamovereenkomst {c.contract_number}"
    pdf = ContractPDF(f"{SUPPLIER.name} – Wijzigingsovereenkomst 1 bij Raamovereenkomst "
                      f"{c.contract_number}", "nl", title, SUPPLIER.name)
    topic = "de betalingstermijn" if a.kind == "payment_term" else "de prijs van artikel " + (
        a.item or "")
    recitals = ["OVERWEGENDE DAT:",
                f'- Partijen de Raamovereenkomst {c.contract_number} (hierna: de "Overeenkomst") '
                f"hebben gesloten;",
                f"- Partijen {topic} wensen te wijzigen;"]
    title_page(pdf, c, title, f"Kenmerk: {c.contract_number}/W1", a.effective, recitals)
    pdf.add_page()
    articles_block(pdf, amendment_articles(a), "nl")
    signature_block(pdf, c, a.effective - timedelta(days=20))
    pdf.output(str(out_dir / file))
    facts: dict[str, Any] = {"file": file, "pages": pdf.page_no(),
                             "effective_date": a.effective.isoformat(), "kind": a.kind}
    if a.kind == "payment_term":
        facts.update(payment_term_days=a.payment_days, replaces_article=a.replaces_article)
    else:
        facts.update(item=a.item, price=f"{a.price:.2f}")
    return facts


def write_contracts(out_dir: Path) -> dict[str, dict[str, Any]]:
    """All contract PDFs; returns per customer the base contract and amendment facts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    facts = {c.cid: base_contract(c, out_dir) for c in CUSTOMERS}
    for a in AMENDMENTS:
        if a.kind == "payment_term":
            a = replace(a, replaces_article=facts[a.cid]["articles"]["payment"])
        facts[a.cid].setdefault("amendments", []).append(amendment(a, out_dir))
    return facts
