"""Buffer liveness of a function on memrefs.

:class:`BufferLiveness` is a plain object over one ``func.func``: it finds
the *root* buffers (memref function arguments, ``memref.alloc``/``alloca``,
``memref.get_global`` per global, ``cache.prefetch`` results, and any op
result the op declares it allocates), folds aliases onto their roots, and
for each root gives its size, its definition, every use with the use's
effect, its last use and its free point; then the device-memory profile
over program points (see :mod:`hyperoffload.analysis.program`) and its peak.

Rules, all conservative where the IR does not say more:

- Aliases: results of view-like ops (``subview``, ``view``, ``cast``,
  ``reinterpret_cast``, ``collapse_shape``, ``expand_shape``, ``transpose``,
  ...) and any other memref result of an op with memref operands (including
  region-op results and memref block arguments of nested regions) belong to
  every root of those operands.
- Effects come from upstream's MemoryEffectOpInterface; an op that declares
  none may read and write its memref operands.
- A buffer defined outside a loop and used inside it is live until the end
  of the loop; in a region with several blocks (``cf`` branches), until the
  end of that region.
- Memory: a root occupies device memory from its definition (arguments and
  globals: from entry) to its free point: the op that frees it (``dealloc``,
  ``cache.evict``, any op declaring a free effect) or the function end.
  Buffers in the ``#cache.remote`` space take no device memory. A buffer
  returned by the function is live until the end and not freed.
- Sizes are static; a dynamic size needs ``dynamic_dim_bound`` (an upper
  bound for every dynamic dimension), otherwise it is an error naming the
  buffer, never a guess.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from hyperoffload import _native
from hyperoffload.analysis.program import ProgramOrder
from hyperoffload.analysis.sizes import SizeError, memref_bytes
from hyperoffload.ir_utils import is_remote_memref
from mlir import ir

VIEW_OPS = frozenset(
    {
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
    _native.EFFECT_READ: "read",
    _native.EFFECT_WRITE: "write",
    _native.EFFECT_ALLOCATE: "alloc",
    _native.EFFECT_FREE: "free",
}


class LivenessError(Exception):
    """A buffer whose size cannot be known; carries where to report it."""

    def __init__(self, location: ir.Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


@dataclasses.dataclass
class Use:
    """One use of a root buffer (directly or through an alias)."""

    position: int
    op_name: str
    effect: str  # read, write, read-write, free, alloc, none, unknown


@dataclasses.dataclass
class Buffer:
    """A root buffer and its lifetime."""

    name: str
    kind: str  # argument, alloc, alloca, global, prefetch, allocated, opaque
    type: ir.MemRefType
    remote: bool
    size: int
    defined_at: int
    freed_at: int
    freed_by: str
    uses: list[Use]
    last_use: int | None
    escapes: bool = False

    @property
    def allocated_at(self) -> int:
        """Program point from which the buffer occupies memory."""
        return 0 if self.kind in ("argument", "global") else self.defined_at

    def is_live_in_memory_at(self, position: int) -> bool:
        return not self.remote and self.allocated_at <= position < self.freed_at


class BufferLiveness:
    """Liveness of the root buffers of one ``func.func`` (see module doc)."""

    def __init__(
        self,
        function: ir.Operation,
        *,
        dynamic_dim_bound: int | None = None,
        strict_sizes: bool = True,
    ) -> None:
        """Analyse ``function``. With ``strict_sizes=False`` a buffer whose size
        cannot be known counts 0 bytes instead of raising LivenessError (for
        analyses that only need lifetimes)."""
        self.function = function.operation if hasattr(function, "operation") else function
        self.strict_sizes = strict_sizes
        self.name = ir.StringAttr(self.function.attributes["sym_name"]).value
        self.dynamic_dim_bound = dynamic_dim_bound
        self.order = ProgramOrder(self.function)
        self.buffers: list[Buffer] = []
        self._roots: dict[ir.Value, tuple[int, ...]] = {}
        self._globals: dict[str, int] = {}
        self._asm_state = ir.AsmState(self.function)
        self._analyse()
        self.profile = self._profile()
        self.peak_bytes = max(self.profile)
        self.peak_at = self.profile.index(self.peak_bytes)

    # -- queries -----------------------------------------------------------

    def roots_of(self, value: ir.Value) -> tuple[Buffer, ...]:
        """The root buffers a memref value may point into."""
        return tuple(self.buffers[i] for i in self._roots.get(value, ()))

    def live_at(self, position: int) -> list[Buffer]:
        """Device buffers occupying memory at ``position``."""
        return [b for b in self.buffers if b.is_live_in_memory_at(position)]

    @property
    def device_buffers(self) -> list[Buffer]:
        return [b for b in self.buffers if not b.remote]

    # -- analysis ------------------------------------------------------------

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
                remote=is_remote_memref(memref),
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
            for root in self._roots.get(operand, ()):
                if root not in roots:
                    roots.append(root)
        return tuple(roots)

    def _analyse(self) -> None:
        order = self.order
        body = self.function.regions[0]
        for argument in body.blocks[0].arguments if len(body.blocks) else ():
            if isinstance(argument.type, ir.MemRefType):
                self._roots[argument] = (self._new_root(argument, "argument", 0),)
        roots = self._roots
        for position in range(1, len(order.ops)):
            op = order.ops[position]
            # Every memref operand was defined (and rooted) before its use.
            has_memref_operand = any(operand in roots for operand in op.operands)
            results = op.results
            has_memref_result = len(results) > 0 and any(
                isinstance(result.type, ir.MemRefType) for result in results
            )
            descends = len(op.regions) > 0 and not op.name.startswith("linalg.")
            if not has_memref_operand and not has_memref_result:
                if descends:
                    self._alias_block_arguments(op, ())
                continue
            status, effects = _native.memory_effects(op)
            if has_memref_result:
                self._define_results(op, position, effects)
            if has_memref_operand:
                self._record_uses(op, position, status, effects)
            if descends:
                self._alias_block_arguments(op, self._roots_of_operands(op))
        self._finish()

    def _define_results(
        self, op: ir.Operation, position: int, effects: list[tuple[int, int, int]]
    ) -> None:
        allocated = {r for kind, _, r in effects if kind == _native.EFFECT_ALLOCATE and r >= 0}
        for index, result in enumerate(op.results):
            if not isinstance(result.type, ir.MemRefType):
                continue
            name = op.name
            if name == "memref.get_global":
                symbol = ir.FlatSymbolRefAttr(op.attributes["name"]).value
                root = self._globals.get(symbol)
                if root is None:
                    root = self._new_root(result, "global", position, f"@{symbol}")
                    self._globals[symbol] = root
                self._roots[result] = (root,)
            elif name in ("memref.alloc", "memref.alloca") or name == "cache.prefetch":
                kind = {"memref.alloc": "alloc", "memref.alloca": "alloca"}.get(name, "prefetch")
                self._roots[result] = (self._new_root(result, kind, position),)
            elif index in allocated:
                self._roots[result] = (self._new_root(result, "allocated", position),)
            elif name in VIEW_OPS and len(op.operands):
                self._roots[result] = self._roots.get(op.operands[0], ())
            else:
                roots = self._roots_of_operands(op)
                if roots:
                    self._roots[result] = roots
                else:
                    self._roots[result] = (self._new_root(result, "opaque", position),)

    def _alias_block_arguments(self, op: ir.Operation, roots: tuple[int, ...]) -> None:
        for region in op.regions:
            for block in region.blocks:
                for argument in block.arguments:
                    if isinstance(argument.type, ir.MemRefType):
                        self._roots[argument] = roots

    def _record_uses(
        self,
        op: ir.Operation,
        position: int,
        status: int,
        effects: list[tuple[int, int, int]],
    ) -> None:
        by_operand: dict[int, set[str]] = {}
        for kind, operand, _ in effects:
            if operand >= 0:
                by_operand.setdefault(operand, set()).add(_EFFECT_NAMES[kind])
        is_return = op.name == "func.return"
        unknown = status == _native.EFFECTS_UNKNOWN
        roots = self._roots
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
        if not per_root:
            return
        last = self._extend_for_repetition(position, per_root)
        for root_index, kinds in per_root.items():
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
        for buffer in self.buffers:
            if buffer.escapes:
                buffer.last_use = end
                buffer.freed_at = end
                buffer.freed_by = "end"

    def _profile(self) -> list[int]:
        size = self.order.end_position + 1
        delta = [0] * (size + 1)
        for buffer in self.buffers:
            if buffer.remote or buffer.size == 0:
                continue
            delta[buffer.allocated_at] += buffer.size
            delta[buffer.freed_at] -= buffer.size
        profile = []
        running = 0
        for position in range(size):
            running += delta[position]
            profile.append(running)
        return profile


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


def analyse_module(
    module: ir.Operation, *, dynamic_dim_bound: int | None = None
) -> list[BufferLiveness]:
    """Liveness of every ``func.func`` with a body in ``module``."""
    results = []
    for op in module.regions[0].blocks[0].operations:
        if op.operation.name == "func.func" and len(op.operation.regions[0].blocks):
            results.append(BufferLiveness(op.operation, dynamic_dim_bound=dynamic_dim_bound))
    return results
