"""Recognition mechanisms shared by all rules: topics and compounds, the heading as topic,
negation, hedges, references to an attachment, values completed from the next clause, and a
heading-only reading giving way to an outright one. Wording made for these tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc, Term
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def doc(lang: str = "nl") -> ContractDoc:
    return ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language=lang)


def clauses(lang: str, *items: tuple[str, str, str]) -> list[Clause]:
    d = doc(lang)
    return [Clause(doc=d, article=a, heading=h, text=t, page=1) for a, h, t in items]


def read(reader: TermReader, lang: str, *items: tuple[str, str, str]) -> list[Term]:
    return reader.read_document(clauses(lang, *items), "K1")


def values(terms: list[Term], rule: str) -> list[dict[str, object]]:
    return [{v.parameter: v.value for v in t.values} for t in terms if t.rule_id == rule]


def test_a_compound_of_a_topic_word_recognises_the_agreement(reader):
    # 'betaaltermijn' is in no phrase list: it is a compound starting with the topic 'betaal'
    terms = read(reader, "nl", ("7", "Geld", "De betaaltermijnen bedragen 45 dagen netto."))
    assert values(terms, "payment_term") == [{"days": 45}]


def test_the_heading_names_the_topic_of_a_sentence_that_does_not(reader):
    terms = read(reader, "nl", ("12.1", "Looptijd",
                                "Deze regeling geldt van 1 maart 2025 tot en met 28 februari 2029."))
    assert [v["end_date"].isoformat() for v in values(terms, "contract_term")] == ["2029-02-28"]


def test_an_exclusion_in_the_sentence_beats_the_heading(reader):
    terms = read(reader, "en", ("9", "Invoices",
                                "Queries about an invoice are raised within eight (8) days."))
    assert values(terms, "payment_term") == []


def test_a_negated_agreement_is_no_agreement(reader):
    terms = read(reader, "en", ("3", "Volumes",
                                "There is no minimum purchase of 500 units per year under this Agreement."))
    assert [t for t in terms if t.rule_id == "volume_commitment"] == []


def test_a_comparison_is_not_a_negation(reader):
    terms = read(reader, "en", ("5", "Logistics",
                                "The haulier phones the site not later than 45 minutes before arrival."))
    assert values(terms, "delivery_instruction") == [{"minutes": 45}]


def test_a_hedged_figure_is_kept_for_review_and_not_checked(reader):
    terms = read(reader, "nl", ("6", "Uitlevering",
                                "Leverancier levert doorgaans binnen circa 4 werkdagen na bestelling."))
    lead = [t for t in terms if t.rule_id == "lead_time"]
    assert len(lead) == 1
    assert lead[0].get("readable") is False and lead[0].confidence <= 0.4


def test_an_article_term_takes_its_notice_from_the_next_clause(reader):
    terms = read(reader, "nl",
                 ("20", "Duur", "De overeenkomst loopt tot en met 31 mei 2030."),
                 ("21", "Beëindiging", "Opzegging geschiedt uiterlijk vier maanden voor afloop."))
    term = [t for t in terms if t.rule_id == "contract_term"]
    assert len(term) == 1
    assert term[0].get("end_date").isoformat() == "2030-05-31"
    assert term[0].get("notice") == "4 months"
    assert term[0].clause.article == "20"  # the term still cites the clause it was read from


def test_a_heading_only_reading_gives_way_to_an_outright_one(reader):
    terms = read(reader, "nl",
                 ("3.1", "Orders en uitlevering", "Leverancier levert binnen vijf werkdagen na de order."),
                 ("3.2", "Orders en uitlevering",
                  "Een order die na 16:00 uur binnenkomt, geldt als ontvangen op de volgende werkdag."))
    assert values(terms, "lead_time") == [{"working_days": 5}]


def test_party_sentences_in_the_preamble_are_not_agreements(reader):
    terms = read(reader, "nl", ("preamble", "",
                                "Klant B.V., gevestigd aan de Leverweg 3, 1234 AB Ergens, ingeschreven "
                                "in het handelsregister onder nummer 12345678, hierna: \"Klant\"."))
    assert [t for t in terms if t.rule_id == "delivery_address"] == []


def commitments(terms: list[Term]) -> list[Term]:
    return [t for t in terms if t.rule_id == "volume_commitment"]


@pytest.mark.parametrize(("lang", "text"), [
    # the negator opens the main clause, far before what the rule matched
    ("en", "Nothing in these terms obliges the Dealer to take a minimum purchase of 200 crates "
           "in each calendar year."),
    ("en", "Under no circumstance is the Dealer bound to a minimum purchase of 200 crates a year."),
    ("en", "The Dealer is not otherwise obliged to purchase a minimum quantity of 300 cartons per "
           "year."),
    ("nl", "Niets in deze overeenkomst verplicht Afnemer tot een minimale afname van 300 stuks "
           "per jaar."),
])
def test_a_negation_reaches_over_its_whole_main_clause(reader, lang, text):
    assert commitments(read(reader, lang, ("2", "Omvang" if lang == "nl" else "Scope", text))) == []


@pytest.mark.parametrize("text", [
    # the negator sits in a condition of its own, or in an earlier clause of the sentence
    "Should the Dealer not purchase at least 200 crates in each calendar year, the list price "
    "of 1 January applies to all later orders.",
    "The Dealer need not advertise, but shall purchase at least 250 crates per quarter.",
])
def test_a_negation_in_a_condition_or_another_clause_leaves_the_agreement(reader, text):
    found = commitments(read(reader, "en", ("2", "Scope", text)))
    assert len(found) == 1 and found[0].get("quantity") is not None


def test_list_items_are_read_with_their_lead_in(reader):
    terms = read(reader, "en",
                 ("4.2", "Volumes", "The Dealer shall take the following minimum volumes:"),
                 ("4.2(a)", "Volumes", "120 pallets in the first contract year"),
                 ("4.2(b)", "Volumes", "180 pallets in the second contract year"),
                 ("4.3", "Volumes", "Pallets are returned empty."))
    found = commitments(terms)
    assert [(t.get("quantity"), t.get("period"), t.clause.article) for t in found] == [
        (120, "year", "4.2")]
    # the term cites the lead-in with its items, not the clause after them
    assert "180 pallets" in found[0].clause.text and "returned" not in found[0].clause.text


def test_a_lead_in_that_states_the_figure_itself_is_read_once(reader):
    terms = read(reader, "nl",
                 ("6.1", "Afname", "Afnemer neemt per kalenderjaar minimaal 900 stuks af, als volgt:"),
                 ("6.1.a", "Afname", "450 stuks in het eerste halfjaar"),
                 ("6.1.b", "Afname", "450 stuks in het tweede halfjaar"))
    assert [(t.get("quantity"), t.clause.article) for t in commitments(terms)] == [(900, "6.1")]


@pytest.mark.parametrize(("lang", "text"), [
    # an obligation to buy with the minimum further on, named by a defined term
    ("en", "The Licensee is obliged to buy from the Maker, on the terms set out in this licence "
           "and its schedules, at least the Core Volume."),
    ("nl", "Koper is verplicht om elk kwartaal minimaal de Kernhoeveelheid af te nemen."),
    # a right to terminate when a minimum is not reached
    ("en", "The Maker may terminate this licence by written notice if the Licensee does not "
           "reach the agreed annual quota."),
    ("nl", "Leverancier mag de overeenkomst ontbinden indien Koper het jaarlijkse minimum niet "
           "haalt."),
    # a figure that keeps an exclusivity
    ("en", "To keep its exclusivity the Dealer must open 12 new outlets in the region."),
    ("nl", "Om de exclusiviteit te behouden opent Dealer 12 nieuwe verkooppunten."),
])
def test_the_grammar_of_a_commitment_gives_a_term_to_review(reader, lang, text):
    found = commitments(read(reader, lang, ("9", "Licentie" if lang == "nl" else "Licence", text)))
    assert len(found) == 1 and found[0].get("readable") is False, found


@pytest.mark.parametrize(("lang", "text"), [
    # 'shall order … at least' followed by a time: when to order, not how much
    ("en", "The Dealer shall order the goods at least three weeks before the wanted delivery date."),
    ("nl", "Koper is verplicht om minimaal 5 werkdagen voor levering te bestellen."),
])
def test_a_lead_time_with_at_least_is_no_commitment(reader, lang, text):
    assert commitments(read(reader, lang, ("5", "Orders", text))) == []


def test_a_sentence_ends_at_the_semicolon_a_pdf_gave_as_a_greek_question_mark(reader):
    # U+037E looks like ';' and is what some PDFs hold: the second item is a sentence of its own
    terms = read(reader, "en", ("8", "Termination", "Either party may terminate this Agreement "
                                "if the other is insolvent\u037e The Buyer pays each invoice "
                                "within 45 days."))
    assert values(terms, "payment_term") == [{"days": 45}]


def test_a_term_defined_later_does_not_make_a_party_sentence(reader):
    # 'as hereinafter defined' is no party's name ('hereinafter referred to as "Dealer"')
    terms = read(reader, "en", ("3", "Scope", "After the Initial Term, as hereinafter defined, the "
                                "Dealer shall purchase at least 300 cartons per year."))
    assert [t.get("quantity") for t in commitments(terms)] == [300]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Buyer pays each invoice within 8 working days after delivery."),
    ("nl", "Facturen worden betaald binnen 10 werkdagen na levering."),
])
def test_a_payment_counted_from_the_delivery_is_no_lead_time(reader, lang, text):
    assert values(read(reader, lang, ("7", "Betaling" if lang == "nl" else "Payment", text)),
                  "lead_time") == []


@pytest.mark.parametrize("text", [
    # a party keeps a minimum level of its own: staff, equipment
    "The Reseller will staff as a minimum two trained service engineers in the territory.",
    "The Contractor shall keep at least three service vans ready in the region.",
])
def test_a_minimum_level_a_party_keeps_gives_a_term_to_review(reader, text):
    found = commitments(read(reader, "en", ("6", "Service", text)))
    assert len(found) == 1 and found[0].get("readable") is False, found


def test_a_minimum_notice_a_party_gives_is_no_commitment(reader):
    text = "The Reseller shall provide at least 30 days written notice of a price change."
    assert commitments(read(reader, "en", ("6", "Prices", text))) == []


@pytest.mark.parametrize(("text", "found"), [
    # the section named before the minimum: the obligation itself is stated here
    ("Each plan delivered under Section 2.4 binds the Dealer, and the Dealer has the obligation "
     "to order at a minimum the tonnage the plan names for its first quarter.", 1),
    # the section named after it states the figure: the reference is read there
    ("The Dealer shall order at least the tonnage set forth in Section 2.4 for each quarter.", 0),
])
def test_a_cross_reference_vetoes_only_the_minimum_it_governs(reader, text, found):
    assert len(commitments(read(reader, "en", ("3", "Plans", text)))) == found


def test_a_defined_minimum_named_in_an_aside_is_no_commitment(reader):
    text = ("The Dealer may return damaged rolls for a credit note (a replacement roll then "
            "counts towards the Minimum Purchase).")
    assert commitments(read(reader, "en", ("9", "Returns", text))) == []


# A figure in a phrase qualifying a noun (a reduced or a full relative clause) says which things
# the agreement is about, not what is agreed: the main clause's figure is the value.
@pytest.mark.parametrize("lang,text,days", [
    ("nl", "Facturen die niet binnen veertien dagen schriftelijk zijn betwist, worden binnen "
           "zestig dagen na factuurdatum voldaan.", 60),
    ("en", "Invoices not contested within ten (10) days following receipt shall be settled "
           "within sixty (60) days of the invoice date.", 60),
    # the exclusion 'dispute' stands in the qualifier: it is about the invoices, not the term
    ("en", "Invoices not disputed within 5 days are payable within 21 days.", 21),
    ("en", "Invoices which are not disputed within five (5) days shall be paid net 45 days.", 45),
])
def test_the_figure_of_a_nouns_qualifier_is_not_the_agreed_figure(reader, lang, text, days):
    assert values(read(reader, lang, ("6", "", text)), "payment_term") == [{"days": days}]


def test_the_clauses_own_participle_running_into_a_comma_is_no_qualifier(reader):
    # 'notice served by the Buyer …' is the clause itself: its six months are the notice
    text = ("This Agreement renews for successive periods of one (1) year unless written notice "
            "served by the Buyer not less than six (6) months before the end of the then current "
            "period, terminates it on 31 March 2031.")
    term = [t for t in read(reader, "en", ("14", "Term", text)) if t.rule_id == "contract_term"]
    assert [t.get("notice") for t in term] == ["6 months"]


def test_an_exclusion_outside_a_qualifier_still_excludes(reader):
    terms = read(reader, "en", ("6", "", "Complaints about invoices received within 8 days are "
                                          "handled within 14 days."))
    assert values(terms, "payment_term") == []


def test_a_qualifier_does_not_hide_the_only_figure(reader):
    # the qualifier 'placed for more than EUR 750 net' holds the sentence's one amount
    terms = read(reader, "en", ("4", "", "Orders placed for more than EUR 750 net are delivered "
                                          "free of charge."))
    assert values(terms, "free_shipping") == [{"threshold": Decimal("750")}]


def test_a_dutch_verb_at_the_end_of_a_long_middle_field_is_read(reader):
    terms = read(reader, "nl", ("9", "", "De tarieven mogen jaarlijks per 1 januari met ten "
                                          "hoogste 2,5% worden aangepast."))
    assert [(v["cap_percent"], v["date"]) for v in values(terms, "price_indexation")] == [
        (Decimal("2.5"), "01-01")]


# A payment term in working days is an agreement the invoices' calendar due dates cannot check:
# a term to review, not a wrong number of calendar days and not nothing; a payment sentence
# that only mentions a working day beside its calendar days keeps those days.
@pytest.mark.parametrize("lang,text", [
    ("nl", "Betaling van elke factuur vindt plaats binnen acht (8) werkdagen na ontvangst."),
    ("en", "The Client shall pay each invoice within ten business days of the invoice date."),
])
def test_a_payment_term_in_working_days_is_to_review(reader, lang, text):
    terms = [t for t in read(reader, lang, ("7", "", text)) if t.rule_id == "payment_term"]
    assert [(t.get("readable"), t.get("days")) for t in terms] == [(False, None)]


def test_a_working_day_beside_calendar_days_leaves_the_calendar_days(reader):
    text = ("Facturen worden binnen 45 dagen na factuurdatum betaald; valt de vervaldag in het "
            "weekend, dan geldt de eerstvolgende werkdag.")
    assert values(read(reader, "nl", ("7", "", text)), "payment_term") == [{"days": 45}]


def test_an_invoice_sent_within_working_days_is_no_payment_term(reader):
    text = "De Leverancier verstuurt de factuur binnen 3 werkdagen na de levering."
    assert values(read(reader, "nl", ("7", "", text)), "payment_term") == []


def test_a_title_over_its_sub_clauses_states_nothing_itself(reader):
    terms = read(reader, "en", ("7.2", "Supply", "Minimum Purchase Obligation; Order Sizes."),
                 ("7.2(a)", "Supply", "The Buyer shall purchase at least 400 units per year."),
                 ("7.2(b)", "Supply", "Each order is a whole multiple of twenty units."))
    assert [(t.clause.article, t.get("quantity")) for t in commitments(terms)] == [
        ("7.2(a)", Decimal("400"))]
    # the same words with no parts under them are the clause itself: to review
    alone = read(reader, "en", ("7.2", "Supply", "Minimum Purchase Obligation; Order Sizes."),
                 ("7.3", "Supply", "Each order is a whole multiple of twenty units."))
    assert [t.clause.article for t in commitments(alone)] == ["7.2"]


# A lower bound on what is bought is a commitment, whatever the thing counted is called; a
# bound it cannot read ('[***] units', a dollar figure) is one to review; an upper bound ('up
# to', 'maximaal') is a cap, never a commitment.
@pytest.mark.parametrize("lang,text,quantity,readable", [
    ("en", "The Hospital shall purchase no fewer than 1,200 cannulas in each Contract Year.",
     Decimal("1200"), None),
    ("en", "Grower shall place orders totalling not less than 9,000 kilograms of seed per year.",
     Decimal("9000"), None),
    ("en", "In every Contract Year the Clinic shall purchase no fewer than [***] syringes.",
     None, False),
    ("en", "The Club's purchases of Products in each season shall equal or exceed US$ 90,000.",
     None, False),
])
def test_a_lower_bound_on_purchases_is_a_commitment(reader, lang, text, quantity, readable):
    found = commitments(read(reader, lang, ("4", "Purchases", text)))
    assert [(t.get("quantity"), t.get("readable")) for t in found] == [(quantity, readable)]


@pytest.mark.parametrize("lang,text", [
    ("en", "The Clinic may order up to 500 syringes per month."),
    ("nl", "De Kliniek kan per maand maximaal 500 spuiten bestellen."),
    # a lower bound, but on nothing bought
    ("en", "The Board shall convene at least four times each year, and at least one such "
           "session shall be held on site."),
])
def test_an_upper_bound_on_orders_is_no_commitment(reader, lang, text):
    assert commitments(read(reader, lang, ("4", "Bestellingen", text))) == []


# A figure blacked out in a filed contract stands where the figure stands: the agreement is
# recognised and goes to review with what could be read, never read as a number or dropped.
@pytest.mark.parametrize("lang,text,rule,period", [
    ("en", "The Dealer shall purchase [*****] crates of the Goods per calendar quarter.",
     "volume_commitment", "quarter"),
    ("nl", "De Dealer verplicht zich om [***] kratten per jaar af te nemen.",
     "volume_commitment", "year"),
    ("en", "Each invoice is payable within [...***...] days of its date.", "payment_term", None),
    # a rule without review phrases of its own goes to review too
    ("en", "The Packer ships every order within [***] working days.", "lead_time", None),
])
def test_a_redacted_figure_gives_a_term_to_review(reader, lang, text, rule, period):
    terms = [t for t in read(reader, lang, ("6", "", text)) if t.rule_id == rule]
    assert [(t.get("readable"), t.get("period")) for t in terms] == [(False, period)]
    assert all(v.value != Decimal(11111) for t in terms for v in t.values)


# Wordings of other companies' English contracts, each through the whole rule (made up here).
@pytest.mark.parametrize("text,rule,expected", [
    ("Freight is free for every order with a net value of EUR 900 or more.", "free_shipping",
     {"threshold": Decimal("900")}),
    ("List prices may be raised once a year, effective April 1, in line with the CPI, not to "
     "exceed 4%.", "price_indexation",
     {"cap_percent": Decimal("4"), "date": "01-04", "index": "CPI"}),
    ("Payment: 1/15 net 45.", "payment_term", {"days": 45}),
])
def test_other_companies_english_wordings(reader, text, rule, expected):
    assert values(read(reader, "en", ("8", "Commercial terms", text)), rule) == [expected]


def test_a_renewal_for_hyphenated_one_year_periods(reader):
    text = ("The Agreement runs from 1 May 2025 for an initial term of two (2) years and renews "
            "automatically for successive one-year periods unless terminated with sixty (60) "
            "days' written notice.")
    [term] = [t for t in read(reader, "en", ("15", "Term", text)) if t.rule_id == "contract_term"]
    assert (term.get("renewal_months"), term.get("notice")) == (12, "60 days")


# A delivery address in another country's form is not read as a Dutch postcode and house
# number; the agreement is still there, so it goes to review instead of vanishing.
@pytest.mark.parametrize("lang,text", [
    ("nl", "Aflevering geschiedt aan het depot, Molenstraat 14, 9000 Gent."),
    ("en", "All goods are shipped to the Buyer's plant at 77 Quarry Road, Sheffield S9 3XX."),
    ("en", "Deliveries go to Lagerweg 3, 40210 Düsseldorf."),
])
def test_a_foreign_delivery_address_is_to_review(reader, lang, text):
    terms = [t for t in read(reader, lang, ("5", "", text)) if t.rule_id == "delivery_address"]
    assert [(t.get("readable"), t.get("address")) for t in terms] == [(False, None)]


def test_a_reference_reviews_the_agreement_named_next_to_it(reader):
    # 'levert aan' is a delivery, but the attachment holds the rates, not an address
    text = "De Leverancier levert aan de Haven onderdelen tegen de tarieven in Bijlage 2."
    terms = read(reader, "nl", ("1", "Onderwerp", text))
    assert [t.rule_id for t in terms if t.rule_id == "delivery_address"] == []
    # the same reference beside the commitment makes the commitment one to review
    text = "De Afnemer neemt per jaar minimaal de hoeveelheden af die in Bijlage 2 staan."
    found = [t for t in read(reader, "nl", ("2", "Afname", text)) if t.rule_id == "volume_commitment"]
    assert [t.get("readable") for t in found] == [False]


# Drafting of another hand (US/UK supply agreements), wording made for these tests.

@pytest.mark.parametrize(("lang", "heading", "text"), [
    ("en", "Recitals", "(C) WHEREAS the Distributor intends to purchase at least 8,000 cases of "
                       "the Products per year;"),
    ("en", "Background", "The Distributor intends to purchase at least 8,000 cases of the "
                         "Products per year."),
    ("nl", "Overwegingen", "Overwegende dat Afnemer jaarlijks minimaal 6.000 stuks wil afnemen."),
])
def test_a_recital_is_no_agreement(reader, lang, heading, text):
    assert commitments(read(reader, lang, ("preamble", heading, text))) == []


def test_the_operative_clause_after_a_recital_is_read(reader):
    terms = read(reader, "en", ("2.1", "Purchase", "WHEREAS the parties wish to cooperate; NOW, "
                                "THEREFORE, the Distributor shall purchase at least 8,000 cases "
                                "of the Products per year."))
    assert [t.get("quantity") for t in commitments(terms)] == [8000]


@pytest.mark.parametrize(("rule", "text", "foreign"), [
    ("free_shipping", "Orders above USD 1,750 ship freight prepaid.", "USD 1,750"),
    ("volume_rebate", "Buyer earns a rebate of 2% where annual purchases exceed GBP 300,000.",
     "GBP 300,000"),
])
def test_an_amount_in_another_currency_is_a_term_to_review(reader, rule, text, foreign):
    found = [t for t in read(reader, "en", ("4", "Commercial", text)) if t.rule_id == rule]
    assert [(t.get("readable"), t.get("foreign_amount")) for t in found] == [(False, foreign)]


def test_the_same_amount_in_euros_is_read(reader):
    terms = read(reader, "en", ("4", "Commercial", "Orders above EUR 1,750 ship freight prepaid."))
    assert values(terms, "free_shipping") == [{"threshold": Decimal("1750")}]


@pytest.mark.parametrize(("text", "days"), [
    # due on a day of a later month: stated, no number of days, to review
    ("Each invoice is due no later than the 20th day of the month following the month of "
     "invoice.", None),
    ("Payment shall be made at the end of the month following delivery.", None),
    # the near miss: counted from the invoice, and the trade's 'net' in words
    ("Invoices are payable sixty (60) days from the date of invoice.", 60),
    ("Payment terms: net forty-five.", 45),
])
def test_a_payment_due_on_a_day_of_a_later_month_is_to_review(reader, text, days):
    found = [t for t in read(reader, "en", ("7", "Payment", text)) if t.rule_id == "payment_term"]
    assert len(found) == 1
    assert (found[0].get("days"), found[0].get("readable")) == (
        (days, None) if days else (None, False))


def test_a_sum_per_day_a_delivery_is_late_is_a_penalty(reader):
    terms = read(reader, "en", ("9", "Service Levels", "Supplier shall credit Buyer with EUR 175 "
                                "for each day by which delivery is late, not to exceed EUR 1,400 "
                                "per Order."))
    assert values(terms, "late_delivery_penalty") == [
        {"amount": Decimal("175"), "per": "day", "cap_amount": Decimal("1400")}]


def test_interest_per_day_of_late_payment_is_no_penalty(reader):
    terms = read(reader, "en", ("9", "Service Levels", "Interest accrues at 0.03% for each day "
                                "of late payment."))
    assert values(terms, "late_delivery_penalty") == []


def test_a_british_postcode_makes_a_delivery_address_to_review(reader):
    terms = read(reader, "en", ("3", "Logistics", "All Goods shall be delivered DDP Buyer's "
                                "premises at Unit 12, Canal Side Works, Leeds LS10 1QZ."))
    found = [t for t in terms if t.rule_id == "delivery_address"]
    assert [t.get("readable") for t in found] == [False]


def test_an_incoterm_without_an_address_is_no_delivery_address(reader):
    terms = read(reader, "en", ("3", "Logistics", "All Goods shall be delivered DDP "
                                "(Incoterms 2020)."))
    assert [t for t in terms if t.rule_id == "delivery_address"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # calendar days: the check counts working days, so the agreement is to review
    ("Supplier shall ship each Order within fourteen (14) days of receipt.", (None, False)),
    ("Supplier shall ship each Order within three (3) Business Days of receipt.", (3, None)),
])
def test_a_lead_time_in_calendar_days_is_to_review(reader, text, expected):
    found = [t for t in read(reader, "en", ("5", "Delivery", text)) if t.rule_id == "lead_time"]
    assert [(t.get("working_days"), t.get("readable")) for t in found] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # the cap is an index's change with no percentage: to review
    ("Supplier may adjust the Prices once per Contract Year by no more than the change in CPI "
     "over the preceding twelve months.", (None, False)),
    ("Supplier may adjust the Prices once per Contract Year by no more than the lesser of 3% "
     "and the change in CPI.", (Decimal("3"), None)),
])
def test_a_rise_capped_by_an_index_alone_is_to_review(reader, text, expected):
    found = [t for t in read(reader, "en", ("6", "Prices", text))
             if t.rule_id == "price_indexation"]
    assert [(t.get("cap_percent"), t.get("readable")) for t in found] == [expected]


@pytest.mark.parametrize(("lang", "heading", "text", "rule", "named"), [
    ("nl", "Prijzen", "De prijzen per artikel zijn vastgelegd in Bijlage 3 en gelden exclusief "
                      "btw.", "agreed_prices", "Bijlage 3"),
    ("en", "Rebate", "The rebate tiers are set out in Schedule 4.", "volume_rebate", "Schedule 4"),
])
def test_figures_left_to_an_attachment_are_a_term_to_review(reader, lang, heading, text, rule,
                                                             named):
    found = [t for t in read(reader, lang, ("5", heading, text)) if t.rule_id == rule]
    assert [(t.get("readable"), t.get("refers_to")) for t in found] == [(False, named)]


def test_the_review_gives_way_when_the_attachment_is_read(reader):
    terms = read(reader, "en",
                 ("5", "Rebate", "The rebate tiers are set out in Schedule 4."),
                 ("Schedule 4", "Rebate", "Buyer earns a rebate of 1.5% on annual purchases above "
                                          "EUR 80,000."))
    assert [(t.get("readable"), t.get("tiers")) for t in terms if t.rule_id == "volume_rebate"] \
        == [(None, ((Decimal("80000"), Decimal("1.5")),))]
