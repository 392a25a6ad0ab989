"""Textual pass pipelines that mix HyperOffload passes with upstream ones.

Our passes and named pipelines are in MLIR's own pass registry
(:func:`hyperoffload.transforms.registry.register_passes`), so upstream's
parser builds every pipeline: ``PassManager.parse`` works directly, and
``build_pass_manager("builtin.module(canonicalize, cache-strip-transfers, cse)")``
adds only two things to it. A bare element list (``canonicalize, cse``) is
appended to a ``builtin.module`` pass manager, as ``PassManager.add`` does.
And a pipeline that upstream would end the process building (a registered
pipeline that adds module passes, such as ``sparsifier``, nested under
``func.func(...)``: ``OpPassManager::addPass`` calls ``report_fatal_error``)
raises :class:`PipelineError` with upstream's fatal message instead; the
parse runs under an abort guard (``hyperoffloadParsePassPipeline``,
``lib/CAPI/Pipelines.cpp``).

:func:`pipeline_stages` reads a built pass manager back as upstream prints
it, one :class:`PipelineStage` per pass, nested pass managers expanded:
registered pipelines appear as the passes they stand for. ``hyper-opt``
splits its pipeline into stages from it; nothing here parses pipeline text.
"""

from __future__ import annotations

import dataclasses
import re

from mlir import ir, passmanager

from hyperoffload import _native
from hyperoffload.transforms.pass_base import ModulePass, OptionError
from hyperoffload.transforms.registry import get_pass


class PipelineError(ValueError):
    """The pipeline text is malformed, names an unknown pass or bad options,
    or would end the process while being built."""


@dataclasses.dataclass(frozen=True)
class PipelineStage:
    """One pass of a built pass manager (``nested`` is None), or one op's
    nested pass manager (``name`` the op, ``nested`` its stages).

    ``text`` is upstream's textual form (``canonicalize{max-iterations=10
    ...}``, ``func.func(cse)``), which upstream parses back to the same
    pass; ``options`` the text between a pass's braces, every option given
    its value."""

    name: str
    options: str
    nested: tuple[PipelineStage, ...] | None
    text: str

    def names(self) -> list[str]:
        """This stage's name and those of every stage nested in it."""
        found = [self.name]
        for child in self.nested or ():
            found.extend(child.names())
        return found


# The anchored form: ``builtin.module(...)`` is the whole pipeline.
_ANCHORED = re.compile(r"\s*builtin\.module\s*\(")


def _parse_into(pm: passmanager.PassManager, text: str, anchored: bool) -> None:
    failure = _native.parse_pass_pipeline(pm, text, anchored)
    if failure is None:
        return
    aborted, message = failure
    if aborted:
        raise PipelineError(
            f"upstream MLIR would end the process building this pipeline: {message}"
        )
    raise PipelineError(_upstream_message(message))


def build_pass_manager(pipeline: str, context: ir.Context | None = None) -> passmanager.PassManager:
    """Upstream's PassManager for one textual pipeline (``builtin.module(...)``
    or the bare element list) mixing our passes and upstream ones.

    Raises PipelineError with upstream's message: unknown pass, bad option,
    malformed text, or the fatal error that building the pipeline would end
    the process with. Read the statistics of our passes after a run with
    :func:`hyperoffload.transforms.registry.collect_instances`.
    """
    pm = passmanager.PassManager("builtin.module", context)
    _parse_into(pm, pipeline, anchored=bool(_ANCHORED.match(pipeline)))
    return pm


def pipeline_stages(
    pm: passmanager.PassManager, context: ir.Context | None = None
) -> list[PipelineStage]:
    """The passes directly in ``pm``, as upstream prints them; an op's
    nested pass manager is read back the same way (its printed text parsed
    by upstream's parser)."""
    stages: list[PipelineStage] = []
    for argument, text in _native.pass_manager_passes(pm):
        if argument:
            braced = text.startswith(argument + "{") and text.endswith("}")
            options = text[len(argument) + 1 : -1].strip() if braced else ""
            stages.append(PipelineStage(argument, options, None, text))
            continue
        nested = passmanager.PassManager("any", context)
        _parse_into(nested, text, anchored=True)
        anchor = text[: text.index("(")].strip()
        stages.append(PipelineStage(anchor, "", tuple(pipeline_stages(nested, context)), text))
    return stages


def instantiate(stage: PipelineStage) -> ModulePass:
    """Our pass that ``stage`` runs, built from its options."""
    pass_class = get_pass(stage.name)
    try:
        return pass_class.from_option_text(stage.options)
    except OptionError as err:
        raise PipelineError(str(err)) from None


def _upstream_message(text: str) -> str:
    """Upstream's pipeline error without the parser's name
    (``MLIR Textual PassPipeline Parser:1:5: error: ...``) or blank lines."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return "\n".join(_PARSER_PREFIX.sub("", line) for line in lines)


_PARSER_PREFIX = re.compile(
    r"^(MLIR Textual PassPipeline Parser|<Pass-Options-Parser>)(:\d+:\d+)?: (error: )?"
)
