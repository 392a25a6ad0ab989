"""The timeline simulator on hand-computable cases (unit-cost profile: a
fill of memref<1000xf32> takes 1 s of compute, a transfer of
memref<250xf32> takes 1 s on one copy engine)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from conftest import BRANCH, first_function, unit_profile
from hyperoffload.analysis.cost_model import CostModel, static_time
from hyperoffload.analysis.liveness import BufferLiveness
from hyperoffload.ir_utils import walk_preorder
from hyperoffload.sim import branch_points, simulate, simulate_paths
from hyperoffload.sim.simulator import DEVICE_TO_POOL, POOL_TO_DEVICE
from mlir import ir

HEADER = """func.func @f(%w: memref<250xf32, #cache.remote>, %v: memref<250xf32, #cache.remote>,
                %x: memref<1000xf32>, %s: f32) {
"""
FILL = "  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)\n"
PREFETCH_W = "  %dw, %tw = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>\n"
PREFETCH_V = "  %dv, %tv = cache.prefetch %v : memref<250xf32, #cache.remote> -> memref<250xf32>\n"


def run(body: str, engines: int = 1, latency: float = 0.0):
    module = ir.Module.parse(HEADER + body + "  return\n}\n")
    result = simulate(first_function(module), unit_profile(engines, latency))
    run.module = module  # type: ignore[attr-defined]
    return result


def test_full_overlap(context: ir.Context) -> None:
    # The 1 s copy hides behind 2 s of compute.
    result = run(PREFETCH_W + FILL + FILL + "  cache.wait %tw\n")
    assert result.makespan_s == pytest.approx(2.0)
    assert result.compute_s == pytest.approx(2.0)
    assert result.transfer_s[POOL_TO_DEVICE] == pytest.approx(1.0)
    assert result.exposed_s == 0.0
    assert result.overlap_ratio == 1.0
    (record,) = result.transfers
    assert (record.start_s, record.end_s, record.waited_s) == (0.0, 1.0, 2.0)
    assert record.slack_s == pytest.approx(1.0)


def test_no_overlap(context: ir.Context) -> None:
    # Waiting right after issue exposes the whole copy.
    result = run(PREFETCH_W + "  cache.wait %tw\n" + FILL)
    assert result.makespan_s == pytest.approx(2.0)
    assert result.exposed_s == pytest.approx(1.0)
    assert result.overlap_ratio == 0.0
    (record,) = result.transfers
    assert record.stall_s == pytest.approx(1.0)
    assert record.slack_s == pytest.approx(-1.0)
    stalls = [i for i in result.intervals if i.track == "stall"]
    assert [(i.start, i.end) for i in stalls] == [(0.0, 1.0)]


def test_without_timeline_the_figures_are_the_same(context: ir.Context) -> None:
    body = PREFETCH_W + "  cache.wait %tw\n" + FILL + PREFETCH_V + FILL + "  cache.wait %tv\n"
    full = run(body)
    figures = simulate(first_function(run.module), unit_profile(1, 0.0), timeline=False)  # type: ignore[attr-defined]
    assert full.intervals and not figures.intervals
    assert (figures.makespan_s, figures.exposed_s, figures.peak_bytes, figures.memory) == (
        full.makespan_s,
        full.exposed_s,
        full.peak_bytes,
        full.memory,
    )
    assert figures.transfers == full.transfers


@pytest.mark.parametrize(
    ("preset", "mode"),
    [("tiny", "budget=60%"), ("7b-32k", "budget=60%"), ("7b-32k", "max-slowdown=1%")],
)
def test_without_timeline_the_figures_are_the_same_on_planned_workloads(
    preset: str, mode: str
) -> None:
    """Stretch by stretch (no timeline) and op by op give the same floats
    on offloaded, scheduled workloads, which interleave compute with
    transfers, allocations and waits."""
    import dataclasses

    from hyperoffload.hardware import load_profile
    from hyperoffload.transforms import build_pass_manager
    from hyperoffload.workloads import LlamaConfig, generate_llama

    config = dataclasses.replace(LlamaConfig.preset(preset), layers=2)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config))
        build_pass_manager(f"builtin.module(hyper-offload-pipeline{{{mode} hw=gh200}})").run(
            module.operation
        )
        function = first_function(module)
        profile = load_profile("gh200")
        full = simulate(function, profile)
        figures = simulate(function, profile, timeline=False)
        assert full.transfers and not figures.intervals
        fields = ("makespan_s", "compute_s", "exposed_s", "peak_bytes", "peak_time_s", "peak_op")
        assert [getattr(figures, f) for f in fields] == [getattr(full, f) for f in fields]
        assert (figures.memory, figures.transfers) == (full.memory, full.transfers)


def test_names_are_printed_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Naming a value numbers the whole function: the pipeline, a figures
    simulation and a clean schedule check print no name; a result read
    for one names it as the printer does."""
    import dataclasses

    from hyperoffload import _native
    from hyperoffload.analysis.liveness import BufferLiveness
    from hyperoffload.analysis.schedule_rules import check_schedule
    from hyperoffload.hardware import load_profile
    from hyperoffload.transforms import build_pass_manager
    from hyperoffload.workloads import LlamaConfig, generate_llama

    printed: list[int] = []
    real = _native.value_names

    def counting(scope: ir.Operation, addresses: list[int]) -> list[str]:
        printed.append(len(addresses))
        return real(scope, addresses)

    monkeypatch.setattr(_native, "value_names", counting)
    config = dataclasses.replace(LlamaConfig.preset("tiny"), layers=2)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config))
        build_pass_manager(
            "builtin.module(hyper-offload-pipeline{budget=60% hw=gh200 prefer=largest})"
        ).run(module.operation)
        # One naming: the plan's decisions name every candidate.
        assert len(printed) == 1
        printed.clear()
        function = first_function(module)
        liveness = BufferLiveness(function)
        figures = simulate(function, load_profile("gh200"), liveness=liveness, timeline=False)
        assert check_schedule(function, liveness) == []
        assert figures.transfers and printed == []
        prefetched = next(b for b in liveness.buffers if b.kind == "prefetch")
        assert prefetched.name.startswith("%")
        assert len(printed) == 1
        names = {b.name for b in liveness.buffers}
        assert {t.buffer for t in figures.transfers} <= names
        assert figures.peak_op in names
        assert len(printed) == 1  # all printed at once, then kept


