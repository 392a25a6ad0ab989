"""``cache-schedule-transfers``: issue prefetches early enough to hide them.

Execution-order refinement (the HyperOffload paper's): for the transfers in
the function body,

- each ``cache.wait`` on prefetch tokens is sunk to just before the first
  use of the buffers it covers (split into one wait per first use);
- each ``cache.prefetch`` is placed so its copy completes before its first
  use and starts as late as that allows: latest deadline first, each copy
  takes the latest free window of the copy engine that ends by its first
  use, so copies never overlap and their start order is the issue order
  (the engine serves copies FIFO); never before the values it depends on,
  never where the device memory it holds would exceed ``budget`` (a
  written-back buffer counts until its copy to the pool ends), and with
  at most ``max-inflight`` prefetches issued and not yet waited at any
  point. A prefetch that cannot be hidden starts as early as allowed.

Times come from the cost model of ``hw`` (compute only). Evicts stay where
they are.

Before: cache IR (e.g. from ``cache-plan-offload``). After: the same ops in
a new order, which passes ``cache-verify-schedule`` whenever the input did;
the simulated peak stays within ``budget`` when the input's did.

With ``reorder-compute``, compute that does not depend on a wait that
still blocks moves above it (see :func:`fill_stalls`), in program order,
while the simulated makespan drops.

Conservative: only ops in the function body move; transfers inside loops
and branches stay where they are (prefetching across loop iterations is
future work: software-pipeline the loop, prefetching iteration i+1's data
in iteration i); a wait that covers a write-back's token stays in place.

Example (a 1 s copy, 1 s steps)::

    %c = linalg.fill ...           // step 1
    %d, %t = cache.prefetch %w ...
    cache.wait %t
    linalg.copy ins(%d ...)

becomes::

    %d, %t = cache.prefetch %w ...
    %c = linalg.fill ...
    cache.wait %t
    linalg.copy ins(%d ...)
"""

from __future__ import annotations

import dataclasses

import numpy as np
from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.cost_model import CostModel, static_times_at
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.loop_slices import is_streamed_slice
from hyperoffload.dialects import cache
from hyperoffload.hardware import HardwareProfile, ProfileError, load_profile
from hyperoffload.transforms.budget import Budget
from hyperoffload.transforms.pass_base import (
    ModulePass,
    dynamic_dim_bound_option,
    functions_option,
    hw_option,
    option,
)


@dataclasses.dataclass(frozen=True)
class ScheduleTransfersPass(ModulePass):
    """Hoist prefetches and sink waits so copies overlap compute."""

    name = "cache-schedule-transfers"
    summary = "Hoist prefetches and sink waits so transfers hide behind compute."

    budget: str = dataclasses.field(
        default="",
        metadata={"help": "device-memory budget the schedule must keep (empty: none)"},
    )
    hw: str = hw_option()
    max_inflight: int = option(0, "most prefetches issued and not yet waited (0: no limit)")
    reorder_compute: bool = option(
        False, "move independent compute before stalled waits to hide their copies"
    )
    dynamic_dim_bound: int = dynamic_dim_bound_option()
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        try:
            hardware = load_profile(self.hw)
            budget = Budget.parse(self.budget) if self.budget else None
        except (ValueError, ProfileError) as err:
            raise self.fail(module, str(err)) from None
        failed = False
        for function in self.structured_functions(module):
            bound = self.dynamic_dim_bound or None
            try:
                limit = budget.resolve(function, bound) if budget is not None else None
                schedule_function(
                    function, hardware, limit, self.max_inflight, bound, self.reorder_compute
                )
            except LivenessError as err:
                # The others are still scheduled; the pass fails at the end.
                self.emit_error(err.location, err.message)
                failed = True
        if failed:
            raise self.failure(module, "a function cannot be scheduled")


@dataclasses.dataclass
class _Transfer:
    prefetch: int  # its position
    step: int
    lower: int
    first_use: int
    size: int
    seconds: float
    wait: int = -1
    free: int = -1


