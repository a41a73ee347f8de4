"""Deviation -> accountable owner, their email, the action to take and a due date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from audit.config import AuditConfig, Person
from audit.core.messages import Msg, msg
from audit.core.parse import plain_figure
from audit.core.rule_model import Rule
from audit.core.workdays import WorkCalendar
from audit.errors import Location, Problem
from audit.models import Deviation

ACCOUNT_MANAGER = "account_manager"
CONTROLLER = "controller"


def owner_role(config: AuditConfig, rule: Rule, customer_id: str) -> str:
    """The role that owns a rule for a customer: per-customer override, per-rule, rule default."""
    per_customer = config.customer_owners.get(customer_id, {})
    return per_customer.get(rule.id) or config.rule_owners.get(rule.id) or rule.owner


def find_person(config: AuditConfig, role: str, customer: dict[str, Any]) -> Person | None:
    """The person behind a role; 'account_manager' is the customer's own, from the master."""
    if role == ACCOUNT_MANAGER:
        code = customer.get("account_manager")
        if isinstance(code, str) and code in config.people:
            return config.people[code]
    if role == CONTROLLER and role not in config.owners:
        return config.controller
    return config.owners.get(role)


def today() -> date:
    """The run date (one place, so a test can run the audit as of another day)."""
    return date.today()


def due_date(calendar: WorkCalendar, period_end: date, days: int, run_date: date) -> date:
    """`days` working days after the period; after the run date when that is already past
    (an earlier period audited late must not arrive overdue)."""
    due = calendar.add_one(period_end, days)
    return due if due >= run_date else calendar.add_one(run_date, days)


def assign(
    deviations: list[Deviation],
    config: AuditConfig,
    rules: dict[str, Rule],
    customers: dict[str, dict[str, Any]],
    period_end: date,
    calendar: WorkCalendar,
    run_date: date | None = None,
) -> tuple[list[Deviation], list[Problem]]:
    """Fill owner, owner_email, action and due_date (never before the run date, default
    today); an owner without email is a Problem."""
    run_date = run_date or today()
    out: list[Deviation] = []
    unmailed: dict[Msg, tuple[dict[str, None], dict[str, None]]] = {}  # who -> rules, customers
    for dev in deviations:
        rule = rules[dev.rule_id]
        customer = customers.get(dev.customer_id, {})
        role = owner_role(config, rule, dev.customer_id)
        person = find_person(config, role, customer)
        if person is None or not person.email:
            who = _who(role, dev.customer_id, customer, person)
            rule_ids, customer_ids = unmailed.setdefault(who, ({}, {}))
            rule_ids[dev.rule_id] = customer_ids[dev.customer_id] = None
        days = config.due_days.get(dev.severity, 10)
        out.append(replace(
            dev,
            owner=person.name if person else role,
            owner_email=(person.email or "") if person else "",
            action=rule.action_text(dev.kind, config.language, dict(dev.params), dev.subject),
            due_date=due_date(calendar, period_end, days, run_date),
            impact_basis=rule.impact_text(config.language) if dev.impact_eur is not None else "",
            rule_title=rule.title.get(config.language) or rule.id,
            figure_unit=figure_unit(dev, rule),
        ))
    # one problem per owner who gets no email, naming every agreement and customer concerned
    problems = [Problem.of("owners", "owners.not_emailed", Location("config.yaml", key="owners"),
                           what=who, rule=", ".join(r), customer=", ".join(c))
                for who, (r, c) in unmailed.items()]
    return out, problems


def figure_unit(dev: Deviation, rule: Rule) -> str:
    """What a deviation's expected figure counts in: the unit of the agreed value it shows (a
    price: EUR, a rate: %, a term: days); figures the check computed (a pro-rata commitment, an
    indexed price, a rebate due) are euros when they are written in cents, money is at stake and
    no value of the agreement is a quantity."""
    units = {spec.name: spec.unit for spec in rule.values}
    agreed = dict(part.split("=", 1) for part in dev.agreed.partition("|")[2].split(";")
                  if "=" in part)
    expected = plain_figure(dev.expected)
    if expected is None:
        return ""
    for name, value in agreed.items():
        if plain_figure(value) == expected and units.get(name):
            return units[name]
    present = {units.get(name, "") for name in agreed}
    figures = [f for f in (dev.expected, dev.actual) if plain_figure(f) is not None]
    if dev.impact_eur is not None and "pieces" not in present and figures and all(
            re.fullmatch(r"-?\d+\.\d\d", f.strip()) for f in figures):
        return "EUR"
    return ""


def _who(role: str, customer_id: str, customer: dict[str, Any], person: Person | None) -> Msg:
    """Who gets no email, as the problem names them."""
    if person is not None:
        return msg("owners.no_email", name=person.name, role=role)
    if role == ACCOUNT_MANAGER:
        return msg("owners.manager_not_listed", name=customer.get("account_manager") or "-",
                   customer=customer_id)
    return msg("owners.role_not_listed", role=role)
