"""The articles of each contract: headings and sub-clauses, in Dutch or English.

An article is (heading, [(tag, text), ...]); the tag marks the special-agreement clauses
("payment", "lead", "call", "address") so the answer key can record their numbers.
"""

from __future__ import annotations

from sample_gen.phrases import (
    ADDRESS,
    CALL_AHEAD,
    LEAD_TIME,
    LEAD_TIME_LEAD_IN,
    PAYMENT,
    PAYMENT_LEAD_IN,
    fill,
    long_date,
    money,
)
from sample_gen.world import CONTRACT_END, ITEMS, CustomerSpec

Clause = tuple[str, str]
Article = tuple[str, list[Clause]]

BOILERPLATE: dict[str, dict[str, Article]] = {
    "nl": {
        "subject": ("Onderwerp", [
            ("", "Deze overeenkomst regelt de voorwaarden waaronder Leverancier "
                 "verpakkingsmaterialen levert aan Afnemer."),
            ("", "Afnemer plaatst bestellingen schriftelijk of via het klantportaal van "
                 "Leverancier. Een bestelling is bindend zodra Leverancier deze heeft bevestigd."),
        ]),
        "prices": ("Prijzen", [
            ("", "De prijzen per artikel zijn vastgelegd in Bijlage 1 en gelden exclusief btw."),
            ("", "Voor artikelen die niet in Bijlage 1 zijn opgenomen, gelden de actuele "
                 "catalogusprijzen van Leverancier."),
        ]),
        "orders": ("Bestellingen", [
            ("", "Afnemer vermeldt bij iedere bestelling de gewenste artikelen, de aantallen en "
                 "zo nodig een gewenste leverdatum."),
            ("", "Een gewenste leverdatum die later valt dan het einde van de levertijd, geldt "
                 "als de overeengekomen leverdatum voor die bestelling."),
        ]),
        "force": ("Overmacht", [
            ("", "Geen van partijen is gehouden tot nakoming van enige verplichting indien zij "
                 "daartoe verhinderd is als gevolg van overmacht."),
            ("", "Indien de overmacht langer dan 30 dagen duurt, mag elke partij de overeenkomst "
                 "ontbinden."),
        ]),
        "confidential": ("Geheimhouding", [
            ("", "Partijen zullen alle vertrouwelijke informatie die zij in het kader van deze "
                 "overeenkomst van elkaar ontvangen geheimhouden, tijdens de looptijd en "
                 "gedurende een periode van 5 jaar na het einde van deze overeenkomst."),
        ]),
        "liability": ("Aansprakelijkheid", [
            ("", "De aansprakelijkheid van Leverancier is beperkt tot € 250.000 per gebeurtenis."),
            ("", "Klachten over geleverde zaken dienen binnen 8 dagen na levering schriftelijk "
                 "te worden gemeld."),
        ]),
        "law": ("Toepasselijk recht", [
            ("", "Op deze overeenkomst is Nederlands recht van toepassing."),
            ("", "Geschillen worden uitsluitend voorgelegd aan de bevoegde rechter van de "
                 "rechtbank Zeeland-West-Brabant."),
        ]),
    },
    "en": {
        "subject": ("Subject", [
            ("", "This agreement sets out the terms on which the Supplier supplies packaging "
                 "materials to the Customer."),
            ("", "The Customer places orders in writing or through the Supplier's customer "
                 "portal. An order is binding once the Supplier has confirmed it."),
        ]),
        "prices": ("Prices", [
            ("", "The prices per item are set out in Annex 1 and are exclusive of VAT."),
            ("", "Items not listed in Annex 1 are supplied at the Supplier's current catalogue "
                 "prices."),
        ]),
        "orders": ("Orders", [
            ("", "For each order the Customer states the items, the quantities and, where "
                 "applicable, a requested delivery date."),
            ("", "A requested delivery date later than the end of the lead time is the agreed "
                 "delivery date for that order."),
        ]),
        "force": ("Force majeure", [
            ("", "Neither party is liable for a failure to perform its obligations to the extent "
                 "that the failure is caused by force majeure."),
            ("", "If the force majeure lasts longer than 30 days, either party may terminate the "
                 "agreement."),
        ]),
        "confidential": ("Confidentiality", [
            ("", "The parties shall keep confidential all information received from each other "
                 "under this agreement, during its term and for a period of 5 years after the "
                 "end of this agreement."),
        ]),
        "liability": ("Liability", [
            ("", "The Supplier's liability is limited to EUR 250,000 per event."),
            ("", "Complaints about delivered goods must be reported in writing within 8 days of "
                 "delivery."),
        ]),
        "law": ("Governing law", [
            ("", "This agreement is governed by the laws of the Netherlands."),
            ("", "Disputes shall be submitted exclusively to the competent court of the District "
                 "Court of Zeeland-West-Brabant."),
        ]),
    },
}

GENERAL_TERMS_REF = (
    "Op deze overeenkomst zijn de Algemene Leveringsvoorwaarden van Leverancier (Bijlage 2) "
    "van toepassing. Bij strijdigheid gaan de bepalingen van deze overeenkomst voor."
)


