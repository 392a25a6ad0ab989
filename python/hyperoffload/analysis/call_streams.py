"""Weights a function only passes to calls whose callees only read them.

Nested jit (and the generator's ``calls`` form) passes each layer's
weights to one shared ``@layer``: the caller's plan can only prefetch a
call's weights before it and evict them after, so a call needs all of its
layer's weights at once. If instead the callee fetched them itself, op by
op (``cache-stream-call-arguments``), each call would need one at a time,
as straight-line code does; the callee has to be cloned per call site for
that, as each site passes other weights.

:func:`find_call_streams` finds the parameters that allow it: a memref
parameter of a function no call in the module calls (its signature will
change), on the device with a static shape, whose every use is, directly
or through ``memref.subview``/``memref.cast`` views in the function body,
an operand of a ``func.call`` in the function body to a private function
with a body, which only reads the parameter it is passed (each use a read,
not returned; the callee named by no symbol reference other than calls).
Conservative: any other use (a linalg op of the caller, a view nested in a
region, a call in a loop) keeps the parameter as it is.
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.program import callee_symbol
from hyperoffload.analysis.references import module_of, module_references
from hyperoffload.ir_utils import function_named, symbol_used_otherwise, visibility
from hyperoffload.sizes import memref_bytes

_VIEWS = ("memref.subview", "memref.cast", "memref.collapse_shape", "memref.expand_shape")


@dataclasses.dataclass
class CallStream:
    """Parameter ``argument`` of a function, passed (through ``views``) to
    the calls ``calls`` only: each a call op and the operand it is."""

    argument: ir.BlockArgument
    views: list[ir.Operation]
    calls: list[tuple[ir.Operation, int]]

    @property
    def slice_bytes(self) -> int:
        """Bytes of the largest operand one call passes."""
        return max(
            memref_bytes(ir.MemRefType(call.operands[index].type)) for call, index in self.calls
        )

    @property
    def trip_count(self) -> int:
        """How many calls fetch it (streams are ranked by bytes moved)."""
        return len(self.calls)


def find_call_streams(function: ir.Operation) -> list[CallStream]:
    """The parameters of ``function`` its callees could fetch themselves
    (see the module docstring), in parameter order."""
    module = module_of(function)
    if module is None or module_references(function, []).callers:
        return []
    body = function.regions[0].blocks[0]
    readers: dict[str, set[int] | None] = {}
    found = []
    for argument in body.arguments:
        type_ = argument.type
        if not isinstance(type_, ir.MemRefType):
            continue
        memref = ir.MemRefType(type_)
        if memref.memory_space is not None or not memref.has_static_shape:
            continue
        stream = _stream_of(argument, body, module, readers)
        if stream is not None:
            found.append(stream)
    return found


def _stream_of(
    argument: ir.BlockArgument,
    body: ir.Block,
    module: ir.Operation,
    readers: dict[str, set[int] | None],
) -> CallStream | None:
    views: list[ir.Operation] = []
    calls: list[tuple[ir.Operation, int]] = []
    pending: list[ir.Value] = [argument]
    while pending:
        for use in pending.pop().uses:
            owner = use.owner
            op = owner.operation if hasattr(owner, "operation") else owner
            if op.block != body:
                return None
            if op.name in _VIEWS and use.operand_number == 0:
                views.append(op)
                pending.append(op.results[0])
                continue
            callee = callee_symbol(op)
            if callee is None:
                return None
            if callee not in readers:
                readers[callee] = _read_only_parameters(module, callee)
            read_only = readers[callee]
            if read_only is None or use.operand_number not in read_only:
                return None
            calls.append((op, use.operand_number))
    if not calls:
        return None
    return CallStream(argument, views, calls)


def _read_only_parameters(module: ir.Operation, name: str) -> set[int] | None:
    """The numbers of the memref parameters private function ``name`` only
    reads (each use a read, through views too, by the effects the liveness
    walk finds; not returned); None where it cannot be cloned per call site
    (no body, not private, named other than by calls). Wider than
    :func:`hyperoffload.analysis.program.read_only_parameters`, which asks
    for reads that take any layout: the clone's uses read a cast of the
    device copy to the parameter's own type, so any read will do."""
    callee = function_named(module, name)
    if callee is None or visibility(callee) != "private":
        return None
    if symbol_used_otherwise(module, name):
        return None
    liveness = BufferLiveness(callee, strict_sizes=False, symbols=module)
    found = set()
    for argument in callee.regions[0].blocks[0].arguments:
        roots = liveness.root_indices(argument)
        if len(roots) != 1:
            continue
        buffer = liveness.buffers[roots[0]]
        if buffer.kind != "argument" or buffer.escapes:
            continue
        _, effects = liveness.use_positions_and_effects(roots[0])
        if effects and all(effect == "read" for effect in effects):
            found.add(argument.arg_number)
    return found
