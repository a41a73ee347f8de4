"""unmatched_agreement: each clause that reads like an agreement no rule covers goes to the
controller, with its place in the contract."""

from audit.checks import unmatched_agreement
from tests.checks.conftest import term


def test_goes_to_the_controller_with_its_place(make_ctx):
    t = term("unmatched_agreement", article="5.5", quote="500 stuks")
    [dev] = unmatched_agreement.registered(make_ctx("unmatched_agreement", [t]))
    assert (dev.subject, dev.kind, dev.expected) == ("contract.pdf#5.5", "registration",
                                                     "500 stuks")


def test_no_such_clause_is_no_deviation(make_ctx):
    assert unmatched_agreement.registered(make_ctx("unmatched_agreement", [])) == []


def test_two_clauses_are_two_deviations_each_at_its_own_article(make_ctx):
    clauses = [term("unmatched_agreement", article="5.5", quote="500 stuks"),
               term("unmatched_agreement", article="5.6", quote="2 pallets")]
    found = unmatched_agreement.registered(make_ctx("unmatched_agreement", clauses))
    assert [(d.subject, d.expected) for d in found] == [("contract.pdf#5.5", "500 stuks"),
                                                        ("contract.pdf#5.6", "2 pallets")]
