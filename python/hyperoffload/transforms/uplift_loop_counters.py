"""``cache-uplift-loop-counters``: a counter a loop carries as a 0-d tensor
becomes its induction variable.

JAX's ``lax.fori_loop`` over stacked layers comes out of IREE's StableHLO
input passes as an ``scf.for`` that also carries the layer index as a
``tensor<i32>`` iteration argument, increments it with a 0-d
``linalg.generic``, and computes each slice's index from it (wrapping
negative indices) in more 0-d generics before a ``tensor.extract``. The
slices then do not move with the induction variable as far as
``cache-stream-loop-slices`` can tell, and the stacked weights stay whole.
Upstream has no pass that relates a carried counter to the induction
variable; this one does it for the counters it can prove equal:

- inside ``scf.for`` bodies (and ``scf.while`` regions: ``lax.while_loop``
  compares and increments its counter the same way), each
  ``linalg.generic`` over 0-d tensors only becomes its payload on scalars
  between ``tensor.extract`` and ``tensor.from_elements`` (and an extract
  of a ``from_elements`` is folded);
- an iteration argument that is a 0-d integer tensor of the induction
  variable's type, starts at a constant ``k`` and is yielded as itself
  plus the loop's constant step, is ``k + (iv - lb)`` in every iteration:
  its reads (``tensor.extract``) become that;
- a counted ``scf.while`` (``lax.while_loop`` counting to an input: the
  condition region only forwards the loop's arguments on ``counter <
  bound``, the bound defined above the loop, the counter starting at a
  constant and incremented by 1) becomes an ``scf.for`` from that constant
  to the bound, step 1, its trip count known only at run time
  (:func:`uplift_counted_while`; upstream's ``scf::upliftWhileToForLoop``
  does this for scalar counters but the wheel does not export it);
- where a counter was replaced, upstream ``int-range-optimizations`` runs
  on the function, folding what the induction variable's range decides
  (JAX's ``index < 0 ? index + n : index``).

Before: linalg-on-tensors. After: the same values, with the counters'
reads replaced by the induction variable, and counted while loops
``scf.for`` loops. A counter nothing reads any more, in the loop or
after it (JAX's, once its reads are the induction variable), is no
longer carried: bufferized, it was a 0-d buffer with a copy into it in
every iteration, which nothing reads.

Conservative: only counters with constant start, lower bound and step
whose increment is the step; 0-d generics outside loops are left alone; a
while loop whose condition region does anything but compare (ops other
than ``tensor.extract``/``empty``/``from_elements`` and ``arith``), or
that stops on anything but ``counter < bound``, stays a while loop.

Example (inside the loop ``scf.for %i = %c0 to %c2 step %c1 ... : i32``
carrying ``%n = dense<0> : tensor<i32>``)::

    %w = linalg.generic {indexing_maps = [#s, #s], iterator_types = []}
        ins(%n : tensor<i32>) outs(%e : tensor<i32>) {
    ^bb0(%in: i32, %out: i32):
      %neg = arith.cmpi slt, %in, %c0_i32 : i32
      ...
    %idx = tensor.extract %w[] : tensor<i32>

becomes::

    %idx = ... %i ...   // arith on %i, the wrap folded away

and ``scf.while (%c = %zero, %h = %x)`` whose condition is ``extract(%c) <
extract(%n)`` and whose body yields ``from_elements(extract(%c) + 1)``
becomes ``scf.for %i = %c0_i32 to extract(%n) step %c1_i32
iter_args(%c = %zero, %h = %x) : i32`` with the same body.
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import arith, scf, tensor

from hyperoffload.analysis.program import constant_int
from hyperoffload.ir_utils import (
    defined_in,
    defining_op,
    functions_with_bodies,
    walk_preorder,
    without_iter_args,
)
from hyperoffload.transforms.pass_base import ModulePass, run_or_restore


@dataclasses.dataclass(frozen=True)
class UpliftLoopCountersPass(ModulePass):
    """Replace the reads of a loop-carried 0-d counter by the induction
    variable (scalarizing the 0-d generics in loops first, and making
    counted while loops ``scf.for`` loops)."""

    name = "cache-uplift-loop-counters"
    summary = (
        "Make a counter a loop carries as a 0-d tensor its induction variable "
        "(a counted while loop an scf.for)."
    )

    def run(self, module: ir.Operation) -> None:
        for function in functions_with_bodies(module):
            scalarized, uplifted = uplift_loop_counters(function)
            if uplifted:
                function, problem = run_or_restore(function, "func.func(int-range-optimizations)")
                if problem is not None:
                    self.emit_remark(
                        function,
                        "upstream int-range-optimizations made this function invalid "
                        f"({problem}); its counters are uplifted, their ranges not folded",
                    )
            if scalarized or uplifted:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {
                    "scalarized_generics": scalarized,
                    "uplifted_counters": uplifted,
                }


def _zero_d(type_: ir.Type) -> bool:
    return isinstance(type_, ir.RankedTensorType) and ir.RankedTensorType(type_).rank == 0


def uplift_loop_counters(function: ir.Operation) -> tuple[int, int]:
    """Scalarize the 0-d generics in ``function``'s loops and uplift their
    counters; returns how many of each."""
    loops = [op for op in walk_preorder(function) if op.name == "scf.for"]
    # The ops in loops (lax.while_loop's scf.while too: its condition and
    # counter are 0-d generics), each once: a loop nested in another is in
    # its walk.
    every_loop = [op for op in walk_preorder(function) if op.name in _LOOPS]
    outermost = [loop for loop in every_loop if not _in_loop(loop)]
    inside = [op for loop in outermost for op in walk_preorder(loop)]
    scalarized = sum(1 for op in inside if op.name == "linalg.generic" and _scalarize(op))
    for loop in outermost:
        for op in walk_preorder(loop):
            if op.name == "tensor.extract" and not len(op.operands) - 1:
                source = defining_op(op.operands[0])
                if source is not None and source.name == "tensor.from_elements":
                    op.results[0].replace_all_uses_with(source.operands[0])
                    op.erase()
    loops += [uplift_counted_while(loop) or loop for loop in every_loop if loop.name == "scf.while"]
    uplifted = 0
    for loop in loops:
        if loop.name != "scf.for":
            continue
        count, dead = _uplift(loop)
        uplifted += count
        if dead:
            _drop_counters(loop, dead)
    return scalarized, uplifted


_LOOPS = ("scf.for", "scf.while")


def _in_loop(op: ir.Operation) -> bool:
    """Whether an ``scf.for`` or ``scf.while`` encloses ``op`` (within its
    function)."""
    parent = op.parent.operation
    while parent.name != "func.func":
        if parent.name in _LOOPS:
            return True
        parent = parent.parent.operation
    return False


def _scalarize(op: ir.Operation) -> bool:
    """Rewrite a ``linalg.generic`` over 0-d tensors only as its payload on
    the extracted scalars; False (unchanged) for any other generic."""
    if len(ir.ArrayAttr(op.attributes["iterator_types"])):
        return False
    if not all(_zero_d(v.type) for v in [*op.operands, *op.results]) or not len(op.results):
        return False
    block = op.regions[0].blocks[0]
    mapping: dict[ir.Value, ir.Value] = {}
    with ir.InsertionPoint(op), op.location:
        for argument, operand in zip(block.arguments, op.operands, strict=True):
            if next(iter(argument.uses), None) is not None:  # an unread out: no read of it
                mapping[argument] = tensor.extract(operand, [])
        for inner in block.operations:
            operation = inner.operation
            if operation.name == "linalg.yield":
                for result, value in zip(op.results, operation.operands, strict=True):
                    scalar = mapping.get(value, value)
                    result.replace_all_uses_with(tensor.from_elements(result.type, [scalar]))
                break
            clone = operation.clone()
            for index, operand in enumerate(clone.operands):
                if operand in mapping:
                    clone.operands[index] = mapping[operand]
            for old, new in zip(operation.results, clone.results, strict=True):
                mapping[old] = new
    op.erase()
    return True


def _uplift(loop: ir.Operation) -> tuple[int, list[int]]:
    """Replace the reads of ``loop``'s counters by ``k + (iv - lb)``; how
    many, and the iteration arguments of those nothing reads any more
    (their result unused after the loop)."""
    body = loop.regions[0].blocks[0]
    iv = body.arguments[0]
    lower, step = constant_int(loop.operands[0]), constant_int(loop.operands[2])
    if lower is None or step is None:
        return 0, []
    terminator = body.operations[len(body.operations) - 1].operation
    count = 0
    dead: list[int] = []
    for index, init in enumerate(list(loop.operands)[3:]):
        argument = body.arguments[1 + index]
        if not _zero_d(argument.type):
            continue
        element = ir.RankedTensorType(argument.type).element_type
        start = constant_int(init)
        if element != iv.type or start is None:
            continue
        if not _increments(terminator.operands[index], argument, step):
            continue
        reads = [
            use.owner.operation
            for use in argument.uses
            if use.owner.operation.name == "tensor.extract"
        ]
        first = body.operations[0].operation
        with ir.InsertionPoint(first), loop.location:
            value = iv
            if start != lower:
                offset = arith.constant(iv.type, start - lower)
                value = arith.addi(iv, offset)
        for read in reads:
            read.results[0].replace_all_uses_with(value)
            read.erase()
        count += 1
        if not _used(argument) and not _used(loop.results[index]):
            dead.append(index)
    return count, dead


def _used(value: ir.Value) -> bool:
    return next(iter(value.uses), None) is not None


# Ops a dropped counter's increment is made of (none has an effect).
_INCREMENT_OPS = ("tensor.from_elements", "tensor.extract")


def _drop_counters(loop: ir.Operation, numbers: list[int]) -> None:
    """Rebuild ``loop`` without its counters ``numbers`` (nothing reads
    them, inside or after the loop), and erase the increments it yielded:
    bufferized, each would be a 0-d buffer copied into the counter's
    every iteration."""
    body = loop.regions[0].blocks[0]
    terminator = body.operations[len(body.operations) - 1].operation
    pending = [defining_op(terminator.operands[number]) for number in numbers]
    without_iter_args(loop, numbers)
    while pending:
        op = pending.pop()
        if op is None or any(_used(result) for result in op.results):
            continue
        if op.name not in _INCREMENT_OPS and not op.name.startswith("arith."):
            continue
        operands = [defining_op(operand) for operand in op.operands]
        op.erase()
        pending.extend(operands)


# Ops a counted while loop's condition region may hold besides the
# comparison: none has an effect, so the region can go.
_CONDITION_OPS = ("tensor.extract", "tensor.empty", "tensor.from_elements")


def uplift_counted_while(loop: ir.Operation) -> ir.Operation | None:
    """Rebuild ``scf.while`` ``loop`` as an ``scf.for`` where it is a
    counted loop (the new loop, else None and ``loop`` unchanged): its
    condition region only forwards its arguments on ``counter < bound``
    (``arith.cmpi slt`` of the extracted 0-d counter and a scalar defined
    above the loop, or the extract of a tensor that is; nothing else there
    but side-effect-free ``tensor``/``arith`` ops), the counter starts at
    a constant ``k`` and the body yields it plus 1. Then the loop runs for
    ``iv`` from ``k`` to ``bound`` step 1 (no iteration where ``bound <=
    k``, as the while loop), each iteration the body with the same
    arguments; the counter stays an iteration argument (its result is
    what the while loop's was), for :func:`_uplift` to replace its reads.
    Upstream's ``scf::upliftWhileToForLoop`` does this for scalar
    counters, but the wheel does not export it, and JAX's counter is a
    tensor."""
    before, after = loop.regions[0].blocks[0], loop.regions[1].blocks[0]
    condition = before.operations[len(before.operations) - 1].operation
    inits = list(loop.operands)
    forwarded = list(condition.operands)[1:]
    if len(forwarded) != len(inits) or any(
        value != argument for value, argument in zip(forwarded, before.arguments, strict=True)
    ):
        return None
    compare = defining_op(condition.operands[0])
    if (
        compare is None
        or compare.name != "arith.cmpi"
        or ir.IntegerAttr(compare.attributes["predicate"]).value != 2  # slt
    ):
        return None
    for op in list(before.operations)[:-1]:
        name = op.operation.name
        if name not in _CONDITION_OPS and not name.startswith("arith."):
            return None
    read = defining_op(compare.operands[0])
    if read is None or read.name != "tensor.extract" or len(read.operands) != 1:
        return None
    counter = read.operands[0]
    if not isinstance(counter.owner, ir.Block) or counter.owner != before:
        return None
    number = ir.BlockArgument(counter).arg_number
    start = constant_int(inits[number])
    yielded = after.operations[len(after.operations) - 1].operation.operands[number]
    if start is None or not _increments(yielded, after.arguments[number], 1):
        return None
    bound = compare.operands[1]
    bound_read = defining_op(bound)
    outside = not defined_in(bound, loop)
    if not outside and bound_read is not None and bound_read.name == "tensor.extract":
        if any(defined_in(v, loop) for v in bound_read.operands):
            return None
    elif not outside:
        return None
    element = bound.type
    with ir.InsertionPoint(loop), loop.location:
        if not outside:
            bound = bound_read.clone().results[0]  # type: ignore[union-attr]
        lower = arith.constant(element, start)
        step = arith.constant(element, 1)
        new = scf.ForOp(lower, bound, step, inits)
    with ir.InsertionPoint(new.body), loop.location:
        placeholder = scf.YieldOp([])
    for argument, replacement in zip(after.arguments, new.inner_iter_args, strict=True):
        argument.replace_all_uses_with(replacement)
    for op in list(after.operations):
        op.operation.move_before(placeholder)
    placeholder.erase()
    for result, replacement in zip(loop.results, new.results, strict=True):
        result.replace_all_uses_with(replacement)
    loop.erase()
    return new.operation


def _increments(yielded: ir.Value, argument: ir.Value, step: int) -> bool:
    """Whether ``yielded`` is ``from_elements(extract(argument) + step)``."""
    packed = defining_op(yielded)
    if packed is None or packed.name != "tensor.from_elements":
        return False
    add = defining_op(packed.operands[0])
    if add is None or add.name != "arith.addi":
        return False
    for mine, other in ((0, 1), (1, 0)):
        read = defining_op(add.operands[mine])
        if (
            read is not None
            and read.name == "tensor.extract"
            and read.operands[0] == argument
            and constant_int(add.operands[other]) == step
        ):
            return True
    return False
