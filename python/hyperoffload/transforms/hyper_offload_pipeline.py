"""``hyper-offload-pipeline``: plan, schedule and verify, under a budget or a slowdown.

First releases dead buffers: an allocation whose ``memref.dealloc`` comes
after other ops than its last use (upstream ownership-based deallocation
frees at the end of the block) is freed right after its last use, by
upstream's ``optimize-allocation-liveness`` where its result verifies
(``cache-release-dead-buffers``); that costs no copy. Then weights a loop
reads slice by slice (stacked layers) are streamed through it
(``cache-stream-loop-slices``), and stacked weights straight-line code
reads at constant slices are fetched slice by slice
(``cache-stream-static-slices``; option ``stream-loops`` for both): in ``max-slowdown``
mode only where the streamed function simulates within the slowdown (the
first slice's copy, before the loop, has nothing to hide behind); under a
budget, largest kind first until the planner can meet it, the last kind
then swapped for a smaller one that meets it too where that simulates
faster. A loop
streams pipelined (slice i+1 during iteration i, its token carried to the
next iteration, which waits for it right before its first use), in place
(as pipelined, slice i+1 prefetched right after slice i's last use, into
its memory), two ahead (slice i+2 during iteration i; the slices
that feed the loop are issued before it as early as the link takes them,
:func:`~hyperoffload.transforms.issue_points.issue_carried`), per iteration (each
iteration fetches its slices where it takes them, behind its earlier
work; an ``scf.while`` always does) or per weight (each weight kind, as
it is chosen, whichever of the two simulates faster: those an iteration
uses first one ahead, their next slices issued right after this
iteration's other prefetches, so the link fetches in the order of use
across iterations; then each streamed prefetch is issued where the link
starts its copy, :mod:`hyperoffload.transforms.issue_points`, so slices
queued behind the link hold no memory yet): ``loop-streaming=auto`` plans all three (each on a
copy of the module; per weight chooses by time, kind by kind, so on the
JAX scan export the all-per-iteration plan keeps less memory within 1%)
and applies the copy, with its diagnostics, that has, under
``max-slowdown``, the smaller peak, under a budget the shorter simulated
time. Then runs
``cache-plan-offload`` (around the streamed slices), then (strategy ``ours``)
``cache-schedule-transfers``, then the checks of ``cache-verify-schedule``
with the simulated peak against the budget, on every function. A
percentage budget is of the peak of the function as given; the
statistics (and ``hyper-opt --report``'s ``before``) keep that function's
figures and split the saving into ``saved_by_release_bytes`` and
``saved_by_offload_bytes``.

Peeling: a stacked weight streamed through its loop is copied slice by
slice, the first slice before the loop with nothing to hide behind; at
decode, where a layer computes in about the time its weights take to
copy, that first copy alone costs several percent. ``peel-iterations=auto``
(the default) also plans a function whose ``scf.for`` streams stacked
parameters with the loop's first iteration peeled off, and its first two
(``AUTO_PEELS``; ``cache-peel-loop-slices``: the slices they read become parameters of
their own, the planner decides each like an unrolled layer's weight, and
the stacked parameters keep the rows the loop reads), and keeps the
peeled plan where it is better, as for ``loop-streaming``, by more than
0.5% (``PEEL_MARGIN``: peeling changes the signature); the first slices
the loop then streams are issued behind the peeled iteration's work
(:func:`hyperoffload.transforms.issue_points.issue_ahead`). This changes
the function's signature (see ``cache.slices``); ``peel-iterations=0``
keeps it, a number peels that many iterations. On the 16-layer 7B scan at
decode within 10%, the cut goes from 6.7% to 9.6% of the peak (the
straight form: 10.0%); within 5%, where streaming ``wq`` and the K cache
costs a little more link time than a layer's work, one peeled iteration
and each slice waited for at its first use (a K slice may arrive during
its layer's first matmuls) give 9.6% (the straight form: 9.8%; waited at
the end of the iteration before, the stalls added up past 5% and two
peeled iterations gave 8.9%). Where the best form as given is
``pipelined``, ``loop-streaming=auto`` also plans the most peeled program
two ahead: one iteration ahead, each iteration fetches the next slices
behind its own work, so a link a little slower than the work loses at
every iteration the lead the peeled layers gave it; two ahead, the lead
is kept (within 1%: 6.2% to 8.6%, the straight form 9.3%). It also plans
the program peeled as pipelined planned best in place: where the link is
behind, a slice prefetched after the last use of the one before costs
little time and holds a slice less (within 5%: 9.6% to 10.0%, within
10%: 9.6% to 10.1%, the straight form's cut or more). The peeled program also has the stacked
parameters its straight-line code reads at constant slices split into
one parameter per slice (``cache-split-static-slices``): JAX's unrolled
export at 7B sizes within 1% goes from 90.9% to 95.2% at prefill and from
0.0% to 9.3% at decode, what a weight array per layer gets.

Unrolling fully: as a loop, each stacked weight kind is in the pool in
every layer or in none, so at decode, where a layer's work hides a little
more than one kind's copy, the kinds the loop streams either outrun the
link or leave it idle. ``peel-iterations=auto`` therefore also plans each
loop streaming stacked parameters whose constant trip count is at most
``unroll-full-threshold`` (32, Llama-7B's depth, by default) unrolled
fully (``cache-peel-loop-slices{unroll-full-threshold}``: every iteration
peeled, each slice a parameter of its own taken at its first use), as
``inline-calls=auto`` plans calls inlined: each layer's weights are then
decided alone, as in straight-line code, and that plan is kept where it
is better by more than ``PEEL_MARGIN`` (the signature changes as with
peeling; statistic ``unrolled_fully``). A longer loop is planned once, as
a loop, so the compile time stops growing with the trip count past the
threshold. On the 16-layer 7B scan: within 1% at decode 8.6% -> 9.3% and
at prefill 90.9% -> 94.6%, within 5% and 10% at prefill 94.9% -> 95.8%,
each the straight form's cut; JAX's f32 decode scan 6.7% -> 9.3%, the
per-layer export's. Within 5% and 10% at decode the loop, prefetching in
place, stays better (10.0% and 10.1%).

Branches: a multi-block function is lifted to ``scf`` by upstream
``lift-cf-to-scf``; an ``scf.if`` is then one step of the planner, whose
memory is the peak of its regions' own buffers plus what is held across
it. Parameters that only a body-level ``scf.if`` uses (an early exit's
later layers, or weights both branches use:
:mod:`hyperoffload.analysis.branch_regions`) are first planned inside the
regions that use them (``plan-regions``, on by default; a weight two
regions share is moved to the pool by both or by neither, as the first
decides):
the region's ops are moved into a private function of their own
(:mod:`hyperoffload.transforms.region_functions`), planned and scheduled
like any function (within ``max-slowdown`` of its own time, or within what
the budget leaves beside the buffers held across the ``scf.if`` that the
planner cannot move), and moved back; the function's plan then works
around them. So those weights stay in the pool on the path that exits,
and arrive one by one on the path that runs the region. The body of a
body-level ``scf.for`` without results whose body holds no cache op is
such a region too: the weights only the loop reads (a decode loop over
tokens, its layers' weights loop-invariant parameters) are fetched op by
op in every iteration instead of held for the whole loop (each
iteration's first copy exposed: it is planned within the slowdown of one
iteration's time). A region whose
plan fails is left as it was (where it shares weights with another, the
whole ``scf.if`` is, and planned again without them). The statistics
keep what this saved as ``saved_by_regions_bytes``. A region's first
copies then start only when it does, after the link has idled through the
end of the work before it: an early exit (a body-level ``scf.if``
without results, the last, with what follows it run on both paths) is
also planned along its costlier path
(``plan-paths``, on by default; :mod:`hyperoffload.transforms.branch_paths`):
the function planned as the straight line of that path, the other
region's ops set aside and what they read kept on the device, then given
its branch back, the other region dropping (after its copy) whatever the
costlier one releases of what was fetched before the branch. Both plans
are made, as the forms above, and the better kept (statistic
``planned_along_path``); each path's peak counts. On the 16-layer 7B
branch form at decode within 1% the cut goes from 8.6% to 9.3%, the
straight form's; on JAX's ``lax.cond`` early exit at 7B decode sizes from
8.3% to 9.3%, the per-layer export's.

Calls: a ``func.call`` counts its callee's compute time and the device
memory the callee holds beyond its parameters (see
:mod:`hyperoffload.analysis.liveness`), so a budget is of the whole
program the planned function runs. The caller's buffers are planned
around its calls (a call reads and writes its operands as the callee's
body does). Weights a function only passes to calls whose callees only
read them may instead be fetched by the callees
(``cache-stream-call-arguments``: a clone of the callee per call site
fetches them one ahead, each waited for at its first use), chosen a
weight kind at a time like the loop streaming; option ``call-weights``
(``caller``, ``callee``, or ``auto``: both planned, the better kept, as
for ``loop-streaming``). A function another function calls is left
unchanged, with a remark, under a percentage budget or ``max-slowdown``
unless ``functions=`` names it: it is part of its callers' program.
Inlined (upstream ``inline``), each call site's weights move one by one,
as in straight-line code, instead of all of a call's operands at the call
(or each call's first weights exposed in its clone), but the callee's
body is copied per call site: option ``inline-calls`` (``true``: every
call of the module inlined first; ``false``; ``auto``, the default: each
planned function is also planned with its own calls inlined, those of
its callees' bodies too, and the better plan kept, as for
``loop-streaming``; a call of a function planned alone, one marked
``no_inline`` and a recursive call stay).

Two modes:

- ``budget=`` (bytes, a size, or a percentage of the unoffloaded peak):
  meet the budget with the least exposed transfer time;
- ``max-slowdown=`` (e.g. ``1%``): the smallest peak whose simulated
  makespan stays within that slowdown of the unoffloaded program's, found
  by bisection over budgets, each tried on a copy of the module: planned
  with partner placement ``room``, and if the schedule misses, ``ideal``
  (see :mod:`hyperoffload.analysis.offload_plan`). With ``strategy=ours``
  the search also tries link filling
  (:mod:`hyperoffload.analysis.link_fill`: weights streamed through a
  saturated link with at most a headroom of them resident, which beats the
  greedy planner where the link, not the compute, bounds what hides, as in
  decoding), each headroom with no stall and with a quarter, a half and
  all of the stall the slowdown allows spent on later copies, and keeps it if it simulates a smaller
  peak; the budget then reported is that peak. This is the form of the
  HyperOffload paper's claim (less memory at unchanged speed).

Before: functions without cache ops. After: the offloaded, scheduled and
verified program; the pass fails if the budget is infeasible (saying the
smallest feasible one), if a function it cannot plan (branches that
``lift-cf-to-scf`` cannot structure) does not meet it, or if the result
does not verify.

Loops whose trip count is not a constant (an ``scf.for`` with dynamic
bounds, JAX's ``lax.while_loop`` as an ``scf.while``) count once in the
simulated time unless ``trip-count-bound=N`` is given: each such loop then
gets ``cache.trip_count_bound = N`` (kept in the output: the plan's time
assumes it) and the simulator and cost model run it ``N`` times. A while
loop's slices stream per iteration, whatever its count; a dynamic
``scf.for``'s too, or pipelined behind a guard on its count (see
:mod:`hyperoffload.transforms.stream_loop_slices`; JAX's counted
``lax.while_loop`` is one after ``cache-uplift-loop-counters``), and its
first iterations peeled off, each behind a guard on the count reaching it
(:mod:`hyperoffload.transforms.peel_loop_slices`).

Conservative: everything the three passes are conservative about (and
:mod:`hyperoffload.analysis.branch_regions`: an ``scf.if`` with results, a
parameter two regions use, a function a call calls); in
``max-slowdown`` mode the bisection stops at 0.5% of the unoffloaded peak.

Example::

    hyper-opt model.mlir --hyper-offload-pipeline='max-slowdown=1% hw=gh200'

becomes:: the model with its weights in ``#cache.remote``, prefetched
early enough that the simulated slowdown stays under 1%.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Iterator, Sequence
from typing import Literal

from mlir import ir

from hyperoffload.analysis.branch_regions import (
    REGION_OPS,
    BranchRegion,
    find_branch_regions,
    region_span,
)
from hyperoffload.analysis.call_streams import CallStream, find_call_streams
from hyperoffload.analysis.link_fill import fill_link, headrooms, placed_gaps
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.loop_slices import SliceStream, find_slice_streams
from hyperoffload.analysis.offload_plan import (
    PLACEMENTS,
    OffloadPlanner,
    Placement,
    PlanError,
    PlanStatistics,
)
from hyperoffload.analysis.program import (
    TRIP_COUNT_BOUND,
    callee_symbol,
    constant_trip_count,
    set_trip_count_bound,
)
from hyperoffload.analysis.references import module_of
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.analysis.static_slices import StaticStream, find_static_streams
from hyperoffload.dialects.cache import is_remote
from hyperoffload.hardware import HardwareProfile, ProfileError, load_profile
from hyperoffload.ir_utils import function_named, walk_preorder
from hyperoffload.sim.report import figures
from hyperoffload.sim.simulator import (
    SimulationError,
    SimulationResult,
    simulate,
    simulate_paths,
)
from hyperoffload.sizes import format_bytes
from hyperoffload.transforms.branch_paths import (
    FlatPath,
    PathError,
    find_path_branch,
    flatten_path,
    restore_branch,
)
from hyperoffload.transforms.budget import Budget
from hyperoffload.transforms.issue_points import (
    issue_ahead_in_function,
    issue_carried_in_function,
    issue_in_function,
)
from hyperoffload.transforms.pass_base import PassFailure, option
from hyperoffload.transforms.peel_loop_slices import (
    peel_loop_slices,
    slice_attributes,
    unrolls_fully,
)
from hyperoffload.transforms.plan_offload import (
    PlanOptions,
    fill_and_rewrite,
    make_planner,
    plan_and_rewrite,
)
from hyperoffload.transforms.region_functions import inline_region, outline_region
from hyperoffload.transforms.release_dead_buffers import release
from hyperoffload.transforms.schedule_transfers import schedule_function
from hyperoffload.transforms.split_static_slices import split_static_slices
from hyperoffload.transforms.stream_call_arguments import stream_call_arguments
from hyperoffload.transforms.stream_loop_slices import stream_function
from hyperoffload.transforms.stream_static_slices import describe, stream_static

BISECTION_RESOLUTION = 0.005
# Plans tried, each for a smaller budget, until the simulated peak fits.
MAX_ATTEMPTS = 4
# How much smaller a peak (under a budget, shorter a simulated time) a plan
# with iterations peeled off must give to be kept over the unpeeled one, as
# a fraction of the latter: peeling changes the function's signature.
PEEL_MARGIN = 0.005
# The iterations peel-iterations=auto also plans a function with peeled
# off (each where a loop is long enough), besides none.
AUTO_PEELS = (1, 2)
# The peel count of the program planned with its short loops unrolled fully
# (every iteration peeled; unroll-full-threshold).
UNROLL_FULL = -1
# Link-filling plans scheduled and simulated (those with the smallest peak
# in the planner's step model).
FILL_TRIALS = 3
# The stalls link filling may plan, as fractions of what the slowdown
# allows.
FILL_SLACKS = (0.0, 0.25, 0.5, 1.0)


@dataclasses.dataclass(frozen=True)
class HyperOffloadPipelinePass(PlanOptions):
    """Plan + schedule + verify, under a budget or a maximum slowdown."""

    name = "hyper-offload-pipeline"
    summary = "Offload, schedule and verify under a budget or a maximum slowdown."

    max_slowdown: str = option(
        "", "instead of a budget: the smallest peak within this slowdown (1%)"
    )
    max_inflight: int = option(0, "most prefetches issued and not yet waited (0: no limit)")
    reorder_compute: bool = option(
        False, "move independent compute before stalled waits to hide their copies"
    )
    inline_calls: Literal["auto", "true", "false"] = option(
        "auto",
        "inline calls of functions with a body (upstream inline, without its cleanup "
        "pipeline), so each call site is planned as straight-line code: true (every call "
        "in the module, first), false, or auto (each planned function planned both with "
        "its calls inlined and as given, the better kept, as for loop-streaming)",
    )
    stream_loops: bool = option(
        True,
        "first stream weights a loop reads slice by slice (cache-stream-loop-slices) and "
        "stacked weights read at constant slices (cache-stream-static-slices); with "
        "max-slowdown only where that keeps within it",
    )
    loop_streaming: Literal[
        "auto", "pipelined", "in-place", "two-ahead", "per-iteration", "per-weight"
    ] = option(
        "auto",
        "how a loop fetches its slices: pipelined (slice i+1 during iteration i, its token "
        "carried to iteration i+1, which waits for it at its first use), in-place (as "
        "pipelined, slice i+1 prefetched after slice i's last use, into its memory), "
        "two-ahead (slice i+2 during iteration i), per-iteration (each iteration its own, "
        "behind its earlier work), per-weight (each weight kind whichever of pipelined and "
        "per-iteration is faster), or auto (pipelined, per-iteration and per-weight planned, "
        "and where pipelined planned best also in-place, peeled as pipelined planned best, "
        "and two-ahead, the most peeled program: under max-slowdown the smaller peak kept, "
        "under a budget the shorter time)",
    )
    call_weights: Literal["auto", "caller", "callee"] = option(
        "auto",
        "who fetches the weights a call is passed: the caller, around the call; the callee, "
        "a clone per call site fetching each at its first use (cache-stream-call-arguments); "
        "or auto (both planned, the better kept, as for loop-streaming)",
    )
    plan_regions: bool = option(
        True,
        "first plan the weights only an scf.if or an scf.for uses (an early exit's later "
        "layers, weights both branches use, a decode loop's weights) inside the regions that "
        "use them, op by op, instead of for all of it",
    )
    plan_paths: bool = option(
        True,
        "also plan a function with an early exit (its last body-level scf.if without results) "
        "as the straight line of its costlier path, the later layers' weights fetched before "
        "the branch and dropped on the exit (the better plan kept)",
    )
    peel_iterations: str = option(
        "auto",
        "iterations to peel off each loop that streams stacked parameters, the slices "
        "they read passed as parameters of their own (cache-peel-loop-slices; with any "
        "number but 0 also cache-split-static-slices: the signature changes, see "
        "cache.slices): a number (0: never), or auto (planned "
        "with 0, 1 and 2, and unrolled fully where unroll-full-threshold allows, a peeled "
        "plan kept where it is better by more than 0.5%)",
    )
    unroll_full_threshold: int = option(
        32,
        "with peel-iterations=auto, also plan each loop streaming stacked parameters whose "
        "constant trip count is at most this unrolled fully (every iteration peeled: "
        "cache-peel-loop-slices{unroll-full-threshold}), kept where it is better by more "
        "than 0.5% (0: never; a longer loop is planned once, as a loop)",
    )
    trip_count_bound: int = option(
        0,
        "iterations to assume for loops whose trip count is not a constant (an scf.for "
        "with dynamic bounds, an scf.while), recorded on each as cache.trip_count_bound "
        "(0: such a loop's body counts once)",
    )

    def run(self, module: ir.Operation) -> None:
        if bool(self.budget) == bool(self.max_slowdown):
            raise self.fail(
                module, "hyper-offload-pipeline needs exactly one of budget= and max-slowdown="
            )
        try:
            hardware = load_profile(self.hw)
            budget = Budget.parse(self.budget) if self.budget else None
            slowdown = _parse_slowdown(self.max_slowdown) if self.max_slowdown else None
        except (ValueError, ProfileError) as err:
            raise self.fail(module, str(err)) from None
        bound = self.dynamic_dim_bound or None
        if self.peel_iterations != "auto" and not self.peel_iterations.isdigit():
            raise self.fail(
                module,
                f"peel-iterations must be auto or a number >= 0, got '{self.peel_iterations}'",
            )
        if self.trip_count_bound < 0:
            raise self.fail(module, f"trip-count-bound must be >= 0, got {self.trip_count_bound}")
        if self.unroll_full_threshold < 0:
            raise self.fail(
                module,
                f"unroll-full-threshold must be >= 0, got {self.unroll_full_threshold}",
            )
        if self._inline_mode == "true":
            self._inline(module)
        if self.trip_count_bound:
            bound_loops(module, self.trip_count_bound)
        # Each function alone: one that cannot be offloaded reports why and
        # the others are still offloaded (the pass fails at the end).
        failed = False
        # In max-slowdown mode the slowdown is of the program: the functions
        # others call are planned as part of their callers.
        whole_program = slowdown is not None
        planned = [
            ir.StringAttr(function.attributes["sym_name"]).value
            for function in self.structured_functions(module, budget, bound, whole_program)
        ]
        object.__setattr__(self, "_planned", frozenset(planned))
        for name in planned:
            # By name: inlining a function's calls erases callees nothing
            # calls any more.
            function = function_named(module, name)
            if function is None:
                continue
            try:
                self._offload_choosing_forms(module, function, hardware, budget, slowdown)
            except PassFailure:
                failed = True
        if failed:
            raise self.failure(module, "a function cannot be offloaded")

    @property
    def _inline_mode(self) -> str:
        """``inline-calls`` as text (the Python API may pass a bool, as
        before the option had ``auto``)."""
        value: object = self.inline_calls
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    @property
    def _planned_forms(self) -> tuple[str, str]:
        """The loop streaming and call weights forms being planned (those
        asked for, until a choice among them sets one)."""
        return getattr(self, "_forms", (self.loop_streaming, self.call_weights))

    @property
    def _loop_form(self) -> str:
        """How loops stream their slices (the form being planned)."""
        return self._planned_forms[0]

    @property
    def _pipelined(self) -> bool | frozenset[int]:
        """Whether loops stream their slices pipelined (else per
        iteration); in the per-weight form, the parameters pipelined."""
        if self._loop_form == "per-weight":
            return getattr(self, "_ahead", frozenset())
        return self._loop_form != "per-iteration"

    @property
    def _distance(self) -> int:
        """How many iterations ahead pipelined loops prefetch their slices."""
        return 2 if self._loop_form == "two-ahead" else 1

    @property
    def _in_place(self) -> bool:
        """Whether loops prefetch each slice into the memory of the one
        before (one iteration ahead; two ahead always does)."""
        return self._loop_form == "in-place"

    @property
    def _callee_fetches(self) -> bool:
        """Whether the callees fetch the weights calls are passed."""
        return self._planned_forms[1] == "callee"

    def _offload_choosing_forms(
        self,
        module: ir.Operation,
        function: ir.Operation,
        hardware: HardwareProfile,
        budget: Budget | None,
        slowdown: float | None,
    ) -> None:
        """:meth:`_offload_function` with the loop streaming form, the
        call weights form and the inlining asked for; where one is ``auto``
        and applies (an ``scf.for`` streams slices; a weight could be
        fetched by its callees; the function calls a function with a body
        that is not planned alone), each combination is first planned on a
        copy of the module (its diagnostics kept aside) and the best
        applied: under ``max-slowdown`` the smallest peak, under a budget
        the shortest simulated time (on a tie, the first of pipelined,
        caller and as given). Applied is the copy itself, which takes the
        place of the module's body, and its diagnostics are emitted again
        (it is planned again only where a diagnostic had notes, which cannot
        be emitted again). Inlined,
        the caller fetches (no call is left to clone). With
        ``peel-iterations=auto`` the program with its loops' first
        iteration peeled off is then planned too, in the forms that
        planned best as given (not inlined), and kept only where it is
        better by more than ``PEEL_MARGIN``."""
        loops = [self.loop_streaming]
        if self.loop_streaming == "auto":
            loops = ["pipelined"]
            if self.stream_loops and any(
                s.loop.name == "scf.for" for s in find_slice_streams(function)
            ):
                loops = ["pipelined", "per-iteration", "per-weight"]
        calls = [self.call_weights]
        if self.call_weights == "auto":
            calls = ["caller"]
            if self.stream_loops and find_call_streams(function):
                calls = ["caller", "callee"]
        peels = self._peel_counts(function)
        # Under peel-iterations=auto the peeled program is planned in the
        # forms that planned best unpeeled only (on the generator's scan,
        # at prefill and decode, the same form wins either way).
        later = [peel for peel in peels if peel] if peels[0] == 0 else []
        first = [peel for peel in peels if peel not in later]
        # An early exit is planned with its regions and along its costlier path.
        paths = [False]
        if self.plan_paths and find_path_branch(function, hardware) is not None:
            paths = [False, True]
        variants = [
            (loop, call, False, peel, path)
            for peel in first
            for loop in loops
            for call in calls
            for path in paths
        ]
        keep = getattr(self, "_planned", frozenset())
        if self._inline_mode == "auto" and inlinable_calls(function, keep):
            # Inlined, no call is left for the callees to fetch weights in.
            variants += [(loop, "caller", True, 0, False) for loop in loops]
        chosen = variants[0]
        name = ir.StringAttr(function.attributes["sym_name"]).value
        trials: dict[_Variant, _Trial] = {}
        scores: dict[_Variant, float] = {}
        if len(variants) > 1 or later:
            figure = "peak_after_bytes" if slowdown is not None else "makespan_after_s"
            # Each trial's diagnostics are kept, to be emitted for the one
            # applied.
            diagnostics: list[_Diagnostic] = []

            def keep_diagnostic(diagnostic: ir.Diagnostic) -> bool:
                diagnostics.append(_Diagnostic.of(diagnostic))
                return True

            handler = module.context.attach_diagnostic_handler(keep_diagnostic)
            try:
                ahead = ["in-place", "two-ahead"] if self.loop_streaming == "auto" else []
                for variant in _then_peeled(variants, later, scores, ahead):
                    object.__setattr__(self, "_forms", variant[:2])
                    object.__setattr__(self, "_along_path", variant[4])
                    copy = module.clone()
                    del diagnostics[:]
                    try:
                        if variant[2] and inline_calls_in(_find(copy, name), keep) is not None:
                            continue
                        if variant[3] and not self._peel(copy, name, variant[3]):
                            continue
                        self._offload_function(copy, _find(copy, name), hardware, budget, slowdown)
                    except PassFailure:
                        continue
                    scores[variant] = float(self.statistics[name][figure])  # type: ignore[arg-type]
                    trials[variant] = _Trial(
                        copy, dict(self.statistics[name]), self._last_plan, list(diagnostics)
                    )
            finally:
                handler.detach()
            if scores:
                # A peeled plan changes the signature: kept only where it
                # is better by more than PEEL_MARGIN.
                chosen = min(
                    scores,
                    key=lambda v: (
                        scores[v] / (1 - PEEL_MARGIN) if v[3] else scores[v],
                        variants.index(v),
                    ),
                )
        object.__setattr__(self, "_forms", chosen[:2])
        object.__setattr__(self, "_along_path", chosen[4])
        if chosen[2]:
            if self.remarks:
                given = [scores[v] for v in scores if not v[2]]
                what = "peak" if slowdown is not None else "simulated time"
                why = (
                    f"the {what} is {_figure(scores[chosen], slowdown)} against "
                    f"{_figure(min(given), slowdown)} as given"
                    if given
                    else "it cannot be planned as given"
                )
                self.emit_remark(function, f"inlines its calls: {why}")
        if chosen[4] and self.remarks:
            alone = scores.get((*chosen[:4], False))
            what = "peak" if slowdown is not None else "simulated time"
            why = (
                f"the {what} is {_figure(scores[chosen], slowdown)} against "
                f"{_figure(alone, slowdown)} with its regions planned alone"
                if alone is not None
                else "it cannot be planned with its regions alone"
            )
            self.emit_remark(function, f"plans its early exit along the costlier path: {why}")
        trial = trials.get(chosen)
        if trial is not None and all(d.replayable for d in trial.diagnostics):
            # The plan applied is the trial's: its module takes the place
            # of this one's body, its diagnostics are emitted again.
            trial.adopt_into(module)
            self.statistics[name] = trial.statistics
            object.__setattr__(self, "_plan_statistics", trial.plan)
        else:
            if chosen[2]:
                problem = inline_calls_in(function, keep)
                assert problem is None, "inlined the same way on a copy"
            if chosen[3] and not self._peel(module, name, chosen[3]):
                # Nothing was split after all (upstream's peeling declined
                # every loop): planned as given.
                chosen = (*chosen[:3], 0, chosen[4])
            function = _find(module, name)
            self._offload_function(module, function, hardware, budget, slowdown)
        if chosen[2]:
            self.statistics[name]["inlined_calls"] = True
        if chosen[3] == UNROLL_FULL:
            self.statistics[name]["unrolled_fully"] = True
        elif chosen[3]:
            self.statistics[name]["peeled_iterations"] = chosen[3]
        if chosen[3]:
            # The new signature: [parameter, parameter as given, first row, rows].
            self.statistics[name]["split_parameters"] = [
                [number, *rows] for number, rows in slice_attributes(_find(module, name)).items()
            ]

    def _peel_counts(self, function: ir.Operation) -> list[int]:
        """The iterations to peel off ``function``'s loops (0: none; any
        other number also splits stacked parameters straight-line code
        reads at constant slices) to plan it with: ``peel-iterations``;
        ``auto`` is 0, 1 and 2 (AUTO_PEELS), each where a loop with a
        constant trip count (or a ``trip-count-bound``: peeled behind a
        guard) above it by 2 or more streams slices (1 also where
        straight-line code reads such slices; else 0: nothing would
        change). Two peeled iterations give the loop's first slices two
        layers of work to arrive behind: where the link is slower than a
        layer's work, the stalls of the iterations after them are paid
        once instead of in every iteration. ``auto`` also gives
        ``UNROLL_FULL`` where a loop with a constant trip count of 2 to
        ``unroll-full-threshold`` streams slices: every layer's weights
        then planned alone, as in straight-line code, each with the kind
        set the link has room for there."""
        if not self.stream_loops or self.peel_iterations == "0":
            return [0]
        streams = [s for s in find_slice_streams(function) if s.loop.name == "scf.for"]
        counts = AUTO_PEELS if self.peel_iterations == "auto" else (int(self.peel_iterations),)
        static = bool(find_static_streams(function))
        peels = [
            count
            for count in counts
            if any(s.trip_count > count + 1 for s in streams) or (static and count == counts[0])
        ]
        if self.peel_iterations != "auto":
            return peels or [0]
        if any(unrolls_fully(s, self.unroll_full_threshold) for s in streams):
            peels.append(UNROLL_FULL)
        return [0, *peels]

    def _peel(self, module: ir.Operation, name: str, count: int) -> bool:
        """Peel ``count`` iterations off the loops of function ``name``
        that read stacked parameters (``cache-peel-loop-slices``) and split
        those its straight-line code reads at constant slices into their
        slices (``cache-split-static-slices``), with their remarks; whether
        any parameter was split."""
        if count == UNROLL_FULL:
            function, remarks = peel_loop_slices(
                _find(module, name), 0, unroll_full_threshold=self.unroll_full_threshold
            )
        else:
            function, remarks = peel_loop_slices(_find(module, name), count)
        function, split = split_static_slices(function)
        if self.remarks:
            for where, message in [*remarks, *split]:
                self.emit_remark(where, message)
        return bool(slice_attributes(function))

    def _inline(self, module: ir.Operation) -> None:
        """Upstream ``inline`` with no cleanup pipeline: calls of functions
        with a body are replaced by their bodies, private functions no
        longer called are erased."""
        problem = upstream_inline(module)
        if problem is not None:
            raise self.fail(module, f"inline-calls: upstream inline failed: {problem}")

    def _offload_function(
        self,
        module: ir.Operation,
        function: ir.Operation,
        hardware: HardwareProfile,
        budget: Budget | None,
        slowdown: float | None,
    ) -> None:
        """Release, plan, schedule and verify ``function``; PassFailure once
        the error is emitted."""
        bound = self.dynamic_dim_bound or None
        # The per-weight form's choice is this function's (made by _stream).
        object.__setattr__(self, "_ahead", frozenset())
        name = ir.StringAttr(function.attributes["sym_name"]).value
        try:
            # The function as given: the report's 'before', and what a
            # percentage budget is of.
            given_liveness = BufferLiveness(function, dynamic_dim_bound=bound)
            given = simulate(function, hardware, liveness=given_liveness, timeline=False)
            given_figures: dict[str, object] | None = None
            limit_given = (
                budget.resolve(function, bound, given_liveness) if budget is not None else None
            )
            # Dead buffers are released first: it costs no copy.
            liveness, before = given_liveness, given
            if holds_dead_buffers(given_liveness):
                function, problem = release(function)
                if problem is not None:
                    self.emit_remark(
                        function,
                        "dead buffers are not released first: upstream "
                        f"optimize-allocation-liveness made this function invalid ({problem})",
                    )
                liveness = BufferLiveness(function, dynamic_dim_bound=bound)
                before = simulate(function, hardware, liveness=liveness, timeline=False)
            released = before
            if self.stream_loops and (
                find_slice_streams(function)
                or find_static_streams(function)
                or (self._callee_fetches and find_call_streams(function))
            ):
                # Read now: streaming erases the loop's ops (names are
                # printed only when read, otherwise).
                given_figures = figures(given_liveness, given)
                if limit_given is not None and self._meets(module, name, hardware, [], limit_given):
                    pass  # met without streaming: it would only cost time
                else:
                    function, liveness, before = self._stream(
                        module, name, hardware, liveness, before, slowdown, limit_given
                    )
            streamed_peak = before.peak_bytes
            flat = self._flatten_path(module, function, hardware)
            if flat is not None:
                liveness = BufferLiveness(function, dynamic_dim_bound=bound)
            elif self.plan_regions:
                planned = self._plan_regions(
                    module, name, hardware, liveness, slowdown, limit_given
                )
                if planned is not None:
                    function, liveness, before = planned
            if limit_given is not None:
                choice = _Choice(limit_given)
            else:
                assert slowdown is not None
                choice = self._search(
                    module, name, hardware, released.makespan_s, slowdown, liveness
                )
            limit = choice.limit
            if choice.headroom is not None:
                after, liveness = self._fill(function, hardware, choice, liveness)
            else:
                function, after, liveness = self._plan_within(
                    function, hardware, limit, liveness, choice.placement
                )
            if flat is not None:
                after, liveness = self._restore_branch(function, flat, hardware)
        except (LivenessError, SimulationError, PlanError) as err:
            raise self.fail(err.location, err.message) from None
        self._verify(function, after.peak_bytes, limit, liveness)
        self.statistics[name] = {
            "budget_bytes": limit,
            "peak_before_bytes": given.peak_bytes,
            "peak_released_bytes": released.peak_bytes,
            "peak_after_bytes": after.peak_bytes,
            "saved_by_release_bytes": given.peak_bytes - released.peak_bytes,
            "saved_by_streaming_bytes": released.peak_bytes - streamed_peak,
            "saved_by_regions_bytes": streamed_peak - before.peak_bytes,
            "saved_by_offload_bytes": before.peak_bytes - after.peak_bytes,
            "hardware": hardware.name,
            "before": given_figures or figures(given_liveness, given),
            "makespan_before_s": released.makespan_s,
            "makespan_after_s": after.makespan_s,
            "slowdown": (
                after.makespan_s / released.makespan_s - 1 if released.makespan_s else 0.0
            ),
            "exposed_s": after.exposed_s,
            "overlap_ratio": after.overlap_ratio,
            "plan": _fields(self._last_plan) if self._last_plan else None,
            "loop_streaming": self._loop_form,
            "planned_along_path": flat is not None,
            # In the per-weight form, the parameters pipelined (the others
            # streamed are fetched in each iteration).
            "streamed_ahead": (
                [f"%arg{n}" for n in sorted(self._pipelined)]
                if self._loop_form == "per-weight"
                else None
            ),
        }

    # -- steps -----------------------------------------------------------------

    def _stream(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        liveness: BufferLiveness,
        before: SimulationResult,
        slowdown: float | None,
        limit: int | None,
    ) -> tuple[ir.Operation, BufferLiveness, SimulationResult]:
        """Stream some of the weights loops of function ``name`` read slice
        by slice (or, with ``call-weights=callee``, that its callees can
        fetch, tried a weight kind at a time): largest first, each tried on
        a copy of the module, as long as the streamed function simulates
        within ``slowdown`` of ``before``; with a budget (``limit``), only
        until the planner can meet it (streaming costs the first slices'
        copies, and the link's pace where it is slower than the compute),
        the kind that met it weighed against the smaller ones that would
        (:meth:`_fastest_last`). The function as it is then, its liveness
        and simulation."""
        bound = self.dynamic_dim_bound or None
        function = _find(module, name)
        by_callees = find_call_streams(function) if self._callee_fetches else []
        fetched = {s.argument.arg_number for s in by_callees}
        candidates: list[SliceStream | StaticStream | CallStream] = [
            *find_slice_streams(function),
            *(s for s in find_static_streams(function) if s.argument.arg_number not in fetched),
            *by_callees,
        ]
        groups = sorted(
            _stream_groups(candidates),
            key=lambda group: -sum(s.slice_bytes * s.trip_count for s in group),
        )
        chosen: list[int] = []
        object.__setattr__(self, "_ahead", frozenset())
        last = _Added([], [], frozenset(), None, frozenset())
        met = False
        for group in groups:
            if limit is not None and chosen and self._meets(module, name, hardware, chosen, limit):
                met = True
                break
            numbers = [stream.argument.arg_number for stream in group]
            before_ahead = self._ahead
            streamed, ahead = self._streamed_form(
                module, name, hardware, chosen, group, slowdown is not None
            )
            if slowdown is not None:
                assert streamed is not None
                if streamed.makespan_s > before.makespan_s * (1 + slowdown):
                    if self.remarks:
                        stream = group[0]
                        looped = isinstance(stream, SliceStream)
                        how = (
                            "through the loop"
                            if looped
                            else "into its callees"
                            if isinstance(stream, CallStream)
                            else "slice by slice"
                        )
                        names = ", ".join(f"%arg{n}" for n in numbers)
                        self.emit_remark(
                            stream.loop if looped else function,
                            f"keeps {names} whole: streaming it {how} "
                            f"simulates {streamed.makespan_s / before.makespan_s - 1:.2%} "
                            "slower, over max-slowdown",
                        )
                    continue
            chosen.extend(numbers)
            object.__setattr__(self, "_ahead", ahead)
            last = _Added(group, numbers, before_ahead, streamed, ahead)
        if met and limit is not None:
            chosen = self._fastest_last(module, name, hardware, groups, chosen, last, limit)
        if not chosen:
            return function, liveness, before
        applied = _stream_arguments(
            function,
            set(chosen),
            hardware,
            self._pipelined,
            self._callee_fetches,
            self._distance,
            self._in_place,
        )
        function = applied.function
        if self.remarks:
            for where, message, _ in applied.remarks:
                self.emit_remark(where, message)
            if applied.static:
                self.emit_remark(function, describe(applied.static))
            if applied.by_callee:
                names = ", ".join(f"%arg{n}" for n in applied.by_callee)
                self.emit_remark(function, f"{names} fetched by a clone of the callee per call")
        streamed_liveness = BufferLiveness(function, dynamic_dim_bound=bound)
        streamed = simulate(function, hardware, liveness=streamed_liveness, timeline=False)
        return function, streamed_liveness, streamed

    def _streamed_form(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        chosen: list[int],
        group: list[SliceStream | StaticStream | CallStream],
        simulated: bool,
    ) -> tuple[SimulationResult | None, frozenset[int]]:
        """Function ``name`` simulated with ``chosen`` and ``group``
        streamed, and the parameters then pipelined: in the per-weight form
        a loop's group in whichever of its two forms is faster (fetched in
        each iteration, one slice on the device, or one iteration ahead,
        two; on a tie the former); otherwise as the form says, simulated
        only if ``simulated``."""
        numbers = [stream.argument.arg_number for stream in group]
        ahead = self._ahead
        tried = [*chosen, *numbers]
        if (
            self._loop_form == "per-weight"
            and isinstance(group[0], SliceStream)
            and group[0].loop.name == "scf.for"
        ):
            trials = [
                (self._simulate_streamed(module, name, hardware, tried, form), form)
                for form in (ahead, ahead | set(numbers))
            ]
            return min(trials, key=lambda trial: trial[0].makespan_s)
        if simulated:
            return self._simulate_streamed(module, name, hardware, tried), ahead
        return None, ahead

    def _fastest_last(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        groups: list[list[SliceStream | StaticStream | CallStream]],
        chosen: list[int],
        last: _Added,
        limit: int,
    ) -> list[int]:
        """Under a budget, the group streamed last (largest first: the one
        that met ``limit``) or a smaller one not streamed that meets it too,
        whichever simulates faster: the largest kinds first overshoot, and
        at decode every byte streamed is link time (on the 16-layer 7B scan
        at 60%, the three MLP kinds: +455%; two of them and ``wq``: +341%).
        The parameters then streamed; the pipelined set is set to match."""
        base = chosen[: len(chosen) - len(last.numbers)]

        def size(candidate: list[SliceStream | StaticStream | CallStream]) -> int:
            return sum(s.slice_bytes * s.trip_count for s in candidate)

        taken = set(chosen)
        candidates = [last.group] + [
            other
            for other in groups
            if size(other) < size(last.group) and not taken & {s.argument.arg_number for s in other}
        ]
        best: tuple[float, list[int], frozenset[int]] | None = None
        for candidate in candidates:
            object.__setattr__(self, "_ahead", last.ahead_before)
            numbers = [stream.argument.arg_number for stream in candidate]
            if candidate is last.group and last.streamed is not None:
                # Simulated when it was added (the per-weight form's choice).
                streamed, ahead = last.streamed, last.ahead
            elif candidate is last.group or self._meets(
                module, name, hardware, [*base, *numbers], limit
            ):
                streamed, ahead = self._streamed_form(module, name, hardware, base, candidate, True)
            else:
                continue
            assert streamed is not None
            if best is None or streamed.makespan_s < best[0]:
                best = (streamed.makespan_s, numbers, ahead)
        assert best is not None, "the group that met the budget is an option"
        if self.remarks and best[1] != last.numbers:
            self.emit_remark(
                _find(module, name),
                f"streams {', '.join(f'%arg{n}' for n in best[1])} instead of "
                f"{', '.join(f'%arg{n}' for n in last.numbers)}: the budget is met either way, "
                "and this simulates faster",
            )
        object.__setattr__(self, "_ahead", best[2])
        return [*base, *best[1]]

    def _flatten_path(
        self, module: ir.Operation, function: ir.Operation, hardware: HardwareProfile
    ) -> FlatPath | None:
        """Where the form being planned is along the path and ``function``
        ends in an early exit, make it the straight line of its costlier
        path (:mod:`hyperoffload.transforms.branch_paths`); what restoring
        the branch needs, else None."""
        if not getattr(self, "_along_path", False):
            return None
        branch = find_path_branch(function, hardware)
        if branch is None:
            return None
        name = ir.StringAttr(function.attributes["sym_name"]).value
        taken = {
            ir.StringAttr(op.attributes["sym_name"]).value
            for op in module.regions[0].blocks[0].operations
            if "sym_name" in op.attributes
        }
        stash = next(
            candidate
            for n in itertools.count()
            if (candidate := f"{name}__other_path{n or ''}") not in taken
        )
        return flatten_path(function, branch, stash)

    def _restore_branch(
        self, function: ir.Operation, flat: FlatPath, hardware: HardwareProfile
    ) -> tuple[SimulationResult, BufferLiveness]:
        """Give ``function``, planned along its costlier path, its early
        exit back; its simulation (its peak the larger of both paths') and
        liveness. PlanError where the plan cannot be given it back."""
        try:
            branch = restore_branch(function, flat)
        except PathError as err:
            raise PlanError(function.location, f"planned along its costlier path: {err}") from None
        bound = self.dynamic_dim_bound or None
        liveness = BufferLiveness(function, dynamic_dim_bound=bound)
        after = simulate(function, hardware, liveness=liveness, timeline=False)
        worst = max(
            (path.peak_bytes for path in simulate_paths(function, hardware, liveness)),
            default=after.peak_bytes,
        )
        if worst > after.peak_bytes:
            if self.remarks:
                self.emit_remark(
                    branch,
                    f"the exit path peaks higher ({format_bytes(worst)}) than the path simulated",
                )
            after = dataclasses.replace(after, peak_bytes=worst)
        return after, liveness

    def _plan_regions(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        liveness: BufferLiveness,
        slowdown: float | None,
        limit: int | None,
    ) -> tuple[ir.Operation, BufferLiveness, SimulationResult] | None:
        """Plan inside the regions of each ``scf.if`` of function ``name``
        the parameters nothing outside it uses
        (:mod:`hyperoffload.analysis.branch_regions`): each region's ops
        moved into a function of their own
        (:mod:`hyperoffload.transforms.region_functions`), planned within
        ``slowdown`` of that function's own time or, with a budget
        (``limit``), within what the budget leaves beside the buffers held
        across the ``scf.if`` that the region does not use and that stay
        (the planner cannot move them, or another region uses them); then
        moved back. A parameter two regions use is decided by the first:
        moved to the pool there, the others must fetch it too; kept, they
        keep it.
        A region whose plan fails is left as it was (its ops copies of
        those it had); where it shared parameters, the whole ``scf.if``
        goes back as it was and is planned again without them. The
        function as it is then, its liveness and simulation; None where it
        has no such region."""
        bound = self.dynamic_dim_bound or None
        function = _find(module, name)
        if not find_branch_regions(function, liveness):
            return None
        names = itertools.count()
        ordinal = 0
        current = liveness
        while (
            branches := _branches_of_if(function, find_branch_regions(function, current), ordinal)
        ) is not None:
            ordinal += 1
            if not branches:
                continue
            snapshot = function.clone()
            if self._plan_if(module, function, branches, names, hardware, slowdown, limit):
                snapshot.erase()
            else:
                # A region sharing parameters failed: the scf.if as it was,
                # planned again with the shared parameters left out.
                ir.InsertionPoint(function).insert(snapshot)
                function.erase()
                function = snapshot
                current = BufferLiveness(function, dynamic_dim_bound=bound)
                branches = _branches_of_if(
                    function, find_branch_regions(function, current), ordinal - 1
                )
                assert branches is not None, "the same function as before"
                alone = [
                    dataclasses.replace(
                        b, arguments=[n for n in b.arguments if n not in b.shared], shared=[]
                    )
                    for b in branches
                ]
                self._plan_if(
                    module, function, [b for b in alone if b.arguments], names, hardware,
                    slowdown, limit,
                )  # fmt: skip
            current = BufferLiveness(function, dynamic_dim_bound=bound)
        after = BufferLiveness(function, dynamic_dim_bound=bound)
        return function, after, simulate(function, hardware, liveness=after, timeline=False)

    def _plan_if(
        self,
        module: ir.Operation,
        function: ir.Operation,
        branches: list[BranchRegion],
        names: Iterator[int],
        hardware: HardwareProfile,
        slowdown: float | None,
        limit: int | None,
    ) -> bool:
        """Plan ``branches`` (regions of one ``scf.if`` of ``function``) in
        order, as :meth:`_plan_regions` says; False where a region that
        shares parameters could not be planned (the IR is then to be
        thrown away)."""
        bound = self.dynamic_dim_bound or None
        name = ir.StringAttr(function.attributes["sym_name"]).value
        arguments = function.regions[0].blocks[0].arguments
        pooled: dict[int, bool] = {}  # a shared parameter: moved to the pool?
        for branch in branches:
            planned = [n for n in branch.arguments if pooled.get(n) is not False]
            forced = frozenset(n for n in branch.shared if pooled.get(n))
            region_limit = None
            if limit is not None:
                current = BufferLiveness(function, dynamic_dim_bound=bound)
                planner = make_planner(function, hardware, limit, self, current)
                movable = {c.root for c in planner.candidates if c.reason is None}
                region_limit = limit - _held_beside(current, branch, movable)
                if region_limit <= 0:
                    if forced:
                        return False
                    continue
            body_name = f"{name}__region{next(names)}"
            outlined = outline_region(
                function, branch.op, branch.region, planned, body_name, forced
            )
            pristine = _find(module, body_name).clone()
            try:
                self._plan_outlined(module, body_name, hardware, slowdown, region_limit)
                pristine.erase()
            except (LivenessError, SimulationError, PlanError):
                if branch.shared:
                    pristine.erase()
                    _find(module, body_name).erase()
                    return False
                # Not planned: the region goes back as it was.
                failed = _find(module, body_name)
                ir.InsertionPoint(failed).insert(pristine)
                failed.erase()
            try:
                inline_region(function, outlined, _find(module, body_name))
            except ValueError:
                _find(module, body_name).erase()
                return False
            for number in branch.shared:
                pooled.setdefault(number, is_remote(arguments[number].type))
        return True

    def _plan_outlined(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        slowdown: float | None,
        limit: int | None,
    ) -> None:
        """Plan and schedule function ``name`` (a region moved out): the
        smallest peak within ``slowdown`` of its own time, or ``limit``."""
        bound = self.dynamic_dim_bound or None
        function = _find(module, name)
        liveness = BufferLiveness(function, dynamic_dim_bound=bound)
        if limit is not None:
            choice = _Choice(limit)
        else:
            assert slowdown is not None
            before = simulate(function, hardware, liveness=liveness, timeline=False)
            choice = self._search(module, name, hardware, before.makespan_s, slowdown, liveness)
        if choice.headroom is not None:
            self._fill(function, hardware, choice, liveness)
        else:
            self._plan_within(function, hardware, choice.limit, liveness, choice.placement)

    def _unoffloaded_planner(
        self, function: ir.Operation, hardware: HardwareProfile, liveness: BufferLiveness
    ) -> OffloadPlanner:
        """A planner for ``function`` whose budget is its unoffloaded peak:
        the larger of the simulated one and the planner's step model's,
        which holds a loop's buffers for all of it (nothing offloaded must
        always be a choice)."""
        planner = make_planner(function, hardware, liveness.peak_bytes, self, liveness)
        planner.budget = max(liveness.peak_bytes, int(planner.base_profile().max(initial=0)))
        return planner

    def _simulate_streamed(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        arguments: list[int],
        pipelined: bool | frozenset[int] | None = None,
    ) -> SimulationResult:
        """The simulation of function ``name`` with ``arguments`` streamed
        (on a copy of the module), pipelined as the form being planned says
        or as ``pipelined`` does."""
        _held, function = self._streamed_copy(module, name, hardware, arguments, pipelined)
        return simulate(
            function, hardware, dynamic_dim_bound=self.dynamic_dim_bound or None, timeline=False
        )

    def _streamed_copy(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        arguments: list[int],
        pipelined: bool | frozenset[int] | None = None,
    ) -> tuple[ir.Operation, ir.Operation]:
        """A copy of ``module`` and its function ``name`` with ``arguments``
        streamed in the form being planned (pipelined as ``pipelined`` says,
        if given); the function lives as long as the copy is held."""
        copy = module.clone()
        streamed = _stream_arguments(
            _find(copy, name),
            set(arguments),
            hardware,
            self._pipelined if pipelined is None else pipelined,
            self._callee_fetches,
            self._distance,
            self._in_place,
        )
        return copy, streamed.function

    def _meets(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        arguments: list[int],
        limit: int,
    ) -> bool:
        """Whether the planner can meet ``limit`` with ``arguments`` of
        function ``name`` streamed (on a copy of the module)."""
        _held, function = self._streamed_copy(module, name, hardware, arguments)
        liveness = BufferLiveness(function, dynamic_dim_bound=self.dynamic_dim_bound or None)
        try:
            return (
                self._unoffloaded_planner(function, hardware, liveness).plan().min_feasible_bytes
                <= limit
            )
        except PlanError:
            return False

    @property
    def _last_plan(self) -> PlanStatistics | None:
        return getattr(self, "_plan_statistics", None)

    def _plan_and_schedule(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        limit: int,
        liveness: BufferLiveness | None = None,
        placement: Placement = "room",
        decisions: bool = True,
    ) -> PlanStatistics:
        """Plan (raising PlanError, emitting nothing), then schedule;
        ``liveness`` is that of ``function`` as it is now, if known;
        without ``decisions`` (a trial) the statistics list none."""
        statistics = plan_and_rewrite(
            function, hardware, limit, self, liveness, placement, decisions
        )
        if self.strategy == "ours":
            self._schedule(function, hardware, limit)
        return statistics

    def _schedule(self, function: ir.Operation, hardware: HardwareProfile, limit: int) -> None:
        schedule_function(
            function,
            hardware,
            limit,
            self.max_inflight,
            self.dynamic_dim_bound or None,
            self.reorder_compute,
        )

    def _apply(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        limit: int,
        liveness: BufferLiveness | None,
        placement: Placement,
    ) -> None:
        statistics = self._plan_and_schedule(function, hardware, limit, liveness, placement)
        self._record(function, statistics)

    def _record(self, function: ir.Operation, statistics: PlanStatistics) -> None:
        """Keep the applied plan's statistics; remark on it if asked."""
        object.__setattr__(self, "_plan_statistics", statistics)
        if self.remarks:
            self.remark(function, statistics)

    def _plan_within(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        limit: int,
        liveness: BufferLiveness,
        placement: Placement = "room",
    ) -> tuple[ir.Operation, SimulationResult, BufferLiveness]:
        """Offload ``function`` so its *simulated* peak fits ``limit``.

        The planner's step model can miss copies queued on an engine, so a
        plan that overshoots is undone (the function is replaced by a copy
        taken before) and made again for a budget smaller by the overshoot.
        Returns the function (possibly the replacement), its simulation and
        its liveness. ``liveness`` is that of ``function`` as given.
        """
        bound = self.dynamic_dim_bound or None
        pristine = function.clone()
        internal = limit
        best: int | None = None
        for attempt in range(MAX_ATTEMPTS):
            given: BufferLiveness | None = liveness if not attempt else None
            if attempt:
                replacement = pristine.clone()
                ir.InsertionPoint(function).insert(replacement)
                function.erase()
                function = replacement
            try:
                self._apply(function, hardware, internal, given, placement)
            except PlanError:
                if best is None:
                    raise  # infeasible for the budget itself
                break  # a smaller budget is infeasible: report the best plan
            after = BufferLiveness(function, dynamic_dim_bound=bound)
            result = simulate(function, hardware, liveness=after, timeline=False)
            if result.peak_bytes <= limit:
                return function, result, after
            best = result.peak_bytes if best is None else min(best, result.peak_bytes)
            internal -= result.peak_bytes - limit
            if internal <= 0:
                break
        raise PlanError(
            function.location,
            f"budget of {limit} bytes is infeasible with strategy '{self.strategy}': the "
            f"smallest peak reached by offloading is {best} bytes (simulated, after "
            f"{MAX_ATTEMPTS} plans at most)",
        )

    def _verify(
        self, function: ir.Operation, peak: int, limit: int, liveness: BufferLiveness
    ) -> None:
        violations = check_schedule(function, liveness)
        for violation in violations:
            self.emit_error(violation.location, violation.message)
        if peak > limit:
            self.emit_error(
                function,
                f"simulated device-memory peak {peak} bytes exceeds the budget of "
                f"{limit} bytes ({format_bytes(limit)}) after offloading",
            )
        if violations or peak > limit:
            raise self.failure(function, "offloaded schedule does not verify")

    def _search(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        base_makespan: float,
        slowdown: float,
        liveness: BufferLiveness,
    ) -> _Choice:
        """The plan with the smallest simulated peak within ``slowdown``:
        the smallest budget the greedy planner meets (bisection) with the
        partner placement that did, or (``ours``) a link-filling plan if
        one simulates a smaller peak (``liveness``: that of the function
        ``name`` as it is now)."""
        function = _find(module, name)
        planner = self._unoffloaded_planner(function, hardware, liveness)
        high = planner.budget
        low = planner.plan().min_feasible_bytes
        best = _Choice(high)
        best_peak = high
        limit_makespan = base_makespan * (1 + slowdown)
        while high - low > max(1, int(BISECTION_RESOLUTION * best.limit)):
            middle = (low + high) // 2
            trial = self._trial(module, name, hardware, middle, limit_makespan)
            if trial is not None:
                best = _Choice(middle, trial[0])
                best_peak = trial[1]
                high = middle
            else:
                low = middle
        if self.strategy == "ours":
            filled = self._fill_search(
                module, name, hardware, limit_makespan, limit_makespan - base_makespan, liveness
            )
            if filled is not None and filled.limit < best_peak:
                return filled
        return best

    def _trial(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        limit: int,
        limit_makespan: float,
    ) -> tuple[Placement, int] | None:
        """The first partner placement (for ``ours``: room, then ideal, whose
        queued copies the schedule pass may still hide) whose scheduled
        plan for ``limit`` stays within the makespan and the budget, with
        its simulated peak."""
        placements = PLACEMENTS if self.strategy == "ours" else PLACEMENTS[:1]
        for placement in placements:
            copy = module.clone()
            function = _find(copy, name)
            try:
                self._plan_and_schedule(
                    function, hardware, limit, placement=placement, decisions=False
                )
            except PlanError:
                continue
            bound = self.dynamic_dim_bound or None
            result = simulate(function, hardware, dynamic_dim_bound=bound, timeline=False)
            if result.makespan_s <= limit_makespan and result.peak_bytes <= limit:
                return placement, result.peak_bytes
        return None

    def _fill_search(
        self,
        module: ir.Operation,
        name: str,
        hardware: HardwareProfile,
        limit_makespan: float,
        stall_s: float,
        liveness: BufferLiveness,
    ) -> _Choice | None:
        """The link-filling plan (:mod:`hyperoffload.analysis.link_fill`)
        with the smallest simulated peak within the makespan: every headroom
        planned in the step model with each stall of :data:`FILL_SLACKS`
        (none, a quarter, a half and all of the ``stall_s`` the slowdown
        allows: a plan that stalls less may keep less, so trying only the
        two ends made a larger slowdown cut less), the best few of each
        scheduled and simulated."""
        planner = make_planner(_find(module, name), hardware, 0, self, liveness)
        trials: list[tuple[int, float]] = []
        seen: set[tuple[tuple[int, int, int], ...]] = set()
        for slack in sorted({stall_s * fraction for fraction in FILL_SLACKS}):
            planned: list[tuple[int, int, tuple[tuple[int, int, int], ...]]] = []
            for headroom in headrooms(planner):
                statistics = fill_link(planner, headroom, slack)
                if statistics is None:
                    return None
                planned.append((statistics.planned_peak, headroom, placed_gaps(planner)))
            for _, headroom, gaps in sorted(planned, key=lambda p: p[:2])[:FILL_TRIALS]:
                if gaps not in seen:  # a plan another stall made already
                    seen.add(gaps)
                    trials.append((headroom, slack))
        best: _Choice | None = None
        bound = self.dynamic_dim_bound or None
        for headroom, slack in trials:
            copy = module.clone()
            function = _find(copy, name)
            trial = _Choice(0, headroom=headroom, slack_s=slack)
            if self._fill_and_schedule(function, hardware, trial, decisions=False) is None:
                return None
            result = simulate(function, hardware, dynamic_dim_bound=bound, timeline=False)
            if result.makespan_s <= limit_makespan and (
                best is None or result.peak_bytes < best.limit
            ):
                best = dataclasses.replace(trial, limit=result.peak_bytes)
        return best

    def _fill_and_schedule(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        choice: _Choice,
        liveness: BufferLiveness | None = None,
        decisions: bool = True,
    ) -> PlanStatistics | None:
        """Plan by link filling (``choice``'s headroom and slack) and
        rewrite, then schedule within the planned peak; None where link
        filling does not apply; without ``decisions`` (a trial) the
        statistics list none."""
        assert choice.headroom is not None
        statistics = fill_and_rewrite(
            function, hardware, choice.headroom, self, liveness, choice.slack_s, decisions
        )
        if statistics is not None:
            self._schedule(function, hardware, statistics.planned_peak)
        return statistics

    def _fill(
        self,
        function: ir.Operation,
        hardware: HardwareProfile,
        choice: _Choice,
        liveness: BufferLiveness,
    ) -> tuple[SimulationResult, BufferLiveness]:
        """Apply the link-filling plan the search chose; its simulation and
        liveness after."""
        statistics = self._fill_and_schedule(function, hardware, choice, liveness)
        assert statistics is not None, "the search applied it to a copy"
        self._record(function, statistics)
        bound = self.dynamic_dim_bound or None
        after = BufferLiveness(function, dynamic_dim_bound=bound)
        return simulate(function, hardware, liveness=after, timeline=False), after


