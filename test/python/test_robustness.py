"""Every pass of ours, the pipeline and the reports over the robustness
corpus (test/robustness/, chunks split on '// -----'): exit 0 with output
that parses, verifies (and passes cache-verify-schedule where a schedule
was made), or exit 1 with a located diagnostic and no output file; never a
traceback, an internal error or a signal. Each corpus file runs in a child
process, so a crash is reported with the chunk and pass that caused it."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hyperoffload.cli.hyper_opt import split_chunks
from robustness_worker import RUNS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "robustness").glob("*.mlir"))
WORKER = Path(__file__).with_name("robustness_worker.py")


def count_cases() -> int:
    return sum(len(split_chunks(p.read_text(encoding="utf-8"))) for p in CORPUS)


def test_the_corpus_readme_lists_every_file_and_the_count() -> None:
    """The README's table names every corpus file (and no other), and its
    count of inputs is the corpus's."""
    readme = (ROOT / "robustness" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"([\w-]+\.mlir)", readme))
    assert listed == {path.name for path in CORPUS}
    stated = re.search(r"\((\d+) at the last count\)", readme)
    assert stated is not None and int(stated.group(1)) == count_cases()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_clean_exit(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(WORKER), str(path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    finished = [r for r in records if "start" not in r]
    if done.returncode != 0:
        started = [r["start"] for r in records if "start" in r]
        last = started[-1] if started else None
        pytest.fail(
            f"the worker died (status {done.returncode}) at {last} of {path.name}:\n"
            f"{done.stderr[-3000:]}"
        )
    failures = [
        f"{path.name} chunk {r['case']} (line {r['line']}) {r['run']}: " + "; ".join(r["problems"])
        for r in finished
        if r["problems"]
    ]
    assert not failures, "\n".join(failures)
    outcomes = collections.Counter(r["code"] for r in finished)
    assert sum(outcomes.values()) == len(split_chunks(path.read_text(encoding="utf-8"))) * len(RUNS)
