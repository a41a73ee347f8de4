"""payment_term: customer master vs agreed days; due dates per invoice, amendments respected."""

from audit.checks import payment_term

from .conftest import d, frame, term


def invoices(*rows):
    return frame([{"invoice_id": i, "invoice_date": inv, "due_date": due, "kind": kind}
                  for i, inv, due, kind in rows], dates=("invoice_date", "due_date"))


def test_master_differs_from_contract(make_ctx):
    ctx = make_ctx("payment_term", [term("payment_term", days=14)], {"payment_term_days": 30})
    [dev] = payment_term.registered(ctx)
    assert (dev.kind, dev.expected, dev.actual, dev.subject) == ("registration", "14", "30",
                                                                "payment_term_days")
    assert dev.description == ("Payment term: per the contract 14 days; in the ERP customer "
                               "master: 30 days.")


def test_master_equal_is_no_deviation(make_ctx):
    ctx = make_ctx("payment_term", [term("payment_term", days=30)], {"payment_term_days": 30})
    assert payment_term.registered(ctx) == []


def test_amendment_applies_from_its_date_and_credit_notes_do_not_count(make_ctx):
    terms = [term("payment_term", None, d("2026-02-28"), days=30),
             term("payment_term", d("2026-03-01"), days=45, article="1.1")]
    inv = invoices(
        ("F1", "2026-02-10", "2026-03-12", "invoice"),   # 30 days, old clause: fine
        ("F2", "2026-03-02", "2026-04-01", "invoice"),   # 30 days, new clause says 45
        ("F3", "2026-03-05", "2026-04-19", "invoice"),   # 45 days: fine
        ("C1", "2026-03-05", "2026-03-05", "credit_note"),  # not an invoice
        ("F0", "2025-10-15", "2025-12-15", "invoice"),   # before the look-back window
    )
    ctx = make_ctx("payment_term", terms, invoices=inv)
    [dev] = payment_term.executed(ctx)
    assert (dev.evidence, dev.expected, dev.actual) == (("F2",), "45", "30")
    assert dev.contract_article == "1.1"
    assert dev.impact_eur is None


def test_due_dates_of_a_term_from_the_months_end_count_from_the_end_of_the_invoice_month(
        make_ctx):
    terms = [term("payment_term", days=30, **{"from": "month_end"})]
    inv = invoices(
        ("F1", "2026-03-10", "2026-04-30", "invoice"),   # end of March + 30 days: right
        ("F2", "2026-03-31", "2026-04-30", "invoice"),   # on the month's last day: the same
        ("F3", "2026-04-02", "2026-05-02", "invoice"),   # invoice date + 30: not what was agreed
    )
    [dev] = payment_term.executed(make_ctx("payment_term", terms, invoices=inv))
    assert (dev.evidence, dev.expected, dev.actual) == (("F3",), "30", "2")  # days after 30 April
    assert dev.description.startswith("Agreed due date: end of the invoice month + 30 days;")
    # a term from the invoice date finds F1 and F2 wrong instead
    plain = payment_term.executed(make_ctx("payment_term", [term("payment_term", days=30)],
                                           invoices=inv))
    assert plain[0].evidence == ("F1",)
