// RUN: hyper-opt %s --cache-plan-offload='budget=2KiB hw=%S/../Inputs/unit.toml' \
// RUN:   --cache-verify-schedule='budget=2KiB hw=%S/../Inputs/unit.toml' | FileCheck %s
// RUN: hyper-opt %s --cache-print-liveness -o /dev/null 2>&1 | FileCheck %s --check-prefix=TABLE

// Tests that an unranked cast of a buffer (how upstream's tests hand one to
// printMemrefF32) is the buffer: the call reading it is a use, so the copy
// is in device memory at the call (it was evicted right after the cast),
// and a constant global's copy is dropped after a call that "may write"
// it, never written back into read-only memory.
// TABLE: @table  global    1024 (1 KiB)  #1 memref.get_global  #6 func.call   end       #2 none, #6 unknown
// CHECK-LABEL: func.func @unranked_view
// CHECK: %[[G:.+]] = memref.get_global @table : memref<256xf32, #cache.remote>
// The cast itself is a use (a copy made for it alone, and dropped):
// CHECK: cache.prefetch %[[G]]
// CHECK: %[[D:.+]], %[[T:.+]] = cache.prefetch %[[G]]
// CHECK: cache.wait %[[T]]
// CHECK-NEXT: %[[U:.+]] = memref.cast %[[D]] : memref<256xf32> to memref<*xf32>
// CHECK-NEXT: call @consume(%[[U]], %{{.+}})
// CHECK-NEXT: cache.evict %[[D]] : memref<256xf32>
// CHECK-NOT: cache.evict {{.*}} to
memref.global "private" constant @table : memref<256xf32> = dense<1.0>
func.func private @consume(memref<*xf32>, memref<256xf32>)
func.func @unranked_view(%x: memref<256xf32>, %o: memref<256xf32>) {
  %t = memref.get_global @table : memref<256xf32>
  %u = memref.cast %t : memref<256xf32> to memref<*xf32>
  linalg.add ins(%x, %x : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  call @consume(%u, %o) : (memref<*xf32>, memref<256xf32>) -> ()
  return
}
