"""Upstream MLIR's process-killing traps, caught before they are sprung.

The pip wheels are built with assertions, and some upstream passes abort
(or call ``exit``) on input they do not support instead of reporting an
error; in ``hyper-opt`` that would take the whole process down without a
diagnostic. Each known trap has a check here that runs before the stage
that would spring it:

- ``finalize-memref-to-llvm`` (and pipelines containing it) asserts on
  ``memref.load``/``memref.store`` of integers narrower than 8 bits
  (``i1``, ``i2``, ...): checked on the IR just before the stage;
- ``gpu-to-llvm`` silently leaves an async ``gpu`` op with two or more
  dependencies unconverted, and translating the result to LLVM IR crashes:
  checked on the IR just before the stage;
- registered pipelines that add module passes (``gpu-lower-to-nvvm-pipeline``,
  ``sparsifier``, ...) nested under ``func.func(...)`` end the process while
  the pipeline is built: ``build_pass_manager`` parses under an abort guard
  and raises instead (pipeline.py);
- ``nvvm-attach-target`` (``gpu-lower-to-nvvm-pipeline`` runs it) for a chip
  newer than the PTX ISA its features ask for (the default ``+ptx60``;
  ``sm_80`` needs 7.0, ``sm_90`` 7.8: hence ``cubin-features=+ptx80``) makes
  ``gpu-module-to-binary`` end the process with ``LLVM ERROR``: checked on
  the pipeline as built, and ``#nvvm.target`` attributes already in the IR
  are checked before ``gpu-module-to-binary``.

The checks read the pipeline as upstream built it
(:func:`hyperoffload.transforms.pipeline.pipeline_stages`): a registered
pipeline is the passes it stands for, so a trap is found whichever
pipeline, or none, brought the pass in.

``hyper-opt --check-traps=false`` skips these checks (to see what upstream
does); the child process still turns an abort into a diagnostic.

Stages no check can vouch for (the conversions to the LLVM dialect and to
GPU binaries, see :func:`is_isolated`) run in a child ``hyper-opt`` process,
so an abort there becomes a diagnostic naming the stage.
"""

from __future__ import annotations

import re

from mlir import ir

from hyperoffload.ir_utils import walk_preorder
from hyperoffload.transforms.pipeline import PipelineStage

# Conversions whose unsupported cases end in assertions or fatal errors.
_ISOLATED = re.compile(r"(-to-llvm|^gpu-module-to-binary)$")
# Passes that lower memref.load/store with upstream's memref-to-LLVM patterns.
_MEMREF_TO_LLVM = {"finalize-memref-to-llvm", "convert-to-llvm", "gpu-to-llvm"}
_GPU_TO_LLVM = {"gpu-to-llvm"}
_TO_BINARY = {"gpu-module-to-binary"}
_GPU_ASYNC_OPS = {
    "gpu.alloc",
    "gpu.dealloc",
    "gpu.memcpy",
    "gpu.memset",
    "gpu.launch_func",
    "gpu.host_register",
}
# The oldest PTX ISA (x10) that LLVM's NVPTX backend accepts for each chip
# (NVPTX.td); older explicit features end the process with "LLVM ERROR".
_MIN_PTX = {
    "sm_70": 60, "sm_72": 61, "sm_75": 63, "sm_80": 70, "sm_86": 71, "sm_87": 74,
    "sm_89": 78, "sm_90": 78, "sm_90a": 80, "sm_100": 86, "sm_100a": 86, "sm_100f": 88,
    "sm_101": 86, "sm_101a": 86, "sm_103": 88, "sm_103a": 88, "sm_120": 87, "sm_120a": 87,
    "sm_121": 88, "sm_121a": 88,
}  # fmt: skip
# What nvvm-attach-target uses when no chip is given.
_DEFAULT_CHIP = "sm_50"


def is_isolated(stage: PipelineStage) -> bool:
    """Whether the stage runs a pass that may abort the process."""
    return any(_ISOLATED.search(name) for name in stage.names())


def needs_ir_check(stage: PipelineStage) -> bool:
    """Whether :func:`ir_problems` has something to check before it."""
    return bool(set(stage.names()) & (_MEMREF_TO_LLVM | _GPU_TO_LLVM | _TO_BINARY))


