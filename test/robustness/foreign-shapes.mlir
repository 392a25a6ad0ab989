// Shapes that IR from other projects has and ours did not (issue 20): each
// chunk must plan, lower and report cleanly, or be refused with a location.

// A called function: its parameters stay on the device (callers pass
// device memory); the caller's own parameters are planned around the call.
func.func private @layer(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  linalg.add ins(%x, %w : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}
func.func @calls_layer(%w0: memref<256xf32>, %w1: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  call @layer(%w0, %x, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  linalg.copy ins(%o : memref<256xf32>) outs(%x : memref<256xf32>)
  call @layer(%w1, %x, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  return
}

// -----
// A public function called by another one, and by itself.
func.func @public_callee(%w: memref<256xf32>, %o: memref<256xf32>, %again: i1) {
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %o : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.copy ins(%w : memref<256xf32>) outs(%o : memref<256xf32>)
  scf.if %again {
    %false = arith.constant false
    func.call @public_callee(%w, %o, %false) : (memref<256xf32>, memref<256xf32>, i1) -> ()
  }
  return
}
func.func @caller(%w: memref<256xf32>, %o: memref<256xf32>) {
  %true = arith.constant true
  call @public_callee(%w, %o, %true) : (memref<256xf32>, memref<256xf32>, i1) -> ()
  return
}

// -----
// Buffers in other memory spaces (integer and attribute spaces): not device
// memory, never moved.
func.func @other_spaces(%a: memref<256xf32, 1>, %b: memref<256xf32>, %c: memref<256xf32, #gpu.address_space<workgroup>>, %o: memref<256xf32>) {
  memref.copy %a, %o : memref<256xf32, 1> to memref<256xf32>
  memref.copy %b, %o : memref<256xf32> to memref<256xf32>
  memref.copy %c, %o : memref<256xf32, #gpu.address_space<workgroup>> to memref<256xf32>
  %s = memref.alloc() : memref<256xf32, 2>
  memref.copy %o, %s : memref<256xf32> to memref<256xf32, 2>
  memref.copy %s, %o : memref<256xf32, 2> to memref<256xf32>
  memref.dealloc %s : memref<256xf32, 2>
  memref.copy %b, %o : memref<256xf32> to memref<256xf32>
  return
}

// -----
// scf.if yielding buffers: one yielded by both branches, and one allocated
// in each branch and freed through the result.
func.func @if_yields(%c: i1, %x: memref<256xf32>, %o: memref<256xf32>) {
  %a = memref.alloc() : memref<256xf32>
  linalg.copy ins(%x : memref<256xf32>) outs(%a : memref<256xf32>)
  %same = scf.if %c -> memref<256xf32> {
    scf.yield %a : memref<256xf32>
  } else {
    scf.yield %a : memref<256xf32>
  }
  linalg.copy ins(%same : memref<256xf32>) outs(%o : memref<256xf32>)
  %either = scf.if %c -> memref<256xf32> {
    %b = memref.alloc() : memref<256xf32>
    linalg.copy ins(%x : memref<256xf32>) outs(%b : memref<256xf32>)
    scf.yield %b : memref<256xf32>
  } else {
    %b = memref.alloc() : memref<256xf32>
    linalg.copy ins(%o : memref<256xf32>) outs(%b : memref<256xf32>)
    scf.yield %b : memref<256xf32>
  }
  linalg.add ins(%either, %a : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %a : memref<256xf32>
  memref.dealloc %either : memref<256xf32>
  return
}

// -----
// A global read by two functions: kept on the device, with the reason.
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

// -----
// One function with a dynamic stride beside one that can be planned.
func.func @dynamic_stride(%a: memref<8xf32, strided<[?]>>, %o: memref<8xf32>) {
  memref.copy %a, %o : memref<8xf32, strided<[?]>> to memref<8xf32>
  return
}
func.func @plannable(%a: memref<256xf32>, %b: memref<256xf32>, %o: memref<256xf32>) {
  linalg.copy ins(%a : memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %b : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  linalg.add ins(%o, %a : memref<256xf32>, memref<256xf32>) outs(%o : memref<256xf32>)
  return
}

// -----
// A tensor returned twice, and a function on tensors that is not bufferized.
func.func @tensor_twice(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %r, %r : tensor<4xf32>, tensor<4xf32>
}
