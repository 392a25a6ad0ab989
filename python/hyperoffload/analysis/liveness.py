"""Buffer liveness of a function on memrefs.

:class:`BufferLiveness` is a plain object over one ``func.func``: it finds
the *root* buffers (memref function arguments, ``memref.alloc``/``alloca``,
``memref.get_global`` per global, ``cache.prefetch`` results, and any op
result the op declares it allocates), folds aliases onto their roots, and
for each root gives its size, its definition, every use with the use's
effect, its last use and its free point; then the device-memory profile
over program points (see :mod:`hyperoffload.analysis.program`) and its peak.

Rules, all conservative where the IR does not say more:

- Aliases: results of view ops (any op implementing
  ``ViewLikeOpInterface``: ``subview``, ``view``, ``cast``, ``reshape``,
  ``reinterpret_cast``, ``collapse_shape``, ``expand_shape``, ... and
  ``memref.transpose``) belong to their view source's roots, unranked ones
  included; results of region-branch ops (``scf.if``, ``scf.for``) to what
  their terminators yield; any other memref result of an op with memref
  operands (and memref block arguments of nested regions) belong to
  every root of those operands.
- Effects come from upstream's MemoryEffectOpInterface; an op that declares
  none may read and write its memref operands.
- A buffer defined outside a loop and used inside it is live until the end
  of the loop; in a region with several blocks (``cf`` branches), until the
  end of that region.
- Memory: a root occupies device memory from its definition (arguments and
  globals: from entry) to its free point: the op that frees it (``dealloc``,
  ``cache.evict``, any op declaring a free effect) or the function end.
  Buffers in the ``#cache.remote`` space take no device memory, nor do
  buffers in any other non-default memory space (another memory than the
  device's: they are listed, never counted or moved). A buffer
  returned by the function is live until the end and not freed.
- Calls: a ``func.call`` reads and writes what its callee's body does to
  the parameter each operand is passed to (the C++ walk analyses the
  callee; unknown for a declaration, recursion, or a callee that may free
  a parameter), and holds, while it runs, the callee's own device memory
  beyond its parameters at its peak (:attr:`BufferLiveness.call_bytes`,
  in the profile): the callee's allocations, prefetched copies, globals
  and what its own calls hold. A recursive call holds nothing more (its
  depth is not known): the only place calls are under-counted.
- Sizes are static; a dynamic size needs ``dynamic_dim_bound`` (an upper
  bound for every dynamic dimension), otherwise it is an error naming the
  buffer, never a guess.

The walk (positions, roots, aliases, uses, lifetimes) is C++
(``lib/Analysis/Liveness.cpp``, through :func:`hyperoffload._native.liveness_walk`);
this module adds sizes, memory spaces and diagnostics. The same walk in
Python is kept in ``test/python/reference_liveness.py`` and checked
against it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from itertools import repeat
from typing import NamedTuple

import numpy as np
from mlir import ir

from hyperoffload import _native
from hyperoffload._native import ValueList, ValueRoots
from hyperoffload.analysis.program import ProgramOrder
from hyperoffload.errors import LocatedError
from hyperoffload.ir_utils import REMOTE_SPACE, memory_space
from hyperoffload.sizes import SizeError, memref_bytes

# How the liveness table names root kinds and use effects (the C enums
# RootKind and UseEffect of the library, by value).
ROOT_KINDS = tuple(kind.name.lower() for kind in sorted(_native.RootKind, key=int))
_EFFECT_TEXT = {
    _native.UseEffect.READ_WRITE: "read-write",
    _native.UseEffect.ALLOC_READ: "alloc/read",
    _native.UseEffect.ALLOC_WRITE: "alloc/write",
}
USE_EFFECTS = tuple(
    _EFFECT_TEXT.get(effect, effect.name.lower()) for effect in sorted(_native.UseEffect, key=int)
)


class LivenessError(LocatedError):
    """A buffer whose size cannot be known."""


class Use(NamedTuple):
    """One use of a root buffer (directly or through an alias); a tuple, as
    a large function has hundreds of thousands."""

    position: int
    op_name: str
    effect: str  # read, write, read-write, free, alloc, none, unknown


class RootNames:
    """The printer's names of a walk's root buffers, printed together the
    first time one is asked for: naming a value numbers every value of the
    function, which costs more than the rest of the walk. Ask before the IR
    changes (the values must still exist).

    The printer may give values in sibling regions (the branches of an
    ``scf.if``) one name; such buffers are told apart by the position that
    defines them: ``%alloc@#2``, ``%alloc@#4``."""

    def __init__(
        self,
        function: ir.Operation,
        values: ValueList,
        given: list[str],
        defined_at: list[int],
    ) -> None:
        self._function = function
        self._values = values
        self._names = given
        self._defined_at = defined_at

    def __getitem__(self, index: int) -> str:
        name = self._names[index]
        if not name:
            unnamed = [i for i, known in enumerate(self._names) if not known]
            values = [self._values[i] for i in unnamed]
            printed = _native.value_names(self._function, values)
            names = list(self._names)
            for i, text in zip(unnamed, printed, strict=True):
                names[i] = text
            counts: dict[str, int] = {}
            for text in names:
                counts[text] = counts.get(text, 0) + 1
            for i in unnamed:
                if counts[names[i]] > 1:
                    names[i] = f"{names[i]}@#{self._defined_at[i]}"
            self._names = names
            name = names[index]
        return name


