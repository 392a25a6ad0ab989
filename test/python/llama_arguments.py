"""Inputs for the workload generator's programs in tests: the same weights
in every form (the stacked ones are the per-layer ones, in order)."""

from __future__ import annotations

import numpy as np
from hyperoffload.runtime import run_function
from hyperoffload.workloads import LlamaConfig
from hyperoffload.workloads.llama import entry_name
from mlir import ir

# The weight kinds of a layer, in parameter order.
KINDS = ("norm1", "wq", "wk", "wv", "kcache", "vcache", "wo", "norm2", "wgate", "wup", "wdown")


def llama_arguments(
    config: LlamaConfig, form: str, seed: int = 0, exit_early: bool = False
) -> list[object]:
    """The input, the weights as ``generate_llama(config, form)`` takes them
    (stacked for ``scan``, per layer for ``straight``, ``calls`` and
    ``branch``; for ``branch`` then the exit flag) and a zeroed output."""
    rng = np.random.default_rng(seed)
    h, i, c, t = config.hidden, config.intermediate, config.context, config.tokens
    shapes = {
        "norm1": (h,), "wq": (h, h), "wk": (h, h), "wv": (h, h), "kcache": (h, c),
        "vcache": (c, h), "wo": (h, h), "norm2": (h,), "wgate": (h, i), "wup": (h, i),
        "wdown": (i, h),
    }  # fmt: skip
    weights = {
        name: [(rng.standard_normal(shape) * 0.1).astype(np.float32) for _ in range(config.layers)]
        for name, shape in shapes.items()
    }
    x = rng.standard_normal((t, h)).astype(np.float32)
    if form == "scan":
        stacked = [np.stack(weights[name]) for name in KINDS]
        return [x, *stacked, np.zeros((t, h), np.float32)]
    per_layer = [weights[name][layer] for layer in range(config.layers) for name in KINDS]
    flag = [int(exit_early)] if form == "branch" else []
    return [x, *flag, *per_layer, np.zeros((t, h), np.float32)]


def run_branch_form(
    config: LlamaConfig, module: ir.Module, exit_early: bool, target: str = "cpu"
) -> np.ndarray:
    """The output of the branch form of ``config`` in ``module`` (as given
    or offloaded) run on ``target``, taking the exit or not."""
    arguments = llama_arguments(config, "branch", exit_early=exit_early)
    run_function(module, entry_name(config), arguments, target=target)
    return arguments[-1]  # type: ignore[return-value]
