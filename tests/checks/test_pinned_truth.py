"""bench/pinned_truth.py: a truth terms.csv becomes corrections, an amendment as two values."""

from datetime import date

import yaml
from fpdf import FPDF

from audit.rules.overrides import apply_overrides, load_overrides
from bench.pinned_truth import effective_date, pinned_overrides

from .conftest import RULES

HEADER = "customer_id,rule_id,parameter,value,unit,contract_file,page,article,status\n"


def pdf(path, lines):
    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=11)
    for line in lines:
        doc.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    doc.output(str(path))


def test_effective_date_from_the_amendment_text():
    assert effective_date("2. With effect from 3 August 2026, clause 7 reads:") == date(2026, 8, 3)
    assert effective_date("Met ingang van 1 maart 2026 vervalt artikel 7.") == date(2026, 3, 1)


def test_truth_rows_become_corrections_the_checks_can_use(tmp_path):
    (tmp_path / "truth").mkdir()
    (tmp_path / "contracts").mkdir()
    pdf(tmp_path / "contracts" / "base.pdf", ["3.1 Wij leveren binnen vier werkdagen.",
                                              "6 Minimum afname per kwartaal",
                                              "6.1 Afnemer neemt per kwartaal 50 dozen ZX-7/220 af."])
    pdf(tmp_path / "contracts" / "addendum.pdf", ["Addendum 1", "Per 15 juni 2026 wordt 3.1:",
                                                  "levering binnen twee werkdagen."])
    (tmp_path / "truth" / "terms.csv").write_text(HEADER + (
        "K9,lead_time,working_days,4,working days,base.pdf,1,3.1,superseded\n"
        "K9,lead_time,working_days,2,working days,addendum.pdf,1,1.,current\n"
        "K9,volume_commitment,min_quantity,50,boxes/quarter,base.pdf,1,6.1,current\n"
        "K9,volume_rebate,threshold_1,1000,EUR/year,base.pdf,1,7,current\n"
        "K9,volume_rebate,percent_1,1.5,%,base.pdf,1,7,current\n"
        "K9,agreed_prices,ZX-7/220,4.10,EUR/100 st.,base.pdf,2,Bijlage,current\n"))
    overrides, notes = pinned_overrides(tmp_path)
    path = tmp_path / "terms_overrides.yaml"
    path.write_text(yaml.safe_dump({"overrides": overrides}), encoding="utf-8")
    terms = apply_overrides([], load_overrides(path, RULES), RULES, path)
    lead = sorted((t.get("working_days"), t.valid_from, t.valid_to) for t in terms
                  if t.rule_id == "lead_time")
    assert lead == [(2, date(2026, 6, 15), None), (4, None, date(2026, 6, 14))]
    [commitment] = [t for t in terms if t.rule_id == "volume_commitment"]
    assert (commitment.get("quantity"), commitment.get("period"), commitment.get("item")) == (
        50, "quarter", "ZX-7/220")
    [rebate] = [t for t in terms if t.rule_id == "volume_rebate"]
    assert [tuple(map(str, tier)) for tier in rebate.get("tiers")] == [("1000", "1.5")]
    [price] = [t for t in terms if t.rule_id == "agreed_prices"]
    assert (price.subject, price.get("price_unit")) == ("ZX-7/220", 100)
    assert "K9 volume_commitment.item = ZX-7/220 (from the article text)" in notes
