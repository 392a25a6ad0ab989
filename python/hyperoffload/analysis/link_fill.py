"""Link filling: stream weights through a saturated link with little waiting.

When the link, not the compute, bounds what can be offloaded (decoding
reads each weight once, in far less time than copying it takes), the peak
cut of a plan that hides every copy is the bytes it offloads minus the
bytes of offloaded buffers on the device at the worst moment: those being
copied and those that arrived early and wait for their use. The greedy
planner (:mod:`hyperoffload.analysis.offload_plan`) takes the largest
buffer covering the peak, so the link carries a few large weights and each
one in flight holds its whole size; link filling keeps that overhead to a
*headroom* instead:

- *units*: the gaps of parameters and constant globals before their first
  use (each with the gap after its last use: the weight is remote at entry,
  prefetched once, dropped after its last use), and their never-used ones
  (remote for the whole function, with no copy);
- the units, latest first use first, are placed backwards on the link the
  way ``cache-schedule-transfers`` will place them (latest free window of
  the copy engine that ends by the first use, :class:`LinkCalendar`); a unit
  is taken when its copy fits after the function's entry and its buffer,
  resident from the prefetch step to its last use, keeps the bytes on the
  device (the unoffloaded profile plus the resident offloaded buffers) within
  the unoffloaded peak plus the headroom; otherwise it stays on the device;
- the plan's peak is then at most that level minus the bytes taken.

A headroom of one or two of the larger weights fills the link with buffers
that arrive just in time; ``hyper-offload-pipeline`` in ``max-slowdown``
mode tries the :func:`headrooms` of a function and keeps the plan that
simulates best.

*Slack*: a plan may also spend stall time, up to what the slowdown allows.
With a slack of ``s`` seconds every deadline is ``s`` later: a copy may end
up to ``s`` after its use's compute-time start. The first late copy stalls
the program by its lateness and moves every later use, and the prefetches
issued before them, as much: the stalls add up to about ``s``, not ``s``
per copy (the pipeline's simulation after scheduling is what checks the
makespan). What it buys: a copy placed later starts in the step after the
one whose start it would otherwise need (a prefetch is issued between
steps), so a buffer used at a step and one whose copy starts during that
step need not be resident together. On 8-layer 32k-token decode on GH200
it is the difference between 8.9% and 9.35% of the peak cut within 1%.

Conservative: without slack every copy is hidden (no stall is spent);
activations, written parameters (their write-back at the end), gaps between
two uses, buffers with a ``cache.policy`` of ``offload`` and the baselines'
strategies are left to the greedy planner (:func:`fill_link` returns None
for a function with forced buffers or a baseline strategy).
"""

from __future__ import annotations

import itertools

import numpy as np

from hyperoffload.analysis.link_calendar import LinkCalendar
from hyperoffload.analysis.offload_plan import OffloadPlanner, PlanStatistics

ORDER = "link-fill"
# Headrooms: sums of up to this many buffers of the largest distinct sizes.
_HEADROOM_SIZES = 3
_HEADROOM_BUFFERS = 4
# A copy moving less than this share of the link's bandwidth (mostly
# latency) spends link time for little memory: not a unit.
_MIN_EFFICIENCY = 0.9


def units(planner: OffloadPlanner) -> tuple[list[int], list[int]]:
    """The gaps link filling may take: those with a copy (a parameter's or
    constant global's first gap, its partners all final and clean), latest
    first use first, and the free ones (never used: no copy)."""
    count = planner.steps.count
    bandwidth = planner.hardware.pool_to_device_bandwidth
    copied: list[int] = []
    free: list[int] = []
    for index, gap in enumerate(planner.gaps):
        candidate = planner.candidates[gap.candidate]
        if candidate.kind == "activations" or candidate.writes:
            continue
        if gap.after == -1 and gap.before >= count:
            free.append(index)
        elif gap.after == -1 and gap.transfer_s > 0.0:
            if candidate.buffer.size < _MIN_EFFICIENCY * bandwidth * gap.transfer_s:
                continue
            partners = [m for m in planner.partners(index) if m != index]
            if all(planner.gaps[m].before >= count for m in partners):
                copied.append(index)
    copied.sort(key=lambda i: (-planner.gaps[i].before, i))
    return copied, free


