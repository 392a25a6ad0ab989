"""Reservations of a copy engine's time, filled as late as possible.

A copy that must complete by a deadline takes the latest free window of
its length that ends by then; copies never overlap on one engine, so the
order they start in is the order they are issued and served (FIFO).
"""

from __future__ import annotations

import bisect


class LinkCalendar:
    """Busy intervals of one engine, kept sorted and disjoint."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def latest_window(self, duration: float, deadline: float, earliest: float) -> float:
        """Start of the latest free window of ``duration`` ending by
        ``deadline``; if none starts at or after ``earliest``, the earliest
        free start at or after ``earliest`` (the copy then ends late)."""
        index = bisect.bisect_right(self.starts, deadline)
        end = deadline
        # Walk back over busy intervals that overlap the candidate window.
        while index > 0:
            busy_start, busy_end = self.starts[index - 1], self.ends[index - 1]
            if busy_end <= end - duration:
                break
            end = min(end, busy_start)
            index -= 1
        start = end - duration
        if start >= earliest:
            return start
        return self.first_free(duration, earliest)

    def first_free(self, duration: float, earliest: float) -> float:
        """Earliest start at or after ``earliest`` of a free window."""
        start = earliest
        index = bisect.bisect_right(self.ends, start)
        while index < len(self.starts):
            if self.starts[index] >= start + duration:
                break
            start = max(start, self.ends[index])
            index += 1
        return start

    def reserve(self, start: float, duration: float) -> None:
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, start + duration)

    def release(self, start: float) -> None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            del self.starts[index]
            del self.ends[index]
