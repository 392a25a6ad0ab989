"""``cache-widen-bool-buffers``: store allocated ``i1`` buffers as bytes.

Bufferizing linalg-on-tensors leaves ``memref<...xi1>`` allocations where a
boolean is reduced (torch-mlir's decomposed scaled-dot-product attention
checks whether a row is all ``-inf``); ``linalg-fuse-elementwise-ops`` cannot
fuse a reduction away. Upstream's ``finalize-memref-to-llvm`` aborts on
loads and stores of integers narrower than a byte, so such a program can be
planned but neither run nor lowered. Upstream has no pass that widens them
(``arith-emulate-wide-int`` goes the other way); this one does, for the
buffers whose every use it understands:

- the ``memref.alloc``/``memref.alloca`` becomes ``i8`` (same bytes: an
  ``i1`` element takes a byte in memory);
- ``linalg.generic`` reading or writing it gets an ``i8`` block argument,
  truncated to ``i1`` (``arith.trunci``) where the payload uses it, and a
  yielded ``i1`` for it is extended (``arith.extui``, so 0 or 1);
- ``linalg.fill`` of it fills the extended scalar;
- ``memref.copy`` between two such buffers and ``memref.dealloc`` carry over.

Before: IR on memrefs. After: the same values computed, with every widened
buffer holding 0 or 1 bytes where it held ``false``/``true``.

Conservative: buffers connected by ``memref.copy`` are widened together or
not at all; a group is left as it is if any member is used by another op
(a view such as ``memref.subview`` or ``memref.expand_shape``, a call, a
load or store, a named linalg op other than ``linalg.fill``), or if it is a
function argument or a global (their type belongs to the caller).

Example::

    %m = memref.alloc() : memref<8xi1>
    linalg.fill ins(%true : i1) outs(%m : memref<8xi1>)
    linalg.generic {...} ins(%x : memref<8x4xf32>) outs(%m : memref<8xi1>) {
    ^bb0(%in: f32, %out: i1):
      %c = arith.cmpf oeq, %in, %ninf : f32
      %a = arith.andi %c, %out : i1
      linalg.yield %a : i1
    }

becomes::

    %m = memref.alloc() : memref<8xi8>
    %t = arith.extui %true : i1 to i8
    linalg.fill ins(%t : i8) outs(%m : memref<8xi8>)
    linalg.generic {...} ins(%x : memref<8x4xf32>) outs(%m : memref<8xi8>) {
    ^bb0(%in: f32, %out: i8):
      %o = arith.trunci %out : i8 to i1
      %c = arith.cmpf oeq, %in, %ninf : f32
      %a = arith.andi %c, %o : i1
      %w = arith.extui %a : i1 to i8
      linalg.yield %w : i8
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import arith, linalg

from hyperoffload.ir_utils import functions_with_bodies, walk_preorder
from hyperoffload.transforms.pass_base import ModulePass

_ALLOCATIONS = ("memref.alloc", "memref.alloca")
_CARRIED = ("memref.dealloc", "memref.copy", "linalg.generic", "linalg.fill")


@dataclasses.dataclass(frozen=True)
class WidenBoolBuffersPass(ModulePass):
    """Store allocated ``i1`` buffers as ``i8`` where every use allows it."""

    name = "cache-widen-bool-buffers"
    summary = "Store allocated i1 buffers as i8 bytes so they can be lowered and run."

    def run(self, module: ir.Operation) -> None:
        for function in functions_with_bodies(module):
            widened, kept = widen_bool_buffers(function)
            if widened or kept:
                name = ir.StringAttr(function.attributes["sym_name"]).value
                self.statistics[name] = {
                    "widened_buffers": widened,
                    "kept_bool_buffers": kept,
                }


def _integer_width(type_: ir.Type) -> int | None:
    """The width of a memref's integer elements, None for anything else."""
    if not isinstance(type_, ir.MemRefType):
        return None
    element = ir.MemRefType(type_).element_type
    return ir.IntegerType(element).width if isinstance(element, ir.IntegerType) else None


def _widened(type_: ir.Type) -> ir.MemRefType:
    memref = ir.MemRefType(type_)
    return ir.MemRefType.get(
        list(memref.shape),
        ir.IntegerType.get_signless(8),
        layout=memref.layout,
        memory_space=memref.memory_space,
    )


def widen_bool_buffers(root: ir.Operation) -> tuple[int, int]:
    """Widen the ``i1`` allocations nested in ``root`` (see the module
    docstring); returns how many were widened and how many kept."""
    allocations = [
        op.results[0]
        for op in walk_preorder(root)
        if op.name in _ALLOCATIONS and _integer_width(op.results[0].type) == 1
    ]
    # Buffers copied into each other share one type: group them.
    parent = list(range(len(allocations)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    index_of = {value: index for index, value in enumerate(allocations)}
    supported = [True] * len(allocations)
    for index, value in enumerate(allocations):
        for use in value.uses:
            user = use.owner.operation
            if user.name not in _CARRIED:
                supported[index] = False
            elif user.name == "memref.copy":
                other = user.operands[1 - use.operand_number]
                if other in index_of:
                    parent[find(index)] = find(index_of[other])
                else:
                    supported[index] = False
            elif user.name == "linalg.fill" and use.operand_number == 0:
                supported[index] = False
    group_ok: dict[int, bool] = {}
    for index in range(len(allocations)):
        group = find(index)
        group_ok[group] = group_ok.get(group, True) and supported[index]
    chosen = [v for i, v in enumerate(allocations) if group_ok[find(i)]]
    users: list[ir.Operation] = []
    seen: set[ir.Operation] = set()
    for value in chosen:
        for use in value.uses:
            user = use.owner.operation
            if user.name in ("linalg.generic", "linalg.fill") and user not in seen:
                seen.add(user)
                users.append(user)
        value.set_type(_widened(value.type))
    for user in users:
        if user.name == "linalg.generic":
            _widen_generic(user)
        else:
            _widen_fill(user)
    return len(chosen), len(allocations) - len(chosen)


def _widen_generic(op: ir.Operation) -> None:
    """Match the payload of ``op`` to operands that became ``i8``."""
    inputs = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])[0]
    block = op.regions[0].blocks[0]
    byte = ir.IntegerType.get_signless(8)
    boolean = ir.IntegerType.get_signless(1)
    yield_op = block.operations[len(block.operations) - 1]
    for number, operand in enumerate(op.operands):
        argument = block.arguments[number]
        if _integer_width(operand.type) != 8 or argument.type != boolean:
            continue
        argument.set_type(byte)
        if next(iter(argument.uses), None) is not None:
            with ir.InsertionPoint.at_block_begin(block), op.location:
                narrow = arith.trunci(boolean, argument)
            argument.replace_all_uses_except(narrow, narrow.owner.operation)
        if number >= inputs:
            result = number - inputs
            with ir.InsertionPoint(yield_op), op.location:
                wide = arith.extui(byte, yield_op.operands[result])
            yield_op.operands[result] = wide


def _widen_fill(op: ir.Operation) -> None:
    """Rebuild a ``linalg.fill`` of a widened buffer with a byte scalar."""
    value, output = op.operands[0], op.operands[1]
    with ir.InsertionPoint(op), op.location:
        byte = arith.extui(ir.IntegerType.get_signless(8), value)
        linalg.fill(byte, outs=[output])
    op.erase()
