"""HyperOffload-MLIR: compiler-scheduled offloading to a remote memory pool.

Importing this package registers the ``cache`` dialect with the process-wide
MLIR dialect registry, so every :class:`mlir.ir.Context` created afterwards
knows it, and makes parsed ``cache.*`` ops come back as their typed Python
classes (:mod:`hyperoffload.dialects.cache`).
"""

from __future__ import annotations

from mlir._mlir_libs import get_dialect_registry

try:
    from hyperoffload import _native
except ImportError as error:
    raise ImportError(
        "the compiled part of hyperoffload (hyperoffload._native) is missing or does "
        f"not load ({error}): hyperoffload must be installed with `pip install .` so "
        "its C++ part is built"
    ) from error

__version__ = "0.1.0"

_native.register_dialect(get_dialect_registry())

from mlir._mlir_libs._mlir import globals as _mlir_globals  # noqa: E402

_mlir_globals.append_dialect_search_prefix("hyperoffload.dialects")

# Our passes and pipelines in MLIR's pass registry (PassManager.parse).
from hyperoffload.transforms.registry import register_passes  # noqa: E402

register_passes()

__all__ = ["__version__"]