def term_article(c: CustomerSpec) -> Article:
    """Looptijd / Term."""
    if c.language == "en":
        return ("Term", [
            ("", f"This agreement takes effect on {long_date(c.start, 'en')} and remains in "
                 f"force until and including {long_date(CONTRACT_END, 'en')}."),
            ("", "Thereafter it is renewed tacitly for successive periods of one year, unless "
                 "either party terminates it in writing no later than three months before the "
                 "end of the term."),
        ])
    return ("Looptijd", [
        ("", f"Deze overeenkomst gaat in op {long_date(c.start, 'nl')} en loopt tot en met "
             f"{long_date(CONTRACT_END, 'nl')}."),
        ("", "Daarna wordt de overeenkomst stilzwijgend verlengd met telkens één jaar, tenzij "
             "een van de partijen uiterlijk drie maanden voor het einde van de looptijd "
             "schriftelijk opzegt."),
    ])


def delivery_article(c: CustomerSpec) -> Article:
    """Levering / Delivery: lead time, call-ahead (some customers), delivery address."""
    lang = c.language
    lead = fill(LEAD_TIME[lang][c.lead_phrase], lang, c.lead_days)
    if c.wrap_lead:
        lead = LEAD_TIME_LEAD_IN[lang] + lead
    clauses: list[Clause] = [("lead", lead)]
    if lang == "nl":
        clauses.append(("", "Zaterdagen, zondagen en algemeen erkende feestdagen gelden niet als "
                            "werkdag."))
    else:
        clauses.append(("", "Saturdays, Sundays and public holidays are not working days."))
    if c.call_minutes is not None and c.call_phrase is not None:
        clauses.append(("call", fill(CALL_AHEAD[lang][c.call_phrase], lang, c.call_minutes)))
    clauses.append(("address", fill(ADDRESS[lang][c.address_phrase], lang, address=c.address)))
    risk = {"nl": "Het risico van de zaken gaat over op Afnemer op het moment van aflevering.",
            "en": "Risk in the goods passes to the Customer upon delivery."}
    clauses.append(("", risk[lang]))
    return ("Levering" if lang == "nl" else "Delivery", clauses)


def payment_article(c: CustomerSpec) -> Article:
    """Betaling / Payment."""
    lang = c.language
    pay = fill(PAYMENT[lang][c.payment_phrase], lang, c.payment_days)
    if c.wrap_payment:
        pay = PAYMENT_LEAD_IN[lang] + pay
    if lang == "en":
        return ("Payment", [
            ("payment", pay),
            ("", "If the Customer fails to pay on time, statutory commercial interest is due "
                 "without any further notice of default."),
        ])
    return ("Betaling", [
        ("payment", pay),
        ("", "Bij overschrijding van de betalingstermijn is Afnemer zonder nadere "
             "ingebrekestelling de wettelijke handelsrente verschuldigd."),
    ])


def contract_articles(c: CustomerSpec) -> list[Article]:
    """All articles of a base contract, in the order of its layout."""
    bp = BOILERPLATE[c.language]
    head = [bp["subject"], term_article(c), bp["prices"]]
    if c.layout == "payment_first":
        middle = [payment_article(c), delivery_article(c)]
    elif c.layout == "orders_article":
        middle = [bp["orders"], delivery_article(c), payment_article(c)]
    else:
        middle = [delivery_article(c), payment_article(c)]
    law_heading, law_clauses = bp["law"]
    if c.general_terms:
        law_clauses = [*law_clauses, ("", GENERAL_TERMS_REF)]
    return [*head, *middle, bp["force"], bp["confidential"], bp["liability"],
            (law_heading, law_clauses)]


def clause_numbers(articles: list[Article]) -> dict[str, str]:
    """Tag -> sub-clause number ('payment' -> '5.1')."""
    out: dict[str, str] = {}
    for a, (_, clauses) in enumerate(articles, 1):
        for k, (tag, _) in enumerate(clauses, 1):
            if tag:
                out[tag] = f"{a}.{k}"
    return out


GENERAL_TERMS: list[Article] = [
    ("Toepasselijkheid", [
        ("", "Deze voorwaarden zijn van toepassing op alle aanbiedingen, offertes en "
             "overeenkomsten van Van Dijk Verpakkingen B.V., hierna: Leverancier."),
        ("", "Afwijkingen van deze voorwaarden gelden alleen indien zij schriftelijk zijn "
             "overeengekomen."),
    ]),
    ("Levering", [
        ("", "Levering geschiedt binnen 10 werkdagen na orderdatum."),
        ("", "Opgegeven levertijden zijn geen fatale termijnen. Bij niet-tijdige levering dient "
             "Leverancier schriftelijk in gebreke te worden gesteld."),
        ("", "Levering geschiedt af magazijn Tilburg, tenzij schriftelijk anders is "
             "overeengekomen."),
    ]),
    ("Betaling", [
        ("", "Betaling dient te geschieden binnen 14 dagen na factuurdatum."),
        ("", "Verrekening door de koper is niet toegestaan."),
    ]),
    ("Eigendomsvoorbehoud", [
        ("", "Alle geleverde zaken blijven eigendom van Leverancier totdat alle facturen volledig "
             "zijn voldaan."),
    ]),
    ("Reclames", [
        ("", "Zichtbare gebreken dienen binnen 2 werkdagen na levering te worden gemeld; andere "
             "gebreken binnen 8 dagen nadat zij zijn ontdekt."),
        ("", "Reclames schorten de betalingsverplichting van de koper niet op."),
    ]),
    ("Slotbepaling", [
        ("", "Op alle overeenkomsten is Nederlands recht van toepassing. Deze voorwaarden zijn "
             "gedeponeerd bij de Kamer van Koophandel."),
    ]),
]


def price_rows(c: CustomerSpec) -> list[tuple[str, str, str]]:
    """Annex 1 rows: item, description, unit price as written in the contract's language."""
    return [(item, ITEMS[item][0], money(price, c.language)) for item, price in c.prices.items()]
