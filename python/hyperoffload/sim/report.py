"""Inspection outputs: the liveness table, and the JSON report of liveness
plus simulation that ``hyper-opt --report`` writes."""

from __future__ import annotations

import re
from typing import Any

from mlir import ir

from hyperoffload.analysis.liveness import Buffer, BufferLiveness
from hyperoffload.ir_utils import REMOTE_SPACE
from hyperoffload.sim.simulator import BranchPath, SimulationResult
from hyperoffload.sizes import format_bytes

MAX_LISTED_USES = 6


def _uses_text(buffer: Buffer) -> str:
    parts = [f"#{use.position} {use.effect}" for use in buffer.uses[:MAX_LISTED_USES]]
    more = len(buffer.uses) - MAX_LISTED_USES
    if more > 0:
        parts.append(f"... ({more} more)")
    return ", ".join(parts) if parts else "-"


def _space_label(space: str) -> str:
    """How the table names a buffer's memory space."""
    return "remote" if space == REMOTE_SPACE else f"space {space}, not device"


def liveness_table(liveness: BufferLiveness) -> str:
    """The human-readable liveness table of one function."""
    order = liveness.order
    header = ("buffer", "kind", "size", "defined at", "last use", "freed at", "uses")
    rows = []
    for buffer in liveness.buffers:
        size = f"{buffer.size} ({format_bytes(buffer.size)})"
        kind = f"{buffer.kind}, {_space_label(buffer.space)}" if buffer.space else buffer.kind
        last = order.describe(buffer.last_use) if buffer.last_use is not None else "unused"
        rows.append(
            (
                buffer.name,
                kind,
                size,
                order.describe(buffer.defined_at),
                last,
                order.describe(buffer.freed_at),
                _uses_text(buffer),
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [f"// -----// Buffer liveness: @{liveness.name} ({len(order)} ops) //----- //"]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    live = liveness.live_at(liveness.peak_at)
    lines.append(
        f"peak: {liveness.peak_bytes} bytes ({format_bytes(liveness.peak_bytes)}) "
        f"at {order.describe(liveness.peak_at)}"
    )
    items = [f"{b.name} ({b.size})" for b in live]
    at_peak = liveness.call_bytes.get(liveness.peak_at)
    if at_peak:
        items.append(f"{_callee_name(liveness, liveness.peak_at)}'s own ({at_peak})")
    lines.append(f"live at peak: {', '.join(items) if items else 'none'}")
    if liveness.call_bytes:
        calls = ", ".join(
            f"#{p} {_callee_name(liveness, p)} ({held})" for p, held in liveness.call_bytes.items()
        )
        lines.append(f"held by calls beyond their arguments: {calls}")
    return "\n".join(lines) + "\n"


def _callee_name(liveness: BufferLiveness, position: int) -> str:
    callee = liveness.order.callee(position)
    return "?" if callee is None else "@" + ir.StringAttr(callee.attributes["sym_name"]).value


def _location(liveness: BufferLiveness, position: int) -> str | None:
    if position <= 0 or position >= liveness.order.end_position:
        return None
    return str(liveness.order.ops[position].location)


def buffer_json(liveness: BufferLiveness, buffer: Buffer) -> dict[str, Any]:
    order = liveness.order
    return {
        "name": buffer.name,
        "kind": buffer.kind,
        "type": str(buffer.type),
        "remote": buffer.remote,
        "memory_space": buffer.space,
        "size_bytes": buffer.size,
        "defined_at": order.describe(buffer.defined_at),
        "defined_position": buffer.defined_at,
        "last_use": order.describe(buffer.last_use) if buffer.last_use is not None else None,
        "last_use_position": buffer.last_use,
        "freed_at": order.describe(buffer.freed_at),
        "freed_position": buffer.freed_at,
        "freed_by": buffer.freed_by,
        "escapes": buffer.escapes,
        "uses": [
            {"position": use.position, "op": use.op_name, "effect": use.effect}
            for use in buffer.uses
        ],
    }


def liveness_json(liveness: BufferLiveness) -> dict[str, Any]:
    """The liveness of one function as JSON-ready data."""
    order = liveness.order
    return {
        "name": liveness.name,
        "ops": len(order),
        "peak_bytes": liveness.peak_bytes,
        "peak_at": order.describe(liveness.peak_at),
        "peak_position": liveness.peak_at,
        "peak_location": _location(liveness, liveness.peak_at),
        "live_at_peak": [b.name for b in liveness.live_at(liveness.peak_at)],
        "call_bytes": [
            {"position": p, "callee": _callee_name(liveness, p), "bytes": held}
            for p, held in liveness.call_bytes.items()
        ],
        "buffers": [buffer_json(liveness, b) for b in liveness.buffers],
        "profile": liveness.profile,
    }


def figures(liveness: BufferLiveness, simulation: SimulationResult) -> dict[str, Any]:
    """The headline figures of one function (the 'before' block too)."""
    return {
        "peak_bytes": simulation.peak_bytes,
        "peak_at": liveness.order.describe(liveness.peak_at),
        "peak_time_s": simulation.peak_time_s,
        "static_peak_bytes": liveness.peak_bytes,
        "makespan_s": simulation.makespan_s,
        "compute_s": simulation.compute_s,
        "transfer_s": simulation.total_transfer_s,
        "transfer_by_direction_s": dict(simulation.transfer_s),
        "exposed_s": simulation.exposed_s,
        "overlap_ratio": simulation.overlap_ratio,
        "transfers": len(simulation.transfers),
    }


_REGIONS = ("then", "else")


def paths_json(liveness: BufferLiveness, paths: list[BranchPath]) -> list[dict[str, Any]]:
    """Each region of each branch point simulated as the path taken
    (:func:`hyperoffload.sim.simulator.simulate_paths`)."""
    return [
        {
            "at": liveness.order.describe(path.position),
            "location": _location(liveness, path.position),
            "region": _REGIONS[path.region],
            "peak_bytes": path.peak_bytes,
            "makespan_s": path.makespan_s,
            "simulated": path.default,
        }
        for path in paths
    ]


def function_report(
    liveness: BufferLiveness,
    simulation: SimulationResult,
    before: dict[str, Any] | None = None,
    budget: int | None = None,
    paths: list[BranchPath] | None = None,
) -> dict[str, Any]:
    """The report entry of one function; with ``paths``, each path of its
    branch points simulated (the figures above follow the costlier)."""
    entry: dict[str, Any] = {"name": liveness.name, **figures(liveness, simulation)}
    if paths:
        entry["paths"] = paths_json(liveness, paths)
    if budget is not None:
        entry["budget_bytes"] = budget
        entry["within_budget"] = simulation.peak_bytes <= budget
    entry["buffers"] = [buffer_json(liveness, b) for b in liveness.buffers]
    entry["transfer_trace"] = [
        {
            "direction": t.direction,
            "buffer": t.buffer,
            "bytes": t.bytes,
            "engine": t.engine,
            "issued_s": t.issued_s,
            "start_s": t.start_s,
            "end_s": t.end_s,
            "waited_s": t.waited_s,
            "slack_s": t.slack_s,
            "stall_s": t.stall_s,
            "issued_at": liveness.order.describe(t.position),
        }
        for t in simulation.transfers
    ]
    if before is not None:
        entry["before"] = before
    return entry


def summary_text(document: dict[str, Any], hardware: str) -> str:
    """``hyper-opt --summary``: the report's headline per function, in
    words: peak and makespan before -> after where a pipeline ran on it
    (the offload pipeline's own 'before' where it planned the function),
    the copies, each path of each branch point (an ``scf.if`` on a value:
    the figures above follow its costlier region), and what dead-buffer
    release, slice streaming and planning inside branches saved (and how
    many stacked parameters peeling or splitting split), what the
    plan moved to the pool and which parameters are in the pool, where the
    offload pipeline planned it."""
    lines: list[str] = []
    for entry in document["functions"]:
        if "error" in entry:
            lines.append(f"@{entry['name']}: not analysed: {entry['error']}")
            continue
        plan = entry.get("plan")
        before = entry.get("before")
        if before is not None and not before["peak_bytes"]:
            before = None  # its input held no buffers (tensors): nothing to compare
        peak, span = entry["peak_bytes"], entry["makespan_s"]
        lines.append(f"@{entry['name']} on {hardware}, simulated:")
        if before is None:
            lines.append(f"  peak device memory  {_size(peak):>13}")
            lines.append(f"  makespan            {_time(span):>12}")
        else:
            was, span_was = before["peak_bytes"], before["makespan_s"]
            line = f"  peak device memory  {_size(was):>13} -> {_size(peak):>13}"
            line += f" ({1 - peak / was:.1%} less" if was else " (n/a"
            if isinstance(plan, dict) and plan.get("budget_bytes") is not None:
                line += f"; budget found {_size(plan['budget_bytes'])}"
            lines.append(line + ")")
            change = f"{span / span_was - 1:+.2%}" if span_was else "n/a"
            times = f"{_time(span_was):>12}  -> {_time(span):>12}"
            lines.append(f"  makespan            {times}  ({change})")
        overlap = entry["overlap_ratio"]
        lines.append(
            f"  transfers           {entry['transfers']} copies, "
            f"{entry['transfer_s'] * 1e3:.3f} ms on the link, "
            + (f"overlap {overlap:.1%}, " if overlap is not None else "")
            + f"exposed {_time(entry['exposed_s'])}"
        )
        for at in dict.fromkeys(path["at"] for path in entry.get("paths", ())):
            regions = [path for path in entry["paths"] if path["at"] == at]
            location = regions[0]["location"]
            where = f" at {_file_line(location)}" if location else ""
            lines.append(
                f"  branch {at}{where}: "
                + "; ".join(
                    f"{path['region']}{' (simulated above)' if path['simulated'] else ''} "
                    f"peak {_size(path['peak_bytes'])}, makespan {_time(path['makespan_s'])}"
                    for path in regions
                )
            )
        if isinstance(plan, dict) and "plan" in plan:
            released = plan.get("saved_by_release_bytes") or 0
            if released:
                lines.append(f"  released dead       {_size(released)}")
            peeled = plan.get("peeled_iterations")
            unrolled = plan.get("unrolled_fully")
            if peeled or unrolled:
                split = plan.get("split_parameters") or []
                given = len({row[1] for row in split})
                how = "loops unrolled fully" if unrolled else f"peel-iterations={peeled}"
                lines.append(
                    f"  split parameters    {given} into {len(split)} (cache.slices; {how})"
                )
            streamed = plan.get("saved_by_streaming_bytes") or 0
            if streamed:
                # Stacked weights fetched slice by slice: not in the plan's list.
                how = {
                    "two-ahead": " (prefetched two iterations ahead)",
                    "in-place": " (prefetched in place)",
                }
                lines.append(
                    f"  streamed slices     {_size(streamed)} less peak"
                    + how.get(str(plan.get("loop_streaming")), "")
                )
            if plan.get("planned_along_path"):
                lines.append(
                    "  early exit          planned along the costlier path "
                    "(what it fetched before the branch, the exit drops)"
                )
            regions = plan.get("saved_by_regions_bytes") or 0
            if regions:
                # Weights planned inside branch regions: not in the plan's list.
                lines.append(f"  planned in branches {_size(regions)} less peak")
            decisions = plan.get("plan", {}).get("decisions", [])
            moved = [d for d in decisions if d["offloaded"]]
            names = ", ".join(f"{d['buffer']} ({_size(d['size_bytes'], 0)})" for d in moved[:3])
            more = ", ..." if len(moved) > 3 else ""
            total = sum(d["size_bytes"] for d in moved)
            lines.append(
                f"  offloaded           {len(moved)} buffers, {_size(total)}"
                + (f": {names}{more}" if moved else "")
            )
            # Whatever moved them (the plan, streaming, region plans,
            # callees): the parameters the function now takes in the pool.
            pooled = [
                b for b in entry.get("buffers", ()) if b["kind"] == "argument" and b["remote"]
            ]
            if pooled:
                held = sum(b["size_bytes"] for b in pooled)
                lines.append(f"  in the pool         {len(pooled)} parameters, {_size(held)}")
    return "\n".join(lines) + "\n"


def _file_line(location: str) -> str:
    """``file:line:col`` of a printed ``loc("file":line:col)``, else it."""
    found = re.fullmatch(r'loc\("(.*)":(\d+):(\d+)\)', location)
    return f"{found[1]}:{found[2]}:{found[3]}" if found else location


def _time(seconds: float) -> str:
    """Seconds for people: ms from 1 ms, else us."""
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3f} ms"
    return f"{seconds * 1e6:.3f} us"


def _size(count: int, digits: int = 1) -> str:
    """Bytes for people: MiB from 1 MiB, KiB from 1 KiB, else bytes."""
    for unit, scale in (("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            return f"{count / scale:.{digits}f} {unit}"
    return f"{count} B"
