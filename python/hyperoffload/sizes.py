"""Byte sizes of memref types and of budgets written by people."""

from __future__ import annotations

import functools
import math
import re

from mlir import ir


class SizeError(ValueError):
    """A memref's size cannot be known statically."""


def element_bytes(element_type: ir.Type) -> int:
    """Bytes one element takes in memory, as the LLVM lowering allocates it:
    its bit width rounded up to a power-of-two number of bytes (``i1``, ``i4``
    and ``i8`` take 1 byte, ``i24`` takes 4), ``index`` 8 bytes, ``complex``
    twice its part, a vector its lanes times its element."""
    if isinstance(element_type, ir.IndexType):
        return 8
    if isinstance(element_type, ir.ComplexType):
        return 2 * element_bytes(element_type.element_type)
    if isinstance(element_type, ir.VectorType):
        lanes = math.prod(element_type.shape)
        return lanes * element_bytes(element_type.element_type)
    width = getattr(element_type, "width", None)
    if width is None:
        raise SizeError(f"element type {element_type} has no known size")
    nbytes = max(1, (int(width) + 7) // 8)
    return 1 << (nbytes - 1).bit_length()


# Sizes from here on do not fit the 64-bit addresses buffers live at.
MAX_BYTES = (1 << 63) - 1


def memref_bytes(memref: ir.Type, dynamic_dim_bound: int | None = None) -> int:
    """Bytes the buffer of ``memref`` spans.

    With the identity layout that is elements x element size; with a strided
    layout, the extent from offset 0 to the last element addressed (from the
    first element where the offset is dynamic: a parameter that callers pass
    views at different offsets). A dynamic dimension takes
    ``dynamic_dim_bound`` if given; otherwise, as for dynamic strides,
    unranked memrefs and sizes beyond 64-bit addresses, SizeError is raised.
    """
    if not isinstance(memref, ir.MemRefType):
        raise SizeError(f"{memref} is not a ranked memref")
    return _checked_memref_bytes(ir.MemRefType(memref), dynamic_dim_bound)


# Types are uniqued per context and compare and hash by that identity, so a
# type is its own cache key; a cached type keeps its context alive, hence the
# bound on the cache.
@functools.lru_cache(maxsize=4096)
def _checked_memref_bytes(memref: ir.MemRefType, dynamic_dim_bound: int | None) -> int:
    size = _memref_bytes(memref, dynamic_dim_bound)
    if size > MAX_BYTES:
        raise SizeError(f"{memref} spans {size} bytes, more than 64-bit addresses reach")
    return size


def _memref_bytes(memref: ir.MemRefType, dynamic_dim_bound: int | None) -> int:
    shape: list[int] = []
    for dim in memref.shape:
        if ir.ShapedType.is_dynamic_size(dim):
            if dynamic_dim_bound is None:
                raise SizeError(f"{memref} has a dynamic shape")
            shape.append(dynamic_dim_bound)
        else:
            shape.append(dim)
    element = element_bytes(memref.element_type)
    if any(dim == 0 for dim in shape):
        return 0
    if is_identity_layout(memref):
        return math.prod(shape) * element
    try:
        strides, offset = memref.get_strides_and_offset()
    except (ValueError, RuntimeError):
        raise SizeError(f"{memref} has a layout that is not strided") from None
    if any(memref.is_dynamic_stride_or_offset(stride) for stride in strides):
        raise SizeError(f"{memref} has a dynamic stride")
    if memref.is_dynamic_stride_or_offset(offset):
        offset = 0  # a view at an offset its callers choose: the bytes it spans
    last = offset + sum((dim - 1) * stride for dim, stride in zip(shape, strides, strict=True))
    return (last + 1) * element


def is_identity_layout(memref: ir.MemRefType) -> bool:
    """True if ``memref`` has the identity (row-major, offset 0) layout."""
    layout = memref.layout
    if isinstance(layout, ir.AffineMapAttr):
        value = layout.value
        return value == ir.AffineMap.get_identity(value.n_dims)
    return False


_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}


def parse_bytes(text: str) -> int:
    """``"80 GiB"``, ``"1.5MiB"``, ``"4096"``, ``"64kb"`` -> bytes."""
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)\s*", text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"expected a size such as 4096, 64KiB, 1.5MiB or 80GiB, got '{text}'")
    return round(float(match.group(1)) * _UNITS[match.group(2).lower()])


def format_bytes(value: float) -> str:
    """1536 -> ``1.5 KiB``; exact below 1 KiB."""
    if value < 1024:
        return f"{int(value)} B"
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        value /= 1024
        if value < 1024 or unit == "TiB":
            return f"{value:.4g} {unit}"
    raise AssertionError("unreachable")
