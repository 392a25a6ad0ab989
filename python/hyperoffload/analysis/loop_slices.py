"""Buffers that a loop reads slice by slice: stacked weights.

JAX's ``lax.scan`` over layers (and a Python loop over ``P[i]``) keeps all
layers' weights in one buffer and takes one slice per iteration::

    scf.for %i = %c0 to %c16 step %c1 {
      %w_i = memref.subview %w[%i, 0, 0] [1, 2048, 2048] [1, 1, 1] ...
      linalg.matmul ins(%x, %w_i : ...) outs(%y : ...)
    }

Held whole on the device, the buffer costs every layer's bytes for the
whole loop; read slice by slice, only the slices in flight need to be
there. :func:`find_slice_streams` finds such buffers; each
:class:`SliceStream` is one (loop, parameter) pair that
``cache-stream-loop-slices`` may turn into a pipelined transfer.

A parameter qualifies when every use is a ``memref.subview`` directly in
the body of one ``scf.for`` whose offsets follow the induction variable
(so each iteration reads another slice), the views are only read (declared
effects; an op declaring none may write), the loop runs a known number of
times (at least twice), and no call in the module passes the function
device memory for it (its callers would then pass pool memory).

JAX's ``lax.while_loop`` reads its slices in the ``do`` region of an
``scf.while``, at an index computed from the loop's state (a counter
loaded from its buffer, clamped into the stacked dimension): such slices
qualify too when an offset is computed inside that region (each iteration
may read another slice), whatever the trip count (which is not known).
Conservative: a parameter used any other way, a slice that does not move
with the loop, or a global, is left alone.
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.program import constant_int, constant_trip_count, trip_count
from hyperoffload.analysis.references import module_references
from hyperoffload.dialects.cache import device_memref_type
from hyperoffload.ir_utils import defining_op, is_remote_memref, memory_space
from hyperoffload.sizes import memref_bytes

# Views whose users read what the view reads (followed to find writers).
_VIEWS = frozenset(
    {
        "memref.subview",
        "memref.cast",
        "memref.collapse_shape",
        "memref.expand_shape",
        "memref.transpose",
        "memref.reinterpret_cast",
    }
)


@dataclasses.dataclass
class SliceStream:
    """Parameter ``argument`` of a function, read by ``loop`` through the
    ``slices`` (subviews in its body, in order), one per iteration each."""

    loop: ir.Operation
    argument: ir.BlockArgument
    slices: list[ir.Operation]
    trip_count: int

    @property
    def counted(self) -> bool:
        """Whether ``trip_count`` is exact: an ``scf.for`` with constant
        bounds and step (else it is the loop's bound, or 1)."""
        return self.loop.name == "scf.for" and constant_trip_count(self.loop) is not None

    @property
    def slice_bytes(self) -> int:
        """Bytes of one iteration's slices together (as device copies)."""
        total = 0
        for view in self.slices:
            total += memref_bytes(device_memref_type(ir.MemRefType(view.results[0].type)))
        return total


def ancestor_in(op: ir.Operation, block: ir.Block) -> ir.Operation | None:
    """The op of ``block`` that is ``op`` or holds it, if any."""
    current: ir.Operation | None = op
    while current is not None:
        parent = current.parent
        if parent is None:
            return None
        if current.block == block:
            return current
        current = parent.operation if hasattr(parent, "operation") else parent
    return None


def _follows_iv(value: ir.Value, iv: ir.Value, body: ir.Block, seen: set[ir.Operation]) -> bool:
    """Whether ``value`` is computed from ``iv`` by ops of ``body``."""
    if value == iv:
        return True
    op = defining_op(value)
    if op is None or op.block != body:
        return False
    if op in seen:
        return False
    seen.add(op)
    return any(_follows_iv(operand, iv, body, seen) for operand in op.operands)


def _only_read(value: ir.Value, inside: ir.Block) -> bool:
    """Whether every use of ``value`` (through views) is inside ``inside``
    (at any depth) and reads it without writing or freeing it."""
    for use in value.uses:
        owner = use.owner
        op = owner.operation if hasattr(owner, "operation") else owner
        if ancestor_in(op, inside) is None:
            return False
        if op.name in _VIEWS and use.operand_number == 0:
            if not _only_read(op.results[0], inside):
                return False
            continue
        status, effects = _native.memory_effects(op)
        if status == _native.EffectsStatus.UNKNOWN:
            return False
        for kind, operand, _ in effects:
            if operand in (use.operand_number, -1) and kind != _native.EffectKind.READ:
                return False
    return True


def find_slice_streams(function: ir.Operation) -> list[SliceStream]:
    """The parameters of ``function`` that one loop reads slice by slice
    (see the module docstring), in parameter order."""
    return [s for s in slice_candidates(function) if isinstance(s, SliceStream)]


@dataclasses.dataclass
class NotStreamed:
    """A parameter a loop reads through slices that cannot be streamed,
    and why (for the pass's remarks)."""

    loop: ir.Operation
    argument: ir.BlockArgument
    reason: str


def slice_candidates(function: ir.Operation) -> list[SliceStream | NotStreamed]:
    """Per parameter of ``function`` that an ``scf.for`` body (an
    ``scf.while`` do region) takes a ``memref.subview`` of: a
    :class:`SliceStream`, or why it is none."""
    body = function.regions[0].blocks[0]
    callers: list[str] | None = None  # walked for only if a loop slices a parameter
    found: list[SliceStream | NotStreamed] = []
    for argument in body.arguments:
        type_ = argument.type
        if not isinstance(type_, ir.MemRefType) or is_remote_memref(type_):
            continue
        loop = _slicing_loop(argument)
        if loop is None:
            continue
        if callers is None:
            callers = module_references(function, []).callers
        if callers:
            names = ", ".join(f"@{c}" for c in callers)
            found.append(NotStreamed(loop, argument, f"the function is called by {names}"))
        elif memory_space(ir.MemRefType(type_)) or not ir.MemRefType(type_).has_static_shape:
            found.append(NotStreamed(loop, argument, "not a static buffer in device memory"))
        else:
            found.append(_stream_of(argument, loop))
    return found


def loop_body(loop: ir.Operation) -> ir.Block:
    """The block a loop's iterations run: an ``scf.for``'s body, an
    ``scf.while``'s ``do`` region."""
    return loop.regions[1 if loop.name == "scf.while" else 0].blocks[0]


def _slicing_loop(argument: ir.BlockArgument) -> ir.Operation | None:
    """The first ``scf.for`` body or ``scf.while`` do region that takes a
    subview of ``argument``, as its loop."""
    for use in argument.uses:
        owner = use.owner
        op = owner.operation if hasattr(owner, "operation") else owner
        parent = op.parent
        parent_op = (parent.operation if hasattr(parent, "operation") else parent).operation
        if op.name != "memref.subview" or parent_op.name not in ("scf.for", "scf.while"):
            continue
        if op.block == loop_body(parent_op):
            return parent_op
    return None


def _stream_of(argument: ir.BlockArgument, loop: ir.Operation) -> SliceStream | NotStreamed:
    def refused(reason: str) -> NotStreamed:
        return NotStreamed(loop, argument, reason)

    slices: list[ir.Operation] = []
    for use in argument.uses:
        owner = use.owner
        op = owner.operation if hasattr(owner, "operation") else owner
        if op.name != "memref.subview" or use.operand_number != 0:
            return refused(f"it is also used by '{op.name}'")
        parent = op.parent
        parent_op = parent.operation if hasattr(parent, "operation") else parent
        if parent_op.operation != loop:
            return refused("it is also sliced outside this loop's body")
        slices.append(op)
    body = loop_body(loop)
    if loop.name == "scf.while":
        # Its trip count is not known: its bound if given, else once.
        trips = trip_count(loop) or 1
        for view in slices:
            offsets = list(view.operands)[1:]
            if not any(
                defining_op(o) is not None and defining_op(o).block == body for o in offsets
            ):
                return refused("a slice does not move with the loop's state")
    else:
        constant = constant_trip_count(loop)
        if constant is not None and constant < 2:
            return refused(f"the loop runs {constant} time(s)")
        # Bounds known only at run time: streamed all the same (each
        # iteration's slices are where it takes them), the count taken to
        # be the loop's bound if given, else once.
        trips = constant if constant is not None else trip_count(loop) or 1
        iv = body.arguments[0]
        for view in slices:
            offsets = list(view.operands)[1:]
            if not any(_follows_iv(offset, iv, body, set()) for offset in offsets):
                return refused("a slice does not move with the loop's induction variable")
        result_type = ir.MemRefType(view.results[0].type)
        if not result_type.has_static_shape:
            return refused("a slice has a dynamic shape")
        if not _only_read(view.results[0], body):
            return refused("a slice is written, or used by an op declaring no effects")
    slices.sort(key=lambda op: position_in(op, body))
    return SliceStream(loop, argument, slices, trips)


def position_in(op: ir.Operation, block: ir.Block) -> int:
    """The index of ``op`` among the ops of ``block``."""
    for index, other in enumerate(block.operations):
        if other.operation == op:
            return index
    raise ValueError("op not in block")


def is_streamed_slice(prefetch: ir.Operation) -> bool:
    """Whether ``prefetch`` (a ``cache.prefetch``) fetches a slice of a
    parameter in the pool, as ``cache-stream-loop-slices`` makes them:
    its source is a ``memref.subview`` (through casts) of a function
    argument. Those transfers are placed by the streaming itself; the
    planner plans around them and the scheduler leaves them."""
    return streamed_parameter(prefetch) is not None


def streamed_parameter(prefetch: ir.Operation) -> ir.Value | None:
    """The function argument a streamed slice's prefetch
    (:func:`is_streamed_slice`) fetches a slice of, else None."""
    source, sliced = prefetch.operands[0], False
    while not isinstance(source.owner, ir.Block) and source.owner.operation.name in (
        "memref.subview",
        "memref.cast",
    ):
        sliced = sliced or source.owner.operation.name == "memref.subview"
        source = source.owner.operands[0]
    owner = source.owner
    # (An OpView's ``name`` may be its symbol: ask the operation.)
    if sliced and isinstance(owner, ir.Block) and owner.owner.operation.name == "func.func":
        return source
    return None


# Integer ops whose value :func:`slice_rows` computes (those JAX and the
# generator put between an induction variable and a slice's offset).
_EVALUATED = {
    "arith.addi": lambda a, b: a + b,
    "arith.subi": lambda a, b: a - b,
    "arith.muli": lambda a, b: a * b,
    "arith.maxsi": max,
    "arith.minsi": min,
    "arith.maxui": max,
    "arith.minui": min,
}
_CASTS = frozenset({"arith.index_cast", "arith.index_castui", "arith.extsi", "arith.extui"})
_PREDICATES = {
    0: lambda a, b: a == b,
    1: lambda a, b: a != b,
    2: lambda a, b: a < b,
    3: lambda a, b: a <= b,
    4: lambda a, b: a > b,
    5: lambda a, b: a >= b,
    6: lambda a, b: a < b,
    7: lambda a, b: a <= b,
    8: lambda a, b: a > b,
    9: lambda a, b: a >= b,
}


def _evaluate(value: ir.Value, iv: ir.Value, at: int, body: ir.Block) -> int | None:
    """``value`` where ``iv`` is ``at``: computed by the integer ops of
    ``body`` from ``iv`` and constants; None where another op or value is
    involved (the values are non-negative slice rows: the signed and
    unsigned forms agree)."""
    if value == iv:
        return at
    constant = constant_int(value)
    if constant is not None:
        return constant
    op = defining_op(value)
    if op is None or op.block != body:
        return None
    operands = [_evaluate(o, iv, at, body) for o in op.operands]
    if any(o is None for o in operands):
        return None
    if op.name in _CASTS:
        return operands[0]
    if op.name in _EVALUATED:
        return int(_EVALUATED[op.name](*operands))
    if op.name == "arith.cmpi":
        predicate = ir.IntegerAttr(op.attributes["predicate"]).value
        return int(_PREDICATES[predicate](*operands))
    if op.name == "arith.select":
        return operands[1] if operands[0] else operands[2]
    return None


def _row_offsets(stream: SliceStream) -> list[ir.Value] | None:
    """The value each of ``stream``'s slices starts at along the stacked
    dimension (its first offset, dynamic; the others static), or None
    where one moves in another dimension."""
    offsets: list[ir.Value] = []
    for view in stream.slices:
        static = list(ir.DenseI64ArrayAttr(view.attributes["static_offsets"]))
        if static[0] != ir.ShapedType.get_dynamic_stride_or_offset() or any(
            s == ir.ShapedType.get_dynamic_stride_or_offset() for s in static[1:]
        ):
            return None
        offsets.append(view.operands[1])
    return offsets


def leading_rows(stream: SliceStream, iterations: int) -> list[list[int]] | None:
    """Per iteration of the first ``iterations`` of ``stream``'s
    ``scf.for`` (constant lower bound and step, whatever its upper bound),
    the first row of each of its slices, in order; None where one is not
    computed from the induction variable by integer arithmetic."""
    loop = stream.loop
    lower, step = constant_int(loop.operands[0]), constant_int(loop.operands[2])
    offsets = _row_offsets(stream)
    if loop.name != "scf.for" or lower is None or step is None or offsets is None:
        return None
    body = loop_body(loop)
    iv = body.arguments[0]
    rows: list[list[int]] = []
    for iteration in range(iterations):
        row = [_evaluate(offset, iv, lower + iteration * step, body) for offset in offsets]
        if any(r is None or r < 0 for r in row):
            return None
        rows.append(row)  # type: ignore[arg-type]
    return rows


def later_row_range(stream: SliceStream, iterations: int) -> tuple[int, int] | None:
    """The least and greatest first row any slice of ``stream``'s
    ``scf.for`` (constant lower bound and positive step, its upper bound
    known only at run time) takes after its first ``iterations``: the
    induction variable anywhere from there to its type's largest value,
    carried through the offsets' integer arithmetic as intervals
    (:func:`_interval`; JAX clamps its index into the stacked rows, which
    bounds it). None where an offset is not bounded that way."""
    loop = stream.loop
    lower, step = constant_int(loop.operands[0]), constant_int(loop.operands[2])
    offsets = _row_offsets(stream)
    if loop.name != "scf.for" or lower is None or step is None or step <= 0 or offsets is None:
        return None
    body = loop_body(loop)
    iv = body.arguments[0]
    start = lower + iterations * step
    ranges = [_interval(offset, iv, (start, _type_range(iv.type)[1]), body) for offset in offsets]
    if any(r is None or r[0] < 0 for r in ranges):
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)  # type: ignore[index]


