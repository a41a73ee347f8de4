"""join_lines: hyphenation undone at line ends, also over a very long clause (its speed is a
bench figure: bench/read_speed.py)."""

from audit.contracts.pagetext import join_lines


def test_a_word_broken_at_the_line_end_is_joined_and_a_compound_keeps_its_hyphen():
    assert join_lines(["de leve-", "ringen van", "ICT-", "Diensten"]) == (
        "de leveringen van ICT-Diensten")


def test_a_lone_hyphen_line_and_empty_lines_join_as_before():
    assert join_lines(["a", "-", "b"]) == "a - b"
    assert join_lines(["", "x-", "y"]) == "xy"


def test_fifty_thousand_wrapped_lines_each_join_their_broken_word():
    # searching the whole growing text at every line once took minutes here
    text = join_lines(["een lange regel die wordt afge-"] + ["broken en weer afge-"] * 50_000)
    assert text.count("afgebroken") == 50_000
    assert text.endswith("weer afge-")
