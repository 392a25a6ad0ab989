//===- CacheTypes.h - cache dialect types and attributes --------*- C++ -*-===//

#ifndef HYPEROFFLOAD_DIALECT_CACHE_CACHETYPES_H
#define HYPEROFFLOAD_DIALECT_CACHE_CACHETYPES_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "hyperoffload/Dialect/Cache/CacheTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "hyperoffload/Dialect/Cache/CacheAttrs.h.inc"

namespace hyperoffload::cache {
/// Returns true if `type` is a memref in the `#cache.remote` memory space.
bool isRemoteMemRef(mlir::Type type);
/// Returns true if `type` is a memref in device memory (the default space).
bool isDeviceMemRef(mlir::Type type);
} // namespace hyperoffload::cache

#endif // HYPEROFFLOAD_DIALECT_CACHE_CACHETYPES_H
