"""How a sentence states what it says, judged once for every rule: negated, hedged, a reference.

A rule recognises what an agreement is *about*; whether the sentence agrees it is a matter of
grammar shared by all kinds: "er geldt geen minimumafname" / "there is no minimum purchase"
states that there is no agreement, "circa 5 werkdagen" / "approximately 5 working days" is an
indication to review, and "de afname bedoeld in artikel 6" / "as set forth in Exhibit B" points
to where the figure stands. Word lists here are closed-class grammar words of each language, not
the wording of any document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

NEGATORS = {
    "nl": {"geen", "niet", "nooit", "zonder", "noch", "generlei", "niets", "niemand"},
    "en": {"no", "not", "never", "without", "nor", "none", "neither", "nothing", "n't"},
}
# what opens a clause of its own inside a sentence: a negator after one of these ('if Buyer does
# not order …', 'tenzij Afnemer niet …') negates that condition, not the agreement around it
SUBORDINATORS = {
    "nl": {"indien", "als", "tenzij", "wanneer", "zodra", "mits", "ingeval", "voorzover",
           "voor zover", "behalve", "die", "welke", "waarbij"},
    "en": {"if", "unless", "when", "whenever", "where", "should", "provided", "except",
           "which", "who", "whether", "until", "in the event", "to the extent"},
}
# a main clause ends at these marks, and at a coordinator before a new finite verb ('… and
# shall purchase …'); a negator in an earlier one does not reach the match
CLAUSE_END = {",", ";", ":", "(", ")", "—", "–"}
COORDINATORS = {"nl": {"en", "of", "maar", "doch"}, "en": {"and", "or", "but"}}
FINITE = {
    "nl": {"zal", "zullen", "moet", "moeten", "mag", "mogen", "kan", "kunnen", "is", "zijn",
           "wordt", "worden", "heeft", "hebben", "verplicht", "dient", "dienen"},
    "en": {"shall", "will", "must", "may", "can", "is", "are", "has", "have", "agrees", "agree",
           "undertakes", "should", "does", "do", "would"},
}
# 'niet later dan', 'no later than', 'not less than', 'niet meer dan': comparisons, not negations
COMPARATIVES = {
    "nl": {"later", "eerder", "meer", "minder", "hoger", "lager", "langer", "korter", "te", "boven",
           "overschrijden", "overschrijdt", "uitgezonderd", "alleen", "enkel", "slechts"},
    "en": {"later", "earlier", "more", "less", "fewer", "higher", "lower", "longer", "shorter",
           "exceed", "exceeding", "exceeds", "only", "just", "sooner", "limited", "prior"},
}
# 'shall not increase by more than 3%', 'niet met meer dan 3% verhogen': the negator denies only
# the excess after the preposition, the sentence sets a maximum
BY = {"nl": {"met"}, "en": {"by"}}
# 'items not listed in Annex 1', 'artikelen niet vermeld in bijlage 1': a negator between a noun
# and a participle qualifies that noun (a reduced relative clause), not the agreement
ADVERBIAL = {"nl": {"niet", "nooit"}, "en": {"not", "never"}}
PARTICIPLE = {
    "nl": re.compile(r"^(?:ge|be|ver|ont|her|er|over|toe|op|aan)\w{2,}(?:d|t|en)$"),
    "en": re.compile(r"^\w{2,}(?:ed|en|wn|ght|aid|old|ade|ept|ent|ound)$"),
}
# the words after a participle that open its phrase ('betwist binnen acht dagen', 'disputed within
# eight days'): a participle with one of these after a noun qualifies that noun
PREPOSITIONS = {
    "nl": {"binnen", "na", "voor", "vóór", "in", "op", "bij", "door", "met", "van", "uiterlijk",
           "tot", "vanaf", "over", "onder", "tijdens", "sinds"},
    "en": {"within", "after", "before", "in", "on", "by", "at", "from", "under", "prior",
           "during", "for", "since", "until", "later"},
}
# relative pronouns after a noun ('facturen die …', 'invoices which …'); not 'dat' / 'that',
# which as often open what is agreed ('agrees that payment is due …')
RELATIVES = {"nl": {"die", "welke", "waarvan", "waarop"}, "en": {"which", "who", "whose"}}
QUALIFIER_END = {",", ";", ":"}
HEDGES = {
    "nl": {"circa", "ca", "ongeveer", "omstreeks", "indicatief", "indicatieve", "streeft",
           "streven", "nastreven", "doorgaans", "gewoonlijk", "normaliter", "globaal", "richtlijn",
           "verwachting", "naar verwachting", "in beginsel", "in principe", "zo mogelijk",
           # an example or illustration shows how a figure works, it need not be the agreement
           "bijvoorbeeld", "bijv", "voorbeeld", "rekenvoorbeeld", "ter illustratie"},
    "en": {"approximately", "approx", "circa", "roughly", "indicative", "estimated", "estimate",
           "endeavour", "endeavor", "endeavours", "endeavors", "aim", "aims", "target", "usually",
           "normally", "typically", "generally", "in principle", "where possible",
           "best efforts", "reasonable efforts", "forecast"},
}
# a permission ('Leverancier kan op verzoek binnen 1 werkdag leveren', 'Afnemer mag binnen 8
# dagen betalen onder aftrek van 2%'): an option open to a party, not the duty a rule of
# `duty: true` reads (for a price raise or a penalty the permission is the agreement itself)
PERMISSIONS = {
    "nl": {"kan", "kunnen", "mag", "mogen", "gerechtigd", "bevoegd", "desgewenst", "optioneel",
           "facultatief", "het recht"},
    # 'may' alone: 'may not' is a negation the negation scope reads first
    "en": {"may", "entitled", "permitted", "at its option", "at its discretion", "at its sole "
           "discretion", "has the right", "have the right", "optionally"},
}
PARENTHETICAL_REACH = 2  # comma-set phrases between a modal and its verb
MODAL_MARKED = {"en"}  # languages whose main clause shows its finite verb in FINITE
# an exclusion named as an exception to the agreement ('Behoudens overmacht levert …', 'behalve
# in geval van overmacht'): the sentence states the agreement and carves that case out
CARVE_OUTS = {"nl": {"behoudens", "behalve", "uitgezonderd", "uitzondering"}, "en": set()}
CARVE_OUT_REACH = 4  # tokens between the carve-out word and the excluded phrase

# the figure stands in an attachment ('zoals vermeld in Bijlage 3', 'set forth in Exhibit B'):
# the attachment may be missing or unreadable, so the agreement is reviewed; a reference to an
# article of the contract itself is not (that article is read on its own)
REFERENCE = re.compile(
    r"\b(?:in|under|per|op|volgens|conform|overeenkomstig)\s+(?:the\s+|de\s+|het\s+)?"
    r"(?:bijlage|exhibit|schedule|annex|appendix|attachment|addendum)\b", re.I)


# the attachment a reference names, as written ('Schedule 2', 'Bijlage B', 'Exhibit A-1')
ATTACHMENT = re.compile(r"\b(?:bijlage|exhibit|schedule|annex|appendix|attachment|addendum)\b"
                        r"(?:\s+(?=[\w.-]*\d|[A-Z]\b)[\w.-]*\w)?", re.I)


def attachment(text: str) -> str | None:
    """The attachment a reference in the text names ('as set out in Schedule 2' -> 'Schedule
    2'), or None without a reference."""
    m = REFERENCE.search(text)
    found = ATTACHMENT.search(text, m.start()) if m else None
    return found.group(0) if found else None


@dataclass(frozen=True)
class Modality:
    """What the grammar of one sentence says about one rule's match in it."""

    negated: bool = False  # 'geen minimumafname': no agreement
    hedged: bool = False  # 'circa 5 werkdagen': an indication, to review
    permitted: bool = False  # 'kan … leveren': an option, not a duty


def judge(doc: Doc, lang: str, spans: list[tuple[int, int]]) -> Modality:
    """The modality of a rule's matches (token spans) in a sentence doc.

    A match is negated when a negator stands before it in the same main clause (negation_scope):
    'Nothing in this Agreement shall require Buyer to purchase …' as well as 'geen
    minimumafname'. A negator is not one when it opens a comparison ('niet later dan', 'not less
    than'), when it is part of the rule's own match ('geen vrachtkosten' is what free shipping
    says), or when it stands in a condition of its own ('if Buyer does not order …').
    """
    covered = {i for begin, end in spans for i in range(begin, end)}
    negated = bool(spans) and all(_negated_at(doc, lang, start, covered) for start, _ in spans)
    text = doc.text.lower()
    words = {t.lower_.rstrip(".") for t in doc}
    hedged = any((h in words) if " " not in h else (h in text) for h in HEDGES.get(lang, set()))
    # a match the heading made has no words of its own: the sentence's first clause speaks
    permitted = all(_permitted_at(doc, lang, start) for start, _ in spans or [(0, 0)])
    return Modality(negated=negated, hedged=hedged, permitted=permitted)


def _permitted_at(doc: Doc, lang: str, start: int) -> bool:
    """A permission word in the main clause holding token `start` (from its beginning to the
    next clause mark), outside a condition of its own ('indien Afnemer dat wenst, …')."""
    permissions = PERMISSIONS.get(lang, set())
    if not permissions:
        return False
    begin = clause_start(doc, lang, start)
    end = next((i for i in range(start, len(doc)) if doc[i].lower_ in CLAUSE_END), len(doc))
    words = [t.lower_ for t in doc[begin:end]]
    if any(w in SUBORDINATORS.get(lang, set()) for w in words[:max(0, start - begin)]):
        return False
    text = f" {' '.join(words)} "
    if any(f" {p} " in text for p in permissions):
        return True
    # 'Supplier may, at its discretion, ship within …': the match's clause has no verb of its
    # own; the modal stands before the inserted phrase (English, where the modal marks it)
    for _ in range(PARENTHETICAL_REACH if lang in MODAL_MARKED else 0):
        if begin == 0 or set(words) & FINITE[lang]:
            break
        begin = clause_start(doc, lang, begin - 1)
        words = [t.lower_ for t in doc[begin:end]]
        text = f" {' '.join(words)} "
        if any(f" {p} " in text for p in permissions):
            return True
    return False


def carved_out(doc: Doc, lang: str, span: tuple[int, int]) -> bool:
    """The excluded phrase at token `span` is an exception the sentence makes to its agreement:
    a carve-out word ('behoudens', 'behalve', 'met uitzondering van') stands shortly before it."""
    words = CARVE_OUTS.get(lang, set())
    return any(doc[i].lower_ in words
               for i in range(max(0, span[0] - CARVE_OUT_REACH), span[0]))


def qualifiers(doc: Doc, lang: str) -> list[tuple[int, int]]:
    """Character spans of the phrases in a sentence doc that qualify a noun rather than state
    the agreement: a reduced relative clause ('Facturen niet betwist binnen acht dagen worden
    …', 'Invoices not disputed within eight (8) days shall …'), up to the main clause's finite
    verb (a qualifier of the subject: before that verb; one reaching a clause mark first is no
    qualifier), and a relative clause ('Facturen die binnen acht dagen worden betwist, …',
    'Invoices which are disputed within 8 days shall …'), up to a clause mark or the second
    finite verb.
    A figure inside one says which things the agreement is about, not what is agreed."""
    finite, participle = FINITE.get(lang, set()), PARTICIPLE.get(lang)
    adverbial, prepositions = ADVERBIAL.get(lang, set()), PREPOSITIONS.get(lang, set())
    relatives = RELATIVES.get(lang, set())
    out: list[tuple[int, int]] = []
    i = 1
    while i < len(doc):
        noun = doc[i - 1]
        if not noun.is_alpha or noun.is_stop or noun.lower_ in finite or participle is None:
            i += 1
            continue
        word = doc[i].lower_
        end: int | None = None
        if word in relatives:
            verbs = 0
            for k in range(i + 1, len(doc)):
                if doc[k].lower_ in QUALIFIER_END:
                    end = k
                    break
                if doc[k].lower_ in finite:
                    verbs += 1
                    if verbs == 2:
                        end = k
                        break
        else:
            j = i + 1 if word in adverbial else i
            # before the clause's finite verb: the subject's qualifier; after it, a participle
            # is the verb's own ('is Leverancier een boete verschuldigd van 2%')
            verb_before = any(doc[k].lower_ in finite for k in range(clause_start(doc, lang, i), i))
            if (not verb_before and j + 1 < len(doc) and participle.match(doc[j].lower_)
                    and not doc[j].lower_.endswith("ment") and doc[j].lower_ not in finite
                    and doc[j + 1].lower_ in prepositions):
                stop = next((k for k in range(j + 1, len(doc))
                             if doc[k].lower_ in finite or doc[k].lower_ in QUALIFIER_END), None)
                # a qualifier of the subject runs into the main clause's finite verb; one that
                # runs into a clause mark first was the clause's own participle ('written
                # notice given by Customer …, ')
                end = stop if stop is not None and doc[stop].lower_ in finite else None
        if end is None or end <= i + 1:
            i += 1
            continue
        out.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)))
        i = end
    return out


