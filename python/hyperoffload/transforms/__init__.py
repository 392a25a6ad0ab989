"""HyperOffload passes and the machinery to run them in upstream pass managers.

Python API::

    from mlir import ir
    from hyperoffload.transforms import build_pass_manager

    with ir.Context():
        module = ir.Module.parse(text)
        build_pass_manager("builtin.module(cache-strip-transfers, canonicalize)").run(
            module.operation
        )
"""

from hyperoffload.transforms.pass_base import ModulePass, OptionError, OptionInfo, PassFailure
from hyperoffload.transforms.pipeline import (
    PipelineError,
    add_pass,
    build_pass_manager,
    parse_pipeline,
)
from hyperoffload.transforms.registry import (
    NamedPipeline,
    get_all_passes,
    get_all_pipelines,
    get_pass,
)

__all__ = [
    "ModulePass",
    "NamedPipeline",
    "OptionError",
    "OptionInfo",
    "PassFailure",
    "PipelineError",
    "add_pass",
    "build_pass_manager",
    "get_all_passes",
    "get_all_pipelines",
    "get_pass",
    "parse_pipeline",
]
