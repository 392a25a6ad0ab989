"""Shared fixtures: a unit-cost hardware profile and IR helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import hyperoffload  # noqa: F401  (registers the cache dialect)
import pytest
from hyperoffload.hardware import HardwareProfile
from mlir import ir


def unit_profile(engines: int = 1, latency: float = 0.0) -> HardwareProfile:
    """Round numbers for hand calculation: 4000 B/s of HBM (a fill of
    ``memref<1000xf32>`` takes 1 s), 1000 B/s per copy engine (a
    ``memref<250xf32>`` transfer takes 1 s), 1e6 FLOP/s for every type."""
    return HardwareProfile(
        name="unit",
        description="unit-cost profile for tests",
        source="tests",
        device_memory=1 << 30,
        hbm_bandwidth=4000.0,
        pool_to_device_bandwidth=1000.0,
        device_to_pool_bandwidth=1000.0,
        transfer_latency=latency,
        copy_engines_per_direction=engines,
        peak_flops={"default": 1e6},
    )


@pytest.fixture
def context() -> Iterator[ir.Context]:
    with ir.Context() as ctx, ir.Location.unknown():
        yield ctx


def first_function(module: ir.Module) -> ir.Operation:
    for op in module.body.operations:
        if op.operation.name == "func.func":
            return op.operation
    raise AssertionError("no function")


ROOT = Path(__file__).resolve().parents[2]

# An scf.if on an argument: the then region one 1 s fill (unit profile),
# the else region two and a 4000 B temporary (the costlier path).
BRANCH = """
func.func @branch(%x: memref<1000xf32>, %s: f32, %c: i1) {
  scf.if %c {
    linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  } else {
    %t = memref.alloc() : memref<1000xf32>
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
    memref.dealloc %t : memref<1000xf32>
  }
  return
}
"""


def mlir_chunks(
    keep: Callable[[ir.Module], bool] = lambda module: True,
) -> list[tuple[str, str]]:
    """(``path#chunk``, text) of every ``// -----`` chunk of the lit inputs
    and examples that parses (unregistered dialects allowed; diagnostics
    tests' inputs that do not parse are left out) and that ``keep`` takes."""
    chunks = []
    for path in sorted([*ROOT.glob("test/**/*.mlir"), *ROOT.glob("examples/**/*.mlir")]):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for index, chunk in enumerate(text.split("// -----")):
            with ir.Context() as context:
                context.allow_unregistered_dialects = True
                try:
                    module = ir.Module.parse(chunk)
                except ir.MLIRError:
                    continue
                if keep(module):
                    chunks.append((f"{path.relative_to(ROOT)}#{index}", chunk))
    return chunks


def stub_python(directory: Path, package: str, init: str) -> str:
    """An interpreter (a wrapper script around this one) whose ``package``
    is a stand-in with ``init`` as its ``__init__.py``: a missing or
    broken install, for the frontends' child processes."""
    import sys

    stub = directory / "site" / package
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(init)
    wrapper = directory / "python"
    wrapper.write_text(
        f'#!/bin/sh\nPYTHONPATH="{directory / "site"}" exec "{sys.executable}" "$@"\n'
    )
    wrapper.chmod(0o755)
    return str(wrapper)