def _type_range(type_: ir.Type) -> tuple[int, int]:
    """The signed range of an integer or index type (index as 64 bits)."""
    width = ir.IntegerType(type_).width if isinstance(type_, ir.IntegerType) else 64
    return -(1 << (width - 1)), (1 << (width - 1)) - 1


def _interval(
    value: ir.Value, iv: ir.Value, at: tuple[int, int], body: ir.Block
) -> tuple[int, int] | None:
    """The least and greatest ``value`` takes where ``iv`` ranges over
    ``at``: through the integer ops of ``body`` (additions, subtractions,
    products, signed min and max, casts, signed compares and selects),
    None where another op, or a value that may wrap around its
    type, is involved."""
    if value == iv:
        return at
    constant = constant_int(value)
    if constant is not None:
        return constant, constant
    op = defining_op(value)
    if op is None or op.block != body:
        return None
    name = op.name
    if name == "arith.select":
        # Only the operands the condition may pick (JAX's wrap of a
        # negative index, never taken, would overflow).
        condition = _interval(op.operands[0], iv, at, body)
        if condition is None:
            return None
        picked = [op.operands[1]] if condition[0] == 1 else []
        picked += [op.operands[2]] if condition[1] == 0 else []
        picked = picked or [op.operands[1], op.operands[2]]
        ranges = [_interval(o, iv, at, body) for o in picked]
        if any(r is None for r in ranges):
            return None
        return min(r[0] for r in ranges), max(r[1] for r in ranges)  # type: ignore[index]
    operands = [_interval(o, iv, at, body) for o in op.operands]
    if any(o is None for o in operands):
        return None
    low, high = _type_range(value.type) if name != "arith.cmpi" else (0, 1)
    result: tuple[int, int] | None = None
    if name in ("arith.index_cast", "arith.extsi"):
        result = operands[0]
    elif name == "arith.addi":
        (a, b), (c, d) = operands  # type: ignore[misc]
        result = a + c, b + d
    elif name == "arith.subi":
        (a, b), (c, d) = operands  # type: ignore[misc]
        result = a - d, b - c
    elif name == "arith.muli":
        (a, b), (c, d) = operands  # type: ignore[misc]
        products = (a * c, a * d, b * c, b * d)
        result = min(products), max(products)
    elif name in ("arith.maxsi", "arith.minsi"):
        (a, b), (c, d) = operands  # type: ignore[misc]
        pick = max if name == "arith.maxsi" else min
        result = pick(a, c), pick(b, d)
    elif name == "arith.cmpi":
        predicate = ir.IntegerAttr(op.attributes["predicate"]).value
        (a, b), (c, d) = operands  # type: ignore[misc]
        if predicate in (2, 3, 4, 5):  # slt, sle, sgt, sge
            test = _PREDICATES[predicate]
            always = test(b, c) if predicate in (2, 3) else test(a, d)
            never = not test(a, d) if predicate in (2, 3) else not test(b, c)
            result = (1, 1) if always else (0, 0) if never else (0, 1)
    if result is None or result[0] < low or result[1] > high:
        return None
    return result


def slice_rows(stream: SliceStream) -> list[list[int]] | None:
    """Per iteration of ``stream``'s ``scf.for``, the first row (index
    along the stacked dimension) of each of its slices, in order; None
    where one is not computed from the induction variable and constants by
    integer arithmetic (:func:`_evaluate`), or moves in another dimension.
    Computed once per iteration: for the few ops between a loop's counter
    and its slices' offsets."""
    return leading_rows(stream, stream.trip_count) if stream.counted else None
