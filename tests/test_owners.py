"""Owners: the rule's role, overridden per rule and per customer; account manager from master."""

from datetime import date
from pathlib import Path

from audit.config import AuditConfig
from audit.core.workdays import WorkCalendar
from audit.models import Deviation
from audit.owners import assign
from audit.rules.loader import load_rules

RULES = load_rules(Path(__file__).resolve().parents[1] / "rules")
CALENDAR = WorkCalendar(range(2026, 2028))


def config(**extra) -> AuditConfig:
    return AuditConfig.model_validate({
        "company": {"name": "Wij B.V."}, "erp": {"datasets": {}},
        "owners": {"credit_control": {"name": "Credit", "email": "credit@x.nl"},
                   "pricing": {"name": "Pricing", "email": "pricing@x.nl"},
                   "logistics_planner": {"name": "Planning"}},
        "people": {"SDV": {"name": "Sanne", "email": "sanne@x.nl"}}, **extra})


def dev(rule: str, customer: str = "C1", severity: str = "high") -> Deviation:
    return Deviation(customer, rule, "registration", "s", "d", "5", "8", severity=severity,
                     params=(("days", "30"), ("customer", "Klant B.V."), ("subject", "A-1"),
                             ("impact", "EUR 1.00"), ("working_days", "5")))


def test_roles_overrides_and_account_manager():
    cfg = config(customer_owners={"C2": {"agreed_prices": "pricing"}})
    masters = {"C1": {"account_manager": "SDV"}, "C2": {"account_manager": "SDV"}}
    out, problems = assign([dev("payment_term"), dev("agreed_prices"), dev("agreed_prices", "C2")],
                           cfg, RULES, masters, date(2026, 10, 31), CALENDAR)
    assert [(d.owner, d.owner_email) for d in out] == [
        ("Credit", "credit@x.nl"), ("Sanne", "sanne@x.nl"), ("Pricing", "pricing@x.nl")]
    assert problems == []
    assert out[0].action.startswith("Zet de betalingstermijn van Klant B.V. in de klantstam op 30 dagen")


def test_due_date_counts_working_days_after_the_period():
    [out], _ = assign([dev("payment_term", severity="high")], config(), RULES, {},
                      date(2026, 10, 31), CALENDAR, run_date=date(2026, 11, 2))
    assert out.due_date == date(2026, 11, 6)  # 5 working days after Saturday 31 October


def test_an_earlier_period_audited_today_is_due_from_today_never_before():
    [out], _ = assign([dev("payment_term", severity="high")], config(), RULES, {},
                      date(2026, 8, 31), CALENDAR, run_date=date(2026, 12, 2))
    assert out.due_date == date(2026, 12, 9)  # 5 working days after Wednesday 2 December


def test_owner_without_email_or_unknown_account_manager_is_a_problem():
    out, problems = assign([dev("lead_time"), dev("agreed_prices")], config(), RULES,
                           {"C1": {"account_manager": "XYZ"}}, date(2026, 10, 31), CALENDAR)
    assert out[0].owner == "Planning" and out[0].owner_email == ""
    assert [str(p) for p in problems] == [
        "config.yaml, key 'owners': owner 'Planning' (logistics_planner) has no email address; "
        "the deviations of lead_time for customers C1 are in the report but not emailed",
        "config.yaml, key 'owners': account manager 'XYZ' of customer C1 is not listed under "
        "people: in config.yaml; the deviations of agreed_prices for customers C1 are in the "
        "report but not emailed",
    ]


def test_an_owner_without_email_is_one_problem_naming_every_agreement_and_customer():
    devs = [dev("lead_time"), dev("lead_time", "C2"), dev("late_delivery_penalty", "C2"),
            dev("lead_time", "C3")]
    _, problems = assign(devs, config(), RULES, {}, date(2026, 10, 31), CALENDAR)
    assert [str(p) for p in problems] == [
        "config.yaml, key 'owners': owner 'Planning' (logistics_planner) has no email address; "
        "the deviations of lead_time, late_delivery_penalty for customers C1, C2, C3 are in the "
        "report but not emailed"]
