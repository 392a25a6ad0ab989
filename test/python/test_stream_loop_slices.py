"""Streaming stacked weights through a loop (cache-stream-loop-slices) and
the scan form of the workload generator: what is streamed, and that the
streamed program computes bit for bit what the original did, on every
runtime target, alone and inside hyper-offload-pipeline."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.loop_slices import find_slice_streams
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.cli.hyper_opt import main
from hyperoffload.ir_utils import function_named
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager, collect_instances
from hyperoffload.workloads import LlamaConfig, generate_llama
from hyperoffload.workloads.llama import entry_name
from llama_arguments import KINDS as STACKED
from llama_arguments import llama_arguments
from mlir import ir

TINY = LlamaConfig(layers=4, hidden=16, intermediate=24, context=8, tokens=2, dtype="f32")


def _run(module: ir.Module, config: LlamaConfig, form: str, target: str = "cpu") -> np.ndarray:
    arguments = llama_arguments(config, form)
    name = ir.StringAttr(module.body.operations[0].operation.attributes["sym_name"]).value
    run_function(module, name, arguments, target=target)
    return arguments[-1]


def test_the_scan_form_computes_what_the_straight_form_does() -> None:
    with ir.Context():
        straight = _run(ir.Module.parse(generate_llama(TINY)), TINY, "straight")
        scan = _run(ir.Module.parse(generate_llama(TINY, "scan")), TINY, "scan")
    assert np.any(straight != 0)
    assert np.array_equal(straight, scan)


def test_every_stacked_weight_is_found_and_nothing_in_the_straight_form() -> None:
    with ir.Context():
        scan = ir.Module.parse(generate_llama(TINY, "scan"))
        streams = find_slice_streams(scan.body.operations[0].operation)
        # %x is argument 0; the stacked weights follow, %out is last.
        assert [s.argument.arg_number for s in streams] == list(range(1, 12))
        assert {s.trip_count for s in streams} == {TINY.layers}
        straight = ir.Module.parse(generate_llama(TINY))
        assert find_slice_streams(straight.body.operations[0].operation) == []


@pytest.mark.parametrize("options", ["", "{hw=gh200}"])
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_streamed_loops_compute_the_same_bits(target: str, options: str) -> None:
    """Streamed, and with hw= each prefetch issued where its copy starts
    (hyperoffload.transforms.issue_points), the scan computes the same
    bits on every target."""
    with ir.Context():
        original = ir.Module.parse(generate_llama(TINY, "scan"))
        streamed = ir.Module.parse(generate_llama(TINY, "scan"))
        build_pass_manager(f"cache-stream-loop-slices{options}, cache-verify-schedule").run(
            streamed.operation
        )
        text = str(streamed)
        # The peeled first iteration's, the prologue's and the kernel's.
        assert text.count("cache.prefetch") == 3 * len(STACKED)
        assert "iter_args" in text
        expected = _run(original, TINY, "scan", target)
        got = _run(streamed, TINY, "scan", target)
    assert np.array_equal(got, expected)


SIX = dataclasses.replace(TINY, layers=6)


@pytest.mark.parametrize("options", ["", " hw=gh200"])
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_loops_prefetching_two_ahead_compute_the_same_bits(target: str, options: str) -> None:
    """Prefetched two iterations ahead (each slice's token carried to the
    next iteration, which waits for it), the scan verifies and computes
    the same bits on every target: the GPU lowering carries the token as an
    event (the emulated streams run the copies on their own threads)."""
    with ir.Context():
        original = ir.Module.parse(generate_llama(SIX, "scan"))
        streamed = ir.Module.parse(generate_llama(SIX, "scan"))
        build_pass_manager(
            f"cache-stream-loop-slices{{distance=2{options}}}, cache-verify-schedule"
        ).run(streamed.operation)
        text = str(streamed)
        # The peeled first iteration's, the prologue's two and the kernel's.
        assert text.count("cache.prefetch") == 4 * len(STACKED)
        assert text.count("!cache.token") >= len(STACKED)
        expected = _run(original, SIX, "scan", target)
        got = _run(streamed, SIX, "scan", target)
    assert np.array_equal(got, expected)


def test_a_carried_token_left_unwaited_is_caught_on_the_emulated_gpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With copies slowed down, the two-ahead scan whose iterations no
    longer wait for the carried tokens (the slices they use next) gives
    wrong results on the emulated GPU, and the verifier refuses it; the
    correct schedule matches."""
    monkeypatch.setenv("HYPEROFFLOAD_MGPU_COPY_DELAY_US", "20000")
    with ir.Context():
        original = ir.Module.parse(generate_llama(SIX, "scan"))
        expected = _run(original, SIX, "scan")
        streamed = ir.Module.parse(generate_llama(SIX, "scan"))
        build_pass_manager("cache-stream-loop-slices{distance=2}").run(streamed.operation)
        loop = next(
            op
            for op in streamed.body.operations[0].operation.regions[0].blocks[0].operations
            if op.operation.name == "scf.for"
        )
        body = loop.operation.regions[0].blocks[0]
        waits = [
            op
            for op in body.operations
            if op.operation.name == "cache.wait" and isinstance(op.operands[0].owner, ir.Block)
        ]
        assert len(waits) == len(STACKED)
        correct = _run(ir.Module.parse(str(streamed)), SIX, "scan", "gpu")
        for wait in waits:
            wait.operation.erase()
        broken = str(streamed)
        assert main_verifies(broken) is False
        wrong = _run(ir.Module.parse(broken), SIX, "scan", "gpu")
    assert np.array_equal(correct, expected)
    assert not np.array_equal(wrong, expected)


