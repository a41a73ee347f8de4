"""From when a payment term's days count: the invoice date, or the end of the invoice's month
('30 dagen na einde maand', 'netto 30 dagen e.o.m.', '30 days end of month', 'within 45 days
of the end of the month in which the invoice is dated')."""

from __future__ import annotations

import re

from audit.core.rule_model import MONTH_END
from audit.models import Clause

# the end of a month as the point the days run from, in either language
MONTH_END_WORDS = re.compile(
    r"\b(?:(?:na|vanaf|van)\s+(?:het\s+)?einde?\s+(?:van\s+de\s+)?(?:factuur|leverings?)?maand"
    r"|einde\s+(?:factuur)?maand|(?:na\s+)?ultimo\s+(?:van\s+de\s+)?(?:factuur)?maand|na\s+ultimo"
    r"|e\.?\s?o\.?\s?m\b\.?|end\s+of\s+month|month[\s-]+end"
    r"|(?:from|after|of|following)\s+the\s+end\s+of\s+the\s+(?:calendar\s+|invoice\s+)?month)",
    re.I)


def read_payment_basis(clause: Clause, lang: str) -> str | None:
    """'month_end' when the clause counts the days from the end of the month, else None (the
    invoice date, as a payment term counts them by default)."""
    return MONTH_END if MONTH_END_WORDS.search(clause.text) else None
