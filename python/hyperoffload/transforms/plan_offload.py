"""``cache-plan-offload``: move buffers to the remote pool so the peak fits a budget.

Chooses which parameters, constant globals and activations live in the
remote pool over which gaps between their uses
(:mod:`hyperoffload.analysis.offload_plan`), then rewrites the function:

- an offloaded parameter gets a ``#cache.remote`` type (the signature
  changes), an offloaded global a ``#cache.remote`` type read by one
  ``memref.get_global`` at the function's start;
- before each run of uses that follows an offloaded gap: a
  ``cache.prefetch`` at the planned point and a ``cache.wait`` right before
  the first use; the uses in the run read the prefetched buffer; views
  (``expand_shape``, ``collapse_shape``, ``subview``, casts, ...) made
  before the gap and used after it are made again on the prefetched
  buffer after the wait;
- after each run followed by an offloaded gap: a ``cache.evict``, dropping a
  clean copy, writing back a written one (an activation into a pool buffer
  allocated beside it, a parameter into itself); a prefetch of written-back
  data depends on the write-back's token; written-back parameters are
  waited for before ``return``.

Before: a function without cache ops (but those of
``cache-stream-loop-slices``, planned around). After: a schedule that passes
``cache-verify-schedule`` and whose peak, in the planner's step model,
fits the budget (the simulator confirms it: run ``cache-verify-schedule``).
If no plan fits, the pass fails with the smallest peak it reached.

``strategy=ours`` takes hidden copies largest buffer first
(``prefer=largest``) or most time away per second of copying
(``prefer=streaming``); ``prefer=auto`` plans both (the second only when
the first exposes a copy) and keeps the less exposed.

A buffer that an op nested in a region reads or writes (a ``memref.load``
in a ``linalg.generic`` payload from a table captured from above) is used
by the region op: the prefetched copy replaces it inside the region too.

A function whose body has several blocks (``cf`` branches and loops) is
first lifted to ``scf`` by upstream's ``lift-cf-to-scf``.

Conservative: a function whose branches cannot be lifted (a terminator
with successors that is not a ``BranchOpInterface``) is left unchanged,
with a remark where its peak meets the budget and an error where it does
not; buffers used through a view nested in a region
(or an op that is not a view, such as ``memref.dim``), buffers returned,
dynamic sizes and globals shared with other functions are left on the
device (the reason is
in the statistics and, with ``remarks=true``, a remark); an op with regions
is one step, so a loop's buffers are fetched before it and evicted after
(``hyper-offload-pipeline`` plans the weights one branch of an ``scf.if``
alone uses inside that branch first).

Example (``budget=1KiB``, 256xf32 is 1 KiB)::

    func.func @f(%a: memref<256xf32>, %b: memref<256xf32>, %o: memref<256xf32>) {
      linalg.copy ins(%a : memref<256xf32>) outs(%o : memref<256xf32>)
      linalg.add ins(%o, %b : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
      return
    }

becomes:: (prefetch points as the strategy places them)


    func.func @f(%a: memref<256xf32, #cache.remote>, %b: memref<256xf32, #cache.remote>,
                 %o: memref<256xf32>) {
      %da, %ta = cache.prefetch %a : ... -> memref<256xf32>
      cache.wait %ta
      linalg.copy ins(%da : memref<256xf32>) outs(%o : memref<256xf32>)
      %ea = cache.evict %da : memref<256xf32>
      %db, %tb = cache.prefetch %b : ... -> memref<256xf32>
      cache.wait %tb
      linalg.add ins(%o, %db : ...) outs(%o : memref<256xf32>)
      %eb = cache.evict %db : memref<256xf32>
      return
    }
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from typing import Literal

from mlir import ir
from mlir.dialects import memref

from hyperoffload import _native
from hyperoffload.analysis.link_fill import fill_link
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.loop_slices import is_streamed_slice
from hyperoffload.analysis.offload_plan import (
    KINDS,
    REBUILT_VIEWS,
    Candidate,
    OffloadPlanner,
    Placement,
    PlanError,
    PlanStatistics,
    global_symbol,
    plan_preferring,
)
from hyperoffload.dialects import cache
from hyperoffload.hardware import HardwareProfile, ProfileError, load_profile
from hyperoffload.ir_utils import update_function_type, walk_preorder
from hyperoffload.transforms.budget import Budget
from hyperoffload.transforms.pass_base import (
    ModulePass,
    budget_option,
    dynamic_dim_bound_option,
    functions_option,
    hw_option,
    option,
)

_PRIORITY_EVICT, _PRIORITY_PREFETCH, _PRIORITY_WAIT = 0, 1, 2


@dataclasses.dataclass(frozen=True)
class PlanOptions(ModulePass):
    """The options of planning, shared with ``hyper-offload-pipeline``."""

    budget: str = budget_option()
    hw: str = hw_option()
    strategy: Literal["ours", "on-demand", "distance"] = option(
        "ours", "planner: ours, or a baseline"
    )
    prefer: Literal["auto", "largest", "streaming"] = option(
        "auto",
        "ours: hidden copies taken first, largest buffers or streaming (most time away "
        "per second of copying); auto plans both and keeps the less exposed",
    )
    offload: tuple[str, ...] = option(KINDS, "kinds of buffers that may be offloaded")
    distance_threshold: int = option(4, "distance strategy: smallest gap offloaded, in ops")
    prefetch_distance: int = option(2, "distance strategy: ops between prefetch and use")
    dynamic_dim_bound: int = dynamic_dim_bound_option()
    remarks: bool = option(False, "emit a remark for every candidate decision")
    functions: tuple[str, ...] = functions_option()

    def remark(self, function: ir.Operation, statistics: PlanStatistics) -> None:
        """One remark for the plan (its order, its estimated exposed copy
        time), then one per candidate: offloaded, or kept and why."""
        self.emit_remark(
            function,
            f"planned in {statistics.order} order: {statistics.estimated_exposed_s:.3g} s "
            "of copies estimated exposed",
        )
        for decision in statistics.decisions:
            if decision["offloaded"]:
                text = f"offloads {decision['buffer']} ({decision['size_bytes']} bytes)"
            elif decision["memory_space"]:
                text = f"leaves {decision['buffer']} where it is: {decision['reason']}"
            else:
                text = f"keeps {decision['buffer']} on the device: {decision['reason']}"
            self.emit_remark(function, text)


@dataclasses.dataclass(frozen=True)
class PlanOffloadPass(PlanOptions):
    """Choose what lives in the remote pool and insert the transfers."""

    name = "cache-plan-offload"
    summary = "Offload parameters, globals and activations so the peak fits a budget."

    def run(self, module: ir.Operation) -> None:
        if not self.budget:
            raise self.fail(module, "cache-plan-offload needs a budget (budget=...)")
        unknown = set(self.offload) - set(KINDS)
        if unknown:
            raise self.fail(
                module,
                f"unknown kind(s) in offload=: {', '.join(sorted(unknown))} "
                f"(known: {', '.join(KINDS)})",
            )
        try:
            budget = Budget.parse(self.budget)
            hardware = load_profile(self.hw)
        except (ValueError, ProfileError) as err:
            raise self.fail(module, str(err)) from None
        bound = self.dynamic_dim_bound or None
        # Each function is planned alone: one that cannot be reports its
        # error and the others are still planned (the pass fails at the end).
        failed = [
            not self.plan_function(function, budget, hardware)
            for function in self.structured_functions(module, budget, bound)
        ]
        if any(failed):
            raise self.failure(module, "a function cannot be planned")

    def plan_function(
        self, function: ir.Operation, budget: Budget, hardware: HardwareProfile
    ) -> bool:
        """Plan ``function``; False once the error saying why not is emitted."""
        existing = [op for op in walk_preorder(function) if op.name.startswith("cache.")]
        planned = _planned_transfer(existing)
        if planned is not None:
            self.emit_error(
                planned,
                "cache-plan-offload plans functions without cache ops (other than the "
                "streamed slices of cache-stream-loop-slices); run cache-strip-transfers first",
            )
            return False
        bound = self.dynamic_dim_bound or None
        try:
            liveness = BufferLiveness(function, dynamic_dim_bound=bound)
            statistics = plan_and_rewrite(
                function,
                hardware,
                budget.resolve(function, bound, liveness),
                self,  # type: ignore[arg-type]
                liveness,
            )
        except (PlanError, LivenessError) as err:
            self.emit_error(err.location, err.message)
            return False
        name = ir.StringAttr(function.attributes["sym_name"]).value
        self.statistics[name] = statistics
        if self.remarks:
            self.remark(function, statistics)
        return True


def _planned_transfer(cache_ops: list[ir.Operation]) -> ir.Operation | None:
    """The first of ``cache_ops`` that a plan made, if any: all but the
    transfers of ``cache-stream-loop-slices``, which prefetch views of
    parameters already in the pool (that the planner never moves) and drop
    them without writing back. Planning around those is planning the rest
    of the function."""
    for op in cache_ops:
        if op.name == "cache.prefetch":
            if not is_streamed_slice(op):
                return op
        elif op.name == "cache.evict":
            if ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])[1]:
                return op
    return None


def make_planner(
    function: ir.Operation,
    hardware: HardwareProfile,
    budget: int,
    options: PlanOptions,
    liveness: BufferLiveness | None = None,
    placement: Placement = "room",
) -> OffloadPlanner:
    """The planner of ``function`` with the options of ``options`` (and the
    current liveness of ``function``, if the caller has it; ``placement``:
    see OffloadPlanner)."""
    return OffloadPlanner(
        function,
        hardware,
        budget,
        strategy=options.strategy,
        kinds=options.offload,
        distance_threshold=options.distance_threshold,
        prefetch_distance=options.prefetch_distance,
        dynamic_dim_bound=options.dynamic_dim_bound or None,
        liveness=liveness,
        placement=placement,
    )


def plan_and_rewrite(
    function: ir.Operation,
    hardware: HardwareProfile,
    budget: int,
    options: PlanOptions,
    liveness: BufferLiveness | None = None,
    placement: Placement = "room",
    decisions: bool = True,
) -> PlanStatistics:
    """Plan ``function`` with the options of ``options`` and rewrite it
    (``decisions``: whether the statistics list them, see
    :meth:`OffloadPlanner._statistics`).

    Raises PlanError (infeasible) or LivenessError, emitting nothing.
    """
    planner = make_planner(function, hardware, budget, options, liveness, placement)
    statistics = plan_preferring(planner, options.prefer, decisions)
    _Rewriter(planner).run()
    return statistics


def fill_and_rewrite(
    function: ir.Operation,
    hardware: HardwareProfile,
    headroom: int,
    options: PlanOptions,
    liveness: BufferLiveness | None = None,
    slack_s: float = 0.0,
    decisions: bool = True,
) -> PlanStatistics | None:
    """Plan ``function`` by link filling with ``headroom`` bytes and
    ``slack_s`` seconds of stall
    (:func:`hyperoffload.analysis.link_fill.fill_link`) and rewrite it; None,
    with the function unchanged, where link filling does not apply."""
    planner = make_planner(function, hardware, 0, options, liveness)
    statistics = fill_link(planner, headroom, slack_s, decisions=decisions)
    if statistics is not None:
        _Rewriter(planner).run()
    return statistics


# A use's owner: its position in the walk, or an op the walk did not see.
_Owner = int | ir.Operation


@dataclasses.dataclass
class _View:
    """A view op of a buffer, at a step of the function's body."""

    op: ir.Operation
    step: int
    source: ir.Value
    result: ir.Value
    uses: list[tuple[int, _Owner, int]]  # (step, owner, operand number)


