"""``cache-strip-transfers``: remove every cache op and restore plain memrefs.

Undoes an offload schedule, for IR whose schedule is no longer wanted (to
compare against the unscheduled program, or before a different planner runs).

Before: any IR with ``cache.prefetch``/``cache.evict``/``cache.wait`` and
``#cache.remote`` memrefs whose tokens are used only by cache ops.
After: no cache op and no ``#cache.remote`` type is left anywhere (function
signatures, op results, block arguments, type attributes such as
``memref.global``'s); the program computes the same values:

- uses of a prefetched buffer read the prefetch's source instead; a buffer
  a loop carries across iterations (a pipelined loop's: its iteration
  argument has the device buffer's type) stays a buffer of its own,
  ``memref.alloc`` and ``memref.copy`` where it was prefetched, freed
  where it was evicted;
- ``cache.evict %b to %dst`` becomes ``memref.copy %b, %dst`` (dropped when
  ``%b`` is ``%dst`` itself after the rewrite);
- an evict of a buffer from ``memref.alloc`` becomes ``memref.dealloc``, so
  the buffer is still freed where the schedule freed it; an evict of a
  prefetched buffer or of a function argument frees nothing;
- ``cache.wait`` is erased.

A token an ``scf.for`` carries across iterations (a prefetch issued two
iterations ahead, ``cache-stream-loop-slices{distance=2}``) is dropped with
the iteration argument and loop result that carry it.

Conservative: if a token flows anywhere else but a cache op (an
``scf.yield`` of another op, a call), the transfer cannot be removed
without changing that op; the pass reports an error at the user and leaves
the IR unchanged.

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
from hyperoffload.ir_utils import dynamic_sizes, to_device_type, walk_preorder, without_iter_args
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
    ops, cache_ops, escaping = prepare_lowering(root, "cannot strip transfers")
    if escaping is not None:
        return escaping
    # A buffer a loop carries has the device type its iteration argument
    # has: it stays a buffer of its own, allocated and copied where it was
    # prefetched, freed where it was evicted.
    carried = carried_buffers(ops)
    copied: set[ir.Value] = set()
    for op in cache_ops:
        if op.name != "cache.prefetch":
            continue
        result = op.results[0]
        if any(_carried_by(use.owner, use.operand_number) for use in result.uses):
            with ir.InsertionPoint(op), op.location:
                buffer = memref.alloc(
                    to_device_type(ir.MemRefType(result.type)), dynamic_sizes(op.operands[0]), []
                )
                memref.copy(op.operands[0], buffer)
            result.replace_all_uses_with(buffer)
            copied.add(buffer)
        else:
            result.replace_all_uses_with(op.operands[0])
    for op in cache_ops:
        if op.name == "cache.evict":
            _lower_evict(op, carried | copied)
    # Pre-order puts every token's uses after its definition: erasing in
    # reverse never erases an op whose token is still used.
    for op in reversed(cache_ops):
        op.erase()
    return None


def prepare_lowering(
    root: ir.Operation, what: str, keep_carried_tokens: bool = False
) -> tuple[list[ir.Operation], list[ir.Operation], tuple[ir.Operation, str] | None]:
    """The ops nested in ``root`` (pre-order) and its cache ops; unless a
    token escapes into a non-cache op (third item: that op and the message,
    ``what`` leading it; the IR untouched), the ``#cache.remote`` space is
    dropped from every type first, as every lowering of transfers needs,
    and, unless ``keep_carried_tokens``, the tokens loops carry across
    iterations (:func:`drop_carried_tokens`)."""
    ops = walk_preorder(root)
    cache_ops = [op for op in ops if op.name in CACHE_OPS]
    escaping = escaping_token(cache_ops, what)
    if escaping is None:
        _native.strip_remote_space(root)
        if not keep_carried_tokens and drop_carried_tokens(ops):
            ops = walk_preorder(root)
            cache_ops = [op for op in ops if op.name in CACHE_OPS]
    return ops, cache_ops, escaping


def carried_token_arguments(loop: ir.Operation) -> list[int]:
    """The iteration arguments (by number) through which the ``scf.for``
    ``loop`` carries ``!cache.token`` values."""
    return [
        number
        for number, init in enumerate(list(loop.operands)[3:])
        if str(init.type) == "!cache.token"
    ]


def drop_carried_tokens(ops: list[ir.Operation]) -> bool:
    """Rebuild each ``scf.for`` among ``ops`` that carries tokens across
    iterations without those iteration arguments (whether any did): a
    lowering whose copies complete before the next iteration (synchronous
    copies, or copies awaited at the end of the block that issues them)
    needs no token from the iteration before. Uses of a dropped iteration
    argument or result (cache ops, all of them, which the lowering then
    removes) take the token the loop starts with."""
    dropped = False
    for loop in ops:
        if loop.name != "scf.for":
            continue
        tokens = carried_token_arguments(loop)
        if not tokens:
            continue
        dropped = True
        without_iter_args(loop, tokens)
    return dropped


def carried_buffers(ops: list[ir.Operation]) -> set[ir.Value]:
    """The device buffers an ``scf.for`` carries from one iteration to the
    next (``cache-stream-loop-slices``): each iteration argument, and loop
    result, that starts as one prefetch's buffer and is yielded another's
    (or another such iteration argument).
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
        # Prefetched two iterations ahead, a buffer moves from one
        # iteration argument to the one used next: carried too.
        changed = True
        while changed:
            changed = False
            for index, (init, out) in enumerate(zip(inits, yielded, strict=True)):
                argument = body.arguments[1 + index]
                if argument in carried or not prefetched(init):
                    continue
                if prefetched(out) or out in carried:
                    carried.add(argument)
                    carried.add(op.results[index])
                    changed = True
    return carried


