"""Small helpers over the upstream MLIR Python IR API shared by passes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mlir import ir
from mlir.dialects import scf

from hyperoffload._native import RemoteMemorySpaceAttr

# How memory_space() names the pool's space.
REMOTE_SPACE = "#cache.remote"


def defined_in(value: ir.Value, op: ir.Operation) -> bool:
    """Whether ``value`` is defined inside ``op`` (by an op nested in it,
    or as an argument of a block of its regions)."""
    owner = value.owner
    parent = owner.owner if isinstance(owner, ir.Block) else owner.operation.parent
    while parent is not None:
        if parent.operation == op:
            return True
        parent = parent.operation.parent
    return False


def defining_op(value: ir.Value) -> ir.Operation | None:
    """The op that defines ``value``, or None for a block argument."""
    owner = value.owner
    if isinstance(owner, ir.Block):
        return None
    return owner.operation if hasattr(owner, "operation") else owner


def walk_preorder(root: ir.Operation) -> list[ir.Operation]:
    """Every op nested in ``root`` (``root`` excluded), in pre-order: a value's
    definition comes before every use it dominates."""
    ops: list[ir.Operation] = []

    def visit(op: ir.Operation) -> ir.WalkResult:
        ops.append(op)
        return ir.WalkResult.ADVANCE

    root.walk(visit, ir.WalkOrder.PRE_ORDER)
    return [op.operation if hasattr(op, "operation") else op for op in ops[1:]]


def is_remote_memref(type_: ir.Type) -> bool:
    if not isinstance(type_, ir.MemRefType):
        return False
    space = type_.memory_space
    return space is not None and RemoteMemorySpaceAttr.isinstance(space)


def memory_space(type_: ir.MemRefType) -> str:
    """The memory space of ``type_`` as printed; "" for the default one."""
    space = type_.memory_space
    if space is None:
        return ""
    if isinstance(space, ir.IntegerAttr):
        return str(space.value)  # `memref<4xf32, 1>`, not "1 : i64"
    if RemoteMemorySpaceAttr.isinstance(space):
        return REMOTE_SPACE
    return str(space)


def to_device_type(type_: ir.MemRefType) -> ir.MemRefType:
    """``type_`` without the ``#cache.remote`` memory space (layout kept)."""
    if not is_remote_memref(type_):
        return type_
    return ir.MemRefType.get(
        list(type_.shape),
        type_.element_type,
        layout=type_.layout,
        loc=ir.Location.unknown(type_.context),
    )


def update_function_type(function: ir.Operation) -> None:
    """Make ``function``'s type take the types its entry block's arguments
    have now (after some were given the ``#cache.remote`` space)."""
    inputs = [a.type for a in function.regions[0].blocks[0].arguments]
    function_type = ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value)
    function.attributes["function_type"] = ir.TypeAttr.get(
        ir.FunctionType.get(inputs, function_type.results)
    )


def visibility(symbol: ir.Operation) -> str:
    """A symbol's ``sym_visibility`` (``public`` when it has none)."""
    if "sym_visibility" in symbol.attributes:
        return ir.StringAttr(symbol.attributes["sym_visibility"]).value
    return "public"


def declare_missing(
    module: ir.Operation, names: Iterable[str], declare: Callable[[str], object]
) -> None:
    """Call ``declare(name)`` at the top of ``module``'s body (an unknown
    location) for each of ``names`` that is not a symbol there yet."""
    body = module.regions[0].blocks[0]
    existing = {
        ir.StringAttr(op.operation.attributes["sym_name"]).value
        for op in body.operations
        if "sym_name" in op.operation.attributes
    }
    for name in names:
        if name in existing:
            continue
        with ir.InsertionPoint.at_block_begin(body), ir.Location.unknown():
            declare(name)


def symbol_used_otherwise(module: ir.Operation, name: str) -> bool:
    """Whether ``@name`` is referred to by anything in ``module`` but a
    ``func.call`` (matched in each attribute's text: a reference under
    another name's prefix counts too, which only ever says yes)."""
    for op in walk_preorder(module):
        if op.name in ("func.call", "func.func"):
            continue
        for attribute in op.attributes:
            if f"@{name}" in str(op.attributes[attribute]):
                return True
    return False


def functions_with_bodies(module: ir.Operation) -> list[ir.Operation]:
    """The ``func.func`` ops of ``module`` that have a body."""
    functions = []
    for op in module.regions[0].blocks[0].operations:
        operation = op.operation
        if operation.name == "func.func" and len(operation.regions[0].blocks):
            functions.append(operation)
    return functions


def function_named(module: ir.Operation, name: str) -> ir.Operation | None:
    """The ``func.func @name`` of ``module`` that has a body, if any."""
    for function in functions_with_bodies(module):
        if ir.StringAttr(function.attributes["sym_name"]).value == name:
            return function
    return None


def dynamic_sizes(source: ir.Value) -> list[ir.Value]:
    """``memref.dim`` of every dynamic dimension of memref ``source``, built
    at the current insertion point: the sizes to allocate a copy with."""
    from mlir.dialects import arith, memref

    return [
        memref.dim(source, arith.constant(ir.IndexType.get(), index))
        for index, dim in enumerate(ir.MemRefType(source.type).shape)
        if ir.ShapedType.is_dynamic_size(dim)
    ]


def without_iter_args(loop: ir.Operation, numbers: Iterable[int]) -> ir.Operation:
    """Rebuild the ``scf.for`` ``loop`` without its iteration arguments
    ``numbers`` (the new loop; ``loop`` is erased): their uses in the body,
    and those of their results after it, take the value each starts with.
    The caller makes that right (an unused argument, or one every
    iteration leaves as it was)."""
    dropped = set(numbers)
    inits = list(loop.operands)[3:]
    keep = [number for number in range(len(inits)) if number not in dropped]
    body = loop.regions[0].blocks[0]
    terminator = body.operations[len(body.operations) - 1]
    with ir.InsertionPoint(loop), loop.location:
        bounds = list(loop.operands)[:3]
        new = scf.ForOp(*bounds, [inits[n] for n in keep])
    for name in loop.attributes:  # the names (cache.trip_count_bound)
        new.operation.attributes[name] = loop.attributes[name]
    with ir.InsertionPoint(new.body), terminator.location:
        new_yield = scf.YieldOp([terminator.operands[n] for n in keep])
    body.arguments[0].replace_all_uses_with(new.induction_variable)
    for index, number in enumerate(keep):
        body.arguments[1 + number].replace_all_uses_with(new.inner_iter_args[index])
        loop.results[number].replace_all_uses_with(new.results[index])
    for number in dropped:
        body.arguments[1 + number].replace_all_uses_with(inits[number])
        loop.results[number].replace_all_uses_with(inits[number])
    for op in list(body.operations)[:-1]:
        op.operation.move_before(new_yield)
    loop.erase()
    return new.operation
