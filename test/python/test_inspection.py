"""--report, --trace and --memory-plot, and their agreement with the
liveness table and with a hand calculation on the shipped example."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import BRANCH
from hyperoffload.cli.hyper_opt import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = str(REPO / "examples" / "decoder-mlp-scheduled.mlir")

# The example by hand: x and out are 16x256xf16 (8192 B each), each weight is
# 256x512xf16 (262144 B), gate and up are 16x512xf16 (16384 B each). The
# peak is reached when `up` is allocated: x, out, the up and down weights'
# device copies (the gate weight's was evicted), gate and up.
HAND_PEAK = 2 * 8192 + 2 * 262144 + 2 * 16384

FIGURES = {
    "peak_bytes": int,
    "peak_at": str,
    "peak_time_s": float,
    "static_peak_bytes": int,
    "makespan_s": float,
    "compute_s": float,
    "transfer_s": float,
    "transfer_by_direction_s": dict,
    "exposed_s": float,
    "overlap_ratio": (float, type(None)),
    "transfers": int,
}


def _report(tmp_path: Path, *args: str) -> dict[str, object]:
    path = tmp_path / "report.json"
    assert main([EXAMPLE, "-o", str(tmp_path / "out.mlir"), f"--report={path}", *args]) == 0
    return json.loads(path.read_text())


def test_report_schema(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert report["hardware"] == "h100-pcie"
    assert report["budget_bytes"] is None
    (function,) = report["functions"]
    assert function["name"] == "mlp"
    for key, kind in FIGURES.items():
        assert isinstance(function[key], kind), key
    assert "before" not in function  # no pipeline ran
    buffer = function["buffers"][0]
    assert set(buffer) >= {"name", "kind", "size_bytes", "defined_at", "last_use", "freed_at"}
    assert isinstance(buffer["uses"], list)
    for transfer in function["transfer_trace"]:
        assert set(transfer) >= {"direction", "buffer", "bytes", "start_s", "end_s", "slack_s"}


def test_report_agrees_with_liveness_and_hand_calculation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (function,) = _report(tmp_path)["functions"]
    assert function["peak_bytes"] == HAND_PEAK
    assert function["static_peak_bytes"] == HAND_PEAK
    assert main([EXAMPLE, "--cache-print-liveness", "-o", str(tmp_path / "o.mlir")]) == 0
    table = capsys.readouterr().err
    assert f"peak: {HAND_PEAK} bytes (560 KiB) at {function['peak_at']}" in table
    # Three weights of 262144 B, each 8 us + 262144 B / 64 GB/s on PCIe 5.
    assert function["transfers"] == 3
    assert function["transfer_s"] == pytest.approx(3 * (8e-6 + 262144 / 64e9))


def test_report_compares_before_and_after_a_pipeline(tmp_path: Path) -> None:
    report = _report(tmp_path, "--cache-strip-transfers", "--budget=1MiB", "--hw=gh200")
    assert report["hardware"] == "gh200"
    assert report["budget_bytes"] == 1 << 20
    (function,) = report["functions"]
    before = function["before"]
    assert before["peak_bytes"] == HAND_PEAK
    assert before["transfers"] == 3
    # Without transfers every weight is resident: + the gate weight.
    assert function["peak_bytes"] == HAND_PEAK + 262144
    assert function["transfers"] == 0 and function["overlap_ratio"] is None
    assert function["within_budget"] is True


def test_report_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([EXAMPLE, "-o", str(tmp_path / "o.mlir"), "--report=-"]) == 0
    assert json.loads(capsys.readouterr().out)["functions"][0]["name"] == "mlp"
    assert main([EXAMPLE, "--report=-"]) == 1
    assert "--report=- writes to standard output" in capsys.readouterr().err


def test_bad_inspection_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([EXAMPLE, "--report=/dev/null", "--hw=nope"]) == 1
    assert "unknown hardware profile 'nope'" in capsys.readouterr().err
    assert main([EXAMPLE, "--report=/dev/null", "--budget=lots"]) == 1
    assert "invalid --budget: expected a size" in capsys.readouterr().err


def test_analysis_errors_are_located_per_function(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "dynamic.mlir"
    source.write_text("func.func @d(%a: memref<?xf32>) {\n  return\n}\n")
    # A function that cannot be analysed is left out of the report alone,
    # with a located warning and its reason in its entry.
    assert main([str(source), "--report=" + str(tmp_path / "r.json"), "-o", "/dev/null"]) == 0
    err = capsys.readouterr().err
    assert (
        "dynamic.mlir:1:1: warning: the report leaves @d out: cannot size buffer %arg0: "
        "memref<?xf32> has a dynamic shape" in err
    )
    (entry,) = json.loads((tmp_path / "r.json").read_text())["functions"]
    assert entry["name"] == "d"
    assert entry["error"].startswith("cannot size buffer %arg0")
    # The other functions are still reported.
    both = tmp_path / "both.mlir"
    both.write_text(source.read_text() + "func.func @ok(%a: memref<4xf32>) {\n  return\n}\n")
    assert main([str(both), "--report=" + str(tmp_path / "r2.json"), "-o", "/dev/null"]) == 0
    d, ok = json.loads((tmp_path / "r2.json").read_text())["functions"]
    assert "error" in d and ok["name"] == "ok" and ok["peak_bytes"] == 16
    assert (
        main(
            [
                str(source),
                f"--report={tmp_path / 'r.json'}",
                "--dynamic-dim-bound=4",
                "-o",
                "/dev/null",
            ]
        )
        == 0
    )
    (function,) = json.loads((tmp_path / "r.json").read_text())["functions"]
    assert function["buffers"][0]["size_bytes"] == 16


def test_trace_has_the_expected_tracks(tmp_path: Path) -> None:
    path = tmp_path / "trace.json"
    assert main([EXAMPLE, "-o", str(tmp_path / "o.mlir"), f"--trace={path}"]) == 0
    trace = json.loads(path.read_text())
    events = trace["traceEvents"]
    threads = {e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "thread_name"}
    assert threads == {"compute", "pool_to_device[0]"}
    spans = [e for e in events if e["ph"] == "X"]
    assert {e["cat"] for e in spans} == {"compute", "stall", "pool_to_device"}
    assert all(e["dur"] >= 0 and e["ts"] >= 0 for e in spans)
    counters = [e for e in events if e["ph"] == "C"]
    assert counters and all(e["name"] == "device memory" for e in counters)
    assert max(e["args"]["bytes"] for e in counters) == HAND_PEAK


def test_memory_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "memory.png"
    svg = tmp_path / "memory.svg"
    out = str(tmp_path / "o.mlir")
    assert main([EXAMPLE, "-o", out, f"--memory-plot={png}", "--budget=600KiB"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    assert main([EXAMPLE, "-o", out, f"--memory-plot={svg}", "--budget=600KiB"]) == 0
    drawn = svg.read_text()
    # The title names the hardware, the legend the function and the budget.
    assert "Device memory over time (h100-pcie)" in drawn
    assert "@mlp" in drawn and "budget" in drawn
    assert main([EXAMPLE, "-o", out, f"--memory-plot={tmp_path / 'memory.gif'}"]) == 1
    assert "must be a .png or .svg file" in capsys.readouterr().err


def test_memory_plot_without_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = str(tmp_path / "o.mlir")
    assert main([EXAMPLE, "-o", out, f"--memory-plot={tmp_path / 'm.png'}"]) == 1
    assert "--memory-plot needs matplotlib" in capsys.readouterr().err


def test_report_of_one_command_from_tensors(tmp_path: Path) -> None:
    """Bufferization and offloading in one command: 'before' is the function
    the offload pipeline was given (not the tensor IR, whose peak is 0),
    simulated on the pipeline's hw=, with its budget; the saving is split
    into released dead buffers and offloading."""
    path = tmp_path / "report.json"
    source = str(REPO / "examples" / "torch" / "llama-tiny.linalg.mlir")
    args = ["--hyper-bufferize-pipeline", "--hyper-offload-pipeline=budget=75% hw=gh200"]
    assert main([source, *args, "-o", str(tmp_path / "o.mlir"), f"--report={path}"]) == 0
    report = json.loads(path.read_text())
    assert report["hardware"] == "gh200"
    (function,) = report["functions"]
    plan = function["plan"]
    # The bufferize pipeline already freed each buffer after its last use.
    assert function["before"]["peak_bytes"] == plan["peak_before_bytes"] == 101408
    assert plan["saved_by_release_bytes"] == 0
    assert function["budget_bytes"] == plan["budget_bytes"] == int(101408 * 0.75)
    assert function["within_budget"] is True
    assert plan["saved_by_offload_bytes"] == 101408 - function["peak_bytes"] > 0


def test_pipeline_releases_dead_buffers_first(tmp_path: Path) -> None:
    """IR whose deallocs all wait for the end of the block (as upstream
    ownership-based deallocation leaves them): the pipeline frees each
    buffer after its last use before offloading anything, and says so."""
    source = tmp_path / "held.mlir"
    source.write_text(
        """
