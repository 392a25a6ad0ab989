"""``cache-peel-loop-slices``: peel a loop's first iterations off, with the slices they read.

A stacked parameter that a loop reads slice by slice (see
:mod:`hyperoffload.analysis.loop_slices`) can only be in the pool or on the
device as a whole: streamed through the loop, every slice is copied, the
first with nothing before the loop to hide behind; kept, every slice is
held. At decode, where a layer computes in about the time its weights take
to copy, neither is what unrolled code gets (the first layers kept, the
rest streamed behind them): the integral bound of the straight-line form
with each weight kind's layers tied allows 3.6% within 1% on the 16-layer
7B decode, and 9.6% with the first two layers free.

This pass peels the first ``iterations`` iterations off each such
``scf.for`` (upstream ``scf::peelForLoopFirstIteration``, each peeled
iteration inlined) and splits each stacked parameter it reads: the rows
the peeled iterations read become parameters of their own, appended to
the signature (one per row a peeled slice starts at), and the parameter
keeps the rows the loop reads (its type shrinks to them; the loop's
offsets are shifted by where they start). The planner then decides each
peeled slice alone, as in unrolled code, and the loop streams the rest.

ABI: the function's signature changes. Every parameter that holds rows of
a parameter as given says which, as ``cache.slices = array<i64: P, R, N>``
(rows ``R`` to ``R + N`` of parameter ``P`` as given, which keeps its
number): a caller passes those rows, ``hyperoffload.runtime.run_function``
does so from the arguments of the function as given.

Before: a function whose parameters a loop may read slice by slice. After:
the same values computed; the loop starts ``iterations`` later; per
stacked parameter, ``cache.slices`` on it and on each parameter added.

A loop whose trip count is known only at run time (an ``scf.for`` to an
input with constant lower bound and step: JAX's ``lax.while_loop`` after
``cache-uplift-loop-counters``) is peeled too: each peeled iteration runs
in an ``scf.if`` on the count reaching it, and the rows the loop may read
after them are bounded by interval arithmetic on its offsets, the counter
anywhere from there to its type's largest value
(:func:`hyperoffload.analysis.loop_slices.later_row_range`: JAX clamps its
index into the stacked rows, which bounds them); where the count reaches
two iterations past them, ``cache-stream-loop-slices`` runs them and the
pipelined loop in one guard.

Unrolling fully: with ``unroll-full-threshold=N``, a loop with a
constant trip count of 2 to N is unrolled fully instead: every iteration
but the last peeled, the last inlined by canonicalization (upstream's
``scf.for`` folding of a loop that runs once), so every slice is a
parameter of its own (the parameter as given keeps the last row) and the
planner decides each layer's weights alone, as in straight-line code.
Each slice a peeled (or, unrolled fully, the last) iteration reads is
taken right before its first use: the loop body took its slices at its
top, and the planner counts a parameter used from its view on.

Conservative: only an ``scf.for`` with constant bounds that runs more than
``iterations + 1`` times (the rest must still stream; unrolled fully, any
constant trip count up to the threshold), or one with a
dynamic upper bound whose rows are bounded as above (never unrolled
fully); only a parameter
whose every slice's first row is computed from the induction variable and
constants by integer arithmetic (JAX's clamped ``i32`` index included;
:func:`hyperoffload.analysis.loop_slices.slice_rows`), the others fixed,
and whose peeled rows the loop does not read again (else it is left
whole, with a remark); not a function another one calls (as for
streaming).

Options: ``iterations`` (how many to peel, default 1; 0 with a threshold:
only unroll), ``unroll-full-threshold`` (default 0: none), ``functions=``.

Example (``iterations=1``)::

    func.func @f(%w: memref<4x64x64xf32>, %x: memref<8x64xf32>, %y: memref<8x64xf32>) {
      scf.for %i = %c0 to %c4 step %c1 {
        %s = memref.subview %w[%i, 0, 0] [1, 64, 64] [1, 1, 1] : ...
        linalg.matmul ins(%x, %s : ...) outs(%y : memref<8x64xf32>)
      }
      return
    }

becomes::

    func.func @f(%w: memref<3x64x64xf32> {cache.slices = array<i64: 0, 1, 3>},
                 %x: ..., %y: ...,
                 %w0: memref<1x64x64xf32> {cache.slices = array<i64: 0, 0, 1>}) {
      %s0 = memref.subview %w0[0, 0, 0] [1, 64, 64] [1, 1, 1] : ...
      linalg.matmul ins(%x, %s0 : ...) outs(%y : memref<8x64xf32>)
      scf.for %i = %c1 to %c4 step %c1 {
        %r = arith.subi %i, %c1 : index
        %s = memref.subview %w[%r, 0, 0] [1, 64, 64] [1, 1, 1] : ...
        linalg.matmul ins(%x, %s : ...) outs(%y : memref<8x64xf32>)
      }
      return
    }
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from mlir import ir
from mlir.dialects import arith, scf

from hyperoffload import _native
from hyperoffload.analysis.loop_slices import (
    SliceStream,
    ancestor_in,
    find_slice_streams,
    later_row_range,
    leading_rows,
    loop_body,
    position_in,
    slice_rows,
)
from hyperoffload.analysis.program import (
    TRIP_COUNT_BOUND,
    constant_int,
    set_trip_count_bound,
    trip_count,
)
from hyperoffload.ir_utils import update_function_type
from hyperoffload.transforms.pass_base import (
    ModulePass,
    functions_option,
    option,
    run_or_restore,
)
from hyperoffload.transforms.stream_loop_slices import loop_at

# The parameter attribute naming the rows of a parameter as given that a
# parameter holds: array<i64: parameter, first row, rows>.
SLICES_ATTRIBUTE = "cache.slices"


@dataclasses.dataclass(frozen=True)
class PeelLoopSlicesPass(ModulePass):
    """Peel a loop's first iterations off, each stacked parameter split
    into the rows they read and the rest."""

    name = "cache-peel-loop-slices"
    summary = (
        "Peel the first iterations off loops reading stacked parameters slice by slice; "
        "the slices they read become parameters of their own."
    )
    iterations: int = option(1, "iterations to peel off each loop")
    unroll_full_threshold: int = option(
        0,
        "unroll each loop with a constant trip count of at most this fully instead (every "
        "iteration peeled, every slice a parameter of its own; 0: none)",
    )
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        if self.iterations < 0 or self.unroll_full_threshold < 0:
            raise self.fail(
                module,
                "iterations and unroll-full-threshold must be >= 0, got "
                f"{self.iterations} and {self.unroll_full_threshold}",
            )
        if not self.iterations and not self.unroll_full_threshold:
            raise self.fail(
                module, "nothing to peel: iterations and unroll-full-threshold are both 0"
            )
        for function in self.selected_functions(module):
            function, remarks = peel_loop_slices(
                function, self.iterations, unroll_full_threshold=self.unroll_full_threshold
            )
            for where, message in remarks:
                self.emit_remark(where, message)
            split = [int(a[0]) for a in slice_attributes(function).values()]
            if split:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"split": sorted(set(split))}


@dataclasses.dataclass
class _Split:
    """How one stacked parameter is split: the rows the loop keeps, and
    per peeled slice (in program order) the row it starts at."""

    stream: SliceStream
    kept: tuple[int, int]
    peeled: list[int]


def peel_loop_slices(
    function: ir.Operation,
    iterations: int,
    arguments: Collection[int] | None = None,
    unroll_full_threshold: int = 0,
) -> tuple[ir.Operation, list[tuple[ir.Operation, str]]]:
    """Peel ``iterations`` iterations off each loop of ``function`` that
    reads parameters slice by slice (those among ``arguments``, by number,
    if given), splitting them (see the module docstring); a loop with a
    constant trip count of at most ``unroll_full_threshold`` is unrolled
    fully instead (every iteration but the last peeled, the last inlined
    by canonicalization). The function (canonicalization may put a copy
    in its place) and the remarks, each with the op it is about (the
    function, for a loop unrolled fully)."""
    remarks: list[tuple[ir.Operation, str]] = []
    loops: dict[ir.Operation, list[_Split]] = {}
    counts: dict[ir.Operation, tuple[int, bool]] = {}
    dynamic: dict[ir.Operation, list[_Split]] = {}
    for stream in find_slice_streams(function):
        if arguments is not None and stream.argument.arg_number not in arguments:
            continue
        if stream.loop.name != "scf.for":
            continue
        name = f"%arg{stream.argument.arg_number}"
        full = unrolls_fully(stream, unroll_full_threshold)
        if not iterations and not full:
            continue
        if not stream.counted:
            guarded = _guarded_split_of(stream, iterations)
            if isinstance(guarded, str):
                remarks.append((stream.loop, f"leaves {name} whole: {guarded}"))
            else:
                dynamic.setdefault(stream.loop, []).append(guarded)
            continue
        if not full and stream.trip_count <= iterations + 1:
            remarks.append(
                (
                    stream.loop,
                    f"leaves {name} whole: the loop runs {stream.trip_count} times, too few to "
                    f"peel {iterations} and stream the rest",
                )
            )
            continue
        count = stream.trip_count - 1 if full else iterations
        split = _split_of(stream, count)
        if isinstance(split, str):
            remarks.append((stream.loop, f"leaves {name} whole: {split}"))
            continue
        for loop in loops:
            if loop == stream.loop:
                loops[loop].append(split)
                break
        else:
            loops[stream.loop] = [split]
            counts[stream.loop] = (count, full)
    if not loops and not dynamic:
        return function, remarks
    body = function.regions[0].blocks[0]
    attributes = argument_attributes(function)
    # The views taken at the top of an iteration that now run alone.
    sink: list[ir.Operation] = []
    for loop, splits in dynamic.items():
        added = _peel_guarded(loop, splits, iterations, body, attributes, sink)
        names = ", ".join(f"%arg{s.stream.argument.arg_number}" for s in splits)
        remarks.append(
            (
                loop,
                f"peels {iterations} iteration(s) off the loop, each run where the count "
                f"reaches it: the slices they read of {names} are parameters "
                f"{', '.join(added)} (cache.slices)",
            )
        )
    for loop, splits in loops.items():
        parent = loop.block
        count, full = counts[loop]
        rest = _native.peel_loop_front(loop, count)
        if rest is None:
            remarks.append((loop, "is not peeled: upstream's peeling declined the loop"))
            continue
        added: list[str] = []
        for split in splits:
            added.extend(_apply(split, rest, parent, body, attributes, sink, full))
        names = ", ".join(f"%arg{s.stream.argument.arg_number}" for s in splits)
        what = (
            f"unrolls the loop fully ({count + 1} iterations): the slices they read of {names} "
            f"are parameters {', '.join(added)} and the rows left of each (cache.slices)"
            if full
            else f"peels {count} iteration(s) off the loop: the slices they read of "
            f"{names} are parameters {', '.join(added)} (cache.slices)"
        )
        remarks.append((function if full else rest, what))
    _sink_to_first_uses(sink)
    function.attributes["arg_attrs"] = ir.ArrayAttr.get([ir.DictAttr.get(a) for a in attributes])
    update_function_type(function)
    located = [(op.location, message) for op, message in remarks]
    function, _ = run_or_restore(function, "func.func(canonicalize)")
    return function, [(loop_at(function, where), message) for where, message in located]


def unrolls_fully(stream: SliceStream, threshold: int) -> bool:
    """Whether ``unroll-full-threshold=threshold`` unrolls ``stream``'s
    loop fully: a constant trip count of 2 to ``threshold``."""
    return stream.counted and 1 < stream.trip_count <= threshold


def _split_of(stream: SliceStream, iterations: int) -> _Split | str:
    """How ``stream``'s parameter splits when ``iterations`` are peeled,
    or why it cannot."""
    rows = slice_rows(stream)
    if rows is None:
        return "a slice's row is not computed from the loop's counter by integer arithmetic"
    sizes = [ir.DenseI64ArrayAttr(v.attributes["static_sizes"])[0] for v in stream.slices]
    if any(size == ir.ShapedType.get_dynamic_size() for size in sizes):
        return "a slice has a dynamic number of rows"
    later = [
        (row, row + size)
        for row_set in rows[iterations:]
        for row, size in zip(row_set, sizes, strict=True)
    ]
    first = min(start for start, _ in later)
    last = max(end for _, end in later)
    peeled = [row for row_set in rows[:iterations] for row in row_set]
    for row, size in zip(peeled, sizes * iterations, strict=True):
        if row < last and row + size > first:
            return f"row {row} is read by the peeled iterations and the loop"
    total = ir.MemRefType(stream.argument.type).shape[0]
    if last > total or any(
        row + size > total for row, size in zip(peeled, sizes * iterations, strict=True)
    ):
        return "a slice reads past the parameter's rows"
    return _Split(stream, (first, last), peeled)


def _guarded_split_of(stream: SliceStream, iterations: int) -> _Split | str:
    """How ``stream``'s parameter splits when ``iterations`` are peeled off
    its loop, whose trip count is known only at run time, each behind a
    guard (:func:`_peel_guarded`): the first ``iterations``' rows, and the
    rows the loop may read after them (:func:`later_row_range`); or why it
    cannot."""
    rows = leading_rows(stream, iterations)
    later = later_row_range(stream, iterations)
    if rows is None or later is None:
        return "a slice's row is not bounded by integer arithmetic on the loop's counter"
    sizes = [ir.DenseI64ArrayAttr(v.attributes["static_sizes"])[0] for v in stream.slices]
    if any(size == ir.ShapedType.get_dynamic_size() for size in sizes):
        return "a slice has a dynamic number of rows"
    first, last = later[0], later[1] + max(sizes)
    peeled = [row for row_set in rows for row in row_set]
    for row, size in zip(peeled, sizes * iterations, strict=True):
        if row < last and row + size > first:
            return f"row {row} is read by the peeled iterations and the loop"
    total = ir.MemRefType(stream.argument.type).shape[0]
    if last > total:
        return (
            "the rows the loop reads are not bounded within the parameter's (its trip count "
            "is known only at run time, and nothing clamps them)"
        )
    if any(row + size > total for row, size in zip(peeled, sizes * iterations, strict=True)):
        return "a slice reads past the parameter's rows"
    return _Split(stream, (first, last), peeled)


def _peel_guarded(
    loop: ir.Operation,
    splits: list[_Split],
    iterations: int,
    body: ir.Block,
    attributes: list[dict[str, ir.Attribute]],
    sink: list[ir.Operation],
) -> list[str]:
    """Peel ``iterations`` iterations off ``loop`` (constant lower bound
    and step, upper bound known at run time), splitting the parameters
    ``splits`` name (the peeled views go to ``sink``); the names of the
    parameters added.

    Each peeled iteration runs in an ``scf.if`` on the count reaching it
    (``upper > lower + k * step``), as a one-iteration copy of the loop
    (canonicalization inlines it) whose slices read parameters of their
    own, one per row; then the loop runs the rest (none where the count is
    smaller), reading the rows it keeps. Where the count reaches past them,
    ``cache-stream-loop-slices`` puts these guards and the loop in one
    guard on it (:func:`hyperoffload.transforms.stream_loop_slices.guard_trip_count`),
    so the loop's first slices can be fetched behind the peeled work."""
    lower, step = constant_int(loop.operands[0]), constant_int(loop.operands[2])
    assert lower is not None and step is not None, "checked by later_row_range"
    upper = loop.operands[1]
    index_type = upper.type
    original_body = loop_body(loop)
    views = {view: position_in(view, original_body) for s in splits for view in s.stream.slices}
    result_types = [result.type for result in loop.results]
    alone_at: list[tuple[int, ir.Operation]] = []
    state = list(loop.operands)[3:]
    with ir.InsertionPoint(loop), loop.location:
        for iteration in range(iterations):
            at = lower + iteration * step
            reached = arith.cmpi(arith.CmpIPredicate.sgt, upper, arith.constant(index_type, at))
            branch = scf.IfOp(reached, result_types, has_else=True)
            with ir.InsertionPoint(branch.then_block):
                single = loop.clone()
                single.operands[0] = arith.constant(index_type, at)
                single.operands[1] = arith.constant(index_type, at + step)
                for number, value in enumerate(state):
                    single.operands[3 + number] = value
                if TRIP_COUNT_BOUND in single.attributes:
                    del single.attributes[TRIP_COUNT_BOUND]
                scf.YieldOp(list(single.results))
            with ir.InsertionPoint(branch.else_block):
                scf.YieldOp(state)
            alone_at.append((iteration, single))
            state = list(branch.results)
        loop.operands[0] = arith.constant(index_type, lower + iterations * step)
    for number, value in enumerate(state):
        loop.operands[3 + number] = value
    bound = trip_count(loop)
    if bound is not None:
        set_trip_count_bound(loop, bound - iterations)
    # Each view's copy in each iteration run alone, found by position
    # before any is rewritten (a constant inserted moves the others).
    copies: dict[tuple[int, int], ir.Operation] = {}
    for number, (_, single) in enumerate(alone_at):
        ops = list(loop_body(single).operations)
        for position in views.values():
            copies[(number, position)] = ops[position].operation
    added: list[str] = []
    for split in splits:
        count = len(split.stream.slices)
        peeled = [
            (copies[(alone_number, views[view])], split.peeled[iteration * count + index])
            for alone_number, (iteration, _) in enumerate(alone_at)
            for index, view in enumerate(split.stream.slices)
        ]
        added += _rewrite_split(split, peeled, split.stream.slices, body, attributes)
        sink.extend(view for view, _ in peeled)
    return added


