"""The IREE side of ``hyperoffload.frontends.jax``, run in its own process.

    python -P _jax_worker.py REQUEST.json

StableHLO text (``jax.jit(f).lower(...).as_text()``, or any other StableHLO
producer's) to upstream func/linalg/tensor/arith/math/scf through IREE's
``iree-stablehlo-input-transformation-pipeline``, with IREE's own MLIR
(``iree.compiler.ir``, from iree-base-compiler), which must not share a
process with the one our package loads. With ``inline`` false every
``func.call`` is marked ``no_inline`` for the pipeline's inliner (nested jit
keeps its functions) and unmarked after it. Writes the MLIR text and a
manifest (versions, seconds, the ops by dialect) where the request says; a
failure is one line ``STAGE: MESSAGE`` on standard error, exit status 2.
"""

from __future__ import annotations

import collections
import json
import sys
import time
from collections.abc import Iterator
from typing import Any

STAGE = "starting"
STAGE_FILE: str | None = None
PIPELINE = "builtin.module(iree-stablehlo-input-transformation-pipeline)"


def _stage(name: str) -> None:
    global STAGE
    STAGE = name
    if STAGE_FILE is not None:
        with open(STAGE_FILE, "w") as handle:
            handle.write(name)


def _walk(op: Any) -> Iterator[Any]:
    for region in op.regions:
        for block in region.blocks:
            for nested in block.operations:
                yield nested
                yield from _walk(nested)


def _convert(request: dict[str, Any]) -> None:
    _stage("importing iree.compiler")
    from importlib import metadata

    from iree.compiler import ir, passmanager

    started = time.perf_counter()
    with open(request["stablehlo_path"]) as handle:
        text = handle.read()
    with ir.Context():
        _stage("parsing StableHLO")
        module = ir.Module.parse(text)
        calls = [op for op in _walk(module.operation) if op.operation.name == "func.call"]
        if not request["inline"]:
            for call in calls:
                call.attributes["no_inline"] = ir.UnitAttr.get()
        _stage("iree-stablehlo-input-transformation-pipeline")
        passmanager.PassManager.parse(PIPELINE).run(module.operation)
        kept = 0
        for op in _walk(module.operation):
            if op.operation.name == "func.call" and "no_inline" in op.attributes:
                del op.attributes["no_inline"]
                kept += 1
        names = [op.operation.name for op in _walk(module.operation)]
        dialects = collections.Counter(name.split(".")[0] for name in names)
        out = str(module)
    manifest = {
        "source": request["name"],
        "inline": request["inline"],
        "calls_in": len(calls),
        "calls_kept": kept,
        "convert_s": time.perf_counter() - started,
        "ops_by_dialect": dict(sorted(dialects.items())),
        "versions": {"iree-base-compiler": metadata.version("iree-base-compiler")},
    }
    with open(request["mlir_path"], "w") as handle:
        handle.write(out)
    with open(request["manifest_path"], "w") as handle:
        json.dump(manifest, handle)


def _one_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    for line in lines:
        if "error:" in line:
            return line
    text = lines[0] if lines else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def main(argv: list[str]) -> int:
    global STAGE_FILE
    if len(argv) != 2:
        print("usage: _jax_worker.py REQUEST.json", file=sys.stderr)
        return 2
    with open(argv[1]) as handle:
        request = json.load(handle)
    STAGE_FILE = request.get("stage_path")
    try:
        _convert(request)
    except ModuleNotFoundError as error:
        print(f"{STAGE}: {error.name} is not installed", file=sys.stderr)
        return 2
    except Exception as error:
        print(f"{STAGE}: {_one_line(error)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
