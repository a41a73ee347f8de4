"""A contract that applies from its signing starts on the day the last party signed."""

from __future__ import annotations

from datetime import date

from audit.contracts.dated import document_date
from audit.models import Page


def test_effective_on_execution_starts_at_the_last_signature() -> None:
    text = ("SERVICE CONTRACT\n1. This contract becomes effective on the date of its last "
            "signature and runs for two years. The earlier framework agreement dated "
            "3 March 2020 remains in force.\n\nSigned for the supplier\nDate: 4 May 2024\n"
            "Signed for the buyer\nDate: 11 May 2024\n")
    dated = document_date((Page(1, text),), "en", amendment=False)
    assert (dated.day, dated.basis) == (date(2024, 5, 11), "signed")


def test_dutch_in_force_on_signing_takes_the_letter_date() -> None:
    text = ("De overeenkomst treedt in werking op de datum van ondertekening.\n\n"
            "Apeldoorn, 14 februari 2025\n")
    assert document_date((Page(1, text),), "nl", amendment=False).day == date(2025, 2, 14)


def test_a_signature_date_alone_is_no_start_of_a_base_contract() -> None:
    text = "Article 4. Prices are fixed for the term.\n\nDate: 4 May 2024\n"
    assert document_date((Page(1, text),), "en", amendment=False).day is None
