"""join_lines: hyphenation undone at line ends, in time linear in the lines."""

import time

from audit.contracts.pagetext import join_lines


def test_a_word_broken_at_the_line_end_is_joined_and_a_compound_keeps_its_hyphen():
    assert join_lines(["de leve-", "ringen van", "ICT-", "Diensten"]) == (
        "de leveringen van ICT-Diensten")


def test_a_lone_hyphen_line_and_empty_lines_join_as_before():
    assert join_lines(["a", "-", "b"]) == "a - b"
    assert join_lines(["", "x-", "y"]) == "xy"


def test_fifty_thousand_wrapped_lines_join_in_well_under_a_second():
    lines = ["een lange regel die wordt afge-"] + ["broken en weer afge-"] * 50_000
    start = time.perf_counter()
    text = join_lines(lines)
    # searching the whole growing text at every line took minutes here
    assert time.perf_counter() - start < 1.0
    assert text.count("afgebroken") == 50_000
