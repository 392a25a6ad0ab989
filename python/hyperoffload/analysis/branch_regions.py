"""Branch regions a function's weights are used in alone.

An ``scf.if`` in a function's body is one step of the planner: every
buffer its regions use is on the device for all of it. Where its regions
read parameters that nothing else in the function uses (an early exit
lifted by ``lift-cf-to-scf``: the layers after the exit are the ``else``
region, their weights used only there; or two branches computing with
the same weights, as a ``lax.cond`` between two uses of one head), those
parameters can be planned inside the regions instead: kept in the pool
and prefetched op by op within each region that uses them, as in
straight-line code.

:func:`find_branch_regions` finds them: for each ``scf.if`` directly in the
function body that has no results, each region that uses one or more
memref parameters of the function (on the device, not escaping) that
nothing outside the ``scf.if`` uses; those another region uses too are
its ``shared`` ones (both regions must then agree: in the pool for both,
or on the device for both). Conservative: a function that a call in its
module calls (its signature would change under the call) has none; a
parameter also used outside the ``scf.if`` is not region-local; an
``scf.if`` with results is skipped (its regions would yield across the
plan).

The body of a body-level ``scf.for`` is such a region too (a decode loop
over tokens running every layer's weights, loop-invariant parameters):
planned inside it, each iteration fetches its weights op by op instead
of the loop holding all of them for all of its iterations. Only a loop
without results (its body yields nothing across the plan) whose body
holds no cache op (``cache-stream-loop-slices`` streams the stacked
weights a loop reads slice by slice).
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.references import module_references

# The body-level ops whose regions may be planned alone.
REGION_OPS = ("scf.if", "scf.for")


@dataclasses.dataclass
class BranchRegion:
    """Region ``region`` of the ``scf.if`` ``op``, which uses the function's
    parameters ``arguments`` (their numbers), which nothing outside the
    ``scf.if`` uses; ``shared``: those of them another of its regions uses
    too."""

    op: ir.Operation
    region: int
    arguments: list[int]
    shared: list[int] = dataclasses.field(default_factory=list)


def region_span(liveness: BufferLiveness, op: ir.Operation, region: int) -> tuple[int, int] | None:
    """The first and last program position of the ops of region ``region``
    of ``op`` (None for an empty region)."""
    blocks = op.regions[region].blocks
    if not len(blocks):
        return None
    operations = list(blocks[0].operations)
    order = liveness.order
    first = order.position_of(operations[0].operation)
    last = order.position_of(operations[-1].operation)
    if first is None or last is None:
        return None
    return first, order.end[last]


def find_branch_regions(function: ir.Operation, liveness: BufferLiveness) -> list[BranchRegion]:
    """The regions of ``function``'s body-level ``scf.if`` ops that use
    some of its parameters nothing outside the ``scf.if`` uses (see the
    module docstring), in program order."""
    order = liveness.order
    if module_references(function, order.names).callers:
        return []
    ifs = [p for p in order.body_positions() if order.names[p] in REGION_OPS]
    if not ifs:
        return []
    arguments = function.regions[0].blocks[0].arguments
    # Per parameter on the device (its root's index), its number.
    parameters: dict[int, int] = {}
    for argument in arguments:
        roots = liveness.root_indices(argument)
        if len(roots) != 1:
            continue
        buffer = liveness.buffers[roots[0]]
        if buffer.kind == "argument" and buffer.on_device and not buffer.escapes:
            parameters[roots[0]] = argument.arg_number
    found = []
    for position in ifs:
        op = order.ops[position]
        if len(op.results) or (op.name == "scf.for" and holds_cache_op(op)):
            continue
        inside = {
            root: number
            for root, number in parameters.items()
            if _used_only_within(liveness, root, (position, order.end[position]))
        }
        users: dict[int, list[int]] = {}  # parameter -> the regions using it
        spans = [region_span(liveness, op, region) for region in range(len(op.regions))]
        for region, span in enumerate(spans):
            if span is None:
                continue
            for root, number in inside.items():
                if _used_within(liveness, root, span):
                    users.setdefault(number, []).append(region)
        for region in range(len(op.regions)):
            local = sorted(n for n, regions in users.items() if region in regions)
            if local:
                shared = [n for n in local if len(users[n]) > 1]
                found.append(BranchRegion(op, region, local, shared))
    return found


def holds_cache_op(op: ir.Operation) -> bool:
    """Whether a cache op is nested in ``op``, at any depth."""
    found: list[ir.Operation] = []

    def visit(inner: ir.Operation) -> ir.WalkResult:
        if inner.name.startswith("cache."):
            found.append(inner)
            return ir.WalkResult.INTERRUPT
        return ir.WalkResult.ADVANCE

    op.walk(visit)
    return bool(found)


def _used_only_within(liveness: BufferLiveness, root: int, span: tuple[int, int]) -> bool:
    positions, _ = liveness.use_positions_and_effects(root)
    first, last = span
    return bool(positions) and all(first <= p <= last for p in positions)


def _used_within(liveness: BufferLiveness, root: int, span: tuple[int, int]) -> bool:
    positions, _ = liveness.use_positions_and_effects(root)
    first, last = span
    return any(first <= p <= last for p in positions)
