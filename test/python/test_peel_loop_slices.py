"""Peeling a loop's first iterations off with the slices they read
(cache-peel-loop-slices): the rows each slice reads, how parameters split,
that the peeled program (alone, streamed and inside hyper-offload-pipeline)
computes the original's bits on every runtime target from the original's
arguments, and that it is what the pipeline keeps at decode."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hyperoffload.analysis.loop_slices import (
    find_slice_streams,
    later_row_range,
    leading_rows,
    slice_rows,
)
from hyperoffload.runtime import ExecutionError, run_function, split_arguments
from hyperoffload.transforms import build_pass_manager, collect_instances
from hyperoffload.transforms.peel_loop_slices import slice_attributes
from hyperoffload.workloads import LlamaConfig, generate_llama
from hyperoffload.workloads.llama import entry_name
from llama_arguments import llama_arguments
from mlir import ir

TINY = LlamaConfig(layers=4, hidden=16, intermediate=24, context=8, tokens=2, dtype="f32")

CLAMPED = """
func.func @f(%w: memref<6x8xf32>, %out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  %c6_i32 = arith.constant 6 : i32
  scf.for %i = %c0_i32 to %c6_i32 step %c1_i32 : i32 {
    %n = arith.index_cast %i : i32 to index
    %lo = arith.maxsi %n, %c0 : index
    %row = arith.minsi %lo, %c5 : index
    %s = memref.subview %w[%row, 0] [1, 8] [1, 1]
        : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
    linalg.add ins(%s, %out : memref<8xf32, strided<[1], offset: ?>>, memref<8xf32>)
        outs(%out : memref<8xf32>)
  }
  return
}
"""


def _function(module: ir.Module) -> ir.Operation:
    return module.body.operations[0].operation


def test_the_rows_follow_jax_clamped_index() -> None:
    with ir.Context():
        module = ir.Module.parse(CLAMPED)
        (stream,) = find_slice_streams(_function(module))
        assert slice_rows(stream) == [[0], [1], [2], [3], [4], [5]]


def test_a_row_loaded_from_memory_is_not_known() -> None:
    with ir.Context():
        module = ir.Module.parse(
            CLAMPED.replace(
                "%row = arith.minsi %lo, %c5 : index",
                "%row = arith.divui %lo, %c5 : index",
            )
        )
        (stream,) = find_slice_streams(_function(module))
        assert slice_rows(stream) is None


def test_the_split_parameters_name_their_rows() -> None:
    with ir.Context():
        module = ir.Module.parse(CLAMPED)
        build_pass_manager("cache-peel-loop-slices{iterations=2}").run(module.operation)
        function = _function(module)
        assert slice_attributes(function) == {0: (0, 2, 4), 2: (0, 0, 1), 3: (0, 1, 1)}
        types = [str(a.type) for a in function.regions[0].blocks[0].arguments]
        assert types == [
            "memref<4x8xf32>",
            "memref<8xf32>",
            "memref<1x8xf32>",
            "memref<1x8xf32>",
        ]
        w = np.arange(48, dtype=np.float32).reshape(6, 8)
        out = np.zeros(8, dtype=np.float32)
        split = split_arguments(function, [w, out])
        assert [a.shape for a in split] == [(4, 8), (8,), (1, 8), (1, 8)]  # type: ignore[union-attr]
        assert np.shares_memory(split[0], w) and split[1] is out
        with pytest.raises(ExecutionError, match="at least 6 rows"):
            split_arguments(function, [w[:3], out])


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
@pytest.mark.parametrize(
    "pipeline",
    [
        "cache-peel-loop-slices{iterations=1}",
        "cache-peel-loop-slices{iterations=2}, cache-stream-loop-slices{hw=gh200}",
        "hyper-offload-pipeline{max-slowdown=10% hw=gh200 peel-iterations=1}",
    ],
)
def test_peeled_programs_compute_the_same_bits(target: str, pipeline: str) -> None:
    """From the arguments of the function as given (run_function splits
    them), on every target."""
    with ir.Context():
        original, peeled = _original_and_planned(TINY, pipeline)
        assert (
            len(slice_attributes(_function(peeled)))
            == 11 * 2 + 11 * (2 if "iterations=2" in pipeline else 1) - 11
        )
        expected, got = _outputs(TINY, [original, peeled], target)
    assert np.any(expected != 0)
    assert np.array_equal(got, expected)


def _original_and_planned(config: LlamaConfig, pipeline: str) -> tuple[ir.Module, ir.Module]:
    """``config``'s scan as generated, and after ``pipeline`` and the
    schedule verifier (in the current context)."""
    original = ir.Module.parse(generate_llama(config, "scan"))
    planned = ir.Module.parse(generate_llama(config, "scan"))
    build_pass_manager(f"{pipeline}, cache-verify-schedule").run(planned.operation)
    return original, planned


def _outputs(config: LlamaConfig, modules: list[ir.Module], target: str) -> list[np.ndarray]:
    """The output of each of ``modules``' scan over the same arguments
    (those of the function as given: run_function splits them) on
    ``target``."""
    outputs = []
    for module in modules:
        arguments = llama_arguments(config, "scan")
        run_function(module, entry_name(config), arguments, target=target)
        outputs.append(arguments[-1])
    return outputs


def _decode_scan(
    layers: int, slowdown: str, peel: str, options: str = ""
) -> tuple[float, dict[str, object], bool]:
    """The cut of the pipeline on the 7B decode scan of ``layers`` layers
    within ``slowdown`` with ``peel-iterations=peel`` (and ``options``),
    its statistics, and whether the planned function has split parameters
    (cache.slices)."""
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=layers, tokens=1, context=2048)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        pm = build_pass_manager(
            f"hyper-offload-pipeline{{max-slowdown={slowdown} hw=gh200 peel-iterations={peel}"
            f"{options}}}"
        )
        with collect_instances() as ran:
            pm.run(module.operation)
        statistics = ran[0].statistics[entry_name(config)]
        cut = 1 - int(statistics["peak_after_bytes"]) / int(statistics["peak_before_bytes"])
        return cut, statistics, bool(slice_attributes(_function(module)))


def test_the_pipeline_peels_the_decode_scan_where_that_cuts_more() -> None:
    """At 7B decode shapes within 10%, every stacked weight of the loop
    streamed, its first slice exposed, cuts less than the first layer kept
    on the device and the rest streamed behind it (the loop kept a loop:
    unrolled fully, below, it cuts more still)."""
    cuts = {}
    for peel in ("0", "auto"):
        cuts[peel], statistics, split = _decode_scan(8, "10%", peel, " unroll-full-threshold=0")
        assert float(statistics["slowdown"]) <= 0.10  # type: ignore[arg-type]
        if peel == "auto":
            assert statistics["peeled_iterations"] == 1
            assert split
    assert cuts["auto"] > cuts["0"] + 0.01


def _auto_beats_pipelined(slowdown: str, peel: str, form: str, peeled: int, margin: float) -> None:
    """On the 16-layer 7B decode scan within ``slowdown``, kept a loop,
    auto keeps ``form`` with ``peeled`` iterations peeled and cuts more
    than the pipelined form peeled ``peel`` times by ``margin``, both
    within it."""
    limit = float(slowdown.rstrip("%")) / 100
    pipelined, statistics, _ = _decode_scan(16, slowdown, peel, " loop-streaming=pipelined")
    assert float(statistics["slowdown"]) <= limit  # type: ignore[arg-type]
    chosen, statistics, _ = _decode_scan(16, slowdown, "auto", " unroll-full-threshold=0")
    assert float(statistics["slowdown"]) <= limit  # type: ignore[arg-type]
    assert statistics["loop_streaming"] == form
    assert statistics["peeled_iterations"] == peeled
    assert chosen > pipelined + margin


def test_the_pipeline_prefetches_in_place_where_the_link_lags_a_layer() -> None:
    """At 16-layer 7B decode shapes within 5%, streaming wq and the K
    cache costs a little more link time than a layer's work. Each slice is
    waited for at its first use in the iteration that reads it, so one
    peeled iteration is enough (each K slice may arrive during the layer's
    first matmuls; waited at the end of the iteration before, the stalls
    added up past 5%). In place, each weight holds one slice between its
    last use and the next iteration's prefetch instead of two: auto plans
    it, peeled as pipelined planned best, and keeps it."""
    _auto_beats_pipelined("5%", "1", "in-place", 1, 0.003)


def test_the_pipeline_prefetches_two_ahead_where_the_link_keeps_a_lead() -> None:
    """At 16-layer 7B decode shapes within 1%, wq and the K cache take a
    little more link time a layer than its work: pipelined one iteration
    ahead, each iteration issues the next slices behind its own work, so
    the lead the two peeled layers give the link is lost over the loop and
    they cannot be streamed; prefetched two ahead, the lead is kept. auto
    plans it (at the most peeled) and keeps it."""
    _auto_beats_pipelined("1%", "2", "two-ahead", 2, 0.02)


def test_the_pipeline_unrolls_a_short_decode_scan_fully_where_that_cuts_more() -> None:
    """On the 16-layer 7B decode scan within 1%, kept a loop, each weight
    kind is streamed in every layer after the peeled ones or in none (two
    ahead, two peeled: 8.6%); the loop's 16 iterations are under
    unroll-full-threshold, so auto also plans it unrolled fully, every
    layer's slices decided alone, and keeps that: the straight form's
    cut."""
    looped, statistics, _ = _decode_scan(16, "1%", "auto", " unroll-full-threshold=0")
    assert "unrolled_fully" not in statistics
    unrolled, statistics, split = _decode_scan(16, "1%", "auto")
    assert statistics["unrolled_fully"] is True
    assert "peeled_iterations" not in statistics
    assert split
    assert float(statistics["slowdown"]) <= 0.01  # type: ignore[arg-type]
    assert unrolled > looped + 0.005
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=16, tokens=1, context=2048)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "straight"))
        pm = build_pass_manager("hyper-offload-pipeline{max-slowdown=1% hw=gh200}")
        with collect_instances() as ran:
            pm.run(module.operation)
        straight = ran[0].statistics[entry_name(config)]
    cut = 1 - int(straight["peak_after_bytes"]) / int(straight["peak_before_bytes"])
    assert unrolled >= 0.95 * cut


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_programs_unrolled_fully_compute_the_same_bits(target: str) -> None:
    """A scan unrolled fully, its slices each a parameter taken at its
    first use, then offloaded and scheduled, computes the original's bits
    from the original's arguments (run_function splits them)."""
    with ir.Context():
        original, unrolled = _original_and_planned(
            TINY,
            "cache-peel-loop-slices{iterations=0 unroll-full-threshold=4}, "
            "hyper-offload-pipeline{budget=60% hw=gh200 peel-iterations=0}",
        )
        function = _function(unrolled)
        assert len(slice_attributes(function)) == 11 * 4
        assert "scf.for" not in str(function)
        assert "cache.prefetch" in str(function)
        expected, got = _outputs(TINY, [original, unrolled], target)
    assert np.any(expected != 0)
    assert np.array_equal(got, expected)