def test_partial_overlap(context: ir.Context) -> None:
    # Two copies on one engine end at 1 s and 2 s; 1 s of compute hides 1 s.
    result = run(PREFETCH_W + PREFETCH_V + FILL + "  cache.wait %tw, %tv\n")
    assert result.makespan_s == pytest.approx(2.0)
    assert result.exposed_s == pytest.approx(1.0)
    assert result.overlap_ratio == pytest.approx(0.5)
    assert [(t.start_s, t.end_s) for t in result.transfers] == [(0.0, 1.0), (1.0, 2.0)]


def test_two_engines_serve_copies_side_by_side(context: ir.Context) -> None:
    result = run(PREFETCH_W + PREFETCH_V + "  cache.wait %tw, %tv\n", engines=2)
    assert result.makespan_s == pytest.approx(1.0)
    assert sorted(t.engine for t in result.transfers) == [0, 1]
    assert result.transfer_s[POOL_TO_DEVICE] == pytest.approx(2.0)
    assert result.exposed_s == pytest.approx(1.0)
    assert result.overlap_ratio == pytest.approx(0.5)


def test_dependencies_and_latency(context: ir.Context) -> None:
    # The second copy depends on the first even with two engines; each copy
    # also pays 0.5 s of latency.
    body = (
        PREFETCH_W + "  %dv, %tv = cache.prefetch %v [%tw] : memref<250xf32, #cache.remote>"
        " -> memref<250xf32>\n" + "  cache.wait %tv\n"
    )
    result = run(body, engines=2, latency=0.5)
    assert [(t.start_s, t.end_s) for t in result.transfers] == [(0.0, 1.5), (1.5, 3.0)]
    assert result.makespan_s == pytest.approx(3.0)


