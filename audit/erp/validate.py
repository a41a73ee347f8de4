"""Problems found in loaded rows: bad values, duplicates, references that do not resolve.

Every problem names the file, the row (spreadsheet-style: the header is row 1) and the column as
the ERP calls it, and shows the value. At most MAX_ROW_PROBLEMS are listed per file and column;
the rest are counted in one more problem, so a wrong setting cannot flood the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.core.messages import Msg, msg
from audit.erp.fields import KEYS, REFERENCES, SCHEMAS, Field, Reference
from audit.erp.ids import align_zeros
from audit.errors import Location, Problem

MAX_ROW_PROBLEMS = 20
EXPECTED = {"int": msg("erp.expected_int"), "decimal": msg("erp.expected_decimal"),
            "date": msg("erp.expected_date"), "bool": msg("erp.expected_bool"),
            "kind": msg("erp.expected_kind"), "str": msg("erp.expected_str")}
LABELS = {"customers": msg("erp.the_customer_master"), "price_list": msg("erp.the_price_list"),
          "order_lines": msg("erp.the_order_lines"), "deliveries": msg("erp.the_deliveries"),
          "invoices": msg("erp.the_invoices")}
WHAT = {"order_id": msg("erp.order"), "customer_id": msg("erp.customer")}  # a reference's field


def per_file(rows: np.ndarray, files: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """(file, positions) of the flagged positions, file by file in the order read."""
    order = dict.fromkeys(files[rows])
    for file in order:
        yield file, rows[files[rows] == file]


def file_names(frame: pd.DataFrame) -> np.ndarray:
    """The file of each row, taken from the categorical's few names by code (a tenth of the time
    of to_numpy, which converts every row's name on its own)."""
    files = frame["source_file"].array
    if not isinstance(files, pd.Categorical):
        return files.to_numpy(dtype=object)
    return np.asarray(files.categories, dtype=object)[files.codes]


def capped(file: str, positions: np.ndarray, make: Callable[[int], Problem], rest: Msg,
           severity: str = "error") -> list[Problem]:
    """One problem per position up to the cap, then one (`rest`, given {more}) for the others."""
    problems = [make(int(p)) for p in positions[:MAX_ROW_PROBLEMS]]
    more = len(positions) - MAX_ROW_PROBLEMS
    if more > 0:
        problems.append(Problem.of("erp", rest.code, Location(file), severity,
                                   **dict(rest.params), more=more))
    return problems


def value_problems(field: Field, invalid: np.ndarray, shown: Callable[[int], str],
                   rows: np.ndarray, files: np.ndarray, column: str,
                   hint: Callable[[str], Msg | str] = lambda _: "") -> list[Problem]:
    """'12O' is not a number; empty; customer_id is required — per bad row."""
    problems: list[Problem] = []
    for file, positions in per_file(np.flatnonzero(invalid), files):
        def make(i: int, file: str = file) -> Problem:
            value, where = shown(i), Location(file, row=int(rows[i]), column=column)
            if value:
                return Problem.of("erp", "erp.bad_value", where, value=value,
                                  expected=EXPECTED[field.type], hint=hint(value))
            return Problem.of("erp", "erp.empty_required", where, field=field.name)
        problems += capped(file, positions, make, msg("erp.more_bad_values", column=column))
    return problems


def key_fields(name: str, present: set[str]) -> list[str] | None:
    """The key of a dataset as far as the export has it; None when a required part is missing."""
    fields = []
    for spec in KEYS[name]:
        field, optional = spec.rstrip("?"), spec.endswith("?")
        if field in present:
            fields.append(field)
        elif not optional:
            return None
    return fields


