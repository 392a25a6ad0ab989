"""Byte sizes of memref types (hyperoffload.sizes)."""

from __future__ import annotations

import pytest
from hyperoffload.sizes import SizeError, memref_bytes
from mlir import ir


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("memref<16x16xf32>", 16 * 16 * 4),
        # A view at offset 256 spans from the buffer's start to its last element.
        ("memref<16x16xf32, strided<[16, 1], offset: 256>>", (256 + 255 + 1) * 4),
        # A parameter its callers pass at different offsets: the bytes it spans.
        ("memref<16x16xf32, strided<[16, 1], offset: ?>>", 256 * 4),
        ("memref<4x8xf16, strided<[32, 2], offset: ?>>", (3 * 32 + 7 * 2 + 1) * 2),
    ],
)
def test_memref_bytes(context: ir.Context, text: str, expected: int) -> None:
    assert memref_bytes(ir.Type.parse(text)) == expected


def test_a_dynamic_stride_has_no_size(context: ir.Context) -> None:
    with pytest.raises(SizeError, match="has a dynamic stride"):
        memref_bytes(ir.Type.parse("memref<8xf32, strided<[?], offset: ?>>"))