def clause_start(doc: Doc, lang: str, at: int) -> int:
    """Where the main clause holding token `at` begins: after the last clause mark (, ; : a
    bracket) before it, or after a coordinator followed by a finite verb ('and shall …')."""
    coordinators, finite = COORDINATORS.get(lang, set()), FINITE.get(lang, set())
    for i in range(at - 1, -1, -1):
        word = doc[i].lower_
        if word in CLAUSE_END:
            return i + 1
        if word in coordinators and i + 1 < at and doc[i + 1].lower_ in finite:
            return i + 1
    return 0


def _negated_at(doc: Doc, lang: str, start: int, covered: set[int]) -> bool:
    """A negator of the main clause before token `start`, outside a condition of its own."""
    negators, comparatives = NEGATORS.get(lang, set()), COMPARATIVES.get(lang, set())
    subordinators = SUBORDINATORS.get(lang, set())
    begin = clause_start(doc, lang, start)
    words = [doc[i].lower_ for i in range(begin, start)]
    for k, word in enumerate(words):
        i = begin + k
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if word not in negators or i in covered or nxt in comparatives or _bounds(doc, lang, i):
            continue
        if _qualifies_a_noun(doc, lang, i):
            continue
        before = " ".join(words[:k])
        if not any(f" {s} " in f" {before} " for s in subordinators):
            return True
    return False