def test_waits_block_only_for_their_tokens(context: ir.Context) -> None:
    # Waiting for the first copy stalls 1 s; the second finishes during the fill.
    body = PREFETCH_W + PREFETCH_V + "  cache.wait %tw\n" + FILL + "  cache.wait %tv\n"
    result = run(body)
    assert result.exposed_s == pytest.approx(1.0)
    assert result.makespan_s == pytest.approx(2.0)
    assert result.transfers[1].slack_s == pytest.approx(0.0)


def test_memory_timeline_and_peak(context: ir.Context) -> None:
    # %x (4000 B) is resident; each prefetch takes 1000 B at issue and gives
    # them back when its evict completes.
    body = (
        PREFETCH_W
        + "  cache.wait %tw\n"
        + "  %ew = cache.evict %dw : memref<250xf32>\n"
        + PREFETCH_V
        + FILL
        + "  cache.wait %tv\n"
        + "  %ev = cache.evict %dv : memref<250xf32>\n"
    )
    result = run(body)
    assert result.peak_bytes == 5000
    assert result.memory == [
        (0.0, 0),
        (0.0, 4000),
        (0.0, 5000),
        (1.0, 4000),
        (1.0, 5000),
        (2.0, 4000),
    ]
    assert result.peak_time_s == 0.0
    assert result.peak_op == "%result"


def test_write_back_frees_memory_when_the_copy_completes(context: ir.Context) -> None:
    body = (
        "  %pool = memref.alloc() : memref<250xf32, #cache.remote>\n"
        "  %a = memref.alloc() : memref<250xf32>\n"
        + "  %e = cache.evict %a to %pool : memref<250xf32> to memref<250xf32, #cache.remote>\n"
        + FILL
    )
    result = run(body)
    (record,) = result.transfers
    assert record.direction == DEVICE_TO_POOL
    assert (record.start_s, record.end_s) == (0.0, 1.0)
    # Memory: 4000 resident, +1000 for %a at 0, -1000 when the write-back ends.
    assert result.memory[-1] == (1.0, 4000)
    assert result.peak_bytes == 5000
    # Nobody waits: the copy overlaps the fill.
    assert record.waited_s is None and record.slack_s is None
    assert result.exposed_s == 0.0


def test_unwaited_copies_extend_the_makespan(context: ir.Context) -> None:
    result = run(PREFETCH_W + PREFETCH_V)
    assert result.makespan_s == pytest.approx(2.0)
    assert result.exposed_s == pytest.approx(2.0)
    assert result.overlap_ratio == 0.0


def test_no_transfers_means_no_overlap_ratio(context: ir.Context) -> None:
    result = run(FILL)
    assert result.overlap_ratio is None
    assert result.makespan_s == pytest.approx(1.0)


def test_loops_replay_their_bodies(context: ir.Context) -> None:
    body = (
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c3 = arith.constant 3 : index\n"
        "  scf.for %i = %c0 to %c3 step %c1 {\n"
        "  " + FILL + "  }\n"
        "  scf.for %i = %c0 to %c3 step %c1 {\n"
        "  " + PREFETCH_W + "    cache.wait %tw\n"
        "    %e = cache.evict %dw : memref<250xf32>\n"
        "  }\n"
    )
    result = run(body)
    # 3 fills, then 3 exposed copies, one after the other.
    assert result.compute_s == pytest.approx(3.0)
    assert len(result.transfers) == 3
    assert result.makespan_s == pytest.approx(6.0)
    assert result.peak_bytes == 5000


def test_branches_take_the_costlier_side_unless_constant(context: ir.Context) -> None:
    body = (
        "  %c = arith.constant false\n"
        "  scf.if %c {\n  " + FILL + "  " + FILL + "  }\n"
        "  %u = arith.cmpf olt, %s, %s : f32\n"
        "  scf.if %u {\n  " + FILL + "  } else {\n  " + FILL + "  " + FILL + "  }\n"
    )
    result = run(body)
    # The constant-false branch is skipped; the unknown one costs 2 s.
    assert result.compute_s == pytest.approx(2.0)


