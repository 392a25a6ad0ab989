"""The copy-engine calendar: latest windows, merging and release."""

from __future__ import annotations

from hyperoffload.analysis.link_calendar import LinkCalendar


def test_latest_windows_fill_backwards_and_merge() -> None:
    calendar = LinkCalendar()
    assert calendar.latest_window(1, 10, 0) == 9
    calendar.reserve(9, 1)
    assert calendar.latest_window(1, 10, 0) == 8
    calendar.reserve(8, 1)
    assert (calendar.starts, calendar.ends) == ([8], [10])  # merged
    assert calendar.latest_window(2, 9.5, 0) == 6
    calendar.reserve(6, 2)
    assert (calendar.starts, calendar.ends) == ([6], [10])


def test_no_window_late_enough_falls_back_to_the_first_free_start() -> None:
    calendar = LinkCalendar()
    calendar.reserve(6, 4)
    # A 3 s copy due at 10 would have to start at 3, before 5: it starts at
    # 10 and ends late.
    assert calendar.latest_window(3, 10, 5) == 10
    assert calendar.first_free(1, 5) == 5
    assert calendar.first_free(2, 5) == 10
    calendar.reserve(11, 1)
    assert calendar.first_free(1, 6) == 10
    assert calendar.first_free(2, 6) == 12


def test_release_splits_a_block() -> None:
    calendar = LinkCalendar()
    calendar.reserve(0, 3)
    calendar.reserve(3, 3)
    calendar.release(2, 2)
    assert (calendar.starts, calendar.ends) == ([0, 4], [2, 6])
    assert calendar.latest_window(2, 4, 0) == 2