def schedule_function(
    function: ir.Operation,
    hardware: HardwareProfile,
    budget: int | None,
    max_inflight: int = 0,
    dynamic_dim_bound: int | None = None,
    reorder_compute: bool = False,
) -> None:
    """Sink the waits, then place the prefetches, of one function; with
    ``reorder_compute``, then fill the stalls that remain."""
    unchanged = _sink_waits(function, dynamic_dim_bound)
    _hoist_prefetches(function, hardware, budget, max_inflight, dynamic_dim_bound, unchanged)
    if reorder_compute:
        fill_stalls(function, hardware, dynamic_dim_bound)


def _body(function: ir.Operation) -> list[ir.Operation]:
    return [op.operation for op in function.regions[0].blocks[0].operations]


def _first_uses(
    function: ir.Operation, dynamic_dim_bound: int | None
) -> tuple[BufferLiveness, list[int], dict[int, int]]:
    """Liveness, the body step of every program position, and for each
    prefetch in the body (by position; not the streamed slices of
    ``cache-stream-loop-slices``) the step of the first use of its buffer."""
    liveness = BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound, strict_sizes=False)
    order = liveness.order
    step_of = order.body_steps()
    first_use: dict[int, int] = {}
    for position in order.body_positions():
        if order.names[position] != "cache.prefetch":
            continue
        if is_streamed_slice(order.ops[position]):
            continue  # placed by cache-stream-loop-slices, around its loop
        root = liveness.root_defined_at(position)
        uses = [
            step_of[u.position]
            for u in (root.uses if root is not None else ())
            if u.op_name != "cache.wait"
        ]
        first_use[position] = min(uses) if uses else step_of[order.end_position]
    return liveness, step_of, first_use


_Analysis = tuple[BufferLiveness, list[int], dict[int, int]]


def _sink_waits(function: ir.Operation, dynamic_dim_bound: int | None) -> _Analysis | None:
    """Move each wait to the first use of its buffer; returns the analysis
    it made if no wait moved (still that of the function), else None."""
    analysis = _first_uses(function, dynamic_dim_bound)
    liveness, _, first_use = analysis
    order = liveness.order
    positions = order.body_positions()
    last = len(positions) - 1
    moved = False
    for index, position in enumerate(positions):
        if order.names[position] != "cache.wait":
            continue
        # Tokens by the position of their prefetch (first_use's keys).
        tokens = order.tokens(position)
        if not tokens or any(token not in first_use for token in tokens):
            continue
        groups: dict[int, list[int]] = {}
        for token in tokens:
            groups.setdefault(first_use[token], []).append(token)
        if len(groups) == 1 and min(next(iter(groups)), last) == index + 1:
            continue  # already right before the first use
        moved = True
        op = order.ops[position]
        for step, group in sorted(groups.items()):
            anchor = order.ops[positions[min(step, last)]]
            with ir.InsertionPoint(anchor), op.location:
                cache.wait([order.ops[token].results[1] for token in group])
        op.erase()
    return None if moved else analysis