def _apply(
    split: _Split,
    rest: ir.Operation,
    parent: ir.Block,
    body: ir.Block,
    attributes: list[dict[str, ir.Attribute]],
    sink: list[ir.Operation],
    full: bool = False,
) -> list[str]:
    """Split ``split``'s parameter: the peeled slices (in ``parent``) read
    new parameters, the loop ``rest`` reads the rows it keeps. The peeled
    views, and with ``full`` the loop's (its one iteration is to be
    inlined), go to ``sink``. The names of the parameters added."""
    argument = split.stream.argument
    rest_body = loop_body(rest)
    peeled_views: list[ir.Operation] = []
    kept_views: list[ir.Operation] = []
    for use in argument.uses:
        owner = use.owner
        op = owner.operation if hasattr(owner, "operation") else owner
        if ancestor_in(op, rest_body) is not None:
            kept_views.append(op)
        else:
            peeled_views.append(op)
    # The peeled views are ops of ``parent`` (clones of the loop body's).
    order = {op.operation: index for index, op in enumerate(parent.operations)}
    peeled_views.sort(key=lambda op: order[op])
    assert len(peeled_views) == len(split.peeled), "one peeled view per peeled slice"
    sink.extend(peeled_views)
    if full:
        sink.extend(kept_views)
    return _rewrite_split(
        split, list(zip(peeled_views, split.peeled, strict=True)), kept_views, body, attributes
    )


