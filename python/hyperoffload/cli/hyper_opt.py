"""``hyper-opt``: run MLIR pass pipelines mixing HyperOffload and upstream
passes, with ``mlir-opt``'s command-line conventions."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mlir import ir, passmanager

import hyperoffload
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.cli import traps
from hyperoffload.cli.diagnostics import (
    Diag,
    DiagnosticRenderer,
    FileLocation,
    parse_expectations,
    resolve_location,
    to_diag,
    verify_diagnostics,
)
from hyperoffload.hardware import HardwareProfile, ProfileError, available_profiles, load_profile
from hyperoffload.output import write_text
from hyperoffload.sim.plot import PlotError, plot_memory
from hyperoffload.sim.report import figures, function_report
from hyperoffload.sim.simulator import SimulationError, SimulationResult, simulate
from hyperoffload.sim.trace import write_trace
from hyperoffload.sizes import parse_bytes
from hyperoffload.transforms import pass_base
from hyperoffload.transforms.pass_base import format_option_value, paused_gc, split_option_text
from hyperoffload.transforms.pipeline import (
    PipelineElement,
    PipelineError,
    build_pass_manager,
    instantiate,
    parse_pipeline,
)
from hyperoffload.transforms.registry import get_all_passes, get_all_pipelines

PROG = "hyper-opt"
_PROFILES = ", ".join(available_profiles())
SPLIT_MARKER = "// -----"


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
    trace: str | None = None
    memory_plot: str | None = None
    hw: str | None = None  # None: the pipeline's hw=, else h100-pcie
    budget: str | None = None
    dynamic_dim_bound: str | None = None
    isolate_stages: bool = True
    check_traps: bool = True

    @property
    def inspecting(self) -> bool:
        return any(x is not None for x in (self.report, self.trace, self.memory_plot))


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
    """``["--canonicalize", "--cache-x=a=1,b=2"]`` -> ``builtin.module(...)``."""
    ours = get_all_passes()
    named = get_all_pipelines()
    elements = []
    for flag in flags:
        name, value = _flag_name_and_value(flag)
        if name in named:
            if value:
                raise UsageError(f"pipeline '--{name}' takes no options")
            elements.append(name)
            continue
        if name in ours:
            elements.append(f"{name}{{{value}}}" if value else name)
            continue
        if not _is_upstream_pass(name):
            raise UsageError(f"unknown command line argument '{flag}'; try '{PROG} --help'")
        if value:
            elements.append(f"{name}{{{' '.join(split_option_text(value))}}}")
        else:
            elements.append(name)
    return f"builtin.module({','.join(elements)})"


def _is_upstream_pass(name: str) -> bool:
    with ir.Context():
        try:
            passmanager.PassManager.parse(f"builtin.module({name})")
        except ValueError as err:
            return "does not refer to a registered pass" not in str(err)
    return True


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


def split_chunks(text: str) -> list[tuple[str, int]]:
    """Split on lines that are exactly ``// -----``; each chunk is returned
    with the 1-based line number of its first line."""
    chunks: list[tuple[str, int]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if line.strip() == SPLIT_MARKER:
            chunks.append(("".join(current), start))
            current = []
            start = number + 1
        else:
            current.append(line)
    chunks.append(("".join(current), start))
    return chunks


@dataclasses.dataclass
class ChunkResult:
    output: str | None
    diags: list[Diag]


@dataclasses.dataclass
class Inspection:
    """Liveness and simulation of every function, for --report, --trace and
    --memory-plot, before and after the pipeline."""

    hardware: HardwareProfile
    budget: int | None
    dynamic_dim_bound: int | None
    compare: bool
    reports: list[dict[str, object]] = dataclasses.field(default_factory=list)
    simulations: list[SimulationResult] = dataclasses.field(default_factory=list)
    plans: dict[str, object] = dataclasses.field(default_factory=dict)

    def analyse(
        self, module: ir.Module, diags: list[Diag] | None = None
    ) -> list[tuple[BufferLiveness, SimulationResult]]:
        """Liveness and simulation of each function with a body. One that
        cannot be analysed (a dynamic stride, say) is left out of the
        reports alone: with ``diags``, a warning there says why, and its
        report entry carries the message."""
        results = []
        for op in module.body.operations:
            operation = op.operation
            if operation.name != "func.func" or not len(operation.regions[0].blocks):
                continue
            try:
                liveness = BufferLiveness(operation, dynamic_dim_bound=self.dynamic_dim_bound)
                results.append((liveness, simulate(operation, self.hardware, liveness=liveness)))
            except (LivenessError, SimulationError) as err:
                if diags is None:
                    continue
                name = ir.StringAttr(operation.attributes["sym_name"]).value
                message = f"the report leaves @{name} out: {err.message}"
                location = resolve_location(err.location)
                diags.append(Diag("warning", location, str(err.location), message, []))
                self.reports.append({"name": name, "error": err.message})
        return results

    def record(
        self,
        after: list[tuple[BufferLiveness, SimulationResult]],
        before: dict[str, dict[str, object]],
    ) -> None:
        for liveness, simulation in after:
            previous = before.get(liveness.name) if self.compare else None
            plan = self.plans.get(liveness.name)
            budget = self.budget
            if isinstance(plan, dict) and "before" in plan:
                # The offload pipeline's own view of the function it was
                # given (after any passes before it, e.g. bufferization),
                # on the hardware it planned for, and its budget.
                previous = plan["before"]
                if budget is None and plan.get("budget_bytes") is not None:
                    budget = plan["budget_bytes"]
            entry = function_report(liveness, simulation, previous, budget)
            if plan is not None:
                entry["plan"] = plan
            self.reports.append(entry)
            self.simulations.append(simulation)

    def write(self, opts: Options) -> None:
        if opts.report is not None:
            document = {
                "hardware": self.hardware.name,
                "budget_bytes": self.budget,
                "functions": self.reports,
            }
            write_text(opts.report, json.dumps(document, indent=2) + "\n")
        if opts.trace is not None:
            write_trace(self.simulations, opts.trace)
        if opts.memory_plot is not None:
            plot_memory(self.simulations, opts.memory_plot, self.budget)


def plan_statistics(instances: list[pass_base.ModulePass]) -> dict[str, object]:
    """Per function, the statistics our passes kept (JSON-ready)."""
    found: dict[str, object] = {}
    for instance in instances:
        for name, value in getattr(instance, "statistics", {}).items():
            found[name] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
    return found


def statistics_report(instances: list[pass_base.ModulePass]) -> str:
    """Our passes' statistics in the style of --mlir-pass-statistics."""
    lines = []
    for instance in instances:
        stats = getattr(instance, "statistics", {})
        if not stats:
            continue
        lines.append(f"{type(instance).__name__} ({instance.name})")
        for function, value in stats.items():
            data = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
            plan = data.get("plan") or data
            lines.append(f"  @{function}")
            for key in (
                "budget_bytes",
                "peak_before_bytes",
                "peak_after_bytes",
                "slowdown",
                "widened_buffers",
                "kept_bool_buffers",
            ):
                if key in data:
                    lines.append(f"    (S) {data[key]} {key}")
            for kind, amount in (plan.get("offloaded_bytes") or {}).items():
                lines.append(f"    (S) {amount} offloaded-bytes-{kind}")
            for key in ("transfers", "estimated_exposed_s", "planned_peak"):
                if key in plan:
                    lines.append(f"    (S) {plan[key]} {key}")
            for decision in plan.get("decisions", []):
                if not decision.get("offloaded"):
                    lines.append(
                        f"    kept {decision['buffer']} ({decision['size_bytes']} bytes): "
                        f"{decision['reason']}"
                    )
    if not lines:
        return ""
    rule = "===" + "-" * 73 + "==="
    header = [rule, "                    ... HyperOffload pass statistics ...", rule]
    return "\n".join(header + lines) + "\n"