@pytest.mark.parametrize("timeline", [True, False])
def test_a_loop_body_runs_by_its_walked_positions_as_op_by_op(
    monkeypatch: pytest.MonkeyPatch, timeline: bool
) -> None:
    """A streamed scan's loop (prefetches, waits and evicts in its body)
    replayed from the walk's positions gives the floats, memory curve and
    transfers of the replay that makes a Python op per body op (the
    fallback for IR changed since the walk)."""
    import dataclasses

    from hyperoffload.hardware import load_profile
    from hyperoffload.sim import simulator
    from hyperoffload.transforms import build_pass_manager
    from hyperoffload.workloads import LlamaConfig, generate_llama

    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=6, tokens=256, context=256)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        build_pass_manager("builtin.module(hyper-offload-pipeline{budget=40% hw=gh200})").run(
            module.operation
        )
        function = first_function(module)
        assert "scf.for" in str(function) and "cache.wait" in str(function)
        profile = load_profile("gh200")
        fast = simulate(function, profile, timeline=timeline)
        monkeypatch.setattr(simulator, "_op_count", lambda region: -1)
        slow = simulate(function, profile, timeline=timeline)
    fields = ("makespan_s", "compute_s", "exposed_s", "peak_bytes", "peak_time_s", "peak_op")
    assert [getattr(fast, f) for f in fields] == [getattr(slow, f) for f in fields]
    assert (fast.memory, fast.transfers, fast.intervals) == (
        slow.memory,
        slow.transfers,
        slow.intervals,
    )
    assert len(fast.transfers) > config.layers


def _streamed_scan(layers: int) -> tuple[ir.Module, ir.Operation]:
    """A streamed, planned scan over ``layers`` Llama-7B-shaped layers
    (kept a loop, none of its iterations peeled: the same form at every
    layer count)."""
    import dataclasses

    from hyperoffload.transforms import build_pass_manager
    from hyperoffload.workloads import LlamaConfig, generate_llama

    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=layers, tokens=256, context=256)
    module = ir.Module.parse(generate_llama(config, "scan"))
    build_pass_manager(
        "builtin.module(hyper-offload-pipeline{budget=40% hw=gh200 peel-iterations=0})"
    ).run(module.operation)
    return module, first_function(module)


def _repeated_and_replayed(
    monkeypatch: pytest.MonkeyPatch,
    timeline: bool,
    program: Callable[[int], tuple[ir.Module, ir.Operation]],
    layers: int,
    longer: Sequence[int],
) -> tuple[Any, Any]:
    """The simulation of ``program(layers)`` with a loop's steady state
    repeated and with every iteration replayed; checks that the replay
    simulates more iterations and that the programs of ``longer`` layer
    counts simulate no more than the first."""
    from hyperoffload.hardware import load_profile
    from hyperoffload.sim import simulator

    profile = load_profile("gh200")
    simulated: list[int] = []
    original = simulator._Simulator._iteration
    same_as = simulator._Iteration.same_as

    def counting(self: simulator._Simulator, *args: object) -> object:
        simulated.append(1)
        return original(self, *args)

    with ir.Context():
        _held, function = program(layers)  # the module holds the function
        monkeypatch.setattr(simulator._Simulator, "_iteration", counting)
        repeated = simulate(function, profile, timeline=timeline)
        steady = len(simulated)
        monkeypatch.setattr(simulator._Iteration, "same_as", lambda self, other: False)
        replayed = simulate(function, profile, timeline=timeline)
        assert len(simulated) - steady > steady
        for count in longer:
            _longer_held, more = program(count)
            monkeypatch.setattr(simulator._Iteration, "same_as", same_as)
            simulated.clear()
            simulate(more, profile, timeline=timeline)
            assert len(simulated) == steady
    return repeated, replayed


def _assert_the_same_simulation(repeated: Any, replayed: Any) -> None:
    """The figures, copies (with when each is waited for and how long it
    stalls) and memory curve of the two, times to rounding."""
    assert repeated.peak_bytes == replayed.peak_bytes
    assert repeated.makespan_s == pytest.approx(replayed.makespan_s, rel=1e-12)
    assert repeated.exposed_s == pytest.approx(replayed.exposed_s, rel=1e-9, abs=1e-15)
    assert len(repeated.transfers) == len(replayed.transfers)
    for mine, theirs in zip(repeated.transfers, replayed.transfers, strict=True):
        assert (mine.direction, mine.bytes, mine.engine, mine.position) == (
            theirs.direction,
            theirs.bytes,
            theirs.engine,
            theirs.position,
        )
        assert mine.end_s == pytest.approx(theirs.end_s, rel=1e-12)
        assert (mine.waited_s is None) == (theirs.waited_s is None)
        if mine.waited_s is not None:
            assert mine.waited_s == pytest.approx(theirs.waited_s, rel=1e-12)
            assert mine.stall_s == pytest.approx(theirs.stall_s, rel=1e-9, abs=1e-15)
    assert [d for _, d in repeated.memory] == [d for _, d in replayed.memory]


