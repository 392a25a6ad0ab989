"""Roofline cost of the ops of a function on a hardware profile.

- A ``linalg`` op (named or ``linalg.generic``; upstream's LinalgOp
  interface gives its static loop ranges) takes
  ``max(flops / peak, bytes / hbm_bandwidth)``, where flops is the
  iteration-domain size times the arithmetic ops in its payload (each
  ``arith``/``math`` op counts one; ``linalg.yield``, ``linalg.index``,
  constants and casts count zero), the peak is the profile's for the element
  type of the first input (else the first output), and bytes is the size of
  each distinct memref operand once. A dynamic loop range makes the flops
  unknown: only the bytes count.
- ``memref.copy`` moves its bytes twice through HBM (read and write).
- A ``func.call`` of a function with a body takes the compute time of
  that body (:func:`static_time` of its ops: loops by their trip counts,
  the costlier branch), computed once per callee; a recursive call counts
  once, and the callee's own transfers are not timed (a call of a
  function holding transfers may stall longer than this says).
- Every other op costs nothing: allocation, scalar and index arithmetic,
  loads and stores of single elements, cache ops (transfers are timed by the
  simulator), calls of declarations. Region ops are costed by
  the simulator from their bodies.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from mlir import ir

from hyperoffload import _native
from hyperoffload.analysis.program import (
    ProgramOrder,
    callee_of,
    trip_count,
)
from hyperoffload.hardware import HardwareProfile
from hyperoffload.sizes import SizeError, element_bytes, memref_bytes

_FREE_PAYLOAD_OPS = frozenset(
    {
        "linalg.yield",
        "linalg.index",
        "arith.constant",
        "arith.index_cast",
        "arith.index_castui",
        "arith.bitcast",
        "arith.extf",
        "arith.truncf",
        "arith.extsi",
        "arith.extui",
        "arith.trunci",
        "arith.sitofp",
        "arith.uitofp",
        "arith.fptosi",
        "arith.fptoui",
    }
)


@dataclasses.dataclass(frozen=True)
class OpCost:
    """The cost of one op: time and what it came from."""

    seconds: float
    flops: float
    bytes: int
    # "compute", "memory", "none", "measured" (the profile's op_seconds) or
    # "call" (a callee's compute time)
    bound: str


NO_COST = OpCost(0.0, 0.0, 0, "none")
_UNCOSTED = OpCost(-1.0, 0.0, 0, "none")
# The ops other than linalg that cost time (see CostModel._other_cost).
_OTHER_COSTED = frozenset({"memref.copy", "func.call"})


class CostModel:
    """Roofline costs of ops on one :class:`HardwareProfile`."""

    def __init__(self, hardware: HardwareProfile) -> None:
        self.hardware = hardware
        # Linalg op costs by _native.operation_key: layers repeat the same
        # ops. The keys are pointers into the context of the ops costed, so
        # a model serves the ops of one context.
        self._linalg: dict[tuple[int, ...], OpCost | None] = {}
        # Call costs by callee address (None while under way: recursion).
        self._calls: dict[ir.Operation, OpCost | None] = {}

    def cost(self, op: ir.Operation) -> OpCost:
        name = op.name
        if name.startswith("linalg."):
            cost = self._linalg_cost(_native.operation_key(op), op)
            if cost is not None:
                return cost
        return self._other_cost(op, name)

    def cost_at(self, order: ProgramOrder, position: int) -> OpCost:
        """:meth:`cost` of the op at ``position`` of ``order`` (as it was
        walked), from the cost class the walk gave it."""
        cost_class = order.cost_class[position]
        if cost_class >= 0:
            key = order.class_keys[cost_class]
            # The op is made (and asked) only for a class not costed yet.
            cost = self._linalg.get(key, _UNCOSTED)
            if cost is _UNCOSTED:
                cost = self._linalg_cost(key, order.ops[position])
            if cost is not None:
                return cost
        name = order.names[position]
        if name == "func.call":
            return self._call_cost(order.callee(position))
        return self._other_cost(order.ops[position], name) if name in _OTHER_COSTED else NO_COST

    def seconds_at(self, order: ProgramOrder) -> np.ndarray:
        """``cost_at(order, p).seconds`` for every position ``p``, each cost
        class costed once (its ops are all linalg: a class the interface
        cannot cost costs 0, as cost_at says)."""
        classes = np.asarray(order.cost_class, dtype=np.int64)
        table = np.zeros(len(order.class_keys) + 1)  # class c at c + 1; 0: no class
        present, first = np.unique(classes, return_index=True)
        for cost_class, position in zip(present.tolist(), first.tolist(), strict=True):
            if cost_class >= 0:
                table[cost_class + 1] = self.cost_at(order, position).seconds
        seconds = table[classes + 1]
        for position, name in enumerate(order.names):
            if name in _OTHER_COSTED:
                seconds[position] = self.cost_at(order, position).seconds
        return seconds

    def _linalg_cost(self, key: tuple[int, ...], op: ir.Operation) -> OpCost | None:
        if key in self._linalg:
            return self._linalg[key]
        work = linalg_work(op)
        cost = None if work is None else self._roofline(*work)
        if cost is not None and self.hardware.op_seconds:
            measured = self.hardware.op_seconds.get(op_signature(op))
            if measured is not None:
                cost = OpCost(measured, cost.flops, cost.bytes, "measured")
        self._linalg[key] = cost
        return cost

    def _other_cost(self, op: ir.Operation, name: str) -> OpCost:
        """Cost of an op other than linalg: of those in _OTHER_COSTED, else none."""
        if name == "memref.copy":
            nbytes = 2 * _size_or_zero(op.operands[0].type)
            return OpCost(nbytes / self.hardware.hbm_bandwidth, 0.0, nbytes, "memory")
        if name == "func.call":
            return self._call_cost(callee_of(op))
        return NO_COST

    def _call_cost(self, callee: ir.Operation | None) -> OpCost:
        """The compute time of ``callee``'s body, once per callee; none for
        a declaration or a callee whose cost is under way (recursion)."""
        if callee is None:
            return NO_COST
        if callee not in self._calls:
            self._calls[callee] = None
            order = ProgramOrder(callee)
            times = static_times_at(self, order, order.body_positions())
            seconds = float(times.sum())
            self._calls[callee] = OpCost(seconds, 0.0, 0, "call" if seconds else "none")
        return self._calls[callee] or NO_COST

    def _roofline(self, flops: float, nbytes: int, element_type: ir.Type | None) -> OpCost:
        compute = flops / self.hardware.peak_for(element_type)
        memory = nbytes / self.hardware.hbm_bandwidth
        if compute == 0.0 and memory == 0.0:
            return OpCost(0.0, flops, nbytes, "none")
        bound = "compute" if compute >= memory else "memory"
        return OpCost(max(compute, memory), flops, nbytes, bound)


def linalg_work(op: ir.Operation) -> tuple[float, int, ir.Type | None] | None:
    """(flops, bytes, element type) of a linalg op, None if ``op`` is not one
    (upstream's LinalgOp interface says)."""
    ranges = _native.linalg_loop_ranges(op)
    if ranges is None:
        return None
    nbytes = 0
    seen: list[ir.Value] = []
    element_type: ir.Type | None = None
    for operand in op.operands:
        if not isinstance(operand.type, ir.MemRefType) or operand in seen:
            continue
        seen.append(operand)
        nbytes += _accessed_bytes(operand.type)
        if element_type is None:
            element_type = ir.MemRefType(operand.type).element_type
    flops = 0.0
    if all(r is not None for r in ranges):
        iterations = math.prod(r for r in ranges if r is not None)
        flops = float(iterations * payload_arithmetic_ops(op))
    return flops, nbytes, element_type


def op_signature(op: ir.Operation) -> str:
    """What a linalg op's cost follows from, as text: its name, attributes,
    operand types and the ops of its payload (the keys of a profile's
    ``op_seconds``). Ops with one signature cost the same on a machine."""
    attributes = ", ".join(f"{name} = {op.attributes[name]}" for name in op.attributes)
    types = ", ".join(str(operand.type) for operand in op.operands)
    payload = ", ".join(_native.region_op_names(op))
    return f"{op.name} {{{attributes}}} ({types}) [{payload}]"


def payload_arithmetic_ops(op: ir.Operation) -> int:
    """Arithmetic ops executed per iteration of a linalg op's payload."""
    return sum(1 for name in _native.region_op_names(op) if name not in _FREE_PAYLOAD_OPS)


def _accessed_bytes(type_: ir.Type) -> int:
    """Bytes a linalg op moves through an operand: its elements, wherever
    the view's offset and strides put them (not the span of the buffer
    under it, which a slice of a stacked weight at a large offset would
    inflate); a dynamic shape counts as the buffer's size, or 0."""
    memref = ir.MemRefType(type_)
    if memref.has_static_shape:
        try:
            return math.prod(memref.shape) * element_bytes(memref.element_type)
        except SizeError:
            return 0
    return _size_or_zero(type_)


def _size_or_zero(type_: ir.Type) -> int:
    try:
        return memref_bytes(type_)
    except SizeError:
        return 0


def static_times_at(model: CostModel, order: ProgramOrder, positions: list[int]) -> np.ndarray:
    """:func:`static_time` of the op at each of ``positions`` of ``order``
    (as it was walked): leaf ops by their cost class, region ops through
    their bodies."""
    if not positions:
        return np.zeros(0)
    indices = np.asarray(positions, dtype=np.int64)
    times = model.seconds_at(order)[indices]
    nested = np.nonzero(np.asarray(order.end, dtype=np.int64)[indices] != indices)[0]
    for index in nested.tolist():
        times[index] = static_time(model, order.ops[positions[index]])
    return times


def static_time(model: CostModel, op: ir.Operation) -> float:
    """Compute time of ``op`` including the ops nested in its regions, as the
    simulator replays them: an ``scf.for`` with constant bounds its trip count
    times (a loop with a ``cache.trip_count_bound``, ``scf.while`` too, that
    many times), an ``scf.if`` its costlier branch, other region ops each
    region once. Transfers are not included."""
    if not len(op.regions) or _native.linalg_inputs(op) is not None:  # a payload region
        return model.cost(op).seconds
    regions = [
        sum(static_time(model, inner.operation) for block in region.blocks for inner in block)
        for region in op.regions
    ]
    if op.name == "scf.if":
        return max(regions, default=0.0)
    if op.name in ("scf.for", "scf.while"):
        trips = trip_count(op)
        return sum(regions) * (1 if trips is None else trips)
    return sum(regions)
