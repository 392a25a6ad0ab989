#!/usr/bin/env python3
"""Wall time and peak memory (RSS) of the whole offload pipeline on large
straight-line modules, against upstream `mlir-opt` parsing and printing the
same file, side by side in one run.

    python tools/bench_scale.py --ops 50000 200000 --budget 50%

Each command runs in its own process, ``--repeat`` times alternating with
the other; rows give median times and the median (and range) of the
per-pair ratios. The peak RSS is the kernel's `ru_maxrss` for that process
(os.wait4), the largest over the runs. The module is the one of
tools/bench_liveness.py (layers of alloc/fill/matmul/add/dealloc).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_liveness import generate

# Runs one command and reports its wall time and peak RSS. It is a small
# process of its own: a child's ru_maxrss counts the memory of the process it
# was forked from, so measuring straight from a large parent (a benchmark
# holding many modules) would report the parent's size.
_MEASURE = """
import json, os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
print(json.dumps([elapsed, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)]))
"""


def measured(command: list[str]) -> tuple[float, int, int]:
    """Seconds, peak RSS in bytes and exit status of ``command``."""
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command],
            stdout=subprocess.PIPE,
            stderr=errors,
            check=True,
        )
        seconds, rss, code = json.loads(done.stdout)
        if code:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace")[-2000:])
    return float(seconds), int(rss), int(code)


def scale_table(op_counts: list[int], budget: str, repeat: int = 5) -> Iterator[str]:
    """Markdown rows: for each size, mlir-opt parse+print and the whole
    pipeline on the same file, each in its own process, side by side.

    The pair runs ``repeat`` times, alternating, and the rows give each
    tool's median time and the median of the pairs' ratios: on a shared
    machine one pair alone moves by 2x between runs."""
    import mlir

    mlir_opt = str(Path(next(iter(mlir.__path__))) / "bin" / "mlir-opt")
    hyper_opt = str(Path(sys.executable).parent / "hyper-opt")
    yield (
        f"| ops | tool | median time s (of {repeat}) | peak RSS MiB | exit | "
        "median time vs mlir-opt (range) |"
    )
    yield "| ---: | --- | ---: | ---: | ---: | ---: |"
    for ops in op_counts:
        with tempfile.TemporaryDirectory() as directory:
            source = Path(directory) / "chain.mlir"
            source.write_text(generate(ops))
            baseline_name = "mlir-opt parse+print"
            runs = {
                baseline_name: [mlir_opt, str(source), "-o", "/dev/null"],
                f"hyper-offload-pipeline{{budget={budget}}}": [
                    hyper_opt,
                    str(source),
                    f"--hyper-offload-pipeline=budget={budget}",
                    "-o",
                    str(Path(directory) / "out.mlir"),
                ],
            }
            # Untimed: loads mlir-opt and the file into the page cache, so the
            # first timed run is not the only cold one.
            measured(runs[baseline_name])
            results: dict[str, list[tuple[float, int, int]]] = {name: [] for name in runs}
            for _ in range(repeat):
                for name, command in runs.items():
                    results[name].append(measured(command))
            baseline = [seconds for seconds, _, _ in results[baseline_name]]
            for name, samples in results.items():
                times = [seconds for seconds, _, _ in samples]
                ratios = sorted(t / b for t, b in zip(times, baseline, strict=True))
                rss = max(r for _, r, _ in samples)
                code = max((c for _, _, c in samples), key=abs)
                spread = f" ({ratios[0]:.1f}-{ratios[-1]:.1f})" if name != baseline_name else ""
                yield (
                    f"| {ops} | {name} | {statistics.median(times):.2f} | "
                    f"{rss / (1 << 20):.0f} | {code} | {statistics.median(ratios):.1f}x{spread} |"
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--budget", default="50%")
    parser.add_argument("--repeat", type=int, default=5, help="alternating runs per tool")
    args = parser.parse_args()
    for row in scale_table(args.ops, args.budget, args.repeat):
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
