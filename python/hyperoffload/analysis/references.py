"""What the rest of a function's module refers to: its callers, and the
globals other functions read (a parameter of a called function, or a
global another function reads, cannot move to the pool for one of them)."""

from __future__ import annotations

import dataclasses

from mlir import ir


def module_of(function: ir.Operation) -> ir.Operation | None:
    parent = function.parent
    return None if parent is None else parent.operation


@dataclasses.dataclass
class ModuleReferences:
    """What the rest of a function's module refers to."""

    # Globals read by other functions, with their names (module order).
    globals_elsewhere: dict[str, list[str]]
    # The functions that call (or take the address of) this one, in module
    # order; the function's own name where it calls itself.
    callers: list[str]


def _symbol_of(op: ir.Operation) -> str | None:
    """The function a call-like op refers to: ``callee`` of a call (any
    dialect's), ``value`` of ``func.constant``."""
    key = "value" if op.name == "func.constant" else "callee"
    if key not in op.attributes:
        return None
    text = str(op.attributes[key])
    return text[1:] if text.startswith("@") else None


def module_references(function: ir.Operation, own_op_names: list[str]) -> ModuleReferences:
    """The globals other functions of ``function``'s module read and the
    functions that call ``function`` (``own_op_names``: the names of the
    ops in ``function``, from its liveness walk, to skip walking it when it
    calls nothing)."""
    references = ModuleReferences({}, [])
    module = module_of(function)
    if module is None:
        return references
    name = ir.StringAttr(function.attributes["sym_name"]).value
    for op in module.regions[0].blocks[0].operations:
        operation = op.operation
        own = operation == function
        if operation.name != "func.func" or (own and not _CALL_LIKE & set(own_op_names)):
            continue
        calls = False
        other = ir.StringAttr(operation.attributes["sym_name"]).value

        def visit(inner: ir.Operation, own: bool = own, other: str = other) -> ir.WalkResult:
            nonlocal calls
            if not own and inner.name == "memref.get_global":
                readers = references.globals_elsewhere.setdefault(
                    ir.FlatSymbolRefAttr(inner.attributes["name"]).value, []
                )
                if other not in readers:
                    readers.append(other)
            elif inner.name in _CALL_LIKE or "callee" in inner.attributes:
                calls = calls or _symbol_of(inner) == name
            return ir.WalkResult.ADVANCE

        operation.walk(visit)
        if calls:
            references.callers.append(other)
    return references


_CALL_LIKE = frozenset({"func.call", "func.constant"})
