//===- CacheDialect.h - cache dialect ---------------------------*- C++ -*-===//

#ifndef HYPEROFFLOAD_DIALECT_CACHE_CACHEDIALECT_H
#define HYPEROFFLOAD_DIALECT_CACHE_CACHEDIALECT_H

#include "mlir/IR/Dialect.h"

#include "hyperoffload/Dialect/Cache/CacheDialect.h.inc"

#endif // HYPEROFFLOAD_DIALECT_CACHE_CACHEDIALECT_H
