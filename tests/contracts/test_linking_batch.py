"""Linking documents to customers (KvK, fuzzy name/address, index file) and batch reading."""

import shutil
import time
from datetime import date
from pathlib import Path

import pandas as pd

from audit.contracts import batch
from audit.contracts.batch import BatchLimits, read_many
from audit.contracts.linking import describe, link_customer, link_documents, read_index
from audit.models import ContractDoc, Page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "contracts_sample"
CUSTOMERS = pd.DataFrame([
    {"customer_id": "C1", "name": "Hoogvliet Foods B.V.", "kvk_number": "11111111",
     "delivery_address": "Havenstraat 88, 3161 GM Rhoon"},
    {"customer_id": "C2", "name": "Hoogland Transport B.V.", "kvk_number": "22222222",
     "delivery_address": "Kade 1, 1011 AA Amsterdam"},
])


def doc(text: str, kvks: tuple[str, ...] = (), name: str = "c.pdf") -> ContractDoc:
    return ContractDoc(path=Path(name), sha256="", pages=(Page(1, text),), kvk_numbers=kvks)


def test_kvk_wins():
    linked, problem = link_customer(doc("Hoogvliet Foods", ("22222222",)), CUSTOMERS)
    assert (linked.customer_id, problem) == ("C2", None)


def test_fuzzy_name_with_other_spelling_and_address():
    text = "Overeenkomst tussen Van Dijk en HOOGVLIET FOODS BV, Havenstraat 88, 3161GM Rhoon"
    linked, problem = link_customer(doc(text), CUSTOMERS)
    assert (linked.customer_id, problem) == ("C1", None)


def test_unknown_party_is_a_problem_and_the_index_file_links_it(tmp_path):
    unknown = doc("Overeenkomst met Bakkerij De Korenschoof", name="korenschoof.pdf")
    linked, problem = link_customer(unknown, CUSTOMERS)
    assert linked.customer_id is None
    assert "korenschoof.pdf, page 1: cannot link the document to a customer" in str(problem)
    index = tmp_path / "index.csv"
    index.write_text("file,customer_id\nkorenschoof.pdf,C2\n")
    linked, problem = link_customer(unknown, CUSTOMERS, read_index(index))
    assert (linked.customer_id, problem) == ("C2", None)


