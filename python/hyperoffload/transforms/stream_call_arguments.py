"""``cache-stream-call-arguments``: let each call's callee fetch its weights.

A weight a function only passes to calls whose callees only read it
(:mod:`hyperoffload.analysis.call_streams`: nested jit's layers, the
generator's ``calls`` form) moves to the pool, and each call site gets a
clone of its callee that fetches it itself, one weight ahead as
straight-line code is streamed (in the order the clone first uses them:
the first prefetched at its start, each next where the one before it is
first used), each waited for right before its first use and evicted
after its last. A call then needs a weight or two at a time on the
device instead of all its layer's weights at once; the copies are the
callee's, which the simulator replays on the caller's timeline.
``hyper-offload-pipeline`` runs it with the loop streaming
(``call-weights``), choosing parameters the same way.

Before: functions calling private functions with weights as operands.
After: those parameters in ``#cache.remote`` (their views too), each call
of a streamed weight calling a clone ``@<callee>__<caller>_<n>`` whose
parameter is in the pool and fetched as above; a callee no call refers to
any more is erased. The same values are computed.

Conservative: see the analysis; a weight's copy hides only behind the
clone's own work since the weight before it was first used (each call's
first weight is exposed; the pipeline's ``call-weights=auto`` keeps the
caller's plan where that is better).

Example::

    func.func private @layer(%x: memref<8xf32>, %w: memref<8xf32>) {
      linalg.add ins(%x, %w : ...) outs(%x : memref<8xf32>)
      return
    }
    func.func @f(%x: memref<8xf32>, %w0: memref<8xf32>) {
      call @layer(%x, %w0) : (memref<8xf32>, memref<8xf32>) -> ()
      return
    }

becomes::

    func.func private @layer__f_0(%x: memref<8xf32>, %w: memref<8xf32, #cache.remote>) {
      %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
      cache.wait %t
      linalg.add ins(%x, %d : ...) outs(%x : memref<8xf32>)
      %e = cache.evict %d : memref<8xf32>
      return
    }
    func.func @f(%x: memref<8xf32>, %w0: memref<8xf32, #cache.remote>) {
      call @layer__f_0(%x, %w0) : (memref<8xf32>, memref<8xf32, #cache.remote>) -> ()
      return
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import memref

from hyperoffload.analysis.call_streams import CallStream, find_call_streams
from hyperoffload.analysis.loop_slices import ancestor_in, position_in
from hyperoffload.analysis.program import callee_symbol
from hyperoffload.analysis.references import module_of, module_references
from hyperoffload.dialects import cache
from hyperoffload.ir_utils import function_named, update_function_type
from hyperoffload.transforms.pass_base import ModulePass, functions_option


@dataclasses.dataclass(frozen=True)
class StreamCallArgumentsPass(ModulePass):
    """Move weights a function only passes to read-only callees to the
    pool, fetched by a clone of the callee per call site."""

    name = "cache-stream-call-arguments"
    summary = "Let a clone of the callee per call site fetch the weights a call is passed."
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        for function in self.selected_functions(module):
            streamed = stream_call_arguments(function)
            if streamed:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"streamed": [f"%arg{n}" for n in streamed]}


def stream_call_arguments(function: ir.Operation, arguments: set[int] | None = None) -> list[int]:
    """Stream the parameters of ``function`` its callees can fetch (those
    among ``arguments``, by number, if given; see the module docstring);
    the numbers of those streamed."""
    streams = [
        s
        for s in find_call_streams(function)
        if arguments is None or s.argument.arg_number in arguments
    ]
    if not streams:
        return []
    module = module_of(function)
    assert module is not None, "find_call_streams found the module"
    for stream in streams:
        _to_pool(stream)
    update_function_type(function)
    # Per call op, the operands its clone fetches.
    by_call: dict[ir.Operation, tuple[ir.Operation, set[int]]] = {}
    for stream in streams:
        for call, index in stream.calls:
            by_call.setdefault(call, (call, set()))[1].add(index)
    name = ir.StringAttr(function.attributes["sym_name"]).value
    taken = _symbols(module)
    callees: set[str] = set()
    # Each clone after the one before it (the first after its callee).
    placed: dict[str, ir.Operation] = {}
    for number, (call, operands) in enumerate(by_call.values()):
        callee_name = callee_symbol(call)
        assert callee_name is not None, "find_call_streams found func.call ops"
        callee = function_named(module, callee_name)
        assert callee is not None, "find_call_streams checked the callee has a body"
        clone = callee.clone()
        ir.InsertionPoint(module.regions[0].blocks[0]).insert(clone)
        clone.move_after(placed.get(callee_name, callee))
        placed[callee_name] = clone
        clone_name = _free_name(taken, f"{callee_name}__{name}_{number}")
        taken.add(clone_name)
        clone.attributes["sym_name"] = ir.StringAttr.get(clone_name)
        _fetch_in(clone, {index: call.operands[index].type for index in operands})
        call.attributes["callee"] = ir.FlatSymbolRefAttr.get(clone_name)
        callees.add(callee_name)
    for callee_name in sorted(callees):
        callee = function_named(module, callee_name)
        if callee is not None and not module_references(callee, []).callers:
            callee.erase()
    return [s.argument.arg_number for s in streams]


def _to_pool(stream: CallStream) -> None:
    """Give the parameter and its views the pool's memory space."""
    stream.argument.set_type(cache.in_pool(ir.MemRefType(stream.argument.type)))
    for view in stream.views:
        view.results[0].set_type(cache.in_pool(ir.MemRefType(view.results[0].type)))


