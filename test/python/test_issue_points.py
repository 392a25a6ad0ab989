"""Issuing streamed prefetches when their copies start
(hyperoffload.transforms.issue_points): the block timeline it reads, and
that moving them keeps the simulated makespan and the computed bits while
the peak drops."""

from __future__ import annotations

import dataclasses
import pathlib

import pytest
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.hardware import load_profile
from hyperoffload.sim.simulator import simulate
from hyperoffload.transforms.issue_points import block_timeline, issue_in_function
from hyperoffload.transforms.stream_loop_slices import stream_function
from hyperoffload.workloads import LlamaConfig, generate_llama
from mlir import ir

UNIT = pathlib.Path(__file__).parents[1] / "Inputs" / "unit.toml"

# Two slices per iteration: %a's read first, %b's after two 1 s fills (a
# slice's copy takes 1 s on the unit profile).
SCAN = """
func.func @scan(%a: memref<4x250xf32>, %b: memref<4x250xf32>, %x: memref<250xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<1000xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %sa = memref.subview %a[%i, 0] [1, 250] [1, 1]
        : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [1, 250] [1, 1]
        : memref<4x250xf32> to memref<250xf32, strided<[1], offset: ?>>
    linalg.add ins(%x, %sa : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>)
        outs(%x : memref<250xf32>)
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
    linalg.add ins(%x, %sb : memref<250xf32>, memref<250xf32, strided<[1], offset: ?>>)
        outs(%x : memref<250xf32>)
  }
  memref.dealloc %t : memref<1000xf32>
  return
}
"""


def _moved(source: str) -> tuple[int, bool]:
    """How many prefetches of the one function of ``source`` move on the
    unit profile, and whether its text is unchanged."""
    with ir.Context():
        module = ir.Module.parse(source)
        function = module.body.operations[0].operation
        text = str(function)
        moved = issue_in_function(function, load_profile(str(UNIT)))
        return moved, str(function) == text


def _kernel(function: ir.Operation) -> ir.Block:
    (loop,) = [op for op in function.regions[0].blocks[0].operations if op.name == "scf.for"]
    return loop.regions[0].blocks[0]


def test_the_timeline_queues_the_copies_and_waits_for_them() -> None:
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(SCAN)
        function, _ = stream_function(module.body.operations[0].operation)
        timeline = block_timeline(_kernel(function), hardware)
        names = [op.name for op in timeline.ops]
        prefetches = [i for i, name in enumerate(names) if name == "cache.prefetch"]
        # Both issued at the top: one engine, one after the other.
        assert [timeline.copies[i] for i in prefetches] == [(0.0, 1.0), (1.0, 2.0)]
        fills = [timeline.begin[i] for i, name in enumerate(names) if name == "linalg.fill"]
        adds = [i for i, name in enumerate(names) if name == "linalg.add"]
        add = timeline.begin[adds[1]] - timeline.begin[adds[0]] - 2.0
        assert fills == pytest.approx([add, add + 1.0])
        # The waits at the end cost nothing: both copies are done by then.
        assert timeline.end == pytest.approx(2 * add + 2.0)


def test_each_prefetch_moves_to_where_its_copy_starts() -> None:
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(SCAN)
        function, _ = stream_function(module.body.operations[0].operation)
        before = simulate(function, hardware, timeline=False)
        kernel = _kernel(function)
        moved = issue_in_function(function, hardware)
        names = [op.name for op in kernel.operations]
        after = simulate(function, hardware, timeline=False)
        assert check_schedule(function) == []
    # The kernel's %b[i+1] waits behind %a[i+1]'s copy: issued after %a[i]
    # is read and evicted. The peeled iteration's later slices move too.
    assert moved > 1
    first_add = names.index("linalg.add")
    assert names[first_add : first_add + 3] == ["linalg.add", "cache.evict", "cache.prefetch"]
    assert after.makespan_s == pytest.approx(before.makespan_s)
    assert after.peak_bytes == before.peak_bytes - 1000


def test_a_token_leaving_its_block_keeps_the_prefetch_in_place() -> None:
    # Both are slices of a parameter in the pool; the second's copy starts
    # after the first's (1 s), but its token is returned: it stays.
    source = """
    func.func @f(%w: memref<2x250xf32, #cache.remote>, %x: memref<250xf32>, %s: f32,
                 %t: memref<1000xf32>) -> !cache.token {
      %s0 = memref.subview %w[0, 0] [1, 250] [1, 1]
          : memref<2x250xf32, #cache.remote> to memref<250xf32, strided<[1]>, #cache.remote>
      %s1 = memref.subview %w[1, 0] [1, 250] [1, 1]
          : memref<2x250xf32, #cache.remote>
            to memref<250xf32, strided<[1], offset: 250>, #cache.remote>
      %d, %tok = cache.prefetch %s0
          : memref<250xf32, strided<[1]>, #cache.remote> -> memref<250xf32>
      %e, %tok2 = cache.prefetch %s1
          : memref<250xf32, strided<[1], offset: 250>, #cache.remote> -> memref<250xf32>
      linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
      linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
      cache.wait %tok
      linalg.add ins(%x, %d : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
      return %tok2 : !cache.token
    }
    """
    assert _moved(source) == (0, True)
    # Waited for in the block, it moves to where its copy starts.
    waited = source.replace(") -> !cache.token {", ") {").replace(
        "return %tok2 : !cache.token", "cache.wait %tok2\n      return"
    )
    assert _moved(waited) == (1, False)


