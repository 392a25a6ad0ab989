"""Replay a function on a hardware profile: one compute stream, FIFO copy
engines per direction, device memory over time.

The function runs in program order on the compute stream; each compute op
takes its roofline time (:mod:`hyperoffload.analysis.cost_model`).

- ``cache.prefetch`` allocates its device buffer at issue and queues a
  pool->device copy; the copy starts when its dependencies are done and an
  engine of that direction is free (engines serve copies in issue order)
  and takes ``latency + bytes / bandwidth``.
- ``cache.evict`` of a clean buffer completes when its dependencies are
  done; a write-back (``to``) queues a device->pool copy. Device memory is
  returned at completion.
- ``cache.wait`` blocks the compute stream until its tokens complete; the
  blocked time is *exposed* transfer time.
- ``memref.alloc``/``alloca`` take memory, ``memref.dealloc`` returns it;
  device arguments and globals are resident from the start.
- ``func.call`` of a function with a body runs for that body's compute
  time and holds the callee's own device memory beyond its parameters
  while it runs (``BufferLiveness.call_bytes``); a callee that prefetches
  or evicts (planned per call site by ``hyper-offload-pipeline``) is
  replayed op by op instead, on the caller's clock, engines and memory.
- Region ops replay their bodies: ``scf.for`` with constant bounds its trip
  count times (a body without transfers or allocations is timed once and
  multiplied), a loop with a ``cache.trip_count_bound`` (an ``scf.for``
  with dynamic bounds, an ``scf.while`` without transfers in it) that many
  times, any other loop once; ``scf.if`` with a constant condition
  the taken branch, otherwise the branch with more compute (or the one
  ``paths`` names: :func:`simulate_paths` simulates each region of each
  such ``scf.if``, which ``hyper-opt --report`` and ``--summary`` give
  beside the costlier path's figures). A loop whose
  iteration repeats the one before (the same duration, copies, memory
  events and engine state relative to its start: a pipelined scan after
  its first iterations) reaches a steady state: the remaining iterations
  are appended shifted by that duration instead of replayed, so the time
  to simulate a scan does not grow with its trip count beyond copying its
  events.

Results: makespan (including transfers still running at the end), compute
time, transfer time per direction, exposed time (blocked waits plus that
tail), overlap ratio ``1 - exposed / transfer`` (None without transfers),
peak device memory and when, and the event timeline. Memory events at the
same instant apply in program order.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import accumulate

from mlir import ir

from hyperoffload._native import AccessBit, linalg_inputs
from hyperoffload.analysis.cost_model import CostModel, OpCost
from hyperoffload.analysis.liveness import Buffer, BufferLiveness, LazyName
from hyperoffload.analysis.program import ProgramOrder, constant_int, trip_count
from hyperoffload.errors import LocatedError
from hyperoffload.hardware import HardwareProfile
from hyperoffload.ir_utils import memory_space
from hyperoffload.sizes import SizeError, memref_bytes

# Plain ints: the access bits are tested once per use in the replay loop.
ACCESS_FREE = int(AccessBit.FREE)
ACCESS_WRITE = int(AccessBit.WRITE)

POOL_TO_DEVICE = "pool_to_device"
DEVICE_TO_POOL = "device_to_pool"

# Replaying more op executions than this is refused (loops too long).
MAX_REPLAYED_OPS = 2_000_000


class SimulationError(LocatedError):
    """The function cannot be simulated."""


@dataclasses.dataclass
class Interval:
    """A span on one track of the timeline."""

    track: str  # "compute", "stall", "pool_to_device[0]", ...
    name: str
    start: float
    end: float
    args: dict[str, object] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class TransferRecord:
    """One copy: when it was issued, ran and was waited for."""

    direction: str
    # A descriptor (no default): the buffer's name, printed on first read.
    buffer: LazyName = LazyName()  # noqa: RUF009
    bytes: int
    engine: int
    issued_s: float
    start_s: float
    end_s: float
    position: int
    waited_s: float | None = None
    stall_s: float = 0.0

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s

    @property
    def slack_s(self) -> float | None:
        """Time between the copy's end and the wait that needs it (negative:
        the wait blocked); None if nothing waits for it."""
        return None if self.waited_s is None else self.waited_s - self.end_s


@dataclasses.dataclass
class SimulationResult:
    function: str
    hardware: str
    makespan_s: float
    compute_s: float
    transfer_s: dict[str, float]
    exposed_s: float
    peak_bytes: int
    peak_time_s: float
    # A descriptor (no default): what took the peak's last bytes.
    peak_op: LazyName = LazyName()  # noqa: RUF009
    intervals: list[Interval]
    transfers: list[TransferRecord]
    memory: list[tuple[float, int]]

    @property
    def total_transfer_s(self) -> float:
        return sum(self.transfer_s.values())

    @property
    def overlap_ratio(self) -> float | None:
        total = self.total_transfer_s
        if total == 0.0:
            return None
        return min(1.0, max(0.0, 1.0 - self.exposed_s / total))


# A token: the position of the cache op defining it, or the value.
# A loop's carried token: ("carried", loop position, iteration argument).
_Token = int | ir.Value | tuple[str, int, int]

# What a memory event or copy is labelled with: a name, or the buffer, whose
# name is printed only if a result is read for it.
_Label = str | Buffer

# A memory event: (time, sequence, bytes delta, label); events at the same
# time apply in the order they were made (sequence is unique).
_MemoryEvent = tuple[float, int, int, _Label]


@dataclasses.dataclass(frozen=True)
class _Mark:
    """Where the simulation stood when a loop iteration began."""

    time: float
    compute: float
    exposed: float
    events: int
    transfers: int
    intervals: int
    tokens: int


@dataclasses.dataclass
class _Iteration:
    """One loop iteration, relative to its start: what a later one repeats
    when the loop has reached a steady state."""

    duration: float
    compute: float
    exposed: float
    events: list[tuple[float, int, _Label]]
    transfers: list[tuple[object, ...]]
    engines: dict[str, list[float]]
    tokens: list[_Token]

    def same_as(self, other: _Iteration) -> bool:
        """The same, up to rounding (times relative to the iteration start
        differ in the last bits where the start differs)."""
        scale = max(self.duration, 1e-30)

        def close(a: float, b: float) -> bool:
            return abs(a - b) <= 1e-9 * scale

        if not (
            close(self.duration, other.duration)
            and close(self.compute, other.compute)
            and close(self.exposed, other.exposed)
            and len(self.events) == len(other.events)
            and len(self.transfers) == len(other.transfers)
        ):
            return False
        for (t, d, label), (u, e, other_label) in zip(self.events, other.events, strict=True):
            if d != e or (label is not other_label and label != other_label) or not close(t, u):
                return False
        for mine, theirs in zip(self.transfers, other.transfers, strict=True):
            for a, b in zip(mine, theirs, strict=True):
                if isinstance(a, float) and isinstance(b, float):
                    if not close(a, b):
                        return False
                elif a != b:
                    return False
        return all(
            close(a, b)
            for direction, frees in self.engines.items()
            for a, b in zip(frees, other.engines[direction], strict=True)
        )


def _name_of(label: _Label) -> str | Callable[[], str]:
    """A :class:`LazyName` value for ``label``."""
    return label if isinstance(label, str) else functools.partial(getattr, label, "name")


class _Simulator:
    def __init__(
        self,
        liveness: BufferLiveness,
        hardware: HardwareProfile,
        timeline: bool = True,
        paths: Mapping[int, int] | None = None,
    ) -> None:
        self.liveness = liveness
        # The region each scf.if at these positions runs (see simulate).
        self.paths = dict(paths or {})
        self.hardware = hardware
        self.timeline = timeline
        self.costs = CostModel(hardware)
        self._cost_cache: dict[ir.Operation, OpCost] = {}
        self.time = 0.0
        self.compute = 0.0
        self.exposed = 0.0
        self.sequence = 0
        self.replayed = 0
        engines = hardware.copy_engines_per_direction
        self.engines = {POOL_TO_DEVICE: [0.0] * engines, DEVICE_TO_POOL: [0.0] * engines}
        self.token_done: dict[_Token, float] = {}
        self.token_transfer: dict[_Token, TransferRecord] = {}
        self.memory_events: list[_MemoryEvent] = []
        self.intervals: list[Interval] = []
        self.transfers: list[TransferRecord] = []
        self.current_position = 0
        # Each op's accesses: the roots the handlers need, without a
        # lookup by value.
        self._accesses = liveness.accesses_by_position()
        self._call_bytes = liveness.call_bytes
        # Per position its op's compute seconds (made on first need).
        self._seconds: list[float] | None = None
        # Every token set, in order (a loop iteration's are a slice of it).
        self._token_log: list[_Token] = []
        # Calls replayed op by op: those whose callee moves data itself.
        self._inline = _calls_with_transfers(liveness)
        # Loops carrying tokens across iterations (a prefetch two
        # iterations ahead): per loop position, per token iteration
        # argument, its key, its initial token's and its yielded token's.
        self._carried = _carried_tokens(liveness)
        # Per position, its token operands' keys where one is carried.
        self._resolved: dict[int, list[_Token]] = {}

    # -- helpers -------------------------------------------------------------

    def _memory(self, time: float, delta: int, label: _Label) -> None:
        self.sequence += 1
        self.memory_events.append((time, self.sequence, delta, label))

    def _size(self, op: ir.Operation, type_: ir.Type) -> int:
        try:
            return memref_bytes(type_, self.liveness.dynamic_dim_bound)
        except SizeError as err:
            raise SimulationError(op.location, f"cannot size {type_}: {err}") from None

    def _first_root(self, value: ir.Value) -> Buffer | None:
        """The first root buffer ``value`` points into, looked up by value
        (for ops the walk did not see, or gave no root)."""
        roots = self.liveness.roots_of(value)
        return roots[0] if roots else None

    def _freed_at(self, position: int) -> Buffer | None:
        """The first root buffer the op at ``position`` frees, as the walk
        saw it (its first operand's: the op's other operands are not
        freed), if any."""
        for index, bits in self._accesses.get(position, ()):
            if bits & ACCESS_FREE:
                return self.liveness.buffers[index]
        return None

    def _root_bytes(self, op: ir.Operation, value: ir.Value, root: Buffer | None) -> int:
        return root.size if root is not None else self._size(op, value.type)

    def _deps_done(self, tokens: Iterable[_Token]) -> float:
        return max((self.token_done.get(t, 0.0) for t in tokens), default=0.0)

    def _cost(self, op: ir.Operation) -> OpCost:
        cost = self._cost_cache.get(op)
        if cost is None:
            cost = self.costs.cost(op)
            self._cost_cache[op] = cost
        return cost

    def _transfer(
        self, direction: str, nbytes: int, ready: float, buffer: _Label, position: int
    ) -> TransferRecord:
        engines = self.engines[direction]
        engine = min(range(len(engines)), key=lambda i: engines[i])
        start = max(ready, engines[engine])
        end = start + self.hardware.transfer_seconds(nbytes, direction == POOL_TO_DEVICE)
        engines[engine] = end
        record = TransferRecord(
            direction, _name_of(buffer), nbytes, engine, self.time, start, end, position
        )
        self.transfers.append(record)
        if self.timeline:
            self.intervals.append(
                Interval(f"{direction}[{engine}]", record.buffer, start, end, {"bytes": nbytes})
            )
        return record

    # -- replay --------------------------------------------------------------

    def run(self) -> None:
        for buffer in self.liveness.buffers:
            if buffer.on_device and buffer.kind in ("argument", "global"):
                self._memory(0.0, buffer.size, buffer)
        # The function body's ops, with the positions the order gave them.
        self._run_positions(self.liveness.order.body_positions())

    def _run_positions(self, positions: list[int]) -> None:
        """Run the ops at ``positions`` (of one block, in order): one by one
        for a timeline, else stretch by stretch."""
        if self.timeline:
            for position in positions:
                self._run_position(position)
        else:
            self._run_stretches(positions)

    def _run_stretches(self, body: list[int]) -> None:
        """Run the body without a timeline, stretch by stretch.

        Only waits and region ops move the clock other than by compute;
        between them the time before each op is a running sum of compute
        seconds, taken in one cumulative sum (the same additions in the
        same order as op by op, so the same floats), and only the ops with
        handlers (transfers, allocations) run one by one."""
        order = self.liveness.order
        names, descends = order.names, order.descends
        if self._seconds is None:
            self._seconds = self.costs.seconds_at(order).tolist()
        seconds = self._seconds
        start, count = 0, len(body)
        while start < count:
            stop = start
            while (
                stop < count
                and not descends[body[stop]]
                and names[body[stop]] != "cache.wait"
                and body[stop] not in self._inline
            ):
                stop += 1
            stretch = body[start:stop]
            if self.replayed + len(stretch) > MAX_REPLAYED_OPS:
                for position in stretch:
                    self._run_position(position)  # raises at the op over the limit
            elif stretch:
                self._run_stretch(stretch, seconds)
            if stop < count:
                self._run_position(body[stop])
            start = stop + 1

    def _run_stretch(self, stretch: list[int], seconds: list[float]) -> None:
        # Running sums in plain Python: stretches are short (numpy's call
        # overhead would dominate), and accumulate adds in order, as the
        # op-by-op replay does.
        names = self.liveness.order.names
        costs = list(map(seconds.__getitem__, stretch))
        times = list(accumulate(costs, initial=self.time))
        for index, position in enumerate(stretch):
            handler = _HANDLERS.get(names[position])
            if handler is not None:
                self.time = times[index]
                self.current_position = position
                handler(self, None, position)
        if self._call_bytes:
            for index, position in enumerate(stretch):
                held = self._call_bytes.get(position)
                if held:
                    self._memory(times[index], held, names[position])
                    self._memory(times[index + 1], -held, names[position])
        self.time = times[-1]
        self.compute = deque(accumulate(costs, initial=self.compute), maxlen=1)[0]
        self.replayed += len(stretch)
        self.current_position = stretch[-1]

    def _run_region(self, region: ir.Region) -> None:
        order = self.liveness.order
        for block in region.blocks:
            for op in block.operations:
                operation = op.operation
                position = order.position_of(operation)
                if position is None:
                    self._run_op(operation)
                else:
                    self._run_position(position)

    def _count(self, op: ir.Operation) -> None:
        self.replayed += 1
        if self.replayed > MAX_REPLAYED_OPS:
            raise SimulationError(
                op.location,
                f"simulation replays more than {MAX_REPLAYED_OPS} op executions; "
                "loops are too long to replay",
            )

    def _run_position(self, position: int) -> None:
        """Run the op at ``position`` of the walked order: its name, nesting
        and cost class come from the walk."""
        order = self.liveness.order
        if self.replayed >= MAX_REPLAYED_OPS:
            self._count(order.ops[position])
        self.replayed += 1
        self.current_position = position
        name = order.names[position]
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, None, position)
        elif order.descends[position]:
            self._run_region_op(order.ops[position], position)
        elif position in self._inline:
            self._run_call(self._inline[position])
        elif position in self._call_bytes:
            held = self._call_bytes[position]
            self._memory(self.time, held, name)
            self._compute(name, self.costs.cost_at(order, position))
            self._memory(self.time, -held, name)
        else:
            self._compute(name, self.costs.cost_at(order, position))

    def _run_call(self, callee: BufferLiveness) -> None:
        """Replay the body of a called function op by op on this clock,
        these copy engines and this memory (its parameters are the
        caller's buffers, already counted): its transfers and waits are
        the caller's. Its tokens are its own."""
        child = _Simulator(callee, self.hardware, self.timeline)
        child.costs, child._cost_cache = self.costs, self._cost_cache
        child.time, child.compute, child.exposed = self.time, self.compute, self.exposed
        child.sequence, child.replayed = self.sequence, self.replayed
        child.engines = self.engines
        child.memory_events, child.intervals = self.memory_events, self.intervals
        child.transfers = self.transfers
        child._run_positions(callee.order.body_positions())
        self.time, self.compute, self.exposed = child.time, child.compute, child.exposed
        self.sequence, self.replayed = child.sequence, child.replayed

    def _run_op(self, op: ir.Operation) -> None:
        """Run an op the walk did not see (the IR changed since)."""
        self._count(op)
        name = op.name
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, op, None)
        elif len(op.regions) and linalg_inputs(op) is None:  # not a payload region
            self._run_region_op(op)
        else:
            self._compute(name, self._cost(op))

    def _compute(self, name: str, cost: OpCost) -> None:
        if cost.seconds > 0.0:
            if self.timeline:
                self.intervals.append(
                    Interval(
                        "compute",
                        name,
                        self.time,
                        self.time + cost.seconds,
                        {"flops": cost.flops, "bytes": cost.bytes, "bound": cost.bound},
                    )
                )
            self.time += cost.seconds
            self.compute += cost.seconds

    # Handlers take the op, or None with its position in the walked order
    # (then the op is made only if needed).

    def _op(self, op: ir.Operation | None, position: int | None) -> ir.Operation:
        if op is None:
            assert position is not None
            return self.liveness.order.ops[position]
        return op

    # Tokens are keyed by the position of the cache op defining each (one
    # per op), from the walk; by the value for an op the walk did not see.

    def _token_key(self, value: ir.Value) -> _Token:
        position = self.liveness.order.defining_position(value)
        return value if position is None else position

    def _tokens(self, values: Iterable[ir.Value]) -> list[_Token]:
        return [self._token_key(value) for value in values]

    def _tokens_at(self, position: int) -> list[_Token]:
        """The keys of the tokens op ``position`` uses: the positions of the
        ops defining them, a loop's carried token (an iteration argument in
        its body, a result after it) by its key."""
        tokens = self.liveness.order.tokens(position)
        if not self._carried or not any(t == -1 or t in self._carried for t in tokens):
            return tokens  # type: ignore[return-value]
        resolved = self._resolved.get(position)
        if resolved is None:
            order = self.liveness.order
            resolved = [
                _value_key(order, value)
                for value in order.ops[position].operands
                if str(value.type) == "!cache.token"
            ]
            self._resolved[position] = resolved
        return resolved

    def _prefetch(self, op: ir.Operation | None, position: int | None) -> None:
        root = self.liveness.root_defined_at(position) if position is not None else None
        if position is not None and root is not None:
            dependencies = self._tokens_at(position)
            token: _Token = position
            nbytes, label = root.size, root
        else:
            op = self._op(op, position)
            dependencies = self._tokens(list(op.operands)[1:])
            result = op.results[0]
            token = position if position is not None else op.results[1]
            root = self._first_root(result)
            nbytes = self._root_bytes(op, result, root)
            label = root if root is not None else "?"
        self._memory(self.time, nbytes, label)
        ready = max(self.time, self._deps_done(dependencies))
        record = self._transfer(POOL_TO_DEVICE, nbytes, ready, label, self.current_position)
        self.token_done[token] = record.end_s
        self.token_transfer[token] = record
        self._token_log.append(token)

    def _evict(self, op: ir.Operation | None, position: int | None) -> None:
        root = self._freed_at(position) if position is not None else None
        if position is not None and root is not None:
            # The destination is the operand the evict writes and does not free.
            has_destination = any(
                bits & ACCESS_WRITE and not bits & ACCESS_FREE
                for _, bits in self._accesses.get(position, ())
            )
            dependencies = self._tokens_at(position)
            token: _Token = position
            nbytes, label = root.size, root
        else:
            op = self._op(op, position)
            segments = ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])
            operands = list(op.operands)
            has_destination = segments[1] == 1
            dependencies = self._tokens(operands[1 + segments[1] :])
            token = position if position is not None else op.results[0]
            root = self._first_root(operands[0])
            nbytes = self._root_bytes(op, operands[0], root)
            label = root if root is not None else "?"
        ready = max(self.time, self._deps_done(dependencies))
        if has_destination:
            record = self._transfer(DEVICE_TO_POOL, nbytes, ready, label, self.current_position)
            done = record.end_s
            self.token_transfer[token] = record
        else:
            done = ready
        self.token_done[token] = done
        self._token_log.append(token)
        self._memory(done, -nbytes, label)

    def _wait(self, op: ir.Operation | None, position: int | None) -> None:
        if position is not None:
            tokens = self._tokens_at(position)
        else:
            tokens = self._tokens(self._op(op, position).operands)
        ready = self._deps_done(tokens)
        blocked = max(0.0, ready - self.time)
        latest: TransferRecord | None = None
        for token in tokens:
            record = self.token_transfer.get(token)
            if record is None:
                continue
            if record.waited_s is None:
                record.waited_s = self.time
            if latest is None or record.end_s > latest.end_s:
                latest = record
        if blocked > 0.0:
            if self.timeline:
                self.intervals.append(
                    Interval(
                        "stall", "cache.wait", self.time, ready, {"position": self.current_position}
                    )
                )
            if latest is not None:
                latest.stall_s += blocked
            self.exposed += blocked
            self.time = ready

    def _alloc(self, op: ir.Operation | None, position: int | None) -> None:
        root = self.liveness.root_defined_at(position) if position is not None else None
        self._hold(1, root, op, position, lambda op: op.results[0])

    def _dealloc(self, op: ir.Operation | None, position: int | None) -> None:
        root = self._freed_at(position) if position is not None else None
        self._hold(-1, root, op, position, lambda op: op.operands[0])

    def _hold(
        self,
        sign: int,
        root: Buffer | None,
        op: ir.Operation | None,
        position: int | None,
        buffer_of: Callable[[ir.Operation], ir.Value],
    ) -> None:
        """Take (sign 1) or return (-1) the device memory of the buffer an
        alloc defines or a dealloc frees: its root as the walk found it,
        else the root of ``buffer_of(op)``, else that value's type."""
        if root is None:
            op = self._op(op, position)
            buffer = buffer_of(op)
            root = self._first_root(buffer)
            if root is None:
                if not memory_space(ir.MemRefType(buffer.type)):
                    self._memory(self.time, sign * self._size(op, buffer.type), op.name)
                return
        if root.on_device:
            self._memory(self.time, sign * root.size, root)

    def _run_region_op(self, op: ir.Operation, position: int | None = None) -> None:
        name = op.name
        if name == "scf.while" and trip_count(op) is not None:
            # Its bound's worth of iterations, condition and body each time
            # (at least one condition).
            def both_regions() -> None:
                for region in op.regions:
                    self._run_region(region)

            self._iterate(max(1, trip_count(op) or 0), both_regions)
            return
        if name == "scf.for":
            trips = trip_count(op)
            body = op.regions[0]
            if trips is None:
                trips = 1
            if trips == 0:
                return
            if not _has_stateful_ops(body):
                start = self.time
                self._run_region(body)
                once = self.time - start
                self.compute += once * (trips - 1)
                self.time += once * (trips - 1)
                return
            # The body's positions, when the walk saw every op of it (the
            # IR has not changed since): each iteration runs them without
            # making a Python op per op.
            children = self.liveness.order.children(position) if position is not None else None
            if children is not None and len(children) != _op_count(body):
                children = None

            def run() -> None:
                if children is None:
                    self._run_region(body)
                else:
                    self._run_positions(children)

            carried = self._carried.get(position) if position is not None else None
            if carried:
                # Tokens carried across iterations: each iteration's
                # arguments are the tokens the one before yielded (the body
                # op by op too: its walked ops name them by their keys).
                self._carry(carried, initial=True)
                self._iterate(
                    trips,
                    lambda: (run(), self._carry(carried)),
                    {yielded for _, _, yielded in carried if isinstance(yielded, int)},
                )
                self._carry(carried)
            else:
                self._iterate(trips, run)
            return
        if name == "scf.if":
            condition = _constant_bool(op.operands[0])
            regions = list(op.regions)
            if position is not None and position in self.paths:
                chosen = regions[self.paths[position]]
            elif condition is not None:
                chosen = regions[0] if condition else regions[1]
            else:
                chosen = regions[self._costlier_region(op)]
            if len(chosen.blocks):
                self._run_region(chosen)
            return
        for region in op.regions:
            self._run_region(region)

    def _carry(self, carried: list[tuple[_Token, _Token, _Token]], initial: bool = False) -> None:
        """Set each carried token (key) to the one the loop starts with
        (``initial``) or to the one the iteration yields, all at once."""
        source = 1 if initial else 2
        values = [
            (self.token_done.get(entry[source], 0.0), self.token_transfer.get(entry[source]))
            for entry in carried
        ]
        for entry, (done, record) in zip(carried, values, strict=True):
            self.token_done[entry[0]] = done
            if record is None:
                self.token_transfer.pop(entry[0], None)
            else:
                self.token_transfer[entry[0]] = record

    # -- steady state of loops -----------------------------------------------

    def _iterate(
        self, trips: int, iteration: Callable[[], object], ahead: Collection[int] = ()
    ) -> None:
        """Run ``iteration`` ``trips`` times, until one repeats the one
        before it: a steady state, every later iteration that one shifted
        by its duration. The copies of the prefetches at positions
        ``ahead`` are waited in the next iteration."""
        previous: _Iteration | None = None
        before: _Mark | None = None
        for trip in range(trips):
            start = self._mark()
            iteration()
            current = self._iteration(start, before, ahead)
            if current is not None and previous is not None and current.same_as(previous):
                self._repeat(start, current, trips - trip - 1, ahead)
                return
            previous, before = current, start

    def _mark(self) -> _Mark:
        return _Mark(
            self.time,
            self.compute,
            self.exposed,
            len(self.memory_events),
            len(self.transfers),
            len(self.intervals),
            len(self._token_log),
        )

    def _iteration(
        self, start: _Mark, before: _Mark | None = None, ahead: Collection[int] = ()
    ) -> _Iteration | None:
        """What one loop iteration did, relative to its start; None if it
        cannot be repeated by shifting (a copy it issued is waited later).
        A copy of a prefetch at a position in ``ahead``, waited in the next
        iteration, is taken as waited as the same copy of the iteration
        begun at ``before`` was (relative to its iteration's start)."""
        origin = start.time
        transfers = self.transfers[start.transfers :]
        borrowed: dict[int, tuple[float, float]] = {}
        for index, record in enumerate(transfers):
            if record.waited_s is not None or record.direction != POOL_TO_DEVICE:
                continue
            if record.position not in ahead or before is None:
                return None
            earlier = self.transfers[before.transfers : start.transfers]
            if index >= len(earlier) or earlier[index].position != record.position:
                return None
            if earlier[index].waited_s is None:
                return None
            borrowed[index] = (earlier[index].waited_s - before.time, earlier[index].stall_s)
        end = self.time
        return _Iteration(
            duration=end - origin,
            compute=self.compute - start.compute,
            exposed=self.exposed - start.exposed,
            events=[
                (time - origin, delta, label)
                for time, _, delta, label in self.memory_events[start.events :]
            ],
            transfers=[
                (
                    t.direction,
                    t.bytes,
                    t.engine,
                    t.issued_s - origin,
                    t.start_s - origin,
                    t.end_s - origin,
                    (
                        borrowed[index][0]
                        if index in borrowed
                        else None
                        if t.waited_s is None
                        else t.waited_s - origin
                    ),
                    borrowed[index][1] if index in borrowed else t.stall_s,
                    t.position,
                )
                for index, t in enumerate(transfers)
            ],
            engines={
                direction: [max(0.0, free - end) for free in frees]
                for direction, frees in self.engines.items()
            },
            tokens=self._token_log[start.tokens :],
        )

    def _repeat(
        self, start: _Mark, iteration: _Iteration, count: int, ahead: Collection[int] = ()
    ) -> None:
        """Append ``count`` more iterations like the one begun at ``start``
        (its events, copies and spans shifted by its duration each time).

        Each repeat begins exactly where the one before ends, and a time at
        an iteration's start or end stays there: events at the same instant
        keep the program order the peak's tie-break follows. Copies of the
        prefetches at ``ahead`` are waited in the next iteration: as the
        iteration says, but the last repeat's, which the code after the
        loop waits."""
        if count <= 0:
            return
        origin, duration = start.time, iteration.duration
        events = self.memory_events[start.events :]
        transfers = self.transfers[start.transfers :]
        intervals = self.intervals[start.intervals :]
        tolerance = 1e-12 * max(duration, 1e-30)
        begin = self.time  # where the first repeat starts: this one's end

        def place(time: float, first: float) -> float:
            relative = time - origin
            if abs(relative) <= tolerance:
                return first
            if abs(relative - duration) <= tolerance:
                return first + duration
            return first + relative

        # Waited as the steady state has them (the next iteration waits).
        waits = [(shape[6], shape[7]) for shape in iteration.transfers]
        for record, (waited, stall) in zip(transfers, waits, strict=True):
            if record.waited_s is None and record.position in ahead and waited is not None:
                record.waited_s, record.stall_s = origin + waited, stall
        for repeat in range(count):
            last_repeat = repeat == count - 1
            for time, _, delta, label in events:
                self._memory(place(time, begin), delta, label)
            for record in transfers:
                carried = last_repeat and record.position in ahead
                self.transfers.append(
                    TransferRecord(
                        record.direction,
                        record.__dict__["_buffer"],
                        record.bytes,
                        record.engine,
                        place(record.issued_s, begin),
                        place(record.start_s, begin),
                        place(record.end_s, begin),
                        record.position,
                        None
                        if record.waited_s is None or carried
                        else place(record.waited_s, begin),
                        0.0 if carried else record.stall_s,
                    )
                )
            for interval in intervals:
                self.intervals.append(
                    dataclasses.replace(
                        interval,
                        start=place(interval.start, begin),
                        end=place(interval.end, begin),
                    )
                )
            begin += duration
        offset = begin - self.time
        self.time = begin
        self.compute += iteration.compute * count
        self.exposed += iteration.exposed * count
        for frees in self.engines.values():
            for engine, free in enumerate(frees):
                frees[engine] = free + offset
        # The copies of the last repeat, for the waits after the loop.
        last = {
            record.position: record
            for record in self.transfers[len(self.transfers) - len(transfers) :]
        }
        for token in set(iteration.tokens):
            self.token_done[token] += offset
            if isinstance(token, int) and token in last:
                self.token_transfer[token] = last[token]

    def _costlier_region(self, op: ir.Operation) -> int:
        """The region of ``op`` (an ``scf.if``) with more compute, the first
        on a tie: the one run where its condition is not a constant."""
        regions = list(op.regions)
        return max(range(len(regions)), key=lambda index: self._static_compute(regions[index]))

    def _static_compute(self, region: ir.Region) -> float:
        total = 0.0
        for block in region.blocks:
            for op in block.operations:
                operation = op.operation
                if len(operation.regions) and linalg_inputs(operation) is None:
                    total += sum(self._static_compute(r) for r in operation.regions)
                else:
                    total += self._cost(operation).seconds
        return total

    # -- results -------------------------------------------------------------

    def result(self) -> SimulationResult:
        transfer_end = max((t.end_s for t in self.transfers), default=0.0)
        makespan = max(self.time, transfer_end)
        tail = makespan - self.time
        events = sorted(self.memory_events)
        memory: list[tuple[float, int]] = [(0.0, 0)]
        running = 0
        peak, peak_time, peak_label = 0, 0.0, "entry"
        for time, _, delta, label in events:
            running += delta
            memory.append((time, running))
            if running > peak:
                peak, peak_time, peak_label = running, time, label
        transfer_s = {POOL_TO_DEVICE: 0.0, DEVICE_TO_POOL: 0.0}
        for record in self.transfers:
            transfer_s[record.direction] += record.duration_s
        return SimulationResult(
            function=self.liveness.name,
            hardware=self.hardware.name,
            makespan_s=makespan,
            compute_s=self.compute,
            transfer_s=transfer_s,
            exposed_s=self.exposed + tail,
            peak_bytes=peak,
            peak_time_s=peak_time,
            peak_op=_name_of(peak_label),
            intervals=self.intervals,
            transfers=self.transfers,
            memory=memory,
        )


