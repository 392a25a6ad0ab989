"""``cache-widen-bool-buffers``: store ``i1`` buffers as bytes.

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
- ``memref.load`` of it loads the byte and truncates it (the ``i1``
  condition of an ``scf.if``, JAX's ``lax.cond``), ``memref.store`` into it
  stores the extended value;
- ``memref.copy`` between two such buffers and ``memref.dealloc`` carry over.

Before: IR on memrefs. After: the same values computed, with every widened
buffer holding 0 or 1 bytes where it held ``false``/``true``.

The ``i1`` constants and helpers JAX passes masks through are widened too
(``jnp.tril`` of a boolean constant, nested jit's ``@tril``/``@_where``): a
private ``memref.global`` of ``i1`` (its initial value becomes 0/1 bytes)
with its ``memref.get_global`` results, and the ``i1`` parameters of private
functions with the operands every ``func.call`` passes them (the function
type follows).

Conservative: buffers that must share a type (connected by ``memref.copy``,
a call operand and its parameter, a global and its reads) are widened
together or not at all; a group is left as it is if any member is used by
another op (a view such as ``memref.subview`` or ``memref.expand_shape``, a
named linalg op other than ``linalg.fill``, a return), or
if it holds a parameter of a public function, a public global, or a
function whose symbol something other than a call refers to (their types
belong to others).

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

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg

from hyperoffload.ir_utils import (
    functions_with_bodies,
    symbol_used_otherwise,
    update_function_type,
    visibility,
    walk_preorder,
)
from hyperoffload.transforms.pass_base import ModulePass

_ALLOCATIONS = ("memref.alloc", "memref.alloca")
_CARRIED = (
    "memref.dealloc",
    "memref.copy",
    "linalg.generic",
    "linalg.fill",
    "memref.load",
    "memref.store",
)


@dataclasses.dataclass(frozen=True)
class WidenBoolBuffersPass(ModulePass):
    """Store allocated ``i1`` buffers as ``i8`` where every use allows it."""

    name = "cache-widen-bool-buffers"
    summary = "Store allocated i1 buffers as i8 bytes so they can be lowered and run."

    def run(self, module: ir.Operation) -> None:
        for name, (widened, kept) in widen_bool_buffers(module).items():
            if widened or kept:
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


class _Groups:
    """Union-find over the i1 buffers of a module: buffers that must share
    one type (copied into each other, passed to a parameter, read from one
    global) are widened together or not at all."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}  # a value, or a global's symbol name
        self.values: list[ir.Value | None] = []  # None for a global
        self.owner: list[str | None] = []  # the function holding it, for statistics
        self.parent: list[int] = []
        self.supported: list[bool] = []

    def add(self, value: ir.Value | None, function: str | None, key: object = None) -> int:
        key = value if key is None else key
        if key not in self.index:
            self.index[key] = len(self.values)
            self.values.append(value)
            self.owner.append(function)
            self.parent.append(len(self.parent))
            self.supported.append(True)
        return self.index[key]

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def chosen(self) -> list[bool]:
        ok: dict[int, bool] = {}
        for node in range(len(self.values)):
            root = self.find(node)
            ok[root] = ok.get(root, True) and self.supported[node]
        return [ok[self.find(node)] for node in range(len(self.values))]


