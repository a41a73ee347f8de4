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
