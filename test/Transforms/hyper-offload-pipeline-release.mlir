// RUN: hyper-opt %s --hyper-offload-pipeline='budget=4KiB hw=%S/../Inputs/unit.toml' --report=%t.json -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// Tests that the pipeline releases dead buffers before it moves anything:
// deallocs left at the end of the block (as ownership-based deallocation
// leaves them) move to right after each buffer's last use, which alone
// meets the budget (5 KiB given, 4 KiB released: no copy), and the report
// keeps the function as given and splits the saving.
// CHECK-LABEL: func.func @held
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: memref<256xf32>, %[[O:[a-z0-9_]+]]: memref<256xf32>)
// CHECK-NOT: cache.
// CHECK:      linalg.copy ins(%[[X]] : memref<256xf32>) outs(%[[A:.+]] : memref<256xf32>)
// CHECK-NEXT: %[[B:.+]] = memref.alloc() : memref<256xf32>
// CHECK-NEXT: linalg.copy ins(%[[A]] : memref<256xf32>) outs(%[[B]] : memref<256xf32>)
// CHECK-NEXT: memref.dealloc %[[A]] : memref<256xf32>
// CHECK-NEXT: %[[C:.+]] = memref.alloc() : memref<256xf32>
// CHECK-NEXT: linalg.copy ins(%[[B]] : memref<256xf32>) outs(%[[C]] : memref<256xf32>)
// CHECK-NEXT: memref.dealloc %[[B]] : memref<256xf32>
// CHECK-NEXT: linalg.copy ins(%[[C]] : memref<256xf32>) outs(%[[O]] : memref<256xf32>)
// CHECK-NEXT: memref.dealloc %[[C]] : memref<256xf32>
// CHECK-NEXT: return
// REPORT:      "before": {
// REPORT-NEXT:   "peak_bytes": 5120,
// REPORT:      "peak_before_bytes": 5120,
// REPORT-NEXT: "peak_released_bytes": 4096,
// REPORT-NEXT: "peak_after_bytes": 4096,
// REPORT-NEXT: "saved_by_release_bytes": 1024,
// REPORT-NEXT: "saved_by_streaming_bytes": 0,
// REPORT-NEXT: "saved_by_regions_bytes": 0,
// REPORT-NEXT: "saved_by_offload_bytes": 0,
func.func @held(%x: memref<256xf32>, %o: memref<256xf32>) {
  %a = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%a : memref<256xf32>)
  %b = memref.alloc() : memref<256xf32>
  linalg.copy ins(%a : memref<256xf32>) outs(%b : memref<256xf32>)
  %c = memref.alloc() : memref<256xf32>
  linalg.copy ins(%b : memref<256xf32>) outs(%c : memref<256xf32>)
  linalg.copy ins(%c : memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %a : memref<256xf32>
  memref.dealloc %b : memref<256xf32>
  memref.dealloc %c : memref<256xf32>
  return
}
