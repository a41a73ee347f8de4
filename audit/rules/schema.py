"""The schema of a rule file (rules/<id>.yaml): the core's rule model (audit/core/rule_model.py),
by which the loader validates a file and the readers read a clause; named here for rules/."""

from audit.core.rule_model import (
    LITERAL_FIELDS,
    TEMPLATE_FIELD,
    TOKEN_KEYS,
    VALUE_UNITS,
    CheckSpec,
    LanguagePatterns,
    Recognise,
    ReviewPatterns,
    Rule,
    Texts,
    ValueSpec,
    ValueTypeName,
    fill,
)

__all__ = ["LITERAL_FIELDS", "TEMPLATE_FIELD", "TOKEN_KEYS", "VALUE_UNITS", "CheckSpec",
           "LanguagePatterns", "Recognise", "ReviewPatterns", "Rule", "Texts", "ValueSpec",
           "ValueTypeName", "fill"]
