"""The Python API of the cache dialect: builders, typed parsing, verifiers."""

from __future__ import annotations

import pytest
from hyperoffload.dialects import cache
from mlir import ir
from mlir.dialects import func

REMOTE_IR = """
func.func @f(%w: memref<4x8xf16, #cache.remote>, %p: memref<4x8xf16, #cache.remote>) {
  %d, %t = cache.prefetch %w : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>
  cache.wait %t
  %e = cache.evict %d to %p [%t] : memref<4x8xf16> to memref<4x8xf16, #cache.remote>
  cache.wait %e
  return
}
"""


def test_every_new_context_knows_the_dialect() -> None:
    with ir.Context():
        assert str(ir.Type.parse("!cache.token")) == "!cache.token"
        memref = ir.Type.parse("memref<4xf32, #cache.remote>")
        assert cache.is_remote(memref)
        assert not cache.is_remote(ir.Type.parse("memref<4xf32>"))
        assert not cache.is_remote(ir.IntegerType.get_signless(32))


def test_parsed_ops_come_back_typed() -> None:
    with ir.Context():
        module = ir.Module.parse(REMOTE_IR)
        body = module.body.operations[0].regions[0].blocks[0]
        ops = list(body.operations)
        assert [type(op).__name__ for op in ops] == [
            "PrefetchOp",
            "WaitOp",
            "EvictOp",
            "WaitOp",
            "ReturnOp",
        ]
        prefetch, wait, evict = ops[0], ops[1], ops[2]
        assert isinstance(prefetch, cache.PrefetchOp)
        assert str(prefetch.source.type) == "memref<4x8xf16, #cache.remote>"
        assert str(prefetch.result.type) == "memref<4x8xf16>"
        assert len(prefetch.asyncDependencies) == 0
        assert list(wait.tokens) == [prefetch.token]
        assert isinstance(evict, cache.EvictOp)
        assert evict.destination is not None
        assert list(evict.asyncDependencies) == [prefetch.token]


def _build_function() -> ir.Module:
    f16 = ir.F16Type.get()
    remote = cache.remote_memref_type([4, 8], f16)
    module = ir.Module.create()
    with ir.InsertionPoint(module.body):

        @func.FuncOp.from_py_func(remote, remote)
        def layer(weight: ir.Value, pool: ir.Value) -> None:
            device, token = cache.prefetch(weight)
            cache.wait([token])
            second, token2 = cache.prefetch(weight, [token])
            dropped = cache.evict(device, [token2])
            written = cache.evict(second, [dropped], to=pool)
            cache.wait([written])

    return module


def test_builders_build_every_op() -> None:
    with ir.Context(), ir.Location.unknown():
        module = _build_function()
        assert module.operation.verify()
        text = str(module)
    assert "cache.prefetch %arg0 : memref<4x8xf16, #cache.remote> -> memref<4x8xf16>" in text
    assert "cache.prefetch %arg0 [%token] :" in text
    assert "cache.evict %result [%token_1] : memref<4x8xf16>" in text
    assert (
        "cache.evict %result_0 to %arg1 [%0] : memref<4x8xf16> to memref<4x8xf16, #cache.remote>"
        in text
    )
    assert text.count("cache.wait") == 2


def test_builders_take_location_and_insertion_point_keywords() -> None:
    with ir.Context():
        loc = ir.Location.file("model.mlir", 3, 7)
        module = ir.Module.create(loc=loc)
        remote = cache.remote_memref_type([2], ir.F32Type.get())
        with ir.InsertionPoint(module.body), loc:
            function = func.FuncOp("g", ir.FunctionType.get([remote], []))
            block = function.add_entry_block()
        ip = ir.InsertionPoint(block)
        _, token = cache.prefetch(block.arguments[0], loc=loc, ip=ip)
        wait = cache.wait([token], loc=loc, ip=ip)
        func.ReturnOp([], loc=loc, ip=ip)
        assert isinstance(wait, cache.WaitOp)
        assert str(wait.location) == 'loc("model.mlir":3:7)'
        assert module.operation.verify()


def test_verifier_errors_reach_python() -> None:
    with ir.Context(), ir.Location.unknown():
        module = ir.Module.create()
        device = ir.MemRefType.get([4], ir.F32Type.get())
        with ir.InsertionPoint(module.body):
            function = func.FuncOp("bad", ir.FunctionType.get([device], []))
            with ir.InsertionPoint(function.add_entry_block()):
                cache.prefetch(function.arguments[0])
                func.ReturnOp([])
        with pytest.raises(ir.MLIRError) as info:
            module.operation.verify()
    assert (
        "'cache.prefetch' op expected source in the #cache.remote memory space, "
        "got 'memref<4xf32>'" in str(info.value)
    )


def test_type_and_attribute_helpers() -> None:
    with ir.Context():
        assert str(cache.token_type()) == "!cache.token"
        assert str(cache.remote_memory_space()) == "#cache.remote"
        remote = cache.remote_memref_type([3, 5], ir.IntegerType.get_signless(8))
        assert str(remote) == "memref<3x5xi8, #cache.remote>"
        assert str(cache.device_memref_type(remote)) == "memref<3x5xi8>"
