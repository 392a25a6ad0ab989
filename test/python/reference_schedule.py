"""The placement loop of cache-schedule-transfers in Python: the oracle for
the C++ one.

``_hoist_prefetches`` places the prefetches with ``hyperoffloadPlaceTransfers``
(lib/Planner/Planner.cpp). This is the Python loop it replaced, kept as an
independent statement of the rules; test_schedule_native.py checks both
place alike, on random transfers and on the pass's own inputs.
"""

from __future__ import annotations

import numpy as np
from hyperoffload._native import Transfers
from hyperoffload.analysis.link_calendar import LinkCalendar


def place_transfers(
    step_start: np.ndarray,
    profile: np.ndarray,
    transfers: Transfers,
    budget: int | None,
    max_inflight: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each transfer's issue step and copy start; ``profile`` is updated in
    place (as :func:`hyperoffload._native.place_transfers`)."""
    start = step_start
    count = len(start) - 1
    limited = max_inflight > 0
    inflight = np.zeros(count + 1, dtype=np.int64)
    if limited:
        for step, wait in zip(transfers.step, transfers.wait, strict=True):
            inflight[step : wait + 1] += 1
    calendar = LinkCalendar()
    points = np.empty(len(transfers.step), dtype=np.int64)
    begins = np.empty(len(transfers.step))
    for t in range(len(transfers.step)):
        step, wait, free = (int(a[t]) for a in (transfers.step, transfers.wait, transfers.free_at))
        size, seconds = int(transfers.nbytes[t]), float(transfers.seconds[t])
        use = int(transfers.first_use[t])
        profile[step:free] -= size
        if limited:
            inflight[step : wait + 1] -= 1
        lower = min(int(transfers.lower[t]), step)
        window = calendar.latest_window(seconds, float(start[use]), float(start[lower]))
        point = int(np.searchsorted(start, window, side="right")) - 1
        # Never below its wait (which sits right before the first use).
        point = min(max(point, lower), wait)
        # Later, until the memory it holds fits the budget and the in-flight
        # limit holds; at the latest, right before its wait.
        point = _first_fitting(point, wait, free, size, profile, inflight, budget, max_inflight)
        profile[point:free] += size
        if limited:
            inflight[point : wait + 1] += 1
        begin = max(window, float(start[point]))
        if begin > window:
            begin = calendar.first_free(seconds, begin)
        calendar.reserve(begin, seconds)
        points[t] = point
        begins[t] = begin
    return points, begins


def _first_fitting(
    point: int,
    wait: int,
    free: int,
    size: int,
    profile: np.ndarray,
    inflight: np.ndarray,
    budget: int | None,
    max_inflight: int,
) -> int:
    """The first step from ``point`` on (up to the wait) at which issuing
    keeps the budget over the steps the buffer then holds and the in-flight
    limit up to its wait."""
    while point < wait:
        moved = point
        if budget is not None:
            over = np.nonzero(profile[point:free] + size > budget)[0]
            if len(over):
                moved = max(moved, point + int(over[-1]) + 1)
        if max_inflight > 0:
            busy = np.nonzero(inflight[point : wait + 1] >= max_inflight)[0]
            if len(busy):
                moved = max(moved, point + int(busy[-1]) + 1)
        if moved == point:
            return point
        point = min(moved, wait)
    return wait
