"""Export a small Llama-style decoder from ``torch.nn`` through torch-mlir.

    python examples/torch/export_llama.py    # writes llama-tiny.linalg.mlir
                                             # and llama-tiny.reference.json
    hyper-opt examples/torch/llama-tiny.linalg.mlir --hyper-bufferize-pipeline \\
        --hyper-offload-pipeline='budget=75% hw=gh200' -o llama-tiny.offloaded.mlir

Needs ``torch`` and ``torch-mlir`` (``pip install torch torch-mlir``), which the
rest of the project does not: the exported file is committed beside this script
so tests use real torch-mlir output without installing torch.

The model is two decoder layers with the shapes of a Llama block scaled down
(hidden 32, 2 heads, gated MLP 64, 8 tokens of prefill): RMSNorm, Q/K/V
projections, rotary embedding from precomputed cos/sin tables, causal
attention with an additive mask (a float buffer, so no ``i1`` tensors reach
bufferization), output projection and a SiLU-gated MLP. Weights are random
with a fixed seed and arrive as ``dense_resource`` constants, which
bufferization turns into constant ``memref.global``s: the offload planner
moves those to the remote pool like parameters.

The export stops at linalg-on-tensors, so this script's MLIR (the copy inside
torch-mlir) never shares a process with the project's. Bufferization is the
upstream passes named by ``hyperoffload.frontend.BUFFERIZE_PIPELINE``, run
by ``hyper-opt --hyper-bufferize-pipeline``.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib

import torch
from torch import nn
from torch_mlir import fx

HIDDEN = 32
HEADS = 2
INTERMEDIATE = 64
LAYERS = 2
TOKENS = 8
EPS = 1e-5


class RMSNorm(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.rand(dim) + 0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * self.weight


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Attention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.head_dim = HIDDEN // HEADS
        self.q = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.k = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.v = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.o = nn.Linear(HIDDEN, HIDDEN, bias=False)

    def forward(
        self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(TOKENS, HEADS, self.head_dim).transpose(0, 1)

        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        scores = q @ k.transpose(1, 2) / math.sqrt(self.head_dim) + mask
        attn = torch.softmax(scores, dim=-1) @ v
        return self.o(attn.transpose(0, 1).reshape(TOKENS, HIDDEN))


class MLP(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.gate = nn.Linear(HIDDEN, INTERMEDIATE, bias=False)
        self.up = nn.Linear(HIDDEN, INTERMEDIATE, bias=False)
        self.down = nn.Linear(INTERMEDIATE, HIDDEN, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down(nn.functional.silu(self.gate(x)) * self.up(x))


class DecoderLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.attn_norm = RMSNorm(HIDDEN)
        self.attn = Attention()
        self.mlp_norm = RMSNorm(HIDDEN)
        self.mlp = MLP()

    def forward(
        self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        x = x + self.attn(self.attn_norm(x), cos, sin, mask)
        return x + self.mlp(self.mlp_norm(x))


class TinyLlama(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = nn.ModuleList(DecoderLayer() for _ in range(LAYERS))
        self.norm = RMSNorm(HIDDEN)
        head_dim = HIDDEN // HEADS
        inv_freq = 1.0 / (10000 ** (torch.arange(0, head_dim, 2).float() / head_dim))
        angles = torch.outer(torch.arange(TOKENS).float(), inv_freq)
        angles = torch.cat((angles, angles), dim=-1)
        self.register_buffer("cos", angles.cos())
        self.register_buffer("sin", angles.sin())
        causal = torch.full((TOKENS, TOKENS), -1e9).triu(1)
        self.register_buffer("mask", causal)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x, self.cos, self.sin, self.mask)
        return self.norm(x)


def export(path: pathlib.Path, reference: pathlib.Path) -> None:
    """Write the model's linalg-on-tensors IR to ``path`` and one input with
    torch's output for it to ``reference`` (what the tests compare with)."""
    torch.manual_seed(0)
    model = TinyLlama().eval()
    example = torch.randn(TOKENS, HIDDEN)
    with torch.no_grad():
        module = fx.export_and_import(
            model, example, output_type="linalg-on-tensors", func_name="forward"
        )
        expected = model(example)
    reference.write_text(
        json.dumps(
            {
                "function": "forward",
                "torch": torch.__version__,
                "input": example.tolist(),
                "output": expected.tolist(),
            }
        )
        + "\n"
    )
    header = (
        "// Exported by examples/torch/export_llama.py with torch-mlir "
        '(fx.export_and_import, output_type="linalg-on-tensors").\n'
        f"// torch {torch.__version__}; regenerate with that script, do not edit.\n"
    )
    path.write_text(header + str(module))


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", type=pathlib.Path, default=here / "llama-tiny.linalg.mlir")
    parser.add_argument(
        "--reference", type=pathlib.Path, default=here / "llama-tiny.reference.json"
    )
    args = parser.parse_args()
    export(args.o, args.reference)
    print(f"wrote {args.o} and {args.reference}")


if __name__ == "__main__":
    main()
