"""The base class of HyperOffload's Python passes and their typed options.

A pass is a small frozen dataclass whose fields are its options (the xDSL
habit): the field ``max_inflight: int = 2`` is the option ``max-inflight``,
spelled ``cache-foo{max-inflight=4}`` in a pipeline and
``--cache-foo=max-inflight=4`` on the ``hyper-opt`` command line. Field
metadata ``{"help": ...}`` is the option's help text.

Passes run on the top-level ``builtin.module``. They report problems as MLIR
diagnostics at the offending op (so ``--verify-diagnostics`` and the usual
``file:line:col: error:`` rendering apply) and fail by raising
:class:`PassFailure` once they have emitted their errors.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import gc
import re
import traceback
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args, get_origin, get_type_hints

from mlir import ir

from hyperoffload import _native

if TYPE_CHECKING:
    from hyperoffload.transforms.budget import Budget


class PassFailure(Exception):
    """Raised by a pass after it has emitted its error diagnostics."""


class OptionError(ValueError):
    """A pass option is unknown or its value does not parse."""


@dataclasses.dataclass(frozen=True)
class OptionInfo:
    """Describes one pass option for ``--help`` and for parsing."""

    name: str
    field: str
    type_name: str
    default: Any
    help: str
    parse: Callable[[str], Any]

    def format_default(self) -> str:
        return format_option_value(self.default)


def format_option_value(value: Any) -> str:
    """``value`` as option text that :func:`split_option_text` reads back:
    a string with spaces, commas or quotes is wrapped in braces."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(format_option_value(v) for v in value)
    text = str(value)
    if isinstance(value, str) and any(c in text for c in " \t,'\"{}"):
        return "{" + text + "}"
    return text


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "on", "yes", ""):
        return True
    if lowered in ("false", "0", "off", "no"):
        return False
    raise ValueError(f"expected true or false, got '{text}'")


def _parse_int(text: str) -> int:
    try:
        return int(text, 0)
    except ValueError:
        raise ValueError(f"expected an integer, got '{text}'") from None


def _parse_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"expected a number, got '{text}'") from None


