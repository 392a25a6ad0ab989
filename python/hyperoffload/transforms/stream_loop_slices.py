"""``cache-stream-loop-slices``: stream a loop's stacked weights slice by slice.

A parameter that one ``scf.for`` reads one slice per iteration (stacked
layer weights: JAX's ``lax.scan``; see :mod:`hyperoffload.analysis.loop_slices`
for exactly which) moves to the pool, and the loop fetches each
iteration's slice itself: the next iteration's slice is prefetched while
the current one computes (double buffering). The first iteration is
peeled (upstream ``scf::peelForLoopFirstIteration``): it waits for each of
its slices right before the slice's first use, so later copies hide behind
earlier work, and the next slices are already on their way. The rest is
pipelined by upstream's ``scf::pipelineForLoop``: the prologue (slice 1,
issued during the peeled iteration), the kernel (the prefetch of slice
i+1, the layer on slice i, each slice waited for right before its first
use and evicted after its last; the token of slice i+1 is carried to the
next iteration beside its buffer, so a slice used late in the layer may
arrive late) and the epilogue (the last layer). At most two slices of a
weight are on the device at any time instead of every layer's. What
stays exposed is the first slice's copy, where nothing runs before the
loop to hide it (and the catch-up of a link no faster than the
compute).

Before: parameters in device memory, no cache op. After: each streamed
parameter has a ``#cache.remote`` type (so has the function's signature:
its callers pass pool memory; a function that is called in the module is
left alone), each of its slices is prefetched once, waited for before its
first use and evicted after its last, all inside the loop's iterations; the
views keep their types through a ``memref.cast`` of the device copy. The
same values are computed; a carried buffer (with its token) is verified
as one slot by ``cache-verify-schedule``. Conservative: where upstream's
pipeliner declines (a loop of two iterations: one is left after
peeling), the loop keeps the unpipelined form (each iteration fetches its
own slice, exposed until its first use), with a remark. An ``scf.while`` (JAX's
``lax.while_loop``, slices at an index computed from its state) always
keeps that form: each iteration prefetches its slices where it takes
them, so a slice used late in the iteration arrives behind the work
before it.

A loop whose trip count is known only at run time (an ``scf.for`` to an
input: JAX's ``lax.while_loop`` after ``cache-uplift-loop-counters``; its
lower bound and step constants) is pipelined behind a guard
(:func:`guard_trip_count`): it runs in the then region of an ``scf.if``
on ``upper > lower + step`` (two iterations or more: the peeled first
iteration, the prologue and the epilogue each run a real one, so upstream's
pipeliner, told the bounds are dynamic, predicates nothing), and a copy
fetching in each iteration runs in the else region. Its
``cache.trip_count_bound``, where given, becomes the kernel's less the
two iterations outside it, and at most 1 on the copy. Always one
iteration ahead.

With ``distance=2`` each slice is prefetched two iterations ahead
(upstream's pipeliner in three stages: the views and prefetches, the
waits, the work): the kernel runs the layer on slice i, evicts it,
prefetches slice i+2 into the memory freed (:func:`refill_freed_slots`:
two slices of each weight on the device, as one ahead) and waits for
slice i+1, whose token the iteration before carried in beside its buffer
(an ``!cache.token`` iteration argument); the link then runs ahead of the
work across iterations, as in straight-line code, instead of catching up
at each iteration's end: where a layer's copies take a little longer than
its work, the lead the first iterations give is not lost at each
iteration. The lowerings and ``cache-verify-schedule`` follow the carried
token.

Options: ``functions=`` (which functions; default all); ``distance=`` (1
or 2, above); ``hw=`` (a
hardware profile: each prefetch is then issued where the link starts its
copy on it, not right after its view, see
:mod:`hyperoffload.transforms.issue_points`; the copies keep their order
and start, the slices queued behind the link hold no memory yet;
``hyper-offload-pipeline`` always does this on its ``hw``); ``in-place``
(one ahead, each slice prefetched into the memory of the one before,
:func:`refill_freed_slots`: less memory, less time to hide the copy).

Example::

    func.func @f(%w: memref<4x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
      scf.for %i = %c0 to %c4 step %c1 {
        %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1]
            : memref<4x64x64xf32> to memref<64x64xf32, strided<[64, 1], offset: ?>>
        linalg.matmul ins(%x, %s : ...) outs(%y : memref<8x64xf32>)
      }
      return
    }

becomes::

    func.func @f(%w: memref<4x64x64xf32, #cache.remote>, ...) {
      %s0 = memref.subview %w[0, 0, 0] ... #cache.remote>
      %d0, %t0 = cache.prefetch %s0 : ... -> memref<64x64xf32>
      %s1 = memref.subview %w[1, 0, 0] ... #cache.remote>
      %d1, %t1 = cache.prefetch %s1 : ... -> memref<64x64xf32>
      cache.wait %t0
      linalg.matmul ins(%x, %d0 : ...) outs(%y : memref<8x64xf32>)
      %e0 = cache.evict %d0 : memref<64x64xf32>
      %r:2 = scf.for %i = %c1 to %c3 step %c1 iter_args(%t = %t1, %d = %d1)
          -> (!cache.token, memref<64x64xf32>) {
        %n = arith.addi %i, %c1 : index
        %sn = memref.subview %w[%n, 0, 0] ...
        %dn, %tn = cache.prefetch %sn : ... -> memref<64x64xf32>
        cache.wait %t
        linalg.matmul ins(%x, %d : ...) outs(%y : memref<8x64xf32>)
        %e = cache.evict %d : memref<64x64xf32>
        scf.yield %tn, %dn : !cache.token, memref<64x64xf32>
      }
      cache.wait %r#0
      linalg.matmul ins(%x, %r#1 : ...) outs(%y : memref<8x64xf32>)
      %e3 = cache.evict %r#1 : memref<64x64xf32>
      return
    }

With ``in-place`` the kernel's view and prefetch of slice i+1 come right
after ``%e = cache.evict %d`` instead (see
``test/Transforms/stream-loop-slices-in-place.mlir``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from mlir import ir
from mlir.dialects import arith, memref, scf

from hyperoffload import _native
from hyperoffload.analysis.loop_slices import (
    NotStreamed,
    SliceStream,
    ancestor_in,
    find_slice_streams,
    loop_body,
    position_in,
    slice_candidates,
)
from hyperoffload.analysis.offload_plan import REBUILT_VIEWS
from hyperoffload.analysis.program import constant_int, set_trip_count_bound, trip_count
from hyperoffload.dialects import cache
from hyperoffload.hardware import ProfileError, load_profile
from hyperoffload.ir_utils import update_function_type
from hyperoffload.sizes import format_bytes
from hyperoffload.transforms.issue_points import issue_in_function
from hyperoffload.transforms.pass_base import (
    ModulePass,
    functions_option,
    option,
    run_or_restore,
)


@dataclasses.dataclass(frozen=True)
class StreamLoopSlicesPass(ModulePass):
    """Stream stacked weights into their loop, pipelined."""

    name = "cache-stream-loop-slices"
    summary = (
        "Move weights a loop reads slice by slice to the pool, prefetched one iteration ahead."
    )
    hw: str = option(
        "",
        "hardware profile (name or TOML path) whose timeline issues each prefetch when "
        "its copy starts (empty: right after its view)",
    )
    distance: int = option(
        1,
        "iterations ahead each slice is prefetched, its token carried to the iteration "
        "that waits for it: 1 (waited right before its first use) or 2 (waited at the end "
        "of the iteration before)",
    )
    in_place: bool = option(
        False,
        "one iteration ahead, prefetch each slice right after the last use of the one "
        "before it, into its memory (one slice of a weight on the device outside the copy, "
        "which hides only behind the rest of the iteration and the next one's work before "
        "its use); two ahead always does",
    )
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        if self.distance not in (1, 2):
            raise self.fail(module, f"distance must be 1 or 2, got {self.distance}")
        try:
            hardware = load_profile(self.hw) if self.hw else None
        except ProfileError as err:
            raise self.fail(module, str(err)) from None
        for function in self.selected_functions(module):
            for candidate in slice_candidates(function):
                if isinstance(candidate, NotStreamed):
                    self.emit_remark(
                        candidate.loop,
                        f"leaves %arg{candidate.argument.arg_number} whole: {candidate.reason}",
                    )
            streamed = []
            function, remarks = stream_function(
                function, distance=self.distance, in_place=self.in_place
            )
            if hardware is not None:
                issue_in_function(function, hardware)
            for where, message, names in remarks:
                self.emit_remark(where, message)
                streamed.extend(names)
            if streamed:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"streamed": streamed}


_Remark = tuple[ir.Operation, str, list[str]]


def stream_function(
    function: ir.Operation,
    arguments: set[int] | None = None,
    pipelined: bool | Collection[int] = True,
    distance: int = 1,
    in_place: bool = False,
) -> tuple[ir.Operation, list[_Remark]]:
    """Stream every loop of ``function`` that reads a parameter slice by
    slice (those parameters among ``arguments``, by number, if given): the
    function (canonicalization may put a copy in its place) and per loop
    the op to remark at, the remark and the parameters. Upstream
    ``canonicalize`` then folds the pipeliner's bound arithmetic (where it
    verifies; else the function keeps it). Without ``pipelined`` each
    iteration fetches its own slices (the form an ``scf.while`` always
    gets): a slice used late in the iteration arrives behind the work
    before it, one slice of each weight on the device instead of two.
    ``pipelined`` may also name the parameters (by number) to pipeline,
    the others of the same loop fetched in each iteration: the next
    iteration's slices of the former are then issued right after this
    iteration's prefetches of the latter, so the link fetches in the order
    of use across iterations (a weight an iteration uses first is best
    fetched one ahead, one it uses late behind the work before it). With
    ``in_place``, a slice fetched one ahead is prefetched into the memory
    of the one before (:func:`refill_freed_slots`, which two ahead always
    does)."""
    streams = [
        stream
        for stream in find_slice_streams(function)
        if arguments is None or stream.argument.arg_number in arguments
    ]
    if not streams:
        return function, []
    for stream in streams:
        stream_slices(stream)
    update_function_type(function)
    remarks: list[_Remark] = []
    # The pipeliner replaces each loop and its ops: read what the remarks
    # say before.
    for loop, group in _by_loop(streams):
        names = [_argument_name(s) for s in group]
        per_iteration = format_bytes(sum(s.slice_bytes for s in group))
        what = f"streams {', '.join(names)} slice by slice ({per_iteration} per iteration)"
        if loop.name == "scf.while":
            # Which slice the next iteration reads is known only once it runs.
            message = f"{what}, fetched in each iteration of the while loop"
            remarks.append((loop, message, names))
            continue
        ahead = [s for s in group if _pipelines(pipelined, s)]
        if not ahead:
            remarks.append((loop, f"{what}, fetched in each iteration", names))
            continue
        # After the first iteration, peeled, the pipeliner wants at least
        # one iteration per stage: a shorter loop is fetched one ahead (as
        # is one whose trip count is known only at run time).
        counted = all(s.counted for s in group)
        enough = counted and min(s.trip_count for s in group) >= distance + 2
        ahead_by = distance if enough else 1
        iterations = "one iteration" if ahead_by == 1 else f"{ahead_by} iterations"
        how = f"each prefetched {iterations} ahead"
        if len(ahead) < len(group):
            early = ", ".join(_argument_name(s) for s in ahead)
            how = f"{early} prefetched {iterations} ahead, the others in each iteration"
        if ahead_by < distance:
            why = "too few iterations" if counted else "a trip count known at run time"
            how += f" ({why} to fetch {distance} ahead)"
        if ahead_by == 1 and in_place:
            how += ", into the memory of the one before"
        if not counted:
            guarded = guard_trip_count(loop, 2)
            if guarded is None:
                message = f"{what}, fetched in each iteration: its lower bound or step varies"
                remarks.append((loop, message, names))
                continue
            how += " where it runs twice or more (else in each iteration)"
        bound = trip_count(loop)
        new_loop = pipeline(loop, ahead, [s for s in group if s not in ahead], ahead_by, counted)
        if new_loop is None and not counted:
            unguard(loop)
        if new_loop is not None and not counted and bound is not None:
            # The peeled first iteration and the epilogue's run outside.
            set_trip_count_bound(new_loop, bound - 2)
        if new_loop is not None and (ahead_by > 1 or in_place):
            refill_freed_slots(new_loop)
        if new_loop is None:
            message = f"{what}, fetched in each iteration: upstream's pipeliner declined the loop"
            remarks.append((loop, message, names))
        else:
            remarks.append((new_loop, f"{what}, {how}", names))
    located = [(op.location, message, names) for op, message, names in remarks]
    function, _ = run_or_restore(function, "func.func(canonicalize)")
    return function, [(loop_at(function, loc), message, names) for loc, message, names in located]


def _pipelines(pipelined: bool | Collection[int], stream: SliceStream) -> bool:
    """Whether ``stream`` is pipelined under the ``pipelined`` choice of
    :func:`stream_function`."""
    if isinstance(pipelined, bool):
        return pipelined
    return stream.argument.arg_number in pipelined


def loop_at(function: ir.Operation, location: ir.Location) -> ir.Operation:
    """An op of ``function`` at ``location`` (canonicalization may have
    replaced the one remarked on); the function if none is."""
    found: list[ir.Operation] = []

    def visit(op: ir.Operation) -> ir.WalkResult:
        if op.name in ("scf.for", "scf.while") and op.location == location:
            found.append(op)
            return ir.WalkResult.INTERRUPT
        return ir.WalkResult.ADVANCE

    function.walk(visit)
    return found[0] if found else function


def _argument_name(stream: SliceStream) -> str:
    return f"%arg{stream.argument.arg_number}"


def _by_loop(streams: list[SliceStream]) -> list[tuple[ir.Operation, list[SliceStream]]]:
    groups: list[tuple[ir.Operation, list[SliceStream]]] = []
    for stream in streams:
        for loop, group in groups:
            if loop == stream.loop:
                group.append(stream)
                break
        else:
            groups.append((stream.loop, [stream]))
    return groups


def stream_slices(stream: SliceStream) -> None:
    """Move the parameter to the pool and fetch each of its slices inside
    the loop's iteration: prefetch right after the view, wait before the
    first use, evict after the last."""
    stream.argument.set_type(cache.in_pool(ir.MemRefType(stream.argument.type)))
    body = loop_body(stream.loop)
    for view in stream.slices:
        device_type = ir.MemRefType(view.results[0].type)
        view.results[0].set_type(cache.in_pool(device_type))
        anchors = [ancestor_in(user, body) for user in _users_through_views(view.results[0])]
        assert all(anchors), "the slices' users are in the loop body (find_slice_streams)"
        first = min(anchors, key=lambda op: position_in(op, body))  # type: ignore[arg-type]
        last = max(anchors, key=lambda op: position_in(op, body))  # type: ignore[arg-type]
        with ir.InsertionPoint.after(view), view.location:
            prefetch = cache.PrefetchOp(view.results[0])
        with ir.InsertionPoint(first), view.location:
            cache.WaitOp([prefetch.token])
            cast = memref.cast(device_type, prefetch.result)
        view.results[0].replace_all_uses_except(cast, prefetch.operation)
        with ir.InsertionPoint.after(last), view.location:  # type: ignore[arg-type]
            cache.EvictOp(prefetch.result)


def _users_through_views(value: ir.Value) -> list[ir.Operation]:
    """The ops using ``value``, and those using the views of it (an
    ``expand_shape`` of the slice is read by the matmul after it): the
    slice's last use is the last of all of them."""
    users: list[ir.Operation] = []
    pending = [value]
    while pending:
        for use in pending.pop().uses:
            owner = use.owner
            op = owner.operation if hasattr(owner, "operation") else owner
            users.append(op)
            if op.name in REBUILT_VIEWS and use.operand_number == 0:
                pending.append(op.results[0])
    return users


