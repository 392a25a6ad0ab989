#!/usr/bin/env python3
"""Offload real transformers exports at full size, beside the generator's rows.

    python tools/bench_frontends.py --python PYTHON_WITH_TORCH
    python tools/bench_frontends.py --models llama-3-8b --steps prefill --hw gh200

For each model (Llama-3-8B, Qwen2-7B, Mixtral-8x7B presets of
hyperoffload.frontends.torch, all layers, f16), step (prefill of 2048
tokens; one decode step with a 4096- and a 32768-token KV cache) and
hardware profile it prints, measured in this run:

- the export (``hyper-import``, weights as arguments): seconds and size,
  made once per model and step into ``build/bench-frontends/`` (``--fresh``
  makes them again);
- the peak after upstream bufferization alone, the peak our
  ``hyper-bufferize-pipeline`` gives (weight transposes fused, dead buffers
  released: the *given* peak), and ours after
  ``hyper-offload-pipeline{max-slowdown=1%}`` with its simulated slowdown;
- the cut ours makes against the LP and integral bounds within 1%
  (hyperoffload.analysis.bounds) on the same IR;
- the same figures for ``hyperoffload.workloads`` at the same sizes (its
  layers have no grouped-query attention, no embedding and no head, so its
  weights and caches differ: the row says how much).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import hyperoffload  # noqa: F401
from hyperoffload.frontends.torch import PRESETS, ExportSpec, FrontendError, export
from hyperoffload.hardware import load_profile
from hyperoffload.ir_utils import functions_with_bodies
from hyperoffload.sim import simulate
from hyperoffload.transforms import build_pass_manager
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_offload import limits
from bench_torch import measure

ROOT = Path(__file__).resolve().parents[1]
MODELS = ("llama-3-8b", "qwen2-7b", "mixtral-8x7b")
STEPS = {
    "prefill": {"mode": "prefill", "tokens": 2048},
    "decode-4k": {"mode": "decode", "cache_tokens": 4096},
    "decode-32k": {"mode": "decode", "cache_tokens": 32768},
}


def generator_config(model: str, step: str) -> LlamaConfig:
    """The generator's decoder at the model's sizes (all layers)."""
    config = PRESETS[model].config
    shape = STEPS[step]
    return LlamaConfig(
        layers=config["num_hidden_layers"],
        hidden=config["hidden_size"],
        intermediate=config["intermediate_size"],
        tokens=int(shape.get("tokens", 1)),
        context=int(shape.get("cache_tokens", 2048)),
        experts=config.get("num_local_experts", 0),
        active_experts=config.get("num_experts_per_tok", 2),
    )


def generator_row(model: str, step: str, hardware: str, slowdown: float) -> dict[str, float]:
    """Peak before, ours at ``slowdown`` and the integral bound's cut, on
    the generator's IR at the model's sizes."""
    text = generate_llama(generator_config(model, step))
    bounds = limits(text, hardware, slowdown)
    profile = load_profile(hardware)
    with ir.Context():
        module = ir.Module.parse(text)
        before = simulate(functions_with_bodies(module.operation)[0], profile)
        options = f"max-slowdown={slowdown * 100:g}% hw={hardware}"
        build_pass_manager(f"hyper-offload-pipeline{{{options}}}").run(module.operation)
        after = simulate(functions_with_bodies(module.operation)[0], profile)
    return {
        "given": before.peak_bytes,
        "cut": 1 - after.peak_bytes / before.peak_bytes,
        "integral_cut": bounds["integral_cut"],
    }


def exported(model: str, step: str, python: str | None, fresh: bool) -> tuple[Path, str]:
    """The export of ``model`` at ``step`` (made if missing) and how long
    it took and how big it is."""
    directory = ROOT / "build" / "bench-frontends"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{model}-{step}.mlir"
    if path.exists() and not fresh:
        return path, f"(cached) {path.stat().st_size / 1e6:.2f} MB"
    spec = ExportSpec(model, **STEPS[step])  # type: ignore[arg-type]
    started = time.perf_counter()
    result = export(spec, str(path), python=python)
    seconds = time.perf_counter() - started
    return path, f"{seconds:.0f} s, {result.size_bytes / 1e6:.2f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="interpreter with torch, torch-mlir, transformers")
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=list(PRESETS))
    parser.add_argument("--steps", nargs="+", default=list(STEPS), choices=list(STEPS))
    parser.add_argument("--hw", nargs="+", default=["gh200", "ascend910-supernode"])
    parser.add_argument("--max-slowdown", type=float, default=0.01)
    parser.add_argument("--fresh", action="store_true", help="export again even if cached")
    args = parser.parse_args()
    gib = 2**30
    print(
        "| model | step | hw | export | upstream bufferized | given | ours at 1% (slowdown) "
        "| cut: ours / LP / integral | ours / integral | generator: given, ours cut, integral "
        "cut | compile (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for model in args.models:
        for step in args.steps:
            try:
                path, made = exported(model, step, args.python, args.fresh)
            except FrontendError as err:
                print(f"bench_frontends: {err}", file=sys.stderr)
                return 1
            for hardware in args.hw:
                row = measure(path, hardware, args.max_slowdown)
                generator = generator_row(model, step, hardware, args.max_slowdown)
                given, ours = row["given"], row["ours"]
                assert isinstance(given, int) and isinstance(ours, int)
                print(
                    f"| {model} | {step} | {hardware} | {made} "
                    f"| {row['unoptimised'] / gib:.2f} GiB | {given / gib:.2f} GiB "
                    f"| {ours / gib:.2f} GiB ({row['slowdown']:+.2%}) "
                    f"| {1 - ours / given:.1%} / {row['lp_cut']:.1%} / {row['integral_cut']:.1%} "
                    f"| {row['share']:.0%} "
                    f"| {generator['given'] / gib:.2f} GiB, {generator['cut']:.1%}, "
                    f"{generator['integral_cut']:.1%} | {row['compile_s']:.1f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