class LazyName:
    """Descriptor of a dataclass's name field: set to a str, or to a
    function giving it, called on the first read (printing a value's name
    numbers the whole function: most analyses never need one)."""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._slot = "_" + attribute

    def __get__(self, instance: object, owner: type | None = None) -> str:
        if instance is None:
            raise AttributeError  # no default: dataclasses requires the field
        value = instance.__dict__[self._slot]
        if not isinstance(value, str):
            value = instance.__dict__[self._slot] = value()
        return value

    def __set__(self, instance: object, value: str | Callable[[], str]) -> None:
        instance.__dict__[self._slot] = value


class _UseTable:
    """Every use the walk found, as its arrays: a buffer's uses are a slice,
    made into :class:`Use` tuples when first read (a large function has
    hundreds of thousands; the verification after a rewrite reads none)."""

    __slots__ = ("effects", "op_names", "positions")

    def __init__(self, positions: list[int], op_names: list[str], effects: list[int]) -> None:
        self.positions = positions
        self.op_names = op_names
        self.effects = effects

    def arrays(self, begin: int, end: int) -> tuple[list[int], list[str]]:
        """Positions and effects of the uses in ``[begin, end)``."""
        effects = list(map(USE_EFFECTS.__getitem__, self.effects[begin:end]))
        return self.positions[begin:end], effects

    def uses(self, begin: int, end: int) -> list[Use]:
        positions, effects = self.arrays(begin, end)
        # C-level calls only: tuple.__new__ makes a Use without its
        # Python-level constructor.
        return list(
            map(
                tuple.__new__,
                repeat(Use),
                zip(positions, map(self.op_names.__getitem__, positions), effects, strict=True),
            )
        )


class LazyUses:
    """Descriptor of a dataclass's uses field: set to a list, or to a
    (:class:`_UseTable`, begin, end) slice made into the list on the first
    read."""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._slot = "_" + attribute

    def __get__(self, instance: object, owner: type | None = None) -> list[Use]:
        if instance is None:
            raise AttributeError  # no default: dataclasses requires the field
        value = instance.__dict__[self._slot]
        if isinstance(value, tuple):
            table, begin, end = value
            value = instance.__dict__[self._slot] = table.uses(begin, end)
        return value

    def __set__(self, instance: object, value: list[Use] | tuple[_UseTable, int, int]) -> None:
        instance.__dict__[self._slot] = value


