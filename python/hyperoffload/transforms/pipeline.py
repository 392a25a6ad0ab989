"""Textual pass pipelines that mix HyperOffload passes with upstream ones.

Our passes and named pipelines are in MLIR's own pass registry
(:func:`hyperoffload.transforms.registry.register_passes`), so upstream's
parser builds every pipeline: ``PassManager.parse`` works directly, and
``build_pass_manager("builtin.module(canonicalize, cache-strip-transfers, cse)")``
adds only what upstream cannot do itself: a bare element list gets its
``builtin.module`` anchor, and pipelines that would end the process while
being built are refused first. Upstream's ``OpPassManager::addPass`` ends
the process (``LLVM ERROR: Can't add pass ... restricted to
'builtin.module'``) when a registered pipeline that adds module passes is
nested under another anchor; upstream parsing is the step that would do it,
so :func:`parse_pipeline` splits the text beforehand (``hyper-opt`` also
uses it to run stages in a child process). It builds nothing.
"""

from __future__ import annotations

import dataclasses
import re

from mlir import ir, passmanager

from hyperoffload.transforms.pass_base import ModulePass, OptionError
from hyperoffload.transforms.registry import get_pass


class PipelineError(ValueError):
    """The pipeline text is malformed, names an unknown pass or bad options."""


@dataclasses.dataclass
class PipelineElement:
    """One element: a pass ``name{options}`` or an anchor ``name(elements)``."""

    name: str
    options: str | None
    nested: list[PipelineElement] | None
    text: str
    offset: int


# Registered upstream pipelines that add builtin.module passes as they are
# built: nested under another anchor they end the process ("LLVM ERROR: Can't
# add pass ... restricted to 'builtin.module'") instead of raising.
MODULE_PIPELINES = frozenset(
    {
        "gpu-lower-to-nvvm-pipeline",
        "gpu-lower-to-xevm-pipeline",
        "sparsifier",
        "tosa-to-linalg-pipeline",
    }
)

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def error(self, message: str, offset: int | None = None) -> PipelineError:
        at = self.pos if offset is None else offset
        caret = " " * at + "^"
        return PipelineError(f"{message}\n{self.text}\n{caret}")

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def parse_list(self, closing: str | None) -> list[PipelineElement]:
        elements: list[PipelineElement] = []
        self.skip_space()
        if closing and self.pos < len(self.text) and self.text[self.pos] == closing:
            return elements
        while True:
            elements.append(self.parse_element())
            self.skip_space()
            if self.pos < len(self.text) and self.text[self.pos] == ",":
                self.pos += 1
                continue
            return elements

    def parse_element(self) -> PipelineElement:
        self.skip_space()
        start = self.pos
        match = _NAME.match(self.text, self.pos)
        if not match:
            raise self.error("expected a pass or pipeline name")
        name = match.group(0)
        self.pos = match.end()
        self.skip_space()
        options: str | None = None
        nested: list[PipelineElement] | None = None
        if self.pos < len(self.text) and self.text[self.pos] == "{":
            options = self.parse_braced()
        elif self.pos < len(self.text) and self.text[self.pos] == "(":
            self.pos += 1
            nested = self.parse_list(")")
            self.skip_space()
            if self.pos >= len(self.text) or self.text[self.pos] != ")":
                raise self.error(f"expected ')' to close '{name}('")
            self.pos += 1
        return PipelineElement(name, options, nested, self.text[start : self.pos].strip(), start)

    def parse_braced(self) -> str:
        open_at = self.pos
        depth = 0
        quote: str | None = None
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 1
            if quote:
                if char == quote:
                    quote = None
            elif char in "\"'":
                quote = char
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return self.text[open_at + 1 : self.pos - 1]
        raise self.error("unbalanced '{' in pass options", open_at)


def parse_pipeline(text: str) -> list[PipelineElement]:
    """Parse ``builtin.module(a, b{x=1}, func.func(c))`` (or the bare
    ``a, b{x=1}``) into the elements that run on the top-level module."""
    parser = _Parser(text)
    elements = parser.parse_list(None)
    parser.skip_space()
    if parser.pos != len(text):
        raise parser.error("unexpected text after the pipeline")
    if len(elements) == 1 and elements[0].name == "builtin.module":
        return elements[0].nested or []
    for element in elements:
        if element.name == "builtin.module":
            raise parser.error("'builtin.module(...)' must be the whole pipeline", element.offset)
    return elements


def _check_not_nested(element: PipelineElement, parser: _Parser) -> None:
    for child in element.nested or []:
        if child.name in MODULE_PIPELINES:
            raise parser.error(
                f"pipeline '{child.name}' runs on 'builtin.module' and cannot be nested "
                f"under '{element.name}'",
                child.offset,
            )
        _check_not_nested(child, parser)


def instantiate(element: PipelineElement) -> ModulePass:
    """Our pass named by ``element``, built from its options."""
    pass_class = get_pass(element.name)
    try:
        return pass_class.from_option_text(element.options or "")
    except OptionError as err:
        raise PipelineError(str(err)) from None


def build_pass_manager(pipeline: str, context: ir.Context | None = None) -> passmanager.PassManager:
    """Upstream's PassManager for one textual pipeline (``builtin.module(...)``
    or the bare element list) mixing our passes and upstream ones.

    Raises PipelineError with upstream's message (unknown pass, bad option,
    malformed text), or with a caret under a pipeline that would end the
    process. Read the statistics of our passes after a run with
    :func:`hyperoffload.transforms.registry.collect_instances`.
    """
    parser = _Parser(pipeline)
    elements = parse_pipeline(pipeline)
    for element in elements:
        _check_not_nested(element, parser)
    text = f"builtin.module({','.join(element.text for element in elements)})"
    try:
        return passmanager.PassManager.parse(text, context)
    except ValueError as err:
        raise PipelineError(_upstream_message(str(err))) from None


def _upstream_message(text: str) -> str:
    """Upstream's pipeline error without the parser's name
    (``MLIR Textual PassPipeline Parser:1:5: error: ...``) or blank lines."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return "\n".join(_PARSER_PREFIX.sub("", line) for line in lines)


_PARSER_PREFIX = re.compile(
    r"^(MLIR Textual PassPipeline Parser|<Pass-Options-Parser>)(:\d+:\d+)?: (error: )?"
)