def make_inspection(opts: Options, pipeline: str) -> Inspection | None:
    if not opts.inspecting:
        return None
    if opts.report == "-" and opts.output == "-":
        raise UsageError("--report=- writes to standard output: give the IR a file with -o")
    elements = parse_pipeline(pipeline)
    try:
        hardware = load_profile(opts.hw or _pipeline_hw(elements) or "h100-pcie")
    except ProfileError as err:
        raise UsageError(str(err)) from None
    try:
        budget = parse_bytes(opts.budget) if opts.budget is not None else None
    except ValueError as err:
        raise UsageError(f"invalid --budget: {err}") from None
    bound = None
    if opts.dynamic_dim_bound is not None:
        try:
            bound = pass_base._parse_int(opts.dynamic_dim_bound)
        except ValueError as err:
            raise UsageError(f"invalid --dynamic-dim-bound: {err}") from None
    return Inspection(hardware, budget, bound, compare=bool(elements))


def _pipeline_hw(elements: list[PipelineElement]) -> str | None:
    """The ``hw=`` of the last hyper-offload-pipeline among ``elements``
    (the profile it planned for), if any."""
    found = None
    for element in elements:
        if element.name == "hyper-offload-pipeline":
            found = getattr(instantiate(element), "hw", None) or found
    return found