def _option(options: str, name: str) -> str | None:
    match = re.search(rf"(?:^|\s){re.escape(name)}=(\"[^\"]*\"|\S+)", options)
    return match.group(1).strip('"') if match else None


def _ptx_problem(chip: str, features: str | None) -> str | None:
    """Why compiling for ``chip`` with ``features`` ends the process, if it
    does (no explicit PTX version lets LLVM pick one that works)."""
    needed = _MIN_PTX.get(chip)
    ptx = re.search(r"\+ptx(\d+)", features or "")
    if needed is None or ptx is None or int(ptx.group(1)) >= needed:
        return None
    return (
        f"{chip} needs PTX ISA {needed // 10}.{needed % 10} or newer, but the features ask for "
        f"'+ptx{ptx.group(1)}': LLVM would end the process with a fatal error; use "
        f"'+ptx{needed}' or newer"
    )


def pipeline_problems(stages: list[PipelineStage]) -> list[str]:
    """Traps visible in the pipeline itself, as upstream built it."""
    problems = []
    for stage in stages:
        if stage.name == "nvvm-attach-target":
            chip = _option(stage.options, "chip") or _DEFAULT_CHIP
            problem = _ptx_problem(chip, _option(stage.options, "features"))
            if problem:
                problems.append(
                    f"pass 'nvvm-attach-target' (chip={chip}; gpu-lower-to-nvvm-pipeline sets it "
                    f"from cubin-chip, its features from cubin-features): {problem}"
                )
        problems.extend(pipeline_problems(list(stage.nested or ())))
    return problems


def _element_width(type_: ir.Type) -> int | None:
    if not isinstance(type_, ir.MemRefType):
        return None
    element = ir.MemRefType(type_).element_type
    if isinstance(element, ir.IntegerType):
        return ir.IntegerType(element).width
    return None


def ir_problems(stage: PipelineStage, root: ir.Operation) -> list[tuple[ir.Operation, str]]:
    """Ops of ``root`` that would make ``stage`` kill the process."""
    found = set(stage.names())
    memref_checks = bool(found & _MEMREF_TO_LLVM)
    gpu_checks = bool(found & _GPU_TO_LLVM)
    binary_checks = bool(found & _TO_BINARY)
    problems: list[tuple[ir.Operation, str]] = []
    for op in walk_preorder(root):
        if memref_checks and op.name in ("memref.load", "memref.store"):
            memref = op.operands[0] if op.name == "memref.load" else op.operands[1]
            width = _element_width(memref.type)
            if width is not None and width < 8:
                problems.append(
                    (
                        op,
                        f"'{op.name}' of {memref.type} would abort upstream's "
                        f"finalize-memref-to-llvm in '{stage.name}' (it asserts that "
                        "loaded and stored integers are at least 8 bits wide); "
                        "widen the buffer to i8 first",
                    )
                )
        elif gpu_checks and op.name in _GPU_ASYNC_OPS:
            dependencies = _async_dependencies(op)
            if dependencies > 1:
                problems.append(
                    (
                        op,
                        f"'{op.name}' has {dependencies} async dependencies: '{stage.name}' "
                        "would leave it unconverted and translating the result to LLVM IR "
                        "crashes; join them with 'gpu.wait async [...]' first",
                    )
                )
        elif binary_checks and op.name == "gpu.module" and "targets" in op.attributes:
            for target in ir.ArrayAttr(op.attributes["targets"]):
                text = str(target)
                if not text.startswith("#nvvm.target"):
                    continue
                chip = re.search(r'chip = "([^"]+)"', text)
                features = re.search(r'features = "([^"]+)"', text)
                problem = _ptx_problem(
                    chip.group(1) if chip else "sm_50", features.group(1) if features else None
                )
                if problem:
                    problems.append((op, f"{text}: {problem}"))
    return problems


def _async_dependencies(op: ir.Operation) -> int:
    """How many async dependencies (``!gpu.async.token`` operands) ``op`` has."""
    return sum(1 for operand in op.operands if str(operand.type) == "!gpu.async.token")
