// RUN: hyper-opt %s --cache-plan-offload='budget=2KiB hw=%S/../Inputs/unit.toml remarks=true' \
// RUN:   --cache-verify-schedule='budget=2KiB hw=%S/../Inputs/unit.toml' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --cache-plan-offload='budget=2KiB hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=2KiB hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: hyper-opt %s --cache-print-liveness -o /dev/null 2>&1 | FileCheck %s --check-prefix=TABLE

// Tests that buffers in a memory space that is neither the device's (the
// default) nor the pool's are not device memory: they are listed, not
// counted in the peak, and never moved (their data keeps its space), with
// the reason given; only the default-space weight is offloaded (its
// policy asks for it).
// REMARK: remark: leaves %arg0 where it is: in memory space 1, not device memory (left where it is)
// REMARK: remark: offloads %arg1 (1024 bytes)
// REMARK: remark: keeps %arg2 on the device: budget met without it
// REMARK: remark: leaves %alloc where it is: in memory space 2, not device memory (left where it is)
// CHECK-LABEL: func.func @spaces
// CHECK-SAME: (%[[A:.+]]: memref<256xf32, 1>, %[[B:.+]]: memref<256xf32, #cache.remote> {cache.policy = "offload"}, %[[O:.+]]: memref<256xf32>)
// CHECK: cache.prefetch %[[B]]
// CHECK: memref.copy %[[A]], %[[O]] : memref<256xf32, 1> to memref<256xf32>
// CHECK: %[[S:.+]] = memref.alloc() : memref<256xf32, 2>
// CHECK: memref.copy %[[O]], %[[S]] : memref<256xf32> to memref<256xf32, 2>

// TABLE: %arg0   argument, space 1, not device  1024 (1 KiB)
// TABLE: %alloc  alloc, space 2, not device     1024 (1 KiB)
// TABLE: peak: 2048 bytes (2 KiB) at entry
// TABLE: live at peak: %arg1 (1024), %arg2 (1024)
func.func @spaces(%a: memref<256xf32, 1>, %b: memref<256xf32> {cache.policy = "offload"}, %o: memref<256xf32>) {
  memref.copy %a, %o : memref<256xf32, 1> to memref<256xf32>
  memref.copy %b, %o : memref<256xf32> to memref<256xf32>
  memref.copy %a, %o : memref<256xf32, 1> to memref<256xf32>
  %s = memref.alloc() : memref<256xf32, 2>
  memref.copy %o, %s : memref<256xf32> to memref<256xf32, 2>
  memref.copy %s, %o : memref<256xf32, 2> to memref<256xf32>
  memref.dealloc %s : memref<256xf32, 2>
  memref.copy %b, %o : memref<256xf32> to memref<256xf32>
  return
}
