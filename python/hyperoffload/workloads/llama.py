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

Mixture of experts (``experts > 0``): each layer has a router projection
and ``experts`` gated MLPs, of which ``active_experts`` run in this step
and their outputs are summed. Routing depends on data, so a static program
is one step's trace: the experts used are fixed per layer (a deterministic
rotation) and the others' weights are parameters no op touches, which is
what a planner should find and leave in the pool. Long context: a large
``context`` makes the KV caches dominate the bytes (``7b-32k``).

Forms (``form=``): ``straight`` unrolls the layers, each weight its own
parameter; ``scan`` is what JAX's ``lax.scan`` over layers gives: each
weight kind (and KV cache) stacked into one parameter with a leading layer
dimension, and one ``scf.for`` over the layers reading slice ``[l]`` of
each, the hidden state carried in a buffer; ``calls`` is what nested jit
gives: the weights are the straight form's parameters, and each layer is a
``func.call`` of one private ``@layer`` function taking the layer's input,
its weights and a buffer for its output; ``branch`` is the straight form
with an early exit after half the layers (layer skipping, a draft model's
exit: an ``i32`` parameter ``%exit`` after ``%x``, a ``cf.cond_br`` on it,
two blocks and two returns). All forms compute the same values from the
same weights (the stacked ones are the straight ones, in order; the branch
form's exit returns the first half's output).
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
    experts: int = 0  # 0: a dense MLP; else experts per layer (mixture of experts)
    active_experts: int = 2  # experts that run in this step, per layer

    @staticmethod
    def preset(name: str) -> LlamaConfig:
        presets = {
            "tiny": LlamaConfig(),
            "7b": LlamaConfig(layers=32, hidden=4096, intermediate=11008),
            "13b": LlamaConfig(layers=40, hidden=5120, intermediate=13824),
            "70b": LlamaConfig(layers=80, hidden=8192, intermediate=28672),
            "7b-32k": LlamaConfig(layers=32, hidden=4096, intermediate=11008, context=32768),
            "moe": LlamaConfig(experts=8, active_experts=2),
            "mixtral": LlamaConfig(
                layers=32, hidden=4096, intermediate=14336, experts=8, active_experts=2
            ),
        }
        return presets[name]

    def active(self, layer: int) -> list[int]:
        """The experts that run in ``layer`` in this step."""
        if not self.experts:
            return []
        count = min(self.active_experts, self.experts)
        return [(layer * count + j) % self.experts for j in range(count)]


PRESETS = ("tiny", "7b", "13b", "70b", "7b-32k", "moe", "mixtral")
FORMS = ("straight", "scan", "calls", "branch")

# The weights (and KV caches) of one layer, in parameter order, as
# (name, shape in terms of h, i, c).
_LAYER_WEIGHTS = (
    ("norm1", "h"),
    ("wq", "hxh"),
    ("wk", "hxh"),
    ("wv", "hxh"),
    ("kcache", "hxc"),
    ("vcache", "cxh"),
    ("wo", "hxh"),
    ("norm2", "h"),
    ("wgate", "hxi"),
    ("wup", "hxi"),
    ("wdown", "ixh"),
)


