"""hyperoffload.frontends.jax and ``hyper-import --stablehlo``: the committed
JAX exports (examples/jax: one small transformer as lax.scan, fori_loop,
while_loop, an early exit through lax.cond, unrolled, nested jit and
per-layer weights) through both pipelines against JAX's
output, and the converter's failures. Converting runs where an interpreter
with iree-base-compiler is found (this one, or HYPEROFFLOAD_JAX_PYTHON)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import stub_python
from hyperoffload import _native
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.cli import hyper_import
from hyperoffload.frontends import jax as frontend
from hyperoffload.frontends.common import FrontendError
from hyperoffload.ir_utils import function_named, is_remote_memref, walk_preorder
from hyperoffload.runtime import run_function
from hyperoffload.transforms import build_pass_manager, collect_instances
from hyperoffload.transforms.peel_loop_slices import slice_attributes
from hyperoffload.transforms.registry import BUFFERIZE_PIPELINE
from mlir import ir

JAX = Path(__file__).resolve().parents[2] / "examples" / "jax"
FORMS = ["scan", "unrolled", "calls", "per-layer", "fori"]
# lax.while_loop: its trip count is an input, so its stacked weights cannot
# stream (they stay whole inside the loop); lax.cond: an early exit, and a
# draft skipping layers (self-speculative decoding).
ALL_FORMS = [*FORMS, "while", "cond", "cond-shared"]
IREE_PYTHON = os.environ.get("HYPEROFFLOAD_JAX_PYTHON", sys.executable)


def _has_iree() -> bool:
    done = subprocess.run(
        [IREE_PYTHON, "-c", "import iree.compiler"], capture_output=True, check=False
    )
    return done.returncode == 0


needs_iree = pytest.mark.skipif(
    not _has_iree(),
    reason=f"{IREE_PYTHON} lacks iree-base-compiler "
    "(pip install '.[jax]', or set HYPEROFFLOAD_JAX_PYTHON)",
)


def _manifest(form: str) -> dict[str, object]:
    return json.loads((JAX / f"{form}.json").read_text())


def _decoded(entry: dict[str, object]) -> np.ndarray:
    dtype = np.int32 if entry.get("dtype") == "int32" else np.float32
    data = np.frombuffer(
        base64.b64decode(str(entry["base64"])), dtype=np.dtype(dtype).newbyteorder("<")
    )
    return data.reshape(entry["shape"]).astype(dtype)


def _bufferized(form: str) -> ir.Module:
    module = ir.Module.parse((JAX / f"{form}.mlir").read_text())
    build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
    return module


def _run(form: str, module: ir.Module, target: str = "cpu") -> np.ndarray:
    manifest = _manifest(form)
    inputs = [_decoded(entry) for entry in manifest["inputs"]]
    (reference,) = manifest["outputs"]
    out = np.zeros(reference["shape"], dtype=np.float32)
    run_function(module, "main", [*inputs, out], target=target)
    return out


def _run_flagged(form: str, module: ir.Module, flag: int, target: str) -> np.ndarray:
    """Run a lax.cond form's ``main`` with its manifest's inputs but the
    int32 flag (the last input) set to ``flag``; its output."""
    manifest = _manifest(form)
    inputs = [_decoded(entry) for entry in manifest["inputs"]]
    out = np.zeros(manifest["outputs"][0]["shape"], dtype=np.float32)
    run_function(module, "main", [*inputs[:-1], np.array(flag, dtype=np.int32), out], target=target)
    return out


def test_the_exports_are_upstream_mlir_in_jax_forms() -> None:
    """What the conversion keeps of each form: scan's loop, the calls of
    nested jit (JAX's helpers too), no loop or call in the other two; only
    upstream dialects."""
    upstream = {"arith", "func", "linalg", "math", "scf", "tensor"}
    for form in ALL_FORMS:
        manifest = _manifest(form)
        assert set(manifest["ops_by_dialect"]) <= upstream, form
        assert manifest["versions"]["iree-base-compiler"] == "3.13.0"
    text = (JAX / "scan.mlir").read_text()
    assert text.count("scf.for") == 1 and "func.call" not in text and " call @" not in text
    calls = (JAX / "calls.mlir").read_text()
    assert _manifest("calls")["calls_kept"] == _manifest("calls")["calls_in"] == 5
    for callee in ("@layer", "@tril", "@_where", "@silu"):
        assert f"func.func private {callee}(" in calls
    for form in ("unrolled", "per-layer"):
        assert "scf.for" not in (JAX / f"{form}.mlir").read_text()
    # fori_loop: the loop also carries the layer index as a 0-d tensor.
    fori = (JAX / "fori.mlir").read_text()
    assert fori.count("scf.for") == 1 and "-> (tensor<i32>, tensor<8x16xf32>)" in fori
    # while_loop: an scf.while carrying the index and the state.
    loop = (JAX / "while.mlir").read_text()
    assert loop.count("scf.while") == 1 and "scf.for" not in loop
    # cond: an scf.if yielding the state, from either region.
    cond = (JAX / "cond.mlir").read_text()
    assert cond.count("scf.if") == 1 and "-> (tensor<8x16xf32>) {" in cond
    shared = (JAX / "cond-shared.mlir").read_text()
    assert shared.count("scf.if") == 1 and "-> (tensor<8x16xf32>) {" in shared


@pytest.mark.parametrize("form", ALL_FORMS)
def test_bufferized_export_computes_what_jax_computed(form: str) -> None:
    with ir.Context():
        got = _run(form, _bufferized(form))
    (want,) = _manifest(form)["outputs"]
    np.testing.assert_allclose(got, _decoded(want), rtol=2e-5, atol=2e-5)


@pytest.mark.parametrize("form", ["scan", "fori", "while"])
def test_a_loop_leaves_its_callers_input_alone(form: str) -> None:
    """The loop forms carry the state in a copy of ``x``, not in the
    caller's array (JAX's inputs are values): called twice with the same
    arrays, the program leaves them as they were and computes the same."""
    manifest = _manifest(form)
    inputs = [_decoded(entry) for entry in manifest["inputs"]]
    given = [array.copy() for array in inputs]
    outputs = []
    with ir.Context():
        module = _bufferized(form)
        for _ in range(2):
            out = np.zeros(manifest["outputs"][0]["shape"], dtype=np.float32)
            run_function(module, "main", [*inputs, out], target="cpu")
            outputs.append(out)
    assert all(np.array_equal(a, b) for a, b in zip(inputs, given, strict=True))
    assert np.array_equal(outputs[0].view(np.uint32), outputs[1].view(np.uint32))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_offloaded_export_matches_bit_for_bit(form: str, target: str) -> None:
    """At 70% of the peak (97% for the calls form, whose calls
    inline-calls=auto inlines there: planned around them, each call needs
    its layer's slices whole and the next layer's arrive during it, which
    is slower; the scan's stacked weights are streamed through its loop):
    nothing touches the pool, the schedule verifies, and the output is bit
    for bit the bufferized program's."""
    share = 97 if form == "calls" else 70
    with ir.Context():
        want = _run(form, _bufferized(form))
        module = _bufferized(form)
        main = function_named(module.operation, "main")
        given = BufferLiveness(main, symbols=module.operation).peak_bytes
        options = f"{{budget={share}% hw=gh200}}"
        build_pass_manager(f"hyper-offload-pipeline{options}").run(module.operation)
        main = function_named(module.operation, "main")
        assert any(op.name == "cache.prefetch" for op in walk_preorder(main))
        if form == "calls":
            assert not any(op.name == "func.call" for op in walk_preorder(main))
            assert function_named(module.operation, "layer") is None
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        assert BufferLiveness(main, symbols=module.operation).peak_bytes <= share / 100 * given
        got = _run(form, module, target)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_calls_form_is_planned_around_its_calls() -> None:
    """Nested jit: each call is passed its layer's slices of the stacked
    weights (cache-elide-argument-copies: no copy per call), @main is
    planned with @layer's memory counted at each call (the callees are
    left as they are), within the budget, and the schedule verifies; it
    computes bit for bit what the bufferized program does (JAX's boolean
    mask reaches @tril as bytes: cache-widen-bool-buffers widens the global
    and the helpers' parameters)."""
    with ir.Context():
        module = _bufferized("calls")
        main = function_named(module.operation, "main")
        # One copy left: the result into its out-parameter.
        assert [op.name for op in walk_preorder(main)].count("memref.copy") == 1
        given = BufferLiveness(main, symbols=module.operation).peak_bytes
        build_pass_manager("hyper-offload-pipeline{budget=97% hw=gh200 inline-calls=false}").run(
            module.operation
        )
        main = function_named(module.operation, "main")
        names = [op.name for op in walk_preorder(main)]
        assert names.count("func.call") == 2 and "cache.prefetch" in names
        layer = function_named(module.operation, "layer")
        assert "cache.prefetch" not in [op.name for op in walk_preorder(layer)]
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        assert BufferLiveness(main, symbols=module.operation).peak_bytes <= 0.97 * given
        got, want = _run("calls", module), _run("calls", _bufferized("calls"))
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_scan_streams_its_stacked_weights() -> None:
    """cache-stream-loop-slices on IREE's form of lax.scan: the nine
    stacked weights go to the pool whole and come back one layer's slice at
    a time (two layers: the loop is peeled and pipelined away, each slice
    prefetched while the layer before runs), and the schedule verifies."""
    with ir.Context():
        module = _bufferized("scan")
        build_pass_manager("cache-stream-loop-slices").run(module.operation)
        main = function_named(module.operation, "main")
        assert check_schedule(main) == []
        stacked = list(main.regions[0].blocks[0].arguments)[1:10]
        assert all(is_remote_memref(a.type) for a in stacked)
        slices = [
            op
            for op in walk_preorder(main)
            if op.name == "cache.prefetch" and "memref<2x" not in str(op.operands[0].type)
        ]
    assert len(slices) == 2 * len(stacked)


def test_fori_loop_streams_once_its_counter_is_the_induction_variable() -> None:
    """lax.fori_loop reads each slice at a counter the loop carries as a
    tensor<i32>: without cache-uplift-loop-counters the stacked weights
    stay whole (the slices do not move with the induction variable); with
    it (in hyper-bufferize-pipeline) all nine stream."""
    with ir.Context():
        module = _bufferized("fori")
        build_pass_manager("cache-stream-loop-slices").run(module.operation)
        main = function_named(module.operation, "main")
        stacked = list(main.regions[0].blocks[0].arguments)[1:10]
        assert all(is_remote_memref(a.type) for a in stacked)
        assert check_schedule(main) == []
        plain = ir.Module.parse((JAX / "fori.mlir").read_text())
        without = BUFFERIZE_PIPELINE.text.replace("cache-uplift-loop-counters,", "")
        build_pass_manager(without).run(plain.operation)
        build_pass_manager("cache-stream-loop-slices").run(plain.operation)
        plain_main = function_named(plain.operation, "main")
        arguments = list(plain_main.regions[0].blocks[0].arguments)[1:10]
        assert not any(is_remote_memref(a.type) for a in arguments)


def _streamed_slice_by_slice(form: str) -> tuple[ir.Module, list[str]]:
    """The bufferized export after cache-stream-static-slices, with its nine
    stacked weights checked to be in the pool, and the op names of @main."""
    module = _bufferized(form)
    build_pass_manager("cache-stream-static-slices").run(module.operation)
    main = function_named(module.operation, "main")
    stacked = list(main.regions[0].blocks[0].arguments)[1:10]
    assert all(is_remote_memref(a.type) for a in stacked)
    return module, [op.name for op in walk_preorder(main)]


def test_unrolled_stacked_weights_stream_slice_by_slice() -> None:
    """JAX's unrolled form reads each stacked weight at constant slices
    (some through an expand_shape): cache-stream-static-slices moves all
    nine to the pool and fetches each slice one slice ahead; the schedule
    verifies and the program computes what the bufferized one does."""
    with ir.Context():
        want = _run("unrolled", _bufferized("unrolled"))
        module, names = _streamed_slice_by_slice("unrolled")
        assert names.count("cache.prefetch") == 2 * 9
        assert check_schedule(function_named(module.operation, "main")) == []
        got = _run("unrolled", module, "cpu-async")
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "gpu"])
@pytest.mark.parametrize(
    "pipeline",
    ["cache-split-static-slices", "hyper-offload-pipeline{budget=60% hw=gh200 peel-iterations=1}"],
)
@pytest.mark.parametrize("form", ["unrolled", "calls"])
def test_stacked_weights_split_into_their_slices_compute_the_same(
    form: str, pipeline: str, target: str
) -> None:
    """cache-split-static-slices (alone, and in the offload pipeline with
    peel-iterations=1) passes each slice of the nine stacked weights as a
    parameter of its own (cache.slices: the parameter keeps its first
    slice, the second is appended); run from the export's arguments
    (run_function splits them), the program computes the bufferized one's
    bits."""
    with ir.Context():
        want = _run(form, _bufferized(form))
        module = _bufferized(form)
        build_pass_manager(pipeline).run(module.operation)
        main = function_named(module.operation, "main")
        rows = slice_attributes(main)
        assert len(rows) == 2 * 9
        assert sorted(first for _, first, _ in rows.values()) == [0] * 9 + [1] * 9
        got = _run(form, module, target)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_a_split_that_does_not_verify_is_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the split function does not verify (here: the views' layouts
    left unshifted), it is left as it was, with a remark saying why."""
    from hyperoffload.transforms import split_static_slices as split

    monkeypatch.setattr(split, "_retyped", lambda value, elements: ([], None))
    with ir.Context():
        module = _bufferized("unrolled")
        before = str(module)
        function, remarks = split.split_static_slices(function_named(module.operation, "main"))
        assert str(module) == before and not slice_attributes(function)
        ((_, message),) = remarks
        assert message.startswith("leaves its stacked parameters whole: split, ")


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_nested_jit_stacked_weights_stream_into_the_calls(target: str) -> None:
    """Nested jit passes each call its slices (cache-elide-argument-copies):
    cache-stream-static-slices moves all nine stacked weights to the pool
    and fetches each call's slices one call ahead, casting each device copy
    to @layer's strided parameter; the offload pipeline then plans around
    that (with the pool guard on: no pool read), the schedule verifies, and
    the program computes bit for bit what the bufferized one does."""
    with ir.Context():
        want = _run("calls", _bufferized("calls"))
        module, names = _streamed_slice_by_slice("calls")
        assert names.count("cache.prefetch") == 2 * 9 and names.count("func.call") == 2
        build_pass_manager("hyper-offload-pipeline{budget=100% hw=gh200}").run(module.operation)
        main = function_named(module.operation, "main")
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        got = _run("calls", module, target)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_missing_iree_is_one_line_with_the_way_out(tmp_path: Path) -> None:
    python = stub_python(
        tmp_path, "iree", "raise ModuleNotFoundError(\"No module named 'iree'\", name='iree')\n"
    )
    with pytest.raises(FrontendError) as info:
        frontend.convert("module {}", str(tmp_path / "o.mlir"), python=python, name="m")
    assert str(info.value) == (
        "m: importing iree.compiler: iree is not installed (install the frontend: pip install "
        "'hyperoffload-mlir[jax]' (or give python= an interpreter that has iree-base-compiler))"
    )
    assert not (tmp_path / "o.mlir").exists()


def test_stablehlo_cli_reports_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hyper_import.main(["--stablehlo", str(tmp_path / "none.mlir")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hyper-import: error: cannot read ") and "No such file" in err
    with pytest.raises(SystemExit):
        hyper_import.main(["llama-tiny", "--stablehlo", "x.mlir"])
    assert "give a model or --stablehlo, not both" in capsys.readouterr().err


@needs_iree
def test_bad_stablehlo_names_the_stage_and_the_line(tmp_path: Path) -> None:
    bad = "func.func @f() {\n  stablehlo.bogus\n}\n"
    with pytest.raises(FrontendError) as info:
        frontend.convert(bad, str(tmp_path / "o.mlir"), python=IREE_PYTHON, name="bad")
    assert str(info.value).startswith("bad: parsing StableHLO: error: ")
    assert "'stablehlo.bogus' is unknown" in str(info.value)


@needs_iree
@pytest.mark.parametrize("inline", [True, False])
def test_cli_converts_stablehlo(
    tmp_path: Path, inline: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hyper-import --stablehlo`` on the StableHLO of nested jit (a call
    of @layer per layer): inlined, or, with --no-inline, the calls kept;
    the output is upstream MLIR with its manifest beside it."""
    source = tmp_path / "calls.stablehlo.mlir"
    source.write_text(STABLEHLO_CALLS)
    out = tmp_path / "out.mlir"
    args = ["--stablehlo", str(source), "-o", str(out), "--python", IREE_PYTHON]
    assert hyper_import.main(args + ([] if inline else ["--no-inline"])) == 0
    assert f"-> {out}" in capsys.readouterr().err
    manifest = json.loads(out.with_suffix(".json").read_text())
    assert manifest["calls_in"] == 2
    assert manifest["calls_kept"] == (0 if inline else 2)
    with ir.Context():
        module = ir.Module.parse(out.read_text())
        calls = [op for op in walk_preorder(module.operation) if op.name == "func.call"]
    assert len(calls) == (0 if inline else 2)


