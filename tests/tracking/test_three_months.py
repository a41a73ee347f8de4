"""Three consecutive monthly audits on changing sample data, through the CLI, against a real
SMTP server (STARTTLS and login) and a real database (SQLite, and PostgreSQL when available):
new, recurring, resolved and reopened; owners' responses; escalation; suppression expiry; no
duplicate email on a re-run; the outbox after an SMTP outage, delivered by `send`."""

from __future__ import annotations

import shutil
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from audit import owners
from audit.cli import app
from audit.models import Period
from tests.audit_csv import read_audit_csv
from tests.conftest import ROOT, seed_reading_cache, write_sample_config
from tests.tracking.conftest import smtp_settings

CREDIT = "credit@vandijk-verpakkingen.nl"
CONTROLLER = "controller@vandijk-verpakkingen.nl"
BOARD = "directie@example.nl"
CARLA = "Carla de Wit (credit control)"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


class Audit:
    """The sample audit in a temporary folder, with its own copy of the customer master."""

    def __init__(self, folder: Path, db_url: str, monkeypatch: pytest.MonkeyPatch):
        self.folder, self.db_url, self.monkeypatch = folder, db_url, monkeypatch
        self.erp = folder / "erp"
        shutil.copytree(ROOT / "erp_sample", self.erp)

    def configure(self, smtp_port: int) -> None:
        path = write_sample_config(
            self.folder, database_url=self.db_url, smtp=smtp_settings(smtp_port),
            due_days={"high": 5, "medium": 25, "low": 25},
            escalation={"name": "Directie", "email": BOARD})
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["erp"]["datasets"]["customers"]["path"] = str(self.erp / "klanten.csv")
        data["owners"]["customer_service"]["email"] = None  # an owner without an address
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        self.config = str(path)

    def payment_term(self, customer: str, days: int) -> None:
        """Change a customer's payment term in the customer master (cp1252, ';')."""
        path = self.erp / "klanten.csv"
        lines = path.read_bytes().decode("cp1252").split("\r\n" if b"\r\n" in path.read_bytes()
                                                        else "\n")
        header = lines[0].split(";")
        column = header.index("Betalingstermijn")
        for i, line in enumerate(lines):
            cells = line.split(";")
            if cells[0] == customer:
                cells[column] = str(days)
                lines[i] = ";".join(cells)
        newline = "\r\n" if b"\r\n" in path.read_bytes() else "\n"
        path.write_bytes(newline.join(lines).encode("cp1252"))

    def run(self, period: str, *extra: str, code: int = 0) -> str:
        """The audit of a period as run on the 1st of the next month (due dates count from the
        run date when that is later: owners.due_date)."""
        run_date = Period.parse(period).end + timedelta(days=1)
        self.monkeypatch.setattr(owners, "today", lambda: run_date)
        got, output = cli("run", "--config", self.config, "--period", period, *extra)
        assert got == code, output
        return output

    def deviations(self, period: str) -> dict[str, dict[str, str]]:
        frame = read_audit_csv(self.folder / "output" / period / "deviations.csv",
                               keep_default_na=False)
        return {row["deviation_id"]: row for row in frame.to_dict("records")}

    def respond(self, *args: str) -> str:
        code, output = cli(*args, "--config", self.config)
        assert code == 0, output
        return output


