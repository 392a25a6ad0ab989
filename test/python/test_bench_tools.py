"""The benchmarks' baselines follow the pipelines they compare against."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_torch  # noqa: E402
from hyperoffload.transforms import build_pass_manager, pipeline_stages  # noqa: E402
from mlir import ir  # noqa: E402


def _passes(text: str) -> list[str]:
    """The pass names of pipeline ``text`` as upstream builds it, nested ones
    included (a registered pipeline is the passes it stands for)."""
    with ir.Context() as context:
        stages = pipeline_stages(build_pass_manager(text, context), context)
    return [name for stage in stages for name in stage.names() if "." not in name]


def test_the_unoptimised_baseline_is_upstream_bufferization_alone() -> None:
    """Without our steps that change the peak, and the floor adds only
    upstream's dealloc move: if the bufferize pipeline gains a step of ours,
    the benchmark must say what it is."""
    upstream, floor = bench_torch.baseline_pipelines()
    ours = {addition.rstrip(",") for addition in bench_torch.OURS}
    assert not ours & set(_passes(upstream))
    assert "one-shot-bufferize" in _passes(upstream)
    assert [p for p in _passes(floor) if p not in _passes(upstream)] == [
        "optimize-allocation-liveness"
    ]


def test_frontend_rows_compare_with_the_generator_at_the_same_sizes() -> None:
    """bench_frontends' generator column: the preset's layers, hidden and
    MLP sizes and experts, the step's tokens and cache."""
    import bench_frontends

    prefill = bench_frontends.generator_config("llama-3-8b", "prefill")
    assert (prefill.layers, prefill.hidden, prefill.intermediate) == (32, 4096, 14336)
    assert (prefill.tokens, prefill.experts) == (2048, 0)
    decode = bench_frontends.generator_config("mixtral-8x7b", "decode-32k")
    assert (decode.tokens, decode.context, decode.experts, decode.active_experts) == (
        1,
        32768,
        8,
        2,
    )
    assert bench_frontends.generator_config("qwen2-7b", "decode-4k").hidden == 3584
