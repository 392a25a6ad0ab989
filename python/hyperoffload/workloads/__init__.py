"""Workload generators: Llama-style decoder inference on memrefs (dense,
mixture-of-experts and long-context presets)."""

from hyperoffload.workloads.llama import PRESETS, LlamaConfig, generate_llama

__all__ = ["PRESETS", "LlamaConfig", "generate_llama"]