def main_verifies(text: str) -> bool:
    """Whether ``cache-verify-schedule`` accepts the module ``text``."""
    module = ir.Module.parse(text)
    try:
        build_pass_manager("cache-verify-schedule").run(module.operation)
    except ir.MLIRError:
        return False
    return True


def test_only_two_layers_of_weights_are_held() -> None:
    with ir.Context():
        module = ir.Module.parse(generate_llama(TINY, "scan"))
        function = module.body.operations[0].operation
        before = BufferLiveness(function).peak_bytes
        build_pass_manager("cache-stream-loop-slices").run(module.operation)
        after = BufferLiveness(module.body.operations[0].operation).peak_bytes
    h, i, c = TINY.hidden, TINY.intermediate, TINY.context
    layer = 4 * (2 * h + 4 * h * h + 2 * h * c + 3 * h * i)
    # Every layer's weights before; two layers' (the slices in flight) and
    # the activations after.
    assert before >= TINY.layers * layer
    assert 2 * layer <= after <= before - (TINY.layers - 2) * layer


def test_the_offload_pipeline_streams_and_plans_the_rest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "scan.mlir"
    source.write_text(generate_llama(TINY, "scan"))
    out, report = tmp_path / "out.mlir", tmp_path / "report.json"
    # Kept a loop (unrolled fully, the tiny scan meets the budget faster).
    pipeline = "--hyper-offload-pipeline=budget=70% hw=gh200 unroll-full-threshold=0"
    arguments = [str(source), pipeline, "-o", str(out)]
    assert main([*arguments, f"--report={report}"]) == 0
    plan = json.loads(report.read_text())["functions"][0]["plan"]
    assert plan["saved_by_streaming_bytes"] > 0
    assert plan["peak_after_bytes"] <= plan["budget_bytes"]
    with ir.Context():
        expected = _run(ir.Module.parse(generate_llama(TINY, "scan")), TINY, "scan")
        got = _run(ir.Module.parse(out.read_text()), TINY, "scan")
    assert np.array_equal(got, expected)


def test_max_slowdown_keeps_weights_whole_where_streaming_is_exposed() -> None:
    # Decoding tiny layers: each slice's copy is far longer than its layer.
    with ir.Context():
        module = ir.Module.parse(generate_llama(TINY, "scan"))
        pm = build_pass_manager("hyper-offload-pipeline{max-slowdown=1% hw=gh200}")
        with collect_instances() as ran:
            pm.run(module.operation)
        (statistics,) = ran[0].statistics.values()
    assert statistics["saved_by_streaming_bytes"] == 0
    assert statistics["slowdown"] <= 0.01


def test_max_slowdown_streams_where_the_copies_hide() -> None:
    # Prefill: each layer's compute outlasts the copy of the next layer's
    # weights; what is exposed is the first layer's copy (nothing runs
    # before the loop), about a sixteenth of the time here.
    config = dataclasses.replace(
        LlamaConfig.preset("7b"), layers=16, hidden=1024, intermediate=2816, tokens=2048
    )
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        pm = build_pass_manager("hyper-offload-pipeline{max-slowdown=10% hw=gh200}")
        with collect_instances() as ran:
            pm.run(module.operation)
        (statistics,) = ran[0].statistics.values()
    assert statistics["saved_by_streaming_bytes"] > 0
    assert statistics["peak_after_bytes"] < statistics["peak_before_bytes"] / 2
    assert statistics["slowdown"] <= 0.10


