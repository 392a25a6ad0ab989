"""``cache-strip-transfers``: remove every cache op and restore plain memrefs.

Undoes an offload schedule, for IR whose schedule is no longer wanted (to
compare against the unscheduled program, or before a different planner runs).

Before: any IR with ``cache.prefetch``/``cache.evict``/``cache.wait`` and
``#cache.remote`` memrefs whose tokens are used only by cache ops.
After: no cache op and no ``#cache.remote`` type is left anywhere (function
signatures, op results, block arguments, type attributes such as
``memref.global``'s); the program computes the same values:

- uses of a prefetched buffer read the prefetch's source instead;
- ``cache.evict %b to %dst`` becomes ``memref.copy %b, %dst`` (dropped when
  ``%b`` is ``%dst`` itself after the rewrite);
- an evict of a buffer from ``memref.alloc`` becomes ``memref.dealloc``, so
  the buffer is still freed where the schedule freed it; an evict of a
  prefetched buffer or of a function argument frees nothing;
- ``cache.wait`` is erased.

Conservative: if a token flows anywhere but a cache op (``scf.yield``, a call,
a block argument), the transfer cannot be removed without changing that op;
the pass reports an error at the user and leaves the IR unchanged.

Example::

    func.func @f(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
      %dev, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
      cache.wait %t
      linalg.copy ins(%dev : memref<64xf32>) outs(%o : memref<64xf32>)
      %e = cache.evict %dev : memref<64xf32>
      cache.wait %e
      return
    }

becomes::

    func.func @f(%w: memref<64xf32>, %o: memref<64xf32>) {
      linalg.copy ins(%w : memref<64xf32>) outs(%o : memref<64xf32>)
      return
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import memref

from hyperoffload import _native
from hyperoffload.ir_utils import walk_preorder
from hyperoffload.transforms.pass_base import ModulePass

CACHE_OPS = ("cache.prefetch", "cache.evict", "cache.wait")


@dataclasses.dataclass(frozen=True)
class StripTransfersPass(ModulePass):
    """Remove every cache op and the ``#cache.remote`` memory space."""

    name = "cache-strip-transfers"
    summary = "Remove every cache op and restore plain device memrefs."

    def run(self, module: ir.Operation) -> None:
        escaping = strip_transfers(module)
        if escaping is not None:
            user, message = escaping
            raise self.fail(user, message)


def strip_transfers(root: ir.Operation) -> tuple[ir.Operation, str] | None:
    """Strip every cache op nested in ``root`` (see the module docstring).

    Returns None, or, leaving the IR unchanged, the op a token escapes into
    and the message saying so.
    """
    _, cache_ops, escaping = prepare_lowering(root, "cannot strip transfers")
    if escaping is not None:
        return escaping
    for op in cache_ops:
        if op.name == "cache.prefetch":
            op.results[0].replace_all_uses_with(op.operands[0])
    for op in cache_ops:
        if op.name == "cache.evict":
            _lower_evict(op)
    # Pre-order puts every token's uses after its definition: erasing in
    # reverse never erases an op whose token is still used.
    for op in reversed(cache_ops):
        op.erase()
    return None


def prepare_lowering(
    root: ir.Operation, what: str
) -> tuple[list[ir.Operation], list[ir.Operation], tuple[ir.Operation, str] | None]:
    """The ops nested in ``root`` (pre-order) and its cache ops; unless a
    token escapes into a non-cache op (third item: that op and the message,
    ``what`` leading it; the IR untouched), the ``#cache.remote`` space is
    dropped from every type first, as every lowering of transfers needs."""
    ops = walk_preorder(root)
    cache_ops = [op for op in ops if op.name in CACHE_OPS]
    escaping = escaping_token(cache_ops, what)
    if escaping is None:
        _native.strip_remote_space(root)
    return ops, cache_ops, escaping


def carried_buffers(ops: list[ir.Operation]) -> set[ir.Value]:
    """The device buffers an ``scf.for`` carries from one iteration to the
    next (``cache-stream-loop-slices``): each iteration argument, and loop
    result, that starts as one prefetch's buffer and is yielded another's.
    An evict of one frees a prefetched buffer: its lowering frees it."""
    carried: set[ir.Value] = set()

    def prefetched(value: ir.Value) -> bool:
        owner = value.owner
        return not isinstance(owner, ir.Block) and owner.operation.name == "cache.prefetch"

    for op in ops:
        if op.name != "scf.for":
            continue
        body = op.regions[0].blocks[0]
        inits = list(op.operands)[3:]
        yielded = list(body.operations[len(body.operations) - 1].operands)
        for index, (init, out) in enumerate(zip(inits, yielded, strict=True)):
            if prefetched(init) and prefetched(out):
                carried.add(body.arguments[1 + index])
                carried.add(op.results[index])
    return carried


def escaping_token(
    cache_ops: list[ir.Operation], what: str = "cannot strip transfers"
) -> tuple[ir.Operation, str] | None:
    """The first op a token of ``cache_ops`` flows into that is not a cache
    op, with the message saying so; None if tokens stay among cache ops."""
    for op in cache_ops:
        if op.name == "cache.wait":
            continue
        token = op.results[len(op.results) - 1]
        for use in token.uses:
            user = use.owner
            user_name = user.name if hasattr(user, "name") else user.operation.name
            if user_name not in CACHE_OPS:
                return (
                    user,
                    f"{what}: the token of '{op.name}' is used by "
                    f"'{user_name}', which is not a cache op",
                )
    return None


def _lower_evict(op: ir.Operation) -> None:
    buffer = op.operands[0]
    segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
    destination = op.operands[1] if segments[1] else None
    with ir.InsertionPoint(op), op.location:
        if destination is not None and buffer != destination:
            memref.copy(buffer, destination)
        owner = buffer.owner
        if isinstance(owner, ir.OpView | ir.Operation) and owner.name == "memref.alloc":
            memref.dealloc(buffer)
