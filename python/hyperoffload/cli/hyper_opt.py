"""``hyper-opt``: run MLIR pass pipelines mixing HyperOffload and upstream
passes, with ``mlir-opt``'s command-line conventions."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mlir import ir

import hyperoffload
from hyperoffload import _native
from hyperoffload.cli import traps
from hyperoffload.cli.diagnostics import (
    Diag,
    DiagnosticRenderer,
    parse_expectations,
    resolve_location,
    to_diag,
    verify_diagnostics,
)
from hyperoffload.cli.inspection import (
    Inspection,
    make_inspection,
    plan_statistics,
    statistics_report,
)
from hyperoffload.cli.options import (
    PROG,
    Options,
    UsageError,
    help_text,
    parse_args,
    pipeline_from_flags,
)
from hyperoffload.cli.stages import _DIAGNOSTICS_ENV, Segment, plan_segments, run_isolated
from hyperoffload.output import write_text
from hyperoffload.sim.plot import PlotError
from hyperoffload.sim.report import figures
from hyperoffload.transforms import pass_base
from hyperoffload.transforms.pass_base import paused_gc
from hyperoffload.transforms.pipeline import (
    PipelineError,
    build_pass_manager,
    pipeline_stages,
)
from hyperoffload.transforms.registry import collect_instances

SPLIT_MARKER = "// -----"


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


def process_chunk(
    source: str,
    first_line: int,
    name: str,
    opts: Options,
    pipeline: str,
    segments: list[Segment],
    inspection: Inspection | None = None,
) -> ChunkResult:
    """Parse one chunk, run the pipeline (as ``segments``, planned once for
    every chunk), print it; diagnostics are collected."""
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
        for segment in segments:
            if segment.check_first:
                problems = traps.ir_problems(segment.stages[0], module.operation)
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
            # One segment is the whole pipeline: build it from the text given;
            # otherwise build the segment from upstream's text.
            text = pipeline if len(segments) == 1 else segment.pipeline
            pm = build_pass_manager(text, context)
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
                with collect_instances() as ran:
                    try:
                        pm.run(module.operation)
                    finally:
                        instances.extend(ran)
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
        stages = pipeline_stages(build_pass_manager(pipeline, context), context)
    isolate = opts.isolate_stages and not opts.verify_diagnostics
    segments = plan_segments(stages, isolate, opts.check_traps)
    if opts.check_traps:
        for problem in traps.pipeline_problems(stages):
            raise UsageError(f"invalid pass pipeline: {problem}")

    inspection = make_inspection(opts, stages)
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
        result = process_chunk(source, first_line, name, opts, pipeline, segments, inspection)
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
