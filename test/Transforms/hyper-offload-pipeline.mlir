// RUN: hyper-opt %s --hyper-offload-pipeline='budget=6000 hw=%S/../Inputs/unit.toml' | FileCheck %s --check-prefix=BUDGET
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=0% hw=%S/../Inputs/unit.toml' --hw=%S/../Inputs/unit.toml --report=%t.json -o %t.mlir
// RUN: FileCheck %s --check-prefix=SLOWDOWN < %t.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=6000 hw=%S/../Inputs/unit.toml strategy=on-demand' | FileCheck %s --check-prefix=ONDEMAND
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=6000 hw=%S/../Inputs/unit.toml strategy=distance distance-threshold=2 prefetch-distance=1' | FileCheck %s --check-prefix=DISTANCE

// The weights case of plan-offload.mlir: 7000 B unoffloaded, 4 s of
// compute (the add counts %o once). Under 6000 B both weights are
// prefetched one second ahead.
// BUDGET-LABEL: func.func @weights
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: cache.prefetch %arg0
// BUDGET-NEXT: linalg.fill
// BUDGET-NEXT: cache.wait
// BUDGET-NEXT: linalg.copy

// With no slowdown allowed, the smallest peak is that same 6000 B: both
// copies hide; below it one would be exposed.
// SLOWDOWN-LABEL: func.func @weights
// SLOWDOWN-SAME: memref<250xf32, #cache.remote>, %arg1: memref<250xf32, #cache.remote>
// REPORT:      "peak_bytes": 6000,
// REPORT:      "makespan_s": 4.0,
// REPORT:      "exposed_s": 0.0,
// REPORT:      "overlap_ratio": 1.0,
// REPORT:      "before": {
// REPORT-NEXT:   "peak_bytes": 7000,

// On demand: each copy right before its use, fully exposed.
// ONDEMAND-LABEL: func.func @weights
// ONDEMAND-NEXT: linalg.fill
// ONDEMAND-NEXT: linalg.fill
// ONDEMAND-NEXT: cache.prefetch %arg0
// ONDEMAND-NEXT: cache.wait
// ONDEMAND-NEXT: linalg.copy

// Distance: gaps of at least 2 ops, prefetched 1 op ahead.
// DISTANCE-LABEL: func.func @weights
// DISTANCE-NEXT: linalg.fill
// DISTANCE-NEXT: cache.prefetch %arg0
// DISTANCE-NEXT: linalg.fill
func.func @weights(%w0: memref<250xf32>, %w1: memref<250xf32>, %x: memref<1000xf32>, %o: memref<250xf32>, %s: f32) {
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.copy ins(%w0 : memref<250xf32>) outs(%o : memref<250xf32>)
  linalg.fill ins(%s : f32) outs(%x : memref<1000xf32>)
  linalg.add ins(%o, %w1 : memref<250xf32>, memref<250xf32>) outs(%o : memref<250xf32>)
  return
}

// The statistics and the reasons, as --mlir-pass-statistics prints them.
// RUN: hyper-opt %s --hyper-offload-pipeline='budget=6000 hw=%S/../Inputs/unit.toml' --mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      ... HyperOffload pass statistics ...
// STATS:      HyperOffloadPipelinePass (hyper-offload-pipeline)
// STATS-NEXT:   @weights
// STATS-NEXT:     (S) 6000 budget_bytes
// STATS-NEXT:     (S) 7000 peak_before_bytes
// STATS-NEXT:     (S) 7000 peak_released_bytes
// STATS-NEXT:     (S) 6000 peak_after_bytes
// STATS-NEXT:     (S) 0 saved_by_release_bytes
// STATS-NEXT:     (S) 0 saved_by_streaming_bytes
// STATS-NEXT:     (S) 0 saved_by_regions_bytes
// STATS-NEXT:     (S) 1000 saved_by_offload_bytes
// STATS-NEXT:     (S) 4.0 makespan_before_s
// STATS-NEXT:     (S) 4.0 makespan_after_s
// STATS-NEXT:     (S) 0.0 slowdown
// STATS-NEXT:     (S) 0.0 exposed_s
// STATS-NEXT:     (S) 1.0 overlap_ratio
// STATS-NEXT:     (S) 2000 offloaded-bytes-params
// STATS:          (S) 2 transfers
// STATS:          kept %arg2 (4000 bytes): budget met without it
