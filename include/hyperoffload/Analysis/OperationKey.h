//===- OperationKey.h - What an op's cost follows from -------*- C++ -*-===//
//
// Shared by hyperoffloadOperationKey and the liveness walk's cost classes.
//
//===----------------------------------------------------------------------===//

#ifndef HYPEROFFLOAD_ANALYSIS_OPERATIONKEY_H
#define HYPEROFFLOAD_ANALYSIS_OPERATIONKEY_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace hyperoffload {

/// Appends to `items` what `op`'s cost follows from: its name, its
/// attribute dictionary, its operand types and which operands are the same
/// value, and the names of the ops in its regions, as pointers to uniqued
/// objects (equal only within one context).
void operationKey(mlir::Operation *op, llvm::SmallVectorImpl<uint64_t> &items);

} // namespace hyperoffload

#endif // HYPEROFFLOAD_ANALYSIS_OPERATIONKEY_H