def _hoist_prefetches(
    function: ir.Operation,
    hardware: HardwareProfile,
    budget: int | None,
    max_inflight: int,
    dynamic_dim_bound: int | None,
    analysis: _Analysis | None = None,
) -> None:
    liveness, step_of, first_use = analysis or _first_uses(function, dynamic_dim_bound)
    order = liveness.order
    positions = order.body_positions()  # the liveness is of the function as it is
    names = [order.names[p] for p in positions]
    count = len(positions)
    model = CostModel(hardware)
    start = np.zeros(count + 1)
    start[1:] = np.cumsum(static_times_at(model, order, positions))
    profile = liveness.step_profile(step_of)
    _hold_write_backs(profile, liveness, step_of, start, hardware)

    transfers: list[_Transfer] = []
    # The first wait of each prefetch's token (tokens by prefetch position).
    waits: dict[int, int] = {}
    for index, name in enumerate(names):
        if name == "cache.wait":
            for token in order.tokens(positions[index]):
                waits.setdefault(token, index)
    for position, use in first_use.items():
        op = order.ops[position]
        step = step_of[position]
        # Not before the source and the tokens it depends on are defined.
        source = order.defining_position(op.operands[0])
        defined = [-1 if source is None else source, *order.tokens(position)]
        lower = max(step_of[d] if d >= 0 else -1 for d in defined) + 1
        root = liveness.root_defined_at(position)
        assert root is not None, "a prefetch defines its buffer"
        transfer = _Transfer(
            position, step, lower, use, root.size, hardware.transfer_seconds(root.size, True)
        )
        transfer.wait = waits.get(position, use)
        transfer.free = step_of[root.freed_at]
        transfers.append(transfer)
    # Latest deadline first: each copy takes the latest free window of the
    # engine that ends by its first use, so copies never overlap and their
    # start order is the issue order the engine serves. Each is issued there,
    # or later until the memory it holds fits the budget and the in-flight
    # limit holds (in flight from issue up to and including its wait: an op
    # issued right before the wait still overlaps it); at the latest, right
    # before its wait. The loop is C++ (hyperoffloadPlaceTransfers).
    transfers.sort(key=lambda t: (t.first_use, t.step), reverse=True)
    points, begins = _native.place_transfers(
        start,
        profile,
        _native.Transfers(
            step=[t.step for t in transfers],
            lower=[t.lower for t in transfers],
            first_use=[t.first_use for t in transfers],
            wait=[t.wait for t in transfers],
            free_at=[t.free for t in transfers],
            nbytes=[t.size for t in transfers],
            seconds=[t.seconds for t in transfers],
        ),
        budget,
        max_inflight,
    )
    moves = sorted(
        zip(begins.tolist(), points.tolist(), transfers, strict=True),
        key=lambda move: (move[0], move[1]),
    )
    # Issue in the order the engine serves them, after the frees at the
    # point (the profile counts a buffer freed at a step as gone there).
    # Anchors are ops that stay put: never another prefetch being placed.
    moving = {transfer.step for transfer in transfers}
    placed: list[tuple[int, int]] = []
    for _, point, transfer in moves:
        anchor = min(point, count - 1)
        while anchor < count - 1 and (
            names[anchor] in ("cache.evict", "memref.dealloc") or anchor in moving
        ):
            anchor += 1
        placed.append((transfer.prefetch, positions[anchor]))
    order.ops.move_before(placed)


def _hold_write_backs(
    profile: np.ndarray,
    liveness: BufferLiveness,
    step_of: list[int],
    start: np.ndarray,
    hardware: HardwareProfile,
) -> None:
    """Count each written-back buffer in ``profile`` until its copy to the
    pool ends, not just up to its evict (where the step profile frees it):
    the simulator returns the memory when the copy completes, and a
    prefetch hoisted into that window would hold its own buffer on top.
    The copies run in program order on the device->pool engines, each from
    the start of its evict's step in compute time: an estimate (an evict
    waiting on tokens starts later), which the pipeline's simulation after
    scheduling still checks against the budget."""
    writers = liveness.positions_writing_kept_roots()
    written_back = sorted(
        (b.freed_at, b.size)
        for b in liveness.device_buffers
        if b.freed_by == "cache.evict" and b.freed_at in writers
    )
    if not written_back:
        return
    engines = [0.0] * max(1, hardware.copy_engines_per_direction)
    steps = np.empty(len(written_back), dtype=np.int64)
    ends = np.empty(len(written_back))
    for index, (position, size) in enumerate(written_back):
        steps[index] = step = step_of[position]
        engine = min(range(len(engines)), key=engines.__getitem__)
        begin = max(float(start[step]), engines[engine])
        ends[index] = engines[engine] = begin + hardware.transfer_seconds(size, False)
    sizes = np.fromiter((size for _, size in written_back), dtype=np.int64)
    until = np.maximum(np.searchsorted(start, ends, side="left"), steps)
    delta = np.zeros(len(profile) + 1, dtype=np.int64)
    np.add.at(delta, steps, sizes)
    np.subtract.at(delta, until, sizes)
    profile += np.cumsum(delta[:-1])


# Ops looked at after a stalled wait, and moves tried per function.
REORDER_WINDOW = 32
MAX_REORDER_MOVES = 256

_READS = frozenset({"read", "read-write", "unknown"})


