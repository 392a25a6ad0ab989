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
            for token in self.order.tokens(position):
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
                        f"prefetched buffer {self.buffer(index).name} is not evicted "
                        "on every path to the function's end",
                    )

    def visit_prefetch(self, position: int, state: _State) -> None:
        dependencies = self.order.tokens(position)
        # The prefetch's accesses are its source's roots (it reads them).
        for source in self.accessed(position, _READ):
            token = state.pending.get(source)
            if token is not None and not self.covered(state, token, dependencies):
                self.error_at(
                    position,
                    f"prefetches {self.buffer(source).name} before the write-back into it "
                    "completes: wait for the write-back's token or depend on it",
                )
        self.record_token(position, dependencies)
        index = self.liveness.root_index_defined_at(position)
        if index is not None:
            self.token_of[index] = position
            state.live[index] = position

    def visit_evict(self, position: int, state: _State) -> None:
        dependencies = self.order.tokens(position)
        # The evicted buffer's roots are freed; the destination's written.
        for index in self.accessed(position, _FREE):
            if index in state.evicted:
                self.error_at(
                    position, f"evicts {self.buffer(index).name}, which was already evicted"
                )
                continue
            token = self.token_of.get(index)
            if token is not None and not self.covered(state, token, dependencies):
                self.error_at(
                    position,
                    f"evicts {self.buffer(index).name} before a cache.wait covers its prefetch "
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
            buffer = self.buffer(index)
            if index in state.evicted:
                self.error_at(position, f"uses {buffer.name} after it was evicted")
                continue
            token = self.token_of.get(index)
            if token is not None and token not in state.waited:
                self.error_at(
                    position,
                    f"uses prefetched buffer {buffer.name} before a cache.wait covers its token",
                )
            if index in state.pending and bits & _READS:
                self.error_at(
                    position, f"reads {buffer.name} before the write-back into it completes"
                )

    def visit_region_op(self, position: int, state: _State) -> None:
        regions = self.regions(position)
        name = self.names[position]
        if name in LOOP_OPS:
            body = state.copy()
            for region in regions:
                self.visit_region(region, body, position)
            for index, prefetch in body.live.items():
                if index not in state.live:
                    self.error_at(
                        prefetch,
                        f"prefetched buffer {self.buffer(index).name} is not evicted "
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
                        f"prefetched buffer {self.buffer(index).name} is evicted on some "
                        f"paths through '{name}' but not on others",
                    )
                live.pop(index)
        state.live = live
        for branch in branches:
            state.pending.update(branch.pending)


def check_remote_accesses(function: ir.Operation) -> list[Violation]:
    """Rule 4: every op nested in ``function``, at any depth, that reads or
    writes ``#cache.remote`` memory, once per op and buffer value."""
    found = _native.remote_accesses(function)
    if not found:
        return []
    ops = {address: _native.operation_at(address) for address, _, _ in found}
    values = [ops[address].operands[number] for address, number, _ in found]
    names = _native.value_names(function, [_native.value_address(v) for v in values])
    violations: list[Violation] = []
    seen: set[tuple[int, str]] = set()
    for (address, _, reason), value, name in zip(found, values, names, strict=True):
        owner = value.owner
        if not isinstance(owner, ir.Block) and owner.operation.name == "memref.get_global":
            symbol = ir.FlatSymbolRefAttr(owner.operation.attributes["name"]).value
            name = f"@{symbol}"
        if (address, name) in seen:
            continue
        seen.add((address, name))
        op = ops[address]
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