_HANDLERS = {
    "cache.prefetch": _Simulator._prefetch,
    "cache.evict": _Simulator._evict,
    "cache.wait": _Simulator._wait,
    "memref.alloc": _Simulator._alloc,
    "memref.alloca": _Simulator._alloc,
    "memref.dealloc": _Simulator._dealloc,
}

_STATEFUL = frozenset(_HANDLERS)


def _calls_with_transfers(liveness: BufferLiveness) -> dict[int, BufferLiveness]:
    """Per call position of ``liveness``'s function whose callee (with a
    body) prefetches or evicts, the callee's liveness."""
    found: dict[int, BufferLiveness] = {}
    for position, callee in liveness.callees.items():
        names = callee.order.names
        if "cache.prefetch" in names or "cache.evict" in names:
            found[position] = callee
    return found


def _has_stateful_ops(region: ir.Region) -> bool:
    stack = [region]
    while stack:
        current = stack.pop()
        for block in current.blocks:
            for op in block.operations:
                operation = op.operation
                if operation.name in _STATEFUL:
                    return True
                stack.extend(operation.regions)
    return False


def _carried_tokens(liveness: BufferLiveness) -> dict[int, list[tuple[_Token, _Token, _Token]]]:
    """Per position of an ``scf.for`` that carries ``!cache.token`` values
    across iterations, per such iteration argument: its key, the key of
    the token it starts with and of the one the body yields."""
    order = liveness.order
    found: dict[int, list[tuple[_Token, _Token, _Token]]] = {}
    for position, name in enumerate(order.names):
        if name != "scf.for":
            continue
        loop = order.ops[position]
        body = loop.regions[0].blocks[0]
        terminator = body.operations[len(body.operations) - 1]
        entries: list[tuple[_Token, _Token, _Token]] = []
        for number, (init, out) in enumerate(
            zip(list(loop.operands)[3:], terminator.operands, strict=True)
        ):
            if str(init.type) != "!cache.token":
                continue
            entries.append(
                (("carried", position, number), _value_key(order, init), _value_key(order, out))
            )
        if entries:
            found[position] = entries
    return found


