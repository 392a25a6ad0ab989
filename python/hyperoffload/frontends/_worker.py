"""The frontends' child process: ``PYTHON -P _worker.py REQUEST.json``.

It imports nothing of this package: the frameworks (torch-mlir, IREE)
carry their own copies of MLIR, which must not share a process with the
one our package loads, and a crash in them is a failed stage, not a dead
caller. The request's ``worker`` names the script beside this one that
does the work (``_torch_export.py``, ``_jax_convert.py``), loaded by path:
this folder is never on ``sys.path`` (``-P``), as it holds modules named
``torch`` and ``jax``. The script's ``run(request, stages)`` names each
stage as it enters it (mirrored to the request's stage file, so that a
crash, which prints nothing of ours, can still be placed) and writes the
MLIR text and manifest where the request says. A failure is one line,
``STAGE: MESSAGE``, on standard error, and exit status 2.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import sys
from typing import Any

SCRIPTS = {"torch": "_torch_export.py", "jax": "_jax_convert.py"}


class Stages:
    """The stage the work is in, mirrored to the request's stage file."""

    def __init__(self, path: str | None) -> None:
        self.current = "starting"
        self.path = path

    def enter(self, name: str) -> None:
        self.current = name
        if self.path is not None:
            with open(self.path, "w") as handle:
                handle.write(name)


def one_line(error: BaseException) -> str:
    """The line of an exception worth reporting: a compiler's first
    ``error:`` line (torch-mlir and IREE end with reproducers), else its
    first line with the exception's type."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    for line in lines:
        if "error:" in line:
            return line
    text = lines[0] if lines else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _script(name: str) -> Any:
    path = pathlib.Path(__file__).with_name(SCRIPTS[name])
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: _worker.py REQUEST.json", file=sys.stderr)
        return 2
    with open(argv[1]) as handle:
        request = json.load(handle)
    stages = Stages(request.get("stage_path"))
    try:
        _script(request["worker"]).run(request, stages)
    except ModuleNotFoundError as error:
        print(f"{stages.current}: {error.name} is not installed", file=sys.stderr)
        return 2
    except Exception as error:
        print(f"{stages.current}: {one_line(error)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
