#!/usr/bin/env python3
"""Run upstream MLIR integration tests before and after offloading their entry.

    python tools/run_upstream_tests.py DIR [--budget 90%] [--json report.json]

DIR holds upstream test files (say ``llvm-project/mlir/test/Integration/
Dialect/{Linalg,MemRef}``; they stay out of this repository). Each ``.mlir``
file is run as lit runs it, with the wheel's ``mlir-opt``, ``mlir-runner``
(``mlir-cpu-runner`` in older files), runner-utils libraries and
``FileCheck``:

1. *baseline*: the test as written. Files that MLIR 22 does not run the way
   they say (a test-only pass, an Arm target, an older syntax) fail here
   and are only counted.
2. *offloaded*: every RUN line that starts with ``mlir-opt %s`` first runs
   ``hyper-opt %s --hyper-offload-pipeline{budget=B functions=main
   dynamic-dim-bound=N} --cache-lower-to-cpu`` (after
   ``--hyper-bufferize-pipeline`` for a file on tensors) and feeds its
   output to the test's own ``mlir-opt`` pipeline; the test's CHECK lines
   must still match.

The budget is a share of the entry function's peak, so that something must
move (90% by default). Each test is one of:

- ``offloaded``: transfers were planned and the output still matches;
- ``wrong output``: transfers were planned and it does not (a bug);
- ``nothing moved``: the pipeline succeeded without a transfer (the peak
  already fits, e.g. every buffer is a called function's parameter);
- ``refused``: hyper-opt exited 1 with a located error (the message is kept);
- ``crash``: hyper-opt died by a signal, printed a traceback or an internal
  error, or refused without a location (a bug);
- ``not comparable``: the test's own passes reject the offloaded IR (a
  transform script matching ops that moved, say).

Exits 1 if any test is ``wrong output`` or ``crash``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import mlir

MLIR_DIR = Path(next(iter(mlir.__path__)))
LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: error: ", re.MULTILINE)
RUN_LINE = re.compile(r"^\s*//\s*RUN:(.*)$")
LIT_CONFIG = """
import lit.formats
config.name = "upstream-{kind}"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir"]
config.test_source_root = {root!r}
config.environment["PATH"] = {path!r}
for name, value in {substitutions!r}:
    config.substitutions.append((name, value))
"""


def find_tool(name: str) -> str:
    """A tool of the MLIR or LLVM wheels, or on PATH (hyper-opt)."""
    for directory in (MLIR_DIR / "bin", MLIR_DIR.parent / "llvm" / "bin"):
        if (directory / name).exists():
            return str(directory / name)
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"run_upstream_tests: cannot find {name}")
    return found


def substitutions() -> list[tuple[str, str]]:
    lib = MLIR_DIR / "lib"
    return [
        ("%mlir_c_runner_utils", str(lib / "libmlir_c_runner_utils.so")),
        ("%mlir_runner_utils", str(lib / "libmlir_runner_utils.so")),
        ("%mlir_async_runtime", str(lib / "libmlir_async_runtime.so")),
        ("%mlir_lib_dir", str(lib)),
        ("%shlibext", ".so"),
        ("mlir-cpu-runner", "mlir-runner"),
        ("%mcr_aarch64_cmd", "mlir-runner"),
    ]


def entry_of(text: str) -> str:
    """The function the RUN lines' runner starts at (``-e NAME``)."""
    runs = " ".join(m.group(1) for line in text.splitlines() if (m := RUN_LINE.match(line)))
    found = re.search(r"(?:^|\s)-e\s+(\S+)", runs)
    return found.group(1) if found else "main"


def offload_flags(on_tensors: bool, budget: str, entry: str, bound: int) -> list[str]:
    """hyper-opt's flags that offload the entry function (bufferizing first
    if the file is on tensors)."""
    flags = ["--hyper-bufferize-pipeline"] if on_tensors else []
    flags.append(
        f"--hyper-offload-pipeline=budget={budget} functions={entry} dynamic-dim-bound={bound}"
    )
    return flags


