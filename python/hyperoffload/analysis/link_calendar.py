"""Reservations of a copy engine's time, filled as late as possible.

A copy that must complete by a deadline takes the latest free window of
its length that ends by then; copies never overlap on one engine, so the
order they start in is the order they are issued and served (FIFO).

Busy time is kept as sorted, disjoint, merged blocks, so a saturated engine
is a few long blocks rather than many short ones and a search hops over it.
"""

from __future__ import annotations

import bisect


class LinkCalendar:
    """Busy blocks of one engine, sorted, disjoint and merged."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def latest_window(self, duration: float, deadline: float, earliest: float) -> float:
        """Start of the latest free window of ``duration`` ending by
        ``deadline``; if none starts at or after ``earliest``, the earliest
        free start at or after ``earliest`` (the copy then ends late)."""
        end = deadline
        index = bisect.bisect_left(self.starts, end) - 1
        while index >= 0 and self.ends[index] > end - duration:
            end = min(end, self.starts[index])
            index -= 1
        start = end - duration
        if start >= earliest:
            return start
        return self.first_free(duration, earliest)

    def first_free(self, duration: float, earliest: float) -> float:
        """Earliest start at or after ``earliest`` of a free window."""
        start = earliest
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            start = self.ends[index]
        index += 1
        while index < len(self.starts) and self.starts[index] < start + duration:
            start = self.ends[index]
            index += 1
        return start

    def reserve(self, start: float, duration: float) -> None:
        end = start + duration
        index = bisect.bisect_left(self.starts, start)
        # Merge with the block before if it touches or overlaps.
        if index > 0 and self.ends[index - 1] >= start:
            index -= 1
            start = self.starts[index]
            end = max(end, self.ends[index])
            del self.starts[index]
            del self.ends[index]
        # Merge with the blocks after that it reaches.
        while index < len(self.starts) and self.starts[index] <= end:
            end = max(end, self.ends[index])
            del self.starts[index]
            del self.ends[index]
        self.starts.insert(index, start)
        self.ends.insert(index, end)

    def release(self, start: float, duration: float) -> None:
        """Free ``[start, start + duration)``, splitting its block."""
        end = start + duration
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0 or self.ends[index] < end:
            return
        block_start, block_end = self.starts[index], self.ends[index]
        del self.starts[index]
        del self.ends[index]
        if end < block_end:
            self.starts.insert(index, end)
            self.ends.insert(index, block_end)
        if block_start < start:
            self.starts.insert(index, block_start)
            self.ends.insert(index, start)
