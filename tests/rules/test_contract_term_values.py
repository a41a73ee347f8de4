"""Contract-term values from made-up clauses: renewal periods, notice before the end, calendar
units, end dates from a start and a length."""

from datetime import date
from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc
from audit.rules.values import read_value


def clause(text: str, lang: str = "en", effective: date | None = None) -> Clause:
    doc = ContractDoc(path=Path("t.pdf"), sha256="", pages=(), language=lang,
                      effective_date=effective)
    return Clause(doc=doc, article="9", heading="Duration", text=text, page=3)


@pytest.mark.parametrize(("text", "lang", "months"), [
    ("After the first period this contract continues for further terms of one (1) calendar "
     "year each.", "en", 12),  # 'calendar' between the number and the unit
    ("The licence will renew automatically for successive two (2) year periods.", "en", 24),
    ("Het contract wordt daarna telkens met twee kalenderjaren stilzwijgend verlengd.", "nl", 24),
    ("This contract is evergreen: it renews itself for periods of six months.", "en", 6),
    ("Deze overeenkomst wordt niet stilzwijgend verlengd.", "nl", 0),
])
def test_renewal(text, lang, months):
    assert read_value("renewal_months", clause(text, lang), lang) == months


@pytest.mark.parametrize(("text", "lang", "notice"), [
    ("Either side may stop the renewal by telling the other so in writing at least two "
     "calendar months before the expiration of the running term.", "en", "2 months"),
    ("The contract is evergreen and either party may end it with ninety (90) days' written "
     "notice.", "en", "90 days"),
    ("Opzeggen kan uiterlijk drie maanden voor afloop van de lopende periode.", "nl", "3 months"),
])
def test_notice(text, lang, notice):
    assert read_value("notice", clause(text, lang), lang) == notice


@pytest.mark.parametrize(("text", "lang", "end"), [
    ("The supply arrangement has an initial term of three (3) years commencing on 1 February "
     "2025.", "en", date(2028, 1, 31)),
    ("This contract remains in force through and including March 15. 2029.", "en",
     date(2029, 3, 15)),  # a full stop where the comma belongs
])
def test_end_date(text, lang, end):
    assert read_value("end_date", clause(text, lang), lang) == end
