"""Pipelines mixing our passes and upstream ones in an upstream PassManager."""

from __future__ import annotations

import dataclasses
import re
import signal
import subprocess
import sys

import pytest
from hyperoffload.transforms import (
    ModulePass,
    PipelineError,
    build_pass_manager,
    collect_instances,
    get_all_passes,
    get_pass,
    pipeline_stages,
)
from hyperoffload.transforms.pipeline import instantiate
from hyperoffload.transforms.registry import register_pass
from mlir import ir

SCHEDULED = """
func.func @f(%w: memref<8xf32, #cache.remote>, %o: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %d, %t = cache.prefetch %w : memref<8xf32, #cache.remote> -> memref<8xf32>
  cache.wait %t
  linalg.copy ins(%d : memref<8xf32>) outs(%o : memref<8xf32>)
  %e = cache.evict %d : memref<8xf32>
  cache.wait %e
  return
}
"""


def test_mixed_pipeline_runs_in_one_upstream_pass_manager() -> None:
    with ir.Context():
        module = ir.Module.parse(SCHEDULED)
        pm = build_pass_manager(
            "builtin.module(canonicalize, cache-strip-transfers, func.func(cse))"
        )
        assert str(pm).startswith("builtin.module(canonicalize{")
        assert "cache-strip-transfers,func.func(cse)" in str(pm)
        pm.run(module.operation)
        text = str(module)
    assert "cache." not in text
    assert "arith.constant" not in text
    assert "linalg.copy ins(%arg0 : memref<8xf32>)" in text


def test_pipeline_stages_read_back_what_upstream_built() -> None:
    with ir.Context() as context:
        pm = build_pass_manager(
            "cse, cache-strip-transfers{}, func.func(canonicalize{max-iterations=1})", context
        )
        stages = pipeline_stages(pm, context)
        assert [s.name for s in stages] == ["cse", "cache-strip-transfers", "func.func"]
        assert stages[1].options == "" and stages[1].nested is None
        nested = stages[2].nested
        assert nested is not None and [s.name for s in nested] == ["canonicalize"]
        assert "max-iterations=1 " in nested[0].options
        assert stages[2].names() == ["func.func", "canonicalize"]
        assert stages[2].text == str(pm)[len("builtin.module(") : -1].split(",", 2)[2]
        assert pipeline_stages(build_pass_manager("builtin.module()", context), context) == []
        # A registered pipeline is the passes it stands for.
        bufferize = pipeline_stages(build_pass_manager("hyper-bufferize-pipeline", context))
        names = [name for stage in bufferize for name in stage.names()]
        assert "one-shot-bufferize" in names and "cache-release-dead-buffers" in names
        assert "hyper-bufferize-pipeline" not in names


@pytest.mark.parametrize("name", sorted(get_all_passes()))
def test_each_stage_text_builds_the_same_pass_again(name: str) -> None:
    """hyper-opt builds split segments from the stages' text: upstream's
    printing of each of our passes, every option at its value, parses back
    to the same pass."""
    with ir.Context() as context:
        pm = build_pass_manager(name, context)
        (stage,) = pipeline_stages(pm, context)
        again = build_pass_manager(f"builtin.module({stage.text})", context)
        assert str(again) == str(pm)
        # Every option printed at its default reads back as the default.
        assert instantiate(stage) == get_pass(name).from_option_text("")


@pytest.mark.parametrize(
    ("pipeline", "message"),
    [
        ("builtin.module(", "expected pass pipeline to be wrapped with the anchor operation"),
        ("builtin.module(cse), cse", "expected pass pipeline to be wrapped with the anchor"),
        ("cse)", "encountered extra closing ')' creating unbalanced parentheses"),
        ("cse{a=1", "missing closing '}' while processing pass options\ncse{a=1\n   ^"),
        # Nested, these upstream pipelines end the process as they are built:
        # the abort is caught and upstream's fatal error raised.
        ("func.func(sparsifier)", "Can't add pass 'SparsificationAndBufferization' restricted"),
        ("func.func(gpu-lower-to-nvvm-pipeline)", "on a PassManager intended to run on 'func"),
        ("func.func(tosa-to-linalg-pipeline)", "on a PassManager intended to run on 'func.func'"),
        ("gpu.module(gpu-lower-to-xevm-pipeline)", "intended to run on 'gpu.module'"),
        ("not-a-pass", "'not-a-pass' does not refer to a registered pass"),
        ("cache-strip-transfers{x=1}", "no such option x"),
        ("cache-print-liveness{format=xml}", "expected one of text, json, got 'xml'"),
    ],
)
def test_bad_pipelines_raise_pipeline_error(pipeline: str, message: str) -> None:
    with ir.Context(), pytest.raises(PipelineError, match=re.escape(message)):
        build_pass_manager(pipeline)


