// Empty modules, declarations only, functions without memrefs.

// -----
module {
}

// -----
module attributes {test.empty} {
  module @nested {
  }
}

// -----
func.func private @external(memref<4xf32>, memref<4xf32>)

// -----
func.func private @external_with_result(memref<4xf32>) -> memref<4xf32>
func.func @caller(%a: memref<4xf32>) -> memref<4xf32> {
  %r = func.call @external_with_result(%a) : (memref<4xf32>) -> memref<4xf32>
  return %r : memref<4xf32>
}

// -----
func.func @empty() {
  return
}

// -----
func.func @scalars_only(%a: i32, %b: f32) -> i32 {
  %c = arith.addi %a, %a : i32
  return %c : i32
}

// -----
func.func @only_constants() -> index {
  %c = arith.constant 42 : index
  return %c : index
}

// -----
func.func @unused_allocation() {
  %a = memref.alloc() : memref<1024xf32>
  memref.dealloc %a : memref<1024xf32>
  return
}

// -----
func.func @leaked_allocation() {
  %a = memref.alloc() : memref<1024xf32>
  return
}

// -----
func.func @alloca(%x: memref<16xf32>) {
  %a = memref.alloca() : memref<16xf32>
  memref.copy %x, %a : memref<16xf32> to memref<16xf32>
  return
}

// -----
func.func @many_functions_a(%x: memref<8xf32>) {
  return
}
func.func @many_functions_b(%x: memref<8xf32>) {
  %a = memref.alloc() : memref<8xf32>
  memref.copy %x, %a : memref<8xf32> to memref<8xf32>
  memref.dealloc %a : memref<8xf32>
  return
}
func.func private @many_functions_c(memref<8xf32>)