def guard_trip_count(loop: ir.Operation, iterations: int) -> ir.Operation | None:
    """Put ``scf.for`` ``loop``, whose upper bound is known only at run
    time, in the then region of an ``scf.if`` on ``upper > lower +
    (iterations - 1) * step`` (it runs ``iterations`` times or more), and a
    copy of it in the else region (its ``cache.trip_count_bound`` then
    ``iterations - 1`` at most): ``loop``, or None (nothing changed) where
    its lower bound or step is not a constant. The guard is what lets
    upstream's pipeliner leave the prologue and epilogue unpredicated.

    The iterations ``cache-peel-loop-slices`` peeled off the loop, each in
    an ``scf.if`` on the same bound reaching it, right before the loop, go
    in the guard too: in its then region unconditionally (the guard implies
    their conditions), so the loop's first slices can be fetched behind
    their work; in its else region as they were."""
    lower, step = constant_int(loop.operands[0]), constant_int(loop.operands[2])
    if lower is None or step is None or step <= 0:
        return None
    upper = loop.operands[1]
    peeled = _peeled_before(loop, upper, lower)
    with ir.InsertionPoint(peeled[0] if peeled else loop), loop.location:
        threshold = arith.constant(upper.type, lower + (iterations - 1) * step)
        enough = arith.cmpi(arith.CmpIPredicate.sgt, upper, threshold)
        guard = scf.IfOp(enough, [result.type for result in loop.results], has_else=True)
    moved = [*peeled, loop]
    for result, replacement in zip(loop.results, guard.results, strict=True):
        result.replace_all_uses_with(replacement)
    with ir.InsertionPoint(guard.then_block), loop.location:
        then_yield = scf.YieldOp(list(loop.results))
    with ir.InsertionPoint(guard.else_block), loop.location:
        mapping: dict[ir.Value, ir.Value] = {}
        copies = []
        for op in moved:
            copy = op.clone()
            for index, operand in enumerate(copy.operands):
                if operand in mapping:
                    copy.operands[index] = mapping[operand]
            mapping.update(zip(op.results, copy.results, strict=True))
            copies.append(copy)
        scf.YieldOp(list(copies[-1].results))
    fallback = copies[-1]
    for op in moved:
        op.move_before(then_yield)
    with ir.InsertionPoint(guard.then_block.operations[0]), loop.location:
        always = arith.constant(ir.IntegerType.get_signless(1), 1)
    for op in peeled:
        op.operands[0] = always
    bound = trip_count(loop)
    set_trip_count_bound(fallback, iterations - 1 if bound is None else min(bound, iterations - 1))
    return loop


