"""Offload planning: which buffers live in the remote pool, over which gaps
between their uses, so that the device-memory peak fits a budget.

The planner works on the ops of the function body (*steps*); an op with
regions is one step that uses every buffer its body uses. Its memory is
the peak over its regions' ops of the buffers they allocate (an
``scf.if``'s branches laid out one after the other, a loop's iteration
as one: what it allocates and frees within the iteration), with what is
held across it; a region with several blocks holds everything it
allocates together
(:meth:`hyperoffload.analysis.liveness.BufferLiveness.step_profile`). For each
candidate buffer it knows the steps that use it and the idle *gaps* between
them:

- a parameter (memref function argument) or a constant global either stays
  on the device, or moves to the pool as a whole: it then arrives by a
  prefetch before its first use (gap ``entry -> first use``) and leaves by
  an evict after its last use (gap ``last use -> end``); a gap between two
  uses may also be offloaded;
- a parameter or constant global the function never uses moves to the pool
  with no transfer at all (one gap, ``entry -> end``);
- an activation (``memref.alloc``) may be offloaded over a gap between two
  uses: written back to a pool buffer after the first, prefetched before the
  second (a clean copy is dropped instead of written back).

Offloading a gap removes the buffer from device memory from the moment its
evict completes until its prefetch is issued. Strategies choose gaps and
prefetch points:

- ``ours``: repeatedly take the device-memory peak and, among the gaps that
  cover it, offload the one whose prefetch can still hide behind the compute
  before its next use, placing the prefetch at the latest point that hides
  it; when no gap hides it, a later prefetch with the least exposed time.
  Among hidden ones the *order* decides: ``largest`` buffer first, or
  ``streaming``: most time away per second of copying (size x absent time /
  copy time), which prefers buffers that come back just before their use
  over large ones whose long copies keep them resident and hold the link;
  then the longest gap. :func:`plan_preferring` tries both and keeps the
  plan with less exposed copy time. The gaps that come with a choice (a
  parameter's first fetch with its last gap) are booked on the engine
  where it has room (*placement* ``room``: hidden, the buffer maybe
  resident long before its use) or at their ideal point, queued after the
  copies already booked (``ideal``: exposure charged, which the schedule
  pass often removes by moving those copies; the pipeline's max-slowdown
  search tries it when ``room`` misses). The schedule pass then orders the
  copies for the engines. Where the link bounds what hides, the pipeline's
  max-slowdown search also tries :mod:`hyperoffload.analysis.link_fill`.
- ``on-demand``: the same choice of gaps by peak, each prefetch right before
  the use (a reactive runtime).
- ``distance`` (MindSpore's heuristic): only gaps of at least
  ``distance_threshold`` steps, each prefetch ``prefetch_distance`` steps
  before the use.

Times come from the cost model (compute only; exposed copies are what the
simulator measures afterwards). A written parameter in the pool is written
back after its last use and the return waits for that copy: the time it
ends past the function's end counts as exposed, like a late prefetch.

The choice loop runs in C++ (``lib/Planner/Planner.cpp``, through
``hyperoffload._native.plan_gaps``) over arrays this module builds from the
candidates and gaps; ``test/python/reference_planner.py`` keeps the same
loop in Python as the oracle the C++ one is tested against.

A buffer is not a candidate, with the reason recorded, when its policy is
``keep``, it is used through an op that is not a view the rewrite makes
again on a prefetched copy (``REBUILT_VIEWS`` in the function's body), it
escapes through ``return``, its size
is unknown, it is a global read by another function or not constant, it
is in a memory space other than the device's (the default) and the
pool's, it is a parameter of a function that a ``func.call`` in the module
calls (its calls pass device memory: changing the signature would leave
them invalid), or its kind was not asked for.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from typing import Literal

import numpy as np
from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.cost_model import CostModel, static_times_at
from hyperoffload.analysis.liveness import Buffer, BufferLiveness
from hyperoffload.analysis.loop_slices import NotStreamed, slice_candidates
from hyperoffload.analysis.references import ModuleReferences, module_of, module_references
from hyperoffload.errors import LocatedError
from hyperoffload.hardware import HardwareProfile
from hyperoffload.sizes import format_bytes

Strategy = Literal["ours", "on-demand", "distance"]
Order = Literal["largest", "streaming"]
ORDERS: tuple[Order, ...] = ("largest", "streaming")
Placement = Literal["room", "ideal"]
PLACEMENTS: tuple[Placement, ...] = ("room", "ideal")
KINDS = ("params", "globals", "activations")
_KIND_OF = {"argument": "params", "global": "globals", "alloc": "activations"}

POLICY_ATTR = "cache.policy"
# Why a transform of ours kept a buffer with cache.policy = "keep" (its
# remark says so instead of "policy keep").
KEEP_REASON_ATTR = "hyperoffload.keep_reason"
# The use effects that may write the buffer.
_WRITES = frozenset({"write", "read-write", "unknown", "alloc/write"})
# Options re-costed against the copy engine per planning step.
_LAZY_OPTIONS = 256


class PlanError(LocatedError):
    """The plan cannot be made (an infeasible budget)."""


@dataclasses.dataclass
class Candidate:
    """A buffer the planner may offload, or the reason it may not."""

    buffer: Buffer
    root: int  # the buffer's index in the liveness's buffers
    kind: str
    uses: list[int]
    writes: set[int]
    policy: str
    reason: str | None = None
    offloaded_gaps: list[int] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Gap:
    """An idle interval of a candidate between two steps that use it."""

    candidate: int
    after: int  # step of the use before (-1: entry)
    before: int  # step of the use after (n: the function's end)
    free_from: int  # first step without the buffer once evicted
    transfer_s: float  # prefetch time (0 for the final gap)
    writeback_s: float = 0.0  # write-back time when the buffer is dirty
    prefetch_at: int = -1  # step before which the prefetch is issued
    exposed_s: float = 0.0

    @property
    def is_final(self) -> bool:
        return self.prefetch_at == -1 and self.transfer_s == 0.0

    def placed(self, prefetch_at: int, free_from: int, exposed_s: float) -> Gap:
        """This (pristine) gap offloaded: a new Gap, made field by field
        (``dataclasses.replace`` per gap cost a third as much as the C++
        plan itself)."""
        return Gap(
            self.candidate,
            self.after,
            self.before,
            free_from,
            self.transfer_s,
            self.writeback_s,
            prefetch_at,
            exposed_s,
        )


@dataclasses.dataclass
class PlanStatistics:
    """What the plan did and why, for reports and remarks."""

    budget_bytes: int
    unoffloaded_peak: int
    planned_peak: int
    min_feasible_bytes: int
    offloaded_bytes: dict[str, int]
    transfers: int
    estimated_exposed_s: float
    decisions: list[dict[str, object]]
    order: str = "largest"  # or "streaming", or "link-fill" (analysis.link_fill)
    placement: str = "room"


class Steps:
    """The ops of the function body with their compute times."""

    def __init__(self, function: ir.Operation, liveness: BufferLiveness, cost: CostModel) -> None:
        order = liveness.order
        # The body's ops are the positions the function body holds, in order.
        top = order.body_positions()
        self._order = order
        self.positions = top
        self.count = len(top)
        durations = static_times_at(cost, order, top)
        self.start = np.zeros(self.count + 1)
        self.start[1:] = np.cumsum(durations)
        # The same times as a list: bisect on it beats numpy on one value.
        self.times: list[float] = self.start.tolist()
        # Step of every program position (0: entry -> step 0; end -> count).
        self.step_of = order.body_steps()

    def op(self, step: int) -> ir.Operation:
        """The body op at ``step``."""
        return self._order.ops[self.positions[step]]

    def time_between(self, first: int, second: int) -> float:
        """Compute time from the start of step ``first`` to that of ``second``."""
        return self.times[second] - self.times[first]

    def first_starting_at(self, time: float) -> int:
        """The first step that starts at or after ``time`` (``count + 1``
        if none)."""
        return bisect.bisect_left(self.times, time)

    def last_starting_by(self, time: float) -> int:
        """The last step that starts at or before ``time`` (-1 if none)."""
        return bisect.bisect_right(self.times, time) - 1


class OffloadPlanner:
    """Plan one function (see the module docstring); :meth:`plan` decides,
    :class:`hyperoffload.transforms.plan_offload` rewrites the IR."""

    def __init__(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        budget_bytes: int,
        *,
        strategy: Strategy = "ours",
        kinds: tuple[str, ...] = KINDS,
        distance_threshold: int = 4,
        prefetch_distance: int = 2,
        dynamic_dim_bound: int | None = None,
        liveness: BufferLiveness | None = None,
        order: Order = "largest",
        placement: Placement = "room",
    ) -> None:
        self.function = function
        self.order = order
        self.placement = placement
        self.hardware = hardware
        self.budget = budget_bytes
        self.strategy = strategy
        self.kinds = kinds
        self.distance_threshold = distance_threshold
        self.prefetch_distance = prefetch_distance
        # A liveness given by the caller must be of ``function`` as it is now.
        self.liveness = liveness or BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound)
        self.steps = Steps(function, self.liveness, CostModel(hardware))
        self.candidates: list[Candidate] = []
        self.gaps: list[Gap] = []
        # Device bytes at each step with nothing offloaded.
        self._base = self.liveness.step_profile(self.steps.step_of)
        self._partner_map: dict[int, list[int]] = {}
        self._collect()
        self._pristine = tuple(self.gaps)
        self._inputs = self._plan_inputs()

    def base_profile(self) -> np.ndarray:
        """Device bytes at each step with nothing offloaded (a copy)."""
        return self._base.copy()

    # -- candidates ----------------------------------------------------------

    def _collect(self) -> None:
        steps = self.steps
        references = module_references(self.function, self.liveness.order.names)
        self._policies = self.liveness.order.with_attribute(POLICY_ATTR)
        arguments = self.function.regions[0].blocks[0].arguments
        # The first argument holding each root buffer, by root index.
        self.argument_of_root: dict[int, int] = {}
        for index, argument in enumerate(arguments):
            for root in self.liveness.root_indices(argument):
                self.argument_of_root.setdefault(root, index)
        step_of = steps.step_of
        names = self.liveness.order.names
        for root, buffer in enumerate(self.liveness.buffers):
            if buffer.remote:
                continue
            kind = _KIND_OF.get(buffer.kind)
            if kind is None:
                continue
            positions, effects = self.liveness.use_positions_and_effects(root)
            # A shape query needs the buffer nowhere: it reads the shape of
            # whichever value it is given (the pool buffer in a gap).
            uses = sorted(
                {
                    step_of[p]
                    for p, e in zip(positions, effects, strict=True)
                    if e != "free" and not (e == "none" and names[p] in SHAPE_QUERIES)
                }
            )
            writes = {step_of[p] for p, e in zip(positions, effects, strict=True) if e in _WRITES}
            if kind == "globals":
                # Only constant globals move, and nothing may write those
                # (a call that might is passed read-only data): a copy of
                # one is dropped, never written back.
                writes = set()
            candidate = Candidate(buffer, root, kind, uses, writes, self._policy(root))
            views = [p for p, e in zip(positions, effects, strict=True) if e == "none"]
            candidate.reason = self._reason(candidate, references, views)
            self.candidates.append(candidate)
            if candidate.reason is None:
                self._make_gaps(len(self.candidates) - 1)

    def _policy(self, root: int) -> str:
        buffer = self.liveness.buffers[root]
        if buffer.kind not in ("argument", "global") and buffer.defined_at not in self._policies:
            return "auto"  # its defining op carries no policy (asked of all at once)
        attr = _policy_attr(self.function, self.liveness, buffer, self.argument_of_root.get(root))
        return attr or "auto"

    def _not_streamed(self) -> dict[int, str]:
        """Why each parameter a loop slices was not streamed through it
        (cache-stream-loop-slices), by argument number."""
        cached = getattr(self, "_not_streamed_reasons", None)
        if cached is None:
            cached = {
                found.argument.arg_number: f"not streamed through its loop: {found.reason}"
                for found in slice_candidates(self.function)
                if isinstance(found, NotStreamed)
            }
            self._not_streamed_reasons = cached
        return cached

    def _reason(
        self, candidate: Candidate, references: ModuleReferences, views: list[int]
    ) -> str | None:
        buffer = candidate.buffer
        if not buffer.on_device:
            return f"in memory space {buffer.space}, not device memory (left where it is)"
        if candidate.kind not in self.kinds:
            return f"{candidate.kind} are not offloaded (offload= option)"
        if candidate.policy == "keep":
            argument = self.argument_of_root.get(candidate.root)
            why = _policy_attr(self.function, self.liveness, buffer, argument, KEEP_REASON_ATTR)
            return why or "policy keep"
        if buffer.size == 0:
            return "empty buffer"
        if buffer.escapes:
            return "escapes through return"
        if views:  # uses with no effect: views of it (or ops reading no data)
            order = self.liveness.order
            for position in views:
                name = order.names[position]
                if name in SHAPE_QUERIES:
                    continue  # the same answer from the pool buffer or a copy
                if name not in REBUILT_VIEWS:
                    return f"aliasing (used through '{name}', which is not rebuilt on a copy)"
                if order.parent[position] != 0:
                    reason = f"aliasing (used through a '{name}' nested in a region)"
                    argument = self.argument_of_root.get(candidate.root)
                    streaming = self._not_streamed().get(argument)
                    return f"{reason}; {streaming}" if streaming else reason
        if not candidate.uses and candidate.kind == "activations":
            return "unused"
        if candidate.kind == "globals":
            readers = references.globals_elsewhere.get(buffer.name[1:])
            if readers:
                named = ", ".join(f"@{reader}" for reader in readers)
                return (
                    f"global also read by {named} (one function cannot move it to the pool "
                    "for the others)"
                )
            if not _global_is_constant(self.function, buffer.name[1:]):
                return "global is not constant"
        if candidate.kind == "params" and references.callers:
            callers = ", ".join(f"@{name}" for name in references.callers)
            return (
                f"a parameter of a function called by {callers}, whose calls pass device "
                "memory (inline the calls first, e.g. --inline)"
            )
        if candidate.kind == "activations" and len(candidate.uses) < 2:
            return "gap too short to hide (used in one step)"
        return None

    def _make_gaps(self, index: int) -> None:
        candidate = self.candidates[index]
        size = candidate.buffer.size
        steps = self.steps
        to_device = self.hardware.transfer_seconds(size, True)
        to_pool = self.hardware.transfer_seconds(size, False)
        uses = candidate.uses
        first_gap = len(self.gaps)
        bounds: list[tuple[int, int]] = list(itertools.pairwise(uses))
        if not uses:
            # Never touched here (an expert this step does not route to):
            # it can live in the pool for the whole function, for free.
            bounds = [(-1, steps.count)]
        elif candidate.kind in ("params", "globals"):
            bounds = [(-1, uses[0]), *bounds, (uses[-1], steps.count)]
        for after, before in bounds:
            if before - after < 2 and after >= 0 and before < steps.count:
                continue  # adjacent steps: no idle step in between
            dirty = candidate.kind == "activations" or any(after >= w for w in candidate.writes)
            free_from = after + 1
            if after >= 0 and dirty:
                # A write-back frees the buffer when its copy completes.
                done = steps.times[after + 1] + to_pool
                free_from = steps.first_starting_at(done)
                free_from = max(free_from, after + 1)
            gap = Gap(
                candidate=index,
                after=after,
                before=before,
                free_from=min(free_from, before),
                transfer_s=0.0 if before >= steps.count else to_device,
                writeback_s=to_pool if after >= 0 and dirty else 0.0,
            )
            self.gaps.append(gap)
        mine = range(first_gap, len(self.gaps))
        if candidate.kind == "activations":
            for i in mine:
                self._partner_map[i] = [i]
            return
        ends = [i for i in mine if self.gaps[i].after == -1 or self.gaps[i].before == steps.count]
        for i in mine:
            self._partner_map[i] = sorted({*ends, i})

    # -- planning ------------------------------------------------------------

    def latest_start(self, gap: Gap, seconds: float) -> int:
        """Latest step (not before the gap frees the buffer) from which
        ``seconds`` of copying still end by the start of ``gap.before``."""
        steps = self.steps
        deadline = steps.times[gap.before] - seconds
        index = steps.last_starting_by(deadline)
        return max(gap.free_from, min(gap.before, index))

    def _qualifies(self, gap: Gap) -> bool:
        if self.strategy != "distance":
            return True
        return gap.before - gap.after >= self.distance_threshold

    def partners(self, index: int) -> list[int]:
        """Gaps applied together: a parameter's or global's first and last."""
        return self._partner_map[index]

    def plan(self) -> PlanStatistics:
        """Choose gaps and prefetch points in :attr:`order` (replacing any
        earlier plan); raises PlanError if infeasible. The choice loop runs
        in C++ (lib/Planner/Planner.cpp); test/python/reference_planner.py holds the
        same loop in Python, which the tests hold it to."""
        return self._statistics(*self._choose())

    def estimated_exposed_s(self) -> float:
        """The plan's estimated exposed copy time (as its statistics say)."""
        exposed = 0.0
        for candidate in self.candidates:
            if candidate.offloaded_gaps:
                gaps = sorted(set(candidate.offloaded_gaps))
                exposed += sum(self.gaps[i].exposed_s for i in gaps)
        return exposed

    def _choose(self) -> tuple[np.ndarray, int, int]:
        """:meth:`plan` without the statistics: the planned step profile,
        the unoffloaded peak and the bound with every copy just in time."""
        self.gaps = list(self._pristine)
        for candidate in self.candidates:
            candidate.offloaded_gaps = []
        unoffloaded_peak = int(self._base.max(initial=0))
        min_feasible = self._min_feasible()
        result = _native.plan_gaps(
            self._inputs,
            self.budget,
            strategy=self.strategy,
            order=self.order,
            placement=self.placement,
            distance_threshold=self.distance_threshold,
            prefetch_distance=self.prefetch_distance,
            lazy_options=_LAZY_OPTIONS,
        )
        # The pristine gaps are shared between plans: replace, never mutate.
        chosen = np.flatnonzero(result.prefetch_at >= 0)
        for index, prefetch_at, free_from, exposed in zip(
            chosen.tolist(),
            result.prefetch_at[chosen].tolist(),
            result.free_from[chosen].tolist(),
            result.exposed[chosen].tolist(),
            strict=True,
        ):
            gap = self._pristine[index].placed(prefetch_at, free_from, exposed)
            self.gaps[index] = gap
            self.candidates[gap.candidate].offloaded_gaps.append(index)
        if not result.feasible:
            step = result.failed_step
            where = self.steps.op(min(step, self.steps.count - 1))
            raise PlanError(
                self.function.location,
                f"budget of {self.budget} bytes is infeasible with strategy "
                f"'{self.strategy}': the smallest peak reached by offloading is "
                f"{result.failed_bytes} bytes, at '{where.name}', where nothing is left to "
                f"offload (the bound with every copy just in time is {min_feasible})"
                f"{self._kept_at(step)}",
            )
        return result.profile, unoffloaded_peak, min_feasible

    def _kept_at(self, step: int) -> str:
        """The largest buffers held on the device at ``step`` that may not
        move, with why, as the tail of an infeasibility message."""
        step_of = self.steps.step_of
        last = len(step_of) - 1

        def held(buffer: Buffer) -> bool:
            freed = step_of[buffer.freed_at] if buffer.freed_at <= last else step + 1
            return buffer.on_device and step_of[min(buffer.allocated_at, last)] <= step < freed

        kept = [c for c in self.candidates if c.reason is not None and held(c.buffer)]
        if not kept:
            return ""
        kept.sort(key=lambda c: -c.buffer.size)
        named = "; ".join(
            f"{c.buffer.name} ({format_bytes(c.buffer.size)}): {c.reason}" for c in kept[:3]
        )
        more = f"; and {len(kept) - 3} more" if len(kept) > 3 else ""
        return f"; held there and kept on the device: {named}{more}"

    def _plan_inputs(self) -> _native.PlanGaps:
        """The arrays the C++ loop plans from (the same for every plan)."""
        gaps = self._pristine
        members = np.full((len(gaps), 3), -1, dtype=np.int64)
        for index in range(len(gaps)):
            together = self._partner_map[index]
            members[index, : len(together)] = together
        return _native.PlanGaps(
            step_start=self.steps.start,
            base_profile=self._base,
            after=[gap.after for gap in gaps],
            before=[gap.before for gap in gaps],
            free_from=[gap.free_from for gap in gaps],
            transfer=[gap.transfer_s for gap in gaps],
            writeback=[gap.writeback_s for gap in gaps],
            nbytes=[self.candidates[gap.candidate].buffer.size for gap in gaps],
            members=members,
            forced=[self.candidates[gap.candidate].policy == "offload" for gap in gaps],
        )

    def _min_feasible(self) -> int:
        """The peak with every gap (that the strategy may take) offloaded,
        each copy just in time."""
        inputs = self._inputs
        chosen = np.ones(len(inputs.after), dtype=bool)
        if self.strategy == "distance":
            chosen = inputs.before - inputs.after >= self.distance_threshold
        changes = np.zeros(self.steps.count + 2, dtype=np.int64)
        latest = np.minimum(inputs.before, self.steps.count)
        np.add.at(changes, inputs.free_from[chosen], -inputs.nbytes[chosen])
        np.add.at(changes, latest[chosen], inputs.nbytes[chosen])
        profile = self._base + np.cumsum(changes)[: self.steps.count + 1]
        return int(profile.max(initial=0))

    # -- statistics ------------------------------------------------------------

    def _statistics(
        self,
        profile: np.ndarray,
        unoffloaded_peak: int,
        min_feasible: int,
        order: str | None = None,
        decisions: bool = True,
    ) -> PlanStatistics:
        """The statistics of the current plan; without ``decisions`` their
        :attr:`PlanStatistics.decisions` stay empty (naming the buffers
        numbers the whole function: a trial plan nobody reports skips it)."""
        offloaded = {kind: 0 for kind in KINDS}
        transfers = 0
        entries: list[dict[str, object]] = []
        self._gaps_of: dict[int, list[Gap]] = {}
        for gap in self.gaps:
            self._gaps_of.setdefault(id(self.candidates[gap.candidate]), []).append(gap)
        for candidate in self.candidates:
            gaps = [self.gaps[i] for i in sorted(set(candidate.offloaded_gaps))]
            if gaps:
                offloaded[candidate.kind] += candidate.buffer.size
                prefetches = sum(1 for g in gaps if g.before < self.steps.count)
                writebacks = sum(
                    1 for g in gaps if candidate.kind == "activations" and g.after >= 0
                )
                transfers += prefetches + writebacks
            if not decisions:
                continue
            entry: dict[str, object] = {
                "buffer": candidate.buffer.name,
                "kind": candidate.kind,
                "size_bytes": candidate.buffer.size,
                "policy": candidate.policy,
                "memory_space": candidate.buffer.space,
            }
            if gaps:
                entry["offloaded"] = True
                entry["gaps"] = [
                    {
                        "after_step": g.after,
                        "before_step": g.before,
                        "prefetch_at_step": g.prefetch_at,
                        "estimated_exposed_s": g.exposed_s,
                    }
                    for g in gaps
                ]
            else:
                entry["offloaded"] = False
                entry["reason"] = candidate.reason or self._unchosen_reason(candidate)
            entries.append(entry)
        return PlanStatistics(
            budget_bytes=self.budget,
            unoffloaded_peak=unoffloaded_peak,
            planned_peak=int(profile.max(initial=0)),
            min_feasible_bytes=min_feasible,
            offloaded_bytes=offloaded,
            transfers=transfers,
            estimated_exposed_s=self.estimated_exposed_s(),
            decisions=entries,
            order=order or self.order,
            placement=self.placement,
        )

    def _unchosen_reason(self, candidate: Candidate) -> str:
        gaps = self._gaps_of.get(id(candidate), [])
        if not gaps:
            return "gap too short to hide (no idle step between uses)"
        if self.strategy == "distance" and not any(self._qualifies(g) for g in gaps):
            return f"gaps shorter than distance-threshold={self.distance_threshold}"
        return "budget met without it"


