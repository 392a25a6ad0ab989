"""``cache-lower-to-cpu``: run a transfer schedule on the CPU with synchronous copies.

The remote pool is host memory and so is the device: each transfer becomes
a synchronous ``memref.copy`` at the point the schedule issues it, so the
program keeps the schedule's allocations and frees and runs (and can be
compared with the original) in the ExecutionEngine.

- ``%dev, %t = cache.prefetch %src`` -> ``%dev = memref.alloc()`` (sized
  like ``%src``) and ``memref.copy %src, %dev``;
- ``cache.evict %b`` -> ``memref.dealloc %b`` when ``%b`` was allocated in
  the function (prefetched or ``memref.alloc``); an argument is not freed;
- ``cache.evict %b to %dst`` -> ``memref.copy %b, %dst``, then as above;
- ``cache.wait`` is erased (copies are complete when issued); every
  ``#cache.remote`` type becomes a plain memref.

Before: cache IR whose tokens are used only by cache ops. After: no cache
op and no ``#cache.remote`` type; the same values are computed.

Conservative: a token that escapes into another op stops the pass with an
error at that op. Copies do not overlap compute here (a threaded mode on the
``async`` dialect is not built yet).

Example::

    %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t
    linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
    %e = cache.evict %d : memref<64xf32>

becomes::

    %d = memref.alloc() : memref<64xf32>
    memref.copy %w, %d : memref<64xf32> to memref<64xf32>
    linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
    memref.dealloc %d : memref<64xf32>
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import memref

from hyperoffload.ir_utils import to_device_type, walk_preorder
from hyperoffload.transforms.pass_base import ModulePass
from hyperoffload.transforms.strip_transfers import CACHE_OPS, escaping_token, strip_types


@dataclasses.dataclass(frozen=True)
class LowerToCpuPass(ModulePass):
    """Lower cache ops to synchronous host copies."""

    name = "cache-lower-to-cpu"
    summary = "Lower transfers to synchronous memref copies so a schedule runs on the CPU."

    def run(self, module: ir.Operation) -> None:
        problem = lower_to_cpu(module)
        if problem is not None:
            raise self.fail(*problem)


def lower_to_cpu(root: ir.Operation) -> tuple[ir.Operation, str] | None:
    """Lower every cache op nested in ``root``; returns the op and message
    of an escaping token (leaving the IR unchanged), else None."""
    ops = walk_preorder(root)
    cache_ops = [op for op in ops if op.name in CACHE_OPS]
    problem = escaping_token(cache_ops, "cannot lower transfers to the CPU")
    if problem is not None:
        return problem
    strip_types([root, *ops])
    allocated: set[ir.Value] = set()
    for op in ops:
        if op.name in ("memref.alloc", "memref.alloca"):
            allocated.add(op.results[0])
    for op in cache_ops:
        if op.name == "cache.prefetch":
            source = op.operands[0]
            result = op.results[0]
            with ir.InsertionPoint(op), op.location:
                sizes = [
                    memref.dim(source, _index(i))
                    for i, dim in enumerate(ir.MemRefType(source.type).shape)
                    if ir.ShapedType.is_dynamic_size(dim)
                ]
                buffer = memref.alloc(to_device_type(ir.MemRefType(result.type)), sizes, [])
                memref.copy(source, buffer)
            result.replace_all_uses_with(buffer)
            allocated.add(buffer)
        elif op.name == "cache.evict":
            segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
            buffer = op.operands[0]
            with ir.InsertionPoint(op), op.location:
                if segments[1]:
                    memref.copy(buffer, op.operands[1])
                if buffer in allocated:
                    memref.dealloc(buffer)
    for op in reversed(cache_ops):
        op.erase()
    return None


def _index(value: int) -> ir.Value:
    from mlir.dialects import arith

    return arith.constant(ir.IndexType.get(), value)