@dataclasses.dataclass(frozen=True)
class _Choice:
    """How to plan a function: the greedy planner for a budget (``limit``)
    with a partner placement, or (``headroom`` set) link filling, whose
    simulated peak ``limit`` is."""

    limit: int
    placement: Placement = "room"
    headroom: int | None = None
    slack_s: float = 0.0


def _fields(statistics: PlanStatistics) -> dict[str, object]:
    """The plan's fields as a dict; unlike dataclasses.asdict it does not
    deep-copy (its decisions are plain dicts already)."""
    return {f.name: getattr(statistics, f.name) for f in dataclasses.fields(statistics)}


def _stream_groups(
    candidates: list[SliceStream | StaticStream | CallStream],
) -> list[list[SliceStream | StaticStream | CallStream]]:
    """The candidates tried together: each loop or static stream alone;
    the weights callees would fetch by the callee parameter they are
    passed to (every layer's ``wq`` together: one trial per weight kind,
    not per layer)."""
    groups: list[list[SliceStream | StaticStream | CallStream]] = []
    by_parameter: dict[tuple[str, int], list[SliceStream | StaticStream | CallStream]] = {}
    for stream in candidates:
        if not isinstance(stream, CallStream):
            groups.append([stream])
            continue
        call, index = stream.calls[0]
        key = (callee_symbol(call) or "", index)
        if key not in by_parameter:
            by_parameter[key] = []
            groups.append(by_parameter[key])
        by_parameter[key].append(stream)
    return groups


