"""hyperoffload.frontends.torch and hyper-import: the parts that need no
torch always run (specs, sources, failures of the worker, the upstream
check); the exports themselves run where an interpreter with torch,
torch-mlir and transformers is found (this one, or
``HYPEROFFLOAD_TORCH_PYTHON``) and are skipped, saying so, elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import stub_python
from hyperoffload.cli import hyper_import
from hyperoffload.frontends import torch as frontend
from hyperoffload.frontends.torch import ExportSpec, FrontendError

HF = Path(__file__).resolve().parents[2] / "examples" / "hf"
TORCH_PYTHON = os.environ.get("HYPEROFFLOAD_TORCH_PYTHON", sys.executable)


def _has_torch() -> bool:
    probe = "import torch, torch_mlir, transformers"
    done = subprocess.run([TORCH_PYTHON, "-c", probe], capture_output=True, check=False)
    return done.returncode == 0


needs_torch = pytest.mark.skipif(
    not _has_torch(),
    reason=f"{TORCH_PYTHON} lacks torch, torch-mlir or transformers "
    "(pip install '.[torch]', or set HYPEROFFLOAD_TORCH_PYTHON)",
)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (ExportSpec("llama-tiny", mode="train"), "mode must be one of prefill, decode"),
        (ExportSpec("llama-tiny", weights="lazy"), "weights must be one of arguments, constants"),
        (ExportSpec("llama-tiny", dtype="f8"), "dtype must be one of f16, bf16, f32"),
        (ExportSpec("llama-tiny", tokens=0), "tokens must be at least 1"),
        (ExportSpec("llama-tiny", batch=0), "batch must be at least 1"),
        (ExportSpec("llama-tiny", layers=0), "layers must be at least 1"),
        (ExportSpec("llama-tiny", mode="decode", cache_tokens=0), "a cache of at least 1 token"),
        (ExportSpec("llama-tiny", function="1st"), "'1st' is not an identifier"),
    ],
)
def test_specs_no_export_can_honour_are_refused(spec: ExportSpec, message: str) -> None:
    with pytest.raises(FrontendError, match=message) as info:
        spec.validate()
    assert str(info.value).startswith("llama-tiny: ")


def test_token_defaults_follow_the_mode() -> None:
    assert ExportSpec("gpt2").token_count == 2048
    assert ExportSpec("gpt2", mode="decode").token_count == 1
    assert ExportSpec("gpt2", tokens=7, mode="decode").token_count == 7


def test_sources(tmp_path: Path) -> None:
    preset = frontend.resolve_source("mixtral-8x7b")
    assert preset["kind"] == "preset" and preset["model_type"] == "mixtral"
    assert preset["config"]["num_local_experts"] == 8
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "qwen2"}))
    assert frontend.resolve_source(str(tmp_path)) == {
        "kind": "path",
        "path": str(tmp_path.resolve()),
        "model_type": "qwen2",
    }
    assert frontend.resolve_source("Qwen/Qwen2-7B")["kind"] == "path"
    # Hub ids have dots (Qwen2.5); a path that is not a directory is not one.
    assert frontend.resolve_source("Qwen/Qwen2.5-7B") == {
        "kind": "path",
        "path": "Qwen/Qwen2.5-7B",
        "model_type": None,
    }
    config_file = tmp_path / "config.json"
    with pytest.raises(FrontendError, match="a file; give a checkpoint directory"):
        frontend.resolve_source(str(config_file))
    with pytest.raises(FrontendError, match="not a preset"):
        frontend.resolve_source(str(tmp_path / "missing" / "dir"))
    with pytest.raises(FrontendError, match="not a preset, a checkpoint directory or a hub id"):
        frontend.resolve_source("llama-9000")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FrontendError, match=r"needs a config\.json"):
        frontend.resolve_source(str(empty))


def test_every_preset_names_a_known_family() -> None:
    for name, preset in frontend.PRESETS.items():
        assert preset.model_type in {"llama", "qwen2", "mixtral", "gpt2", "bert"}, name
        assert preset.about


def test_manifest_sits_beside_the_export() -> None:
    assert frontend.manifest_path("out/x.mlir") == "out/x.json"
    assert frontend.manifest_path("x.txt") == "x.txt.json"


def test_non_upstream_ops_are_located_errors() -> None:
    """What torch-mlir leaves when a decomposition is missing (its own
    tm_tensor dialect) is refused at its line, before anything is written."""
    text = (HF / "llama-tiny.mlir").read_text()
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if "linalg.fill" in line)
    lines[index] = lines[index].replace("linalg.fill", "tm_tensor.fill")
    column = lines[index].index("tm_tensor.fill") + 1
    with pytest.raises(FrontendError) as info:
        frontend.check_upstream("\n".join(lines), "x.mlir")
    assert str(info.value).startswith(f"x.mlir:{index + 1}:{column}: error: the export is not ")
    assert "Dialect `tm_tensor' not found" in str(info.value)
    frontend.check_upstream(text, "x.mlir")  # the committed export is upstream MLIR


def _interpreter(tmp_path: Path, torch_init: str) -> str:
    return stub_python(tmp_path, "torch", torch_init)


def test_missing_torch_is_one_line_with_the_way_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    python = _interpreter(
        tmp_path, "raise ModuleNotFoundError(\"No module named 'torch'\", name='torch')\n"
    )
    out = tmp_path / "out.mlir"
    code = hyper_import.main(["llama-tiny", "-o", str(out), "--python", python])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        "hyper-import: error: llama-tiny: importing torch: torch is not installed "
        "(install the frontend: pip install 'hyperoffload-mlir[torch]' (or give --python an "
        "interpreter that has torch, torch-mlir and transformers))\n"
    )
    assert not out.exists() and not (tmp_path / "out.json").exists()


def test_a_crash_in_torch_names_the_stage(tmp_path: Path) -> None:
    python = _interpreter(tmp_path, "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n")
    with pytest.raises(FrontendError) as info:
        frontend.export(ExportSpec("gpt2-tiny"), str(tmp_path / "o.mlir"), python=python)
    assert str(info.value) == "gpt2-tiny: importing torch: the worker crashed (SIGSEGV)"


def test_a_failing_stage_is_reported_by_name(tmp_path: Path) -> None:
    python = _interpreter(tmp_path, "raise RuntimeError('CUDA driver missing\\nmore')\n")
    with pytest.raises(FrontendError) as info:
        frontend.export(ExportSpec("gpt2-tiny"), str(tmp_path / "o.mlir"), python=python)
    assert str(info.value) == "gpt2-tiny: importing torch: RuntimeError: CUDA driver missing"


def test_encoders_have_no_decode_step(tmp_path: Path) -> None:
    with pytest.raises(FrontendError, match="an encoder \\(bert\\) has no decode step"):
        frontend.export(ExportSpec("bert-base", mode="decode"), str(tmp_path / "o.mlir"))


def test_list_models_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert hyper_import.main(["--list-models"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == list(frontend.PRESETS)
    with pytest.raises(SystemExit) as info:
        hyper_import.main([])
    assert info.value.code == 2
    assert "a model is required" in capsys.readouterr().err


@needs_torch
def test_export_reproduces_the_committed_file(tmp_path: Path) -> None:
    """The committed llama-tiny export is what hyper-import makes today, to
    the byte (seeded weights and inputs), with the same torch reference."""
    out = tmp_path / "llama-tiny.mlir"
    spec = ExportSpec("llama-tiny", tokens=8, dtype="f32", weights="constants")
    result = frontend.export(spec, str(out), python=TORCH_PYTHON)
    assert out.read_text() == (HF / "llama-tiny.mlir").read_text()
    committed = json.loads((HF / "llama-tiny.json").read_text())
    assert result.manifest["reference"] == committed["reference"]
    assert result.manifest["arguments"] == committed["arguments"]


@needs_torch
def test_real_shapes_export_as_arguments(tmp_path: Path) -> None:
    """Mixtral-8x7B's shapes (one layer), weights as arguments, one decode
    step with a 4096-token cache: every weight and the cache are function
    arguments, named in the manifest, in a small file."""
    out = tmp_path / "step.mlir"
    spec = ExportSpec("mixtral-8x7b", layers=1, mode="decode", cache_tokens=4096)
    result = frontend.export(spec, str(out), python=TORCH_PYTHON)
    names = {a["name"]: a for a in result.manifest["arguments"]}
    assert list(names)[:3] == ["input_ids", "past.0.key", "past.0.value"]
    assert names["past.0.key"]["shape"] == [1, 8, 4096, 128]
    assert names["model.layers.0.mlp.experts.gate_up_proj"]["shape"][0] == 8
    assert names["lm_head.weight"] == {
        "name": "lm_head.weight",
        "shape": [32000, 4096],
        "dtype": "float16",
    }
    signature = next(line for line in out.read_text().splitlines() if "func.func @forward(" in line)
    assert signature.split(") ->")[0].count("%arg") == len(names)
    assert result.size_bytes < 1_000_000


@needs_torch
def test_a_checkpoint_directory_exports_its_config(tmp_path: Path) -> None:
    """A directory holding a config.json (no weights) exports what the
    config says, here one Qwen2 layer as a decode step."""
    checkpoint = tmp_path / "checkpoint"
    checkpoint.mkdir()
    config = {"model_type": "qwen2", **frontend.PRESETS["qwen2-tiny"].config}
    (checkpoint / "config.json").write_text(json.dumps(config))
    spec = ExportSpec(str(checkpoint), layers=1, mode="decode", cache_tokens=16)
    result = frontend.export(spec, str(tmp_path / "step.mlir"), python=TORCH_PYTHON)
    assert result.manifest["model_type"] == "qwen2" and result.manifest["layers"] == 1
    names = [a["name"] for a in result.manifest["arguments"]]
    assert names[:3] == ["input_ids", "past.0.key", "past.0.value"]
