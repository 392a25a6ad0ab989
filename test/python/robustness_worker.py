"""Runs hyper-opt over every chunk of one corpus file with every pass of
ours; prints one JSON line per run (a "start" line before it, so a parent
can tell which run killed the process). Used by test_robustness.py."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tempfile
from pathlib import Path

from hyperoffload.cli.hyper_opt import main, split_chunks

RUNS = [
    ["--cache-print-liveness"],
    ["--cache-strip-transfers"],
    ["--cache-verify-schedule=budget=1KiB"],
    ["--cache-plan-offload=budget=50%"],
    ["--cache-schedule-transfers=reorder-compute=true"],
    ["--cache-lower-to-cpu"],
    ["--cache-lower-to-cpu=mode=async"],
    ["--cache-lower-to-gpu"],
    ["--cache-widen-bool-buffers"],
    ["--cache-stream-loop-slices"],
    ["--cache-stream-static-slices"],
    ["--cache-peel-loop-slices=iterations=2"],
    ["--cache-split-static-slices"],
    ["--cache-uplift-loop-counters"],
    ["--cache-hoist-result-copies"],
    ["--hyper-bufferize-pipeline"],
    ["--hyper-offload-pipeline=budget=50%"],
    ["--hyper-offload-pipeline=max-slowdown=1%"],
    ["--hyper-offload-pipeline=budget=50% peel-iterations=1"],
    ["--report=/dev/null"],
]
# Runs whose output must pass the schedule verifier: the pipeline always
# (it verifies), the planner and scheduler when their input did.
PIPELINE = "--hyper-offload-pipeline"
PRESERVING = (
    "--cache-plan-offload",
    "--cache-schedule-transfers",
    "--cache-stream-loop-slices",
    "--cache-stream-static-slices",
)
LOCATED = re.compile(r"^\S.*:\d+:\d+: error: ", re.MULTILINE)


def hyper_opt(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


def check(case: Path, run: list[str], out: Path, input_verifies: bool) -> dict[str, object]:
    out.unlink(missing_ok=True)
    code, err = hyper_opt([str(case), "-o", str(out), *run])
    result: dict[str, object] = {"code": code, "problems": []}
    problems: list[str] = result["problems"]  # type: ignore[assignment]
    if "Traceback" in err or "internal error" in err:
        problems.append(f"traceback or internal error:\n{err}")
    if code not in (0, 1):
        problems.append(f"exit code {code}")
    if code == 1:
        if not LOCATED.search(err):
            problems.append(f"exit 1 without a located error:\n{err}")
        if out.exists():
            problems.append("a failed run left an output file")
    if code == 0:
        if not out.exists():
            problems.append("a successful run wrote no output file")
        else:
            # The output parses and verifies (hyper-opt verifies on parse).
            again, err2 = hyper_opt([str(out), "-o", "/dev/null"])
            if again != 0:
                problems.append(f"the output does not parse and verify:\n{err2}")
            elif run[0].startswith(PIPELINE) or (input_verifies and run[0].startswith(PRESERVING)):
                again, err2 = hyper_opt([str(out), "-o", "/dev/null", "--cache-verify-schedule"])
                if again != 0:
                    problems.append(f"the output fails cache-verify-schedule:\n{err2}")
    return result


def main_worker(corpus_file: str) -> int:
    text = Path(corpus_file).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        for index, (source, first_line) in enumerate(split_chunks(text)):
            case = Path(scratch) / f"{Path(corpus_file).stem}-{index}.mlir"
            # Leading newlines keep the corpus file's line numbers.
            case.write_text("\n" * (first_line - 1) + source, encoding="utf-8")
            verifies = hyper_opt([str(case), "-o", "/dev/null", "--cache-verify-schedule"])[0] == 0
            for run in RUNS:
                tag = {"case": index, "line": first_line, "run": run[0]}
                print(json.dumps({"start": tag}), flush=True)
                result = check(case, run, Path(scratch) / "out.mlir", verifies)
                print(json.dumps({**tag, **result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main_worker(sys.argv[1]))
