"""Frontends: models from other frameworks to the linalg-on-tensors MLIR
that ``hyper-opt`` reads.

- :mod:`hyperoffload.frontends.torch`: Hugging Face ``transformers`` models
  through ``torch.export`` and torch-mlir (the ``torch`` extra:
  ``pip install 'hyperoffload-mlir[torch]'``); ``hyper-import`` on the
  command line.

A frontend's framework never shares a process with this package's MLIR:
each export runs in a child process and hands back MLIR text.
"""
