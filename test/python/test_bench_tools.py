"""The benchmarks' baselines follow the pipelines they compare against, and the
forms bench bounds the scan form."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_forms  # noqa: E402
import bench_torch  # noqa: E402
import pytest  # noqa: E402
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


def test_the_forms_bench_bounds_the_scan_form(capsys: pytest.CaptureFixture[str]) -> None:
    """``tools/bench_forms.py --bounds``: per phase and slowdown, the
    straight form's integral bound with each weight kind's layers tied,
    and with them tied but for the first two layers', is no better than with
    every parameter free, the latter no worse than all tied, and the scan
    form's plan kept a loop (peeled or not) beats neither; the forms table
    has the scan both ways."""
    bench_forms.main(["--layers", "3", "--forms", "scan", "--bounds"])
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "max-slowdown" in line]
    bounds = [row for row in rows if row.count("|") == 10]
    assert len(bounds) == 6
    forms = [row for row in rows if row.count("|") == 12]
    assert sum("| scan |" in row for row in forms) == 6
    assert sum("| scan, kept a loop |" in row for row in forms) == 6
    for row in bounds:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        straight, free, scan, tied, peeled = (float(cells[i].rstrip("%")) for i in (2, 3, 4, 5, 6))
        assert tied <= peeled + 1e-9 <= free + 2e-9
        assert straight <= free + 0.05 and scan <= peeled + 0.05
