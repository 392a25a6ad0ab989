"""The planner's option search (in the Python reference loop, which the
C++ loop mirrors): the lower bound it orders options by never exceeds an
option's re-costed key, so stopping at the first bound that cannot win
returns what re-costing every option would; the stabbing index finds the
gaps that hold a step."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.offload_plan import OffloadPlanner
from hyperoffload.hardware import load_profile
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir
from reference_planner import ReferencePlanner, StabbingIndex


class CheckedPlanner(ReferencePlanner):
    """Re-costs every option at each choice and compares."""

    choices = 0
    recosted = 0
    visited = 0

    def _best_option(self, step: int) -> tuple[int, int] | None:
        options = self._options(step)
        bounds = self._exposure_bounds(step, options)
        exhaustive = [self._recost(step, options.option(rank)) for rank in range(len(options))]
        for bound, (key, _) in zip(bounds, exhaustive, strict=True):
            assert bound <= key[0] + 1e-18, (bound, key)
        calls = 0
        real = self._recost

        def counting(*args: object) -> object:
            nonlocal calls
            calls += 1
            return real(*args)  # type: ignore[arg-type]

        self._recost = counting  # type: ignore[method-assign]
        try:
            choice = super()._best_option(step)
        finally:
            del self._recost
        if len(options):
            rank = min(range(len(options)), key=lambda i: (exhaustive[i][0], i))
            assert choice == (int(options.gap[rank]), exhaustive[rank][1])
            type(self).choices += 1
            type(self).recosted += calls
            type(self).visited += len(options)
        return choice


@pytest.mark.parametrize(
    ("tokens", "hw", "fraction"),
    [
        (1, "gh200", 0.85),
        (1, "h100-pcie", 0.7),
        (64, "gh200", 0.4),
        (64, "ascend910-supernode", 0.6),
    ],
)
def test_bounded_search_returns_the_exhaustive_choice(
    tokens: int, hw: str, fraction: float
) -> None:
    config = dataclasses.replace(
        LlamaConfig.preset("7b"), layers=3, tokens=tokens, context=512, dtype="f16"
    )
    CheckedPlanner.choices = CheckedPlanner.recosted = CheckedPlanner.visited = 0
    with ir.Context():
        module = ir.Module.parse(generate_llama(config))
        function = module.body.operations[0].operation
        liveness = BufferLiveness(function)
        planner = CheckedPlanner(
            function, load_profile(hw), int(liveness.peak_bytes * fraction), liveness=liveness
        )
        planner.plan()
        # The shipped planner (the C++ loop) makes exactly these choices.
        shipped = OffloadPlanner(
            function, load_profile(hw), int(liveness.peak_bytes * fraction), liveness=liveness
        )
        shipped.plan()
        placed = [
            [(g.prefetch_at, g.free_from, g.exposed_s) for g in p.gaps] for p in (shipped, planner)
        ]
        assert placed[0] == placed[1]
    assert CheckedPlanner.choices > 0
    # The bound prunes: far fewer options are re-costed than are offered.
    assert CheckedPlanner.recosted < CheckedPlanner.visited


def test_stabbing_index_finds_the_spans_holding_a_point() -> None:
    rng = np.random.default_rng(3)
    lo = rng.integers(-1, 90, size=300)
    hi = lo + rng.integers(0, 40, size=300)
    index = StabbingIndex(lo, hi, 100)
    for point in range(-2, 103):
        expected = [i for i in range(300) if lo[i] <= point < hi[i] and 0 <= point < 100]
        assert index.at(point).tolist() == expected