def duplicates(name: str, frame: pd.DataFrame, erp_name: dict[str, str]
               ) -> tuple[np.ndarray, list[Problem]]:
    """Rows whose key (else every field) repeats an earlier row: reported and left out."""
    fields = [f.name for f in SCHEMAS[name] if f.name in frame.columns]
    key = key_fields(name, set(fields)) or fields
    dup, first = find_duplicates(frame, key)
    if not dup.any():
        return dup, []
    rows, files = frame["source_row"].to_numpy(), file_names(frame)
    column = erp_name.get(key[0], key[0])
    if dup.sum() > MAX_ROW_PROBLEMS and dup.sum() * 2 > len(frame):
        return dup, [_derived(name, frame, dup, column)]
    problems: list[Problem] = []
    for file, positions in per_file(np.flatnonzero(dup), files):
        def make(i: int, file: str = file) -> Problem:
            j = first[i]
            there = (msg("erp.row", row=int(rows[j])) if files[j] == file else
                     msg("erp.file_row", file=files[j], row=int(rows[j])))
            where = Location(file, row=int(rows[i]), column=column)
            if frame.iloc[i][fields].equals(frame.iloc[j][fields]):
                return Problem.of("erp", "erp.same_row", where, there=there)
            return Problem.of("erp", "erp.duplicate_row", where, there=there,
                              key=_describe(frame, i, key, erp_name))
        problems += capped(file, positions, make, msg("erp.more_duplicates", column=column))
    return dup, problems


def _derived(name: str, frame: pd.DataFrame, dup: np.ndarray, column: str) -> Problem:
    """Most rows repeat their key: a dataset taken from transaction rows; said once."""
    files = ", ".join(dict.fromkeys(file_names(frame)))
    return Problem.of("erp", "erp.derived_export", Location(files, column=column), "warning",
                      repeats=int(dup.sum()), rows=len(frame), column=column,
                      key=" + ".join(key_fields(name, set(frame.columns)) or ()) or msg("erp.a_row"))


