"""Property test: on random straight-line programs and random budgets, the
offload pipeline either meets the budget with a schedule that verifies, or
says the budget is infeasible and names a smallest feasible one above it."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from conftest import first_function
from hyperoffload.analysis.offload_plan import OffloadPlanner
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.hardware import load_profile
from hyperoffload.runtime import run_function
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mlir import ir

UNIT = str(Path(__file__).resolve().parents[1] / "Inputs" / "unit.toml")


@st.composite
def programs(draw: st.DrawFn) -> str:
    """A function of parameters and allocations used by fills, copies and
    adds, all 1-D f32 buffers of a few sizes."""
    sizes = draw(st.lists(st.sampled_from([64, 128, 256, 512]), min_size=2, max_size=6))
    params = [f"%p{i}: memref<{n}xf32>" for i, n in enumerate(sizes)]
    buffers = [(f"%p{i}", n) for i, n in enumerate(sizes)]
    lines = [f"func.func @f({', '.join(params)}, %s: f32) {{"]
    allocated: list[tuple[str, int]] = []
    for step in range(draw(st.integers(min_value=2, max_value=14))):
        kind = draw(st.sampled_from(["fill", "copy", "add", "alloc", "dealloc"]))
        if kind == "alloc":
            n = draw(st.sampled_from([64, 128, 256]))
            name = f"%a{step}"
            lines.append(f"  {name} = memref.alloc() : memref<{n}xf32>")
            lines.append(f"  linalg.fill ins(%s : f32) outs({name} : memref<{n}xf32>)")
            buffers.append((name, n))
            allocated.append((name, n))
            continue
        if kind == "dealloc":
            if not allocated:
                continue
            name, n = allocated.pop(draw(st.integers(0, len(allocated) - 1)))
            buffers.remove((name, n))
            lines.append(f"  memref.dealloc {name} : memref<{n}xf32>")
            continue
        target, n = draw(st.sampled_from(buffers))
        same = [b for b in buffers if b[1] == n]
        if kind == "fill":
            lines.append(f"  linalg.fill ins(%s : f32) outs({target} : memref<{n}xf32>)")
        elif kind == "copy":
            source, _ = draw(st.sampled_from(same))
            lines.append(
                f"  linalg.copy ins({source} : memref<{n}xf32>) outs({target} : memref<{n}xf32>)"
            )
        else:
            a, _ = draw(st.sampled_from(same))
            b, _ = draw(st.sampled_from(same))
            lines.append(
                f"  linalg.add ins({a}, {b} : memref<{n}xf32>, memref<{n}xf32>) "
                f"outs({target} : memref<{n}xf32>)"
            )
    for name, n in allocated:
        lines.append(f"  memref.dealloc {name} : memref<{n}xf32>")
    lines.append("  return")
    lines.append("}")
    return "\n".join(lines) + "\n"


def budget_between(function: ir.Operation, fraction: float) -> int:
    """A budget ``fraction`` of the way from the planner's smallest feasible
    peak up to the unoffloaded one (negative: below the smallest)."""
    hardware = load_profile(UNIT)
    unoffloaded = simulate(function, hardware).peak_bytes
    smallest = OffloadPlanner(function, hardware, unoffloaded).plan().min_feasible_bytes
    return max(1, int(smallest + (unoffloaded - smallest) * fraction))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    program=programs(),
    fraction=st.floats(min_value=-0.2, max_value=1.0),
    reorder=st.booleans(),
)
def test_pipeline_meets_the_budget_or_says_why(
    program: str, fraction: float, reorder: bool
) -> None:
    """Budgets from a little below the smallest feasible one up to the
    unoffloaded peak."""
    hardware = load_profile(UNIT)
    with ir.Context():
        module = ir.Module.parse(program)
        function = first_function(module)
        budget = budget_between(function, fraction)
        options = f"budget={budget} hw={UNIT} reorder-compute={str(reorder).lower()}"
        pm = build_pass_manager(f"hyper-offload-pipeline{{{options}}}")
        try:
            pm.run(module.operation)
        except ir.MLIRError as err:
            message = str(err)
            match = re.search(r"smallest peak reached by offloading is (\d+) bytes", message)
            assert match, message
            assert int(match.group(1)) > budget
            return
        function = first_function(module)
        assert check_schedule(function) == []
        assert simulate(function, hardware).peak_bytes <= budget
        assert module.operation.verify()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    program=programs(),
    fraction=st.floats(min_value=0.0, max_value=0.5),
    target=st.sampled_from(["cpu", "cpu-async", "gpu"]),
    seed=st.integers(0, 2**16),
)
def test_offloaded_programs_compute_what_the_originals_do(
    program: str, fraction: float, target: str, seed: int
) -> None:
    """A sample of the same programs, run on the CPU (synchronous copies,
    copies on threads, or the emulated GPU streams) before and after the
    pipeline on random inputs: the outputs are bit-identical."""
    with ir.Context():
        module = ir.Module.parse(program)
        function = first_function(module)
        budget = budget_between(function, fraction)
        inputs = list(
            ir.FunctionType(ir.TypeAttr(function.attributes["function_type"]).value).inputs
        )
        rng = np.random.default_rng(seed)
        arrays = [
            rng.standard_normal(ir.MemRefType(t).shape).astype(np.float32) for t in inputs[:-1]
        ]
        scalar = float(rng.standard_normal())
        original = [a.copy() for a in arrays]
        run_function(module, "f", [*original, scalar], target="cpu")
        # An infeasible budget names a smaller peak reached; plan for it
        # (a few times: the named peak is simulated, not always reachable).
        for _ in range(5):
            pipeline = f"hyper-offload-pipeline{{budget={budget} hw={UNIT}}}"
            module = ir.Module.parse(program)  # a failed pass may leave IR half done
            try:
                build_pass_manager(pipeline).run(module.operation)
                break
            except ir.MLIRError as err:
                match = re.search(r"smallest peak reached by offloading is (\d+) bytes", str(err))
                assert match, str(err)
                budget = int(match.group(1))
        else:
            raise AssertionError(f"no feasible budget found from {budget} bytes")
        event(f"prefetches: {min(str(module).count('cache.prefetch'), 3)}+")
        offloaded = [a.copy() for a in arrays]
        run_function(module, "f", [*offloaded, scalar], target=target)
    for before, after in zip(original, offloaded, strict=True):
        assert before.tobytes() == after.tobytes()
