"""``python -m hyperoffload.workloads``: print a Llama-style decoder step.

python -m hyperoffload.workloads --preset 7b --layers 2 --tokens 2048 --context 2048
python -m hyperoffload.workloads --preset mixtral --layers 2      # mixture of experts
python -m hyperoffload.workloads --preset 7b-32k --layers 2       # long context
python -m hyperoffload.workloads --preset 7b --layers 16 --form scan  # lax.scan over layers
python -m hyperoffload.workloads --preset 7b --layers 16 --form calls   # nested jit: @layer calls
python -m hyperoffload.workloads --preset 7b --layers 16 --form branch  # early exit half way
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from hyperoffload.workloads.llama import FORMS, PRESETS, LlamaConfig, generate_llama


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hyperoffload.workloads", description=__doc__)
    parser.add_argument("--preset", choices=PRESETS, default="tiny")
    parser.add_argument("--layers", type=int, help="override the preset's layer count")
    parser.add_argument("--tokens", type=int, help="tokens in this step (1: decode)")
    parser.add_argument("--context", type=int, help="KV-cache length")
    parser.add_argument("--dtype", choices=["f16", "bf16", "f32"], help="element type")
    parser.add_argument("--experts", type=int, help="experts per layer (0: dense MLP)")
    parser.add_argument("--active-experts", type=int, help="experts that run per layer")
    parser.add_argument(
        "--form",
        choices=FORMS,
        default="straight",
        help="straight: layers unrolled; scan: stacked weights read by one scf.for; "
        "calls: each layer a call of one private @layer function",
    )
    args = parser.parse_args(argv)
    config = LlamaConfig.preset(args.preset)
    overrides = {
        key: value
        for key, value in (
            ("layers", args.layers),
            ("tokens", args.tokens),
            ("context", args.context),
            ("dtype", args.dtype),
            ("experts", args.experts),
            ("active_experts", args.active_experts),
        )
        if value is not None
    }
    if any(isinstance(v, int) and v <= 0 for k, v in overrides.items() if k != "experts"):
        parser.error("sizes must be positive")
    if overrides.get("experts", 0) < 0:
        parser.error("--experts must be 0 (dense) or positive")
    config = dataclasses.replace(config, **overrides)
    if args.form != "straight" and config.experts:
        parser.error(f"--form {args.form} has dense MLPs only (--experts 0)")
    sys.stdout.write(generate_llama(config, args.form))
    return 0


if __name__ == "__main__":
    sys.exit(main())
