// Nested, recursive and indirect calls with memref arguments.
func.func private @leaf(%a: memref<64xf32>) {
  %t = memref.alloc() : memref<64xf32>
  memref.copy %a, %t : memref<64xf32> to memref<64xf32>
  memref.dealloc %t : memref<64xf32>
  return
}
func.func @middle(%a: memref<64xf32>) {
  func.call @leaf(%a) : (memref<64xf32>) -> ()
  return
}
func.func @top(%a: memref<64xf32>, %b: memref<64xf32>) {
  %t = memref.alloc() : memref<64xf32>
  memref.copy %a, %t : memref<64xf32> to memref<64xf32>
  func.call @middle(%t) : (memref<64xf32>) -> ()
  memref.copy %t, %b : memref<64xf32> to memref<64xf32>
  memref.dealloc %t : memref<64xf32>
  return
}

// -----
func.func @mutual_a(%a: memref<8xf32>, %n: index) {
  func.call @mutual_b(%a, %n) : (memref<8xf32>, index) -> ()
  return
}
func.func @mutual_b(%a: memref<8xf32>, %n: index) {
  func.call @mutual_a(%a, %n) : (memref<8xf32>, index) -> ()
  return
}

// -----
func.func @self(%a: memref<8xf32>, %c: i1) {
  scf.if %c {
    func.call @self(%a, %c) : (memref<8xf32>, i1) -> ()
  }
  return
}

// -----
func.func @indirect(%a: memref<8xf32>) {
  %f = func.constant @target : (memref<8xf32>) -> ()
  func.call_indirect %f(%a) : (memref<8xf32>) -> ()
  return
}
func.func @target(%a: memref<8xf32>) {
  return
}

// -----
func.func @call_between_uses(%w: memref<1024xf32>, %o: memref<1024xf32>) {
  %t = memref.alloc() : memref<1024xf32>
  linalg.copy ins(%w : memref<1024xf32>) outs(%t : memref<1024xf32>)
  func.call @opaque() : () -> ()
  func.call @opaque() : () -> ()
  linalg.copy ins(%t : memref<1024xf32>) outs(%o : memref<1024xf32>)
  memref.dealloc %t : memref<1024xf32>
  return
}
func.func private @opaque()

// -----
func.func @returns_alloc() -> memref<16xf32> {
  %t = memref.alloc() : memref<16xf32>
  return %t : memref<16xf32>
}
func.func @uses_returned(%o: memref<16xf32>) {
  %r = func.call @returns_alloc() : () -> memref<16xf32>
  memref.copy %r, %o : memref<16xf32> to memref<16xf32>
  memref.dealloc %r : memref<16xf32>
  return
}

// -----
func.func @call_missing_callee(%a: memref<8xf32>) {
  func.call @does_not_exist(%a) : (memref<8xf32>) -> ()
  return
}
