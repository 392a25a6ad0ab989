"""The IREE side of ``hyperoffload.frontends.jax``, run by ``_worker.py`` in
its own process: StableHLO text (``jax.jit(f).lower(...).as_text()``, or any
other producer's) to upstream func/linalg/tensor/arith/math/scf through
IREE's ``iree-stablehlo-input-transformation-pipeline``, with IREE's own
MLIR (``iree.compiler.ir``). With ``inline`` false every ``func.call`` is
marked ``no_inline`` for the pipeline's inliner (nested jit keeps its
functions) and unmarked after it. Writes the MLIR text and a manifest
(versions, seconds, calls kept, the ops by dialect).
"""

from __future__ import annotations

import collections
import json
import time
from collections.abc import Iterator
from typing import Any

PIPELINE = "builtin.module(iree-stablehlo-input-transformation-pipeline)"


def _walk(op: Any) -> Iterator[Any]:
    for region in op.regions:
        for block in region.blocks:
            for nested in block.operations:
                yield nested
                yield from _walk(nested)


def run(request: dict[str, Any], stages: Any) -> None:
    stages.enter("importing iree.compiler")
    from importlib import metadata

    from iree.compiler import ir, passmanager

    started = time.perf_counter()
    with open(request["stablehlo_path"]) as handle:
        text = handle.read()
    with ir.Context():
        stages.enter("parsing StableHLO")
        module = ir.Module.parse(text)
        calls = [op for op in _walk(module.operation) if op.operation.name == "func.call"]
        if not request["inline"]:
            for call in calls:
                call.attributes["no_inline"] = ir.UnitAttr.get()
        stages.enter("iree-stablehlo-input-transformation-pipeline")
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