def received(handler: Any, start: int = 0) -> dict[str, tuple[list[str], EmailMessage]]:
    """The messages the server took since `start`, by owner address: (envelope, message)."""
    out = {}
    for r in handler.received[start:]:
        message = message_from_bytes(r.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        out[message["To"].addresses[0].addr_spec] = (r.rcpt_tos, message)
    return out


def body(message: EmailMessage) -> str:
    return " ".join(message.get_body(("plain",)).get_content().split())


def pick(rows: dict[str, dict[str, str]], customer: str, rule: str, kind: str) -> str:
    [found] = [i for i, r in rows.items() if (r["customer_id"], r["rule_id"], r["kind"]) == (
        customer, rule, kind)]
    return found


def test_three_months_of_tracked_deviations(tmp_path, db_url, secure_smtp, closed_port,
                                            monkeypatch, reading_cache):
    audit = Audit(tmp_path, db_url, monkeypatch)
    handler, port = secure_smtp()
    audit.configure(port)
    seed_reading_cache(Path(audit.config), reading_cache)  # about tracking, not reading

    # --- August: everything is new; one digest per owner, nothing escalated yet ---------------
    audit.run("2026-08")
    aug = audit.deviations("2026-08")
    assert {r["status"] for r in aug.values()} == {"new"}
    assert {r["first_seen"] for r in aug.values()} == {"2026-08"}
    owners = {r["owner_email"] for r in aug.values()} - {""}
    assert {r["owner"] for r in aug.values() if not r["owner_email"]} == {"Klantenservice"}
    report = (tmp_path / "output" / "2026-08" / "report.html").read_text(encoding="utf-8")
    assert "eigenaar &#39;Klantenservice&#39; (customer_service) heeft geen e-mailadres" in report
    first = received(handler)
    assert set(first) == owners and len(handler.received) == len(owners)
    assert all(envelope == [owner] for owner, (envelope, _) in first.items()), "no copies yet"
    registered = pick(aug, "C1002", "payment_term", "registration")  # will be fixed, then undone
    acked = pick(aug, "C1003", "payment_term", "registration")
    suppressed = pick(aug, "C1009", "payment_term", "execution")
    claimed = pick(aug, "C1003", "payment_term", "execution")
    assert {aug[i]["owner_email"] for i in (registered, acked, suppressed, claimed)} == {CREDIT}
    assert {aug[i]["severity"] for i in (registered, acked, suppressed, claimed)} == {"medium"}

    # the owner responds
    audit.respond("ack", acked, "--by", CARLA, "--note", "klantstam wordt aangepast")
    audit.respond("suppress", suppressed, "--by", CARLA, "--reason", "betaalt via factoring",
                  "--until", "2026-10-15")
    audit.respond("resolve", claimed, "--by", CARLA, "--note", "vervaldata gecorrigeerd")

    # --- September: C1002's payment term corrected in the master --------------------------
    audit.payment_term("C1002", 14)
    audit.run("2026-09")
    sep = audit.deviations("2026-09")
    assert sep[registered]["status"] == "resolved"
    for key in (acked, suppressed, claimed):
        assert (sep[key]["status"], sep[key]["first_seen"], sep[key]["months_open"]) == (
            "recurring", "2026-08", "2")
    assert sep[acked]["owner_state"] == "acknowledged"
    assert sep[suppressed]["owner_state"] == "suppressed"
    assert sep[claimed]["owner_state"] == "still_found"
    assert sep[acked]["due_date"] == aug[acked]["due_date"], "the due date stays"
    high = {i for i, r in sep.items() if r["severity"] == "high" and r["status"] == "recurring"}
    medium = {i for i, r in sep.items() if r["severity"] == "medium" and r["status"] != "resolved"}
    assert high and {sep[i]["escalated"] for i in high} == {"true"}, "high: due in early Sept."
    assert {sep[i]["escalated"] for i in medium} == {"false"}, "medium: due in October"
    second = received(handler, len(first))
    credit_envelope, credit = second[CREDIT]
    assert credit_envelope == [CREDIT], "nothing of credit control's is overdue yet"
    text = body(credit)
    assert "== Opgelost sinds de vorige audit (1) ==" in text
    assert f"[{registered} · C1002 De Groot Logistiek B.V.]" in text
    assert f"Bevestigd door de eigenaar: {CARLA}" in text
    assert "Als opgelost gemeld, maar nog steeds gevonden" in text
    assert suppressed not in text and "1 onderdrukte afwijking(en) worden niet getoond." in text
    assert "Open sinds 2026-08 (2 mnd.)" in text
    escalated_owners = {sep[i]["owner_email"] for i in high}
    for owner in escalated_owners:
        envelope, message = second[owner]
        assert envelope == [owner, CONTROLLER, BOARD], owner
        assert message["Cc"] == f"{CONTROLLER}, {BOARD}"
    code, listing = cli("deviations", "--config", audit.config, "--escalated")
    assert code == 0 and f"{len(high)} deviation(s) of the run for 2026-09" in listing

    # --- October: the master change undone (reopened), the suppression has expired, and the
    # --- mail server is down: the emails stay in the outbox ---------------------------------
    audit.payment_term("C1002", 30)
    audit.configure(closed_port)
    output = audit.run("2026-10", code=4)  # recorded, but the emails wait: exit 4
    assert "e-mails: 0 verzonden" in output and (
        "konden niet worden verzonden en wachten in de outbox" in output)
    assert "contract-audit send --period 2026-10" in output
    octo = audit.deviations("2026-10")
    assert (octo[registered]["status"], octo[registered]["first_seen"],
            octo[registered]["months_open"]) == ("reopened", "2026-08", "1")
    assert octo[registered]["escalated"] == "false", "reopened: a new due date"
    assert (octo[suppressed]["owner_state"], octo[suppressed]["escalated"]) == ("expired", "true")
    assert octo[acked]["months_open"] == "3" and octo[acked]["escalated"] == "true"
    outbox = tmp_path / "output" / "2026-10" / "outbox"
    waiting = sorted(outbox.glob("*.eml"))
    assert len(waiting) == len({r["owner_email"] for r in octo.values()} - {""})
    report = (tmp_path / "output" / "2026-10" / "report.html").read_text(encoding="utf-8")
    assert "konden niet worden verzonden en wachten in de outbox" in report
    assert report.count("<svg ") == 4 and ">2026-08</text>" in report

    # --- the mail server is back: `send` delivers the outbox, once ---------------------------
    before = len(handler.received)
    audit.configure(port)
    code, sent = cli("send", "--config", audit.config, "--period", "2026-10")
    assert code == 0, sent
    assert f"{len(waiting)} verstuurd, 0 al eerder verstuurd, 0 niet verstuurd" in sent
    third = received(handler, before)
    assert len(third) == len(waiting) and list(outbox.glob("*.eml")) == []
    credit_envelope, credit = third[CREDIT]
    assert credit_envelope == [CREDIT, CONTROLLER, BOARD], "credit control's items are overdue now"
    text = body(credit)
    assert text.index("== Nieuw (1) ==") < text.index(registered) < text.index("== Nog open")
    assert "Onderdrukking verlopen" in text and suppressed in text
    code, again = cli("send", "--config", audit.config, "--period", "2026-10")
    assert code == 0 and "niets te versturen" in again

    # --- re-running October sends nothing twice ------------------------------------------------
    rerun = audit.run("2026-10")
    assert f"e-mails: 0 verzonden, 0 in de outbox, {len(waiting)} al verzonden" in rerun
    assert len(handler.received) == before + len(waiting)
    assert audit.deviations("2026-10") == octo, "the same statuses on a re-run"

    # --- the audit trail says who did what, when and why -------------------------------------
    code, trail = cli("deviations", suppressed, "--config", audit.config)
    assert code == 0, trail
    assert "runs: 2026-08 new, 2026-09 recurring, 2026-10 recurring" in trail
    for fragment in (f"{CARLA} │ suppressed │ betaalt via factoring │ 2026-10-15",
                     "suppression_expired", "escalated │ open past its due date"):
        assert fragment in trail, fragment