def run_commands(text: str) -> list[str]:
    """The RUN commands of ``text``, continuation lines joined."""
    commands: list[str] = []
    pending = ""
    for line in text.splitlines():
        match = RUN_LINE.match(line)
        if not match:
            continue
        part = match.group(1).rstrip()
        if part.endswith("\\"):
            pending += part[:-1] + " "
            continue
        commands.append((pending + part).strip())
        pending = ""
    return commands


# Passes after which the IR is on buffers with its deallocations: offloading
# goes right after the last of them in a RUN line's mlir-opt, or first.
_BUFFERIZING = re.compile(r"bufferiz|dealloc")


def split_pipeline(command: str) -> tuple[list[str], list[str], str] | None:
    """A ``mlir-opt %s ARGS | REST`` command as (the ARGS up to the last
    bufferizing pass, the ARGS after it, REST); None for other commands."""
    match = re.match(r"mlir-opt\s+%s\b(.*?)\|(.*)$", command)
    if match is None:
        return None
    try:
        args = shlex.split(match.group(1))
    except ValueError:
        return None
    last = max((i + 1 for i, arg in enumerate(args) if _BUFFERIZING.search(arg)), default=0)
    return args[:last], args[last:], match.group(2)


def rewritten(command: str, flags: list[str]) -> str | None:
    """``command`` with the offload step between its bufferization and the
    rest of its mlir-opt pipeline; None if it does not start with one."""
    parts = split_pipeline(command)
    if parts is None:
        return None
    before, after, rest = parts
    offload = " ".join(shlex.quote(flag) for flag in flags)
    head = (
        f"mlir-opt %s {shlex.join(before)} -mlir-print-debuginfo | hyper-opt -"
        if before
        else ("hyper-opt %s")
    )
    return f"{head} {offload} --cache-lower-to-cpu | mlir-opt {shlex.join(after)} |{rest}"


def offloaded_text(text: str, flags: list[str]) -> str | None:
    """``text`` with its RUN lines replaced by the offloaded commands; None
    if no RUN command starts with ``mlir-opt %s``."""
    commands = [rewritten(command, flags) for command in run_commands(text)]
    kept = [command for command in commands if command is not None]
    if not kept:
        return None
    body = "".join(line + "\n" for line in text.splitlines() if not RUN_LINE.match(line))
    return "".join(f"// RUN: {command}\n" for command in kept) + body


def first_failure(report: str) -> str:
    """The first command of a lit failure report that failed, with the first
    line it printed: ``FileCheck: ...`` means the output was wrong."""
    command, printed = "", ""
    for line in report.splitlines():
        if line.startswith("# executed command: "):
            command, printed = line.removeprefix("# executed command: ").split(" ")[0], ""
        elif line.startswith("# | ") and not printed and line[4:].strip():
            printed = line[4:].strip()
        elif line.startswith("# error: command failed"):
            return f"{Path(command).name}: {printed}"[:300]
    return ""


def run_lit(suite: Path, kind: str, path: str) -> dict[str, tuple[bool, str]]:
    """Run the lit suite in ``suite``; test file name -> (passed, the first
    failing command and what it printed)."""
    (suite / "lit.cfg.py").write_text(
        LIT_CONFIG.format(kind=kind, root=str(suite), path=path, substitutions=substitutions())
    )
    done = subprocess.run(
        [find_tool("lit"), "-v", str(suite)],
        capture_output=True,
        text=True,
        check=False,
    )
    results = {}
    reports = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"^\*+ TEST '\S+ :: (\S+)' FAILED \*+$(.*?)^\*{20}$", done.stdout, re.M | re.S
        )
    }
    for match in re.finditer(r"^(PASS|FAIL|TIMEOUT|UNSUPPORTED|XFAIL|XPASS|UNRESOLVED): "
                             r"\S+ :: (\S+) \(", done.stdout, re.MULTILINE):  # fmt: skip
        name = match.group(2)
        passed = match.group(1) in ("PASS", "XFAIL")
        results[name] = (passed, "" if passed else first_failure(reports.get(name, "")))
    return results


