"""The marks a crawl keeps in its process: the same answers as a Python set, in a
fraction of its memory."""

from __future__ import annotations

import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from crawler.marks import KeySet, LocalMarks
from crawler.urls import url_key

KEYS = st.integers(min_value=0, max_value=2**64 - 1)


@given(st.lists(st.one_of(KEYS, st.sampled_from([0, 1, 9, 17, 2**64 - 1, 2**63])), max_size=300))
def test_keyset_answers_as_a_set(keys: list[int]) -> None:
    """Whether each key was new, membership and size are a set's, through the growths
    of the table, with colliding low bits and the key 0 (the empty slot's value)."""
    ours, theirs = KeySet(), set[int]()
    for key in keys:
        assert ours.add(key) == (key not in theirs)
        theirs.add(key)
        assert key in ours
    assert len(ours) == len(theirs)
    assert all(key in ours for key in theirs)
    absent = [key for key in (0, 1, 2, 2**64 - 1, 8, 16) if key not in theirs]
    assert not any(key in ours for key in absent)


def test_keys_that_share_their_low_bits_do_not_cluster() -> None:
    """Keys are unkeyed hashes of URLs a site chooses: 4,096 keys whose low 32 bits are
    equal (as a hostile site could make them) must not line up in one run of slots,
    which would make every lookup walk the run."""
    ours = KeySet()
    colliding = [n << 32 for n in range(1, 4097)]
    assert all(ours.add(key) for key in colliding)
    assert not any(ours.add(key) for key in colliding)
    assert all(key in ours for key in colliding)
    assert (4097 << 32) not in ours and len(ours) == 4096
    longest = run = 0
    for slot in ours._slots:
        run = run + 1 if slot else 0
        longest = max(longest, run)
    assert longest <= 64, longest  # some 10 expected at a quarter full; 4,096 by the low bits


def test_what_is_not_an_unsigned_64_bit_int_is_not_in_it() -> None:
    ours = KeySet()
    ours.add(5)
    ours.add(1)
    assert "5" not in ours and None not in ours and 5.5 not in ours
    assert -1 not in ours and 2**64 not in ours and 2**64 + 5 not in ours
    assert True in ours and False not in ours  # as a set answers: True == 1, False == 0


def test_a_large_crawls_marks_take_at_most_32_bytes_a_key() -> None:
    """A Python set of these keys takes some 78 bytes a key; 100,000 articles' marks
    must stay within 32, and their table's growth must not have passed through a copy
    of it (the peak counts, as the crawl's peak RSS does)."""
    keys = [url_key(f"https://www.mfa.go.th/th/content/{n}") for n in range(100_000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        marks = LocalMarks()
        marks.add("seen", keys)
        taken, peak = (value - before for value in tracemalloc.get_traced_memory())
    finally:
        tracemalloc.stop()
    assert marks.count("seen") == 100_000
    assert taken <= 32 * 100_000, taken
    assert peak <= 48 * 100_000, peak


def test_local_marks_by_name() -> None:
    marks = LocalMarks()
    assert marks.add("seen", [3, 4, 3]) == [True, True, False]
    assert marks.has("seen", [3, 5]) == [True, False]
    assert marks.has("listed:a", [3]) == [False]
    assert (marks.count("seen"), marks.count("listed:a")) == (2, 0)