@dataclasses.dataclass(frozen=True)
class _Added:
    """A group of weights :meth:`HyperOffloadPipelinePass._stream` added:
    its parameters, the parameters pipelined before and after it, and the
    function simulated with it where that was done when it was added."""

    group: list[SliceStream | StaticStream | CallStream]
    numbers: list[int]
    ahead_before: frozenset[int]
    streamed: SimulationResult | None
    ahead: frozenset[int]


# (loop streaming, call weights, inlined, peeled iterations, along the path)
_Variant = tuple[str, str, bool, int, bool]


def _then_peeled(
    variants: list[_Variant],
    peels: list[int],
    scores: dict[_Variant, float],
    ahead: Sequence[str] = (),
) -> Iterator[_Variant]:
    """``variants``, then (appended to it, as it is planned) each of
    ``peels`` in the loop and call forms of the best of those that
    ``scores`` has, as given (not inlined), once they are all planned;
    where that loop form is ``pipelined``, also in the loop forms
    ``ahead``: ``two-ahead`` the most peeled (prefetching further ahead
    pays where the peeled iterations give the link a lead to keep), any
    other with the peeling that planned best pipelined (``in-place``: where
    the link is behind, prefetching into the memory freed costs little
    time); never unrolled fully (``UNROLL_FULL``: no loop is left to
    prefetch ahead in)."""
    yield from list(variants)
    planned = [v for v in variants if v in scores and not v[2]]
    if not planned:
        return
    best = min(planned, key=lambda v: (scores[v], variants.index(v)))
    for peel in peels:
        variant = (best[0], best[1], False, peel, best[4])
        variants.append(variant)
        yield variant
    # Unrolled fully, no loop is left to prefetch ahead in.
    looped = [peel for peel in peels if peel != UNROLL_FULL]
    if looped and best[0] == "pipelined":
        pipelined = [
            v
            for v in variants
            if v[:3] == best[:3] and v[4] == best[4] and v in scores and v[3] != UNROLL_FULL
        ]
        least = min(pipelined, key=lambda v: (scores[v], variants.index(v)))[3]
        for form in ahead:
            # Two ahead keeps the lead the most peeled iterations give; in
            # place saves memory where pipelined planned best.
            peel = max(looped) if form == "two-ahead" else least
            variant = (form, best[1], False, peel, best[4])
            variants.append(variant)
            yield variant