def test_batch_reads_every_document_and_reports_the_bad_ones(tmp_path):
    for name in ("raamovereenkomst_hoogvliet_foods.pdf", "wijziging_1_hoogvliet_foods_2026-03.pdf"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    shutil.copy(FIXTURES / "truncated.pdf", tmp_path / "truncated.pdf")
    paths = sorted(tmp_path.glob("*.pdf"))
    results = read_many(paths, BatchLimits(workers=2))
    assert list(results) == paths
    assert [results[p][0] is not None for p in paths] == [True, False, True]
    assert "damaged" in str(results[tmp_path / "truncated.pdf"][1][0])


def _slow(path, limits):
    time.sleep(30)


def test_a_document_over_its_time_limit_is_stopped_and_the_rest_go_on(tmp_path, monkeypatch):
    fast = tmp_path / "fast.pdf"
    shutil.copy(FIXTURES / "hyphenated.pdf", fast)
    slow = tmp_path / "slow.pdf"
    shutil.copy(FIXTURES / "hyphenated.pdf", slow)
    real = batch.read_part
    monkeypatch.setattr(batch, "read_part", lambda path, limits, *part: (
        _slow(path, limits) if path == slow else real(path, limits, *part)))
    started = time.monotonic()
    results = read_many([slow, fast], BatchLimits(seconds=2, workers=2))
    assert time.monotonic() - started < 10
    assert results[fast][0] is not None
    assert str(results[slow][1][0]) == ("slow.pdf: reading took longer than 2 s and was stopped; "
                                        "the document was skipped (raise "
                                        "reading.seconds_per_document)")


def described(text: str, name: str) -> ContractDoc:
    return describe(ContractDoc(path=Path(name), sha256="", pages=(Page(1, text),)), "99999999")


BASE_C1 = "Raamovereenkomst RO/2023/117\nHoogvliet Foods B.V., KvK 11111111"
BASE_C2 = "Raamovereenkomst RO/2024/005\nHoogland Transport B.V., KvK 22222222"
SIGNED = "\nSigned in Leiden on 2 March 2026."


def test_an_amendment_without_kvk_links_to_its_base_contract_by_the_reference():
    amendment = described("Nachtrag 2\nzur Raamovereenkomst RO/2023/117\nmit Wirkung vom "
                          "1. Juli 2026", "nachtrag-2.pdf")
    docs, problems = link_documents([described(BASE_C1, "ro-117.pdf"),
                                     described(BASE_C2, "ro-005.pdf"), amendment], CUSTOMERS)
    assert problems == []
    assert (docs[2].kind, docs[2].customer_id, docs[2].amends, docs[2].effective_date) == (
        "amendment", "C1", "ro-117.pdf", date(2026, 7, 1))


def test_the_reference_beats_a_name_match_but_not_the_amendments_own_kvk():
    by_name = described("Second Amendment\nto agreement RO/2024/005\nHoogvliet Foods" + SIGNED, "a.pdf")
    by_kvk = described("Second Amendment\nto agreement RO/2024/005\nKvK 11111111" + SIGNED, "b.pdf")
    docs, problems = link_documents([described(BASE_C1, "ro-117.pdf"),
                                     described(BASE_C2, "ro-005.pdf"), by_name, by_kvk], CUSTOMERS)
    assert [(d.customer_id, d.amends) for d in docs[2:]] == [("C2", "ro-005.pdf"), ("C1", "")]
    assert [str(p) for p in problems] == [
        "b.pdf, page 1: the amendment names the contract ro-005.pdf of customer C2, but its "
        "parties link it to customer C1; kept C1 — check which is right"]


def test_an_amendment_that_neither_kvk_nor_reference_links_says_both():
    lost = described("Letter agreement\nregarding contract ZX-9090-77\nDear Sirs," + SIGNED, "letter.pdf")
    docs, problems = link_documents([described(BASE_C1, "ro-117.pdf"), lost], CUSTOMERS)
    assert docs[1].customer_id is None
    assert [str(p) for p in problems] == [
        "letter.pdf, page 1: cannot link the amendment to a customer (KvK numbers on the title "
        "page: none found; no customer name or address matched); its agreements are not audited "
        "— add it to the index file (reading.index_file); no linked base contract has a contract "
        "reference it names (ZX909077)"]


def test_a_reference_two_base_contracts_share_links_nothing():
    shared = "\nAlgemene voorwaarden AV-2019-02"
    amendment = described("Addendum\nbij de overeenkomst, AV-2019-02 van toepassing", "add.pdf")
    docs, _ = link_documents([described(BASE_C1 + shared, "ro-117.pdf"),
                              described(BASE_C2 + shared, "ro-005.pdf"), amendment], CUSTOMERS)
    assert (docs[2].customer_id, docs[2].amends) == (None, "")


def test_an_amendment_without_any_date_says_so():
    undated = described("Addendum\nbij raamovereenkomst RO/2023/117\nDe levertijd wordt drie "
                        "werkdagen.", "addendum.pdf")
    _, problems = link_documents([described(BASE_C1, "ro-117.pdf"), undated], CUSTOMERS)
    assert [str(p) for p in problems] == [
        "addendum.pdf, page 1: the amendment states no effective date and no date of signing "
        "was found; its terms apply to the whole look-back and end none of the earlier ones — "
        "give them a valid_from in the overrides file"]


REGISTERED = pd.DataFrame([
    {"customer_id": "K7", "name": "Veldkamp Installatietechniek B.V.", "kvk_number": "4417302",
     "delivery_address": ""},   # the ERP kept the number as a figure: its leading zero is gone
    {"customer_id": "K8", "name": "Brightwater Pumps Limited", "kvk_number": "SC302114",
     "delivery_address": ""},
    {"customer_id": "K9", "name": "Lemaire Techniek", "kvk_number": "0456.781.203",
     "delivery_address": ""},
])


def test_a_registration_number_written_in_groups_or_without_its_zero_still_links():
    # parties named so that no fuzzy name match can link them: only the number does
    cases = {
        "Afnemer, ingeschreven bij de KvK onder nummer 04.41.73.02": "K7",
        "Buyer, registered in Scotland with company number SC302114": "K8",
        "Klant, ondernemingsnummer 0456 781 203, te Gent": "K9",
    }
    for text, customer in cases.items():
        described_doc = describe(ContractDoc(path=Path("x.pdf"), sha256="",
                                             pages=(Page(1, "Raamovereenkomst\n" + text),)),
                                 "55555555")
        linked, problem = link_customer(described_doc, REGISTERED)
        assert (linked.customer_id, problem) == (customer, None), text


def test_our_own_number_in_groups_and_a_phone_number_after_the_register_link_nothing():
    text = ("Leverancier, KvK 55 55 55 55\nAfnemer: Onbekend Bedrijf, Kamer van Koophandel "
            "Zwolle, tel. 038 421 7700 ext 12")
    described_doc = describe(ContractDoc(path=Path("y.pdf"), sha256="", pages=(Page(1, text),)),
                             "55555555")
    linked, problem = link_customer(described_doc, REGISTERED)
    assert linked.customer_id is None and problem is not None
    assert described_doc.kvk_numbers == () and problem.location.file == "y.pdf"


def test_a_cover_page_passes_the_parties_on_to_page_two():
    cover = Page(1, "SUPPLY AGREEMENT\nMRO components\nMarch 2026")
    parties = ("This agreement is made between Acme Supplies B.V. (Supplier) and Brightwater "
               "Pumps Limited, registered in Scotland with company number SC302114 (Buyer).")
    by_number = describe(ContractDoc(path=Path("c.pdf"), sha256="",
                                     pages=(cover, Page(2, parties))), "55555555")
    assert link_customer(by_number, REGISTERED)[0].customer_id == "K8"
    by_name = ContractDoc(path=Path("d.pdf"), sha256="",
                          pages=(cover, Page(2, parties.split(", registered")[0])))
    assert link_customer(by_name, REGISTERED)[0].customer_id == "K8"


def test_a_first_page_that_names_the_parties_is_read_alone():
    first = Page(1, "Raamovereenkomst tussen Van Dijk B.V. en een afnemer. " + "tekst " * 80)
    second = Page(2, "Referentieklant: Veldkamp Installatietechniek B.V., KvK 04417302")
    linked, problem = link_customer(
        describe(ContractDoc(path=Path("e.pdf"), sha256="", pages=(first, second)), "5"),
        REGISTERED)
    assert linked.customer_id is None and problem is not None
