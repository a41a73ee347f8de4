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
    "nl": {"geen", "niet", "nooit", "zonder", "noch", "generlei"},
    "en": {"no", "not", "never", "without", "nor", "none", "neither"},
}
# 'niet later dan', 'no later than', 'not less than', 'niet meer dan': comparisons, not negations
COMPARATIVES = {
    "nl": {"later", "eerder", "meer", "minder", "hoger", "lager", "langer", "korter", "te", "boven",
           "overschrijden", "overschrijdt", "uitgezonderd", "alleen", "enkel", "slechts"},
    "en": {"later", "earlier", "more", "less", "fewer", "higher", "lower", "longer", "shorter",
           "exceed", "exceeding", "exceeds", "only", "just", "sooner", "limited", "prior",
           "otherwise"},
}
HEDGES = {
    "nl": {"circa", "ca", "ongeveer", "omstreeks", "indicatief", "indicatieve", "streeft",
           "streven", "nastreven", "doorgaans", "gewoonlijk", "normaliter", "globaal", "richtlijn",
           "verwachting", "naar verwachting", "in beginsel", "in principe", "zo mogelijk"},
    "en": {"approximately", "approx", "circa", "roughly", "indicative", "estimated", "estimate",
           "endeavour", "endeavor", "endeavours", "endeavors", "aim", "aims", "target", "usually",
           "normally", "typically", "generally", "in principle", "where possible",
           "best efforts", "reasonable efforts", "forecast"},
}
# the figure stands in an attachment ('zoals vermeld in Bijlage 3', 'set forth in Exhibit B'):
# the attachment may be missing or unreadable, so the agreement is reviewed; a reference to an
# article of the contract itself is not (that article is read on its own)
REFERENCE = re.compile(
    r"\b(?:in|under|per|op|volgens|conform|overeenkomstig)\s+(?:the\s+|de\s+|het\s+)?"
    r"(?:bijlage|exhibit|schedule|annex|appendix|attachment|addendum)\b", re.I)
NEGATION_REACH = 3  # a negator this many tokens before what the rule matched negates it


@dataclass(frozen=True)
class Modality:
    """What the grammar of one sentence says about one rule's match in it."""

    negated: bool = False  # 'geen minimumafname': no agreement
    hedged: bool = False  # 'circa 5 werkdagen': an indication, to review
    reference: bool = False  # the figure stands elsewhere ('bedoeld in artikel 6')


def judge(doc: Doc, lang: str, spans: list[tuple[int, int]]) -> Modality:
    """The modality of a rule's matches (token spans) in a sentence doc.

    A match is negated when a negator stands shortly before it (not part of the match itself,
    not the start of a comparison such as 'niet later dan'); a negator inside one of the rule's
    own matches ('geen vrachtkosten' is what free shipping says) does not negate it.
    """
    negators, comparatives = NEGATORS.get(lang, set()), COMPARATIVES.get(lang, set())
    covered = {i for begin, end in spans for i in range(begin, end)}
    negated = bool(spans)
    for start, _ in spans:
        hit = False
        for i in range(max(0, start - NEGATION_REACH), start):
            word = doc[i].lower_
            nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            # a negator inside what the rule matched is its own wording ('geen vrachtkosten')
            if word in negators and i not in covered and nxt not in comparatives:
                hit = True
        negated = negated and hit  # negated only when every match of the rule is
    text = doc.text.lower()
    words = {t.lower_.rstrip(".") for t in doc}
    hedged = any((h in words) if " " not in h else (h in text) for h in HEDGES.get(lang, set()))
    return Modality(negated=negated, hedged=hedged, reference=bool(REFERENCE.search(doc.text)))