EIGHT = dataclasses.replace(TINY, layers=8)


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_two_ahead_peeled_programs_compute_the_same_bits(target: str) -> None:
    """The pipeline's two-ahead form on a peeled program (tokens carried
    across iterations, the loop's feed issued before it as early as the
    link can take it) verifies and computes the same bits on every
    target."""
    with ir.Context():
        original, planned = _original_and_planned(
            EIGHT,
            "hyper-offload-pipeline{budget=50% hw=gh200 peel-iterations=2 "
            "loop-streaming=two-ahead}",
        )
        assert "!cache.token) {" in str(planned)
        expected, got = _outputs(EIGHT, [original, planned], target)
    assert np.any(expected != 0)
    assert np.array_equal(got, expected)


# CLAMPED with JAX's wrap of a negative index before the clamp, counting
# to an input: its trip count known only at run time.
ROW_RANGES = (
    CLAMPED.replace("%out: memref<8xf32>)", "%out: memref<8xf32>, %count: i32)")
    .replace("%c0_i32 to %c6_i32", "%c0_i32 to %count")
    .replace(
        "    %n = arith.index_cast %i : i32 to index",
        "    %neg = arith.cmpi slt, %i, %c0_i32 : i32\n"
        "    %wrapped = arith.addi %i, %c6_i32 : i32\n"
        "    %k = arith.select %neg, %wrapped, %i : i32\n"
        "    %n = arith.index_cast %k : i32 to index",
    )
)


def test_rows_a_loop_reads_after_its_first_iterations_are_bounded_by_intervals() -> None:
    """JAX's index for a loop whose count is known at run time (``i < 0 ?
    i + 6 : i``, clamped into the 6 rows): from iteration 2 on the counter
    is anywhere in [2, 2^31 - 1], so the wrap is never taken (its add,
    which could overflow, is not looked at) and the clamp bounds the rows
    to [2, 5]; the first iterations' rows are evaluated exactly."""
    with ir.Context():
        module = ir.Module.parse(ROW_RANGES)
        function = module.body.operations[0].operation
        streams = find_slice_streams(function)
    (stream,) = streams
    assert not stream.counted and slice_rows(stream) is None
    assert leading_rows(stream, 2) == [[0], [1]]
    assert later_row_range(stream, 2) == (2, 5)
    assert later_row_range(stream, 0) == (0, 5)
