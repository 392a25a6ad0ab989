"""``cache-lower-to-gpu``: lower transfers to asynchronous ``gpu`` dialect copies.

Each transfer runs on a stream of its own, apart from compute, so the
schedule's overlap survives; every async op has exactly one dependency,
joins go through ``gpu.wait async [...]`` (``gpu-to-llvm`` leaves a
``gpu.memcpy`` with two dependencies unconverted and translation then
crashes):

- ``%dev, %t = cache.prefetch %src [%deps]`` ->
  ``%j = gpu.wait async [%deps]``, ``%dev, %a = gpu.alloc async [%j]``,
  ``%t = gpu.memcpy async [%a] %dev, %src`` (pool -> device);
- ``%t = cache.evict %b [%deps]`` -> ``%j = gpu.wait async [%deps]``,
  ``%t = gpu.dealloc async [%j] %b`` for a buffer from a prefetch;
- ``%t = cache.evict %b to %dst [%deps]`` -> the same with
  ``%c = gpu.memcpy async [%j] %dst, %b`` before the dealloc;
- a buffer from ``memref.alloc`` is freed by ``memref.dealloc`` once its
  write-back is waited for (the host blocks there); an argument is not freed;
- ``cache.wait %t0, %t1`` -> ``gpu.wait [%t0, %t1]`` (the host blocks);
- ``!cache.token`` becomes ``!gpu.async.token``, ``#cache.remote`` memrefs
  host memrefs; a free nothing waits for (a dropped buffer's) is waited
  right after it, so every stream is released and no token crosses a block
  (upstream ``gpu-to-llvm`` merges blocks that end alike and would take
  such a token for an event);
- a token an ``scf.for`` carries across iterations (a pipelined loop's
  next slice) crosses blocks once lowered to ``cf``, where upstream
  ``gpu-to-llvm`` takes it for an event: it is made one where it enters
  the loop and where the body yields it (``mgpuEventCreate``, then
  ``mgpuEventRecord`` on the copy's stream and ``mgpuStreamDestroy``, which
  returns at once and releases the stream when its work is done), and
  each use consumes it once (``gpu.wait`` synchronises and destroys it;
  where it has several uses, one ``gpu.wait async`` turns it back into a
  stream first).

Before: cache IR whose tokens are used only by cache ops. After: no cache
op; the result lowers to LLVM with upstream passes, e.g.
``builtin.module(cache-lower-to-gpu, convert-linalg-to-loops, convert-scf-to-cf,
gpu-to-llvm, finalize-memref-to-llvm, convert-arith-to-llvm, convert-func-to-llvm,
convert-cf-to-llvm, reconcile-unrealized-casts)`` (lit test
``test/Conversion/lower-to-gpu-llvm.mlir`` checks the ``mgpu*`` calls).

Conservative: a token that escapes into another op (but a loop carrying
it) stops the pass with an error at that op; compute ops are left as they are (the host or a GPU
pipeline of your choice runs them).

Example::

    %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t

becomes::

    %0 = gpu.wait async
    %memref, %1 = gpu.alloc async [%0] () : memref<64xf32>
    %2 = gpu.memcpy async [%1] %memref, %w : memref<64xf32>, memref<64xf32>
    gpu.wait [%2]
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import builtin, gpu, llvm, memref

from hyperoffload.analysis.loop_slices import ancestor_in, position_in
from hyperoffload.ir_utils import declare_missing, dynamic_sizes, to_device_type
from hyperoffload.transforms.pass_base import ModulePass
from hyperoffload.transforms.strip_transfers import (
    carried_buffers,
    carried_token_arguments,
    prepare_lowering,
)


@dataclasses.dataclass(frozen=True)
class LowerToGpuPass(ModulePass):
    """Lower cache ops to async gpu allocations, copies and waits."""

    name = "cache-lower-to-gpu"
    summary = "Lower transfers to gpu.alloc/memcpy/dealloc async with one token each."

    def run(self, module: ir.Operation) -> None:
        problem = lower_to_gpu(module)
        if problem is not None:
            raise self.fail(*problem)


def lower_to_gpu(root: ir.Operation) -> tuple[ir.Operation, str] | None:
    """Lower every cache op nested in ``root``; returns the op and message
    of an escaping token (leaving the IR unchanged), else None."""
    ops, cache_ops, problem = prepare_lowering(
        root, "cannot lower transfers to the gpu dialect", keep_carried_tokens=True
    )
    if problem is not None:
        return problem
    token_type = gpu.AsyncTokenType.get()
    tokens: dict[ir.Value, ir.Value] = {}
    loops = [op for op in ops if op.name == "scf.for" and carried_token_arguments(op)]
    for loop in loops:
        _carry_events(loop, token_type, tokens)
    on_device: set[ir.Value] = set()  # buffers from gpu.alloc
    allocated = {op.results[0] for op in ops if op.name == "memref.alloc"}
    # Prefetched buffers a loop carries are gpu.alloc results too.
    on_device |= carried_buffers(ops)

    created: list[ir.Operation] = []
    # Per token, the cache.waits lowered for it so far: a wait destroys the
    # stream (or event), so what a wait that dominates an op already
    # covered is left out of that op (a second wait, a later dependency).
    waits: dict[ir.Value, list[ir.Operation]] = {}

    def pending(values: list[ir.Value], at: ir.Operation) -> list[ir.Value]:
        return [v for v in values if not any(_dominates(w, at) for w in waits.get(v, ()))]

    def join(dependencies: list[ir.Value], at: ir.Operation) -> ir.Value:
        op = gpu.WaitOp(token_type, [tokens[d] for d in pending(dependencies, at)])
        created.append(op.operation)
        return op.result

    for op in cache_ops:
        with ir.InsertionPoint(op), op.location:
            if op.name == "cache.prefetch":
                source = op.operands[0]
                result = op.results[0]
                start = join(list(op.operands)[1:], op)
                sizes = dynamic_sizes(source)
                alloc = gpu.AllocOp(
                    to_device_type(ir.MemRefType(result.type)), token_type, [start], sizes, []
                )
                copy = gpu.MemcpyOp(
                    token_type, [alloc.asyncToken], alloc.memref, contiguous_view(source)
                )
                created.append(copy.operation)
                result.replace_all_uses_with(alloc.memref)
                on_device.add(alloc.memref)
                tokens[op.results[1]] = copy.asyncToken
            elif op.name == "cache.evict":
                segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
                operands = list(op.operands)
                buffer = operands[0]
                current = join(operands[1 + segments[1] :], op)
                if segments[1]:
                    write = gpu.MemcpyOp(
                        token_type, [current], contiguous_view(operands[1]), buffer
                    )
                    created.append(write.operation)
                    current = write.asyncToken
                if buffer in on_device:
                    free = gpu.DeallocOp(token_type, [current], buffer)
                    created.append(free.operation)
                    current = free.asyncToken
                elif buffer in allocated:
                    # A host allocation is freed by the host, once copied.
                    gpu.WaitOp(None, [current])
                    memref.dealloc(buffer)
                    current = join([], op)
                tokens[op.results[0]] = current
            else:
                waited = pending(list(op.operands), op)
                if waited:
                    gpu.WaitOp(None, [tokens[t] for t in waited])
                for token in op.operands:
                    waits.setdefault(token, []).append(op)
    if loops:
        _declare_event_functions(root)
    for loop in loops:
        _record_events(loop, tokens, waits)
    for op in reversed(cache_ops):
        op.erase()
    _wait_for_loose_tokens(created)
    return None


_EVENT_FUNCTIONS = {
    "mgpuEventCreate": "!llvm.func<ptr ()>",
    "mgpuEventRecord": "!llvm.func<void (ptr, ptr)>",
    "mgpuStreamDestroy": "!llvm.func<void (ptr)>",
}


def _carry_events(
    loop: ir.Operation, token_type: ir.Type, tokens: dict[ir.Value, ir.Value]
) -> None:
    """Give the iteration arguments and results through which ``loop``
    carries cache tokens the ``!gpu.async.token`` type (events at run
    time), and map each to what its uses take: itself where it has one
    use, else one ``gpu.wait async`` on it (a stream) that they share."""
    body = loop.regions[0].blocks[0]
    for number in carried_token_arguments(loop):
        for value, anchor in (
            (body.arguments[1 + number], body.operations[0]),
            (loop.results[number], None),
        ):
            value.set_type(token_type)
            if len(list(value.uses)) <= 1:
                tokens[value] = value
                continue
            at = ir.InsertionPoint(anchor) if anchor is not None else ir.InsertionPoint.after(loop)
            with at, loop.location:
                tokens[value] = gpu.WaitOp(token_type, [value]).result


def _record_events(
    loop: ir.Operation,
    tokens: dict[ir.Value, ir.Value],
    waits: dict[ir.Value, list[ir.Operation]],
) -> None:
    """The tokens ``loop`` carries, entering it and yielded by its body,
    replaced by events recorded on their streams (``waits``: the waits
    lowered per token; a token already waited for is a complete event)."""
    body = loop.regions[0].blocks[0]
    terminator = body.operations[len(body.operations) - 1]
    for number in carried_token_arguments(loop):
        for user, operand in ((loop, 3 + number), (terminator, number)):
            value = user.operands[operand]
            done = any(_dominates(wait, user) for wait in waits.get(value, ()))
            with ir.InsertionPoint(user), user.location:
                user.operands[operand] = _event_of(tokens.get(value, value), done)


def _event_of(token: ir.Value, done: bool = False) -> ir.Value:
    """An event recorded on the stream of ``token`` (a stream, from a
    copy), the stream released, as a ``!gpu.async.token``; a token that is
    already an event (a carried one) as it is; where the token was waited
    for already (``done``: its stream is gone), a new event never recorded
    (complete)."""
    if not done and (isinstance(token.owner, ir.Block) or token.owner.operation.name == "scf.for"):
        return token
    pointer = ir.Type.parse("!llvm.ptr")
    event = _call(pointer, "mgpuEventCreate", [])
    if not done:
        stream = builtin.UnrealizedConversionCastOp([pointer], [token]).results[0]
        _call(None, "mgpuEventRecord", [event, stream])
        _call(None, "mgpuStreamDestroy", [stream])
    return builtin.UnrealizedConversionCastOp([token.type], [event]).results[0]


def _dominates(wait: ir.Operation, op: ir.Operation) -> bool:
    """Whether ``wait`` runs before ``op`` on every path to it: it is in a
    block holding ``op`` (at any depth), before the op of that block that
    holds it."""
    block = wait.block
    holder = ancestor_in(op, block)
    return holder is not None and position_in(wait, block) < position_in(holder, block)


def _call(result: ir.Type | None, name: str, operands: list[ir.Value]) -> ir.Value:
    """``llvm.call @name(operands)``: its result (the op for a void call)."""
    call = llvm.CallOp(result, operands, [], [], callee=ir.FlatSymbolRefAttr.get(name))
    return call.result if result is not None else call  # type: ignore[return-value]


def _declare_event_functions(root: ir.Operation) -> None:
    """Declare the runtime functions :func:`_event_of` calls in ``root``
    (a module), as upstream ``gpu-to-llvm`` would."""
    declare_missing(
        root,
        _EVENT_FUNCTIONS,
        lambda name: llvm.LLVMFuncOp(
            name, ir.TypeAttr.get(ir.Type.parse(_EVENT_FUNCTIONS[name])), linkage=None
        ),
    )


def contiguous_view(value: ir.Value) -> ir.Value:
    """``value`` with an identity layout: upstream lowers ``gpu.memcpy``
    only between identity-layout memrefs, and a slice of a stacked weight
    (``memref<64x64xf32, strided<[64, 1], offset: ?>>``) is contiguous but
    not that. Its LLVM descriptor gets the offset folded into the aligned
    pointer (the offset becomes 0; sizes and strides, already those of the
    identity layout, stay). Any other layout is returned as it is (upstream
    then refuses the copy)."""
    type_ = ir.MemRefType(value.type)
    if isinstance(type_.layout, ir.AffineMapAttr) or not type_.has_static_shape:
        return value  # the identity layout (or an affine map: left as it is)
    strides, _ = type_.get_strides_and_offset()
    running = 1
    for size, stride in reversed(list(zip(type_.shape, strides, strict=True))):
        if size != 1 and stride != running:
            return value  # not contiguous row-major
        running *= size
    rank = type_.rank
    arrays = f", array<{rank} x i64>, array<{rank} x i64>" if rank else ""
    descriptor_type = ir.Type.parse(f"!llvm.struct<(ptr, ptr, i64{arrays})>")
    i64 = ir.IntegerType.get_signless(64)
    pointer = ir.Type.parse("!llvm.ptr")
    none = ir.Attribute.parse("#llvm.overflow<none>")
    descriptor = builtin.UnrealizedConversionCastOp([descriptor_type], [value]).results[0]
    aligned = llvm.ExtractValueOp(pointer, descriptor, [1]).result
    offset = llvm.ExtractValueOp(i64, descriptor, [2]).result
    width = llvm.ConstantOp(i64, ir.IntegerAttr.get(i64, type_.element_type.width // 8)).result
    address = llvm.PtrToIntOp(i64, aligned).result
    shifted = llvm.AddOp(address, llvm.MulOp(offset, width, none).result, none).result
    moved = llvm.InsertValueOp(descriptor, llvm.IntToPtrOp(pointer, shifted).result, [1]).result
    zero = llvm.ConstantOp(i64, ir.IntegerAttr.get(i64, 0)).result
    rebased = llvm.InsertValueOp(moved, zero, [2]).result
    identity = ir.MemRefType.get(
        list(type_.shape), type_.element_type, memory_space=type_.memory_space
    )
    return builtin.UnrealizedConversionCastOp([identity], [rebased]).results[0]


def _wait_for_loose_tokens(created: list[ir.Operation]) -> None:
    """Tokens nothing waits for are waited, so every stream is synchronised
    and released: a free's (a dropped buffer's) right after it, so that no
    token crosses a block: upstream ``gpu-to-llvm`` first runs a greedy
    rewrite that merges identical blocks (two branches ending alike), which
    turns a token used in another block into a block argument that it then
    lowers as an event, not the stream it is (the wait crashes the runtime);
    a free is synchronous in the CUDA wrappers anyway. Any other (a copy a
    wrong schedule never waits for) at the end of its block, as it was."""
    by_block: dict[ir.Operation, tuple[ir.Operation, list[ir.Value]]] = {}
    for op in created:
        token = op.results[len(op.results) - 1]
        if str(token.type) != "!gpu.async.token" or len(list(token.uses)):
            continue
        if op.name == "gpu.dealloc":
            with ir.InsertionPoint.after(op), op.location:
                gpu.WaitOp(None, [token])
            continue
        terminator = op.block.operations[len(op.block.operations) - 1]
        by_block.setdefault(terminator, (terminator, []))[1].append(token)
    for terminator, tokens in by_block.values():
        with ir.InsertionPoint(terminator), terminator.location:
            gpu.WaitOp(None, tokens)
