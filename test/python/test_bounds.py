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

# %w (2000 B) is used first and last; between its uses a 4000 B activation
# lives, filled N times (1 s each), so the peak (8000 B) is there and
# copying %w back (2 s) hides behind two fills or more.
PROGRAM = """
func.func @f(%w: memref<500xf32>, %o: memref<500xf32> {{cache.policy = "keep"}}, %s: f32) {{
  linalg.copy ins(%w : memref<500xf32>) outs(%o : memref<500xf32>)
  %t = memref.alloc() : memref<1000xf32>
{fills}  memref.dealloc %t : memref<1000xf32>
  linalg.copy ins(%w : memref<500xf32>) outs(%o : memref<500xf32>)
  return
}}
"""
FILL = "  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)\n"


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
    planner, makespan, peak = planner_for(program(3))
    assert peak == 8000
    # At 0% slowdown the whole of %w can leave between its uses.
    assert lp_peak_bound(planner, 0.0, makespan) == 6000


def test_lp_bound_is_partial_when_the_copy_does_not_fit(context: ir.Context) -> None:
    # One 1 s fill between the uses: half of the 2 s copy hides.
    planner, makespan, peak = planner_for(program(1))
    assert (peak, makespan) == (8000, pytest.approx(3.0))
    assert lp_peak_bound(planner, 0.0, makespan) == 7000
    # Allowing the stall the copy needs makes the whole buffer movable.
    assert lp_peak_bound(planner, 1.0, makespan) == 6000


def test_working_set_is_the_largest_op(context: ir.Context) -> None:
    planner, _, _ = planner_for(program(3))
    # A copy of %w into %o touches 4000 B, a fill of %t 4000 B.
    assert working_set_peak(planner) == 4000


def test_lp_bound_never_exceeds_what_the_planner_reaches(context: ir.Context) -> None:
    for fills in (1, 2, 3):
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
