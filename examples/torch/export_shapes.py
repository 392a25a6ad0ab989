"""Export Llama/Qwen2-style decoder layers at real hidden sizes, weights as arguments.

    python examples/torch/export_shapes.py            # every preset x token count
    python examples/torch/export_shapes.py qwen2-0.5b --tokens 512

Needs ``torch`` and ``torch-mlir`` (the committed files came from torch
2.13.0 and torch-mlir 20261001). Each layer is what a Hugging Face Qwen2 or
Llama decoder layer computes for a prefill of ``tokens`` tokens: RMSNorm,
Q/K/V projections (grouped-query attention, K and V heads repeated),
rotary embedding and a causal mask computed in the graph, softmax
attention, output projection, RMSNorm and a SiLU-gated MLP, in f16. The
weights are function arguments (shapes only, no data), so the files stay
small at real sizes; every ``nn.Linear`` is still a ``linalg.transpose`` of
its weight and a matmul, as torch-mlir emits it.

Written as ``shapes/NAME-LLAYERS-TTOKENS.linalg.mlir`` beside this script;
``tools/bench_torch.py`` plans them.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import pathlib

import torch
from torch import nn
from torch_mlir import fx


@dataclasses.dataclass(frozen=True)
class Shape:
    hidden: int
    heads: int
    kv_heads: int
    intermediate: int
    eps: float = 1e-6


PRESETS = {
    # Qwen2-0.5B: hidden 896, 14 heads, 2 KV heads, MLP 4864.
    "qwen2-0.5b": Shape(896, 14, 2, 4864),
    # SmolLM-135M: hidden 576, 9 heads, 3 KV heads, MLP 1536.
    "smollm-135m": Shape(576, 9, 3, 1536),
}
TOKENS = (512, 2048)
LAYERS = 2
# Weights of one layer, in argument order: name -> shape (out, in) or (n,).
WEIGHTS = ("attn_norm", "q", "k", "v", "o", "mlp_norm", "gate", "up", "down")


def weight_shapes(shape: Shape) -> dict[str, tuple[int, ...]]:
    head_dim = shape.hidden // shape.heads
    kv = shape.kv_heads * head_dim
    return {
        "attn_norm": (shape.hidden,),
        "q": (shape.hidden, shape.hidden),
        "k": (kv, shape.hidden),
        "v": (kv, shape.hidden),
        "o": (shape.hidden, shape.hidden),
        "mlp_norm": (shape.hidden,),
        "gate": (shape.intermediate, shape.hidden),
        "up": (shape.intermediate, shape.hidden),
        "down": (shape.hidden, shape.intermediate),
    }


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float) -> torch.Tensor:
    variance = x.float().pow(2).mean(-1, keepdim=True)
    return (x.float() * torch.rsqrt(variance + eps)).to(x.dtype) * weight


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Decoder(nn.Module):
    """``layers`` decoder layers; forward(x, *weights) with each layer's
    weights in WEIGHTS order."""

    def __init__(self, shape: Shape, layers: int) -> None:
        super().__init__()
        self.shape = shape
        self.layers = layers

    def forward(self, x: torch.Tensor, *weights: torch.Tensor) -> torch.Tensor:
        shape = self.shape
        tokens = x.shape[0]
        head_dim = shape.hidden // shape.heads
        positions = torch.arange(tokens, dtype=torch.float32)
        inv_freq = 1.0 / (10000.0 ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
        angles = torch.outer(positions, inv_freq)
        angles = torch.cat((angles, angles), dim=-1)
        cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
        mask = (positions[None, :] > positions[:, None]).to(x.dtype) * -65504.0
        per_layer = len(WEIGHTS)
        for layer in range(self.layers):
            w = dict(
                zip(WEIGHTS, weights[layer * per_layer : (layer + 1) * per_layer], strict=True)
            )
            h = rms_norm(x, w["attn_norm"], shape.eps)

            def heads(t: torch.Tensor, count: int) -> torch.Tensor:
                return t.view(tokens, count, head_dim).transpose(0, 1)

            q = heads(nn.functional.linear(h, w["q"]), shape.heads)
            k = heads(nn.functional.linear(h, w["k"]), shape.kv_heads)
            v = heads(nn.functional.linear(h, w["v"]), shape.kv_heads)
            q = q * cos + rotate_half(q) * sin
            k = k * cos + rotate_half(k) * sin
            repeat = shape.heads // shape.kv_heads
            k = k.repeat_interleave(repeat, dim=0)
            v = v.repeat_interleave(repeat, dim=0)
            scores = q @ k.transpose(1, 2) / math.sqrt(head_dim) + mask
            attention = torch.softmax(scores.float(), dim=-1).to(x.dtype) @ v
            attention = attention.transpose(0, 1).reshape(tokens, shape.hidden)
            x = x + nn.functional.linear(attention, w["o"])
            h = rms_norm(x, w["mlp_norm"], shape.eps)
            gated = nn.functional.silu(nn.functional.linear(h, w["gate"]))
            x = x + nn.functional.linear(gated * nn.functional.linear(h, w["up"]), w["down"])
        return x


def export(name: str, tokens: int, layers: int, directory: pathlib.Path) -> pathlib.Path:
    shape = PRESETS[name]
    dtype = torch.float16
    x = torch.zeros(tokens, shape.hidden, dtype=dtype)
    weights = [
        torch.zeros(size, dtype=dtype)
        for _ in range(layers)
        for size in weight_shapes(shape).values()
    ]
    with torch.no_grad():
        module = fx.export_and_import(
            Decoder(shape, layers),
            x,
            *weights,
            output_type="linalg-on-tensors",
            func_name="forward",
        )
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}-l{layers}-t{tokens}.linalg.mlir"
    header = (
        f"// {name} shapes, {layers} decoder layers, {tokens}-token prefill, f16, weights as\n"
        "// arguments: exported by examples/torch/export_shapes.py with torch "
        f"{torch.__version__}\n"
        "// and torch-mlir (fx.export_and_import, linalg-on-tensors); do not edit.\n"
    )
    path.write_text(header + str(module))
    return path


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent / "shapes"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("presets", nargs="*", help=f"of {', '.join(PRESETS)} (default: all)")
    parser.add_argument("--tokens", type=int, nargs="*", default=list(TOKENS))
    parser.add_argument("--layers", type=int, default=LAYERS)
    parser.add_argument("-o", "--directory", type=pathlib.Path, default=here)
    args = parser.parse_args()
    unknown = [name for name in args.presets if name not in PRESETS]
    if unknown:
        parser.error(f"unknown preset {unknown[0]!r}; choose from {', '.join(PRESETS)}")
    for name in args.presets or PRESETS:
        for tokens in args.tokens:
            print(f"wrote {export(name, tokens, args.layers, args.directory)}")


if __name__ == "__main__":
    main()
