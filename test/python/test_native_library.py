"""Loading the dialect library: one copy per process, and the C entry points."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import hyperoffload
import pytest
from hyperoffload import _native
from mlir import ir
from mlir.dialects import memref


def _run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_a_second_copy_is_refused_before_it_is_loaded() -> None:
    # Another installation's module finds the process already holding a
    # library from elsewhere: it refuses before registering anything.
    result = _run_python(
        """
        import mlir._mlir_libs
        mlir._mlir_libs._hyperoffload_cache_library = "/elsewhere/libHyperOffloadCache.so"
        import hyperoffload
        """
    )
    assert result.returncode != 0
    assert "ImportError: the cache dialect library is already loaded from /elsewhere" in (
        result.stderr
    )
    assert "refusing to load a second copy from" in result.stderr


def test_the_library_refuses_a_registry_holding_another_copy(tmp_path: Path) -> None:
    # A second copy of the C library, loaded by hand and asked to register,
    # must not abort MLIR: it answers False and registers nothing.
    copy = tmp_path / _native.library_path().name
    shutil.copy(_native.library_path(), copy)
    result = _run_python(
        f"""
        import ctypes
        import hyperoffload
        from hyperoffload import _native
        from mlir._mlir_libs import get_dialect_registry
        from mlir import ir

        class Handle(ctypes.Structure):
            _fields_ = [("ptr", ctypes.c_void_p)]

        api = ctypes.pythonapi
        api.PyCapsule_GetPointer.restype = ctypes.c_void_p
        api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
        second = ctypes.PyDLL({str(copy)!r})
        second.hyperoffloadCacheRegisterDialect.restype = ctypes.c_bool
        second.hyperoffloadCacheRegisterDialect.argtypes = [Handle]
        registry = get_dialect_registry()
        pointer = api.PyCapsule_GetPointer(registry._CAPIPtr, b"mlir.ir.DialectRegistry._CAPIPtr")
        print("second copy registers:", second.hyperoffloadCacheRegisterDialect(Handle(pointer)))
        _native.register_dialect(registry)
        print("first copy registers again")
        with ir.Context():
            print(ir.Type.parse("!cache.token"))
        """
    )
    assert result.returncode == 0, result.stderr
    assert "second copy registers: False" in result.stdout
    assert "first copy registers again" in result.stdout
    assert "!cache.token" in result.stdout


def test_a_missing_compiled_part_is_a_clear_import_error(tmp_path: Path) -> None:
    # The Python sources without the extension module, first on the path.
    package = Path(hyperoffload.__file__).parent
    shutil.copytree(
        package,
        tmp_path / "hyperoffload",
        ignore=shutil.ignore_patterns("*.so", "_lib", "__pycache__"),
    )
    result = _run_python("import hyperoffload", {"PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0
    assert "ImportError: the compiled part of hyperoffload (hyperoffload._native) is missing" in (
        result.stderr
    )
    assert "pip install ." in result.stderr


def test_the_cache_types_are_python_classes() -> None:
    from hyperoffload.dialects import cache

    with ir.Context(), ir.Location.unknown():
        token = ir.Type.parse("!cache.token")
        assert isinstance(token, cache.TokenType)
        assert cache.TokenType.get() == token
        memref = ir.Type.parse("memref<4xf32, #cache.remote>")
        assert isinstance(memref.memory_space, cache.RemoteMemorySpaceAttr)
        assert cache.is_remote(memref)
        assert not cache.is_remote(ir.Type.parse("memref<4xf32, 1>"))
        assert not isinstance(ir.Type.parse("index"), cache.TokenType)
        with pytest.raises(ValueError, match="Cannot cast type to TokenType"):
            cache.TokenType(ir.IndexType.get())


def test_operation_lists_index_the_walk() -> None:
    with ir.Context():
        module = ir.Module.parse("func.func @f(%a: index) { return }\nfunc.func @g() { return }")
        function, other = (op.operation for op in module.body.operations)
        ops = _native.liveness_walk(function).operations
        assert len(ops) == 2 and ops[0] == function and ops[-1].name == "func.return"
        assert [ops.position(op) for op in ops] == [0, 1]
        assert ops.position(other) is None
        with pytest.raises(IndexError):
            ops[2]
        with pytest.raises(IndexError):
            ops.move_before([(0, 5)])
        argument = function.regions[0].blocks[0].arguments[0]
        with pytest.raises(TypeError):
            _native.operation_key(argument)
        # The root values index the same way: from the end when negative.
        buffers = ir.Module.parse("func.func @h(%m: memref<4xf32>) { return }")
        held = buffers.body.operations[0].operation
        values = _native.liveness_walk(held).values
        memref = held.regions[0].blocks[0].arguments[0]
        assert len(values) == 1 and values[0] == memref and values[-1] == memref
        with pytest.raises(IndexError, match="value index out of range"):
            values[1]
        with pytest.raises(IndexError, match="value index out of range"):
            values[-2]


def test_parse_source_names_locations_and_wraps_top_level_ops() -> None:
    context = ir.Context()
    module = _native.parse_source(
        "func.func @a() { return }\nfunc.func @b() { return }\n", "m.mlir", context
    )
    assert module is not None
    functions = list(module.body.operations)
    assert len(functions) == 2
    assert str(functions[1].location) == 'loc("m.mlir":2:1)'


def test_parse_source_reports_through_the_context_handlers() -> None:
    context = ir.Context()
    seen: list[str] = []

    def handler(diagnostic: ir.Diagnostic) -> bool:
        seen.append(f"{diagnostic.location}: {diagnostic.message}")
        return True

    context.attach_diagnostic_handler(handler)
    assert _native.parse_source("func.func @f( {", "bad.mlir", context) is None
    assert seen == ['loc("bad.mlir":1:14): expected non-function type']


def test_emit_diagnostic_severities() -> None:
    context = ir.Context()
    seen: list[tuple[str, str]] = []

    def handler(diagnostic: ir.Diagnostic) -> bool:
        seen.append((str(diagnostic.severity), diagnostic.message))
        return True

    context.attach_diagnostic_handler(handler)
    with context:
        loc = ir.Location.file("x.mlir", 1, 1)
        _native.emit_diagnostic(loc, _native.Severity.WARNING, "w")
        _native.emit_diagnostic(loc, _native.Severity.REMARK, "r")
        _native.emit_diagnostic(loc, _native.Severity.ERROR, "e")
    assert seen == [
        ("DiagnosticSeverity.WARNING", "w"),
        ("DiagnosticSeverity.REMARK", "r"),
        ("DiagnosticSeverity.ERROR", "e"),
    ]


def test_available_dialects_lists_registered_dialects() -> None:
    names = _native.available_dialects(ir.Context())
    assert names == sorted(names)
    assert {"cache", "func", "gpu", "linalg", "memref"} <= set(names)


def test_plugin_is_built_beside_the_library() -> None:
    assert _native.plugin_path().is_file()


_USES = """
func.func @f(%a: memref<4xf32>, %b: memref<4xf32>) {
  %t = memref.alloc() {cache.policy = "keep"} : memref<4xf32>
  %u = memref.alloc() : memref<4xf32>
  linalg.add ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%t : memref<4xf32>)
  linalg.copy ins(%t : memref<4xf32>) outs(%u : memref<4xf32>)
  memref.dealloc %t : memref<4xf32>
  memref.dealloc %u : memref<4xf32>
  return
}
"""


def _body(module: ir.Module) -> list[ir.Operation]:
    function = module.body.operations[0]
    return [op.operation for op in function.regions[0].blocks[0].operations]


def test_value_names_are_the_printers() -> None:
    with ir.Context():
        module = ir.Module.parse(_USES)
        function = module.body.operations[0].operation
        ops = _body(module)
        values = [*function.regions[0].blocks[0].arguments, ops[0].results[0], ops[1].results[0]]
        names = _native.value_names(function, values)
        assert names == ["%arg0", "%arg1", "%alloc", "%alloc_0"]
        assert names == [v.get_name() for v in values]
        assert _native.value_names(function, []) == []


def test_value_uses_and_set_operands() -> None:
    with ir.Context():
        module = ir.Module.parse(_USES)
        function = module.body.operations[0].operation
        a, b = function.regions[0].blocks[0].arguments
        ops = _native.liveness_walk(function).operations
        body = _body(module)
        add = ops.position(body[2])
        assert add is not None and ops[add] == body[2]
        uses = ops.uses(a)
        assert uses == [(ops.position(u.owner), u.operand_number) for u in a.uses]
        assert sorted(number for _, number in uses) == [0, 1]
        assert all(owner == add for owner, _ in uses)
        # An owner the walk did not see comes as the op.
        with ir.InsertionPoint(body[-1]), ir.Location.unknown():
            added = memref.DeallocOp(b)
        assert ops.uses(b) == [(added.operation, 0)]
        added.operation.erase()
        # More uses than the first guess of capacity (8).
        many = ir.Module.parse(
            "func.func @g(%x: memref<4xf32>) {\n"
            + "  memref.dealloc %x : memref<4xf32>\n" * 12
            + "  return\n}"
        )
        g = many.body.operations[0].operation
        x = g.regions[0].blocks[0].arguments[0]
        assert len(_native.liveness_walk(g).operations.uses(x)) == 12
        ops.set_operands([use for use in uses if use[1] == 0], b)
        assert [str(o.get_name()) for o in body[2].operands] == ["%arg1", "%arg0", "%alloc"]
        ops.set_operands([], b)  # nothing to do
        assert body[2].verify()


def test_cache_op_builders() -> None:
    # What the planner's rewrite builds: the same ops as the Python
    # builders, before the anchor, at its location.
    source = """