@pytest.mark.parametrize("timeline", [True, False])
def test_a_loop_in_a_steady_state_is_repeated_not_replayed(
    monkeypatch: pytest.MonkeyPatch, timeline: bool
) -> None:
    """Once an iteration of a loop holding transfers repeats the one before
    (same duration, copies, memory events and engine state, relative to
    its start), the rest are appended shifted, not replayed: the figures,
    memory curve and copies are those of the replay of every iteration
    (times to rounding), and the iterations simulated do not grow with the
    trip count."""
    repeated, replayed = _repeated_and_replayed(monkeypatch, timeline, _streamed_scan, 12, (24, 48))
    _assert_the_same_simulation(repeated, replayed)


def _two_ahead_scan(layers: int) -> tuple[ir.Module, ir.Operation]:
    """A Llama-7B-shaped scan at decode streamed with each slice prefetched
    two iterations ahead (tokens carried across iterations)."""
    import dataclasses

    from hyperoffload.transforms import build_pass_manager
    from hyperoffload.workloads import LlamaConfig, generate_llama

    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=layers, tokens=1, context=256)
    module = ir.Module.parse(generate_llama(config, "scan"))
    build_pass_manager("cache-stream-loop-slices{distance=2 hw=gh200}").run(module.operation)
    return module, first_function(module)


@pytest.mark.parametrize("timeline", [True, False])
def test_tokens_carried_across_iterations_are_waited_and_repeated_as_replayed(
    monkeypatch: pytest.MonkeyPatch, timeline: bool
) -> None:
    """A wait on a token the loop carried in from the iteration before
    waits for that iteration's copy (on a link slower than the work, every
    iteration stalls there), and every copy is waited once. The steady
    state, whose copies are waited in the next iteration, repeats what
    replaying every iteration gives, and the iterations simulated do not
    grow with the trip count."""
    repeated, replayed = _repeated_and_replayed(monkeypatch, timeline, _two_ahead_scan, 10, (20,))
    with ir.Context():
        _held, function = _two_ahead_scan(10)  # the module holds the function
        assert "!cache.token) {" in str(function)
    transfers = replayed.transfers
    assert all(t.waited_s is not None for t in transfers if t.direction == POOL_TO_DEVICE)
    assert any(t.stall_s > 0 for t in transfers), "the carried waits stall"
    _assert_the_same_simulation(repeated, replayed)


WHILE_LOOP = """
func.func @f(%n: i32, %x: memref<1000xf32>, %s: f32) {{
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %r = scf.while (%i = %c0) : (i32) -> i32 {{
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i : i32
  }} do {{
  ^bb0(%i: i32):
    %t = memref.alloc() : memref<1000xf32>
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    memref.copy %t, %x : memref<1000xf32> to memref<1000xf32>
    memref.dealloc %t : memref<1000xf32>
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  }} {attributes}
  return
}}
"""


@pytest.mark.parametrize(("attributes", "trips"), [("", 1), ("{cache.trip_count_bound = 5}", 5)])
def test_a_while_loop_runs_its_bound(context: ir.Context, attributes: str, trips: int) -> None:
    """An scf.while runs once unless it has a cache.trip_count_bound, then
    that many times (an allocating body: replayed to a steady state); its
    peak is one iteration's either way."""
    text = WHILE_LOOP.format(attributes=f"attributes {attributes}" if attributes else "")
    module = ir.Module.parse(text)
    result = simulate(first_function(module), unit_profile())
    plain = ir.Module.parse(WHILE_LOOP.format(attributes=""))  # held: its function is used
    once = simulate(first_function(plain), unit_profile())
    assert once.makespan_s == pytest.approx(3.0)  # a 1 s fill, a 2 s copy through HBM
    assert result.makespan_s == pytest.approx(trips * once.makespan_s)
    assert result.compute_s == pytest.approx(trips * once.compute_s)
    assert result.peak_bytes == once.peak_bytes == 4000 + 4000
    # The cost model (what the planner times steps by) agrees.
    (loop,) = [op for op in walk_preorder(first_function(module)) if op.name == "scf.while"]
    assert static_time(CostModel(unit_profile()), loop) == pytest.approx(trips * 3.0)


