"""unmatched_agreement: every clause that reads like an agreement but no rule covers."""

from __future__ import annotations

from audit.checks.base import CheckContext, register
from audit.models import Deviation


@register("unmatched_agreement", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """One deviation per such clause, for the controller: it is the agreement nobody registers."""
    return [ctx.deviation("registration", term, f"{term.clause.file}#{term.clause.article}",
                          term.get("quote"), "-")
            for term in ctx.terms]
