//===- Effects.h - Memory effects of an op ------------------*- C++ -*-===//
//
// Shared by hyperoffloadGetMemoryEffects and the liveness walk.
//
//===----------------------------------------------------------------------===//

#ifndef HYPEROFFLOAD_ANALYSIS_EFFECTS_H
#define HYPEROFFLOAD_ANALYSIS_EFFECTS_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

namespace hyperoffload {

/// One effect `op` declares: a HyperoffloadEffectKind, and the operand or
/// result it is on (-1 when on neither).
struct MemoryEffect {
  int kind;
  int operand;
  int result;
};

/// Appends the effects `op` declares through upstream's
/// MemoryEffectOpInterface to `effects` and returns a
/// HyperoffloadEffectsStatus.
int collectMemoryEffects(mlir::Operation *op,
                         llvm::SmallVectorImpl<MemoryEffect> &effects);

} // namespace hyperoffload

#endif // HYPEROFFLOAD_ANALYSIS_EFFECTS_H
