"""The C++ liveness walk finds what the Python walk it replaced found, on
every function of the lit inputs, the examples and generated workloads:
the same program order, the same buffers, uses, lifetimes and names, the
same accesses per op, and the same roots for every memref value."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import mlir_chunks
from hyperoffload._native import AccessBit
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.ir_utils import functions_with_bodies, walk_preorder
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir
from reference_liveness import ReferenceLiveness, reference_order


def _sources() -> list[tuple[str, str]]:
    sources = mlir_chunks()
    for preset in ("tiny", "moe", "7b-32k"):
        config = dataclasses.replace(LlamaConfig.preset(preset), layers=2)
        sources.append((f"workload {preset}", generate_llama(config)))
    return sources


def _memref_values(function: ir.Operation) -> list[ir.Value]:
    values = []
    for op in walk_preorder(function):
        for region in op.regions:
            for block in region.blocks:
                values.extend(block.arguments)
        values.extend(op.results)
    return [v for v in values if isinstance(v.type, ir.MemRefType)]


def _token_definers(ops: list[ir.Operation]) -> list[list[int]]:
    """Per op, the positions of the ops defining its token operands (-1: a
    block argument), from the IR."""
    position = {op: p for p, op in enumerate(ops) if p}
    definers = []
    for op in ops:
        found = []
        for operand in op.operands:
            if str(operand.type) != "!cache.token":
                continue
            owner = operand.owner
            if isinstance(owner, ir.Block):
                found.append(-1)
            else:
                found.append(position.get(owner.operation, -1))
        definers.append(found)
    return definers


def _analyse(cls: type, function: ir.Operation, bound: int | None) -> object:
    try:
        return cls(function, dynamic_dim_bound=bound)
    except LivenessError as err:
        return ("error", err.message, str(err.location))


SOURCES = _sources()


@pytest.mark.parametrize(("name", "source"), SOURCES, ids=[name for name, _ in SOURCES])
def test_native_walk_matches_the_python_walk(name: str, source: str) -> None:
    with ir.Context() as context:
        context.allow_unregistered_dialects = True
        module = ir.Module.parse(source)
        functions = functions_with_bodies(module.operation)
        for function in functions:
            order = BufferLiveness(function, strict_sizes=False).order
            ops, parent, end, repeating = reference_order(function)
            assert list(order.ops) == ops
            assert (order.parent, order.end, order.repeating) == (parent, end, repeating)
            assert all(order.position_of(op) == p for p, op in enumerate(ops) if p)
            assert order.names == [op.name for op in ops]
            descends = [bool(len(op.regions)) and not op.name.startswith("linalg.") for op in ops]
            assert order.descends == [int(flag) for flag in descends]
            assert [order.tokens(p) for p in range(len(ops))] == _token_definers(ops)
            children: dict[int, list[int]] = {p: [] for p in range(len(ops))}
            for q in range(1, len(ops)):
                children[parent[q]].append(q)
            assert all(order.children(p) == children[p] for p in range(len(ops)))
            for bound in (None, 16):
                native = _analyse(BufferLiveness, function, bound)
                reference = _analyse(ReferenceLiveness, function, bound)
                if isinstance(reference, tuple) or isinstance(native, tuple):
                    assert native == reference
                    continue
                # The arrays behind the uses, before and after they are made.
                arrays = [native.use_positions_and_effects(i) for i in range(len(native.buffers))]
                assert native.buffers == reference.buffers
                assert arrays == [
                    ([u.position for u in b.uses], [u.effect for u in b.uses])
                    for b in reference.buffers
                ]
                assert arrays == [
                    native.use_positions_and_effects(i) for i in range(len(native.buffers))
                ]
                assert native.profile == reference.profile
                assert native.accesses_by_position() == reference.accesses_by_position()
                assert native.positions_writing_kept_roots() == {
                    position
                    for position, accesses in native.accesses_by_position().items()
                    if any(b & AccessBit.WRITE and not b & AccessBit.FREE for _, b in accesses)
                }
                for value in _memref_values(function):
                    assert native.roots_of(value) == reference.roots_of(value)


def test_walk_of_ops_without_a_body() -> None:
    from hyperoffload import _native

    with ir.Context():
        module = ir.Module.parse(
            "func.func private @decl(memref<4xf32>)\n"
            "func.func @f() {\n  %c = arith.constant 0 : i32\n  return\n}"
        )
        declaration = module.body.operations[0].operation
        walk = _native.liveness_walk(declaration)
        assert (len(walk.operations), walk.kinds) == (1, [])
        constant = module.body.operations[1].regions[0].blocks[0].operations[0].operation
        walk = _native.liveness_walk(constant)
        assert (len(walk.operations), walk.op_names, walk.kinds) == (1, ["arith.constant"], [])


CARRIED = """
func.func @carried() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<1000xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%cur = %a) -> (memref<1000xf32>) {
    %next = memref.alloc() : memref<1000xf32>
    linalg.copy ins(%cur : memref<1000xf32>) outs(%next : memref<1000xf32>)
    memref.dealloc %cur : memref<1000xf32>
    scf.yield %next : memref<1000xf32>
  }
  memref.dealloc %r : memref<1000xf32>
  return
}
"""


def test_a_buffer_carried_into_a_loop_counts_in_the_loop_step() -> None:
    """The step model holds a buffer allocated before a loop and freed in
    its first iteration (a pipelined loop's first slice) at the loop's
    step, beside the next one the iteration allocates: the planner's model
    sees the peak the simulator does (it saw one buffer of the two)."""
    at_loop, peak, most = _step_of(CARRIED, "scf.for")
    assert at_loop == 8000 == peak
    assert most == 8000


def _step_of(text: str, name: str) -> tuple[int, int, int]:
    """In the one function of ``text``: the step model's memory at its
    first body-level op ``name``, the liveness peak, and the step model's
    largest."""
    with ir.Context():
        module = ir.Module.parse(text)
        liveness = BufferLiveness(module.body.operations[0].operation)
        order = liveness.order
        steps = order.body_steps()
        position = next(p for p in order.body_positions() if order.names[p] == name)
        profile = liveness.step_profile(steps)
    return int(profile[steps[position]]), liveness.peak_bytes, int(profile.max())


BRANCHES = """
func.func @branches(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = arith.constant 0.0 : f32
  %go = arith.cmpi sgt, %n, %c1 : index
  scf.if %go {
    %a = memref.alloc() : memref<1000xf32>
    %r = scf.for %i = %c0 to %n step %c1 iter_args(%cur = %a) -> (memref<1000xf32>) {
      %next = memref.alloc() : memref<1000xf32>
      linalg.copy ins(%cur : memref<1000xf32>) outs(%next : memref<1000xf32>)
      memref.dealloc %cur : memref<1000xf32>
      scf.yield %next : memref<1000xf32>
    }
    memref.dealloc %r : memref<1000xf32>
  } else {
    %b = memref.alloc() : memref<1000xf32>
    linalg.fill ins(%f : f32) outs(%b : memref<1000xf32>)
    memref.dealloc %b : memref<1000xf32>
  }
  return
}
"""


def test_a_branch_buffer_freed_elsewhere_counts_only_in_its_branch() -> None:
    """A buffer allocated in an ``scf.if``'s then region and freed by a
    later iteration of a loop there (a pipelined loop's first slice in the
    guard of a loop whose trip count is known at run time) counts up to
    the end of its region, not through the else region, which never runs
    with it: the step model's peak at the ``scf.if`` is the then region's
    two buffers (it took the else region's on top: three)."""
    at_branch, peak, _ = _step_of(BRANCHES, "scf.if")
    assert at_branch == 8000 == peak
