#!/usr/bin/env python3
"""Wall time and peak memory (RSS) of the whole offload pipeline on large
straight-line modules, against upstream `mlir-opt` parsing and printing the
same file, side by side in one run.

    python tools/bench_scale.py --ops 50000 200000 --budget 50%

Each command runs in its own process; the peak RSS is the kernel's
`ru_maxrss` for that process (os.wait4). The module is the one of
tools/bench_liveness.py (layers of alloc/fill/matmul/add/dealloc).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_liveness import generate


def measured(command: list[str]) -> tuple[float, int, int]:
    """Seconds, peak RSS in bytes and exit status of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if process.stderr is not None:
        errors = process.stderr.read().decode(errors="replace")
        if status:
            sys.stderr.write(errors[-2000:])
    return elapsed, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--budget", default="50%")
    args = parser.parse_args()

    import mlir

    mlir_opt = str(Path(next(iter(mlir.__path__))) / "bin" / "mlir-opt")
    hyper_opt = str(Path(sys.executable).parent / "hyper-opt")
    print("| ops | tool | time s | peak RSS MiB | exit | time vs mlir-opt |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for ops in args.ops:
        with tempfile.TemporaryDirectory() as directory:
            source = Path(directory) / "chain.mlir"
            source.write_text(generate(ops))
            runs = {
                "mlir-opt parse+print": [mlir_opt, str(source), "-o", "/dev/null"],
                f"hyper-offload-pipeline{{budget={args.budget}}}": [
                    hyper_opt,
                    str(source),
                    f"--hyper-offload-pipeline=budget={args.budget}",
                    "-o",
                    str(Path(directory) / "out.mlir"),
                ],
            }
            baseline = None
            for name, command in runs.items():
                seconds, rss, code = measured(command)
                baseline = baseline or seconds
                print(
                    f"| {ops} | {name} | {seconds:.2f} | {rss / (1 << 20):.0f} | {code} | "
                    f"{seconds / baseline:.1f}x |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
