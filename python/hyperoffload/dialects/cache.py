"""Python API of the ``cache`` dialect.

The op classes are generated from ``dialect/CacheOps.td`` by
``mlir-tblgen -gen-python-op-bindings``; this module adds builders that infer
result types, and helpers for the token type and the remote memory space::

    from hyperoffload.dialects import cache
    dev, token = cache.prefetch(remote_weight)
    cache.wait([token])
    cache.evict(dev)
"""

from __future__ import annotations

from collections.abc import Sequence

from mlir import ir

import hyperoffload  # noqa: F401  (registers the dialect with MLIR)
from hyperoffload._native import RemoteMemorySpaceAttr, TokenType

from ._cache_ops_gen import *  # noqa: F403
from ._cache_ops_gen import EvictOp as _GeneratedEvictOp
from ._cache_ops_gen import PrefetchOp as _GeneratedPrefetchOp
from ._cache_ops_gen import WaitOp as _GeneratedWaitOp
from ._cache_ops_gen import _Dialect
from ._ods_common import _cext as _ods_cext

__all__ = [
    "EvictOp",
    "PrefetchOp",
    "RemoteMemorySpaceAttr",
    "TokenType",
    "WaitOp",
    "device_memref_type",
    "evict",
    "is_remote",
    "prefetch",
    "remote_memory_space",
    "remote_memref_type",
    "token_type",
    "wait",
]


def token_type(context: ir.Context | None = None) -> ir.Type:
    """The ``!cache.token`` type."""
    return TokenType.get(context)


def remote_memory_space(context: ir.Context | None = None) -> ir.Attribute:
    """The ``#cache.remote`` memory-space attribute."""
    return RemoteMemorySpaceAttr.get(context)


def is_remote(type_: ir.Type) -> bool:
    """True if ``type_`` is a memref in the ``#cache.remote`` memory space."""
    if not isinstance(type_, ir.MemRefType):
        return False
    space = type_.memory_space
    return space is not None and RemoteMemorySpaceAttr.isinstance(space)


def remote_memref_type(
    shape: Sequence[int], element_type: ir.Type, *, context: ir.Context | None = None
) -> ir.MemRefType:
    """``memref<shape x element_type, #cache.remote>``."""
    return ir.MemRefType.get(
        list(shape),
        element_type,
        memory_space=remote_memory_space(context),
        loc=ir.Location.unknown(context),
    )


def in_pool(type_: ir.MemRefType) -> ir.MemRefType:
    """``type_`` moved to ``#cache.remote``: same shape, element type and
    layout (a parameter or a view of one that is fetched from the pool)."""
    return ir.MemRefType.get(
        list(type_.shape),
        type_.element_type,
        layout=type_.layout,
        memory_space=remote_memory_space(type_.context),
        loc=ir.Location.unknown(type_.context),
    )


def device_memref_type(type_: ir.MemRefType) -> ir.MemRefType:
    """The device-memory counterpart of ``type_``: same shape and element
    type, identity layout, default memory space."""
    return ir.MemRefType.get(
        list(type_.shape), type_.element_type, loc=ir.Location.unknown(type_.context)
    )


@_ods_cext.register_operation(_Dialect, replace=True)
class PrefetchOp(_GeneratedPrefetchOp):
    """``cache.prefetch`` whose result types are inferred from the source."""

    def __init__(
        self,
        source: ir.Value,
        async_dependencies: Sequence[ir.Value] = (),
        *,
        loc: ir.Location | None = None,
        ip: ir.InsertionPoint | None = None,
    ) -> None:
        """Build ``cache.prefetch``.

        Args:
          source: a memref value in the ``#cache.remote`` memory space.
          async_dependencies: tokens that must complete before the copy starts.
          loc: location of the op (default: the enclosing ``with`` location).
          ip: insertion point (default: the enclosing ``with`` insertion point).
        """
        source_type = ir.MemRefType(source.type)
        super().__init__(
            device_memref_type(source_type),
            token_type(source.context),
            source,
            list(async_dependencies),
            loc=loc,
            ip=ip,
        )


@_ods_cext.register_operation(_Dialect, replace=True)
class EvictOp(_GeneratedEvictOp):
    """``cache.evict``, dropping or writing back a device buffer."""

    def __init__(
        self,
        buffer: ir.Value,
        async_dependencies: Sequence[ir.Value] = (),
        *,
        to: ir.Value | None = None,
        loc: ir.Location | None = None,
        ip: ir.InsertionPoint | None = None,
    ) -> None:
        """Build ``cache.evict``.

        Args:
          buffer: a device-memory memref value to release.
          async_dependencies: tokens that must complete before the op starts.
          to: optional ``#cache.remote`` buffer to write ``buffer`` back into.
          loc: location of the op (default: the enclosing ``with`` location).
          ip: insertion point (default: the enclosing ``with`` insertion point).
        """
        super().__init__(
            token_type(buffer.context),
            buffer,
            list(async_dependencies),
            destination=to,
            loc=loc,
            ip=ip,
        )


@_ods_cext.register_operation(_Dialect, replace=True)
class WaitOp(_GeneratedWaitOp):
    """``cache.wait`` on a list of tokens."""

    def __init__(
        self,
        tokens: Sequence[ir.Value] = (),
        *,
        loc: ir.Location | None = None,
        ip: ir.InsertionPoint | None = None,
    ) -> None:
        """Build ``cache.wait``.

        Args:
          tokens: the tokens the compute stream waits for.
          loc: location of the op (default: the enclosing ``with`` location).
          ip: insertion point (default: the enclosing ``with`` insertion point).
        """
        super().__init__(list(tokens), loc=loc, ip=ip)


def prefetch(
    source: ir.Value,
    async_dependencies: Sequence[ir.Value] = (),
    *,
    loc: ir.Location | None = None,
    ip: ir.InsertionPoint | None = None,
) -> tuple[ir.Value, ir.Value]:
    """Build ``cache.prefetch`` and return ``(device_buffer, token)``."""
    op = PrefetchOp(source, async_dependencies, loc=loc, ip=ip)
    return op.result, op.token


def evict(
    buffer: ir.Value,
    async_dependencies: Sequence[ir.Value] = (),
    *,
    to: ir.Value | None = None,
    loc: ir.Location | None = None,
    ip: ir.InsertionPoint | None = None,
) -> ir.Value:
    """Build ``cache.evict`` and return its token."""
    return EvictOp(buffer, async_dependencies, to=to, loc=loc, ip=ip).token


def wait(
    tokens: Sequence[ir.Value],
    *,
    loc: ir.Location | None = None,
    ip: ir.InsertionPoint | None = None,
) -> WaitOp:
    """Build ``cache.wait`` on ``tokens``."""
    return WaitOp(tokens, loc=loc, ip=ip)
