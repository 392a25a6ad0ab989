"""The schedule rules of cache IR, checked in program order.

:func:`check_schedule` returns every violation in one function:

1. a use of a prefetched buffer follows a ``cache.wait`` covering its token
   (waiting for a token also covers every token it depends on);
2. no use of a buffer after it was evicted (so no evict before its last use),
   and no buffer is evicted twice (a *use* reads or writes the memory, or
   may, for ops that declare no effects; making a view is not a use);
3. a write-back's destination is not read (nor prefetched without depending
   on the write-back) before a wait covers the write-back's token;
4. a ``#cache.remote`` buffer is never an operand an op reads or writes,
   other than the cache ops that move it;
5. every prefetched buffer is evicted on every path: within the loop body
   that prefetches it, within each ``scf.if`` branch, before each return.

Structured control flow is followed exactly: branches of an ``scf.if`` are
checked separately and a token counts as waited after it only if both
waited for it; a loop body is checked from the state before the loop, and
after the loop only what held before it still holds. A region with several
blocks (``cf`` branches) that holds cache ops is reported as unsupported.
"""

from __future__ import annotations

import dataclasses

from hyperoffload import _native
from hyperoffload.analysis.liveness import Buffer, BufferLiveness
from hyperoffload.analysis.program import LOOP_OPS
from mlir import ir

_CACHE = ("cache.prefetch", "cache.evict", "cache.wait")


@dataclasses.dataclass
class Violation:
    """One broken rule, at the op that breaks it."""

    location: ir.Location
    message: str


@dataclasses.dataclass
class _State:
    waited: set[ir.Value] = dataclasses.field(default_factory=set)
    evicted: set[int] = dataclasses.field(default_factory=set)  # buffer ids
    live: dict[int, ir.Operation] = dataclasses.field(default_factory=dict)  # id -> prefetch
    pending: dict[int, ir.Value] = dataclasses.field(default_factory=dict)  # dst id -> token

    def copy(self) -> _State:
        return _State(set(self.waited), set(self.evicted), dict(self.live), dict(self.pending))