def _rewrite_split(
    split: _Split,
    peeled: list[tuple[ir.Operation, int]],
    kept_views: list[ir.Operation],
    body: ir.Block,
    attributes: list[dict[str, ir.Attribute]],
) -> list[str]:
    """Make each ``peeled`` view (with the row it reads) read a parameter
    of its own, one per row, appended to ``body`` (``cache.slices`` in
    ``attributes``), and ``split``'s parameter hold the rows it keeps, the
    ``kept_views`` shifted; the names of the parameters added."""
    argument = split.stream.argument
    number = argument.arg_number
    type_ = ir.MemRefType(argument.type)
    context = type_.context
    added: dict[tuple[int, int], ir.BlockArgument] = {}
    names: list[str] = []
    for view, row in peeled:
        size = ir.DenseI64ArrayAttr(view.attributes["static_sizes"])[0]
        new = added.get((row, size))
        if new is None:
            new = body.add_argument(
                ir.MemRefType.get([size, *type_.shape[1:]], type_.element_type, loc=view.location),
                view.location,
            )
            added[(row, size)] = new
            attributes.append(
                {SLICES_ATTRIBUTE: ir.DenseI64ArrayAttr.get([number, row, size], context)}
            )
            names.append(f"%arg{new.arg_number}")
        view.operands[0] = new
        with ir.InsertionPoint(view), view.location:
            view.operands[1] = arith.constant(ir.IndexType.get(), 0)
    first, last = split.kept
    location = kept_views[0].location if kept_views else ir.Location.unknown(context)
    argument.set_type(
        ir.MemRefType.get([last - first, *type_.shape[1:]], type_.element_type, loc=location)
    )
    attributes[number] = {
        **attributes[number],
        SLICES_ATTRIBUTE: ir.DenseI64ArrayAttr.get([number, first, last - first], context),
    }
    if first:
        for view in kept_views:
            offset = view.operands[1]
            with ir.InsertionPoint(view), view.location:
                shift = arith.constant(offset.type, first)
                view.operands[1] = arith.subi(offset, shift)
    return names


