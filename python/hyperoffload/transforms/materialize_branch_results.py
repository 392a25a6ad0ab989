"""``cache-materialize-branch-results``: give a branch's tensor results one buffer.

JAX's ``lax.cond`` (an early exit: ``cond(stop, lambda h: h, rest, h)``)
becomes an ``scf.if`` that yields a tensor from each region, one of them
often a value from above (the state as it was). Upstream one-shot
bufferization bufferizes it, but the result may then be either branch's
buffer, so ownership-based deallocation frees it under runtime ownership
flags through a ``@dealloc_helper`` on ``memref<?xindex>``, which no size
can be given to (``hyper-offload-pipeline`` refuses it). This pass, run
before bufferization in ``hyper-bufferize-pipeline``, gives each statically
shaped tensor result a ``tensor.empty`` destination made before the
``scf.if`` and makes every region write what it yields into it with
upstream's ``bufferization.materialize_in_destination``: the result is
that one buffer on either path, allocated and freed where bufferization
knows it.

Before: ``scf.if`` ops with ranked tensor results. After: each statically
shaped one yields ``materialize_in_destination`` results into one
destination per result. Conservative: the copy is made even where a
branch could have computed into the destination in place; results with a
dynamic shape are left alone.

Example::

    %r = scf.if %stop -> (tensor<8x16xf32>) {
      scf.yield %h : tensor<8x16xf32>
    } else {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
      scf.yield %m : tensor<8x16xf32>
    }

becomes::

    %d = tensor.empty() : tensor<8x16xf32>
    %r = scf.if %stop -> (tensor<8x16xf32>) {
      %s = bufferization.materialize_in_destination %h in %d : (...) -> tensor<8x16xf32>
      scf.yield %s : tensor<8x16xf32>
    } else {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
      %s = bufferization.materialize_in_destination %m in %d : (...) -> tensor<8x16xf32>
      scf.yield %s : tensor<8x16xf32>
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import bufferization, tensor

from hyperoffload.ir_utils import walk_preorder
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class MaterializeBranchResultsPass(ModulePass):
    """Make each region of an ``scf.if`` write its tensor results into one
    destination per result."""

    name = "cache-materialize-branch-results"
    summary = "Write the tensors an scf.if yields into one destination each (lax.cond's state)."

    def run(self, module: ir.Operation) -> None:
        for op in walk_preorder(module):
            if op.name == "scf.if":
                materialize_branch_results(op)


def materialize_branch_results(branch: ir.Operation) -> int:
    """Route each statically shaped tensor result of ``branch`` (an
    ``scf.if``) through a destination made before it; how many were."""
    changed = 0
    for index, result in enumerate(branch.results):
        type_ = result.type
        if not isinstance(type_, ir.RankedTensorType) or not type_.has_static_shape:
            continue
        terminators = [
            region.blocks[0].operations[len(region.blocks[0].operations) - 1].operation
            for region in branch.regions
            if len(region.blocks)
        ]
        if any(
            t.operands[index].owner is not None
            and not isinstance(t.operands[index].owner, ir.Block)
            and t.operands[index].owner.operation.name == "bufferization.materialize_in_destination"
            for t in terminators
        ):
            continue  # done before
        with ir.InsertionPoint(branch), branch.location:
            destination = tensor.EmptyOp(type_.shape, type_.element_type).result
        for terminator in terminators:
            with ir.InsertionPoint(terminator), terminator.location:
                stored = bufferization.MaterializeInDestinationOp(
                    type_, terminator.operands[index], destination
                )
            terminator.operands[index] = stored.result
        changed += 1
    return changed