def _choice_parser(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got '{text}'")
        return text

    return parse


def _parser_for(annotation: Any) -> tuple[Callable[[str], Any], str]:
    """Return (parser, type name) for a supported option annotation."""
    if annotation is bool:
        return _parse_bool, "bool"
    if annotation is int:
        return _parse_int, "int"
    if annotation is float:
        return _parse_float, "number"
    if annotation is str:
        return (lambda text: text), "string"
    origin = get_origin(annotation)
    if origin is Literal:
        choices = tuple(str(c) for c in get_args(annotation))
        return _choice_parser(choices), "|".join(choices)
    if origin is tuple:
        args = get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            element_parser, element_name = _parser_for(args[0])

            def parse_list(text: str) -> tuple[Any, ...]:
                items = [item.strip() for item in text.split(",") if item.strip()]
                return tuple(element_parser(item) for item in items)

            return parse_list, f"list of {element_name}"
    raise TypeError(f"unsupported option type {annotation!r}")


_OPTION_START = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*=")


def split_option_text(text: str) -> list[str]:
    """Split ``"a=1 b=x,y"`` (mlir-opt's spelling) into ``["a=1", "b=x,y"]``.

    Commas also separate options when the next item starts a new
    ``name=`` (``"a=1,b=2"``); otherwise they belong to a list value.
    Values may be quoted with ``"`` or ``'`` or wrapped in ``{}``.
    """
    words: list[str] = []
    current: list[str] = []
    quote: str | None = None
    depth = 0
    for char in text:
        if quote:
            if char == quote:
                quote = None
            else:
                current.append(char)
            continue
        if char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
            if depth > 1:
                current.append(char)
        elif char == "}":
            depth -= 1
            if depth > 0:
                current.append(char)
        elif char.isspace() and depth == 0:
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(char)
    if quote:
        raise OptionError(f"unterminated quote in options '{text}'")
    if current:
        words.append("".join(current))
    options: list[str] = []
    for word in words:
        for index, piece in enumerate(word.split(",")):
            if index == 0 or _OPTION_START.match(piece):
                options.append(piece)
            else:
                options[-1] += "," + piece
    return [o for o in options if o]


def option(default: Any, help: str) -> Any:
    """A pass option: a dataclass field with its default and help text."""
    return dataclasses.field(default=default, metadata={"help": help})


def budget_option() -> Any:
    return option("", "device-memory budget: bytes, a size (512MiB) or a percentage (74%)")


def hw_option() -> Any:
    return option("h100-pcie", "hardware profile name or TOML path")


def functions_option() -> Any:
    return option(
        (),
        "functions to work on: names or shell patterns (layer_*), comma-separated; "
        "empty: every function with a body",
    )


def dynamic_dim_bound_option() -> Any:
    return option(0, "upper bound assumed for dynamic dimensions (0: report an error)")


class ModulePass:
    """Base class of every HyperOffload pass (subclasses are dataclasses).

    Class attributes:
      name: the pass argument, e.g. ``cache-strip-transfers``.
      summary: one-sentence summary shown by ``hyper-opt --help``.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    # Results per function name (pass statistics, reports), filled by run().
    statistics: dict[str, Any]

    def __post_init__(self) -> None:
        # Passes are frozen dataclasses; the statistics are not an option.
        object.__setattr__(self, "statistics", {})

    def run(self, module: ir.Operation) -> None:  # pragma: no cover - abstract
        """Transform or analyse ``module`` (a ``builtin.module``)."""
        raise NotImplementedError

    # -- options ---------------------------------------------------------

    @classmethod
    def options(cls) -> list[OptionInfo]:
        """The pass's options, in declaration order."""
        hints = get_type_hints(cls)
        infos = []
        for field in dataclasses.fields(cls):  # type: ignore[arg-type]
            parse, type_name = _parser_for(hints[field.name])
            default: Any
            if field.default is not dataclasses.MISSING:
                default = field.default
            elif field.default_factory is not dataclasses.MISSING:
                default = field.default_factory()
            else:
                raise TypeError(f"option {field.name} of {cls.__name__} has no default")
            infos.append(
                OptionInfo(
                    name=field.name.replace("_", "-"),
                    field=field.name,
                    type_name=type_name,
                    default=default,
                    help=field.metadata.get("help", ""),
                    parse=parse,
                )
            )
        return infos

    @classmethod
    def from_option_text(cls, text: str) -> ModulePass:
        """Build the pass from ``"name=value ..."`` option text."""
        known = {info.name: info for info in cls.options()}
        values: dict[str, Any] = {}
        for item in split_option_text(text):
            key, sep, raw = item.partition("=")
            info = known.get(key)
            if info is None:
                choices = ", ".join(known) if known else "none"
                raise OptionError(
                    f"no such option '{key}' for pass '{cls.name}' (options: {choices})"
                )
            if not sep and info.type_name != "bool":
                raise OptionError(f"option '{key}' of pass '{cls.name}' needs a value")
            try:
                values[info.field] = info.parse(raw)
            except ValueError as err:
                raise OptionError(
                    f"invalid value for option '{key}' of pass '{cls.name}': {err}"
                ) from None
        return cls(**values)

    def pipeline_text(self) -> str:
        """This pass with its non-default options, as pipeline text."""
        parts = []
        for info in self.options():
            value = getattr(self, info.field)
            if value != info.default:
                parts.append(f"{info.name}={format_option_value(value)}")
        return f"{self.name}{{{' '.join(parts)}}}" if parts else self.name

    # -- diagnostics -----------------------------------------------------

    @staticmethod
    def emit_error(where: ir.Operation | ir.OpView | ir.Location, message: str) -> None:
        _native.emit_diagnostic(_location(where), _native.Severity.ERROR, message)

    @staticmethod
    def emit_warning(where: ir.Operation | ir.OpView | ir.Location, message: str) -> None:
        _native.emit_diagnostic(_location(where), _native.Severity.WARNING, message)

    @staticmethod
    def emit_remark(where: ir.Operation | ir.OpView | ir.Location, message: str) -> None:
        _native.emit_diagnostic(_location(where), _native.Severity.REMARK, message)

    def fail(self, where: ir.Operation | ir.OpView | ir.Location, message: str) -> PassFailure:
        """Emit ``message`` as an error and return the exception to raise."""
        self.emit_error(where, message)
        return PassFailure(message)

    @staticmethod
    def failure(where: ir.Operation | ir.OpView | ir.Location, message: str) -> PassFailure:
        """The exception to raise once the errors have been emitted."""
        del where
        return PassFailure(message)

    # -- functions -------------------------------------------------------

    def selected_functions(self, module: ir.Operation) -> list[ir.Operation]:
        """The functions with a body that the ``functions=`` option names
        (every one without it); a name or pattern that selects none is an
        error."""
        from hyperoffload.ir_utils import functions_with_bodies

        functions = functions_with_bodies(module)
        patterns = [p.removeprefix("@") for p in getattr(self, "functions", ())]
        if not patterns:
            return functions
        names = [ir.StringAttr(f.attributes["sym_name"]).value for f in functions]
        for pattern in patterns:
            if not any(fnmatch.fnmatchcase(name, pattern) for name in names):
                known = ", ".join(f"@{name}" for name in names) or "none"
                raise self.fail(
                    module,
                    f"functions={pattern} selects no function with a body (functions: {known})",
                )
        return [
            function
            for function, name in zip(functions, names, strict=True)
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)
        ]

    def tensor_problem(self, function: ir.Operation) -> tuple[ir.Operation, str] | None:
        """Where ``function`` computes on tensors, the op defining the first
        one and what to say: tensors are values, not buffers, so no memory
        is known until bufferization (``hyper-bufferize-pipeline``)."""
        found = _native.first_tensor_definition(function)
        if found is None:
            return None
        name = ir.StringAttr(function.attributes["sym_name"]).value
        what = "takes tensors" if found == function else f"'{found.name}' defines a tensor"
        return found, (
            f"@{name} computes on tensors ({what}): buffers, and so device memory, exist "
            "only after bufferization; run --hyper-bufferize-pipeline first"
        )

    def structured_functions(
        self,
        module: ir.Operation,
        budget: Budget | None = None,
        dynamic_dim_bound: int | None = None,
        whole_program: bool = False,
    ) -> list[ir.Operation]:
        """The selected functions (:meth:`selected_functions`) with a
        one-block body on buffers; a body with several blocks (``cf``
        branches and loops) is first lifted to ``scf`` with upstream's
        ``lift-cf-to-scf`` (:func:`lift_branches`). Each other one is left
        unchanged: with a ``budget``, a function on tensors is an error, and
        so is one whose branches cannot be lifted and whose peak as given
        does not meet it (requests we cannot honour: the pass fails after
        reporting all of them); otherwise a remark. With a percentage
        budget and no ``functions=``, a function another function of the
        module calls is left unchanged with a remark: the percentage is of
        the program its callers run (its transient buffers are not yet
        counted at the call sites)."""
        from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
        from hyperoffload.sizes import format_bytes

        functions = []
        unmet = False
        explicit = bool(getattr(self, "functions", ()))
        for function in self.selected_functions(module):
            percentage = budget is not None and budget.fraction is not None
            if (percentage or whole_program) and not explicit:
                callers = _other_callers(function)
                if callers:
                    # A percentage is of the program's peak, which the
                    # functions the module enters reach; JAX's small
                    # helpers (@tril, @silu) alone cannot meet one.
                    self.emit_remark(
                        function,
                        f"{self.name} leaves this function unchanged: it runs within "
                        f"{', '.join('@' + c for c in callers)}, and "
                        f"{'a percentage budget' if percentage else 'max-slowdown'} "
                        "applies to the functions nothing in the module calls (name it with "
                        "functions= to plan it alone)",
                    )
                    continue
            tensors = self.tensor_problem(function)
            if tensors is not None:
                op, message = tensors
                if budget is not None:
                    self.emit_error(op, f"{self.name} cannot meet a budget: {message}")
                    unmet = True
                else:
                    self.emit_remark(op, f"{self.name} leaves this function unchanged: {message}")
                continue
            function, problem = lift_branches(function)
            if problem is None:
                functions.append(function)
                continue
            reason = (
                "its body has several blocks (cf branches) that lift-cf-to-scf cannot "
                f"structure ({problem}); only structured control flow (scf) is planned"
            )
            if budget is not None:
                try:
                    liveness = BufferLiveness(function, dynamic_dim_bound=dynamic_dim_bound)
                    limit = budget.resolve(function, dynamic_dim_bound, liveness)
                except LivenessError as err:
                    self.emit_error(err.location, err.message)
                    unmet = True
                    continue
                if liveness.peak_bytes > limit:
                    self.emit_error(
                        function,
                        f"budget of {limit} bytes ({format_bytes(limit)}) is not met: "
                        f"{self.name} cannot plan this function, {reason}; its peak is "
                        f"{liveness.peak_bytes} bytes",
                    )
                    unmet = True
                    continue
            self.emit_remark(function, f"{self.name} leaves this function unchanged: {reason}")
        if unmet:
            raise self.failure(module, "a function cannot meet the budget")
        return functions

    # -- running inside an upstream PassManager ---------------------------

    def run_on(self, op: ir.Operation) -> bool:
        """Run the pass on ``op`` as a pass manager does: whether it
        succeeded. A :class:`PassFailure` is a failure (its diagnostics are
        out); any other exception is an internal error, reported as a
        diagnostic naming the pass (never a traceback through MLIR)."""
        operation = op.operation if hasattr(op, "operation") else op
        try:
            # Builders need a current context and a default location.
            with operation.context, operation.location, paused_gc():
                self.run(operation)
        except PassFailure:
            return False
        except Exception as exc:
            last_internal_errors.append(traceback.format_exc())
            self.emit_error(
                operation,
                f"internal error in pass '{self.name}': {type(exc).__name__}: {exc}",
            )
            return False
        return True


