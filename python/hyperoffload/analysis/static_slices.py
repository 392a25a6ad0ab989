"""Stacked weights read at constant slices in straight-line code.

A Python loop over ``P[i]`` of stacked weights (JAX's unrolled form) keeps
all layers' weights in one parameter and reads slice ``[i]`` in layer
``i``, each through a ``memref.subview`` at a constant offset::

    %w0 = memref.subview %w[0, 0, 0] [1, 2048, 2048] [1, 1, 1] ...
    linalg.generic ... ins(%x, %w0 ...) ...        // layer 0
    ...
    %w1 = memref.subview %w[1, 0, 0] [1, 2048, 2048] [1, 1, 1] ...
    linalg.generic ... ins(%h, %w1 ...) ...        // layer 1

One buffer read by every layer moves whole or not at all; read slice by
slice, only the slices in flight need to be on the device.
:func:`find_static_streams` finds such parameters: every use a subview in
the function body taking one whole slice along the first dimension at a
constant index (at least two distinct slices), each slice only read by
linalg ops or calls in the function body (directly or through
``expand_shape`` / ``collapse_shape`` / ``cast``; a call's callee only
reading the parameter: nested jit passes each layer its slices), and no
call in the module passing the function device memory for it. ``cache-stream-loop-slices`` (and
``hyper-offload-pipeline``) fetch each slice one slice ahead, as they do
per iteration in a loop.

Conservative: a slice used through other views, in a nested region, or
written, and a parameter used any other way, are left alone.
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.program import callee_of, read_only_parameters
from hyperoffload.analysis.references import module_references
from hyperoffload.dialects.cache import device_memref_type
from hyperoffload.ir_utils import is_remote_memref, memory_space
from hyperoffload.sizes import memref_bytes

# Views a slice may be read through (reshapes and casts: a contiguous
# slice stays contiguous, so they can be made again on its device copy).
RESHAPES = ("memref.expand_shape", "memref.collapse_shape", "memref.cast")


@dataclasses.dataclass
class StaticStream:
    """Parameter ``argument`` read at constant slices: ``slices`` (its
    subviews, ordered by their first use), per slice its readers (in order)
    and the reshapes between the slice and them (parents first)."""

    argument: ir.BlockArgument
    slices: list[ir.Operation]
    readers: list[list[ir.Operation]]
    reshapes: list[list[ir.Operation]]

    @property
    def slice_bytes(self) -> int:
        """Bytes of one slice as a device copy."""
        return memref_bytes(device_memref_type(ir.MemRefType(self.slices[0].results[0].type)))

    @property
    def trip_count(self) -> int:
        return len(self.slices)


def _operation(owner: object) -> ir.Operation:
    return owner.operation if hasattr(owner, "operation") else owner  # type: ignore[return-value]


def _whole_slice(view: ir.Operation, shape: list[int]) -> int | None:
    """The index ``view`` (a ``memref.subview``) takes along the first
    dimension if it is one whole slice at a constant index, else None."""
    if len(view.operands) != 1:  # dynamic offsets, sizes or strides
        return None
    offsets = list(ir.DenseI64ArrayAttr(view.attributes["static_offsets"]))
    sizes = list(ir.DenseI64ArrayAttr(view.attributes["static_sizes"]))
    strides = list(ir.DenseI64ArrayAttr(view.attributes["static_strides"]))
    if sizes[0] != 1 or sizes[1:] != shape[1:] or any(offsets[1:]) or any(s != 1 for s in strides):
        return None
    return offsets[0]


def _reads_only(op: ir.Operation, value: ir.Value) -> bool:
    """Whether ``op`` only reads ``value``: a linalg op taking it as an
    input only, or a call whose callee only reads the parameters it passes
    it to (the callee's body: a read of a slice there is a read here)."""
    indices = [index for index, operand in enumerate(op.operands) if operand == value]
    if op.name == "func.call":
        callee = callee_of(op)
        return callee is not None and set(indices) <= set(read_only_parameters(callee))
    # A linalg op (not a memref.copy or load: such a slice is left whole).
    inputs = _native.linalg_inputs(op)
    return inputs is not None and all(index < inputs for index in indices)


def find_static_streams(function: ir.Operation) -> list[StaticStream]:
    """The parameters of ``function`` read at constant whole slices (see
    the module docstring), in parameter order."""
    body = function.regions[0].blocks[0]
    found: list[StaticStream] = []
    callers: list[str] | None = None
    positions: dict[int, int] | None = None
    for argument in body.arguments:
        type_ = argument.type
        if not isinstance(type_, ir.MemRefType) or is_remote_memref(type_):
            continue
        memref = ir.MemRefType(type_)
        if memory_space(memref) or not memref.has_static_shape or memref.rank < 2:
            continue
        if not all(_operation(use.owner).name == "memref.subview" for use in argument.uses):
            continue
        if positions is None:
            positions = {op.operation: index for index, op in enumerate(body.operations)}
        stream = _stream_of(argument, positions, list(memref.shape))
        if stream is None:
            continue
        if callers is None:
            callers = module_references(function, []).callers
        if callers:
            return []  # its callers would have to pass pool memory
        found.append(stream)
    return found


def _stream_of(
    argument: ir.BlockArgument, positions: dict[ir.Operation, int], shape: list[int]
) -> StaticStream | None:
    def position(op: ir.Operation) -> int:
        return positions[op]

    views: list[ir.Operation] = []
    indices: set[int] = set()
    for use in argument.uses:
        op = _operation(use.owner)
        if op.name != "memref.subview" or use.operand_number != 0:
            return None
        if _operation(op.parent).name != "func.func":
            return None  # in a loop or a branch: not straight-line code
        index = _whole_slice(op, shape)
        if index is None or index in indices:
            return None
        indices.add(index)
        views.append(op)
    if len(views) < 2:
        return None
    readers: list[list[ir.Operation]] = []
    reshapes: list[list[ir.Operation]] = []
    for view in views:
        found = _readers(view.results[0])
        if found is None or not found[0]:
            return None
        readers.append(sorted(found[0], key=position))
        reshapes.append(found[1])
    order = sorted(range(len(views)), key=lambda i: position(readers[i][0]))
    return StaticStream(
        argument,
        [views[i] for i in order],
        [readers[i] for i in order],
        [reshapes[i] for i in order],
    )


def _readers(value: ir.Value) -> tuple[list[ir.Operation], list[ir.Operation]] | None:
    """The linalg ops reading ``value`` directly or through reshapes, and
    those reshapes (parents first); None if anything else uses it."""
    readers: list[ir.Operation] = []
    reshapes: list[ir.Operation] = []
    for use in value.uses:
        user = _operation(use.owner)
        if _operation(user.parent).name != "func.func":
            return None
        if user.name in RESHAPES and use.operand_number == 0:
            below = _readers(user.results[0])
            if below is None:
                return None
            reshapes.append(user)
            readers.extend(below[0])
            reshapes.extend(below[1])
        elif _reads_only(user, value):
            readers.append(user)
        else:
            return None
    return list(dict.fromkeys(readers)), reshapes
