"""JAX programs (or any StableHLO) to linalg-on-tensors MLIR, through IREE's
StableHLO input passes.

    from hyperoffload.frontends import jax as frontend
    frontend.export(model, x, weights, output="model.mlir")        # a JAX function
    frontend.convert(stablehlo_text, "model.mlir", inline=False)   # StableHLO text

or ``hyper-import --stablehlo FILE -o model.mlir`` for a file of StableHLO
(``jax.jit(f).lower(*args).as_text()``, or TensorFlow's or PyTorch/XLA's).
:func:`lower` is ``jax.jit(fn).lower(*args).as_text()`` in the caller's
process (the caller has jax). The conversion runs IREE's
``iree-stablehlo-input-transformation-pipeline`` (iree-base-compiler, with
its own MLIR) in a child process (``_jax_convert.py``): StableHLO becomes
upstream ``func``/``linalg``/``tensor``/``arith``/``math``/``scf``, which
is then parsed by upstream MLIR here (an op upstream does not have is an
error at its line). ``lax.scan`` becomes an ``scf.for`` over the stacked
weights (``cache-stream-loop-slices`` streams them); with ``inline=False``
nested ``jax.jit`` functions stay functions called per layer (the
pipeline's inliner is told to leave every call), otherwise they are
inlined, as IREE's pipeline does. Failures are :class:`FrontendError`
with one line naming the source, the stage and the way around it.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hyperoffload.frontends.common import FrontendError, run_worker, write_export

__all__ = ["FrontendError", "JaxExport", "convert", "export", "lower"]

# The versions the worker is tested with (the `jax` extra pins them).
VERSIONS = {"jax": "0.10.2", "jaxlib": "0.10.2", "iree-base-compiler": "3.13.0"}
_WORKAROUNDS = {
    "is not installed": "install the frontend: pip install 'hyperoffload-mlir[jax]' "
    "(or give python= an interpreter that has iree-base-compiler)",
}


@dataclasses.dataclass(frozen=True)
class JaxExport:
    """The written file, its size and the worker's manifest (versions,
    seconds, calls kept, the ops by dialect)."""

    path: str
    size_bytes: int
    manifest: dict[str, Any]


def lower(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    """StableHLO text of ``jax.jit(fn)`` at ``args`` (arrays or
    ``jax.ShapeDtypeStruct``s: shapes only are enough)."""
    try:
        import jax
    except ModuleNotFoundError:
        raise FrontendError(
            f"lowering: jax is not installed ({_WORKAROUNDS['is not installed']})"
        ) from None
    try:
        return str(jax.jit(fn).lower(*args, **kwargs).as_text())
    except Exception as err:  # jax's tracing errors name the user's code
        first = str(err).strip().splitlines()[0] if str(err).strip() else ""
        raise FrontendError(f"lowering: {type(err).__name__}: {first}") from None


def convert(
    stablehlo: str,
    output: str,
    *,
    inline: bool = True,
    python: str | None = None,
    name: str = "stablehlo",
) -> JaxExport:
    """Convert StableHLO text to upstream linalg-on-tensors MLIR at
    ``output`` (``-``: standard output; a file gets a manifest beside it)."""
    with tempfile.TemporaryDirectory(prefix="hyperoffload-jax-") as scratch:
        source = os.path.join(scratch, "input.stablehlo.mlir")
        Path(source).write_text(stablehlo)
        request = {"stablehlo_path": source, "inline": inline, "name": name}
        text, manifest = run_worker("jax", request, name, python, _WORKAROUNDS)
    size = write_export(text, manifest, output)
    return JaxExport(output, size, manifest)


def export(
    fn: Callable[..., Any],
    *args: Any,
    output: str,
    inline: bool = True,
    python: str | None = None,
) -> JaxExport:
    """:func:`lower` then :func:`convert`."""
    name = getattr(fn, "__name__", "jax function")
    return convert(lower(fn, *args), output, inline=inline, python=python, name=name)
