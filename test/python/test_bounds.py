"""The limits plans are measured against (hyperoffload.analysis.bounds),
on programs small enough to work out by hand with the unit profile (a fill
of 1000 f32 takes 1 s, a copy of 250 f32 takes 1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import first_function, unit_profile
from hyperoffload.analysis import bounds
from hyperoffload.analysis.bounds import (
    integral_peak_bound,
    lp_peak_bound,
    peak_bounds,
    time_bound_s,
    working_set_peak,
)
from hyperoffload.analysis.offload_plan import OffloadPlanner
from hyperoffload.hardware import load_profile
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
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


def reached_without_slowdown(text: str, context: ir.Context, makespan: float) -> int:
    """The simulated peak of hyper-offload-pipeline{max-slowdown=0%} on the
    unit profile (checked to keep ``makespan``)."""
    module = ir.Module.parse(text)
    profile = Path(__file__).resolve().parents[1] / "Inputs" / "unit.toml"
    build_pass_manager(
        f"builtin.module(hyper-offload-pipeline{{max-slowdown=0% hw={profile}}})", context
    ).run(module.operation)
    reached = simulate(first_function(module), unit_profile())
    assert reached.makespan_s == pytest.approx(makespan)
    return reached.peak_bytes


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


# Three 1000 B weights (1 s copies each) are all due at t = 2 s, after the
# peak (a 4000 B temporary over [0, 1)) and one more fill. Each copy alone
# could start after the peak, but the one link moves only 2 s of copies by
# t = 2 s: at most two are away at the peak.
DUE_TOGETHER = """
#map = affine_map<(d0) -> (d0)>
func.func @f(%w0: memref<250xf32>, %w1: memref<250xf32>, %w2: memref<250xf32>,
             %x: memref<1000xf32> {cache.policy = "keep"},
             %o: memref<250xf32> {cache.policy = "keep"}, %s: f32) {
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  memref.dealloc %t : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel"]}
      ins(%w0, %w1, %w2 : memref<250xf32>, memref<250xf32>, memref<250xf32>)
      outs(%o : memref<250xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %d: f32):
    %ab = arith.addf %a, %b : f32
    %abc = arith.addf %ab, %c : f32
    linalg.yield %abc : f32
  }
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  return
}
"""


def test_lp_bound_shares_the_link_among_copies_due_together(context: ir.Context) -> None:
    planner, makespan, peak = planner_for(DUE_TOGETHER)
    assert (peak, makespan) == (12000, pytest.approx(5.0))
    # The 2 s before their use have room for two copies, but a weight away
    # at the peak (over [0, 1)) is copied after it, in [1, 2): one of them.
    assert lp_peak_bound(planner, 0.0, makespan) == 11000
    # A 1 s stall (20% of 5 s) gives the link [1, 3): two.
    assert lp_peak_bound(planner, 0.2, makespan) == 10000
    assert lp_peak_bound(planner, 100.0, makespan) <= planner.plan().min_feasible_bytes
    # A real plan within 0% reaches the bound: a copy holds its buffer from
    # its start, so of two copies made before the use only the later one's
    # buffer is away at the peak. (The gap rows alone allowed 10000.)
    assert reached_without_slowdown(DUE_TOGETHER, context, makespan) == 11000


def test_absence_rows_past_the_cap_are_left_out(
    context: ir.Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no room for absence columns the bound is the gap rows' (still a
    bound, only looser)."""
    monkeypatch.setattr(bounds, "MAX_ABSENCE_COLUMNS", 0)
    planner, makespan, _ = planner_for(DUE_TOGETHER)
    assert peak_bounds(planner, 0.0, makespan) == (10000, 10000)


# Four 400 B weights (0.4 s copies) are due at t = 1.5 s; each could be away
# at the peak (a 4000 B temporary over [0, 1)). A weight away then is
# copied after it, in [1, 1.5): room for 1.25 copies, so the LP takes 1.25
# weights away, whole buffers only one. (The gap rows alone, which count
# the link's time from the start, allowed 3.75 and 3.)
WHOLE_BUFFERS = """
#map = affine_map<(d0) -> (d0)>
func.func @f(%w0: memref<100xf32>, %w1: memref<100xf32>, %w2: memref<100xf32>,
             %w3: memref<100xf32>, %x: memref<500xf32> {cache.policy = "keep"},
             %o: memref<100xf32> {cache.policy = "keep"}, %s: f32) {
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  memref.dealloc %t : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<500xf32>)
  linalg.generic {indexing_maps = [#map, #map, #map, #map, #map],
                  iterator_types = ["parallel"]}
      ins(%w0, %w1, %w2, %w3 : memref<100xf32>, memref<100xf32>, memref<100xf32>,
                               memref<100xf32>)
      outs(%o : memref<100xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %d: f32, %e: f32):
    %ab = arith.addf %a, %b : f32
    %cd = arith.addf %c, %d : f32
    %all = arith.addf %ab, %cd : f32
    linalg.yield %all : f32
  }
  linalg.fill ins(%s : f32) outs(%x : memref<500xf32>)
  return
}
"""


def test_integral_bound_moves_whole_buffers(context: ir.Context) -> None:
    planner, makespan, peak = planner_for(WHOLE_BUFFERS)
    assert (peak, makespan) == (8000, pytest.approx(2.5))
    assert lp_peak_bound(planner, 0.0, makespan) == 7500
    assert integral_peak_bound(planner, 0.0, makespan) == 7600
    assert peak_bounds(planner, 0.0, makespan) == (7500, 7600)
    # Never below the LP, with or without time to search.
    assert integral_peak_bound(planner, 0.0, makespan, time_limit_s=0.0) >= 7500
    # A real plan within 0% reaches it: it keeps all but one weight at the
    # peak (only one 0.4 s copy fits between its end and the use).
    assert reached_without_slowdown(WHOLE_BUFFERS, context, makespan) == 7600


