"""Textual pass pipelines that mix HyperOffload passes with upstream ones.

``build_pass_manager("builtin.module(canonicalize, cache-strip-transfers, cse)")``
returns an upstream :class:`mlir.passmanager.PassManager`: each run of
consecutive upstream elements is added with ``pm.add(text)`` (upstream
parses and nests it), each of our passes with ``pm.add(callable, ...)``. Our
passes run on the top-level ``builtin.module``; naming one inside a nested
anchor such as ``func.func(...)`` is an error. A named pipeline
(``hyper-bufferize-pipeline``) is replaced by the elements it stands for.
"""

from __future__ import annotations

import dataclasses
import re

from mlir import ir, passmanager

from hyperoffload.transforms.pass_base import ModulePass, OptionError
from hyperoffload.transforms.registry import get_all_passes, get_all_pipelines


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


def _check_not_nested(element: PipelineElement, passes: set[str], parser: _Parser) -> None:
    for child in element.nested or []:
        if child.name in passes or child.name in MODULE_PIPELINES:
            pipelines = MODULE_PIPELINES | set(get_all_pipelines())
            kind = "pipeline" if child.name in pipelines else "pass"
            raise parser.error(
                f"{kind} '{child.name}' runs on 'builtin.module' and cannot be nested "
                f"under '{element.name}'",
                child.offset,
            )
        _check_not_nested(child, passes, parser)


def expand_named(elements: list[PipelineElement], parser: _Parser) -> list[PipelineElement]:
    """Replace each top-level named pipeline by the elements it stands for."""
    named = get_all_pipelines()
    expanded: list[PipelineElement] = []
    for element in elements:
        definition = named.get(element.name)
        if definition is None:
            expanded.append(element)
            continue
        if element.options is not None or element.nested is not None:
            raise parser.error(f"pipeline '{element.name}' takes no options", element.offset)
        expanded.extend(parse_pipeline(definition.text))
    return expanded


def add_pass(pm: passmanager.PassManager, instance: ModulePass) -> None:
    """Append one HyperOffload pass instance to an upstream PassManager."""
    pm.add(
        instance.as_callable(),
        name=type(instance).__name__,
        argument=instance.name,
        description=instance.summary,
    )


def instantiate(element: PipelineElement) -> ModulePass:
    """Build our pass named by ``element`` with its options."""
    pass_class = get_all_passes()[element.name]()
    try:
        return pass_class.from_option_text(element.options or "")
    except OptionError as err:
        raise PipelineError(str(err)) from None


def build_pass_manager(
    pipeline: str,
    context: ir.Context | None = None,
    instances: list[ModulePass] | None = None,
) -> passmanager.PassManager:
    """Turn one textual pipeline mixing our passes and upstream passes into an
    upstream PassManager anchored on ``builtin.module``.

    Our pass objects are appended to ``instances`` when given (their
    statistics can be read after the run). Raises PipelineError with a caret
    under the offending text.
    """
    named = get_all_pipelines()
    ours = set(get_all_passes()) | set(named)
    parser = _Parser(pipeline)
    elements = expand_named(parse_pipeline(pipeline), parser)
    pm = passmanager.PassManager("builtin.module", context)
    upstream: list[PipelineElement] = []

    def flush() -> None:
        if not upstream:
            return
        text = ",".join(element.text for element in upstream)
        try:
            pm.add(text)
        except ValueError as err:
            raise PipelineError(
                f"invalid upstream pass pipeline '{text}': {err}".rstrip()
            ) from None
        upstream.clear()

    for element in elements:
        if element.name in ours and element.nested is None:
            flush()
            instance = instantiate(element)
            add_pass(pm, instance)
            if instances is not None:
                instances.append(instance)
        else:
            _check_not_nested(element, ours, parser)
            upstream.append(element)
    flush()
    return pm