def _fetch_in(clone: ir.Operation, remote: dict[int, ir.Type]) -> None:
    """Make parameters ``remote`` (number -> pool type) of ``clone`` pool
    memory fetched in its body, in the order of their first uses, one
    ahead: the first prefetched at its start, each next one where the one
    before it is first used; each waited for before its first use (the
    uses read a cast of the device copy to the parameter's type), evicted
    after its last."""
    entry = clone.regions[0].blocks[0]
    start = entry.operations[0].operation
    order: list[tuple[int, int, ir.Operation, ir.Operation]] = []
    for index in remote:
        parameter = entry.arguments[index]
        anchors = [
            ancestor_in(
                use.owner.operation if hasattr(use.owner, "operation") else use.owner, entry
            )
            for use in parameter.uses
        ]
        first = min(anchors, key=lambda op: position_in(op, entry))  # type: ignore[arg-type]
        last = max(anchors, key=lambda op: position_in(op, entry))  # type: ignore[arg-type]
        order.append((position_in(first, entry), index, first, last))  # type: ignore[arg-type]
    planned = sorted(order, key=lambda item: item[:2])
    prefetches = []
    for number, (_, index, _, _) in enumerate(planned):
        parameter = entry.arguments[index]
        device_type = parameter.type
        parameter.set_type(remote[index])
        # One ahead: the first at the start, each next where the one
        # before it is first used (its copy queued behind that one's).
        anchor = start if number == 0 else planned[number - 1][2]
        with ir.InsertionPoint(anchor), clone.location:
            prefetches.append((cache.PrefetchOp(parameter), device_type))
    for (_, index, first, last), (prefetch, device_type) in zip(planned, prefetches, strict=True):
        parameter = entry.arguments[index]
        with ir.InsertionPoint(first), clone.location:
            cache.WaitOp([prefetch.token])
            copy = prefetch.result
            if copy.type != device_type:
                copy = memref.cast(device_type, copy)
        parameter.replace_all_uses_except(copy, prefetch.operation)
        with ir.InsertionPoint.after(last), clone.location:
            cache.EvictOp(prefetch.result)
    update_function_type(clone)


def _symbols(module: ir.Operation) -> set[str]:
    """The symbol names of ``module``'s top-level ops."""
    return {
        ir.StringAttr(op.operation.attributes["sym_name"]).value
        for op in module.regions[0].blocks[0].operations
        if "sym_name" in op.operation.attributes
    }


def _free_name(taken: set[str], wanted: str) -> str:
    """``wanted``, or it with a number, whichever is not in ``taken``."""
    name, number = wanted, 1
    while name in taken:
        name, number = f"{wanted}_{number}", number + 1
    return name