JAX_SCAN = """
func.func @scan(%w: tensor<5x32x32xf32>, %x: tensor<4x32xf32>) -> tensor<4x32xf32> {
  %c0 = arith.constant 0 : i32
  %c5 = arith.constant 5 : i32
  %c1 = arith.constant 1 : i32
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c5 step %c1 iter_args(%h = %x) -> (tensor<4x32xf32>) : i32 {
    %j = arith.index_cast %i : i32 to index
    %s = tensor.extract_slice %w[%j, 0, 0] [1, 32, 32] [1, 1, 1]
        : tensor<5x32x32xf32> to tensor<32x32xf32>
    %e = tensor.empty() : tensor<4x32xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x32xf32>) -> tensor<4x32xf32>
    %m = linalg.matmul ins(%h, %s : tensor<4x32xf32>, tensor<32x32xf32>)
        outs(%f : tensor<4x32xf32>) -> tensor<4x32xf32>
    scf.yield %m : tensor<4x32xf32>
  }
  return %r : tensor<4x32xf32>
}
"""


def _stacked_and_input(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Five stacked 32x32 layers and a 4x32 input, at ``seed``."""
    rng = np.random.default_rng(seed)
    w = (rng.standard_normal((5, 32, 32)) * 0.2).astype(np.float32)
    return w, rng.standard_normal((4, 32)).astype(np.float32)


def _bufferized_and_offloaded(text: str, options: str) -> tuple[ir.Module, ir.Module]:
    """``text`` through hyper-bufferize-pipeline, and through it then
    hyper-offload-pipeline with ``options``."""
    original = ir.Module.parse(text)
    build_pass_manager("hyper-bufferize-pipeline").run(original.operation)
    offloaded = ir.Module.parse(text)
    build_pass_manager(f"hyper-bufferize-pipeline, hyper-offload-pipeline{{{options}}}").run(
        offloaded.operation
    )
    return original, offloaded


@pytest.mark.parametrize(
    "peel", ["0", "1", "0 loop-streaming=in-place", "0 loop-streaming=two-ahead"]
)
@pytest.mark.parametrize("target", ["cpu", "gpu"])
def test_a_jax_scan_on_tensors_bufferizes_streams_and_matches(target: str, peel: str) -> None:
    """lax.scan's form (an i32 loop, the state a tensor iteration argument,
    each layer a tensor.extract_slice of the stacked weights) through
    hyper-bufferize-pipeline, then offloaded: its weights stream through
    the loop (pipelined as given, one iteration ahead, in place or not, or
    two; or with the first iteration peeled off, its slice a parameter of
    its own) and it computes what the bufferized program computes, from the same
    arguments."""
    w, x = _stacked_and_input(1)
    with ir.Context():
        original, offloaded = _bufferized_and_offloaded(
            JAX_SCAN, f"budget=60% hw=gh200 peel-iterations={peel}"
        )
        text = str(offloaded)
        assert "#cache.remote" in text
        if peel.startswith("0"):
            assert "iter_args" in text and "cache.slices" not in text
            # Each pipelined form carries the next slice's token.
            assert "!cache.token" in text
        else:
            assert "cache.slices = array<i64: 0, 1, 4>" in text
        expected = np.zeros((4, 32), np.float32)
        run_function(original, "scan", [w, x.copy(), expected], target=target)
        got = np.zeros((4, 32), np.float32)
        run_function(offloaded, "scan", [w, x.copy(), got], target=target)
    assert np.any(expected != 0)
    assert np.array_equal(got, expected)


JAX_WHILE = """
func.func @loop(%w: tensor<5x32x32xf32>, %x: tensor<4x32xf32>, %n: tensor<i32>)
    -> tensor<4x32xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1_i32 = arith.constant 1 : i32
  %zero = arith.constant 0.0 : f32
  %start = arith.constant dense<0> : tensor<i32>
  %r:2 = scf.while (%i = %start, %h = %x)
      : (tensor<i32>, tensor<4x32xf32>) -> (tensor<i32>, tensor<4x32xf32>) {
    %a = tensor.extract %i[] : tensor<i32>
    %b = tensor.extract %n[] : tensor<i32>
    %go = arith.cmpi slt, %a, %b : i32
    scf.condition(%go) %i, %h : tensor<i32>, tensor<4x32xf32>
  } do {
  ^bb0(%i: tensor<i32>, %h: tensor<4x32xf32>):
    %a = tensor.extract %i[] : tensor<i32>
    %k = arith.index_cast %a : i32 to index
    %lo = arith.maxsi %k, %c0 : index
    %j = arith.minsi %lo, %c4 : index
    %s = tensor.extract_slice %w[%j, 0, 0] [1, 32, 32] [1, 1, 1]
        : tensor<5x32x32xf32> to tensor<32x32xf32>
    %e = tensor.empty() : tensor<4x32xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x32xf32>) -> tensor<4x32xf32>
    %m = linalg.matmul ins(%h, %s : tensor<4x32xf32>, tensor<32x32xf32>)
        outs(%f : tensor<4x32xf32>) -> tensor<4x32xf32>
    %next = arith.addi %a, %c1_i32 : i32
    %t = tensor.from_elements %next : tensor<i32>
    scf.yield %t, %m : tensor<i32>, tensor<4x32xf32>
  }
  return %r#1 : tensor<4x32xf32>
}
"""


@pytest.mark.parametrize("form", ["pipelined", "in-place"])
@pytest.mark.parametrize("peel", ["0", "1"])
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_a_while_loop_counting_to_an_input_is_pipelined_behind_a_guard(
    target: str, peel: str, form: str
) -> None:
    """lax.while_loop's form, the layer count an input: the counted while
    loop becomes an scf.for to the count (cache-uplift-loop-counters), its
    trip count known only at run time. Pipelined, it runs in an scf.if on
    the count reaching two iterations past the peeled ones (the
    pipeliner's peeled first iteration, prologue and epilogue then each
    run a real iteration), a copy fetching in each iteration in the else
    region; the kernel's bound is the given bound less the iterations
    outside it. With an iteration peeled off (cache-peel-loop-slices), it
    runs where the count reaches it, its slice a parameter of its own, and
    in the guard's then region before the loop, unconditionally. For every
    count from 0 to past the stacked rows (JAX clamps the index) the
    program computes what the bufferized one does, bit for bit, each slice
    prefetched into the memory of the one before or not."""
    w, x = _stacked_and_input(2)
    with ir.Context():
        original, offloaded = _bufferized_and_offloaded(
            JAX_WHILE,
            f"budget=60% hw=gh200 trip-count-bound=5 loop-streaming={form} peel-iterations={peel}",
        )
        text = str(offloaded)
        assert "scf.while" not in text and "arith.cmpi sgt" in text and "iter_args" in text
        # The guard, and in its else region the peeled iteration's own.
        assert text.count("scf.if") == 1 + int(peel)
        assert f"cache.trip_count_bound = {3 - int(peel)}" in text
        assert "cache.trip_count_bound = 1" in text
        assert ("cache.slices" in text) == (peel == "1")
        main = function_named(offloaded.operation, "loop")
        assert check_schedule(main) == []
        assert _native.remote_accesses(offloaded.operation) == []
        for count in (0, 1, 2, 3, 5, 7):
            n = np.array(count, np.int32)
            expected = np.zeros((4, 32), np.float32)
            run_function(original, "loop", [w, x.copy(), n, expected], target=target)
            got = np.zeros((4, 32), np.float32)
            run_function(offloaded, "loop", [w, x.copy(), n, got], target=target)
            assert np.array_equal(got, expected), count
    assert np.any(expected != 0)


def test_the_generator_command_line_prints_either_form(capsys: pytest.CaptureFixture[str]) -> None:
    from hyperoffload.workloads.__main__ import main as generate

    assert generate(["--layers", "3", "--form", "scan"]) == 0
    scan = capsys.readouterr().out
    assert generate(["--layers", "3"]) == 0
    straight = capsys.readouterr().out
    assert "scf.for %l = %c0 to %layers step %c1" in scan and "scf.for" not in straight
    assert "%wq: memref<3x256x256xf16>" in scan and "%wq_2: memref<256x256xf16>" in straight
    with ir.Context():
        ir.Module.parse(scan)
    with pytest.raises(SystemExit):
        generate(["--preset", "moe", "--form", "scan"])
    assert "--form scan has dense MLPs only" in capsys.readouterr().err


def _forms_planned(mode: str, figure: str) -> tuple[dict[str, float], dict[str, str]]:
    """Per loop-streaming form, ``figure`` of a 4-layer scan offloaded in
    ``mode`` (kept a loop, no iteration peeled: a peeled plan is kept
    only where it is better by a margin) and whether its loop carries a
    slice (pipelined) or not."""
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=4, tokens=2048, context=2048)
    text = generate_llama(config, "scan")
    figures: dict[str, float] = {}
    loops: dict[str, str] = {}
    for form in ("pipelined", "per-iteration", "per-weight", "auto"):
        with ir.Context():
            module = ir.Module.parse(text)
            options = f"{mode} hw=gh200 loop-streaming={form} peel-iterations=0"
            with collect_instances() as ran:
                build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(module.operation)
            figures[form] = ran[0].statistics[entry_name(config)][figure]
            loops[form] = "iter_args" if "iter_args(" in str(module) else "plain"
    return figures, loops


@pytest.mark.parametrize(
    ("mode", "figure"),
    [("max-slowdown=1%", "peak_after_bytes"), ("budget=60%", "makespan_after_s")],
)
def test_auto_keeps_the_better_loop_form(mode: str, figure: str) -> None:
    """loop-streaming=auto plans the scan pipelined, per iteration and per
    weight and applies the best: under max-slowdown the smallest peak,
    under a budget (all meet it) the shortest time; never worse than any
    form asked for by name, and the IR is that form's (a pipelined loop
    carries the next slice's device copy; per iteration, nothing)."""
    figures, loops = _forms_planned(mode, figure)
    forms = ("pipelined", "per-iteration", "per-weight")
    assert len({figures[f] for f in forms}) > 1  # the choice matters here
    assert figures["auto"] == min(figures[f] for f in forms)
    assert loops["per-iteration"] == "plain"
    best = min(forms, key=lambda f: (figures[f], forms.index(f)))
    assert loops["auto"] == loops[best]


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_per_weight_streaming_computes_the_same_bits(target: str) -> None:
    """loop-streaming=per-weight on the 4-layer scan within 1% at 7B
    shapes streams some kinds one iteration ahead and the others in each
    iteration (checked on the statistics of the same plan at full size);
    the tiny twin, streamed with that choice, computes bit for bit what it
    did."""
    from hyperoffload.transforms.stream_loop_slices import stream_function

    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=4, tokens=2048, context=2048)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        options = (
            "max-slowdown=1% hw=gh200 loop-streaming=per-weight unroll-full-threshold=0 remarks"
        )
        with collect_instances() as ran:
            build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(module.operation)
        statistics = ran[0].statistics[entry_name(config)]
    ahead = {int(name.removeprefix("%arg")) for name in statistics["streamed_ahead"]}
    assert statistics["loop_streaming"] == "per-weight"
    assert ahead and statistics["saved_by_streaming_bytes"] > 0
    with ir.Context():
        original = ir.Module.parse(generate_llama(TINY, "scan"))
        tiny = ir.Module.parse(generate_llama(TINY, "scan"))
        stream_function(tiny.body.operations[0].operation, None, ahead)
        build_pass_manager("cache-verify-schedule").run(tiny.operation)
        assert _native.remote_accesses(tiny.operation) == []
        text = str(tiny)
        assert "iter_args" in text
        expected = _run(original, TINY, "scan", target)
        got = _run(tiny, TINY, "scan", target)
    assert np.array_equal(got, expected)