class _Checker:
    def __init__(self, function: ir.Operation, liveness: BufferLiveness) -> None:
        self.function = function
        self.liveness = liveness
        self.violations: list[Violation] = []
        self.implied: dict[ir.Value, set[ir.Value]] = {}
        self.token_of: dict[int, ir.Value] = {}  # prefetch buffer id -> token

    def error(self, op: ir.Operation, message: str) -> None:
        self.violations.append(Violation(op.location, message))

    def buffer_ids(self, value: ir.Value) -> list[int]:
        return list(self.liveness.root_indices(value))

    def buffer(self, index: int) -> Buffer:
        return self.liveness.buffers[index]

    def covered(self, state: _State, token: ir.Value, dependencies: list[ir.Value]) -> bool:
        if token in state.waited:
            return True
        return any(token == d or token in self.implied.get(d, ()) for d in dependencies)

    def mark_waited(self, state: _State, token: ir.Value) -> None:
        state.waited.add(token)
        state.waited.update(self.implied.get(token, ()))

    def record_token(self, token: ir.Value, dependencies: list[ir.Value]) -> None:
        implied: set[ir.Value] = set()
        for dependency in dependencies:
            implied.add(dependency)
            implied.update(self.implied.get(dependency, ()))
        self.implied[token] = implied

    # -- walking -------------------------------------------------------------

    def run(self) -> None:
        state = _State()
        self.visit_region(self.function.regions[0], state, self.function)

    def visit_region(self, region: ir.Region, state: _State, owner: ir.Operation) -> None:
        blocks = list(region.blocks)
        if len(blocks) > 1 and _holds_cache_ops(region):
            self.error(
                owner,
                "cache-verify checks structured control flow only: this region has "
                f"{len(blocks)} blocks and holds cache ops",
            )
            return
        for block in blocks:
            for op in block.operations:
                self.visit(op.operation, state)

    def visit(self, op: ir.Operation, state: _State) -> None:
        name = op.name
        if name == "cache.prefetch":
            self.visit_prefetch(op, state)
        elif name == "cache.evict":
            self.visit_evict(op, state)
        elif name == "cache.wait":
            for token in op.operands:
                self.mark_waited(state, token)
            for destination, token in list(state.pending.items()):
                if token in state.waited:
                    del state.pending[destination]
        else:
            self.visit_use(op, state)
            if len(op.regions) and not name.startswith("linalg."):
                self.visit_region_op(op, state)
            if name == "func.return":
                for index, prefetch in state.live.items():
                    self.error(
                        prefetch,
                        f"prefetched buffer {self.buffer(index).name} is not evicted "
                        "on every path to the function's end",
                    )

    def visit_prefetch(self, op: ir.Operation, state: _State) -> None:
        dependencies = list(op.operands)[1:]
        for source in self.buffer_ids(op.operands[0]):
            token = state.pending.get(source)
            if token is not None and not self.covered(state, token, dependencies):
                self.error(
                    op,
                    f"prefetches {self.buffer(source).name} before the write-back into it "
                    "completes: wait for the write-back's token or depend on it",
                )
        token = op.results[1]
        self.record_token(token, dependencies)
        for index in self.buffer_ids(op.results[0]):
            self.token_of[index] = token
            state.live[index] = op

    def visit_evict(self, op: ir.Operation, state: _State) -> None:
        segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
        operands = list(op.operands)
        dependencies = operands[1 + segments[1] :]
        for index in self.buffer_ids(operands[0]):
            name = self.buffer(index).name
            if index in state.evicted:
                self.error(op, f"evicts {name}, which was already evicted")
                continue
            token = self.token_of.get(index)
            if token is not None and not self.covered(state, token, dependencies):
                self.error(
                    op,
                    f"evicts {name} before a cache.wait covers its prefetch "
                    "(or the evict depends on it)",
                )
            state.evicted.add(index)
            state.live.pop(index, None)
        token = op.results[0]
        self.record_token(token, dependencies)
        if segments[1]:
            for destination in self.buffer_ids(operands[1]):
                state.pending[destination] = token

    def visit_use(self, op: ir.Operation, state: _State) -> None:
        operands = list(op.operands)
        memref_operands = [
            (i, v) for i, v in enumerate(operands) if isinstance(v.type, ir.MemRefType)
        ]
        if not memref_operands:
            return
        status, effects = _native.memory_effects(op)
        touched = {
            o
            for kind, o, _ in effects
            if o >= 0 and kind in (_native.EFFECT_READ, _native.EFFECT_WRITE)
        }
        reads = {o for kind, o, _ in effects if o >= 0 and kind == _native.EFFECT_READ}
        unknown = status == _native.EFFECTS_UNKNOWN
        for position, value in memref_operands:
            # Views and other ops that neither read nor write the memory do
            # not use it; their users are checked when they do.
            accesses = unknown or position in touched
            if not accesses:
                continue
            for index in self.buffer_ids(value):
                buffer = self.buffer(index)
                if index in state.evicted:
                    self.error(op, f"uses {buffer.name} after it was evicted")
                    continue
                token = self.token_of.get(index)
                if token is not None and token not in state.waited:
                    self.error(
                        op,
                        f"uses prefetched buffer {buffer.name} before a cache.wait "
                        "covers its token",
                    )
                if index in state.pending and (position in reads or unknown):
                    self.error(
                        op,
                        f"reads {buffer.name} before the write-back into it completes",
                    )
                if buffer.remote and position in touched:
                    self.error(
                        op,
                        f"'{op.name}' reads or writes {buffer.name}, which is in the "
                        "#cache.remote memory space: prefetch it first",
                    )

    def visit_region_op(self, op: ir.Operation, state: _State) -> None:
        if op.name in LOOP_OPS:
            body = state.copy()
            for region in op.regions:
                self.visit_region(region, body, op)
            for index, prefetch in body.live.items():
                if index not in state.live:
                    self.error(
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
        for region in op.regions:
            branch = state.copy()
            self.visit_region(region, branch, op)
            branches.append(branch)
        if not branches:
            return
        state.waited = set.intersection(*(b.waited for b in branches))
        state.evicted = set.union(*(b.evicted for b in branches))
        live: dict[int, ir.Operation] = {}
        for branch in branches:
            live.update(branch.live)
        for index in list(live):
            if index in state.evicted and any(index not in b.live for b in branches):
                # Evicted on one path, still live on another.
                if any(index in b.live for b in branches):
                    self.error(
                        live[index],
                        f"prefetched buffer {self.buffer(index).name} is evicted on some "
                        f"paths through '{op.name}' but not on others",
                    )
                live.pop(index)
        state.live = live
        for branch in branches:
            state.pending.update(branch.pending)


def _holds_cache_ops(region: ir.Region) -> bool:
    for block in region.blocks:
        for op in block.operations:
            operation = op.operation
            if operation.name in _CACHE:
                return True
            if any(_holds_cache_ops(r) for r in operation.regions):
                return True
    return False


def check_schedule(
    function: ir.Operation, liveness: BufferLiveness | None = None
) -> list[Violation]:
    """Every violation of the schedule rules in ``function``."""
    liveness = liveness or BufferLiveness(function, strict_sizes=False)
    checker = _Checker(function, liveness)
    checker.run()
    return checker.violations
