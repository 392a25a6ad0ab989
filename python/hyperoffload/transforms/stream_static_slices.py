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

Options: ``functions=``; ``hw=`` (a hardware profile: each prefetch is
then moved down to where the link starts its copy on it, see
:mod:`hyperoffload.transforms.issue_points`; ``hyper-offload-pipeline``
always does this on its ``hw``).

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
from mlir.dialects import memref

from hyperoffload.analysis.static_slices import StaticStream, find_static_streams
from hyperoffload.dialects import cache
from hyperoffload.hardware import ProfileError, load_profile
from hyperoffload.ir_utils import update_function_type
from hyperoffload.sizes import format_bytes
from hyperoffload.transforms.issue_points import issue_in_function
from hyperoffload.transforms.pass_base import ModulePass, functions_option, option


@dataclasses.dataclass(frozen=True)
class StreamStaticSlicesPass(ModulePass):
    """Stream stacked weights that straight-line code reads at constant
    slices through the pool, one slice ahead."""

    name = "cache-stream-static-slices"
    summary = (
        "Move stacked weights read at constant slices to the pool, each slice fetched one ahead."
    )
    hw: str = option(
        "",
        "hardware profile (name or TOML path) whose timeline issues each prefetch when "
        "its copy starts (empty: right after its view)",
    )
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        try:
            hardware = load_profile(self.hw) if self.hw else None
        except ProfileError as err:
            raise self.fail(module, str(err)) from None
        for function in self.selected_functions(module):
            streams = stream_static(function)
            if streams:
                if hardware is not None:
                    issue_in_function(function, hardware)
                self.emit_remark(function, describe(streams))
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {"streamed": [_name(s) for s in streams]}


def _name(stream: StaticStream) -> str:
    return f"%arg{stream.argument.arg_number}"


def describe(streams: list[StaticStream]) -> str:
    """The remark saying what :func:`stream_static` streamed."""
    slices = format_bytes(sum(s.slice_bytes for s in streams))
    return (
        f"streams {', '.join(_name(s) for s in streams)} slice by slice ({slices} a slice of "
        "each), each slice prefetched where the one before it is first read"
    )


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
    # Where the next slice is issued: before the wait for the one before,
    # that is where that slice is first read (the first at the start).
    issue_before: ir.Operation | None = None
    for view, readers, reshapes in zip(stream.slices, stream.readers, stream.reshapes, strict=True):
        first, last = readers[0], readers[-1]
        anchor = issue_before if issue_before is not None else _entry(view)
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
        mapping: dict[ir.Value, ir.Value] = {view.results[0]: device}
        point = wait.operation
        for reshape in reshapes:
            source = mapping[reshape.operands[0]]
            device_type = cache.device_memref_type(ir.MemRefType(reshape.results[0].type))
            if reshape.name == "memref.cast" and source.type == device_type:
                mapping[reshape.results[0]] = source  # a cast between layouts: none now
                continue
            clone = reshape.clone(ir.InsertionPoint.after(point))
            clone.operands[0] = source
            clone.results[0].set_type(device_type)
            mapping[reshape.results[0]] = clone.results[0]
            point = clone
        for reader in readers:
            for index, operand in enumerate(reader.operands):
                if operand in mapping:
                    reader.operands[index] = _as(mapping[operand], operand.type, reader)
        for reshape in reversed(reshapes):
            reshape.erase()
        with ir.InsertionPoint.after(last), view.location:
            cache.EvictOp(device)
        issue_before = wait.operation


def _as(value: ir.Value, type_: ir.Type, reader: ir.Operation) -> ir.Value:
    """``value`` (a device copy, identity layout) where ``reader`` reads
    ``type_``: itself for a linalg op (any layout), cast for a call (its
    callee's parameter type, a strided layout the copy casts to)."""
    if reader.name != "func.call" or value.type == type_:
        return value
    with ir.InsertionPoint(reader), reader.location:
        return memref.cast(type_, value)


def _entry(view: ir.Operation) -> ir.Operation:
    """The first op of the function body ``view`` is in."""
    block = view.parent.regions[0].blocks[0]
    return block.operations[0].operation