def widen_bool_buffers(module: ir.Operation) -> dict[str, tuple[int, int]]:
    """Widen the ``i1`` buffers of ``module`` (see the module docstring);
    per function, how many of its buffers were widened and how many kept."""
    groups = _Groups()
    functions = functions_with_bodies(module)
    by_name = {ir.StringAttr(f.attributes["sym_name"]).value: f for f in functions}
    globals_: dict[str, tuple[ir.Operation, int]] = {}
    for op in module.regions[0].blocks[0].operations:
        operation = op.operation
        if operation.name != "memref.global":
            continue
        type_ = ir.TypeAttr(operation.attributes["type"]).value
        if _integer_width(type_) == 1:
            symbol = ir.StringAttr(operation.attributes["sym_name"]).value
            node = groups.add(None, None, key=("global", symbol))
            globals_[symbol] = (operation, node)
            if visibility(operation) != "private":
                groups.supported[node] = False  # its type belongs to other modules
    parameters: dict[str, list[int | None]] = {}
    for name, function in by_name.items():
        private = visibility(function) == "private"
        arguments = function.regions[0].blocks[0].arguments
        parameters[name] = [
            groups.add(a, name) if private and _integer_width(a.type) == 1 else None
            for a in arguments
        ]
    for name, function in by_name.items():
        for op in walk_preorder(function):
            if op.name in _ALLOCATIONS and _integer_width(op.results[0].type) == 1:
                groups.add(op.results[0], name)
            elif op.name == "memref.get_global" and _integer_width(op.results[0].type) == 1:
                node = groups.add(op.results[0], name)
                symbol = ir.FlatSymbolRefAttr(op.attributes["name"]).value
                if symbol in globals_:
                    groups.join(node, globals_[symbol][1])
                else:
                    groups.supported[node] = False
    for node, value in enumerate(list(groups.values)):
        if value is None:
            continue  # a global: its get_globals carry its uses
        for use in value.uses:
            user = use.owner.operation
            if user.name == "memref.copy":
                other = user.operands[1 - use.operand_number]
                if other in groups.index:
                    groups.join(node, groups.index[other])
                else:
                    groups.supported[node] = False
            elif user.name == "func.call":
                callee = ir.FlatSymbolRefAttr(user.attributes["callee"]).value
                parameter = parameters.get(callee, [])
                target = (
                    parameter[use.operand_number] if use.operand_number < len(parameter) else None
                )
                if target is None:
                    groups.supported[node] = False
                else:
                    groups.join(node, target)
            elif user.name not in _CARRIED or (
                user.name in ("linalg.fill", "memref.store") and use.operand_number != 1
            ):
                groups.supported[node] = False
    # A parameter of a function called in a way other than func.call (its
    # symbol taken by func.constant, say) keeps i1.
    for name, nodes in parameters.items():
        if any(n is not None for n in nodes) and symbol_used_otherwise(module, name):
            for n in nodes:
                if n is not None:
                    groups.supported[n] = False
    chosen = groups.chosen()
    counts: dict[str, list[int]] = {}
    users: list[ir.Operation] = []
    seen: set[ir.Operation] = set()
    for node, value in enumerate(groups.values):
        owner = groups.owner[node]
        if owner is not None and value is not None and not isinstance(value.owner, ir.Block):
            counts.setdefault(owner, [0, 0])[0 if chosen[node] else 1] += 1
        if not chosen[node] or value is None:
            continue
        for use in value.uses:
            user = use.owner.operation
            if user.name in _REWRITTEN and user not in seen:
                seen.add(user)
                users.append(user)
        value.set_type(_widened(value.type))
    for symbol, (global_op, node) in globals_.items():
        del symbol
        if chosen[node]:
            _widen_global(global_op)
    for name, nodes in parameters.items():
        if any(n is not None and chosen[n] for n in nodes):
            update_function_type(by_name[name])
    for user in users:
        _REWRITTEN[user.name](user)
    return {name: (a, b) for name, (a, b) in counts.items()}


def _widen_global(op: ir.Operation) -> None:
    """Give an ``i1`` global ``i8`` elements (0 or 1), its initial value too."""
    type_ = _widened(ir.TypeAttr(op.attributes["type"]).value)
    op.attributes["type"] = ir.TypeAttr.get(type_)
    if "initial_value" not in op.attributes:
        return
    initial = op.attributes["initial_value"]
    if not isinstance(initial, ir.DenseIntElementsAttr):
        return  # uninitialized (a unit attribute): nothing to convert
    tensor = ir.RankedTensorType.get(list(type_.shape), ir.IntegerType.get_signless(8))
    values = np.array([int(bool(v)) for v in initial], dtype=np.int8).reshape(type_.shape)
    if initial.is_splat:
        op.attributes["initial_value"] = ir.DenseElementsAttr.get_splat(
            tensor, ir.IntegerAttr.get(ir.IntegerType.get_signless(8), int(values.flat[0]))
        )
    else:
        op.attributes["initial_value"] = ir.DenseElementsAttr.get(values, type=tensor)


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


def _widen_load(op: ir.Operation) -> None:
    """A load of a widened buffer loads the byte and truncates it."""
    loaded = op.results[0]
    loaded.set_type(ir.IntegerType.get_signless(8))
    with ir.InsertionPoint.after(op), op.location:
        narrow = arith.trunci(ir.IntegerType.get_signless(1), loaded)
    loaded.replace_all_uses_except(narrow, narrow.owner.operation)


def _widen_store(op: ir.Operation) -> None:
    """A store into a widened buffer stores the extended byte."""
    with ir.InsertionPoint(op), op.location:
        wide = arith.extui(ir.IntegerType.get_signless(8), op.operands[0])
    op.operands[0] = wide


def _widen_fill(op: ir.Operation) -> None:
    """Rebuild a ``linalg.fill`` of a widened buffer with a byte scalar."""
    value, output = op.operands[0], op.operands[1]
    with ir.InsertionPoint(op), op.location:
        byte = arith.extui(ir.IntegerType.get_signless(8), value)
        linalg.fill(byte, outs=[output])
    op.erase()


# Per op that uses a widened buffer and changes with it, its rewrite.
_REWRITTEN = {
    "linalg.generic": _widen_generic,
    "linalg.fill": _widen_fill,
    "memref.load": _widen_load,
    "memref.store": _widen_store,
}
