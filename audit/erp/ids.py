"""Ids written as numbers in one export and as zero-padded text in another ('21004', '0021004').

A spreadsheet cell holding an id as a number drops its leading zeros; the other exports keep
them. A reference that finds nothing is matched again on the digits without leading zeros, and
only where that names one id of the target: the row then takes the target's spelling, and the
file is told so once. Two target ids with the same digits ('021004', '0021004') match nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from audit.errors import Location, Problem

DIGITS = r"\d+"


def align_zeros(frame: pd.DataFrame, field: str, target: pd.Series, missing: np.ndarray,
                column: str, what: object, label: object) -> list[Problem]:
    """Rows of `frame` whose `field` is a target id but for its leading zeros take the target's
    spelling (in place); one warning per file. `missing`: the rows the target did not have."""
    lost = pd.Series(frame[field][missing].dropna().astype("str").unique())
    lost = lost[lost.str.fullmatch(DIGITS)]
    if lost.empty:  # the usual case: a few ids that are not there at all
        return []
    ids = pd.Series(target.dropna().astype("str").unique())
    ids = ids[ids.str.fullmatch(DIGITS)]
    bare = ids.str.lstrip("0")
    unique = bare.drop_duplicates(keep=False)  # the same digits twice: no match, it stays missing
    spelling = dict(zip(unique, ids[unique.index], strict=True))
    found = {v: spelling[v.lstrip("0")] for v in lost if v.lstrip("0") in spelling}
    if not found:
        return []
    values = frame[field].astype("str")
    hit = missing & values.isin(list(found)).to_numpy()
    frame.loc[hit, field] = values[hit].map(found)
    files = frame["source_file"].astype("str").to_numpy()
    problems = []
    for file in dict.fromkeys(files[hit]):
        rows = hit & (files == file)
        first = values[rows].iloc[0]
        problems.append(Problem.of(
            "erp", "erp.id_leading_zeros", Location(file, column=column), "warning",
            what=what, value=first, id=found[first], rows=int(rows.sum()), target=label))
    return problems
