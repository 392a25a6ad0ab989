"""Device memory over time as a PNG or SVG plot (needs matplotlib, the
``plot`` extra)."""

from __future__ import annotations

import io
from pathlib import Path

from hyperoffload.sim.simulator import SimulationResult


class PlotError(Exception):
    """The plot cannot be drawn (matplotlib missing, unknown format)."""


def memory_series(result: SimulationResult) -> tuple[list[float], list[float]]:
    """The step curve the plot draws for ``result``: times in ms, device
    memory in MiB, each value holding until the next time, the last one
    until the end of the function."""
    times = [t * 1e3 for t, _ in result.memory] + [result.makespan_s * 1e3]
    values = [v / 2**20 for _, v in result.memory]
    values.append(values[-1] if values else 0.0)
    return times, values


def plot_memory(results: list[SimulationResult], path: str, budget: int | None = None) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise PlotError(f"memory plot must be a .png or .svg file, got '{path}'")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotError(
            "--memory-plot needs matplotlib: pip install 'hyperoffload-mlir[plot]'"
        ) from None
    # Text stays text in an SVG (searchable, editable), not glyph paths.
    matplotlib.rcParams["svg.fonttype"] = "none"
    figure, axis = plt.subplots(figsize=(9, 4.5))
    for result in results:
        times, values = memory_series(result)
        axis.step(times, values, where="post", label=f"@{result.function}")
    if budget is not None:
        axis.axhline(budget / 2**20, color="red", linestyle="--", label="budget")
    axis.set_xlabel("time (ms)")
    axis.set_ylabel("device memory (MiB)")
    hardware = results[0].hardware if results else ""
    axis.set_title(f"Device memory over time ({hardware})")
    axis.legend()
    axis.grid(alpha=0.3)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=suffix[1:], bbox_inches="tight")
    plt.close(figure)
    from hyperoffload.output import write_bytes

    write_bytes(path, buffer.getvalue())
