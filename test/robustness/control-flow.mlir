// scf.for/while/if/parallel, cf branches and loops around buffers.
func.func @for_loop(%w: memref<256xf32>, %o: memref<256xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.alloc() : memref<256xf32>
  scf.for %i = %c0 to %n step %c1 {
    linalg.copy ins(%w : memref<256xf32>) outs(%t : memref<256xf32>)
    linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  }
  memref.dealloc %t : memref<256xf32>
  return
}

// -----
func.func @for_with_alloc_inside(%o: memref<256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %t = memref.alloc() : memref<256xf32>
    linalg.copy ins(%o : memref<256xf32>) outs(%t : memref<256xf32>)
    linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
    memref.dealloc %t : memref<256xf32>
  }
  return
}

// -----
func.func @for_iter_args(%o: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %z = arith.constant 0.0 : f32
  %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %z) -> f32 {
    %v = memref.load %o[%i] : memref<4xf32>
    %n = arith.addf %acc, %v : f32
    scf.yield %n : f32
  }
  return %s : f32
}

// -----
func.func @while(%a: memref<8xf32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i : i32
  } do {
  ^bb0(%i: i32):
    linalg.copy ins(%a : memref<8xf32>) outs(%a : memref<8xf32>)
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  }
  return
}

// -----
func.func @if_else(%a: memref<64xf32>, %b: memref<64xf32>, %c: i1) {
  %t = memref.alloc() : memref<64xf32>
  scf.if %c {
    linalg.copy ins(%a : memref<64xf32>) outs(%t : memref<64xf32>)
  } else {
    linalg.copy ins(%b : memref<64xf32>) outs(%t : memref<64xf32>)
  }
  linalg.copy ins(%t : memref<64xf32>) outs(%a : memref<64xf32>)
  memref.dealloc %t : memref<64xf32>
  return
}

// -----
func.func @if_yielding_memref(%a: memref<64xf32>, %b: memref<64xf32>, %c: i1, %o: memref<64xf32>) {
  %m = scf.if %c -> memref<64xf32> {
    scf.yield %a : memref<64xf32>
  } else {
    scf.yield %b : memref<64xf32>
  }
  linalg.copy ins(%m : memref<64xf32>) outs(%o : memref<64xf32>)
  return
}

// -----
func.func @parallel(%a: memref<16x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c16, %c16) step (%c1, %c1) {
    %v = memref.load %a[%i, %j] : memref<16x16xf32>
    memref.store %v, %a[%j, %i] : memref<16x16xf32>
  }
  return
}

// -----
func.func @cf_loop(%a: memref<8xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^header(%c0 : index)
^header(%i: index):
  %go = arith.cmpi slt, %i, %n : index
  cf.cond_br %go, ^body, ^exit
^body:
  linalg.copy ins(%a : memref<8xf32>) outs(%a : memref<8xf32>)
  %next = arith.addi %i, %c1 : index
  cf.br ^header(%next : index)
^exit:
  return
}

// -----
func.func @cf_switch(%a: memref<8xf32>, %flag: i32) {
  cf.switch %flag : i32, [
    default: ^d,
    0: ^zero
  ]
^zero:
  linalg.copy ins(%a : memref<8xf32>) outs(%a : memref<8xf32>)
  return
^d:
  return
}

// -----
func.func @execute_region(%a: memref<8xf32>) {
  scf.execute_region {
    %t = memref.alloc() : memref<8xf32>
    memref.copy %a, %t : memref<8xf32> to memref<8xf32>
    memref.dealloc %t : memref<8xf32>
    scf.yield
  }
  return
}

// -----
func.func @index_switch(%a: memref<8xf32>, %i: index) {
  scf.index_switch %i
  case 1 {
    linalg.copy ins(%a : memref<8xf32>) outs(%a : memref<8xf32>)
    scf.yield
  }
  default {
  }
  return
}

// -----
func.func @nested_loops(%a: memref<32x32xf32>, %o: memref<32x32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c2 step %c1 {
      %t = memref.alloc() : memref<32x32xf32>
      linalg.copy ins(%a : memref<32x32xf32>) outs(%t : memref<32x32xf32>)
      linalg.add ins(%t, %a : memref<32x32xf32>, memref<32x32xf32>) outs(%o : memref<32x32xf32>)
      memref.dealloc %t : memref<32x32xf32>
    }
  }
  return
}