def test_a_prefetch_of_a_whole_buffer_stays_where_the_planner_put_it() -> None:
    # Not a streamed slice (a view of a parameter in the pool): what it
    # reads may be written back before it, so it is not the streaming's to move.
    source = """
    func.func @f(%w: memref<250xf32, #cache.remote>, %v: memref<250xf32, #cache.remote>,
                 %x: memref<250xf32>, %s: f32, %t: memref<1000xf32>) {
      %d, %tok = cache.prefetch %w : memref<250xf32, #cache.remote> -> memref<250xf32>
      %e, %tok2 = cache.prefetch %v : memref<250xf32, #cache.remote> -> memref<250xf32>
      linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
      linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
      cache.wait %tok, %tok2
      linalg.add ins(%d, %e : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
      return
    }
    """
    assert _moved(source) == (0, True)


def test_at_prefill_slices_queued_behind_the_link_are_not_held() -> None:
    # Llama-7B-shaped layers at prefill on GH200: the link is busy all the
    # time, so each slice's copy starts long after the iteration does.
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=4, tokens=2048)
    hardware = load_profile("gh200")
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        function, _ = stream_function(module.body.operations[0].operation)
        before = simulate(function, hardware, timeline=False)
        assert issue_in_function(function, hardware) > 0
        after = simulate(function, hardware, timeline=False)
    assert after.makespan_s == pytest.approx(before.makespan_s, rel=1e-9)
    # At least one 86 MiB slice (an MLP weight's) fewer at the peak.
    assert before.peak_bytes - after.peak_bytes >= 86 * 2**20


def test_a_peeled_loops_first_slices_are_fetched_behind_the_peeled_work() -> None:
    """With the first iteration peeled off (cache-peel-loop-slices), the
    loop's first slice is prefetched at the peeled iteration's end and
    waited for at once; issue_ahead moves it above the peeled work, so it
    hides there: a shorter makespan, no higher peak, still valid."""
    from hyperoffload.transforms.issue_points import issue_ahead_in_function
    from hyperoffload.transforms.peel_loop_slices import peel_loop_slices

    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(SCAN)
        function, _ = peel_loop_slices(module.body.operations[0].operation, 1)
        function, _ = stream_function(function)
        issue_in_function(function, hardware)
        before = simulate(function, hardware)
        body = function.regions[0].blocks[0]

        def compute_before_first_wait() -> int:
            """The linalg ops between the block's first prefetch and its
            first wait: the work the first copy hides behind."""
            names = [op.name for op in body.operations]
            between = names[names.index("cache.prefetch") : names.index("cache.wait")]
            return sum(name.startswith("linalg.") for name in between)

        assert compute_before_first_wait() == 0
        assert issue_ahead_in_function(function, hardware) >= 1
        after = simulate(function, hardware)
        # Behind the peeled iteration's last fill and add (1 s of copy,
        # 1 s of fill): no earlier, so it holds its buffer no longer.
        assert compute_before_first_wait() == 2
        assert after.makespan_s < before.makespan_s
        assert after.peak_bytes <= before.peak_bytes
        assert check_schedule(function) == []
        # Moved once, nothing moves again.
        assert issue_ahead_in_function(function, hardware) == 0


# Two slices issued after five 1 s fills, the larger (4 s of copy) first,
# though the smaller (1 s) is waited for first: it queues behind the larger.
QUEUED = """
func.func @f(%a: memref<2x250xf32, #cache.remote>, %b: memref<2x1000xf32, #cache.remote>,
             %x: memref<250xf32>, %y: memref<1000xf32>, %s: f32) {
  %t = memref.alloc() : memref<1000xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  %va = memref.subview %a[0, 0] [1, 250] [1, 1]
      : memref<2x250xf32, #cache.remote> to memref<250xf32, strided<[1]>, #cache.remote>
  %vb = memref.subview %b[0, 0] [1, 1000] [1, 1]
      : memref<2x1000xf32, #cache.remote> to memref<1000xf32, strided<[1]>, #cache.remote>
  %db, %tb = cache.prefetch %vb
      : memref<1000xf32, strided<[1]>, #cache.remote> -> memref<1000xf32>
  %da, %ta = cache.prefetch %va
      : memref<250xf32, strided<[1]>, #cache.remote> -> memref<250xf32>
  cache.wait %ta
  linalg.add ins(%x, %da : memref<250xf32>, memref<250xf32>) outs(%x : memref<250xf32>)
  %ea = cache.evict %da : memref<250xf32>
  linalg.fill ins(%s : f32) outs(%t : memref<1000xf32>)
  cache.wait %tb
  linalg.add ins(%y, %db : memref<1000xf32>, memref<1000xf32>) outs(%y : memref<1000xf32>)
  %eb = cache.evict %db : memref<1000xf32>
  memref.dealloc %t : memref<1000xf32>
  return
}
"""