@dataclasses.dataclass
class _Streamed:
    """What :func:`_stream_arguments` did: the function (the loop streaming
    may put a copy in its place), the loops' remarks, the parameters the
    callees fetch and the straight-line streams."""

    function: ir.Operation
    remarks: list[tuple[ir.Operation, str, list[str]]]
    by_callee: list[int]
    static: list[StaticStream]


def _stream_arguments(
    function: ir.Operation,
    arguments: set[int],
    hardware: HardwareProfile,
    pipelined: bool | frozenset[int] = True,
    callees: bool = False,
    distance: int = 1,
    in_place: bool = False,
) -> _Streamed:
    """Stream the parameters ``arguments`` of ``function``: through their
    loops (``pipelined`` or not, ``distance`` iterations ahead, ``in_place``
    or not), fetched by
    a clone of the callee per call site (with ``callees``), or slice by
    slice in straight-line code, each prefetch issued when its copy starts
    on ``hardware``."""
    function, remarks = stream_function(function, arguments, pipelined, distance, in_place)
    by_callee = stream_call_arguments(function, arguments) if callees else []
    static = stream_static(function, arguments - set(by_callee))
    issue_in_function(function, hardware)
    if slice_attributes(function):
        # Iterations were peeled off: the loop's first slices can be
        # fetched behind their work.
        issue_ahead_in_function(function, hardware)
    if distance > 1:
        # The slices a loop's first iterations wait for: as soon as the
        # link is free.
        issue_carried_in_function(function, hardware)
    return _Streamed(function, remarks, by_callee, static)


