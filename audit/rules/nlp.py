"""The spaCy pipelines: blank Dutch/English with lookup lemmas, gaps filled by suffix rules."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

POS_ORDER = ("noun", "verb", "adj")


@cache
def get_nlp(lang: str) -> Language:
    """A blank pipeline for 'nl' or 'en' with lemmas from spacy-lookups-data (no download)."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    tables = load_lookups(lang, ["lemma_rules", "lemma_index"])
    filler = _GapFiller(tables.get_table("lemma_rules"), tables.get_table("lemma_index"))
    nlp.add_pipe("audit_lemma_gaps", last=True)
    nlp.get_pipe("audit_lemma_gaps").filler = filler  # type: ignore[attr-defined]
    if lang == "nl":
        nlp.add_pipe("audit_separable_verbs", last=True)
        nlp.get_pipe("audit_separable_verbs").verbs = filler.index["verb"]  # type: ignore[attr-defined]
    return nlp


class _GapFiller:
    """Suffix rules (dagen -> dag) for words the lookup table lacks, kept only if a known lemma."""

    def __init__(self, rules: object, index: object):
        self.rules = {pos: rules.get(pos, []) for pos in POS_ORDER}  # type: ignore[attr-defined]
        self.index = {pos: set(index.get(pos, [])) for pos in POS_ORDER}  # type: ignore[attr-defined]
        self.cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        if word not in self.cache:
            self.cache[word] = self._lookup(word)
        return self.cache[word]

    def _lookup(self, word: str) -> str:
        for pos in POS_ORDER:
            if word in self.index[pos]:
                return word
            for old, new in self.rules[pos]:
                if word.endswith(old):
                    candidate = word[: len(word) - len(old)] + new
                    if candidate in self.index[pos]:
                        return candidate
        return word


class _GapComponent:
    def __init__(self) -> None:
        self.filler: _GapFiller | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.filler is None:
            return doc
        for token in doc:
            if (
                token.lemma_ == token.lower_
                and len(token) >= 4
                and token.is_alpha
                and not token.is_stop
            ):
                token.lemma_ = self.filler.lemma(token.lower_)
        return doc


@Language.factory("audit_lemma_gaps")
def _make_gap_component(nlp: Language, name: str) -> _GapComponent:
    return _GapComponent()


# Dutch separable verbs put their particle at the end of the main clause ('Afnemer neemt jaarlijks
# 1.000 stuks af', 'meldt zich een uur vooraf aan'): the verb's lemma is the particle and the
# verb ('afnemen', 'aanmelden'), as it is when written together ('af te nemen', 'afneemt')
PARTICLES = {"af", "aan", "op", "in", "toe", "uit", "mee", "terug", "door", "over", "na", "bij",
             "vast", "voort", "weg", "binnen", "langs"}
# what ends the clause after a particle: punctuation, a coordinator or a subordinator
PARTICLE_END = {",", ".", ";", ":", ")", "(", "en", "of", "maar", "doch", "tenzij", "indien",
                "mits", "zodra", "als", "wanneer", "zodat", "omdat"}


class _SeparableVerbs:
    def __init__(self) -> None:
        self.verbs: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        begin = 0  # where the current clause begins
        for i, token in enumerate(doc):
            if token.lower_ in PARTICLE_END and token.lower_ not in PARTICLES:
                begin = i + 1
            at_end = i + 1 == len(doc) or doc[i + 1].lower_ in PARTICLE_END
            if token.lower_ in PARTICLES and at_end and i > begin:
                self._join(doc, begin, i)
        return doc

    def _join(self, doc: Doc, begin: int, particle: int) -> None:
        """The clause's first verb that makes a verb with the particle takes it as its lemma."""
        for k in range(begin, particle):
            lemma = doc[k].lemma_.lower()
            if doc[k].is_alpha and lemma in self.verbs and doc[particle].lower_ + lemma in self.verbs:
                doc[k].lemma_ = doc[particle].lower_ + lemma
                return


@Language.factory("audit_separable_verbs")
def _make_separable_verbs(nlp: Language, name: str) -> _SeparableVerbs:
    return _SeparableVerbs()