@dataclasses.dataclass
class Buffer:
    """A root buffer and its lifetime. ``name`` is the buffer as the printer
    names it (``%arg0``, ``%alloc_3``, ``@global``)."""

    name: LazyName = LazyName()
    kind: str  # argument, alloc, alloca, global, prefetch, allocated, opaque
    type: ir.MemRefType
    # Its memory space as printed: "" (the default, device memory),
    # "#cache.remote" (the pool) or any other space (neither: not counted).
    space: str
    size: int
    defined_at: int
    freed_at: int
    freed_by: str
    uses: LazyUses = LazyUses()
    last_use: int | None
    escapes: bool = False

    @property
    def remote(self) -> bool:
        """Whether the buffer is in the ``#cache.remote`` pool."""
        return self.space == REMOTE_SPACE

    @property
    def on_device(self) -> bool:
        """Whether the buffer takes device memory (the default space)."""
        return not self.space

    @property
    def allocated_at(self) -> int:
        """Program point from which the buffer occupies memory."""
        return 0 if self.kind in ("argument", "global") else self.defined_at

    def is_live_in_memory_at(self, position: int) -> bool:
        return not self.space and self.allocated_at <= position < self.freed_at


class BufferLiveness:
    """Liveness of the root buffers of one ``func.func`` (see module doc)."""

    def __init__(
        self,
        function: ir.Operation,
        *,
        dynamic_dim_bound: int | None = None,
        strict_sizes: bool = True,
        symbols: ir.Operation | None = None,
        _callees: dict[ir.Operation, BufferLiveness | None] | None = None,
    ) -> None:
        """Analyse ``function``. With ``strict_sizes=False`` a buffer whose size
        cannot be known counts 0 bytes instead of raising LivenessError (for
        analyses that only need lifetimes). Calls find their callees in
        ``symbols`` if given (for a function taken out of its module), else
        in the module holding ``function``."""
        self.function = function.operation if hasattr(function, "operation") else function
        self.strict_sizes = strict_sizes
        self.name = ir.StringAttr(self.function.attributes["sym_name"]).value
        self.dynamic_dim_bound = dynamic_dim_bound
        walk = _native.liveness_walk(self.function)
        self.order = ProgramOrder(self.function, walk, symbols)
        self.buffers: list[Buffer] = []
        # Root indices by value.
        self._roots: ValueRoots | None = None
        self._held_arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._analyse(walk)
        # Per call position, the liveness of its callee (a function with a
        # body, not a call under way further up), and the device bytes the
        # callee holds beyond its parameters while it runs.
        self.callees: dict[int, BufferLiveness] = {}
        self.call_bytes: dict[int, int] = self._call_bytes({} if _callees is None else _callees)
        self.profile = self._profile()
        self.peak_bytes = max(self.profile)
        self.peak_at = self.profile.index(self.peak_bytes)

    # -- queries -----------------------------------------------------------

    def root_indices(self, value: ir.Value) -> tuple[int, ...]:
        """Indices into :attr:`buffers` of the roots ``value`` may point into."""
        assert self._roots is not None, "set by the walk"
        return self._roots.get(value)

    def roots_of(self, value: ir.Value) -> tuple[Buffer, ...]:
        """The root buffers a memref value may point into."""
        return tuple(self.buffers[i] for i in self.root_indices(value))

    def root_defined_at(self, position: int) -> Buffer | None:
        """The root buffer the op at ``position`` defines (its first, for an
        op defining several): an alloc's, a prefetch's result; None if it
        defines none. Arguments and globals are not defined by an op."""
        index = self.root_index_defined_at(position)
        return None if index is None else self.buffers[index]

    def root_index_defined_at(self, position: int) -> int | None:
        """:meth:`root_defined_at`, as an index into :attr:`buffers`."""
        if self._defined is None:
            self._defined = {}
            for index, buffer in enumerate(self.buffers):
                if buffer.kind not in ("argument", "global"):
                    self._defined.setdefault(buffer.defined_at, index)
        return self._defined.get(position)

    def use_positions_and_effects(self, index: int) -> tuple[list[int], list[str]]:
        """The positions and effects of the uses of buffer ``index`` (those
        of its :attr:`Buffer.uses`), without making the Use tuples: for
        analyses reading every buffer's uses."""
        held = self.buffers[index].__dict__["_uses"]
        if isinstance(held, tuple):
            table, begin, end = held
            return table.arrays(begin, end)
        return [use.position for use in held], [use.effect for use in held]

    def positions_writing_kept_roots(self) -> set[int]:
        """Positions of the ops that write a root buffer without freeing it
        (e.g. a ``cache.evict ... to``: it writes the pool buffer and frees
        the device one); cheaper than :meth:`accesses_by_position` when
        only this is asked."""
        positions, _, bits = self._accesses
        bits_array = np.asarray(bits, dtype=np.int64)
        kept = (bits_array & int(_native.AccessBit.WRITE) != 0) & (
            bits_array & int(_native.AccessBit.FREE) == 0
        )
        return set(np.asarray(positions, dtype=np.int64)[kept].tolist())

    def accesses_by_position(self) -> dict[int, list[tuple[int, int]]]:
        """Per position of an op using root buffers, ``(root index, bits)``
        for each root it uses, in the order its operands first name them;
        the bits (``_native.AccessBit``) are everything the op may do to
        that root through any of its operands. Built once and shared: do
        not modify it."""
        if self._by_position is not None:
            return self._by_position
        positions, roots, bits = self._accesses
        by_position: dict[int, list[tuple[int, int]]] = {}
        if positions:
            # The walk lists an op's accesses together, in program order:
            # one slice per position, cut where the position changes.
            pairs = list(zip(roots, bits, strict=True))
            changes = (np.flatnonzero(np.diff(positions)) + 1).tolist()
            starts, ends = [0, *changes], [*changes, len(pairs)]
            keys = map(positions.__getitem__, starts)
            slices = map(pairs.__getitem__, map(slice, starts, ends))
            by_position = dict(zip(keys, slices, strict=True))
        self._by_position = by_position
        return by_position

    def step_profile(self, step_of: list[int]) -> np.ndarray:
        """Device bytes held at each body step (``step_of``:
        ``ProgramOrder.body_steps()``; one entry per body op and one for
        the end): a buffer holds memory from the step allocating it (0 for
        arguments and globals) up to the step freeing it, at least its own
        step; a step with calls adds what the largest of them holds
        (:attr:`call_bytes`)."""
        count = step_of[-1]
        delta = np.zeros(count + 2, dtype=np.int64)
        sizes, allocated, freed = self._held()
        steps = np.asarray(step_of, dtype=np.int64)
        first = np.where(allocated > 0, steps[allocated], 0)
        last = np.maximum(steps[freed], first + 1)
        regions = self._region_steps(step_of)
        inner = np.zeros(len(sizes), dtype=bool)
        if regions:
            # Buffers allocated inside a region op's step count there by the
            # peak of its positions (below), from the next step as usual.
            body = np.asarray([*self.order.body_positions(), -1], dtype=np.int64)
            inner = (
                (allocated > 0)
                & np.isin(first, np.fromiter(regions, dtype=np.int64))
                & (allocated != body[first])
            )
        np.add.at(delta, np.where(inner, first + 1, first), sizes)
        np.subtract.at(delta, np.where(inner, np.maximum(last, first + 1), last), sizes)
        profile = np.cumsum(delta[: count + 1])
        calls = dict(self.call_bytes)
        end = np.asarray(self.order.end, dtype=np.int64)
        for step, position in regions.items():
            # Buffers from before the op freed inside it (a pipelined loop's
            # slice carried into its first iteration) count in it up to
            # their free; the profile above stops them at its step.
            carried = ~inner & (allocated < position) & (freed > position)
            carried &= freed <= end[position]
            profile[step] += self._inner_peak(
                position,
                sizes[inner],
                allocated[inner],
                freed[inner],
                calls,
                (sizes[carried], freed[carried]),
            )
        if calls:
            # A step holding calls holds, besides its buffers, what its
            # largest call holds.
            extra = np.zeros(count + 1, dtype=np.int64)
            at = np.fromiter(calls, dtype=np.int64)
            held = np.fromiter(calls.values(), dtype=np.int64)
            np.maximum.at(extra, steps[at], held)
            profile += extra
        return profile

    def _region_steps(self, step_of: list[int]) -> dict[int, int]:
        """Per body step whose op has regions of one block each (``scf.if``,
        ``scf.for``, ``scf.while``, ...: not a region with several blocks,
        whose branches may go back), the op's position."""
        order = self.order
        found: dict[int, int] = {}
        for position in order.body_positions():
            if not order.descends[position] or order.end[position] == position:
                continue
            if position in order.repeating and any(
                len(region.blocks) > 1 for region in order.ops[position].regions
            ):
                continue
            found[step_of[position]] = position
        return found

    def _inner_peak(
        self,
        position: int,
        sizes: np.ndarray,
        allocated: np.ndarray,
        freed: np.ndarray,
        calls: dict[int, int],
        carried: tuple[np.ndarray, np.ndarray],
    ) -> int:
        """The most device memory the buffers allocated inside the region
        op at ``position`` hold at once, position by position (its regions
        laid out one after the other, so the branches of an ``scf.if``
        never hold theirs together, and a loop's iteration frees what it
        allocated before the next allocates it again), with what its calls
        hold (taken out of ``calls``). A buffer counts from its allocation
        up to its free when both are directly in one block, the free after
        the allocation; otherwise (freed in a nested branch, after the op,
        or by a later iteration) up to the op's end. The ``carried``
        buffers (sizes, frees), allocated before the op, count from its
        start up to their free when it is directly in one of its regions,
        else to its end."""
        order = self.order
        end = order.end[position]
        here = (allocated > position) & (allocated <= end)
        delta = np.zeros(end - position + 2, dtype=np.int64)
        parents = order.parent
        branch_ends = self._branch_ends(position)
        for size, stop in zip(carried[0].tolist(), carried[1].tolist(), strict=True):
            delta[0] += size
            delta[(stop if parents[stop] == position else end + 1) - position] -= size
        for size, start, stop in zip(
            sizes[here].tolist(), allocated[here].tolist(), freed[here].tolist(), strict=True
        ):
            if (
                stop > end
                or stop <= start
                or stop >= len(parents)
                or parents[stop] != parents[start]
            ):
                # Up to the op's end; a branch's buffer only up to its
                # branch's (the other branch does not run with it).
                stop = next((e for e in branch_ends if start <= e), end) + 1
            delta[start - position] += size
            delta[stop - position] -= size
        for call in [c for c in calls if position < c <= end]:
            delta[call - position] += calls[call]
            delta[call - position + 1] -= calls.pop(call)
        return int(np.cumsum(delta).max(initial=0))

    def _branch_ends(self, position: int) -> list[int]:
        """The last position of each region of the ``scf.if`` at
        ``position``, in order (none for any other op)."""
        order = self.order
        if order.names[position] != "scf.if":
            return []
        ends: list[int] = []
        for region in order.ops[position].regions:
            if len(region.blocks):
                block = region.blocks[0]
                last = order.position_of(block.operations[len(block.operations) - 1].operation)
                if last is not None:
                    ends.append(order.end[last])
        return ends

    def live_at(self, position: int) -> list[Buffer]:
        """Device buffers occupying memory at ``position``."""
        return [b for b in self.buffers if b.is_live_in_memory_at(position)]

    @property
    def device_buffers(self) -> list[Buffer]:
        return [b for b in self.buffers if not b.space]

    # -- analysis ------------------------------------------------------------

    def _analyse(self, walk: _native.LivenessWalk) -> None:
        """Build the buffers from the C++ walk (lib/Analysis/Liveness.cpp), adding
        sizes and memory spaces."""
        op_names = walk.op_names
        table = _UseTable(walk.use_positions, op_names, walk.use_effects)
        offsets = walk.use_offsets
        names = RootNames(self.function, walk.values, walk.names, walk.defined_at)
        typed: dict[int, tuple[ir.MemRefType, str, int | SizeError]] = {}
        new_buffer, root_kinds = object.__new__, ROOT_KINDS
        for index, kind in enumerate(walk.kinds):
            type_ = walk.types[index]
            known = typed.get(id(type_))
            if known is None:
                memref = ir.MemRefType(type_)
                size: int | SizeError
                try:
                    size = memref_bytes(memref, self.dynamic_dim_bound)
                except SizeError as err:
                    size = err
                known = typed[id(type_)] = (memref, memory_space(memref), size)
            memref, space, size = known
            name = walk.names[index] or functools.partial(names.__getitem__, index)
            position = walk.defined_at[index]
            if isinstance(size, SizeError):
                size = self._unsized(size, names[index], position)
            freed_by = walk.freed_by[index]
            last_use = walk.last_use[index]
            # Buffer's own constructor, without its per-field Python calls
            # (a large function has tens of thousands of buffers).
            buffer = new_buffer(Buffer)
            buffer.__dict__ = {
                "_name": name,
                "kind": root_kinds[kind],
                "type": memref,
                "space": space,
                "size": size,
                "defined_at": position,
                "freed_at": walk.freed_at[index],
                "freed_by": "end" if freed_by < 0 else op_names[freed_by],
                "_uses": (table, offsets[index], offsets[index + 1]),
                "last_use": None if last_use < 0 else last_use,
                "escapes": bool(walk.escapes[index]),
            }
            self.buffers.append(buffer)
        self._roots = walk.roots
        self._accesses = (walk.access_position, walk.access_root, walk.access_bits)
        self._by_position: dict[int, list[tuple[int, int]]] | None = None
        self._defined: dict[int, int] | None = None

    def _unsized(self, err: SizeError, label: str, position: int) -> int:
        """0 bytes without strict sizes; else the error, at the op defining
        the buffer (the function for an argument)."""
        if not self.strict_sizes:
            return 0
        owner = self.order.ops[position] if position else self.function
        hint = (
            "; give an upper bound with dynamic-dim-bound=N" if "dynamic shape" in str(err) else ""
        )
        raise LivenessError(owner.location, f"cannot size buffer {label}: {err}{hint}") from None

    def _profile(self, parameters: bool = True) -> list[int]:
        """Device bytes held at each position, calls' included; without
        the ``parameters`` (arguments) if asked."""
        size = self.order.end_position + 1
        delta = np.zeros(size + 1, dtype=np.int64)
        sizes, starts, ends = self._held()
        if not parameters:
            kept = np.fromiter(
                (b.kind != "argument" for b in self.buffers if not b.space), dtype=bool
            )
            sizes, starts, ends = sizes[kept], starts[kept], ends[kept]
        np.add.at(delta, starts, sizes)
        np.subtract.at(delta, ends, sizes)
        for position, held in self.call_bytes.items():
            delta[position] += held
            delta[position + 1] -= held
        return np.cumsum(delta[:size]).tolist()

    @functools.cached_property
    def transient_bytes(self) -> int:
        """The most device memory the function holds beyond its parameters
        (allocations, prefetched copies, globals, what its calls hold):
        what a call to it adds to its caller's."""
        return max(self._profile(parameters=False), default=0)

    def _call_bytes(self, callees: dict[ir.Operation, BufferLiveness | None]) -> dict[int, int]:
        """Per call position, its callee's :attr:`transient_bytes`
        (``callees``: the liveness of those found so far, by function;
        None while under way, so a recursive call holds nothing
        more). Each callee's liveness is kept in :attr:`callees`."""
        found: dict[int, int] = {}
        for position in self.order.call_positions():
            callee = self.order.callee(position)
            if callee is None:
                continue
            if callee not in callees:
                callees[callee] = None
                callees[callee] = BufferLiveness(
                    callee,
                    dynamic_dim_bound=self.dynamic_dim_bound,
                    strict_sizes=self.strict_sizes,
                    symbols=self.order.symbols,
                    _callees=callees,
                )
            analysed = callees[callee]
            if analysed is None:
                continue
            self.callees[position] = analysed
            held = analysed.transient_bytes
            if held:
                found[position] = held
        return found

    def _held(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sizes, allocation and free positions of the device buffers (not
        remote), made once for both profiles."""
        if self._held_arrays is None:
            held = [b for b in self.buffers if not b.space]
            count = len(held)
            self._held_arrays = (
                np.fromiter((b.size for b in held), dtype=np.int64, count=count),
                np.fromiter((b.allocated_at for b in held), dtype=np.int64, count=count),
                np.fromiter((b.freed_at for b in held), dtype=np.int64, count=count),
            )
        return self._held_arrays


def analyse_module(
    module: ir.Operation, *, dynamic_dim_bound: int | None = None
) -> list[BufferLiveness]:
    """Liveness of every ``func.func`` with a body in ``module``."""
    results = []
    for op in module.regions[0].blocks[0].operations:
        if op.operation.name == "func.func" and len(op.operation.regions[0].blocks):
            results.append(BufferLiveness(op.operation, dynamic_dim_bound=dynamic_dim_bound))
    return results