def _operands_in(
    uses: list[tuple[int, _Owner, int]], first: int, last: int
) -> list[tuple[_Owner, int]]:
    """The (owner, operand number) of the ``uses`` (by step) in steps
    ``first`` to ``last``."""
    begin = bisect.bisect_left(uses, first, key=lambda item: item[0])
    end = bisect.bisect_right(uses, last, key=lambda item: item[0])
    return [(owner, number) for _, owner, number in uses[begin:end]]


def _rebuild(
    view: _View,
    by_result: dict[ir.Value, _View],
    rebuilt: dict[ir.Value, ir.Value],
    before: ir.Operation,
) -> ir.Value:
    """``view`` made again, before ``before``, on what its source was made
    into (``rebuilt``: the root's copy, and the views made so far)."""
    made = rebuilt.get(view.result)
    if made is None:
        source = rebuilt.get(view.source)
        if source is None:
            source = _rebuild(by_result[view.source], by_result, rebuilt, before)
        clone = view.op.clone(ip=ir.InsertionPoint(before))
        clone.operands[0] = source
        made = rebuilt[view.result] = clone.results[0]
    return made


class _Rewriter:
    """Inserts the planned ops (see the module docstring).

    Insertions are collected as (step, priority, builder) and built in that
    order right before the step's op, so evicts come before prefetches and
    prefetches before waits at one point, and a builder sees the values the
    earlier ones made. The cache ops are built in C++
    (:func:`hyperoffload._native.build_prefetch` and friends) and uses are
    read and rewired in batches through the walk's
    :class:`~hyperoffload._native.OperationList` (an owner the walk saw is
    its index there): a large function gets thousands of transfers, and a
    Python op and insertion point per use cost more than the rest of the
    rewrite.
    """

    def __init__(self, planner: OffloadPlanner) -> None:
        self.planner = planner
        self.function = planner.function
        self.steps = planner.steps
        self.ops = planner.liveness.order.ops
        # Builders take the op to build before.
        self.insertions: list[tuple[int, int, int, Callable[[ir.Operation], None]]] = []
        self.return_waits: list[ir.Value] = []  # write-back tokens
        self.replaced_globals: list[ir.Value] = []
        # Per root value, its uses of the original ops by step: (step, owner,
        # operand number).
        self.root_uses: dict[ir.Value, list[tuple[int, _Owner, int]]] = {}
        # Per root value, the views made of it (directly or of its views):
        # (view op, its step, the value it views, its result's uses by step).
        self.view_trees: dict[ir.Value, list[_View]] = {}

    def insert(self, step: int, priority: int, build: Callable[[ir.Operation], None]) -> None:
        self.insertions.append((step, priority, len(self.insertions), build))

    def run(self) -> None:
        chosen = [c for c in self.planner.candidates if c.offloaded_gaps]
        # Look the values up before the IR changes.
        roots = self.root_values(chosen)
        for candidate, values in zip(chosen, roots, strict=True):
            self.plan_candidate(candidate, values)
        if any(candidate.kind == "params" for candidate in chosen):
            update_function_type(self.function)
        for step, _, _, build in sorted(self.insertions, key=lambda item: item[:3]):
            build(self.steps.op(min(step, self.steps.count - 1)))
        # The builders hold this rewriter (a cycle through self.insertions):
        # dropping them lets the planner's objects go by reference counting
        # rather than wait for a garbage collection over all of them.
        self.insertions.clear()
        if self.return_waits:
            _native.build_wait(self.steps.op(self.steps.count - 1), self.return_waits)
        # The original reads of an offloaded global: every use now reads the
        # prefetched copies, so only the read at the function's start stays.
        for old in self.replaced_globals:
            if next(iter(old.uses), None) is None:
                old.owner.operation.erase()

    def step_at(self, owner: _Owner) -> int:
        """:meth:`step_of` a use's owner: its position's step where the walk
        saw it (no Python op made)."""
        if isinstance(owner, int):
            return self.steps.step_of[owner]
        return self.step_of(owner)

    def step_of(self, op: ir.Operation) -> int:
        """The step of an op of the original function; -1 for ops added since."""
        order = self.planner.liveness.order
        current = op
        while current != self.function:
            position = order.position_of(current)
            if position is not None:
                return self.steps.step_of[position]
            parent = current.parent
            if parent is None:
                break
            current = parent.operation
        return -1

    # -- one candidate ---------------------------------------------------------

    def plan_candidate(self, candidate: Candidate, roots: list[ir.Value]) -> None:
        planner = self.planner
        offloaded = {planner.gaps[i].after: planner.gaps[i] for i in candidate.offloaded_gaps}
        device_type = ir.MemRefType(roots[0].type)
        remote_type = ir.MemRefType.get(
            list(device_type.shape),
            device_type.element_type,
            memory_space=cache.remote_memory_space(),
            loc=ir.Location.unknown(),
        )
        # The pool buffer, the device copy, the pending write-back's token
        # and the last prefetch's token.
        state: dict[str, ir.Value | None] = {"dev": None, "wb": None, "token": None}
        if candidate.kind == "params":
            self.retype_argument(roots[0], remote_type)
            state["pool"] = roots[0]
            pool_valid = True
        elif candidate.kind == "globals":
            state["pool"] = self.remote_global(candidate, roots, remote_type)
            pool_valid = True
        else:
            alloc = roots[0].owner.operation
            with ir.InsertionPoint.after(alloc), alloc.location:
                state["pool"] = memref.alloc(remote_type, [], [])
            state["dev"] = roots[0]
            pool_valid = False

        if not candidate.uses:
            return  # never used here: moving it to the pool is all there is
        runs: list[list[int]] = [[]]
        for use in candidate.uses:
            if runs[-1] and runs[-1][-1] in offloaded:
                runs.append([])
            runs[-1].append(use)

        for index, uses in enumerate(runs):
            first, last = uses[0], uses[-1]
            if index:
                incoming = offloaded[runs[index - 1][-1]]
            else:
                incoming = offloaded.get(-1)
            if incoming is not None:
                self.prefetch(state, min(incoming.prefetch_at, first), first, last, roots)
            written = any(first <= w <= last for w in candidate.writes)
            dirty = written or not pool_valid
            outgoing = offloaded.get(last)
            if outgoing is not None:
                self.evict(state, last + 1, dirty, outgoing.before >= self.steps.count)
                pool_valid = pool_valid or dirty
            elif candidate.kind == "activations":
                self.release_activation(state, roots)

    def prefetch(
        self,
        state: dict[str, ir.Value | None],
        point: int,
        first: int,
        last: int,
        roots: list[ir.Value],
    ) -> None:
        def build_prefetch(anchor: ir.Operation) -> None:
            pool = state["pool"]
            assert pool is not None
            dependencies = [state["wb"]] if state["wb"] is not None else []
            state["dev"], state["token"] = _native.build_prefetch(anchor, pool, dependencies)
            state["wb"] = None

        def build_wait(anchor: ir.Operation) -> None:
            token, device = state["token"], state["dev"]
            assert token is not None and device is not None
            _native.build_wait(anchor, [token])
            for root in roots:
                self.views_of(root)  # before this run's uses leave the root
            self.rewire(roots, first, last, device)
            self.rebuild_views(roots, first, last, device, anchor)

        self.insert(point, _PRIORITY_PREFETCH, build_prefetch)
        self.insert(first, _PRIORITY_WAIT, build_wait)

    def evict(
        self, state: dict[str, ir.Value | None], after: int, dirty: bool, is_final: bool
    ) -> None:
        def build(anchor: ir.Operation) -> None:
            device = state["dev"]
            assert device is not None
            if dirty:
                token = _native.build_evict(anchor, device, state["pool"])
                assert token is not None, "a write-back has a token"
                if is_final:
                    self.return_waits.append(token)
                else:
                    state["wb"] = token
            else:
                _native.build_evict(anchor, device)

        self.insert(after, _PRIORITY_EVICT, build)

    def release_activation(self, state: dict[str, ir.Value | None], roots: list[ir.Value]) -> None:
        """The last copy of an activation is freed where the original was:
        its ``memref.dealloc`` becomes a drop evict (or one is added before
        ``return``); the pool buffer is freed there too."""
        deallocs = [
            use.owner.operation
            for use in roots[0].uses
            if use.owner.operation.name == "memref.dealloc"
        ]
        step = self.step_of(deallocs[0]) if deallocs else self.steps.count - 1

        def build(anchor: ir.Operation) -> None:
            device, pool = state["dev"], state["pool"]
            assert device is not None and pool is not None
            replaced = bool(deallocs) and deallocs[0].parent.operation == self.function
            before = deallocs[0] if replaced else anchor
            _native.build_evict(before, device)
            with ir.InsertionPoint(before), before.location:
                memref.dealloc(pool)
            if replaced:
                deallocs[0].erase()

        self.insert(step, _PRIORITY_EVICT, build)

    # -- IR helpers ------------------------------------------------------------

    def root_values(self, candidates: list[Candidate]) -> list[list[ir.Value]]:
        """Per candidate, the values its buffer is born as: its argument, or
        the results of the allocs and get_globals of it, in program order."""
        planner = self.planner
        liveness = planner.liveness
        arguments = list(self.function.regions[0].blocks[0].arguments)
        born: dict[int, list[ir.Value]] = {
            c.root: [] for c in candidates if c.buffer.kind != "argument"
        }
        if born:
            order = liveness.order
            for position, name in enumerate(order.names):
                if name not in ("memref.get_global", "memref.alloc"):
                    continue
                result = order.ops[position].results[0]
                for root in liveness.root_indices(result):
                    if root in born:
                        born[root].append(result)
        values = []
        for candidate in candidates:
            if candidate.buffer.kind == "argument":
                index = planner.argument_of_root.get(candidate.root)
                values.append([] if index is None else [arguments[index]])
            else:
                values.append(born[candidate.root])
        return values

    def retype_argument(self, argument: ir.Value, remote_type: ir.Type) -> None:
        """Give a parameter its remote type (the function type follows in
        :func:`update_function_type`, once for all of them)."""
        argument.set_type(remote_type)

    def remote_global(
        self, candidate: Candidate, roots: list[ir.Value], remote_type: ir.Type
    ) -> ir.Value:
        symbol = candidate.buffer.name[1:]
        global_op = global_symbol(self.function, symbol)
        assert global_op is not None
        global_op.attributes["type"] = ir.TypeAttr.get(remote_type)
        first = self.function.regions[0].blocks[0].operations[0]
        with ir.InsertionPoint(first), first.location:
            value = memref.get_global(remote_type, symbol)
        for old in roots:
            old.set_type(remote_type)
        self.replaced_globals.extend(roots)
        return value

    def views_of(self, root: ir.Value) -> list[_View]:
        """The views of ``root`` in the function's body, parents first, as
        the IR was before any of its runs was rewired."""
        tree = self.view_trees.get(root)
        if tree is None:
            tree = []
            order = self.planner.liveness.order
            pending = [root]
            while pending:
                value = pending.pop(0)
                for owner, number in self.ops.uses(value):
                    # Name the user from the walk; make a Python op only of
                    # a view (an op the walk did not see comes as one).
                    if isinstance(owner, int):
                        if order.names[owner] not in REBUILT_VIEWS:
                            continue
                        op = self.ops[owner]
                    else:
                        op = owner
                    if number != 0 or op.name not in REBUILT_VIEWS:
                        continue
                    result = op.results[0]
                    view = _View(op, self.step_at(owner), value, result, self.uses_by_step(result))
                    tree.append(view)
                    pending.append(result)
            self.view_trees[root] = tree
        return tree

    def rebuild_views(
        self,
        roots: list[ir.Value],
        first: int,
        last: int,
        device: ir.Value,
        before: ir.Operation,
    ) -> None:
        """Uses in steps ``first`` to ``last`` of views made before
        ``first`` (of the buffer as it was before a gap in the pool) use
        the same chain of views rebuilt on the copy ``device``, right
        before ``before``."""
        for root in roots:
            tree = self.views_of(root)
            by_result = {view.result: view for view in tree}
            rebuilt: dict[ir.Value, ir.Value] = {root: device}
            for view in tree:
                if view.step >= first:
                    continue
                operands = _operands_in(view.uses, first, last)
                if operands:
                    value = _rebuild(view, by_result, rebuilt, before)
                    self.ops.set_operands(operands, value)

    def rewire(self, roots: list[ir.Value], first: int, last: int, device: ir.Value) -> None:
        """Make the uses of ``roots`` in steps ``first`` to ``last`` use
        ``device``."""
        for root in roots:
            uses = self.root_uses.get(root)
            if uses is None:
                # The steps of a root's uses, once: each run takes its slice.
                uses = self.root_uses[root] = self.uses_by_step(root)
            self.ops.set_operands(_operands_in(uses, first, last), device)

    def uses_by_step(self, value: ir.Value) -> list[tuple[int, _Owner, int]]:
        """The uses of ``value`` as (step, owner, operand number), by step:
        the owner as :meth:`OperationList.uses` gives it."""
        uses = self.ops.uses(value)
        found = [(self.step_at(owner), owner, number) for owner, number in uses]
        return sorted(found, key=lambda item: item[0])
