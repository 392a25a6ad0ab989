"""Roofline costs of linalg ops and data movement."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import first_function, unit_profile
from hyperoffload.analysis.cost_model import CostModel, payload_arithmetic_ops
from hyperoffload.hardware import available_profiles, load_profile
from mlir import ir


def _ops(text: str) -> list[ir.Operation]:
    module = ir.Module.parse(text)
    function = first_function(module)
    # Keep the module alive with the ops.
    _ops.module = module  # type: ignore[attr-defined]
    return [op.operation for op in function.regions[0].blocks[0].operations]


def test_matmul_flops_are_two_m_n_k(context: ir.Context) -> None:
    (matmul, _) = _ops(
        """func.func @f(%a: memref<16x32xf16>, %b: memref<32x64xf16>, %c: memref<16x64xf16>) {
          linalg.matmul ins(%a, %b : memref<16x32xf16>, memref<32x64xf16>)
                        outs(%c : memref<16x64xf16>)
          return }"""
    )
    cost = CostModel(load_profile("h100-pcie")).cost(matmul)
    assert cost.flops == 2 * 16 * 32 * 64
    assert cost.bytes == 2 * (16 * 32 + 32 * 64 + 16 * 64)
    # memory-bound on an H100: bytes / 2 TB/s beats flops / 756 TFLOP/s
    assert cost.bound == "memory"
    assert cost.seconds == pytest.approx(cost.bytes / 2.0e12)


def test_convolution_flops(context: ir.Context) -> None:
    (conv, _) = _ops(
        """func.func @f(%i: memref<2x3x34x34xf32>, %w: memref<8x3x3x3xf32>,
                        %o: memref<2x8x32x32xf32>) {
          linalg.conv_2d_nchw_fchw ins(%i, %w : memref<2x3x34x34xf32>, memref<8x3x3x3xf32>)
                                   outs(%o : memref<2x8x32x32xf32>)
          return }"""
    )
    fast_memory = dataclasses.replace(unit_profile(), hbm_bandwidth=1e12)
    cost = CostModel(fast_memory).cost(conv)
    assert cost.flops == 2 * 2 * 8 * 32 * 32 * 3 * 3 * 3
    assert cost.bytes == 4 * (2 * 3 * 34 * 34 + 8 * 3 * 3 * 3 + 2 * 8 * 32 * 32)
    assert cost.bound == "compute"
    assert cost.seconds == pytest.approx(cost.flops / 1e6)


def test_generic_counts_payload_arithmetic(context: ir.Context) -> None:
    (generic, fill, _) = _ops(
        """#map = affine_map<(d0, d1) -> (d0, d1)>
        func.func @f(%a: memref<10x20xf32>, %o: memref<10x20xf32>, %s: f32) {
          linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
              ins(%a : memref<10x20xf32>) outs(%o : memref<10x20xf32>) {
          ^bb0(%x: f32, %y: f32):
            %c = arith.constant 2.0 : f32
            %m = arith.mulf %x, %c : f32
            %e = math.exp %m : f32
            %r = arith.addf %e, %y : f32
            linalg.yield %r : f32
          }
          linalg.fill ins(%s : f32) outs(%o : memref<10x20xf32>)
          return }"""
    )
    assert payload_arithmetic_ops(generic) == 3
    model = CostModel(unit_profile())
    assert model.cost(generic).flops == 3 * 10 * 20
    fill_cost = model.cost(fill)
    assert fill_cost.flops == 0
    assert fill_cost.bytes == 800
    assert fill_cost.seconds == pytest.approx(800 / 4000)


def test_copy_moves_bytes_twice_and_other_ops_are_free(context: ir.Context) -> None:
    (alloc, copy, load, _) = _ops(
        """func.func @f(%a: memref<1000xf32>, %i: index) {
          %t = memref.alloc() : memref<1000xf32>
          memref.copy %a, %t : memref<1000xf32> to memref<1000xf32>
          %v = memref.load %t[%i] : memref<1000xf32>
          return }"""
    )
    model = CostModel(unit_profile())
    assert model.cost(copy).bytes == 8000
    assert model.cost(copy).seconds == pytest.approx(2.0)
    assert model.cost(alloc).seconds == 0.0
    assert model.cost(load).seconds == 0.0


def test_dynamic_loop_ranges_count_bytes_only(context: ir.Context) -> None:
    (fill, _) = _ops(
        """func.func @f(%o: memref<?x4xf32>, %s: f32) {
          linalg.add ins(%o, %o : memref<?x4xf32>, memref<?x4xf32>) outs(%o : memref<?x4xf32>)
          return }"""
    )
    cost = CostModel(unit_profile()).cost(fill)
    assert cost.flops == 0.0 and cost.bytes == 0 and cost.seconds == 0.0


def test_peak_follows_the_element_type(context: ir.Context) -> None:
    (f16, f64, _) = _ops(
        """func.func @f(%a: memref<64x64xf16>, %b: memref<64x64xf64>) {
          linalg.matmul ins(%a, %a : memref<64x64xf16>, memref<64x64xf16>)
                        outs(%a : memref<64x64xf16>)
          linalg.matmul ins(%b, %b : memref<64x64xf64>, memref<64x64xf64>)
                        outs(%b : memref<64x64xf64>)
          return }"""
    )
    profile = load_profile("h100-pcie")
    assert profile.peak_for(ir.F16Type.get()) == 756e12
    assert profile.peak_for(ir.F64Type.get()) == 26e12
    assert profile.peak_for(ir.IntegerType.get_signless(3)) == profile.peak_flops["default"]
    model = CostModel(profile)
    assert model.cost(f16).flops == model.cost(f64).flops


@pytest.mark.parametrize("name", available_profiles())
def test_shipped_profiles_load_and_cite_sources(name: str) -> None:
    profile = load_profile(name)
    assert profile.name == name
    assert len(profile.source) > 80
    assert profile.device_memory >= 64 * 10**9
    assert profile.pool_to_device_bandwidth < profile.hbm_bandwidth
    assert "default" in profile.peak_flops


def test_profiles_by_path_and_errors(tmp_path: object) -> None:
    from pathlib import Path

    from hyperoffload.hardware import ProfileError

    directory = Path(str(tmp_path))
    good = directory / "mine.toml"
    text = (Path(load_profile.__code__.co_filename).parent / "h200.toml").read_text()
    good.write_text(text.replace('name = "h200"', 'name = "mine"'))
    assert load_profile(str(good)).name == "mine"
    with pytest.raises(ProfileError, match="unknown hardware profile 'nope'"):
        load_profile("nope")
    bad = directory / "bad.toml"
    bad.write_text(text.replace("copy_engines_per_direction = 1", "copy_engines_per_direction = 0"))
    with pytest.raises(ProfileError, match="copy_engines_per_direction must be at least 1"):
        load_profile(str(bad))
    extra = directory / "extra.toml"
    extra.write_text(text.replace('name = "h200"', 'name = "x"\ncolour = "red"'))
    with pytest.raises(ProfileError, match="unknown field"):
        load_profile(str(extra))
    broken = directory / "broken.toml"
    broken.write_text("name = ")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(str(broken))


@pytest.mark.parametrize("name", available_profiles())
def test_profiles_write_back_as_toml_and_scale_compute(name: str, tmp_path: object) -> None:
    from pathlib import Path

    from hyperoffload.hardware import ProfileError

    profile = load_profile(name)
    scaled = profile.with_compute_scaled(0.25, 'Measured "here",\nby a test.')
    path = Path(str(tmp_path)) / "scaled.toml"
    path.write_text(scaled.to_toml())
    assert load_profile(str(path)) == scaled
    assert scaled.name == f"{name}-scaled"
    assert scaled.source.endswith('Measured "here",\nby a test.')
    assert scaled.hbm_bandwidth == profile.hbm_bandwidth * 0.25
    assert all(scaled.peak_flops[k] == v * 0.25 for k, v in profile.peak_flops.items())
    # The links are the machine's, not the kernels'.
    assert scaled.transfer_seconds(1 << 20, True) == profile.transfer_seconds(1 << 20, True)
    with pytest.raises(ProfileError, match="compute scale must be positive"):
        profile.with_compute_scaled(0.0, "")


def test_scaled_compute_divides_every_op_time(context: ir.Context) -> None:
    matmul, fill, _ = _ops(
        """func.func @f(%a: memref<64x64xf16>, %b: memref<64x64xf16>, %c: memref<64x64xf16>,
                        %s: f16) {
          linalg.matmul ins(%a, %b : memref<64x64xf16>, memref<64x64xf16>)
                        outs(%c : memref<64x64xf16>)
          linalg.fill ins(%s : f16) outs(%c : memref<64x64xf16>)
          return }"""
    )
    profile = load_profile("h200")
    scaled = profile.with_compute_scaled(1e-3, "")
    for op in (matmul, fill):
        assert CostModel(scaled).cost(op).seconds == pytest.approx(
            CostModel(profile).cost(op).seconds * 1e3
        )


def test_measured_op_times_replace_the_roofline(context: ir.Context, tmp_path: object) -> None:
    from pathlib import Path

    from hyperoffload.analysis.cost_model import op_signature
    from hyperoffload.hardware import ProfileError

    matmul, fill, other_matmul, _ = _ops(
        """func.func @f(%a: memref<64x64xf16>, %b: memref<64x64xf16>, %c: memref<64x64xf16>,
                        %d: memref<64x32xf16>, %e: memref<64x32xf16>, %s: f16) {
          linalg.matmul ins(%a, %b : memref<64x64xf16>, memref<64x64xf16>)
                        outs(%c : memref<64x64xf16>)
          linalg.fill ins(%s : f16) outs(%c : memref<64x64xf16>)
          linalg.matmul ins(%a, %d : memref<64x64xf16>, memref<64x32xf16>)
                        outs(%e : memref<64x32xf16>)
          return }"""
    )
    signature = op_signature(matmul)
    assert signature.startswith("linalg.matmul {indexing_maps = [")
    assert signature.endswith(
        "(memref<64x64xf16>, memref<64x64xf16>, memref<64x64xf16>) "
        "[arith.mulf, arith.addf, linalg.yield]"
    )
    assert op_signature(other_matmul) != signature
    profile = load_profile("h200")
    measured = profile.with_op_seconds({signature: 2.5e-3}, "Measured by a test.")
    cost = CostModel(measured).cost(matmul)
    assert (cost.seconds, cost.bound) == (2.5e-3, "measured")
    assert cost.flops == CostModel(profile).cost(matmul).flops
    # Ops not measured keep the roofline.
    assert CostModel(measured).cost(fill) == CostModel(profile).cost(fill)
    assert CostModel(measured).cost(other_matmul) == CostModel(profile).cost(other_matmul)
    path = Path(str(tmp_path)) / "measured.toml"
    path.write_text(measured.to_toml())
    assert load_profile(str(path)) == measured
    path.write_text(measured.to_toml().replace("= 0.0025", "= -1.0"))
    with pytest.raises(ProfileError, match=r"\[op_seconds\] must map op signatures"):
        load_profile(str(path))
    with pytest.raises(ProfileError, match="measured op times must be non-negative"):
        profile.with_op_seconds({signature: -1.0}, "")


def test_costs_are_shared_by_ops_with_one_key(context: ir.Context) -> None:
    ops = _ops(
        """#id = affine_map<(d0) -> (d0)>
        func.func @f(%a: memref<64xf32>, %b: memref<64xf32>, %c: memref<64xf32>,
                     %h: memref<64xf16>) {
          linalg.add ins(%a, %b : memref<64xf32>, memref<64xf32>) outs(%c : memref<64xf32>)
          linalg.add ins(%b, %c : memref<64xf32>, memref<64xf32>) outs(%a : memref<64xf32>)
          linalg.add ins(%a, %a : memref<64xf32>, memref<64xf32>) outs(%c : memref<64xf32>)
          linalg.add ins(%h, %h : memref<64xf16>, memref<64xf16>) outs(%h : memref<64xf16>)
          linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
              ins(%a : memref<64xf32>) outs(%c : memref<64xf32>) {
          ^bb0(%x: f32, %y: f32):
            linalg.yield %x : f32
          }
          linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
              ins(%a : memref<64xf32>) outs(%c : memref<64xf32>) {
          ^bb0(%x: f32, %y: f32):
            %s = arith.mulf %x, %x : f32
            linalg.yield %s : f32
          }
          return }"""
    )
    from hyperoffload import _native

    keys = [_native.operation_key(op) for op in ops[:6]]
    # Same name, types and aliasing: one key, one cost.
    assert keys[0] == keys[1]
    # An operand read twice, another element type, another payload: not.
    assert len({keys[0], keys[2], keys[3]}) == 3
    assert keys[4] != keys[5]
    model = CostModel(unit_profile())
    costs = [model.cost(op) for op in ops[:6]]
    assert costs[0] is costs[1]
    assert costs[2].bytes == 2 * 64 * 4 and costs[0].bytes == 3 * 64 * 4
    assert costs[4].flops == 0 and costs[5].flops == 64
    # The liveness walk classes the same ops by the same keys, and costs by
    # class are the costs by op.
    from hyperoffload.analysis.program import ProgramOrder

    function = ops[0].parent.operation
    order = ProgramOrder(function)
    classes = [order.cost_class[order.position_of(op)] for op in ops[:6]]
    assert classes[0] == classes[1] and len(set(classes)) == 5
    assert [order.class_keys[c] for c in classes] == keys
    assert order.cost_class[order.position_of(ops[6])] == -1  # func.return
    fresh = CostModel(unit_profile())
    positions = order.body_positions()
    assert [fresh.cost_at(order, p) for p in positions] == [model.cost(op) for op in ops]


@pytest.mark.parametrize("preset", ["tiny", "moe"])
def test_costs_by_class_are_costs_by_op_on_workloads(preset: str) -> None:
    from hyperoffload.analysis.cost_model import static_time, static_times_at
    from hyperoffload.analysis.program import ProgramOrder
    from hyperoffload.workloads import LlamaConfig, generate_llama

    config = dataclasses.replace(LlamaConfig.preset(preset), layers=2)
    with ir.Context():
        module = ir.Module.parse(generate_llama(config))
        function = first_function(module)
        order = ProgramOrder(function)
        by_class, by_op = CostModel(load_profile("gh200")), CostModel(load_profile("gh200"))
        positions = range(1, order.end_position)
        assert [by_class.cost_at(order, p) for p in positions] == [
            by_op.cost(order.ops[p]) for p in positions
        ]
        body = order.body_positions()
        assert static_times_at(by_class, order, body).tolist() == [
            static_time(by_op, order.ops[p]) for p in body
        ]
        # Layers repeat their ops: far fewer classes than linalg ops.
        linalg = [c for c in order.cost_class if c >= 0]
        assert 0 < len(order.class_keys) < len(linalg)


def test_seconds_by_position_are_costs_by_op_on_lit_inputs() -> None:
    """seconds_at and static_times_at (vectorized, by class) agree with
    costing op by op, on inputs with loops, branches and memref.copy."""
    from conftest import mlir_chunks
    from hyperoffload.analysis.cost_model import static_time, static_times_at
    from hyperoffload.analysis.program import ProgramOrder
    from hyperoffload.ir_utils import functions_with_bodies

    checked = 0
    for _, source in mlir_chunks():
        with ir.Context() as context:
            context.allow_unregistered_dialects = True
            module = ir.Module.parse(source)  # mlir_chunks keeps chunks that parse
            for function in functions_with_bodies(module.operation):
                order = ProgramOrder(function)
                by_class, by_op = CostModel(load_profile("gh200")), CostModel(load_profile("gh200"))
                seconds = by_class.seconds_at(order).tolist()
                assert seconds[1:] == [
                    by_op.cost(order.ops[p]).seconds for p in range(1, len(seconds))
                ]
                body = order.body_positions()
                assert static_times_at(by_class, order, body).tolist() == [
                    static_time(by_op, order.ops[p]) for p in body
                ]
                checked += 1
    assert checked > 20
