"""Pipelines mixing our passes and upstream ones in an upstream PassManager."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hyperoffload.transforms import (
    ModulePass,
    PipelineError,
    build_pass_manager,
    collect_instances,
    parse_pipeline,
)
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


def test_parse_pipeline_accepts_bare_lists() -> None:
    elements = parse_pipeline(
        "cse, cache-strip-transfers{}, func.func(canonicalize{max-iterations=1})"
    )
    assert [e.name for e in elements] == ["cse", "cache-strip-transfers", "func.func"]
    assert elements[1].options == ""
    assert elements[2].nested is not None and elements[2].nested[0].options == "max-iterations=1"
    assert parse_pipeline("builtin.module()") == []


@pytest.mark.parametrize(
    ("pipeline", "message"),
    [
        ("builtin.module(", "expected a pass or pipeline name"),
        ("builtin.module(cse", "expected ')' to close 'builtin.module('"),
        ("cse)", "unexpected text after the pipeline"),
        ("cse{a=1", "unbalanced '{' in pass options"),
        # Nested, these upstream pipelines end the process as they are built.
        ("func.func(sparsifier)", "pipeline 'sparsifier' runs on 'builtin.module'"),
        ("func.func(gpu-lower-to-nvvm-pipeline)", "cannot be nested under 'func.func'"),
        ("func.func(tosa-to-linalg-pipeline)", "cannot be nested under 'func.func'"),
        ("gpu.module(gpu-lower-to-xevm-pipeline)", "cannot be nested under 'gpu.module'"),
        ("builtin.module(cse), cse", "'builtin.module(...)' must be the whole pipeline"),
        ("not-a-pass", "'not-a-pass' does not refer to a registered pass"),
        ("cache-strip-transfers{x=1}", "no such option x"),
        ("cache-print-liveness{format=xml}", "expected one of text, json, got 'xml'"),
    ],
)
def test_bad_pipelines_raise_pipeline_error(pipeline: str, message: str) -> None:
    with ir.Context(), pytest.raises(PipelineError, match=re.escape(message)):
        build_pass_manager(pipeline)


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
