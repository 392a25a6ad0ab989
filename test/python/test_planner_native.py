"""The planner's C++ choice loop chooses what the Python loop it replaced
(reference_planner.py) chooses: the same gaps, prefetch points, free steps,
exposures, profile and statistics, or the same infeasibility message, over
the lit inputs and examples (policies included) and generated workloads,
for every strategy, order, placement and a sweep of budgets and hardware."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import mlir_chunks
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.offload_plan import OffloadPlanner, PlanError
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir
from reference_planner import ReferencePlanner

FRACTIONS = (0.97, 0.8, 0.6, 0.4, 0.2, 0.02)
SETTINGS = [
    ("ours", "largest", "room"),
    ("ours", "largest", "ideal"),
    ("ours", "streaming", "room"),
    ("ours", "streaming", "ideal"),
    ("on-demand", "largest", "room"),
    ("distance", "largest", "room"),
]


def _sources() -> list[tuple[str, str]]:
    sources = mlir_chunks(lambda module: bool(_functions(module)))
    for preset, layers in (("tiny", 2), ("7b", 2), ("moe", 2), ("7b-32k", 3)):
        config = dataclasses.replace(LlamaConfig.preset(preset), layers=layers)
        sources.append((f"workload {preset}", generate_llama(config)))
    return sources


def _outcome(planner: OffloadPlanner) -> object:
    try:
        statistics = planner.plan()
    except PlanError as err:
        result: object = ("infeasible", err.message)
    else:
        result = dataclasses.asdict(statistics)
    gaps = [(g.prefetch_at, g.free_from, g.exposed_s) for g in planner.gaps]
    chosen = [sorted(set(c.offloaded_gaps)) for c in planner.candidates]
    return result, gaps, chosen


def _functions(module: ir.Module) -> list[tuple[ir.Operation, BufferLiveness]]:
    found = []
    for function in functions_with_bodies(module.operation):
        try:
            found.append((function, BufferLiveness(function, dynamic_dim_bound=64)))
        except LivenessError:
            continue  # a diagnostics test's input
    return found


SOURCES = _sources()


@pytest.mark.parametrize(("name", "source"), SOURCES, ids=[name for name, _ in SOURCES])
def test_native_loop_matches_the_python_loop(name: str, source: str) -> None:
    compared = 0
    with ir.Context() as context:
        context.allow_unregistered_dialects = True
        module = ir.Module.parse(source)
        for function, liveness in _functions(module):
            for hardware in ("gh200", "h100-pcie"):
                profile = load_profile(hardware)
                for strategy, order, placement in SETTINGS:
                    planners = [
                        cls(
                            function,
                            profile,
                            0,
                            strategy=strategy,  # type: ignore[arg-type]
                            order=order,  # type: ignore[arg-type]
                            placement=placement,  # type: ignore[arg-type]
                            liveness=liveness,
                            distance_threshold=3,
                        )
                        for cls in (OffloadPlanner, ReferencePlanner)
                    ]
                    peak = int(planners[0].base_profile().max(initial=0))
                    for fraction in FRACTIONS:
                        native, reference = planners
                        native.budget = reference.budget = int(peak * fraction)
                        assert _outcome(native) == _outcome(reference), (
                            name,
                            hardware,
                            strategy,
                            order,
                            placement,
                            fraction,
                        )
                        compared += 1
    assert compared > 0


def test_a_second_plan_starts_from_the_pristine_gaps() -> None:
    """Plans share the planner's gaps: a plan replaces the ones it applies
    and never changes them for the next."""
    config = dataclasses.replace(LlamaConfig.preset("7b-32k"), layers=2)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config))
        function = module.body.operations[0].operation
        planner = OffloadPlanner(function, load_profile("gh200"), 0)
        peak = int(planner.base_profile().max())
        planner.budget = int(peak * 0.3)
        tight = _outcome(planner)
        planner.budget = int(peak * 0.9)
        loose = _outcome(planner)
        fresh = OffloadPlanner(function, load_profile("gh200"), int(peak * 0.9))
        assert _outcome(fresh) == loose != tight


def test_a_forced_parameters_end_gaps_are_applied_once() -> None:
    """A parameter with ``cache.policy = "offload"`` and gaps between its
    uses: its first fetch and last gap come with its first gap and are not
    moved again by the later ones, so the planned profile is the base
    profile less each applied gap's absence."""
    source = """func.func @f(%p: memref<256xf32> {cache.policy = "offload"}, %o: memref<256xf32>) {
      %c = arith.constant 1.0 : f32
      linalg.copy ins(%p : memref<256xf32>) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.copy ins(%p : memref<256xf32>) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.fill ins(%c : f32) outs(%o : memref<256xf32>)
      linalg.copy ins(%p : memref<256xf32>) outs(%o : memref<256xf32>)
      return
    }"""
    with ir.Context():
        module = ir.Module.parse(source)
        function = module.body.operations[0].operation
        for cls in (OffloadPlanner, ReferencePlanner):
            planner = cls(function, load_profile("gh200"), 1 << 30)
            statistics = planner.plan()
            applied = [g for g in planner.gaps if g.prefetch_at >= 0]
            assert len(applied) == 4  # entry -> use, two between uses, last use -> end
            assert {planner.candidates[g.candidate].policy for g in applied} == {"offload"}
            expected = planner.base_profile()
            for gap in applied:
                expected[gap.free_from : gap.prefetch_at] -= 1024
            assert statistics.planned_peak == int(expected.max())
