#!/usr/bin/env python3
"""Offload torch-mlir exports at real hidden sizes, against their floors and bounds.

    python tools/bench_torch.py                    # the committed exports, GH200 and Ascend
    python tools/bench_torch.py --hw gh200 FILE... # other exports (linalg-on-tensors)

For each export (examples/torch/shapes/: Qwen2-0.5B and SmolLM-135M decoder
layers, 512 and 2048 tokens, weights as arguments) and hardware profile it
prints, all measured in this run:

- *unoptimised*: the peak of the export bufferized by upstream passes alone
  (hyper-bufferize-pipeline without our additions), deallocs where
  ownership-based deallocation puts them (end of block);
- *last-use floor*: the same with each buffer freed after its last use
  (upstream optimize-allocation-liveness), the best any schedule does
  without moving data;
- *ours*: hyper-bufferize-pipeline (weight transposes fused, results
  copied out when final, dead buffers released) then
  `hyper-offload-pipeline{max-slowdown=1%}`: peak, simulated slowdown,
  what moved;
- *bounds*: the LP and integral bounds on the peak cut within 1%
  (hyperoffload.analysis.bounds) on the IR ours plans, and ours' cut as a
  share of the integral bound's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import hyperoffload  # noqa: F401
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import function_named
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.transforms.registry import BUFFERIZE_PIPELINE
from mlir import ir

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_offload import limits

SHAPES = Path(__file__).resolve().parents[1] / "examples" / "torch" / "shapes"
# Our steps in hyper-bufferize-pipeline that change the peak: without them
# it is upstream bufferization alone (our crash and i1 fixes stay).
OURS = (
    "cache-fuse-weight-transposes,",
    "cache-split-shared-constants,",
    "cache-hoist-result-copies,",
    "cache-release-dead-buffers,",
)


def baseline_pipelines() -> tuple[str, str]:
    """The unoptimised pipeline (upstream bufferization alone, deallocs at
    the end of the block) and the last-use floor's (the same, each buffer
    freed after its last use by upstream optimize-allocation-liveness)."""
    upstream = BUFFERIZE_PIPELINE.text
    for addition in OURS:
        if addition not in upstream:
            raise SystemExit(f"bench_torch: '{addition}' is no longer in the bufferize pipeline")
        upstream = upstream.replace(addition, "")
    floor = upstream.replace(",cache-widen", ",func.func(optimize-allocation-liveness),cache-widen")
    return upstream, floor


def _peak(text: str, pipeline: str) -> int:
    with ir.Context():
        module = ir.Module.parse(text)
        build_pass_manager(pipeline).run(module.operation)
        return BufferLiveness(function_named(module.operation, "forward")).peak_bytes


def measure(path: Path, hardware: str, slowdown: float) -> dict[str, object]:
    text = path.read_text()
    upstream, released = baseline_pipelines()
    unoptimised = _peak(text, upstream)
    floor = _peak(text, released)
    with ir.Context():
        module = ir.Module.parse(text)
        build_pass_manager(BUFFERIZE_PIPELINE.name).run(module.operation)
        bufferized = str(module)
    bounds = limits(bufferized, hardware, slowdown)
    profile = load_profile(hardware)
    with ir.Context():
        module = ir.Module.parse(bufferized)
        before = simulate(function_named(module.operation, "forward"), profile)
        options = f"max-slowdown={slowdown * 100:g}% hw={hardware}"
        pass_manager = build_pass_manager(f"hyper-offload-pipeline{{{options}}}")
        started = time.perf_counter()
        pass_manager.run(module.operation)
        compile_s = time.perf_counter() - started
        function = function_named(module.operation, "forward")
        after = simulate(function, profile)
        moved = {"params": 0, "activations": 0}
        for buffer in BufferLiveness(function).buffers:
            if buffer.remote:
                kind = "params" if buffer.kind == "argument" else "activations"
                moved[kind] += buffer.size
    cut = 1 - after.peak_bytes / before.peak_bytes
    integral_cut = bounds["integral_cut"]
    return {
        "unoptimised": unoptimised,
        "floor": floor,
        "given": before.peak_bytes,
        "ours": after.peak_bytes,
        "slowdown": after.makespan_s / before.makespan_s - 1,
        "overlap": after.overlap_ratio if after.overlap_ratio is not None else 1.0,
        "moved": moved,
        "lp_cut": bounds["lp_cut"],
        "integral_cut": integral_cut,
        "share": cut / integral_cut if integral_cut > 0 else 1.0,
        "compile_s": compile_s,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--hw", nargs="*", default=["gh200", "ascend910-supernode"])
    parser.add_argument("--max-slowdown", type=float, default=0.01)
    args = parser.parse_args()
    files = args.files or sorted(SHAPES.glob("*.linalg.mlir"))
    if not files:
        parser.error(f"no exports in {SHAPES}: run examples/torch/export_shapes.py")
    mib = 2**20
    print(
        "| export | hw | unoptimised | last-use floor | ours at 1% (slowdown) | ours / floor "
        "| moved: weights, activations | cut: ours / LP / integral | ours / integral | "
        "compile (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in files:
        name = path.name.removesuffix(".linalg.mlir")
        for hardware in args.hw:
            row = measure(path, hardware, args.max_slowdown)
            moved = row["moved"]
            assert isinstance(moved, dict)
            print(
                f"| {name} | {hardware} | {row['unoptimised'] / mib:.1f} MiB "
                f"| {row['floor'] / mib:.1f} MiB "
                f"| {row['ours'] / mib:.1f} MiB ({row['slowdown']:+.2%}) "
                f"| {row['ours'] / row['floor']:.3f} "  # type: ignore[operator]
                f"| {moved['params'] / mib:.1f}, {moved['activations'] / mib:.1f} MiB "
                f"| {1 - row['ours'] / row['given']:.1%} / {row['lp_cut']:.1%} / "  # type: ignore[operator]
                f"{row['integral_cut']:.1%} | {row['share']:.0%} | {row['compile_s']:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
