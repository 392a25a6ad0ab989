#!/usr/bin/env python3
"""Benchmark offload strategies on Llama-style workloads, side by side.

    python tools/bench_offload.py                       # 7B decode + prefill
    python tools/bench_offload.py --layers 4 --quick    # smaller, faster

For each workload x hardware profile x strategy (ours, distance, on-demand)
it runs `hyper-offload-pipeline{max-slowdown=1%}` (the smallest peak within
1% simulated slowdown) and a budget sweep, and prints a markdown table of
peak reduction, slowdown, overlap ratio and compile time. Every figure is
simulated by the project's timeline simulator on the profile; compile times
are wall-clock on this machine, all measured in one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

import hyperoffload  # noqa: F401
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

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
    return (
        {
            "reduction": 1 - after.peak_bytes / before.peak_bytes,
            "slowdown": after.makespan_s / before.makespan_s - 1,
            "overlap": after.overlap_ratio if after.overlap_ratio is not None else 1.0,
            "peak_gb": after.peak_bytes / 1e9,
            "base_gb": before.peak_bytes / 1e9,
        },
        elapsed,
        ops,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=32)
    parser.add_argument("--hw", nargs="*", default=["gh200", "ascend910-supernode"])
    parser.add_argument("--quick", action="store_true", help="skip the budget sweep")
    args = parser.parse_args()
    base = dataclasses.replace(LlamaConfig.preset("7b"), layers=args.layers)
    workloads = {
        "decode": base,
        "prefill-2k": dataclasses.replace(base, tokens=2048, context=2048),
    }
    print(
        "| workload | hw | mode | strategy | peak (GB) | peak cut | slowdown | overlap "
        "| compile (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, config in workloads.items():
        text = generate_llama(config)
        for hardware in args.hw:
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
                            f"| infeasible | | | | {seconds:.1f} |"
                        )
                        continue
                    print(
                        f"| {name} ({ops} ops) | {hardware} | {label} | {strategy} | "
                        f"{result['base_gb']:.2f} -> {result['peak_gb']:.2f} | "
                        f"{result['reduction']:.1%} | {result['slowdown']:+.2%} | "
                        f"{result['overlap']:.1%} | {seconds:.1f} |",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