def _value_key(order: ProgramOrder, value: ir.Value) -> _Token:
    """The key of token ``value`` (the position of its defining op; an
    iteration argument of a loop by its carried key)."""
    carried = order.carried_token(value)
    if carried is not None:
        return ("carried", *carried)
    owner = value.owner
    position = None if isinstance(owner, ir.Block) else order.position_of(owner.operation)
    return value if position is None else position


def _op_count(region: ir.Region) -> int:
    """The ops directly in ``region``'s blocks."""
    return sum(len(block.operations) for block in region.blocks)


def _constant_bool(value: ir.Value) -> bool | None:
    constant = constant_int(value)
    return None if constant is None else bool(constant)


def simulate(
    function: ir.Operation,
    hardware: HardwareProfile,
    *,
    liveness: BufferLiveness | None = None,
    dynamic_dim_bound: int | None = None,
    timeline: bool = True,
    paths: Mapping[int, int] | None = None,
) -> SimulationResult:
    """Simulate one ``func.func`` (see the module docstring). Without
    ``timeline`` the result's ``intervals`` stay empty (the figures,
    transfers and memory curve are the same): for callers that only
    compare figures. ``paths``: per program position of an ``scf.if``
    (``liveness.order``), the region it runs (0: then, 1: else), whatever
    its condition (:func:`simulate_paths`)."""
    if liveness is None:
        liveness = BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound)
    simulator = _Simulator(liveness, hardware, timeline, paths)
    simulator.run()
    return simulator.result()


