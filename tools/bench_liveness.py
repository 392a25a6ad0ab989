#!/usr/bin/env python3
"""Time `hyper-opt --cache-print-liveness` on a large module against
upstream `mlir-opt` parsing and printing the same file, side by side.

    python tools/bench_liveness.py --ops 50000 --repeat 3

The module is straight-line: layers of alloc / fill / matmul / add /
dealloc on memrefs, with weights as function arguments, until it has the
requested number of ops. Runs alternate between the two tools so both see
the same machine load; the figure that matters is the ratio of medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(ops: int, width: int = 64) -> str:
    """A straight-line function of about ``ops`` ops (5 per layer)."""
    layers = max(1, ops // 5)
    weights = min(layers, 256)
    t = f"memref<{width}x{width}xf16>"
    args = ", ".join(f"%w{i}: {t}" for i in range(weights))
    lines = [f"func.func @chain(%x: {t}, {args}, %out: {t}) {{"]
    lines.append("  %zero = arith.constant 0.0 : f16")
    previous = "%x"
    for layer in range(layers):
        w = f"%w{layer % weights}"
        lines.append(f"  %a{layer} = memref.alloc() : {t}")
        lines.append(f"  linalg.fill ins(%zero : f16) outs(%a{layer} : {t})")
        lines.append(f"  linalg.matmul ins({previous}, {w} : {t}, {t}) outs(%a{layer} : {t})")
        lines.append(f"  linalg.add ins(%a{layer}, {previous} : {t}, {t}) outs(%a{layer} : {t})")
        if previous != "%x":
            lines.append(f"  memref.dealloc {previous} : {t}")
        else:
            lines.append(f"  linalg.copy ins(%x : {t}) outs(%out : {t})")
        previous = f"%a{layer}"
    lines.append(f"  linalg.copy ins({previous} : {t}) outs(%out : {t})")
    lines.append(f"  memref.dealloc {previous} : {t}")
    lines.append("  return")
    lines.append("}")
    return "\n".join(lines) + "\n"


def count_ops(path: Path) -> tuple[int, int]:
    """Ops in the function body, and all ops nested in the module."""
    from mlir import ir

    with ir.Context():
        module = ir.Module.parse(path.read_text())
        function = module.body.operations[0]
        body = len(function.regions[0].blocks[0].operations)
        total = 0

        def count(_op: ir.Operation) -> ir.WalkResult:
            nonlocal total
            total += 1
            return ir.WalkResult.ADVANCE

        module.operation.walk(count)
    return body, total


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import mlir

    mlir_opt = str(Path(next(iter(mlir.__path__))) / "bin" / "mlir-opt")
    hyper_opt = str(Path(sys.executable).parent / "hyper-opt")
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "chain.mlir"
        source.write_text(generate(args.ops))
        body, total = count_ops(source)
        commands = {
            "mlir-opt parse+print": [mlir_opt, str(source), "-o", "/dev/null"],
            "hyper-opt --cache-print-liveness": [
                hyper_opt,
                str(source),
                "--cache-print-liveness=output=/dev/null",
                "-o",
                "/dev/null",
            ],
            "hyper-opt parse+print": [hyper_opt, str(source), "-o", "/dev/null"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["mlir-opt parse+print"]
    print(f"module: {body} ops in the function body, {total} counting linalg payloads")
    for name, median in medians.items():
        print(f"{name:36s} median {median:7.3f} s  ({median / baseline:5.2f}x mlir-opt)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
