"""The rule model: a rule file (rules/<id>.yaml) as validated, how a clause is recognised and
checked, with the texts a check and an owner take from it (messages, actions, severity, owner
role, the value types and their units). A value between stages, so in the core: rules/ loads
and reads by it (rules/schema.py), checks/ and owners.py use it."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from audit.core.i18n import format_figures, format_value

# every value type a rule may read, and the unit its value is reported in (terms.csv, an
# expected figure); rules/values.py has the reader of each
VALUE_UNITS: dict[str, str] = {
    "days": "days",
    "working_days": "working days",
    "minutes": "minutes",
    "time_window": "hh:mm",
    "money": "EUR",
    "percent": "%",
    "date": "",
    "address": "",
    "price_table": "EUR",
    "quantity": "pieces",
    "period": "",
    "per_unit": "",
    "cap_percent": "%",
    "cap_amount": "EUR",
    "rate_amount": "EUR",
    "tiers": "EUR: %",
    "notice": "",
    "renewal_months": "months",
    "end_date": "",
    "start_date": "",
    "day_month": "dd-mm",
    "index_name": "",
    "item": "",
    "discount_per_unit": "EUR",
    "any_amount": "",
    "price_scope": "",
    "payment_basis": "",
}
# the value of a 'payment_basis': the days count from the end of the invoice's month
MONTH_END = "month_end"
ValueTypeName = Literal[tuple(VALUE_UNITS)]  # type: ignore[valid-type]
TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")
# spaCy token-pattern keys a rule may use; anything else is refused before spaCy sees it
TOKEN_KEYS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH",
    "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "OP",
    "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_CURRENCY",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """A text in both report languages."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class ReviewPatterns(_Strict):
    """Phrases that state an agreement plainly: a sentence with one recognises the clause and,
    when the values cannot be read, gives a term to review; minus sentences with an exclusion
    (a cross-reference to the section that states it, a negation)."""

    phrases: list[str] = Field(min_length=1)  # lemma phrases (PhraseMatcher)
    # the grammar of a plain statement as spaCy token patterns (Matcher), for wording no phrase
    # fixes: an obligation to buy with a minimum ('shall have the obligation to order at a
    # minimum'), a right to terminate when a minimum is not met
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)  # lemma phrases that veto a review term
    # a cross-reference to where the figure is stated ('as set forth in Section 4.2'): it vetoes
    # only a review match it follows (the reference governs that minimum), not one earlier in
    # the sentence ('the forecast submitted pursuant to Section 5.1 … shall order at a minimum')
    references: list[str] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _known_token_keys(cls, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        return _token_keys(patterns)


class LanguagePatterns(_Strict):
    """How a clause is recognised in one language."""

    phrases: list[str] = Field(default_factory=list)  # lemma phrases (PhraseMatcher)
    # what the agreement is about: word stems ('betaal', 'factuur', 'deliver'); a word matches
    # when it is the stem, its lemma is, or it is a compound starting with it
    # ('betaaltermijn', 'betalingsconditie'); a sentence with a topic word is recognised when
    # the rule's required values can be read from that sentence; '!word' names a word that
    # starts like a topic but is not about it ('!leverancier' beside 'lever')
    topics: list[str] = Field(default_factory=list)
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)  # spaCy Matcher
    exclude: list[str] = Field(default_factory=list)  # lemma phrases that veto a match
    # phrases that state the agreement plainly enough to review it when its values cannot be
    # read (only with review_when_values_missing)
    review: ReviewPatterns | None = None

    @field_validator("patterns")
    @classmethod
    def _known_token_keys(cls, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        return _token_keys(patterns)


def _token_keys(patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The patterns, when every token uses only the spaCy attributes a rule may use."""
    for pattern in patterns:
        for token in pattern:
            unknown = set(token) - TOKEN_KEYS
            if unknown:
                raise ValueError(
                    f"unknown token attribute {sorted(unknown)}; valid: {sorted(TOKEN_KEYS)}"
                )
    return patterns


class Recognise(_Strict):
    """Patterns per language; a clause matches when a phrase or pattern of its language does."""

    nl: LanguagePatterns
    en: LanguagePatterns


class ValueSpec(_Strict):
    """A value read from a matching clause."""

    name: str
    type: ValueTypeName  # a key of VALUE_UNITS (rules/values.py reads it)
    required: bool = True
    one_of: str | None = None  # values sharing a one_of name: at least one of them is needed
    # a detail only some clauses state (an item, a start date, a cap in euros): a clause
    # without it is read as certainly as one with it
    detail: bool = False

    @property
    def unit(self) -> str:
        """What the value counts in ('EUR', 'days'; '' for a date, a name, a text)."""
        return VALUE_UNITS[self.type]


class CheckSpec(_Strict):
    """One side of the check: which dataset and field, and parameters for the check."""

    dataset: Literal["customers", "price_list", "order_lines", "deliveries", "invoices"]
    also: list[Literal["customers", "price_list", "order_lines", "deliveries", "invoices"]] = Field(
        default_factory=list)  # other datasets the check reads
    field: str | None = None
    params: dict[str, str | int | float | bool | list[str]] = Field(default_factory=dict)
    description: str = ""


class Rule(_Strict):
    """One kind of agreement, from rules/<id>.yaml."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    # which check reads its terms (a registered kind, audit/checks/<kind>.py); default: the id,
    # so that 'lead_time_tools' may be a second rule of kind lead_time
    kind: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$")
    title: Texts
    description: str = ""
    recognise: Recognise
    values: list[ValueSpec]
    registered: CheckSpec | None = None
    executed: CheckSpec | None = None
    owner: str  # default owner role (config.owners), e.g. credit_control, account_manager
    severity: Literal["high", "medium", "low"] = "medium"
    # one, or per kind; kind:subject for one subject ('execution:expired'), kind:owed or
    # kind:forgone for the way the money goes (the check knows the sign of the amount)
    action: Texts | dict[str, Texts]
    messages: dict[str, Texts] = Field(default_factory=dict)  # keyed as action is
    # how the money at stake is computed, in words, per language (a plain string: both)
    impact: Texts | None = None
    min_confidence: float = Field(0.5, ge=0, le=1)
    scope: Literal["clause", "article"] = "clause"  # article: values may span its sub-clauses
    fallback: bool = False  # only for clauses no other rule matched (unmatched agreements)
    # a sentence with a review phrase whose required values cannot be read (redacted, in an
    # exhibit, in another currency) still gives a term: low confidence, `readable: false`, for
    # the controller to review; the checks skip it
    review_when_values_missing: bool = False
    # the agreement is a party's duty ('levert binnen 5 werkdagen'): a sentence that permits it
    # ('kan op verzoek binnen 1 werkdag leveren') states an option, a term to review
    duty: bool = False

    @field_validator("messages")
    @classmethod
    def _message_keys(cls, value: dict[str, Texts]) -> dict[str, Texts]:
        for key in value:
            if not re.fullmatch(r"(registration|execution)(:[\w-]+)?", key):
                raise ValueError(f"unknown message key '{key}'; valid: registration, execution, "
                                 "or registration:<subject>, execution:<subject>, "
                                 "execution:owed, execution:forgone")
        return value

    @field_validator("action")
    @classmethod
    def _action_keys(cls, value: Texts | dict[str, Texts]) -> Texts | dict[str, Texts]:
        if isinstance(value, dict):
            cls._message_keys(value)
        return value

    @field_validator("impact", mode="before")
    @classmethod
    def _impact_texts(cls, value: Any) -> Any:
        return {"nl": value, "en": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _review_needs_phrases(self) -> Rule:
        has_phrases = bool(self.recognise.nl.review or self.recognise.en.review)
        if self.review_when_values_missing and not has_phrases:
            raise ValueError("review_when_values_missing needs recognise.<lang>.review phrases")
        if has_phrases and not self.review_when_values_missing:
            raise ValueError("recognise.<lang>.review is only used with "
                             "review_when_values_missing: true")
        return self

    @model_validator(mode="after")
    def _templates_use_known_fields(self) -> Rule:
        known = {v.name for v in self.values} | {
            "expected", "actual", "customer", "customer_id", "count", "subject", "impact",
            "article", "file", "page", "evidence", "turnover", "forecast", "shortfall", "deadline",
            "amount", "direction", "end", "base",
        }
        actions = list(self.action.values()) if isinstance(self.action, dict) else [self.action]
        texts = [*actions, *self.messages.values()]
        for text in texts:
            for lang_text in (text.nl, text.en):
                unknown = set(TEMPLATE_FIELD.findall(lang_text)) - known
                if unknown:
                    raise ValueError(
                        f"template uses unknown field(s) {sorted(unknown)}; "
                        f"valid: {sorted(known)}"
                    )
        return self

    @property
    def check_kind(self) -> str:
        """The kind of check that reads this rule's terms."""
        return self.kind or self.id

    def message(self, kind: str, lang: str, params: dict[str, Any], subject: str = "") -> str:
        """The deviation description for `kind` (kind:subject, kind:<way the money goes>
        first), with the values filled in."""
        text = _keyed(self.messages, kind, subject, params)
        return fill(text.get(lang), params, lang) if text else ""

    def action_text(self, kind: str, lang: str, params: dict[str, Any],
                    subject: str = "") -> str:
        """The action for an owner for a deviation of `kind`, keyed as the message is."""
        action = (_keyed(self.action, kind, subject, params) if isinstance(self.action, dict)
                  else self.action)
        return fill(action.get(lang), params, lang) if action else ""

    def impact_text(self, lang: str) -> str:
        """How the money at stake is computed, in the language ('' when not documented)."""
        return self.impact.get(lang).strip() if self.impact else ""


def _keyed(texts: dict[str, Texts], kind: str, subject: str, params: dict[str, Any]
           ) -> Texts | None:
    """The text for a deviation: by kind:subject (or its part before ':', 'notice_passed' of
    'notice_passed:2026-09-30'), then kind:owed / kind:forgone (params['direction']), then
    the kind's own."""
    keys = [f"{kind}:{subject}", f"{kind}:{subject.split(':')[0]}"] if subject else []
    if params.get("direction"):
        keys.append(f"{kind}:{params['direction']}")
    for key in [*keys, kind]:
        if key in texts:
            return texts[key]
    return None


# fields whose text is a name, never figures to rewrite ('4.1' is an article, not 4,1)
LITERAL_FIELDS = frozenset({"article", "file", "page", "customer", "customer_id", "subject", "item"})


def fill(template: str, params: dict[str, Any], lang: str | None = None) -> str:
    """Replace {name} by params[name], written for `lang` (money with its currency, numbers
    and dates in the language's notation: format_value); nothing else is interpreted (rule
    files are data). Without a language a value is its str()."""
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in params:
            return match.group(0)
        name, found = match.group(1), params[match.group(1)]
        if not lang:
            return str(found)
        if isinstance(found, str) and name not in LITERAL_FIELDS:
            return format_figures(found, lang)  # a figure a check wrote as text ('43.50')
        return format_value(found, lang)
    return TEMPLATE_FIELD.sub(value, template)
