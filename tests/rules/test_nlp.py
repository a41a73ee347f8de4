"""The Dutch pipeline joins a separable verb with the particle that ends its clause ('neemt …
af' -> afnemen), so a rule's lemma pattern reads the verb either way. Wording made for these
tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader
from audit.rules.nlp import get_nlp

ROOT = Path(__file__).resolve().parents[2]


def lemmas(text: str) -> dict[str, str]:
    return {t.lower_: t.lemma_ for t in get_nlp("nl")(text.lower())}


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Koper neemt elk halfjaar 300 rollen af.", "neemt", "afnemen"),
    ("De vervoerder meldt zich twee uur vooraf bij de receptie aan.", "meldt", "aanmelden"),
    ("Elk van beide partijen zegt de regeling schriftelijk op, tenzij …", "zegt", "opzeggen"),
])
def test_a_verb_takes_the_particle_that_ends_its_clause(text, word, lemma):
    assert lemmas(text)[word] == lemma


@pytest.mark.parametrize(("text", "word", "lemma"), [
    # the particle is a preposition with its own noun: no separable verb
    ("Koper neemt de rollen af van het depot in Zwolle.", "neemt", "nemen"),
    ("De levering vindt plaats in Zwolle.", "vindt", "vinden"),
])
def test_a_preposition_inside_the_clause_joins_nothing(text, word, lemma):
    assert lemmas(text)[word] == lemma


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def commitments(reader: TermReader, text: str) -> list[dict[str, object]]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language="nl")
    terms = reader.read_document([Clause(doc=doc, article="2", heading="Volume", text=text,
                                         page=1)], "K3")
    return [{v.parameter: v.value for v in t.values} for t in terms
            if t.rule_id == "volume_commitment"]


def test_a_split_verb_of_buying_states_a_commitment(reader):
    found = commitments(reader, "Koper neemt elk kalenderjaar 3.600 rollen af.")
    assert [(float(v["quantity"]), v["period"]) for v in found] == [(3600.0, "year")]


def test_a_purchase_made_is_no_commitment(reader):
    # a participle reports what was bought, it commits to nothing
    assert commitments(reader, "In 2024 heeft Koper 3.600 rollen afgenomen.") == []