def unguard(loop: ir.Operation) -> None:
    """Undo :func:`guard_trip_count` on ``loop`` (where upstream's
    pipeliner then declined it): its ops, and the peeled iterations with
    their own conditions again, go back where the guard is, which goes."""
    guard = loop.parent.operation
    then_ops = [op.operation for op in guard.regions[0].blocks[0].operations]
    else_ops = [op.operation for op in guard.regions[1].blocks[0].operations]
    # The then region: the `true` the peeled iterations took, the ops the
    # else region has copies of (in order), its yield.
    moved = then_ops[1:-1]
    for op, copy in zip(moved, else_ops[:-1], strict=True):
        if op.name == "scf.if":
            op.operands[0] = copy.operands[0]
    for op in moved:
        op.move_before(guard)
    for result, replacement in zip(guard.results, loop.results, strict=True):
        result.replace_all_uses_with(replacement)
    guard.erase()


def _peeled_before(loop: ir.Operation, upper: ir.Value, lower: int) -> list[ir.Operation]:
    """The ``scf.if`` ops right before ``loop`` (constants and compares
    aside) that each
    run an iteration peeled off it where ``upper`` reaches past it
    (``arith.cmpi sgt, upper, c`` with ``c`` below ``lower``), each passing
    its state to the next and the last to the loop, in program order."""
    ops = [op.operation for op in loop.block.operations]
    found: list[ir.Operation] = []
    expected = list(loop.operands)[3:]
    for op in reversed(ops[: ops.index(loop)]):
        if op.name in ("arith.constant", "arith.cmpi"):
            continue  # the peeled iterations' bounds and conditions
        if op.name != "scf.if" or list(op.results) != expected:
            break
        owner = op.operands[0].owner
        if isinstance(owner, ir.Block) or owner.operation.name != "arith.cmpi":
            break
        compare = owner.operation
        bound = constant_int(compare.operands[1])
        predicate = ir.IntegerAttr(compare.attributes["predicate"]).value
        if predicate != 4 or compare.operands[0] != upper or bound is None or bound >= lower:
            break  # not sgt, or another bound
        if any(len(list(result.uses)) != 1 for result in op.results):
            break
        found.insert(0, op)
        if not expected:  # no state: canonicalization drops the empty else
            continue
        otherwise = op.regions[1].blocks[0]
        expected = list(otherwise.operations[len(otherwise.operations) - 1].operands)
    if found:
        # The constants and conditions among them go before them (in
        # order), to dominate the guard.
        between = ops[ops.index(found[0]) : ops.index(loop)]
        for op in between:
            if op.name in ("arith.constant", "arith.cmpi"):
                op.move_before(found[0])
    return found


