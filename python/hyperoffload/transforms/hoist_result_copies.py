"""``cache-hoist-result-copies``: copy a result into its out-parameter as soon
as it is final, not at the return.

Upstream's ``buffer-results-to-out-params`` turns a returned memref into an
out-parameter and copies the result into it right before the ``return``.
Where the result is a view of a larger buffer (a decode step returns the
new token's keys and values, slices of each layer's concatenated KV cache),
that copy keeps the whole buffer alive to the end of the function, and no
deallocation pass can free it earlier: its last use is the copy. Upstream
has no pass that moves the copy (``buffer-hoisting`` moves allocations,
``hoist-static-allocs`` only applies when the result is an allocation of
its own). This one moves each such copy up to right after the last op that
writes the buffer under the result (or defines the result), so the
deallocation that follows (``buffer-deallocation-pipeline``, then
``cache-release-dead-buffers``) frees the buffer after its real last use.

Before: functions after ``buffer-results-to-out-params``. After: the same,
each ``memref.copy`` from a result into an out-parameter (a block argument
of the function used by nothing else) right after the last write of its
source, in the function body.

Conservative: only copies in the function body whose target argument has no
other use; the source must be one buffer the liveness analysis knows (any
unknown effect on it keeps the copy below that op). The views that make the
source from its buffer (bufferization puts them right before the return)
move with the copy when nothing else uses them; nothing moves above what
they are made of.

Example::

    %kv = memref.alloc() : memref<1x8x4097x128xf16>
    linalg.generic ... outs(%kv ...)                 // the last write
    %new = memref.subview %kv[0, 0, 4096, 0] [1, 8, 1, 128] [1, 1, 1, 1]
    linalg.matmul ins(%q, %kv ...) ...                 // reads only
    memref.copy %new, %out : ... to memref<1x8x1x128xf16>
    return

becomes::

    %kv = memref.alloc() : memref<1x8x4097x128xf16>
    linalg.generic ... outs(%kv ...)
    %new = memref.subview %kv[0, 0, 4096, 0] [1, 8, 1, 128] [1, 1, 1, 1]
    memref.copy %new, %out : ... to memref<1x8x1x128xf16>
    linalg.matmul ins(%q, %kv ...) ...
    return
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.offload_plan import REBUILT_VIEWS
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.transforms.pass_base import ModulePass

# Effects after which a copy of the buffer must stay: the data may change.
_WRITES = ("write", "read-write", "unknown", "alloc", "free")


@dataclasses.dataclass(frozen=True)
class HoistResultCopiesPass(ModulePass):
    """Move each copy of a result into its out-parameter up to right after
    the last write of its source."""

    name = "cache-hoist-result-copies"
    summary = "Copy results into their out-parameters as soon as they are final."

    def run(self, module: ir.Operation) -> None:
        for function in functions_with_bodies(module):
            moved = hoist_result_copies(function)
            if moved:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"hoisted_copies": moved}


def _result_copies(function: ir.Operation) -> list[ir.Operation]:
    """The ``memref.copy`` ops in the body writing an argument of the
    function that nothing else uses (an out-parameter)."""
    block = function.regions[0].blocks[0]
    arguments = list(block.arguments)
    copies = []
    for op in block.operations:
        operation = op.operation
        if operation.name != "memref.copy":
            continue
        target = operation.operands[1]
        if any(target == argument for argument in arguments) and _single_use(target):
            copies.append(operation)
    return copies


def _single_use(value: ir.Value) -> bool:
    uses = iter(value.uses)
    return next(uses, None) is not None and next(uses, None) is None


def hoist_result_copies(function: ir.Operation) -> int:
    """Move the result copies of ``function``; returns how many moved."""
    copies = _result_copies(function)
    if not copies:
        return 0
    try:
        liveness = BufferLiveness(function)
    except LivenessError:
        return 0  # sizes it cannot tell: leave the function as it is
    order = liveness.order
    body = order.body_positions()
    top_of = order.body_steps()  # position -> index in body
    moves: list[tuple[list[ir.Operation], ir.Operation]] = []
    for copy in copies:
        position = order.position_of(copy)
        roots = liveness.roots_of(copy.operands[0])
        if position is None or len(roots) != 1:
            continue
        (root,) = roots
        latest = [
            use.position for use in root.uses if use.position < position and use.effect in _WRITES
        ]
        # The views making the source (bufferization makes them right
        # before the return) move with the copy; what they are made of
        # must be there before.
        chain = _view_chain(copy.operands[0])
        for view in chain:
            for operand in view.operands:
                if not any(operand == other.results[0] for other in chain):
                    defined = order.defining_position(operand)
                    if defined is not None:
                        latest.append(defined)
        if not chain:
            defined = order.defining_position(copy.operands[0])
            if defined is not None:
                latest.append(defined)
        if not latest:
            continue
        anchor_step = top_of[max(latest)]
        if anchor_step + 1 >= top_of[position]:
            continue  # already right after it
        moves.append(([*reversed(chain), copy], order.ops[body[anchor_step]]))
    for ops, anchor in moves:
        for op in ops:
            op.move_after(anchor)
            anchor = op
    return len(moves)


def _view_chain(value: ir.Value) -> list[ir.Operation]:
    """The view ops (in the function body) that make ``value`` from its
    buffer and have no other use, the last made first."""
    chain: list[ir.Operation] = []
    while True:
        owner = value.owner
        if isinstance(owner, ir.Block):
            return chain
        op = owner.operation
        if op.name not in REBUILT_VIEWS or not _single_use(value):
            return chain
        if op.parent.operation.name != "func.func":
            return chain
        chain.append(op)
        value = op.operands[0]