def headrooms(planner: OffloadPlanner) -> list[int]:
    """Headrooms worth trying: the sums of one to four buffers of the three
    largest distinct sizes of copied units (ascending, distinct)."""
    copied, _ = units(planner)
    sizes = sorted({_size(planner, i) for i in copied}, reverse=True)[:_HEADROOM_SIZES]
    values = {
        sum(combination)
        for count in range(1, _HEADROOM_BUFFERS + 1)
        for combination in itertools.combinations_with_replacement(sizes, count)
    }
    return sorted(values)


def fill_link(
    planner: OffloadPlanner, headroom: int, slack_s: float = 0.0, *, decisions: bool = True
) -> PlanStatistics | None:
    """Plan ``planner``'s function by link filling with ``headroom`` bytes
    and ``slack_s`` seconds of stall (each copy may end that much after its
    use's compute-time start; see the module docstring), replacing any
    earlier plan as :meth:`OffloadPlanner.plan` does; None where link
    filling does not apply. ``decisions``: see
    :meth:`OffloadPlanner._statistics`."""
    if planner.strategy != "ours" or any(c.policy == "offload" for c in planner.candidates):
        return None
    steps = planner.steps
    count = steps.count
    times = steps.times
    planner.gaps = list(planner._pristine)
    for candidate in planner.candidates:
        candidate.offloaded_gaps = []
    base = planner.base_profile()
    unoffloaded_peak = int(base.max(initial=0))
    level = unoffloaded_peak + headroom
    resident = base.copy()  # device bytes with the taken buffers resident
    profile = base.copy()  # the planned profile
    calendar = LinkCalendar()
    copied, free = units(planner)
    for index in copied:
        gap = planner.gaps[index]
        deadline = times[gap.before] + slack_s
        # Never before the entry: without a window there, it would end late.
        start = calendar.latest_window(gap.transfer_s, deadline, times[gap.free_from])
        if start + gap.transfer_s > deadline:
            continue
        point = max(gap.free_from, min(gap.before, steps.last_starting_by(start)))
        candidate = planner.candidates[gap.candidate]
        last_use = candidate.uses[-1]
        size = candidate.buffer.size
        if resident[point : last_use + 1].max() + size > level:
            continue
        calendar.reserve(start, gap.transfer_s)
        resident[point : last_use + 1] += size
        _take(planner, index, point, profile)
        for member in planner.partners(index):
            if member != index:
                _take(planner, member, count, profile)
    for index in free:
        _take(planner, index, count, profile)
    statistics = planner._statistics(
        profile, unoffloaded_peak, planner._min_feasible(), order=ORDER, decisions=decisions
    )
    # Not made for a budget: the budget it meets is its own planned peak.
    statistics.budget_bytes = statistics.planned_peak
    return statistics


def placed_gaps(planner: OffloadPlanner) -> tuple[tuple[int, int, int], ...]:
    """The gaps ``planner``'s last plan offloaded, each as (index, step its
    prefetch is issued before, first step without the buffer): two plans
    with the same are the same plan (the search simulates it once)."""
    return tuple(
        (index, gap.prefetch_at, gap.free_from)
        for index, (gap, pristine) in enumerate(zip(planner.gaps, planner._pristine, strict=True))
        if gap is not pristine
    )


def _size(planner: OffloadPlanner, index: int) -> int:
    return planner.candidates[planner.gaps[index].candidate].buffer.size


def _take(planner: OffloadPlanner, index: int, point: int, profile: np.ndarray) -> None:
    """Offload gap ``index`` with its prefetch before step ``point`` (the
    function's end for a final gap): absent over ``[free_from, point)``."""
    pristine = planner.gaps[index]
    planner.gaps[index] = pristine.placed(point, pristine.free_from, 0.0)
    profile[pristine.free_from : point] -= _size(planner, index)
    planner.candidates[pristine.candidate].offloaded_gaps.append(index)
