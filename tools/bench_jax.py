#!/usr/bin/env python3
"""Offload real JAX programs at Llama-7B shapes in the forms JAX takes.

    python tools/bench_jax.py                 # needs jax, jaxlib, iree-base-compiler
    python tools/bench_jax.py --layers 8 --tokens 512 --hw gh200

The transformer of examples/jax/export.py (RMSNorm, single-head causal
attention with a ``jnp.tril`` mask, SiLU-gated MLP) at Llama-7B sizes
(hidden 4096, MLP 11008; f32, as the example computes its scale in f32),
in each form JAX programs take (``scan``, ``fori``, ``unrolled``,
``per-layer``, nested jit ``calls``: with the pipeline's ``inline-calls``
as by default (``auto``), ``false`` and ``true``; ``while``:
``lax.while_loop`` with the layer count an input, planned with
``trip-count-bound`` set to it; ``cond``: ``lax.cond`` exiting after half
the layers; ``cond-shared``: ``lax.cond`` between a draft that skips every
other layer of the second half and the full second half, self-speculative
decoding), lowered with shapes only (``jax.ShapeDtypeStruct``: no weights
are made) and converted by :mod:`hyperoffload.frontends.jax` (IREE's
StableHLO input passes), then ``hyper-bufferize-pipeline`` and
``hyper-offload-pipeline{max-slowdown=1%}``. Per form: the conversion's
seconds and size, the peak before and after, the simulated slowdown, and
the cut as a share of the ``per-layer`` form's (separate weights per
layer: JAX's straight line). All in one run."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

import hyperoffload  # noqa: F401
from hyperoffload.frontends import jax as frontend
from hyperoffload.transforms import build_pass_manager, collect_instances
from mlir import ir

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "jax" / "export.py"


def _example() -> object:
    spec = importlib.util.spec_from_file_location("jax_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=16)
    parser.add_argument("--tokens", type=int, default=2048)
    parser.add_argument("--hw", default="gh200")
    parser.add_argument("--max-slowdown", default="1%")
    parser.add_argument("--forms", nargs="*", help="only these forms (default: all)")
    args = parser.parse_args()
    import jax
    import jax.numpy as jnp

    example = _example()
    example.HIDDEN, example.MLP = 4096, 11008  # type: ignore[attr-defined]
    example.LAYERS, example.TOKENS = args.layers, args.tokens  # type: ignore[attr-defined]
    hidden, mlp = 4096, 11008
    shapes = [(hidden, hidden)] * 4 + [(hidden, mlp), (hidden, mlp), (mlp, hidden)]
    shapes += [(hidden,), (hidden,)]
    f32 = jnp.float32
    x = jax.ShapeDtypeStruct((args.tokens, hidden), f32)
    stacked = [jax.ShapeDtypeStruct((args.layers, *s), f32) for s in shapes]
    per = [[jax.ShapeDtypeStruct(s, f32) for s in shapes] for _ in range(args.layers)]
    forms = {
        "per-layer": (example.per_layer, [x, per], True),  # type: ignore[attr-defined]
        "unrolled": (example.unrolled, [x, stacked], True),  # type: ignore[attr-defined]
        "scan": (example.scan, [x, stacked], True),  # type: ignore[attr-defined]
        "fori": (example.fori, [x, stacked], True),  # type: ignore[attr-defined]
        "calls": (example.calls, [x, stacked], False),  # type: ignore[attr-defined]
        "calls, not inlined": (example.calls, [x, stacked], False),  # type: ignore[attr-defined]
        "calls, inline-calls": (example.calls, [x, stacked], False),  # type: ignore[attr-defined]
        # lax.while_loop, the layer count an input (trip count unknown).
        "while": (
            example.while_loop,  # type: ignore[attr-defined]
            [x, stacked, jax.ShapeDtypeStruct((), jnp.int32)],
            True,
        ),
        # lax.cond: an early exit after half the layers, per-layer weights.
        "cond": (
            example.early_exit,  # type: ignore[attr-defined]
            [x, per, jax.ShapeDtypeStruct((), jnp.int32)],
            True,
        ),
        # lax.cond: self-speculative decoding, the draft skipping every
        # other layer of the second half (its weights used by both branches).
        "cond-shared": (
            example.layer_skip,  # type: ignore[attr-defined]
            [x, per, jax.ShapeDtypeStruct((), jnp.int32)],
            True,
        ),
    }
    if args.forms:
        unknown = set(args.forms) - set(forms)
        if unknown:
            parser.error(f"unknown forms {sorted(unknown)}; known: {sorted(forms)}")
        forms = {name: form for name, form in forms.items() if name in args.forms}
    print(
        f"JAX transformer, Llama-7B sizes, {args.layers} layers, {args.tokens} tokens, f32, "
        f"{args.hw} (simulated), hyper-offload-pipeline{{max-slowdown={args.max_slowdown}}}\n"
    )
    print(
        "| form | convert | peak before | peak after | cut | by streaming | in branches "
        "| slowdown | share of per-layer cut | compile s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    reference: float | None = None
    with tempfile.TemporaryDirectory() as scratch:
        for name, (fn, fn_args, inline) in forms.items():
            path = str(Path(scratch) / f"{name}.mlir")
            started = time.perf_counter()
            result = frontend.export(fn, *fn_args, output=path, inline=inline)
            converted = time.perf_counter() - started
            with ir.Context():
                module = ir.Module.parse(Path(path).read_text())
                build_pass_manager("hyper-bufferize-pipeline").run(module.operation)
                options = f"max-slowdown={args.max_slowdown} hw={args.hw}"
                if name.endswith("inline-calls"):
                    options += " inline-calls=true"
                if name.endswith("not inlined"):
                    options += " inline-calls=false"
                if name == "while":
                    # Timed as the layer count it is given at run time.
                    options += f" trip-count-bound={args.layers}"
                started = time.perf_counter()
                try:
                    with collect_instances() as ran:
                        build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(
                            module.operation
                        )
                except ir.MLIRError as err:
                    print(f"| {name} | failed: {str(err).splitlines()[-1]} |")
                    continue
                seconds = time.perf_counter() - started
                stats = ran[0].statistics["main"]
            before, after = stats["peak_before_bytes"], stats["peak_after_bytes"]
            cut = 1 - after / before
            if name == "per-layer":
                reference = cut
            share = f"{cut / reference:.0%}" if reference and name != "per-layer" else ""
            print(
                f"| {name} | {converted:.1f} s, {result.size_bytes / 1e3:.0f} kB "
                f"| {before / 2**30:.2f} GiB | {after / 2**30:.2f} GiB | {cut:.1%} "
                f"| {stats['saved_by_streaming_bytes'] / 2**30:.2f} GiB "
                f"| {stats['saved_by_regions_bytes'] / 2**30:.2f} GiB "
                f"| {stats['slowdown']:.2%} | {share} | {seconds:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
