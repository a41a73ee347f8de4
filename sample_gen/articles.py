"""The articles of each contract: headings and sub-clauses, in Dutch or English.

An article is (heading, [(tag, text), ...]); the tag marks the special-agreement clauses
("payment", "lead", "call", "address") so the answer key can record their numbers.
"""

from __future__ import annotations

from sample_gen.phrases import (
    ADDRESS,
    BIG_WORDS,
    CALL_AHEAD,
    FREE_SHIPPING,
    LATE_PENALTY,
    LEAD_TIME,
    LEAD_TIME_LEAD_IN,
    NOTICE_WORDS,
    PAYMENT,
    PAYMENT_LEAD_IN,
    PENALTY_UNIT,
    PRICE_INDEXATION,
    TERM_RENEWAL,
    TERM_START,
    VOLUME_COMMITMENT,
    VOLUME_REBATE,
    fill,
    long_date,
    money,
    percent,
    thousands,
    whole_money,
)
from sample_gen.special import SPECIAL
from sample_gen.world import ITEMS, CustomerSpec

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


def special_clauses(c: CustomerSpec) -> dict[str, str]:
    """The texts of the further special-agreement clauses of `c`'s contract, by tag."""
    lang, sp = c.language, SPECIAL[c.cid]
    t = sp.term
    notice = "" if t.notice is None else NOTICE_WORDS[(lang, t.renewal_phrase, t.notice[0])]
    out = {
        "contract_term": TERM_START[lang][t.start_phrase].format(
            start=long_date(c.start, lang), end=long_date(t.end, lang)),
        "contract_renewal": TERM_RENEWAL[lang][t.renewal_phrase].format(notice=notice),
    }
    if sp.commitment is not None:
        cm = sp.commitment
        qty = None if cm.quantity is None else thousands(cm.quantity, lang)
        out["volume_commitment"] = VOLUME_COMMITMENT[lang][cm.phrase].format(
            qty=qty, qty_word=BIG_WORDS.get(lang, {}).get(cm.quantity or 0, ""),
            amount=None if cm.amount is None else whole_money(cm.amount, lang))
    if sp.rebate is not None:
        values = {}
        for i, (threshold, pct) in enumerate(sp.rebate.tiers, 1):
            values[f"t{i}"], values[f"p{i}"] = whole_money(threshold, lang), percent(pct, lang)
        out["volume_rebate"] = VOLUME_REBATE[lang][sp.rebate.phrase].format(**values)
    if sp.indexation is not None:
        out["price_indexation"] = PRICE_INDEXATION[lang][0].format(p=percent(sp.indexation, lang))
    if sp.penalty is not None:
        pen = sp.penalty
        out["late_delivery_penalty"] = LATE_PENALTY[lang][0].format(
            p=percent(pen.percent, lang), unit=PENALTY_UNIT[lang][pen.per],
            cap=percent(pen.cap, lang))
    if sp.free_shipping is not None:
        out["free_shipping"] = FREE_SHIPPING[lang][0].format(
            amount=whole_money(sp.free_shipping, lang))
    if sp.unmatched is not None:
        out["unmatched_agreement"] = sp.unmatched[1]
    return out


def term_article(c: CustomerSpec) -> Article:
    """Looptijd / Term: start and end; renewal and notice."""
    texts = special_clauses(c)
    return ("Term" if c.language == "en" else "Looptijd",
            [("contract_term", texts["contract_term"]),
             ("contract_renewal", texts["contract_renewal"])])


def prices_article(c: CustomerSpec) -> Article:
    """Prijzen / Prices, with the indexation clause where agreed."""
    heading, clauses = BOILERPLATE[c.language]["prices"]
    texts = special_clauses(c)
    if "price_indexation" in texts:
        clauses = [*clauses, ("price_indexation", texts["price_indexation"])]
    return (heading, clauses)


def volume_article(c: CustomerSpec) -> Article | None:
    """Afname / Bonus (Volume / Rebate): commitment and rebate, where agreed."""
    texts = special_clauses(c)
    clauses = [(tag, texts[tag]) for tag in ("volume_commitment", "volume_rebate")
               if tag in texts]
    if not clauses:
        return None
    rebate = "volume_rebate" in texts
    if c.language == "en":
        if rebate:
            clauses.append(("", "Turnover means the amount invoiced excluding VAT and freight, "
                                "less credit notes other than rebate credit notes."))
        names = {(True, True): "Volume and rebate", (True, False): "Volume",
                 (False, True): "Rebate"}
    else:
        if rebate:
            clauses.append(("", "Onder jaaromzet wordt verstaan het gefactureerde bedrag "
                                "exclusief btw en vrachtkosten, verminderd met creditnota's "
                                "anders dan bonuscreditnota's."))
        names = {(True, True): "Afname en bonus", (True, False): "Afname",
                 (False, True): "Bonus"}
    return (names[("volume_commitment" in texts, rebate)], clauses)


def report_article(c: CustomerSpec) -> Article | None:
    """Rapportage / Reporting: an agreement no rule covers, where made."""
    sp = SPECIAL[c.cid]
    if sp.unmatched is None or sp.unmatched[0] != "report":
        return None
    return ("Reporting" if c.language == "en" else "Rapportage",
            [("unmatched_agreement", sp.unmatched[1])])


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
    texts = special_clauses(c)
    for tag in ("late_delivery_penalty", "free_shipping"):
        if tag in texts:
            clauses.append((tag, texts[tag]))
    sp = SPECIAL[c.cid]
    if sp.unmatched is not None and sp.unmatched[0] == "delivery":
        clauses.append(("unmatched_agreement", sp.unmatched[1]))
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
    head = [bp["subject"], term_article(c), prices_article(c)]
    if c.layout == "payment_first":
        middle = [payment_article(c), delivery_article(c)]
    elif c.layout == "orders_article":
        middle = [bp["orders"], delivery_article(c), payment_article(c)]
    else:
        middle = [delivery_article(c), payment_article(c)]
    middle += [a for a in (volume_article(c), report_article(c)) if a is not None]
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
