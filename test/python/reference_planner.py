"""The offload planner's choice loop in Python: the oracle for the C++ one.

``OffloadPlanner.plan`` runs its choice loop in C++ (lib/Planner/Planner.cpp,
``hyperoffloadPlanGaps``). This is the Python loop it replaced, kept as an
independent statement of the rules: :class:`ReferencePlanner` plans with it,
and test_planner_native.py checks both choose alike on the workloads,
strategies, orders, placements and budgets. The invariant tests of the
option search (test_offload_search.py, test_offload_order.py) hook into its
methods, which the C++ loop mirrors one for one.
"""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
from hyperoffload.analysis.link_calendar import LinkCalendar
from hyperoffload.analysis.offload_plan import (
    Gap,
    OffloadPlanner,
    PlanError,
    PlanStatistics,
)

# Options re-costed against the copy engine per planning step.
LAZY_OPTIONS = 256

Key = tuple[float, float, float]
Option = tuple[Key, int, int]


@dataclasses.dataclass
class Options:
    """Options that free one step, best key first: key ``(primary, -measure,
    -length)`` (the measure of the planner's order: the size, or the
    streaming value), the gap and the prefetch point, one array each."""

    primary: np.ndarray
    neg_measure: np.ndarray
    neg_length: np.ndarray
    gap: np.ndarray
    point: np.ndarray

    def __len__(self) -> int:
        return len(self.gap)

    def option(self, rank: int) -> Option:
        key = (
            float(self.primary[rank]),
            float(self.neg_measure[rank]),
            float(self.neg_length[rank]),
        )
        return key, int(self.gap[rank]), int(self.point[rank])


