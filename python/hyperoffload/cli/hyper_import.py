"""``hyper-import``: a Hugging Face model (preset, checkpoint directory or hub
id), or a StableHLO file (JAX), to linalg-on-tensors MLIR that ``hyper-opt``
reads.

    hyper-import llama-3-8b --tokens 2048 -o llama.mlir
    hyper-import --stablehlo model.stablehlo.mlir --no-inline -o model.mlir
    hyper-import mixtral-8x7b --layers 4 --decode --cache-tokens 32768 -o step.mlir
    hyper-import qwen2-7b --layers 2 | hyper-opt --hyper-bufferize-pipeline \\
        --hyper-offload-pipeline='max-slowdown=1% hw=gh200' --summary=- -o offloaded.mlir

See :mod:`hyperoffload.frontends.torch` and :mod:`hyperoffload.frontends.jax`
for what the conversions do. Errors are one line, ``hyper-import: error:
MODEL: STAGE: MESSAGE (workaround)``, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hyperoffload.frontends import jax as jax_frontend
from hyperoffload.frontends.torch import (
    DTYPES,
    PRESETS,
    WEIGHTS,
    ExportSpec,
    FrontendError,
    export,
    manifest_path,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hyper-import",
        description="Export a transformers model through torch.export and torch-mlir to "
        "linalg-on-tensors MLIR (the weights as function arguments by default: shapes only, "
        "any size in seconds).",
        epilog="presets: "
        + "; ".join(f"{name} ({preset.about})" for name, preset in PRESETS.items()),
    )
    parser.add_argument(
        "model", nargs="?", help="a preset, a checkpoint directory with config.json, or a hub id"
    )
    parser.add_argument(
        "-o",
        dest="output",
        default="-",
        help="output file (default - for standard output); a file gets its manifest "
        "(arguments by name, torch reference) beside it as .json",
    )
    parser.add_argument("--tokens", type=int, help="tokens per sequence (prefill 2048, decode 1)")
    parser.add_argument("--batch", type=int, default=1, help="sequences (default 1)")
    parser.add_argument("--layers", type=int, help="layer count instead of the config's")
    parser.add_argument("--dtype", choices=DTYPES, default="f16", help="default f16")
    parser.add_argument(
        "--decode",
        action="store_true",
        help="one decode step with a KV cache: past keys and values are arguments",
    )
    parser.add_argument(
        "--cache-tokens", type=int, default=4096, help="tokens in the KV cache (default 4096)"
    )
    parser.add_argument(
        "--weights",
        choices=WEIGHTS,
        default="arguments",
        help="arguments: shapes only (default); constants: seeded random data and the "
        "torch reference output in the manifest (small models)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--function", default="forward", help="function name (default forward)")
    parser.add_argument(
        "--python",
        help="the interpreter with torch, torch-mlir and transformers (default: this one)",
    )
    parser.add_argument("--list-models", action="store_true", help="list the presets and exit")
    parser.add_argument(
        "--stablehlo",
        metavar="FILE",
        help="convert a StableHLO file (jax.jit(f).lower(...).as_text()) instead of a model, "
        "with IREE's StableHLO input passes (the jax extra)",
    )
    parser.add_argument(
        "--no-inline",
        action="store_true",
        help="--stablehlo: keep calls (nested jax.jit functions) instead of inlining them",
    )
    return parser


def _stablehlo(args: argparse.Namespace) -> int:
    try:
        text = Path(args.stablehlo).read_text()
    except OSError as err:
        print(f"hyper-import: error: cannot read {args.stablehlo}: {err.strerror}", file=sys.stderr)
        return 1
    try:
        result = jax_frontend.convert(
            text, args.output, inline=not args.no_inline, python=args.python, name=args.stablehlo
        )
    except FrontendError as err:
        print(f"hyper-import: error: {err}", file=sys.stderr)
        return 1
    manifest = result.manifest
    where = "" if args.output == "-" else f" -> {args.output} (+ {manifest_path(args.output)})"
    print(
        f"hyper-import: {args.stablehlo}: {result.size_bytes / 1e6:.2f} MB in "
        f"{manifest['convert_s']:.1f} s, calls kept {manifest['calls_kept']} of "
        f"{manifest['calls_in']}{where}",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.list_models:
        for name, preset in PRESETS.items():
            print(f"{name:14} {preset.model_type:8} {preset.about}")
        return 0
    if args.stablehlo is not None:
        if args.model is not None:
            parser.error("give a model or --stablehlo, not both")
        return _stablehlo(args)
    if args.model is None:
        parser.error("a model is required (a preset, a directory or a hub id; --list-models)")
    spec = ExportSpec(
        model=args.model,
        tokens=args.tokens,
        batch=args.batch,
        layers=args.layers,
        dtype=args.dtype,
        mode="decode" if args.decode else "prefill",
        cache_tokens=args.cache_tokens,
        weights=args.weights,
        seed=args.seed,
        function=args.function,
    )
    try:
        result = export(spec, args.output, python=args.python)
    except FrontendError as err:
        print(f"hyper-import: error: {err}", file=sys.stderr)
        return 1
    manifest = result.manifest
    where = "" if args.output == "-" else f" -> {args.output} (+ {manifest_path(args.output)})"
    count = spec.token_count
    shape = f"{spec.mode} of {count} token{'s' if count != 1 else ''}"
    if spec.mode == "decode":
        shape += f" with a {spec.cache_tokens}-token cache"
    print(
        f"hyper-import: {spec.model} ({manifest['model_type']}, {manifest['layers']} "
        f"layer{'s' if manifest['layers'] != 1 else ''}), "
        f"{shape}, weights as {spec.weights}: {result.size_bytes / 1e6:.2f} MB in "
        f"{manifest['export_s']:.1f} s{where}",
        file=sys.stderr,
    )
    return 0


def console_main() -> None:
    sys.exit(main())


if __name__ == "__main__":
    console_main()
