"""The torch side of ``hyperoffload.frontends.torch``, run by ``_worker.py``
in its own process: torch, transformers and torch-mlir, nothing of ours.
``run(request, stages)`` builds the config and model the request resolved,
exports it and writes the MLIR text and a manifest (arguments by name,
results, timings, the torch reference output when the weights are data)
to the paths the request names.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable
from typing import Any


def _dtype(torch: Any, name: str) -> Any:
    return {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}[name]


def _config(transformers: Any, request: dict[str, Any]) -> Any:
    source = request["source"]
    if source["kind"] == "preset":
        config = transformers.AutoConfig.for_model(source["model_type"], **source["config"])
    else:
        config = transformers.AutoConfig.from_pretrained(source["path"])
    if request["layers"] is not None:
        config.num_hidden_layers = request["layers"]
    # Every attention as plain matmuls and a softmax (sdpa and flash kernels
    # are not linalg); mixture-of-experts layers as batched matmuls over the
    # stacked experts (grouped_mm needs aten.histc, eager a data-dependent
    # guard that torch.export refuses).
    config._attn_implementation = "eager"
    if hasattr(config, "num_local_experts") or hasattr(config, "num_experts"):
        config._experts_implementation = "batched_mm"
    config.use_cache = request["mode"] == "decode"
    return config


def _topk(torch: Any) -> Callable[..., Any]:
    """``aten.topk`` as k rounds of max and mask: torch-mlir lowers topk to
    ``tm_tensor.sort``, which upstream MLIR cannot read. The router's k is
    small (2 for Mixtral), so k reductions cost what one sort would."""

    def topk(
        x: Any, k: int, dim: int = -1, largest: bool = True, sorted: bool = True
    ) -> tuple[Any, Any]:
        if not largest:
            values, indices = topk(-x, k, dim)
            return -values, indices
        fill = torch.full((), torch.finfo(x.dtype).min, dtype=x.dtype)
        dim = dim % x.dim()
        shape = [1] * x.dim()
        shape[dim] = x.shape[dim]
        positions = torch.arange(x.shape[dim]).reshape(shape)
        work = x
        values, indices = [], []
        for _ in range(k):
            value, index = torch.max(work, dim=dim, keepdim=True)
            values.append(value)
            indices.append(index)
            work = torch.where(positions == index, fill, work)
        return torch.cat(values, dim=dim), torch.cat(indices, dim=dim)

    return topk


def _decompositions(torch: Any) -> dict[Any, Any]:
    from torch_mlir.extras.fx_decomp_util import get_decomposition_table

    table = dict(get_decomposition_table())
    table[torch.ops.aten.topk.default] = _topk(torch)
    # cumsum becomes tm_tensor.scan; the masks that use it are given
    # explicitly, but a model may still count positions from a mask.
    from torch._decomp import decomposition_table

    for op in (torch.ops.aten.cumsum.default,):
        if op in decomposition_table:
            table[op] = decomposition_table[op]
    return table


class _Hidden:
    """Holds the model without registering it as a submodule, so that
    ``torch.export`` sees no parameters: every weight reaches the graph
    through :func:`torch.func.functional_call` as a function argument."""

    def __init__(self, model: Any) -> None:
        self.model = model


def _causal(request: dict[str, Any], config: Any) -> bool:
    return not getattr(config, "is_encoder_decoder", False) and config.model_type not in (
        "bert",
        "roberta",
        "distilbert",
    )


def _model(torch: Any, transformers: Any, config: Any, request: dict[str, Any]) -> Any:
    auto = (
        transformers.AutoModelForCausalLM
        if _causal(request, config)
        else transformers.AutoModelForMaskedLM
    )
    dtype = _dtype(torch, request["dtype"])
    model = auto.from_config(config, attn_implementation="eager", dtype=dtype)
    return model.eval()


def _cache_shape(config: Any, request: dict[str, Any]) -> tuple[int, int, int, int]:
    text = config.get_text_config(decoder=True)
    heads = text.num_attention_heads
    kv_heads = getattr(text, "num_key_value_heads", None) or heads
    head_dim = getattr(text, "head_dim", None) or text.hidden_size // heads
    return (request["batch"], kv_heads, request["cache_tokens"], head_dim)


def _inputs(torch: Any, config: Any, request: dict[str, Any]) -> list[tuple[str, Any]]:
    """The model's inputs, named, in argument order: token ids, then in
    decode mode each layer's past keys and values."""
    generator = torch.Generator().manual_seed(request["seed"])
    batch, tokens = request["batch"], request["tokens"]
    vocab = config.get_text_config(decoder=True).vocab_size
    inputs = [("input_ids", torch.randint(0, vocab, (batch, tokens), generator=generator))]
    if request["mode"] == "decode":
        shape = _cache_shape(config, request)
        dtype = _dtype(torch, request["dtype"])
        for layer in range(config.num_hidden_layers):
            for kind in ("key", "value"):
                inputs.append(
                    (
                        f"past.{layer}.{kind}",
                        torch.randn(shape, generator=generator).to(dtype),
                    )
                )
    return inputs


