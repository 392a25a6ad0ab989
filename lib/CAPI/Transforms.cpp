//===- Transforms.cpp - upstream transformations the passes reuse ---------===//
//
// Upstream C++ transformations that the Python bindings do not expose,
// behind the C API.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Cache.h"

#include "mlir/CAPI/IR.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;

namespace {
llvm::DenseSet<Operation *> operationSet(const uint64_t *ops, int64_t count) {
  llvm::DenseSet<Operation *> set;
  for (int64_t i = 0; i < count; ++i)
    set.insert(reinterpret_cast<Operation *>(static_cast<uintptr_t>(ops[i])));
  return set;
}
} // namespace

MlirOperation hyperoffloadPipelineLoop(MlirOperation loop,
                                       const uint64_t *firstStage,
                                       int64_t count,
                                       const uint64_t *firstStageLast,
                                       int64_t lastCount, bool warmStart,
                                       MlirOperation firstStageAfter,
                                       int64_t distance, bool guarded) {
  auto forOp = dyn_cast<scf::ForOp>(unwrap(loop));
  if (!forOp || distance < 1)
    return MlirOperation{nullptr};
  llvm::DenseSet<Operation *> early = operationSet(firstStage, count);
  llvm::DenseSet<Operation *> late = operationSet(firstStageLast, lastCount);
  IRRewriter rewriter(forOp.getContext());

  // Warm start: the first iteration runs peeled, fetching as it goes (each
  // copy waited right before its first use, later ones hiding behind
  // earlier work), instead of all its copies waited before the loop.
  scf::ForOp first;
  SmallVector<Operation *> peeled;
  if (warmStart) {
    rewriter.setInsertionPoint(forOp);
    if (failed(scf::peelForLoopFirstIteration(rewriter, forOp, first)) ||
        first == forOp)
      first = nullptr;
    if (first)
      for (Operation &op : first.getBody()->without_terminator())
        peeled.push_back(&op);
  }

  // In the kernel: stage 0 (the transfers `distance` iterations ahead; or
  // after the op of the work asked), then stage `distance` (this
  // iteration's work), then the ops asked last in stage `distance - 1`
  // (the next iteration's waits); each in program order.
  unsigned work = static_cast<unsigned>(distance);
  Operation *after = mlirOperationIsNull(firstStageAfter)
                         ? nullptr
                         : unwrap(firstStageAfter);
  if (after && (after->getBlock() != forOp.getBody() ||
                early.contains(after) || late.contains(after)))
    after = nullptr; // Not a stage-1 op of the body: first, as without it.
  std::vector<std::pair<Operation *, unsigned>> schedule;
  auto addEarly = [&] {
    for (Operation &op : forOp.getBody()->without_terminator())
      if (early.contains(&op))
        schedule.emplace_back(&op, 0);
  };
  if (!after)
    addEarly();
  for (Operation &op : forOp.getBody()->without_terminator()) {
    if (!early.contains(&op) && !late.contains(&op))
      schedule.emplace_back(&op, work);
    if (&op == after)
      addEarly();
  }
  for (Operation &op : forOp.getBody()->without_terminator())
    if (late.contains(&op))
      schedule.emplace_back(&op, work - 1);
  scf::PipeliningOption options;
  if (guarded) {
    // Every stage of the prologue and epilogue runs a real iteration (the
    // caller's guard): nothing to predicate.
    options.supportDynamicLoops = true;
    options.predicateFn = [](RewriterBase &, Operation *op, Value) {
      return op;
    };
  }
  options.getScheduleFn =
      [schedule](scf::ForOp,
                 std::vector<std::pair<Operation *, unsigned>> &out) {
        out = schedule;
      };
  // The prologue's copies (not its waits), to issue during the peeled
  // iteration.
  SmallVector<Operation *> prologue;
  options.annotateFn = [&](Operation *op,
                           scf::PipeliningOption::PipelinerPart part,
                           unsigned) {
    if (part == scf::PipeliningOption::PipelinerPart::Prologue &&
        op->getName().getStringRef() != "cache.wait")
      prologue.push_back(op);
  };
  rewriter.setInsertionPoint(forOp);
  bool modified = false;
  FailureOr<scf::ForOp> pipelined =
      scf::pipelineForLoop(rewriter, forOp, options, &modified);
  if (failed(pipelined)) {
    if (first)
      (void)first.promoteIfSingleIteration(rewriter);
    return MlirOperation{nullptr};
  }
  if (first) {
    (void)first.promoteIfSingleIteration(rewriter);
    Operation *anchor = nullptr;
    for (Operation *op : peeled)
      if (op->getName().getStringRef() == "cache.prefetch")
        anchor = op;
    if (anchor)
      for (Operation *op : prologue) {
        op->moveAfter(anchor);
        anchor = op;
      }
  }
  return wrap(pipelined->getOperation());
}

MlirOperation hyperoffloadPeelLoopFront(MlirOperation loop, int64_t count) {
  auto forOp = dyn_cast<scf::ForOp>(unwrap(loop));
  if (!forOp || count < 0)
    return MlirOperation{nullptr};
  std::optional<int64_t> lower = getConstantIntValue(forOp.getLowerBound());
  std::optional<int64_t> upper = getConstantIntValue(forOp.getUpperBound());
  std::optional<int64_t> step = getConstantIntValue(forOp.getStep());
  if (!lower || !upper || !step || *step <= 0 ||
      (*upper - *lower + *step - 1) / *step <= count)
    return MlirOperation{nullptr};
  IRRewriter rewriter(forOp.getContext());
  for (int64_t i = 0; i < count; ++i) {
    scf::ForOp first;
    rewriter.setInsertionPoint(forOp);
    if (failed(scf::peelForLoopFirstIteration(rewriter, forOp, first)) ||
        first == forOp)
      return MlirOperation{nullptr};
    (void)first.promoteIfSingleIteration(rewriter);
  }
  return wrap(forOp.getOperation());
}