@dataclasses.dataclass(frozen=True)
class _Diagnostic:
    """A diagnostic a trial plan emitted, to emit again."""

    location: ir.Location
    severity: object
    message: str
    notes: bool

    @staticmethod
    def of(diagnostic: ir.Diagnostic) -> _Diagnostic:
        return _Diagnostic(
            diagnostic.location,
            diagnostic.severity,
            diagnostic.message,
            bool(diagnostic.notes),
        )

    @property
    def replayable(self) -> bool:
        """Whether :meth:`emit` gives the same diagnostic (not one with
        notes, nor a note alone)."""
        return not self.notes and self.severity != ir.DiagnosticSeverity.NOTE

    def emit(self) -> None:
        from hyperoffload import _native

        severities = {
            ir.DiagnosticSeverity.ERROR: _native.Severity.ERROR,
            ir.DiagnosticSeverity.WARNING: _native.Severity.WARNING,
            ir.DiagnosticSeverity.REMARK: _native.Severity.REMARK,
        }
        _native.emit_diagnostic(self.location, severities[self.severity], self.message)


@dataclasses.dataclass
class _Trial:
    """A form planned on a copy of the module: the copy, the function's
    statistics and plan, and the diagnostics planning emitted."""

    module: ir.Operation
    statistics: dict[str, object]
    plan: PlanStatistics | None
    diagnostics: list[_Diagnostic]

    def adopt_into(self, module: ir.Operation) -> None:
        """Give ``module`` the copy's ops and attributes (planning the copy
        again there would give the same), then emit its diagnostics."""
        body = module.regions[0].blocks[0]
        for op in list(body.operations):
            op.operation.erase()
        for op in list(self.module.regions[0].blocks[0].operations):
            body.append(op.operation)
        attributes = self.module.attributes
        for index in range(len(attributes)):
            named = attributes[index]
            module.attributes[named.name] = named.attr
        for diagnostic in self.diagnostics:
            diagnostic.emit()


