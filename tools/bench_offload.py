#!/usr/bin/env python3
"""Benchmark offload strategies on Llama-style workloads, side by side.

    python tools/bench_offload.py                       # 7B decode + prefill, MoE
    python tools/bench_offload.py --layers 4 --quick    # smaller, faster
    python tools/bench_offload.py --plot docs/peak-vs-slowdown.png

For each workload x hardware profile x strategy (ours, distance, on-demand;
no offload is the 'before' column) it runs
`hyper-offload-pipeline{max-slowdown=1%}` (the smallest peak within 1%
simulated slowdown) and a budget sweep, and prints a markdown table of peak
reduction, slowdown, overlap ratio and compile time, each against its limit
(hyperoffload.analysis.bounds): the peak cut the LP relaxation allows at 1%
(scipy HiGHS) and the integral bound (the same program with each buffer
moved whole, HiGHS branch and bound, its proven bound after at most 20 s),
the makespan over the time bound max(compute, copies per
engine), and, per workload, the memory bound (largest single-op working
set). Every figure is simulated by the project's timeline simulator on the
profile; compile times are wall-clock on this machine, all in one run.
Last, the whole pipeline on a 50,000-op module against `mlir-opt`
parse+print of the same file (tools/bench_scale.py; `--scale-ops` to change
or, empty, skip).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import hyperoffload  # noqa: F401
from hyperoffload.analysis.bounds import peak_bounds, time_bound_s, working_set_peak
from hyperoffload.analysis.offload_plan import OffloadPlanner
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import scale_table

STRATEGIES = ("ours", "distance", "on-demand")


def run(text: str, pipeline: str, hardware: str) -> tuple[dict[str, float] | None, float, int]:
    profile = load_profile(hardware)
    with ir.Context():
        module = ir.Module.parse(text)
        function = functions_with_bodies(module.operation)[0]
        before = simulate(function, profile)
        ops = len(function.regions[0].blocks[0].operations)
        started = time.perf_counter()
        try:
            build_pass_manager(f"builtin.module({pipeline})").run(module.operation)
        except ir.MLIRError:
            return None, time.perf_counter() - started, ops
        elapsed = time.perf_counter() - started
        after = simulate(functions_with_bodies(module.operation)[0], profile)
        floor = time_bound_s(
            after.compute_s, dict(after.transfer_s), profile.copy_engines_per_direction
        )
    return (
        {
            "vs_time_bound": after.makespan_s / floor if floor else 1.0,
            "reduction": 1 - after.peak_bytes / before.peak_bytes,
            "slowdown": after.makespan_s / before.makespan_s - 1,
            "overlap": after.overlap_ratio if after.overlap_ratio is not None else 1.0,
            "peak_gb": after.peak_bytes / 1e9,
            "base_gb": before.peak_bytes / 1e9,
        },
        elapsed,
        ops,
    )


def limits(text: str, hardware: str, slowdown: float) -> dict[str, float]:
    """The memory bound, the LP bound and the integral bound (the last two
    as peak cuts) of one workload."""
    profile = load_profile(hardware)
    with ir.Context():
        module = ir.Module.parse(text)
        function = functions_with_bodies(module.operation)[0]
        before = simulate(function, profile)
        planner = OffloadPlanner(function, profile, before.peak_bytes)
        peak = before.peak_bytes
        lp, integral = peak_bounds(planner, slowdown, before.makespan_s)
        return {
            "working_set_gb": working_set_peak(planner) / 1e9,
            "lp_cut": 1 - lp / peak,
            "integral_cut": 1 - integral / peak,
        }


def plot(points: dict[str, dict[str, list[tuple[float, float]]]], path: str) -> None:
    """Peak cut against slowdown, one panel per workload x hardware."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = list(points)
    figure, axes = plt.subplots(1, len(panels), figsize=(4.5 * len(panels), 3.6), squeeze=False)
    for axis, panel in zip(axes[0], panels, strict=True):
        for strategy, values in points[panel].items():
            values = sorted(values)
            axis.plot(
                [100 * v[0] for v in values], [100 * v[1] for v in values], "o-", label=strategy
            )
        axis.set_title(panel, fontsize=9)
        axis.set_xlabel("simulated slowdown (%)")
        axis.set_ylabel("peak device memory cut (%)")
        axis.set_xscale("symlog", linthresh=1)
        axis.grid(alpha=0.3)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=32)
    parser.add_argument("--hw", nargs="*", default=["gh200", "ascend910-supernode"])
    parser.add_argument("--quick", action="store_true", help="skip the budget sweep")
    parser.add_argument("--plot", help="write peak cut vs slowdown per strategy (.png/.svg)")
    parser.add_argument(
        "--scale-ops", type=int, nargs="*", default=[50_000], help="module sizes for compile time"
    )
    parser.add_argument(
        "--scale-repeat",
        type=int,
        default=9,
        help="alternating pairs per size for compile time (median and range reported)",
    )
    args = parser.parse_args()
    base = dataclasses.replace(LlamaConfig.preset("7b"), layers=args.layers)
    workloads = {
        "decode": base,
        "prefill-2k": dataclasses.replace(base, tokens=2048, context=2048),
        "moe-decode": dataclasses.replace(
            LlamaConfig.preset("mixtral"), layers=max(1, args.layers // 4)
        ),
        "decode-32k": dataclasses.replace(
            LlamaConfig.preset("7b-32k"), layers=max(1, args.layers // 4)
        ),
    }
    points: dict[str, dict[str, list[tuple[float, float]]]] = {}
    print(
        "| workload | hw | mode | strategy | peak (GB) | peak cut | bound: LP / integral "
        "| slowdown | makespan / time bound | overlap | compile (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, config in workloads.items():
        text = generate_llama(config)
        for hardware in args.hw:
            bound = limits(text, hardware, 0.01)
            print(
                f"| {name} | {hardware} | memory bound | | {bound['working_set_gb']:.2f} "
                "(largest op working set) | | | | | | |",
                flush=True,
            )
            panel = points.setdefault(f"{name} on {hardware}", {})
            modes = [("max-slowdown=1%", "1% slowdown")]
            if not args.quick:
                modes += [(f"budget={p}%", f"budget {p}%") for p in (90, 75, 50)]
            for option, label in modes:
                for strategy in STRATEGIES:
                    pipeline = (
                        f"hyper-offload-pipeline{{{option} hw={hardware} strategy={strategy}}}"
                    )
                    result, seconds, ops = run(text, pipeline, hardware)
                    if result is None:
                        print(
                            f"| {name} ({ops} ops) | {hardware} | {label} | {strategy} "
                            f"| infeasible | | | | | | {seconds:.1f} |"
                        )
                        continue
                    panel.setdefault(strategy, [(0.0, 0.0)]).append(
                        (result["slowdown"], result["reduction"])
                    )
                    lp = ""
                    if option.startswith("max-slowdown"):
                        lp = f"{bound['lp_cut']:.2%} / {bound['integral_cut']:.2%}"
                    print(
                        f"| {name} ({ops} ops) | {hardware} | {label} | {strategy} | "
                        f"{result['base_gb']:.2f} -> {result['peak_gb']:.2f} | "
                        f"{result['reduction']:.1%} | {lp} | {result['slowdown']:+.2%} | "
                        f"{result['vs_time_bound']:.3f} | {result['overlap']:.1%} | "
                        f"{seconds:.1f} |",
                        flush=True,
                    )
    if args.plot:
        plot(points, args.plot)
    if args.scale_ops:
        print("\nCompile time of `hyper-offload-pipeline{budget=50%}` on a straight-line module")
        print(
            "(layers of alloc/fill/matmul/add/dealloc), each command in its own process, "
            f"the two alternating {args.scale_repeat} times:\n"
        )
        for row in scale_table(args.scale_ops, "50%", args.scale_repeat):
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