def fill_stalls(
    function: ir.Operation, hardware: HardwareProfile, dynamic_dim_bound: int | None = None
) -> int:
    """Move compute that does not depend on a stalled wait to just before it,
    so it runs while the copy completes.

    An op moves above the ops between the wait and itself only if it is a
    linalg op or an op without regions that allocates and frees nothing and
    declares its effects; uses no value those ops define; writes no buffer
    they touch and reads none they write; and uses no prefetched buffer
    waited at or after that wait. A move is kept only if the simulated
    makespan drops; the first one that does not ends the wait's candidates
    (the later ones were checked assuming it moved). No allocation moves.
    Returns the number of ops moved.
    """
    from hyperoffload.sim.simulator import simulate

    def makespan() -> float:
        return simulate(
            function, hardware, dynamic_dim_bound=dynamic_dim_bound, timeline=False
        ).makespan_s

    moved = attempts = 0
    current = makespan()
    settled: set[ir.Operation] = set()
    while attempts < MAX_REORDER_MOVES:
        wait = _first_stalled_wait(function, hardware, dynamic_dim_bound, settled)
        if wait is None:
            break
        improved = False
        for op in _independent_ops(function, wait, dynamic_dim_bound):
            if attempts >= MAX_REORDER_MOVES:
                break
            attempts += 1
            body = _body(function)
            index = next(i for i, o in enumerate(body) if o == op)
            back = body[index + 1]
            op.move_before(wait)
            after = makespan()
            if after < current:
                current, moved, improved = after, moved + 1, True
            else:
                # Later candidates were checked assuming this one moved.
                op.move_before(back)
                break
        if not improved:
            settled.add(wait)
    return moved


def _first_stalled_wait(
    function: ir.Operation,
    hardware: HardwareProfile,
    dynamic_dim_bound: int | None,
    settled: set[ir.Operation],
) -> ir.Operation | None:
    """The first wait in the function body that blocks, and is not settled."""
    from hyperoffload.sim.simulator import simulate

    liveness = BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound, strict_sizes=False)
    result = simulate(function, hardware, liveness=liveness)
    for interval in result.intervals:
        if interval.track != "stall":
            continue
        position = int(interval.args["position"])  # type: ignore[call-overload]
        op = liveness.order.ops[position]
        if liveness.order.parent[position] == 0 and op not in settled:
            return op
    return None


def _independent_ops(
    function: ir.Operation, wait: ir.Operation, dynamic_dim_bound: int | None
) -> list[ir.Operation]:
    """Ops after ``wait`` (within the window) that may move right above it."""
    liveness = BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound, strict_sizes=False)
    order = liveness.order
    body = _body(function)
    start = next(i for i, op in enumerate(body) if op == wait)
    effects: dict[int, dict[int, str]] = {}
    for index, buffer in enumerate(liveness.buffers):
        for use in buffer.uses:
            effects.setdefault(use.position, {})[index] = use.effect
    # Prefetched buffers not yet waited for above the wait's position.
    pending: set[int] = set()
    for op in body[start:]:
        if op.name != "cache.wait":
            continue
        for token in op.operands:
            owner = token.owner
            if not isinstance(owner, ir.Block) and owner.operation.name == "cache.prefetch":
                pending.update(liveness.root_indices(owner.operation.results[0]))
    found: list[ir.Operation] = []
    defined: set[ir.Operation] = set()
    read: set[int] = set()
    written: set[int] = set()
    for index in range(start, min(len(body) - 1, start + REORDER_WINDOW)):
        op = body[index]
        position = order.position_of(op)
        mine = effects.get(position, {}) if position is not None else {}
        my_reads = {b for b, e in mine.items() if e in _READS}
        my_writes = {b for b, e in mine.items() if e not in ("read", "none")}
        if (
            index > start
            and _may_move(op, mine, defined)
            and not (my_writes & (read | written) or my_reads & written)
            and not set(mine) & pending
        ):
            found.append(op)
            continue  # it moves away: later ops need not step around it
        defined.add(op)
        read |= my_reads
        written |= my_writes
    return found


def _may_move(op: ir.Operation, effects: dict[int, str], defined: set[ir.Operation]) -> bool:
    name = op.name
    if name.startswith("cache.") or name in ("memref.alloc", "memref.alloca", "memref.dealloc"):
        return False
    if name == "func.return" or (len(op.regions) and _native.linalg_inputs(op) is None):
        return False
    if any(effect in ("unknown", "free") or "alloc" in effect for effect in effects.values()):
        return False
    for operand in op.operands:
        owner = operand.owner
        if not isinstance(owner, ir.Block) and owner.operation in defined:
            return False
    return True