_INLINE_BARRIER = "hyperoffload.inline_barrier"


def _figure(score: float, slowdown: float | None) -> str:
    """A variant's score as words: a peak under ``max-slowdown``, else a time."""
    return format_bytes(int(score)) if slowdown is not None else f"{score * 1e3:.3f} ms"


def inlinable_calls(function: ir.Operation, keep: Collection[str] = ()) -> list[ir.Operation]:
    """The ``func.call`` ops of ``function`` upstream ``inline`` would
    inline: of a function with a body in the module, not one of ``keep``,
    without ``no_inline``."""
    module = module_of(function)
    assert module is not None, "a function of a module"
    return [
        op
        for op in walk_preorder(function)
        if (callee := callee_symbol(op)) is not None
        and callee not in keep
        and "no_inline" not in op.attributes
        and function_named(module, callee) is not None
    ]


def inline_calls_in(function: ir.Operation, keep: Collection[str] = ()) -> str | None:
    """Inline the calls of ``function`` (and those the inlined bodies bring,
    to a fixed point) with upstream ``inline``, no cleanup pipeline; every
    other call of the module, every call of a function in ``keep`` and a
    call of a function already inlined (recursion) is left as it is
    (upstream's ``no_inline``, set for the run and taken off after).
    Private functions no call refers to any more are erased, as upstream
    does. None, or upstream's error message (the module may then be partly
    inlined)."""
    module = module_of(function)
    assert module is not None, "a function of a module"
    unit = ir.UnitAttr.get(module.context)
    direct = set(inlinable_calls(function, keep))
    # The functions inlined so far: a call of one again, brought by a body,
    # is recursion, and stays.
    inlined = {callee_symbol(op) for op in direct}
    for op in walk_preorder(module):
        if op.name == "func.call" and "no_inline" not in op.attributes and op not in direct:
            op.attributes["no_inline"] = unit
            op.attributes[_INLINE_BARRIER] = unit
    problem = None
    try:
        # Each round inlines the calls the bodies inlined before brought
        # (copies of barred calls: their barrier is lifted in the function).
        for _ in range(_INLINE_ROUNDS):
            problem = upstream_inline(module)
            if problem is not None:
                break
            brought = [
                op
                for op in walk_preorder(function)
                if _INLINE_BARRIER in op.attributes
                and (callee := callee_symbol(op)) not in keep
                and callee not in inlined
                and function_named(module, callee or "") is not None
            ]
            if not brought:
                break
            for op in brought:
                inlined.add(callee_symbol(op))
                del op.attributes["no_inline"]
                del op.attributes[_INLINE_BARRIER]
    finally:
        for op in walk_preorder(module):
            if _INLINE_BARRIER in op.attributes:
                del op.attributes["no_inline"]
                del op.attributes[_INLINE_BARRIER]
    return problem


