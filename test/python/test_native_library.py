"""Loading the dialect library: one copy per process, and the C entry points."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hyperoffload import _native
from mlir import ir


def _run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_a_second_copy_is_refused_before_it_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(_native.library_path(), tmp_path / _native.LIBRARY_NAME)
    monkeypatch.setenv("HYPEROFFLOAD_LIBRARY_DIR", str(tmp_path))
    with pytest.raises(ImportError, match="refusing to load a second copy"):
        _native._load()


def test_the_library_refuses_a_registry_holding_another_copy(tmp_path: Path) -> None:
    # Loading a second copy by hand and asking it to register must not abort
    # MLIR: the library answers False and registers nothing.
    copy = tmp_path / _native.LIBRARY_NAME
    shutil.copy(_native.library_path(), copy)
    result = _run_python(
        f"""
        import ctypes
        import hyperoffload
        from hyperoffload import _native
        from mlir._mlir_libs import get_dialect_registry
        from mlir import ir
        second = ctypes.PyDLL({str(copy)!r})
        second.hyperoffloadCacheRegisterDialect.restype = ctypes.c_bool
        second.hyperoffloadCacheRegisterDialect.argtypes = [_native._Handle]
        second.hyperoffloadCacheLibraryIdentity.restype = ctypes.c_void_p
        registry = get_dialect_registry()
        handle = _native._Handle(_native._capsule_pointer(registry._CAPIPtr))
        first_id = _native._lib.hyperoffloadCacheLibraryIdentity()
        assert second.hyperoffloadCacheLibraryIdentity() != first_id
        print("second copy registers:", second.hyperoffloadCacheRegisterDialect(handle))
        print("first copy registers again:", _native._lib.hyperoffloadCacheRegisterDialect(handle))
        with ir.Context():
            print(ir.Type.parse("!cache.token"))
        """
    )
    assert result.returncode == 0, result.stderr
    assert "second copy registers: False" in result.stdout
    assert "first copy registers again: True" in result.stdout
    assert "!cache.token" in result.stdout


def test_a_missing_library_is_a_clear_import_error(tmp_path: Path) -> None:
    result = _run_python("import hyperoffload", {"HYPEROFFLOAD_LIBRARY_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "ImportError: cache dialect library not found at" in result.stderr
    assert "pip install ." in result.stderr


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
        _native.emit_diagnostic(loc, _native.SEVERITY_WARNING, "w")
        _native.emit_diagnostic(loc, _native.SEVERITY_REMARK, "r")
        _native.emit_diagnostic(loc, _native.SEVERITY_ERROR, "e")
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