def _bounds(doc: Doc, lang: str, i: int) -> bool:
    """The negator at `i` bounds an amount: a verb or two, then 'by more than' ('not increase
    by more than', 'niet met meer dan … verhogen')."""
    comparatives, by = COMPARATIVES.get(lang, set()), BY.get(lang, set())
    return any(doc[k].lower_ in by and doc[k + 1].lower_ in comparatives
               for k in range(i + 1, min(i + 4, len(doc) - 1)))


def _qualifies_a_noun(doc: Doc, lang: str, i: int) -> bool:
    """The negator at `i` stands in a reduced relative clause ('items not listed in …'): an
    adverbial negator after a word that is no finite verb and before a participle."""
    if doc[i].lower_ not in ADVERBIAL.get(lang, set()) or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1].lower_
    participle = PARTICIPLE.get(lang)
    return (before.is_alpha and before.lower_ not in FINITE.get(lang, set())
            and participle is not None and bool(participle.match(after)))


def referred(doc: Doc, found: dict[str, list[tuple[int, int]]]) -> set[str]:
    """The rules a reference to an attachment in the sentence speaks of: those whose matched
    words stand nearest to it ('levert aan de Haven onderdelen tegen de tarieven in Bijlage 2':
    the prices, not the delivery); none without a reference."""
    m = REFERENCE.search(doc.text)
    if m is None:
        return set()
    at = next((t.i for t in doc if t.idx >= m.start()), len(doc))
    distance = {rule: min(at - end if end <= at else start - at for start, end in spans)
                for rule, spans in found.items() if spans}
    if not distance:
        return set()
    nearest = min(distance.values())
    return {rule for rule, d in distance.items() if d == nearest}
