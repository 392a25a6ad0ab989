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

With ``mode=async`` each copy (and the free after a write-back or drop)
runs in an ``async.execute`` region on the async runtime's worker threads,
after the regions of its dependency tokens; ``cache.wait`` becomes
``async.await``, and copies nothing waits for are awaited at the end of
their block. Lower with ``async-to-async-runtime, async-runtime-ref-counting,
async-runtime-ref-counting-opt, convert-async-to-llvm`` and run with
``libmlir_async_runtime.so``.

With ``guard-pool=true`` each copy is bracketed by calls to
``hyperoffload_pool_open`` and ``hyperoffload_pool_close`` (declared in the
module, provided by ``libHyperOffloadMgpuHost.so``): the copies are the
transfers that may touch a guarded pool buffer
(``hyperoffload.runtime.run_function`` guards the pool so that compute
touching it faults).

Conservative: a token that escapes into another op stops the pass with an
error at that op.

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
from collections.abc import Callable
from typing import Literal

from mlir import ir
from mlir.dialects import async_dialect, func, memref

from hyperoffload.ir_utils import declare_missing, dynamic_sizes, to_device_type
from hyperoffload.transforms.pass_base import ModulePass, option
from hyperoffload.transforms.strip_transfers import carried_buffers, prepare_lowering


@dataclasses.dataclass(frozen=True)
class LowerToCpuPass(ModulePass):
    """Lower cache ops to host copies, synchronous or on worker threads."""

    name = "cache-lower-to-cpu"
    summary = "Lower transfers to memref copies (in place or on threads) to run on the CPU."

    mode: Literal["sync", "async"] = option(
        "sync", "sync: copies in program order; async: copies on worker threads"
    )
    guard_pool: bool = option(
        False, "open the guarded pool around each copy (hyperoffload_pool_open/close)"
    )

    def run(self, module: ir.Operation) -> None:
        problem = lower_to_cpu(module, self.mode, self.guard_pool)
        if problem is not None:
            raise self.fail(*problem)


POOL_OPEN, POOL_CLOSE = "hyperoffload_pool_open", "hyperoffload_pool_close"


def lower_to_cpu(
    root: ir.Operation, mode: str = "sync", guard_pool: bool = False
) -> tuple[ir.Operation, str] | None:
    """Lower every cache op nested in ``root`` (a module); returns the op
    and message of an escaping token (leaving the IR unchanged), else
    None. With ``guard_pool`` each copy opens the guarded pool."""
    ops, cache_ops, problem = prepare_lowering(root, "cannot lower transfers to the CPU")
    if problem is not None:
        return problem
    copy = _guarded_copy if guard_pool else memref.copy
    if guard_pool and cache_ops:
        declare_functions(root, {POOL_OPEN: [], POOL_CLOSE: []})
    # Buffers the function allocates: an evict of one frees it.
    allocated = {op.results[0] for op in ops if op.name in ("memref.alloc", "memref.alloca")}
    allocated |= carried_buffers(ops)
    if mode == "async":
        _lower_async(cache_ops, allocated, copy)
        return None
    for op in cache_ops:
        if op.name == "cache.prefetch":
            source = op.operands[0]
            result = op.results[0]
            with ir.InsertionPoint(op), op.location:
                sizes = dynamic_sizes(source)
                buffer = memref.alloc(to_device_type(ir.MemRefType(result.type)), sizes, [])
                copy(source, buffer)
            result.replace_all_uses_with(buffer)
            allocated.add(buffer)
        elif op.name == "cache.evict":
            segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
            buffer = op.operands[0]
            with ir.InsertionPoint(op), op.location:
                if segments[1]:
                    copy(buffer, op.operands[1])
                if buffer in allocated:
                    memref.dealloc(buffer)
    for op in reversed(cache_ops):
        op.erase()
    return None


def _guarded_copy(source: ir.Value, target: ir.Value) -> None:
    """``memref.copy`` with the guarded pool open around it."""
    func.call([], POOL_OPEN, [])
    memref.copy(source, target)
    func.call([], POOL_CLOSE, [])


def declare_functions(module: ir.Operation, signatures: dict[str, list[ir.Type]]) -> None:
    """Declare private external functions ``name(inputs) -> ()`` in
    ``module`` where it has no symbol of that name."""

    def declare(name: str) -> None:
        declaration = func.FuncOp(name, ir.FunctionType.get(signatures[name], []))
        declaration.sym_visibility = ir.StringAttr.get("private")

    declare_missing(module, signatures, declare)


def _lower_async(
    cache_ops: list[ir.Operation],
    allocated: set[ir.Value],
    copy: Callable[[ir.Value, ir.Value], None],
) -> None:
    token_type = ir.Type.parse("!async.token")
    tokens: dict[ir.Value, ir.Value] = {}
    created: list[ir.Operation] = []

    def on_thread(dependencies: list[ir.Value], body: Callable[[], None]) -> ir.Value:
        execute = async_dialect.ExecuteOp(token_type, [], [tokens[d] for d in dependencies], [])
        block = execute.operation.regions[0].blocks.append()
        with ir.InsertionPoint(block):
            body()
            async_dialect.YieldOp([])
        created.append(execute.operation)
        return execute.operation.results[0]

    for op in cache_ops:
        with ir.InsertionPoint(op), op.location:
            if op.name == "cache.prefetch":
                source, result = op.operands[0], op.results[0]
                sizes = dynamic_sizes(source)
                buffer = memref.alloc(to_device_type(ir.MemRefType(result.type)), sizes, [])
                result.replace_all_uses_with(buffer)
                allocated.add(buffer)
                tokens[op.results[1]] = on_thread(
                    list(op.operands)[1:], lambda s=source, b=buffer: copy(s, b)
                )
            elif op.name == "cache.evict":
                segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
                operands = list(op.operands)
                buffer = operands[0]
                destination = operands[1] if segments[1] else None
                free = buffer in allocated

                def release(
                    b: ir.Value = buffer, d: ir.Value | None = destination, f: bool = free
                ) -> None:
                    if d is not None:
                        copy(b, d)
                    if f:
                        memref.dealloc(b)

                tokens[op.results[0]] = on_thread(operands[1 + segments[1] :], release)
            else:
                for token in op.operands:
                    async_dialect.AwaitOp(None, tokens[token])
    for op in reversed(cache_ops):
        op.erase()
    # Copies nothing waits for complete before their block ends.
    for op in created:
        token = op.results[0]
        if len(list(token.uses)):
            continue
        terminator = op.block.operations[len(op.block.operations) - 1]
        with ir.InsertionPoint(terminator), terminator.location:
            async_dialect.AwaitOp(None, token)