def test_a_caught_abort_leaves_the_process_as_it_was() -> None:
    """After the guard caught upstream's abort, the next pipeline builds and
    runs, and an abort outside a parse still ends the process by SIGABRT
    (the previous handler is back)."""
    script = (
        "import os, hyperoffload\n"
        "from hyperoffload.transforms import PipelineError, build_pass_manager\n"
        "from mlir import ir\n"
        "with ir.Context():\n"
        "    for _ in range(3):\n"
        "        try:\n"
        "            build_pass_manager('func.func(sparsifier)')\n"
        "        except PipelineError:\n"
        "            pass\n"
        "    module = ir.Module.parse('func.func @f() { return }')\n"
        "    build_pass_manager('canonicalize, func.func(cse)').run(module.operation)\n"
        "print('built', flush=True)\n"
        "os.abort()\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert child.stdout == "built\n", child.stderr
    assert child.returncode == -signal.SIGABRT
    assert "LLVM ERROR" not in child.stderr


@dataclasses.dataclass(frozen=True)
class _CountingPass(ModulePass):
    """Counts cache ops and reports them as a remark."""

    name = "cache-count-transfers"
    summary = "Count cache ops."
    refuse: bool = False
    crash: bool = False

    def run(self, module: ir.Operation) -> None:
        count = 0

        def visit(op: ir.Operation) -> ir.WalkResult:
            nonlocal count
            count += op.name.startswith("cache.")
            return ir.WalkResult.ADVANCE

        module.walk(visit)
        if self.crash:
            raise ZeroDivisionError("boom")
        if self.refuse:
            raise self.fail(module, f"refusing {count} cache ops")
        self.emit_remark(module, f"{count} cache ops")


register_pass(_CountingPass)


def _run_counting(options: str = "") -> tuple[list[str], Exception | None]:
    context = ir.Context()
    seen: list[str] = []

    def handler(diagnostic: ir.Diagnostic) -> bool:
        seen.append(f"{diagnostic.severity}: {diagnostic.message}")
        return True

    context.attach_diagnostic_handler(handler)
    with context:
        module = ir.Module.parse(SCHEDULED)
        pm = build_pass_manager(f"canonicalize, cache-count-transfers{{{options}}}")
        try:
            pm.run(module.operation)
        except ir.MLIRError as err:
            return seen, err
    return seen, None


def test_user_passes_plug_into_the_same_machinery() -> None:
    seen, error = _run_counting()
    assert error is None
    assert seen == ["DiagnosticSeverity.REMARK: 4 cache ops"]


def test_pass_failure_becomes_an_mlir_error_at_the_op() -> None:
    _, error = _run_counting("refuse")
    assert isinstance(error, ir.MLIRError)
    assert "refusing 4 cache ops" in str(error)


def test_internal_errors_become_diagnostics_not_tracebacks() -> None:
    _, error = _run_counting("crash=true")
    assert isinstance(error, ir.MLIRError)
    assert "internal error in pass 'cache-count-transfers': ZeroDivisionError: boom" in str(error)


def test_passes_run_with_the_cyclic_gc_paused_and_restore_it() -> None:
    import gc

    from hyperoffload.transforms.pass_base import paused_gc

    seen: list[bool] = []

    @dataclasses.dataclass
    class ProbePass(ModulePass):
        name = "cache-probe-gc"
        summary = "Record whether the cyclic GC runs."

        def run(self, module: ir.Operation) -> None:
            seen.append(gc.isenabled())

    register_pass(ProbePass)
    assert gc.isenabled()
    with ir.Context():
        module = ir.Module.parse(SCHEDULED)
        pm = build_pass_manager("builtin.module(cse, cache-probe-gc)")
        pm.run(module.operation)
    assert seen == [False] and gc.isenabled()
    # A caller that turned it off keeps it off.
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_upstream_parses_our_passes_and_prints_them_back() -> None:
    from mlir import passmanager

    with ir.Context():
        text = "builtin.module(cache-plan-offload{budget=50% hw=gh200},hyper-bufferize-pipeline)"
        pm = passmanager.PassManager.parse(text)
        printed = str(pm)
        assert printed.startswith("builtin.module(cache-plan-offload{budget=50% ")
        assert " hw=gh200 " in printed and "one-shot-bufferize{" in printed
        # The printed pipeline parses back to itself.
        assert str(passmanager.PassManager.parse(printed)) == printed


def test_the_options_a_pass_runs_with_are_those_parsed() -> None:
    with ir.Context():
        module = ir.Module.parse(SCHEDULED)
        pm = build_pass_manager("cache-print-liveness{format=json output=-}, cse")
        clone = build_pass_manager(str(pm))
        with collect_instances() as ran:
            clone.run(module.operation)
    assert [(p.name, p.format) for p in ran] == [("cache-print-liveness", "json")]


def test_nested_our_passes_are_refused_by_upstream() -> None:
    with ir.Context():
        module = ir.Module.parse(SCHEDULED)
        pm = build_pass_manager("func.func(cache-strip-transfers)")
        with pytest.raises(ir.MLIRError, match="unable to schedule pass 'StripTransfersPass'"):
            pm.run(module.operation)


def test_a_taken_pass_name_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Impostor(ModulePass):
        name = "cache-plan-offload"
        summary = "Not the planner."

        def run(self, module: ir.Operation) -> None:
            pass

    with pytest.raises(ValueError, match="'cache-plan-offload' is already registered"):
        register_pass(Impostor)


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(root)
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert "cache." not in str(scope["module"])
