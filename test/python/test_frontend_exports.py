"""The committed ``hyper-import`` exports (examples/hf): real transformers
model code for five families and a decode step, run through the pipelines
and executed against the output torch computed at export time. No torch
needed: the manifests hold the reference."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.ir_utils import function_named
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager
from mlir import ir

HF = Path(__file__).resolve().parents[2] / "examples" / "hf"
MODELS = ["llama-tiny", "qwen2-tiny", "mixtral-tiny", "gpt2-tiny", "bert-tiny", "llama-tiny-decode"]
DTYPES = {"int64": np.int64, "float32": np.float32}


def _manifest(model: str) -> dict[str, object]:
    return json.loads((HF / f"{model}.json").read_text())


def _bufferized(model: str) -> ir.Module:
    module = ir.Module.parse((HF / f"{model}.mlir").read_text())
    build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
    return module


def _run(model: str, module: ir.Module, target: str = "cpu") -> list[np.ndarray]:
    manifest = _manifest(model)
    reference = manifest["reference"]
    arguments = manifest["arguments"]
    inputs = [
        np.array(value, dtype=DTYPES[argument["dtype"]])
        for argument, value in zip(arguments, reference["inputs"], strict=False)
    ]
    outputs = [np.zeros(np.array(o).shape, dtype=np.float32) for o in reference["outputs"]]
    run_function(module, str(manifest["function"]), inputs + outputs, target=target)
    return outputs


def test_the_exports_are_small_and_say_what_made_them() -> None:
    for model in MODELS:
        manifest = _manifest(model)
        assert (HF / f"{model}.mlir").stat().st_size < 1_000_000
        assert manifest["weights"] == "constants"
        assert manifest["versions"]["torch"].startswith("2.13.0")
        assert manifest["versions"]["torch_mlir"] == "20261001"
        assert manifest["arguments"][0]["name"] == "input_ids"
    decode = _manifest("llama-tiny-decode")
    assert decode["mode"] == "decode"
    # ids, then each layer's past key and value: (batch, kv heads, 16 cached tokens, head dim).
    assert [a["name"] for a in decode["arguments"]] == [
        "input_ids",
        "past.0.key",
        "past.0.value",
        "past.1.key",
        "past.1.value",
    ]
    assert decode["arguments"][1]["shape"] == [1, 2, 16, 8]


@pytest.mark.parametrize("model", MODELS)
def test_bufferized_export_computes_what_torch_computed(model: str) -> None:
    with ir.Context():
        got = _run(model, _bufferized(model))
    want = _manifest(model)["reference"]["outputs"]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        np.testing.assert_allclose(g, np.array(w, dtype=np.float32), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_offloaded_export_matches_bit_for_bit(model: str, target: str) -> None:
    """At 60% of the peak, weights move to the pool; nothing touches the
    pool (and the runtime's pool faults if anything did), the schedule
    verifies, and every output is bit for bit the bufferized program's."""
    with ir.Context():
        want = _run(model, _bufferized(model))
        module = _bufferized(model)
        before = BufferLiveness(function_named(module.operation, "forward")).peak_bytes
        options = "{budget=60% hw=gh200}"
        build_pass_manager(f"hyper-offload-pipeline{options}").run(module.operation)
        function = function_named(module.operation, "forward")
        assert "cache.prefetch" in str(module)
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
        assert BufferLiveness(function).peak_bytes <= 0.6 * before
        got = _run(model, module, target)
    for g, w in zip(got, want, strict=True):
        assert np.array_equal(g.view(np.uint32), w.view(np.uint32))