def find_duplicates(frame: pd.DataFrame, key: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(is a repeat of an earlier row, position of that first row) by the key fields.

    Exports are usually sorted by their key: then repeats are neighbours, found without hashing.
    """
    arrays = [pa.array(frame[f]) for f in key]
    n = len(frame)
    if n < 2:
        return np.zeros(n, dtype=bool), np.arange(n)
    same, ordered = _neighbours(arrays)
    if ordered:
        dup = np.concatenate([[False], same])
        first = np.maximum.accumulate(np.where(dup, 0, np.arange(n)))
        return dup, first
    codes = row_codes(frame, key)
    dup = pd.Series(codes).duplicated().to_numpy()
    uniq, first_at = np.unique(codes, return_index=True)
    return dup, first_at[np.searchsorted(uniq, codes)]


def _neighbours(arrays: list[pa.Array]) -> tuple[np.ndarray, bool]:
    """(row equals the row before, rows are in key order) for rows 1..n-1."""
    same = None
    before = None  # row sorts strictly before the previous one
    for arr in reversed(arrays):
        cur, prev = arr[1:], arr[:-1]
        equal = pc.or_kleene(pc.fill_null(pc.equal(cur, prev), False),
                             pc.and_(pc.is_null(cur), pc.is_null(prev)))
        less = pc.fill_null(pc.less(cur, prev), False)
        before = less if before is None else pc.or_(less, pc.and_(equal, before))
        same = equal if same is None else pc.and_(equal, same)
    ordered = not pc.any(before).as_py()
    return same.to_numpy(zero_copy_only=False), ordered


def row_codes(frame: pd.DataFrame, fields: list[str]) -> np.ndarray:
    """One int64 per row, equal exactly when the rows are equal in `fields`."""
    codes = np.zeros(len(frame), dtype=np.int64)
    for f in fields:
        col_codes, uniques = pd.factorize(frame[f], use_na_sentinel=False)
        codes = pd.factorize(codes * (len(uniques) + 1) + col_codes)[0].astype(np.int64)
    return codes


def _describe(frame: pd.DataFrame, i: int, key: list[str], erp_name: dict[str, str]) -> str:
    parts = []
    for f in key:
        value = frame.iloc[i][f]
        shown = "" if pd.isna(value) else (value.date() if isinstance(value, pd.Timestamp)
                                            else value)
        parts.append(f"{erp_name.get(f, f)} '{shown}'")
    return " ".join(parts)


def references(frames: dict[str, pd.DataFrame], erp_names: dict[str, dict[str, str]]
               ) -> list[Problem]:
    """Rows pointing at an order or customer the other export does not have: kept, reported."""
    keys = Keys(frames)
    problems: list[Problem] = _price_list_ids(frames, erp_names.get("price_list", {}))
    for ref in REFERENCES:
        frame, target = frames.get(ref.dataset), frames.get(ref.target)
        if frame is None or target is None or ref.field not in frame.columns:
            continue
        missing = ~keys.found(ref)
        if missing.any() and (aligned := align_zeros(
                frame, ref.field, target[ref.target_field], missing,
                erp_names.get(ref.dataset, {}).get(ref.field, ref.field),
                WHAT.get(ref.field, ref.field), LABELS[ref.target])):
            problems += aligned
            keys.forget(ref.target_field)
            missing = ~keys.found(ref)
        problems += _reference_problems(ref, frame, missing, erp_names.get(ref.dataset, {}))
    return problems + _delivery_customers(frames, erp_names.get("deliveries", {}), keys)


def _price_list_ids(frames: dict[str, pd.DataFrame], erp_name: dict[str, str]) -> list[Problem]:
    """The price list's customers spelled as the customer master does (no reference problem:
    its list-price rows name no customer of the master)."""
    prices, master = frames.get("price_list"), frames.get("customers")
    if prices is None or master is None or "customer_id" not in prices.columns:
        return []
    ids, known = (_arrow(f["customer_id"]).cast(pa.large_string()) for f in (prices, master))
    found = pc.fill_null(pc.is_in(ids, value_set=known), True)  # no customer: nothing to match
    missing = ~found.to_numpy(zero_copy_only=False)
    if not missing.any():
        return []
    return align_zeros(prices, "customer_id", master["customer_id"], missing,
                       erp_name.get("customer_id", "customer_id"), WHAT["customer_id"],
                       LABELS["customers"])


class Keys:
    """The key columns the references join on, encoded in one dictionary per key (every order id
    of the order lines, deliveries and invoices in one, every customer id in another): one hash
    pass per key instead of a unique and a lookup per reference, and the codes compare across
    datasets."""

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.frames = frames
        self.codes: dict[tuple[str, str], np.ndarray] = {}
        self.sizes: dict[str, int] = {}

    def of(self, key: str, dataset: str, field: str) -> np.ndarray:
        """Per row of `dataset`: the code of its `field` under `key` (the key's size if missing)."""
        self.size(key)
        return self.codes[(dataset, field)]

    def found(self, ref: Reference) -> np.ndarray:
        """Per row of ref.dataset: its value is in the target (missing values count as in)."""
        size = self.size(ref.target_field)
        present = np.zeros(size + 1, dtype=bool)
        present[self.of(ref.target_field, ref.target, ref.target_field)] = True
        present[size] = True
        return present[self.of(ref.target_field, ref.dataset, ref.field)]

    def forget(self, key: str) -> None:
        """Encode the key again on next use (its values were changed)."""
        self.sizes.pop(key, None)
        self.codes = {m: c for m, c in self.codes.items() if m not in KEY_COLUMNS[key]}

    def size(self, key: str) -> int:
        """How many distinct values the key has; the code of a missing value."""
        if key not in self.sizes:
            self._encode(key)
        return self.sizes[key]

    def _encode(self, key: str) -> None:
        members = [(d, f) for d, f in KEY_COLUMNS[key]
                   if d in self.frames and f in self.frames[d].columns]
        arrays = [_arrow(self.frames[d][f]).cast(pa.large_string()) for d, f in members]
        encoded = pc.dictionary_encode(pa.concat_arrays(arrays) if arrays
                                       else pa.array([], pa.large_string()))
        size = len(encoded.dictionary)
        codes = pc.fill_null(encoded.indices, size).to_numpy(zero_copy_only=False)
        at = np.cumsum([0] + [len(a) for a in arrays])
        for i, member in enumerate(members):
            self.codes[member] = codes[at[i]:at[i + 1]]
        self.sizes[key] = size


def _key_columns() -> dict[str, list[tuple[str, str]]]:
    """Per key (the referenced field): the (dataset, field) columns holding or naming it."""
    columns: dict[str, list[tuple[str, str]]] = {}
    for ref in REFERENCES:
        for column in ((ref.target, ref.target_field), (ref.dataset, ref.field)):
            if column not in columns.setdefault(ref.target_field, []):
                columns[ref.target_field].append(column)
    return columns


KEY_COLUMNS = _key_columns()


def _reference_problems(ref: Reference, frame: pd.DataFrame, missing: np.ndarray,
                        erp_name: dict[str, str]) -> list[Problem]:
    if not missing.any():
        return []
    column = erp_name.get(ref.field, ref.field)
    rows, files = frame["source_row"].to_numpy(), file_names(frame)
    values = frame[ref.field]
    what = WHAT.get(ref.field, ref.field.removesuffix("_id"))
    problems: list[Problem] = []
    for file, positions in per_file(np.flatnonzero(missing), files):
        def make(i: int, file: str = file) -> Problem:
            return Problem.of("erp", "erp.unknown_reference",
                              Location(file, row=int(rows[i]), column=column), "warning",
                              what=what, value=values.iat[i], target=LABELS[ref.target],
                              consequence=ref.consequence)
        problems += capped(file, positions, make, msg("erp.more_unknown_references", what=what,
                                                      target=LABELS[ref.target]), "warning")
    return problems


def _arrow(values: pd.Series) -> pa.Array:
    """A text column as arrow text (zero-copy for pandas' arrow-backed str)."""
    array = pa.array(values)
    return array if pa.types.is_large_string(array.type) or pa.types.is_string(array.type) else (
        pa.array(values.astype("str")))


def _delivery_customers(frames: dict[str, pd.DataFrame], erp_name: dict[str, str],
                        keys: Keys) -> list[Problem]:
    """A delivery for another customer than its order's: kept, reported (vectorised lookup)."""
    deliveries, lines = frames.get("deliveries"), frames.get("order_lines")
    if deliveries is None or lines is None:
        return []
    orders, missing = keys.of("order_id", "order_lines", "order_id"), keys.size("order_id")
    owner = np.full(missing + 1, -1, dtype=np.int64)
    owner[orders] = keys.of("customer_id", "order_lines", "customer_id")
    owner[missing] = -1
    order_at = keys.of("order_id", "deliveries", "order_id")
    customer = keys.of("customer_id", "deliveries", "customer_id")
    other = (owner[order_at] >= 0) & (owner[order_at] != customer)
    if not other.any():
        return []
    owner = lines.drop_duplicates("order_id").set_index("order_id")["customer_id"]
    column = erp_name.get("customer_id", "customer_id")
    rows = deliveries["source_row"].to_numpy()
    files = file_names(deliveries)
    problems: list[Problem] = []
    for file, positions in per_file(np.flatnonzero(other), files):
        def make(i: int, file: str = file) -> Problem:
            order = deliveries["order_id"].iat[i]
            return Problem.of("erp", "erp.delivery_other_customer",
                              Location(file, row=int(rows[i]), column=column), "warning",
                              customer=deliveries["customer_id"].iat[i], order=order,
                              order_customer=owner.get(order))
        problems += capped(file, positions, make, msg("erp.more_deliveries_other_customer"),
                           "warning")
    return problems