def _forward(
    torch: Any, transformers: Any, config: Any, request: dict[str, Any], names: list[str]
) -> Callable[..., Any]:
    """The function exported: inputs first, then the weights (when they are
    arguments). Returns the logits, and in decode mode each layer's key and
    value of the new token."""
    decode = request["mode"] == "decode"
    layers = config.num_hidden_layers

    def step(model: Any, state: dict[str, Any] | None, inputs: list[Any]) -> Any:
        ids = inputs[0]
        kwargs: dict[str, Any] = {"input_ids": ids}
        past = 0
        if decode:
            pairs = [(inputs[1 + 2 * i], inputs[2 + 2 * i]) for i in range(layers)]
            cache = transformers.DynamicCache(ddp_cache_data=pairs, config=config)
            kwargs["past_key_values"] = cache
            kwargs["use_cache"] = True
            past = request["cache_tokens"]
        else:
            kwargs["use_cache"] = False
        # An explicit all-ones mask: without one the masking code counts
        # positions with cumsum (tm_tensor.scan).
        kwargs["attention_mask"] = torch.ones(
            (ids.shape[0], past + ids.shape[1]), dtype=torch.int64
        )
        if state is None:
            out = model(**kwargs)
        else:
            out = torch.func.functional_call(model, state, (), kwargs)
        results = [out.logits]
        if decode:
            for layer in kwargs["past_key_values"].layers:
                results.append(layer.keys[:, :, -ids.shape[1] :, :])
                results.append(layer.values[:, :, -ids.shape[1] :, :])
        return tuple(results) if len(results) > 1 else results[0]

    return step


def run(request: dict[str, Any], stages: Any) -> dict[str, Any]:
    stages.enter("importing torch")
    warnings.filterwarnings("ignore")
    import torch
    import transformers
    from torch._subclasses.fake_tensor import FakeTensorMode
    from torch_mlir import fx

    transformers.logging.set_verbosity_error()
    started = time.perf_counter()
    stages.enter("config")
    config = _config(transformers, request)
    as_arguments = request["weights"] == "arguments"
    stages.enter("model")
    torch.manual_seed(request["seed"])
    if as_arguments:
        # Shapes only: fake tensors have no storage, so a 47-billion-parameter
        # model is built in a fraction of a second and in no memory.
        mode = FakeTensorMode(allow_non_fake_inputs=True)
        with mode:
            model = _model(torch, transformers, config, request)
            inputs = _inputs(torch, config, request)
    else:
        model = _model(torch, transformers, config, request)
        # Non-persistent buffers (RoPE's inv_freq) are not in the state dict
        # that torch-mlir's frozen import reads them from.
        for module in model.modules():
            module._non_persistent_buffers_set.clear()
        inputs = _inputs(torch, config, request)
    weights: list[tuple[str, Any]] = []
    if as_arguments:
        weights = list(model.named_parameters()) + list(model.named_buffers())
    names = [name for name, _ in weights]
    forward = _forward(torch, transformers, config, request, names)
    input_count = len(inputs)

    class Exported(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            if as_arguments:
                self.hidden = _Hidden(model)
            else:
                self.model = model

        def forward(self, *args: Any) -> Any:
            if as_arguments:
                state = dict(zip(names, args[input_count:], strict=True))
                return forward(self.hidden.model, state, list(args[:input_count]))
            return forward(self.model, None, list(args))

    arguments = [t for _, t in inputs] + [t for _, t in weights]
    stages.enter("torch.export")
    program = torch.export.export(Exported(), tuple(arguments), strict=False)
    stages.enter("torch-mlir")
    module = fx.export_and_import(
        program,
        output_type="linalg-on-tensors",
        func_name=request["function"],
        decomposition_table=_decompositions(torch),
    )
    text = str(module)
    export_s = time.perf_counter() - started
    manifest: dict[str, Any] = {
        "model": request["model"],
        "model_type": config.model_type,
        "function": request["function"],
        "mode": request["mode"],
        "weights": request["weights"],
        "layers": config.num_hidden_layers,
        "export_s": export_s,
        "versions": {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "torch_mlir": _version("torch-mlir"),
        },
        "arguments": [
            {"name": name, "shape": list(t.shape), "dtype": str(t.dtype).removeprefix("torch.")}
            for name, t in [*inputs, *weights]
        ],
    }
    if not as_arguments:
        stages.enter("reference")
        with torch.no_grad():
            out = forward(model, None, [t for _, t in inputs])
        outputs = out if isinstance(out, tuple) else (out,)
        manifest["reference"] = {
            "inputs": [t.tolist() for _, t in inputs],
            "outputs": [o.float().tolist() for o in outputs],
            "output_dtypes": [str(o.dtype).removeprefix("torch.") for o in outputs],
        }
    with open(request["mlir_path"], "w") as handle:
        handle.write(text)
    with open(request["manifest_path"], "w") as handle:
        json.dump(manifest, handle)
    return manifest


def _version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
