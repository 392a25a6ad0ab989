"""Workload generators: Llama-style decoder inference on memrefs."""

from hyperoffload.workloads.llama import LlamaConfig, generate_llama

__all__ = ["LlamaConfig", "generate_llama"]
