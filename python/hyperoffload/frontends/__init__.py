"""Frontends: models from other frameworks to the linalg-on-tensors MLIR
that ``hyper-opt`` reads.

- :mod:`hyperoffload.frontends.torch`: Hugging Face ``transformers`` models
  through ``torch.export`` and torch-mlir (the ``torch`` extra:
  ``pip install 'hyperoffload-mlir[torch]'``); ``hyper-import`` on the
  command line.
- :mod:`hyperoffload.frontends.jax`: JAX functions, or any StableHLO, through
  IREE's StableHLO input passes (the ``jax`` extra); ``hyper-import
  --stablehlo`` on the command line.

torch-mlir and IREE carry their own copies of MLIR, which never share a
process with this package's: each conversion runs in a child process
(:mod:`hyperoffload.frontends.common`) and hands back MLIR text, which
upstream MLIR parses here before it is written.
"""