def generate_llama(config: LlamaConfig, form: str = "straight") -> str:
    """MLIR text of one decoder step with ``config``'s shapes, in ``form``
    (``straight``, ``scan``, ``calls`` or ``branch``; see the module
    docstring)."""
    if form not in FORMS:
        raise ValueError(f"unknown form '{form}' (expected one of {', '.join(FORMS)})")
    if form != "straight" and config.experts:
        raise ValueError(f"the {form} form has dense MLPs only (experts=0)")
    t, h, i, c, e = config.tokens, config.hidden, config.intermediate, config.context, config.dtype
    act = f"memref<{t}x{h}x{e}>"
    params: list[str] = [f"%x: {act}"]
    sizes = {"h": h, "i": i, "c": c}

    def dims(shape: str) -> list[int]:
        return [sizes[d] for d in shape.split("x")]

    # The type each layer weight is used with, by name (the straight form
    # uses the parameters themselves: identity layouts).
    used_types: dict[str, str] = {}
    if form == "scan":
        for name, shape in _LAYER_WEIGHTS:
            shape_text = "x".join(str(d) for d in dims(shape))
            params.append(f"%{name}: memref<{config.layers}x{shape_text}x{e}>")
            strides = []
            running = 1
            for d in reversed(dims(shape)):
                strides.insert(0, running)
                running *= d
            used_types[name] = (
                f"memref<{shape_text}x{e}, strided<[{', '.join(map(str, strides))}], offset: ?>>"
            )
    if form == "branch":
        params.append("%exit: i32")
    for layer in range(config.layers if form != "scan" else 0):
        params += [
            f"%norm1_{layer}: memref<{h}x{e}>",
            f"%wq_{layer}: memref<{h}x{h}x{e}>",
            f"%wk_{layer}: memref<{h}x{h}x{e}>",
            f"%wv_{layer}: memref<{h}x{h}x{e}>",
            f"%kcache_{layer}: memref<{h}x{c}x{e}>",
            f"%vcache_{layer}: memref<{c}x{h}x{e}>",
            f"%wo_{layer}: memref<{h}x{h}x{e}>",
            f"%norm2_{layer}: memref<{h}x{e}>",
        ]
        if config.experts:
            params.append(f"%wrouter_{layer}: memref<{h}x{config.experts}x{e}>")
        for suffix in _mlp_suffixes(config):
            params += [
                f"%wgate_{layer}{suffix}: memref<{h}x{i}x{e}>",
                f"%wup_{layer}{suffix}: memref<{h}x{i}x{e}>",
                f"%wdown_{layer}{suffix}: memref<{i}x{h}x{e}>",
            ]
    params.append(f"%out: {act}")
    lines = [
        "#row = affine_map<(d0, d1) -> (d0, d1)>",
        "#col = affine_map<(d0, d1) -> (d1)>",
    ]

    def open_function(name: str, parameters: list[str], private: bool = False) -> None:
        visibility = "private " if private else ""
        lines.append(f"func.func {visibility}@{name}({', '.join(parameters)}) {{")
        lines.append(f"  %zero = arith.constant 0.0 : {e}")
        lines.append(f"  %one = arith.constant 1.0 : {e}")

    def alloc(name: str, shape: str) -> str:
        lines.append(f"  %{name} = memref.alloc() : memref<{shape}x{e}>")
        return f"%{name}"

    def dealloc(name: str, shape: str) -> None:
        lines.append(f"  memref.dealloc {name} : memref<{shape}x{e}>")

    def weight(name: str, layer: int, suffix: str = "") -> str:
        """The value layer ``layer`` reads weight ``name`` through."""
        return f"%{name}_l" if form in ("scan", "calls") else f"%{name}_{layer}{suffix}"

    def weight_type(name: str, shape: str) -> str:
        return used_types.get(name, f"memref<{shape}x{e}>")

    def matmul(a: str, a_t: str, b: str, b_t: str, out: str, out_t: str, b_type: str = "") -> None:
        lines.append(f"  linalg.fill ins(%zero : {e}) outs({out} : memref<{out_t}x{e}>)")
        lines.append(
            f"  linalg.matmul ins({a}, {b} : memref<{a_t}x{e}>, "
            f"{b_type or f'memref<{b_t}x{e}>'}) outs({out} : memref<{out_t}x{e}>)"
        )

    def scale(source: str, weight_value: str, out: str, weight_name: str) -> None:
        lines.append(
            "  linalg.generic {indexing_maps = [#row, #col, #row], "
            'iterator_types = ["parallel", "parallel"]} '
            f"ins({source}, {weight_value} : {act}, {weight_type(weight_name, str(h))}) "
            f"outs({out} : {act}) {{"
        )
        lines.append(f"  ^bb0(%a: {e}, %w: {e}, %o: {e}):")
        lines.append(f"    %s = arith.mulf %a, %w : {e}")
        lines.append(f"    linalg.yield %s : {e}")
        lines.append("  }")

    def add(a: str, b: str, out: str) -> None:
        lines.append(f"  linalg.add ins({a}, {b} : {act}, {act}) outs({out} : {act})")

    def mlp(n: int, suffix: str, normed: str, last: bool) -> str:
        """Gated MLP, (silu(normed x wgate) * (normed x wup)) x wdown, into a
        new buffer; ``normed`` is freed after its last use if ``last``."""
        gate = alloc(f"g_{n}{suffix}", f"{t}x{i}")
        matmul(normed, f"{t}x{h}", weight("wgate", n, suffix), f"{h}x{i}", gate, f"{t}x{i}",
               used_types.get("wgate", ""))  # fmt: skip
        up = alloc(f"u_{n}{suffix}", f"{t}x{i}")
        matmul(normed, f"{t}x{h}", weight("wup", n, suffix), f"{h}x{i}", up, f"{t}x{i}",
               used_types.get("wup", ""))  # fmt: skip
        if last:
            dealloc(normed, f"{t}x{h}")
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
        out = alloc(f"d_{n}{suffix}", f"{t}x{h}")
        matmul(gate, f"{t}x{i}", weight("wdown", n, suffix), f"{i}x{h}", out, f"{t}x{h}",
               used_types.get("wdown", ""))  # fmt: skip
        dealloc(gate, f"{t}x{i}")
        return out

    def layer(n: int, residual: str, into: str = "") -> str:
        """One layer reading ``residual``: its output, in a new buffer (or
        in ``into``)."""
        normed = alloc(f"n1_{n}", f"{t}x{h}")
        scale(residual, weight("norm1", n), normed, "norm1")
        q = alloc(f"q_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", weight("wq", n), f"{h}x{h}", q, f"{t}x{h}",
               used_types.get("wq", ""))  # fmt: skip
        k = alloc(f"k_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", weight("wk", n), f"{h}x{h}", k, f"{t}x{h}",
               used_types.get("wk", ""))  # fmt: skip
        v = alloc(f"v_{n}", f"{t}x{h}")
        matmul(normed, f"{t}x{h}", weight("wv", n), f"{h}x{h}", v, f"{t}x{h}",
               used_types.get("wv", ""))  # fmt: skip
        dealloc(normed, f"{t}x{h}")
        scores = alloc(f"s_{n}", f"{t}x{c}")
        matmul(q, f"{t}x{h}", weight("kcache", n), f"{h}x{c}", scores, f"{t}x{c}",
               used_types.get("kcache", ""))  # fmt: skip
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
        matmul(scores, f"{t}x{c}", weight("vcache", n), f"{c}x{h}", ctx, f"{t}x{h}",
               used_types.get("vcache", ""))  # fmt: skip
        for buffer, shape in (
            (scores, f"{t}x{c}"),
            (q, f"{t}x{h}"),
            (k, f"{t}x{h}"),
            (v, f"{t}x{h}"),
        ):
            dealloc(buffer, shape)
        attn = alloc(f"attn_{n}", f"{t}x{h}")
        matmul(ctx, f"{t}x{h}", weight("wo", n), f"{h}x{h}", attn, f"{t}x{h}",
               used_types.get("wo", ""))  # fmt: skip
        dealloc(ctx, f"{t}x{h}")
        h1 = alloc(f"h1_{n}", f"{t}x{h}")
        add(residual, attn, h1)
        dealloc(attn, f"{t}x{h}")
        if form in ("straight", "branch") and residual != "%x":
            dealloc(residual, f"{t}x{h}")
        normed2 = alloc(f"n2_{n}", f"{t}x{h}")
        scale(h1, weight("norm2", n), normed2, "norm2")
        if config.experts:
            logits = alloc(f"r_{n}", f"{t}x{config.experts}")
            matmul(normed2, f"{t}x{h}", f"%wrouter_{n}", f"{h}x{config.experts}", logits,
                   f"{t}x{config.experts}")  # fmt: skip
            dealloc(logits, f"{t}x{config.experts}")
        down = ""
        suffixes = _mlp_suffixes(config, n)
        for index, suffix in enumerate(suffixes):
            out = mlp(n, suffix, normed2, last=index == len(suffixes) - 1)
            if down:
                add(down, out, down)
                dealloc(out, f"{t}x{h}")
            else:
                down = out
        h2 = into or alloc(f"h2_{n}", f"{t}x{h}")
        add(h1, down, h2)
        dealloc(down, f"{t}x{h}")
        dealloc(h1, f"{t}x{h}")
        return h2

    if form == "calls":
        # The shared layer function: the layer's input, its weights (the
        # names the body reads, %wq_l, ...) and its output buffer.
        weights = [
            f"%{name}_l: memref<{'x'.join(map(str, dims(shape)))}x{e}>"
            for name, shape in _LAYER_WEIGHTS
        ]
        open_function("layer", [f"%x: {act}", *weights, f"%y: {act}"], private=True)
        layer(0, "%x", into="%y")
        lines.append("  return")
        lines.append("}")
    open_function(entry_name(config), params)
    if form == "straight":
        residual = "%x"
        for n in range(config.layers):
            residual = layer(n, residual)
        lines.append(f"  linalg.copy ins({residual} : {act}) outs(%out : {act})")
        dealloc(residual, f"{t}x{h}")
    elif form == "branch":
        # An early exit after half the layers (layer skipping, a draft
        # model's exit): a nonzero %exit returns the hidden state there.
        residual = "%x"
        half = config.layers // 2
        for n in range(half):
            residual = layer(n, residual)
        lines.append("  %c0_i32 = arith.constant 0 : i32")
        lines.append("  %early = arith.cmpi ne, %exit, %c0_i32 : i32")
        lines.append("  cf.cond_br %early, ^exit, ^rest")
        lines.append("^exit:")
        lines.append(f"  linalg.copy ins({residual} : {act}) outs(%out : {act})")
        if residual != "%x":
            dealloc(residual, f"{t}x{h}")
        lines.append("  return")
        lines.append("^rest:")
        for n in range(half, config.layers):
            residual = layer(n, residual)
        lines.append(f"  linalg.copy ins({residual} : {act}) outs(%out : {act})")
        dealloc(residual, f"{t}x{h}")
    elif form == "calls":
        residual = "%x"
        types = [act, *(f"memref<{'x'.join(map(str, dims(s)))}x{e}>" for _, s in _LAYER_WEIGHTS)]
        for n in range(config.layers):
            output = alloc(f"h_{n}", f"{t}x{h}")
            arguments = [residual, *(f"%{name}_{n}" for name, _ in _LAYER_WEIGHTS), output]
            lines.append(
                f"  func.call @layer({', '.join(arguments)}) : ({', '.join([*types, act])}) -> ()"
            )
            if residual != "%x":
                dealloc(residual, f"{t}x{h}")
            residual = output
        lines.append(f"  linalg.copy ins({residual} : {act}) outs(%out : {act})")
        dealloc(residual, f"{t}x{h}")
    else:
        # The hidden state lives in %out across the layers.
        lines.append(f"  linalg.copy ins(%x : {act}) outs(%out : {act})")
        lines.append("  %c0 = arith.constant 0 : index")
        lines.append("  %c1 = arith.constant 1 : index")
        lines.append(f"  %layers = arith.constant {config.layers} : index")
        lines.append("  scf.for %l = %c0 to %layers step %c1 {")
        for name, shape in _LAYER_WEIGHTS:
            shape_dims = dims(shape)
            zeros = ", ".join("0" for _ in shape_dims)
            ones = ", ".join("1" for _ in shape_dims)
            full = ", ".join(str(d) for d in shape_dims)
            stacked = f"memref<{config.layers}x{'x'.join(map(str, shape_dims))}x{e}>"
            lines.append(
                f"  %{name}_l = memref.subview %{name}[%l, {zeros}] [1, {full}] [1, {ones}] "
                f": {stacked} to {used_types[name]}"
            )
        h2 = layer(0, "%out")
        lines.append(f"  linalg.copy ins({h2} : {act}) outs(%out : {act})")
        dealloc(h2, f"{t}x{h}")
        lines.append("  }")
    lines.append("  return")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mlp_suffixes(config: LlamaConfig, layer: int | None = None) -> list[str]:
    """Name suffixes of a layer's MLP weights: all experts' (``layer`` None)
    or the ones that run in ``layer``; ``[""]`` for a dense MLP."""
    if not config.experts:
        return [""]
    chosen = range(config.experts) if layer is None else config.active(layer)
    return [f"_e{j}" for j in chosen]


def entry_name(config: LlamaConfig) -> str:
    """The name of the function ``generate_llama`` makes for ``config``."""
    name = f"llama_{config.layers}l_{config.hidden}h_{config.tokens}t"
    if config.experts:
        name += f"_{config.experts}x{min(config.active_experts, config.experts)}moe"
    return name
