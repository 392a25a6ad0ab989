"""A region of an op moved into a function of its own and back.

``hyper-offload-pipeline`` plans a branch region whose weights nothing
else uses (:mod:`hyperoffload.analysis.branch_regions`) as a function:
:func:`outline_region` moves the region's ops into a new private function
beside the one holding them, whose parameters are the values the region
takes from above (constants are copied in instead, so loop bounds stay
constant, and replaced by the originals on the way back), every one of
them ``cache.policy = "keep"`` but the region-local parameters (a
parameter another region of the ``scf.if`` already moved to the pool is
given back its device type and ``cache.policy = "offload"``, so this
region fetches it too). The planner then works on that function as on
any other;
:func:`inline_region` moves its ops back into the region, gives the
enclosing function's parameters the types the plan gave them (the
``#cache.remote`` space) and erases the function.

This is a rewrite of our own. Upstream's ``outlineSingleBlockRegion``
and ``outlineIfOp`` (exported by the wheel's ``libMLIRPythonCAPI.so``, not
in its C API) leave a ``func.call`` in the region: the planner keeps a
called function's parameters on the device (its callers pass device
memory), and putting the body back would need upstream's inliner, which
needs an inliner interface for every dialect in it. A function nothing
calls, whose ops go back where they came from, is what planning needs.
"""

from __future__ import annotations

import dataclasses

from mlir import ir
from mlir.dialects import func

from hyperoffload.analysis.offload_plan import POLICY_ATTR
from hyperoffload.dialects.cache import is_remote
from hyperoffload.ir_utils import to_device_type, update_function_type, walk_preorder

_CONSTANTS = frozenset({"arith.constant"})
# Marks the copies of constants made in the outlined function.
_COPIED = "hyperoffload.copied_constant"


@dataclasses.dataclass
class OutlinedRegion:
    """Where the ops of region ``region`` of ``op`` went: the function
    ``name``, whose parameter ``i`` stands for ``values[i]``."""

    op: ir.Operation
    region: int
    name: str
    values: list[ir.Value]
    # The constants copied in, by the index each copy carries (_COPIED).
    constants: list[ir.Value]


def outline_region(
    function: ir.Operation,
    op: ir.Operation,
    region: int,
    arguments: list[int],
    name: str,
    forced: frozenset[int] = frozenset(),
) -> OutlinedRegion:
    """Move the ops of region ``region`` of ``op`` (in ``function``; a
    single block whose terminator has no operands) into a new private
    ``func.func @name`` after ``function``. Its parameters that stand for
    ``function``'s parameters ``arguments`` may be offloaded; the others
    are kept. Those among ``forced`` (parameters of ``function`` in the
    pool already) take their device type and must be offloaded."""
    block = op.regions[region].blocks[0]
    moved = [o.operation for o in block.operations][:-1]
    nested = [inner for root in moved for inner in (root, *walk_preorder(root))]
    inside = set(nested)
    captured: dict[ir.Value, ir.Value] = {}
    constants: dict[ir.Value, ir.Operation] = {}
    for inner in nested:
        for value in inner.operands:
            if _defined_inside(value, inside):
                continue
            owner = value.owner
            if not isinstance(owner, ir.Block) and owner.operation.name in _CONSTANTS:
                constants[value] = owner.operation
            else:
                captured.setdefault(value, value)
    values = list(captured.values())
    outer = function.regions[0].blocks[0].arguments
    local = {outer[number] for number in arguments}
    pooled = {outer[number] for number in forced}
    types = [to_device_type(ir.MemRefType(v.type)) if v in pooled else v.type for v in values]
    with ir.InsertionPoint(function.parent.regions[0].blocks[0]):
        outlined = func.FuncOp(name, (types, []), loc=op.location)
    outlined.operation.move_after(function)
    outlined.attributes["sym_visibility"] = ir.StringAttr.get("private")
    keep = ir.DictAttr.get({POLICY_ATTR: ir.StringAttr.get("keep")})
    offload = ir.DictAttr.get({POLICY_ATTR: ir.StringAttr.get("offload")})
    outlined.attributes["arg_attrs"] = ir.ArrayAttr.get(
        [offload if v in pooled else ir.DictAttr.get({}) if v in local else keep for v in values]
    )
    with op.location:
        entry = outlined.add_entry_block()
    with ir.InsertionPoint(entry), op.location:
        terminator = func.ReturnOp([])
    mapping: dict[ir.Value, ir.Value] = {}
    originals = []
    for key, constant in constants.items():
        copy = constant.clone(ir.InsertionPoint(terminator))
        copy.attributes[_COPIED] = ir.IntegerAttr.get(
            ir.IntegerType.get_signless(64), len(originals)
        )
        originals.append(constant.results[0])
        mapping[key] = copy.results[0]
    for key, argument in zip(captured, entry.arguments, strict=True):
        mapping[key] = argument
    for root in moved:
        root.move_before(terminator)
    for inner in nested:
        for index, value in enumerate(inner.operands):
            replacement = mapping.get(value)
            if replacement is not None:
                inner.operands[index] = replacement
    return OutlinedRegion(op, region, name, values, originals)


def inline_region(function: ir.Operation, outlined: OutlinedRegion, body: ir.Operation) -> None:
    """Move the ops of ``body`` (the function ``outlined`` made, planned or
    not) back into their region, its parameters replaced by the values
    they stand for; parameters of ``function`` whose stand-in the plan
    moved to the pool take its type. Erases ``body``."""
    entry = body.regions[0].blocks[0]
    retyped = []
    for argument, value in zip(entry.arguments, outlined.values, strict=True):
        if argument.type != value.type:
            owner = value.owner
            if not (isinstance(owner, ir.Block) and owner.owner.operation == function):
                raise ValueError(f"the plan of @{outlined.name} changed a value it must keep")
            if is_remote(value.type):
                raise ValueError(
                    f"the plan of @{outlined.name} kept on the device a parameter another "
                    "region moved to the pool"
                )
            retyped.append((ir.BlockArgument(value), argument.type))
    for value, type_ in retyped:
        value.set_type(type_)
    changed = bool(retyped)
    if changed:
        update_function_type(function)
    terminator = outlined.op.regions[outlined.region].blocks[0].operations[-1]
    for inner in [o.operation for o in entry.operations][:-1]:
        if _COPIED in inner.attributes:
            index = ir.IntegerAttr(inner.attributes[_COPIED]).value
            inner.results[0].replace_all_uses_with(outlined.constants[index])
            inner.erase()
            continue
        inner.move_before(terminator)
    for argument, value in zip(entry.arguments, outlined.values, strict=True):
        argument.replace_all_uses_with(value)
    body.erase()


def _defined_inside(value: ir.Value, inside: set[ir.Operation]) -> bool:
    owner = value.owner
    if isinstance(owner, ir.Block):
        parent = owner.owner
        return parent is not None and parent.operation in inside
    return owner.operation in inside
