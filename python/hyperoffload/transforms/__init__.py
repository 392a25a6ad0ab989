"""HyperOffload passes and the machinery to run them in upstream pass managers.

Python API: importing ``hyperoffload`` puts our passes in MLIR's registry,
so upstream's PassManager parses them like its own::

    import hyperoffload
    from mlir import ir, passmanager

    with ir.Context():
        module = ir.Module.parse(text)
        pm = passmanager.PassManager.parse(
            "builtin.module(hyper-offload-pipeline{budget=50% hw=gh200}, canonicalize)"
        )
        pm.run(module.operation)

``build_pass_manager`` does the same for a bare element list, and raises
PipelineError where upstream would end the process building the pipeline;
``pipeline_stages`` reads a built pass manager back, stage by stage.
"""

from hyperoffload.transforms.pass_base import ModulePass, OptionError, OptionInfo, PassFailure
from hyperoffload.transforms.pipeline import (
    PipelineError,
    PipelineStage,
    build_pass_manager,
    pipeline_stages,
)
from hyperoffload.transforms.registry import (
    NamedPipeline,
    collect_instances,
    get_all_passes,
    get_all_pipelines,
    get_pass,
    register_passes,
)

__all__ = [
    "ModulePass",
    "NamedPipeline",
    "OptionError",
    "OptionInfo",
    "PassFailure",
    "PipelineError",
    "PipelineStage",
    "build_pass_manager",
    "collect_instances",
    "get_all_passes",
    "get_all_pipelines",
    "get_pass",
    "pipeline_stages",
    "register_passes",
]
