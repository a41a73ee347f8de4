"""Which prices an indexation clause is about: all agreed prices, or only the items without one."""

from __future__ import annotations

import re

from audit.models import Clause

_ANNEX = (r"(?:annex|schedule|appendix|attachment|exhibit|bijlage|prijsbijlage|prijslijst|"
          r"price\s+list|contract\s+prices?)")
# 'items not listed in Annex 1', 'artikelen die niet in Bijlage 1 zijn opgenomen',
# 'not included in the Schedule', 'catalogusprijzen', 'catalogue prices'
UNLISTED = re.compile(
    rf"\b(?:not|niet)\s+(?:(?:been|be|zijn|is|are)\s+)?(?:listed|included|set\s+out|stated|"
    rf"opgenomen|vermeld|genoemd)?\s*(?:in|op)\s+(?:the\s+|de\s+|het\s+|een\s+)?{_ANNEX}"
    r"|\bcatalog(?:ue|us)?[\s-]?(?:prijz|pric)\w*", re.I)


def read_price_scope(clause: Clause, lang: str) -> str | None:
    """'unlisted' when the indexation is for items without an agreed price only; None (all
    prices, the agreed ones included) otherwise."""
    return "unlisted" if UNLISTED.search(clause.text) else None
