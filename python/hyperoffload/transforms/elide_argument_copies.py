"""``cache-elide-argument-copies``: pass a private callee the view it reads,
not a copy of it.

One-Shot Bufferize with ``function-boundary-type-conversion=identity-layout-map``
(the only conversion that keeps public signatures and works with
``buffer-results-to-out-params``) gives every function argument an identity
layout. A call that passes a slice of a larger buffer at a non-zero offset
(JAX's nested jit passes each layer ``P[i]`` of its stacked weights) then
copies the slice into a fresh buffer first: each layer's weights are on the
device twice, and the stacked buffer is read by copies rather than by the
layers, so it cannot be fetched slice by slice. Upstream has no pass that
takes such a copy back (the layout is fixed at the boundary). This one does,
where the callee only reads the argument: the callee's parameter gets a
strided layout that every call site's view casts to (``offset: ?`` when the
offsets differ), each call passes its view through a ``memref.cast``, and the
copies and their buffers go.

Before: bufferized functions, before deallocation is added (the pass sits in
``hyper-bufferize-pipeline`` right after bufferization). After: the same
program with fewer copies; a private callee's parameter may have a strided
layout; results are bit-identical (the callee reads the same elements).

Conservative: only private functions nothing but ``func.call`` refers to; only
parameters the callee uses as ``linalg`` inputs, ``memref.load`` sources,
``memref.copy`` sources and ``memref.dim`` operands (any other use may need
the identity layout, or write); a copy only if its buffer is a
``memref.alloc`` used by nothing but that copy (as its target) and the call,
in the same block, and the copied view is of a parameter of the caller
(through views) that nothing in the caller writes: calls of other callees
are taken to write what they are passed. Like bufferization itself, it
assumes distinct function arguments do not alias.

Example (``@layer(%w: memref<16x16xf32>)`` only reads ``%w``)::

    %s = memref.subview %stack[1, 0, 0] [1, 16, 16] [1, 1, 1] : ...
    %v = memref.collapse_shape %s [[0, 1], [2]] : ... into
        memref<16x16xf32, strided<[16, 1], offset: 256>>
    %copy = memref.alloc() : memref<16x16xf32>
    memref.copy %v, %copy : ... to memref<16x16xf32>
    call @layer(%copy) : (memref<16x16xf32>) -> ()

becomes::

    %s = memref.subview %stack[1, 0, 0] [1, 16, 16] [1, 1, 1] : ...
    %v = memref.collapse_shape %s [[0, 1], [2]] : ...
    %c = memref.cast %v : memref<16x16xf32, strided<[16, 1], offset: 256>> to
        memref<16x16xf32, strided<[16, 1], offset: ?>>
    call @layer(%c) : (memref<16x16xf32, strided<[16, 1], offset: ?>>) -> ()
    // and @layer(%w: memref<16x16xf32, strided<[16, 1], offset: ?>>)
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import memref

from hyperoffload.analysis.offload_plan import REBUILT_VIEWS
from hyperoffload.analysis.program import read_only_parameters, reads_any_layout
from hyperoffload.ir_utils import (
    symbol_used_otherwise,
    update_function_type,
    visibility,
    walk_preorder,
)
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class ElideArgumentCopiesPass(ModulePass):
    """Pass read-only private callees the views their callers copy."""

    name = "cache-elide-argument-copies"
    summary = "Pass a private callee the view it only reads, not a copy of it."

    def run(self, module: ir.Operation) -> None:
        for callee, elided in elide_argument_copies(module).items():
            self.statistics[callee] = {"elided_copies": elided}


def elide_argument_copies(module: ir.Operation) -> dict[str, int]:
    """Rewrite ``module``; per callee, the copies elided."""
    functions: dict[str, ir.Operation] = {}
    calls: dict[str, list[ir.Operation]] = {}
    for op in walk_preorder(module):
        name = op.name
        if name == "func.func":
            symbol = ir.StringAttr(op.attributes["sym_name"]).value
            functions[symbol] = op
        elif name == "func.call":
            callee = ir.FlatSymbolRefAttr(op.attributes["callee"]).value
            calls.setdefault(callee, []).append(op)
    read_only = {
        symbol: read_only_parameters(function)
        for symbol, function in functions.items()
        if _is_private(function) and calls.get(symbol) and not symbol_used_otherwise(module, symbol)
    }
    elided: dict[str, int] = {}
    for symbol, parameters in read_only.items():
        for index in parameters:
            count = _elide(functions[symbol], index, calls[symbol], read_only)
            if count:
                elided[symbol] = elided.get(symbol, 0) + count
    return elided


def _is_private(function: ir.Operation) -> bool:
    return visibility(function) == "private" and len(function.regions[0].blocks) > 0


def _elide(
    callee: ir.Operation,
    index: int,
    calls: list[ir.Operation],
    read_only: dict[str, list[int]],
) -> int:
    """Retype parameter ``index`` of ``callee`` and rewrite its calls, if
    every call passes a copy this pass may elide or a value that casts to
    the new type; returns the copies elided."""
    parameter = callee.regions[0].blocks[0].arguments[index]
    old_type = ir.MemRefType(parameter.type)
    if not _is_identity(old_type):
        return 0
    sources: list[tuple[ir.Operation, ir.Value, ir.Operation | None]] = []
    for call in calls:
        passed = call.operands[index]
        copy = _elidable_copy(call, passed, read_only)
        if copy is not None:
            sources.append((call, copy.operands[0], copy))
        elif isinstance(passed, ir.OpResult) and passed.owner.name == "memref.cast":
            sources.append((call, passed.owner.operands[0], None))  # cast its source
        else:
            sources.append((call, passed, None))
    if not any(copy is not None for _, _, copy in sources):
        return 0
    new_type = _common_type(old_type, [ir.MemRefType(value.type) for _, value, _ in sources])
    if new_type is None:
        return 0
    parameter.set_type(new_type)
    update_function_type(callee)
    for call, value, copy in sources:
        passed = call.operands[index]
        with ir.InsertionPoint(call), call.location:
            cast = memref.cast(new_type, value)
        call.operands[index] = cast
        if copy is not None:
            copy.erase()
        if isinstance(passed, ir.OpResult) and not list(passed.uses):
            passed.owner.erase()  # the copy's buffer, or a cast to the old type
    return sum(1 for _, _, copy in sources if copy is not None)


def _elidable_copy(
    call: ir.Operation, passed: ir.Value, read_only: dict[str, list[int]]
) -> ir.Operation | None:
    """The ``memref.copy`` filling ``passed`` (a fresh buffer only that copy
    writes and only ``call`` reads, in ``call``'s block) if its source is a
    view of a caller parameter that nothing in the caller writes."""
    if not isinstance(passed, ir.OpResult) or passed.owner.name != "memref.alloc":
        return None
    copy = None
    passed_to_call = 0
    for use in passed.uses:
        owner = use.owner.operation if hasattr(use.owner, "operation") else use.owner
        if owner == call:
            passed_to_call += 1
            if passed_to_call > 1:
                return None  # the other parameter would read no copy
            continue
        if owner.name != "memref.copy" or use.operand_number != 1 or copy is not None:
            return None
        copy = owner
    if copy is None or copy.block != call.block:
        return None
    root = _view_root(copy.operands[0])
    if not isinstance(root, ir.BlockArgument) or not _only_read(root, read_only):
        return None
    caller = call.parent.operation
    while caller.name != "func.func":
        caller = caller.parent.operation
    if root.owner != caller.regions[0].blocks[0]:
        return None
    return copy


def _view_root(value: ir.Value) -> ir.Value:
    while isinstance(value, ir.OpResult) and value.owner.name in REBUILT_VIEWS:
        value = value.owner.operands[0]
    return value


def _only_read(root: ir.Value, read_only: dict[str, list[int]]) -> bool:
    """Whether every use of ``root`` (through views) only reads it: a read
    that takes any layout, or an operand of a call whose callee only reads
    that parameter."""
    pending = [root]
    while pending:
        value = pending.pop()
        for use in value.uses:
            owner = use.owner.operation if hasattr(use.owner, "operation") else use.owner
            if owner.name in REBUILT_VIEWS:
                pending.extend(owner.results)
            elif owner.name == "func.call":
                callee = ir.FlatSymbolRefAttr(owner.attributes["callee"]).value
                if use.operand_number not in read_only.get(callee, ()):
                    return False
            elif not reads_any_layout(owner, use.operand_number):
                return False
    return True


def _is_identity(type_: ir.MemRefType) -> bool:
    return type_.has_static_shape and _is_canonical(type_, type_.get_strides_and_offset())


def _is_canonical(type_: ir.MemRefType, layout: tuple[list[int], int]) -> bool:
    """Whether ``layout`` (strides, offset) is the identity layout's."""
    strides, offset = layout
    expected, running = [], 1
    for size in reversed(type_.shape):
        expected.append(running)
        running *= size
    return offset == 0 and list(strides) == expected[::-1]


def _common_type(old: ir.MemRefType, passed: list[ir.MemRefType]) -> ir.MemRefType | None:
    """``old`` with the strided layout every type of ``passed`` casts to:
    each stride and the offset static where they all agree, else dynamic;
    None if one differs in shape, element type or memory space."""
    dynamic = ir.ShapedType.get_dynamic_stride_or_offset()
    layouts = []
    for type_ in passed:
        if (
            type_.shape != old.shape
            or type_.element_type != old.element_type
            or type_.memory_space != old.memory_space
        ):
            return None
        layouts.append(type_.get_strides_and_offset())
    strides = [
        values[0] if len(set(values)) == 1 else dynamic
        for values in zip(*(layout[0] for layout in layouts), strict=True)
    ]
    offsets = {layout[1] for layout in layouts}
    offset = offsets.pop() if len(offsets) == 1 else dynamic
    if _is_canonical(old, (strides, offset)):
        return None  # every call passes the identity layout's elements
    layout = ir.StridedLayoutAttr.get(offset, strides)
    return ir.MemRefType.get(old.shape, old.element_type, layout, old.memory_space)