def pipeline(
    loop: ir.Operation,
    streams: list[SliceStream],
    per_iteration: Sequence[SliceStream] = (),
    distance: int = 1,
    counted: bool = True,
) -> ir.Operation | None:
    """Software-pipeline ``loop`` so that each slice's view and prefetch
    (and the index arithmetic they need) run ``distance`` iterations ahead,
    issued right after the prefetches of the slices ``per_iteration``
    streams fetch in each iteration (else first); the new loop, or None
    where upstream declines. A loop whose trip count is not ``counted``
    must be guarded (:func:`guard_trip_count`) to run twice or more."""
    body = loop.regions[0].blocks[0]
    early: list[ir.Operation] = []
    seen: set[ir.Operation] = set()

    def take(op: ir.Operation) -> None:
        if op in seen or op.block != body:
            return
        seen.add(op)
        for operand in op.operands:
            owner = operand.owner
            if not isinstance(owner, ir.Block):
                take(owner.operation if hasattr(owner, "operation") else owner)
        early.append(op)

    for stream in streams:
        for view in stream.slices:
            take(view)
    waits: list[ir.Operation] = []
    for prefetch in _prefetches_of(streams):
        early.append(prefetch)
        for token_use in prefetch.results[1].uses:
            wait = token_use.owner
            waits.append(wait.operation if hasattr(wait, "operation") else wait)
    # Only side-effect-free index arithmetic may run ahead with the views.
    for op in early:
        if op.name in ("memref.subview", "cache.prefetch"):
            continue
        status, effects = _native.memory_effects(op)
        if status != _native.EffectsStatus.DECLARED or effects or len(op.regions):
            return None
    # The next iteration's copies queue behind this iteration's others.
    anchors = [ancestor_in(prefetch, body) for prefetch in _prefetches_of(per_iteration)]
    after = max(
        (anchor for anchor in anchors if anchor is not None),
        key=lambda op: position_in(op, body),
        default=None,
    )
    # One ahead, the waits stay with the work, right before each slice's
    # first use: the token of slice i+1 is carried to iteration i+1 beside
    # its buffer. Two ahead, they run one iteration ahead, last: slice i+1
    # is waited for at the end of iteration i (the token of slice i+2
    # carried).
    return _native.pipeline_loop(
        loop,
        early,
        waits if distance > 1 else [],
        warm_start=True,
        first_stage_after=after,
        distance=distance,
        guarded=not counted,
    )


