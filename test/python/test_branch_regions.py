"""Planning inside branch regions: which regions qualify
(:mod:`hyperoffload.analysis.branch_regions`), moving a region into a
function and back (:mod:`hyperoffload.transforms.region_functions`), and
the pipeline's plans inside them (``plan-regions``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.branch_regions import find_branch_regions
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.ir_utils import function_named, walk_preorder
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager, collect_instances
from hyperoffload.transforms.region_functions import inline_region, outline_region
from hyperoffload.workloads import LlamaConfig, generate_llama
from hyperoffload.workloads.llama import entry_name
from llama_arguments import run_branch_form
from mlir import ir

UNIT = Path(__file__).resolve().parents[1] / "Inputs" / "unit.toml"
TINY = LlamaConfig(layers=4, hidden=16, intermediate=24, context=8, tokens=2, dtype="f32")

EARLY_EXIT = """
func.func @f(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>,
             %w2: memref<250xf32>, %o: memref<250xf32>, %c: i1) {
  %one = arith.constant 1.0 : f32
  linalg.add ins(%x, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  scf.if %c {
    linalg.add ins(%o, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  } else {
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.fill ins(%one : f32) outs(%x : memref<250xf32>)
    linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  }
  return
}
"""


def _regions(text: str) -> list[tuple[int, list[int]]]:
    with ir.Context():
        module = ir.Module.parse(text)
        function = module.body.operations[-1].operation
        found = find_branch_regions(function, BufferLiveness(function))
        return [(r.region, r.arguments) for r in found]


def test_only_parameters_one_region_alone_uses_are_region_local() -> None:
    """%w1 and %w2 only in the else region; %w0 in the then region and
    before the if; %x before the if and in the else region; %o everywhere."""
    assert _regions(EARLY_EXIT) == [(1, [2, 3])]


def test_an_if_with_results_and_a_called_function_have_none() -> None:
    with_results = """
func.func @f(%w: memref<4xf32>, %o: memref<4xf32>, %c: i1) -> i1 {
  %r = scf.if %c -> i1 {
    linalg.copy ins(%w : memref<4xf32>) outs(%o : memref<4xf32>)
    scf.yield %c : i1
  } else {
    scf.yield %c : i1
  }
  return %r : i1
}
"""
    assert _regions(with_results) == []
    called = (
        EARLY_EXIT
        + """
func.func @g(%x: memref<250xf32>, %o: memref<250xf32>, %c: i1) {
  func.call @f(%x, %x, %x, %x, %o, %c)
    : (memref<250xf32>, memref<250xf32>, memref<250xf32>, memref<250xf32>,
       memref<250xf32>, i1) -> ()
  return
}
"""
    )
    with ir.Context():
        module = ir.Module.parse(called)
        function = function_named(module.operation, "f")
        assert find_branch_regions(function, BufferLiveness(function)) == []


def test_a_region_moved_out_and_back_is_the_function_it_was() -> None:
    """The outlined function takes the values from above as parameters
    (all kept but the region-local ones; the constant copied in), and
    moving it back unplanned gives the text the function had."""
    with ir.Context():
        module = ir.Module.parse(EARLY_EXIT)
        given = str(module)
        function = module.body.operations[0].operation
        (branch,) = find_branch_regions(function, BufferLiveness(function))
        outlined = outline_region(function, branch.op, branch.region, branch.arguments, "f_else")
        body = function_named(module.operation, "f_else")
        assert body is not None and module.operation.verify()
        text = str(body)
        assert text.startswith("func.func private @f_else(%arg0: memref<250xf32>")
        # %o, %w1, %x, %w2 in order of first use: %w1 and %w2 may move.
        assert text.count('{cache.policy = "keep"}') == 2
        assert "arith.constant {hyperoffload.copied_constant = 0 : i64} 1.000000e+00 : f32" in text
        assert len(outlined.values) == 4
        inline_region(function, outlined, body)
        assert function_named(module.operation, "f_else") is None
        assert str(module) == given


def _nested_prefetches(function: ir.Operation) -> tuple[int, int]:
    """Prefetches directly in the body and inside the scf.if."""
    body = [op.operation for op in function.regions[0].blocks[0].operations]
    top = sum(op.name == "cache.prefetch" for op in body)
    nested = sum(op.name == "cache.prefetch" for op in walk_preorder(function)) - top
    return top, nested


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_the_branch_form_planned_inside_its_region_matches_bit_for_bit(target: str) -> None:
    """At 45% of the peak the second half's weights are prefetched inside
    the else region (with plan-regions=false the if holds them all and the
    budget is infeasible there), the schedule verifies, nothing reads the
    pool, and both paths compute what they did (plan-paths=false: planned
    along its path, test_branch_paths)."""
    pipeline = "hyper-offload-pipeline{budget=45% hw=h100-pcie plan-paths=false}"

    with ir.Context():
        given = ir.Module.parse(generate_llama(TINY, "branch"))
        want = [run_branch_form(TINY, given, flag) for flag in (False, True)]
        module = ir.Module.parse(generate_llama(TINY, "branch"))
        with collect_instances() as ran:
            build_pass_manager(pipeline).run(module.operation)
        statistics = ran[0].statistics[entry_name(TINY)]
        function = function_named(module.operation, entry_name(TINY))
        assert _nested_prefetches(function)[1] > 0
        assert statistics["saved_by_regions_bytes"] > 0
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
        got = [run_branch_form(TINY, module, flag, target) for flag in (False, True)]
        unplanned = ir.Module.parse(generate_llama(TINY, "branch"))
        with pytest.raises(ir.MLIRError, match="where nothing is left to offload"):
            build_pass_manager(pipeline.replace("}", " plan-regions=false}")).run(
                unplanned.operation
            )
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


def _run_flagged(
    module: ir.Module, name: str, buffers: int, seed: int, flag: int, target: str
) -> np.ndarray:
    """Run ``name`` on ``buffers`` seeded random memref<250xf32> arguments
    and the i32 ``flag``; the last buffer (the output) afterwards."""
    rng = np.random.default_rng(seed)
    arguments: list[object] = [rng.standard_normal(250).astype(np.float32) for _ in range(buffers)]
    run_function(module, name, [*arguments, flag], target=target)
    return arguments[-1]  # type: ignore[return-value]


def _offload_flagged_and_compare(
    text: str,
    name: str,
    buffers: int,
    seed: int,
    pipeline: str,
    target: str,
    check: Callable[[ir.Operation], None],
) -> None:
    """Offload function ``name`` of ``text`` with ``pipeline``; ``check``
    its scf.if, check that the schedule verifies and nothing reads the
    pool, and that it computes on ``target`` bit for bit what it did, with
    the flag 0 and 1 (arguments as :func:`_run_flagged` makes them)."""
    with ir.Context():
        want = [_run_flagged(ir.Module.parse(text), name, buffers, seed, f, "cpu") for f in (0, 1)]
        module = ir.Module.parse(text)
        build_pass_manager(pipeline).run(module.operation)
        function = function_named(module.operation, name)
        check(next(op for op in walk_preorder(function) if op.name == "scf.if"))
        assert check_schedule(function) == []
        assert _native.remote_accesses(module.operation) == []
        got = [_run_flagged(module, name, buffers, seed, flag, target) for flag in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


MIXED = """
func.func @mixed(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>,
                 %w2: memref<250xf32>, %w3: memref<250xf32>, %w4: memref<250xf32>,
                 %o: memref<250xf32>, %flag: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0 : i32
  %c = arith.cmpi ne, %flag, %zero : i32
  linalg.add ins(%x, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  scf.if %c {
    linalg.add ins(%o, %w4 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  } else {
    %t = memref.alloc() : memref<250xf32>
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%t : memref<250xf32>)
    scf.for %i = %c0 to %c3 step %c1 {
      linalg.add ins(%t, %w2 : memref<250xf32>, memref<250xf32>) outs(%t : memref<250xf32>)
    }
    scf.if %c {
      linalg.add ins(%t, %w3 : memref<250xf32>, memref<250xf32>) outs(%t : memref<250xf32>)
    }
    linalg.add ins(%t, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    memref.dealloc %t : memref<250xf32>
  }
  return
}
"""


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_both_regions_planned_with_what_the_other_holds(target: str) -> None:
    """Each region alone uses some weights (%w4 the then region; %w2 in a
    loop and %w3 in a nested if, the else region), %w1 both. At 5000 B
    (unit profile, 1000 B a buffer) each region's budget leaves out what
    the other region's weights hold across the if: the then region fits as
    it is, the else region fetches %w2 and %w3 inside it; without that it
    planned the else region for all 5000 B and the if needed 6000 B. Both
    paths compute what they did, on every target."""

    def check(branch: ir.Operation) -> None:
        inside = [
            inner.name
            for op in branch.regions[1].blocks[0].operations
            for inner in (op.operation, *walk_preorder(op.operation))
        ]
        assert inside.count("cache.prefetch") >= 2

    pipeline = f"hyper-offload-pipeline{{budget=5000 hw={UNIT}}}"
    _offload_flagged_and_compare(MIXED, "mixed", 7, 1, pipeline, target, check)


SHARED = """
func.func @both(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>,
                %w2: memref<250xf32>, %w3: memref<250xf32>, %o: memref<250xf32>, %flag: i32) {
  %zero = arith.constant 0 : i32
  %c = arith.cmpi ne, %flag, %zero : i32
  linalg.add ins(%x, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  scf.if %c {
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  } else {
    linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  }
  return
}
"""


def test_weights_both_regions_use_are_shared_between_them() -> None:
    """%w1..%w3 are used by both regions and nowhere else: each region
    plans them, marked shared; %w0 and %o are used outside the if."""
    with ir.Context():
        module = ir.Module.parse(SHARED)
        function = module.body.operations[0].operation
        found = find_branch_regions(function, BufferLiveness(function))
        assert [(r.region, r.arguments, r.shared) for r in found] == [
            (0, [2, 3, 4], [2, 3, 4]),
            (1, [2, 3, 4], [2, 3, 4]),
        ]


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_shared_weights_fetched_in_both_regions_match_bit_for_bit(target: str) -> None:
    """At 3000 B (the if held %w1..%w3 and %o whole: 4000 B) the weights
    the then region moves to the pool are fetched in the else region too;
    the schedule verifies, nothing reads the pool, both paths compute what
    they did, on every target."""

    def check(branch: ir.Operation) -> None:
        for region in range(2):
            inside = [op.operation.name for op in branch.regions[region].blocks[0].operations]
            assert inside.count("cache.prefetch") == 2

    pipeline = f"hyper-offload-pipeline{{budget=3000 hw={UNIT}}}"
    _offload_flagged_and_compare(SHARED, "both", 6, 2, pipeline, target, check)


def test_a_failed_region_sharing_weights_puts_the_whole_if_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the else region cannot be planned after the then region moved
    shared weights to the pool, the if goes back as it was and is planned
    without them: at 3000 B that is the error plan-regions=false gives
    (the if held whole needs 4000 B), not a plan reading the pool
    (plan-paths=false: along its path, SHARED is planned otherwise)."""
    from hyperoffload.analysis.offload_plan import PlanError
    from hyperoffload.transforms.hyper_offload_pipeline import HyperOffloadPipelinePass

    planned = HyperOffloadPipelinePass._plan_outlined
    calls: list[str] = []

    def second_fails(self: HyperOffloadPipelinePass, module: ir.Operation, name: str,
                     *rest: object) -> None:  # fmt: skip
        calls.append(name)
        if len(calls) == 2:
            function = function_named(module, name)
            assert function is not None
            raise PlanError(function.location, "refused by the test")
        planned(self, module, name, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(HyperOffloadPipelinePass, "_plan_outlined", second_fails)
    refused = re.escape("smallest peak reached by offloading is 4000 bytes, at 'scf.if'")
    with ir.Context(), pytest.raises(ir.MLIRError, match=refused):
        module = ir.Module.parse(SHARED)
        build_pass_manager(f"hyper-offload-pipeline{{budget=3000 hw={UNIT} plan-paths=false}}").run(
            module.operation
        )
    assert len(calls) >= 2


DYNAMIC = """
func.func @main(%x: tensor<?x16xf32>, %w: tensor<16x16xf32>, %flag: i32) -> tensor<16x16xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0 : i32
  %cf = arith.constant 0.0 : f32
  %c = arith.cmpi ne, %flag, %zero : i32
  %n = tensor.dim %x, %c0 : tensor<?x16xf32>
  %r = scf.if %c -> (tensor<?x16xf32>) {
    scf.yield %x : tensor<?x16xf32>
  } else {
    %e = tensor.empty(%n) : tensor<?x16xf32>
    %f = linalg.fill ins(%cf : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
    %m = linalg.matmul ins(%x, %w : tensor<?x16xf32>, tensor<16x16xf32>)
                       outs(%f : tensor<?x16xf32>) -> tensor<?x16xf32>
    scf.yield %m : tensor<?x16xf32>
  }
  %e2 = tensor.empty() : tensor<16x16xf32>
  %f2 = linalg.fill ins(%cf : f32) outs(%e2 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %t1 = linalg.matmul ins(%w, %w : tensor<16x16xf32>, tensor<16x16xf32>)
                      outs(%f2 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %e3 = tensor.empty() : tensor<16x16xf32>
  %f3 = linalg.fill ins(%cf : f32) outs(%e3 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %t2 = linalg.matmul ins(%t1, %w : tensor<16x16xf32>, tensor<16x16xf32>)
                      outs(%f3 : tensor<16x16xf32>) -> tensor<16x16xf32>
  %s = tensor.extract_slice %r[0, 0] [16, 16] [1, 1] : tensor<?x16xf32> to tensor<16x16xf32>
  %o = linalg.add ins(%t2, %s : tensor<16x16xf32>, tensor<16x16xf32>)
                  outs(%f2 : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %o : tensor<16x16xf32>
}
"""


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_a_dynamically_shaped_branch_result_and_its_input_move(target: str) -> None:
    """An scf.if yielding a dynamically shaped tensor, the state as it was
    or a new one of its size: its result gets one destination of that size
    (no runtime ownership flag frees it, so it does not stay aliased), and
    the input asked its size by memref.dim may move. Before, nothing could:
    the least peak reachable was the unoffloaded one (the input kept for
    'memref.dim', the result for 'scf.yield'); at 85% both paths compute
    what they did, on every target."""

    def run(module: ir.Module, flag: int, on: str = "cpu") -> np.ndarray:
        rng = np.random.default_rng(3)
        x = rng.standard_normal((16, 16)).astype(np.float32)
        w = rng.standard_normal((16, 16)).astype(np.float32)
        out = np.zeros((16, 16), np.float32)
        run_function(module, "main", [x, w, flag, out], target=on)
        return out

    with ir.Context():
        module = ir.Module.parse(DYNAMIC)
        build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
        assert str(module).count("scf.if") == 1  # no ownership flag's scf.if
        want = [run(module, flag) for flag in (0, 1)]
        with collect_instances() as ran:
            build_pass_manager(
                "hyper-offload-pipeline{budget=85% hw=gh200 dynamic-dim-bound=16}"
            ).run(module.operation)
        figures = ran[0].statistics["main"]
        assert figures["peak_after_bytes"] < figures["peak_before_bytes"]
        main = function_named(module.operation, "main")
        assert "memref<?x16xf32, #cache.remote>" in str(main.attributes["function_type"])
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        got = [run(module, flag, target) for flag in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


def test_a_region_fetches_what_another_moved_to_the_pool() -> None:
    """Outlined with a shared parameter the first region moved to the pool
    (``forced``), the region's function takes it with its device type and
    policy offload; put back unplanned (kept on the device), it is refused
    rather than given the device type again under the other region."""
    with ir.Context():
        module = ir.Module.parse(SHARED)
        function = module.body.operations[0].operation
        branches = find_branch_regions(function, BufferLiveness(function))
        w1 = function.regions[0].blocks[0].arguments[2]
        w1.set_type(ir.Type.parse("memref<250xf32, #cache.remote>"))
        second = branches[1]
        outlined = outline_region(
            function, second.op, second.region, second.arguments, "both_else", frozenset({2})
        )
        body = function_named(module.operation, "both_else")
        assert body is not None
        inputs = list(ir.FunctionType(ir.TypeAttr(body.attributes["function_type"]).value).inputs)
        policies = [str(a) for a in ir.ArrayAttr(body.attributes["arg_attrs"])]
        pooled = [i for i, v in enumerate(outlined.values) if v == w1]
        assert len(pooled) == 1
        assert str(inputs[pooled[0]]) == "memref<250xf32>"
        assert policies[pooled[0]] == '{cache.policy = "offload"}'
        assert all("#cache.remote" not in str(t) for t in inputs)
        with pytest.raises(ValueError, match="kept on the device a parameter another region"):
            inline_region(function, outlined, body)
        assert str(w1.type) == "memref<250xf32, #cache.remote>"


# A decode loop over tokens: each iteration runs three layers on the same
# weights (loop-invariant parameters, 1000 B each), %w0 also read after it.
TOKENS = """
func.func @tokens(%x: memref<250xf32>, %w0: memref<250xf32>, %w1: memref<250xf32>,
                  %w2: memref<250xf32>, %o: memref<250xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  linalg.copy ins(%x : memref<250xf32>) outs(%o : memref<250xf32>)
  scf.for %t = %c0 to %c3 step %c1 {
    linalg.mul ins(%o, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
    linalg.mul ins(%o, %w2 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  }
  linalg.add ins(%o, %w0 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
"""


def test_a_loop_body_using_weights_alone_is_a_region() -> None:
    """%w1 and %w2 are read only in the loop: its body is a region they
    are local to; %w0 is read after it too. A loop with results, or with
    cache ops in its body (streamed slices), is not."""
    assert _regions(TOKENS) == [(0, [2, 3])]
    with_results = TOKENS.replace(
        "  scf.for %t = %c0 to %c3 step %c1 {",
        "  %r = scf.for %t = %c0 to %c3 step %c1 iter_args(%a = %c0) -> (index) {",
    ).replace("  }\n  linalg.add", "    scf.yield %a : index\n  }\n  linalg.add")
    assert _regions(with_results) == []


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_loop_invariant_weights_fetched_in_each_iteration_match_bit_for_bit(target: str) -> None:
    """Within 3000 B (the loop held %w1 and %w2 for all its iterations:
    5000 B, infeasible with plan-regions=false), each iteration fetches
    them op by op: the schedule verifies, nothing reads the pool, the
    result is what it was."""

    def run(module: ir.Module, on: str) -> np.ndarray:
        rng = np.random.default_rng(5)
        buffers = [rng.standard_normal(250).astype(np.float32) for _ in range(5)]
        run_function(module, "tokens", buffers, target=on)
        return buffers[4]

    pipeline = f"hyper-offload-pipeline{{budget=3000 hw={UNIT}}}"
    with ir.Context():
        want = run(ir.Module.parse(TOKENS), "cpu")
        module = ir.Module.parse(TOKENS)
        with collect_instances() as ran:
            build_pass_manager(pipeline).run(module.operation)
        assert ran[0].statistics["tokens"]["saved_by_regions_bytes"] > 0
        function = function_named(module.operation, "tokens")
        (loop,) = [op for op in walk_preorder(function) if op.name == "scf.for"]
        inside = [op.name for op in walk_preorder(loop)]
        assert inside.count("cache.prefetch") == inside.count("cache.evict") >= 1
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
        got = run(module, target)
        held = ir.Module.parse(TOKENS)
        with pytest.raises(ir.MLIRError, match="infeasible"):
            build_pass_manager(pipeline.replace("}", " plan-regions=false}")).run(held.operation)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
