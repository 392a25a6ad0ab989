// Malformed text: every chunk must fail to parse with a located error.
func.func @missing_brace(%a: memref<4xf32>) {
  return

// -----
func.func @bad_type(%a: memref<4xfloat>) {
  return
}

// -----
func.func @undefined_value() {
  memref.dealloc %nope : memref<4xf32>
  return
}

// -----
func.func @redefined(%a: memref<4xf32>) {
  %x = memref.alloc() : memref<4xf32>
  %x = memref.alloc() : memref<4xf32>
  return
}

// -----
func.func @no_terminator(%a: memref<4xf32>) {
  %x = memref.alloc() : memref<4xf32>
}

// -----
module {
  func.func @unterminated_string() attributes {note = "never closed} {
    return
  }
}

// -----
func.func @bad_shape(%a: memref<4x?x>) {
  return
}

// -----
func.func @unbalanced_parens(%a: memref<4xf32> {
  return
}

// -----
%orphan = arith.constant 1 : i32

// -----
func.func @bad_attribute() attributes {x = #unknown.attr<1>} {
  return
}

// -----
func.func @truncated(%a: memref<4xf32>) {
  linalg.copy ins(%a : memref<4xf32>) outs(

// -----
func.func @garbage_bytes() {
  ¤¤¤
}

// -----
func.func @wrong_result_count() -> (i32, i32) {
  %c = arith.constant 0 : i32
  return %c : i32
}

// -----
func.func @block_label_typo(%c: i1) {
  cf.cond_br %c, ^yes, ^no
^yes:
  return
}