CALLED = """
func.func private @g(%w: memref<250xf32, #cache.remote>, %x: memref<1000xf32>, %s: f32) {
  %dw, %tw = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  cache.wait %tw
  %e = cache.evict %dw : memref<250xf32>
  return
}
func.func private @plain(%x: memref<1000xf32>, %s: f32) {
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  return
}
func.func @f(%w: memref<250xf32, #cache.remote>, %v: memref<250xf32, #cache.remote>,
             %x: memref<1000xf32>, %s: f32) {
  %dv, %tv = cache.prefetch %v : memref<250xf32, #cache.remote> -> memref<250xf32>
  func.call @plain(%x, %s) : (memref<1000xf32>, f32) -> ()
  func.call @g(%w, %x, %s) : (memref<250xf32, #cache.remote>, memref<1000xf32>, f32) -> ()
  cache.wait %tv
  %e = cache.evict %dv : memref<250xf32>
  return
}
"""


@pytest.mark.parametrize("timeline", [True, False])
def test_a_callee_that_moves_data_runs_on_the_callers_engines(
    context: ir.Context, timeline: bool
) -> None:
    """@g prefetches its own weight (a clone planned per call site would):
    its copy queues behind the caller's %v on the one engine (issued at 1 s,
    it runs 1-2 s), hides behind @g's 2 s of fills, and its device copy
    counts while it is held; @plain, which moves nothing, still runs as one
    step. 3 s of compute, no stall; peak: %x (4000 B) + both copies."""
    module = ir.Module.parse(CALLED)
    function = module.body.operations[2].operation
    result = simulate(function, unit_profile(1, 0.0), timeline=timeline)
    assert result.makespan_s == pytest.approx(3.0)
    assert result.exposed_s == 0.0
    assert [(r.start_s, r.end_s, r.waited_s) for r in result.transfers] == [
        (0.0, 1.0, 3.0),
        (1.0, 2.0, 3.0),
    ]
    assert result.peak_bytes == 4000 + 1000 + 1000


def test_each_path_of_a_branch_is_simulated(context: ir.Context) -> None:
    """On a condition that is not a constant the simulation follows the
    region with more compute (the else: two 1 s fills and a 4000 B
    temporary); forced, the then region runs alone; simulate_paths gives
    both, the default marked."""
    module = ir.Module.parse(BRANCH)
    function = first_function(module)
    liveness = BufferLiveness(function)
    (point,) = branch_points(liveness)
    assert liveness.order.names[point] == "scf.if"
    default = simulate(function, unit_profile(), liveness=liveness)
    then = simulate(function, unit_profile(), liveness=liveness, paths={point: 0})
    assert (default.makespan_s, default.peak_bytes) == (2.0, 8000)
    assert (then.makespan_s, then.peak_bytes) == (1.0, 4000)
    paths = simulate_paths(function, unit_profile(), liveness)
    assert [(p.region, p.makespan_s, p.peak_bytes, p.default) for p in paths] == [
        (0, 1.0, 4000, False),
        (1, 2.0, 8000, True),
    ]


def test_a_constant_condition_or_no_else_is_no_branch_point(context: ir.Context) -> None:
    constant = BRANCH.replace("%c: i1) {", "%unused: i1) {\n  %c = arith.constant true")
    no_else = """
    func.func @f(%x: memref<1000xf32>, %s: f32, %c: i1) {
      scf.if %c {
        linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
      }
      return
    }
    """
    for source in (constant, no_else):
        module = ir.Module.parse(source)
        assert branch_points(BufferLiveness(first_function(module))) == []