def escaping_token(
    cache_ops: list[ir.Operation], what: str = "cannot strip transfers"
) -> tuple[ir.Operation, str] | None:
    """The first op a token of ``cache_ops`` flows into that is not a cache
    op, with the message saying so; None if tokens stay among cache ops."""
    for op in cache_ops:
        if op.name == "cache.wait":
            continue
        escaping = _escaping_use(op.results[len(op.results) - 1], op.name, what)
        if escaping is not None:
            return escaping
    return None


def _escaping_use(
    token: ir.Value, producer: str, what: str, seen: set[ir.Value] | None = None
) -> tuple[ir.Operation, str] | None:
    """The first non-cache op using ``token`` (through the iteration
    arguments and results of ``scf.for`` loops that carry it), with the
    message; None if there is none."""
    seen = set() if seen is None else seen
    if token in seen:
        return None
    seen.add(token)
    for use in token.uses:
        user = use.owner.operation
        if user.name in CACHE_OPS:
            continue
        carried = _carried_by(user, use.operand_number)
        if carried is None:
            return (
                user,
                f"{what}: the token of '{producer}' is used by "
                f"'{user.name}', which is not a cache op",
            )
        for value in carried:
            escaping = _escaping_use(value, producer, what, seen)
            if escaping is not None:
                return escaping
    return None


def _carried_by(user: ir.Operation, operand: int) -> list[ir.Value] | None:
    """Where a loop carries a token that ``user`` takes as operand number
    ``operand``: an ``scf.for``'s initial value or its body's ``scf.yield``
    carry it to an iteration argument and a loop result (those values); None
    for any other use."""
    # (An OpView's ``name`` may be its symbol: ask the operation.)
    user = user.operation if hasattr(user, "operation") else user
    parent = user.parent.operation if user.parent is not None else None
    if user.name == "scf.for" and operand >= 3:
        number = operand - 3
        loop = user
    elif user.name == "scf.yield" and parent is not None and parent.name == "scf.for":
        number = operand
        loop = parent
    else:
        return None
    return [loop.regions[0].blocks[0].arguments[1 + number], loop.results[number]]


def _lower_evict(op: ir.Operation, copies: set[ir.Value]) -> None:
    """``op`` as a copy back and, for an allocation or a buffer among
    ``copies`` (those a loop carries), a dealloc."""
    buffer = op.operands[0]
    segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
    destination = op.operands[1] if segments[1] else None
    with ir.InsertionPoint(op), op.location:
        if destination is not None and buffer != destination:
            memref.copy(buffer, destination)
        owner = buffer.owner
        allocated = isinstance(owner, ir.OpView | ir.Operation) and owner.name == "memref.alloc"
        if allocated or buffer in copies:
            memref.dealloc(buffer)