def hyper_opt_outcome(source: Path, before: list[str], flags: list[str]) -> dict[str, object]:
    """Run the offload step alone (after the test's bufferization ``before``,
    if any): its exit, its transfers, its message."""
    text = None
    if before:
        prefix = subprocess.run(
            [find_tool("mlir-opt"), str(source), *before, "-mlir-print-debuginfo"],
            capture_output=True,
            text=True,
            check=False,
        )
        if prefix.returncode != 0:
            return {"kind": "refused", "message": "the test's own bufferization failed"}
        text = prefix.stdout
    argv = [find_tool("hyper-opt"), "-" if before else str(source), *flags]
    done = subprocess.run(argv, input=text, capture_output=True, text=True, check=False)
    err = done.stderr
    outcome: dict[str, object] = {"exit": done.returncode}
    if done.returncode < 0 or "Traceback" in err or "internal error" in err:
        outcome["kind"] = "crash"
        outcome["message"] = err.strip()[-500:]
    elif done.returncode != 0:
        located = LOCATED.search(err)
        outcome["kind"] = "refused" if located else "crash"
        first = err[located.start() :] if located else err
        outcome["message"] = first.strip().splitlines()[0][:300] if first.strip() else ""
    else:
        outcome["kind"] = "planned"
        outcome["transfers"] = done.stdout.count("cache.prefetch")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--budget", default="90%")
    parser.add_argument("--dynamic-dim-bound", type=int, default=1024)
    parser.add_argument("--json", type=Path, help="write the per-test results here")
    args = parser.parse_args(argv)

    sources = sorted(p for p in args.directory.rglob("*.mlir") if p.is_file())
    path = os.pathsep.join(
        [
            str(Path(find_tool("mlir-opt")).parent),
            str(Path(find_tool("FileCheck")).parent),
            str(Path(find_tool("hyper-opt")).parent),
            os.environ.get("PATH", ""),
        ]
    )
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="upstream-") as scratch:
        baseline = Path(scratch) / "baseline"
        offloaded = Path(scratch) / "offloaded"
        baseline.mkdir()
        offloaded.mkdir()
        names: dict[str, Path] = {}
        for source in sources:
            name = f"{len(names):03d}-{source.name}"
            names[name] = source
            shutil.copy(source, baseline / name)
        ran = run_lit(baseline, "baseline", path)
        for name, source in names.items():
            row: dict[str, object] = {"test": str(source.relative_to(args.directory))}
            rows.append(row)
            text = source.read_text(encoding="utf-8")
            if not ran.get(name, (False, ""))[0]:
                row["result"] = "baseline fails"
                continue
            commands = [c for c in run_commands(text) if split_pipeline(c) is not None]
            if not commands:
                row["result"] = "no mlir-opt %s RUN line"
                continue
            before = split_pipeline(commands[0])[0]  # type: ignore[index]
            # Bufferize here only what the test does not bufferize itself.
            flags = offload_flags(
                "tensor<" in text and not before, args.budget, entry_of(text),
                args.dynamic_dim_bound,
            )  # fmt: skip
            changed = offloaded_text(text, flags)
            assert changed is not None
            (offloaded / name).write_text(changed, encoding="utf-8")
            row.update(hyper_opt_outcome(baseline / name, before, flags))
            if "message" in row:  # name the test file, not its scratch copy
                row["message"] = str(row["message"]).replace(str(baseline / name), str(source))
        after = run_lit(offloaded, "offloaded", path)
        for name, row in zip(names, rows, strict=True):
            kind = row.get("kind")
            if kind == "planned":
                matched, failure = after.get(name, (False, "lit did not run it"))
                if matched:
                    row["result"] = "offloaded" if row["transfers"] else "nothing moved"
                elif failure.startswith("FileCheck") and row["transfers"]:
                    row["result"] = "wrong output"
                    row["message"] = failure
                else:
                    row["result"] = "not comparable"
                    row["message"] = failure
            elif kind is not None:
                row["result"] = str(kind)

    counts = Counter(str(row["result"]) for row in rows)
    width = max((len(str(row["test"])) for row in rows), default=4)
    for row in rows:
        detail = row.get("message") or (
            f"{row['transfers']} prefetches" if row.get("transfers") else ""
        )
        print(f"{row['test']:<{width}}  {row['result']:<16} {detail}")
    print()
    print(", ".join(f"{count} {result}" for result, count in sorted(counts.items())))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 1 if counts["wrong output"] or counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