@dataclasses.dataclass
class Segment:
    """Consecutive pipeline elements run by one PassManager, or by a child
    process (``isolated``); ``check_first``: look for known traps before."""

    isolated: bool
    elements: list[PipelineElement]
    check_first: bool = False

    @property
    def pipeline(self) -> str:
        return f"builtin.module({','.join(e.text for e in self.elements)})"


def plan_segments(
    elements: list[PipelineElement], isolate: bool, check: bool = True
) -> list[Segment]:
    """Split the top-level pipeline where a trap check must see the IR, and
    around the stages that run in a child process."""
    segments: list[Segment] = []
    for element in elements:
        isolated = isolate and traps.is_isolated(element)
        checked = check and not isolated and traps.needs_ir_check(element)
        if segments and segments[-1].isolated == isolated and not checked:
            segments[-1].elements.append(element)
        else:
            segments.append(Segment(isolated, [element], checked))
    return segments or [Segment(False, [])]


# Where a child hyper-opt writes its diagnostics (JSON) instead of stderr.
_DIAGNOSTICS_ENV = "HYPEROFFLOAD_DIAGNOSTICS_JSON"


def _diag_from_json(data: dict[str, object]) -> Diag:
    location = data.get("location")
    return Diag(
        str(data["severity"]),
        FileLocation(**location) if isinstance(location, dict) else None,
        str(data["location_text"]),
        str(data["message"]),
        [_diag_from_json(note) for note in data.get("notes", [])],  # type: ignore[union-attr]
    )


def _first_location(module: ir.Module) -> ir.Location:
    for op in module.body.operations:
        if resolve_location(op.location) is not None:
            return op.location
    return module.operation.location


def run_isolated(
    module: ir.Module, segment: Segment, name: str, opts: Options, diags: list[Diag]
) -> ir.Module | None:
    """Run ``segment`` on ``module`` in a child ``hyper-opt``; returns the
    result parsed back (locations kept), or None with ``diags`` extended
    (the child's diagnostics, or one naming the stage that killed it)."""
    context = module.context
    with tempfile.TemporaryDirectory(prefix="hyper-opt-") as scratch:
        source = Path(scratch) / "input.mlir"
        result = Path(scratch) / "output.mlir"
        reported = Path(scratch) / "diagnostics.json"
        with source.open("w", encoding="utf-8") as handle:
            module.operation.print(file=handle, enable_debug_info=True, assume_verified=True)
        argv = [
            sys.executable, "-m", "hyperoffload.cli.hyper_opt", str(source),
            f"--pass-pipeline={segment.pipeline}", "--isolate-stages=false",
            "--mlir-print-debuginfo", "-o", str(result),
            f"--verify-each={str(opts.verify_each).lower()}",
            f"--check-traps={str(opts.check_traps).lower()}",
        ]  # fmt: skip
        for flag, on in (
            ("--allow-unregistered-dialect", opts.allow_unregistered_dialect),
            ("--mlir-print-ir-before-all", opts.print_ir_before_all),
            ("--mlir-print-ir-after-all", opts.print_ir_after_all),
            ("--mlir-timing", opts.timing),
            ("--mlir-pass-statistics", opts.statistics),
            ("--dump-pass-pipeline", opts.dump_pass_pipeline),
        ):
            if on:
                argv.append(flag)
        sys.stdout.flush()
        sys.stderr.flush()
        child = subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env={**os.environ, _DIAGNOSTICS_ENV: str(reported)},
            check=False,
        )
        sys.stderr.write(child.stderr)
        if reported.exists():
            diags.extend(_diag_from_json(d) for d in json.loads(reported.read_text()))
        if child.returncode == 0 and result.exists():
            parsed = _native.parse_source(result.read_text(encoding="utf-8"), name, context)
            if parsed is not None:
                return parsed
        if child.returncode == 1 and any(d.severity == "error" for d in diags):
            return None
        if child.returncode < 0:
            how = f"was killed by {signal.Signals(-child.returncode).name}"
        else:
            how = f"exited with status {child.returncode} without a diagnostic"
        last = [line for line in child.stderr.splitlines() if line.strip()]
        detail = f" (last words: '{last[-1].strip()[:300]}')" if last else ""
        where = _first_location(module)
        diags.append(
            Diag(
                "error",
                resolve_location(where),
                str(where),
                f"stage '{segment.pipeline}' {how}{detail}; it ran in a child process, "
                "so this is upstream MLIR aborting on this input",
                [],
            )
        )
        return None


