"""Hugging Face ``transformers`` models to linalg-on-tensors MLIR, through
``torch.export`` and torch-mlir.

    from hyperoffload.frontends.torch import ExportSpec, export
    result = export(ExportSpec("llama-3-8b", tokens=2048), "llama.mlir")

or ``hyper-import llama-3-8b --tokens 2048 -o llama.mlir``. The model is a
preset (:data:`PRESETS`: published configs of Llama-3-8B, Qwen2-7B,
Mixtral-8x7B, GPT-2, BERT and tiny twins of each), a checkpoint directory
holding a ``config.json``, or a hub id transformers can resolve (from its
cache when offline). Only the config is read: weights are random (seeded)
or not there at all.

What a default torch-mlir export of these models trips on, and what this
does instead:

- **Weights as function arguments** (``weights="arguments"``, the default):
  the model is built from fake tensors (no storage) and every parameter
  and buffer reaches the graph through ``torch.func.functional_call`` as an
  argument, so a 47-billion-parameter model exports in seconds to a file of
  shapes. With ``weights="constants"`` the weights are seeded random data
  (``dense_resource`` constants, small models only) and the torch output
  is stored in the manifest as the reference.
- Non-persistent buffers (RoPE's ``inv_freq``: torch-mlir's ``Could not
  find state mapping for buffer``) are arguments, or made persistent when
  the weights are constants.
- An explicit all-ones attention mask, so the masking code does not count
  positions with ``cumsum`` (``tm_tensor.scan``); ``aten.topk`` (a MoE
  router) decomposed into max-and-mask rounds instead of ``tm_tensor.sort``.
- Eager attention (matmuls and a softmax), and mixture-of-experts layers as
  batched matmuls (``grouped_mm`` needs ``aten.histc``; ``eager`` a
  data-dependent guard torch.export refuses).
- ``mode="decode"``: one decode step with a KV cache of ``cache_tokens``
  tokens: each layer's past keys and values are arguments, and the step
  returns the logits and each layer's new key and value.

torch, transformers and torch-mlir run in a child process (the script
``_torch_export.py``, on ``python=`` or this interpreter): torch-mlir
carries its own MLIR, which must not share a process with ours. The output
is parsed here by upstream MLIR before it is written; an op upstream does
not have is an error at its line. Every failure is a :class:`FrontendError`
with one line naming the model, the stage and, where one is known, the way
around it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from hyperoffload.frontends.common import (
    FrontendError,
    check_upstream,
    manifest_path,
    run_worker,
    write_export,
)

__all__ = [
    "PRESETS",
    "ExportResult",
    "ExportSpec",
    "FrontendError",
    "check_upstream",
    "export",
    "manifest_path",
    "resolve_source",
]

# The versions the worker is tested with (the `torch` extra pins them).
VERSIONS = {"torch": "2.13.0", "torch-mlir": "20261001", "transformers": "5.23.0"}


@dataclasses.dataclass(frozen=True)
class Preset:
    """A published config (``model_type`` and the fields that differ from
    transformers' defaults for it) and what it is."""

    model_type: str
    config: dict[str, Any]
    about: str


_LLAMA_3_8B = {
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "vocab_size": 128256,
    "max_position_embeddings": 8192,
    "rope_theta": 500000.0,
    "rms_norm_eps": 1e-5,
}
_QWEN2_7B = {
    "hidden_size": 3584,
    "intermediate_size": 18944,
    "num_hidden_layers": 28,
    "num_attention_heads": 28,
    "num_key_value_heads": 4,
    "vocab_size": 152064,
    "max_position_embeddings": 32768,
    "rope_theta": 1000000.0,
    "rms_norm_eps": 1e-6,
}
_MIXTRAL_8X7B = {
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "vocab_size": 32000,
    "max_position_embeddings": 32768,
    "rope_theta": 1000000.0,
    "num_local_experts": 8,
    "num_experts_per_tok": 2,
}
_TINY = {
    "hidden_size": 32,
    "intermediate_size": 64,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "vocab_size": 64,
    "max_position_embeddings": 64,
}

PRESETS: dict[str, Preset] = {
    "llama-3-8b": Preset("llama", _LLAMA_3_8B, "Llama-3-8B: 32 layers, hidden 4096, GQA 32/8"),
    "qwen2-7b": Preset("qwen2", _QWEN2_7B, "Qwen2-7B: 28 layers, hidden 3584, GQA 28/4"),
    "qwen2-0.5b": Preset(
        "qwen2",
        {
            "hidden_size": 896,
            "intermediate_size": 4864,
            "num_hidden_layers": 24,
            "num_attention_heads": 14,
            "num_key_value_heads": 2,
            "vocab_size": 151936,
            "max_position_embeddings": 32768,
            "rope_theta": 1000000.0,
            "rms_norm_eps": 1e-6,
            "tie_word_embeddings": True,
        },
        "Qwen2-0.5B: 24 layers, hidden 896, GQA 14/2, tied embeddings",
    ),
    "smollm-135m": Preset(
        "llama",
        {
            "hidden_size": 576,
            "intermediate_size": 1536,
            "num_hidden_layers": 30,
            "num_attention_heads": 9,
            "num_key_value_heads": 3,
            "vocab_size": 49152,
            "max_position_embeddings": 2048,
            "rope_theta": 10000.0,
            "tie_word_embeddings": True,
        },
        "SmolLM-135M: 30 Llama layers, hidden 576, GQA 9/3, tied embeddings",
    ),
    "mixtral-8x7b": Preset(
        "mixtral", _MIXTRAL_8X7B, "Mixtral-8x7B: 32 layers, 8 experts, top-2 routing"
    ),
    "gpt2": Preset(
        "gpt2",
        {"n_embd": 768, "n_layer": 12, "n_head": 12, "vocab_size": 50257, "n_positions": 1024},
        "GPT-2 (124M): 12 layers, hidden 768, learned positions, tied head",
    ),
    "bert-base": Preset(
        "bert",
        {
            "hidden_size": 768,
            "intermediate_size": 3072,
            "num_hidden_layers": 12,
            "num_attention_heads": 12,
            "vocab_size": 30522,
            "max_position_embeddings": 512,
        },
        "BERT-base (uncased): 12 encoder layers, masked-LM head",
    ),
    "llama-tiny": Preset("llama", _TINY, "Llama code at hidden 32, 2 layers (tests)"),
    "qwen2-tiny": Preset("qwen2", _TINY, "Qwen2 code at hidden 32, 2 layers (tests)"),
    "mixtral-tiny": Preset(
        "mixtral",
        {**_TINY, "intermediate_size": 48, "num_local_experts": 4, "num_experts_per_tok": 2},
        "Mixtral code at hidden 32, 4 experts, top-2 (tests)",
    ),
    "gpt2-tiny": Preset(
        "gpt2",
        {"n_embd": 32, "n_layer": 2, "n_head": 4, "vocab_size": 64, "n_positions": 64},
        "GPT-2 code at hidden 32, 2 layers (tests)",
    ),
    "bert-tiny": Preset(
        "bert",
        {
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "vocab_size": 64,
            "max_position_embeddings": 64,
        },
        "BERT code at hidden 32, 2 layers (tests)",
    ),
}

MODES = ("prefill", "decode")
WEIGHTS = ("arguments", "constants")
DTYPES = ("f16", "bf16", "f32")
# Model types whose export is decoder-only and can run a decode step.
ENCODERS = ("bert",)


@dataclasses.dataclass(frozen=True)
class ExportSpec:
    """What to export. ``tokens`` defaults to 2048 for a prefill and 1 for
    a decode step; ``layers`` overrides the config's layer count."""

    model: str
    tokens: int | None = None
    batch: int = 1
    layers: int | None = None
    dtype: str = "f16"
    mode: str = "prefill"
    cache_tokens: int = 4096
    weights: str = "arguments"
    seed: int = 0
    function: str = "forward"

    @property
    def token_count(self) -> int:
        if self.tokens is not None:
            return self.tokens
        return 1 if self.mode == "decode" else 2048

    def validate(self) -> None:
        """Raise :class:`FrontendError` for a spec no export can honour."""
        problems = []
        if self.mode not in MODES:
            problems.append(f"mode must be one of {', '.join(MODES)}, not '{self.mode}'")
        if self.weights not in WEIGHTS:
            problems.append(f"weights must be one of {', '.join(WEIGHTS)}, not '{self.weights}'")
        if self.dtype not in DTYPES:
            problems.append(f"dtype must be one of {', '.join(DTYPES)}, not '{self.dtype}'")
        if self.batch < 1:
            problems.append("batch must be at least 1")
        if self.token_count < 1:
            problems.append("tokens must be at least 1")
        if self.layers is not None and self.layers < 1:
            problems.append("layers must be at least 1")
        if self.mode == "decode" and self.cache_tokens < 1:
            problems.append("a decode step needs a cache of at least 1 token")
        if not self.function.isidentifier():
            problems.append(f"function name '{self.function}' is not an identifier")
        if problems:
            raise FrontendError(f"{self.model}: " + "; ".join(problems))


@dataclasses.dataclass(frozen=True)
class ExportResult:
    """The written file, its size, and the worker's manifest: arguments by
    name in order, the layer count, versions, export seconds, and with
    constant weights the torch reference (inputs and outputs)."""

    path: str
    size_bytes: int
    manifest: dict[str, Any]


def resolve_source(model: str) -> dict[str, Any]:
    """Where the config comes from: a preset, a directory with a
    ``config.json``, or a hub id for transformers to resolve."""
    if model in PRESETS:
        preset = PRESETS[model]
        return {"kind": "preset", "model_type": preset.model_type, "config": preset.config}
    path = Path(model)
    if path.is_dir():
        config = path / "config.json"
        if not config.is_file():
            raise FrontendError(f"{model}: a checkpoint directory needs a config.json")
        try:
            model_type = json.loads(config.read_text()).get("model_type")
        except json.JSONDecodeError as err:
            raise FrontendError(f"{model}: config.json is not JSON: {err}") from None
        return {"kind": "path", "path": str(path.resolve()), "model_type": model_type}
    if path.is_file():
        raise FrontendError(f"{model}: a file; give a checkpoint directory holding a config.json")
    if model.count("/") != 1 or model.startswith(("/", ".")) or model.endswith("/"):
        known = ", ".join(PRESETS)
        raise FrontendError(
            f"{model}: not a preset, a checkpoint directory or a hub id (owner/name); "
            f"presets: {known}"
        )
    return {"kind": "path", "path": model, "model_type": None}


# What to do about failures we know, by a phrase of the worker's message.
_WORKAROUNDS = {
    "is not installed": "install the frontend: pip install 'hyperoffload-mlir[torch]' "
    "(or give --python an interpreter that has torch, torch-mlir and transformers)",
    "Could not find state mapping": "export with weights as arguments (the default)",
    "tm_tensor": "torch-mlir lowered an op to its own tm_tensor dialect; "
    "a decomposition (torch.export run_decompositions) avoids it",
    "histc": "MoE experts need experts_implementation='batched_mm' (set here for "
    "configs with experts; a checkpoint's own setting may override it)",
    "We couldn't connect": "hub ids need network or the Hugging Face cache; give a preset "
    "or a directory with config.json",
    "offline mode": "hub ids need network or the Hugging Face cache; give a preset "
    "or a directory with config.json",
}


def export(spec: ExportSpec, output: str, *, python: str | None = None) -> ExportResult:
    """Export ``spec`` to ``output`` (``-``: standard output) and, beside a
    file, its manifest as ``OUTPUT.json`` (with constant weights it holds
    the torch reference). Raises :class:`FrontendError`."""
    spec.validate()
    source = resolve_source(spec.model)
    if spec.mode == "decode" and source.get("model_type") in ENCODERS:
        raise FrontendError(f"{spec.model}: an encoder ({source['model_type']}) has no decode step")
    request = {**dataclasses.asdict(spec), "tokens": spec.token_count, "source": source}
    text, manifest = run_worker("torch", request, spec.model, python, _WORKAROUNDS)
    size = write_export(text, manifest, output)
    return ExportResult(output, size, manifest)
