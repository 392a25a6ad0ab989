"""Calls: a ``func.call`` costs its callee's compute and holds its callee's
own memory while it runs (liveness, simulator, planner), and the calls form
of the workload generator (nested jit: one private ``@layer`` called per
layer) computes what the straight form does, before and after offloading,
on every runtime target."""

from __future__ import annotations

import numpy as np
import pytest
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.hardware import load_profile
from hyperoffload.runtime import run_function
from hyperoffload.sim.simulator import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from llama_arguments import llama_arguments
from mlir import ir
from mlir.passmanager import PassManager

TINY = LlamaConfig(layers=3, hidden=16, intermediate=24, context=8, tokens=2, dtype="f32")
ENTRY = "llama_3l_16h_2t"


def _run(module: ir.Module, target: str = "cpu") -> np.ndarray:
    arguments = llama_arguments(TINY, "calls")
    run_function(module, ENTRY, arguments, target=target)
    return arguments[-1]


def _function(module: ir.Module, name: str) -> ir.Operation:
    for op in module.body.operations:
        if ir.StringAttr(op.operation.attributes["sym_name"]).value == name:
            return op.operation
    raise KeyError(name)


def _inlined(module: ir.Module) -> ir.Module:
    copy = ir.Module.parse(str(module))
    PassManager.parse("builtin.module(inline)").run(copy.operation)
    return copy


def test_the_calls_form_computes_what_the_straight_form_does() -> None:
    with ir.Context():
        straight = _run(ir.Module.parse(generate_llama(TINY)))
        calls = _run(ir.Module.parse(generate_llama(TINY, "calls")))
    assert np.any(straight != 0)
    assert np.array_equal(straight, calls)


@pytest.mark.parametrize("hardware", ["gh200", "h100-pcie"])
def test_a_call_costs_and_holds_what_its_inlined_body_does(hardware: str) -> None:
    """The calls form with a 7B layer's shapes, simulated as it is, has the
    compute time and the peak of the same module with its calls inlined."""
    config = LlamaConfig(layers=3, hidden=512, intermediate=1376, context=256, tokens=64)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "calls"))
        inlined = _inlined(module)
        name = "llama_3l_512h_64t"
        as_calls = simulate(_function(module, name), load_profile(hardware))
        as_inlined = simulate(_function(inlined, name), load_profile(hardware))
        liveness = BufferLiveness(_function(module, name))
    assert as_calls.compute_s > 0
    assert as_calls.compute_s == pytest.approx(as_inlined.compute_s, rel=1e-12)
    assert as_calls.peak_bytes == as_inlined.peak_bytes
    assert liveness.peak_bytes == BufferLiveness(_function(inlined, name)).peak_bytes
    assert set(liveness.call_bytes) == set(liveness.order.call_positions())
    assert len(set(liveness.call_bytes.values())) == 1


def test_a_callee_taken_out_of_its_module_finds_its_callees_where_it_is_told() -> None:
    with ir.Context():
        module = ir.Module.parse(generate_llama(TINY, "calls"))
        function = _function(module, ENTRY)
        attached = BufferLiveness(function)
        detached = function.clone()
        alone = BufferLiveness(detached)
        told = BufferLiveness(detached, symbols=module.operation)
    assert attached.call_bytes and not alone.call_bytes
    assert told.call_bytes == attached.call_bytes
    assert told.peak_bytes == attached.peak_bytes > alone.peak_bytes


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_an_offloaded_calls_form_meets_its_budget_with_the_callee_counted(target: str) -> None:
    """Under a budget the caller's weights move around the calls; the
    budget holds for the whole program (checked on the output with its
    calls inlined) and the result is bit for bit the original's."""
    with ir.Context():
        original = ir.Module.parse(generate_llama(TINY, "calls"))
        expected = _run(original, target)
        offloaded = ir.Module.parse(generate_llama(TINY, "calls"))
        before = BufferLiveness(_function(offloaded, ENTRY)).peak_bytes
        budget = int(before * 0.7)
        pm = build_pass_manager(
            f"hyper-offload-pipeline{{budget={budget} functions={ENTRY} hw=h100-pcie "
            "inline-calls=false}"
        )
        pm.run(offloaded.operation)
        text = str(offloaded)
        assert "cache.prefetch" in text
        lowered = ir.Module.parse(text)
        # Held: a function of a module that is freed dangles.
        inlined = _inlined(offloaded)
        peak = simulate(_function(inlined, ENTRY), load_profile("h100-pcie")).peak_bytes
        got = _run(lowered, target)
    assert peak <= budget
    assert np.array_equal(got, expected)


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_calls_inlined_by_the_auto_choice_compute_what_the_original_does(target: str) -> None:
    """``inline-calls=auto`` (the default) plans the calls form inlined too
    and keeps that where it is faster under the budget: no call is left,
    the budget holds and the result is bit for bit the original's."""
    with ir.Context():
        original = ir.Module.parse(generate_llama(TINY, "calls"))
        expected = _run(original, target)
        offloaded = ir.Module.parse(generate_llama(TINY, "calls"))
        # A percentage: @layer is part of the program, not planned alone.
        budget = int(BufferLiveness(_function(offloaded, ENTRY)).peak_bytes * 0.7)
        pm = build_pass_manager("hyper-offload-pipeline{budget=70% hw=h100-pcie}")
        pm.run(offloaded.operation)
        text = str(offloaded)
        peak = simulate(_function(offloaded, ENTRY), load_profile("h100-pcie")).peak_bytes
        got = _run(ir.Module.parse(text), target)
    assert "func.call" not in text and "@layer" not in text
    assert "cache.prefetch" in text
    assert peak <= budget
    assert np.array_equal(got, expected)


