"""Chrome / Perfetto trace export (JSON trace events) of simulations.

Each function is a process; its tracks are threads: ``compute`` (ops and
``cache.wait`` stalls), one per copy engine and direction; device memory is
a counter track. Times are in microseconds, as the format wants. The file
loads in ui.perfetto.dev and chrome://tracing.
"""

from __future__ import annotations

import json
from typing import Any

from hyperoffload.sim.simulator import SimulationResult

_US = 1e6


def trace_events(results: list[SimulationResult]) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    for pid, result in enumerate(results, start=1):
        events.append(
            {
                "ph": "M",
                "pid": pid,
                "name": "process_name",
                "args": {"name": f"@{result.function} on {result.hardware}"},
            }
        )
        tracks = ["compute", *sorted({i.track for i in result.intervals} - {"compute", "stall"})]
        tids = {track: tid for tid, track in enumerate(tracks, start=1)}
        tids["stall"] = tids["compute"]
        for track, tid in tids.items():
            if track == "stall":
                continue
            events.append(
                {"ph": "M", "pid": pid, "tid": tid, "name": "thread_name", "args": {"name": track}}
            )
        for interval in result.intervals:
            events.append(
                {
                    "ph": "X",
                    "pid": pid,
                    "tid": tids[interval.track],
                    "name": "stall: cache.wait" if interval.track == "stall" else interval.name,
                    "cat": "stall" if interval.track == "stall" else interval.track.split("[")[0],
                    "ts": interval.start * _US,
                    "dur": (interval.end - interval.start) * _US,
                    "args": interval.args,
                }
            )
        for time, value in result.memory:
            events.append(
                {
                    "ph": "C",
                    "pid": pid,
                    "name": "device memory",
                    "ts": time * _US,
                    "args": {"bytes": value},
                }
            )
    return {"traceEvents": events, "displayTimeUnit": "ns"}


def write_trace(results: list[SimulationResult], path: str) -> None:
    from hyperoffload.output import write_text

    write_text(path, json.dumps(trace_events(results), indent=1) + "\n")