def test_the_form_auto_applies_is_the_trial_planned_on_a_copy() -> None:
    """loop-streaming=auto applies the best trial's module as it was
    planned (not planned again): the output is the one the form asked for
    by name gives, the module keeps its name and attributes, and the
    trial's remarks come out once."""
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=4, tokens=2048, context=2048)
    text = generate_llama(config, "scan")
    outputs: dict[str, str] = {}
    remarks: dict[str, list[str]] = {}
    for form in ("per-weight", "auto"):
        seen: list[str] = []
        remarks[form] = seen

        def record(diagnostic: ir.Diagnostic, seen: list[str] = seen) -> bool:
            seen.append(str(diagnostic.message))
            return True

        with ir.Context() as context:
            context.attach_diagnostic_handler(record)
            module = ir.Module.parse(text)
            module.operation.attributes["sym_name"] = ir.StringAttr.get("scan")
            module.operation.attributes["test.kept"] = ir.IntegerAttr.get(
                ir.IntegerType.get_signless(32), 7
            )
            options = f"max-slowdown=1% hw=gh200 loop-streaming={form} remarks"
            build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(module.operation)
            outputs[form] = str(module)
    assert outputs["auto"] == outputs["per-weight"]
    assert "module @scan attributes {test.kept = 7 : i32} {" in outputs["auto"]
    assert remarks["auto"] == remarks["per-weight"]