# %w (1000 B, a 1 s copy) is read twice, 0.25 s apart, 2 s after the peak (a
# 4000 B temporary over [0, 1)). Between its two reads there is no time to
# drop and fetch it again, but no plan needs to: remote at entry, it is
# fetched after the peak and stays for both reads. The bound once tied the
# gap between the reads to the first and last gaps, so the short window
# between the reads capped how much of %w could be away at the peak.
READ_TWICE = """
func.func @f(%w: memref<250xf32>, %o: memref<250xf32> {cache.policy = "keep"},
             %x: memref<1000xf32> {cache.policy = "keep"}, %s: f32) {
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  memref.dealloc %t : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.copy ins(%w : memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%o : memref<250xf32>)
  linalg.copy ins(%w : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
"""


def test_bound_lets_a_buffer_stay_between_two_close_reads(context: ir.Context) -> None:
    planner, makespan, peak = planner_for(READ_TWICE)
    assert peak == 1000 + 1000 + 4000 + 4000
    middle = [g for g in planner.gaps if 0 <= g.after and g.before < planner.steps.count]
    assert len(middle) == 1 and middle[0].transfer_s == pytest.approx(1.0)
    assert peak_bounds(planner, 0.0, makespan) == (9000, 9000)
    assert reached_without_slowdown(READ_TWICE, context, makespan) == 9000


def _pipeline_peak(text: str, hardware: str, slowdown: str, context: ir.Context) -> int:
    module = ir.Module.parse(text)
    build_pass_manager(
        f"builtin.module(hyper-offload-pipeline{{max-slowdown={slowdown} hw={hardware}}})", context
    ).run(module.operation)
    return simulate(first_function(module), load_profile(hardware)).peak_bytes


@pytest.mark.parametrize("hardware", ["gh200", "ascend910-supernode"])
@pytest.mark.parametrize(
    "config",
    [
        LlamaConfig(layers=2, tokens=256, context=256),
        LlamaConfig(layers=2, hidden=512, intermediate=1376, tokens=1, context=2048),
        LlamaConfig(layers=2, tokens=1, context=512, experts=4),
    ],
    ids=["prefill", "decode", "moe"],
)
def test_bounds_never_exceed_what_the_pipeline_reaches(
    config: LlamaConfig, hardware: str, context: ir.Context
) -> None:
    """The absence rows make the bounds tight (they match the pipeline on
    the programs above); they must still be bounds on real programs."""
    # The pipeline first frees dead buffers: bound the program it plans.
    released = ir.Module.parse(generate_llama(config))
    build_pass_manager("builtin.module(cache-release-dead-buffers)", context).run(
        released.operation
    )
    text = str(released)
    profile = load_profile(hardware)
    _MODULES.append(ir.Module.parse(text))
    function = first_function(_MODULES[-1])
    before = simulate(function, profile)
    planner = OffloadPlanner(function, profile, before.peak_bytes)
    for slowdown in (0.0, 0.01, 0.1):
        lp, integral = peak_bounds(planner, slowdown, before.makespan_s)
        assert lp <= integral
        assert integral <= _pipeline_peak(text, hardware, f"{slowdown:%}", context)


# %a (1000 B, a 1 s copy) is read at 0.25 s and %b at the end; the peak
# (7000 B) is a 4000 B fill right after %a's read. Alone, %b is in the pool
# for free (its copy hides behind the fills) and %a needs 0.75 s of stall.
TIED = (
    """
func.func @f(%a: memref<250xf32>, %b: memref<250xf32>,
             %o: memref<250xf32> {cache.policy = "keep"}, %s: f32) {
  linalg.fill ins(%s : f32) outs(%o : memref<250xf32>)
  linalg.copy ins(%a : memref<250xf32>) outs(%o : memref<250xf32>)
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  memref.dealloc %t : memref<1000xf32>
"""
    + "  linalg.fill ins(%s : f32) outs(%o : memref<250xf32>)\n" * 6
    + """
  linalg.copy ins(%b : memref<250xf32>) outs(%o : memref<250xf32>)
  return
}
"""
)


def test_tied_parameters_move_together(context: ir.Context) -> None:
    """Tied (the scan form's stacked weight: every layer's slice in the
    pool or none), %b can leave only with %a, whose copy needs a stall: no
    cut without one, both with 0.75 s of it; a group with a parameter the
    planner may not move stays whole."""
    planner, makespan, peak = planner_for(TIED)
    assert (peak, makespan) == (7000, 3.75)
    assert peak_bounds(planner, 0.0, makespan)[1] == 6000
    assert peak_bounds(planner, 0.0, makespan, tied=[["%arg0", "%arg1"]])[1] == 7000
    assert peak_bounds(planner, 0.2, makespan, tied=[["%arg0", "%arg1"]]) == (5000, 5000)
    assert peak_bounds(planner, 0.2, makespan, tied=[["%arg1", "%arg2"]])[1] == 6000
    with pytest.raises(ValueError, match="cannot tie %arg3: not a parameter of the function"):
        peak_bounds(planner, 0.0, makespan, tied=[["%arg0", "%arg3"]])