def test_issue_ahead_puts_a_slice_needed_first_ahead_of_a_larger_one() -> None:
    """The smaller slice, waited for first, stalls behind the larger one's
    copy (its wait is measured where the prefetch is, not where its view
    is, and the block's end decides where it goes): it moves up, then the
    larger one moves above it, far enough that both copies hide behind the
    fills; before, nothing moved (the smaller one's view sat above the
    larger one's prefetch, so it was judged not to stall)."""
    from hyperoffload.transforms.issue_points import issue_ahead

    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(QUEUED)
        function = module.body.operations[0].operation
        body = function.regions[0].blocks[0]
        before = block_timeline(body, hardware).end
        stalled = simulate(function, hardware).makespan_s
        assert issue_ahead(body, hardware) == 2
        timeline = block_timeline(body, hardware)
        # Six fills and the adds (0.5 s, 2 s), nothing waited for: the
        # larger copy issued first (0-4 s), the smaller one at the last fill
        # before its wait (4-5 s); before, 5 s of stalls.
        assert before == pytest.approx(13.5, abs=0.01)
        assert timeline.end == pytest.approx(8.5, abs=0.01)
        starts = sorted(
            (start, str(timeline.ops[i].results[0].type))
            for i, (start, _) in timeline.copies.items()
        )
        assert starts == [(0.0, "memref<1000xf32>"), (4.0, "memref<250xf32>")]
        assert simulate(function, hardware).makespan_s < stalled
        assert check_schedule(function) == []
        assert issue_ahead(body, hardware) == 0


def test_issue_ahead_gathers_a_chain_whose_view_is_already_early() -> None:
    """The smaller slice's view sits at the top of the block, its prefetch
    at the bottom behind the larger one's: the latest place it stalls
    least is its own view's, so the prefetch is gathered right after its
    view (before, the view was moved before itself and the prefetch above
    it: a use before its definition)."""
    from hyperoffload.transforms.issue_points import issue_ahead

    view = (
        "  %va = memref.subview %a[0, 0] [1, 250] [1, 1]\n"
        "      : memref<2x250xf32, #cache.remote> to memref<250xf32, strided<[1]>, "
        "#cache.remote>\n"
    )
    alloc = "  %t = memref.alloc() : memref<1000xf32>\n"
    source = QUEUED.replace(view, "").replace(alloc, alloc + view)
    assert source != QUEUED
    hardware = load_profile(str(UNIT))
    with ir.Context():
        module = ir.Module.parse(source)
        function = module.body.operations[0].operation
        body = function.regions[0].blocks[0]
        assert issue_ahead(body, hardware) >= 1
        assert function.verify()
        names = [op.name for op in body.operations]
        assert names[1:3] == ["memref.subview", "cache.prefetch"]
        assert block_timeline(body, hardware).end == pytest.approx(8.5, abs=0.01)
        assert check_schedule(function) == []


def test_a_two_ahead_loop_is_fed_as_early_as_the_link_can() -> None:
    """The 16-layer 7B decode scan, two iterations peeled, wq and the K
    cache streamed two iterations ahead: the block's timeline counts the
    loop by its work, so nothing issues the loop's feed (the peeled
    iteration's slices and the prologue's) before the peeled layers, and
    the link, a little slower than the work, never gets the lead it needs.
    issue_carried issues them from the top as the link takes them, each
    allocated when its copy starts: the copies hide, the peak grows by no
    more than a slice."""
    from hyperoffload.transforms.issue_points import (
        issue_ahead_in_function,
        issue_carried_in_function,
    )
    from hyperoffload.transforms.peel_loop_slices import peel_loop_slices
    from hyperoffload.transforms.split_static_slices import split_static_slices

    hardware = load_profile("gh200")
    config = dataclasses.replace(LlamaConfig.preset("7b"), layers=16, tokens=1, context=2048)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config, "scan"))
        function = module.body.operations[0].operation
        given = simulate(function, hardware, timeline=False)
        function, _ = peel_loop_slices(function, 2)
        function, _ = split_static_slices(function)
        function, _ = stream_function(function, {2, 5}, distance=2)  # wq, the K cache
        issue_in_function(function, hardware)
        issue_ahead_in_function(function, hardware)
        before = simulate(function, hardware, timeline=False)
        assert issue_carried_in_function(function, hardware) > 0
        assert check_schedule(function) == []
        after = simulate(function, hardware, timeline=False)
    assert before.makespan_s > given.makespan_s * 1.02
    assert after.makespan_s <= given.makespan_s * 1.001
    assert after.peak_bytes <= before.peak_bytes + 32 * 2**20
    assert after.peak_bytes < given.peak_bytes * 0.92
