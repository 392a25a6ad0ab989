"""Export a small JAX transformer in the eight forms JAX programs take.

    python examples/jax/export.py          # needs jax, jaxlib, iree-base-compiler
    python examples/jax/export.py cond-shared   # only the forms named

The same two decoder layers (RMSNorm, single-head causal attention with a
``jnp.tril`` mask, SiLU-gated MLP; hidden 16, MLP 32, 8 tokens, f32) as
``jax.jit`` programs, lowered to StableHLO and converted to upstream
linalg-on-tensors by :mod:`hyperoffload.frontends.jax` (IREE's StableHLO
input passes):

- ``scan``: ``lax.scan`` over stacked weights (an ``scf.for`` with an i32
  index reading one slice of each stacked weight per iteration);
- ``unrolled``: a Python loop over ``P[i]`` of the stacked weights (every
  layer slices the same arguments);
- ``calls``: nested ``jax.jit`` (one private ``@layer`` called per layer
  with its slices; JAX's ``@tril``, ``@_where``, ``@silu`` helpers kept),
  converted with ``inline=False``;
- ``per-layer``: separate weight arrays per layer;
- ``fori``: ``lax.fori_loop`` over the stacked weights (an ``scf.for`` that
  also carries the layer index as a ``tensor<i32>`` and reads each slice
  at it, wrapped for negative indices: ``cache-uplift-loop-counters``
  makes that index the induction variable);
- ``while``: ``lax.while_loop`` over the stacked weights for a layer count
  passed at run time (an ``scf.while`` carrying the index and the state:
  its trip count is not known when compiling);
- ``cond``: an early exit, ``lax.cond`` on an int32 ``stop`` input after
  the first half of the layers (per-layer weights): an ``scf.if`` yielding
  the state, the second half's weights used only in its region;
- ``cond-shared``: self-speculative decoding (the draft is the same model
  with layers skipped), ``lax.cond`` on an int32 ``drafting`` input after
  the first half: the draft branch runs every other layer of the second
  half, the verify branch all of them, so the draft's layers' weights are
  used in both regions and only there.

Beside each ``NAME.mlir`` its manifest ``NAME.json`` holds the converter's
manifest plus the inputs (seeded, argument order) and JAX's output, as
base64 of little-endian float32 (int32 for the layer count and the stop
flag), so tests need no JAX; ``cond.json`` also holds JAX's output when it
exits (``outputs_exit``, the flag set), ``cond-shared.json`` when it drafts.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from hyperoffload.frontends import jax as frontend

HERE = Path(__file__).resolve().parent
HIDDEN, MLP, LAYERS, TOKENS = 16, 32, 2, 8
SHAPES = [(HIDDEN, HIDDEN)] * 4 + [(HIDDEN, MLP), (HIDDEN, MLP), (MLP, HIDDEN)]
SHAPES += [(HIDDEN,), (HIDDEN,)]


def layer(x: Any, w: list[Any]) -> Any:
    wq, wk, wv, wo, wg, wu, wd, n1, n2 = w

    def rms(v: Any, scale: Any) -> Any:
        return v * jax.lax.rsqrt(jnp.mean(v * v, -1, keepdims=True) + 1e-5) * scale

    h = rms(x, n1)
    q, k, v = h @ wq, h @ wk, h @ wv
    scores = (q @ k.T) / jnp.sqrt(jnp.float32(HIDDEN))
    scores = jnp.where(jnp.tril(jnp.ones((TOKENS, TOKENS), bool)), scores, -1e9)
    x = x + (jax.nn.softmax(scores, -1) @ v) @ wo
    h = rms(x, n2)
    return x + (jax.nn.silu(h @ wg) * (h @ wu)) @ wd


def scan(x: Any, stacked: list[Any]) -> Any:
    return jax.lax.scan(lambda carry, w: (layer(carry, w), None), x, stacked)[0]


def unrolled(x: Any, stacked: list[Any]) -> Any:
    for i in range(LAYERS):
        x = layer(x, [w[i] for w in stacked])
    return x


_layer = jax.jit(layer)


def calls(x: Any, stacked: list[Any]) -> Any:
    for i in range(LAYERS):
        x = _layer(x, [w[i] for w in stacked])
    return x


def per_layer(x: Any, layers: list[list[Any]]) -> Any:
    for w in layers:
        x = layer(x, w)
    return x


def fori(x: Any, stacked: list[Any]) -> Any:
    def body(i: Any, carry: Any) -> Any:
        return layer(carry, [jax.lax.dynamic_index_in_dim(w, i, keepdims=False) for w in stacked])

    return jax.lax.fori_loop(0, LAYERS, body, x)


def while_loop(x: Any, stacked: list[Any], count: Any) -> Any:
    def body(state: tuple[Any, Any]) -> tuple[Any, Any]:
        i, carry = state
        weights = [jax.lax.dynamic_index_in_dim(w, i, keepdims=False) for w in stacked]
        return i + 1, layer(carry, weights)

    return jax.lax.while_loop(lambda state: state[0] < count, body, (jnp.int32(0), x))[1]


def early_exit(x: Any, layers: list[list[Any]], stop: Any) -> Any:
    half = len(layers) // 2
    for w in layers[:half]:
        x = layer(x, w)

    def rest(h: Any) -> Any:
        for w in layers[half:]:
            h = layer(h, w)
        return h

    return jax.lax.cond(stop > 0, lambda h: h, rest, x)


def layer_skip(x: Any, layers: list[list[Any]], drafting: Any) -> Any:
    half = len(layers) // 2
    for w in layers[:half]:
        x = layer(x, w)

    def run(h: Any, chosen: list[list[Any]]) -> Any:
        for w in chosen:
            h = layer(h, w)
        return h

    return jax.lax.cond(
        drafting > 0, lambda h: run(h, layers[half::2]), lambda h: run(h, layers[half:]), x
    )


def _encoded(array: np.ndarray) -> dict[str, Any]:
    dtype = "int32" if np.asarray(array).dtype == np.int32 else "float32"
    # asarray, not ascontiguousarray: that makes a 0-d array (the count) 1-d.
    data = np.asarray(array, dtype="<i4" if dtype == "int32" else "<f4")
    return {
        "shape": list(data.shape),
        "dtype": dtype,
        "base64": base64.b64encode(data.tobytes()).decode(),
    }


def main() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((TOKENS, HIDDEN)).astype(np.float32)
    stacked = [(rng.standard_normal((LAYERS, *s)) * 0.2).astype(np.float32) for s in SHAPES]
    per = [[w[i] for w in stacked] for i in range(LAYERS)]
    count = np.int32(LAYERS)
    forms = {
        "scan": (scan, [x, stacked], [x, *stacked], True),
        "unrolled": (unrolled, [x, stacked], [x, *stacked], True),
        "calls": (calls, [x, stacked], [x, *stacked], False),
        "per-layer": (per_layer, [x, per], [x, *(w for ws in per for w in ws)], True),
        "fori": (fori, [x, stacked], [x, *stacked], True),
        "while": (while_loop, [x, stacked, count], [x, *stacked, count], True),
        "cond": (
            early_exit,
            [x, per, np.int32(0)],
            [x, *(w for ws in per for w in ws), np.int32(0)],
            True,
        ),
        "cond-shared": (
            layer_skip,
            [x, per, np.int32(0)],
            [x, *(w for ws in per for w in ws), np.int32(0)],
            True,
        ),
    }
    wanted = set(sys.argv[1:]) or set(forms)
    for name, (fn, args, flat, inline) in forms.items():
        if name not in wanted:
            continue
        path = HERE / f"{name}.mlir"
        result = frontend.export(fn, *args, output=str(path), inline=inline)
        output = np.asarray(jax.jit(fn)(*args))
        manifest = {
            **result.manifest,
            "function": "main",
            "versions": {**result.manifest["versions"], "jax": jax.__version__},
            "inputs": [_encoded(np.asarray(a)) for a in flat],
            "outputs": [_encoded(output)],
        }
        if name == "cond":
            exited = np.asarray(jax.jit(fn)(*args[:-1], np.int32(1)))
            manifest["outputs_exit"] = [_encoded(exited)]
        if name == "cond-shared":
            drafted = np.asarray(jax.jit(fn)(*args[:-1], np.int32(1)))
            manifest["outputs_draft"] = [_encoded(drafted)]
        path.with_suffix(".json").write_text(json.dumps(manifest, indent=1) + "\n")
        print(f"{name}: {result.size_bytes / 1e3:.0f} kB, {manifest['ops_by_dialect']}")


if __name__ == "__main__":
    main()
