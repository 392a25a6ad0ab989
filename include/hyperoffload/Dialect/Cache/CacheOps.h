//===- CacheOps.h - cache dialect operations --------------------*- C++ -*-===//

#ifndef HYPEROFFLOAD_DIALECT_CACHE_CACHEOPS_H
#define HYPEROFFLOAD_DIALECT_CACHE_CACHEOPS_H

#include "hyperoffload/Dialect/Cache/CacheDialect.h"
#include "hyperoffload/Dialect/Cache/CacheTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "hyperoffload/Dialect/Cache/CacheOps.h.inc"

#endif // HYPEROFFLOAD_DIALECT_CACHE_CACHEOPS_H
