"""Which ERP fields a check reads: an optional field the export lacks turns that check off.

The loader gives every dataset all of its optional fields (empty where the export lacks one,
listed in the frame's `attrs["absent"]`), so no check crashes on a missing column. A check
that cannot judge anything without a field says so by naming it: declared as `fn.needs =
("due_date",)`, else detected as a quoted field name in the check function's own source.
Helpers it calls may still read such a field; they see it as "not recorded" (a lead time
checked without requested dates).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable
from functools import cache

from audit.models import ErpData

KEY_PARTS = {"line_no"}  # part of a key when present; never what a check needs


def has_field(erp: ErpData, dataset: str, field: str) -> bool:
    """The dataset loaded and its export has the field (not merely an empty stand-in)."""
    frame = erp.get(dataset)
    return (frame is not None and field in frame.columns
            and field not in frame.attrs.get("absent", ()))


def absent_needs(fn: Callable[..., object], erp: ErpData, datasets: Iterable[str]) -> list[str]:
    """'invoices.due_date' for every field the check needs that the loaded export lacks."""
    wanted = set(getattr(fn, "needs", None) or quoted_names(fn))
    lacking = []
    for name in sorted(datasets):
        frame = erp.get(name)
        if frame is None:
            continue
        lacking += [f"{name}.{f}" for f in frame.attrs.get("absent", ())
                    if f in wanted and f not in KEY_PARTS]
    return lacking


@cache
def quoted_names(fn: Callable[..., object]) -> frozenset[str]:
    """The string constants in a function's own source (column names it indexes)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):  # no source (a builtin, a lambda in a REPL)
        return frozenset()
    return frozenset(n.value for n in ast.walk(tree)
                     if isinstance(n, ast.Constant) and isinstance(n.value, str))
