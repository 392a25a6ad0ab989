/*===- Planner.h - C API of the offload planner's search ----------*- C -*-===*\
|*                                                                            *|
|* The choice loop of hyperoffload.analysis.offload_plan.OffloadPlanner:      *|
|* Python finds the candidates and their gaps, this takes the device-memory   *|
|* peak apart gap by gap. Plain arrays in, plain arrays out; no MLIR types.  *|
\*===----------------------------------------------------------------------===*/

#ifndef HYPEROFFLOAD_C_PLANNER_H
#define HYPEROFFLOAD_C_PLANNER_H

#include "mlir-c/Support.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Strategies, orders and placements, as the Python planner names them.
enum HyperoffloadPlanStrategy {
  HyperoffloadPlanOurs = 0,
  HyperoffloadPlanOnDemand = 1,
  HyperoffloadPlanDistance = 2,
};
enum HyperoffloadPlanOrder {
  HyperoffloadPlanLargest = 0,
  HyperoffloadPlanStreaming = 1,
};
enum HyperoffloadPlanPlacement {
  HyperoffloadPlanRoom = 0,
  HyperoffloadPlanIdeal = 1,
};

/// What the planner knows before it chooses. Steps: `numSteps` ops of the
/// function body, step s starting at `stepStart[s]` seconds of compute
/// (`stepStart[numSteps]` is the function's end); `baseProfile[s]` device
/// bytes at step s with nothing offloaded (numSteps + 1 entries). Gaps,
/// per gap g: the steps of the uses around it (`gapAfter` -1: the entry;
/// `gapBefore` numSteps: the end), the first step without the buffer once
/// evicted, prefetch and write-back seconds, the buffer's bytes, the gaps
/// applied with it (`gapMembers[3g .. 3g+2]`, ascending, g among them, -1
/// padded) and whether its policy forces it.
typedef struct {
  int64_t numSteps;
  const double *stepStart;
  const int64_t *baseProfile;
  int64_t numGaps;
  const int64_t *gapAfter;
  const int64_t *gapBefore;
  const int64_t *gapFreeFrom;
  const double *gapTransfer;
  const double *gapWriteback;
  const int64_t *gapBytes;
  const int64_t *gapMembers;
  const uint8_t *gapForced;
  int64_t budget;
  int32_t strategy;
  int32_t order;
  int32_t placement;
  int64_t distanceThreshold;
  int64_t prefetchDistance;
  /// Options re-costed against the copy engine per choice (ours).
  int64_t lazyOptions;
} HyperoffloadPlanInput;

/// What it chose, in arrays of the caller's (numGaps entries each, the
/// profile numSteps + 1): per gap the prefetch step (-1: not offloaded),
/// its first free step and its exposed seconds; the device bytes per step.
/// When the budget cannot be met, `failedStep` is the peak step where no
/// option is left and `failedBytes` its bytes (otherwise -1 and 0).
typedef struct {
  int64_t *prefetchAt;
  int64_t *freeFrom;
  double *exposed;
  int64_t *profile;
  int64_t failedStep;
  int64_t failedBytes;
} HyperoffloadPlanOutput;

/// Plans `input` into `output`; returns false when the budget is infeasible.
MLIR_CAPI_EXPORTED bool hyperoffloadPlanGaps(const HyperoffloadPlanInput *input,
                                             HyperoffloadPlanOutput *output);

/// The placement loop of cache-schedule-transfers
/// (hyperoffload.transforms.schedule_transfers._hoist_prefetches): the
/// transfers in the order they are placed (latest first use first), each
/// with its step (where its prefetch is now), the lowest step it may move
/// to, the step of its first use, the step of its wait, the step its buffer
/// is freed at, its bytes and its copy seconds.
typedef struct {
  int64_t numSteps;
  /// Compute-time start of each step (numSteps + 1 entries).
  const double *stepStart;
  int64_t numTransfers;
  const int64_t *step;
  const int64_t *lower;
  const int64_t *firstUse;
  const int64_t *wait;
  const int64_t *freeAt;
  const int64_t *bytes;
  const double *seconds;
  /// Device bytes to keep within (negative: none).
  int64_t budget;
  /// Most transfers issued and not yet waited (0: no limit).
  int64_t maxInflight;
} HyperoffloadPlaceInput;

/// Places the transfers of `input`: each takes the latest free window of the
/// copy engine that ends by its first use, moved later until the bytes held
/// fit the budget and the in-flight limit holds. `profile` (numSteps + 1
/// device bytes per step, counting every transfer at its current step) is
/// updated in place; writes each transfer's issue step into `point` and its
/// copy's start into `begin`.
MLIR_CAPI_EXPORTED void
hyperoffloadPlaceTransfers(const HyperoffloadPlaceInput *input,
                           int64_t *profile, int64_t *point, double *begin);

#ifdef __cplusplus
}
#endif

#endif /* HYPEROFFLOAD_C_PLANNER_H */