def plan_preferring(
    planner: OffloadPlanner, prefer: Order | Literal["auto"], decisions: bool = True
) -> PlanStatistics:
    """Plan in the order ``prefer``; ``auto`` (ours only) plans ``largest``
    and, unless that plan hides every copy, ``streaming`` too, and keeps the
    one with less estimated exposed time (the first on a tie). Raises the
    first PlanError if no order reaches the budget. ``decisions``: see
    :meth:`OffloadPlanner._statistics`."""
    orders: tuple[Order, ...]
    if prefer != "auto":
        orders = (prefer,)
    elif planner.strategy == "ours":
        orders = ORDERS
    else:
        orders = ("largest",)
    # The statistics (a decision per candidate) are made for the kept plan only.
    best: tuple[float, Order, tuple[np.ndarray, int, int], list[Gap], list[list[int]]] | None
    best = None
    error: PlanError | None = None
    for order in orders:
        planner.order = order
        try:
            chosen = planner._choose()
        except PlanError as err:
            error = error or err
            continue
        exposed = planner.estimated_exposed_s()
        if best is None or exposed < best[0]:
            kept = [list(candidate.offloaded_gaps) for candidate in planner.candidates]
            best = (exposed, order, chosen, planner.gaps, kept)
        if best[0] == 0.0:
            break
    if best is None:
        assert error is not None
        raise error
    _, planner.order, chosen, planner.gaps, kept = best
    for candidate, gaps in zip(planner.candidates, kept, strict=True):
        candidate.offloaded_gaps = gaps
    return planner._statistics(*chosen, decisions=decisions)


