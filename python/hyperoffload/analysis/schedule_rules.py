"""The schedule rules of cache IR, checked in program order.

:func:`check_schedule` returns every violation in one function:

1. a use of a prefetched buffer follows a ``cache.wait`` covering its token
   (waiting for a token also covers every token it depends on);
2. no use of a buffer after it was evicted (so no evict before its last use),
   and no buffer is evicted twice (a *use* reads or writes the memory, or
   may, for ops that declare no effects; making a view is not a use);
3. a write-back's destination is not read (nor prefetched without depending
   on the write-back) before a wait covers the write-back's token;
4. no op reads or writes ``#cache.remote`` memory, at any depth (an op in
   a ``linalg.generic`` payload loading from a buffer captured from above
   included), other than the cache ops that move it; views, calls,
   terminators and ops declaring no read or write of it may name it, a
   ``memory_space_cast`` out of the pool may not; each such access is
   reported at the nested op itself;
5. every prefetched buffer is evicted on every path: within the loop body
   that prefetches it, within each ``scf.if`` branch, before each return.

A software-pipelined ``scf.for`` (``cache-stream-loop-slices``) carries a
device buffer from one iteration to the next: an iteration argument that
starts as a prefetched buffer and is yielded another one, prefetched in the
body. That *slot* is checked as one buffer: on entry to an iteration it
holds the buffer carried in, live and waited for (the one before the loop
must be); the iteration must evict it, and must wait for the buffer it
yields without evicting it; after the loop the result holds the last one,
waited for, to be evicted like any prefetched buffer. Where the loop
carries the buffer's token beside it (a ``!cache.token`` iteration
argument started with the token of the buffer before the loop and yielded
the token of the one prefetched in the body), the slot enters each
iteration unwaited instead, a wait on that argument covers it, and after
the loop a wait on the loop's token result covers the last one. Prefetched two
iterations ahead (``distance=2``), the loop has two slots per weight: the
buffer the iteration uses, and the next one, whose token the loop carries
beside it (a ``!cache.token`` iteration argument: a wait on it covers the
slot). The next buffer enters unwaited, must not be evicted and must be
waited for by the end of the iteration (it moves to the first slot); the
buffer prefetched in the iteration moves to the second, unwaited, its
token carried out; after the loop, a wait on the loop's token result covers
the last one.

Structured control flow is followed exactly: branches of an ``scf.if`` are
checked separately and a token counts as waited after it only if both
waited for it; a loop body is checked from the state before the loop, and
after the loop only what held before it still holds. A region with several
blocks (``cf`` branches) that holds cache ops is reported as unsupported.
A rule an op breaks for one buffer is reported once, however many of its
operands reach that buffer.
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.liveness import Buffer, BufferLiveness
from hyperoffload.analysis.program import LOOP_OPS

_CACHE = ("cache.prefetch", "cache.evict", "cache.wait")


@dataclasses.dataclass
class Violation:
    """One broken rule, at the op that breaks it."""

    location: ir.Location
    message: str


# Tokens are named by the position of the cache op defining them (one per
# op; -1 for a token that is a block argument).


@dataclasses.dataclass
class _State:
    waited: set[int] = dataclasses.field(default_factory=set)  # tokens
    evicted: set[int] = dataclasses.field(default_factory=set)  # buffer ids
    live: dict[int, int] = dataclasses.field(default_factory=dict)  # id -> prefetch position
    pending: dict[int, int] = dataclasses.field(default_factory=dict)  # dst id -> token

    def copy(self) -> _State:
        return _State(set(self.waited), set(self.evicted), dict(self.live), dict(self.pending))


# One region of a region op: its ops' positions (all its blocks, in order)
# and how many blocks it has.
_Region = tuple[list[int], int]

_READ, _WRITE, _FREE = (
    int(_native.AccessBit.READ),
    int(_native.AccessBit.WRITE),
    int(_native.AccessBit.FREE),
)
_ACCESSES = _READ | _WRITE | int(_native.AccessBit.UNKNOWN)
_READS = _READ | int(_native.AccessBit.UNKNOWN)


class _Checker:
    """Walks the liveness's program order (names, nesting and each op's
    accesses to root buffers come from the walk, not from a binding call
    per op); only cache ops and region ops are looked at in the IR."""

    def __init__(self, function: ir.Operation, liveness: BufferLiveness) -> None:
        self.function = function
        self.liveness = liveness
        self.order = liveness.order
        self.names = liveness.order.names
        self.accesses = liveness.accesses_by_position()
        self.violations: list[Violation] = []
        self.implied: dict[int, set[int]] = {}
        self.token_of: dict[int, int] = {}  # prefetch buffer id -> token
        self.slots: dict[int, list[_Slot]] = {}  # loop position -> its slots
        self.slot_names: dict[int, str] = {}
        # (loop position, iteration argument or result number) -> the token
        # of the slot whose token the loop carries there.
        self.carried_tokens: dict[tuple[int, int], int] = {}
        self._find_slots()

    def error_at(self, position: int, message: str) -> None:
        self.violations.append(Violation(self.order.ops[position].location, message))

    def accessed(self, position: int, has: int, lacks: int = 0) -> list[int]:
        """The roots the op at ``position`` accesses with all of ``has`` and
        none of ``lacks`` (ACCESS_* bits), in operand order."""
        return [
            index
            for index, bits in self.accesses.get(position, ())
            if bits & has == has and not bits & lacks
        ]

    def buffer(self, index: int) -> Buffer:
        return self.liveness.buffers[index]

    def name(self, index: int) -> str:
        """The name of root ``index``, or of a loop's slot."""
        if index in self.slot_names:
            return self.slot_names[index]
        return self.buffer(index).name

    def _find_slots(self) -> None:
        """The buffers each ``scf.for`` carries across iterations; an op
        accessing a slot (its roots through the iteration argument in the
        body, through the loop result after it) accesses the slot instead."""
        buffers = self.liveness.buffers
        next_id = len(buffers)
        copied = False
        for position, name in enumerate(self.names):
            if name != "scf.for":
                continue
            loop = self.order.ops[position]
            body = loop.regions[0].blocks[0]
            arguments = list(body.arguments)[1:]
            inits = list(loop.operands)[3:]
            yielded = list(body.operations[len(body.operations) - 1].operands)
            found: list[_Slot] = []
            for index, (init, out) in enumerate(zip(inits, yielded, strict=True)):
                if not isinstance(init.type, ir.MemRefType):
                    continue
                before = self.liveness.root_indices(init)
                if len(before) != 1 or buffers[before[0]].kind != "prefetch":
                    continue
                shifted = _argument_number(out, body)
                carried = None
                if shifted is None:
                    after = self.liveness.root_indices(out)
                    if len(after) != 1 or buffers[after[0]].kind != "prefetch":
                        continue
                    carried = after[0]
                    if self.order.parent[buffers[carried].defined_at] != position:
                        continue
                token_argument = _carried_token(inits, yielded, index)
                slot = _Slot(
                    next_id,
                    before[0],
                    carried,
                    position,
                    -(next_id + 2),
                    index,
                    shifted,
                    token_argument,
                    frozenset(self.liveness.root_indices(arguments[index])),
                    frozenset(self.liveness.root_indices(loop.results[index])),
                )
                next_id += 1
                found.append(slot)
            # A slot another one shifts into it (the buffer prefetched two
            # iterations ahead moves to the one used next) must be one.
            numbers = {slot.argument for slot in found}
            found = [s for s in found if s.shifted is None or s.shifted in numbers]
            for slot in found:
                self.slots.setdefault(position, []).append(slot)
                carried_name = (
                    buffers[slot.carried].name
                    if slot.carried is not None
                    else f"iteration argument #{slot.shifted}"
                )
                self.slot_names[slot.id] = (
                    f"{buffers[slot.first].name}/{carried_name} (carried by iteration "
                    f"argument #{slot.argument})"
                )
                if slot.token_argument is not None:
                    self.carried_tokens[(position, slot.token_argument)] = slot.token
                if not copied:
                    self.accesses = dict(self.accesses)  # the liveness's is shared
                    copied = True
                last = self.order.end[position]
                for where, accesses in list(self.accesses.items()):
                    if position < where <= last:
                        self.accesses[where] = _merged(accesses, set(slot.inside), slot.id)
                    elif where > last:
                        self.accesses[where] = _merged(accesses, set(slot.after), slot.id)

    def tokens_at(self, position: int) -> list[int]:
        """The tokens op ``position`` uses: :meth:`ProgramOrder.tokens`,
        with a token a pipelined loop carries (an iteration argument in its
        body, a result after it) named by its slot's token."""
        tokens = self.order.tokens(position)
        if not self.carried_tokens or not any(
            t == -1 or self.names[t] == "scf.for" for t in tokens
        ):
            return tokens
        resolved = []
        for value in self.order.ops[position].operands:
            if str(value.type) != "!cache.token":
                continue
            key = self.order.carried_token(value)
            if key is not None:
                resolved.append(self.carried_tokens.get(key, -1))
            elif isinstance(value.owner, ir.Block):
                resolved.append(-1)
            else:
                resolved.append(self.order.position_of(value.owner.operation) or -1)
        return resolved

    def covered(self, state: _State, token: int, dependencies: list[int]) -> bool:
        if token in state.waited:
            return True
        return any(token == d or token in self.implied.get(d, ()) for d in dependencies)

    def mark_waited(self, state: _State, token: int) -> None:
        state.waited.add(token)
        state.waited.update(self.implied.get(token, ()))

    def record_token(self, token: int, dependencies: list[int]) -> None:
        implied: set[int] = set()
        for dependency in dependencies:
            implied.add(dependency)
            implied.update(self.implied.get(dependency, ()))
        self.implied[token] = implied

    # -- walking -------------------------------------------------------------

    def run(self) -> None:
        state = _State()
        for region in self.regions(0):
            self.visit_region(region, state, 0)

    def regions(self, position: int) -> list[_Region]:
        """The regions of op ``position`` (the function for 0), each with
        the positions of the ops directly in it: the op's children in
        pre-order, as many per region as its blocks hold."""
        children = self.order.children(position)
        regions: list[_Region] = []
        taken = 0
        for region in self.order.ops[position].regions:
            blocks = list(region.blocks)
            count = sum(len(block.operations) for block in blocks)
            regions.append((children[taken : taken + count], len(blocks)))
            taken += count
        return regions

    def visit_region(self, region: _Region, state: _State, owner: int) -> None:
        positions, blocks = region
        if blocks > 1 and self._holds_cache_ops(positions):
            self.error_at(
                owner,
                "cache-verify checks structured control flow only: this region has "
                f"{blocks} blocks and holds cache ops",
            )
            return
        for position in positions:
            self.visit(position, state)

    def _holds_cache_ops(self, positions: list[int]) -> bool:
        if not positions:
            return False
        last = self.order.end[positions[-1]]
        return any(self.names[p] in _CACHE for p in range(positions[0], last + 1))

    def visit(self, position: int, state: _State) -> None:
        name = self.names[position]
        if name == "cache.prefetch":
            self.visit_prefetch(position, state)
        elif name == "cache.evict":
            self.visit_evict(position, state)
        elif name == "cache.wait":
            for token in self.tokens_at(position):
                self.mark_waited(state, token)
            for destination, token in list(state.pending.items()):
                if token in state.waited:
                    del state.pending[destination]
        else:
            accesses = self.accesses.get(position)
            if accesses:
                self.visit_use(position, accesses, state)
            if self.order.descends[position]:
                self.visit_region_op(position, state)
            if name == "func.return":
                for index, prefetch in state.live.items():
                    self.error_at(
                        prefetch,
                        f"prefetched buffer {self.name(index)} is not evicted "
                        "on every path to the function's end",
                    )

    def visit_prefetch(self, position: int, state: _State) -> None:
        dependencies = self.tokens_at(position)
        # The prefetch's accesses are its source's roots (it reads them).
        for source in self.accessed(position, _READ):
            token = state.pending.get(source)
            if token is not None and not self.covered(state, token, dependencies):
                self.error_at(
                    position,
                    f"prefetches {self.name(source)} before the write-back into it "
                    "completes: wait for the write-back's token or depend on it",
                )
        self.record_token(position, dependencies)
        index = self.liveness.root_index_defined_at(position)
        if index is not None:
            self.token_of[index] = position
            state.live[index] = position

    def visit_evict(self, position: int, state: _State) -> None:
        dependencies = self.tokens_at(position)
        # The evicted buffer's roots are freed; the destination's written.
        for index in self.accessed(position, _FREE):
            if index in state.evicted:
                self.error_at(position, f"evicts {self.name(index)}, which was already evicted")
                continue
            token = self.token_of.get(index)
            if token is not None and not self.covered(state, token, dependencies):
                self.error_at(
                    position,
                    f"evicts {self.name(index)} before a cache.wait covers its prefetch "
                    "(or the evict depends on it)",
                )
            state.evicted.add(index)
            state.live.pop(index, None)
        self.record_token(position, dependencies)
        for destination in self.accessed(position, _WRITE, _FREE):
            state.pending[destination] = position

    def visit_use(self, position: int, accesses: list[tuple[int, int]], state: _State) -> None:
        """Check each root the op reads or writes (or may: it declares no
        effects); views and other ops that neither read nor write the
        memory do not use it, their users are checked when they do."""
        for index, bits in accesses:
            if not bits & _ACCESSES:
                continue
            if index in state.evicted:
                self.error_at(position, f"uses {self.name(index)} after it was evicted")
                continue
            token = self.token_of.get(index)
            if token is not None and token not in state.waited:
                self.error_at(
                    position,
                    f"uses prefetched buffer {self.name(index)} before a cache.wait covers "
                    "its token",
                )
            if index in state.pending and bits & _READS:
                self.error_at(
                    position, f"reads {self.name(index)} before the write-back into it completes"
                )

    def visit_region_op(self, position: int, state: _State) -> None:
        regions = self.regions(position)
        name = self.names[position]
        if name in LOOP_OPS:
            slots = self.slots.get(position, [])
            for slot in slots:
                self.enter_slot(slot, state)
            body = state.copy()
            for region in regions:
                self.visit_region(region, body, position)
            for slot in slots:
                self.leave_slot(slot, slots, body, state)
            for index, prefetch in body.live.items():
                if index not in state.live:
                    self.error_at(
                        prefetch,
                        f"prefetched buffer {self.name(index)} is not evicted "
                        "within the loop iteration that prefetches it",
                    )
            state.evicted |= body.evicted
            state.pending.update(body.pending)
            for index in body.evicted:
                state.live.pop(index, None)
            return
        branches = []
        for region in regions:
            branch = state.copy()
            self.visit_region(region, branch, position)
            branches.append(branch)
        if not branches:
            return
        state.waited = set.intersection(*(b.waited for b in branches))
        state.evicted = set.union(*(b.evicted for b in branches))
        live: dict[int, int] = {}
        for branch in branches:
            live.update(branch.live)
        for index in list(live):
            if index in state.evicted and any(index not in b.live for b in branches):
                # Evicted on one path, still live on another.
                if any(index in b.live for b in branches):
                    self.error_at(
                        live[index],
                        f"prefetched buffer {self.name(index)} is evicted on some "
                        f"paths through '{name}' but not on others",
                    )
                live.pop(index)
        state.live = live
        for branch in branches:
            state.pending.update(branch.pending)

    def enter_slot(self, slot: _Slot, state: _State) -> None:
        """The buffer prefetched before the loop moves into the slot: live,
        waited for if it was."""
        if slot.first in state.evicted:
            self.error_at(
                slot.loop, f"carries {self.name(slot.first)} into the loop after evicting it"
            )
        self.token_of[slot.id] = slot.token
        if self.covered(state, self.token_of.get(slot.first, slot.token), []):
            state.waited.add(slot.token)
        else:
            state.waited.discard(slot.token)
        state.live.pop(slot.first, None)
        state.live[slot.id] = slot.loop
        state.evicted.discard(slot.id)

    def leave_slot(self, slot: _Slot, slots: list[_Slot], body: _State, state: _State) -> None:
        """At the end of an iteration: the buffer carried in is evicted
        (or, two iterations ahead, moved to the slot used next, waited
        for), the one carried out live and waited for (or its token carried
        beside it); after the loop the slot holds the last one."""
        into = [other for other in slots if other.shifted == slot.argument]
        if into:
            # Yielded as the buffer the next iteration uses.
            if slot.id in body.evicted:
                self.error_at(
                    slot.loop,
                    f"the iteration evicts {self.name(slot.id)}, which it yields to the next one",
                )
            elif slot.token not in body.waited:
                self.error_at(
                    slot.loop,
                    f"yields {self.name(slot.id)} to the next iteration to use before a "
                    "cache.wait covers its token",
                )
        elif slot.id not in body.evicted:
            self.error_at(
                slot.loop,
                f"the iteration does not evict {self.name(slot.id)}, the buffer carried into it",
            )
        waited_after = True
        if slot.carried is not None:
            carried = self.name(slot.carried)
            prefetch = self.buffer(slot.carried).defined_at
            if slot.carried in body.evicted:
                self.error_at(
                    prefetch, f"evicts {carried}, which the iteration yields to the next one"
                )
            elif self.token_of.get(slot.carried) not in body.waited:
                if slot.token_argument is None:
                    self.error_at(
                        prefetch,
                        f"yields {carried} to the next iteration before a cache.wait covers "
                        "its token",
                    )
                else:
                    # Its token is carried beside it, waited after the loop.
                    waited_after = False
            body.live.pop(slot.carried, None)
        body.live.pop(slot.id, None)
        body.evicted.discard(slot.id)
        state.live[slot.id] = slot.loop
        if waited_after:
            state.waited.add(slot.token)
        else:
            state.waited.discard(slot.token)


