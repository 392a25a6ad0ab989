"""Branch regions a function's weights are used in alone.

An ``scf.if`` in a function's body is one step of the planner: every
buffer its regions use is on the device for all of it. Where a region
reads parameters that nothing else in the function uses (an early exit
lifted by ``lift-cf-to-scf``: the layers after the exit are the ``else``
region, their weights used only there), those parameters can be planned
inside the region instead: kept in the pool and prefetched op by op
within it, as in straight-line code.

:func:`find_branch_regions` finds them: for each ``scf.if`` directly in the
function body that has no results, each region that is the only user of
one or more memref parameters of the function (on the device, not
escaping). Conservative: a function that a call in its module calls (its
signature would change under the call) has none; a parameter used in two
regions of one ``scf.if``, or also outside it, is not region-local; an
``scf.if`` with results is skipped (its regions would yield across the
plan), as are loops (``cache-stream-loop-slices`` streams those).
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.references import module_references


@dataclasses.dataclass
class BranchRegion:
    """Region ``region`` of the ``scf.if`` ``op``, the only user of the
    function's parameters ``arguments`` (their numbers)."""

    op: ir.Operation
    region: int
    arguments: list[int]


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
    """The regions of ``function``'s body-level ``scf.if`` ops that alone use
    some of its parameters (see the module docstring), in program order."""
    order = liveness.order
    if module_references(function, order.names).callers:
        return []
    ifs = [p for p in order.body_positions() if order.names[p] == "scf.if"]
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
        if len(op.results):
            continue
        for region in range(len(op.regions)):
            span = region_span(liveness, op, region)
            if span is None:
                continue
            local = [
                number
                for root, number in parameters.items()
                if _used_only_within(liveness, root, span)
            ]
            if local:
                found.append(BranchRegion(op, region, sorted(local)))
    return found


def _used_only_within(liveness: BufferLiveness, root: int, span: tuple[int, int]) -> bool:
    positions, _ = liveness.use_positions_and_effects(root)
    first, last = span
    return bool(positions) and all(first <= p <= last for p in positions)