def process_chunk(
    source: str,
    first_line: int,
    name: str,
    opts: Options,
    pipeline: str,
    inspection: Inspection | None = None,
) -> ChunkResult:
    """Parse one chunk, run the pipeline, print it; diagnostics are collected."""
    diags: list[Diag] = []
    context = ir.Context()
    context.allow_unregistered_dialects = opts.allow_unregistered_dialect
    _native.set_print_op_on_diagnostic(context, not opts.verify_diagnostics)

    def handler(diagnostic: ir.Diagnostic) -> bool:
        try:
            diags.append(to_diag(diagnostic))
        except Exception:
            diags.append(Diag("error", None, "<unknown>", str(diagnostic.message), []))
        return True

    context.attach_diagnostic_handler(handler)
    # Leading newlines keep line numbers those of the whole file.
    _native.set_crash_stage("parsing")
    module = _native.parse_source("\n" * (first_line - 1) + source, name, context)
    if module is None:
        if not diags:
            diags.append(Diag("error", None, "<unknown>", "failed to parse input", []))
        return ChunkResult(None, diags)
    with context:
        before: dict[str, dict[str, object]] = {}
        if inspection is not None:
            _native.set_crash_stage("the report's analysis of the input")
            before = {lv.name: figures(lv, sim) for lv, sim in inspection.analyse(module)}
        instances: list[pass_base.ModulePass] = []
        isolate = opts.isolate_stages and not opts.verify_diagnostics
        for segment in plan_segments(parse_pipeline(pipeline), isolate, opts.check_traps):
            if segment.check_first:
                problems = traps.ir_problems(segment.elements[0], module.operation)
                if problems:
                    diags.extend(
                        Diag("error", resolve_location(op.location), str(op.location), text, [])
                        for op, text in problems
                    )
                    return ChunkResult(None, diags)
            if segment.isolated:
                module = run_isolated(module, segment, name, opts, diags)
                if module is None:
                    return ChunkResult(None, diags)
                continue
            pm = build_pass_manager(segment.pipeline, context, instances)
            _native.track_stages(pm)
            pm.enable_verifier(opts.verify_each)
            if opts.print_ir_before_all or opts.print_ir_after_all:
                pm.enable_ir_printing(
                    print_before_all=opts.print_ir_before_all,
                    print_after_all=opts.print_ir_after_all,
                    enable_debug_info=opts.print_debuginfo,
                    print_generic_op_form=opts.print_op_generic,
                )
            if opts.timing:
                pm.enable_timing()
            if opts.statistics:
                pm.enable_statistics()
            if opts.dump_pass_pipeline:
                sys.stderr.write(f"Pass Manager with passes:\n{pm}\n")
            sys.stdout.flush()
            sys.stderr.flush()
            try:
                pm.run(module.operation)
            except ir.MLIRError as err:
                diags.extend(to_diag(info) for info in err.error_diagnostics)
                if not err.error_diagnostics:
                    diags.append(Diag("error", None, "<unknown>", err.message, []))
                return ChunkResult(None, diags)
            finally:
                del pm  # prints the timing report, if any
        if not opts.verify_each:
            # Nothing checked the passes' output: never write IR that does
            # not verify, whatever --verify-each says.
            try:
                module.operation.verify()
            except ir.MLIRError as err:
                diags.extend(to_diag(info) for info in err.error_diagnostics)
                diags.append(
                    Diag(
                        "error",
                        None,
                        name,
                        "the pipeline's output does not verify (checked once at the end "
                        "with --verify-each=false); nothing written",
                        [],
                    )
                )
                return ChunkResult(None, diags)
        if opts.statistics:
            sys.stderr.write(statistics_report(instances))
        if inspection is not None:
            inspection.plans.update(plan_statistics(instances))
            _native.set_crash_stage("the report's analysis of the output")
            inspection.record(inspection.analyse(module, diags), before)
        _native.set_crash_stage("printing")
        buffer = io.StringIO()
        module.operation.print(
            file=buffer,
            enable_debug_info=opts.print_debuginfo,
            print_generic_op_form=opts.print_op_generic,
            assume_verified=True,
        )
        buffer.write("\n")
        return ChunkResult(buffer.getvalue(), diags)


