"""Clause x rule -> Term: spaCy Phrase/Matcher patterns on lemmas recognise, values are read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from audit.core.parse import find_dates
from audit.errors import Location, RuleError
from audit.models import Clause, Table, Term, TermValue
from audit.rules.modality import attachment, carved_out, judge, qualifiers, referred
from audit.rules.nlp import get_nlp
from audit.rules.schema import Rule
from audit.rules.values import (
    UNITS,
    PriceTable,
    find_start_date,
    read_foreign_amount,
    read_value,
)

PATTERN_CONFIDENCE = 0.9  # a token pattern (wording and a number) matched
PHRASE_CONFIDENCE = 0.8  # a key phrase matched and every required value was read
HEADING_CONFIDENCE = 0.7  # only the clause's heading names the topic; the values were read
# a document's title naming it general terms ('Algemene Verkoopvoorwaarden', 'General Terms
# and Conditions', 'Standard Conditions of Sale')
GENERAL_TERMS = re.compile(r"\b(?:algemene\s+\w*\s*voorwaarden|algemene\s+\w*voorwaarden|"
                           r"general\s+terms|(?:standard|general)\s+conditions|terms\s+and\s+"
                           r"conditions|conditions\s+of\s+(?:sale|supply|purchase))\b", re.I)
TITLE_CHARS = 120
HEADING_REACH = 2  # sentences a clause may have for its heading to name their topic
FOLLOW_ON = 2  # clauses after an article that may complete its term's optional values
MISSING_OPTIONAL = 0.1  # less for each optional value the clause does not state
OCR_FACTOR = 0.8  # a clause read from a scanned page is less certain
# a review term (rules with review_when_values_missing): the agreement is stated but its
# values cannot be read; below the `terms` review flag, not subject to min_confidence
REVIEW_CONFIDENCE = 0.4
# value types read from the whole matching part, qualifiers included (a table is not a sentence)
WHOLE_PART = {"price_table", "tiers"}
# a sentence ends at . or ; (or the Greek question mark some PDFs give for it) before a
# capital, not inside 'B.V.' or '1.234,56'; and at ; before an item of an enumeration in running
# text ('…; sub b. levering binnen 3 werkdagen', '…; (ii) …', '…; c) …'): each item its own
SENTENCE = re.compile(r"(?<=[a-z0-9)\]][.;\u037e])\s+(?=[A-Z(\[“\"])|"
                      r"(?<=;)\s+(?=(?:sub\s+)?\(?(?:[a-z]|[ivx]{1,4})[.)]\s)")
# a sentence naming a party: its seat, registration number or 'hereinafter' name (addresses
# and numbers there are the parties', not agreements)
PARTY_BLOCK = re.compile(
    r"\b(?:kvk|k\.v\.k\.|handelsregister|kamer van koophandel|statutair|statutaire|"
    r"hierna(?:\s+te\s+noemen)?\s*:?\s*[\"“']|chamber of commerce|company (?:number|no)|"
    r"registered (?:office|number|under)|coc[- ]number|"
    # 'hereinafter referred to as "Buyer"', not 'as hereinafter defined'
    r"(?:hereinafter|hereafter)(?:\s+(?:referred\s+to|called|named|designated))?(?:\s+as)?\s*"
    r"[:,]?\s*[\"“'(]|"
    r"rechtsgeldig vertegenwoordigd|duly represented)", re.I)

# a recital: why the parties contract, not what they agree ('WHEREAS Buyer wishes to purchase at
# least …', '(B) Overwegende dat Leverancier …', 'In aanmerking nemende dat …'), a sentence of its
# own or a clause under such a heading
RECITAL = re.compile(r"^\W*(?:\(?[A-Za-z0-9]{1,3}[.)]\s*)?(?:whereas|overwegende|in\s+aanmerking\s+"
                     r"nemende|considerans)\b", re.I)
RECITALS = re.compile(r"^\W*(?:recitals?|background|preamble|overwegingen|considerans)\W*$", re.I)


Spans = dict[str, list[tuple[int, int]]]  # rule id -> the token spans it matched


class _Hits(NamedTuple):
    """What the matchers found in one sentence."""

    pattern: Spans
    phrase: Spans
    review: Spans
    excluded: set[str]
    vetoed: set[str]  # excluded, or its review vetoed


@dataclass
class _LanguageMatchers:
    phrases: PhraseMatcher
    patterns: Matcher
    excludes: PhraseMatcher
    reviews: PhraseMatcher  # review phrases (they also recognise the clause)
    review_excludes: PhraseMatcher  # phrases that veto a review term
    review_references: PhraseMatcher  # cross-references that veto the review matches before them
    topic_phrases: PhraseMatcher  # multi-word topics, word for word ('the term' is not 'the terms')
    review_patterns: Matcher  # review token patterns (they also recognise the clause)


class TermReader:
    """Reads the terms of every rule from clauses; build once per run (loads spaCy once)."""

    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules
        self.matchers = {lang: self._build(lang) for lang in ("nl", "en")}
        self.topics = {lang: {r.id: tuple(t.lower() for t in getattr(r.recognise, lang).topics
                                          if " " not in t.strip() and not t.startswith("!"))
                              for r in rules.values() if getattr(r.recognise, lang).topics}
                       for lang in ("nl", "en")}
        # '!leverancier': a word that starts like a topic but is not about it (the supplier)
        self.not_topics = {lang: {r.id: tuple(t[1:].lower() for t in getattr(r.recognise, lang).topics
                                              if t.startswith("!"))
                                  for r in rules.values()} for lang in ("nl", "en")}

    def _build(self, lang: str) -> _LanguageMatchers:
        nlp = get_nlp(lang)
        m = _LanguageMatchers(
            PhraseMatcher(nlp.vocab, attr="LEMMA"), Matcher(nlp.vocab, validate=True),
            *(PhraseMatcher(nlp.vocab, attr="LEMMA") for _ in range(4)),
            PhraseMatcher(nlp.vocab, attr="LOWER"), Matcher(nlp.vocab, validate=True),
        )
        for rule in self.rules.values():
            spec = getattr(rule.recognise, lang)
            # multi-word topics ('lead time') are matched as phrases; single words as stems
            if spec.phrases:
                m.phrases.add(rule.id, list(nlp.pipe(p.lower() for p in spec.phrases)))
            topic_phrases = [t for t in spec.topics if " " in t.strip()]
            if topic_phrases:
                m.topic_phrases.add(rule.id, [nlp.make_doc(t.lower()) for t in topic_phrases])
            if spec.exclude:
                m.excludes.add(rule.id, list(nlp.pipe(p.lower() for p in spec.exclude)))
            if spec.review:
                m.reviews.add(rule.id, list(nlp.pipe(p.lower() for p in spec.review.phrases)))
            if spec.review and spec.review.exclude:
                m.review_excludes.add(rule.id,
                                      list(nlp.pipe(p.lower() for p in spec.review.exclude)))
            if spec.review and spec.review.references:
                m.review_references.add(
                    rule.id, list(nlp.pipe(p.lower() for p in spec.review.references)))
            _add_patterns(m.patterns, rule.id, spec.patterns, f"recognise.{lang}.patterns")
            if spec.review:
                _add_patterns(m.review_patterns, rule.id, spec.review.patterns,
                              f"recognise.{lang}.review.patterns")
        return m

    def read_document(self, clauses: list[Clause], customer_id: str) -> list[Term]:
        """Every term of one document: per clause, per article (rules with scope: article),
        and, for clauses no rule recognised, the fallback rules (unmatched agreements)."""
        by_scope: dict[str, set[str]] = {"clause": set(), "article": set(), "fallback": set()}
        for rule in self.rules.values():
            by_scope["fallback" if rule.fallback else rule.scope].add(rule.id)
        terms: list[Term] = []
        weak: list[Term] = []  # terms only their clause's heading recognised
        recognised: set[int] = set()
        start = document_start(clauses)

        def keep(found: list[Term], heading_only: list[Term], complete: Any) -> None:
            for term in found:
                done = complete(term)
                terms.append(done)
                if any(term is t for t in heading_only):
                    weak.append(done)

        titles = {i for i in range(len(clauses)) if _title_over_parts(clauses, i)}
        for i, clause in enumerate(clauses):
            if i in titles:
                continue  # '(e) No Minimum Purchase Obligation; Minimum Order Quantities.'
            found, heading_only = self._read(clause, customer_id, by_scope["clause"])
            keep(found, heading_only, lambda t, i=i: t if t.subject else self._complete(
                t, clauses, i, start, sibling=True))
            if found:
                recognised.add(i)
        for members, article in _articles(clauses):
            found, heading_only = self._read(article, customer_id, by_scope["article"], start)
            keep(found, heading_only, lambda t, m=members: self._complete(t, clauses, m[-1], start))
            if found:
                recognised.update(members)
        for joined, items, sentence in lead_ins(clauses):
            # what the items or the lead-in sentence state readably on their own is read already
            # (one of them to review only: the statement as a whole may give its figures)
            parts = {id(c) for c in items}
            alone = self._read(replace(joined, text=sentence), customer_id, by_scope["clause"],
                               start)[0]
            own = [*alone, *(t for t in terms if id(t.clause) in parts)]
            readable = {t.rule_id for t in own if t.get("readable") is not False}
            found = self._read(joined, customer_id, by_scope["clause"] - readable, start)[0]
            terms += [t for t in found if t.get("readable") is not False
                      or t.rule_id not in {o.rule_id for o in own}]
        fallback = set() if _general_terms(clauses) else by_scope["fallback"]
        for i, clause in enumerate(clauses):
            if i not in recognised and i not in titles:
                terms += self._read(clause, customer_id, fallback)[0]
        return _attachments_read(_stated_outright(terms, weak))

    def _complete(self, term: Term, clauses: list[Clause], last: int,
                  start: date | None, sibling: bool = False) -> Term:
        """A term missing an optional value takes it from the next clause or two: for an
        article-scope term when they are about the same rule ('15 Looptijd … 16 Opzegging: drie
        maanden'); for a clause's term (`sibling`) from the next sub-clauses of its own article
        ('C.1 … 400 pakken per kwartaal', 'C.2 … een volumekorting van € 1,60 per pak').
        The term keeps citing its own clause."""
        rule = self.rules[term.rule_id]
        missing = [s for s in rule.values if not s.required and not s.one_of
                   and term.get(s.name) is None]
        if not missing or term.get("readable") is False:
            return term
        extra: list[TermValue] = []
        for clause in clauses[last + 1: last + 1 + FOLLOW_ON]:
            if clause.boilerplate or clause.file != term.clause.file:
                break
            if sibling:
                own = article_key(term.clause)
                if own is None or article_key(clause) != own:
                    break
            elif term.rule_id not in self._recognised_by(clause):
                continue
            for spec in list(missing):
                value = read_value(spec.type, clause, clause.doc.language, start)
                if value is not None:
                    extra.append(TermValue(spec.name, value, UNITS[spec.type]))
                    missing.remove(spec)
        return replace(term, values=(*term.values, *extra)) if extra else term

    def _recognised_by(self, clause: Clause) -> set[str]:
        """The rules whose topics, phrases or patterns the clause (or its heading) holds."""
        nlp = get_nlp(clause.doc.language)
        hits: set[str] = set()
        for text in (clause.heading, clause.text):
            if text:
                found = self._hits(nlp(text.lower()))
                hits |= set(found.pattern) | set(found.phrase)
        return hits

    def read(self, clause: Clause, customer_id: str, rule_ids: set[str] | None = None,
             start: date | None = None) -> tuple[list[Term], set[str]]:
        """The terms this clause states (none for boilerplate), and the rules they are of.
        A rule that recognised the clause but read nothing from it is not among them: it
        does not keep the clause from the fallback (an agreement no rule covers)."""
        terms, _ = self._read(clause, customer_id, rule_ids, start)
        return terms, {t.rule_id for t in terms}

    def _read(self, clause: Clause, customer_id: str, rule_ids: set[str] | None = None,
              start: date | None = None) -> tuple[list[Term], list[Term]]:
        """The terms this clause states, and those of them only its heading recognised.

        Without `rule_ids`, the rules read per clause: not the article-scope rules nor the
        fallback, which only `read_document` can judge (they need the clause's neighbours).
        Each sentence is matched on its own, so that an exclusion or a number in one sentence
        does not spill into the next; the values are read from the sentences that matched.
        `start` is the document's start date (an end date may be given as a term's length).
        The grammar of each sentence is judged once for all rules (modality.py): a negated
        match is no agreement, a hedged one ('circa') or one pointing elsewhere for its figure
        gives a term to review. A sentence with a review phrase of a rule with
        review_when_values_missing yields a review term when the rule's values cannot be read.
        """
        if rule_ids is None:
            rule_ids = {r.id for r in self.rules.values() if r.scope == "clause" and not r.fallback}
        if clause.boilerplate or not rule_ids or RECITALS.match(clause.heading or ""):
            return [], []
        lang = clause.doc.language
        nlp = get_nlp(lang)
        heading_hits = set(self._hits(nlp(clause.heading.lower())).phrase) if clause.heading else set()
        # rule -> (confidence, its sentences, the same without their nouns' qualifiers)
        found: dict[str, tuple[float, list[str], list[str]]] = {}
        soft: dict[str, tuple[float, list[str], list[str]]] = {}  # hedged or permitted only
        outright: set[str] = set()  # rules the sentences name themselves (not only the heading)
        review: set[str] = set()
        blacked: set[str] = set()  # rules whose figure a sentence blacks out: to review
        hedged: set[str] = set()
        referenced: dict[str, str] = {}  # rules a sentence refers to an attachment for
        sentences_ = SENTENCE.split(clause.text)
        # a short clause is about its heading ('Duur: geldt van … tot en met …'); in a longer
        # one each sentence has its own subject, and the heading does not stand for it
        if len(sentences_) > HEADING_REACH:
            heading_hits = set()
        # the tables the clause introduces ('shall purchase the following products:' over a
        # table with a 'Minimum' column) are read with its last sentence, for recognition only:
        # the values come from the text (a table's figures are read by the rules that read
        # tables), so a commitment set out in a table is at least a term to review
        table_words = _table_words(clause.tables)
        for n, sentence in enumerate(sentences_):
            if PARTY_BLOCK.search(sentence) or RECITAL.match(sentence):
                continue  # the parties' names, seats and registration numbers, a recital
            seen = f"{sentence} {table_words}" if table_words and n == len(sentences_) - 1 \
                else sentence
            # a blacked-out figure ('[***] units') stands where a number stands: recognised as
            # one, its value unreadable (the readers see the original), so a term to review
            redacted = REDACTED.search(seen) is not None
            seen = REDACTED.sub(lambda m: "1" * len(m.group()), seen)
            doc = nlp(seen.lower())
            quals = qualifiers(doc, lang)
            by_pattern, by_phrase, by_review, excluded, vetoed = self._hits(doc, quals)
            # the heading says what the clause is about ('Duur': 'geldt van … tot en met …')
            from_heading = heading_hits - set(by_pattern) - set(by_phrase) - excluded
            # a reference to an attachment speaks of the rules named nearest to it
            near = referred(doc, {r: by_pattern.get(r, []) + by_phrase.get(r, [])
                                  for r in (set(by_pattern) | set(by_phrase)) & rule_ids})
            for rule_id in (set(by_pattern) | set(by_phrase) | from_heading) & rule_ids:
                spans = by_pattern.get(rule_id, []) + by_phrase.get(rule_id, [])
                mood = judge(doc, lang, spans)
                if mood.negated and spans:
                    continue
                # a reference to an attachment ('vastgelegd in Bijlage 1') makes a review of
                # the rules the sentence names itself, not of every rule its heading names
                if rule_id in near and rule_id not in vetoed and rule_id not in from_heading:
                    referenced.setdefault(rule_id, attachment(sentence) or "")
                if rule_id in by_review or rule_id in referenced:
                    review.add(rule_id)
                if redacted and rule_id in by_pattern:
                    blacked.add(rule_id)
                base = PATTERN_CONFIDENCE if rule_id in by_pattern else (
                    PHRASE_CONFIDENCE if rule_id in by_phrase else HEADING_CONFIDENCE)
                if rule_id not in from_heading:
                    outright.add(rule_id)
                # an indication or an option ('circa', 'kan', 'may'): kept apart, to review
                # unless another sentence states the rule outright
                into = soft if mood.hedged or (mood.permitted and self.rules[rule_id].duty) \
                    else found
                best, sentences, plain = into.get(rule_id, (0.0, [], []))
                into[rule_id] = (max(best, base), [*sentences, sentence], [*plain, _without(
                    sentence, [q for q in quals if q[1] <= len(sentence)])])
        for rule_id, said in soft.items():
            if rule_id not in found:  # 'Leverancier mag rente rekenen' beside '… binnen 30
                found[rule_id] = said  # dagen betaald' leaves the 30 days outright
                hedged.add(rule_id)
        terms: list[Term] = []
        heading_only: list[Term] = []
        for rule_id, (base, sentences, plain) in sorted(found.items()):
            part = replace(clause, text=" ".join(sentences))
            main = " ".join(plain)
            read = self._terms(self.rules[rule_id], part, clause, customer_id, base, lang,
                               start, review=rule_id in review, blacked=rule_id in blacked,
                               refers=referenced.get(rule_id),
                               main=replace(clause, text=main) if main != part.text else None)
            if rule_id in hedged:  # an indication, not an agreement: the controller decides
                read = [_as_review(t) for t in read]
            if rule_id not in outright:
                heading_only += read
            terms += read
        return terms, heading_only

    def _topic_spans(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Rules whose topic words the sentence holds (a stem, its lemma, or a compound that
        starts with it), with the tokens."""
        out: dict[str, list[tuple[int, int]]] = {}
        for rule_id, stems in self.topics[doc.lang_].items():
            not_stems = self.not_topics[doc.lang_].get(rule_id, ())
            for token in doc:
                word, lemma = token.lower_, token.lemma_.lower()
                if not_stems and word.startswith(not_stems):
                    continue
                if len(word) > 2 and (lemma in stems or word.startswith(stems)):
                    out.setdefault(rule_id, []).append((token.i, token.i + 1))
        return out

    def _hits(self, doc: Doc, quals: list[tuple[int, int]] = ()) -> _Hits:
        """Rules matched by a token pattern, by a key phrase (review phrases included), and
        by a review phrase, minus excluded ones, each with the token spans it matched; and
        the rules the sentence excludes, and those whose review it vetoes. An exclusion
        inside a noun's qualifier (`quals`, character spans: 'Invoices not disputed within
        eight days shall be paid …') is about the noun and excludes nothing."""
        m = self.matchers[doc.lang_]
        vocab = doc.vocab.strings

        def spans(matcher: PhraseMatcher | Matcher) -> dict[str, list[tuple[int, int]]]:
            out: dict[str, list[tuple[int, int]]] = {}
            for i, begin, end in matcher(doc):
                out.setdefault(vocab[i], []).append((begin, end))
            return out

        # an exclusion inside a noun's qualifier, or named as an exception ('behoudens
        # overmacht'), excludes nothing
        excluded = {r for r, found in spans(m.excludes).items()
                    if not all(_inside(doc, span, quals) or carved_out(doc, doc.lang_, span)
                               for span in found)}
        by_pattern = {r: s for r, s in spans(m.patterns).items() if r not in excluded}
        vetoed = excluded | set(spans(m.review_excludes))
        by_review = {r: s for r, s in spans(m.reviews).items() if r not in vetoed}
        for r, s in spans(m.review_patterns).items():
            if r not in vetoed:
                by_review[r] = by_review.get(r, []) + s
        by_review = _unreferenced(_outside_asides(doc, by_review), spans(m.review_references))
        vetoed |= set(spans(m.review_references)) - set(by_review)
        by_phrase = {r: s for r, s in spans(m.phrases).items() if r not in excluded}
        for r, s in spans(m.topic_phrases).items():
            if r not in excluded:
                by_phrase[r] = by_phrase.get(r, []) + s
        for r, s in self._topic_spans(doc).items():
            if r not in excluded:
                by_phrase[r] = by_phrase.get(r, []) + s
        for r, s in by_review.items():
            by_phrase[r] = by_phrase.get(r, []) + s
        return _Hits(by_pattern, by_phrase, by_review, excluded, vetoed)

    def _terms(
        self, rule: Rule, part: Clause, clause: Clause, customer_id: str, confidence: float,
        lang: str, start: date | None = None, review: bool = False, main: Clause | None = None,
        blacked: bool = False, refers: str | None = None,
    ) -> list[Term]:
        """Read the rule's values from the matching part; the term cites the whole clause.
        With `review` (a review phrase matched, and the rule asks for it), missing required
        values give a review term instead of none. `main` is the part without the phrases
        qualifying a noun ('Facturen niet betwist binnen acht dagen worden binnen 30 dagen …
        betaald'): a value is read there first, and from the whole part when it states none."""
        # a figure blacked out where the rule's grammar wants one: to review for every rule;
        # so is one the sentence leaves to an attachment ('the Prices set out in Schedule 2'),
        # a review that gives way when the document's reading of the attachment states it (a
        # clause's own reference: an article joins sub-clauses the reference may not speak of;
        # not for the fallback, whose agreement is to review anyway)
        if rule.review_when_values_missing or rule.scope != "clause" or rule.fallback:
            refers = None
        review = (review and rule.review_when_values_missing) or blacked or refers is not None
        values: list[TermValue] = []
        table: PriceTable | None = None
        groups: dict[str, bool] = {}
        missing: list[str] = []  # types of the required values not read
        for spec in rule.values:
            value = None
            if main is not None and spec.type not in WHOLE_PART:
                value = read_value(spec.type, main, lang, start)
            if value is None:
                value = read_value(spec.type, part, lang, start)
            if spec.one_of:
                groups[spec.one_of] = groups.get(spec.one_of, False) or value is not None
            if value is None:
                if spec.required and not spec.one_of:
                    missing.append(spec.type)
                if not spec.one_of and not spec.detail:
                    confidence -= MISSING_OPTIONAL
                continue
            if spec.type == "price_table":
                table = value
            else:
                values.append(TermValue(spec.name, value, UNITS[spec.type]))
        unmet = [g for g, met in groups.items() if not met]
        # an amount the rule wants, stated in another currency: never euros, never silence
        review = review or bool((missing or unmet) and _wants_money(rule, values, unmet)
                                and read_foreign_amount(part, lang))
        if (missing or unmet) and review:
            term = _review_term(rule, part, clause, customer_id, values, lang, unmet)
            if refers is not None:
                term = replace(term, values=(*term.values, TermValue("refers_to", refers)))
            return [term]
        if unmet or missing or confidence < rule.min_confidence:
            return []
        confidence = round(confidence * (OCR_FACTOR if clause.ocr else 1.0), 2)
        if table is None:
            return [Term(customer_id, rule.id, tuple(values), clause, confidence)]
        return [_table_term(rule, table, item, values, clause, customer_id, confidence)
                for item in sorted(table)]


def _inside(doc: Doc, span: tuple[int, int], quals: list[tuple[int, int]]) -> bool:
    """Token span `span` lies within one of the character spans `quals`."""
    begin, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
    return any(a <= begin and end <= b for a, b in quals)


# a figure blacked out in a filed contract: '[***]', '[*****]', '[...***...]', '***', '[●]'
REDACTED = re.compile(r"\[\s*(?:\.{3})?\s*\*+\s*(?:\.{3})?\s*\]|\*{3,}|\[[●•]+\]|"
                      r"\[(?:redacted|confidential|omitted)\]", re.I)

TITLE_WORDS = 12  # a clause's whole text this short, without a figure, can be its title
_FIGURE = re.compile(r"\d")


def _title_over_parts(clauses: list[Clause], i: int) -> bool:
    """The clause's text is only the title of the sub-clauses that follow it ('2.4(e) No
    Minimum Purchase Obligation; Minimum Order Quantities.' over 2.4(e)(i) and (ii)): it
    states nothing itself, its parts do (a title naming a minimum is no commitment)."""
    clause = clauses[i]
    if i + 1 >= len(clauses) or not clause.article or _FIGURE.search(clause.text):
        return False
    nxt = clauses[i + 1].article
    return (len(clause.text.split()) <= TITLE_WORDS and nxt != clause.article
            and nxt.startswith(clause.article) and not nxt[len(clause.article)].isalnum())


TABLE_HEAD_ROWS = 4  # the rows of a table whose words say what it holds (header, row labels)
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _table_words(tables: tuple[Table, ...]) -> str:
    """The worded cells of the first rows of each table ('Quantity [Metric Tons / Year]',
    'Minimum Maximum'), in reading order: what a table holds, without its figures."""
    cells = [cell.strip() for table in tables for row in table.rows[:TABLE_HEAD_ROWS]
             for cell in row if cell and _WORDS.search(cell)]
    return " ".join(cells)


def _without(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the character spans blanked (offsets kept)."""
    for begin, end in spans:
        sentence = sentence[:begin] + " " * (end - begin) + sentence[end:]
    return sentence


def _outside_asides(doc: Doc, found: Spans) -> Spans:
    """The matches not wholly inside brackets: an aside ('(… will be counted towards the
    Minimum Purchases)') names a term defined elsewhere, it does not state it."""
    depth, inside = 0, []
    for token in doc:
        depth -= token.text == ")"
        inside.append(depth > 0)
        depth = max(0, depth + (token.text == "("))
    out: Spans = {}
    for rule_id, spans in found.items():
        kept = [(b, e) for b, e in spans if not all(inside[b:e])]
        if kept:
            out[rule_id] = kept
    return out


def _unreferenced(review: Spans, references: Spans) -> Spans:
    """The review matches no cross-reference of their rule follows in the sentence: 'at least
    the quantity set forth in Section 4' points elsewhere for its figure; a section named
    before the minimum ('the forecast under Section 5.1 … shall order at a minimum') does not."""
    out: Spans = {}
    for rule_id, spans in review.items():
        starts = [begin for begin, _ in references.get(rule_id, [])]
        kept = [(b, e) for b, e in spans if not any(at > b for at in starts)]
        if kept:
            out[rule_id] = kept
    return out


def _add_patterns(matcher: Matcher, rule_id: str, patterns: list[list[dict[str, Any]]],
                  key: str) -> None:
    """Add a rule's token patterns; one spaCy refuses is an error naming the rule file's key."""
    for i, pattern in enumerate(patterns):
        try:
            matcher.add(rule_id, [pattern])
        except Exception as e:  # spaCy's own validation of the token pattern
            raise RuleError(f"invalid spaCy pattern: {e}",
                            Location(f"{rule_id}.yaml", key=f"{key}.{i}")) from e


def _table_term(rule: Rule, table: PriceTable, item: str, values: list[TermValue],
                clause: Clause, customer_id: str, confidence: float) -> Term:
    """One item's price, citing its own table row or sentence; a row of several prices by year,
    date or quantity ('Prijs 2026: 4,10 | Prijs 2027: 4,25') is a term to review that shows
    them all (the checks skip it: which price applies to an order is not one figure)."""
    name = next(s.name for s in rule.values if s.type == "price_table")
    term = Term(customer_id, rule.id, (*values, TermValue(name, table[item], "EUR"),
                                       *_unit(table, item)),
                replace(clause, text=table.sources[item]), confidence, subject=item)
    if item not in table.variants:
        return term
    term = _as_review(term)
    return replace(term, values=(*term.values, TermValue("prices", table.variants[item], "")))


def _unit(table: PriceTable, item: str) -> tuple[TermValue, ...]:
    """The price unit of a table price that is not for one sales unit ('per 100 st.')."""
    n = table.price_units.get(item)
    return (TermValue("price_unit", n, "sales units"),) if n else ()


def _general_terms(clauses: list[Clause]) -> bool:
    """A document that is itself general terms (its title says so) holds no customer-specific
    agreement: its clauses never count as 'agreement found, no rule covers it'."""
    if not clauses:
        return False
    doc = clauses[0].doc
    return bool(GENERAL_TERMS.search(doc.title or clauses[0].text[:TITLE_CHARS]))


def _stated_outright(terms: list[Term], weak: list[Term]) -> list[Term]:
    """A term found only because its clause's heading names the topic gives way when the
    document states the same rule outright elsewhere ('4.2 Levering … tweede werkdag' beats
    '4.3 … geldt als ontvangen op de eerstvolgende werkdag' under the heading 'Leveren')."""
    weak_ids = {id(t) for t in weak}  # every term is alive in `terms`: ids are not reused
    outright = {t.rule_id for t in terms if id(t) not in weak_ids and not t.subject}
    return [t for t in terms if id(t) not in weak_ids or t.rule_id not in outright]


def _attachments_read(terms: list[Term]) -> list[Term]:
    """A term to review because its sentence leaves the figures to an attachment gives way when
    the document states the same rule readably (the attachment itself was read)."""
    readable = {t.rule_id for t in terms if t.get("readable") is not False}
    return [t for t in terms if t.get("refers_to") is None or t.rule_id not in readable]


def _as_review(term: Term) -> Term:
    """A term stated as an indication ('circa', 'approximately'): kept for review, skipped by
    the checks."""
    confidence = round(min(term.confidence, REVIEW_CONFIDENCE), 2)
    values = tuple(v for v in term.values if v.parameter != "readable")
    return replace(term, values=(*values, TermValue("readable", False)), confidence=confidence)


def _review_term(rule: Rule, part: Clause, clause: Clause, customer_id: str,
                 values: list[TermValue], lang: str, unmet: list[str]) -> Term:
    """A term to review: the values that could be read, an amount in another currency as text
    when a money value is missing, and `readable: false` so that the checks skip it."""
    foreign = read_foreign_amount(part, lang) if _wants_money(rule, values, unmet) else None
    extra = [TermValue("foreign_amount", foreign, foreign.split()[0])] if foreign else []
    confidence = round(REVIEW_CONFIDENCE * (OCR_FACTOR if clause.ocr else 1.0), 2)
    return Term(customer_id, rule.id, (*values, *extra, TermValue("readable", False)), clause,
                confidence)


# the value types that are a euro amount or thresholds in euros: one stated in another
# currency is not read, and makes the agreement a term to review
MONEY_TYPES = {"money", "tiers", "rate_amount"}


def _wants_money(rule: Rule, values: list[TermValue], unmet: list[str]) -> bool:
    """The rule misses an amount it needs: a required money value, or one of an unmet group."""
    read = {v.parameter for v in values}
    return any(s.type in MONEY_TYPES and s.name not in read
               and (s.required or s.one_of in unmet) for s in rule.values)


def document_start(clauses: list[Clause], head: int = 6000) -> date | None:
    """The document's effective date; else the start date its opening text names ('dated as
    of March 27, 2019'), else the first date in it (the date of signing)."""
    if not clauses:
        return None
    if clauses[0].doc.effective_date:
        return clauses[0].doc.effective_date
    lang = clauses[0].doc.language
    opening = ""
    for clause in clauses:
        if len(opening) > head:
            break
        opening += " " + clause.text
    dates = find_dates(opening[:head], lang)
    return find_start_date(opening[:head], lang) or (dates[0] if dates else None)


def lead_ins(clauses: list[Clause]) -> list[tuple[Clause, tuple[Clause, ...], str]]:
    """Clauses with a sentence ending in a colon, each with the list items after it (its
    sub-clauses: '1.6 … shall purchase the following minimums:' with '1.6(A) 375 units in the
    first year', …), as the lead-in sentence joined with the items. The items say nothing on
    their own; the lead-in says what they are about, so a rule reads them as one statement,
    cited by the lead-in's article; with the lead-in sentence."""
    out = []
    for i, lead in enumerate(clauses):
        sentence = _lead_sentence(lead.text)
        if lead.boilerplate or sentence is None or lead.article == "preamble":
            continue
        own = lead.article.strip().lower()
        items = []
        for item in clauses[i + 1:]:
            label = item.article.strip().lower()
            if item.file != lead.file or label == own or not label.startswith(own):
                break
            items.append(item)
        if items:
            text = " ".join([sentence, *(c.text for c in items)])
            out.append((replace(lead, text=text, tables=()), tuple(items), sentence))
    return out


def _lead_sentence(text: str) -> str | None:
    """The last sentence of a text that ends in a colon ('… the following minimums:'), or None."""
    k = next((m.start() for m in reversed(list(re.finditer(r":(?=\s|$)", text)))), None)
    if k is None:
        return None
    return SENTENCE.split(text[:k + 1])[-1].strip()


SUB_LABEL = re.compile(r"^(.+?)\s*(?:\.\s*|\()[\dA-Za-z]{1,4}\)?(?:[.(][\dA-Za-z]{1,4}\)?)*\.?$")


def article_key(clause: Clause) -> str | None:
    """The article a sub-clause belongs to ('IV.1' -> 'IV', '4(a)' -> '4', '11.2' -> '11');
    None for a clause that is an article of its own ('15', 'Key Term 6', a paragraph)."""
    m = SUB_LABEL.match(clause.article.strip())
    return m.group(1).lower() if m else None


def _articles(clauses: list[Clause]) -> list[tuple[list[int], Clause]]:
    """Consecutive sub-clauses of one article (4.1, 4.2 -> 4; rows of one key-terms table)
    grouped as one clause each, cited by the first one's article."""
    runs: list[tuple[str, list[int]]] = []
    for i, clause in enumerate(clauses):
        if clause.boilerplate:
            continue
        top = article_key(clause)
        key = f"{clause.file}|{top if top is not None else f'#{i}'}"
        if runs and runs[-1][0] == key and runs[-1][1][-1] == i - 1:
            runs[-1][1].append(i)
        else:
            runs.append((key, [i]))
    articles = []
    for _, members in runs:
        first = clauses[members[0]]
        text = " ".join(clauses[i].text for i in members)
        articles.append((members, replace(first, text=text, tables=())))
    return articles
