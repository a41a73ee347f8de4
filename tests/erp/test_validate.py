"""Validating the exports (audit/erp/validate.py): a repeated key left out naming the row it
repeats (in another file too), references the other export does not have kept and reported,
a delivery for another customer than its order's, at most twenty per file and column."""

from __future__ import annotations

import pandas as pd

from audit.erp.validate import MAX_ROW_PROBLEMS, duplicates, references

LINES_ERP = {"order_id": "Ordernr", "line_no": "Regel", "customer_id": "Klantnr"}


def order_lines(*rows: tuple[str, str, str, str, int, str]) -> pd.DataFrame:
    """(order, line, customer, item, row, file)"""
    return pd.DataFrame(rows, columns=["order_id", "line_no", "customer_id", "item_id",
                                       "source_row", "source_file"])


def test_a_repeated_row_is_left_out_naming_the_row_it_repeats_in_the_other_file():
    lines = order_lines(("O1", "1", "C1", "A", 2, "orders-09.csv"),
                        ("O1", "2", "C1", "B", 3, "orders-09.csv"),
                        ("O1", "1", "C1", "A", 2, "orders-10.csv"))
    dropped, problems = duplicates("order_lines", lines, LINES_ERP)
    assert dropped.tolist() == [False, False, True]
    assert [str(p) for p in problems] == [
        "orders-10.csv, row 2, column 'Ordernr': the same row as orders-09.csv row 2; the row is "
        "left out of the checks"]


def test_the_same_key_with_other_values_names_the_key_and_the_first_row():
    lines = order_lines(("O1", "1", "C1", "A", 2, "orders.csv"),
                        ("O1", "1", "C1", "B", 7, "orders.csv"))
    dropped, [problem] = duplicates("order_lines", lines, LINES_ERP)
    assert dropped.tolist() == [False, True]
    text = str(problem)
    assert text.startswith("orders.csv, row 7, column 'Ordernr': ")
    assert "Ordernr 'O1'" in text and "Regel '1'" in text and "row 2" in text


def test_distinct_rows_are_no_problem():
    lines = order_lines(("O1", "1", "C1", "A", 2, "orders.csv"),
                        ("O1", "2", "C1", "A", 3, "orders.csv"),
                        ("O2", "1", "C1", "A", 4, "orders.csv"))
    dropped, problems = duplicates("order_lines", lines, LINES_ERP)
    assert not dropped.any() and problems == []


def test_unknown_references_are_kept_and_reported_as_warnings_by_row():
    customers = pd.DataFrame({"customer_id": ["C1"], "source_row": [2],
                              "source_file": ["klanten.csv"]})
    lines = order_lines(("O1", "1", "C1", "A", 2, "orders.csv"),
                        ("O2", "1", "C2", "A", 3, "orders.csv"))
    shipped = pd.DataFrame({"delivery_id": ["L1", "L2"], "order_id": ["O2", "O9"],
                            "customer_id": ["C1", "C1"], "source_row": [2, 3],
                            "source_file": ["leveringen.csv", "leveringen.csv"]})
    found = references({"customers": customers, "order_lines": lines, "deliveries": shipped},
                       {"order_lines": LINES_ERP, "deliveries": LINES_ERP})
    assert {p.severity for p in found} == {"warning"}
    shown = sorted(str(p) for p in found)
    assert shown == sorted([
        "orders.csv, row 3, column 'Klantnr': customer 'C2' is not in the customer master; the "
        "row is kept; the customer's master data is unknown",
        "leveringen.csv, row 3, column 'Ordernr': order 'O9' is not in the order lines; the "
        "delivery is kept, but its lead time cannot be checked",
        "leveringen.csv, row 2, column 'Klantnr': the delivery is for customer 'C1' but its "
        "order 'O2' is for 'C2'; the row is kept"])


def test_at_most_twenty_repeats_per_file_then_how_many_more():
    first = [(f"O{n}", "1", "C1", "A", n + 2, "orders.csv") for n in range(30)]
    again = [(f"O{n}", "1", "C1", "A", n + 40, "orders.csv") for n in range(25)]
    dropped, problems = duplicates("order_lines", order_lines(*first, *again), LINES_ERP)
    assert int(dropped.sum()) == 25
    assert len(problems) == MAX_ROW_PROBLEMS + 1
    assert str(problems[-1]) == ("orders.csv: 5 more duplicate rows (by 'Ordernr') left out of "
                                 "the checks")
