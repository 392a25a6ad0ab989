"""``cache-materialize-loop-results``: carry a loop's tensor state in one buffer.

JAX's ``lax.scan`` carries the hidden state through an ``scf.for`` as a
tensor iteration argument, and each iteration yields a freshly computed
tensor (a matmul into a new ``tensor.empty``); ``lax.while_loop`` does the
same through an ``scf.while``'s ``do`` region. Upstream one-shot
bufferization refuses it (``Yield operand #0 is not equivalent to the
corresponding iter bbArg``); with ``allow-return-allocs-from-loops`` it
bufferizes, but ownership-based deallocation then passes buffers through
the loop with runtime ownership flags and a ``@dealloc_helper`` on
``memref<?xindex>``, which no size can be given to. This pass, run before
bufferization in ``hyper-bufferize-pipeline``, makes each such yield write
its value into the iteration argument with upstream's
``bufferization.materialize_in_destination``: the state then lives in one
buffer for the whole loop (a copy of it per iteration), and each
iteration's temporaries are allocated and freed inside it.

The state starts from the loop's initial value; where that is a parameter
of a public function (JAX's ``x``), bufferization would carry the state in
the caller's buffer and the call would overwrite its input (a second call
with the same array computes something else). Such a parameter is marked
``bufferization.writable = false``: one-shot bufferization copies it into
the state's buffer first (one state's worth of memory).

Before: ``scf.for`` and ``scf.while`` ops on tensors. After: each tensor a
loop yields is the iteration argument of its index (for ``scf.while``, the
``do`` region's), or a ``materialize_in_destination`` into it.
Conservative: a yield of the iteration argument itself is left alone; the
copy is made even where bufferization could have worked in place; an
``scf.while`` whose condition forwards other types than it yields is left
alone.

Example::

    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%h = %x) -> (tensor<8x64xf32>) {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
      scf.yield %m : tensor<8x64xf32>
    }

becomes::

    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%h = %x) -> (tensor<8x64xf32>) {
      %m = linalg.matmul ins(%h, %w : ...) outs(%f : tensor<8x64xf32>) -> tensor<8x64xf32>
      %s = bufferization.materialize_in_destination %m in %h
          : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
      scf.yield %s : tensor<8x64xf32>
    }
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import bufferization

from hyperoffload.ir_utils import visibility
from hyperoffload.transforms.pass_base import ModulePass


@dataclasses.dataclass(frozen=True)
class MaterializeLoopResultsPass(ModulePass):
    """Make each tensor an ``scf.for`` or ``scf.while`` yields its iteration
    argument's."""

    name = "cache-materialize-loop-results"
    summary = "Write the tensors a loop yields into its iteration arguments (lax.scan's state)."

    def run(self, module: ir.Operation) -> None:
        loops: list[ir.Operation] = []

        def visit(op: ir.Operation) -> ir.WalkResult:
            if op.name in ("scf.for", "scf.while"):
                loops.append(op)
            return ir.WalkResult.ADVANCE

        module.walk(visit)
        for loop in loops:
            if materialize_yields(loop):
                protect_initial_values(loop)


def materialize_yields(loop: ir.Operation) -> int:
    """Route each tensor ``loop`` (an ``scf.for``, or the ``do`` region of
    an ``scf.while``) yields that is not its iteration argument through
    ``materialize_in_destination`` into it; how many were."""
    if loop.name == "scf.while":
        body = loop.regions[1].blocks[0]
        arguments = list(body.arguments)
        terminator = body.operations[len(body.operations) - 1].operation
        # The do region's arguments are what the condition forwards: the
        # n-th yield goes to the n-th before-region argument, which one-shot
        # bufferization requires to be the n-th do-region argument's buffer.
        if [a.type for a in arguments] != [v.type for v in terminator.operands]:
            return 0
    else:
        body = loop.regions[0].blocks[0]
        terminator = body.operations[len(body.operations) - 1].operation
        arguments = list(body.arguments)[1:]
    changed = 0
    for index, (value, argument) in enumerate(
        zip(list(terminator.operands), arguments, strict=True)
    ):
        if not isinstance(value.type, ir.RankedTensorType) or value == argument:
            continue
        with ir.InsertionPoint(terminator), terminator.location:
            stored = bufferization.MaterializeInDestinationOp(value.type, value, argument)
        terminator.operands[index] = stored.result
        changed += 1
    return changed


def protect_initial_values(loop: ir.Operation) -> int:
    """Mark each parameter of a public function that ``loop`` starts a
    tensor iteration argument from ``bufferization.writable = false``, so
    one-shot bufferization copies it instead of carrying the state in the
    caller's buffer (the attribute goes with bufferization); how many."""
    function = loop.parent.operation
    while function.name != "func.func":
        function = function.parent.operation
    if visibility(function) != "public":
        return 0  # its callers' operands: one-shot's module analysis decides
    entry = function.regions[0].blocks[0]
    parameters = list(entry.arguments)
    if "arg_attrs" in function.attributes:
        attrs = [ir.DictAttr(a) for a in ir.ArrayAttr(function.attributes["arg_attrs"])]
    else:
        attrs = [ir.DictAttr.get({}) for _ in parameters]
    marked = 0
    for value in loop.operands:
        if not isinstance(value.type, ir.RankedTensorType) or not isinstance(
            value, ir.BlockArgument
        ):
            continue
        if value.owner != entry:
            continue
        index = value.arg_number
        entries = {named.name: named.attr for named in attrs[index]}
        if "bufferization.writable" in entries:
            continue
        entries["bufferization.writable"] = ir.BoolAttr.get(False)
        attrs[index] = ir.DictAttr.get(entries)
        marked += 1
    if marked:
        function.attributes["arg_attrs"] = ir.ArrayAttr.get(list(attrs))
    return marked
