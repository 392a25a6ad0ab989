"""A Llama-style decoder on memrefs, layers unrolled, weights as parameters.

Per layer: an RMSNorm stand-in (elementwise scale by the norm weight), the
Q/K/V projections, attention against the layer's KV cache (scores =
Q x K^T, an exp stand-in for softmax, context = scores x V), the output
projection and residual, a second norm, the gated MLP (gate, up,
silu(gate) * up, down) and residual. Activations are allocated and freed
inside the layer; weights and KV caches are function parameters.

The shapes are faithful (matmul sizes, bytes); the norm and softmax are
elementwise stand-ins of the same memory traffic, so the output is a
stand-in too, but a deterministic one the CPU path can execute.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class LlamaConfig:
    layers: int = 2
    hidden: int = 256
    intermediate: int = 688
    tokens: int = 1  # tokens processed in this step (1: decode)
    context: int = 128  # KV-cache length
    dtype: str = "f16"

    @staticmethod
    def preset(name: str) -> LlamaConfig:
        presets = {
            "tiny": LlamaConfig(),
            "7b": LlamaConfig(layers=32, hidden=4096, intermediate=11008),
            "13b": LlamaConfig(layers=40, hidden=5120, intermediate=13824),
            "70b": LlamaConfig(layers=80, hidden=8192, intermediate=28672),
        }
        return presets[name]


def generate_llama(config: LlamaConfig) -> str:
    """MLIR text of one decoder step with ``config``'s shapes."""
    t, h, i, c, e = config.tokens, config.hidden, config.intermediate, config.context, config.dtype
    act = f"memref<{t}x{h}x{e}>"
    params: list[str] = [f"%x: {act}"]
    for layer in range(config.layers):
        params += [
            f"%norm1_{layer}: memref<{h}x{e}>",
            f"%wq_{layer}: memref<{h}x{h}x{e}>",
            f"%wk_{layer}: memref<{h}x{h}x{e}>",
            f"%wv_{layer}: memref<{h}x{h}x{e}>",
            f"%kcache_{layer}: memref<{h}x{c}x{e}>",
            f"%vcache_{layer}: memref<{c}x{h}x{e}>",
            f"%wo_{layer}: memref<{h}x{h}x{e}>",
            f"%norm2_{layer}: memref<{h}x{e}>",
            f"%wgate_{layer}: memref<{h}x{i}x{e}>",
            f"%wup_{layer}: memref<{h}x{i}x{e}>",
            f"%wdown_{layer}: memref<{i}x{h}x{e}>",
        ]
    params.append(f"%out: {act}")
    lines = [
        "#row = affine_map<(d0, d1) -> (d0, d1)>",
        "#col = affine_map<(d0, d1) -> (d1)>",
        f"func.func @llama_{config.layers}l_{h}h_{t}t({', '.join(params)}) {{",
        f"  %zero = arith.constant 0.0 : {e}",
        f"  %one = arith.constant 1.0 : {e}",
    ]

    def alloc(name: str, shape: str) -> str:
        lines.append(f"  %{name} = memref.alloc() : memref<{shape}x{e}>")
        return f"%{name}"

    def dealloc(name: str, shape: str) -> None:
        lines.append(f"  memref.dealloc {name} : memref<{shape}x{e}>")

    def matmul(a: str, a_t: str, b: str, b_t: str, out: str, out_t: str) -> None:
        lines.append(f"  linalg.fill ins(%zero : {e}) outs({out} : memref<{out_t}x{e}>)")
        lines.append(
            f"  linalg.matmul ins({a}, {b} : memref<{a_t}x{e}>, memref<{b_t}x{e}>) "
            f"outs({out} : memref<{out_t}x{e}>)"
        )

    def scale(source: str, weight: str, out: str) -> None:
        lines.append(
            "  linalg.generic {indexing_maps = [#row, #col, #row], "
            'iterator_types = ["parallel", "parallel"]} '
            f"ins({source}, {weight} : {act}, memref<{h}x{e}>) outs({out} : {act}) {{"
        )
        lines.append(f"  ^bb0(%a: {e}, %w: {e}, %o: {e}):")
        lines.append(f"    %s = arith.mulf %a, %w : {e}")
        lines.append(f"    linalg.yield %s : {e}")
        lines.append("  }")

    def add(a: str, b: str, out: str) -> None:
        lines.append(f"  linalg.add ins({a}, {b} : {act}, {act}) outs({out} : {act})")

    residual = "%x"
    for n in range(config.layers):
        normed = alloc(f"n1_{n}", f"{t}x{h}")
        scale(residual, f"%norm1_{n}", normed)
        q = alloc(f"q_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", f"%wq_{n}", f"{h}x{h}", q, f"{t}x{h}")
        k = alloc(f"k_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", f"%wk_{n}", f"{h}x{h}", k, f"{t}x{h}")
        v = alloc(f"v_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", f"%wv_{n}", f"{h}x{h}", v, f"{t}x{h}")
        dealloc(normed, f"{t}x{h}")
        scores = alloc(f"s_{n}", f"{t}x{c}")
        matmul(q, f"{t}x{h}", f"%kcache_{n}", f"{h}x{c}", scores, f"{t}x{c}")
        lines.append(
            "  linalg.generic {indexing_maps = [#row], "
            'iterator_types = ["parallel", "parallel"]} '
            f"outs({scores} : memref<{t}x{c}x{e}>) {{"
        )
        lines.append(f"  ^bb0(%o: {e}):")
        lines.append(f"    %p = math.exp %o : {e}")
        lines.append(f"    linalg.yield %p : {e}")
        lines.append("  }")
        ctx = alloc(f"ctx_{n}", f"{t}x{h}")
        matmul(scores, f"{t}x{c}", f"%vcache_{n}", f"{c}x{h}", ctx, f"{t}x{h}")
        for buffer, shape in (
            (scores, f"{t}x{c}"),
            (q, f"{t}x{h}"),
            (k, f"{t}x{h}"),
            (v, f"{t}x{h}"),
        ):
            dealloc(buffer, shape)
        attn = alloc(f"attn_{n}", f"{t}x{h}")
        matmul(ctx, f"{t}x{h}", f"%wo_{n}", f"{h}x{h}", attn, f"{t}x{h}")
        dealloc(ctx, f"{t}x{h}")
        h1 = alloc(f"h1_{n}", f"{t}x{h}")
        add(residual, attn, h1)
        dealloc(attn, f"{t}x{h}")
        if residual != "%x":
            dealloc(residual, f"{t}x{h}")
        normed2 = alloc(f"n2_{n}", f"{t}x{h}")
        scale(h1, f"%norm2_{n}", normed2)
        gate = alloc(f"g_{n}", f"{t}x{i}")
        matmul(normed2, f"{t}x{h}", f"%wgate_{n}", f"{h}x{i}", gate, f"{t}x{i}")
        up = alloc(f"u_{n}", f"{t}x{i}")
        matmul(normed2, f"{t}x{h}", f"%wup_{n}", f"{h}x{i}", up, f"{t}x{i}")
        dealloc(normed2, f"{t}x{h}")
        lines.append(
            "  linalg.generic {indexing_maps = [#row, #row], "
            'iterator_types = ["parallel", "parallel"]} '
            f"ins({up} : memref<{t}x{i}x{e}>) outs({gate} : memref<{t}x{i}x{e}>) {{"
        )
        lines.append(f"  ^bb0(%u: {e}, %g: {e}):")
        lines.append(f"    %neg = arith.negf %g : {e}")
        lines.append(f"    %ex = math.exp %neg : {e}")
        lines.append(f"    %den = arith.addf %one, %ex : {e}")
        lines.append(f"    %silu = arith.divf %g, %den : {e}")
        lines.append(f"    %prod = arith.mulf %silu, %u : {e}")
        lines.append(f"    linalg.yield %prod : {e}")
        lines.append("  }")
        dealloc(up, f"{t}x{i}")
        down = alloc(f"d_{n}", f"{t}x{h}")
        matmul(gate, f"{t}x{i}", f"%wdown_{n}", f"{i}x{h}", down, f"{t}x{h}")
        dealloc(gate, f"{t}x{i}")
        h2 = alloc(f"h2_{n}", f"{t}x{h}")
        add(h1, down, h2)
        dealloc(down, f"{t}x{h}")
        dealloc(h1, f"{t}x{h}")
        residual = h2
    lines.append(f"  linalg.copy ins({residual} : {act}) outs(%out : {act})")
    dealloc(residual, f"{t}x{h}")
    lines.append("  return")
    lines.append("}")
    return "\n".join(lines) + "\n"
