"""Issue each streamed prefetch when the link starts its copy, not before.

``cache-stream-loop-slices`` and ``cache-stream-static-slices`` issue a
slice's prefetch right after its view: every slice an iteration (or the
peeled first one) fetches is then issued at its top, and the simulator
(like the device) allocates a prefetch's device buffer when it is issued.
The copy engine serves prefetches first come first served, so where the
link is busy a prefetch issued early only waits in the queue holding its
device buffer: with seven weights fetched per iteration, a whole layer's
slices were on the device from the iteration's start (0.77 GiB peak on
the 16-layer Llama-7B scan at prefill within 1%, where the copies that
had started held 0.61 GiB).

:func:`issue_at_copy_start` moves each such prefetch down its block to
the last op boundary at which its copy would start anyway: its compute-time
timeline of the block (:func:`block_timeline`: ops take their cost-model
time, the copies issued in the block queue on one engine, a wait blocks
until its copies end) gives each copy's start, and the prefetch is issued
before the first op that begins after it. The copies keep their order
and, as far as the timeline sees, their start: the same makespan with
less memory held.

Conservative: only the streamed slices' prefetches move
(:func:`~hyperoffload.analysis.loop_slices.is_streamed_slice`: a view of
a parameter in the pool, which nothing in the function writes), and of
those only the ones whose every token use is a ``cache.wait`` in the
same block, the block's ``scf.yield`` or an ``scf.for`` in it (a
pipelined loop's next-iteration prefetches, their tokens carried to the
next iteration, and the slices fed to the loop before it, their tokens
carried into it, do; a token a nested op uses does not), never past a use
of their buffer (nor past the loop, nor past a wait on a token carried
into the block, whose stall the timeline does not see, unless it is a
prefetch's: its copy is ahead of this one on the engine anyway). The
timeline assumes the link is free at the block's start (a pipelined
iteration's link may still be copying what the iteration before issued:
the copy then starts later than the timeline says, and the prefetch is
issued before it starts, holding its buffer a little longer, never
later) and counts nested ops by
:func:`~hyperoffload.analysis.cost_model.static_time`, not their copies.
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.cost_model import CostModel, static_time
from hyperoffload.analysis.loop_slices import ancestor_in, is_streamed_slice, streamed_parameter
from hyperoffload.hardware import HardwareProfile
from hyperoffload.ir_utils import defining_op, walk_preorder
from hyperoffload.sizes import memref_bytes
from hyperoffload.transforms.strip_transfers import carried_token_arguments

# Seconds within which an op boundary counts as no later than a copy start.
_EPSILON = 1e-12


@dataclasses.dataclass
class BlockTimeline:
    """Compute-time timeline of one block: when each op begins (a wait
    ends when its copies do) and, for each ``cache.prefetch`` (by index in
    ``ops``), when its copy starts and ends on the one engine."""

    ops: list[ir.Operation]
    begin: list[float]
    copies: dict[int, tuple[float, float]]
    end: float

    def stall(self, index: int) -> float:
        """How long the op at ``index`` (a wait: until its copies end)
        holds up the ops after it."""
        after = self.begin[index + 1] if index + 1 < len(self.ops) else self.end
        return after - self.begin[index]


def block_timeline(
    block: ir.Block,
    hardware: HardwareProfile,
    known: dict[ir.Operation, _Facts] | None = None,
) -> BlockTimeline:
    """The timeline of ``block`` on ``hardware``, the link free at its start
    (``known``: what is known of its ops so far, filled in)."""
    return _timeline([op.operation for op in block.operations], hardware, known)


# What the timeline needs of an op: its kind, its time (a compute op's; a
# prefetch's copy) and, for a wait, the ops defining its tokens.
_COMPUTE, _PREFETCH, _WAIT, _EVICT = range(4)
_Facts = tuple[int, float, tuple[ir.Operation, ...]]


def _facts(op: ir.Operation, hardware: HardwareProfile, model: CostModel) -> _Facts:
    if op.name == "cache.prefetch":
        size = memref_bytes(ir.MemRefType(op.results[0].type))
        return _PREFETCH, hardware.transfer_seconds(size, True), ()
    if op.name == "cache.wait":
        owners = (defining_op(token) for token in op.operands)
        return _WAIT, 0.0, tuple(owner for owner in owners if owner is not None)
    if op.name == "cache.evict":
        return _EVICT, 0.0, ()
    return _COMPUTE, static_time(model, op), ()


def _timeline(
    ops: list[ir.Operation],
    hardware: HardwareProfile,
    known: dict[ir.Operation, _Facts] | None = None,
) -> BlockTimeline:
    """:func:`block_timeline` of the ops ``ops``, in that order (``known``:
    what is known of them so far, filled in)."""
    model = CostModel(hardware)
    known = {} if known is None else known
    index = {op: i for i, op in enumerate(ops)}
    now = link = 0.0
    begin: list[float] = []
    copies: dict[int, tuple[float, float]] = {}
    for i, op in enumerate(ops):
        begin.append(now)
        facts = known.get(op)
        if facts is None:
            facts = known[op] = _facts(op, hardware, model)
        kind, seconds, owners = facts
        if kind == _PREFETCH:
            start = max(now, link)
            link = start + seconds
            copies[i] = (start, link)
        elif kind == _WAIT:
            for owner in owners:
                if index.get(owner) in copies:
                    now = max(now, copies[index[owner]][1])
        elif kind == _COMPUTE:
            now += seconds
    return BlockTimeline(ops, begin, copies, now)


def issue_at_copy_start(block: ir.Block, hardware: HardwareProfile) -> int:
    """Move the prefetches of ``block`` that it waits for itself down to
    where their copies start (see the module docstring); how many moved."""
    timeline = block_timeline(block, hardware)
    ops = timeline.ops
    index = {op: i for i, op in enumerate(ops)}
    # Each movable prefetch, by where its copy starts: (start, index, limit)
    # with limit the first op of the block using its token or buffer.
    movable: list[tuple[float, int, int]] = []
    for i, (start, _) in timeline.copies.items():
        prefetch = ops[i]
        if not is_streamed_slice(prefetch):
            continue  # its source may be written: it stays where it was put
        token_users = [_index_in(use.owner, block, index) for use in prefetch.results[1].uses]
        # Waited for in the block, or carried to the next iteration or
        # into a loop of the block.
        if not token_users or any(
            user is None or ops[user].name not in ("cache.wait", "scf.yield", "scf.for")
            for user in token_users
        ):
            continue
        users = [_index_in(use.owner, block, index) for use in prefetch.results[0].uses]
        limit = min(u for u in [*token_users, *users] if u is not None)
        movable.append((start, i, limit))
    moving = {i for _, i, _ in movable}
    # A prefetch that stays put keeps its place in the engine's queue, and
    # a wait on a token carried into the block (other than a pipelined
    # loop's prefetch, whose copy is ahead of this one on the engine anyway)
    # may stall where the timeline sees none.
    staying = [i for i in timeline.copies if i not in moving]
    carried = [
        i
        for i, op in enumerate(ops)
        if op.name == "cache.wait"
        and any(defining_op(t) not in index and not _carried_prefetch_token(t) for t in op.operands)
    ]
    placed: list[tuple[float, int, int]] = []
    for start, i, limit in movable:
        limit = min([limit, *(s for s in staying if s > i), *(w for w in carried if w > i)])
        # Issued before op ``at``, it is issued when that op begins.
        at = i + 1
        while at < limit and timeline.begin[at + 1] <= start + _EPSILON:
            at += 1
        while at in moving:  # before the next op that stays put
            at += 1
        placed.append((start, i, at))
    # In copy order: the prefetches put before one op keep the engine's order.
    for _, i, at in sorted(placed):
        ops[i].move_before(ops[at])
    return sum(1 for _, i, at in placed if any(j not in moving for j in range(i + 1, at)))


def _carried_prefetch_token(value: ir.Value) -> bool:
    """Whether ``value`` is an iteration argument of an ``scf.for`` body
    that starts as, and is yielded, the token of a ``cache.prefetch``."""
    owner = value.owner
    if not isinstance(owner, ir.Block) or value.arg_number == 0:
        return False
    loop = owner.owner.operation if hasattr(owner.owner, "operation") else owner.owner
    if loop.name != "scf.for":
        return False
    number = value.arg_number - 1
    terminator = owner.operations[len(owner.operations) - 1]
    ends = (list(loop.operands)[3 + number], terminator.operands[number])
    defining = [defining_op(end) for end in ends]
    return all(op is not None and op.name == "cache.prefetch" for op in defining)


def _index_in(
    owner: ir.Operation | ir.OpView, block: ir.Block, index: dict[ir.Operation, int]
) -> int | None:
    """The index in ``block`` of the op of ``block`` holding ``owner``."""
    op = ancestor_in(owner.operation if hasattr(owner, "operation") else owner, block)
    return None if op is None else index[op]


def issue_in_function(function: ir.Operation, hardware: HardwareProfile) -> int:
    """:func:`issue_at_copy_start` on every block of ``function`` holding a
    prefetch; how many moved."""
    blocks: list[ir.Block] = []
    pending = [block for region in function.regions for block in region.blocks]
    while pending:
        block = pending.pop()
        holds = False
        for inner in block.operations:
            op = inner.operation
            if op.name == "cache.prefetch":
                holds = True
            elif len(op.regions) and _native.linalg_inputs(op) is None:
                # Not a linalg op's payload: no prefetch can be there.
                pending.extend(b for region in op.regions for b in region.blocks)
        if holds:
            blocks.append(block)
    return sum(issue_at_copy_start(block, hardware) for block in blocks)


def issue_ahead(block: ir.Block, hardware: HardwareProfile) -> int:
    """Move each streamed prefetch of ``block`` whose wait (in the block)
    stalls up the block, with its view, to the latest op boundary from
    which the block ends earliest and its copy stalls least: the first
    slices of a loop that peeled iterations run before
    (``cache-peel-loop-slices``) are fetched behind their work, not after
    it. Only where the block's timeline ends no
    later; the first stalled first, each once until a move ends the block
    earlier (a prefetch moved ahead of slices needed before its own, which
    then queue behind its copy, is why: they are tried again, and go ahead
    of it). How many moves."""
    known: dict[ir.Operation, _Facts] = {}
    tried: list[ir.Operation] = []
    moved = 0
    # Each move ends the block no later; a retry follows a strictly earlier
    # end only, and at most this many moves are made.
    limit = 4 * sum(1 for op in block.operations if op.operation.name == "cache.prefetch")
    while moved < limit:
        ops = [op.operation for op in block.operations]
        timeline = _timeline(ops, hardware, known)
        found = _first_stalled(timeline, block, tried)
        if found is None:
            return moved
        moving, wait, lowest = found
        tried.append(moving[-1])
        start = ops.index(moving[0])

        def probe(
            at: int,
            ops: list[ir.Operation] = ops,
            moving: list[ir.Operation] = moving,
            wait: ir.Operation = wait,
        ) -> tuple[float, float]:
            """The wait's stall and the block's end with ``moving`` put
            before op ``at``."""
            rest = [op for op in ops if op not in moving]
            at = len([op for op in ops[:at] if op not in moving])
            order = [*rest[:at], *moving, *rest[at:]]
            placed = _timeline(order, hardware, known)
            return placed.stall(order.index(wait)), placed.end

        least_stall, least_end = probe(lowest)
        # As placed now (its views may be far above it: ``start`` is theirs).
        stall = timeline.stall(ops.index(wait))
        if least_end > timeline.end + _EPSILON or (
            least_end >= timeline.end - _EPSILON and least_stall >= stall - _EPSILON
        ):
            continue  # the block would end no earlier, nor the wait stall less

        # Both only grow as the copy is issued later: the latest boundary at
        # which the block ends and the wait stalls as little as issued as
        # early as it may be.
        low, high = lowest, start
        while low < high:
            middle = (low + high + 1) // 2
            at_stall, at_end = probe(middle)
            if at_end <= least_end + _EPSILON and at_stall <= least_stall + _EPSILON:
                low = middle
            else:
                high = middle - 1
        _, end = probe(low)
        # Before the first op from ``low`` on that stays (``low`` may be
        # the chain's own first op: it is gathered there).
        anchor = next(op for op in ops[low:] if op not in moving)
        for op in moving:
            op.move_before(anchor)
        moved += 1
        if end < timeline.end - _EPSILON:
            tried = [moving[-1]]
    return moved


def issue_carried(block: ir.Block, hardware: HardwareProfile) -> int:
    """Issue the slices a loop that carries tokens across iterations (the
    pipeline calls it on loops prefetching two iterations ahead) is fed
    before it as early as the link can copy them, each allocated when its
    copy starts: a loop keeps the lead the link takes before it across its
    iterations, where the block's timeline (which counts the loop by its
    work) sees none.

    The streamed prefetches of ``block`` before such a loop, of the
    parameters the loop streams, move with their views to the earliest
    boundary they may, in the order they are needed (the copies are made
    in that order, :func:`_hoist_loop_feed`); then each
    whose token the loop carries in moves to the latest boundary from
    which its copy starts as early as it can behind the copies issued
    before it (never past another prefetch, nor past the loop), and the
    others to where their copies start (:func:`issue_at_copy_start`). How
    many moved."""
    moved = _hoist_loop_feed(block)
    known: dict[ir.Operation, _Facts] = {}
    # The last first: each may then sink up to the next one's new place.
    for prefetch in reversed([op.operation for op in block.operations]):
        if prefetch.name != "cache.prefetch" or not is_streamed_slice(prefetch):
            continue
        if not any(
            _owner_name(use.owner) == "scf.for" and use.owner.operation.block == block
            for use in prefetch.results[1].uses
        ):
            continue
        ops = [op.operation for op in block.operations]
        index = {op: i for i, op in enumerate(ops)}
        chain = _view_chain(prefetch, index)
        start = index[chain[0]]
        lowest = _lowest(chain, index)
        earlier = [i for i in range(index[prefetch]) if ops[i].name == "cache.prefetch"]
        if earlier:
            lowest = max(lowest, earlier[-1] + 1)
        # Up to its first user (the loop), and before the next prefetch.
        users = [
            _index_in(use.owner, block, index) for result in prefetch.results for use in result.uses
        ]
        later = [i for i in range(index[prefetch] + 1, len(ops)) if ops[i].name == "cache.prefetch"]
        highest = min(u for u in [*users, *later[:1]] if u is not None)

        # No other prefetch lies between ``lowest`` and ``highest``, and
        # this copy's waits lie past them: put before the op at ``at``,
        # the copy starts at that op's begin in the block without the
        # chain (plus the chain's own time before it), or when the copies
        # issued before it end, whichever is later.
        rest = [op for op in ops if op not in chain]
        timeline = _timeline(rest, hardware, known)
        in_rest = {op: i for i, op in enumerate(rest)}
        low, high = (
            len([op for op in ops[:bound] if op not in chain]) for bound in (lowest, highest)
        )
        before = [timeline.copies[i][1] for i in timeline.copies if i < low]
        link = max(before, default=0.0)
        own = _timeline(chain, hardware, known).begin[-1]
        starts = [max(begin + own, link) for begin in [*timeline.begin, timeline.end]]
        # The copy starts no earlier as it is issued later.
        at = low
        while at < high and starts[at + 1] <= starts[low] + _EPSILON:
            at += 1
        anchor = rest[at] if at < len(rest) else None
        current = in_rest.get(next((op for op in ops[start:] if op not in chain), None))
        if anchor is None or current == at:
            continue  # already there
        for op in chain:
            op.move_before(anchor)
        moved += 1
    return moved + issue_at_copy_start(block, hardware)


def _hoist_loop_feed(block: ir.Block) -> int:
    """Move the streamed prefetches of ``block`` before its first loop that
    carries tokens, of the parameters that loop's prefetches read, with
    their views, to the block's top, in the order they are needed (by their
    first use in the block; those the loop carries in last, in the order
    the loop fetches their parameters), each at the earliest boundary it
    may be put before; how many moved."""
    ops = [op.operation for op in block.operations]
    loop = next((op for op in ops if op.name == "scf.for" and carried_token_arguments(op)), None)
    if loop is None:
        return 0
    order = [streamed_parameter(op) for op in walk_preorder(loop) if op.name == "cache.prefetch"]
    index = {op: i for i, op in enumerate(ops)}
    feed = []
    for prefetch in ops[: index[loop]]:
        if prefetch.name != "cache.prefetch" or not is_streamed_slice(prefetch):
            continue
        source = streamed_parameter(prefetch)
        if source is None or source not in order:
            continue
        users = [
            _index_in(use.owner, block, index) for result in prefetch.results for use in result.uses
        ]
        first = min((u for u in users if u is not None), default=len(ops))
        feed.append(((first, order.index(source), index[prefetch]), prefetch))
    moved = 0
    floor = 0
    for _, prefetch in sorted(feed, key=lambda item: item[0]):
        current = [op.operation for op in block.operations]
        where = {op: i for i, op in enumerate(current)}
        chain = _view_chain(prefetch, where)
        lowest = max(_lowest(chain, where), floor)
        # The constants at the block's top stay there.
        while lowest < len(current) and current[lowest].name == "arith.constant":
            lowest += 1
        anchor = current[lowest]
        if anchor not in chain:
            for op in chain:
                op.move_before(anchor)
            moved += 1
        floor = [op.operation for op in block.operations].index(prefetch) + 1
    return moved


def _owner_name(owner: ir.Operation | ir.OpView) -> str:
    return owner.operation.name if hasattr(owner, "operation") else owner.name


def _view_chain(prefetch: ir.Operation, index: dict[ir.Operation, int]) -> list[ir.Operation]:
    """The views ``prefetch`` fetches that only it uses, in the block
    (``index``), and itself, in order: they move with it."""
    chain = [prefetch]
    source = prefetch.operands[0]
    while (owner := defining_op(source)) is not None and owner.name in (
        "memref.subview",
        "memref.cast",
    ):
        if index.get(owner) is None or len(list(owner.results[0].uses)) != 1:
            break
        chain.insert(0, owner)
        source = owner.operands[0]
    return chain


def _lowest(chain: list[ir.Operation], index: dict[ir.Operation, int]) -> int:
    """The earliest index in the block (``index``) ``chain`` may be put
    before: after every op defining its operands."""
    lowest = 0
    for op in chain:
        for operand in op.operands:
            owner = defining_op(operand)
            if owner is not None and owner not in chain and index.get(owner) is not None:
                lowest = max(lowest, index[owner] + 1)
    return lowest


def _first_stalled(
    timeline: BlockTimeline, block: ir.Block, tried: list[ir.Operation]
) -> tuple[list[ir.Operation], ir.Operation, int] | None:
    """The first (by copy start) streamed prefetch of ``timeline`` not in
    ``tried`` whose first wait stalls and that could be issued earlier: its
    view chain and itself (in order), that wait, and the earliest index it
    may be put before."""
    ops = timeline.ops
    index = {op: i for i, op in enumerate(ops)}
    for i, _ in sorted(timeline.copies.items(), key=lambda item: item[1][0]):
        prefetch = ops[i]
        if prefetch in tried or not is_streamed_slice(prefetch):
            continue
        waits = [_index_in(use.owner, block, index) for use in prefetch.results[1].uses]
        if not waits or any(w is None or ops[w].name != "cache.wait" for w in waits):
            continue
        first_wait = min(w for w in waits if w is not None)
        if timeline.stall(first_wait) <= _EPSILON:
            continue
        # The views it fetches, in the block: they move with it.
        chain = _view_chain(prefetch, index)
        lowest = _lowest(chain, index)
        # Only where work runs before it that it could hide behind.
        if timeline.begin[i] - timeline.begin[lowest] > _EPSILON:
            return chain, ops[first_wait], lowest
    return None


def _straight_blocks(function: ir.Operation) -> list[ir.Block]:
    """The blocks of ``function``'s body and of the ``scf.if`` regions in
    them, at any depth, not loop bodies: where a loop's first iterations
    may run before it (peeled; behind the guard on a trip count known at
    run time, in the guard's then region)."""
    blocks: list[ir.Block] = []
    pending = list(function.regions[0].blocks)
    while pending:
        block = pending.pop(0)
        blocks.append(block)
        for inner in block.operations:
            if inner.operation.name == "scf.if":
                pending.extend(b for region in inner.operation.regions for b in region.blocks)
    return blocks


def issue_ahead_in_function(function: ir.Operation, hardware: HardwareProfile) -> int:
    """:func:`issue_ahead` on the body of ``function`` and the branches in
    it (:func:`_straight_blocks`); how many moved."""
    return sum(issue_ahead(block, hardware) for block in _straight_blocks(function))


def issue_carried_in_function(function: ir.Operation, hardware: HardwareProfile) -> int:
    """:func:`issue_carried` on the body of ``function`` and the branches in
    it (:func:`_straight_blocks`); how many moved."""
    return sum(issue_carried(block, hardware) for block in _straight_blocks(function))