_TWO_CALLERS = """
func.func private @helper(%x: memref<4xf32>) {
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%x : memref<4xf32>)
  return
}
func.func private @layer(%x: memref<4xf32>) {
  call @helper(%x) : (memref<4xf32>) -> ()
  return
}
func.func private @kept(%x: memref<4xf32>) {
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%x : memref<4xf32>)
  return
}
func.func private @rec(%x: memref<4xf32>) {
  call @rec(%x) : (memref<4xf32>) -> ()
  return
}
func.func @f(%x: memref<4xf32>) {
  call @layer(%x) : (memref<4xf32>) -> ()
  call @layer(%x) {no_inline} : (memref<4xf32>) -> ()
  call @kept(%x) : (memref<4xf32>) -> ()
  return
}
func.func @g(%x: memref<4xf32>) {
  call @layer(%x) : (memref<4xf32>) -> ()
  call @rec(%x) : (memref<4xf32>) -> ()
  return
}
"""


def _calls(function: ir.Operation) -> list[str]:
    from hyperoffload.ir_utils import walk_preorder

    return [
        f"{ir.FlatSymbolRefAttr(op.attributes['callee']).value}"
        + (" no_inline" if "no_inline" in op.attributes else "")
        for op in walk_preorder(function)
        if op.name == "func.call"
    ]


def test_inline_calls_in_inlines_one_function_s_calls_to_a_fixed_point() -> None:
    """Only the function's own calls are inlined, with the calls their
    bodies bring (``@layer``'s ``@helper``); a call the user marked
    ``no_inline``, a call of a function kept, and every call of another
    function stay; the module keeps no attribute of the run."""
    from hyperoffload.transforms.hyper_offload_pipeline import inlinable_calls, inline_calls_in

    with ir.Context():
        module = ir.Module.parse(_TWO_CALLERS)
        f, g = _function(module, "f"), _function(module, "g")
        assert len(inlinable_calls(f, ["kept"])) == 1
        assert inline_calls_in(f, ["kept"]) is None
        module.operation.verify()
        assert _calls(f) == ["layer no_inline", "kept"]
        assert _calls(g) == ["layer", "rec"]
        assert _calls(_function(module, "layer")) == ["helper"]
        assert "inline_barrier" not in str(module)
        assert inlinable_calls(f, ["kept"]) == []


def test_inline_calls_in_stops_at_a_recursive_call() -> None:
    """A recursive callee is inlined once: the call its body brings stays."""
    from hyperoffload.transforms.hyper_offload_pipeline import inline_calls_in

    with ir.Context():
        module = ir.Module.parse(_TWO_CALLERS)
        g = _function(module, "g")
        assert inline_calls_in(g) is None
        module.operation.verify()
        assert _calls(g) == ["rec"]
        assert _calls(_function(module, "rec")) == ["rec"]
        assert "inline_barrier" not in str(module)


def test_the_generator_command_line_prints_the_calls_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from hyperoffload.workloads.__main__ import main as generate

    assert generate(["--layers", "3", "--form", "calls"]) == 0
    text = capsys.readouterr().out
    assert text.count("func.call @layer(") == 3
    assert "func.func private @layer(%x: memref<1x256xf16>, %norm1_l: memref<256xf16>" in text
    with pytest.raises(SystemExit):
        generate(["--preset", "moe", "--form", "calls"])
    assert "--form calls has dense MLPs only" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "calls_left"), [(True, 0), (False, 3)])
def test_inline_calls_built_from_python_takes_a_bool(given: bool, calls_left: int) -> None:
    """The pass built in Python with a bool, as before ``inline-calls`` had
    ``auto``: True inlines every call first, False keeps them all."""
    from hyperoffload.transforms.hyper_offload_pipeline import HyperOffloadPipelinePass

    pipeline = HyperOffloadPipelinePass(
        max_slowdown="10%",
        hw="h100-pcie",
        inline_calls=given,  # type: ignore[arg-type]
    )
    with ir.Context():
        module = ir.Module.parse(generate_llama(TINY, "calls"))
        assert pipeline.run_on(module.operation)
        text = str(module)
    assert text.count("call @layer") == calls_left