def run(argv: Sequence[str]) -> int:
    opts = parse_args(argv)
    if opts.help:
        sys.stdout.write(help_text())
        return 0
    if opts.version:
        sys.stdout.write(f"{PROG} {hyperoffload.__version__} (upstream MLIR 22)\n")
        return 0
    if opts.show_dialects:
        with ir.Context() as context:
            names = _native.available_dialects(context)
        sys.stdout.write("Available Dialects: " + ", ".join(names) + "\n")
        return 0

    if opts.input == "-":
        name = "<stdin>"
        text = sys.stdin.read()
    else:
        name = opts.input
        try:
            text = Path(opts.input).read_text(encoding="utf-8")
        except OSError as err:
            raise UsageError(f"could not open input file '{opts.input}': {err.strerror}") from None
        except UnicodeDecodeError as err:
            raise UsageError(f"input file '{opts.input}' is not UTF-8 text: {err.reason}") from None

    pipeline = opts.pipeline if opts.pipeline is not None else pipeline_from_flags(opts.pass_flags)
    # Validate the pipeline once, before any input is processed.
    with ir.Context() as context:
        build_pass_manager(pipeline, context)
    if opts.check_traps:
        for problem in traps.pipeline_problems(parse_pipeline(pipeline)):
            raise UsageError(f"invalid pass pipeline: {problem}")

    inspection = make_inspection(opts, pipeline)
    chunks = split_chunks(text) if opts.split_input_file else [(text, 1)]
    if _crash_handler_wanted and _DIAGNOSTICS_ENV not in os.environ:
        # (An isolated stage's child dies by its signal: its parent names
        # the stage and the signal.)
        _native.install_crash_handler(name)
    renderer = DiagnosticRenderer({name: text})
    reported_to = os.environ.pop(_DIAGNOSTICS_ENV, None)
    reported: list[Diag] = []
    outputs: list[str] = []
    failed = False
    verify_problems: list[str] = []
    for source, first_line in chunks:
        result = process_chunk(source, first_line, name, opts, pipeline, inspection)
        if opts.verify_diagnostics:
            expectations = parse_expectations(source, first_line)
            verify_problems.extend(verify_diagnostics(result.diags, expectations, name))
        else:
            if reported_to is not None:
                reported.extend(result.diags)
            else:
                for diag in result.diags:
                    sys.stderr.write(renderer.render(diag))
            if result.output is None:
                failed = True
        if result.output is not None:
            outputs.append(result.output)

    if opts.debug and pass_base.last_internal_errors:
        sys.stderr.write("".join(pass_base.last_internal_errors))
    if opts.verify_diagnostics:
        for problem in verify_problems:
            sys.stderr.write(problem + "\n")
        failed = bool(verify_problems)

    if reported_to is not None:
        write_text(reported_to, json.dumps([dataclasses.asdict(d) for d in reported]))
    joined = f"{SPLIT_MARKER}\n".join(outputs)
    if opts.output == "-":
        sys.stdout.write(joined)
    elif not failed:
        write_text(opts.output, joined)
    if inspection is not None and not failed:
        inspection.write(opts)
    return 1 if failed else 0


# Whether run() installs the crash handler: the console entry does; a
# caller of run() in its own process keeps its own signal handling.
_crash_handler_wanted = False


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; user errors never end in a Python traceback,
    and a crash in any stage is one line naming it (exit 1), never a
    silent death by signal."""
    global _crash_handler_wanted
    _crash_handler_wanted = True
    try:
        # Parsing, the passes and printing build long-lived objects only.
        with paused_gc():
            return run(sys.argv[1:] if argv is None else argv)
    except UsageError as err:
        sys.stderr.write(f"{PROG}: error: {err}\n")
        return 1
    except PipelineError as err:
        sys.stderr.write(f"{PROG}: error: invalid pass pipeline: {err}\n")
        return 1
    except PlotError as err:
        sys.stderr.write(f"{PROG}: error: {err}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        return 1
    except OSError as err:
        sys.stderr.write(f"{PROG}: error: {err}\n")
        return 1
    except Exception as err:  # a bug of ours: say so, without a traceback
        if "--debug" in (sys.argv[1:] if argv is None else argv):
            raise
        sys.stderr.write(
            f"{PROG}: internal error: {type(err).__name__}: {err} (rerun with --debug for the "
            "Python traceback, and please report it)\n"
        )
        return 1


def console_main() -> NoReturn:
    """The ``hyper-opt`` command: :func:`main`, then exit without tearing
    the interpreter down. Freeing the module, its context and every Python
    object one by one takes ~0.2 s on a 50k-op input and changes nothing a
    caller sees (as clang's -disable-free): the outputs are written and
    closed by now, and the standard streams are flushed here."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: what was written is all there is
        code = code or 1
    os._exit(code)


if __name__ == "__main__":
    console_main()