@dataclasses.dataclass(frozen=True)
class BranchPath:
    """One region of an ``scf.if`` whose condition is not a constant,
    simulated as the region that runs (every other ``scf.if`` as
    :func:`simulate` chooses): its peak and makespan, and whether it is
    the region :func:`simulate` runs by default (the one with more
    compute)."""

    position: int
    region: int
    peak_bytes: int
    makespan_s: float
    default: bool


def branch_points(liveness: BufferLiveness) -> list[int]:
    """The positions of the ``scf.if`` ops of ``liveness``'s function whose
    condition is not a constant and that have an else region: where the
    simulation picks a path."""
    order = liveness.order
    return [
        position
        for position in range(1, order.end_position)
        if order.names[position] == "scf.if"
        and _constant_bool(order.ops[position].operands[0]) is None
        and len(order.ops[position].regions[1].blocks)
    ]


def simulate_paths(
    function: ir.Operation, hardware: HardwareProfile, liveness: BufferLiveness
) -> list[BranchPath]:
    """Each path of each branch point of ``function`` (:func:`branch_points`)
    simulated: where :func:`simulate` follows the costlier region, the
    report gives both."""
    found: list[BranchPath] = []
    for position in branch_points(liveness):
        default = _Simulator(liveness, hardware, False)._costlier_region(
            liveness.order.ops[position]
        )
        for region in range(2):
            result = simulate(
                function, hardware, liveness=liveness, timeline=False, paths={position: region}
            )
            found.append(
                BranchPath(
                    position, region, result.peak_bytes, result.makespan_s, region == default
                )
            )
    return found


__all__ = [
    "DEVICE_TO_POOL",
    "POOL_TO_DEVICE",
    "BranchPath",
    "Interval",
    "SimulationError",
    "SimulationResult",
    "TransferRecord",
    "branch_points",
    "simulate",
    "simulate_paths",
]
