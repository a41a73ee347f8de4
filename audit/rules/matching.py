"""Clause x rule -> Term: spaCy Phrase/Matcher patterns on lemmas recognise, values are read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.matcher import Matcher, PhraseMatcher

from audit.errors import Location, RuleError
from audit.models import Clause, Term, TermValue
from audit.rules.nlp import get_nlp
from audit.rules.schema import Rule
from audit.rules.values import UNITS, read_value

PATTERN_CONFIDENCE = 0.9  # a token pattern (wording and a number) matched
PHRASE_CONFIDENCE = 0.7  # only a key phrase matched
MISSING_OPTIONAL = 0.1  # less for each optional value the clause does not state


@dataclass
class _LanguageMatchers:
    phrases: PhraseMatcher
    patterns: Matcher
    excludes: PhraseMatcher


class TermReader:
    """Reads the terms of every rule from clauses; build once per run (loads spaCy once)."""

    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules
        self.matchers = {lang: self._build(lang) for lang in ("nl", "en")}

    def _build(self, lang: str) -> _LanguageMatchers:
        nlp = get_nlp(lang)
        m = _LanguageMatchers(
            PhraseMatcher(nlp.vocab, attr="LEMMA"), Matcher(nlp.vocab, validate=True),
            PhraseMatcher(nlp.vocab, attr="LEMMA"),
        )
        for rule in self.rules.values():
            spec = getattr(rule.recognise, lang)
            if spec.phrases:
                m.phrases.add(rule.id, list(nlp.pipe(p.lower() for p in spec.phrases)))
            if spec.exclude:
                m.excludes.add(rule.id, list(nlp.pipe(p.lower() for p in spec.exclude)))
            for i, pattern in enumerate(spec.patterns):
                try:
                    m.patterns.add(rule.id, [pattern])
                except Exception as e:  # spaCy's own validation of the token pattern
                    raise RuleError(f"invalid spaCy pattern: {e}",
                                    Location(f"{rule.id}.yaml", key=f"recognise.{lang}.patterns.{i}")
                                    ) from e
        return m

    def read(self, clause: Clause, customer_id: str) -> list[Term]:
        """The terms this clause states (none for boilerplate), one per subject."""
        if clause.boilerplate or clause.article == "preamble":
            return []
        lang = clause.doc.language
        m = self.matchers[lang]
        doc = get_nlp(lang)(clause.text.lower())
        vocab = doc.vocab.strings
        excluded = {vocab[i] for i, _, _ in m.excludes(doc)}
        by_pattern = {vocab[i] for i, _, _ in m.patterns(doc)} - excluded
        by_phrase = {vocab[i] for i, _, _ in m.phrases(doc)} - excluded
        terms: list[Term] = []
        for rule_id in sorted(by_pattern | by_phrase):
            base = PATTERN_CONFIDENCE if rule_id in by_pattern else PHRASE_CONFIDENCE
            terms.extend(self._terms(self.rules[rule_id], clause, customer_id, base, lang))
        return terms

    def _terms(
        self, rule: Rule, clause: Clause, customer_id: str, confidence: float, lang: str
    ) -> list[Term]:
        values: list[TermValue] = []
        table: dict[str, Decimal] | None = None
        for spec in rule.values:
            value = read_value(spec.type, clause, lang)
            if value is None:
                if spec.required:
                    return []
                confidence -= MISSING_OPTIONAL
                continue
            if spec.type == "price_table":
                table = value
            else:
                values.append(TermValue(spec.name, value, UNITS[spec.type]))
        if confidence < rule.min_confidence:
            return []
        confidence = round(confidence, 2)
        if table is None:
            return [Term(customer_id, rule.id, tuple(values), clause, confidence)]
        name = next(s.name for s in rule.values if s.type == "price_table")
        return [
            Term(customer_id, rule.id, (*values, TermValue(name, price, "EUR")), clause,
                 confidence, subject=item)
            for item, price in sorted(table.items())
        ]
