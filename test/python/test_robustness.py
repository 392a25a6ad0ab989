"""Every pass of ours, the pipeline and the reports over unusual inputs:
exit 0, or exit 1 with a located diagnostic; never a traceback or an
internal error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hyperoffload.cli.hyper_opt import main

CORPUS = sorted((Path(__file__).resolve().parents[1] / "robustness").glob("*.mlir"))
RUNS = [
    ["--cache-print-liveness"],
    ["--cache-strip-transfers"],
    ["--cache-verify-schedule=budget=1KiB"],
    ["--cache-plan-offload=budget=50%"],
    ["--cache-schedule-transfers=reorder-compute=true"],
    ["--hyper-offload-pipeline=budget=50%"],
    ["--hyper-offload-pipeline=max-slowdown=1%"],
    ["--report=/dev/null"],
]
LOCATED = re.compile(r"^\S+:\d+:\d+: error: ", re.MULTILINE)


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 8


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
@pytest.mark.parametrize("run", RUNS, ids=lambda r: r[0].split("=")[0].lstrip("-"))
def test_clean_exit(path: Path, run: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(path), "-o", "/dev/null", *run])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "internal error" not in err
    assert code in (0, 1)
    if code == 1:
        assert LOCATED.search(err), err