def refill_freed_slots(loop: ir.Operation) -> None:
    """In the body of pipelined ``loop``, issue each prefetch (with the
    views and index arithmetic only it uses) right after the evict of the
    slice of the same weight the iteration uses: the prefetched buffer
    takes the place of the one freed. Two ahead, a weight then has two
    slices on the device, not three; one ahead, one between its last use
    in an iteration and the prefetch of the next, instead of two all
    along, but the copy hides only behind the rest of the iteration and
    the next one's work before its first use (none, for a weight the whole
    iteration reads). Its token is carried to the iteration that waits for
    it; a hardware-aware issue point
    (:func:`~hyperoffload.transforms.issue_points.issue_at_copy_start`)
    may then move it further down, never up."""
    body = loop.regions[0].blocks[0]
    terminator = body.operations[len(body.operations) - 1]
    yielded = list(terminator.operands)
    arguments = list(body.arguments)[1:]
    for number, value in enumerate(yielded):
        owner = value.owner
        if isinstance(owner, ir.Block) or owner.operation.name != "cache.prefetch":
            continue
        if ir.OpResult(value).result_number != 0:
            continue  # the prefetch's token, carried beside its buffer
        prefetch = owner.operation
        # The iteration argument whose buffer the iteration frees: the one
        # this buffer replaces (one ahead), or the one the buffer before it
        # moves into (two ahead).
        head: int | None = number
        for _ in range(len(yielded)):
            heads = [n for n, v in enumerate(yielded) if v == arguments[head]]
            if len(heads) != 1:
                head = head if not heads else None
                break
            head = heads[0]
        if head is None:
            continue
        evicts = [
            use.owner.operation
            for use in arguments[head].uses
            if use.owner.operation.name == "cache.evict" and use.owner.operation.block == body
        ]
        if len(evicts) != 1:
            continue
        evict = evicts[0]
        if position_in(evict, body) < position_in(prefetch, body):
            continue
        chain = _only_feeding(prefetch, body)
        anchor = evict
        for op in chain:
            op.move_after(anchor)
            anchor = op


def _only_feeding(prefetch: ir.Operation, body: ir.Block) -> list[ir.Operation]:
    """``prefetch`` and the ops of ``body`` whose results only it uses
    (through each other), in program order."""
    taken = {prefetch}
    pending = [prefetch]
    while pending:
        op = pending.pop()
        for operand in op.operands:
            owner = operand.owner
            if isinstance(owner, ir.Block):
                continue
            producer = owner.operation
            if producer in taken or producer.block != body or len(producer.regions):
                continue
            users = {use.owner.operation for result in producer.results for use in result.uses}
            if users <= taken:
                taken.add(producer)
                pending.append(producer)
    return sorted(taken, key=lambda op: position_in(op, body))


def _prefetches_of(streams: Sequence[SliceStream]) -> list[ir.Operation]:
    """The ``cache.prefetch`` ops of the slices of ``streams``."""
    found = []
    for stream in streams:
        for view in stream.slices:
            for use in view.results[0].uses:
                owner = use.owner
                op = owner.operation if hasattr(owner, "operation") else owner
                if op.name == "cache.prefetch":
                    found.append(op)
    return found
