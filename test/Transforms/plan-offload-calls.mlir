// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=3KiB hw=%S/../Inputs/unit.toml remarks=true' \
// RUN:   --cache-verify-schedule='budget=3KiB hw=%S/../Inputs/unit.toml' 2>&1 | FileCheck %s
// RUN: hyper-opt %s --split-input-file --cache-plan-offload='budget=3KiB hw=%S/../Inputs/unit.toml' --verify-each=false \
// RUN:   | FileCheck %s --check-prefix=IR

// Tests that the parameters of a function that other functions call stay
// on the device, with the callers named (retyping them would leave every
// call passing device memory to a #cache.remote parameter), while the
// caller's own parameters are planned around its calls: the call reads the
// prefetched copy, and the output verifies even without --verify-each.
// CHECK: remark: keeps %arg0 on the device: a parameter of a function called by @main, whose calls pass device memory (inline the calls first, e.g. --inline)
// CHECK: remark: keeps %arg1 on the device: a parameter of a function called by @main
// CHECK: remark: offloads %arg0 (1024 bytes)
// CHECK: remark: offloads %arg1 (1024 bytes)
// IR-LABEL: func.func private @layer
// IR-SAME: (%{{.+}}: memref<256xf32>, %{{.+}}: memref<256xf32>, %{{.+}}: memref<256xf32>)
// IR-LABEL: func.func @main
// IR-SAME: (%[[W0:.+]]: memref<256xf32, #cache.remote>, %[[W1:.+]]: memref<256xf32, #cache.remote>, %[[X:.+]]: memref<256xf32>, %[[O:.+]]: memref<256xf32>)
// IR: %[[D0:.+]], %[[T0:.+]] = cache.prefetch %[[W0]]
// IR: cache.wait %[[T0]]
// IR-NEXT: call @layer(%[[D0]], %[[X]], %[[O]])
// IR: %[[D1:.+]], %[[T1:.+]] = cache.prefetch %[[W1]]
// IR: cache.wait %[[T1]]
// IR-NEXT: call @layer(%[[D1]], %[[X]], %[[O]])
func.func private @layer(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  linalg.add ins(%x, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
func.func @main(%w0: memref<256xf32>, %w1: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  call @layer(%w0, %x, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  linalg.copy ins(%o : memref<256xf32>) outs(%x : memref<256xf32>)
  linalg.copy ins(%x : memref<256xf32>) outs(%o : memref<256xf32>)
  call @layer(%w1, %x, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  return
}

// -----

// Tests that a function calling itself keeps its parameters, and that one
// whose address is taken (func.constant) is treated as called.
// CHECK: remark: keeps %arg0 on the device: a parameter of a function called by @recursive,
// CHECK: remark: keeps %arg0 on the device: a parameter of a function called by @takes_address,
// IR-LABEL: func.func @recursive
// IR-SAME: (%{{.+}}: memref<256xf32>, %{{.+}}: memref<256xf32>, %{{.+}}: i1)
// IR-LABEL: func.func @addressed
// IR-SAME: (%{{.+}}: memref<256xf32>, %{{.+}}: memref<256xf32>)
func.func @recursive(%w: memref<256xf32>, %o: memref<256xf32>, %again: i1) {
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%o : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  scf.if %again {
    %false = arith.constant false
    func.call @recursive(%w, %o, %false) : (memref<256xf32>, memref<256xf32>, i1) -> ()
  }
  return
}
func.func @addressed(%w: memref<256xf32>, %o: memref<256xf32>) {
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%o : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
func.func @takes_address() -> ((memref<256xf32>, memref<256xf32>) -> ()) {
  %f = func.constant @addressed : (memref<256xf32>, memref<256xf32>) -> ()
  return %f : (memref<256xf32>, memref<256xf32>) -> ()
}

// -----

// Tests that a global two functions read stays on the device, each
// function's remark naming the other reader.
// CHECK: remark: keeps @shared_table on the device: global also read by @reads_table_too (one function cannot move it to the pool for the others)
// CHECK: remark: keeps @shared_table on the device: global also read by @reads_table (one function cannot move it to the pool for the others)
memref.global "private" constant @shared_table : memref<256xf32> = dense<2.0>
func.func @reads_table(%o: memref<256xf32>) {
  %t = memref.get_global @shared_table : memref<256xf32>
  linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %t : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
func.func @reads_table_too(%o: memref<256xf32>) {
  %t = memref.get_global @shared_table : memref<256xf32>
  linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
