"""delivery_instruction and delivery_address: master data and every delivery record."""


from audit.checks import delivery_address, delivery_instruction
from audit.core.addresses import parse_address

from .conftest import frame, term

ADDRESS = parse_address("Industrieweg 12, 5048 AB Tilburg")


def deliveries(*rows):
    return frame([{"delivery_id": i, "delivery_date": dd, "delivery_address": a,
                   "call_ahead_done": c} for i, dd, a, c in rows], dates=("delivery_date",))


def test_call_ahead_missing_from_master(make_ctx):
    t = [term("delivery_instruction", minutes=60)]
    [dev] = delivery_instruction.registered(make_ctx("delivery_instruction", t,
                                                     {"delivery_instructions": None}))
    assert (dev.expected, dev.actual) == ("60", "-")
    ok = {"delivery_instructions": "Chauffeur belt 1 uur voor aankomst"}
    assert delivery_instruction.registered(make_ctx("delivery_instruction", t, ok)) == []


def test_deliveries_without_call(make_ctx):
    dl = deliveries(("L1", "2026-03-01", "x", True), ("L2", "2026-03-02", "x", False),
                    ("L3", "2026-03-03", "x", None))
    [dev] = delivery_instruction.executed(make_ctx(
        "delivery_instruction", [term("delivery_instruction", minutes=30)], deliveries=dl))
    assert dev.evidence == ("L2",)


def test_address_spelling_does_not_matter_postcode_and_number_do(make_ctx):
    dl = deliveries(("L1", "2026-03-01", "INDUSTRIEWEG 12, 5048AB TILBURG", True),
                    ("L2", "2026-03-02", "Industriewg 12 , 5048 ab Tilburg", True),
                    ("L3", "2026-03-03", "Industrieweg 14, 5048 AB Tilburg", True),
                    ("L4", "2026-03-04", "Havenstraat 12, 3011 AB Rotterdam", True))
    [dev] = delivery_address.executed(make_ctx(
        "delivery_address", [term("delivery_address", address=ADDRESS)], deliveries=dl))
    assert dev.evidence == ("L3", "L4")


def test_master_address_compared_on_postcode_and_number(make_ctx):
    t = [term("delivery_address", address=ADDRESS)]
    same = {"delivery_address": "industrieweg 12, 5048AB  Tilburg"}
    assert delivery_address.registered(make_ctx("delivery_address", t, same)) == []
    other = {"delivery_address": "Industrieweg 21, 5048 AB Tilburg"}
    [dev] = delivery_address.registered(make_ctx("delivery_address", t, other))
    assert dev.actual == "Industrieweg 21, 5048 AB Tilburg"
    assert dev.impact_eur is None
