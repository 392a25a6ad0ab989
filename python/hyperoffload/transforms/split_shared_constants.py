"""``cache-split-shared-constants``: one tensor constant per unranked cast of it.

Upstream's ``linalg-fuse-elementwise-ops`` folds reshapes of constants into
new constants, and its rewrite driver keeps one constant per value: two
different constants that collapse to the same values become one. Where
that one constant then reaches two ``tensor.cast``s to an unranked tensor
(how programs hand a buffer to ``printMemrefF32`` or any external
function), one-shot bufferization must bufferize both casts in place on
one read-only buffer and fails with "cannot avoid RaW conflict", although
it accepted the program as written. This pass, run right after the fusion
in ``hyper-bufferize-pipeline``, gives each such cast its own constant
again, as the program had.

Before: tensor IR. After: no ``arith.constant`` of a ranked tensor has more
than one ``tensor.cast`` to an unranked tensor among its users; every other
such cast reads a clone of the constant made right before it.

Conservative: only unranked casts get a clone (they are what cannot be
bufferized out of place); a constant read by several other ops stays one
constant (a weight must not be duplicated), and so does one of the casts.

Example::

    %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %u = tensor.cast %c : tensor<2xf32> to tensor<*xf32>
    %v = tensor.cast %c : tensor<2xf32> to tensor<*xf32>

becomes::

    %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %u = tensor.cast %c : tensor<2xf32> to tensor<*xf32>
    %c2 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %v = tensor.cast %c2 : tensor<2xf32> to tensor<*xf32>
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.ir_utils import walk_preorder
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class SplitSharedConstantsPass(ModulePass):
    """Give every unranked cast of a tensor constant after the first its own copy."""

    name = "cache-split-shared-constants"
    summary = "Give each unranked tensor.cast of a tensor constant its own constant."

    def run(self, module: ir.Operation) -> None:
        for op in walk_preorder(module):
            if op.name == "arith.constant" and isinstance(op.results[0].type, ir.RankedTensorType):
                split_casts(op)


def split_casts(constant: ir.Operation) -> None:
    """Clone ``constant`` before each of its unranked ``tensor.cast`` users
    but one and make that cast read the clone."""
    casts = [
        use.owner.operation if hasattr(use.owner, "operation") else use.owner
        for use in constant.results[0].uses
    ]
    casts = [
        op
        for op in casts
        if op.name == "tensor.cast" and isinstance(op.results[0].type, ir.UnrankedTensorType)
    ]
    for cast in casts[1:]:
        clone = constant.clone(ip=ir.InsertionPoint(cast))
        cast.operands[0] = clone.results[0]
