"""The program order and buffer-liveness walks as they were written in
Python before they moved to C++ (lib/Analysis/Liveness.cpp): kept as the reference
the native walk is checked against (test_liveness_native.py), not used by
the package."""

from __future__ import annotations

from collections.abc import Iterable

from hyperoffload import _native
from hyperoffload.analysis.liveness import Buffer, BufferLiveness, LivenessError, Use
from hyperoffload.analysis.program import LOOP_OPS
from hyperoffload.ir_utils import memory_space
from hyperoffload.sizes import SizeError, memref_bytes
from mlir import ir

# The loops of the corpora the oracle is checked on (the C++ walk asks
# LoopLikeOpInterface, and the names of LOOP_OPS).
CORPUS_LOOPS = LOOP_OPS | {"acc.loop"}

# The region-branch ops of the corpora the oracle is checked on.
REGION_BRANCH_OPS = frozenset(
    {"scf.if", "scf.for", "scf.while", "scf.index_switch", "scf.execute_region", "scf.forall"}
)


def _is_memref(type_: ir.Type) -> bool:
    """Ranked or unranked: an unranked cast of a buffer aliases it."""
    return isinstance(type_, ir.MemRefType | ir.UnrankedMemRefType)


# The views of the corpora (the C++ walk asks ViewLikeOpInterface).
VIEW_OPS = frozenset(
    {
        "memref.reshape",
        "memref.subview",
        "memref.view",
        "memref.cast",
        "memref.reinterpret_cast",
        "memref.collapse_shape",
        "memref.expand_shape",
        "memref.transpose",
        "memref.memory_space_cast",
        "memref.assume_alignment",
        "memref.extract_strided_metadata",
    }
)

_EFFECT_NAMES = {
    _native.EffectKind.READ: "read",
    _native.EffectKind.WRITE: "write",
    _native.EffectKind.ALLOCATE: "alloc",
    _native.EffectKind.FREE: "free",
}


def reference_order(
    function: ir.Operation,
) -> tuple[list[ir.Operation], list[int], list[int], set[int]]:
    """Ops, parents, ends and repeating positions of the program order."""
    ops: list[ir.Operation] = [function]
    parent = [0]
    end = [0]
    repeating: set[int] = set()

    def visit(op: ir.Operation, position: int) -> None:
        for region in op.regions:
            blocks = list(region.blocks)
            if len(blocks) > 1:
                repeating.add(position)
            for block in blocks:
                for child in block.operations:
                    child_op = child.operation
                    child_position = len(ops)
                    ops.append(child_op)
                    parent.append(position)
                    end.append(child_position)
                    if child_op.name in CORPUS_LOOPS:
                        repeating.add(child_position)
                    if len(child_op.regions) and not child_op.name.startswith("linalg."):
                        visit(child_op, child_position)
                        end[child_position] = len(ops) - 1

    visit(function, 0)
    end[0] = len(ops) - 1
    return ops, parent, end, repeating


