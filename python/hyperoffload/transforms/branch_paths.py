"""An early exit planned along its costlier path, then given its branch back.

``hyper-offload-pipeline`` plans the weights only one region of an
``scf.if`` uses inside that region (:mod:`hyperoffload.analysis.branch_regions`):
the region's first copies can only start when it does, after the link has
idled through the end of the work before it. Where the ``scf.if`` is an
early exit (a body-level ``scf.if`` without results: what upstream
``lift-cf-to-scf`` makes of a ``cf.cond_br`` to two returns, or JAX's
``lax.cond`` once its results are written into destinations, followed by
the state copied out), the function can instead be planned as the
straight line its costlier path is, with the link free to fetch the later
layers' weights behind the earlier layers' work, as in unrolled code:

- :func:`flatten_path` moves the costlier region's ops before the
  ``scf.if`` and the other region's ops into a private function of their
  own (:func:`hyperoffload.transforms.region_functions.outline_region`),
  erases the ``scf.if``, and keeps on the device (``cache.policy =
  "keep"``) every buffer the other region or the ops after the branch
  (which run on both paths) use, so the planner cannot take from them
  what they read; each op is tagged, so the values the other region
  takes from above are found again however the planner rewrites the
  function.
- :func:`restore_branch` puts the ``scf.if`` back before the first op of
  the costlier region (with the ``cache.wait`` ops right before it: they
  wait for what that region uses), moves that op and every op after it up
  to the first op that came after the branch into the costlier region,
  the other region's ops back into theirs, and has the other region
  release what the costlier one releases of the buffers from above: a
  prefetched buffer is evicted there too (after its copy, through the
  prefetch's token), a write-back still written back, a
  ``memref.dealloc`` repeated. So a weight of the later layers fetched
  before the branch is fetched on both paths and dropped at once on the
  exit.

Conservative: the ops planned before the branch must all stay before the
first op of the costlier region, its ops before those that came after the
branch, and nothing after the branch may use what the costlier region
made (else :class:`PathError`); a plan that moved a buffer the other
region uses fails the same way; what the result costs on the other path
is for the caller to check (:func:`hyperoffload.sim.simulator.simulate_paths`).
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import scf

from hyperoffload.analysis.branch_regions import holds_cache_op
from hyperoffload.analysis.cost_model import CostModel, static_time
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.offload_plan import KEEP_REASON_ATTR, POLICY_ATTR
from hyperoffload.dialects import cache
from hyperoffload.hardware import HardwareProfile
from hyperoffload.ir_utils import defined_in, function_named, walk_preorder
from hyperoffload.transforms.region_functions import (
    OutlinedRegion,
    inline_region,
    outline_region,
)

# An op defining a value the other region (or the condition) takes from
# above: its number. The costlier region's ops, and the ops before them.
_VALUE = "hyperoffload.path_value"
_PATH = "hyperoffload.path_op"
_BEFORE = "hyperoffload.path_before"
_AFTER = "hyperoffload.path_after"
# Why a buffer stays on the device in the planned path (its remark).
_KEPT = "planned along the costlier path, the other path or the work after the branch reads it"
# What a value from above is: ("arg", number, 0) or ("op", tag, result).
_Key = tuple[str, int, int]


class PathError(Exception):
    """The planned path cannot be given its branch back."""


@dataclasses.dataclass
class PathBranch:
    """The early exit ``op`` of a function and the region it is planned
    along (``path``: the costlier; ``other``: the one moved aside)."""

    op: ir.Operation
    path: int

    @property
    def other(self) -> int:
        return 1 - self.path


@dataclasses.dataclass
class FlatPath:
    """What :func:`restore_branch` needs: the function holding the other
    region's ops (``stash``), what each of its parameters and each
    constant copied in stand for, the condition, and the policies added
    (argument numbers, op tags) to take away again."""

    stash: str
    path: int
    location: ir.Location
    values: list[_Key]
    constants: list[_Key]
    condition: _Key
    kept_arguments: dict[int, ir.Attribute | None]
    kept_ops: list[int]


def find_path_branch(function: ir.Operation, hardware: HardwareProfile) -> PathBranch | None:
    """The early exit of ``function`` (see the module docstring): its last
    body-level ``scf.if`` with no results and two single-block regions
    holding no cache op, the costlier not empty; None where there is
    none."""
    blocks = function.regions[0].blocks
    if len(blocks) != 1:
        return None
    ops = [op.operation for op in blocks[0].operations]
    if not ops or ops[-1].name != "func.return":
        return None
    ifs = [
        op
        for op in ops
        if op.name == "scf.if"
        and not len(op.results)
        and all(len(r.blocks) == 1 for r in op.regions)
    ]
    if not ifs:
        return None
    op = ifs[-1]
    if holds_cache_op(op):
        return None
    model = CostModel(hardware)
    times = [
        sum(static_time(model, inner.operation) for inner in region.blocks[0].operations)
        for region in op.regions
    ]
    # The simulator's costlier region: the first on a tie.
    path = 0 if times[0] >= times[1] else 1
    if len(op.regions[path].blocks[0].operations) < 2:
        return None  # only its yield: nothing to plan along
    return PathBranch(op, path)


def flatten_path(function: ir.Operation, branch: PathBranch, stash: str) -> FlatPath:
    """Make ``function`` the straight line of ``branch``'s costlier path,
    the other region's ops moved into the private function ``stash`` (see
    the module docstring)."""
    op = branch.op
    body = function.regions[0].blocks[0]
    location = op.location
    liveness = BufferLiveness(function, strict_sizes=False)
    # What the other region reads must stay on the device.
    kept_arguments: dict[int, ir.Attribute | None] = {}
    kept_ops: list[int] = []
    other = op.regions[branch.other].blocks[0]
    # The parameter holding each root buffer, by root index.
    argument_of_root = {
        root: argument.arg_number
        for argument in body.arguments
        for root in liveness.root_indices(argument)
    }
    tags = _Tags(body)
    after = [o.operation for o in body.operations]
    after = after[after.index(op) + 1 : -1]
    # The ops after the branch run on both paths: what they use stays too
    # (a copy the plan fetched on one path would not reach them).
    for inner in [*[o.operation for o in other.operations], *after]:
        for nested in [inner, *walk_preorder(inner)]:
            for value in nested.operands:
                for root in liveness.root_indices(value):
                    buffer = liveness.buffers[root]
                    if buffer.kind == "argument":
                        if root in argument_of_root:
                            kept_arguments.setdefault(argument_of_root[root], None)
                    elif buffer.defined_at is not None and buffer.defined_at > 0:
                        defining = liveness.order.ops[buffer.defined_at]
                        parent = defining.parent
                        if (
                            parent is not None
                            and parent.operation == function
                            and POLICY_ATTR not in defining.attributes
                        ):
                            defining.attributes[POLICY_ATTR] = ir.StringAttr.get("keep")
                            defining.attributes[KEEP_REASON_ATTR] = ir.StringAttr.get(_KEPT)
                            kept_ops.append(tags.tag(defining))
    _keep_arguments(function, kept_arguments)
    condition = tags.key(op.operands[0])
    outlined = outline_region(function, op, branch.other, [], stash)
    values = [tags.key(value) for value in outlined.values]
    constants = [tags.key(value) for value in outlined.constants]
    for inner in [o.operation for o in body.operations]:
        if inner == op:
            break
        inner.attributes[_BEFORE] = ir.UnitAttr.get()
    for inner in after:
        inner.attributes[_AFTER] = ir.UnitAttr.get()
    path = op.regions[branch.path].blocks[0]
    for inner in [o.operation for o in path.operations][:-1]:
        inner.attributes[_PATH] = ir.UnitAttr.get()
        inner.move_before(op)
    op.erase()
    return FlatPath(
        stash, branch.path, location, values, constants, condition, kept_arguments, kept_ops
    )


def restore_branch(function: ir.Operation, flat: FlatPath) -> ir.Operation:
    """Give ``function`` (planned as :func:`flatten_path` left it) its
    ``scf.if`` back; the ``scf.if``. PathError where the plan moved an op
    from before the costlier region's first op to after it, or changed a
    buffer the other region uses."""
    body = function.regions[0].blocks[0]
    ops = [op.operation for op in body.operations]
    first = next((i for i, op in enumerate(ops) if _PATH in op.attributes), None)
    if first is None:
        raise PathError("the plan left no op of the costlier region")
    after = next((i for i, op in enumerate(ops) if _AFTER in op.attributes), len(ops) - 1)
    if any(_BEFORE in op.attributes for op in ops[first:]):
        raise PathError("the plan moved work from before the branch into the costlier region")
    if after < first or any(_PATH in op.attributes for op in ops[after:]):
        raise PathError("the plan moved work of the costlier region after the branch")
    # The waits right before it wait for what the costlier region uses.
    while first > 0 and ops[first - 1].name == "cache.wait":
        first -= 1
    moved = ops[first:after]
    rest = ops[after]
    by_tag = _Tags(body).by_tag()
    arguments = body.arguments

    def value(key: _Key) -> ir.Value:
        kind, number, result = key
        if kind == "arg":
            return arguments[number]
        if number not in by_tag:
            raise PathError("the plan erased a value the other region uses")
        return by_tag[number].results[result]

    with ir.InsertionPoint(moved[0] if moved else rest), flat.location:
        branch = scf.IfOp(value(flat.condition), [], has_else=True)
        for block in (branch.then_block, branch.else_block):
            with ir.InsertionPoint(block):
                scf.YieldOp([])
    op = branch.operation
    path_yield = op.regions[flat.path].blocks[0].operations[0]
    for inner in moved:
        inner.move_before(path_yield)
    outlined = OutlinedRegion(
        op,
        1 - flat.path,
        flat.stash,
        [value(key) for key in flat.values],
        [value(key) for key in flat.constants],
    )
    stash = function_named(function.parent, flat.stash)
    if stash is None:
        raise PathError(f"@{flat.stash} is gone")
    for argument, given in zip(stash.regions[0].blocks[0].arguments, outlined.values, strict=True):
        if argument.type != given.type and isinstance(given.owner, ir.Block):
            number = ir.BlockArgument(given).arg_number
            raise PathError(f"the plan moved %arg{number} to the pool, which the other path reads")
    try:
        inline_region(function, outlined, stash)
    except ValueError as err:
        raise PathError(str(err)) from None
    _release_on_other_path(op, flat.path)
    for inner in ops[after:]:
        for nested in [inner, *walk_preorder(inner)]:
            if any(defined_in(operand, op) for operand in nested.operands):
                raise PathError(
                    "the plan left work after the branch using what the costlier region made"
                )
    _clean(function, flat)
    return op


def _release_on_other_path(op: ir.Operation, path: int) -> None:
    """The other region of ``op`` releases what its costlier region does of
    the buffers defined above ``op`` and it does not release itself: a
    ``memref.dealloc`` is repeated; an evict becomes one after the
    buffer's copy (depending on its prefetch's token, where a prefetch
    made it), a write-back still writing back, waited for at once (the
    buffer may hold what the work before the branch wrote)."""
    region_ops = [o.operation for o in op.regions[path].blocks[0].operations]
    other_block = op.regions[1 - path].blocks[0]
    other_yield = list(other_block.operations)[-1]
    released_there = {
        o.operation.operands[0]
        for o in other_block.operations
        if o.operation.name in ("cache.evict", "memref.dealloc")
    }
    for inner in region_ops:
        if inner.name not in ("cache.evict", "memref.dealloc"):
            continue
        buffer = inner.operands[0]
        if defined_in(buffer, op) or buffer in released_there:
            continue
        released_there.add(buffer)
        if inner.name == "memref.dealloc":
            inner.clone(ir.InsertionPoint(other_yield))
            continue
        destination = inner.operands[1] if _has_destination(inner) else None
        dependencies = [
            token
            for token in inner.operands[2 if destination is not None else 1 :]
            if not defined_in(token, op)
        ]
        owner = buffer.owner
        if not isinstance(owner, ir.Block) and owner.operation.name == "cache.prefetch":
            token = owner.operation.results[1]
            if token not in dependencies:
                dependencies.append(token)
        with ir.InsertionPoint(other_yield), inner.location:
            dropped = cache.EvictOp(buffer, dependencies, to=destination)
            if destination is not None:
                cache.WaitOp([dropped.token])


def _has_destination(evict: ir.Operation) -> bool:
    """Whether the ``cache.evict`` ``evict`` writes back (its operand
    segments: buffer, destination, dependencies)."""
    segments = ir.DenseI32ArrayAttr(evict.attributes["operandSegmentSizes"])
    return segments[1] == 1


class _Tags:
    """Numbers on the ops of ``body`` defining values the other region
    takes from above (:data:`_VALUE`)."""

    def __init__(self, body: ir.Block) -> None:
        self.body = body
        used = [
            ir.IntegerAttr(op.operation.attributes[_VALUE]).value
            for op in body.operations
            if _VALUE in op.operation.attributes
        ]
        self.next = max(used, default=-1) + 1

    def tag(self, op: ir.Operation) -> int:
        if _VALUE not in op.attributes:
            op.attributes[_VALUE] = ir.IntegerAttr.get(ir.IntegerType.get_signless(64), self.next)
            self.next += 1
        return ir.IntegerAttr(op.attributes[_VALUE]).value

    def key(self, value: ir.Value) -> _Key:
        owner = value.owner
        if isinstance(owner, ir.Block):
            return ("arg", ir.BlockArgument(value).arg_number, 0)
        return ("op", self.tag(owner.operation), ir.OpResult(value).result_number)

    def by_tag(self) -> dict[int, ir.Operation]:
        return {
            ir.IntegerAttr(op.operation.attributes[_VALUE]).value: op.operation
            for op in self.body.operations
            if _VALUE in op.operation.attributes
        }


def _keep_arguments(function: ir.Operation, kept: dict[int, ir.Attribute | None]) -> None:
    """``cache.policy = "keep"`` on the parameters ``kept`` names (each
    one's attributes before recorded there)."""
    count = len(function.regions[0].blocks[0].arguments)
    attrs = (
        list(ir.ArrayAttr(function.attributes["arg_attrs"]))
        if "arg_attrs" in function.attributes
        else [ir.DictAttr.get({}) for _ in range(count)]
    )
    for number in kept:
        before = ir.DictAttr(attrs[number])
        kept[number] = before
        if POLICY_ATTR in before:
            continue  # the user's policy stands
        entries = {before[i].name: before[i].attr for i in range(len(before))}
        entries[POLICY_ATTR] = ir.StringAttr.get("keep")
        entries[KEEP_REASON_ATTR] = ir.StringAttr.get(_KEPT)
        attrs[number] = ir.DictAttr.get(entries)
    if kept:
        function.attributes["arg_attrs"] = ir.ArrayAttr.get(attrs)


def _clean(function: ir.Operation, flat: FlatPath) -> None:
    """Take away the tags and the policies :func:`flatten_path` added."""
    if flat.kept_arguments and "arg_attrs" in function.attributes:
        attrs = list(ir.ArrayAttr(function.attributes["arg_attrs"]))
        for number, before in flat.kept_arguments.items():
            if before is not None:
                attrs[number] = before
        if all(len(ir.DictAttr(attr)) == 0 for attr in attrs):
            del function.attributes["arg_attrs"]
        else:
            function.attributes["arg_attrs"] = ir.ArrayAttr.get(attrs)
    kept = set(flat.kept_ops)

    def clean(op: ir.Operation) -> ir.WalkResult:
        attributes = op.attributes
        if _VALUE in attributes:
            if ir.IntegerAttr(attributes[_VALUE]).value in kept and POLICY_ATTR in attributes:
                del attributes[POLICY_ATTR]
                del attributes[KEEP_REASON_ATTR]
            del attributes[_VALUE]
        for name in (_PATH, _BEFORE, _AFTER):
            if name in attributes:
                del attributes[name]
        return ir.WalkResult.ADVANCE

    function.walk(clean)
