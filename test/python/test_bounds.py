"""The limits plans are measured against (hyperoffload.analysis.bounds),
on programs small enough to work out by hand with the unit profile (a fill
of 1000 f32 takes 1 s, a copy of 250 f32 takes 1 s)."""

from __future__ import annotations

import pytest
from conftest import first_function, unit_profile
from hyperoffload.analysis.bounds import lp_peak_bound, time_bound_s, working_set_peak
from hyperoffload.analysis.offload_plan import OffloadPlanner
from hyperoffload.sim import simulate
from mlir import ir

# %w (2000 B, a 2 s copy) is used first and last. The peak (8000 B) is a
# 1 s fill of a 4000 B activation right after the first use; then N fills
# of %o (0.5 s each) lead to the last use, so copying %w back hides behind
# them when N >= 4.
PROGRAM = """
func.func @f(%w: memref<500xf32>, %o: memref<500xf32> {{cache.policy = "keep"}}, %s: f32) {{
  linalg.copy ins(%w : memref<500xf32>) outs(%o : memref<500xf32>)
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  memref.dealloc %t : memref<1000xf32>
{fills}  linalg.copy ins(%w : memref<500xf32>) outs(%o : memref<500xf32>)
  return
}}
"""
FILL = "  linalg.fill ins(%s : f32) outs(%o : memref<500xf32>)\n"


def program(fills: int) -> str:
    return PROGRAM.format(fills=FILL * fills)


_MODULES: list[ir.Module] = []  # the planner's function lives in its module


def planner_for(text: str) -> tuple[OffloadPlanner, float, int]:
    _MODULES.append(ir.Module.parse(text))
    function = first_function(_MODULES[-1])
    hardware = unit_profile()
    before = simulate(function, hardware)
    return (
        OffloadPlanner(function, hardware, before.peak_bytes),
        before.makespan_s,
        before.peak_bytes,
    )


def test_lp_bound_frees_a_buffer_whose_copy_hides(context: ir.Context) -> None:
    planner, makespan, peak = planner_for(program(4))
    assert (peak, makespan) == (8000, pytest.approx(5.0))
    # At 0% slowdown %w can be away during the peak and back in time.
    assert lp_peak_bound(planner, 0.0, makespan) == 6000


def test_lp_bound_keeps_a_buffer_while_its_copy_runs(context: ir.Context) -> None:
    # 1 s of fills after the peak: the 2 s copy back must start before the
    # peak's fill, and the buffer takes device memory from then on.
    planner, makespan, peak = planner_for(program(2))
    assert (peak, makespan) == (8000, pytest.approx(4.0))
    assert lp_peak_bound(planner, 0.0, makespan) == 8000
    # Allowing a 1 s stall (25% of 4 s) lets the copy start after it.
    assert lp_peak_bound(planner, 0.25, makespan) == 6000


def test_working_set_is_the_largest_op(context: ir.Context) -> None:
    planner, _, _ = planner_for(program(3))
    # A copy of %w into %o touches 4000 B, a fill of %t 4000 B.
    assert working_set_peak(planner) == 4000


def test_lp_bound_never_exceeds_what_the_planner_reaches(context: ir.Context) -> None:
    for fills in (1, 2, 3, 4):
        planner, makespan, _ = planner_for(program(fills))
        reached = planner.plan().min_feasible_bytes
        assert lp_peak_bound(planner, 100.0, makespan) <= reached


@pytest.mark.parametrize(
    ("compute", "transfers", "engines", "expected"),
    [
        (2.0, {"h2d": 1.0}, 1, 2.0),
        (1.0, {"h2d": 3.0, "d2h": 1.0}, 1, 3.0),
        (1.0, {"h2d": 3.0}, 2, 1.5),
    ],
)
def test_time_bound(
    compute: float, transfers: dict[str, float], engines: int, expected: float
) -> None:
    assert time_bound_s(compute, transfers, engines) == expected