func.func @held(%x: memref<256xf32>, %o: memref<256xf32>) {
  %a = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%a : memref<256xf32>)
  %b = memref.alloc() : memref<256xf32>
  linalg.copy ins(%a : memref<256xf32>) outs(%b : memref<256xf32>)
  %c = memref.alloc() : memref<256xf32>
  linalg.copy ins(%b : memref<256xf32>) outs(%c : memref<256xf32>)
  linalg.copy ins(%c : memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %a : memref<256xf32>
  memref.dealloc %b : memref<256xf32>
  memref.dealloc %c : memref<256xf32>
  return
}
"""
    )
    path = tmp_path / "report.json"
    out = tmp_path / "o.mlir"
    pipeline = "--hyper-offload-pipeline=budget=4KiB hw=gh200"
    assert main([str(source), pipeline, "-o", str(out), f"--report={path}"]) == 0
    (function,) = json.loads(path.read_text())["functions"]
    plan = function["plan"]
    # Given: x, o, a, b, c (1 KiB each); released: at most two allocations.
    assert plan["peak_before_bytes"] == 5 * 1024
    assert plan["peak_released_bytes"] == 4 * 1024
    assert plan["saved_by_release_bytes"] == 1024
    assert plan["saved_by_offload_bytes"] == 0
    text = out.read_text()
    assert "cache." not in text
    # Each dealloc follows the last use of its buffer.
    lines = [line.strip() for line in text.splitlines()]
    copy_b = lines.index(
        "linalg.copy ins(%alloc_0 : memref<256xf32>) outs(%alloc_1 : memref<256xf32>)"
    )
    assert lines[copy_b + 1] == "memref.dealloc %alloc_0 : memref<256xf32>"


def test_memory_series_is_the_simulated_curve() -> None:
    """The plotted curve starts at entry, ends at the makespan, and its
    highest step is the simulated peak."""
    from hyperoffload.hardware import load_profile
    from hyperoffload.ir_utils import functions_with_bodies
    from hyperoffload.sim import simulate
    from hyperoffload.sim.plot import memory_series
    from mlir import ir

    with ir.Context():
        module = ir.Module.parse(Path(EXAMPLE).read_text())
        (function,) = functions_with_bodies(module.operation)
        result = simulate(function, load_profile("h100-pcie"))
    times, values = memory_series(result)
    assert len(times) == len(values) == len(result.memory) + 1
    assert times[0] == 0.0 and times[-1] == result.makespan_s * 1e3
    assert times == sorted(times)
    assert max(values) * 2**20 == result.peak_bytes == HAND_PEAK


def test_summary_says_the_report_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--summary=- prints, per function, the report's peak and makespan
    before -> after, the copies and what moved; its figures are the JSON
    report's of the same run."""
    path = tmp_path / "report.json"
    llama = str(REPO / "examples" / "llama-7b-2layers-prefill.mlir")
    args = [llama, "--hyper-offload-pipeline=max-slowdown=1% hw=gh200", "-o", str(tmp_path / "o")]
    assert main([*args, f"--report={path}", "--summary=-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    (function,) = json.loads(path.read_text())["functions"]
    mib = 2**20
    before, after = function["before"]["peak_bytes"] / mib, function["peak_bytes"] / mib
    moved = [d for d in function["plan"]["plan"]["decisions"] if d["offloaded"]]
    assert lines[0] == f"@{function['name']} on gh200, simulated:"
    assert lines[1].split() == [
        "peak", "device", "memory", f"{before:.1f}", "MiB", "->", f"{after:.1f}", "MiB",
        f"({1 - after / before:.1%}", "less;", "budget", "found",
        f"{function['plan']['budget_bytes'] / mib:.1f}", "MiB)",
    ]  # fmt: skip
    assert lines[3].startswith(f"  transfers           {function['transfers']} copies")
    assert lines[4].startswith(f"  offloaded           {len(moved)} buffers")
    assert f"{moved[0]['buffer']} ({moved[0]['size_bytes'] / mib:.0f} MiB)" in lines[4]
    pooled = [b for b in function["buffers"] if b["kind"] == "argument" and b["remote"]]
    held = sum(b["size_bytes"] for b in pooled) / mib
    assert lines[5] == f"  in the pool         {len(pooled)} parameters, {held:.1f} MiB"
    assert main([llama, "--summary=-"]) == 1
    assert "--summary=- writes to standard output" in capsys.readouterr().err
    # Without a pipeline: the function as it is, sizes in the unit they need.
    assert main([EXAMPLE, "--summary=-", "-o", str(tmp_path / "o")]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "@mlp on h100-pcie, simulated:",
        f"  peak device memory  {'560.0 KiB':>13}",
        f"  makespan            {'36.431 us':>12}",
    ]


def test_outputs_get_the_mode_a_plain_write_gives(tmp_path: Path) -> None:
    """Written atomically, through a private temporary file, the IR and the
    reports still end up readable as mlir-opt's would (0666 less umask)."""
    import os
    import stat

    mask = os.umask(0o022)
    try:
        out, report = tmp_path / "out.mlir", tmp_path / "report.json"
        assert main([EXAMPLE, "-o", str(out), f"--report={report}"]) == 0
    finally:
        os.umask(mask)
    for path in (out, report):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_the_report_gives_each_path_of_a_branch(tmp_path: Path) -> None:
    """An scf.if on an argument: the figures follow the costlier region,
    and ``paths`` gives both regions simulated as the one taken (the then
    region's single 1 s fill, the else region's two and a temporary)."""
    source = tmp_path / "branch.mlir"
    source.write_text(BRANCH)
    unit = REPO / "test" / "Inputs" / "unit.toml"
    report = tmp_path / "r.json"
    arguments = [str(source), f"--hw={unit}", f"--report={report}", "-o", "/dev/null"]
    assert main(arguments) == 0
    (entry,) = json.loads(report.read_text())["functions"]
    assert entry["makespan_s"] == 2.0
    assert [
        (p["region"], p["makespan_s"], p["peak_bytes"], p["simulated"]) for p in entry["paths"]
    ] == [("then", 1.0, 4000, False), ("else", 2.0, 8000, True)]
    assert {p["at"] for p in entry["paths"]} == {"#1 scf.if"}
    assert entry["paths"][0]["location"].endswith(":3:3)")
