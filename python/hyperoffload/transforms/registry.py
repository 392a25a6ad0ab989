"""The lazy registry of HyperOffload passes and named pipelines, read by
``hyper-opt`` and the Python API alike.

Each pass entry maps a pass argument to a function that imports the pass's
module only when asked (xDSL's ``get_all_passes`` habit), so ``hyper-opt
--help`` or a pipeline naming one pass does not import every pass.

A named pipeline is upstream's ``PassPipelineRegistration``: a name that
stands for a fixed textual pipeline, expanded where the name appears.

:func:`register_passes` puts both in MLIR's own pass registry (importing
``hyperoffload`` does it), so upstream's pipeline parser knows them:
``PassManager.parse("builtin.module(cache-plan-offload{budget=50%})")``.
Each is a C++ pass (``lib/CAPI/Passes.cpp``) with upstream string options
that runs the Python pass on ``builtin.module``; upstream reports unknown
options and wrong nesting, our option parser the values.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator

from mlir import ir

from hyperoffload import _native
from hyperoffload.transforms.pass_base import ModulePass, OptionError


def _peel_loop_slices() -> type[ModulePass]:
    from hyperoffload.transforms.peel_loop_slices import PeelLoopSlicesPass

    return PeelLoopSlicesPass


def _split_static_slices() -> type[ModulePass]:
    from hyperoffload.transforms.split_static_slices import SplitStaticSlicesPass

    return SplitStaticSlicesPass


def _stream_static_slices() -> type[ModulePass]:
    from hyperoffload.transforms.stream_static_slices import StreamStaticSlicesPass

    return StreamStaticSlicesPass


def _uplift_loop_counters() -> type[ModulePass]:
    from hyperoffload.transforms.uplift_loop_counters import UpliftLoopCountersPass

    return UpliftLoopCountersPass


def _elide_argument_copies() -> type[ModulePass]:
    from hyperoffload.transforms.elide_argument_copies import ElideArgumentCopiesPass

    return ElideArgumentCopiesPass


def _hoist_result_copies() -> type[ModulePass]:
    from hyperoffload.transforms.hoist_result_copies import HoistResultCopiesPass

    return HoistResultCopiesPass


def _release_dead_buffers() -> type[ModulePass]:
    from hyperoffload.transforms.release_dead_buffers import ReleaseDeadBuffersPass

    return ReleaseDeadBuffersPass


def _split_shared_constants() -> type[ModulePass]:
    from hyperoffload.transforms.split_shared_constants import SplitSharedConstantsPass

    return SplitSharedConstantsPass


def _strip_transfers() -> type[ModulePass]:
    from hyperoffload.transforms.strip_transfers import StripTransfersPass

    return StripTransfersPass


def _print_liveness() -> type[ModulePass]:
    from hyperoffload.transforms.print_liveness import PrintLivenessPass

    return PrintLivenessPass


def _verify_schedule() -> type[ModulePass]:
    from hyperoffload.transforms.verify_schedule import VerifySchedulePass

    return VerifySchedulePass


def _materialize_branch_results() -> type[ModulePass]:
    from hyperoffload.transforms.materialize_branch_results import MaterializeBranchResultsPass

    return MaterializeBranchResultsPass


def _materialize_loop_results() -> type[ModulePass]:
    from hyperoffload.transforms.materialize_loop_results import MaterializeLoopResultsPass

    return MaterializeLoopResultsPass


def _stream_call_arguments() -> type[ModulePass]:
    from hyperoffload.transforms.stream_call_arguments import StreamCallArgumentsPass

    return StreamCallArgumentsPass


def _stream_loop_slices() -> type[ModulePass]:
    from hyperoffload.transforms.stream_loop_slices import StreamLoopSlicesPass

    return StreamLoopSlicesPass


def _plan_offload() -> type[ModulePass]:
    from hyperoffload.transforms.plan_offload import PlanOffloadPass

    return PlanOffloadPass


def _schedule_transfers() -> type[ModulePass]:
    from hyperoffload.transforms.schedule_transfers import ScheduleTransfersPass

    return ScheduleTransfersPass


def _hyper_offload_pipeline() -> type[ModulePass]:
    from hyperoffload.transforms.hyper_offload_pipeline import HyperOffloadPipelinePass

    return HyperOffloadPipelinePass


def _lower_to_cpu() -> type[ModulePass]:
    from hyperoffload.transforms.lower_to_cpu import LowerToCpuPass

    return LowerToCpuPass


def _widen_bool_buffers() -> type[ModulePass]:
    from hyperoffload.transforms.widen_bool_buffers import WidenBoolBuffersPass

    return WidenBoolBuffersPass


def _copy_repeated_results() -> type[ModulePass]:
    from hyperoffload.transforms.copy_repeated_results import CopyRepeatedResultsPass

    return CopyRepeatedResultsPass


def _fuse_weight_transposes() -> type[ModulePass]:
    from hyperoffload.transforms.fuse_weight_transposes import FuseWeightTransposesPass

    return FuseWeightTransposesPass


def _lower_to_gpu() -> type[ModulePass]:
    from hyperoffload.transforms.lower_to_gpu import LowerToGpuPass

    return LowerToGpuPass


_PASSES: dict[str, Callable[[], type[ModulePass]]] = {
    "cache-copy-repeated-results": _copy_repeated_results,
    "cache-elide-argument-copies": _elide_argument_copies,
    "cache-fuse-weight-transposes": _fuse_weight_transposes,
    "cache-hoist-result-copies": _hoist_result_copies,
    "cache-lower-to-cpu": _lower_to_cpu,
    "cache-lower-to-gpu": _lower_to_gpu,
    "cache-materialize-branch-results": _materialize_branch_results,
    "cache-materialize-loop-results": _materialize_loop_results,
    "cache-peel-loop-slices": _peel_loop_slices,
    "cache-plan-offload": _plan_offload,
    "cache-print-liveness": _print_liveness,
    "cache-schedule-transfers": _schedule_transfers,
    "cache-release-dead-buffers": _release_dead_buffers,
    "cache-split-shared-constants": _split_shared_constants,
    "cache-split-static-slices": _split_static_slices,
    "cache-strip-transfers": _strip_transfers,
    "cache-stream-call-arguments": _stream_call_arguments,
    "cache-stream-loop-slices": _stream_loop_slices,
    "cache-stream-static-slices": _stream_static_slices,
    "cache-uplift-loop-counters": _uplift_loop_counters,
    "cache-verify-schedule": _verify_schedule,
    "cache-widen-bool-buffers": _widen_bool_buffers,
    "hyper-offload-pipeline": _hyper_offload_pipeline,
}


# Passes registered by users of the library (register_pass).
_USER_PASSES: dict[str, type[ModulePass]] = {}


def get_all_passes() -> dict[str, Callable[[], type[ModulePass]]]:
    """Pass argument -> loader of the pass class, sorted by argument: the
    passes this package ships."""
    return dict(sorted(_PASSES.items()))


def get_pass(name: str) -> type[ModulePass]:
    """The pass class registered as ``name`` (ours or one registered with
    :func:`register_pass`); KeyError if there is none."""
    if name in _USER_PASSES:
        return _USER_PASSES[name]
    return _PASSES[name]()


@dataclasses.dataclass(frozen=True)
class NamedPipeline:
    """A name for a fixed pipeline of passes on ``builtin.module``."""

    name: str
    summary: str
    text: str


# Upstream bufferization for linalg-on-tensors (torch-mlir's output), after
# each weight's transpose is folded into its consumers' indexing maps (no
# transposed copy of a weight beside the weight), so that
# the result is what the offload passes read: memrefs with identity layouts at
# function boundaries, results turned into out-parameters with static
# allocations hoisted, explicit deallocs, each moved to right after the
# buffer's last use (ownership-based deallocation frees at the end of the
# block, which holds every buffer to the return; upstream's
# optimize-allocation-liveness releases it as soon as it is dead, kept by
# cache-release-dead-buffers only where it gives valid IR). An
# allocation returned twice gets a copy first: hoisting it into two
# out-parameters crashes upstream.
# Elementwise ops are fused on tensors first, so comparisons and selects
# stay inside one linalg.generic instead of becoming i1 buffers; those left
# (boolean reductions) are stored as bytes. The fusion's folding can merge
# two constants into one that two unranked casts then read, which one-shot
# bufferization rejects: each such cast gets its own constant back. A
# loop's tensor state (lax.scan's hidden state) is written back into its
# iteration argument, so one-shot bufferization keeps it in one buffer; a
# branch's tensor results (lax.cond's) are written into one destination
# each, so neither needs runtime ownership flags. A
# private callee that only reads a parameter is passed its caller's view
# (strided layout) instead of the copy the identity layout needs (nested
# jit's per-layer slices of stacked weights).
BUFFERIZE_PIPELINE = NamedPipeline(
    name="hyper-bufferize-pipeline",
    summary="Bufferize linalg-on-tensors (torch-mlir output) for offload planning.",
    text=(
        "cache-uplift-loop-counters,cache-fuse-weight-transposes,"
        "func.func(linalg-fuse-elementwise-ops),"
        "cache-split-shared-constants,cache-materialize-loop-results,"
        "cache-materialize-branch-results,"
        "one-shot-bufferize{bufferize-function-boundaries "
        "function-boundary-type-conversion=identity-layout-map},"
        "cache-elide-argument-copies,cache-copy-repeated-results,"
        "buffer-results-to-out-params{modify-public-functions hoist-static-allocs},"
        "cache-hoist-result-copies,buffer-deallocation-pipeline,canonicalize,cse,"
        "cache-release-dead-buffers,cache-widen-bool-buffers"
    ),
)

_PIPELINES: dict[str, NamedPipeline] = {BUFFERIZE_PIPELINE.name: BUFFERIZE_PIPELINE}


def get_all_pipelines() -> dict[str, NamedPipeline]:
    """Pipeline name -> its definition, sorted by name."""
    return dict(sorted(_PIPELINES.items()))


# -- upstream's registry ------------------------------------------------------

# The pass instances run through upstream's registry, while collected.
_collectors: list[list[ModulePass]] = []


@contextlib.contextmanager
def collect_instances() -> Iterator[list[ModulePass]]:
    """Within the block, each of our passes that a pass manager runs is
    appended to the yielded list once it ran (for its statistics)."""
    instances: list[ModulePass] = []
    _collectors.append(instances)
    try:
        yield instances
    finally:
        _collectors.remove(instances)


_Description = tuple[str, list[tuple[str, str, str, bool]]]


def _describe(name: str) -> Callable[[], _Description]:
    def describe() -> _Description:
        pass_class = get_pass(name)
        options = [
            (i.name, i.help, "" if i.default is None else i.format_default(), i.type_name == "bool")
            for i in pass_class.options()
        ]
        return pass_class.summary, options

    return describe


def _check(name: str) -> Callable[[str], str | None]:
    def check(options: str) -> str | None:
        try:
            get_pass(name).from_option_text(options)
        except OptionError as err:
            return str(err)
        return None

    return check


def _run(name: str) -> Callable[[str, ir.Operation], bool]:
    def run(options: str, module: ir.Operation) -> bool:
        instance = get_pass(name).from_option_text(options)
        succeeded = instance.run_on(module)
        for instances in _collectors:
            instances.append(instance)
        return succeeded

    return run


def class_name(argument: str) -> str:
    """The class of the pass registered as ``argument``, by the naming
    rule (``cache-plan-offload`` -> ``PlanOffloadPass``) so that it is
    known without importing it."""
    words = argument.removeprefix("cache-").split("-")
    return "".join(word.title() for word in words) + "Pass"


def register_pass(pass_class: type[ModulePass]) -> None:
    """Add a pass class of your own (a :class:`ModulePass` dataclass whose
    ``name`` is not taken) to this registry and to MLIR's: pipelines then
    name it like ours."""
    name = pass_class.name
    if name in _PASSES or _USER_PASSES.get(name, pass_class) is not pass_class:
        raise ValueError(f"a pass called '{name}' is already registered")
    _USER_PASSES[name] = pass_class
    _native.register_pass(
        name, pass_class.__name__, pass_class.summary, _describe(name), _run(name), _check(name)
    )


def register_passes() -> None:
    """Register every pass and named pipeline in MLIR's pass registry
    (again: nothing changes). Pass modules are imported when a pipeline
    first names them."""
    for name in _PASSES:
        _native.register_pass(name, class_name(name), "", _describe(name), _run(name), _check(name))
    for pipeline in _PIPELINES.values():
        _native.register_pass_pipeline(pipeline.name, pipeline.summary, pipeline.text)