class ReferenceLiveness(BufferLiveness):
    """BufferLiveness with the Python walk."""

    def roots_of(self, value: ir.Value) -> tuple[Buffer, ...]:
        return tuple(self.buffers[i] for i in self._value_roots.get(value, ()))

    def __init__(
        self, function: ir.Operation, *, callees: dict[str, object] | None = None, **kwargs: object
    ) -> None:
        # What the functions this one calls do to their parameters, shared
        # by the walks a call leads to (None: under way, or unknown).
        self._callees: dict[str, object] = {} if callees is None else callees
        super().__init__(function, **kwargs)

    def _analyse(self, walk: object) -> None:
        self._value_roots: dict[ir.Value, tuple[int, ...]] = {}
        self._globals: dict[str, int] = {}
        self._accesses = ([], [], [])
        self._by_position = None
        self._defined = None
        self._asm_state = ir.AsmState(self.function)
        self._walk()

    def _new_root(self, value: ir.Value, kind: str, position: int, name: str | None = None) -> int:
        memref = ir.MemRefType(value.type)
        label = name or value.get_name(self._asm_state)
        try:
            size = memref_bytes(memref, self.dynamic_dim_bound)
        except SizeError as err:
            if self.strict_sizes:
                owner = self.order.ops[position] if position else self.function
                hint = (
                    "; give an upper bound with dynamic-dim-bound=N"
                    if "dynamic shape" in str(err)
                    else ""
                )
                raise LivenessError(
                    owner.location, f"cannot size buffer {label}: {err}{hint}"
                ) from None
            size = 0
        self.buffers.append(
            Buffer(
                name=label,
                kind=kind,
                type=memref,
                space=memory_space(memref),
                size=size,
                defined_at=position,
                freed_at=self.order.end_position,
                freed_by="end",
                uses=[],
                last_use=None,
            )
        )
        return len(self.buffers) - 1

    def _roots_of_operands(self, op: ir.Operation) -> tuple[int, ...]:
        roots: list[int] = []
        for operand in op.operands:
            for root in self._value_roots.get(operand, ()):
                if root not in roots:
                    roots.append(root)
        return tuple(roots)

    def _walk(self) -> None:
        order = self.order
        body = self.function.regions[0]
        for argument in body.blocks[0].arguments if len(body.blocks) else ():
            if isinstance(argument.type, ir.MemRefType):
                self._value_roots[argument] = (self._new_root(argument, "argument", 0),)
        roots = self._value_roots
        # Region ops walked into whose memref results alias what their
        # terminators yield: (last nested position, op, position).
        pending: list[tuple[int, ir.Operation, int]] = []
        for position in range(1, len(order.ops)):
            op = order.ops[position]
            self._settle(pending, position)
            self._forward_to_parent(op)
            descends = len(op.regions) > 0 and not op.name.startswith("linalg.")
            captured = [] if descends or not len(op.regions) else self._captured(op)
            # Every memref operand was defined (and rooted) before its use.
            has_memref_operand = bool(captured) or any(operand in roots for operand in op.operands)
            results = op.results
            has_memref_result = len(results) > 0 and any(
                _is_memref(result.type) for result in results
            )
            if not has_memref_operand and not has_memref_result:
                if descends:
                    self._alias_block_arguments(op, ())
                continue
            known = _call_effects(op, self._callees) if op.name == "func.call" else None
            status, effects = known or _native.memory_effects(op)
            if has_memref_result:
                self._define_results(op, position, effects, descends)
                if descends and op.name in REGION_BRANCH_OPS:
                    pending.append((order.end[position], op, position))
            if has_memref_operand:
                self._record_uses(op, position, status, effects, captured)
            if descends:
                self._alias_block_arguments(op, self._roots_of_operands(op))
                self._alias_entry_arguments(op)
        self._settle(pending, len(order.ops))
        self._finish()

    def _forward_to_parent(self, op: ir.Operation) -> None:
        """An ``scf.yield`` (not in a while's after region) or
        ``scf.condition``: its memref operands alias its parent's results."""
        if op.name not in ("scf.yield", "scf.condition"):
            return
        parent = op.parent.operation
        if parent.name not in REGION_BRANCH_OPS:
            return
        operands = list(op.operands)
        if op.name == "scf.condition":
            operands = operands[1:]
        elif parent.name == "scf.while":
            return  # the after region yields to the before region
        for value, result in zip(operands, parent.results, strict=False):
            if not _is_memref(result.type):
                continue
            into = list(self._value_roots.get(result, ()))
            for root in self._value_roots.get(value, ()):
                if root not in into:
                    into.append(root)
            self._value_roots[result] = tuple(into)

    def _settle(self, pending: list[tuple[int, ir.Operation, int]], position: int) -> None:
        while pending and pending[-1][0] < position:
            _, op, at = pending.pop()
            for result in op.results:
                if isinstance(result.type, ir.MemRefType) and not self._value_roots.get(result):
                    self._value_roots[result] = (self._new_root(result, "opaque", at),)

    def _define_results(
        self,
        op: ir.Operation,
        position: int,
        effects: list[tuple[int, int, int]],
        descends: bool,
    ) -> None:
        allocated = {r for kind, _, r in effects if kind == _native.EffectKind.ALLOCATE and r >= 0}
        for index, result in enumerate(op.results):
            if not _is_memref(result.type):
                continue
            ranked = isinstance(result.type, ir.MemRefType)
            name = op.name
            if name == "memref.get_global":
                symbol = ir.FlatSymbolRefAttr(op.attributes["name"]).value
                root = self._globals.get(symbol)
                if root is None:
                    root = self._new_root(result, "global", position, f"@{symbol}")
                    self._globals[symbol] = root
                self._value_roots[result] = (root,)
            elif name in ("memref.alloc", "memref.alloca") or name == "cache.prefetch":
                kind = {"memref.alloc": "alloc", "memref.alloca": "alloca"}.get(name, "prefetch")
                self._value_roots[result] = (self._new_root(result, kind, position),)
            elif index in allocated:
                if ranked:
                    self._value_roots[result] = (self._new_root(result, "allocated", position),)
            elif descends and name in REGION_BRANCH_OPS:
                # Only a for loop passes its init values straight to its
                # results (it may run no iteration); the others' results
                # are what their terminators yield.
                self._value_roots[result] = (
                    self._value_roots.get(op.operands[3 + index], ()) if name == "scf.for" else ()
                )
            elif name in VIEW_OPS and len(op.operands):
                self._value_roots[result] = self._value_roots.get(op.operands[0], ())
            else:
                roots = self._roots_of_operands(op)
                if roots:
                    self._value_roots[result] = roots
                elif ranked:
                    self._value_roots[result] = (self._new_root(result, "opaque", position),)

    def _alias_block_arguments(self, op: ir.Operation, roots: tuple[int, ...]) -> None:
        for region in op.regions:
            for block in region.blocks:
                for argument in block.arguments:
                    if _is_memref(argument.type):
                        self._value_roots[argument] = roots

    def _alias_entry_arguments(self, op: ir.Operation) -> None:
        """Iteration arguments alias the init value of their own index: a
        for loop's (after the induction variable), a while's before region's."""
        if op.name == "scf.for":
            inits, arguments = list(op.operands)[3:], list(op.regions[0].blocks[0].arguments)[1:]
        elif op.name == "scf.while":
            inits, arguments = list(op.operands), list(op.regions[0].blocks[0].arguments)
        else:
            return
        for init, argument in zip(inits, arguments, strict=True):
            if _is_memref(argument.type):
                self._value_roots[argument] = self._value_roots.get(init, ())

    def _captured(self, op: ir.Operation) -> list[tuple[ir.Value, set[str]]]:
        """Memref values from above that ops nested in ``op`` (not walked)
        use, each with the effects the nested op declares on it."""
        found: list[tuple[ir.Value, set[str]]] = []

        def visit(nested: ir.Operation) -> None:
            for region in nested.regions:
                for block in region.blocks:
                    for child in block.operations:
                        child = child.operation
                        status, effects = None, None
                        for index, operand in enumerate(child.operands):
                            if operand not in self._value_roots:
                                continue
                            if effects is None:
                                status, effects = _native.memory_effects(child)
                            kinds = {_EFFECT_NAMES[k] for k, o, _ in effects if o == index}
                            if status == _native.EffectsStatus.UNKNOWN:
                                kinds.add("unknown")
                            found.append((operand, kinds))
                        visit(child)

        visit(op)
        return found

    def _record_uses(
        self,
        op: ir.Operation,
        position: int,
        status: int,
        effects: list[tuple[int, int, int]],
        captured: list[tuple[ir.Value, set[str]]],
    ) -> None:
        by_operand: dict[int, set[str]] = {}
        for kind, operand, _ in effects:
            if operand >= 0:
                by_operand.setdefault(operand, set()).add(_EFFECT_NAMES[kind])
        is_return = op.name == "func.return"
        unknown = status == _native.EffectsStatus.UNKNOWN
        roots = self._value_roots
        # One use per root, whatever number of operands reach it.
        per_root: dict[int, set[str]] = {}
        for index, operand in enumerate(op.operands):
            operand_roots = roots.get(operand)
            if not operand_roots:
                continue
            operand_kinds = by_operand.get(index)
            for root_index in operand_roots:
                kinds = per_root.get(root_index)
                if kinds is None:
                    kinds = per_root[root_index] = set()
                if unknown:
                    kinds.add("unknown")
                if operand_kinds:
                    kinds.update(operand_kinds)
        for value, value_kinds in captured:
            for root_index in roots.get(value, ()):
                per_root.setdefault(root_index, set()).update(value_kinds)
        if not per_root:
            return
        last = self._extend_for_repetition(position, per_root)
        for root_index, kinds in per_root.items():
            access = (position, root_index, _bits(kinds))
            for column, item in zip(self._accesses, access, strict=True):
                column.append(item)
            effect = _effect_label(kinds)
            buffer = self.buffers[root_index]
            buffer.uses.append(Use(position, op.name, effect))
            if effect == "free":
                if buffer.freed_by == "end":
                    buffer.freed_at = position
                    buffer.freed_by = op.name
                continue
            extended = last.get(root_index, position)
            buffer.last_use = max(buffer.last_use or 0, extended)
            if is_return:
                buffer.escapes = True

    def _extend_for_repetition(self, position: int, roots: Iterable[int]) -> dict[int, int]:
        """Last position each root stays live to because of a use at
        ``position`` inside loops (or multi-block regions) it is defined
        outside of."""
        order = self.order
        extended: dict[int, int] = {}
        if not order.repeating:
            return extended
        for ancestor in order.ancestors(position):
            if ancestor not in order.repeating:
                continue
            for root in roots:
                buffer = self.buffers[root]
                if ancestor == 0 or buffer.defined_at < ancestor:
                    extended[root] = max(extended.get(root, position), order.end[ancestor])
        return extended

    def _finish(self) -> None:
        end = self.order.end_position
        # Values of sibling regions the printer names alike are told apart
        # by the position defining them (globals are unique by symbol).
        names = [b.name for b in self.buffers]
        for buffer in self.buffers:
            if buffer.kind != "global" and names.count(buffer.name) > 1:
                buffer.name = f"{buffer.name}@#{buffer.defined_at}"
        for buffer in self.buffers:
            if buffer.escapes:
                buffer.last_use = end
                buffer.freed_at = end
                buffer.freed_by = "end"


