"""Export small decoder models from ``torch.nn`` through torch-mlir.

    python examples/torch/export.py            # writes, per model NAME,
                                               # NAME.linalg.mlir and NAME.reference.json
    hyper-opt examples/torch/llama-tiny.linalg.mlir --hyper-bufferize-pipeline \\
        --hyper-offload-pipeline='budget=75% hw=gh200' -o llama-tiny.offloaded.mlir

Needs ``torch`` and ``torch-mlir`` (``pip install torch torch-mlir``), which the
rest of the project does not: the exported files are committed beside this
script so tests use real torch-mlir output without installing torch.

- ``llama-tiny``: two decoder layers with the shapes of a Llama block scaled
  down (hidden 32, 2 heads, gated MLP 64, 8 tokens of prefill): RMSNorm,
  Q/K/V projections, rotary embedding from precomputed cos/sin tables,
  causal attention written out with an additive mask, output projection and
  a SiLU-gated MLP. Input: float activations.
- ``gpt-tiny``: a token embedding, two GPT-2-style blocks (LayerNorm,
  ``nn.MultiheadAttention``, which torch decomposes through
  scaled-dot-product attention, a GELU MLP with biases) and an output head.
  Input: ``int64`` token ids. Its attention reduces a boolean per row, the
  ``i1`` buffer that ``cache-widen-bool-buffers`` stores as bytes.
- ``gpt2-tiny``: GPT-2's input, token and learned position embeddings (two
  tables read by gathers), the same blocks, a final LayerNorm and an
  untied head.
- ``moe-tiny``: two Mixtral-style sparse MLP layers (4 experts, top-1
  routing by ``argmax``): each token's expert weights are gathered from the
  stacked expert tensors by the routed index, the expert gather that reads
  a captured weight inside a ``linalg.generic`` payload. Input: floats.

Weights are random with a fixed seed and arrive as ``dense_resource``
constants, which bufferization turns into constant ``memref.global``s: the
offload planner moves those to the remote pool like parameters.

The export stops at linalg-on-tensors, so this script's MLIR (the copy inside
torch-mlir) never shares a process with the project's. Bufferization is the
passes named by ``hyperoffload.transforms.registry.BUFFERIZE_PIPELINE``, run
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
VOCAB = 64
LAYERS = 2
TOKENS = 8
EXPERTS = 4
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


class GPTBlock(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(HIDDEN)
        self.attn = nn.MultiheadAttention(HIDDEN, HEADS, batch_first=True)
        self.ln2 = nn.LayerNorm(HIDDEN)
        self.fc = nn.Linear(HIDDEN, 4 * HIDDEN)
        self.proj = nn.Linear(4 * HIDDEN, HIDDEN)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.ln1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.proj(nn.functional.gelu(self.fc(self.ln2(x))))


class TinyGPT(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, HIDDEN)
        self.blocks = nn.ModuleList(GPTBlock() for _ in range(LAYERS))
        self.head = nn.Linear(HIDDEN, VOCAB)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embedding(ids)
        for block in self.blocks:
            x = block(x)
        return self.head(x)


class TinyGPT2(nn.Module):
    """GPT-2's input: token and learned position embeddings, both tables
    read by gathers (the position ids are a constant range)."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, HIDDEN)
        self.positions = nn.Embedding(TOKENS, HIDDEN)
        self.blocks = nn.ModuleList(GPTBlock() for _ in range(LAYERS))
        self.norm = nn.LayerNorm(HIDDEN)
        self.head = nn.Linear(HIDDEN, VOCAB, bias=False)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.tokens(ids) + self.positions(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))


class MoELayer(nn.Module):
    """Mixtral's sparse MLP with top-1 routing: each token's expert weights
    are gathered from the stacked expert tensors by the routed index."""

    def __init__(self) -> None:
        super().__init__()
        self.router = nn.Linear(HIDDEN, EXPERTS, bias=False)
        self.gate = nn.Parameter(torch.randn(EXPERTS, HIDDEN, INTERMEDIATE) / HIDDEN**0.5)
        self.up = nn.Parameter(torch.randn(EXPERTS, HIDDEN, INTERMEDIATE) / HIDDEN**0.5)
        self.down = nn.Parameter(torch.randn(EXPERTS, INTERMEDIATE, HIDDEN) / INTERMEDIATE**0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logits = self.router(x)
        expert = logits.argmax(dim=-1)
        weight = torch.softmax(logits, dim=-1).amax(dim=-1, keepdim=True)
        rows = x.unsqueeze(1)
        hidden = nn.functional.silu(torch.bmm(rows, self.gate[expert])) * torch.bmm(
            rows, self.up[expert]
        )
        return weight * torch.bmm(hidden, self.down[expert]).squeeze(1)


class TinyMoE(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.norms = nn.ModuleList(RMSNorm(HIDDEN) for _ in range(LAYERS))
        self.layers = nn.ModuleList(MoELayer() for _ in range(LAYERS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for norm, layer in zip(self.norms, self.layers, strict=True):
            x = x + layer(norm(x))
        return x


def _llama() -> tuple[nn.Module, torch.Tensor]:
    return TinyLlama(), torch.randn(TOKENS, HIDDEN)


def _gpt() -> tuple[nn.Module, torch.Tensor]:
    return TinyGPT(), torch.randint(0, VOCAB, (1, TOKENS))


def _gpt2() -> tuple[nn.Module, torch.Tensor]:
    return TinyGPT2(), torch.randint(0, VOCAB, (1, TOKENS))


def _moe() -> tuple[nn.Module, torch.Tensor]:
    return TinyMoE(), torch.randn(TOKENS, HIDDEN)


MODELS = {"llama-tiny": _llama, "gpt-tiny": _gpt, "gpt2-tiny": _gpt2, "moe-tiny": _moe}


def export(name: str, directory: pathlib.Path) -> list[pathlib.Path]:
    """Write model ``name``'s linalg-on-tensors IR and one input with torch's
    output for it (what the tests compare with) into ``directory``."""
    torch.manual_seed(0)
    model, example = MODELS[name]()
    model.eval()
    with torch.no_grad():
        module = fx.export_and_import(
            model, example, output_type="linalg-on-tensors", func_name="forward"
        )
        expected = model(example)
    reference = directory / f"{name}.reference.json"
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
        f"// {name}: exported by examples/torch/export.py with torch-mlir "
        '(fx.export_and_import, output_type="linalg-on-tensors").\n'
        f"// torch {torch.__version__}; regenerate with that script, do not edit.\n"
    )
    path = directory / f"{name}.linalg.mlir"
    path.write_text(header + str(module))
    return [path, reference]


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", help=f"of {', '.join(MODELS)} (default: all)")
    parser.add_argument("-o", "--directory", type=pathlib.Path, default=here)
    args = parser.parse_args()
    unknown = [name for name in args.models if name not in MODELS]
    if unknown:
        parser.error(f"unknown model {unknown[0]!r}; choose from {', '.join(MODELS)}")
    for name in args.models or MODELS:
        for path in export(name, args.directory):
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
