"""Differential execution on the CPU: programs after the offload pipeline
(and cache-lower-to-cpu) compute bit for bit what the originals compute."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hyperoffload.runtime import ExecutionError, run_function
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

TESTS = Path(__file__).resolve().parents[1]
UNIT = str(TESTS / "Inputs" / "unit.toml")


def _arguments(module: ir.Module, name: str, seed: int) -> list[np.ndarray]:
    function = next(
        op.operation for op in module.body.operations if op.operation.name == "func.func"
    )
    assert ir.StringAttr(function.attributes["sym_name"]).value == name
    rng = np.random.default_rng(seed)
    arrays = []
    for argument in function.regions[0].blocks[0].arguments:
        type_ = ir.MemRefType(argument.type)
        dtype = {"f16": np.float16, "f32": np.float32}[str(type_.element_type)]
        arrays.append((rng.standard_normal(list(type_.shape)) * 0.1).astype(dtype))
    return arrays


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
@pytest.mark.parametrize("budget", ["60%", "35%"])
def test_offloaded_llama_matches_the_original_bit_for_bit(budget: str, target: str) -> None:
    config = dataclasses.replace(
        LlamaConfig(), layers=2, hidden=64, intermediate=128, tokens=4, context=16
    )
    text = generate_llama(config)
    name = "llama_2l_64h_4t"
    with ir.Context():
        original = ir.Module.parse(text)
        expected = _arguments(original, name, seed=7)
        run_function(original, name, expected)
        offloaded = ir.Module.parse(text)
        pipeline = f"hyper-offload-pipeline{{budget={budget} hw=gh200}}"
        build_pass_manager(pipeline).run(offloaded.operation)
        assert "cache.prefetch" in str(offloaded)
        actual = _arguments(offloaded, name, seed=7)
        run_function(offloaded, name, actual, target=target)
    assert np.isfinite(expected[-1]).all()
    for want, got in zip(expected, actual, strict=True):
        assert np.array_equal(want.view(np.uint16), got.view(np.uint16))


ACTIVATION = (TESTS / "Transforms" / "plan-offload.mlir").read_text().split("// -----")[1]


def _run_activation(text: str) -> np.ndarray:
    with ir.Context():
        module = ir.Module.parse(text)
        x = np.zeros(1000, dtype=np.float32)
        o = np.zeros(250, dtype=np.float32)
        run_function(module, "activation", [x, o, 2.5])
    return o


def test_a_write_back_schedule_matches_and_a_broken_one_is_caught() -> None:
    with ir.Context():
        module = ir.Module.parse(ACTIVATION)
        build_pass_manager(f"cache-plan-offload{{budget=6000 hw={UNIT}}}").run(module.operation)
        planned = str(module)
    assert "cache.evict" in planned and " to " in planned
    expected = _run_activation(ACTIVATION)
    assert (expected == 2.5).all()
    assert np.array_equal(_run_activation(planned), expected)
    # Drop the write-back: the activation comes back from a pool buffer that
    # was never written.
    start = planned.index("cache.evict")
    line_end = planned.index("\n", start)
    line = planned[start:line_end]
    buffer = line.split()[1]
    broken = planned[:start] + f"cache.evict {buffer} : memref<250xf32>" + planned[line_end:]
    assert not np.array_equal(_run_activation(broken), expected)


def test_bad_arguments_are_refused_before_running() -> None:
    text = (
        "func.func @f(%a: memref<4xf32>, %s: f32) {\n"
        "  linalg.fill ins(%s : f32) outs(%a : memref<4xf32>)\n  return\n}\n"
    )
    with ir.Context():
        module = ir.Module.parse(text)
        good = np.zeros(4, dtype=np.float32)
        run_function(module, "f", [good, 1.5])
        assert (good == 1.5).all()
        with pytest.raises(ExecutionError, match="takes 2 arguments, got 1"):
            run_function(module, "f", [good])
        with pytest.raises(ExecutionError, match="expected a numpy array of float32"):
            run_function(module, "f", [np.zeros(4, dtype=np.float64), 1.5])
        with pytest.raises(ExecutionError, match=r"expected shape \[4\]"):
            run_function(module, "f", [np.zeros(5, dtype=np.float32), 1.5])
        with pytest.raises(ExecutionError, match="no function @g"):
            run_function(module, "g", [])


@pytest.mark.parametrize("element", ["i1", "i2", "i7"])
def test_sub_byte_memrefs_are_refused_before_they_abort_lowering(element: str) -> None:
    text = (
        f"func.func @b(%a: memref<8x{element}>, %o: memref<8x{element}>) {{\n"
        f"  linalg.copy ins(%a : memref<8x{element}>) outs(%o : memref<8x{element}>)\n"
        "  return\n}\n"
    )
    with ir.Context():
        module = ir.Module.parse(text)
        with pytest.raises(ExecutionError, match="narrower than 8 bits abort upstream"):
            run_function(module, "b", [np.zeros(8, dtype=np.int8), np.zeros(8, dtype=np.int8)])


def test_a_missing_wait_is_caught_on_the_emulated_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """With copies slowed down, reading a prefetched buffer before its wait
    (the wait removed from a correct schedule) gives wrong results; the
    correct schedule still matches."""
    config = dataclasses.replace(
        LlamaConfig(), layers=2, hidden=64, intermediate=128, tokens=4, context=16
    )
    text = generate_llama(config)
    name = "llama_2l_64h_4t"
    monkeypatch.setenv("HYPEROFFLOAD_MGPU_COPY_DELAY_US", "20000")
    with ir.Context():
        original = ir.Module.parse(text)
        expected = _arguments(original, name, seed=3)
        run_function(original, name, expected)
        offloaded = ir.Module.parse(text)
        build_pass_manager("hyper-offload-pipeline{budget=35% hw=gh200}").run(offloaded.operation)
        scheduled = str(offloaded)
        start = scheduled.index("cache.wait")
        broken = scheduled[:start] + scheduled[scheduled.index("\n", start) :]
        for source, should_match in ((scheduled, True), (broken, False)):
            actual = _arguments(original, name, seed=3)
            run_function(ir.Module.parse(source), name, actual, target="gpu")
            assert np.array_equal(expected[-1].view(np.uint16), actual[-1].view(np.uint16)) is (
                should_match
            )


PRINTING = """
func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func @prints(%a: memref<4xf32>) {
  %u = memref.cast %a : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %c0 = arith.constant 0 : index
  %v = vector.load %a[%c0] : memref<4xf32>, vector<4xf32>
  vector.print %v : vector<4xf32>
  return
}
"""


@pytest.mark.parametrize("guard_pool", [False, True])
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_programs_that_print_run_as_mlir_runner_runs_them(
    target: str, guard_pool: bool, capfd: pytest.CaptureFixture[str]
) -> None:
    """printMemrefF32 (the C++ runner utils) and vector.print (lowered to
    the C runner utils' printF32) both run, and print what mlir-runner
    prints, whatever context is current."""
    with ir.Context():
        module = ir.Module.parse(PRINTING)
    run_function(
        module, "prints", [np.arange(4, dtype=np.float32)], target=target, guard_pool=guard_pool
    )
    printed = capfd.readouterr().out
    assert "rank = 1 offset = 0 sizes = [4] strides = [1] data = \n[0,  1,  2,  3]" in printed
    assert "( 0, 1, 2, 3 )" in printed


def test_a_call_to_a_missing_function_is_an_execution_error() -> None:
    with ir.Context():
        module = ir.Module.parse(
            "func.func private @nowhere(memref<4xf32>)\n"
            "func.func @calls(%a: memref<4xf32>) {\n"
            "  call @nowhere(%a) : (memref<4xf32>) -> ()\n"
            "  return\n"
            "}\n"
        )
    with pytest.raises(ExecutionError, match=r"cannot call @calls: .*defined nowhere"):
        run_function(module, "calls", [np.zeros(4, dtype=np.float32)], guard_pool=False)


BRANCHES = """
func.func @diamond(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>, %n: index) {
  %zero = arith.constant 0 : index
  %c = arith.cmpi sgt, %n, %zero : index
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  cf.cond_br %c, ^left, ^right
^left:
  linalg.add ins(%x, %x : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  cf.br ^join
^right:
  linalg.mul ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  cf.br ^join
^join:
  linalg.add ins(%o, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
"""


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
@pytest.mark.parametrize("taken", [0, 1])
def test_lifted_branches_offloaded_match_the_original(target: str, taken: int) -> None:
    """A cf diamond, lifted to scf.if and offloaded under a budget, computes
    bit for bit what it computed before, down either branch."""
    rng = np.random.default_rng(taken)
    inputs = [rng.standard_normal(256).astype(np.float32) for _ in range(2)]
    with ir.Context():
        original = ir.Module.parse(BRANCHES)
        offloaded = ir.Module.parse(BRANCHES)
        build_pass_manager(f"hyper-offload-pipeline{{budget=2KiB hw={UNIT}}}").run(
            offloaded.operation
        )
        assert "cache.prefetch" in str(offloaded) and "cf.cond_br" not in str(offloaded)
        expected = np.zeros(256, dtype=np.float32)
        run_function(original, "diamond", [*inputs, expected, taken], target=target)
        got = np.zeros(256, dtype=np.float32)
        run_function(offloaded, "diamond", [*inputs, got, taken], target=target)
    assert np.array_equal(got, expected)


WAITED_TWICE = """
func.func @twice(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
  %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
  cache.wait %t
  cache.wait %t
  linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
  %e = cache.evict %d [%t] : memref<64xf32>
  return
}
"""


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_a_token_waited_twice_runs_on_every_target(target: str) -> None:
    """Waiting twice for a copy (valid: the second wait covers nothing
    more) synchronised its stream twice on the GPU, destroying it twice
    (the emulated runtime aborted); the copy is now waited once."""
    with ir.Context():
        module = ir.Module.parse(WAITED_TWICE)
        weights = np.arange(64, dtype=np.float32)
        out = np.zeros(64, dtype=np.float32)
        run_function(module, "twice", [weights, out], target=target)
    assert np.array_equal(out, weights)
