"""Export the small Hugging Face models committed here, with their torch output.

    python examples/hf/export.py [--python PYTHON]

Each is the real ``transformers`` model code (Llama, Qwen2, Mixtral, GPT-2,
BERT) at a tiny config (the ``*-tiny`` presets of
:mod:`hyperoffload.frontends.torch`: hidden 32, 2 layers, vocabulary 64),
seeded random weights as constants, 8 tokens, f32, exported by
``hyper-import`` (torch.export, then torch-mlir to linalg-on-tensors). Beside
each ``NAME.mlir`` its manifest ``NAME.json`` holds the arguments by name
and the torch reference (inputs and outputs), so tests run the pipeline's
output against torch without installing it. ``llama-tiny-decode`` is one
decode step with a 16-token KV cache.

Needs torch, torch-mlir and transformers (``pip install '.[torch]'``, or an
interpreter that has them given as ``--python``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hyperoffload.frontends.torch import ExportSpec, export

HERE = Path(__file__).resolve().parent
COMMON = {"tokens": 8, "dtype": "f32", "weights": "constants"}
EXPORTS = {
    "llama-tiny": ExportSpec("llama-tiny", **COMMON),
    "qwen2-tiny": ExportSpec("qwen2-tiny", **COMMON),
    "mixtral-tiny": ExportSpec("mixtral-tiny", **COMMON),
    "gpt2-tiny": ExportSpec("gpt2-tiny", **COMMON),
    "bert-tiny": ExportSpec("bert-tiny", **COMMON),
    "llama-tiny-decode": ExportSpec(
        "llama-tiny", tokens=1, dtype="f32", weights="constants", mode="decode", cache_tokens=16
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="interpreter with torch, torch-mlir, transformers")
    parser.add_argument("names", nargs="*", help=f"default: all of {', '.join(EXPORTS)}")
    args = parser.parse_args()
    unknown = set(args.names) - set(EXPORTS)
    if unknown:
        parser.error(f"unknown: {', '.join(sorted(unknown))}")
    for name in args.names or EXPORTS:
        result = export(EXPORTS[name], str(HERE / f"{name}.mlir"), python=args.python)
        print(f"{name}: {result.size_bytes / 1e3:.0f} kB in {result.manifest['export_s']:.1f} s")


if __name__ == "__main__":
    main()