# jax.jit of f(x, w) = g(g(x, w), w) with g = jax.jit(lambda x, w: tanh(x @ w)),
# as jax 0.10.2 prints it.
STABLEHLO_CALLS = """
module @jit_f {
  func.func public @main(%arg0: tensor<4x8xf32>, %arg1: tensor<8x8xf32>) -> tensor<4x8xf32> {
    %0 = call @g(%arg0, %arg1) : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
    %1 = call @g(%0, %arg1) : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
    return %1 : tensor<4x8xf32>
  }
  func.func private @g(%arg0: tensor<4x8xf32>, %arg1: tensor<8x8xf32>) -> tensor<4x8xf32> {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
    %1 = stablehlo.tanh %0 : tensor<4x8xf32>
    return %1 : tensor<4x8xf32>
  }
}
"""  # noqa: E501


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_nested_jit_callees_fetch_their_own_slices(target: str) -> None:
    """Nested jit: with the caller fetching each call's slices around it
    (call-weights=caller), a call needs its layer's slices at once and 60%
    is a located error at the call. With auto the callees fetch them: each
    call calls a clone of @layer whose slices are in the pool, prefetched
    at its start and waited for at first use; the schedules verify, nothing
    reads the pool, and the output is bit for bit the bufferized program's."""
    with ir.Context():
        want = _run("calls", _bufferized("calls"))
        module = _bufferized("calls")
        with pytest.raises(ir.MLIRError, match=r"at 'func\.call'"):
            build_pass_manager(
                "hyper-offload-pipeline{budget=60% hw=gh200 call-weights=caller inline-calls=false}"
            ).run(module.operation)
        module = _bufferized("calls")
        build_pass_manager("hyper-offload-pipeline{budget=60% hw=gh200 inline-calls=false}").run(
            module.operation
        )
        clones = [
            op.operation
            for op in module.body.operations
            if op.operation.name == "func.func"
            and ir.StringAttr(op.operation.attributes["sym_name"]).value.startswith("layer__main_")
        ]
        assert len(clones) == 2 and function_named(module.operation, "layer") is None
        for clone in clones:
            assert any(op.name == "cache.prefetch" for op in walk_preorder(clone))
            assert check_schedule(clone) == []
        assert check_schedule(function_named(module.operation, "main")) == []
        assert _native.remote_accesses(module.operation) == []
        got = _run("calls", module, target)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_cond_early_exit_is_planned_inside_its_branch(target: str) -> None:
    """lax.cond: cache-materialize-branch-results gives the scf.if's result
    one buffer, so bufferization needs no runtime ownership (before it, a
    @dealloc_helper on memref<?xindex> that liveness cannot size), and
    both paths compute what JAX did. At 50% of the peak the second layer's
    weights, used only in the branch that runs it, are prefetched inside
    that branch; the schedule verifies and both paths stay bit for bit."""
    manifest = _manifest("cond")

    def run(module: ir.Module, stop: int, on: str = "cpu") -> np.ndarray:
        return _run_flagged("cond", module, stop, on)

    with ir.Context():
        module = _bufferized("cond")
        assert "dealloc_helper" not in str(module)
        want = [run(module, stop) for stop in (0, 1)]
        for got, key in zip(want, ("outputs", "outputs_exit"), strict=True):
            np.testing.assert_allclose(got, _decoded(manifest[key][0]), rtol=2e-5, atol=2e-5)
        build_pass_manager("hyper-offload-pipeline{budget=50% hw=gh200}").run(module.operation)
        main = function_named(module.operation, "main")
        (branch,) = [op for op in walk_preorder(main) if op.name == "scf.if"]
        assert any(op.name == "cache.prefetch" for op in walk_preorder(branch))
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        got = [run(module, stop, target) for stop in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_weights_both_branches_use_are_fetched_in_each(target: str) -> None:
    """lax.cond between a draft that skips layers and the full model
    (self-speculative decoding): the second layer's weights are used by
    both branches and nowhere else. Held for the whole scf.if, no budget
    under 57% of the peak was feasible (15296 B at the scf.if); at 40% the
    branch that moves them to the pool decides for both, each region
    fetches them where it uses them, the schedule verifies, and both paths
    compute what JAX did, bit for bit with the unplanned program."""
    manifest = _manifest("cond-shared")

    def run(module: ir.Module, drafting: int, on: str = "cpu") -> np.ndarray:
        return _run_flagged("cond-shared", module, drafting, on)

    with ir.Context():
        module = _bufferized("cond-shared")
        want = [run(module, drafting) for drafting in (0, 1)]
        for got, key in zip(want, ("outputs", "outputs_draft"), strict=True):
            np.testing.assert_allclose(got, _decoded(manifest[key][0]), rtol=2e-5, atol=2e-5)
        with collect_instances() as ran:
            build_pass_manager("hyper-offload-pipeline{budget=40% hw=gh200}").run(module.operation)
        assert ran[0].statistics["main"]["saved_by_regions_bytes"] > 0
        main = function_named(module.operation, "main")
        (branch,) = [op for op in walk_preorder(main) if op.name == "scf.if"]
        sources = []
        for region in branch.regions:
            inside = [
                inner
                for op in region.blocks[0].operations
                for inner in (op.operation, *walk_preorder(op.operation))
            ]
            fetched = {
                str(op.operands[0].get_name()) for op in inside if op.name == "cache.prefetch"
            }
            sources.append(fetched)
        assert sources[0] and sources[0] & sources[1]
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        got = [run(module, drafting, target) for drafting in (0, 1)]
    for mine, theirs in zip(got, want, strict=True):
        assert np.array_equal(mine.view(np.uint32), theirs.view(np.uint32))


@pytest.mark.parametrize("target", ["cpu", "cpu-async", "gpu"])
def test_while_loop_streams_its_slices_in_each_iteration(target: str) -> None:
    """lax.while_loop: cache-materialize-loop-results writes the state the
    do region yields into its argument, so one-shot bufferization takes the
    loop (it refused it: 'Yield operand #0 is not equivalent to the
    corresponding iter bbArg'), and the program computes what JAX did (the
    bufferized test above). It counts to an input, so
    cache-uplift-loop-counters makes it an scf.for whose trip count is known
    only at run time, and each iteration can fetch the slices it takes: at
    50% of the peak stacked weights move to the pool (largest first, as
    many as the budget needs) and each of their slices is prefetched,
    waited and evicted inside the loop (every loop the plan keeps: a
    pipelined one and its guard's per-iteration copy alike); the schedule
    verifies, nothing reads the pool, and the output is bit for bit the
    bufferized program's (timed as two iterations with trip-count-bound,
    which stays on the loop). 20% is a located error at the loop's guard."""
    with ir.Context():
        module = _bufferized("while")
        want = _run("while", module)
        main = function_named(module.operation, "main")
        given = BufferLiveness(main, symbols=module.operation).peak_bytes
        options = "budget=50% hw=gh200 trip-count-bound=2"
        build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(module.operation)
        main = function_named(module.operation, "main")
        assert "cache.trip_count_bound = 2" in str(module)
        assert "scf.while" not in str(module)
        loops = [op for op in walk_preorder(main) if op.name == "scf.for"]
        for loop in loops:
            inside = [op.name for op in walk_preorder(loop)]
            assert inside.count("cache.prefetch") == inside.count("cache.evict") > 0
        assert BufferLiveness(main, symbols=module.operation).peak_bytes <= given / 2
        assert _native.remote_accesses(module.operation) == []
        assert check_schedule(main) == []
        got = _run("while", module, target)
        assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
        module = _bufferized("while")
        with pytest.raises(ir.MLIRError) as raised:
            build_pass_manager("hyper-offload-pipeline{budget=20% hw=gh200}").run(module.operation)
    (diagnostic,) = raised.value.error_diagnostics
    # The peak is in the loop, which runs in its guard (the pipelined form).
    assert "is infeasible" in diagnostic.message and "at 'scf.if'" in diagnostic.message