def _other_callers(function: ir.Operation) -> list[str]:
    """The other functions of ``function``'s module that call it or take
    its address."""
    from hyperoffload.analysis.references import module_references

    name = ir.StringAttr(function.attributes["sym_name"]).value
    return [caller for caller in module_references(function, []).callers if caller != name]


def lift_branches(function: ir.Operation) -> tuple[ir.Operation, str | None]:
    """Make ``function``'s body one block: nothing to do if it is; else
    upstream's ``lift-cf-to-scf`` turns its ``cf`` branches and loops into
    ``scf.if``/``scf.index_switch``/``scf.while``. Returns the function and
    None when its body is one block (lifted or not); or, where lifting
    fails (a terminator that is not a BranchOpInterface) or leaves several
    blocks, the function as it was (a copy put in its place) and why."""
    if len(function.regions[0].blocks) <= 1:
        return function, None

    def structured(lifted: ir.Operation) -> str | None:
        return None if len(lifted.regions[0].blocks) == 1 else "the body still has several blocks"

    return run_or_restore(function, "func.func(lift-cf-to-scf)", structured)


def run_or_restore(
    function: ir.Operation,
    pipeline: str,
    check: Callable[[ir.Operation], str | None] | None = None,
) -> tuple[ir.Operation, str | None]:
    """Run the upstream ``pipeline`` (on ``func.func``) on ``function``.
    Returns the function and None; or, where the pipeline fails, its result
    does not verify or ``check`` names a problem with it, the function as
    it was (a copy put in its place, so callers report on the function as
    given) and the first message."""
    from mlir import passmanager

    pristine = function.clone()  # detached: the module never holds two
    pass_manager = passmanager.PassManager.parse(pipeline, function.context)
    pass_manager.enable_verifier(False)
    try:
        pass_manager.run(function)
        function.verify()
        problem = check(function) if check is not None else None
    except ir.MLIRError as err:
        problem = err.error_diagnostics[0].message if err.error_diagnostics else str(err)
    if problem is None:
        return function, None
    ir.InsertionPoint(function).insert(pristine)
    function.erase()
    return pristine, problem


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector, off for the block (then as before).

    Analyses build many long-lived objects (buffers, uses, gaps, op
    handles); each collection of the oldest generation walks all of them
    again, about a quarter of the whole pipeline's time on a 50,000-op
    function. Reference counting still frees everything acyclic at once;
    cycles wait for the next collection after the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Tracebacks of internal errors, for `hyper-opt --debug`.
last_internal_errors: list[str] = []


def _location(where: ir.Operation | ir.OpView | ir.Location) -> ir.Location:
    if isinstance(where, ir.Location):
        return where
    return where.location