class StabbingIndex:
    """The intervals ``[lo, hi)`` that contain a point, from a segment tree:
    each interval is kept at O(log n) nodes, a query joins the nodes on one
    root path."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray, size: int) -> None:
        leaves = 1
        while leaves < max(size, 1):
            leaves <<= 1
        nodes: dict[int, list[int]] = {}
        for index, (low, high) in enumerate(zip(lo.tolist(), hi.tolist(), strict=True)):
            left, right = max(low, 0) + leaves, min(high, size) + leaves
            while left < right:
                if left & 1:
                    nodes.setdefault(left, []).append(index)
                    left += 1
                if right & 1:
                    right -= 1
                    nodes.setdefault(right, []).append(index)
                left >>= 1
                right >>= 1
        self._leaves = leaves
        self._size = size
        self._nodes = {node: np.array(items, dtype=np.int64) for node, items in nodes.items()}

    def at(self, point: int) -> np.ndarray:
        """Indices of the intervals holding ``point``, ascending."""
        if not 0 <= point < self._size:
            return np.zeros(0, dtype=np.int64)
        node = point + self._leaves
        parts = []
        while node:
            items = self._nodes.get(node)
            if items is not None:
                parts.append(items)
            node >>= 1
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return np.sort(np.concatenate(parts))


class ReferencePlanner(OffloadPlanner):
    """:class:`OffloadPlanner` whose :meth:`plan` runs the Python loop."""

    def _latest(self, gap: Gap) -> int:
        return gap.before if gap.before < self.steps.count else self.steps.count

    def _ideal_prefetch(self, gap: Gap) -> int:
        """Latest step from which the prefetch still completes before use."""
        if self.strategy == "on-demand":
            return gap.before
        if self.strategy == "distance":
            return max(gap.free_from, gap.before - self.prefetch_distance)
        return self.latest_start(gap, gap.transfer_s)

    def _exposure(self, gap: Gap, prefetch_at: int) -> float:
        """Time ``gap``'s copy ends late with the prefetch at ``prefetch_at``
        (a final gap: its write-back, if any, past the return), not queued."""
        if gap.before >= self.steps.count:
            return self._writeback_past_end(gap, self.steps.times[gap.after + 1])
        hidden = self.steps.time_between(prefetch_at, gap.before)
        return max(0.0, gap.transfer_s - hidden)

    def _writes_back_at_end(self, gap: Gap) -> bool:
        """A final gap of a written parameter: copied back after its last
        use, and the return waits for that copy."""
        return gap.before >= self.steps.count and gap.after >= 0 and gap.writeback_s > 0.0

    def _writeback_past_end(self, gap: Gap, begin: float) -> float:
        """The time a final gap's write-back started at ``begin`` ends past
        the function's end (0 for any other gap)."""
        if not self._writes_back_at_end(gap):
            return 0.0
        return max(0.0, begin + gap.writeback_s - self.steps.times[self.steps.count])

    def _final_writeback(self, gap: Gap) -> float:
        """:meth:`_writeback_past_end`, queued behind the write-backs planned."""
        if not self._writes_back_at_end(gap):
            return 0.0
        begin = self._writebacks.first_free(gap.writeback_s, self.steps.times[gap.after + 1])
        return self._writeback_past_end(gap, begin)

    def _apply(self, index: int, prefetch_at: int, profile: np.ndarray) -> None:
        gap = self.gaps[index]
        size = self.candidates[gap.candidate].buffer.size
        writeback_begin: float | None = None
        if gap.prefetch_at < 0 and gap.writeback_s > 0.0:
            # Write-backs share the device->pool engine: the buffer is free
            # once its copy, queued behind the others, completes.
            begin = self._writebacks.first_free(gap.writeback_s, self.steps.times[gap.after + 1])
            self._writebacks.reserve(begin, gap.writeback_s)
            writeback_begin = begin
            done = begin + gap.writeback_s
            free_from = self.steps.first_starting_at(done)
            gap.free_from = min(max(free_from, gap.after + 1), gap.before)
            prefetch_at = max(prefetch_at, gap.free_from)
        if gap.prefetch_at >= 0:
            profile[gap.prefetch_at : prefetch_at] -= size
        else:
            profile[gap.free_from : prefetch_at] -= size
        gap.prefetch_at = prefetch_at
        gap.exposed_s = self._exposure(gap, prefetch_at)
        if writeback_begin is not None and gap.before >= self.steps.count:
            gap.exposed_s = self._writeback_past_end(gap, writeback_begin)
        if self.strategy == "ours" and gap.transfer_s > 0.0:
            self._reserve(index, prefetch_at)
        self.candidates[gap.candidate].offloaded_gaps.append(index)
        if hasattr(self, "_a_prefetch"):
            self._sync(index)

    def _link_placement(self, gap: Gap, earliest_step: int) -> tuple[int, float, float]:
        """(prefetch step, copy start, exposed time) of ``gap``'s copy placed
        as late as the engine's free time allows, not before
        ``earliest_step``."""
        steps = self.steps
        earliest = steps.times[earliest_step]
        deadline = steps.times[gap.before]
        window = self._calendar.latest_window(gap.transfer_s, deadline, earliest)
        step = steps.last_starting_by(window)
        step = min(max(step, earliest_step), gap.before)
        begin = max(window, steps.times[step])
        if begin > window:
            begin = self._calendar.first_free(gap.transfer_s, begin)
        exposed = max(0.0, begin + gap.transfer_s - deadline)
        return step, begin, exposed

    def _reserve(self, index: int, prefetch_at: int) -> None:
        gap = self.gaps[index]
        previous = self._reserved.pop(index, None)
        if previous is not None:
            self._calendar.release(previous, gap.transfer_s)
        _, begin, exposed = self._link_placement(gap, prefetch_at)
        self._calendar.reserve(begin, gap.transfer_s)
        self._reserved[index] = begin
        gap.exposed_s = exposed

    def _reset(self) -> None:
        """Forget an earlier plan: nothing offloaded, the engines idle."""
        self.gaps = [copy.copy(gap) for gap in self._pristine]
        for candidate in self.candidates:
            candidate.offloaded_gaps = []
        self._calendar = LinkCalendar()
        self._writebacks = LinkCalendar()
        self._reserved = {}

    def plan(self) -> PlanStatistics:
        """Choose gaps and prefetch points in :attr:`order` (replacing any
        earlier plan); raises PlanError if infeasible."""
        self._reset()
        profile = self._base.copy()
        unoffloaded_peak = int(profile.max(initial=0))
        min_profile = profile.copy()
        for gap in self.gaps:
            if self._qualifies(gap):
                size = self.candidates[gap.candidate].buffer.size
                min_profile[gap.free_from : self._latest(gap)] -= size
        min_feasible = int(min_profile.max(initial=0))
        self._build_arrays()
        for index, gap in enumerate(self.gaps):
            if self.candidates[gap.candidate].policy == "offload" and gap.prefetch_at < 0:
                for member in self.partners(index):
                    # Gaps applied with an earlier gap of the buffer stay put.
                    if self.gaps[member].prefetch_at < 0:
                        self._apply(member, self._partner_point(self.gaps[member]), profile)
        while int(profile.max(initial=0)) > self.budget:
            peak_step = int(profile.argmax())
            choice = self._best_option(peak_step)
            if choice is None:
                where = self.steps.op(min(peak_step, self.steps.count - 1))
                reached = int(profile[peak_step])
                raise PlanError(
                    self.function.location,
                    f"budget of {self.budget} bytes is infeasible with strategy "
                    f"'{self.strategy}': the smallest peak reached by offloading is "
                    f"{reached} bytes, at '{where.name}', where nothing is left to "
                    f"offload (the bound with every copy just in time is {min_feasible})"
                    f"{self._kept_at(peak_step)}",
                )
            index, prefetch_at = choice
            for member in self.partners(index):
                if member == index:
                    self._apply(member, prefetch_at, profile)
                elif self.gaps[member].prefetch_at < 0:
                    self._apply(member, self._partner_point(self.gaps[member]), profile)
        return self._statistics(profile, unoffloaded_peak, min_feasible)

    def _partner_point(self, gap: Gap) -> int:
        """Prefetch point of a gap applied without a peak to free (a
        partner, or a policy). Ours with placement ``room``: the latest the
        engine has room for, from its first free step on (the buffer may
        then be resident long before its use); with ``ideal``: the latest
        point that hides the copy on an idle engine, the copy queued after
        the ones planned (its exposure is charged, and the schedule pass may
        still hide it by moving those). Other strategies: the ideal point."""
        if (
            self.strategy == "ours"
            and self.placement == "room"
            and gap.transfer_s > 0.0
            and gap.before < self.steps.count
        ):
            return self._link_placement(gap, gap.free_from)[0]
        return self._initial_point(gap)

    def _initial_point(self, gap: Gap) -> int:
        if gap.before >= self.steps.count:
            return self.steps.count
        return self._ideal_prefetch(gap)

    def _best_option(self, step: int) -> tuple[int, int] | None:
        options = self._options(step)
        if not len(options):
            return None
        if self.strategy != "ours":
            _, index, point = options.option(0)
            return index, point
        # The copy engine is shared: re-cost the most promising options with
        # the copies already planned and take the best. Options are visited
        # in the order of a lower bound on their re-costed key, so the search
        # stops at the first bound that cannot beat the best re-costed one:
        # the result is the best of all of them, with few re-costed.
        bounds = self._exposure_bounds(step, options)
        ranks = np.arange(len(options))
        order = np.lexsort((ranks, options.neg_length, options.neg_measure, bounds))
        best: tuple[Key, int] | None = None
        best_rank = -1
        for rank in order.tolist():
            bound_key = (
                float(bounds[rank]),
                float(options.neg_measure[rank]),
                float(options.neg_length[rank]),
            )
            if best is not None and (bound_key, rank) > (best[0], best_rank):
                break
            refined = self._recost(step, options.option(rank))
            if best is None or (refined[0], rank) < (best[0], best_rank):
                best = refined
                best_rank = rank
        assert best is not None
        return int(options.gap[best_rank]), best[1]

    def _recost(self, step: int, option: Option) -> tuple[Key, int]:
        """The key of ``option`` with its copy (and a parameter's first fetch)
        placed on the engine among the copies planned so far, and its point."""
        key, index, point = option
        gap = self.gaps[index]
        size = self.candidates[gap.candidate].buffer.size
        extra = 0.0
        if gap.transfer_s > 0.0:
            earliest = max(gap.free_from, step + 1) if point > step else gap.free_from
            placed, _, exposed = self._link_placement(gap, earliest)
            extra = exposed - (gap.exposed_s if gap.prefetch_at >= 0 else 0.0)
            point = min(max(placed, step + 1), self._latest(gap))
        elif gap.prefetch_at < 0:
            extra = self._final_writeback(gap)
        # A parameter's first fetch (and last write-back) comes with it: cost
        # them on the engines too.
        for member in self.partners(index):
            partner = self.gaps[member]
            if member != index and partner.prefetch_at < 0:
                if partner.transfer_s > 0.0:
                    earliest = (
                        partner.free_from
                        if self.placement == "room"
                        else self._initial_point(partner)
                    )
                    extra += self._link_placement(partner, earliest)[2]
                extra += self._final_writeback(partner)
        return (extra / size, key[1], key[2]), point

    def _exposure_bounds(self, step: int, options: Options) -> np.ndarray:
        """A lower bound on the first element of each option's re-costed key.

        A copy of ``T`` seconds that may start at ``earliest`` and should end
        by ``deadline`` sits in one free window of the engine, so it ends at
        least ``T - free(earliest, deadline)`` late, and it starts no earlier
        than the end of the busy block holding ``earliest``; its exposure before
        (an applied gap's) is subtracted as re-costing does, and partners'
        exposures only add.
        """
        index = options.gap
        point = options.point
        start = self.steps.start
        earliest_step = np.where(
            point > step, np.maximum(self._a_free[index], step + 1), self._a_free[index]
        )
        earliest = start[np.minimum(earliest_step, self.steps.count)]
        deadline = start[self._a_before[index]]
        busy_starts = np.asarray(self._calendar.starts, dtype=float)
        busy_ends = np.asarray(self._calendar.ends, dtype=float)
        total = np.concatenate(([0.0], np.cumsum(busy_ends - busy_starts)))
        transfer = self._a_transfer[index]

        def busy_until(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            """Busy time up to each time, and the end of the block holding
            it (the time itself where the engine is free)."""
            if not len(busy_starts):
                return np.zeros_like(t), t
            blocks = np.searchsorted(busy_starts, t, side="right")
            last_end = np.where(blocks > 0, busy_ends[np.maximum(blocks - 1, 0)], t)
            return total[blocks] - np.maximum(0.0, last_end - t), np.maximum(t, last_end)

        busy_at_deadline, _ = busy_until(deadline)
        busy_at_earliest, first_free = busy_until(earliest)
        free = np.maximum(0.0, (deadline - earliest) - (busy_at_deadline - busy_at_earliest))
        # Nor can it start inside the block that holds ``earliest``.
        exposed = np.maximum(transfer - free, first_free + transfer - deadline)
        exposed = np.where(
            transfer > 0.0, np.maximum(0.0, exposed), self._a_initial_exposure[index]
        )
        before = np.where(self._a_prefetch[index] >= 0, self._a_exposed[index], 0.0)
        return (exposed - before) / self._a_size[index]

    def _build_arrays(self) -> None:
        """Per-gap arrays for vectorised option search (kept in step by _apply)."""
        count = self.steps.count
        gaps = self.gaps
        self._a_free = np.array([g.free_from for g in gaps], dtype=np.int64)
        self._a_latest = np.array([self._latest(g) for g in gaps], dtype=np.int64)
        self._a_before = np.array([min(g.before, count) for g in gaps], dtype=np.int64)
        self._a_final = np.array([g.before >= count for g in gaps], dtype=bool)
        self._a_transfer = np.array([g.transfer_s for g in gaps], dtype=float)
        self._a_size = np.array(
            [self.candidates[g.candidate].buffer.size for g in gaps], dtype=float
        )
        self._a_qualifies = np.array([self._qualifies(g) for g in gaps], dtype=bool)
        self._a_ideal = np.array([self._initial_point(g) for g in gaps], dtype=np.int64)
        self._a_length = np.array(
            [self.steps.time_between(max(g.after, 0), self._latest(g)) for g in gaps], dtype=float
        )
        self._a_prefetch = np.array([g.prefetch_at for g in gaps], dtype=np.int64)
        self._a_exposed = np.array([g.exposed_s for g in gaps], dtype=float)
        self._a_initial_exposure = np.array(
            [self._exposure(g, self._initial_point(g)) for g in gaps], dtype=float
        )
        partners = np.full((len(gaps), 2), -1, dtype=np.int64)
        for index in range(len(gaps)):
            others = [m for m in self.partners(index) if m != index][:2]
            partners[index, : len(others)] = others
        self._a_partners = partners
        self._a_measure = self._a_size
        if self.strategy == "ours" and self.order == "streaming":
            self._a_measure = self._streaming_value()
        # A gap's first free step only moves later and its prefetch point is
        # never before it, so the spans from the start cover every option.
        self._spans = StabbingIndex(self._a_free, self._a_latest, count + 1)

    def _streaming_value(self) -> np.ndarray:
        """Per gap: size x compute time away / copy time, over the gap and
        the gaps applied with it, each away from its first free step to its
        ideal prefetch point (infinite when nothing is copied)."""
        start = self.steps.start
        count = self.steps.count
        away = np.array(
            [start[self._initial_point(g)] - start[min(g.free_from, count)] for g in self.gaps]
        )
        copy = self._a_transfer + np.array([g.writeback_s for g in self.gaps])
        total_away, total_copy = away.copy(), copy.copy()
        for column in range(self._a_partners.shape[1]):
            other = self._a_partners[:, column]
            valid = other >= 0
            total_away += np.where(valid, away[np.maximum(other, 0)], 0.0)
            total_copy += np.where(valid, copy[np.maximum(other, 0)], 0.0)
        value = np.full(len(self.gaps), np.inf)
        np.divide(self._a_size * total_away, total_copy, out=value, where=total_copy > 0)
        return value

    def _sync(self, index: int) -> None:
        gap = self.gaps[index]
        self._a_prefetch[index] = gap.prefetch_at
        self._a_exposed[index] = gap.exposed_s
        self._a_free[index] = gap.free_from

    def _options(self, step: int) -> Options:
        """The options that free ``step``, best first (at most a few for ours).

        Only gaps whose span ``[first free step, latest point)`` holds
        ``step`` can free it; the stabbing index finds them without looking
        at the others."""
        start = self.steps.start
        count = self.steps.count
        gaps = self._spans.at(step)
        prefetch = self._a_prefetch[gaps]
        latest = self._a_latest[gaps]
        ideal = self._a_ideal[gaps]
        final = self._a_final[gaps]
        transfer = self._a_transfer[gaps]
        deadline = start[self._a_before[gaps]]
        unapplied = prefetch < 0
        new = unapplied & self._a_qualifies[gaps] & (self._a_free[gaps] <= step) & (step < latest)
        point_new = np.where(step < ideal, ideal, step + 1)
        if self.strategy != "ours":
            new &= point_new == ideal
        hidden = deadline - start[np.minimum(point_new, count)]
        extra_new = np.where(
            final, self._a_initial_exposure[gaps], np.maximum(0.0, transfer - hidden)
        )
        partners = self._a_partners[gaps]
        for column in range(partners.shape[1]):
            partner = partners[:, column]
            valid = partner >= 0
            safe = np.where(valid, partner, 0)
            pending = valid & (self._a_prefetch[safe] < 0)
            extra_new = extra_new + np.where(pending, self._a_initial_exposure[safe], 0.0)
        if self.strategy == "ours":
            applied = ~unapplied & ~final & (prefetch <= step) & (step < latest)
            hidden_applied = deadline - start[min(step + 1, count)]
            extra_applied = np.maximum(0.0, transfer - hidden_applied) - self._a_exposed[gaps]
        else:
            applied = np.zeros(len(gaps), dtype=bool)
            extra_applied = np.zeros(len(gaps))
        picked = np.nonzero(new | applied)[0]
        chosen = gaps[picked]
        extra = np.where(new, extra_new, extra_applied)[picked]
        point = np.where(new, point_new, step + 1)[picked]
        size = self._a_size[chosen]
        length = self._a_length[chosen]
        # Hidden copies first (largest buffer, longest gap); otherwise the
        # least exposed time per byte taken off the peak.
        primary = extra / size
        measure = self._a_measure[chosen]
        order = np.lexsort((-length, -measure, primary))
        order = order[: LAZY_OPTIONS if self.strategy == "ours" else 1]
        return Options(primary[order], -measure[order], -length[order], chosen[order], point[order])