# Nested calls inlined at most this deep.
_INLINE_ROUNDS = 16


def upstream_inline(module: ir.Operation) -> str | None:
    """Run upstream ``inline`` (no cleanup pipeline) on ``module``: None,
    or the message of its first error."""
    from mlir import passmanager

    pass_manager = passmanager.PassManager.parse(
        "builtin.module(inline{default-pipeline=})", module.context
    )
    try:
        pass_manager.run(module)
    except ir.MLIRError as err:
        return err.error_diagnostics[0].message if err.error_diagnostics else str(err)
    return None


def bound_loops(module: ir.Operation, trips: int) -> int:
    """Give each loop of ``module`` whose trip count is not a constant (and
    that has no bound yet) the bound ``trips``; how many."""
    marked = 0
    for op in walk_preorder(module):
        if op.name not in ("scf.for", "scf.while") or TRIP_COUNT_BOUND in op.attributes:
            continue
        if op.name == "scf.for" and constant_trip_count(op) is not None:
            continue
        set_trip_count_bound(op, trips)
        marked += 1
    return marked


def _find(module: ir.Operation, name: str) -> ir.Operation:
    function = function_named(module, name)
    if function is None:
        raise KeyError(name)
    return function


def holds_dead_buffers(liveness: BufferLiveness) -> bool:
    """Whether a buffer's ``memref.dealloc`` comes later than right after
    its last use (upstream ownership-based deallocation frees at the end of
    the block), in the function ``liveness`` is of: then the pipeline frees
    them first (:func:`hyperoffload.transforms.release_dead_buffers.release`)."""
    names = liveness.order.names
    return any(
        buffer.freed_by == "memref.dealloc"
        and buffer.last_use is not None
        and any(names[p] != "memref.dealloc" for p in range(buffer.last_use + 1, buffer.freed_at))
        for buffer in liveness.buffers
    )


