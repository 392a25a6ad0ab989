"""The scheduler's C++ placement loop (hyperoffloadPlaceTransfers) places
what the Python loop it replaced (reference_schedule.py) places: the same
issue steps, copy starts and profile, on random transfers (hypothesis) and
on every call the schedule pass makes over the lit inputs, examples and
generated workloads, planned and scheduled under a sweep of budgets, with
and without an in-flight limit."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import reference_schedule
from conftest import mlir_chunks
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.offload_plan import PlanError
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.transforms import schedule_transfers
from hyperoffload.transforms.plan_offload import PlanOptions, plan_and_rewrite
from hyperoffload.workloads import LlamaConfig, generate_llama
from hypothesis import given, settings
from hypothesis import strategies as st
from mlir import ir

# The native loop, kept before any test replaces the module's function.
_native_place = _native.place_transfers


def _both(
    start: np.ndarray,
    profile: np.ndarray,
    transfers: _native.Transfers,
    budget: int | None,
    max_inflight: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The native placement, asserted equal to the reference's."""
    expected_profile = profile.copy()
    expected = reference_schedule.place_transfers(
        start, expected_profile, transfers, budget, max_inflight
    )
    points, begins = _native_place(start, profile, transfers, budget, max_inflight)
    assert points.tolist() == expected[0].tolist()
    assert begins.tolist() == expected[1].tolist()
    assert profile.tolist() == expected_profile.tolist()
    return points, begins


@st.composite
def _problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, _native.Transfers, int | None, int]:
    count = draw(st.integers(1, 24))
    durations = draw(
        st.lists(st.sampled_from([0.0, 0.25, 0.5, 1.0, 3.0]), min_size=count, max_size=count)
    )
    start = np.zeros(count + 1)
    start[1:] = np.cumsum(durations)
    profile = np.array(
        draw(st.lists(st.integers(0, 40), min_size=count + 1, max_size=count + 1)),
        dtype=np.int64,
    )
    n = draw(st.integers(0, 10))
    rows = []
    for _ in range(n):
        step = draw(st.integers(0, count - 1))
        first_use = draw(st.integers(step, count))
        wait = draw(st.integers(step, first_use))
        rows.append(
            (
                step,
                draw(st.integers(0, step + 1)),
                first_use,
                wait,
                draw(st.integers(0, count)),
                draw(st.integers(1, 20)),
                draw(st.sampled_from([0.0, 0.1, 0.5, 1.0, 2.5])),
            )
        )
    rows.sort(key=lambda row: (row[2], row[0]), reverse=True)
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7
    transfers = _native.Transfers(*(list(column) for column in columns))
    budget = draw(st.one_of(st.none(), st.integers(0, 80)))
    return start, profile, transfers, budget, draw(st.integers(0, 3))


@settings(max_examples=300, deadline=None)
@given(_problems())
def test_random_transfers_are_placed_alike(
    problem: tuple[np.ndarray, np.ndarray, _native.Transfers, int | None, int],
) -> None:
    _both(*problem)


def test_bad_arrays_are_refused() -> None:
    start = np.array([0.0, 1.0, 2.0])
    one = _native.Transfers([0], [0], [2], [1], [3], [1], [1.0])
    with pytest.raises(ValueError, match="free_at out of the steps"):
        _native.place_transfers(start, np.zeros(3, dtype=np.int64), one, None, 0)
    with pytest.raises(ValueError, match="contiguous int64"):
        _native.place_transfers(start, np.zeros(3), one, None, 0)
    with pytest.raises(ValueError, match="differ in length"):
        _native.place_transfers(start, np.zeros(4, dtype=np.int64), one, None, 0)
    with pytest.raises(ValueError, match="seconds has 2 entries"):
        _native.Transfers([0], [0], [2], [1], [2], [1], [1.0, 2.0])


def _sources() -> list[tuple[str, str]]:
    sources = mlir_chunks()
    for preset, layers in (("tiny", 2), ("7b", 2), ("moe", 2), ("7b-32k", 3)):
        config = dataclasses.replace(LlamaConfig.preset(preset), layers=layers)
        sources.append((f"workload {preset}", generate_llama(config)))
    return sources


SOURCES = _sources()


@pytest.mark.parametrize(("name", "source"), SOURCES, ids=[name for name, _ in SOURCES])
def test_the_pass_places_alike(name: str, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []  # transfers placed per call

    def checked(*args: object) -> tuple[np.ndarray, np.ndarray]:
        calls.append(len(args[2].step))  # type: ignore[attr-defined]
        return _both(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(schedule_transfers._native, "place_transfers", checked)
    hardware = load_profile("gh200")
    expected = 0
    with ir.Context() as context:
        context.allow_unregistered_dialects = True
        for fraction in (0.9, 0.6, 0.3):
            for max_inflight in (0, 2):
                module = ir.Module.parse(source)
                for function in functions_with_bodies(module.operation):
                    try:
                        liveness = BufferLiveness(function, dynamic_dim_bound=64)
                    except LivenessError:
                        continue  # a diagnostics test's input
                    limit = int(liveness.peak_bytes * fraction)
                    try:
                        plan_and_rewrite(
                            function, hardware, limit, PlanOptions(dynamic_dim_bound=64)
                        )
                    except (LivenessError, PlanError):
                        pass  # scheduled as it is
                    try:
                        schedule_transfers.schedule_function(
                            function, hardware, limit, max_inflight, 64
                        )
                    except LivenessError:
                        continue
                    expected += 1
    # One call per function scheduled; the workloads have transfers to place.
    assert len(calls) == expected
    if "workload" in name:
        assert sum(calls) > 0