def _merged(accesses: list[tuple[int, int]], roots: set[int], slot: int) -> list[tuple[int, int]]:
    """``accesses`` with ``roots``, where it names all of them, as one
    access to ``slot`` (their bits together, where the first was)."""
    if not roots <= {root for root, _ in accesses}:
        return accesses
    bits = 0
    for root, root_bits in accesses:
        if root in roots:
            bits |= root_bits
    merged: list[tuple[int, int]] = []
    for root, root_bits in accesses:
        if root not in roots:
            merged.append((root, root_bits))
        elif not any(r == slot for r, _ in merged):
            merged.append((slot, bits))
    return merged


@dataclasses.dataclass(frozen=True)
class _Slot:
    """A device buffer an ``scf.for`` carries across iterations in
    iteration argument ``argument``: prefetched as root ``first`` before
    the loop, and in the body as root ``carried`` (or, prefetched two
    iterations ahead, moved in from iteration argument ``shifted``); ``id``
    names the slot, ``token`` its pseudo token (always waited, unless the
    loop carries the token of the buffer too, in iteration argument
    ``token_argument``); ``inside`` and ``after`` are the roots an access
    reaches through the iteration argument and through the loop result."""

    id: int
    first: int
    carried: int | None
    loop: int
    token: int
    argument: int
    shifted: int | None
    token_argument: int | None
    inside: frozenset[int]
    after: frozenset[int]