def _branches_of_if(
    function: ir.Operation, regions: list[BranchRegion], ordinal: int
) -> list[BranchRegion] | None:
    """The regions of ``regions`` that belong to the ``ordinal``-th
    ``scf.if`` or ``scf.for`` of ``function``'s body that has some ([] where
    it has none); None past the last."""
    ifs = [
        op.operation
        for op in function.regions[0].blocks[0].operations
        if op.operation.name in REGION_OPS
    ]
    if ordinal >= len(ifs):
        return None
    return [branch for branch in regions if branch.op == ifs[ordinal]]


def _held_beside(liveness: BufferLiveness, branch: BranchRegion, movable: set[int]) -> int:
    """Device bytes held across ``branch``'s ``scf.if`` by buffers its
    region does not use that stay there: those the planner cannot move
    (``movable``: the root indices of its candidates) and those another
    region of the ``scf.if`` uses (held for all of it). What a budget
    leaves the region is the rest."""
    span = region_span(liveness, branch.op, branch.region)
    position = liveness.order.position_of(branch.op)
    if span is None or position is None:
        return 0
    by_position = liveness.accesses_by_position()

    def used_within(first: int, last: int) -> set[int]:
        return {
            root
            for at, accesses in by_position.items()
            if first <= at <= last
            for root, _ in accesses
        }

    used = used_within(*span)
    held = used_within(position, liveness.order.end[position]) - used
    return sum(
        buffer.size
        for index, buffer in enumerate(liveness.buffers)
        if index not in used
        and (index not in movable or index in held)
        and buffer.is_live_in_memory_at(position)
    )


def _parse_slowdown(text: str) -> float:
    stripped = text.strip()
    try:
        value = float(stripped[:-1]) / 100 if stripped.endswith("%") else float(stripped)
    except ValueError:
        raise ValueError(f"expected a slowdown such as 1% or 0.01, got '{text}'") from None
    if value < 0:
        raise ValueError(f"a slowdown cannot be negative, got '{text}'")
    return value