def _policy_attr(
    function: ir.Operation,
    liveness: BufferLiveness,
    buffer: Buffer,
    argument: int | None,
    name: str = POLICY_ATTR,
) -> str | None:
    """The ``cache.policy`` of a buffer (or its string attribute ``name``):
    on its argument (``argument``, its index, for a parameter) or on the op
    defining it."""
    if buffer.kind == "argument":
        if "arg_attrs" not in function.attributes:
            return None
        attrs = ir.ArrayAttr(function.attributes["arg_attrs"])
        if argument is None or argument >= len(attrs):
            return None
        dictionary = ir.DictAttr(attrs[argument])
        if name in dictionary:
            return ir.StringAttr(dictionary[name]).value
        return None
    op = _defining_op(function, liveness, buffer)
    if op is not None and name in op.attributes:
        return ir.StringAttr(op.attributes[name]).value
    return None


def _defining_op(
    function: ir.Operation, liveness: BufferLiveness, buffer: Buffer
) -> ir.Operation | None:
    if buffer.kind == "global":
        return global_symbol(function, buffer.name[1:])
    if buffer.defined_at <= 0:
        return None
    return liveness.order.ops[buffer.defined_at]


def global_symbol(function: ir.Operation, symbol: str) -> ir.Operation | None:
    module = module_of(function)
    if module is None:
        return None
    for op in module.regions[0].blocks[0].operations:
        operation = op.operation
        if operation.name == "memref.global":
            if ir.StringAttr(operation.attributes["sym_name"]).value == symbol:
                return operation
    return None


def _global_is_constant(function: ir.Operation, symbol: str) -> bool:
    op = global_symbol(function, symbol)
    return op is not None and "constant" in op.attributes


# View ops the rewrite rebuilds on a prefetched copy (their result aliases
# their first operand; the other operands are sizes and offsets defined
# before them): a buffer used through these, in the function's body, can
# move to the pool.
REBUILT_VIEWS = frozenset(
    {
        "memref.reshape",
        "memref.subview",
        "memref.cast",
        "memref.reinterpret_cast",
        "memref.collapse_shape",
        "memref.expand_shape",
        "memref.transpose",
        "memref.view",
        "memref.assume_alignment",
    }
)
# Ops that read only a buffer's shape: they may read it wherever it is (in
# the pool or a copy, the shape is the same), so they keep a buffer neither
# from moving nor need making again.
SHAPE_QUERIES = frozenset({"memref.dim", "memref.rank"})