def _argument_number(value: ir.Value, body: ir.Block) -> int | None:
    """The iteration argument number of ``value`` if it is one of the
    loop body ``body``'s (not the induction variable)."""
    owner = value.owner
    if isinstance(owner, ir.Block) and owner == body and value.arg_number > 0:
        return value.arg_number - 1
    return None


def _carried_token(inits: list[ir.Value], yielded: list[ir.Value], index: int) -> int | None:
    """The iteration argument that carries the token of the buffers
    iteration argument ``index`` carries: initialised with the token of the
    prefetch of its initial buffer, yielded the token of the prefetch of
    the buffer it yields."""

    def prefetch_of(value: ir.Value) -> ir.Operation | None:
        owner = value.owner
        if isinstance(owner, ir.Block) or owner.operation.name != "cache.prefetch":
            return None
        return owner.operation

    first, carried = prefetch_of(inits[index]), prefetch_of(yielded[index])
    if first is None or carried is None:
        return None
    for number, (init, out) in enumerate(zip(inits, yielded, strict=True)):
        if init == first.results[1] and out == carried.results[1]:
            return number
    return None


def check_remote_accesses(function: ir.Operation) -> list[Violation]:
    """Rule 4: every op nested in ``function``, at any depth, that reads or
    writes ``#cache.remote`` memory, once per op and buffer value."""
    found = _native.remote_accesses(function)
    if not found:
        return []
    values = [op.operands[number] for op, number, _ in found]
    names = _native.value_names(function, values)
    violations: list[Violation] = []
    seen: set[tuple[ir.Operation, str]] = set()
    for (op, _, reason), value, name in zip(found, values, names, strict=True):
        owner = value.owner
        if not isinstance(owner, ir.Block) and owner.operation.name == "memref.get_global":
            symbol = ir.FlatSymbolRefAttr(owner.operation.attributes["name"]).value
            name = f"@{symbol}"
        if (op, name) in seen:
            continue
        seen.add((op, name))
        if reason == _native.RemoteAccess.CAST:
            message = (
                f"'{op.name}' casts {name} out of the #cache.remote memory space: its "
                "users would access the pool; prefetch it instead"
            )
        else:
            access = (
                "reads or writes"
                if reason == _native.RemoteAccess.DECLARED
                else "may read or write (it declares no memory effects)"
            )
            message = (
                f"'{op.name}' {access} {name}, which is in the #cache.remote memory "
                "space: prefetch it first"
            )
        violations.append(Violation(op.location, message))
    return violations


def check_schedule(
    function: ir.Operation, liveness: BufferLiveness | None = None
) -> list[Violation]:
    """Every violation of the schedule rules in ``function``."""
    liveness = liveness or BufferLiveness(function, strict_sizes=False)
    checker = _Checker(function, liveness)
    checker.run()
    return checker.violations + check_remote_accesses(function)