_ACCESS_BITS = {
    "read": _native.AccessBit.READ,
    "write": _native.AccessBit.WRITE,
    "alloc": _native.AccessBit.ALLOC,
    "free": _native.AccessBit.FREE,
    "unknown": _native.AccessBit.UNKNOWN,
}


def _bits(kinds: set[str]) -> int:
    return sum(_ACCESS_BITS[kind] for kind in kinds)


def _effect_label(kinds: set[str]) -> str:
    if "unknown" in kinds:
        return "unknown"
    if "free" in kinds:
        return "free"
    if {"read", "write"} <= kinds:
        return "read-write"
    if kinds:
        return "/".join(sorted(kinds))
    return "none"


def _call_effects(
    call: ir.Operation, callees: dict[str, object]
) -> tuple[int, list[tuple[int, int, int]]] | None:
    """The status and effects of a ``func.call`` from what its callee's
    walk does to each parameter; None where not known (a declaration, a
    callee not found, one under way, one that frees or does unknown things
    to a parameter)."""
    symbol = ir.FlatSymbolRefAttr(call.attributes["callee"]).value
    module = call.parent
    while module is not None and module.name != "builtin.module":
        module = module.parent
    if module is None:
        return None
    if symbol not in callees:
        callees[symbol] = None
        callee = next(
            (
                op.operation
                for op in module.regions[0].blocks[0].operations
                if op.operation.name == "func.func"
                and ir.StringAttr(op.operation.attributes["sym_name"]).value == symbol
            ),
            None,
        )
        if callee is None or not len(callee.regions[0].blocks):
            return None
        walk = ReferenceLiveness(callee, callees=callees, strict_sizes=False)
        kinds: list[set[str]] = []
        for argument in callee.regions[0].blocks[0].arguments:
            found: set[str] = set()
            for root in walk._value_roots.get(argument, ()):
                for use in walk.buffers[root].uses:
                    found |= _KINDS_OF_LABEL[use.effect]
            kinds.append(found)
        if not any(k & {"unknown", "free"} for k in kinds):
            callees[symbol] = kinds
    kinds = callees[symbol]
    if kinds is None or len(kinds) != len(call.operands):
        return None
    effects = [
        (kind, index, -1)
        for index, found in enumerate(kinds)
        for kind in (_native.EffectKind.READ, _native.EffectKind.WRITE)
        if _EFFECT_NAMES[kind] in found
    ]
    return _native.EffectsStatus.DECLARED, effects


# The access kinds behind each use label (a free use also read or wrote
# before: for a call, either makes its effects unknown).
_KINDS_OF_LABEL = {
    "read": {"read"},
    "write": {"write"},
    "read-write": {"read", "write"},
    "alloc": set(),
    "alloc/read": {"read"},
    "alloc/write": {"write"},
    "free": {"free"},
    "none": set(),
    "unknown": {"unknown"},
}
