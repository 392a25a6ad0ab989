"""``cache-stream-static-slices``: move stacked weights that straight-line
code reads at constant slices to the pool, each slice fetched one slice
ahead.

The unrolled counterpart of ``cache-stream-loop-slices``: JAX's Python loop
over ``P[i]`` reads every layer's weights from one stacked parameter
(:mod:`hyperoffload.analysis.static_slices`), which the planner can only
move whole. Here the parameter goes to the pool and each slice comes back
by itself: slice ``k`` is prefetched where slice ``k - 1`` is first read
(slice 0 at the function's start), waited for right before its first
reader, and evicted after its last, so two slices of it are on the device
at most, as in a double-buffered loop. The readers (linalg ops) read the
device copy. ``hyper-offload-pipeline`` runs it with the loop streaming
(option ``stream-loops``), choosing parameters the same way.

Before: a function whose parameters may be stacked weights. After: those
parameters in ``#cache.remote``, their slices fetched as above (the
planner and the scheduler leave these transfers where they are).

Conservative: see the analysis (whole slices at constant indices, read by
linalg ops in the function body only; no caller).

Example::

    %w0 = memref.subview %w[0, 0] [1, 64] [1, 1] : memref<2x64xf32> to ...
    linalg.generic ins(%w0 ...) ...
    %w1 = memref.subview %w[1, 0] [1, 64] [1, 1] : memref<2x64xf32> to ...
    linalg.generic ins(%w1 ...) ...

becomes::

    %w0 = memref.subview %w[0, 0] ... #cache.remote> to ...
    %d0, %t0 = cache.prefetch %w0 ...
    %w1 = memref.subview %w[1, 0] ...
    %d1, %t1 = cache.prefetch %w1 ...
    cache.wait %t0
    linalg.generic ins(%d0 ...) ...
    %e0 = cache.evict %d0
    cache.wait %t1
    linalg.generic ins(%d1 ...) ...
    %e1 = cache.evict %d1
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.static_slices import StaticStream, find_static_streams
from hyperoffload.dialects import cache
from hyperoffload.ir_utils import update_function_type
from hyperoffload.sizes import format_bytes
from hyperoffload.transforms.pass_base import ModulePass, functions_option


@dataclasses.dataclass(frozen=True)
class StreamStaticSlicesPass(ModulePass):
    """Stream stacked weights that straight-line code reads at constant
    slices through the pool, one slice ahead."""

    name = "cache-stream-static-slices"
    summary = (
        "Move stacked weights read at constant slices to the pool, each slice fetched one ahead."
    )
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        for function in self.selected_functions(module):
            streams = stream_static(function)
            if streams:
                names = [f"%arg{s.argument.arg_number}" for s in streams]
                slices = format_bytes(sum(s.slice_bytes for s in streams))
                self.emit_remark(
                    function,
                    f"streams {', '.join(names)} slice by slice ({slices} a slice of each), "
                    "each slice prefetched where the one before it is first read",
                )
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"streamed": names}


def stream_static(function: ir.Operation, arguments: set[int] | None = None) -> list[StaticStream]:
    """Stream the stacked parameters of ``function`` (those among
    ``arguments``, by number, if given); returns the streams made."""
    streams = [
        s
        for s in find_static_streams(function)
        if arguments is None or s.argument.arg_number in arguments
    ]
    for stream in streams:
        _stream(stream)
    if streams:
        update_function_type(function)
    return streams


def _stream(stream: StaticStream) -> None:
    stream.argument.set_type(cache.in_pool(ir.MemRefType(stream.argument.type)))
    previous_first: ir.Operation | None = None
    for view, readers, reshapes in zip(stream.slices, stream.readers, stream.reshapes, strict=True):
        first, last = readers[0], readers[-1]
        # Issued where the slice before is first read, before its wait (the
        # first slice at the function's start).
        anchor = previous_first if previous_first is not None else _entry(view)
        if anchor != view:
            view.move_before(anchor)
        view.results[0].set_type(cache.in_pool(ir.MemRefType(view.results[0].type)))
        with ir.InsertionPoint.after(view), view.location:
            prefetch = cache.PrefetchOp(view.results[0])
        with ir.InsertionPoint(first), view.location:
            wait = cache.WaitOp([prefetch.token])
        device = prefetch.result
        # The reshapes made again on the device copy (contiguous, so with
        # identity layouts), after the wait; the old ones go.
        made: list[tuple[ir.Value, ir.Value]] = [(view.results[0], device)]
        point = wait.operation
        for reshape in reshapes:
            clone = reshape.clone(ir.InsertionPoint.after(point))
            clone.operands[0] = dict(made)[reshape.operands[0]]
            shaped = ir.MemRefType(reshape.results[0].type)
            clone.results[0].set_type(ir.MemRefType.get(list(shaped.shape), shaped.element_type))
            made.append((reshape.results[0], clone.results[0]))
            point = clone
        mapping = dict(made)
        for reader in readers:
            for index, operand in enumerate(reader.operands):
                if operand in mapping:
                    reader.operands[index] = mapping[operand]
        for reshape in reversed(reshapes):
            reshape.erase()
        with ir.InsertionPoint.after(last), view.location:
            cache.EvictOp(device)
        # The next slice is issued before this one is waited for.
        previous_first = wait.operation


def _entry(view: ir.Operation) -> ir.Operation:
    """The first op of the function body ``view`` is in."""
    block = view.parent.regions[0].blocks[0]
    return block.operations[0].operation
