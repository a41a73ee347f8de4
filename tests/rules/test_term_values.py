"""Contract-term values: end dates given as a length, start dates, notice before renewal, dates."""

from datetime import date
from pathlib import Path

import pytest

from audit.core.parse import find_dates
from audit.models import Clause, ContractDoc
from audit.rules.values import find_start_date, read_value


def clause(text: str, lang: str = "en", effective: date | None = None) -> Clause:
    doc = ContractDoc(path=Path("c.pdf"), sha256="", pages=(), language=lang,
                      effective_date=effective)
    return Clause(doc=doc, article="2", heading="Term", text=text, page=1)


@pytest.mark.parametrize(("text", "lang", "start", "end"), [
    ("The term of this Agreement is three (3) years commencing on March 1, 2025.", "en", None,
     date(2028, 2, 29)),  # the start day is the term's first day
    ("The initial term is four (4) years from 1 October 2026.", "en", None, date(2030, 10, 1)),
    ("Initial term: two (2) years, starting on 15 May 2026.", "en", None, date(2028, 5, 14)),
    ("This Agreement shall end on the five (5) year anniversary of the Effective Date.", "en",
     date(2019, 11, 12), date(2024, 11, 12)),
    ("It ends on the tenth (10th) anniversary thereof.", "en", date(2019, 3, 27), date(2029, 3, 27)),
    ("This Agreement shall terminate on the date three (3) years from the Effective Date.", "en",
     date(2014, 9, 4), date(2017, 9, 4)),
    ("De overeenkomst wordt aangegaan voor de duur van drie (3) jaar, ingaande 1 januari 2025.",
     "nl", None, date(2027, 12, 31)),
    ("The Term shall begin on the date hereof and shall expire December 31, 2023.", "en", None,
     date(2023, 12, 31)),
    ("Looptijd: 1 maart 2025 t/m 28 februari 2028.", "nl", None, date(2028, 2, 28)),
])
def test_end_date(text, lang, start, end):
    assert read_value("end_date", clause(text, lang), lang, start) == end


@pytest.mark.parametrize("text", [
    "During the Term of this Agreement and for three years thereafter, no party solicits staff.",
    "Confidential Information is kept secret for five (5) years after termination.",
    "This Agreement shall remain in force for a period of five (5) years.",  # start unknown
])
def test_no_end_date_from_a_survival_period_or_without_a_start(text):
    assert read_value("end_date", clause(text), "en") is None


@pytest.mark.parametrize(("text", "lang", "notice", "renewal"), [
    ("Na afloop wordt zij stilzwijgend verlengd voor perioden van één jaar, behoudens opzegging "
     "met inachtneming van een termijn van zes maanden.", "nl", "6 months", 12),
    ("It renews for successive one (1) year periods unless either party gives written notice of "
     "non-renewal at least ninety (90) calendar days prior to the expiry of the term. Either "
     "party may terminate upon thirty (30) days' notice of a material breach.", "en", "90 days",
     12),
    ("The Agreement shall be renewable on an annual basis for up to another ten (10) years.", "en",
     None, 12),
])
def test_notice_and_renewal(text, lang, notice, renewal):
    assert read_value("notice", clause(text, lang), lang) == notice
    assert read_value("renewal_months", clause(text, lang), lang) == renewal


def test_start_dates_as_us_contracts_write_them():
    assert find_start_date('made and entered into as of the 12th day of November, 2019 (the '
                           '"Effective Date")', "en") == date(2019, 11, 12)
    assert find_start_date("THIS AGREEMENT is made this first day of July, 2017", "en") == date(
        2017, 7, 1)
    assert find_start_date("This Amendment is entered into effective October 1,1996", "en") == date(
        1996, 10, 1)


def test_slash_dates_are_month_first_only_in_english():
    assert find_dates("effective 7/1/98", "en") == [date(1998, 7, 1)]
    assert find_dates("effective 7/1/98", "nl") == []
    assert find_dates("op 01/03/2026", "nl") == [date(2026, 3, 1)]
    assert find_dates("on 01/03/2026", "en") == [date(2026, 1, 3)]


@pytest.mark.parametrize(("kind", "text", "lang", "value"), [
    ("end_date", "The initial term of two (2) years commences on 1 September 2026.", "en",
     date(2028, 8, 31)),
    ("start_date", "The initial term of two (2) years commences on 1 September 2026.", "en",
     date(2026, 9, 1)),
    ("end_date", "This Contract runs from 1 May 2026 through and including 30 April 2029.", "en",
     date(2029, 4, 30)),
    ("end_date", "The agreement expires on October 31. 2027.", "en", date(2027, 10, 31)),
    ("end_date", "It took effect on 1 March 2025 and has an initial term ending on 28 February "
     "2027.", "en", date(2027, 2, 28)),
    ("start_date", "It took effect on 1 March 2025 and has an initial term ending on 28 February "
     "2027.", "en", date(2025, 3, 1)),
    ("start_date", "Deze overeenkomst gaat in op 1 oktober 2026 voor de duur van twee jaar.", "nl",
     date(2026, 10, 1)),
    ("end_date", "Deze overeenkomst gaat in op 1 oktober 2026 voor de duur van twee jaar.", "nl",
     date(2028, 9, 30)),
    ("notice", "This agreement is evergreen; either party may end it on one hundred and twenty "
     "(120) days' written notice.", "en", "120 days"),
    ("notice", "Opzeggen kan tot uiterlijk vier maanden voor afloop.", "nl", "4 months"),
    ("notice", "Opzegging tegen het einde van de looptijd geschiedt schriftelijk en aangetekend met "
     "inachtneming van een termijn van twee maanden.", "nl", "2 months"),
    ("notice", "Either party may terminate on six (6) weeks' notice before the renewal date.", "en",
     "42 days"),
])
def test_term_values_in_more_wordings(kind, text, lang, value):
    assert read_value(kind, clause(text, lang), lang) == value


@pytest.mark.parametrize(("text", "end"), [
    ("Deze regeling treedt in werking op 1 april 2026 en geldt voor een periode van vier jaar.",
     date(2030, 3, 31)),
    ("Deze regeling treedt in werking op 1 april 2026 en blijft van kracht gedurende 18 "
     "maanden.", date(2027, 9, 30)),
    ("Deze regeling treedt in werking op 1 april 2026 en is geldig voor twee jaar.",
     date(2028, 3, 31)),
])
def test_a_dutch_term_stated_as_valid_for_a_length(text, end):
    assert read_value("end_date", clause(text, "nl"), "nl") == end


def test_a_length_of_what_the_contract_sets_is_no_term_without_a_start():
    # a price valid for twelve months, no start of the contract: no end date to compute
    text = "De tarieven gelden voor een periode van twaalf maanden."
    assert read_value("end_date", clause(text, "nl"), "nl") is None
