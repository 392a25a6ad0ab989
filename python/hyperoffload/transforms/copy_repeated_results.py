"""``cache-copy-repeated-results``: return an allocation at most once per ``return``.

A function on tensors that returns one tensor twice bufferizes into a
``func.return %alloc, %alloc``. Upstream's ``buffer-results-to-out-params``
with ``hoist-static-allocs`` replaces the allocation by the first
out-parameter and then rewrites the second result of the erased op: the
process dies with a segmentation fault (MLIR 22), nothing said. This pass,
run between bufferization and that pass in ``hyper-bufferize-pipeline``,
gives each repeated allocation its own copy, so each out-parameter gets the
value (as without hoisting, which copies the buffer into each).

Before: functions on memrefs. After: no ``func.return`` names one value
defined by ``memref.alloc`` twice; every repeat is a fresh allocation of the
same type (and dynamic sizes) holding a ``memref.copy`` of it.

Conservative: only repeats of a ``memref.alloc`` result are copied;
arguments, globals and views returned twice are left alone (nothing hoists
them, and the out-parameters get a copy each anyway). A copy costs one
buffer's traffic, which hoisting then turns into a device copy between the
out-parameters.

Example::

    %a = memref.alloc() : memref<4xf32>
    ...
    return %a, %a : memref<4xf32>, memref<4xf32>

becomes::

    %a = memref.alloc() : memref<4xf32>
    ...
    %c = memref.alloc() : memref<4xf32>
    memref.copy %a, %c : memref<4xf32> to memref<4xf32>
    return %a, %c : memref<4xf32>, memref<4xf32>
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import memref

from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class CopyRepeatedResultsPass(ModulePass):
    """Give each repeat of an allocation in a ``return`` its own copy."""

    name = "cache-copy-repeated-results"
    summary = "Return an allocated buffer at most once per return (each repeat gets a copy)."

    def run(self, module: ir.Operation) -> None:
        # func.return ends the blocks of a function body, nothing else.
        for function in functions_with_bodies(module):
            for block in function.regions[0].blocks:
                terminator = block.operations[len(block.operations) - 1].operation
                if terminator.name == "func.return":
                    copy_repeats(terminator)


def copy_repeats(op: ir.Operation) -> None:
    """Replace the repeated allocations among the operands of the
    ``func.return`` ``op`` by copies made right before it."""
    seen: set[ir.Value] = set()
    for index, value in enumerate(list(op.operands)):
        if value not in seen:
            seen.add(value)
            continue
        owner = value.owner
        if not isinstance(owner, ir.OpView | ir.Operation) or owner.name != "memref.alloc":
            continue
        alloc = owner.operation
        with ir.InsertionPoint(op), op.location:
            segments = ir.DenseI32ArrayAttr(alloc.attributes["operandSegmentSizes"])
            operands = list(alloc.operands)
            copy = memref.alloc(value.type, operands[: segments[0]], operands[segments[0] :])
            memref.copy(value, copy)
        op.operands[index] = copy
