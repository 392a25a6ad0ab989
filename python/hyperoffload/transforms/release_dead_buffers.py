"""``cache-release-dead-buffers``: free each buffer right after its last use.

Upstream's ownership-based deallocation frees buffers at the end of their
block, which holds every buffer until the function returns. Upstream's
``optimize-allocation-liveness`` moves each ``memref.dealloc`` right after
the last user of the buffer; this pass runs it function by function and
keeps its result only where it verifies. MLIR 22's pass follows a buffer
into the non-memref results of the ops using it (an ``i64`` returned by a
call that read the buffer) and can move a dealloc after the ``return``;
such a function is restored as it was, with a remark.

Before: functions on buffers with explicit deallocs. After: the same, each
``memref.dealloc`` moved up to right after the last use of its buffer, in
every function where upstream's move gives valid IR.

Conservative: a function whose move does not verify keeps every dealloc
where it was (its peak is not lowered); upstream moves deallocs within the
block of the allocation only.

Example::

    %a = memref.alloc() : memref<4xf32>
    linalg.fill ins(%c : f32) outs(%a : memref<4xf32>)
    linalg.copy ins(%a : memref<4xf32>) outs(%o : memref<4xf32>)
    linalg.fill ins(%c : f32) outs(%o : memref<4xf32>)
    memref.dealloc %a : memref<4xf32>

becomes::

    %a = memref.alloc() : memref<4xf32>
    linalg.fill ins(%c : f32) outs(%a : memref<4xf32>)
    linalg.copy ins(%a : memref<4xf32>) outs(%o : memref<4xf32>)
    memref.dealloc %a : memref<4xf32>
    linalg.fill ins(%c : f32) outs(%o : memref<4xf32>)
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.transforms.pass_base import ModulePass, run_or_restore


@dataclasses.dataclass(frozen=True)
class ReleaseDeadBuffersPass(ModulePass):
    """Move each dealloc to right after the buffer's last use (upstream's
    optimize-allocation-liveness, kept where it verifies)."""

    name = "cache-release-dead-buffers"
    summary = "Free each buffer right after its last use (upstream's move, where it verifies)."

    def run(self, module: ir.Operation) -> None:
        for function in functions_with_bodies(module):
            function, problem = release(function)
            if problem is not None:
                self.emit_remark(
                    function,
                    f"{self.name} leaves this function's deallocations where they were: "
                    f"upstream optimize-allocation-liveness made it invalid ({problem})",
                )


def release(function: ir.Operation) -> tuple[ir.Operation, str | None]:
    """Run upstream's optimize-allocation-liveness on ``function``. Returns
    the function and None; or, if the result does not verify, the function
    as it was before (a copy put in its place) and the verifier's first
    message."""
    if not _deallocs(function):
        return function, None
    return run_or_restore(function, "func.func(optimize-allocation-liveness)")


def _deallocs(function: ir.Operation) -> list[ir.Operation]:
    """The ``memref.dealloc`` ops directly in ``function``'s body."""
    return [
        op.operation
        for block in function.regions[0].blocks
        for op in block.operations
        if op.operation.name == "memref.dealloc"
    ]
