"""Device-memory budgets: bytes, sizes with units, or a percentage of the
function's unoffloaded peak."""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.analysis.program import symbol_scope
from hyperoffload.sizes import format_bytes, parse_bytes


@dataclasses.dataclass(frozen=True)
class Budget:
    """Either an absolute size or a fraction of the unoffloaded peak."""

    bytes: int | None = None
    fraction: float | None = None

    @staticmethod
    def parse(text: str) -> Budget:
        """``"512MiB"``, ``"1000000"``, ``"74%"``."""
        stripped = text.strip()
        if stripped.endswith("%"):
            try:
                percent = float(stripped[:-1])
            except ValueError:
                raise ValueError(f"expected a percentage such as 74%, got '{text}'") from None
            if not 0 < percent <= 100:
                raise ValueError(f"a percentage budget must be in (0, 100], got '{text}'")
            return Budget(fraction=percent / 100)
        return Budget(bytes=parse_bytes(stripped))

    def resolve(
        self,
        function: ir.Operation,
        dynamic_dim_bound: int | None = None,
        liveness: BufferLiveness | None = None,
    ) -> int:
        """The budget in bytes for ``function``; ``liveness``, if given, is
        the current analysis of ``function`` and spares recomputing it when
        the function holds no transfers and no remote buffer."""
        if self.bytes is not None:
            return self.bytes
        assert self.fraction is not None
        if (
            liveness is not None
            and not any(buffer.remote for buffer in liveness.buffers)
            and not any(name.startswith("cache.") for name in liveness.order.names[1:])
        ):
            return int(liveness.peak_bytes * self.fraction)
        return int(unoffloaded_peak(function, dynamic_dim_bound) * self.fraction)

    def __str__(self) -> str:
        if self.bytes is not None:
            return format_bytes(self.bytes)
        return f"{self.fraction * 100:g}% of the unoffloaded peak"  # type: ignore[operator]


def unoffloaded_peak(function: ir.Operation, dynamic_dim_bound: int | None = None) -> int:
    """Device-memory peak of ``function`` with every buffer on the device:
    the peak of a copy with its transfers stripped."""
    from hyperoffload.transforms.strip_transfers import strip_transfers

    clone = function.clone()
    strip_transfers(clone)
    # The clone is detached: its calls find their callees in the module.
    symbols = symbol_scope(function)
    return BufferLiveness(clone, dynamic_dim_bound=dynamic_dim_bound, symbols=symbols).peak_bytes
