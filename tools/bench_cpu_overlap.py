#!/usr/bin/env python3
"""Wall time on this CPU of an offloaded program whose copies run on worker
threads (`cache-lower-to-cpu{mode=async}`) against its synchronous twin
(`mode=sync`), side by side, alternating runs.

    python tools/bench_cpu_overlap.py --hidden 256 --layers 2 --repeat 7

Both run the same schedule from `hyper-offload-pipeline`; the outputs are
checked to be bit-identical before timing.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys

import hyperoffload  # noqa: F401
import numpy as np
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=8)
    parser.add_argument("--budget", default="35%")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    config = dataclasses.replace(
        LlamaConfig(),
        layers=args.layers,
        hidden=args.hidden,
        intermediate=args.hidden * 2,
        tokens=args.tokens,
        context=64,
        dtype="f32",
    )
    text = generate_llama(config)
    name = f"llama_{config.layers}l_{config.hidden}h_{config.tokens}t"
    with ir.Context():
        module = ir.Module.parse(text)
        pipeline = f"hyper-offload-pipeline{{budget={args.budget} hw=gh200}}"
        build_pass_manager(pipeline).run(module.operation)
        prefetches = str(module).count("cache.prefetch")
        function = module.body.operations[0]
        rng = np.random.default_rng(0)
        shapes = [
            list(ir.MemRefType(a.type).shape) for a in function.regions[0].blocks[0].arguments
        ]
        base = [(rng.standard_normal(s) * 0.1).astype(np.float32) for s in shapes]
        outputs = {}
        times: dict[str, list[float]] = {"cpu": [], "cpu-async": []}
        for target in times:
            arrays = [a.copy() for a in base]
            run_function(module, name, arrays, target=target)
            outputs[target] = arrays[-1]
        if not np.array_equal(outputs["cpu"], outputs["cpu-async"]):
            print("outputs differ between the two modes", file=sys.stderr)
            return 1
        for _ in range(args.repeat):
            for target in times:
                arrays = [a.copy() for a in base]
                times[target] += run_function(module, name, arrays, target=target)
    sync = statistics.median(times["cpu"])
    overlapped = statistics.median(times["cpu-async"])
    print(f"{name}: {prefetches} prefetches, budget {args.budget}")
    print(f"synchronous copies   median {sync * 1e3:8.3f} ms")
    print(f"copies on threads    median {overlapped * 1e3:8.3f} ms  ({overlapped / sync:.3f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