func.func @f(%w: memref<4x8xf16, #cache.remote>, %o: memref<4x8xf16>) {
  linalg.copy ins(%o : memref<4x8xf16>) outs(%o : memref<4x8xf16>) loc("here")
  return
}
"""
    with ir.Context():
        module = ir.Module.parse(source)
        function = module.body.operations[0].operation
        w, _ = function.regions[0].blocks[0].arguments
        copy, ret = (op.operation for op in function.regions[0].blocks[0].operations)
        device, token = _native.build_prefetch(copy, w, [])
        _native.build_wait(copy, [token])
        dirty = _native.build_evict(ret, device, w)
        assert dirty is not None
        again, second = _native.build_prefetch(ret, w, [dirty])
        _native.build_wait(ret, [second])
        _native.build_evict(ret, again)
        _native.liveness_walk(function).operations.set_operands([(copy, 0)], device)
        assert str(device.type) == "memref<4x8xf16>"
        assert str(token.type) == "!cache.token"
        assert function.verify()
        body = [str(op) for op in function.regions[0].blocks[0].operations]
        assert body == [
            "%result, %token = cache.prefetch %arg0 : memref<4x8xf16, #cache.remote> "
            "-> memref<4x8xf16>",
            "cache.wait %token",
            "linalg.copy ins(%result : memref<4x8xf16>) outs(%arg1 : memref<4x8xf16>)",
            "%0 = cache.evict %result to %arg0 : memref<4x8xf16> to memref<4x8xf16, #cache.remote>",
            "%result_0, %token_1 = cache.prefetch %arg0 [%0] : memref<4x8xf16, "
            "#cache.remote> -> memref<4x8xf16>",
            "cache.wait %token_1",
            "%1 = cache.evict %result_0 : memref<4x8xf16>",
            "func.return",
        ]
        located = [op.location for op in function.regions[0].blocks[0].operations]
        assert all(str(loc) == 'loc("here")' for loc in located[:2])


def test_region_op_names_and_attributes() -> None:
    with ir.Context():
        module = ir.Module.parse(_USES)
        ops = _body(module)
        assert _native.region_op_names(ops[2]) == ["arith.addf", "linalg.yield"]
        assert _native.region_op_names(ops[0]) == []
        walked = _native.liveness_walk(module.body.operations[0].operation).operations
        assert walked.with_attribute("cache.policy") == [walked.position(ops[0])]
        assert walked.with_attribute("no.such") == []


def test_linalg_inputs_follow_the_linalg_interface() -> None:
    """``linalg_inputs``: the inputs of any LinalgOp (named, generic, map),
    None for other ops, those with program regions included."""
    text = """
    #id = affine_map<(d0) -> (d0)>
    func.func @f(%a: memref<4xf32>, %b: memref<4xf32>, %c: memref<4xf32>, %n: index) {
      linalg.add ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
      linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
          ins(%a : memref<4xf32>) outs(%c : memref<4xf32>) {
      ^bb0(%x: f32, %y: f32):
        linalg.yield %x : f32
      }
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      scf.for %i = %c0 to %n step %c1 {
        memref.copy %a, %c : memref<4xf32> to memref<4xf32>
      }
      return
    }
    """
    with ir.Context():
        module = ir.Module.parse(text)
        body = module.body.operations[0].regions[0].blocks[0]
        found = [_native.linalg_inputs(op.operation) for op in body.operations]
    assert found == [2, 1, None, None, None, None]
