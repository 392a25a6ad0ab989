"""``hyper-opt``'s command line: ``mlir-opt``'s flags, our pass flags and
the help text."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hyperoffload import _native
from hyperoffload.hardware import available_profiles
from hyperoffload.transforms import pass_base
from hyperoffload.transforms.pass_base import format_option_value, split_option_text
from hyperoffload.transforms.registry import get_all_passes, get_all_pipelines

PROG = "hyper-opt"


_PROFILES = ", ".join(available_profiles())


class UsageError(Exception):
    """A command-line mistake: printed as ``hyper-opt: error: ...``, exit 1."""


@dataclasses.dataclass
class Options:
    input: str = "-"
    output: str = "-"
    pipeline: str | None = None
    pass_flags: list[str] = dataclasses.field(default_factory=list)
    split_input_file: bool = False
    verify_diagnostics: bool = False
    print_ir_before_all: bool = False
    print_ir_after_all: bool = False
    timing: bool = False
    statistics: bool = False
    print_op_generic: bool = False
    print_debuginfo: bool = False
    show_dialects: bool = False
    allow_unregistered_dialect: bool = False
    verify_each: bool = True
    dump_pass_pipeline: bool = False
    debug: bool = False
    help: bool = False
    version: bool = False
    report: str | None = None
    summary: str | None = None
    trace: str | None = None
    memory_plot: str | None = None
    hw: str | None = None  # None: the pipeline's hw=, else h100-pcie
    budget: str | None = None
    dynamic_dim_bound: str | None = None
    isolate_stages: bool = True
    check_traps: bool = True

    @property
    def inspecting(self) -> bool:
        return any(x is not None for x in (self.report, self.summary, self.trace, self.memory_plot))


_BOOL_FLAGS = {
    "split-input-file": "split_input_file",
    "verify-diagnostics": "verify_diagnostics",
    "mlir-print-ir-before-all": "print_ir_before_all",
    "mlir-print-ir-after-all": "print_ir_after_all",
    "mlir-timing": "timing",
    "mlir-pass-statistics": "statistics",
    "mlir-print-op-generic": "print_op_generic",
    "mlir-print-debuginfo": "print_debuginfo",
    "show-dialects": "show_dialects",
    "allow-unregistered-dialect": "allow_unregistered_dialect",
    "verify-each": "verify_each",
    "dump-pass-pipeline": "dump_pass_pipeline",
    "debug": "debug",
    "help": "help",
    "version": "version",
    "isolate-stages": "isolate_stages",
    "check-traps": "check_traps",
}


_VALUE_FLAGS = {
    "o": "output",
    "pass-pipeline": "pipeline",
    "report": "report",
    "summary": "summary",
    "trace": "trace",
    "memory-plot": "memory_plot",
    "hw": "hw",
    "budget": "budget",
    "dynamic-dim-bound": "dynamic_dim_bound",
}


_GENERAL_HELP = [
    ("<input>", "input file, or - for standard input (default -)"),
    ("-o <file>", "output file (default - for standard output); written atomically"),
    ("--pass-pipeline=<text>", "pipeline 'builtin.module(...)' mixing upstream passes and ours"),
    ("--split-input-file", "process chunks separated by '// -----' independently"),
    ("--verify-diagnostics", "check diagnostics against expected-* annotations"),
    ("--mlir-print-ir-before-all", "print the IR before every pass (to stderr)"),
    ("--mlir-print-ir-after-all", "print the IR after every pass (to stderr)"),
    ("--mlir-timing", "print a pass timing report (to stderr)"),
    ("--mlir-pass-statistics", "print pass statistics (to stderr)"),
    ("--mlir-print-op-generic", "print the output in the generic op form"),
    ("--mlir-print-debuginfo", "print locations in the output"),
    ("--allow-unregistered-dialect", "accept ops of unregistered dialects"),
    ("--verify-each=<bool>", "verify the IR after every pass (default true)"),
    ("--dump-pass-pipeline", "print the pass pipeline before running it (to stderr)"),
    ("--show-dialects", "list the registered dialects and exit"),
    ("--report=<file>", "JSON report: liveness and simulated timeline, before and after"),
    (
        "--summary=<file>",
        "the report in words: peak, makespan, transfers, each branch's paths and what "
        "moved, per function",
    ),
    ("--trace=<file>", "Chrome/Perfetto trace (JSON) of the simulated timeline"),
    ("--memory-plot=<file>", "device memory over time, .png or .svg (needs matplotlib)"),
    (
        "--hw=<name|file>",
        "hardware profile for the reports (default: the hw= of the pipeline's "
        f"hyper-offload-pipeline, else h100-pcie; {_PROFILES})",
    ),
    ("--budget=<size>", "device-memory budget drawn in the plot and checked in the report"),
    ("--dynamic-dim-bound=<n>", "upper bound assumed for dynamic dimensions in the reports"),
    (
        "--isolate-stages=<bool>",
        "run conversions to LLVM in a child process, so an upstream abort is a diagnostic "
        "(default true)",
    ),
    (
        "--check-traps=<bool>",
        "refuse input that would make an upstream pass abort, with a diagnostic (default true)",
    ),
    ("--debug", "print Python tracebacks of internal errors"),
    ("--version", "print the version and exit"),
    ("-h, --help", "print this help and exit"),
]


def _flag_name_and_value(arg: str) -> tuple[str, str | None]:
    body = arg.lstrip("-")
    name, sep, value = body.partition("=")
    return name, (value if sep else None)


def parse_args(argv: Sequence[str]) -> Options:
    """Parse ``mlir-opt``-style arguments (``-x`` and ``--x`` alike)."""
    options = Options()
    inputs: list[str] = []
    args = list(argv)
    index = 0
    only_positional = False
    while index < len(args):
        arg = args[index]
        index += 1
        if only_positional or arg == "-" or not arg.startswith("-"):
            inputs.append(arg)
            continue
        if arg == "--":
            only_positional = True
            continue
        if arg == "-h":
            options.help = True
            continue
        name, value = _flag_name_and_value(arg)
        if name in _VALUE_FLAGS:
            if value is None:
                if index >= len(args):
                    raise UsageError(f"option '{arg}' needs a value")
                value = args[index]
                index += 1
            setattr(options, _VALUE_FLAGS[name], value)
            continue
        if name in _BOOL_FLAGS:
            flag_value = True
            if value is not None:
                try:
                    flag_value = pass_base._parse_bool(value)
                except ValueError as err:
                    raise UsageError(f"invalid value for '--{name}': {err}") from None
            setattr(options, _BOOL_FLAGS[name], flag_value)
            continue
        # Anything else is a pass flag: ours or upstream, checked when the
        # pipeline is built.
        options.pass_flags.append(arg)
    if len(inputs) > 1:
        raise UsageError(f"too many positional arguments: {' '.join(inputs)}")
    if inputs:
        options.input = inputs[0]
    if options.pipeline is not None and options.pass_flags:
        raise UsageError(
            "'--pass-pipeline' cannot be used with individual pass flags "
            f"({', '.join(options.pass_flags)})"
        )
    return options


def pipeline_from_flags(flags: Sequence[str]) -> str:
    """``["--canonicalize", "--cache-x=a=1,b=2"]`` -> ``builtin.module(...)``:
    each flag names a pass or pipeline in MLIR's registry (ours are there
    too), its value the options."""
    named = get_all_pipelines()
    elements = []
    for flag in flags:
        name, value = _flag_name_and_value(flag)
        if name in named and value:
            raise UsageError(f"pipeline '--{name}' takes no options")
        if not _native.is_registered_pass(name):
            raise UsageError(f"unknown command line argument '{flag}'; try '{PROG} --help'")
        if value:
            elements.append(f"{name}{{{' '.join(split_option_text(value))}}}")
        else:
            elements.append(name)
    return f"builtin.module({','.join(elements)})"


def help_text() -> str:
    lines = [
        f"OVERVIEW: {PROG}: HyperOffload-MLIR optimizer driver (mlir-opt conventions)",
        "",
        f"USAGE: {PROG} [options] <input file>",
        "",
        "OPTIONS:",
    ]
    width = max(len(flag) for flag, _ in _GENERAL_HELP) + 2
    lines.extend(f"  {flag.ljust(width)}{text}" for flag, text in _GENERAL_HELP)
    lines += ["", "HYPEROFFLOAD PASSES (--NAME or --NAME=opt=val,..., or in --pass-pipeline):"]
    for name, loader in get_all_passes().items():
        pass_class = loader()
        lines.append(f"  --{name.ljust(width - 3)} {pass_class.summary}")
        for info in pass_class.options():
            lines.append(
                f"      {info.name}=<{info.type_name}>  {info.help} "
                f"(default: {format_option_value(info.default)})"
            )
    lines += ["", "HYPEROFFLOAD PIPELINES (--NAME or in --pass-pipeline):"]
    for name, definition in get_all_pipelines().items():
        lines.append(f"  --{name.ljust(width - 3)} {definition.summary}")
        lines.append(f"      = {definition.text}")
    lines += [
        "",
        "UPSTREAM PASSES:",
        "  Every pass registered in upstream MLIR is accepted as --NAME[=options] or",
        "  in --pass-pipeline (e.g. --canonicalize, --cse, --convert-linalg-to-loops);",
        "  see `mlir-opt --help` for their list and options.",
    ]
    return "\n".join(lines) + "\n"
