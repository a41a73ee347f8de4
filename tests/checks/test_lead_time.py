"""lead_time: working days with Dutch holidays, the requested date, the look-back window."""

from audit.checks import lead_time

from .conftest import frame, term


def run(make_ctx, deliveries, orders, days=5):
    dl = frame([{"delivery_id": i, "order_id": o, "delivery_date": dd} for i, o, dd in deliveries],
               dates=("delivery_date",))
    ol = frame([{"order_id": o, "order_date": od, "requested_date": rq} for o, od, rq in orders],
               dates=("order_date", "requested_date"))
    ctx = make_ctx("lead_time", [term("lead_time", working_days=days)], deliveries=dl,
                   order_lines=ol)
    return lead_time.executed(ctx)


def test_kings_day_is_not_a_working_day(make_ctx):
    # Friday 24-04-2026 + 5 working days skips Monday 27-04 (King's Day): due Monday 04-05.
    assert run(make_ctx, [("L1", "O1", "2026-05-04")], [("O1", "2026-04-24", None)]) == []
    [dev] = run(make_ctx, [("L1", "O1", "2026-05-05")], [("O1", "2026-04-24", None)])
    assert dev.evidence == ("L1",)


def test_ascension_day_counts_as_holiday(make_ctx):
    # Monday 11-05-2026 + 5 working days skips Thursday 14-05 (Ascension): due Tuesday 19-05.
    assert run(make_ctx, [("L1", "O1", "2026-05-19")], [("O1", "2026-05-11", None)]) == []


def test_later_requested_date_is_the_due_date(make_ctx):
    orders = [("O1", "2026-06-01", "2026-06-20")]
    assert run(make_ctx, [("L1", "O1", "2026-06-19")], orders) == []
    [dev] = run(make_ctx, [("L1", "O1", "2026-06-22")], orders)
    assert (dev.kind, dev.subject, dev.expected, dev.actual) == ("execution", "late", "5", "1")


def test_deliveries_before_the_window_are_not_evidence(make_ctx):
    assert run(make_ctx, [("L1", "O1", "2025-10-30")], [("O1", "2025-10-01", None)]) == []


def test_registration_compares_master_lead_time(make_ctx):
    ctx = make_ctx("lead_time", [term("lead_time", working_days=5)], {"lead_time_days": 10})
    [dev] = lead_time.registered(ctx)
    assert (dev.expected, dev.actual) == ("5", "10")
