"""The committed torch-mlir exports (examples/torch): bufferization through
``hyper-bufferize-pipeline``, offloading their constant weights, and running
them on the CPU against the output torch computed at export time."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.ir_utils import function_named, walk_preorder
from hyperoffload.runtime import PoolAccessError, run_function
from hyperoffload.transforms import build_pass_manager
from hyperoffload.transforms.registry import BUFFERIZE_PIPELINE
from mlir import ir

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "torch"
MODELS = ["llama-tiny", "gpt-tiny", "gpt2-tiny", "moe-tiny"]


def _reference(model: str) -> dict[str, object]:
    return json.loads((EXAMPLE / f"{model}.reference.json").read_text())


def _bufferized(model: str) -> ir.Module:
    module = ir.Module.parse((EXAMPLE / f"{model}.linalg.mlir").read_text())
    build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
    return module


def _run(model: str, module: ir.Module, target: str = "cpu") -> np.ndarray:
    reference = _reference(model)
    inputs = np.array(reference["input"])
    inputs = inputs.astype(np.int64 if inputs.dtype.kind == "i" else np.float32)
    out = np.zeros(np.array(reference["output"]).shape, dtype=np.float32)
    run_function(module, str(reference["function"]), [inputs, out], target=target)
    return out


def test_bufferized_llama_is_what_the_planner_reads() -> None:
    with ir.Context():
        module = _bufferized("llama-tiny")
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


def test_boolean_reductions_of_gpt_attention_become_bytes() -> None:
    with ir.Context():
        text = (EXAMPLE / "gpt-tiny.linalg.mlir").read_text()
        assert "xi1>" in text  # torch-mlir's attention reduces booleans
        bufferized = str(_bufferized("gpt-tiny"))
    assert "xi1>" not in bufferized
    assert "memref<1x2x8x1xi8>" in bufferized
    assert "arith.trunci" in bufferized and "arith.extui" in bufferized


@pytest.mark.parametrize("model", MODELS)
def test_bufferized_export_computes_what_torch_computed(model: str) -> None:
    with ir.Context():
        got = _run(model, _bufferized(model))
    want = np.array(_reference(model)["output"], dtype=np.float32)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_offloaded_export_matches_bit_for_bit(model: str, target: str) -> None:
    with ir.Context():
        original = _run(model, _bufferized(model))
        module = _bufferized(model)
        options = "{budget=75% hw=gh200}"
        build_pass_manager(f"hyper-offload-pipeline{options}, cache-verify-schedule{options}").run(
            module.operation
        )
        text = str(module)
        assert text.count("cache.prefetch") >= 4
        assert _native.remote_accesses(module.operation) == []
        assert (
            'memref.global "private" constant' in text and "#cache.remote> = dense_resource" in text
        )
        offloaded = _run(model, module, target)
    assert np.array_equal(original.view(np.uint32), offloaded.view(np.uint32))


TABLE = "__constant_64x32xf32_17"  # gpt-tiny's token embedding


def _table_offloaded() -> ir.Module:
    """gpt-tiny with its embedding table offloaded by its policy."""
    module = _bufferized("gpt-tiny")
    table = next(
        op.operation
        for op in module.body.operations
        if op.operation.name == "memref.global"
        and ir.StringAttr(op.operation.attributes["sym_name"]).value == TABLE
    )
    table.attributes["cache.policy"] = ir.StringAttr.get("offload")
    build_pass_manager("hyper-offload-pipeline{budget=100% hw=gh200}").run(module.operation)
    return module


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_embedding_gather_reads_the_device_copy(target: str) -> None:
    """GPT's token embedding is a ``memref.load`` in a ``linalg.generic``
    payload from the table captured from above. Moved to the pool (by its
    policy): it is prefetched before the gather, the payload loads from
    the device copy, nothing anywhere in the module touches the pool, and
    the program computes bit for bit what the bufferized one does."""
    with ir.Context():
        original = _run("gpt-tiny", _bufferized("gpt-tiny"))
        module = _table_offloaded()
        text = str(module)
        assert f"memref.get_global @{TABLE} : memref<64x32xf32, #cache.remote>" in text
        loads = [
            op
            for op in walk_preorder(function_named(module.operation, "forward"))
            if op.name == "memref.load"
        ]
        assert len(loads) == 1
        source = loads[0].operands[0].owner
        assert source.operation.name == "cache.prefetch"
        assert _native.remote_accesses(module.operation) == []
        offloaded = _run("gpt-tiny", module, target)
    assert np.array_equal(original.view(np.uint32), offloaded.view(np.uint32))


def _gather_reading_the_pool() -> tuple[ir.Module, ir.Operation]:
    """The bug the gather had: the payload's load left on the pool table
    (the offloaded module with the load rewired to it), and the load."""
    module = _table_offloaded()
    function = function_named(module.operation, "forward")
    ops = list(walk_preorder(function))
    load = next(op for op in ops if op.name == "memref.load")
    pool = next(
        op for op in ops if op.name == "memref.get_global" and TABLE in str(op.attributes["name"])
    )
    load.operands[0] = pool.results[0]
    return module, load


def test_verifier_reports_a_payload_reading_the_pool() -> None:
    """The gather bug is caught at the load, with its location."""
    with ir.Context():
        module, load = _gather_reading_the_pool()
        violations = check_schedule(function_named(module.operation, "forward"))
    assert [v.location for v in violations] == [load.location]
    assert violations[0].message == (
        f"'memref.load' reads or writes @{TABLE}, which is in the "
        "#cache.remote memory space: prefetch it first"
    )


@pytest.mark.parametrize("model", MODELS)
def test_weight_transposes_fused_bit_for_bit(model: str) -> None:
    """Every nn.Linear's transpose of its weight is folded into the matmul's
    indexing map: no transposed copy of a global is left (there was at
    least one), the peak does not grow, and the numbers are bit for bit
    those of the program with the copies."""
    unfused = BUFFERIZE_PIPELINE.text.replace("cache-fuse-weight-transposes,", "")
    assert unfused != BUFFERIZE_PIPELINE.text

    def weight_transposes(module: ir.Module) -> tuple[int, int]:
        function = function_named(module.operation, "forward")
        liveness = BufferLiveness(function)
        globals_ = {b.name for b in liveness.buffers if b.kind == "global"}
        count = sum(
            1
            for op in walk_preorder(function)
            if op.name == "linalg.transpose"
            and {b.name for b in liveness.roots_of(op.operands[0])} & globals_
        )
        return count, liveness.peak_bytes

    with ir.Context():
        fused = _bufferized(model)
        plain = ir.Module.parse((EXAMPLE / f"{model}.linalg.mlir").read_text())
        build_pass_manager(unfused).run(plain.operation)
        (left, peak), (before, plain_peak) = weight_transposes(fused), weight_transposes(plain)
        assert left == 0 < before
        assert peak <= plain_peak
        want, got = _run(model, plain), _run(model, fused)
    assert np.array_equal(want.view(np.uint32), got.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_guarded_pool_catches_the_gather_bug(target: str) -> None:
    """Run, the gather bug reads the pool table: on the host it would compute
    the right numbers; the guarded pool faults and says so."""
    with ir.Context():
        module, _ = _gather_reading_the_pool()
        with pytest.raises(PoolAccessError, match=r"read or wrote #cache\.remote pool memory"):
            _run("gpt-tiny", module, target)


def test_real_size_export_moves_weights_and_activations() -> None:
    """A Qwen2-0.5B-shaped export at 2048 tokens (weights as arguments):
    within 1% simulated slowdown on GH200 the plan moves weights and
    activations (through the head-split views), ends below the last-use
    floor, and leaves no op touching the pool."""
    source = EXAMPLE / "shapes" / "qwen2-0.5b-l2-t2048.linalg.mlir"
    with ir.Context():
        module = ir.Module.parse(source.read_text())
        build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
        floor = BufferLiveness(function_named(module.operation, "forward")).peak_bytes
        build_pass_manager("hyper-offload-pipeline{max-slowdown=1% hw=gh200}").run(module.operation)
        function = function_named(module.operation, "forward")
        liveness = BufferLiveness(function)
        remote = [b for b in liveness.buffers if b.remote]
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(function) == []
    assert {b.kind for b in remote} >= {"argument", "alloc"}
    assert liveness.peak_bytes < floor
