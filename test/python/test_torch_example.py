"""The committed torch-mlir export (examples/torch): upstream bufferization
through ``hyper-bufferize-pipeline``, offloading its constant weights, and
running it on the CPU against the output torch computed at export time."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.ir_utils import function_named
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager
from mlir import ir

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "torch"
MODEL = EXAMPLE / "llama-tiny.linalg.mlir"
REFERENCE = json.loads((EXAMPLE / "llama-tiny.reference.json").read_text())


def _bufferized() -> ir.Module:
    module = ir.Module.parse(MODEL.read_text())
    build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
    return module


def _run(module: ir.Module, target: str = "cpu") -> np.ndarray:
    x = np.array(REFERENCE["input"], dtype=np.float32)
    out = np.zeros_like(x)
    run_function(module, REFERENCE["function"], [x, out], target=target)
    return out


def test_bufferized_export_is_what_the_planner_reads() -> None:
    with ir.Context():
        module = _bufferized()
        text = str(module)
        assert "tensor<" not in text
        function = function_named(module.operation, "forward")
        assert str(function.attributes["function_type"]) == (
            "(memref<8x32xf32>, memref<8x32xf32>) -> ()"
        )
        liveness = BufferLiveness(function)
        globals_ = [b for b in liveness.buffers if b.kind == "global"]
        # 2 layers x (4 attention + 3 MLP weights + 2 norms), the final norm,
        # the cos/sin tables and the causal mask.
        assert len(globals_) == 2 * 9 + 1 + 3
        assert (
            sum(b.size for b in globals_)
            == 2 * (4 * 32 * 32 + 3 * 32 * 64 + 2 * 32) * 4 + (32 + 2 * 8 * 16 + 8 * 8) * 4
        )
        assert "i1>" not in text


def test_bufferized_export_computes_what_torch_computed() -> None:
    with ir.Context():
        got = _run(_bufferized())
    want = np.array(REFERENCE["output"], dtype=np.float32)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_offloaded_export_matches_bit_for_bit(target: str) -> None:
    with ir.Context():
        original = _run(_bufferized())
        module = _bufferized()
        options = "{budget=75% hw=gh200}"
        build_pass_manager(f"hyper-offload-pipeline{options}, cache-verify-schedule{options}").run(
            module.operation
        )
        text = str(module)
        assert text.count("cache.prefetch") >= 5
        assert (
            'memref.global "private" constant' in text and "#cache.remote> = dense_resource" in text
        )
        offloaded = _run(module, target)
    assert np.array_equal(original.view(np.uint32), offloaded.view(np.uint32))