def _sink_to_first_uses(views: list[ir.Operation]) -> None:
    """Move each of ``views`` (slices of parameters, their operands defined
    before them) right before the first op of its block that uses it: the
    loop body took its slices at the top of the iteration, and a parameter
    counts as used from its view on, so the planner would fetch a peeled
    slice before the work of its layer that comes before its first use.
    Each block's ops are numbered once (the views' users never move)."""
    positions: dict[ir.Block, dict[ir.Operation, int]] = {}
    for view in views:
        block = view.block
        if block not in positions:
            positions[block] = {op.operation: i for i, op in enumerate(block.operations)}
        index = positions[block]
        users = [ancestor_in(use.owner.operation, block) for use in view.results[0].uses]
        firsts = [user for user in users if user is not None]
        if firsts:
            view.move_before(min(firsts, key=lambda op: index[op]))


def argument_attributes(function: ir.Operation) -> list[dict[str, ir.Attribute]]:
    """The function's parameter attributes, one dict per parameter."""
    count = len(function.regions[0].blocks[0].arguments)
    if "arg_attrs" not in function.attributes:
        return [{} for _ in range(count)]
    return [
        {named.name: named.attr for named in ir.DictAttr(attrs)}
        for attrs in ir.ArrayAttr(function.attributes["arg_attrs"])
    ]


def slice_attributes(function: ir.Operation) -> dict[int, tuple[int, int, int]]:
    """Per parameter of ``function`` with ``cache.slices``, its (parameter
    as given, first row, rows)."""
    found: dict[int, tuple[int, int, int]] = {}
    for number, attrs in enumerate(argument_attributes(function)):
        if SLICES_ATTRIBUTE in attrs:
            values = list(ir.DenseI64ArrayAttr(attrs[SLICES_ATTRIBUTE]))
            found[number] = (values[0], values[1], values[2])
    return found
