"""An early exit planned along its costlier path
(:mod:`hyperoffload.transforms.branch_paths`): finding it, flattening the
function and giving it its branch back, and the pipeline's plans made
that way (``plan-paths``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.dialects.cache import is_remote
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import function_named, walk_preorder
from hyperoffload.runtime import run_function
from hyperoffload.sim.simulator import simulate_paths
from hyperoffload.transforms import build_pass_manager, collect_instances
from hyperoffload.transforms.branch_paths import (
    PathError,
    find_path_branch,
    flatten_path,
    restore_branch,
)
from hyperoffload.workloads import LlamaConfig, generate_llama
from hyperoffload.workloads.llama import entry_name
from llama_arguments import run_branch_form
from mlir import ir
from test_branch_regions import EARLY_EXIT as GIVEN_EXIT

UNIT = Path(__file__).resolve().parents[1] / "Inputs" / "unit.toml"
TINY = LlamaConfig(layers=4, hidden=16, intermediate=24, context=8, tokens=2, dtype="f32")

# test_branch_regions' early exit, its flag an i32 (the runtime passes no
# i1): the exit reads %w0 and %o, the rest %w1 and %w2 (the costlier region).
EARLY_EXIT = GIVEN_EXIT.replace(
    "%c: i1) {\n  %one = arith.constant 1.0 : f32\n",
    "%flag: i32) {\n  %one = arith.constant 1.0 : f32\n"
    "  %zero = arith.constant 0 : i32\n  %c = arith.cmpi ne, %flag, %zero : i32\n",
)
assert EARLY_EXIT != GIVEN_EXIT

# EARLY_EXIT with work after the branch that both paths run (a final
# layer on %w3, as JAX's lax.cond leaves the state copied out after it).
TAIL = EARLY_EXIT.replace(
    "             %w2: memref<250xf32>, %o: memref<250xf32>, %flag: i32) {",
    "             %w2: memref<250xf32>, %o: memref<250xf32>, %flag: i32,\n"
    "             %w3: memref<250xf32>) {",
).replace(
    "  }\n  return",
    "  }\n  linalg.add ins(%o, %w3 : memref<250xf32>, memref<250xf32>)"
    " outs(%o : memref<250xf32>)\n  return",
)


def _function(module: ir.Module) -> ir.Operation:
    return module.body.operations[0].operation


def test_an_early_exit_is_found_with_its_costlier_region() -> None:
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(EARLY_EXIT)
        branch = find_path_branch(_function(module), hardware)
        assert branch is not None and branch.op.name == "scf.if"
        assert (branch.path, branch.other) == (1, 0)
        # Work after it (what both paths run) is allowed; results are not.
        after = ir.Module.parse(TAIL)
        assert find_path_branch(_function(after), hardware) is not None
        results = (
            EARLY_EXIT.replace("  scf.if %c {", "  %r = scf.if %c -> (i1) {")
            .replace("  } else {", "    scf.yield %c : i1\n  } else {")
            .replace("  }\n  return", "    scf.yield %c : i1\n  }\n  return")
        )
        assert find_path_branch(_function(ir.Module.parse(results)), hardware) is None
        straight = ir.Module.parse(generate_llama(TINY, "straight"))
        assert find_path_branch(_function(straight), hardware) is None


def test_flattening_and_restoring_gives_the_function_back() -> None:
    """Flattened, the function is the costlier path's straight line, the
    exit's ops in a private function, what the exit reads kept on the
    device; restored unplanned, it prints as given."""
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(EARLY_EXIT)
        given = str(module)
        function = _function(module)
        flat = flatten_path(function, find_path_branch(function, hardware), "f__other_path")
        assert module.operation.verify()
        names = [op.name for op in function.regions[0].blocks[0].operations]
        assert "scf.if" not in names and names.count("linalg.add") == 3
        text = str(function)
        # %w0 and %o (read by the exit) are kept; %w1, %w2 and %x are not.
        assert text.count('cache.policy = "keep"') == 2
        assert function_named(module.operation, "f__other_path") is not None
        restore_branch(function, flat)
        assert module.operation.verify()
        assert function_named(module.operation, "f__other_path") is None
        assert str(module) == given


def test_a_plan_that_moved_work_into_the_path_is_refused() -> None:
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(EARLY_EXIT)
        function = _function(module)
        flat = flatten_path(function, find_path_branch(function, hardware), "f__other_path")
        body = [op.operation for op in function.regions[0].blocks[0].operations]
        # The first layer (before the branch) moved after the path's first op.
        first_add = next(op for op in body if op.name == "linalg.add")
        first_add.move_before(body[-1])
        with pytest.raises(PathError, match="moved work from before the branch"):
            restore_branch(function, flat)


def test_a_plan_that_moved_what_the_exit_reads_is_refused() -> None:
    """The exit reads %w0: a plan that put it in the pool cannot be given
    its branch back (the exit would read the pool)."""
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(EARLY_EXIT)
        function = _function(module)
        flat = flatten_path(function, find_path_branch(function, hardware), "f__other_path")
        w0 = function.regions[0].blocks[0].arguments[1]
        w0.set_type(ir.MemRefType.parse("memref<250xf32, #cache.remote>"))
        with pytest.raises(PathError, match="moved %arg1 to the pool, which the other path reads"):
            restore_branch(function, flat)


def _run(module: ir.Module, flag: int, target: str) -> np.ndarray:
    """Run @f of EARLY_EXIT on seeded arguments and ``flag``; its output."""
    rng = np.random.default_rng(7)
    arguments: list[object] = [rng.standard_normal(250).astype(np.float32) for _ in range(5)]
    run_function(module, "f", [*arguments, flag], target=target)
    return arguments[4]  # type: ignore[return-value]


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_an_early_exit_planned_along_its_path_matches_bit_for_bit(target: str) -> None:
    """Within 4000 B on the unit profile the pipeline plans EARLY_EXIT
    along its costlier path: %w1 is fetched before the branch, behind the
    first add, and the exit drops it after its copy (an evict depending on
    its token); %w0, which the exit reads, stays. Both paths verify, fit
    the budget, and compute what they did."""
    hardware = load_profile(str(UNIT))
    with ir.Context():
        want = [_run(ir.Module.parse(EARLY_EXIT), flag, "cpu") for flag in (0, 1)]
        module = ir.Module.parse(EARLY_EXIT)
        with collect_instances() as ran:
            build_pass_manager(f"hyper-offload-pipeline{{budget=4000 hw={UNIT}}}").run(
                module.operation
            )
        assert ran[0].statistics["f"]["planned_along_path"] is True
        function = _function(module)
        body = [op.operation for op in function.regions[0].blocks[0].operations]
        names = [op.name for op in body]
        assert names.index("cache.prefetch") < names.index("scf.if")
        (branch,) = [op for op in body if op.name == "scf.if"]
        exits = [op.operation for op in branch.regions[0].blocks[0].operations]
        (dropped,) = [op for op in exits if op.name == "cache.evict"]
        assert len(dropped.operands) == 2  # the buffer, the prefetch's token
        assert not is_remote(function.regions[0].blocks[0].arguments[1].type)
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
        paths = simulate_paths(function, hardware, BufferLiveness(function))
        assert len(paths) == 2 and all(path.peak_bytes <= 4000 for path in paths)
        got = [_run(module, flag, target) for flag in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "gpu"])
def test_the_branch_form_planned_along_its_path_matches_bit_for_bit(target: str) -> None:
    """At 45% of the peak the generator's branch form is planned along its
    costlier path (faster than with its region planned alone); both paths
    verify and compute what they did."""

    with ir.Context():
        given = ir.Module.parse(generate_llama(TINY, "branch"))
        want = [run_branch_form(TINY, given, flag) for flag in (False, True)]
        module = ir.Module.parse(generate_llama(TINY, "branch"))
        with collect_instances() as ran:
            build_pass_manager("hyper-offload-pipeline{budget=45% hw=h100-pcie}").run(
                module.operation
            )
        statistics = ran[0].statistics[entry_name(TINY)]
        assert statistics["planned_along_path"] is True
        assert statistics["saved_by_regions_bytes"] == 0
        function = function_named(module.operation, entry_name(TINY))
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
        got = [run_branch_form(TINY, module, flag, target) for flag in (False, True)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


def test_the_decode_branch_form_cuts_what_the_straight_form_does() -> None:
    """At 7B shapes, 4 layers, decode within 1%: along its path the branch
    form is planned as its straight form (the link fetches the later
    layers' first weights during the earlier ones), where its region
    planned alone cut less."""
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=4, tokens=1, context=2048)
    pipeline = "hyper-offload-pipeline{max-slowdown=1%% hw=gh200%s}"

    def cut(form: str, extra: str = "") -> float:
        with ir.Context():
            module = ir.Module.parse(generate_llama(config, form))
            with collect_instances() as ran:
                build_pass_manager(pipeline % extra).run(module.operation)
            statistics = ran[0].statistics[entry_name(config)]
            return 1 - statistics["peak_after_bytes"] / statistics["peak_before_bytes"]

    straight, along, alone = cut("straight"), cut("branch"), cut("branch", " plan-paths=false")
    assert along == pytest.approx(straight, abs=1e-3)
    assert along > alone


RELEASED = """
func.func @g(%src: memref<4xf32, #cache.remote>, %dst: memref<4xf32, #cache.remote>,
             %w: memref<4xf32, #cache.remote>, %c: i1) {
  %d, %t = cache.prefetch %src : memref<4xf32, #cache.remote> -> memref<4xf32>
  %e, %u = cache.prefetch %w : memref<4xf32, #cache.remote> -> memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  scf.if %c {
    cache.wait %t, %u
    %back = cache.evict %d to %dst : memref<4xf32> to memref<4xf32, #cache.remote>
    cache.wait %back
    %gone = cache.evict %e : memref<4xf32>
    memref.dealloc %a : memref<4xf32>
  } else {
  }
  return
}
"""


def test_the_other_path_releases_what_the_costlier_one_does() -> None:
    """What the costlier region releases of the buffers from above, the
    other releases too: the write-back still writes back (after the copy
    in, waited for at once), the dropped copy is dropped after its copy,
    the dealloc repeated."""
    from hyperoffload.transforms.branch_paths import _release_on_other_path

    with ir.Context():
        module = ir.Module.parse(RELEASED)
        function = _function(module)
        (branch,) = [op for op in walk_preorder(function) if op.name == "scf.if"]
        _release_on_other_path(branch, 0)
        assert module.operation.verify()
        text = str(branch.regions[1].blocks[0])
        assert "cache.evict %result to %arg1 [%token] :" in text
        assert "cache.wait %" in text
        assert "cache.evict %result_0 [%token_1] :" in text
        assert "memref.dealloc %alloc" in text
        assert check_schedule(function) == []


@pytest.mark.parametrize("target", ["cpu", "gpu"])
def test_work_after_the_branch_runs_on_both_paths_as_given(target: str) -> None:
    """TAIL within 5000 B: planned along its path, %w1 fetched before the
    branch and dropped by the exit; %w3, which the work after the branch
    reads on both paths, stays on the device; both paths compute what
    they did."""

    def run(module: ir.Module, flag: int, on: str) -> np.ndarray:
        rng = np.random.default_rng(11)
        buffers = [rng.standard_normal(250).astype(np.float32) for _ in range(6)]
        run_function(module, "f", [*buffers[:5], flag, buffers[5]], target=on)
        return buffers[4]

    remarks: list[str] = []
    with ir.Context() as context:
        want = [run(ir.Module.parse(TAIL), flag, "cpu") for flag in (0, 1)]
        module = ir.Module.parse(TAIL)
        handler = context.attach_diagnostic_handler(lambda d: remarks.append(d.message) or True)
        with collect_instances() as ran:
            build_pass_manager(f"hyper-offload-pipeline{{budget=5000 hw={UNIT} remarks}}").run(
                module.operation
            )
        handler.detach()
        assert ran[0].statistics["f"]["planned_along_path"] is True
        # Why %w3 stays, in the words of the plan's remark.
        assert (
            "keeps %arg6 on the device: planned along the costlier path, the other path or "
            "the work after the branch reads it" in remarks
        )
        assert any(r.startswith("plans its early exit along the costlier path") for r in remarks)
        function = _function(module)
        arguments = function.regions[0].blocks[0].arguments
        assert is_remote(arguments[2].type) and not is_remote(arguments[6].type)
        body = [op.operation.name for op in function.regions[0].blocks[0].operations]
        assert body.index("cache.prefetch") < body.index("scf.if") < body.index("linalg.add", 5)
        assert check_schedule(function) == []
        got = [run(module, flag, target) for flag in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


def test_an_exit_peaking_higher_sets_the_peak_and_says_so() -> None:
    """The exit allocates 2000 B of its own (a fill the costlier path does
    not have): given its branch back, the function's peak is the exit's
    (7000 B), not the costlier path's (5000 B), and a remark says so."""
    from hyperoffload.transforms.hyper_offload_pipeline import HyperOffloadPipelinePass

    source = EARLY_EXIT.replace(
        "  scf.if %c {\n",
        "  scf.if %c {\n"
        "    %big = memref.alloc() : memref<500xf32>\n"
        "    linalg.fill ins(%one : f32) outs(%big : memref<500xf32>)\n"
        "    memref.dealloc %big : memref<500xf32>\n",
    )
    hardware = load_profile(str(UNIT))
    remarks: list[str] = []
    with ir.Context() as context:
        module = ir.Module.parse(source)
        function = _function(module)
        branch = find_path_branch(function, hardware)
        assert branch is not None and branch.path == 1
        flat = flatten_path(function, branch, "f__other_path")
        handler = context.attach_diagnostic_handler(lambda d: remarks.append(d.message) or True)
        pipeline = HyperOffloadPipelinePass(remarks=True)
        after, _ = pipeline._restore_branch(function, flat, hardware)
        handler.detach()
    assert after.peak_bytes == 7000
    assert remarks == ["the exit path peaks higher (6.836 KiB) than the path simulated"]
